import XCTest
@testable import CliffBench

final class PatternMatcherTests: XCTestCase {
    func hits(_ m: PatternMatcher, _ text: String, _ lang: Language = .typescript) -> [String] {
        let bytes = Array(text.utf8)
        let regions = Lexer.regions(bytes, family: lang.lexFamily)
        return m.match(bytes, language: lang, regions: regions).map { "\(m.rules[Int($0.rule)].id)@\($0.offset)" }
    }

    func testAllRulesInOnePassWithFilters() {
        let m = PatternMatcher(rules: [
            PatternRule(id: "a/log", literals: ["console.log"], regions: .code, regexEquivalent: ""),
            PatternRule(id: "a/todo", literals: ["TODO"], regions: .comment, regexEquivalent: ""),
            PatternRule(id: "a/secret", literals: ["secret"], caseSensitive: false, regions: .live, regexEquivalent: ""),
            PatternRule(id: "a/eval", literals: ["eval("], wordStart: true, regexEquivalent: ""),
            PatternRule(id: "a/sql", literals: ["ENABLE ROW"], caseSensitive: false, languages: [.sql], regexEquivalent: ""),
        ])
        let text = "console.log(x) // TODO console.log\nconst S = 'SECRET'; retrieval(1); eval(y)\nalter table t enable row level security"
        XCTAssertEqual(hits(m, text), ["a/log@0", "a/todo@18", "a/secret@46", "a/eval@69"])
        XCTAssertEqual(hits(m, "alter table t enable row level security", .sql), ["a/sql@14"])
    }

    func testOverlappingAndCaseSensitiveLiterals() {
        let m = PatternMatcher(rules: [
            PatternRule(id: "k/sk", literals: ["sk_live_", "sk_test_"], regexEquivalent: ""),
            PatternRule(id: "k/live", literals: ["live_"], regexEquivalent: ""),
        ])
        XCTAssertEqual(hits(m, "a = 'sk_live_x' + 'SK_LIVE_y'"), ["k/sk@5", "k/live@8"])
        XCTAssertEqual(hits(m, ""), [])
        XCTAssertEqual(hits(PatternMatcher(rules: []), "anything"), [])
    }

    func testTrigramBucketCollisionsAreNotHits() {
        // Every trigram of the input is tried against every literal's bucket: only exact
        // (case-folded) literal matches may come out, whatever shares a hash bucket.
        let m = PatternMatcher(rules: [PatternRule(id: "c/po", literals: ["!po", "cvv", "xyz"], caseSensitive: false, regexEquivalent: "")])
        var text = ""
        for a in 33..<127 { for b in [97, 118, 122] { text += String(UnicodeScalar(UInt8(a))) + String(UnicodeScalar(UInt8(b))) + "v " } }
        let all = Array((text + " CVV !PO").utf8)
        let found = m.match(all, language: .typescript, regions: Lexer.regions(all, family: .cLike))
        for h in found {
            let s = String(decoding: all[Int(h.offset)..<Int(h.offset + h.length)], as: UTF8.self).lowercased()
            XCTAssertTrue(["!po", "cvv", "xyz"].contains(s), "hit on \(s)")
        }
        XCTAssertEqual(found.count, 4, "Cvv and cvv in the generated text, CVV and !PO at the end")
    }

    func testFindingFingerprintIgnoresLineShiftsAndWhitespace() {
        let a = Finding(metricID: "G4.P1", rule: "r", severity: .high, path: "a.ts", line: 3, message: "m", evidence: "const  x = 1")
        let b = Finding(metricID: "G4.P1", rule: "r", severity: .high, path: "a.ts", line: 9, message: "m", evidence: "const x = 1")
        let c = Finding(metricID: "G4.P1", rule: "r", severity: .high, path: "b.ts", line: 3, message: "m", evidence: "const x = 1")
        XCTAssertEqual(a.fingerprint, b.fingerprint)
        XCTAssertNotEqual(a.fingerprint, c.fingerprint)
        XCTAssertNotEqual(a.fingerprint, a.withOccurrence(1).fingerprint)
        XCTAssertEqual(a.fingerprint.count, 16)
    }
}
