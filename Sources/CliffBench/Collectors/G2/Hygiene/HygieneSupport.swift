import Foundation

/// Shared helpers of the hygiene collectors (G2.D5–D8, G2.P2, G7.D2): code-only byte walks that skip
/// comments and literals, the block structure of a JS/TS file, Python `def` bodies, and file predicates.
enum Hygiene {
    /// Program files that ship: JS/TS/Python/Vue/Svelte, not tests, config, docs, declaration files,
    /// tooling scripts or minified bundles.
    static func isShippedProgram(_ f: ScannedFile) -> Bool {
        guard f.language.isProgram else { return false }
        return f.shared("Hygiene.isShippedProgram") { judgeShippedProgram(f) }
    }

    private static func judgeShippedProgram(_ f: ScannedFile) -> Bool {
        switch f.role {
        case .test, .config, .docs, .schema: return false
        case .other:
            // Express apps serve `public/*.js` to the browser; `scripts/` are developer tooling.
            guard f.path.hasPrefix("public/") || f.path.contains("/public/") else { return false }
        default: break
        }
        if isTooling(f.path) || f.path.hasSuffix(".d.ts") || isMinified(f) || generatedDirectory(f.path) != nil { return false }
        return true
    }

    /// Directories of build output or vendored code that the walker does not know by name
    /// (`dev-dist` of vite-plugin-pwa, `dist-ssr`, `vendor`), returned as the directory path.
    static func generatedDirectory(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        for (k, part) in parts.dropLast().enumerated() where generatedNames.contains(String(part)) {
            return parts[0...k].joined(separator: "/")
        }
        return nil
    }

    static let buildOutputNames: Set<String> = ["dev-dist", "dist-ssr", ".vite", ".expo", ".wrangler", ".serverless", ".docusaurus"]
    private static let generatedNames: Set<String> = buildOutputNames.union(["vendor", "vendors", "third_party", "third-party"])

    /// Developer tooling that is not part of the running app: scripts, seeds, migrations runners, CLIs.
    static func isTooling(_ path: String) -> Bool {
        let p = "/" + path.lowercased()
        let name = p.split(separator: "/").last.map(String.init) ?? p
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if name.hasPrefix(".") || stem.hasPrefix("test") || stem.hasSuffix("test") || stem.contains("_test") || stem.contains("-test") || stem.hasPrefix("debug") { return true }
        return p.contains("/scripts/") || p.contains("/bin/") || p.contains("/tools/") || p.contains("/seed")
            || name.hasPrefix("seed") || name.hasPrefix("migrate") || name == "manage.py" || p.contains("/management/commands/")
            || p.contains("/fixtures/") || p.contains("/examples/") || p.contains("/example/")
    }

    /// A bundle or vendored minified file: very long lines.
    static func isMinified(_ f: ScannedFile) -> Bool {
        if f.path.contains(".min.") { return true }
        guard f.bytes.count > 2_000 else { return false }
        return f.bytes.count / max(1, f.lineCount) > 300
    }

    /// Files whose code reads like a test (role test, or a spec/test name anywhere).
    static func isTestFile(_ f: ScannedFile) -> Bool { f.role == .test }

    /// Whether the app uses React (a react dependency, or a .jsx/.tsx file).
    static func usesReact(_ app: AppContext, manifests: [NpmManifest]) -> Bool {
        if manifests.contains(where: { $0.allDependencies["react"] != nil }) { return true }
        return app.files.contains { ($0.language == .tsx || $0.language == .jsx) && $0.role != .test }
    }

    /// Lines of `files`, for densities.
    static func lines(_ files: [ScannedFile]) -> Int { files.reduce(0) { $0 + $1.lineCount } }

    /// Severity weights for density scores: one high counts as nine lows.
    static func densityWeight(_ s: Severity) -> Double {
        switch s {
        case .critical: 27
        case .high: 9
        case .medium: 3
        case .low: 1
        case .info: 0
        }
    }

    /// Weighted findings per 1,000 lines, scored on a log-normal curve (`p10` findings/KLOC scores 90,
    /// `median` scores 50).
    static func densityScore(_ findings: [Finding], lines: Int, p10: Double, median: Double) -> (score: Double, density: Double) {
        let weight = findings.reduce(0.0) { $0 + densityWeight($1.severity) }
        guard weight > 0 else { return (100, 0) }
        let density = weight * 1000 / Double(max(lines, 200))
        return (FindingScore.logNormal(density, p10: p10, median: median), FindingScore.round1(density))
    }

    /// Multiplies a score by the app-level findings' FindingScore factor.
    static func applyAppFindings(_ score: Double, _ appFindings: [Finding]) -> Double {
        FindingScore.round1(score * FindingScore.score(appFindings) / 100)
    }
}

// MARK: - Code walks

extension Hygiene {
    /// Navigation over one file's bytes that tells code from comments and literals.
    struct Code {
        let file: ScannedFile
        var bytes: [UInt8] { file.bytes }
        var count: Int { file.bytes.count }

        init(_ file: ScannedFile) { self.file = file }

        /// Index of the first region whose end lies after `offset`.
        func regionIndex(after offset: Int) -> Int {
            let rs = file.regions
            var lo = 0, hi = rs.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if Int(rs[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        func isCode(_ offset: Int) -> Bool { file.kind(at: offset) == .code }

        /// The next byte at or after `offset` that is neither white space nor inside a comment (a string
        /// or regex literal's first byte counts as a token).
        func nextToken(_ offset: Int) -> Int? {
            let rs = file.regions, b = file.bytes
            var i = offset
            var r = regionIndex(after: i)
            while i < b.count {
                if r < rs.count, i >= Int(rs[r].start) {
                    if rs[r].kind == .comment {
                        i = Int(rs[r].end)
                        r += 1
                        continue
                    }
                    return i
                }
                if ByteClass.isSpace(b[i]) { i += 1; continue }
                return i
            }
            return nil
        }

        /// The region containing `offset`, if any.
        func region(containing offset: Int) -> Region? {
            let r = regionIndex(after: offset)
            guard r < file.regions.count, Int(file.regions[r].start) <= offset else { return nil }
            return file.regions[r]
        }

        /// The last byte before `offset` that is neither white space nor inside a comment.
        func prevToken(_ offset: Int) -> Int? {
            let b = file.bytes
            var i = offset - 1
            while i >= 0 {
                if let reg = region(containing: i) {
                    if reg.kind == .comment {
                        i = Int(reg.start) - 1
                        continue
                    }
                    return i
                }
                if ByteClass.isSpace(b[i]) { i -= 1; continue }
                return i
            }
            return nil
        }

        /// The identifier that ends at `end` (exclusive), if the byte before is an identifier byte.
        func identifier(endingAt end: Int) -> Range<Int>? {
            let b = file.bytes
            var s = end
            while s > 0 && ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
            return s < end ? s..<end : nil
        }

        /// The identifier that starts at `start`.
        func identifier(startingAt start: Int) -> Range<Int> {
            let b = file.bytes
            var e = start
            while e < b.count && ByteClass.isIdentifier(b[e]) { e += 1 }
            return start..<e
        }

        func text(_ r: Range<Int>) -> String { file.string(r) }

        /// Whether the code bytes of `range` contain `literal` (comments and literals skipped).
        func codeContains(_ literal: String, in range: Range<Int>, wordStart: Bool = false) -> Bool {
            firstCode(literal, in: range, wordStart: wordStart) != nil
        }

        /// Offset of the first occurrence of `literal` in code (not comments or literals) within `range`.
        func firstCode(_ literal: String, in range: Range<Int>, wordStart: Bool = false, wordEnd: Bool = false) -> Int? {
            allCode(literal, in: range, wordStart: wordStart, wordEnd: wordEnd, limit: 1).first
        }

        /// Offsets of `literal` in code within `range`.
        func allCode(_ literal: String, in range: Range<Int>, wordStart: Bool = false, wordEnd: Bool = false, limit: Int = .max) -> [Int] {
            let needle = Array(literal.utf8)
            let b = file.bytes
            guard let first = needle.first, range.count >= needle.count else { return [] }
            var out: [Int] = []
            var i = range.lowerBound
            let last = min(range.upperBound, b.count) - needle.count
            while i <= last {
                if b[i] == first {
                    var ok = true
                    for j in 1..<needle.count where b[i + j] != needle[j] { ok = false; break }
                    if ok, !wordStart || i == 0 || !ByteClass.isIdentifier(b[i - 1]),
                       !wordEnd || i + needle.count >= b.count || !ByteClass.isIdentifier(b[i + needle.count]),
                       isCode(i) {
                        out.append(i)
                        if out.count >= limit { return out }
                    }
                }
                i += 1
            }
            return out
        }

        /// Whether `literal` occurs anywhere in `range` (code, strings or comments alike).
        func rawContains(_ literal: String, in range: Range<Int>) -> Bool {
            rawFind(literal, in: range) != nil
        }
    }
}

// MARK: - JS block structure

extension Hygiene {
    /// A `{…}` block of a JS/TS file and what opens it.
    struct JSBlock: Sendable {
        enum Kind: Sendable { case function, control, other }
        var open: Int
        var close: Int
        var kind: Kind
        /// For control blocks: `if`, `for`, `while`, `switch`, `catch`, `try`, `else`, `finally`, `do`.
        var keyword: String
        /// Parameter list of a function (the parentheses included), or the single bare parameter.
        var params: Range<Int>?
        var isAsync: Bool
        /// Where the function's header starts (`async`, `function` or the parameter list).
        var headerStart: Int
        /// The `(` of the call this function is an argument of, if any.
        var callOpen: Int?
        var body: Range<Int> { (open + 1)..<close }
    }

    /// The blocks of a JS/TS file (or of the script parts of a Vue/Svelte/HTML file), sorted by opening brace.
    struct JSStructure: Sendable {
        var blocks: [JSBlock]
        /// `(` offset → matching `)` offset.
        var parens: [Int: Int]

        /// The innermost function block containing `offset`.
        func enclosingFunction(_ offset: Int) -> JSBlock? {
            var best: JSBlock?
            for b in blocks where b.kind == .function && b.open < offset && offset < b.close {
                if best == nil || b.open > best!.open { best = b }
            }
            return best
        }

        /// The innermost block of any kind containing `offset`.
        func enclosingBlock(_ offset: Int) -> JSBlock? {
            var best: JSBlock?
            for b in blocks where b.open < offset && offset < b.close {
                if best == nil || b.open > best!.open { best = b }
            }
            return best
        }

        /// The file's structure, built once and shared by the collectors that read it.
        static func of(_ file: ScannedFile) -> JSStructure {
            file.shared("Hygiene.JSStructure") { build(file) }
        }

        static func build(_ file: ScannedFile) -> JSStructure {
            let code = Code(file)
            let b = file.bytes
            let rs = file.regions
            var stack: [(byte: UInt8, offset: Int, block: Int)] = []
            var blocks: [JSBlock] = []
            var parens: [Int: Int] = [:]
            var closeToOpen: [Int: Int] = [:]
            var i = 0
            var r = 0
            while i < b.count {
                if r < rs.count, i >= Int(rs[r].start) {
                    i = max(i, Int(rs[r].end))
                    r += 1
                    continue
                }
                let c = b[i]
                switch c {
                case 0x28, 0x5B: // ( [
                    stack.append((c, i, -1))
                case 0x29, 0x5D: // ) ]
                    let want: UInt8 = c == 0x29 ? 0x28 : 0x5B
                    if let k = stack.lastIndex(where: { $0.byte == want }), stack.count - k <= 8 {
                        if c == 0x29 {
                            parens[stack[k].offset] = i
                            closeToOpen[i] = stack[k].offset
                        }
                        stack.removeSubrange(k...)
                    }
                case 0x7B: // {
                    let callOpen = stack.last.flatMap { $0.byte == 0x28 ? $0.offset : nil }
                    var block = classify(code, open: i, closeToOpen: closeToOpen)
                    if block.kind == .function { block.callOpen = callOpen }
                    blocks.append(block)
                    stack.append((c, i, blocks.count - 1))
                case 0x7D: // }
                    if let k = stack.lastIndex(where: { $0.byte == 0x7B }), stack.count - k <= 8 {
                        let idx = stack[k].block
                        if idx >= 0 { blocks[idx].close = i }
                        stack.removeSubrange(k...)
                    }
                default:
                    break
                }
                i += 1
            }
            for k in blocks.indices where blocks[k].close < 0 { blocks[k].close = b.count }
            return JSStructure(blocks: blocks, parens: parens)
        }

        private static let controlWords: Set<String> = ["if", "for", "while", "switch", "catch", "with"]
        private static let bareControl: Set<String> = ["try", "else", "finally", "do"]
        private static let notCallees: Set<String> = ["return", "typeof", "await", "yield", "new", "in", "of", "instanceof", "case", "void", "delete"]

        private static func classify(_ code: Code, open: Int, closeToOpen: [Int: Int]) -> JSBlock {
            let b = code.bytes
            var block = JSBlock(open: open, close: -1, kind: .other, keyword: "", params: nil, isAsync: false, headerStart: open, callOpen: nil)
            guard let p = code.prevToken(open), code.isCode(p) else { return block }
            // Arrow function body.
            if b[p] == 0x3E, p > 0, b[p - 1] == 0x3D {
                guard let q = code.prevToken(p - 1), code.isCode(q) else { return block }
                var paramsRange: Range<Int>?
                if b[q] == 0x29, let o = closeToOpen[q] {
                    paramsRange = o..<(q + 1)
                } else if ByteClass.isIdentifier(b[q]), let w = code.identifier(endingAt: q + 1) {
                    paramsRange = w
                } else if let (o, c) = returnTypeParams(code, before: q, closeToOpen: closeToOpen) {
                    paramsRange = o..<(c + 1)
                }
                guard let params = paramsRange else { return block }
                block.kind = .function
                block.params = params
                block.headerStart = params.lowerBound
                if let a = code.prevToken(params.lowerBound), let w = code.identifier(endingAt: a + 1), code.text(w) == "async" {
                    block.isAsync = true
                    block.headerStart = w.lowerBound
                }
                return block
            }
            var close: Int? = b[p] == 0x29 ? p : nil
            if close == nil, let (_, c) = returnTypeParams(code, before: p, closeToOpen: closeToOpen) { close = c }
            if let c = close, let o = closeToOpen[c] {
                guard let w0 = code.prevToken(o) else { return block }
                if ByteClass.isIdentifier(b[w0]), let w = code.identifier(endingAt: w0 + 1) {
                    let word = code.text(w)
                    if controlWords.contains(word) {
                        block.kind = .control
                        block.keyword = word
                        block.headerStart = w.lowerBound
                        return block
                    }
                    if notCallees.contains(word) { return block }
                    block.kind = .function
                    block.params = o..<(c + 1)
                    block.headerStart = w.lowerBound
                    // `function name(`, `async name(`, `async function name(`.
                    var head = w.lowerBound
                    if word != "function", let k = code.prevToken(w.lowerBound), let kw = code.identifier(endingAt: k + 1) {
                        let kwText = code.text(kw)
                        if kwText == "function" || kwText == "async" || kwText == "get" || kwText == "set" || kwText == "static" {
                            head = kw.lowerBound
                        }
                    } else if word != "function", let k = code.prevToken(w.lowerBound), b[k] == 0x2A,
                              let k2 = code.prevToken(k), let kw = code.identifier(endingAt: k2 + 1), code.text(kw) == "function" {
                        head = kw.lowerBound
                    }
                    block.headerStart = head
                    if let a = code.prevToken(head), let aw = code.identifier(endingAt: a + 1), code.text(aw) == "async" {
                        block.isAsync = true
                        block.headerStart = aw.lowerBound
                    } else if code.text(code.identifier(startingAt: head)) == "async" {
                        block.isAsync = true
                    }
                    return block
                }
                if b[w0] == 0x2A { // function* (
                    block.kind = .function
                    block.params = o..<(c + 1)
                    return block
                }
                return block
            }
            if ByteClass.isIdentifier(b[p]), let w = code.identifier(endingAt: p + 1) {
                let word = code.text(w)
                if bareControl.contains(word) {
                    block.kind = .control
                    block.keyword = word
                    block.headerStart = w.lowerBound
                }
            }
            return block
        }

        /// `(…): Type {` or `(…): Type =>`: the parameter list before a TypeScript return type.
        private static func returnTypeParams(_ code: Code, before end: Int, closeToOpen: [Int: Int]) -> (Int, Int)? {
            let b = code.bytes
            var i = end
            var steps = 0
            var depth = 0
            while i >= 0, steps < 200 {
                let c = b[i]
                if !code.isCode(i) { i -= 1; steps += 1; continue }
                if c == 0x3E || c == 0x5D || c == 0x29 && depth > 0 { depth += 1 }
                else if c == 0x3C || c == 0x5B || c == 0x28 && depth > 0 { depth -= 1 }
                else if c == 0x3A && depth == 0 {
                    guard let q = code.prevToken(i), b[q] == 0x29, let o = closeToOpen[q] else { return nil }
                    return (o, q)
                } else if !(ByteClass.isIdentifier(c) || ByteClass.isSpace(c) || c == 0x7C || c == 0x26 || c == 0x2E || c == 0x2C || c == 0x3F || c == 0x7B || c == 0x7D || c == 0x3B && depth > 0) {
                    return nil
                }
                if c == 0x7B || c == 0x7D {
                    if depth == 0 { return nil }
                }
                i -= 1
                steps += 1
            }
            return nil
        }
    }

    /// The dotted callee before a call's `(`: `app.post`, `router.get`, `it`, `test.only`.
    static func callee(_ code: Code, callOpen: Int) -> (text: String, start: Int)? {
        guard let p = code.prevToken(callOpen), code.isCode(p), ByteClass.isIdentifier(code.bytes[p]) else { return nil }
        var start = code.identifier(endingAt: p + 1)!.lowerBound
        var parts = [code.text(start..<(p + 1))]
        while let d = code.prevToken(start), code.bytes[d] == 0x2E, let q = code.prevToken(d), ByteClass.isIdentifier(code.bytes[q]),
              let w = code.identifier(endingAt: q + 1) {
            parts.insert(code.text(w), at: 0)
            start = w.lowerBound
            if parts.count > 6 { break }
        }
        return (parts.joined(separator: "."), start)
    }

    /// The top-level arguments of a call whose `(` is at `open`: byte ranges, trimmed.
    static func arguments(_ code: Code, open: Int, close: Int) -> [Range<Int>] {
        let b = code.bytes
        var out: [Range<Int>] = []
        var depth = 0
        var start = open + 1
        var i = open + 1
        let rs = code.file.regions
        var r = code.regionIndex(after: i)
        while i < close {
            if r < rs.count, i >= Int(rs[r].start) {
                i = max(i, Int(rs[r].end))
                r += 1
                continue
            }
            let c = b[i]
            if c == 0x28 || c == 0x5B || c == 0x7B { depth += 1 }
            else if c == 0x29 || c == 0x5D || c == 0x7D { depth -= 1 }
            else if c == 0x2C && depth == 0 {
                out.append(trim(b, start..<i))
                start = i + 1
            }
            i += 1
        }
        let last = trim(b, start..<close)
        if !last.isEmpty { out.append(last) }
        return out
    }

    static func trim(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = r.upperBound
        while s < e && ByteClass.isSpace(b[s]) { s += 1 }
        while e > s && ByteClass.isSpace(b[e - 1]) { e -= 1 }
        return s..<e
    }
}

// MARK: - Python functions

extension Hygiene {
    /// A Python `def` with its decorators and body lines.
    struct PyDef: Sendable {
        var name: String
        /// Offset of `def` (or `async def`).
        var offset: Int
        var params: String
        var decorators: [String]
        var indent: Int
        /// Byte range of the body (from the line after the header to the last indented line).
        var body: Range<Int>
    }

    /// The `def`s of a Python file, nested ones included.
    static func pythonDefs(_ file: ScannedFile) -> [PyDef] {
        let b = file.bytes
        var defs: [PyDef] = []
        var lineInfo: [(start: Int, end: Int, indent: Int, first: Int)] = []
        let code = Code(file)
        for line in 1...max(1, file.lineCount) {
            let r = file.lineRange(line)
            var j = r.lowerBound
            while j < r.upperBound && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
            guard j < r.upperBound else { continue }
            if let reg = code.region(containing: j), reg.kind == .comment || Int(reg.start) != j { continue }
            lineInfo.append((r.lowerBound, r.upperBound, j - r.lowerBound, j))
        }
        for (k, l) in lineInfo.enumerated() {
            var j = l.first
            let isAsync = file.string(j..<min(l.end, j + 6)) == "async "
            if isAsync { j += 6; while j < l.end && b[j] == 0x20 { j += 1 } }
            guard file.string(j..<min(l.end, j + 4)) == "def " else { continue }
            let nameStart = j + 4
            var e = nameStart
            while e < l.end && ByteClass.isIdentifier(b[e]) { e += 1 }
            let name = file.string(nameStart..<e)
            var params = ""
            if e < b.count, b[e] == 0x28 {
                var depth = 0, q = e
                while q < b.count {
                    if file.kind(at: q) == .code {
                        if b[q] == 0x28 { depth += 1 } else if b[q] == 0x29 { depth -= 1; if depth == 0 { break } }
                    }
                    q += 1
                }
                params = file.string((e + 1)..<min(q, b.count))
            }
            var decorators: [String] = []
            var d = k - 1
            while d >= 0, lineInfo[d].indent == l.indent, b[lineInfo[d].first] == 0x40 {
                decorators.insert(file.string(lineInfo[d].first..<lineInfo[d].end), at: 0)
                d -= 1
            }
            var last = k
            var m = k + 1
            // Skip continuation lines of a multi-line signature.
            while m < lineInfo.count, lineInfo[m].indent > l.indent { last = m; m += 1 }
            let bodyStart = k + 1 < lineInfo.count ? lineInfo[k + 1].start : l.end
            let bodyEnd = last > k ? lineInfo[last].end : l.end
            defs.append(PyDef(name: name, offset: l.first, params: params, decorators: decorators, indent: l.indent,
                              body: min(bodyStart, bodyEnd)..<bodyEnd))
        }
        return defs
    }
}

// MARK: - Git ignore rules

extension Hygiene {
    /// The app's .gitignore files, for deciding whether a path (file or directory) would be committed.
    struct Ignore {
        private var rules = GitIgnore()
        /// Whether the app has any .gitignore at all.
        let present: Bool

        init(_ app: AppContext) {
            var any = false
            for f in app.files where f.path == ".gitignore" || f.path.hasSuffix("/.gitignore") {
                let dir = f.path == ".gitignore" ? "" : String(f.path.dropLast("/.gitignore".count))
                rules.add(contents: f.text, directory: dir)
                any = true
            }
            present = any
        }

        func ignores(_ path: String, directory: Bool) -> Bool { present && rules.isIgnored(path, isDirectory: directory) }
    }
}
