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

/// Normalised tokens of one file for clone detection (imports left out), with their lines and offsets.
public struct CloneStream: Sendable {
    public var hashes: [UInt64] = []
    public var lines: [Int32] = []
    public var offsets: [Int32] = []
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

    public var isTypeScript: Bool { language.isTypeScript }
    /// A UI component file: JSX, or a Vue/Svelte single-file component.
    public var isUI: Bool { hasJSX || language == .vue || language == .svelte }
}

/// The per-file analysis: tokens ▸ units ▸ imports, data access, `any` types, clone stream.
public enum CodeAnalysis {
    /// Analyses one program file. Cost is linear in its bytes.
    public static func analyze(_ file: ScannedFile) -> FileCodeAnalysis {
        let code = CodeTokenizer.tokenize(file)
        var units = FunctionFinder.units(code, bytes: file.bytes, language: file.language)
        units.sort { $0.firstToken < $1.firstToken }
        let t = code.tokens
        var hasJSX = false
        for tok in t where tok.flags.contains(.jsxOpen) { hasJSX = true; break }
        let (imports, importSpans, importedNames) = file.language == .python ? pythonImports(t, file.bytes) : jsImports(t, file.bytes)
        let anys = file.language.isTypeScript ? anyTypes(t) : []
        let data = file.language == .python ? [] : dataAccess(t, file.bytes, units: units, importedNames: importedNames, imports: imports)
        return FileCodeAnalysis(
            path: file.path, language: file.language, role: file.role, excluded: exclusion(file),
            uiKitCandidate: isUIKitPath(file.path), linesOfCode: code.linesOfCode, lines: file.lineCount, units: units,
            imports: imports, hasJSX: hasJSX, directive: FileRole.directive(file.bytes), dataAccess: data, anyOffsets: anys,
            clones: cloneStream(t, skipping: importSpans), codeLine: code.codeLine, tokens: t.count)
    }

    // MARK: Exclusions

    /// Why a program file is not authored code: TypeScript declarations, minified or bundled output,
    /// generated Supabase/Prisma/GraphQL types, Django migrations, or a generated-file header.
    public static func exclusion(_ file: ScannedFile) -> String? {
        let lower = file.path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        if name.hasSuffix(".d.ts") || name.hasSuffix(".d.mts") || name.hasSuffix(".d.cts") { return "TypeScript declaration file" }
        if name.contains(".min.") || name.contains("-min.") || name.contains(".bundle.") { return "minified or bundled file" }
        let lines = max(1, file.lineCount)
        if file.bytes.count > 4096 && file.bytes.count / lines > 300 { return "minified or bundled file (very long lines)" }
        let p = "/" + lower
        if p.hasSuffix("/supabase/types.ts") || p.hasSuffix("/supabase/types.tsx") || name == "database.types.ts"
            || name == "supabase.types.ts" || name == "database.ts" && p.contains("/types/") {
            return "generated Supabase types"
        }
        if p.contains("/__generated__/") || p.contains("/generated/") || p.contains("/gen/") && name.hasSuffix("_pb.ts")
            || name.hasSuffix(".generated.ts") || name.hasSuffix(".gen.ts") || name == "routetree.gen.ts" {
            return "generated code"
        }
        if file.language == .python && p.contains("/migrations/") && name.first.map({ $0.isNumber }) == true { return "Django migration" }
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

    static let generatedMarkers: [[UInt8]] = [
        "@generated", "auto-generated", "autogenerated", "automatically generated", "do not edit", "generated by",
        "this file was generated", "this file is generated",
    ].map { Array($0.utf8) }

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
        if p.contains("/components/ui/") { return true }
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

    @inline(__always) static func isPunct(_ t: [CodeToken], _ k: Int, _ h: UInt64) -> Bool {
        k >= 0 && k < t.count && t[k].kind == .punctuation && t[k].hash == h
    }

    @inline(__always) static func isWord(_ t: [CodeToken], _ k: Int, _ h: UInt64) -> Bool {
        k >= 0 && k < t.count && (t[k].kind == .identifier || t[k].kind == .keyword) && t[k].hash == h && !t[k].flags.contains(.member)
    }

    /// ES imports, re-exports, `require` and dynamic `import()`; with the token spans of import
    /// statements (left out of clone detection) and the local names each specifier binds.
    static func jsImports(_ t: [CodeToken], _ bytes: [UInt8]) -> ([ImportRef], [Range<Int>], [String: [String]]) {
        var refs: [ImportRef] = []
        var spans: [Range<Int>] = []
        var names: [String: [String]] = [:]
        var k = 0
        let n = t.count
        while k < n {
            let tok = t[k]
            if tok.kind == .keyword && !tok.flags.contains(.member) && tok.hash == CodeHash.kImport {
                if isPunct(t, k + 1, CodeHash.lparen), k + 2 < n, let s = stringValue(t[k + 2], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .dynamic, typeOnly: false, level: 0, names: []))
                    k += 3
                    continue
                }
                if k + 1 < n, let s = stringValue(t[k + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .esImport, typeOnly: false, level: 0, names: []))
                    spans.append(k..<(k + 2 + (isPunct(t, k + 2, CodeHash.semicolon) ? 1 : 0)))
                    k += 2
                    continue
                }
                if isPunct(t, k + 1, CodeHash.dot) { k += 1; continue }  // import.meta
                let typeOnly = isWord(t, k + 1, CodeHash.kType) && !isWord(t, k + 2, CodeHash.kFrom)
                var j = k + 1
                var bound: [String] = []
                while j < n && j - k < 400 {
                    let u = t[j]
                    if u.kind == .punctuation && u.hash == CodeHash.semicolon { break }
                    if u.kind == .keyword && u.hash == CodeHash.kImport { break }
                    if u.kind == .identifier && u.hash == CodeHash.kFrom && j + 1 < n && t[j + 1].kind == .string { break }
                    if u.kind == .identifier && u.hash != CodeHash.kType && u.hash != CodeHash.kAs { bound.append(text(u, bytes)) }
                    j += 1
                }
                if j + 1 < n, isWord(t, j, CodeHash.kFrom), let s = stringValue(t[j + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .esImport, typeOnly: typeOnly, level: 0, names: []))
                    names[s, default: []].append(contentsOf: bound)
                    let end = j + 2 + (isPunct(t, j + 2, CodeHash.semicolon) ? 1 : 0)
                    spans.append(k..<end)
                    k = end
                    continue
                }
                k += 1
                continue
            }
            if tok.kind == .keyword && !tok.flags.contains(.member) && tok.hash == CodeHash.kExport {
                var j = k + 1
                let typeOnly = isWord(t, j, CodeHash.kType)
                if typeOnly { j += 1 }
                if isPunct(t, j, CodeHash.star) {
                    j += 1
                    if isWord(t, j, CodeHash.kAs) { j += 2 }
                } else if isPunct(t, j, CodeHash.lbrace) {
                    var d = j
                    while d < n && d - j < 400 && !isPunct(t, d, CodeHash.rbrace) { d += 1 }
                    j = d + 1
                } else {
                    k += 1
                    continue
                }
                if j + 1 < n, isWord(t, j, CodeHash.kFrom), let s = stringValue(t[j + 1], bytes) {
                    refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .reexport, typeOnly: typeOnly, level: 0, names: []))
                    let end = j + 2 + (isPunct(t, j + 2, CodeHash.semicolon) ? 1 : 0)
                    spans.append(k..<end)
                    k = end
                    continue
                }
                k += 1
                continue
            }
            if tok.kind == .identifier && tok.hash == CodeHash.kRequire && !tok.flags.contains(.member),
               isPunct(t, k + 1, CodeHash.lparen), k + 3 < n, let s = stringValue(t[k + 2], bytes), isPunct(t, k + 3, CodeHash.rparen) {
                refs.append(ImportRef(specifier: s, offset: Int(tok.offset), kind: .require, typeOnly: false, level: 0, names: []))
                // `const x = require('y')` statements are import boilerplate too.
                var s0 = k
                if k >= 3, isPunct(t, k - 1, CodeHash.assign), t[k - 3].kind == .keyword { s0 = k - 3 }
                spans.append(s0..<(k + 4))
                k += 4
                continue
            }
            k += 1
        }
        return (refs, spans, names)
    }

    /// Python `import a.b, c as d` and `from .x import y` at the start of a logical line.
    static func pythonImports(_ t: [CodeToken], _ bytes: [UInt8]) -> ([ImportRef], [Range<Int>], [String: [String]]) {
        var refs: [ImportRef] = []
        var spans: [Range<Int>] = []
        var k = 0
        let n = t.count
        func dotted(_ from: Int) -> (String, Int) {
            var j = from
            var s = ""
            while j < n && t[j].kind == .identifier {
                s += text(t[j], bytes)
                if isPunct(t, j + 1, CodeHash.dot) && j + 2 < n && t[j + 2].kind == .identifier {
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
                if t[j].flags.contains(.lineStart) && depth == 0 && !isPunct(t, j - 1, CodeHash.backslash) { break }
                if isPunct(t, j, CodeHash.lparen) { depth += 1 } else if isPunct(t, j, CodeHash.rparen) { depth = max(0, depth - 1) }
                j += 1
            }
            return j
        }
        while k < n {
            let tok = t[k]
            guard tok.flags.contains(.lineStart), tok.kind == .keyword else { k += 1; continue }
            if tok.hash == CodeHash.kImport {
                let end = lineEnd(k)
                var j = k + 1
                while j < end {
                    let (mod, after) = dotted(j)
                    if !mod.isEmpty {
                        refs.append(ImportRef(specifier: mod, offset: Int(tok.offset), kind: .python, typeOnly: false, level: 0, names: []))
                    }
                    j = after
                    while j < end && !isPunct(t, j, CodeHash.comma) { j += 1 }
                    j += 1
                }
                spans.append(k..<end)
                k = end
                continue
            }
            if tok.hash == CodeHash.kFrom {
                let end = lineEnd(k)
                var j = k + 1
                var level = 0
                while j < end && (isPunct(t, j, CodeHash.dot) || isPunct(t, j, CodeHash.spread)) {
                    level += t[j].length == 3 ? 3 : 1
                    j += 1
                }
                let (mod, after) = dotted(j)
                j = after
                var imported: [String] = []
                if j < end && isWord(t, j, CodeHash.kImport) {
                    j += 1
                    var expectName = true
                    while j < end {
                        let u = t[j]
                        if u.kind == .identifier && expectName { imported.append(text(u, bytes)); expectName = false }
                        if isPunct(t, j, CodeHash.comma) { expectName = true }
                        j += 1
                    }
                }
                refs.append(ImportRef(specifier: mod, offset: Int(tok.offset), kind: .python, typeOnly: false, level: level, names: imported))
                spans.append(k..<end)
                k = end
                continue
            }
            k += 1
        }
        return (refs, spans, [:])
    }

    // MARK: any

    /// Explicit `any` in type positions: `: any`, `as any`, `<any>`, `any[]`, `Record<string, any>`,
    /// `string | any`; not a property, variable or call named `any` (`z.any()`).
    static func anyTypes(_ t: [CodeToken]) -> [Int32] {
        var out: [Int32] = []
        for k in 0..<t.count {
            let tok = t[k]
            guard tok.kind == .identifier, tok.hash == CodeHash.kAny, !tok.flags.contains(.member), k > 0 else { continue }
            if k + 1 < t.count {
                let nx = t[k + 1]
                if nx.kind == .punctuation && (nx.hash == CodeHash.lparen || nx.hash == CodeHash.colon || nx.hash == CodeHash.dot
                    || nx.hash == CodeHash.arrow) { continue }
            }
            let pv = t[k - 1]
            let ok: Bool
            switch pv.kind {
            case .punctuation:
                let h = pv.hash
                ok = h == CodeHash.colon || h == CodeHash.lt || h == CodeHash.comma || h == CodeHash.pipe || h == CodeHash.amp
                    || h == CodeHash.assign && isTypeAliasAssign(t, k - 1)
            case .identifier:
                ok = pv.hash == CodeHash.kAs
            case .keyword:
                ok = pv.hash == CodeHash.kExtends || pv.hash == CodeHash.of("keyof")
            default:
                ok = false
            }
            if ok && pv.hash == CodeHash.comma && !insideAngles(t, k) { continue }
            if ok { out.append(tok.offset) }
        }
        return out
    }

    /// `type X = any` / `type X<T> = any`.
    static func isTypeAliasAssign(_ t: [CodeToken], _ eq: Int) -> Bool {
        var j = eq - 1
        if isPunct(t, j, CodeHash.gt) {
            while j >= 0 && !isPunct(t, j, CodeHash.lt) && eq - j < 32 { j -= 1 }
            j -= 1
        }
        return j >= 1 && t[j].kind == .identifier && isWord(t, j - 1, CodeHash.kType)
    }

    /// Whether the token at `k` is inside `<…>` (a generic argument list) on its line.
    static func insideAngles(_ t: [CodeToken], _ k: Int) -> Bool {
        var depth = 0
        var j = k - 1
        while j >= 0 && k - j < 32 {
            let u = t[j]
            if u.kind == .punctuation {
                if u.hash == CodeHash.gt { depth += 1 } else if u.hash == CodeHash.lt {
                    if depth == 0 { return true }
                    depth -= 1
                } else if u.hash == CodeHash.lparen || u.hash == CodeHash.lbrace || u.hash == CodeHash.semicolon || u.hash == CodeHash.lbracket {
                    return false
                }
            }
            j -= 1
        }
        return false
    }

    // MARK: Data access

    static let prismaMethods: Set<String> = [
        "findMany", "findUnique", "findFirst", "findUniqueOrThrow", "findFirstOrThrow", "create", "createMany", "update",
        "updateMany", "upsert", "delete", "deleteMany", "count", "aggregate", "groupBy",
    ]
    static let queryMethods: Set<String> = ["select", "insert", "update", "delete", "query", "execute", "transaction", "selectFrom", "insertInto", "deleteFrom", "updateTable"]
    static let firestoreCalls: Set<String> = [
        "getDocs", "getDoc", "addDoc", "setDoc", "updateDoc", "deleteDoc", "onSnapshot", "runTransaction", "writeBatch",
    ]
    static let serverOnlyUnits: Set<String> = [
        "getServerSideProps", "getStaticProps", "getStaticPaths", "loader", "action", "generateMetadata", "generateStaticParams",
    ]

    /// Direct database calls: Supabase `.from()`/`.rpc()` on a Supabase client, Prisma model calls,
    /// Drizzle/Kysely/pg `db.select()`/`pool.query()`, Firestore reads and writes, `sql` tagged
    /// templates, and `fetch` to a Supabase REST URL (`/rest/v1/`). Matched on token hashes; text is
    /// only read for the few candidates.
    static func dataAccess(_ t: [CodeToken], _ bytes: [UInt8], units: [CodeUnit], importedNames: [String: [String]], imports: [ImportRef]) -> [DataAccessSite] {
        var supabaseNames: Set<UInt64> = []
        var firestore = false
        for (spec, names) in importedNames where spec.lowercased().contains("supabase") {
            for nm in names { supabaseNames.insert(CodeHash.of(nm)) }
        }
        for r in imports {
            let s = r.specifier.lowercased()
            if s.contains("firebase/firestore") || s.contains("@firebase/firestore") { firestore = true }
        }
        let prisma = Set(prismaMethods.map { CodeHash.of($0) })
        let query = Set(queryMethods.map { CodeHash.of($0) })
        let fire = Set(firestoreCalls.map { CodeHash.of($0) })
        let hFrom = CodeHash.kFrom, hRpc = CodeHash.of("rpc"), hQuery = CodeHash.of("query")
        let dbNames: Set<UInt64> = Set(["db", "pool", "knex", "kysely"].map { CodeHash.of($0) })
        let hPrisma = CodeHash.of("prisma"), hSql = CodeHash.of("sql"), hFetch = CodeHash.of("fetch")

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
        /// Whether the identifier at `k` contains `word` (ASCII, any case).
        func contains(_ k: Int, _ word: StaticString) -> Bool {
            let s = Int(t[k].offset), len = Int(t[k].length), m = word.utf8CodeUnitCount
            guard len >= m else { return false }
            let w = word.utf8Start
            var i = s
            while i + m <= s + len {
                var ok = true
                for j in 0..<m where bytes[i + j] | 0x20 != w[j] { ok = false; break }
                if ok { return true }
                i += 1
            }
            return false
        }
        var k = 0
        while k < n {
            let tok = t[k]
            guard tok.kind == .identifier, !tok.flags.contains(.member) else { k += 1; continue }
            let h = tok.hash
            if k + 3 < n, isPunct(t, k + 1, CodeHash.dot), t[k + 2].kind == .identifier || t[k + 2].kind == .keyword {
                let mh = t[k + 2].hash
                if (mh == hFrom || mh == hRpc) && isPunct(t, k + 3, CodeHash.lparen) && (supabaseNames.contains(h) || contains(k, "supabase")) {
                    var api = "\(name(k)).\(name(k + 2))("
                    if k + 4 < n, let table = stringValue(t[k + 4], bytes) { api += "'\(table)'" }
                    site(k, api + ")")
                    k += 4
                    continue
                }
                if h == hPrisma || contains(k, "prisma") {
                    if isPunct(t, k + 3, CodeHash.dot), k + 5 < n, prisma.contains(t[k + 4].hash), isPunct(t, k + 5, CodeHash.lparen) {
                        site(k, "\(name(k)).\(name(k + 2)).\(name(k + 4))()")
                        k += 6
                        continue
                    }
                    let method = name(k + 2)
                    if method.hasPrefix("$query") || method.hasPrefix("$execute") {
                        site(k, "\(name(k)).\(method)")
                        k += 3
                        continue
                    }
                }
                if dbNames.contains(h) {
                    if query.contains(mh) && isPunct(t, k + 3, CodeHash.lparen) {
                        site(k, "\(name(k)).\(name(k + 2))()")
                        k += 4
                        continue
                    }
                    if mh == hQuery && isPunct(t, k + 3, CodeHash.dot) && k + 6 < n && isPunct(t, k + 5, CodeHash.dot)
                        && prisma.contains(t[k + 6].hash) {
                        site(k, "\(name(k)).query.\(name(k + 4)).\(name(k + 6))()")
                        k += 7
                        continue
                    }
                }
            }
            if firestore && fire.contains(h) && isPunct(t, k + 1, CodeHash.lparen) {
                site(k, "\(name(k))()")
                k += 2
                continue
            }
            if h == hSql, k + 1 < n, t[k + 1].kind == .string, bytes[Int(t[k + 1].offset)] == 0x60 {
                site(k, "sql`…`")
                k += 2
                continue
            }
            if h == hFetch && isPunct(t, k + 1, CodeHash.lparen) {
                var j = k + 2
                while j < n && j - k < 8 && !isPunct(t, j, CodeHash.comma) && !isPunct(t, j, CodeHash.rparen) {
                    if t[j].kind == .string, text(t[j], bytes).contains("/rest/v1/") {
                        site(k, "fetch(…/rest/v1/…)")
                        break
                    }
                    j += 1
                }
            }
            k += 1
        }
        return out
    }

    // MARK: Clone stream

    static func cloneStream(_ t: [CodeToken], skipping spans: [Range<Int>]) -> CloneStream {
        var s = CloneStream()
        s.hashes.reserveCapacity(t.count)
        s.lines.reserveCapacity(t.count)
        s.offsets.reserveCapacity(t.count)
        var si = 0
        var k = 0
        while k < t.count {
            if si < spans.count && spans[si].lowerBound <= k {
                k = max(k, spans[si].upperBound)
                si += 1
                continue
            }
            let tok = t[k]
            if !tok.flags.contains(.docstring) {
                s.hashes.append(tok.normalised)
                s.lines.append(tok.line)
                s.offsets.append(tok.offset)
            }
            k += 1
        }
        return s
    }
}
