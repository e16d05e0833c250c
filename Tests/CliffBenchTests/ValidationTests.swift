import XCTest
@testable import CliffBench

/// The labelled fixture corpus (validation/apps) scored against the floors in validation/floors.tsv.
final class ValidationTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testEveryMetricMeetsItsFloorOnTheFixtureCorpus() throws {
        let report = try Validator.run(fixtures: Self.repo + "/validation/apps")
        let floors = try ValidationFloor.read(Self.repo + "/validation/floors.tsv")
        let below = report.belowFloors(floors)
        XCTAssertEqual(below, [], "\n" + report.renderTable())
    }

    func testEveryCollectorHasAFloorAndEnoughLabelledCases() throws {
        let report = try Validator.run(fixtures: Self.repo + "/validation/apps")
        let floors = try ValidationFloor.read(Self.repo + "/validation/floors.tsv")
        let scores = Dictionary(uniqueKeysWithValues: report.metrics.map { ($0.id, $0) })
        for c in CollectorRegistry.all {
            XCTAssertNotNil(floors[c.id], "\(c.id) has no floor in validation/floors.tsv")
            XCTAssertGreaterThanOrEqual(floors[c.id]?.minTPR ?? 0, 0.8, "\(c.id) floor below the project's 0.8 TPR bar")
            XCTAssertLessThanOrEqual(floors[c.id]?.maxFPR ?? 1, 0.1, "\(c.id) ceiling above the project's 0.1 FPR bar")
            XCTAssertGreaterThanOrEqual(scores[c.id]?.positives ?? 0, 3, "\(c.id) needs at least 3 labelled cases that must be found")
            XCTAssertGreaterThanOrEqual(scores[c.id]?.negatives ?? 0, 3, "\(c.id) needs at least 3 labelled cases that must not be found")
        }
    }

    func testLabelsAreParsedFromEveryCommentStyle() throws {
        let text = """
            // expect: G4.P1
            a = 1
            # ok: G2.D8, G4.P1
            -- expect: G4.D1

            b = 2
            {/* ok: G6.D3 */}
            <img src="x" />
            """
        let labels = try FixtureLabels.lineLabels(text, path: "f")
        XCTAssertEqual(labels.map { "\($0.metricID)@\($0.line):\($0.expectFinding)" },
                       ["G4.P1@2:true", "G2.D8@5:false", "G4.P1@5:false", "G4.D1@5:true", "G6.D3@8:false"])
        XCTAssertThrowsError(try FixtureLabels.lineLabels("// expect: G9.X1\nx", path: "f"))
        XCTAssertThrowsError(try FixtureLabels.lineLabels("x\n// expect: G4.P1", path: "f"))
    }

    func testScoresCountMissesAndUnlabelledFindings() throws {
        var s = ValidationScore(id: "G4.P1")
        s.truePositives = 8; s.falseNegatives = 2; s.falsePositives = 1; s.trueNegatives = 9
        XCTAssertEqual(s.tpr, 0.8)
        XCTAssertEqual(s.fpr, 0.1)
        XCTAssertEqual(s.score!, 0.7, accuracy: 1e-9)
        XCTAssertNil(ValidationScore(id: "x").score)
    }
}
