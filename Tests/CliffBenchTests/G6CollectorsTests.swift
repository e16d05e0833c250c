import Foundation
import XCTest
@testable import CliffBench

/// The G6 collectors on the sample corpus, with the task specs the apps were built from.
final class G6CollectorsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let apps: [(builder: String, task: String, path: String)] = [
        ("spa-supabase", "t4-clinic-booking", "spa-supabase/t4-clinic-booking/trial-1"),
        ("spa-supabase", "t5-support-assistant", "spa-supabase/t5-support-assistant"),
        ("next-fullstack", "t4-clinic-booking", "next-fullstack/t4-clinic-booking"),
        ("next-fullstack", "t5-support-assistant", "next-fullstack/t5-support-assistant"),
        ("express-memory", "t4-clinic-booking", "express-memory/t4-clinic-booking"),
        ("express-memory", "t5-support-assistant", "express-memory/t5-support-assistant"),
        ("reference", "t4-clinic-booking", "reference/t4-clinic-booking"),
    ]

    static func run(_ collector: any Collector, _ app: (builder: String, task: String, path: String), spec useSpec: Bool = true) -> MetricResult {
        let specs = TaskSpec.loadAll(from: root + "/tasks").specs
        let info = AppInfo(builder: app.builder, task: app.task, taskSpec: useSpec ? specs[app.task] : nil)
        let scan = AppScanner(collectors: [collector]).scan(root: root + "/tasks/sample-corpus/" + app.path, info: info)
        return scan.results[0]
    }

    static func summary(_ r: MetricResult) -> String {
        var s = "\(r.metricID) \(r.value)\n"
        for e in r.evidence { s += "   · \(e.key): \(e.value)\n" }
        for f in r.findings { s += "   [\(f.severity.name)] \(f.path ?? "-"):\(f.line):\(f.column) \(f.rule): \(f.message)\n" }
        return s
    }

    /// Prints every G6 result on the sample corpus (run with `swift test --filter G6CollectorsTests.testPrint`).
    func testPrint() {
        guard ProcessInfo.processInfo.environment["G6_PRINT"] != nil else { return }
        let only = ProcessInfo.processInfo.environment["G6_PRINT"] ?? ""
        for c in CollectorRegistry.all where only.isEmpty || only == "all" || c.id == only {
            for app in Self.apps {
                print("== \(app.path)")
                print(Self.summary(Self.run(c, app)))
            }
        }
    }

    func score(_ id: String, _ app: Int, spec: Bool = true) -> MetricResult? {
        guard let c = CollectorRegistry.collector(id) else { return nil }
        return Self.run(c, Self.apps[app], spec: spec)
    }

    func testDataLifecycleOnSamples() throws {
        guard let spa = score("G6.P2", 0), let ref = score("G6.P2", 6), let express = score("G6.P2", 4) else { throw XCTSkip("G6.P2 not registered") }
        let s = try XCTUnwrap(spa.value.score), r = try XCTUnwrap(ref.value.score)
        XCTAssertLessThan(s, r, "the Supabase SPA lets fewer records be managed than the reference")
        XCTAssertNotNil(express.value.score)
        XCTAssertTrue(spa.findings.contains { $0.message.contains("appointments") })
    }
}

extension G6CollectorsTests {
    func testDebugModel() {
        guard let which = ProcessInfo.processInfo.environment["G6_MODEL"], let i = Int(which) else { return }
        let app = Self.apps[i]
        final class Probe: Collector, @unchecked Sendable {
            let descriptor = DataLifecycleCollector().descriptor
            var rules: [PatternRule] { DataModel.rules("G6.P2") }
            func evaluate(_ app: AppContext) -> MetricResult {
                let m = DataModel.build(app, metric: "G6.P2")
                for e in m.entities.values.sorted(by: { $0.key < $1.key }) {
                    print("entity \(e.key) name=\(e.name) sources=\(e.sources.sorted())")
                    for s in e.sites { print("   \(s.op) via \(s.via) \(s.loc.path):\(app.file(s.loc.path)?.location(of: s.loc.offset).line ?? 0) soft=\(s.soft) bounded=\(s.bounded) search=\(s.searched) role=\(s.touchesRole)") }
                }
                for s in m.authSites { print("auth \(s.op) \(s.loc.path) via \(s.via)") }
                for (k, v) in m.localKeys { print("local \(k) json=\(v.json) \(v.loc.path)") }
                return .notMeasured("G6.P2", "probe")
            }
        }
        _ = Self.run(Probe(), app)
    }
}
