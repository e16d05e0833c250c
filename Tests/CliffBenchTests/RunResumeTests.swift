import Foundation
import XCTest
@testable import CliffBench

/// Kills a real `cliffbench run` process with SIGKILL mid-run, resumes it, and compares the
/// database with an uninterrupted run of the same corpus.
final class RunResumeTests: XCTestCase {
    var tmp: String = ""

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("cliffbench-resume-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tmp)
    }

    static var binary: String {
        Bundle.main.bundleURL.appendingPathComponent("cliffbench").path
    }

    /// A corpus big enough that a debug build needs a few seconds for it.
    static func makeCorpus(at root: String, builders: Int, tasks: Int, filesPerApp: Int) throws {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl"
        for b in 0..<builders {
            for t in 0..<tasks {
                let app = "\(root)/builder-\(b)/task-\(t)"
                try FileManager.default.createDirectory(atPath: app + "/src", withIntermediateDirectories: true)
                for f in 0..<filesPerApp {
                    var text = "import { useState } from 'react'\n"
                    for i in 0..<120 {
                        text += "export function handler\(f)_\(i)(input: string) {\n  const value = input.trim() + '\(b)-\(t)-\(i)'\n"
                        if (b + t + f + i) % 37 == 0 { text += "  console.log('debug', value)\n" }
                        text += "  return value.length > \(i) ? value : null\n}\n"
                    }
                    if (b * 7 + t + f) % 11 == 0 { text += "export const admin = '\(jwt)'\n" }
                    try text.write(toFile: "\(app)/src/module\(f).ts", atomically: false, encoding: .utf8)
                }
            }
        }
    }

    @discardableResult
    func cliffbench(_ args: [String], wait: Bool = true) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        if wait { p.waitUntilExit() }
        return p
    }

    /// Every metric value and finding of a run, keyed by app, in a comparable form.
    func snapshot(_ db: String, run: Int64) throws -> (metrics: [String], findings: [String], counts: [String: Int]) {
        let store = try ResultStore(path: db)
        let apps = Dictionary(uniqueKeysWithValues: try store.apps(run: run).map { ($0.id, $0.key) })
        let metrics = try store.metrics(run: run).map { "\(apps[$0.appID]!) \($0.metricID) \($0.value.map { String($0) } ?? "nm:" + ($0.notMeasuredReason ?? ""))" }
        let findings = try store.findings(run: run).map { "\(apps[$0.appID]!) \($0.finding.fingerprint) \($0.finding.line)" }
        return (metrics.sorted(), findings.sorted(), try store.rowCounts(run: run))
    }

    func testKilledRunResumesToTheSameResultsWithoutDuplicates() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.binary), "cliffbench binary not built at \(Self.binary)")
        let corpus = tmp + "/corpus"
        try Self.makeCorpus(at: corpus, builders: 6, tasks: 10, filesPerApp: 12)
        let common = ["--corpus", corpus, "--tasks", corpus, "--no-leaderboard", "--jobs", "1"]

        let reference = tmp + "/reference.sqlite"
        let full = try cliffbench(["run", "--db", reference] + common)
        XCTAssertEqual(full.terminationStatus, 0)

        let killed = tmp + "/killed.sqlite"
        let p = try cliffbench(["run", "--db", killed] + common, wait: false)
        var doneAtKill = -1
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && p.isRunning {
            if let progress = ResultStore.progress(of: killed, run: 1), progress.done >= 3 {
                kill(p.processIdentifier, SIGKILL)
                doneAtKill = progress.done
                break
            }
            usleep(2_000)
        }
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal, "the run finished before it could be killed; grow the corpus")
        XCTAssertGreaterThanOrEqual(doneAtKill, 3)

        let store = try ResultStore(path: killed)
        let interrupted = try XCTUnwrap(store.run(1))
        XCTAssertEqual(interrupted.state, "incomplete")
        XCTAssertLessThan(interrupted.appsDone, interrupted.appsTotal)
        XCTAssertNil(try store.latestRun(completeOnly: true), "a killed run must never read as complete")
        let board = try LeaderboardReport(store: store, run: interrupted).render(.table)
        XCTAssertTrue(board.contains("INCOMPLETE RUN"), board)

        let resumed = try cliffbench(["run", "--db", killed, "--resume", "1"] + common)
        XCTAssertEqual(resumed.terminationStatus, 0)
        XCTAssertEqual(try ResultStore(path: killed).run(1)?.state, "complete")

        let a = try snapshot(reference, run: 1)
        let b = try snapshot(killed, run: 1)
        XCTAssertEqual(a.counts, b.counts)
        XCTAssertEqual(a.metrics, b.metrics)
        XCTAssertEqual(a.findings, b.findings)
        XCTAssertEqual(Set(b.metrics).count, b.metrics.count, "duplicate metric rows")
        XCTAssertEqual(a.counts["apps"], 60)
        XCTAssertGreaterThan(a.findings.count, 0)

        let again = try cliffbench(["run", "--db", killed, "--resume", "1"] + common)
        XCTAssertNotEqual(again.terminationStatus, 0, "resuming a complete run must be refused")
    }

    func testResumeRefusesAnotherConfiguration() throws {
        let corpus = tmp + "/corpus"
        try Self.makeCorpus(at: corpus, builders: 1, tasks: 2, filesPerApp: 1)
        let db = tmp + "/r.sqlite"
        let store = try ResultStore(path: db)
        let discovered = try CorpusDiscovery.discover(corpus: corpus)
        let record = RunRecordConfig(harnessVersion: "0.0.0-other", catalogVersion: "0", configHash: "different", configJSON: "{}",
                                     corpus: corpus, tasks: corpus)
        let id = try store.createRun(config: record, apps: discovered.apps, issues: [])
        try store.finish(run: id, status: "interrupted")
        let coordinator = RunCoordinator(options: RunOptions(corpus: corpus, tasks: corpus, database: db, jobs: 1, resume: id))
        XCTAssertThrowsError(try coordinator.run()) { error in
            XCTAssertTrue("\(error)".contains("another configuration"), "\(error)")
        }
        XCTAssertEqual(try store.pendingApps(run: id).count, 2, "a refused resume must not touch the run")
    }

    func testStoreKeepsAnAppAtomicAndRefusesDoubleSaves() throws {
        let db = tmp + "/s.sqlite"
        let store = try ResultStore(path: db)
        let app = DiscoveredApp(builder: "b", task: "t", trial: "", root: tmp, manifest: nil)
        let record = RunRecordConfig(harnessVersion: "x", catalogVersion: "y", configHash: "z", configJSON: "{}", corpus: tmp, tasks: tmp)
        let id = try store.createRun(config: record, apps: [app], issues: [DiscoveryIssue(path: "bad", message: "why")])
        XCTAssertThrowsError(try store.finish(run: id, status: "complete"), "complete with a pending app")

        let finding = Finding(metricID: "G4.P1", rule: "r", severity: .high, path: "a.ts", line: 3, column: 1, message: "m", evidence: "e")
        let scan = AppScanResult(results: [
            MetricResult(metricID: "G4.P1", value: .measured(42), findings: [finding], evidence: [Evidence("k", 1)]),
            .notMeasured("G4.D1", "no SQL schema"),
        ], filesScanned: 1, bytesScanned: 10, skipped: [SkippedEntry(path: "node_modules", reason: .dependencies, isDirectory: true)], seconds: 0.1)
        let appID = try XCTUnwrap(store.apps(run: id).first?.id)
        try store.save(appID: appID, scan: scan)
        XCTAssertThrowsError(try store.save(appID: appID, scan: scan), "second save of the same app")
        try store.finish(run: id, status: "complete")

        let metrics = try store.metrics(run: id)
        XCTAssertEqual(metrics.count, 2)
        XCTAssertEqual(metrics.first { $0.metricID == "G4.D1" }?.notMeasuredReason, "no SQL schema")
        XCTAssertNil(metrics.first { $0.metricID == "G4.D1" }?.value, "not measured is never stored as a number")
        XCTAssertEqual(metrics.first { $0.metricID == "G4.P1" }?.value, 42)
        XCTAssertEqual(try store.findings(run: id).map(\.finding.fingerprint), [finding.fingerprint])
        XCTAssertEqual(try store.rowCounts(run: id)["skipped_entries"], 1)
        XCTAssertEqual(try store.issues(run: id).map(\.message), ["why"])
        XCTAssertEqual(try store.run(id)?.state, "complete")
    }
}
