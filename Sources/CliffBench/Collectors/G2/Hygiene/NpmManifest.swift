import Foundation

/// A package.json of the app, parsed with JSONSerialization.
struct NpmManifest: Sendable {
    var file: ScannedFile
    /// Directory of the manifest, "" for the app root, else "server" (no trailing slash).
    var dir: String
    var dependencies: [String: String]
    var devDependencies: [String: String]
    var optionalDependencies: [String: String]
    var peerDependencies: [String: String]
    var scripts: [String: String]
    var workspaces: Bool

    var path: String { file.path }
    /// Runtime, dev and optional dependencies together (a name in several keeps its runtime spec).
    var allDependencies: [String: String] {
        var all = optionalDependencies
        for (k, v) in devDependencies { all[k] = v }
        for (k, v) in dependencies { all[k] = v }
        return all
    }

    init?(_ file: ScannedFile) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(file.bytes)), let json = obj as? [String: Any] else { return nil }
        self.file = file
        dir = file.path == "package.json" ? "" : String(file.path.dropLast("/package.json".count))
        func strings(_ key: String) -> [String: String] {
            guard let d = json[key] as? [String: Any] else { return [:] }
            var out: [String: String] = [:]
            for (k, v) in d { out[k] = (v as? String) ?? "" }
            return out
        }
        dependencies = strings("dependencies")
        devDependencies = strings("devDependencies")
        optionalDependencies = strings("optionalDependencies")
        peerDependencies = strings("peerDependencies")
        scripts = strings("scripts")
        workspaces = json["workspaces"] != nil
    }

    /// The app's package.json files outside dependency and build folders (the walker skipped those), shallowest first.
    static func load(_ app: AppContext) -> [NpmManifest] {
        app.files(named: "package.json").filter { !$0.path.contains("/fixtures/") && !$0.path.contains("/examples/") }.compactMap { NpmManifest($0) }
    }

    /// Offset of `"name"` as a key inside the `section` object of the file, for finding locations.
    func offset(of name: String, in section: String) -> Int? {
        let code = Hygiene.Code(file)
        let all = 0..<file.bytes.count
        guard let sec = code.rawFind("\"\(section)\"", in: all) else { return nil }
        return code.rawFind("\"\(name)\"", in: sec..<file.bytes.count)
    }

    /// Path of `name` next to this manifest ("yarn.lock" or "server/yarn.lock").
    func sibling(_ name: String) -> String { dir.isEmpty ? name : dir + "/" + name }
}

extension Hygiene.Code {
    /// First offset of `literal` anywhere in `range`.
    func rawFind(_ literal: String, in range: Range<Int>) -> Int? {
        let needle = Array(literal.utf8)
        let b = file.bytes
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var i = range.lowerBound
        let last = min(range.upperBound, b.count) - needle.count
        while i <= last {
            if b[i] == first {
                var ok = true
                for j in 1..<needle.count where b[i + j] != needle[j] { ok = false; break }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }
}

/// Versions resolved in a package-lock.json (lockfile v1, v2 and v3).
struct NpmLock: Sendable {
    /// Package name → resolved versions (several when nested copies differ).
    var versions: [String: Set<String>]
    /// Versions installed at the top level of node_modules (what the app's own imports resolve to).
    var topLevel: [String: String]

    init?(_ file: ScannedFile) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(file.bytes)), let json = obj as? [String: Any] else { return nil }
        var versions: [String: Set<String>] = [:]
        var top: [String: String] = [:]
        if let packages = json["packages"] as? [String: Any] {
            for (key, value) in packages {
                guard let range = key.range(of: "node_modules/", options: .backwards), let entry = value as? [String: Any],
                      let v = entry["version"] as? String else { continue }
                let name = String(key[range.upperBound...])
                versions[name, default: []].insert(v)
                if key == "node_modules/" + name { top[name] = v }
            }
        } else if let deps = json["dependencies"] as? [String: Any] {
            func walk(_ d: [String: Any], depth: Int) {
                for (name, value) in d {
                    guard let entry = value as? [String: Any] else { continue }
                    if let v = entry["version"] as? String {
                        versions[name, default: []].insert(v)
                        if depth == 0 { top[name] = v }
                    }
                    if depth < 8, let nested = entry["dependencies"] as? [String: Any] { walk(nested, depth: depth + 1) }
                }
            }
            walk(deps, depth: 0)
        } else {
            return nil
        }
        self.versions = versions
        topLevel = top
    }
}

/// A Python requirement line: `flask==2.2.3`, `requests>=2.0`, `django`.
struct PyRequirement: Sendable {
    var name: String
    var spec: String
    var offset: Int
    var file: ScannedFile

    /// Exactly pinned (`==`, `===`).
    var isPinned: Bool { spec.hasPrefix("==") && !spec.contains("*") && !spec.contains(",") || spec.hasPrefix("===") }

    /// The lowest version the specifier allows, when it has a lower bound.
    var minimum: Semver? {
        var best: Semver?
        for part in spec.split(separator: ",") {
            let t = part.trimmingCharacters(in: .whitespaces)
            for op in ["===", "==", "~=", ">="] where t.hasPrefix(op) {
                let v = t.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
                if !v.contains("*"), let s = Semver(v), best == nil || s > best! { best = s }
                break
            }
        }
        return best
    }

    /// Requirements of requirements*.txt files (options, URLs and `-r` includes skipped).
    static func fromRequirements(_ file: ScannedFile) -> [PyRequirement] {
        var out: [PyRequirement] = []
        for line in 1...max(1, file.lineCount) {
            let r = file.lineRange(line)
            var text = file.string(r)
            if let hash = text.range(of: " #") ?? (text.hasPrefix("#") ? text.range(of: "#") : nil) { text = String(text[..<hash.lowerBound]) }
            if let semi = text.firstIndex(of: ";") { text = String(text[..<semi]) }
            let t = text.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, !t.hasPrefix("-"), !t.contains("://"), !t.hasPrefix(".") else { continue }
            let nameEnd = t.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? t.endIndex
            var name = String(t[..<nameEnd])
            var rest = t[nameEnd...].trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("[") { rest = String(rest.drop { $0 != "]" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
            guard !name.isEmpty else { continue }
            name = name.trimmingCharacters(in: .whitespaces)
            let lead = r.lowerBound + (file.string(r).count - file.string(r).drop { $0 == " " }.count)
            out.append(PyRequirement(name: name, spec: rest, offset: lead, file: file))
        }
        return out
    }

    /// Dependencies of a pyproject.toml: PEP 621 `dependencies = [...]` strings and Poetry
    /// `[tool.poetry.dependencies]` tables, read line by line.
    static func fromPyproject(_ file: ScannedFile) -> [PyRequirement] {
        var out: [PyRequirement] = []
        var inArray = false
        var inPoetryTable = false
        for line in 1...max(1, file.lineCount) {
            let r = file.lineRange(line)
            let t = file.string(r).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") && !inArray {
                inPoetryTable = t == "[tool.poetry.dependencies]"
                continue
            }
            if t.hasPrefix("dependencies") && t.contains("[") && !inPoetryTable {
                inArray = !t.contains("]")
                for item in quoted(t) { out.append(requirement(item, file: file, line: r)) }
                continue
            }
            if inArray {
                for item in quoted(t) { out.append(requirement(item, file: file, line: r)) }
                if t.contains("]") { inArray = false }
                continue
            }
            if inPoetryTable, let eq = t.firstIndex(of: "="), !t.hasPrefix("#") {
                let name = t[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if name.lowercased() == "python" { continue }
                let value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                var spec = quoted(value).first ?? ""
                if value.hasPrefix("{") { spec = "" }
                if spec == "*" { spec = "" }
                if let first = spec.first, first == "^" || first == "~" || first.isNumber { spec = ">=" + spec.drop { $0 == "^" || $0 == "~" } }
                out.append(PyRequirement(name: name, spec: spec, offset: r.lowerBound, file: file))
            }
        }
        return out.filter { !$0.name.isEmpty }
    }

    private static func quoted(_ s: String) -> [String] {
        var out: [String] = []
        var cur: String?
        var quote: Character = "\""
        for ch in s {
            if var c = cur {
                if ch == quote { out.append(c); cur = nil } else { c.append(ch); cur = c }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                cur = ""
            }
        }
        return out
    }

    private static func requirement(_ item: String, file: ScannedFile, line: Range<Int>) -> PyRequirement {
        var t = item
        if let semi = t.firstIndex(of: ";") { t = String(t[..<semi]) }
        t = t.trimmingCharacters(in: .whitespaces)
        let nameEnd = t.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? t.endIndex
        var rest = t[nameEnd...].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("[") { rest = String(rest.drop { $0 != "]" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return PyRequirement(name: String(t[..<nameEnd]), spec: rest, offset: line.lowerBound, file: file)
    }
}
