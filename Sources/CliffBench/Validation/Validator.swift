import Foundation

/// How well one collector (or a group) does on the labelled fixture corpus.
public struct ValidationScore: Sendable, Hashable, Codable {
    public var id: String
    public var truePositives = 0
    public var falseNegatives = 0
    public var falsePositives = 0
    public var trueNegatives = 0

    public init(id: String) { self.id = id }

    public var positives: Int { truePositives + falseNegatives }
    public var negatives: Int { falsePositives + trueNegatives }
    /// Recall over the cases that must be found; nil without such cases.
    public var tpr: Double? { positives == 0 ? nil : Double(truePositives) / Double(positives) }
    /// Share of must-not-find cases that were found anyway; nil without such cases.
    public var fpr: Double? { negatives == 0 ? nil : Double(falsePositives) / Double(negatives) }
    /// OWASP Benchmark score: TPR − FPR.
    public var score: Double? {
        guard let t = tpr, let f = fpr else { return nil }
        return t - f
    }

    static func + (a: ValidationScore, b: ValidationScore) -> ValidationScore {
        var s = ValidationScore(id: a.id)
        s.truePositives = a.truePositives + b.truePositives
        s.falseNegatives = a.falseNegatives + b.falseNegatives
        s.falsePositives = a.falsePositives + b.falsePositives
        s.trueNegatives = a.trueNegatives + b.trueNegatives
        return s
    }
}

/// A labelled case the collectors got wrong, for the reader to look at.
public struct ValidationMiss: Sendable, Hashable, Codable {
    public var app: String
    public var metricID: String
    /// "missed" (a false negative) or "false positive".
    public var kind: String
    public var location: String
    public var detail: String
}

/// Per-metric floors recorded in the repository: the validation fails below them.
public struct ValidationFloor: Sendable, Hashable {
    public var metricID: String
    public var minTPR: Double
    public var maxFPR: Double

    /// Reads `metric<TAB>min_tpr<TAB>max_fpr` lines; `#` comments.
    public static func read(_ path: String) throws -> [String: ValidationFloor] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError(message: "cannot read floors file \(path)") }
        var out: [String: ValidationFloor] = [:]
        for (i, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            guard cols.count == 3, MetricCatalog.entry(cols[0]) != nil, let t = Double(cols[1]), let f = Double(cols[2]) else {
                throw CorpusError(message: "\(path):\(i + 1): expected `metric min_tpr max_fpr`, got: \(line)")
            }
            out[cols[0]] = ValidationFloor(metricID: cols[0], minTPR: t, maxFPR: f)
        }
        return out
    }
}

/// The scorecard of a validation run.
public struct ValidationReport: Sendable {
    public var apps: [String]
    public var metrics: [ValidationScore]
    public var groups: [ValidationScore]
    public var misses: [ValidationMiss]

    /// Metrics under their floor (or without enough cases), with the reason.
    public func belowFloors(_ floors: [String: ValidationFloor]) -> [String] {
        var out: [String] = []
        let byID = Dictionary(uniqueKeysWithValues: metrics.map { ($0.id, $0) })
        for (id, fl) in floors.sorted(by: { $0.key < $1.key }) {
            guard let s = byID[id] else {
                out.append("\(id): no labelled case in the fixture corpus")
                continue
            }
            if let t = s.tpr, t < fl.minTPR { out.append("\(id): TPR \(fmt(t)) below its floor \(fmt(fl.minTPR))") }
            if let f = s.fpr, f > fl.maxFPR { out.append("\(id): FPR \(fmt(f)) above its ceiling \(fmt(fl.maxFPR))") }
            if s.tpr == nil { out.append("\(id): no case that must be found") }
            if s.fpr == nil { out.append("\(id): no case that must not be found") }
        }
        return out
    }

    public func renderTable() -> String {
        var out = "CliffBench validation: \(apps.count) labelled apps, \(metrics.count) metrics\n\n"
        out += "metric    TP  FN  FP  TN    TPR    FPR  score\n"
        func row(_ s: ValidationScore) -> String {
            let name = s.id.padding(toLength: 8, withPad: " ", startingAt: 0)
            let nums = [s.truePositives, s.falseNegatives, s.falsePositives, s.trueNegatives].map { String($0).leftPad(3) }.joined(separator: " ")
            return "\(name) \(nums)  \(fmt(s.tpr).leftPad(5))  \(fmt(s.fpr).leftPad(5))  \(fmt(s.score).leftPad(5))\n"
        }
        for g in MetricGroup.allCases {
            let ms = metrics.filter { $0.id.hasPrefix(g.rawValue) }
            guard !ms.isEmpty else { continue }
            for m in ms { out += row(m) }
            if let gs = groups.first(where: { $0.id == g.rawValue }) { out += row(gs).replacingOccurrences(of: "\(g.rawValue)      ", with: "\(g.rawValue) all  ") + "\n" }
        }
        if !misses.isEmpty {
            out += "\(misses.count) wrong verdicts:\n"
            for m in misses { out += "  \(m.app) \(m.metricID) \(m.kind) at \(m.location): \(m.detail)\n" }
        }
        return out
    }

    public func renderJSON() -> String {
        func enc(_ s: ValidationScore) -> [String: Any] {
            ["id": s.id, "tp": s.truePositives, "fn": s.falseNegatives, "fp": s.falsePositives, "tn": s.trueNegatives,
             "tpr": s.tpr ?? NSNull(), "fpr": s.fpr ?? NSNull(), "score": s.score ?? NSNull()]
        }
        let obj: [String: Any] = [
            "catalog_version": MetricCatalog.version, "harness_version": CliffBenchVersion.current, "apps": apps,
            "metrics": metrics.map(enc), "groups": groups.map(enc),
            "misses": misses.map { ["app": $0.app, "metric": $0.metricID, "kind": $0.kind, "location": $0.location, "detail": $0.detail] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Runs the collectors over the labelled fixture corpus (`<fixtures>/<app>/…`) and scores them
/// against the labels, as Semgrep's rule tests and the OWASP Benchmark scorecard do.
public enum Validator {
    public static func run(fixtures: String, collectors: [any Collector] = CollectorRegistry.all) throws -> ValidationReport {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: fixtures) else {
            throw CorpusError(message: "fixture corpus not found: \(fixtures)")
        }
        let apps = names.filter { !$0.hasPrefix(".") }.sorted().filter {
            var d: ObjCBool = false
            return fm.fileExists(atPath: fixtures + "/" + $0, isDirectory: &d) && d.boolValue
        }
        let ids = Set(collectors.map(\.id))
        let scanner = AppScanner(collectors: collectors)
        var scores: [String: ValidationScore] = [:]
        var misses: [ValidationMiss] = []
        for app in apps {
            let root = fixtures + "/" + app
            let labels = try FixtureLabels.read(appRoot: root)
            // `<name>@<amr>` is a modification of the fixture app `<name>` (pair tier).
            let base = DiscoveredApp.taskID(app)
            let before = base != app && apps.contains(base) ? fixtures + "/" + base : nil
            // The app's own manifest (e.g. the generation transcript G1.D6 reads), when it has one.
            let manifest = fm.contents(atPath: root + "/" + AppManifest.fileName).flatMap { try? AppManifest.parse(String(decoding: $0, as: UTF8.self)) }
            let scan = scanner.scan(root: root, info: AppInfo(builder: "fixtures", task: app, manifest: manifest), before: before)
            let results = Dictionary(uniqueKeysWithValues: scan.results.map { ($0.metricID, $0) })
            for metric in labels.metrics.sorted() where ids.contains(metric) {
                var s = scores[metric] ?? ValidationScore(id: metric)
                let r = results[metric]
                let findings = r?.findings ?? []
                func miss(_ kind: String, _ loc: String, _ detail: String) {
                    misses.append(ValidationMiss(app: app, metricID: metric, kind: kind, location: loc, detail: detail))
                }
                let lineLabels = labels.lines.filter { $0.metricID == metric }
                var labelled = Set<String>()
                for l in lineLabels {
                    labelled.insert("\(l.path):\(l.line)")
                    let hit = findings.first { $0.path == l.path && $0.line == l.line }
                    switch (l.expectFinding, hit) {
                    case (true, .some): s.truePositives += 1
                    case (true, .none): s.falseNegatives += 1; miss("missed", "\(l.path):\(l.line)", "expected a finding on this line")
                    case (false, .some(let f)): s.falsePositives += 1; miss("false positive", "\(l.path):\(l.line)", f.message)
                    case (false, .none): s.trueNegatives += 1
                    }
                }
                let filesWithLabels = Set(lineLabels.map(\.path))
                for f in findings where f.line > 0 {
                    guard let p = f.path, filesWithLabels.contains(p), !labelled.contains("\(p):\(f.line)") else { continue }
                    s.falsePositives += 1
                    miss("false positive", "\(p):\(f.line)", "unlabelled finding: \(f.message)")
                }
                if labels.appExpect.contains(metric) {
                    if findings.isEmpty {
                        s.falseNegatives += 1
                        miss("missed", "(app)", "expected at least one finding; value \(r.map { "\($0.value)" } ?? "none")")
                    } else {
                        s.truePositives += 1
                    }
                }
                if labels.appOK.contains(metric) {
                    if let f = findings.first {
                        s.falsePositives += 1
                        miss("false positive", f.path.map { "\($0):\(f.line)" } ?? "(app)", f.message)
                    } else {
                        s.trueNegatives += 1
                    }
                }
                if labels.notMeasured.contains(metric) {
                    if case .notMeasured = r?.value {
                        s.trueNegatives += 1
                    } else {
                        s.falsePositives += 1
                        miss("false positive", "(app)", "expected not measured, got \(r.map { "\($0.value)" } ?? "none")")
                    }
                }
                scores[metric] = s
            }
        }
        let metrics = scores.values.sorted { $0.id < $1.id }
        let groups = MetricGroup.allCases.compactMap { g -> ValidationScore? in
            let ms = metrics.filter { $0.id.hasPrefix(g.rawValue) }
            guard !ms.isEmpty else { return nil }
            return ms.reduce(ValidationScore(id: g.rawValue), +)
        }
        return ValidationReport(apps: apps, metrics: metrics, groups: groups, misses: misses)
    }
}

private func fmt(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
