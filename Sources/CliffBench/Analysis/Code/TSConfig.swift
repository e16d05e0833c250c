import Foundation

/// App-relative path arithmetic ("/" separated, no leading slash).
public enum AppPath {
    /// The folder of a path ("" for a top-level file).
    public static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `dir` joined with a relative path, `.` and `..` resolved; nil when it climbs above the app.
    public static func join(_ dir: String, _ rel: String) -> String? {
        var parts = dir.isEmpty ? [] : dir.split(separator: "/").map(String.init)
        for c in rel.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(String(c))
        }
        return parts.joined(separator: "/")
    }
}

/// A `compilerOptions.paths` entry, its targets resolved to app-relative paths.
public struct PathMapping: Sendable, Hashable {
    /// `@/*`, `@shared/*`, `~/*`, or an exact name.
    public var pattern: String
    public var targets: [String]
}

/// What CliffBench reads from a `tsconfig.json` / `jsconfig.json`.
public struct TSConfig: Sendable {
    public var path: String
    public var strict: Bool?
    public var noImplicitAny: Bool?
    public var strictNullChecks: Bool?
    /// App-relative `baseUrl`, when set.
    public var baseUrl: String?
    public var paths: [PathMapping]
    /// Referenced configs (project references), app-relative.
    public var references: [String]
    /// `extends`: app-relative paths for local files, package names otherwise.
    public var extends: [String]
    /// `"files": []` with references: a solution file that compiles nothing itself.
    public var isSolution: Bool
    /// Byte offsets of the `"strict"`, `"noImplicitAny"`, `"strictNullChecks"` keys.
    public var keyOffsets: [String: Int]

    /// Parses a tsconfig (JSON with comments and trailing commas). Nil when it is not an object.
    public static func parse(_ file: ScannedFile) -> TSConfig? {
        guard let obj = jsonObject(file) else { return nil }
        let dir = AppPath.dir(file.path)
        let opts = obj["compilerOptions"] as? [String: Any] ?? [:]
        var cfg = TSConfig(path: file.path, strict: opts["strict"] as? Bool, noImplicitAny: opts["noImplicitAny"] as? Bool,
                           strictNullChecks: opts["strictNullChecks"] as? Bool, baseUrl: nil, paths: [], references: [], extends: [],
                           isSolution: false, keyOffsets: [:])
        if let b = opts["baseUrl"] as? String { cfg.baseUrl = AppPath.join(dir, b) }
        if let ps = opts["paths"] as? [String: Any] {
            let root = cfg.baseUrl ?? dir
            for (pattern, v) in ps.sorted(by: { $0.key < $1.key }) {
                let targets = (v as? [Any] ?? []).compactMap { $0 as? String }.compactMap { AppPath.join(root, $0) }
                cfg.paths.append(PathMapping(pattern: pattern, targets: targets))
            }
        }
        for r in obj["references"] as? [Any] ?? [] {
            guard let p = (r as? [String: Any])?["path"] as? String, let full = AppPath.join(dir, p) else { continue }
            cfg.references.append(full.hasSuffix(".json") ? full : (full.isEmpty ? "tsconfig.json" : full + "/tsconfig.json"))
        }
        var ext: [String] = []
        if let e = obj["extends"] as? String { ext = [e] } else if let e = obj["extends"] as? [Any] { ext = e.compactMap { $0 as? String } }
        for e in ext {
            if e.hasPrefix(".") || e.hasPrefix("/") {
                if let full = AppPath.join(dir, e) { cfg.extends.append(full.hasSuffix(".json") ? full : full + ".json") }
            } else {
                cfg.extends.append(e)
            }
        }
        if let files = obj["files"] as? [Any], files.isEmpty, !cfg.references.isEmpty { cfg.isSolution = true }
        if !cfg.references.isEmpty && obj["files"] == nil && obj["include"] == nil && opts.isEmpty { cfg.isSolution = true }
        for key in ["strict", "noImplicitAny", "strictNullChecks"] {
            if let off = file.find("\"\(key)\"", in: .string).first { cfg.keyOffsets[key] = off }
        }
        return cfg
    }

    /// JSON with `//` and `/* */` comments and trailing commas, as tsconfig allows.
    static func jsonObject(_ file: ScannedFile) -> [String: Any]? {
        var out: [UInt8] = []
        out.reserveCapacity(file.bytes.count)
        var ri = 0
        var i = 0
        let b = file.bytes
        while i < b.count {
            if ri < file.regions.count && Int(file.regions[ri].start) <= i {
                let r = file.regions[ri]
                ri += 1
                if r.kind == .comment {
                    out.append(0x20)
                    i = max(i, Int(r.end))
                    continue
                }
                out.append(contentsOf: b[i..<max(i, Int(r.end))])
                i = max(i, Int(r.end))
                continue
            }
            let c = b[i]
            if c == 0x2C {  // a comma before `}` or `]` is dropped
                var j = i + 1
                while j < b.count && Lexer.isSpace(b[j]) { j += 1 }
                if j < b.count && (b[j] == 0x7D || b[j] == 0x5D) { i += 1; continue }
                if j + 1 < b.count && b[j] == 0x2F && (b[j + 1] == 0x2F || b[j + 1] == 0x2A) {
                    // comma followed by a comment: look past it
                    var k = j
                    while k < b.count {
                        if let r = file.regions.first(where: { Int($0.start) == k && $0.kind == .comment }) {
                            k = Int(r.end)
                            while k < b.count && Lexer.isSpace(b[k]) { k += 1 }
                            continue
                        }
                        break
                    }
                    if k < b.count && (b[k] == 0x7D || b[k] == 0x5D) { i += 1; continue }
                }
            }
            out.append(c)
            i += 1
        }
        guard let obj = try? JSONSerialization.jsonObject(with: Data(out)) else { return nil }
        return obj as? [String: Any]
    }
}

/// The tsconfig files of an app and what they say once `extends` chains are followed.
public struct TSConfigSet: Sendable {
    public var configs: [String: TSConfig]

    public init(configs: [String: TSConfig]) {
        self.configs = configs
    }

    public init(_ app: AppContext) {
        var m: [String: TSConfig] = [:]
        for f in app.files {
            let name = f.path.split(separator: "/").last.map { $0.lowercased() } ?? ""
            guard name.hasSuffix(".json"), name.hasPrefix("tsconfig") || name.hasPrefix("jsconfig") else { continue }
            if let c = TSConfig.parse(f) { m[f.path] = c }
        }
        configs = m
    }

    /// Strictness flags after following local `extends` (the config's own settings win).
    public struct Effective: Sendable {
        public var strict: Bool?
        public var noImplicitAny: Bool?
        public var strictNullChecks: Bool?
        /// Package bases that could not be read (`@tsconfig/strictest`, `expo/tsconfig.base`).
        public var externalBases: [String]
        /// Where each flag was set: config path.
        public var setIn: [String: String]
    }

    public func effective(_ path: String) -> Effective {
        var e = Effective(strict: nil, noImplicitAny: nil, strictNullChecks: nil, externalBases: [], setIn: [:])
        var seen: Set<String> = []
        func visit(_ p: String) {
            guard seen.insert(p).inserted, let c = configs[p] else { return }
            if e.strict == nil, let v = c.strict { e.strict = v; e.setIn["strict"] = p }
            if e.noImplicitAny == nil, let v = c.noImplicitAny { e.noImplicitAny = v; e.setIn["noImplicitAny"] = p }
            if e.strictNullChecks == nil, let v = c.strictNullChecks { e.strictNullChecks = v; e.setIn["strictNullChecks"] = p }
            for x in c.extends.reversed() {
                if configs[x] != nil { visit(x) } else if !x.hasSuffix(".json") || !x.contains("/") || x.hasPrefix("@") {
                    e.externalBases.append(x)
                }
            }
        }
        visit(path)
        return e
    }

    /// The configs that actually type-check app code: each top-level `tsconfig.json`, or the
    /// projects it references when it is a solution file; `tsconfig.node.json` (build tooling) left out.
    public func checkingConfigs() -> [String] {
        var out: [String] = []
        let roots = configs.keys.filter { ($0.split(separator: "/").last ?? "") == "tsconfig.json" }.sorted()
        var referenced: Set<String> = []
        for c in configs.values { referenced.formUnion(c.references) }
        for r in roots where !referenced.contains(r) {
            guard let c = configs[r] else { continue }
            if c.isSolution {
                for ref in c.references where configs[ref] != nil && !isToolingConfig(ref) { out.append(ref) }
            } else {
                out.append(r)
            }
        }
        var seen: Set<String> = []
        return out.filter { seen.insert($0).inserted }
    }

    func isToolingConfig(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last ?? "").lowercased()
        return name.contains(".node.") || name.contains("vite.config") || name.contains(".spec.") || name.contains(".test.")
    }

    /// Path aliases for import resolution: every config's `paths`, keyed by the config's folder.
    public func aliases() -> [(dir: String, mappings: [PathMapping])] {
        var out: [(String, [PathMapping])] = []
        for (p, c) in configs.sorted(by: { $0.key < $1.key }) where !c.paths.isEmpty {
            out.append((AppPath.dir(p), c.paths))
        }
        return out
    }
}
