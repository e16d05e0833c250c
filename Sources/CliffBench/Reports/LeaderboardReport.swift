import Foundation

/// Output formats of the leaderboard.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, json
}

/// A stored run's leaderboard, ready to render.
public struct LeaderboardReport: Sendable {
    public var run: StoredRun
    public var rows: [BuilderScore]
    public var apps: [AppScore]
    public var issues: [DiscoveryIssue]

    public init(store: ResultStore, run: StoredRun) throws {
        self.run = run
        let apps = try store.apps(run: run.id)
        let scores = Scoring.appScores(apps: apps, metrics: try store.metrics(run: run.id), findings: try store.findings(run: run.id))
        self.apps = scores
        self.rows = Scoring.leaderboard(scores)
        self.issues = try store.issues(run: run.id)
    }

    static let groupColumns: [MetricGroup] = MetricGroup.allCases

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .table: renderText(markdown: false)
        case .markdown: renderText(markdown: true)
        case .csv: renderCSV()
        case .json: renderJSON()
        }
    }

    private var banner: String? {
        switch run.state {
        case "complete": nil
        case "running": "RUN IN PROGRESS: \(run.appsDone)/\(run.appsTotal) apps stored so far; scores are partial."
        default: "INCOMPLETE RUN: only \(run.appsDone)/\(run.appsTotal) apps were stored (status \(run.status)). Resume it with `cliffbench run --resume \(run.id)`."
        }
    }

    private func header() -> [String] {
        let measured = rows.isEmpty ? 0 : rows.map { $0.measuredShare * Double($0.apps) }.reduce(0, +) / Double(rows.map(\.apps).reduce(0, +))
        var lines = [
            "CliffBench leaderboard: run \(run.id) (\(run.state)), started \(run.startedAt)",
            "corpus \(run.corpus); \(run.appsDone)/\(run.appsTotal) apps; harness \(run.harnessVersion), catalog \(run.catalogVersion), scoring \(Scoring.version)",
            "Scores are 0-100 (higher is better); a group score is the mean of its measured primary metrics; '-' = not measured.",
            "Measured: \(pct(measured)) of the 68 catalog metrics per app on average (static and pair tiers; T, R and J metrics are not measured yet; A metrics only on modification requests).",
            "Effort = developer-hours to fix the findings, mean per app (low-high band).",
        ]
        if let b = banner { lines.insert(b, at: 0) }
        if !issues.isEmpty { lines.append("\(issues.count) corpus entries were not evaluated: " + issues.prefix(3).map { "\($0.path) (\($0.message))" }.joined(separator: "; ") + (issues.count > 3 ? "; …" : "")) }
        return lines
    }

    private var columnTitles: [String] {
        ["#", "Builder", "Apps", "Overall"] + Self.groupColumns.map(\.rawValue) + ["Eng", "Sec", "Effort h", "Crit", "High", "Measured"]
    }

    private func cells(_ i: Int, _ r: BuilderScore) -> [String] {
        let overall = fmt(r.overall) + (r.overallSpread.map { " ±" + String(format: "%.1f", $0) } ?? "")
        return [String(i + 1), r.builder, String(r.apps), overall] + Self.groupColumns.map { fmt(r.groups[$0]) }
            + [fmt(r.engineering), fmt(r.security),
               String(format: "%.1f (%.1f-%.1f)", r.effort.nominal, r.effort.low, r.effort.high),
               String(r.critical), String(r.high), pct(r.measuredShare)]
    }

    private func renderText(markdown: Bool) -> String {
        let titles = columnTitles
        let body = rows.enumerated().map { cells($0.offset, $0.element) }
        var out = ""
        if markdown {
            out += header().map { "> " + $0 }.joined(separator: "\n") + "\n\n"
            out += "| " + titles.joined(separator: " | ") + " |\n"
            out += "|" + titles.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in body { out += "| " + row.joined(separator: " | ") + " |\n" }
        } else {
            out += header().joined(separator: "\n") + "\n\n"
            var widths = titles.map(\.count)
            for row in body { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
            func line(_ cs: [String]) -> String {
                cs.enumerated().map { i, c in i == 1 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[i] - c.count) + c }
                    .joined(separator: "  ")
            }
            out += line(titles) + "\n"
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            for row in body { out += line(row) + "\n" }
        }
        if rows.isEmpty { out += "\n(no app of this run has been stored yet)\n" }
        return out
    }

    private func renderCSV() -> String {
        var out = "rank,builder,apps,tasks,overall,overall_sd," + Self.groupColumns.map(\.rawValue).joined(separator: ",")
            + ",engineering,security,effort_hours,effort_low,effort_high,critical,high,measured_share\n"
        for (i, r) in rows.enumerated() {
            let vals: [String] = [String(i + 1), csv(r.builder), String(r.apps), String(r.tasks), num(r.overall), num(r.overallSpread)]
                + Self.groupColumns.map { num(r.groups[$0]) }
                + [num(r.engineering), num(r.security), num(r.effort.nominal), num(r.effort.low), num(r.effort.high),
                   String(r.critical), String(r.high), String(format: "%.4f", r.measuredShare)]
            out += vals.joined(separator: ",") + "\n"
        }
        return out
    }

    private func renderJSON() -> String {
        func opt(_ v: Double?) -> Any { v.map { ($0 * 10).rounded() / 10 } ?? NSNull() }
        let obj: [String: Any] = [
            "run": ["id": run.id, "state": run.state, "status": run.status, "started_at": run.startedAt, "finished_at": run.finishedAt ?? NSNull(),
                    "apps_total": run.appsTotal, "apps_done": run.appsDone, "harness_version": run.harnessVersion,
                    "catalog_version": run.catalogVersion, "scoring_version": Scoring.version, "corpus": run.corpus] as [String: Any],
            "builders": rows.enumerated().map { i, r in
                [
                    "rank": i + 1, "builder": r.builder, "apps": r.apps, "tasks": r.tasks, "overall": opt(r.overall), "overall_sd": opt(r.overallSpread),
                    "groups": Dictionary(uniqueKeysWithValues: Self.groupColumns.map { ($0.rawValue, opt(r.groups[$0])) }),
                    "engineering": opt(r.engineering), "security": opt(r.security),
                    "effort_hours": ["nominal": opt(r.effort.nominal), "low": opt(r.effort.low), "high": opt(r.effort.high)],
                    "findings": ["critical": r.critical, "high": r.high], "measured_share": (r.measuredShare * 1000).rounded() / 1000,
                ] as [String: Any]
            },
            "apps": apps.map { a in
                [
                    "app": a.key, "builder": a.builder, "task": a.task, "trial": a.trial, "overall": opt(a.overall),
                    "groups": Dictionary(uniqueKeysWithValues: Self.groupColumns.map { ($0.rawValue, opt(a.groups[$0])) }),
                    "engineering": opt(a.engineering), "security": opt(a.security),
                    "effort_hours": ["nominal": opt(a.effort.nominal), "low": opt(a.effort.low), "high": opt(a.effort.high)],
                    "metrics_measured": a.metricsMeasured,
                ] as [String: Any]
            },
            "issues": issues.map { ["path": $0.path, "message": $0.message] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func fmt(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "-" }
    private func num(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "" }
    private func pct(_ v: Double) -> String { String(format: "%.0f%%", v * 100) }
    private func csv(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
}
