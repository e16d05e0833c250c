import XCTest
@testable import CliffBench

/// Runs the production-readiness (G7) and spec-fidelity (G1.D1/D2/D6) collectors over the sample
/// corpus and checks the verdicts a reviewer would expect. Set PROD_DUMP=1 to print every result.
final class ProdCollectorsCorpusTests: XCTestCase {
    static let collectors: [any Collector] = [
        DurabilityCollector(), DeployabilityCollector(), ObservabilityCollector(), HealthEndpointCollector(), CIPipelineCollector(),
        GracefulShutdownCollector(), DocsRunbookCollector(), FrontendOnlyFeaturesCollector(), MockDataResidueCollector(), ClarificationsCollector(),
    ]

    private func corpusRoot() -> String? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            let c = dir.appendingPathComponent("tasks/sample-corpus").path
            if FileManager.default.fileExists(atPath: c) { return c }
            dir.deleteLastPathComponent()
        }
        for c in ["/work/main/tasks/sample-corpus"] where FileManager.default.fileExists(atPath: c) { return c }
        return nil
    }

    private func results() throws -> [String: [String: MetricResult]] {
        guard let root = corpusRoot() else { throw XCTSkip("sample corpus not found") }
        let found = try CorpusDiscovery.discover(corpus: root)
        let specs = TaskSpec.loadAll(from: (root as NSString).deletingLastPathComponent).specs
        let scanner = AppScanner(collectors: Self.collectors)
        var out: [String: [String: MetricResult]] = [:]
        let dump = ProcessInfo.processInfo.environment["PROD_DUMP"] != nil
        for app in found.apps {
            let info = AppInfo(builder: app.builder, task: app.task, trial: app.trial, manifest: app.manifest, taskSpec: specs[app.task])
            let scan = scanner.scan(root: app.root, info: info)
            var m: [String: MetricResult] = [:]
            for r in scan.results { m[r.metricID] = r }
            out[app.key] = m
            if dump {
                print("=== \(app.key)")
                for r in scan.results {
                    print("  \(r.metricID) \(r.value) \(r.evidence.map { "\($0.key)=\($0.value)" }.joined(separator: " | "))")
                    for f in r.findings { print("     [\(f.severity.name)] \(f.path ?? "-"):\(f.line):\(f.column) \(f.rule): \(f.message.prefix(160))") }
                }
            }
        }
        return out
    }

    /// PROD_APP=/path/to/app PROD_TASK=t4-clinic-booking swift test --filter ProdCollectorsCorpusTests/testOneApp
    func testOneApp() throws {
        guard let root = ProcessInfo.processInfo.environment["PROD_APP"] else { throw XCTSkip("set PROD_APP to scan one app") }
        let manifestPath = root + "/cliffbench.toml"
        let manifest = (try? String(contentsOfFile: manifestPath, encoding: .utf8)).flatMap { try? AppManifest.parse($0) }
        var spec: TaskSpec?
        if let t = ProcessInfo.processInfo.environment["PROD_TASK"], let corpus = corpusRoot() {
            spec = TaskSpec.loadAll(from: (corpus as NSString).deletingLastPathComponent).specs[t]
        }
        let scan = AppScanner(collectors: Self.collectors).scan(root: root, info: AppInfo(builder: "adhoc", task: "adhoc", manifest: manifest, taskSpec: spec))
        for r in scan.results {
            print("  \(r.metricID) \(r.value) \(r.evidence.map { "\($0.key)=\($0.value)" }.joined(separator: " | "))")
            for f in r.findings { print("     [\(f.severity.name)] \(f.path ?? "-"):\(f.line):\(f.column) \(f.rule): \(f.message.prefix(200))") }
        }
    }

    /// PROD_BENCH=/path/to/corpus: time the scan with and without these collectors.
    func testTiming() throws {
        guard let root = ProcessInfo.processInfo.environment["PROD_BENCH"] else { throw XCTSkip("set PROD_BENCH to time a corpus") }
        let apps = try CorpusDiscovery.discover(corpus: root).apps
        var runs: [(String, [any Collector])] = [("none", []), ("prod", Self.collectors)]
        if ProcessInfo.processInfo.environment["PROD_BENCH_EACH"] != nil { runs += Self.collectors.map { ($0.id, [$0]) } }
        if let only = ProcessInfo.processInfo.environment["PROD_BENCH_ONLY"] { runs = only == "all" ? [("prod", Self.collectors)] : Self.collectors.filter { $0.id == only }.map { ($0.id, [$0]) } }
        for (label, cs) in runs {
            let scanner = AppScanner(collectors: cs)
            let t0 = Date()
            var files = 0
            for a in apps { files += scanner.scan(root: a.root, info: AppInfo(builder: a.builder, task: a.task, manifest: a.manifest)).filesScanned }
            print("\(label): \(apps.count) apps, \(files) files, \(String(format: "%.3f", Date().timeIntervalSince(t0))) s")
        }
    }

    func testSampleCorpusVerdicts() throws {
        let all = try results()
        if let mem = all["express-memory/t4-clinic-booking"] {
            XCTAssertTrue(mem["G7.P2"]?.findings.contains { $0.severity == .critical && $0.rule == "in-memory-store" } ?? false,
                          "in-memory arrays in an app with no database are critical")
            XCTAssertEqual(mem["G7.D3"]?.value, .measured(0), "no CI")
            XCTAssertTrue(mem["G7.D5"]?.findings.contains { $0.rule == "no-signal-handler" } ?? false)
            XCTAssertTrue(mem["G7.D1"]?.findings.contains { $0.rule == "no-health-route" } ?? false)
            XCTAssertEqual(mem["G1.D6"]?.value, .measured(20), "the agent asked nothing before building")
        }
        if let ref = all["reference/t4-clinic-booking"] {
            XCTAssertEqual(ref["G7.D3"]?.value, .measured(100))
            XCTAssertEqual(ref["G1.D6"]?.value, .measured(100))
            XCTAssertEqual(ref["G7.P2"]?.findings.count, 0)
            XCTAssertEqual(ref["G7.D5"]?.findings.count, 0)
            XCTAssertEqual(ref["G7.D1"]?.value, .measured(100), "GET /health checks the database")
        }
        if let spa = all["spa-supabase/t5-support-assistant"] {
            XCTAssertTrue(spa["G1.D2"]?.findings.contains { $0.rule == "mock-import" } ?? false, "mockTickets shipped as a fallback")
            XCTAssertTrue(spa["G7.D6"]?.findings.contains { $0.rule == "template-readme" } ?? false)
            if case .notMeasured = spa["G7.D5"]?.value {} else { XCTFail("a static SPA has no server process to shut down") }
        }
    }
}
