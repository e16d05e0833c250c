import XCTest
@testable import CliffBench

final class ScoringTests: XCTestCase {
    func app(_ id: Int64, _ builder: String, _ task: String, _ trial: String = "") -> StoredApp {
        StoredApp(id: id, key: "\(builder)/\(task)/\(trial)", builder: builder, task: task, trial: trial, root: "/", status: "done",
                  filesScanned: 1, bytesScanned: 1, entriesSkipped: 0, scanMillis: 1, manifestJSON: nil)
    }

    func testGroupScoresUsePrimariesOnlyAndNeverCountNotMeasured() {
        let apps = [app(1, "b", "t")]
        let metrics = [
            StoredMetric(appID: 1, metricID: "G4.P1", value: 20, notMeasuredReason: nil, methods: "S"),
            StoredMetric(appID: 1, metricID: "G4.P3", value: 80, notMeasuredReason: nil, methods: "S"),
            StoredMetric(appID: 1, metricID: "G4.D1", value: 0, notMeasuredReason: nil, methods: "S"),
            StoredMetric(appID: 1, metricID: "G4.P2", value: nil, notMeasuredReason: "no schema", methods: ""),
            StoredMetric(appID: 1, metricID: "G7.P1", value: 60, notMeasuredReason: nil, methods: "S"),
        ]
        let s = Scoring.appScores(apps: apps, metrics: metrics, findings: [])[0]
        XCTAssertEqual(s.groups[.g4], 50, "mean of the measured primaries G4.P1 and G4.P3")
        XCTAssertNil(s.groups[.g2], "no metric of G2 measured")
        XCTAssertEqual(s.engineering, 55)
        XCTAssertEqual(s.metricsMeasured, 4)
    }

    func testTrialsAreAveragedWithinTheirTaskFirst() {
        let apps = [app(1, "b", "t1", "1"), app(2, "b", "t1", "2"), app(3, "b", "t1", "3"), app(4, "b", "t2")]
        let metrics = [(1, 0.0), (2, 0.0), (3, 0.0), (4, 100.0)].map {
            StoredMetric(appID: Int64($0.0), metricID: "G7.P1", value: $0.1, notMeasuredReason: nil, methods: "S")
        }
        let rows = Scoring.leaderboard(Scoring.appScores(apps: apps, metrics: metrics, findings: []))
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].overall, 50, "task t1 (three trials at 0) and t2 (100) weigh the same")
        XCTAssertEqual(rows[0].apps, 4)
        XCTAssertEqual(rows[0].tasks, 2)
    }

    func testEffortUsesTheCostModelWithABand() {
        let f = { (m: String) in Finding(metricID: m, rule: "r", severity: .high, path: nil, message: "x") }
        let costs = ["A": RemediationCost(baseHours: 2, perFindingHours: 0.5), "B": .once(4)]
        let e = Scoring.effort([f("A"), f("A"), f("A"), f("B"), f("B"), f("C")], costs: costs)
        XCTAssertEqual(e.nominal, 3 + 4)
        XCTAssertEqual(e.low, 3.5)
        XCTAssertEqual(e.high, 14)
    }

    func testFindingScoreAndCurves() {
        XCTAssertEqual(FindingScore.score([]), 100)
        let crit = Finding(metricID: "x", rule: "r", severity: .critical, path: nil, message: "m")
        XCTAssertEqual(FindingScore.score([crit]), 40)
        XCTAssertEqual(FindingScore.logNormal(10, p10: 3, median: 10), 50, accuracy: 0.1)
        XCTAssertEqual(FindingScore.logNormal(3, p10: 3, median: 10), 90, accuracy: 0.1)
        XCTAssertEqual(FindingScore.share(3, of: 4), 75)
    }
}
