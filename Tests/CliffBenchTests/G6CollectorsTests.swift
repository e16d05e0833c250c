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

    /// Prints every G6 result for the apps in G6_DIRS (colon-separated folders).
    func testPrintDirs() {
        guard let dirs = ProcessInfo.processInfo.environment["G6_DIRS"] else { return }
        let only = ProcessInfo.processInfo.environment["G6_ONLY"] ?? ""
        for dir in dirs.split(separator: ":").map(String.init) {
            print("== \(dir)")
            for c in CollectorRegistry.all where only.isEmpty || c.id == only {
                let r = AppScanner(collectors: [c]).scan(root: dir, info: AppInfo(builder: "x", task: "x")).results[0]
                print(Self.summary(r))
            }
        }
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

    /// Every sample file cut at several points, scanned as one app: no collector may trap on truncated code.
    func testTruncatedSourcesDoNotTrap() throws {
        let collectors = ["G6.P2", "G6.P3", "G6.D1", "G6.D2", "G6.D3", "G6.D4"].compactMap(CollectorRegistry.collector)
        guard !collectors.isEmpty else { throw XCTSkip("G6 collectors not registered") }
        let fm = FileManager.default
        let base = Self.root + "/tasks/sample-corpus/"
        let out = fm.temporaryDirectory.appendingPathComponent("g6-truncated-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: out) }
        for app in Self.apps {
            guard let e = fm.enumerator(atPath: base + app.path) else { continue }
            for case let rel as String in e where !rel.contains("node_modules") && !rel.contains("dist/") && Language.detect(path: rel) != nil {
                guard let data = fm.contents(atPath: base + app.path + "/" + rel) else { continue }
                let bytes = [UInt8](data)
                for (k, frac) in [0.37, 0.89].enumerated() {
                    let path = "\(out)/\(app.path)/\(k)/\(rel)"
                    try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    _ = fm.createFile(atPath: path, contents: Data(bytes[..<Int(Double(bytes.count) * frac)]))
                }
            }
        }
        let scan = AppScanner(collectors: collectors).scan(root: out, info: AppInfo(builder: "fuzz", task: "fuzz"))
        XCTAssertEqual(scan.results.count, collectors.count)
        for r in scan.results {
            if case .measured(let v) = r.value { XCTAssertTrue((0...100).contains(v), r.metricID) }
        }
    }

    /// Scan cost of the G6 collectors against a collector that does nothing (set G6_TIME to run).
    func testThroughput() throws {
        guard ProcessInfo.processInfo.environment["G6_TIME"] != nil else { return }
        let collectors = ["G6.P2", "G6.P3", "G6.D1", "G6.D2", "G6.D3", "G6.D4"].compactMap(CollectorRegistry.collector)
        let fm = FileManager.default
        let base = Self.root + "/tasks/sample-corpus/"
        let out = fm.temporaryDirectory.appendingPathComponent("g6-bulk-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: out) }
        for copy in 0..<30 {
            for app in Self.apps {
                guard let e = fm.enumerator(atPath: base + app.path) else { continue }
                for case let rel as String in e where !rel.contains("node_modules") && !rel.contains("dist/") && Language.detect(path: rel) != nil {
                    let path = "\(out)/c\(copy)/\(app.path)/\(rel)"
                    try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try fm.copyItem(atPath: base + app.path + "/" + rel, toPath: path)
                }
            }
        }
        struct Null: Collector {
            let descriptor = MetricDescriptor(id: "G6.D1", slug: "x", kind: .diagnostic, methods: "S", measures: "x", severity: .low,
                                              remediation: .once(1), triggering: [], nonTriggering: [])
            func evaluate(_ app: AppContext) -> MetricResult { .notMeasured("G6.D1", "x") }
        }
        let null = AppScanner(collectors: [Null()]).scan(root: out, info: AppInfo(builder: "b", task: "t"))
        print("null: \(null.seconds)s for \(null.filesScanned) files, \(null.bytesScanned) bytes")
        struct RulesOnly: Collector {
            let inner: any Collector
            var descriptor: MetricDescriptor { inner.descriptor }
            var rules: [PatternRule] { inner.rules }
            func evaluate(_ app: AppContext) -> MetricResult { .notMeasured(inner.id, "x") }
        }
        for c in collectors {
            let m = AppScanner(collectors: [RulesOnly(inner: c)]).scan(root: out, info: AppInfo(builder: "b", task: "t"))
            let r = AppScanner(collectors: [c]).scan(root: out, info: AppInfo(builder: "b", task: "t"))
            print("\(c.id): matching \(m.seconds)s, with evaluate \(r.seconds)s")
        }
        let all = AppScanner(collectors: collectors).scan(root: out, info: AppInfo(builder: "b", task: "t"))
        print("all G6: \(all.seconds)s")
    }

    private func result(_ id: String, _ app: Int) throws -> MetricResult {
        guard let r = score(id, app) else { throw XCTSkip("\(id) not registered") }
        return r
    }

    private func has(_ r: MetricResult, _ rule: String, path: String? = nil, containing text: String? = nil) -> Bool {
        r.findings.contains { $0.rule == rule && (path == nil || $0.path == path) && (text == nil || $0.message.contains(text!)) }
    }

    // Apps: 0 spa-supabase t4, 1 spa-supabase t5, 2 next t4, 3 next t5, 4 express t4, 5 express t5, 6 reference t4.

    func testDataLifecycleOnSamples() throws {
        let spa = try result("G6.P2", 0), ref = try result("G6.P2", 6), express = try result("G6.P2", 5)
        XCTAssertTrue(has(spa, "missing-operations", containing: "appointments can be created, read, deleted/cancelled and listed but not updated"))
        XCTAssertFalse(ref.findings.contains { $0.message.hasPrefix("appointments") }, "the reference books, lists, updates and cancels appointments")
        XCTAssertTrue(has(express, "no-operations", containing: "'message'"))
        XCTAssertLessThan(try XCTUnwrap(spa.value.score), try XCTUnwrap(ref.value.score))
    }

    func testAuditAndAdminOnSamples() throws {
        let spa = try result("G6.P3", 0), ref = try result("G6.P3", 6)
        XCTAssertTrue(has(spa, "no-audit-trail", path: "src/pages/AdminDashboard.tsx", containing: "Role changes"))
        XCTAssertTrue(has(ref, "audit-not-viewable"))
        XCTAssertGreaterThan(try XCTUnwrap(ref.value.score), try XCTUnwrap(spa.value.score))
    }

    func testUXStatesOnSamples() throws {
        let spa5 = try result("G6.D1", 1), ref = try result("G6.D1", 6), next4 = try result("G6.D1", 2)
        XCTAssertTrue(has(spa5, "mock-fallback", path: "src/pages/Inbox.tsx"))
        XCTAssertEqual(ref.value.score, 100)
        XCTAssertTrue(has(next4, "missing-states", path: "app/appointments/page.tsx", containing: "no error state"))
    }

    func testPrivacyOnSamples() throws {
        let spa = try result("G6.D2", 0), express = try result("G6.D2", 4), ref = try result("G6.D2", 6)
        XCTAssertTrue(spa.findings.contains { $0.rule == "secret-in-logs" && $0.path == "src/pages/Login.tsx" && $0.severity == .medium }, "a password in the browser console")
        XCTAssertTrue(express.findings.contains { $0.rule == "secret-in-logs" && $0.path == "routes/auth.js" && $0.severity == .high }, "a password in the server log")
        XCTAssertTrue(has(express, "pii-in-logs", path: "routes/appointments.js"))
        XCTAssertFalse(ref.findings.contains { $0.rule.hasSuffix("in-logs") }, "the reference logs ids and redacts emails")
        XCTAssertTrue(has(ref, "no-deletion"))
    }

    func testAccessibilityOnSamples() throws {
        let spa = try result("G6.D3", 0), ref = try result("G6.D3", 6), express = try result("G6.D3", 5)
        XCTAssertTrue(has(spa, "button-name", path: "src/components/Navbar.tsx"))
        XCTAssertTrue(has(spa, "img-alt", path: "src/components/DoctorCard.tsx"))
        XCTAssertTrue(has(express, "click-static", path: "public/app.js"))
        XCTAssertEqual(ref.value.score, 100)
    }

    func testNotificationsOnSamples() throws {
        let spa = try result("G6.D4", 0), next = try result("G6.D4", 2), ref = try result("G6.D4", 6), express = try result("G6.D4", 5)
        XCTAssertTrue(has(spa, "simulated-send", path: "supabase/functions/send-confirmation/index.ts"))
        XCTAssertEqual(next.value.score, 50, "confirmation emails are sent, reminders are only a TODO")
        XCTAssertTrue(has(next, "event-not-notified", containing: "reminder"))
        XCTAssertTrue(has(express, "simulated-send", path: "utils/mailer.js"))
        XCTAssertEqual(ref.value.score, 100)
    }

    func testNotMeasuredWithoutTheSubject() throws {
        guard let c = CollectorRegistry.collector("G6.D4") else { throw XCTSkip("G6.D4 not registered") }
        let out = try CollectorHarness.run(c, example: CollectorExample("src/App.tsx", "export const App = () => <p>Hello</p>;\n"))
        XCTAssertNil(out.result.value.score)
        for id in ["G6.P2", "G6.P3", "G6.D1", "G6.D2"] {
            guard let c = CollectorRegistry.collector(id) else { continue }
            let r = try CollectorHarness.run(c, example: CollectorExample("src/App.tsx", "export const App = () => <p>Hello</p>;\n")).result
            XCTAssertNil(r.value.score, "\(id) must not score an app without its subject")
        }
    }
}
