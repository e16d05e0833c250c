/// The seven metric groups of the catalog.
public enum MetricGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case g1 = "G1", g2 = "G2", g3 = "G3", g4 = "G4", g5 = "G5", g6 = "G6", g7 = "G7"

    public var title: String {
        switch self {
        case .g1: "Specification Fidelity"
        case .g2: "Code Quality"
        case .g3: "Integrations"
        case .g4: "Security & Scale"
        case .g5: "Changeability"
        case .g6: "Business Readiness"
        case .g7: "Production Readiness"
        }
    }

    public static func < (a: MetricGroup, b: MetricGroup) -> Bool { a.rawValue < b.rawValue }
}

/// Primary metrics say what was built; diagnostics say why it works or fails.
public enum MetricKind: String, Sendable, Codable {
    case primary = "P"
    case diagnostic = "D"
}

/// How a metric can be measured (column M of the catalog).
public struct MeasurementMethods: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let staticAnalysis = MeasurementMethods(rawValue: 1 << 0)
    public static let task = MeasurementMethods(rawValue: 1 << 1)
    public static let runtime = MeasurementMethods(rawValue: 1 << 2)
    public static let pair = MeasurementMethods(rawValue: 1 << 3)
    public static let judge = MeasurementMethods(rawValue: 1 << 4)

    /// Letters as the catalog writes them: "S,R".
    public var letters: String {
        var out: [String] = []
        if contains(.staticAnalysis) { out.append("S") }
        if contains(.task) { out.append("T") }
        if contains(.runtime) { out.append("R") }
        if contains(.pair) { out.append("A") }
        if contains(.judge) { out.append("J") }
        return out.joined(separator: ",")
    }

    public init(letters: String) {
        var m: MeasurementMethods = []
        for c in letters {
            switch c {
            case "S": m.insert(.staticAnalysis)
            case "T": m.insert(.task)
            case "R": m.insert(.runtime)
            case "A": m.insert(.pair)
            case "J": m.insert(.judge)
            default: break
            }
        }
        self = m
    }
}

/// Finding severity, ordered; SARIF levels and GitHub security-severity derive from it.
public enum Severity: Int, Sendable, Codable, Comparable, CaseIterable {
    case info = 0, low, medium, high, critical

    public var name: String {
        switch self {
        case .info: "info"
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    public init?(name: String) {
        guard let s = Severity.allCases.first(where: { $0.name == name }) else { return nil }
        self = s
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
}

/// SonarQube-style remediation cost of one finding, in developer-hours with a low–high band.
public struct RemediationCost: Sendable, Hashable, Codable {
    /// Hours for the first finding of the rule in an app (setting up the fix).
    public var baseHours: Double
    /// Hours for each further finding.
    public var perFindingHours: Double
    /// Multipliers for the band: low = estimate × lowFactor, high = estimate × highFactor.
    public var lowFactor: Double
    public var highFactor: Double

    public init(baseHours: Double, perFindingHours: Double = 0, lowFactor: Double = 0.5, highFactor: Double = 2.0) {
        self.baseHours = baseHours
        self.perFindingHours = perFindingHours
        self.lowFactor = lowFactor
        self.highFactor = highFactor
    }

    /// A fixed cost for each finding.
    public static func perFinding(_ hours: Double) -> RemediationCost {
        RemediationCost(baseHours: hours, perFindingHours: hours)
    }

    /// A cost paid once per app, however many findings.
    public static func once(_ hours: Double) -> RemediationCost {
        RemediationCost(baseHours: hours, perFindingHours: 0)
    }

    /// Estimated hours for `count` findings: nominal, low, high.
    public func hours(findings count: Int) -> (nominal: Double, low: Double, high: Double) {
        guard count > 0 else { return (0, 0, 0) }
        let h = baseHours + Double(count - 1) * perFindingHours
        return (h, h * lowFactor, h * highFactor)
    }
}

/// A small app, path to contents, that a collector must (or must not) flag.
///
/// A `↓` in a file marks the exact place where a finding must be reported (as in SwiftLint's
/// examples); the marker is removed before the scan. A triggering example with no marker only
/// requires at least one finding.
public struct CollectorExample: Sendable {
    public var files: [String: String]
    /// For pair-tier (AMR) metrics: the app before the modification; nil for single-app examples.
    public var before: [String: String]?
    public var note: String
    /// Where the example is written, so a failing example points at its source.
    public var file: StaticString
    public var line: UInt

    public init(_ files: [String: String], before: [String: String]? = nil, note: String = "", file: StaticString = #filePath, line: UInt = #line) {
        self.files = files
        self.before = before
        self.note = note
        self.file = file
        self.line = line
    }

    /// A one-file example.
    public init(_ path: String, _ contents: String, note: String = "", file: StaticString = #filePath, line: UInt = #line) {
        self.init([path: contents], note: note, file: file, line: line)
    }
}

/// Everything a collector says about itself; the catalog and `cliffbench metrics` derive from it.
public struct MetricDescriptor: Sendable {
    /// Catalog id, e.g. "G4.P1".
    public var id: String
    /// Catalog slug, e.g. "secret-exposure".
    public var slug: String
    public var group: MetricGroup
    public var kind: MetricKind
    /// Methods the catalog lists for the metric.
    public var methods: MeasurementMethods
    /// Methods this collector implements.
    public var implemented: MeasurementMethods
    /// What the metric measures, one sentence.
    public var measures: String
    /// The default severity of its findings.
    public var severity: Severity
    public var remediation: RemediationCost
    public var triggering: [CollectorExample]
    public var nonTriggering: [CollectorExample]

    public init(
        id: String, slug: String, kind: MetricKind, methods: String, implemented: String = "S",
        measures: String, severity: Severity, remediation: RemediationCost,
        triggering: [CollectorExample], nonTriggering: [CollectorExample]
    ) {
        self.id = id
        self.slug = slug
        self.group = MetricGroup(rawValue: String(id.prefix(2))) ?? .g1
        self.kind = kind
        self.methods = MeasurementMethods(letters: methods)
        self.implemented = MeasurementMethods(letters: implemented)
        self.measures = measures
        self.severity = severity
        self.remediation = remediation
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// "G4.P1 secret-exposure"
    public var fullName: String { "\(id) \(slug)" }
}
