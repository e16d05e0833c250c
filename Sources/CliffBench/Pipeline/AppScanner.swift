import Dispatch
import Foundation

/// Options of the static tier for one app.
public struct ScanOptions: Sendable, Hashable {
    public var maxFileSize: Int64
    public var honorGitignore: Bool
    /// Bytes read per app at most; files past it (in path order) are skipped as `appBudget`,
    /// which keeps memory bounded however large an app is.
    public var appByteBudget: Int64

    public init(maxFileSize: Int64 = 2 * 1024 * 1024, honorGitignore: Bool = true, appByteBudget: Int64 = 128 * 1024 * 1024) {
        self.maxFileSize = maxFileSize
        self.honorGitignore = honorGitignore
        self.appByteBudget = appByteBudget
    }
}

/// What the static tier produced for one app.
public struct AppScanResult: Sendable {
    public var results: [MetricResult]
    public var filesScanned: Int
    public var bytesScanned: Int64
    public var skipped: [SkippedEntry]
    public var seconds: Double
}

/// Walk ▶ read ▶ lex ▶ match ▶ per-file inspect (parallel over files) ▶ app evaluate (parallel over collectors).
public struct AppScanner: Sendable {
    public let collectors: [any Collector]
    public let matcher: PatternMatcher
    public let options: ScanOptions

    public init(collectors: [any Collector] = CollectorRegistry.all, matcher: PatternMatcher? = nil, options: ScanOptions = ScanOptions()) {
        self.collectors = collectors
        self.matcher = matcher ?? (collectors.count == CollectorRegistry.all.count ? CollectorRegistry.matcher : PatternMatcher(rules: collectors.flatMap(\.rules)))
        self.options = options
    }

    /// Scans one app; `before` is the root of the app it modified, for the pair tier.
    public func scan(root: String, info: AppInfo, before: String? = nil) -> AppScanResult {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let walk = AppWalker(options: WalkOptions(maxFileSize: options.maxFileSize, honorGitignore: options.honorGitignore)).walk(root: root)
        var skipped = walk.skipped
        var toRead: [WalkEntry] = []
        var budget = options.appByteBudget
        // A file .gitignore lists but that is in the tree was committed or shipped anyway; env files
        // are read so that their secrets are found (they stay recorded as gitignored too).
        let ignoredEnv = walk.skipped.filter { $0.reason == .gitignored && !$0.isDirectory && Language.detect(path: $0.path) == .env }
            .map { WalkEntry(path: $0.path, absolutePath: root + "/" + $0.path, size: $0.size ?? 0) }
        for e in (walk.files + ignoredEnv).sorted(by: { $0.path < $1.path }) {
            if FileReader.hasBinaryExtension(e.path) {
                skipped.append(SkippedEntry(path: e.path, reason: .binary, size: e.size, detail: "binary file extension"))
            } else if e.size > budget {
                skipped.append(SkippedEntry(path: e.path, reason: .appBudget, size: e.size,
                                            detail: "the app's byte budget of \(options.appByteBudget) bytes was spent"))
                budget = 0
            } else {
                budget -= e.size
                toRead.append(e)
            }
        }

        let files = readAndInspect(toRead, info: info, skipped: &skipped)
        skipped.sort { $0.path < $1.path }
        var reports: [String: [(file: ScannedFile, report: FileReport)]] = [:]
        for (file, perCollector) in files {
            for (i, r) in perCollector.enumerated() {
                if let r { reports[collectors[i].id, default: []].append((file, r)) }
            }
        }
        let beforeContext = before.map { baselineContext(root: $0, info: info) }
        let context = AppContext(info: info, files: files.map(\.0), skipped: skipped, matcher: matcher, reports: reports, before: beforeContext)
        let results = evaluate(context)
        let bytes = files.reduce(Int64(0)) { $0 + Int64($1.0.bytes.count) }
        let secs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return AppScanResult(results: results, filesScanned: files.count, bytesScanned: bytes, skipped: skipped, seconds: secs)
    }

    /// The before-version of a modified app: walked, read, lexed and matched, without collectors.
    private func baselineContext(root: String, info: AppInfo) -> AppContext {
        let walk = AppWalker(options: WalkOptions(maxFileSize: options.maxFileSize, honorGitignore: options.honorGitignore)).walk(root: root)
        var skipped = walk.skipped
        let plain = AppScanner(collectors: [], matcher: matcher, options: options)
        let files = plain.readAndInspect(walk.files.filter { !FileReader.hasBinaryExtension($0.path) }, info: info, skipped: &skipped)
        return AppContext(info: info, files: files.map(\.0), skipped: skipped, matcher: matcher, reports: [:])
    }

    private func readAndInspect(_ entries: [WalkEntry], info: AppInfo, skipped: inout [SkippedEntry]) -> [(ScannedFile, [FileReport?])] {
        let lock = NSLock()
        nonisolated(unsafe) var done: [(ScannedFile, [FileReport?])] = []
        nonisolated(unsafe) var failed: [SkippedEntry] = []
        let chunk = 16
        let chunks = (entries.count + chunk - 1) / chunk
        let collectors = self.collectors
        let matcher = self.matcher
        let maxSize = options.maxFileSize
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var local: [(ScannedFile, [FileReport?])] = []
            var localFailed: [SkippedEntry] = []
            for e in entries[(c * chunk)..<min(entries.count, (c + 1) * chunk)] {
                switch FileReader.read(path: e.absolutePath, maxSize: maxSize) {
                case .skipped(let reason, let detail):
                    localFailed.append(SkippedEntry(path: e.path, reason: reason, size: e.size, detail: detail))
                case .text(let bytes):
                    let lang = Language.detect(path: e.path) ?? .text
                    let file = ScannedFile(path: e.path, language: lang, bytes: bytes, matcher: matcher)
                    local.append((file, collectors.map { $0.inspect(file, app: info) }))
                }
            }
            lock.lock()
            done.append(contentsOf: local)
            failed.append(contentsOf: localFailed)
            lock.unlock()
        }
        skipped.append(contentsOf: failed)
        return done.sorted { $0.0.path < $1.0.path }
    }

    private func evaluate(_ context: AppContext) -> [MetricResult] {
        let collectors = self.collectors
        let lock = NSLock()
        nonisolated(unsafe) var results = [MetricResult?](repeating: nil, count: collectors.count)
        DispatchQueue.concurrentPerform(iterations: collectors.count) { i in
            let r = AppScanner.normalise(collectors[i].evaluate(context), descriptor: collectors[i].descriptor)
            lock.lock()
            results[i] = r
            lock.unlock()
        }
        return results.compactMap { $0 }.sorted { $0.metricID < $1.metricID }
    }

    /// Sorts findings, makes repeated fingerprints unique by occurrence, and clamps the value.
    static func normalise(_ r: MetricResult, descriptor: MetricDescriptor) -> MetricResult {
        var out = r
        precondition(r.metricID == descriptor.id, "collector \(descriptor.id) returned a result for \(r.metricID)")
        out.findings.sort {
            ($0.path ?? "", $0.line, $0.column, $0.rule, $0.message) < ($1.path ?? "", $1.line, $1.column, $1.rule, $1.message)
        }
        var seen: [String: Int] = [:]
        for i in out.findings.indices {
            let fp = out.findings[i].fingerprint
            let n = seen[fp, default: 0]
            seen[fp] = n + 1
            out.findings[i] = out.findings[i].withOccurrence(n)
        }
        if case .measured(let v) = out.value {
            out.value = v.isFinite ? .measured(min(100, max(0, v))) : .notMeasured(reason: "the collector computed no finite value")
        }
        return out
    }
}
