import Dispatch
import Foundation
import Logging

/// How a run is configured.
public struct RunOptions: Sendable {
    public var corpus: String
    public var tasks: String
    public var database: String
    public var jobs: Int
    public var scan: ScanOptions
    /// Resume this unfinished run instead of starting a new one.
    public var resume: Int64?

    public init(corpus: String, tasks: String, database: String, jobs: Int, scan: ScanOptions = ScanOptions(), resume: Int64? = nil) {
        self.corpus = corpus
        self.tasks = tasks
        self.database = database
        self.jobs = jobs
        self.scan = scan
        self.resume = resume
    }
}

/// Progress of a run, as the coordinator reports it after each app.
public struct RunProgress: Sendable {
    public var runID: Int64
    public var appsDone: Int
    public var appsTotal: Int
    public var appsThisProcess: Int
    public var filesScanned: Int
    public var bytesScanned: Int64
    public var elapsed: Double
    public var lastApp: String

    public var filesPerSecond: Double { elapsed > 0 ? Double(filesScanned) / elapsed : 0 }
    /// Seconds left, from this process's pace; nil before the first app.
    public var eta: Double? {
        guard appsThisProcess > 0 else { return nil }
        return elapsed / Double(appsThisProcess) * Double(appsTotal - appsDone)
    }
}

/// What a finished (or stopped) run did.
public struct RunSummary: Sendable {
    public var runID: Int64
    public var status: String
    public var appsTotal: Int
    public var appsScanned: Int
    public var filesScanned: Int
    public var bytesScanned: Int64
    public var findings: Int
    public var seconds: Double
    public var issues: [DiscoveryIssue]
}

/// Discovers the corpus, scans apps in parallel, stores each app in one transaction, and
/// completes (or resumes) the run.
public final class RunCoordinator: Sendable {
    public let options: RunOptions
    let logger: Logger
    let stopRequested = StopFlag()

    public init(options: RunOptions, logger: Logger = Logger(label: "cliffbench")) {
        self.options = options
        self.logger = logger
    }

    /// Asks the workers to stop after the apps they are scanning; the run is then marked interrupted.
    public func requestStop() { stopRequested.set() }

    public func run(progress: @escaping @Sendable (RunProgress) -> Void = { _ in }) throws -> RunSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let store = try ResultStore(path: options.database)
        let record = try recordConfig()
        let runID: Int64
        var issues: [DiscoveryIssue]
        if let resume = options.resume {
            runID = resume
            try checkResumable(store: store, runID: resume, config: record)
            try store.claim(run: resume)
            issues = try store.issues(run: resume)
            logger.info("resuming run \(resume)")
        } else {
            let discovered = try CorpusDiscovery.discover(corpus: options.corpus)
            let taskIssues = TaskSpec.loadAll(from: options.tasks).issues
            issues = discovered.issues + taskIssues
            guard !discovered.apps.isEmpty else {
                let why = issues.isEmpty ? "" : ": " + issues.map { "\($0.path): \($0.message)" }.joined(separator: "; ")
                throw CorpusError(message: "no apps found in \(options.corpus) (expected <builder>/<task-id>/ folders)\(why)")
            }
            runID = try store.createRun(config: record, apps: discovered.apps, issues: issues)
        }
        for i in issues { logger.warning("\(i.path): \(i.message)") }

        let specs = TaskSpec.loadAll(from: options.tasks).specs
        let pending = try store.pendingApps(run: runID)
        let all = try store.apps(run: runID)
        let total = all.count
        let rootByKey = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0.root) })
        let alreadyDone = total - pending.count
        for app in pending where !FileManager.default.fileExists(atPath: app.root) {
            try store.finish(run: runID, status: "failed")
            throw CorpusError(message: "app \(app.key) is no longer at \(app.root); run \(runID) cannot be resumed")
        }

        let scanner = AppScanner(options: options.scan)
        let state = RunState(done: alreadyDone)
        let jobs = max(1, min(options.jobs, pending.count))
        let log = logger
        let stop = stopRequested
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while !stop.isSet, state.failure == nil, let app = state.next(pending) {
                let info = AppInfo(builder: app.builder, task: app.task, trial: app.trial, manifest: app.manifest,
                                   taskSpec: specs[DiscoveredApp.taskID(app.task)])
                let before = DiscoveredApp.baseKey(builder: app.builder, task: app.task, trial: app.trial).flatMap { rootByKey[$0] }
                let result = scanner.scan(root: app.root, info: info, before: before)
                do {
                    try store.save(appID: app.id, scan: result)
                } catch {
                    state.fail(error)
                    log.error("storing \(app.key) failed: \(error)")
                    return
                }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let p = state.record(app: app.key, result: result, runID: runID, total: total, elapsed: elapsed)
                progress(p)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let status: String
        if let failure = state.failure {
            try? store.finish(run: runID, status: "failed")
            throw failure
        } else if stopRequested.isSet && state.doneCount < total {
            status = "interrupted"
        } else {
            status = "complete"
        }
        try store.finish(run: runID, status: status)
        return RunSummary(runID: runID, status: status, appsTotal: total, appsScanned: state.scanned, filesScanned: state.files,
                          bytesScanned: state.bytes, findings: state.findings, seconds: seconds, issues: issues)
    }

    private func checkResumable(store: ResultStore, runID: Int64, config: RunRecordConfig) throws {
        guard let run = try store.run(runID) else { throw StoreError(message: "no run \(runID) in \(options.database)") }
        switch run.state {
        case "complete": throw StoreError(message: "run \(runID) is already complete; nothing to resume")
        case "running": throw StoreError(message: "run \(runID) is still being written by process \(run.pid) on \(run.host)")
        default: break
        }
        guard run.configHash == config.configHash else {
            throw StoreError(message: """
                run \(runID) was made with another configuration (harness \(run.harnessVersion), catalog \(run.catalogVersion), \
                corpus \(run.corpus)); resume it with the same version and options, or start a new run. Stored config: \(run.configJSON)
                """)
        }
    }

    /// The configuration that decides the results; `jobs` is left out because it does not change them.
    func recordConfig() throws -> RunRecordConfig {
        let corpus = URL(fileURLWithPath: options.corpus).standardizedFileURL.path
        let tasks = URL(fileURLWithPath: options.tasks).standardizedFileURL.path
        let config: [String: String] = [
            "harness": CliffBenchVersion.current,
            "catalog": MetricCatalog.version,
            "collectors": CollectorRegistry.all.map(\.id).joined(separator: ","),
            "corpus": corpus,
            "tasks": tasks,
            "max_file_size": String(options.scan.maxFileSize),
            "honor_gitignore": String(options.scan.honorGitignore),
            "app_byte_budget": String(options.scan.appByteBudget),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(config), as: UTF8.self)
        var h = FNV1a64()
        h.add(json)
        return RunRecordConfig(harnessVersion: CliffBenchVersion.current, catalogVersion: MetricCatalog.version, configHash: h.hex,
                               configJSON: json, corpus: corpus, tasks: tasks)
    }
}

/// Shared between workers: the next app to take, counters, and the first failure.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private(set) var doneCount: Int
    private(set) var scanned = 0
    private(set) var files = 0
    private(set) var bytes: Int64 = 0
    private(set) var findings = 0
    private var firstFailure: Error?

    init(done: Int) { doneCount = done }

    var failure: Error? { lock.withLock { firstFailure } }

    func next(_ apps: [StoredApp]) -> StoredApp? {
        lock.withLock {
            guard cursor < apps.count else { return nil }
            defer { cursor += 1 }
            return apps[cursor]
        }
    }

    func fail(_ e: Error) { lock.withLock { if firstFailure == nil { firstFailure = e } } }

    func record(app: String, result: AppScanResult, runID: Int64, total: Int, elapsed: Double) -> RunProgress {
        lock.withLock {
            doneCount += 1
            scanned += 1
            files += result.filesScanned
            bytes += result.bytesScanned
            findings += result.results.reduce(0) { $0 + $1.findings.count }
            return RunProgress(runID: runID, appsDone: doneCount, appsTotal: total, appsThisProcess: scanned, filesScanned: files,
                               bytesScanned: bytes, elapsed: elapsed, lastApp: app)
        }
    }
}

/// A flag set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
