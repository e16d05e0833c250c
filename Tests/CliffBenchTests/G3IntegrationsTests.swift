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

    func testDiagnosticsOnSampleCorpus() {
        let c: [any Collector] = [WebhookVerificationCollector(), OutboundResilienceCollector(), UploadRestrictionsCollector(),
                                  AuthLifecycleCollector(), IntegrationConfigCollector()]
        let apps = [("spa-supabase/t4-clinic-booking/trial-1", "t4-clinic-booking"), ("spa-supabase/t4-clinic-booking/trial-2", "t4-clinic-booking"),
                    ("express-memory/t4-clinic-booking", "t4-clinic-booking"), ("next-fullstack/t4-clinic-booking", "t4-clinic-booking"),
                    ("reference/t4-clinic-booking", "t4-clinic-booking"), ("spa-supabase/t5-support-assistant", "t5-support-assistant"),
                    ("express-memory/t5-support-assistant", "t5-support-assistant"), ("next-fullstack/t5-support-assistant", "t5-support-assistant")]
        var r: [String: [String: MetricResult]] = [:]
        for (app, task) in apps {
            r[app] = scan(app, task: task, c)
            dump(app, r[app]!)
        }
        let ref = r["reference/t4-clinic-booking"]!
        XCTAssertEqual(ref["G3.D1"]?.value.score, 100)
        XCTAssertEqual(ref["G3.D4"]?.value.score, 100)
        XCTAssertEqual(ref["G3.D5"]?.value.score, 100)
        XCTAssertEqual(rules(r["spa-supabase/t5-support-assistant"]?["G3.D1"]), ["unverified", "not-idempotent"])
        XCTAssertEqual(rules(r["next-fullstack/t5-support-assistant"]?["G3.D1"]), ["unverified", "not-idempotent"])
        XCTAssertEqual(rules(r["express-memory/t5-support-assistant"]?["G3.D1"]), ["unverified", "not-idempotent"])
        XCTAssertTrue(rules(r["express-memory/t4-clinic-booking"]?["G3.D4"]).isSuperset(of: ["token-never-expires", "no-password-reset", "no-email-verification"]))
        XCTAssertEqual(rules(r["spa-supabase/t4-clinic-booking/trial-1"]?["G3.D4"]), ["no-password-reset", "local-user-as-session", "email-confirmation-off"])
        XCTAssertEqual(rules(r["next-fullstack/t4-clinic-booking"]?["G3.D4"]), ["no-password-reset", "no-email-verification"])
        XCTAssertEqual(rules(r["express-memory/t5-support-assistant"]?["G3.D2"]), ["no-timeout", "no-retry-strategy"])
        XCTAssertTrue(rules(r["express-memory/t5-support-assistant"]?["G3.D5"]).contains("inline-config"))
        XCTAssertEqual(rules(r["spa-supabase/t5-support-assistant"]?["G3.D5"]), ["no-env-example"])
        for (app, _) in apps { XCTAssertNil(r[app]?["G3.D3"]?.value.score, "\(app) has no upload") }
    }

    func testHelpers() {
        XCTAssertEqual(IntegrationSimulation.words("getAIResponse"), ["get", "ai", "response"])
        XCTAssertEqual(IntegrationSimulation.words("send_sms_notification"), ["send", "sms", "notification"])
        XCTAssertEqual(IntegrationSimulation.kind(ofFunction: "sendBookingEmail"), .email)
        XCTAssertEqual(IntegrationSimulation.kind(ofFunction: "sendSMSReminder"), .sms)
        XCTAssertEqual(IntegrationSimulation.kind(ofFunction: "processPayment"), .payments)
        XCTAssertEqual(IntegrationSimulation.kind(ofFunction: "getAIResponse"), .ai)
        XCTAssertEqual(IntegrationSimulation.kind(ofFunction: "simulatePayment"), .payments)
        XCTAssertNil(IntegrationSimulation.kind(ofFunction: "handlePaymentSucceeded"))
        XCTAssertNil(IntegrationSimulation.kind(ofFunction: "createPayload"))
        XCTAssertNil(IntegrationSimulation.kind(ofFunction: "handleSubmit"))
        XCTAssertNil(IntegrationSimulation.kind(ofFunction: "validateEmail"))
        XCTAssertEqual(ModuleRef.package(of: "npm:stripe@14.0.0"), "stripe")
        XCTAssertEqual(ModuleRef.package(of: "https://esm.sh/@supabase/supabase-js@2?target=deno"), "@supabase/supabase-js")
        XCTAssertEqual(ModuleRef.package(of: "openai/resources/chat"), "openai")
        XCTAssertNil(ModuleRef.package(of: "@/lib/email"))
        XCTAssertNil(ModuleRef.package(of: "../utils/mailer"))
        XCTAssertEqual(ModuleRef(spec: "firebase/storage", offset: 0).fullPath, "firebase/storage")
        XCTAssertEqual(ModuleRef(spec: "https://esm.sh/stripe@14?target=deno", offset: 0).fullPath, "stripe")
    }

    /// Scans the folders in G3_APPS (colon-separated) with every G3 collector and prints the results.
    func testExternalApps() throws {
        guard let list = ProcessInfo.processInfo.environment["G3_APPS"] else { throw XCTSkip("set G3_APPS to scan external apps") }
        let c: [any Collector] = [IntegrationRealityCollector(), BackgroundJobsCollector(), AIIntegrationCollector(), WebhookVerificationCollector(),
                                  OutboundResilienceCollector(), UploadRestrictionsCollector(), AuthLifecycleCollector(), IntegrationConfigCollector()]
        if ProcessInfo.processInfo.environment["G3_PROFILE"] != nil {
            for dir in list.split(separator: ":").map(String.init) {
                let base = AppScanner(collectors: []).scan(root: dir, info: AppInfo(builder: "external", task: "none")).seconds
                var line = "PROFILE \(dir.split(separator: "/").last ?? "") base=\(String(format: "%.2f", base))"
                for one in c {
                    let timed = TimedCollector(one)
                    let t = AppScanner(collectors: [timed]).scan(root: dir, info: AppInfo(builder: "external", task: "none")).seconds
                    line += " \(one.descriptor.id)=\(String(format: "%.2f", t))/eval \(String(format: "%.3f", timed.box.seconds))"
                }
                print(line)
            }
            return
        }
        for dir in list.split(separator: ":").map(String.init) {
            let scanner = AppScanner(collectors: c)
            let result = scanner.scan(root: dir, info: AppInfo(builder: "external", task: "none"))
            var out: [String: MetricResult] = [:]
            for r in result.results { out[r.metricID] = r }
            print("#### \(dir): \(result.filesScanned) files in \(result.seconds)s")
            dump(dir.split(separator: "/").last.map(String.init) ?? dir, out)
        }
    }
}

/// Forwards to a collector and measures its app pass.
private final class TimeBox: @unchecked Sendable { var seconds = 0.0 }
private struct TimedCollector: Collector {
    let inner: any Collector
    let box = TimeBox()
    init(_ c: any Collector) { inner = c }
    var descriptor: MetricDescriptor { inner.descriptor }
    var rules: [PatternRule] { inner.rules }
    func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? { inner.inspect(file, app: app) }
    func evaluate(_ app: AppContext) -> MetricResult {
        let t0 = Date()
        defer { box.seconds = Date().timeIntervalSince(t0) }
        return inner.evaluate(app)
    }
}
