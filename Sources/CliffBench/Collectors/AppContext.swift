import Foundation

/// Identity and metadata of the app under scan, available in both passes.
public struct AppInfo: Sendable {
    public var builder: String
    public var task: String
    public var trial: String
    public var manifest: AppManifest?
    public var taskSpec: TaskSpec?

    public init(builder: String, task: String, trial: String = "", manifest: AppManifest? = nil, taskSpec: TaskSpec? = nil) {
        self.builder = builder
        self.task = task
        self.trial = trial
        self.manifest = manifest
        self.taskSpec = taskSpec
    }
}

/// Everything a collector sees of one app in the app pass.
public final class AppContext: Sendable {
    public let info: AppInfo
    /// Scanned text files, sorted by path.
    public let files: [ScannedFile]
    /// Entries the walker or reader did not scan (node_modules, build output, binaries, …).
    public let skipped: [SkippedEntry]
    public let matcher: PatternMatcher
    /// For a modification request (pair tier): the app as it was before the change.
    public let before: AppContext?
    private let reports: [String: [(file: ScannedFile, report: FileReport)]]
    private let byPath: [String: ScannedFile]
    private let cache = SharedCache()

    public init(info: AppInfo, files: [ScannedFile], skipped: [SkippedEntry], matcher: PatternMatcher,
                reports: [String: [(file: ScannedFile, report: FileReport)]], before: AppContext? = nil) {
        self.info = info
        self.files = files
        self.skipped = skipped
        self.matcher = matcher
        self.reports = reports
        self.before = before
        var m: [String: ScannedFile] = [:]
        for f in files { m[f.path] = f }
        self.byPath = m
    }

    /// Values cached on the files may point back at their file (a parsed structure keeps its source):
    /// dropping them with the app breaks those cycles, so a file lives no longer than its app.
    deinit {
        for f in files { f.releaseShared() }
    }

    public func file(_ path: String) -> ScannedFile? { byPath[path] }

    /// A value derived from the whole app (a schema model, the server routes), built once per app
    /// however many collectors ask for it. Collectors evaluate concurrently; the first asks, the
    /// others wait for its result.
    public func shared<T: Sendable>(_ key: String, _ build: () -> T) -> T {
        cache.value(key, build)
    }

    /// Files whose last path component is `name` (case-insensitive), shallowest first.
    public func files(named name: String) -> [ScannedFile] {
        let lower = name.lowercased()
        return files.filter { ($0.path.split(separator: "/").last.map { $0.lowercased() } ?? "") == lower }
            .sorted { $0.path.split(separator: "/").count < $1.path.split(separator: "/").count }
    }

    /// Whether the app has a path (scanned or skipped) that equals `path` or starts with `path/`.
    public func hasPath(_ path: String) -> Bool {
        if byPath[path] != nil { return true }
        let prefix = path + "/"
        return files.contains { $0.path.hasPrefix(prefix) } || skipped.contains { $0.path == path || $0.path.hasPrefix(prefix) }
    }

    /// Every hit of a rule across the app, in path then offset order.
    public func hits(_ ruleID: String) -> [(file: ScannedFile, hit: RuleHit)] {
        guard let idx = matcher.index(of: ruleID) else {
            preconditionFailure("rule \(ruleID) is not registered by any collector")
        }
        let r = Int32(idx)
        var out: [(ScannedFile, RuleHit)] = []
        for f in files {
            for h in f.hits where h.rule == r { out.append((f, h)) }
        }
        return out
    }

    /// The per-file reports a collector produced in the per-file pass.
    public func reports(for metricID: String) -> [(file: ScannedFile, report: FileReport)] {
        reports[metricID] ?? []
    }

    /// A finding at a byte offset of a file, with the line as evidence.
    public func finding(_ d: MetricDescriptor, rule: String, file: ScannedFile, offset: Int, severity: Severity? = nil,
                        message: String, evidence: String? = nil) -> Finding {
        Finding.at(d, rule: rule, file: file, offset: offset, severity: severity, message: message, evidence: evidence)
    }

    /// A finding about the app as a whole (or a file without a line).
    public func appFinding(_ d: MetricDescriptor, rule: String, path: String? = nil, severity: Severity? = nil, message: String) -> Finding {
        Finding(metricID: d.id, rule: rule, severity: severity ?? d.severity, path: path, message: message)
    }
}

extension Finding {
    /// A finding at a byte offset of a file, with the trimmed line (at most 200 bytes) as evidence.
    public static func at(_ d: MetricDescriptor, rule: String, file: ScannedFile, offset: Int, severity: Severity? = nil,
                          message: String, evidence: String? = nil) -> Finding {
        let loc = file.location(of: offset)
        let ev = evidence ?? Finding.clip(file.lineText(loc.line).trimmingCharacters(in: .whitespaces))
        return Finding(metricID: d.id, rule: rule, severity: severity ?? d.severity, path: file.path,
                       line: loc.line, column: loc.column, message: message, evidence: ev)
    }

    static func clip(_ s: String, max: Int = 200) -> String {
        guard s.utf8.count > max else { return s }
        return String(s.prefix(max)) + "…"
    }
}

/// The per-app memo behind `AppContext.shared`. One recursive lock: a build may ask for another key.
final class SharedCache: @unchecked Sendable {
    /// One value under construction or built; its own lock lets other keys build meanwhile.
    private final class Slot: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var value: (any Sendable)?
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    func removeAll() {
        lock.lock()
        slots.removeAll()
        lock.unlock()
    }

    func value<T: Sendable>(_ key: String, _ build: () -> T) -> T {
        lock.lock()
        let slot: Slot
        if let s = slots[key] { slot = s } else { slot = Slot(); slots[key] = slot }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let v = slot.value as? T { return v }
        let v = build()
        slot.value = v
        return v
    }
}
