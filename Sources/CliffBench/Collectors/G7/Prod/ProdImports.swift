import Foundation

/// One import of a module by a program file: `import x from 'spec'`, `require('spec')`,
/// `import('spec')`, `from spec import a` (Python).
struct ProdImport: Sendable, Hashable {
    /// As written, e.g. "@/lib/supabase", "npm:@supabase/supabase-js@2", ".models".
    var spec: String
    /// Offset of the specifier string (JS) or of the `import`/`from` keyword (Python).
    var offset: Int
    /// Local names bound by the import (`{ a, b as c }` → a, c; default and namespace names).
    var names: [String]
    /// `import()` inside code rather than a static import.
    var dynamic: Bool
    /// A Python import, whose dotted module path reads as a "/" path in `module`.
    var python: Bool
    /// The specifier without registry prefixes, CDN hosts and version pins, lower-cased:
    /// "npm:@supabase/supabase-js@2" → "@supabase/supabase-js", "https://esm.sh/stripe@14?target=deno" → "stripe".
    let module: String

    init(spec: String, offset: Int, names: [String], dynamic: Bool, python: Bool = false) {
        self.spec = spec
        self.offset = offset
        self.names = names
        self.dynamic = dynamic
        self.python = python
        self.module = python ? spec.lowercased().replacingOccurrences(of: ".", with: "/") : ProdImports.normalise(spec)
    }

    /// Whether the specifier points into the app rather than at a package.
    var isLocal: Bool {
        if python { return spec.hasPrefix(".") }
        return spec.hasPrefix(".") || spec.hasPrefix("@/") || spec.hasPrefix("~/") || spec.hasPrefix("src/") || spec.hasPrefix("$lib/")
            || spec.hasPrefix("/")
    }


    /// Whether the module is `name` or a sub-path of it.
    func isModule(_ name: String) -> Bool {
        guard module.hasPrefix(name) else { return false }
        return module.utf8.count == name.utf8.count || module.utf8.dropFirst(name.utf8.count).first == 0x2F
    }
}

/// Extracts imports from JS/TS and Python files using the lexer's string regions, and resolves
/// local specifiers to app files.
enum ProdImports {
    static func imports(_ file: ScannedFile) -> [ProdImport] {
        if file.language == .python { return python(file) }
        if file.language.isJSFamily || file.language == .vue || file.language == .svelte || file.language == .html { return js(file) }
        return []
    }

    static func js(_ file: ScannedFile) -> [ProdImport] {
        let b = file.bytes
        var out: [ProdImport] = []
        for r in file.regions where r.kind == .string {
            let s = Int(r.start)
            guard s < b.count, b[s] == 0x27 || b[s] == 0x22 || b[s] == 0x60, Int(r.end) - s < 300 else { continue }
            let p = ProdText.prevNonSpace(b, before: s)
            guard p >= 0 else { continue }
            // Only `(` (require/import call) or the words `from`/`import` can precede a specifier.
            guard b[p] == 0x28 || (b[p] == 0x6D && p >= 3 && b[p - 1] == 0x6F && b[p - 2] == 0x72 && b[p - 3] == 0x66)
                    || (b[p] == 0x74 && p >= 5 && b[p - 1] == 0x72 && b[p - 5] == 0x69) else { continue }
            let spec = ProdText.stringContent(file, region: r)
            guard !spec.isEmpty, !spec.contains("\n"), !spec.contains(" ") || spec.hasPrefix("http") else { continue }
            if b[s] == 0x60 && spec.contains("${") { continue }
            if b[p] == 0x28 {
                let w = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: p))
                guard w.name == "require" || w.name == "import" else { continue }
                if w.start > 0 && b[w.start - 1] == 0x2E { continue }
                let after = ProdText.skipSpace(b, from: Int(r.end))
                guard after < b.count, b[after] == 0x29 || b[after] == 0x2C else { continue }
                let names = w.name == "require" ? requireNames(b, callStart: w.start) : []
                out.append(ProdImport(spec: spec, offset: s, names: names, dynamic: w.name == "import"))
            } else if ProdText.isIdent(b[p]) {
                let w = ProdText.identifier(b, endingAt: p)
                if w.name == "from" {
                    out.append(ProdImport(spec: spec, offset: s, names: clauseNames(file, fromKeyword: w.start), dynamic: false))
                } else if w.name == "import" {
                    out.append(ProdImport(spec: spec, offset: s, names: [], dynamic: false))
                }
            }
        }
        return out
    }

    /// Names bound by `import … from` / `export … from`: walks back to the `import` keyword.
    private static func clauseNames(_ file: ScannedFile, fromKeyword: Int) -> [String] {
        let b = file.bytes
        var i = fromKeyword - 1
        let stop = max(0, fromKeyword - 4000)
        while i >= stop {
            if (ProdText.has(b, at: i, "import") || ProdText.has(b, at: i, "export")) && (i == 0 || !ProdText.isIdent(b[i - 1]))
                && i + 6 < b.count && !ProdText.isIdent(b[i + 6]) && file.kind(at: i) == .code {
                return parseNames(String(decoding: b[(i + 6)..<fromKeyword], as: UTF8.self))
            }
            i -= 1
        }
        return []
    }

    /// `const { a, b: c } = require(…)` → [a, c]; `const x = require(…)` → [x].
    private static func requireNames(_ b: [UInt8], callStart: Int) -> [String] {
        let eq = ProdText.prevNonSpace(b, before: callStart)
        guard eq >= 0, b[eq] == 0x3D, eq == 0 || b[eq - 1] != 0x3D else { return [] }
        let p = ProdText.prevNonSpace(b, before: eq)
        guard p >= 0 else { return [] }
        if b[p] == 0x7D {
            var s = p
            while s > 0 && b[s] != 0x7B { s -= 1 }
            return parseNames(String(decoding: b[s..<(p + 1)], as: UTF8.self))
        }
        let w = ProdText.identifier(b, endingAt: p).name
        return w.isEmpty ? [] : [w]
    }

    /// Local names in an import clause: "React, { useState, type X, a as b }" → [React, useState, X, b].
    static func parseNames(_ clause: String) -> [String] {
        var out: [String] = []
        var tokens: [String] = []
        var cur: [UInt8] = []
        // Bytes of non-ASCII letters (≥ 0x80) stay inside identifiers.
        for ch in clause.utf8 {
            if ByteClass.isIdentifier(ch) || ch >= 0x80 {
                cur.append(ch)
            } else {
                if !cur.isEmpty { tokens.append(String(decoding: cur, as: UTF8.self)) }
                cur.removeAll(keepingCapacity: true)
                if ch == 0x2C || ch == 0x7B || ch == 0x7D { tokens.append(",") }
                if ch == 0x3A { tokens.append("as") }
            }
        }
        if !cur.isEmpty { tokens.append(String(decoding: cur, as: UTF8.self)) }
        var group: [String] = []
        func flush() {
            let g = group.filter { $0 != "type" && $0 != "typeof" }
            if let i = g.lastIndex(of: "as"), i + 1 < g.count {
                out.append(g[i + 1])
            } else if let last = g.last, last != "as", last != "import", last != "export" {
                out.append(last)
            }
            group = []
        }
        for t in tokens {
            if t == "," { flush() } else { group.append(t) }
        }
        flush()
        return out.filter { !$0.isEmpty && $0 != "default" && $0 != "from" }
    }

    static func python(_ file: ScannedFile) -> [ProdImport] {
        let b = file.bytes
        var out: [ProdImport] = []
        for line in 1...max(1, file.lineCount) {
            let r = file.lineRange(line)
            let s = ProdText.skipSpace(b, from: r.lowerBound)
            guard s < r.upperBound, b[s] == 0x69 || b[s] == 0x66, file.kind(at: s) == .code else { continue }
            let text = String(decoding: b[s..<r.upperBound], as: UTF8.self)
            if text.hasPrefix("import ") {
                for part in text.dropFirst(7).split(separator: ",") {
                    let words = part.split(separator: " ")
                    guard let mod = words.first else { continue }
                    let local = words.count >= 3 && words[1] == "as" ? String(words[2]) : String(mod.split(separator: ".").first ?? mod)
                    out.append(ProdImport(spec: String(mod), offset: s, names: [local], dynamic: false, python: true))
                }
            } else if text.hasPrefix("from ") {
                let words = text.split(separator: " ", maxSplits: 3)
                guard words.count >= 3, words[2] == "import" else { continue }
                let rest = words.count > 3 ? String(words[3]) : ""
                let names = rest.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
                    .split(separator: ",").compactMap { part -> String? in
                        let w = part.split(separator: " ")
                        if w.count >= 3 && w[1] == "as" { return String(w[2]) }
                        return w.first.map(String.init)
                    }
                out.append(ProdImport(spec: String(words[1]), offset: s, names: names, dynamic: false, python: true))
            }
        }
        return out
    }

    static func normalise(_ raw: String) -> String {
        // Already normal: ASCII lower case, no scheme or query, no version pin (an '@' only as a scope's first byte).
        var plain = true
        for (i, c) in raw.utf8.enumerated() where c >= 0x80 || c &- 0x41 < 26 || c == 0x3A || c == 0x3F || (c == 0x40 && i > 0) {
            plain = false
            break
        }
        if plain { return raw }
        var s = raw.lowercased()
        for p in ["node:", "npm:", "jsr:"] where s.hasPrefix(p) { s = String(s.dropFirst(p.count)) }
        for host in ["https://esm.sh/", "http://esm.sh/", "https://cdn.skypack.dev/", "https://esm.run/", "https://cdn.jsdelivr.net/npm/",
                     "https://unpkg.com/", "https://deno.land/x/", "https://cdn.esm.sh/"] where s.hasPrefix(host) {
            s = String(s.dropFirst(host.count))
        }
        if let q = s.firstIndex(of: "?") { s = String(s[..<q]) }
        var parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty else { return s }
        let nameIdx = parts[0].hasPrefix("@") && parts.count > 1 ? 1 : 0
        let name = parts[nameIdx]
        let searchFrom = nameIdx == 0 && name.hasPrefix("@") ? name.index(after: name.startIndex) : name.startIndex
        if let at = name[searchFrom...].firstIndex(of: "@") { parts[nameIdx] = String(name[..<at]) }
        return parts.joined(separator: "/")
    }

    /// The app file a local specifier points to, trying the usual extensions and index files.
    /// Extensions and index files a JS specifier may leave out, in the order they are tried.
    static let resolvableExtensions = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".vue", ".svelte", "/index.ts", "/index.tsx", "/index.js", "/index.jsx"]

    /// `index` (built once per app from the same paths) answers each candidate with one lookup.
    static func resolve(_ spec: String, from importer: String, language: Language, paths: [String: ScannedFile],
                        index: ImportPathIndex? = nil) -> String? {
        if language == .python { return resolvePython(spec, from: importer, paths: paths) }
        var bases: [String] = []
        if spec.hasPrefix("./") || spec.hasPrefix("../") || spec == "." || spec == ".." {
            bases.append(join(importer.split(separator: "/").dropLast().joined(separator: "/"), spec))
        } else if spec.hasPrefix("@/") {
            let rest = String(spec.dropFirst(2))
            bases += ["src/" + rest, rest, "app/" + rest]
        } else if spec.hasPrefix("~/") {
            let rest = String(spec.dropFirst(2))
            bases += ["src/" + rest, "app/" + rest, rest]
        } else if spec.hasPrefix("$lib/") {
            bases.append("src/lib/" + spec.dropFirst(5))
        } else if spec.hasPrefix("src/") {
            bases.append(spec)
        } else if spec.hasPrefix("/") {
            bases.append(String(spec.dropFirst()))
        } else {
            return nil
        }
        for base in bases {
            var candidates = [base]
            for e in [".js", ".mjs", ".cjs", ".jsx"] where base.hasSuffix(e) { candidates.append(String(base.dropLast(e.count))) }
            for c in candidates {
                if let index {
                    if let hit = index.file(for: c) { return hit }
                } else {
                    for e in resolvableExtensions where paths[c + e] != nil { return c + e }
                }
            }
        }
        return nil
    }

    private static func resolvePython(_ spec: String, from importer: String, paths: [String: ScannedFile]) -> String? {
        var dirParts = importer.split(separator: "/").dropLast().map(String.init)
        var rest = spec
        if rest.hasPrefix(".") {
            rest.removeFirst()
            while rest.hasPrefix(".") {
                rest.removeFirst()
                if !dirParts.isEmpty { dirParts.removeLast() }
            }
        } else {
            dirParts = []
        }
        let mod = rest.split(separator: ".").joined(separator: "/")
        var roots = [dirParts.joined(separator: "/")]
        if !spec.hasPrefix(".") {
            var p = importer.split(separator: "/").dropLast().map(String.init)
            while !p.isEmpty { roots.append(p.joined(separator: "/")); p.removeLast() }
        }
        for root in roots {
            let base = root.isEmpty ? mod : (mod.isEmpty ? root : root + "/" + mod)
            for c in [base + ".py", base + "/__init__.py"] where paths[c] != nil { return c }
        }
        return nil
    }

    private static func join(_ dir: String, _ rel: String) -> String {
        var parts = dir.isEmpty ? [] : dir.split(separator: "/").map(String.init)
        for p in rel.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(p))
        }
        return parts.joined(separator: "/")
    }
}

/// One package.json: its scripts and declared dependencies.
struct ProdPackage: Sendable {
    var path: String
    /// Folder of the package ("" for the app root).
    var dir: String
    var scripts: [String: String]
    var dependencies: Set<String>
    var devDependencies: Set<String>
    var file: ScannedFile

    var allDependencies: Set<String> { dependencies.union(devDependencies) }

    static func parse(_ file: ScannedFile) -> ProdPackage? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(file.bytes)), let d = obj as? [String: Any] else { return nil }
        var scripts: [String: String] = [:]
        for (k, v) in (d["scripts"] as? [String: Any]) ?? [:] { if let s = v as? String { scripts[k] = s } }
        func keys(_ k: String) -> Set<String> { Set(((d[k] as? [String: Any]) ?? [:]).keys.map { $0.lowercased() }) }
        let dir = file.path.split(separator: "/").dropLast().joined(separator: "/")
        return ProdPackage(path: file.path, dir: dir, scripts: scripts,
                           dependencies: keys("dependencies").union(keys("peerDependencies")).union(keys("optionalDependencies")),
                           devDependencies: keys("devDependencies"), file: file)
    }

    /// Byte offset of `"name"` as a key in the file, for findings.
    func offset(ofKey name: String) -> Int? {
        file.find("\"\(name)\"", in: .string).first
    }
}

/// App paths by every specifier form that names them (the path, the path without a resolvable
/// extension, a folder for its index file), keeping the form `ProdImports.resolve` would try first.
struct ImportPathIndex: Sendable {
    private var best: [String: (rank: Int, path: String)] = [:]

    init(_ paths: some Sequence<String>) {
        for p in paths {
            for (rank, e) in ProdImports.resolvableExtensions.enumerated() where p.hasSuffix(e) {
                let key = String(p.dropLast(e.count))
                if let b = best[key], b.rank <= rank { continue }
                best[key] = (rank, p)
            }
        }
    }

    func file(for candidate: String) -> String? { best[candidate]?.path }
}
