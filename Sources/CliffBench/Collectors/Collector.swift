/// A metric collector: describes itself, asks the shared matcher for literal hits, may look at
/// each file in the parallel per-file pass, and then judges the whole app.
public protocol Collector: Sendable {
    var descriptor: MetricDescriptor { get }
    /// Literal-anchored rules the shared matcher runs over every file for this collector.
    var rules: [PatternRule] { get }
    /// Per-file pass, run concurrently over the app's files. Return what `evaluate` needs later.
    func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport?
    /// The app pass: all files, their reports, and the shared app model.
    func evaluate(_ app: AppContext) -> MetricResult
}

extension Collector {
    public var rules: [PatternRule] { [] }
    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? { nil }
    public var id: String { descriptor.id }
}

/// What a collector kept from one file in the per-file pass.
public struct FileReport: Sendable {
    public var findings: [Finding]
    /// Numbers the app pass aggregates (e.g. "functions", "complex").
    public var measures: [String: Double]
    /// Anything else the collector wants back (must be Sendable).
    public var payload: (any Sendable)?

    public init(findings: [Finding] = [], measures: [String: Double] = [:], payload: (any Sendable)? = nil) {
        self.findings = findings
        self.measures = measures
        self.payload = payload
    }
}
