import Foundation
import XCTest
@testable import CliffBench

/// The offline advisory list (data/advisories.tsv, embedded by scripts/refresh-advisories.py) and the
/// semver matching G2.D7 uses against it.
final class AdvisoryListTests: XCTestCase {
    private var repoRoot: URL {
        // Tests/CliffBenchTests/AdvisoryListTests.swift → repository root (symlinks resolved for mini packages).
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func testEmbeddedListEqualsTheTSV() throws {
        let tsv = try String(contentsOf: repoRoot.appendingPathComponent("data/advisories.tsv"), encoding: .utf8)
        let embedded = AdvisoryData.tsv.hasSuffix("\n") ? AdvisoryData.tsv : AdvisoryData.tsv + "\n"
        XCTAssertEqual(embedded, tsv, "AdvisoryData.swift is stale: run scripts/refresh-advisories.py")
    }

    func testEveryRowParses() {
        let rows = AdvisoryData.tsv.split(separator: "\n").dropFirst()
        XCTAssertEqual(Advisory.all.count, rows.count, "a row's affected range does not parse")
        XCTAssertTrue((25...40).contains(Advisory.all.count))
        let ids = Set(Advisory.all.map { $0.package + " " + $0.id })
        XCTAssertEqual(ids.count, Advisory.all.count, "duplicate rows")
        for a in Advisory.all {
            XCTAssertTrue(a.id.hasPrefix("GHSA-") && a.id.count == 19, a.id)
            XCTAssertTrue(["low", "moderate", "high", "critical"].contains(a.severity), a.id)
            XCTAssertTrue(["npm", "PyPI"].contains(a.ecosystem), a.id)
            XCTAssertFalse(a.summary.isEmpty, a.id)
        }
    }

    func testSemverParsingAndOrder() {
        XCTAssertEqual(Semver("4.17.21"), Semver(4, 17, 21))
        XCTAssertEqual(Semver("v1.2"), Semver(1, 2, 0))
        XCTAssertEqual(Semver("2"), Semver(2, 0, 0))
        XCTAssertEqual(Semver("1.2.3+build.5"), Semver(1, 2, 3))
        XCTAssertNil(Semver("x"))
        XCTAssertNil(Semver("latest"))
        XCTAssertLessThan(Semver("1.2.3")!, Semver("1.2.4")!)
        XCTAssertLessThan(Semver("1.9.0")!, Semver("1.10.0")!)
        XCTAssertLessThan(Semver("8.0.0-alpha.3")!, Semver("8.0.0-alpha.4")!)
        XCTAssertLessThan(Semver("8.0.0-alpha.4")!, Semver("8.0.0")!)
        XCTAssertLessThan(Semver("1.0.0-alpha")!, Semver("1.0.0-alpha.1")!)
        XCTAssertLessThan(Semver("1.0.0-alpha.2")!, Semver("1.0.0-beta")!)
        XCTAssertLessThan(Semver("2.0rc1")!, Semver("2.0")!, "PEP 440 release candidates sort before the release")
    }

    func testRangeOperatorsConjunctionsAndAlternatives() {
        let r = SemverRange(">=2.0.0 <2.6.9")!
        XCTAssertTrue(r.contains(Semver("2.0.0")!))
        XCTAssertTrue(r.contains(Semver("2.6.8")!))
        XCTAssertFalse(r.contains(Semver("2.6.9")!))
        XCTAssertFalse(r.contains(Semver("1.9.9")!))
        XCTAssertTrue(SemverRange("<=1.7.3")!.contains(Semver("1.7.3")!))
        XCTAssertFalse(SemverRange(">1.7.3")!.contains(Semver("1.7.3")!))
        XCTAssertTrue(SemverRange("=1.7.3")!.contains(Semver("1.7.3")!))
        XCTAssertTrue(SemverRange("1.7.3")!.contains(Semver("1.7.3")!))
        let alt = SemverRange("<0.1.10 || >=0.2.0 <1.9.0 || >=7.0.0 <8.0.0")!
        XCTAssertTrue(alt.contains(Semver("0.1.7")!))
        XCTAssertFalse(alt.contains(Semver("0.1.12")!))
        XCTAssertTrue(alt.contains(Semver("1.8.0")!))
        XCTAssertFalse(alt.contains(Semver("6.3.0")!))
        XCTAssertTrue(alt.contains(Semver("7.1.0")!))
        XCTAssertFalse(alt.contains(Semver("8.0.0")!))
        XCTAssertNil(SemverRange(""))
        XCTAssertNil(SemverRange(">=abc"))
    }

    func testMinimumOfDeclaredRanges() {
        XCTAssertEqual(NpmSpec.minimum("^4.17.15"), Semver(4, 17, 15))
        XCTAssertEqual(NpmSpec.minimum("~1.2.3"), Semver(1, 2, 3))
        XCTAssertEqual(NpmSpec.minimum("4.x"), Semver(4, 0, 0))
        XCTAssertEqual(NpmSpec.minimum(">=1.2 <2"), Semver(1, 2, 0))
        XCTAssertEqual(NpmSpec.minimum("1.2.3 - 2.0.0"), Semver(1, 2, 3))
        XCTAssertEqual(NpmSpec.minimum("^2.0.0 || ^1.5.0"), Semver(1, 5, 0))
        XCTAssertEqual(NpmSpec.minimum("1.0.0"), Semver(1, 0, 0))
        XCTAssertNil(NpmSpec.minimum("*"))
        XCTAssertNil(NpmSpec.minimum("latest"))
        XCTAssertNil(NpmSpec.minimum("<2.0.0"))
        XCTAssertNil(NpmSpec.minimum("github:user/repo"))
    }

    func testSpecifierKinds() {
        XCTAssertEqual(NpmSpec.kind("*"), .wildcard)
        XCTAssertEqual(NpmSpec.kind("latest"), .latest)
        XCTAssertEqual(NpmSpec.kind(">=1.0.0"), .unbounded)
        XCTAssertEqual(NpmSpec.kind(">=1.0.0 <2"), .range)
        XCTAssertEqual(NpmSpec.kind("^1.2.3"), .range)
        XCTAssertEqual(NpmSpec.kind("1.2.3"), .exact)
        XCTAssertEqual(NpmSpec.kind("git+https://github.com/a/b.git"), .git)
        XCTAssertEqual(NpmSpec.kind("user/repo"), .git)
        XCTAssertEqual(NpmSpec.kind("workspace:*"), .workspace)
        XCTAssertTrue(NpmSpec.gitIsPinned("github:user/repo#3f2a9c1d"))
        XCTAssertTrue(NpmSpec.gitIsPinned("git+https://github.com/a/b.git#v1.2.3"))
        XCTAssertFalse(NpmSpec.gitIsPinned("github:user/repo"))
    }

    func testMatchingAgainstTheList() {
        XCTAssertEqual(Advisory.matching(ecosystem: "npm", package: "lodash", version: Semver("4.17.15")!).map(\.id), ["GHSA-35jh-r3h4-6jhm"])
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "lodash", version: Semver("4.17.21")!).isEmpty)
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "next", version: Semver("14.2.3")!).map(\.id).contains("GHSA-f82v-jwr5-mffw"))
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "next", version: Semver("14.2.25")!).isEmpty)
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "@babel/traverse", version: Semver("8.0.0-alpha.2")!).map(\.id).contains("GHSA-67hx-6x53-jw92"))
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "@babel/traverse", version: Semver("8.0.0")!).isEmpty)
        XCTAssertEqual(Advisory.matching(ecosystem: "PyPI", package: "Werkzeug", version: Semver("2.3.7")!).map(\.id), ["GHSA-2g68-c3qc-8985"],
                       "PyPI names match case-insensitively")
        XCTAssertTrue(Advisory.matching(ecosystem: "npm", package: "werkzeug", version: Semver("2.3.7")!).isEmpty, "ecosystems do not mix")
        XCTAssertEqual(Advisory.all.first { $0.id == "GHSA-f82v-jwr5-mffw" }?.findingSeverity, .high)
    }

    func testPythonRequirementBounds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cliffbench-req-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "flask==2.2.3\nrequests>=2.0,<3\ndjango~=4.2.1  # web\n-r base.txt\nuvicorn[standard]\n"
        let file = ScannedFile(path: "requirements.txt", language: .text, bytes: Array(text.utf8), matcher: PatternMatcher(rules: []))
        let reqs = PyRequirement.fromRequirements(file)
        XCTAssertEqual(reqs.map(\.name), ["flask", "requests", "django", "uvicorn"])
        XCTAssertTrue(reqs[0].isPinned)
        XCTAssertEqual(reqs[0].minimum, Semver(2, 2, 3))
        XCTAssertEqual(reqs[1].minimum, Semver(2, 0, 0))
        XCTAssertEqual(reqs[2].minimum, Semver(4, 2, 1))
        XCTAssertNil(reqs[3].minimum)
    }
}
