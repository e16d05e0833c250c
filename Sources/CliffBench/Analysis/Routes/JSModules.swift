import Foundation

/// Imports, module resolution and definition lookup for JS/TS files, byte level.
enum JSModules {
    /// A local binding introduced by an import or require.
    struct Binding: Sendable, Hashable {
        /// The module specifier as written (`./routes/auth`, `express`).
        var module: String
        /// The imported name (`default`, `*`, or the exported name).
        var imported: String
        var offset: Int
    }

    /// Local name → binding, for `import … from` and `require(…)` forms.
    static func imports(_ f: ScannedFile) -> [String: Binding] {
        var out: [String: Binding] = [:]
        let b = f.bytes
        // `import … from '…'` and `export … from '…'` (re-exports bind nothing locally).
        for at in ByteNav.find(f, "import", in: 0..<b.count, wordStart: true, wordEnd: true) {
            let start = ByteNav.skipTrivia(f, at + 6)
            guard start < b.count else { continue }
            if b[start] == 0x28 || b[start] == 0x2E { continue }  // dynamic import( or import.meta
            var module: String?
            var fromAt = -1
            // Find `from '<module>'` within the statement.
            var i = start
            var r = ByteNav.regionIndex(f.regions, after: i)
            let limit = min(b.count, start + 2000)
            while i < limit {
                if r < f.regions.count, Int(f.regions[r].start) <= i {
                    let reg = f.regions[r]
                    if reg.kind == .string {
                        module = ByteNav.unquote(f.string(Int(reg.start)..<Int(reg.end)))
                        break
                    }
                    i = max(i + 1, Int(reg.end))
                    r += 1
                    continue
                }
                let c = b[i]
                if c == 0x66, ByteNav.isWord(f, i, "from") { fromAt = i }
                if c == 0x3B { break }
                i += 1
            }
            guard let mod = module, fromAt > 0 else { continue }
            parseImportClause(f, start..<fromAt, module: mod, offset: at, into: &out)
        }
        for at in ByteNav.find(f, "require", in: 0..<b.count, wordStart: true, wordEnd: true) {
            let o = ByteNav.skipTrivia(f, at + 7)
            guard o < b.count, b[o] == 0x28, let close = ByteNav.matchingClose(f, o) else { continue }
            guard let mod = ByteNav.stringValue(f, (o + 1)..<close) else { continue }
            // `const X = require('m')`, `const { a, b: c } = require('m')`, `const X = require('m').y`
            guard let eq = ByteNav.prevSignificant(f, at), b[eq] == 0x3D else { continue }
            var member: String?
            let after = ByteNav.skipTrivia(f, close + 1)
            if after < b.count, b[after] == 0x2E {
                let id = ByteNav.identifier(at: ByteNav.skipTrivia(f, after + 1), in: f)
                if !id.isEmpty { member = f.string(id) }
            }
            guard let lhsEnd = ByteNav.prevSignificant(f, eq) else { continue }
            if b[lhsEnd] == 0x7D, let lo = ByteNav.matchingOpen(f, lhsEnd) {
                for part in ByteNav.splitTopLevel(f, (lo + 1)..<lhsEnd, separator: 0x2C) {
                    let txt = f.string(part).replacingOccurrences(of: " ", with: "")
                    let pieces = txt.split(separator: ":").map(String.init)
                    if pieces.count == 2 { out[pieces[1]] = Binding(module: mod, imported: pieces[0], offset: at) } else if pieces.count == 1 {
                        out[pieces[0]] = Binding(module: mod, imported: pieces[0], offset: at)
                    }
                }
            } else if let id = ByteNav.identifier(endingBefore: lhsEnd + 1, in: f) {
                out[f.string(id)] = Binding(module: mod, imported: member ?? "default", offset: at)
            }
        }
        return out
    }

    private static func parseImportClause(_ f: ScannedFile, _ range: Range<Int>, module: String, offset: Int, into out: inout [String: Binding]) {
        var text = ByteNav.codeText(f, range).trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("type ") { text = String(text.dropFirst(5)) }
        var rest = Substring(text)
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            if rest.hasPrefix("{") {
                guard let close = rest.firstIndex(of: "}") else { return }
                for item in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
                    let words = item.split(separator: " ").map(String.init).filter { $0 != "type" }
                    if words.count == 3, words[1] == "as" { out[words[2]] = Binding(module: module, imported: words[0], offset: offset) } else if words.count == 1 {
                        out[words[0]] = Binding(module: module, imported: words[0], offset: offset)
                    }
                }
                rest = rest[rest.index(after: close)...]
            } else if rest.hasPrefix("*") {
                let words = rest.split(separator: " ")
                if words.count >= 3, words[1] == "as" {
                    let name = String(words[2].prefix { $0 != "," })
                    out[name] = Binding(module: module, imported: "*", offset: offset)
                }
                return
            } else {
                let name = String(rest.prefix { $0 != "," && $0 != " " })
                if !name.isEmpty { out[name] = Binding(module: module, imported: "default", offset: offset) }
                rest = rest.dropFirst(name.count)
                if name.isEmpty { return }
            }
        }
    }

    /// The app file a module specifier imported from `from` refers to, if it is part of the app.
    static func resolve(_ spec: String, from: String, in app: AppContext) -> ScannedFile? {
        var base: [String]
        if spec.hasPrefix("./") || spec.hasPrefix("../") {
            var parts = from.split(separator: "/").map(String.init)
            parts.removeLast()
            for comp in spec.split(separator: "/") {
                if comp == "." { continue }
                if comp == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
                parts.append(String(comp))
            }
            base = [parts.joined(separator: "/")]
        } else if spec.hasPrefix("@/") || spec.hasPrefix("~/") {
            let rest = String(spec.dropFirst(2))
            base = ["src/" + rest, rest, "app/" + rest]
        } else if spec.hasPrefix("@server/") || spec.hasPrefix("@shared/") {
            let rest = String(spec.dropFirst(1))
            base = [rest]
        } else {
            return nil
        }
        let exts = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", "/index.ts", "/index.tsx", "/index.js", "/index.jsx"]
        for b in base {
            var stem = b
            for e in [".js", ".mjs", ".cjs"] where stem.hasSuffix(e) {
                let s = String(stem.dropLast(e.count))
                for alt in [".ts", ".tsx", ".mts"] { if let f = app.file(s + alt) { return f } }
                stem = b
            }
            for e in exts { if let f = app.file(stem + e) { return f } }
        }
        return nil
    }

    /// The span of the definition of `name` in a file: a function body, a variable's initializer,
    /// an object property's value or a class method's body.
    static func definition(of name: String, in f: ScannedFile) -> Range<Int>? {
        guard !name.isEmpty else { return nil }
        let b = f.bytes
        for o in ByteNav.find(f, name, in: 0..<b.count, wordStart: true, wordEnd: true) {
            let afterName = ByteNav.skipTrivia(f, o + name.utf8.count)
            let prevID = ByteNav.identifier(endingBefore: o, in: f).map { f.string($0) }
            let prev = ByteNav.prevSignificant(f, o).map { b[$0] }
            if prevID == "function" {
                if let body = functionBody(f, searchFrom: afterName) { return body }
                continue
            }
            guard afterName < b.count else { continue }
            let c = b[afterName]
            if c == 0x3D, afterName + 1 < b.count, b[afterName + 1] != 0x3D, b[afterName + 1] != 0x3E {
                // `const name = …`, `exports.name = …`, `this.name = …`, class field `name = …`
                if prevID == "const" || prevID == "let" || prevID == "var" || prev == 0x2E || prev == 0x3B || prev == 0x7D || prev == 0x7B || prevID == "static" || prevID == "readonly" || prevID == "private" || prevID == "public" {
                    let rhs = ByteNav.skipTrivia(f, afterName + 1)
                    return rhs..<ByteNav.statementEnd(f, rhs)
                }
                continue
            }
            if c == 0x3A, prev == 0x7B || prev == 0x2C {
                // `{ name: value }` (skip TypeScript annotations: `const name: T = …` has const before)
                let rhs = ByteNav.skipTrivia(f, afterName + 1)
                let parts = ByteNav.splitTopLevel(f, rhs..<(ByteNav.statementEnd(f, rhs)), separator: 0x2C)
                if let first = parts.first { return first }
                continue
            }
            if c == 0x3A, prevID == "const" || prevID == "let" || prevID == "var" {
                // `const name: Type = value`
                var j = afterName
                while j < b.count, !(b[j] == 0x3D && j + 1 < b.count && b[j + 1] != 0x3D && b[j + 1] != 0x3E) {
                    if b[j] == 0x3B || b[j] == 0x0A { break }
                    j += 1
                }
                if j < b.count, b[j] == 0x3D {
                    let rhs = ByteNav.skipTrivia(f, j + 1)
                    return rhs..<ByteNav.statementEnd(f, rhs)
                }
                continue
            }
            if c == 0x28, prev == nil || prev == 0x7D || prev == 0x7B || prev == 0x3B || prev == 0x2C || prevID == "async" || prevID == "static" {
                // A method `name(…) {…}`.
                if let close = ByteNav.matchingClose(f, afterName) {
                    let after = ByteNav.skipTrivia(f, close + 1)
                    if after < b.count, b[after] == 0x7B || b[after] == 0x3A, let body = functionBody(f, searchFrom: afterName) { return body }
                }
            }
        }
        return nil
    }

    /// The `{…}` body of a function whose parameter list starts at or after `searchFrom`.
    static func functionBody(_ f: ScannedFile, searchFrom: Int) -> Range<Int>? {
        let b = f.bytes
        var i = ByteNav.skipTrivia(f, searchFrom)
        // Skip generic parameters `<T>`.
        if i < b.count, b[i] == 0x3C { while i < b.count, b[i] != 0x28 { i += 1 } }
        guard i < b.count, b[i] == 0x28, let close = ByteNav.matchingClose(f, i) else { return nil }
        var j = close + 1
        while j < b.count, j < close + 400 {
            if let reg = ByteNav.region(f, at: j) { j = Int(reg.end); continue }
            if b[j] == 0x7B, let end = ByteNav.matchingClose(f, j) {
                // `): { a: T } {` — a type literal: take the next brace if another follows.
                let next = ByteNav.skipTrivia(f, end + 1)
                if next < b.count, b[next] == 0x7B, ByteNav.codeText(f, (close + 1)..<j).contains(":") {
                    return ByteNav.matchingClose(f, next).map { next..<($0 + 1) }
                }
                return j..<(end + 1)
            }
            if b[j] == 0x3B { return nil }
            j += 1
        }
        return nil
    }

    /// The module specifiers a file imports (`import … from 'm'`, `import 'm'`, `require('m')`, `import('m')`,
    /// `export … from 'm'`), unquoted.
    static func moduleLiterals(_ f: ScannedFile) -> Set<String> {
        var out = Set<String>()
        let b = f.bytes
        for reg in f.regions where reg.kind == .string {
            let s = Int(reg.start), e = Int(reg.end)
            guard e - s >= 3, e - s <= 120, b[s] == 0x27 || b[s] == 0x22 || b[s] == 0x60, b[e - 1] == b[s] else { continue }
            // The token before the literal: `from`, `import`, or `(` after `require`/`import`.
            var p = s - 1
            while p >= 0, b[p] == 0x20 || b[p] == 0x09 || b[p] == 0x0A || b[p] == 0x0D { p -= 1 }
            guard p >= 3 else { continue }
            var isModule = false
            if b[p] == 0x28 {
                var q = p - 1
                while q >= 0, b[q] == 0x20 { q -= 1 }
                isModule = q >= 6 && (matchesWord(b, q - 6, "require") || matchesWord(b, q - 5, "import"))
            } else if b[p] == 0x6D {  // `from`
                isModule = matchesWord(b, p - 3, "from")
            } else if b[p] == 0x74 {  // `import`
                isModule = p >= 5 && matchesWord(b, p - 5, "import")
            }
            guard isModule else { continue }
            out.insert(String(decoding: b[(s + 1)..<(e - 1)], as: UTF8.self))
        }
        return out
    }

    @inline(__always)
    private static func matchesWord(_ b: [UInt8], _ at: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at >= 0, at + n <= b.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where b[at + k] != w[k] { return false }
        return at == 0 || !ByteClass.isIdentifier(b[at - 1])
    }

    /// Whether a string literal equal to one of `modules` (or starting with `m/`) appears in the file.
    static func mentionsModule(_ f: ScannedFile, _ modules: [String]) -> String? {
        let lits = moduleLiterals(f)
        return modules.first { m in lits.contains(m) || lits.contains { $0.hasPrefix(m + "/") } }
    }
}
