import Foundation

/// One app tree of the corpus: a (builder, task, trial) cell.
public struct DiscoveredApp: Sendable, Hashable {
    public var builder: String
    public var task: String
    /// Empty when the cell has a single generation.
    public var trial: String
    public var root: String
    public var manifest: AppManifest?

    /// "builder/task" or "builder/task/trial": unique within a corpus, stable across runs.
    public var key: String { trial.isEmpty ? "\(builder)/\(task)" : "\(builder)/\(task)/\(trial)" }

    /// For an App Modification Request generation (task folder `<task-id>@<amr-id>`), the key of
    /// the app it modified: the same builder, task and trial without the AMR suffix.
    public var baseKey: String? { DiscoveredApp.baseKey(builder: builder, task: task, trial: trial) }

    static func baseKey(builder: String, task: String, trial: String) -> String? {
        guard let at = task.firstIndex(of: "@") else { return nil }
        let base = String(task[..<at])
        return trial.isEmpty ? "\(builder)/\(base)" : "\(builder)/\(base)/\(trial)"
    }

    /// The task id without an AMR suffix.
    public static func taskID(_ task: String) -> String {
        task.firstIndex(of: "@").map { String(task[..<$0]) } ?? task
    }
}

/// A corpus entry that could not be used, and why.
public struct DiscoveryIssue: Sendable, Hashable, Codable {
    public var path: String
    public var message: String
}

/// Finds `<builder>/<task-id>/` and `<builder>/<task-id>/<trial>/` app trees.
public enum CorpusDiscovery {
    public struct Result: Sendable {
        public var apps: [DiscoveredApp]
        public var issues: [DiscoveryIssue]
    }

    public static func discover(corpus: String) throws -> Result {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDir) else {
            throw CorpusError(message: "corpus folder not found: \(corpus)")
        }
        guard isDir.boolValue else { throw CorpusError(message: "corpus is not a folder: \(corpus)") }

        var apps: [DiscoveredApp] = []
        var issues: [DiscoveryIssue] = []
        let builders = try listing(corpus)
        for b in builders where !b.name.hasPrefix(".") {
            let bpath = corpus + "/" + b.name
            guard b.isDirectory else {
                issues.append(DiscoveryIssue(path: b.name, message: "a file at builder level; expected folders <builder>/<task-id>/"))
                continue
            }
            guard validName(b.name) else {
                issues.append(DiscoveryIssue(path: b.name, message: "builder folder name must be letters, digits, '.', '_' or '-'"))
                continue
            }
            let tasks = (try? listing(bpath)) ?? []
            let taskDirs = tasks.filter { $0.isDirectory && !$0.name.hasPrefix(".") }
            if taskDirs.isEmpty {
                issues.append(DiscoveryIssue(path: b.name, message: "builder folder holds no task folders"))
                continue
            }
            for t in tasks where !t.name.hasPrefix(".") && !t.isDirectory {
                issues.append(DiscoveryIssue(path: "\(b.name)/\(t.name)", message: "a file at task level; expected folders <builder>/<task-id>/"))
            }
            for t in taskDirs {
                let tpath = bpath + "/" + t.name
                guard validName(t.name, allowAMR: true) else {
                    issues.append(DiscoveryIssue(path: "\(b.name)/\(t.name)", message: "task folder name must be letters, digits, '.', '_' or '-', with an optional @<amr-id> suffix"))
                    continue
                }
                let entries = (try? listing(tpath)) ?? []
                let visible = entries.filter { !$0.name.hasPrefix(".") }
                if visible.isEmpty && entries.isEmpty {
                    issues.append(DiscoveryIssue(path: "\(b.name)/\(t.name)", message: "empty app folder"))
                    continue
                }
                let hasFiles = visible.contains { !$0.isDirectory }
                let subdirs = visible.filter(\.isDirectory)
                if !hasFiles && !subdirs.isEmpty && subdirs.allSatisfy({ isTrialName($0.name) }) {
                    for s in subdirs {
                        appendApp(builder: b.name, task: t.name, trial: s.name, root: tpath + "/" + s.name, apps: &apps, issues: &issues)
                    }
                } else {
                    appendApp(builder: b.name, task: t.name, trial: "", root: tpath, apps: &apps, issues: &issues)
                }
            }
        }
        apps.sort { $0.key < $1.key }
        let keys = Set(apps.map(\.key))
        for a in apps {
            if let base = a.baseKey, !keys.contains(base) {
                issues.append(DiscoveryIssue(path: a.key, message: "modification request with no base app \(base) in the corpus; its pair metrics will not be measured"))
            }
        }
        issues.sort { $0.path < $1.path }
        return Result(apps: apps, issues: issues)
    }

    private static func appendApp(builder: String, task: String, trial: String, root: String, apps: inout [DiscoveredApp], issues: inout [DiscoveryIssue]) {
        var app = DiscoveredApp(builder: builder, task: task, trial: trial, root: root, manifest: nil)
        let manifestPath = root + "/" + AppManifest.fileName
        if FileManager.default.fileExists(atPath: manifestPath) {
            guard let data = FileManager.default.contents(atPath: manifestPath) else {
                issues.append(DiscoveryIssue(path: app.key + "/" + AppManifest.fileName, message: "manifest could not be read; app skipped"))
                return
            }
            do {
                app.manifest = try AppManifest.parse(String(decoding: data, as: UTF8.self))
            } catch {
                issues.append(DiscoveryIssue(path: app.key + "/" + AppManifest.fileName, message: "\(error); app skipped"))
                return
            }
        }
        apps.append(app)
    }

    /// Trial folder names: `trial-1`, `trial_2`, `run-3`, `gen4`, `attempt-5`, or a number.
    static func isTrialName(_ name: String) -> Bool {
        let lower = name.lowercased()
        for prefix in ["trial", "run", "gen", "attempt", "sample"] where lower.hasPrefix(prefix) {
            var rest = lower.dropFirst(prefix.count)
            if rest.first == "-" || rest.first == "_" { rest = rest.dropFirst() }
            return !rest.isEmpty && rest.allSatisfy(\.isNumber)
        }
        return !lower.isEmpty && lower.allSatisfy(\.isNumber)
    }

    private static func validName(_ name: String, allowAMR: Bool = false) -> Bool {
        let parts = name.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 1 || (allowAMR && parts.count == 2) else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.utf8.allSatisfy { ByteClass.isAlpha($0) || ByteClass.isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
        }
    }

    private struct Entry { var name: String; var isDirectory: Bool }

    private static func listing(_ path: String) throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        return names.map { name in
            var isDir: ObjCBool = false
            let full = path + "/" + name
            // A symlinked builder or app folder counts as a folder; the walker never follows links out of it.
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            return Entry(name: name, isDirectory: isDir.boolValue)
        }
    }
}

public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
