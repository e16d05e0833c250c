/// Resolves import specifiers to app files: relative paths, tsconfig `paths` aliases (`@/` falls
/// back to `src/` or the root when no config maps it, `~/` likewise), extensionless and `index`
/// imports, `.js` specifiers naming `.ts` sources, and Python relative and absolute modules.
public struct ImportResolver: Sendable {
    let files: Set<String>
    let aliases: [(dir: String, mappings: [PathMapping])]
    let defaultAliasRoot: String

    static let extensions = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte"]

    public init(files: Set<String>, aliases: [(dir: String, mappings: [PathMapping])]) {
        self.files = files
        self.aliases = aliases.sorted { $0.dir.count > $1.dir.count }
        if files.contains(where: { $0.hasPrefix("src/") }) {
            defaultAliasRoot = "src"
        } else if files.contains(where: { $0.hasPrefix("client/src/") }) {
            defaultAliasRoot = "client/src"
        } else {
            defaultAliasRoot = ""
        }
    }

    /// The app file an import names, or nil (a package, or a file not in the app).
    public func resolve(_ ref: ImportRef, from path: String) -> String? {
        if ref.kind == .python { return resolvePython(ref, from: path) }
        let spec = ref.specifier
        if spec.hasPrefix("./") || spec.hasPrefix("../") || spec == "." || spec == ".." {
            guard let base = AppPath.join(AppPath.dir(path), spec) else { return nil }
            return probe(base)
        }
        // Aliases of the nearest config above the importing file.
        for a in aliases where a.dir.isEmpty || path.hasPrefix(a.dir + "/") {
            for m in a.mappings {
                if m.pattern.hasSuffix("*") {
                    let prefix = String(m.pattern.dropLast())
                    guard spec.hasPrefix(prefix) else { continue }
                    let rest = String(spec.dropFirst(prefix.count))
                    for t in m.targets {
                        let target = t.hasSuffix("*") ? String(t.dropLast()) + rest : t
                        if let hit = probe(target) { return hit }
                    }
                } else if spec == m.pattern {
                    for t in m.targets { if let hit = probe(t) { return hit } }
                }
            }
        }
        if spec.hasPrefix("@/") || spec.hasPrefix("~/") {
            let rest = String(spec.dropFirst(2))
            if let hit = probe(defaultAliasRoot.isEmpty ? rest : defaultAliasRoot + "/" + rest) { return hit }
            return probe(rest)
        }
        return nil
    }

    func probe(_ base: String) -> String? {
        let b = base.hasSuffix("/") ? String(base.dropLast()) : base
        if files.contains(b) { return b }
        for e in Self.extensions where files.contains(b + e) { return b + e }
        for e in Self.extensions where files.contains(b + "/index" + e) { return b + "/index" + e }
        for js in [".js", ".jsx", ".mjs", ".cjs"] where b.hasSuffix(js) {
            let stem = String(b.dropLast(js.count))
            for e in [".ts", ".tsx", ".mts", ".cts"] where files.contains(stem + e) { return stem + e }
        }
        return nil
    }

    func resolvePython(_ ref: ImportRef, from path: String) -> String? {
        let modPath = ref.specifier.replacingOccurrences(of: ".", with: "/")
        func py(_ base: String) -> String? {
            if files.contains(base + ".py") { return base + ".py" }
            if files.contains(base + "/__init__.py") { return base + "/__init__.py" }
            return nil
        }
        func joined(_ a: String, _ b: String) -> String { a.isEmpty ? b : (b.isEmpty ? a : a + "/" + b) }
        func inPackage(_ pkg: String) -> String? {
            if modPath.isEmpty {  // `from . import x`
                if let first = ref.names.first, let sub = py(joined(pkg, first)) { return sub }
                return pkg.isEmpty ? nil : py(pkg)
            }
            let base = joined(pkg, modPath)
            guard let mod = py(base) else { return nil }
            // `from pkg import module`: the imported name may be a module of the package.
            if mod.hasSuffix("__init__.py"), let first = ref.names.first, let sub = py(base + "/" + first) { return sub }
            return mod
        }
        if ref.level > 0 {
            var dir = AppPath.dir(path)
            for _ in 1..<max(1, ref.level) {
                guard !dir.isEmpty else { return nil }
                dir = AppPath.dir(dir)
            }
            return inPackage(dir)
        }
        guard !modPath.isEmpty else { return nil }
        // Absolute: try the importing file's folders (nearest first) as source roots, then the app root.
        var dir = AppPath.dir(path)
        while true {
            if let hit = inPackage(dir) { return hit }
            if dir.isEmpty { return nil }
            dir = AppPath.dir(dir)
        }
    }
}

/// A directed graph of app files by runtime imports, and its cycles.
public struct ImportGraph: Sendable {
    public var nodes: [String]
    /// For each node: (target node, offset of the import in the source file).
    public var edges: [[(to: Int, offset: Int)]]

    public init(nodes: [String], edges: [[(to: Int, offset: Int)]]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Builds the graph of `files` (type-only imports left out: they vanish at compile time; dynamic
    /// `import()` and imports inside functions too: they run after every module has loaded).
    public static func build(_ files: [FileCodeAnalysis], resolver: ImportResolver) -> ImportGraph {
        var index: [String: Int] = [:]
        for (i, f) in files.enumerated() { index[f.path] = i }
        var edges = [[(to: Int, offset: Int)]](repeating: [], count: files.count)
        for (i, f) in files.enumerated() {
            var seen: Set<Int> = []
            for r in f.imports where !r.typeOnly && r.kind != .dynamic {
                guard let target = resolver.resolve(r, from: f.path), let j = index[target], j != i, seen.insert(j).inserted else { continue }
                edges[i].append((j, r.offset))
            }
        }
        return ImportGraph(nodes: files.map(\.path), edges: edges)
    }

    /// Strongly connected components with more than one file (Tarjan, iterative), each sorted.
    public func cycles() -> [[Int]] {
        let n = nodes.count
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var next = 0
        var out: [[Int]] = []
        for root in 0..<n where index[root] < 0 {
            var work: [(v: Int, e: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (v, e) = work.last {
                if e < edges[v].count {
                    work[work.count - 1].e += 1
                    let w = edges[v][e].to
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.v] = min(low[parent.v], low[v]) }
                if low[v] == index[v] {
                    var comp: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        comp.append(w)
                        if w == v { break }
                    }
                    if comp.count > 1 { out.append(comp.sorted()) }
                }
            }
        }
        return out.sorted { $0[0] < $1[0] }
    }

    /// A shortest cycle through `start` inside `component`: the files in order, `start` first.
    public func shortestCycle(from start: Int, within component: [Int]) -> [Int] {
        let members = Set(component)
        var prev: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in edges[v] where members.contains(e.to) {
                if e.to == start {
                    var path = [v]
                    var c = v
                    while c != start, let p = prev[c] { path.append(p); c = p }
                    return path.reversed()
                }
                if prev[e.to] == nil && e.to != start {
                    prev[e.to] = v
                    queue.append(e.to)
                }
            }
        }
        return [start]
    }
}
