import XCTest

@testable import CliffBench

final class GitIgnoreTests: XCTestCase {
    // (patterns of a root .gitignore, path, isDirectory, ignored); every row agrees with `git check-ignore` 2.39.
    static let table: [(patterns: String, path: String, isDirectory: Bool, ignored: Bool)] = [
        ("*.log", "a.log", false, true),
        ("*.log", "src/deep/a.log", false, true),
        ("*.log", "a.log.txt", false, false),
        ("build/", "build", true, true),
        ("build/", "build", false, false),
        ("build/", "src/build", true, true),
        ("build/", "src/build/x.js", false, true),
        ("/build", "src/build", true, false),
        ("/build", "build", false, true),
        ("doc/frotz", "doc/frotz", false, true),
        ("doc/frotz", "a/doc/frotz", false, false),
        ("doc/frotz/", "doc/frotz", true, true),
        ("foo", "foo/bar.txt", false, true),
        ("*.log\n!important.log", "important.log", false, false),
        ("*.log\n!important.log", "other.log", false, true),
        ("!important.log\n*.log", "important.log", false, true),
        ("logs/\n!logs/keep.log", "logs/keep.log", false, true),
        ("logs/*\n!logs/keep.log", "logs/keep.log", false, false),
        ("logs/*\n!logs/keep.log", "logs/other.log", false, true),
        ("**/foo", "foo", false, true),
        ("**/foo", "a/b/foo", false, true),
        ("**/foo/bar", "x/foo/bar", false, true),
        ("**/foo/bar", "x/foo/baz", false, false),
        ("abc/**", "abc/x/y.txt", false, true),
        ("abc/**", "abc", true, false),
        ("a/**/b", "a/b", false, true),
        ("a/**/b", "a/x/y/b", false, true),
        ("a/**/b", "a/xb", false, false),
        ("a/*/b", "a/x/y/b", false, false),
        ("a/*/b", "a/x/b", false, true),
        ("foo/**/", "foo/bar", true, true),
        ("foo/**/", "foo/bar", false, false),
        ("foo?.txt", "foo1.txt", false, true),
        ("foo?.txt", "foo12.txt", false, false),
        ("[a-c]at.js", "bat.js", false, true),
        ("[a-c]at.js", "dat.js", false, false),
        ("[!a-c]at.js", "dat.js", false, true),
        ("[!a-c]at.js", "cat.js", false, false),
        ("[^a-c]at.js", "cat.js", false, false),
        ("[[:digit:]]*.txt", "1.txt", false, true),
        ("[[:digit:]]*.txt", "a1.txt", false, false),
        ("\\#notes", "#notes", false, true),
        ("#notes", "#notes", false, false),
        ("\\!bang", "!bang", false, true),
        ("trail.txt   ", "trail.txt", false, true),
        ("space\\ ", "space ", false, true),
        ("*.txt", "notes.TXT", false, false),
        ("\n\n# only comments\n", "anything", false, false),
        ("**/node_modules", "web/node_modules/x/index.js", false, true),
        ("*", "anything/deep.txt", false, true),
        ("/*.js", "a.js", false, true),
        ("/*.js", "src/a.js", false, false),
        ("*.min.js", "dist2/app.min.js", false, true),
        ("a\\*b", "a*b", false, true),
        ("a\\*b", "axb", false, false),
        ("foo*bar", "foo/bar", true, false),
        ("debug[0-9].log", "debug7.log", false, true),
        ("*.tmp\r\n!keep.tmp\r\n", "keep.tmp", false, false),
        ("*.tmp\r\n", "a.tmp", false, true),
        ("\u{FEFF}*.log", "a.log", false, true),
    ]

    func testPatternTable() {
        XCTAssertGreaterThanOrEqual(Self.table.count, 30)
        for row in Self.table {
            var ignore = GitIgnore()
            ignore.add(contents: row.patterns, directory: "")
            XCTAssertEqual(
                ignore.isIgnored(row.path, isDirectory: row.isDirectory), row.ignored,
                "patterns \(row.patterns.debugDescription), path \(row.path), directory \(row.isDirectory)")
        }
    }

    func testNestedFilesAreScopedAndDeeperFilesWin() {
        var ignore = GitIgnore()
        ignore.add(contents: "*.tmp\n/local/\n", directory: "")
        ignore.add(contents: "!keep.tmp\n/gen\nlocal/\n", directory: "web")
        let expectations: [(path: String, isDirectory: Bool, ignored: Bool)] = [
            ("keep.tmp", false, true),
            ("web/keep.tmp", false, false),
            ("web/sub/keep.tmp", false, false),
            ("web/a.tmp", false, true),
            ("web/gen", true, true),
            ("web/sub/gen", true, false),
            ("gen", true, false),
            ("local", true, true),
            ("web/local", true, true),
            ("api/local", true, false),
            ("web/gen/x.ts", false, true),
        ]
        for row in expectations {
            XCTAssertEqual(ignore.isIgnored(row.path, isDirectory: row.isDirectory), row.ignored, row.path)
        }
    }

    func testRulesAddedLaterForTheSameDirectoryWin() {
        var ignore = GitIgnore()
        ignore.add(contents: "*.env", directory: "api/")
        ignore.add(contents: "!.env.example", directory: "api")
        XCTAssertTrue(ignore.isIgnored("api/.env", isDirectory: false))
        XCTAssertFalse(ignore.isIgnored("api/.env.example", isDirectory: false))
        XCTAssertFalse(ignore.isIgnored(".env", isDirectory: false))
    }

    func testEmptyRulesIgnoreNothing() {
        let ignore = GitIgnore()
        XCTAssertFalse(ignore.isIgnored("a/b/c.txt", isDirectory: false))
        XCTAssertFalse(ignore.isIgnored("", isDirectory: true))
    }

    func testDecidingRuleNamesTheLineAndItsFile() throws {
        var ignore = GitIgnore()
        ignore.add(contents: "dist/\n", directory: "web")
        let hit = try XCTUnwrap(ignore.decidingRule("web/dist", isDirectory: true))
        XCTAssertEqual(hit.rule.line, "dist/")
        XCTAssertEqual(hit.directory, "web")
        XCTAssertNil(ignore.decidingRule("dist", isDirectory: true))
    }

    func testWildmatchEdgeCases() {
        XCTAssertTrue(Wildmatch.matches("[]]x", "]x"))
        XCTAssertTrue(Wildmatch.matches("[!]]x", "ax"))
        XCTAssertTrue(Wildmatch.matches("[a-]", "-"))
        XCTAssertFalse(Wildmatch.matches("a?b", "a/b"))
        XCTAssertFalse(Wildmatch.matches("a[/]b", "a/b"))
        XCTAssertTrue(Wildmatch.matches("**", "a/b/c"))
        XCTAssertFalse(Wildmatch.matches("a**b", "a/x/b"))
        XCTAssertTrue(Wildmatch.matches("[[:upper:]][[:xdigit:]]", "Af"))
        XCTAssertFalse(Wildmatch.matches("[[:bogus:]]", "a"))
        XCTAssertFalse(Wildmatch.matches("abc\\", "abc"))
        XCTAssertTrue(Wildmatch.matches("café.*", "café.md"))
        XCTAssertFalse(Wildmatch.matches("caf?.md", "café.md"))
    }
}
