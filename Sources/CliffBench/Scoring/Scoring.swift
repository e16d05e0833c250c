import Foundation

/// Effort-to-Fix in developer-hours, with its low–high band.
public struct EffortHours: Sendable, Hashable, Codable {
    public var nominal: Double
    public var low: Double
    public var high: Double

    public static let zero = EffortHours(nominal: 0, low: 0, high: 0)

    public static func + (a: EffortHours, b: EffortHours) -> EffortHours {
        EffortHours(nominal: a.nominal + b.nominal, low: a.low + b.low, high: a.high + b.high)
    }

    public func scaled(_ k: Double) -> EffortHours { EffortHours(nominal: nominal * k, low: low * k, high: high * k) }
}

/// The scores of one app, computed from its stored metric values and findings.
public struct AppScore: Sendable, Hashable {
    public var appID: Int64
    public var key: String
    public var builder: String
    public var task: String
    public var trial: String
    /// Mean of the group's measured primary metrics; nil when none was measured.
    public var groups: [MetricGroup: Double]
    public var engineering: Double?
    public var security: Double?
    public var overall: Double?
    public var effort: EffortHours
    public var metricsMeasured: Int
    public var findingsBySeverity: [Severity: Int]
}

/// One builder's row of the leaderboard.
public struct BuilderScore: Sendable, Hashable {
    public var builder: String
    public var apps: Int
    public var tasks: Int
    public var groups: [MetricGroup: Double]
    public var engineering: Double?
    public var security: Double?
    public var overall: Double?
    /// Standard deviation of the overall score across the builder's apps (nil with one app).
    public var overallSpread: Double?
    /// Mean Effort-to-Fix per app.
    public var effort: EffortHours
    /// Share of metric values measured, over all 68 catalog metrics of every app.
    public var measuredShare: Double
    public var critical: Int
    public var high: Int
}

/// Scores are a pure function of what a run stored, so a run can be re-scored without scanning.
public enum Scoring {
    /// Version of the weights, group rules and cost model applied here.
    public static let version = "1.0.0"
    /// Catalog metrics reported in hours rather than 0–100; never part of a group mean.
    public static let hoursMetrics: Set<String> = ["G7.P4"]

    public static func appScores(apps: [StoredApp], metrics: [StoredMetric], findings: [(appID: Int64, finding: Finding)],
                                 costs: [String: RemediationCost] = defaultCosts()) -> [AppScore] {
        var byApp: [Int64: [StoredMetric]] = [:]
        for m in metrics { byApp[m.appID, default: []].append(m) }
        var findingsByApp: [Int64: [Finding]] = [:]
        for f in findings { findingsByApp[f.appID, default: []].append(f.finding) }
        let kinds = Dictionary(uniqueKeysWithValues: MetricCatalog.entries.map { ($0.id, $0.kind) })

        return apps.filter { $0.status == "done" }.map { app in
            let ms = byApp[app.id] ?? []
            var groupValues: [MetricGroup: [Double]] = [:]
            for m in ms where kinds[m.metricID] == .primary && !hoursMetrics.contains(m.metricID) {
                guard let v = m.value, let g = MetricGroup(rawValue: String(m.metricID.prefix(2))) else { continue }
                groupValues[g, default: []].append(v)
            }
            let groups = groupValues.mapValues(mean)
            let eng = meanOf([MetricGroup.g2, .g3, .g4, .g7].compactMap { groups[$0] })
            let fs = findingsByApp[app.id] ?? []
            var sev: [Severity: Int] = [:]
            for f in fs { sev[f.severity, default: 0] += 1 }
            return AppScore(appID: app.id, key: app.key, builder: app.builder, task: app.task, trial: app.trial, groups: groups,
                            engineering: eng, security: groups[.g4], overall: meanOf(Array(groups.values)),
                            effort: effort(fs, costs: costs), metricsMeasured: ms.filter { $0.value != nil }.count,
                            findingsBySeverity: sev)
        }
    }

    /// Effort-to-Fix of one app: each metric's remediation cost over its findings.
    public static func effort(_ findings: [Finding], costs: [String: RemediationCost]) -> EffortHours {
        var perMetric: [String: Int] = [:]
        for f in findings { perMetric[f.metricID, default: 0] += 1 }
        var total = EffortHours.zero
        for (id, n) in perMetric.sorted(by: { $0.key < $1.key }) {
            guard let c = costs[id] else { continue }
            let h = c.hours(findings: n)
            total = total + EffortHours(nominal: h.nominal, low: h.low, high: h.high)
        }
        return total
    }

    /// The cost model: each implemented collector's remediation cost.
    public static func defaultCosts() -> [String: RemediationCost] {
        Dictionary(uniqueKeysWithValues: CollectorRegistry.all.map { ($0.id, $0.descriptor.remediation) })
    }

    /// Builder rows: trials of a task are averaged first, then tasks, so a builder with more
    /// trials of one task does not weigh that task more. Sorted by overall score, best first.
    public static func leaderboard(_ scores: [AppScore]) -> [BuilderScore] {
        let byBuilder = Dictionary(grouping: scores, by: \.builder)
        let total = Double(MetricCatalog.entries.count)
        var rows: [BuilderScore] = byBuilder.map { builder, apps in
            let byTask = Dictionary(grouping: apps, by: \.task)
            func taskMean(_ f: (AppScore) -> Double?) -> Double? {
                meanOf(byTask.values.compactMap { meanOf($0.compactMap(f)) })
            }
            var groups: [MetricGroup: Double] = [:]
            for g in MetricGroup.allCases {
                if let v = taskMean({ $0.groups[g] }) { groups[g] = v }
            }
            let overalls = apps.compactMap(\.overall)
            let effortPerTask = byTask.values.map { t in t.map(\.effort).reduce(.zero, +).scaled(1 / Double(t.count)) }
            let effort = effortPerTask.reduce(.zero, +).scaled(1 / Double(max(1, effortPerTask.count)))
            return BuilderScore(
                builder: builder, apps: apps.count, tasks: byTask.count, groups: groups,
                engineering: taskMean(\.engineering), security: taskMean(\.security), overall: taskMean(\.overall),
                overallSpread: overalls.count > 1 ? stdev(overalls) : nil, effort: effort,
                measuredShare: Double(apps.map(\.metricsMeasured).reduce(0, +)) / (total * Double(apps.count)),
                critical: apps.map { $0.findingsBySeverity[.critical] ?? 0 }.reduce(0, +),
                high: apps.map { $0.findingsBySeverity[.high] ?? 0 }.reduce(0, +))
        }
        rows.sort { ($0.overall ?? -1, $1.builder) > ($1.overall ?? -1, $0.builder) }
        return rows
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
    static func meanOf(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : mean(xs) }
    static func stdev(_ xs: [Double]) -> Double {
        let m = mean(xs)
        return (xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - 1)).squareRoot()
    }
}
