/// One problem a collector found, with where it is and what to do about it.
public struct Finding: Sendable, Hashable, Codable {
    /// Catalog id of the metric, e.g. "G4.P1".
    public var metricID: String
    /// The sub-rule within the metric, e.g. "service-role-key".
    public var rule: String
    public var severity: Severity
    /// App-relative path with "/" separators; nil for app-level findings ("no Dockerfile").
    public var path: String?
    /// 1-based line and column; 0 when not tied to a line.
    public var line: Int
    public var column: Int
    /// What is wrong and what to do, in words a developer can act on.
    public var message: String
    /// The offending snippet (secrets redacted), or other evidence.
    public var evidence: String
    /// Stable across runs and line shifts: rule, path and the normalised evidence line.
    public var fingerprint: String

    public init(
        metricID: String, rule: String, severity: Severity, path: String?, line: Int = 0, column: Int = 0,
        message: String, evidence: String = ""
    ) {
        self.metricID = metricID
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.evidence = evidence
        self.fingerprint = Finding.fingerprint(metricID: metricID, rule: rule, path: path, evidence: evidence, message: message)
    }

    /// FNV-1a 64 over the identifying parts, white space folded so reformatting keeps it.
    static func fingerprint(metricID: String, rule: String, path: String?, evidence: String, message: String) -> String {
        var h = FNV1a64()
        h.add(metricID); h.add(0)
        h.add(rule); h.add(0)
        h.add(path ?? ""); h.add(0)
        let anchor = evidence.isEmpty ? message : evidence
        var lastSpace = true
        for b in anchor.utf8 {
            let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
            if space {
                if !lastSpace { h.add(0x20) }
            } else {
                h.add(b)
            }
            lastSpace = space
        }
        return h.hex
    }

    /// Finding with the occurrence index folded into the fingerprint, for repeated identical lines.
    func withOccurrence(_ n: Int) -> Finding {
        guard n > 0 else { return self }
        var f = self
        var h = FNV1a64()
        h.add(fingerprint); h.add(0); h.add(String(n))
        f.fingerprint = h.hex
        return f
    }
}

/// 64-bit FNV-1a: small, stable across platforms and releases (unlike Hasher).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    @inline(__always) public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    public mutating func add(_ s: String) { for b in s.utf8 { add(b) } }
    public mutating func add<C: Collection>(bytes: C) where C.Element == UInt8 { for b in bytes { add(b) } }
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// A metric's value: a score in 0–100 (higher is better), or not measured with the reason.
public enum MetricValue: Sendable, Hashable, Codable {
    case measured(Double)
    case notMeasured(reason: String)

    public var score: Double? {
        if case .measured(let v) = self { return v }
        return nil
    }
}

/// A named fact behind a metric value ("tables: 12", "tables without RLS: 3").
public struct Evidence: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
    public init(_ key: String, _ value: Int) { self.init(key, String(value)) }
}

/// What one collector says about one app.
public struct MetricResult: Sendable, Hashable, Codable {
    public var metricID: String
    public var value: MetricValue
    /// Which methods actually ran for this value ("S" now; "S,R" once a runtime part ran).
    public var methods: String
    public var findings: [Finding]
    public var evidence: [Evidence]

    public init(metricID: String, value: MetricValue, methods: String = "S", findings: [Finding] = [], evidence: [Evidence] = []) {
        self.metricID = metricID
        self.value = value
        self.methods = methods
        self.findings = findings
        self.evidence = evidence
    }

    public static func notMeasured(_ id: String, _ reason: String, evidence: [Evidence] = []) -> MetricResult {
        MetricResult(metricID: id, value: .notMeasured(reason: reason), methods: "", evidence: evidence)
    }
}
