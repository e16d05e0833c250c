import XCTest
@testable import CliffBench

/// Shared per-app and per-file caches must let an app and its files go once it is evaluated. A
/// cached model holding its app strongly kept every app of a run in memory (651 MB peak on the
/// 100 MB benchmark instead of about 75 MB); a per-file analysis holding its file did the same
/// to files (255 MB).
final class MemoryTests: XCTestCase {
    func testAnEvaluatedAppIsFreed() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        weak var weakContext: AppContext?
        final class Weak { weak var file: ScannedFile?; init(_ f: ScannedFile) { file = f } }
        var filesOfEarlierApps: [Weak] = []
        var filesOfThisApp: [Weak] = []
        for app in ["next-fullstack/t4-clinic-booking", "spa-supabase/t5-support-assistant", "express-memory/t4-clinic-booking"] {
            let root = repo.appendingPathComponent("tasks/sample-corpus/" + app).path
            do {
                let matcher = CollectorRegistry.matcher
                var files: [ScannedFile] = []
                for e in AppWalker().walk(root: root).files {
                    if case .text(let b) = FileReader.read(path: e.absolutePath, maxSize: 2 << 20) {
                        files.append(ScannedFile(path: e.path, language: Language.detect(path: e.path) ?? .text, bytes: b, matcher: matcher))
                    }
                }
                XCTAssertGreaterThan(files.count, 5, app)
                let info = AppInfo(builder: "b", task: "t")
                var reports: [String: [(file: ScannedFile, report: FileReport)]] = [:]
                for f in files {
                    for c in CollectorRegistry.all { if let r = c.inspect(f, app: info) { reports[c.id, default: []].append((f, r)) } }
                }
                let context = AppContext(info: info, files: files, skipped: [], matcher: matcher, reports: reports)
                let measured = CollectorRegistry.all.map { $0.evaluate(context) }.filter { if case .measured = $0.value { true } else { false } }
                XCTAssertGreaterThan(measured.count, 10, app)
                weakContext = context
                filesOfEarlierApps += filesOfThisApp
                filesOfThisApp = files.map(Weak.init)
            }
            XCTAssertNil(weakContext, "\(app): its AppContext is still alive after evaluation: a shared cache holds it")
        }
        // Caches keyed weakly by app drop an entry at their next use, so only the last app's files may linger.
        let alive = filesOfEarlierApps.compactMap(\.file?.path)
        XCTAssertTrue(alive.isEmpty, "files of finished apps still alive (a cached value holds its file): \(alive.prefix(5))")
    }
}
