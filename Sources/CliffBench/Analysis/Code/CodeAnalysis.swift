/// One import of a module: ES `import`/`export … from`, `require()`, dynamic `import()`, Python `import`/`from`.
public struct ImportRef: Sendable, Hashable {
    public enum Kind: UInt8, Sendable { case esImport, reexport, require, dynamic, python }
    /// As written (`./cart`, `@/lib/api`, `app.models`); Python relative imports without their dots.
    public var specifier: String
    /// Offset of the `import`/`export`/`require`/`from` keyword.
    public var offset: Int
    public var kind: Kind
    /// `import type …` / `export type …`: erased at compile time, so not a runtime dependency.
    public var typeOnly: Bool
    /// Python: leading dots of a relative import (0 for absolute).
    public var level: Int
    /// Python `from m import a, b`: the imported names (modules when `m` is a package).
    public var names: [String]
}

/// A place where code reads or writes the database directly.
public struct DataAccessSite: Sendable, Hashable {
    public var offset: Int
    /// `supabase.from('orders')`, `prisma.user.findMany`, `getDocs`, `fetch …/rest/v1/…`.
    public var api: String
    /// The innermost enclosing unit's name, if any.
    public var unit: String?
    /// Inside a function that only runs on the server (`getServerSideProps`, Remix `loader`/`action`, …).
    public var serverOnly: Bool
}

/// Normalised tokens of one file for clone detection (imports and docstrings left out): 31 bits of
/// each token's normalised hash (the vocabulary is small: keywords, punctuation, JSX names and the
/// two classes) with `CloneDetector.dataBit` set for data tokens, and its line — 8 bytes a token.
public struct CloneStream: Sendable {
    public var hashes: [UInt32] = []
    public var lines: [Int32] = []
    public init() {}
}

/// Everything the G2 code collectors need from one program file, computed once in the per-file pass.
public struct FileCodeAnalysis: Sendable {
    public var path: String
    public var language: Language
    public var role: FileRole
    /// Why the file is not authored program code (declarations, minified, generated), or nil.
    public var excluded: String?
    /// Under `components/ui/` or a known shadcn file: generated UI-kit code when the app uses shadcn/ui.
    public var uiKitCandidate: Bool
    public var linesOfCode: Int
    /// Lines of the file (for evidence).
    public var lines: Int
    public var units: [CodeUnit]
    public var imports: [ImportRef]
    /// Renders JSX.
    public var hasJSX: Bool
    /// `use client` / `use server`.
    public var directive: String?
    public var dataAccess: [DataAccessSite]
    /// Offsets of explicit `any` types in TypeScript code.
    public var anyOffsets: [Int32]
    public var clones: CloneStream
    /// Indexed by 1-based line: 1 for a line of code.
    public var codeLine: [UInt8]
    /// Code tokens in the file.
    public var tokens: Int
    /// An ORM schema module (imports Drizzle's column builders, and under a quarter of its lines are
    /// in functions): table and column declarations whose length is the data model's size and whose
    /// repetition is the columns', so it is neither sized as a file (G2.D3) nor compared for
    /// duplication (G2.D2); its functions are still measured.
    public var schemaModule: Bool = false

    public var isTypeScript: Bool { language.isTypeScript }
    /// A UI component file: JSX, or a Vue/Svelte single-file component.
    public var isUI: Bool { hasJSX || language == .vue || language == .svelte }
}

/// The per-file analysis: tokens ▸ units ▸ imports, data access, `any` types, clone stream.
public enum CodeAnalysis {
    /// Analyses one program file. Cost is linear in its bytes.
    public static func analyze(_ file: ScannedFile) -> FileCodeAnalysis {
        let code = CodeTokenizer.tokenize(file)
        let units = FunctionFinder.units(code, bytes: file.bytes, language: file.language)
        let t = code.tokens
        let python = file.language == .python
        // One pass picks the few tokens the detailed checks start from.
        var importAt: [Int] = [], anyAt: [Int] = [], dataAt: [Int] = []
        for k in 0..<t.count {
            let c = t[k].code
            guard c != .none else { continue }
            switch c {
            case .kImport, .kExport, .kRequire: importAt.append(k)
            case .kFrom:
                importAt.append(k)
                dataAt.append(k)
            case .kAny: anyAt.append(k)
            case .kDelete: dataAt.append(k)
            default: if c.rawValue >= TokenCode.nRpc.rawValue { dataAt.append(k) }
            }
        }
        var (imports, importSpans, importedNames) = python ? pythonImports(t, file.bytes, at: importAt) : jsImports(t, file.bytes, at: importAt)
        markLazyImports(&imports, tokens: t, units: units)
        let anys = file.language.isTypeScript ? anyTypes(t, at: anyAt) : []
        let data = python ? [] : dataAccess(t, file.bytes, at: dataAt, units: units, importedNames: importedNames, imports: imports)
        return FileCodeAnalysis(
            path: file.path, language: file.language, role: file.role, excluded: exclusion(file),
            uiKitCandidate: isUIKitPath(file.path), linesOfCode: code.linesOfCode, lines: file.lineCount, units: units,
            imports: imports, hasJSX: !code.jsxElements.isEmpty || t.contains { $0.flags.contains(.jsxOpen) },
            directive: FileRole.directive(file.bytes), dataAccess: data, anyOffsets: anys,
            clones: cloneStream(t, skipping: importSpans, python: python), codeLine: code.codeLine, tokens: t.count,
            schemaModule: imports.contains { isDrizzleCore($0.specifier) }
                && 4 * units.reduce(0) { $0 + $1.ownLinesOfCode } < code.linesOfCode)
    }

    /// `drizzle-orm/pg-core`, `drizzle-orm/mysql-core`, `drizzle-orm/sqlite-core`, …
    static func isDrizzleCore(_ s: String) -> Bool {
        s.hasPrefix("drizzle-orm/") && s.hasSuffix("-core")
    }

    // MARK: Exclusions

    /// Why a program file is not authored code: TypeScript declarations, minified or bundled output,
    /// generated Supabase/Prisma/GraphQL types, Django migrations, or a generated-file header.
    public static func exclusion(_ file: ScannedFile) -> String? {
        let lower = file.path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        if name.hasSuffix(".d.ts") || name.hasSuffix(".d.mts") || name.hasSuffix(".d.cts") { return "TypeScript declaration file" }
        if has(name, ".min.") || has(name, "-min.") || has(name, ".bundle.") { return "minified or bundled file" }
        let lines = max(1, file.lineCount)
        if file.bytes.count > 4096 && file.bytes.count / lines > 300 { return "minified or bundled file (very long lines)" }
        let p = "/" + lower
        if p.hasSuffix("/supabase/types.ts") || p.hasSuffix("/supabase/types.tsx") || name == "database.types.ts"
            || name == "supabase.types.ts" || name == "database.ts" && has(p, "/types/") {
            return "generated Supabase types"
        }
        if file.language.isTypeScript && isSupabaseTypegen(file.bytes) { return "generated Supabase types" }
        // Test-runner setup (`vitest.setup.ts`, `jest.setup.js`, `setupTests.ts`, `test-setup.ts`): test code.
        if (name.hasPrefix("vitest.") || name.hasPrefix("jest.") || name.hasPrefix("playwright.")) && has(name, "setup")
            || name.hasPrefix("setuptests.") || name.hasPrefix("test-setup.") || name.hasPrefix("setup-tests.") || name == "conftest.py" {
            return "test setup"
        }
        if has(p, "/__generated__/") || has(p, "/generated/") || has(p, "/gen/") && name.hasSuffix("_pb.ts")
            || name.hasSuffix(".generated.ts") || name.hasSuffix(".gen.ts") || name == "routetree.gen.ts" {
            return "generated code"
        }
        if file.language == .python && has(p, "/migrations/") && name.first.map({ $0.isNumber }) == true { return "Django migration" }
        if file.language == .python && (has(p, "/migrations/versions/") || has(p, "/alembic/versions/")) { return "Alembic migration" }
        if has(p, "/dev-dist/") || has(p, "/dist/") || has(p, "/.output/") || has(p, "/storybook-static/") || has(p, "/coverage/")
            || name.hasPrefix("workbox-") && name.hasSuffix(".js") {
            return "build output"
        }
        // A generated-file header in the first comments.
        for r in file.regions {
            if Int(r.start) > 1024 { break }
            guard r.kind == .comment else { continue }
            let s = Int(r.start), e = min(Int(r.end), s + 400)
            for needle in generatedMarkers where containsFolded(file.bytes, s..<e, needle) {
                return "generated code (its header says so)"
            }
        }
        return nil
    }

    /// `supabase gen types` output wherever it was saved (`src/types/supabase.ts`, `lib/db-types.ts`):
    /// a `Database` type whose tables each have `Row`, `Insert` and `Update` shapes. The generator's
    /// spelling is fixed, so a case-sensitive scan keyed on a rare first byte is enough (this runs on
    /// every TypeScript file).
    static func isSupabaseTypegen(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            guard rawFind(p, insertMarker) else { return false }
            return (rawFind(p, typeDatabaseMarker) || rawFind(p, interfaceDatabaseMarker))
                && rawFind(p, rowMarker) && rawFind(p, updateMarker) && rawFind(p, tablesMarker)
        }
    }

    static let insertMarker = Array("Insert: {".utf8), rowMarker = Array("Row: {".utf8), updateMarker = Array("Update: {".utf8)
    static let tablesMarker = Array("Tables: {".utf8)
    static let typeDatabaseMarker = Array("type Database = {".utf8), interfaceDatabaseMarker = Array("interface Database {".utf8)

    /// Whether `p` contains `needle` (case-sensitive): a scan for the first byte, then a compare.
    static func rawFind(_ p: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        guard m > 0, p.count >= m, let base = p.baseAddress else { return false }
        let first = needle[0]
        return needle.withUnsafeBufferPointer { nb in
            var i = 0
            let last = p.count - m
            while i <= last {
                if base[i] == first {
                    var j = 1
                    while j < m && base[i + j] == nb[j] { j += 1 }
                    if j == m { return true }
                }
                i += 1
            }
            return false
        }
    }

    static let generatedMarkers: [[UInt8]] = [
        "@generated", "auto-generated", "autogenerated", "automatically generated", "do not edit", "generated by",
        "this file was generated", "this file is generated",
    ].map { Array($0.utf8) }

    /// Substring search on UTF-8 (Foundation's `contains` bridges to NSString: too slow per file).
    static func has(_ s: String, _ needle: StaticString) -> Bool {
        var s = s
        return s.withUTF8 { b in
            let m = needle.utf8CodeUnitCount, w = needle.utf8Start
            guard b.count >= m else { return false }
            var i = 0
            while i + m <= b.count {
                var j = 0
                while j < m && b[i + j] == w[j] { j += 1 }
                if j == m { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether `bytes[range]` contains the lowercase ASCII `needle`, ignoring case.
    static func containsFolded(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        let m = needle.count
        guard m > 0, range.count >= m else { return false }
        var i = range.lowerBound
        while i + m <= range.upperBound {
            var j = 0
            while j < m && ByteClass.lower(bytes[i + j]) == needle[j] { j += 1 }
            if j == m { return true }
            i += 1
        }
        return false
    }

    /// shadcn/ui's home (`components/ui/`) and the helper files its CLI writes.
    public static func isUIKitPath(_ path: String) -> Bool {
        let p = "/" + path.lowercased()
        if has(p, "/components/ui/") { return true }
        return p.hasSuffix("/hooks/use-toast.ts") || p.hasSuffix("/hooks/use-mobile.tsx") || p.hasSuffix("/hooks/use-mobile.ts")
    }

    // MARK: Imports

    static func text(_ tok: CodeToken, _ bytes: [UInt8]) -> String {
        let s = Int(tok.offset), e = min(bytes.count, s + Int(tok.length))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// A string token's contents without quotes; nil for templates with substitutions.
    static func stringValue(_ tok: CodeToken, _ bytes: [UInt8]) -> String? {
        guard tok.kind == .string, tok.length >= 2 else { return nil }
        let s = Int(tok.offset), e = min(bytes.count, s + Int(tok.length))
        let q = bytes[s]
        guard q == 0x22 || q == 0x27 || q == 0x60, bytes[e - 1] == q else { return nil }
        let body = bytes[(s + 1)..<(e - 1)]
        if q == 0x60 && body.contains(0x24) { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    @inline(__always) static func isPunct(_ t: [CodeToken], _ k: Int, _ h: TokenCode) -> Bool {
        k >= 0 && k < t.count && t[k].kind == .punctuation && t[k].code == h
    }

    @inline(__always) static func isWord(_ t: [CodeToken], _ k: Int, _ h: TokenCode) -> Bool {
        k >= 0 && k < t.count && (t[k].kind == .identifier || t[k].kind == .keyword) && t[k].code == h && !t[k].flags.contains(.member)
    }

    /// ES imports, re-exports, `require` and dynamic `import()`; with the token spans of import
    /// statements (left out of clone detection) and the local names each specifier binds.
    static func jsImports(_ t: [CodeToken], _ bytes: [UInt8], at candidates: [Int]) -> ([ImportRef], [Range<Int>], [String: [String]]) {
        var refs: [ImportRef] = []
        var spans: [Range<Int>] = []
        var names: [String: [String]] = [:]
        let n = t.count
        var next = 0
        for ci in candidates.indices {
            var k = candidates[ci]
            guard k >= next else { continue }
            next = k + 1
            defer { next = max(next, k) }
            let tok = t[k]
            if tok.kind == .keyword && !tok.flags.contains(.member) && tok.code == TokenCode.kImport {
                if isPunct(t, k + 1, TokenCode.lparen), k + 2 < n, let s = stringValue(t[k + 2], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .dynamic, typeOnly: false, level: 0, names: []))
                    k += 3
                    continue
                }
                if k + 1 < n, let s = stringValue(t[k + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .esImport, typeOnly: false, level: 0, names: []))
                    spans.append(k..<(k + 2 + (isPunct(t, k + 2, TokenCode.semicolon) ? 1 : 0)))
                    k += 2
                    continue
                }
                if isPunct(t, k + 1, TokenCode.dot) { k += 1; continue }  // import.meta
                let typeOnly = isWord(t, k + 1, TokenCode.kType) && !isWord(t, k + 2, TokenCode.kFrom)
                var j = k + 1
                var bound: [String] = []
                while j < n && j - k < 400 {
                    let u = t[j]
                    if u.kind == .punctuation && u.code == TokenCode.semicolon { break }
                    if u.kind == .keyword && u.code == TokenCode.kImport { break }
                    if u.kind == .identifier && u.code == TokenCode.kFrom && j + 1 < n && t[j + 1].kind == .string { break }
                    if u.kind == .identifier && u.code != TokenCode.kType && u.code != TokenCode.kAs { bound.append(text(u, bytes)) }
                    j += 1
                }
                if j + 1 < n, isWord(t, j, TokenCode.kFrom), let s = stringValue(t[j + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .esImport, typeOnly: typeOnly, level: 0, names: []))
                    names[s, default: []].append(contentsOf: bound)
                    let end = j + 2 + (isPunct(t, j + 2, TokenCode.semicolon) ? 1 : 0)
                    spans.append(k..<end)
                    k = end
                    continue
                }
                k += 1
                continue
            }
            if tok.kind == .keyword && !tok.flags.contains(.member) && tok.code == TokenCode.kExport {
                var j = k + 1
                let typeOnly = isWord(t, j, TokenCode.kType)
                if typeOnly { j += 1 }
                if isPunct(t, j, TokenCode.star) {
                    j += 1
                    if isWord(t, j, TokenCode.kAs) { j += 2 }
                } else if isPunct(t, j, TokenCode.lbrace) {
                    var d = j
                    while d < n && d - j < 400 && !isPunct(t, d, TokenCode.rbrace) { d += 1 }
                    j = d + 1
                } else {
                    k += 1
                    continue
                }
                if j + 1 < n, isWord(t, j, TokenCode.kFrom), let s = stringValue(t[j + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .reexport, typeOnly: typeOnly, level: 0, names: []))
                    let end = j + 2 + (isPunct(t, j + 2, TokenCode.semicolon) ? 1 : 0)
                    spans.append(k..<end)
                    k = end
                    continue
                }
                k += 1
                continue
            }
            if tok.kind == .identifier && tok.code == TokenCode.kRequire && !tok.flags.contains(.member),
               isPunct(t, k + 1, TokenCode.lparen), k + 3 < n, let s = stringValue(t[k + 2], bytes), isPunct(t, k + 3, TokenCode.rparen) {
                refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .require, typeOnly: false, level: 0, names: []))
                // `const x = require('y')` statements are import boilerplate too.
                var s0 = k
                if k >= 3, isPunct(t, k - 1, TokenCode.assign), t[k - 3].kind == .keyword { s0 = k - 3 }
                spans.append(s0..<(k + 4))
                k += 4
                continue
            }
            k += 1
        }
        return (refs, spans, names)
    }

    /// Python `import a.b, c as d` and `from .x import y` at the start of a logical line.
    static func pythonImports(_ t: [CodeToken], _ bytes: [UInt8], at candidates: [Int]) -> ([ImportRef], [Range<Int>], [String: [String]]) {
        var refs: [ImportRef] = []
        var spans: [Range<Int>] = []
        let n = t.count
        func dotted(_ from: Int) -> (String, Int) {
            var j = from
            var s = ""
            while j < n && t[j].kind == .identifier {
                s += text(t[j], bytes)
                if isPunct(t, j + 1, TokenCode.dot) && j + 2 < n && t[j + 2].kind == .identifier {
                    s += "."
                    j += 2
                } else {
                    j += 1
                    break
                }
            }
            return (s, j)
        }
        /// Last token of the logical line starting at `from`.
        func lineEnd(_ from: Int) -> Int {
            var j = from + 1
            var depth = 0
            while j < n {
                if t[j].flags.contains(.lineStart) && depth == 0 && !isPunct(t, j - 1, TokenCode.backslash) { break }
                if isPunct(t, j, TokenCode.lparen) { depth += 1 } else if isPunct(t, j, TokenCode.rparen) { depth = max(0, depth - 1) }
                j += 1
            }
            return j
        }
        var next = 0
        for k in candidates where k >= next {
            let tok = t[k]
            guard tok.flags.contains(.lineStart), tok.kind == .keyword else { continue }
            if tok.code == TokenCode.kImport {
                let end = lineEnd(k)
                var j = k + 1
                while j < end {
                    let (mod, after) = dotted(j)
                    if !mod.isEmpty {
                        refs.append(ImportRef(specifier: mod, offset: Int(tok.offset), kind: .python, typeOnly: false, level: 0, names: []))
                    }
                    j = after
                    while j < end && !isPunct(t, j, TokenCode.comma) { j += 1 }
                    j += 1
                }
                spans.append(k..<end)
                next = end
                continue
            }
            if tok.code == TokenCode.kFrom {
                let end = lineEnd(k)
                var j = k + 1
                var level = 0
                while j < end && (isPunct(t, j, TokenCode.dot) || isPunct(t, j, TokenCode.spread)) {
                    level += t[j].length == 3 ? 3 : 1
                    j += 1
                }
                let (mod, after) = dotted(j)
                j = after
                var imported: [String] = []
                if j < end && isWord(t, j, TokenCode.kImport) {
                    j += 1
                    var expectName = true
                    while j < end {
                        let u = t[j]
                        if u.kind == .identifier && expectName { imported.append(text(u, bytes)); expectName = false }
                        if isPunct(t, j, TokenCode.comma) { expectName = true }
                        j += 1
                    }
                }
                refs.append(ImportRef(specifier: mod, offset: Int(tok.offset), kind: .python, typeOnly: false, level: level, names: imported))
                spans.append(k..<end)
                next = end
            }
        }
        return (refs, spans, [:])
    }

    /// A `require()` or Python `import` inside a function runs when the function is called, not when
    /// the module loads (the usual way to break a circular import): it is recorded as `.dynamic`,
    /// like `import()`, and is no edge of the load-time import graph.
    static func markLazyImports(_ imports: inout [ImportRef], tokens t: [CodeToken], units: [CodeUnit]) {
        guard !units.isEmpty else { return }
        for i in imports.indices where imports[i].kind == .require || imports[i].kind == .python {
            let off = imports[i].offset
            for u in units where u.firstToken < t.count && u.lastToken < t.count
                && Int(t[u.firstToken].offset) < off && off < t[u.lastToken].end {
                imports[i].kind = .dynamic
                break
            }
        }
    }

    // MARK: any

    /// Explicit `any` in type positions: `: any`, `as any`, `<any>`, `any[]`, `Record<string, any>`,
    /// `string | any`; not a property, variable or call named `any` (`z.any()`).
    static func anyTypes(_ t: [CodeToken], at candidates: [Int]) -> [Int32] {
        var out: [Int32] = []
        for k in candidates {
            let tok = t[k]
            guard tok.kind == .identifier, tok.code == TokenCode.kAny, !tok.flags.contains(.member), k > 0 else { continue }
            if k + 1 < t.count {
                let nx = t[k + 1]
                if nx.kind == .punctuation && (nx.code == TokenCode.lparen || nx.code == TokenCode.colon || nx.code == TokenCode.dot
                    || nx.code == TokenCode.arrow) { continue }
            }
            let pv = t[k - 1]
            let ok: Bool
            switch pv.kind {
            case .punctuation:
                let h = pv.code
                ok = h == TokenCode.colon || h == TokenCode.lt || h == TokenCode.comma || h == TokenCode.pipe || h == TokenCode.amp
                    || h == TokenCode.assign && isTypeAliasAssign(t, k - 1)
            case .identifier:
                ok = pv.code == TokenCode.kAs
            case .keyword:
                ok = pv.code == TokenCode.kExtends || pv.code == TokenCode.kKeyof
            default:
                ok = false
            }
            if ok && pv.code == TokenCode.comma && !insideAngles(t, k) { continue }
            if ok { out.append(tok.offset) }
        }
        return out
    }

    /// `type X = any` / `type X<T> = any`.
    static func isTypeAliasAssign(_ t: [CodeToken], _ eq: Int) -> Bool {
        var j = eq - 1
        if isPunct(t, j, TokenCode.gt) {
            while j >= 0 && !isPunct(t, j, TokenCode.lt) && eq - j < 32 { j -= 1 }
            j -= 1
        }
        return j >= 1 && t[j].kind == .identifier && isWord(t, j - 1, TokenCode.kType)
    }

    /// Whether the token at `k` is inside `<…>` (a generic argument list) on its line.
    static func insideAngles(_ t: [CodeToken], _ k: Int) -> Bool {
        var depth = 0
        var j = k - 1
        while j >= 0 && k - j < 32 {
            let u = t[j]
            if u.kind == .punctuation {
                if u.code == TokenCode.gt { depth += 1 } else if u.code == TokenCode.lt {
                    if depth == 0 { return true }
                    depth -= 1
                } else if u.code == TokenCode.lparen || u.code == TokenCode.lbrace || u.code == TokenCode.semicolon || u.code == TokenCode.lbracket {
                    return false
                }
            }
            j -= 1
        }
        return false
    }

    // MARK: Data access

    static let serverOnlyUnits: Set<String> = [
        "getServerSideProps", "getStaticProps", "getStaticPaths", "loader", "action", "generateMetadata", "generateStaticParams",
    ]

    /// Direct database calls: Supabase `.from()`/`.rpc()` on a Supabase client, Prisma model calls,
    /// Drizzle/Kysely/pg `db.select()`/`pool.query()`, Firestore reads and writes, `sql` tagged
    /// templates, and `fetch` to a Supabase REST URL (`/rest/v1/`). Starts only from tokens whose
    /// spelling is one of those API names (`candidates`).
    static func dataAccess(_ t: [CodeToken], _ bytes: [UInt8], at candidates: [Int], units: [CodeUnit],
                           importedNames: [String: [String]], imports: [ImportRef]) -> [DataAccessSite] {
        guard !candidates.isEmpty else { return [] }
        var supabaseNames: Set<UInt64> = []
        var firestore = false
        for (spec, names) in importedNames where has(spec.lowercased(), "supabase") {
            for nm in names { supabaseNames.insert(CodeHash.of(nm)) }
        }
        for r in imports {
            let s = r.specifier.lowercased()
            if has(s, "firebase/firestore") { firestore = true }
        }
        var out: [DataAccessSite] = []
        let n = t.count
        func name(_ k: Int) -> String { text(t[k], bytes) }
        func site(_ k: Int, _ api: String) {
            var unit: String?
            var serverOnly = false
            var inner = -1
            for (ui, u) in units.enumerated() where u.firstToken <= k && k <= u.lastToken { inner = ui }
            if inner >= 0 {
                unit = units[inner].name
                var c = inner
                while c >= 0 {
                    if serverOnlyUnits.contains(units[c].name) { serverOnly = true }
                    c = units[c].parent
                }
            }
            out.append(DataAccessSite(offset: Int(t[k].offset), api: api, unit: unit, serverOnly: serverOnly))
        }
        /// Whether the identifier at `k` contains the lowercase ASCII `word`, ignoring case.
        func contains(_ k: Int, _ word: [UInt8]) -> Bool {
            containsFolded(bytes, Int(t[k].offset)..<t[k].end, word)
        }
        let supabaseWord = Array("supabase".utf8), prismaWord = Array("prisma".utf8)
        var done = -1
        for m in candidates where m > done {
            let c = t[m].code
            // `X.from(` / `X.rpc(` on a Supabase client: the candidate is the method name.
            if (c == .kFrom || c == .nRpc), t[m].flags.contains(.member), m >= 2, isPunct(t, m - 1, .dot), isPunct(t, m + 1, .lparen) {
                let k = m - 2
                guard t[k].kind == .identifier, !t[k].flags.contains(.member), supabaseNames.contains(t[k].hash) || contains(k, supabaseWord)
                else { continue }
                var api = "\(name(k)).\(name(m))("
                if m + 2 < n, let table = stringValue(t[m + 2], bytes) { api += "'\(table)'" }
                site(k, api + ")")
                done = m + 1
                continue
            }
            // `prisma.model.method(`: the candidate is the method.
            if c.isPrismaMethod, t[m].flags.contains(.member), m >= 4, isPunct(t, m + 1, .lparen), isPunct(t, m - 1, .dot),
               isPunct(t, m - 3, .dot), t[m - 4].kind == .identifier, !t[m - 4].flags.contains(.member),
               t[m - 4].code == .nPrisma || contains(m - 4, prismaWord) {
                site(m - 4, "\(name(m - 4)).\(name(m - 2)).\(name(m))()")
                done = m + 1
                continue
            }
            guard !t[m].flags.contains(.member), t[m].kind == .identifier else { continue }
            let k = m
            if c.isDatabaseHandle, k + 3 < n, isPunct(t, k + 1, .dot) {
                if t[k + 2].code.isQueryMethod && isPunct(t, k + 3, .lparen) {
                    site(k, "\(name(k)).\(name(k + 2))()")
                    done = k + 3
                    continue
                }
                if t[k + 2].code == .nQuery && k + 6 < n && isPunct(t, k + 3, .dot) && isPunct(t, k + 5, .dot) && t[k + 6].code.isPrismaMethod {
                    site(k, "\(name(k)).query.\(name(k + 4)).\(name(k + 6))()")
                    done = k + 6
                    continue
                }
            }
            if c == .nPrisma, k + 2 < n, isPunct(t, k + 1, .dot) {
                let method = name(k + 2)
                if method.hasPrefix("$query") || method.hasPrefix("$execute") {
                    site(k, "\(name(k)).\(method)")
                    continue
                }
            }
            if firestore && c.isFirestoreCall && isPunct(t, k + 1, .lparen) {
                site(k, "\(name(k))()")
                continue
            }
            if c == .nSql, k + 1 < n, t[k + 1].kind == .string, bytes[Int(t[k + 1].offset)] == 0x60 {
                site(k, "sql`…`")
                continue
            }
            if c == .nFetch && isPunct(t, k + 1, .lparen) {
                var j = k + 2
                while j < n && j - k < 8 && !isPunct(t, j, .comma) && !isPunct(t, j, .rparen) {
                    if t[j].kind == .string, containsFolded(bytes, Int(t[j].offset)..<t[j].end, Array("/rest/v1/".utf8)) {
                        site(k, "fetch(…/rest/v1/…)")
                        break
                    }
                    j += 1
                }
            }
        }
        return out
    }

    // MARK: Clone stream

    /// Data, for clone detection: names, literals and `{ } [ ] ( ) , : . ?.` (not JSX names).
    @inline(__always) static func isData(_ tok: CodeToken) -> Bool {
        switch tok.kind {
        case .identifier: return !tok.flags.contains(.jsxName)
        case .number, .string: return true
        case .keyword: return tok.code.isLiteralKeyword
        case .punctuation:
            switch tok.code {
            case .lparen, .rparen, .lbrace, .rbrace, .lbracket, .rbracket, .comma, .colon, .dot, .optionalDot: return true
            default: return false
            }
        }
    }

    /// In Python the statement separator is the line break, which is no token: a name or keyword that
    /// starts a logical line outside brackets stands in for JavaScript's `;` and counts as structure,
    /// so call-heavy Python statements are not mistaken for declarative data.
    static func cloneStream(_ t: [CodeToken], skipping spans: [Range<Int>], python: Bool = false) -> CloneStream {
        var s = CloneStream()
        var written = 0
        var depth = 0
        t.withUnsafeBufferPointer { tb in
            s.lines = [Int32](unsafeUninitializedCapacity: tb.count) { lines, linesCount in
                s.hashes = [UInt32](unsafeUninitializedCapacity: tb.count) { hashes, hashesCount in
                    var si = 0
                    var k = 0
                    while k < tb.count {
                        if si < spans.count && spans[si].lowerBound <= k {
                            k = max(k, spans[si].upperBound)
                            si += 1
                            continue
                        }
                        let tok = tb[k]
                        var statementStart = false
                        if python {
                            if tok.kind == .punctuation {
                                switch tok.code {
                                case .lparen, .lbracket, .lbrace: depth += 1
                                case .rparen, .rbracket, .rbrace: depth = max(0, depth - 1)
                                default: break
                                }
                            } else if depth == 0 && tok.flags.contains(.lineStart) && (tok.kind == .identifier || tok.kind == .keyword) {
                                statementStart = true
                            }
                        }
                        if !tok.flags.contains(.docstring) {
                            hashes[written] = UInt32(truncatingIfNeeded: tok.normalised) & ~CloneDetector.dataBit
                                | (!statementStart && isData(tok) ? CloneDetector.dataBit : 0)
                            lines[written] = tok.line
                            written += 1
                        }
                        k += 1
                    }
                    hashesCount = written
                }
                linesCount = written
            }
        }
        return s
    }
}
