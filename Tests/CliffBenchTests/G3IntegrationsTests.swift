import XCTest
@testable import CliffBench

/// G3 collectors on the sample corpus, with the task specs the examples cannot carry.
final class G3IntegrationsTests: XCTestCase {
    private static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/tasks"
    }()

    private func scan(_ app: String, task: String, _ collectors: [any Collector]) -> [String: MetricResult] {
        let specs = TaskSpec.loadAll(from: Self.root).specs
        let info = AppInfo(builder: app.split(separator: "/").first.map(String.init) ?? "", task: task, taskSpec: specs[task])
        let scanner = AppScanner(collectors: collectors)
        let result = scanner.scan(root: Self.root + "/sample-corpus/" + app, info: info)
        var out: [String: MetricResult] = [:]
        for r in result.results { out[r.metricID] = r }
        return out
    }

    private func rules(_ r: MetricResult?) -> Set<String> { Set((r?.findings ?? []).map(\.rule)) }

    private func dump(_ label: String, _ rs: [String: MetricResult]) {
        guard ProcessInfo.processInfo.environment["G3_DUMP"] != nil else { return }
        for (id, r) in rs.sorted(by: { $0.key < $1.key }) {
            print("== \(label) \(id): \(r.value) \(r.evidence.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))")
            for f in r.findings { print("   \(f.severity.name) \(f.rule) \(f.path ?? "-"):\(f.line):\(f.column) \(f.evidence)") }
        }
    }

    func testIntegrationRealityOnSampleCorpus() {
        let c: [any Collector] = [IntegrationRealityCollector()]
        let t1 = scan("spa-supabase/t4-clinic-booking/trial-1", task: "t4-clinic-booking", c)
        dump("spa t4 trial-1", t1)
        XCTAssertEqual(t1["G3.P1"]?.value.score, 0)
        XCTAssertTrue(rules(t1["G3.P1"]).isSuperset(of: ["client-side-payments", "paid-set-in-browser", "claimed-email"]), "\(rules(t1["G3.P1"]))")

        let t2 = scan("spa-supabase/t4-clinic-booking/trial-2", task: "t4-clinic-booking", c)
        dump("spa t4 trial-2", t2)
        XCTAssertEqual(t2["G3.P1"]?.value.score, 0)
        XCTAssertTrue(rules(t2["G3.P1"]).isSuperset(of: ["paid-set-in-browser", "claimed-email"]), "\(rules(t2["G3.P1"]))")

        let ex = scan("express-memory/t4-clinic-booking", task: "t4-clinic-booking", c)
        dump("express t4", ex)
        XCTAssertEqual(ex["G3.P1"]?.value.score, 0)
        XCTAssertTrue(rules(ex["G3.P1"]).isSuperset(of: ["paid-without-provider", "claimed-email"]), "\(rules(ex["G3.P1"]))")

        let ex5 = scan("express-memory/t5-support-assistant", task: "t5-support-assistant", c)
        dump("express t5", ex5)
        XCTAssertTrue(rules(ex5["G3.P1"]).contains("stub-email"), "\(rules(ex5["G3.P1"]))")

        let nx = scan("next-fullstack/t4-clinic-booking", task: "t4-clinic-booking", c)
        dump("next t4", nx)
        XCTAssertTrue(rules(nx["G3.P1"]).contains("paid-without-provider"), "\(rules(nx["G3.P1"]))")
        XCTAssertEqual(nx["G3.P1"]?.value.score, 50)

        let nx5 = scan("next-fullstack/t5-support-assistant", task: "t5-support-assistant", c)
        dump("next t5", nx5)
        XCTAssertEqual(nx5["G3.P1"]?.value.score, 100)

        let s5 = scan("spa-supabase/t5-support-assistant", task: "t5-support-assistant", c)
        dump("spa t5", s5)
        XCTAssertEqual(s5["G3.P1"]?.value.score, 0)

        let ref = scan("reference/t4-clinic-booking", task: "t4-clinic-booking", c)
        dump("reference", ref)
        XCTAssertEqual(ref["G3.P1"]?.value.score, 100, "\(ref["G3.P1"]?.findings.map(\.message) ?? [])")
    }

    func testBackgroundJobsAndAIOnSampleCorpus() {
        let c: [any Collector] = [BackgroundJobsCollector(), AIIntegrationCollector()]
        let apps = [("spa-supabase/t4-clinic-booking/trial-1", "t4-clinic-booking"), ("express-memory/t4-clinic-booking", "t4-clinic-booking"),
                    ("next-fullstack/t4-clinic-booking", "t4-clinic-booking"), ("reference/t4-clinic-booking", "t4-clinic-booking"),
                    ("spa-supabase/t5-support-assistant", "t5-support-assistant"), ("express-memory/t5-support-assistant", "t5-support-assistant"),
                    ("next-fullstack/t5-support-assistant", "t5-support-assistant")]
        var r: [String: [String: MetricResult]] = [:]
        for (app, task) in apps {
            r[app] = scan(app, task: task, c)
            dump(app, r[app]!)
        }
        for app in apps.prefix(3).map(\.0) {
            XCTAssertTrue(rules(r[app]?["G3.P2"]).contains("no-background-mechanism"), app)
        }
        XCTAssertEqual(r["reference/t4-clinic-booking"]?["G3.P2"]?.value.score, 100)
        XCTAssertNil(r["reference/t4-clinic-booking"]?["G3.P3"]?.value.score)
        XCTAssertTrue(rules(r["spa-supabase/t5-support-assistant"]?["G3.P3"]).contains("dangerously-allow-browser"))
        XCTAssertTrue(rules(r["express-memory/t5-support-assistant"]?["G3.P3"]).contains("no-timeout"))
        XCTAssertTrue(rules(r["next-fullstack/t5-support-assistant"]?["G3.P3"]) == ["no-timeout"])
    }
}
