import Foundation
import XCTest
@testable import CliffBench

final class CorpusDiscoveryTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cliffbench-corpus-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func testFindsAppsTrialsAndReportsMalformedEntriesWithoutStopping() throws {
        try write("alpha/t1/package.json", "{}")
        try write("alpha/t1/cliffbench.toml", """
            [generation]
            builder_version = "1.2"
            generated_at = 2026-10-14
            transcript = "transcript.md"
            [runtime]
            start = "npm start"
            port = 3000
            health = "/health"
            """)
        try write("alpha/t2/trial-1/index.html", "<html></html>")
        try write("alpha/t2/trial-2/index.html", "<html></html>")
        try write("beta/t1/src/app.ts", "x")
        try write("beta/t2/cliffbench.toml", "[generation\nbuilder_version = 1")
        try write("beta/t3/cliffbench.toml", "[runtime]\nport = \"three thousand\"")
        try write("README.md", "a file at builder level")
        try FileManager.default.createDirectory(atPath: root + "/gamma", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/delta/empty", withIntermediateDirectories: true)

        let r = try CorpusDiscovery.discover(corpus: root)
        XCTAssertEqual(r.apps.map(\.key), ["alpha/t1", "alpha/t2/trial-1", "alpha/t2/trial-2", "beta/t1"])
        let m = try XCTUnwrap(r.apps[0].manifest)
        XCTAssertEqual(m.builderVersion, "1.2")
        XCTAssertEqual(m.generatedAt, "2026-10-14")
        XCTAssertEqual(m.transcript, "transcript.md")
        XCTAssertEqual(m.runtime?.port, 3000)
        XCTAssertEqual(m.runtime?.health, "/health")

        let byPath = Dictionary(uniqueKeysWithValues: r.issues.map { ($0.path, $0.message) })
        XCTAssertEqual(byPath.count, 5, "\(r.issues)")
        XCTAssertTrue(byPath["beta/t2/cliffbench.toml"]?.contains("invalid TOML at line") ?? false, "\(byPath)")
        XCTAssertTrue(byPath["beta/t3/cliffbench.toml"]?.contains("runtime.port must be an integer") ?? false, "\(byPath)")
        XCTAssertNotNil(byPath["README.md"])
        XCTAssertEqual(byPath["gamma"], "builder folder holds no task folders")
        XCTAssertEqual(byPath["delta/empty"], "empty app folder")
    }

    func testModificationRequestsPairWithTheirBaseApp() throws {
        try write("alpha/t1/package.json", "{}")
        try write("alpha/t1@amr-1/package.json", "{}")
        try write("alpha/t2/trial-1/a.ts", "x")
        try write("alpha/t2@amr-1/trial-1/a.ts", "x")
        try write("alpha/t3@amr-2/a.ts", "x")
        try write("alpha/t4@a@b/a.ts", "x")
        let r = try CorpusDiscovery.discover(corpus: root)
        let byKey = Dictionary(uniqueKeysWithValues: r.apps.map { ($0.key, $0) })
        XCTAssertEqual(byKey["alpha/t1@amr-1"]?.baseKey, "alpha/t1")
        XCTAssertEqual(byKey["alpha/t2@amr-1/trial-1"]?.baseKey, "alpha/t2/trial-1")
        XCTAssertNil(byKey["alpha/t1"]?.baseKey)
        XCTAssertEqual(DiscoveredApp.taskID("t2@amr-1"), "t2")
        let messages = Dictionary(uniqueKeysWithValues: r.issues.map { ($0.path, $0.message) })
        XCTAssertTrue(messages["alpha/t3@amr-2"]?.contains("no base app alpha/t3") ?? false, "\(messages)")
        XCTAssertNotNil(messages["alpha/t4@a@b"], "two AMR suffixes are malformed")
    }

    func testMissingCorpusIsAClearError() {
        XCTAssertThrowsError(try CorpusDiscovery.discover(corpus: root + "/nope")) { e in
            XCTAssertTrue("\(e)".contains("corpus folder not found"))
        }
    }

    func testTrialNames() {
        for n in ["trial-1", "trial_2", "run3", "gen-4", "attempt-10", "7"] { XCTAssertTrue(CorpusDiscovery.isTrialName(n), n) }
        for n in ["src", "trial", "trial-x", "supabase", "run-"] { XCTAssertFalse(CorpusDiscovery.isTrialName(n), n) }
    }

    func testTaskSpecsLoadAndBadOnesAreReported() throws {
        try write("specs/t1.toml", """
            id = "t1"
            title = "Clinic"
            tier = "T4"
            roles = ["admin", "patient"]
            entities = ["appointment"]
            [[features]]
            id = "book"
            description = "Book a slot"
            [[canaries]]
            id = "persist"
            description = "Survives reload"
            """)
        try write("specs/t2.toml", "id = \"t2\"\ntitle = \"x\"")
        let (specs, issues) = TaskSpec.loadAll(from: root)
        XCTAssertEqual(specs["t1"]?.roles, ["admin", "patient"])
        XCTAssertEqual(specs["t1"]?.features.map(\.id), ["book"])
        XCTAssertEqual(specs["t1"]?.canaries.first?.description, "Survives reload")
        XCTAssertEqual(issues.count, 1)
        XCTAssertTrue(issues[0].message.contains("missing tier"), issues[0].message)
    }

    func testBundledSampleCorpusAndSpecsAreWellFormed() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let r = try CorpusDiscovery.discover(corpus: repo + "/tasks/sample-corpus")
        XCTAssertEqual(r.issues, [])
        XCTAssertGreaterThanOrEqual(Set(r.apps.map(\.builder)).count, 3)
        let (specs, issues) = TaskSpec.loadAll(from: repo + "/tasks")
        XCTAssertEqual(issues, [])
        for app in r.apps { XCTAssertNotNil(specs[DiscoveredApp.taskID(app.task)], "no spec for task \(app.task)") }
    }
}
