import XCTest
@testable import CliffBench

/// Runs every registered collector's triggering and non-triggering examples through the real scan path.
final class CollectorExamplesTests: XCTestCase {
    func testEveryCollectorsExamples() {
        for c in CollectorRegistry.all {
            let d = c.descriptor
            XCTAssertGreaterThanOrEqual(d.triggering.count, 3, "\(d.fullName) needs at least 3 triggering examples")
            XCTAssertGreaterThanOrEqual(d.nonTriggering.count, 3, "\(d.fullName) needs at least 3 non-triggering examples")
            for ex in d.triggering {
                if let problem = CollectorHarness.check(c, example: ex, triggering: true) {
                    XCTFail("\(d.fullName) triggering example \(ex.note): \(problem)", file: ex.file, line: ex.line)
                }
            }
            for ex in d.nonTriggering {
                if let problem = CollectorHarness.check(c, example: ex, triggering: false) {
                    XCTFail("\(d.fullName) non-triggering example \(ex.note): \(problem)", file: ex.file, line: ex.line)
                }
            }
        }
    }

    func testDescriptorsAgreeWithTheCatalog() {
        var seen = Set<String>()
        for c in CollectorRegistry.all {
            let d = c.descriptor
            XCTAssertTrue(seen.insert(d.id).inserted, "two collectors for \(d.id)")
            guard let e = MetricCatalog.entry(d.id) else {
                XCTFail("\(d.id) is not in the catalog")
                continue
            }
            XCTAssertEqual(d.slug, e.slug, d.id)
            XCTAssertEqual(d.kind, e.kind, d.id)
            XCTAssertEqual(d.methods, e.methods, d.id)
            XCTAssertTrue(e.methods.isSuperset(of: d.implemented), "\(d.id) implements a method the catalog does not list")
            XCTAssertFalse(d.measures.isEmpty, d.id)
            for r in c.rules {
                XCTAssertTrue(r.id.hasPrefix(d.id + "/"), "rule \(r.id) must be named after its metric \(d.id)")
            }
        }
        XCTAssertEqual(MetricCatalog.entries.count, 68)
        XCTAssertEqual(MetricCatalog.entries.filter { $0.kind == .primary }.count, 25)
    }

    func testMarkerStripping() {
        let (text, marks) = CollectorHarness.stripMarkers("a\nbc↓d\n↓e")
        XCTAssertEqual(text, "a\nbcd\ne")
        XCTAssertEqual(marks.map(\.line), [2, 3])
        XCTAssertEqual(marks.map(\.column), [3, 1])
    }
}
