import Foundation
import TOMLKit

/// A task of the suite: what the builder was asked to build, and what the task-tier checks look for.
public struct TaskSpec: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var description: String
    }

    public var id: String
    public var title: String
    /// "T4" multi-role SaaS, "T5" AI-native, …
    public var tier: String
    public var locale: String?
    public var prompt: String
    public var roles: [String]
    public var entities: [String]
    public var integrations: [String]
    public var features: [Item]
    public var canaries: [Item]
    /// App Modification Requests of the task (`[[amrs]]`), matched to `<task-id>@<amr-id>` apps.
    public var amrs: [AMR] = []

    /// A modification request: what the builder was asked to change.
    public struct AMR: Sendable, Hashable, Codable {
        public var id: String
        public var description: String
        public var features: [String]
    }

    /// The AMR an app answers, from its `<task-id>@<amr-id>` task folder.
    public func amr(forTask task: String) -> AMR? {
        guard let at = task.firstIndex(of: "@") else { return nil }
        let id = String(task[task.index(after: at)...])
        return amrs.first { $0.id == id }
    }

    public static func parse(_ text: String, source: String) throws -> TaskSpec {
        let t: TOMLTable
        do {
            t = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw TaskSpecError(message: "\(source): invalid TOML at line \(e.source.begin.line): \(e.description)")
        }
        func str(_ k: String, required: Bool = true) throws -> String? {
            guard let v = t[k] else {
                if required { throw TaskSpecError(message: "\(source): missing \(k)") }
                return nil
            }
            guard let s = v.string else { throw TaskSpecError(message: "\(source): \(k) must be a string") }
            return s
        }
        func list(_ k: String) throws -> [String] {
            guard let v = t[k] else { return [] }
            guard let a = v.array else { throw TaskSpecError(message: "\(source): \(k) must be an array of strings") }
            return try a.map {
                guard let s = $0.string else { throw TaskSpecError(message: "\(source): \(k) must be an array of strings") }
                return s
            }
        }
        func items(_ k: String) throws -> [Item] {
            guard let v = t[k] else { return [] }
            guard let a = v.array else { throw TaskSpecError(message: "\(source): [[\(k)]] must be an array of tables") }
            return try a.enumerated().map { i, e in
                guard let tt = e.table, let id = tt["id"]?.string, let d = tt["description"]?.string else {
                    throw TaskSpecError(message: "\(source): \(k)[\(i)] needs id and description strings")
                }
                return Item(id: id, description: d)
            }
        }
        var amrs: [AMR] = []
        if let v = t["amrs"] {
            guard let a = v.array else { throw TaskSpecError(message: "\(source): [[amrs]] must be an array of tables") }
            for (i, e) in a.enumerated() {
                guard let tt = e.table, let id = tt["id"]?.string, let d = tt["description"]?.string else {
                    throw TaskSpecError(message: "\(source): amrs[\(i)] needs id and description strings")
                }
                let features = (tt["features"]?.array).map { $0.compactMap { $0.string } } ?? []
                amrs.append(AMR(id: id, description: d, features: features))
            }
        }
        var spec = TaskSpec(
            id: try str("id")!, title: try str("title")!, tier: try str("tier")!, locale: try str("locale", required: false),
            prompt: try str("prompt", required: false) ?? "", roles: try list("roles"), entities: try list("entities"),
            integrations: try list("integrations"), features: try items("features"), canaries: try items("canaries"))
        spec.amrs = amrs
        return spec
    }

    /// Loads every `*.toml` in `dir/specs` (or in `dir` itself when it has no `specs` folder).
    /// Returns the specs by id and the problems found; a bad spec never stops the others.
    public static func loadAll(from dir: String) -> (specs: [String: TaskSpec], issues: [DiscoveryIssue]) {
        let fm = FileManager.default
        var base = dir
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir + "/specs", isDirectory: &isDir), isDir.boolValue { base = dir + "/specs" }
        guard let names = try? fm.contentsOfDirectory(atPath: base) else {
            return ([:], [DiscoveryIssue(path: dir, message: "task folder not found or unreadable")])
        }
        var specs: [String: TaskSpec] = [:]
        var issues: [DiscoveryIssue] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            let path = base + "/" + name
            guard let data = fm.contents(atPath: path) else {
                issues.append(DiscoveryIssue(path: path, message: "unreadable task spec"))
                continue
            }
            do {
                let spec = try parse(String(decoding: data, as: UTF8.self), source: name)
                if specs[spec.id] != nil {
                    issues.append(DiscoveryIssue(path: path, message: "duplicate task id \(spec.id); first one kept"))
                } else {
                    specs[spec.id] = spec
                }
            } catch {
                issues.append(DiscoveryIssue(path: path, message: "\(error)"))
            }
        }
        return (specs, issues)
    }
}

public struct TaskSpecError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
