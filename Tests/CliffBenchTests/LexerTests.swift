import XCTest
@testable import CliffBench

final class LexerTests: XCTestCase {
    // MARK: - Helpers

    /// Renders `source` with each region wrapped as `C«…»` (comment), `S«…»` (string) or `R«…»` (regex).
    private func render(_ source: String, _ family: LexFamily, file: StaticString = #filePath, line: UInt = #line) -> String {
        render(Array(source.utf8), family, file: file, line: line)
    }

    private func render(_ bytes: [UInt8], _ family: LexFamily, file: StaticString = #filePath, line: UInt = #line) -> String {
        let regions = Lexer.regions(bytes, family: family)
        assertValid(regions, count: bytes.count, file: file, line: line)
        var out = ""
        var pos = 0
        for r in regions {
            let s = Int(r.start), e = Int(r.end)
            guard s >= pos, e <= bytes.count, s < e else { return "<invalid regions>" }
            out += String(decoding: bytes[pos..<s], as: UTF8.self)
            let tag: String
            switch r.kind {
            case .comment: tag = "C"
            case .string: tag = "S"
            case .regex: tag = "R"
            case .code: tag = "?"
            }
            out += tag + "«" + String(decoding: bytes[s..<e], as: UTF8.self) + "»"
            pos = e
        }
        out += String(decoding: bytes[pos...], as: UTF8.self)
        return out
    }

    /// Sorted, non-overlapping, non-empty, in bounds, never `.code`.
    private func assertValid(_ regions: [Region], count: Int, file: StaticString = #filePath, line: UInt = #line) {
        var pos = 0
        for r in regions {
            let s = Int(r.start), e = Int(r.end)
            if s < pos || s >= e || e > count || r.kind == .code {
                XCTFail("invalid region \(r) (previous end \(pos), count \(count))", file: file, line: line)
                return
            }
            pos = e
        }
    }

    // MARK: - cLike

    func testCLikeCommentsAndStrings() {
        XCTAssertEqual(render("let a = 'x'; // it's fine\nb", .cLike), "let a = S«'x'»; C«// it's fine»\nb")
        XCTAssertEqual(render("a /* x */ b", .cLike), "a C«/* x */» b")
        XCTAssertEqual(render(#"const u = "https://x.com//a"; // c"#, .cLike), #"const u = S«"https://x.com//a"»; C«// c»"#)
        XCTAssertEqual(render(#""a\"b" + 'c\\' + d"#, .cLike), #"S«"a\"b"» + S«'c\\'» + d"#)
        XCTAssertEqual(render("// don't\nx = 'y'", .cLike), "C«// don't»\nx = S«'y'»")
        XCTAssertEqual(render("/** doc */\nexport const x = \"/* no */\";", .cLike), "C«/** doc */»\nexport const x = S«\"/* no */\"»;")
    }

    func testCLikeUnterminatedStringStopsAtNewline() {
        XCTAssertEqual(render("x = 'abc\ny = 1 // c", .cLike), "x = S«'abc»\ny = 1 C«// c»")
        XCTAssertEqual(render("x = \"a\\\nb\" + c", .cLike), "x = S«\"a\\\nb\"» + c", "backslash-newline continues a string")
    }

    func testRegexVersusDivision() {
        XCTAssertEqual(render("a / b / c", .cLike), "a / b / c")
        XCTAssertEqual(render("x = /ab+c/g.test(s)", .cLike), "x = R«/ab+c/g».test(s)")
        XCTAssertEqual(render("return /[/]/.test(s)", .cLike), "return R«/[/]/».test(s)")
        XCTAssertEqual(render("(a) / 2", .cLike), "(a) / 2")
        XCTAssertEqual(render("arr[0] / 2 / x", .cLike), "arr[0] / 2 / x")
        XCTAssertEqual(render(#"if (/\/\//.test(s)) {}"#, .cLike), #"if (R«/\/\//».test(s)) {}"#)
        XCTAssertEqual(render("const n = 10 / 2; const r = /x/;", .cLike), "const n = 10 / 2; const r = R«/x/»;")
        XCTAssertEqual(render("typeof /x/ === t", .cLike), "typeof R«/x/» === t")
        XCTAssertEqual(render("o.return / 2 / 1", .cLike), "o.return / 2 / 1")
        XCTAssertEqual(render("s.split(/,\\s*/)", .cLike), "s.split(R«/,\\s*/»)")
        XCTAssertEqual(render("x = /* c */ /re/i", .cLike), "x = C«/* c */» R«/re/i»")
        XCTAssertEqual(render("a /* c */ / 2", .cLike), "a C«/* c */» / 2")
        XCTAssertEqual(render("'a' / 2", .cLike), "S«'a'» / 2")
        XCTAssertEqual(render("/^#!/.test(l)", .cLike), "R«/^#!/».test(l)", "a regex at start of file")
    }

    func testRegexAbortedByNewlineIsCode() {
        XCTAssertEqual(render("a = + /x\ny / 2", .cLike), "a = + /x\ny / 2")
        XCTAssertEqual(render("a = (/x\n, 'b')", .cLike), "a = (/x\n, S«'b'»)")
    }

    func testJSXIsNotMistakenForRegex() {
        XCTAssertEqual(render("<div>{a}/{b}</div>", .cLike), "<div>{a}/{b}</div>")
        XCTAssertEqual(render("<Foo a={1} /><Bar b={2} />", .cLike), "<Foo a={1} /><Bar b={2} />")
        XCTAssertEqual(render("<div>{/* hi */}</div>", .cLike), "<div>{C«/* hi */»}</div>")
    }

    func testTemplates() {
        XCTAssertEqual(render("`a${ `b${c}` }d`", .cLike), "S«`a${» S«`b${»cS«}`» S«}d`»")
        XCTAssertEqual(render("`x${ {a:1}.a }y` + z", .cLike), "S«`x${» {a:1}.a S«}y`» + z")
        XCTAssertEqual(render("`a${ \"`\" }b`", .cLike), "S«`a${» S«\"`\"» S«}b`»")
        XCTAssertEqual(render("`${ /x}/.test(s) }`", .cLike), "S«`${» R«/x}/».test(s) S«}`»")
        XCTAssertEqual(render("`a\\`b` // c", .cLike), "S«`a\\`b`» C«// c»")
        XCTAssertEqual(render("`multi\nline ${x}\n`", .cLike), "S«`multi\nline ${»xS«}\n`»")
        XCTAssertEqual(render("f(`a`) / 2", .cLike), "f(S«`a`») / 2")
    }

    func testHashbang() {
        XCTAssertEqual(render("#!/usr/bin/env node\n/re/.test(x)", .cLike), "C«#!/usr/bin/env node»\nR«/re/».test(x)")
        XCTAssertEqual(render("a\n#!x", .cLike), "a\n#!x", "only on the first line")
    }

    // MARK: - Hostile input

    func testEmptyAndPlain() {
        XCTAssertEqual(Lexer.regions([UInt8](), family: .cLike), [])
        for family in [LexFamily.cLike, .css, .python, .sql, .markup, .json, .hash, .plain] {
            XCTAssertEqual(Lexer.regions([], family: family), [])
        }
        XCTAssertEqual(Lexer.regions(Array("a // 'b' \"c\"".utf8), family: .plain), [])
    }

    func testUnterminatedAtEOF() {
        XCTAssertEqual(render("a /* b", .cLike), "a C«/* b»")
        XCTAssertEqual(render("x = `abc ${", .cLike), "x = S«`abc ${»")
        XCTAssertEqual(render("x = `abc\nd", .cLike), "x = S«`abc\nd»")
        XCTAssertEqual(render("x = /abc", .cLike), "x = R«/abc»")
        XCTAssertEqual(render("x = 'abc", .cLike), "x = S«'abc»")
        XCTAssertEqual(render("/*", .cLike), "C«/*»")
        XCTAssertEqual(render("/", .cLike), "R«/»")
        XCTAssertEqual(render("a /", .cLike), "a /")
    }

    func testLoneBackslashAtEOF() {
        XCTAssertEqual(render("'abc\\", .cLike), "S«'abc\\»")
        XCTAssertEqual(render("`abc\\", .cLike), "S«`abc\\»")
        XCTAssertEqual(render("x = /\\", .cLike), "x = R«/\\»")
        XCTAssertEqual(render("\\", .cLike), "\\")
        XCTAssertEqual(render("'''a\\", .python), "S«'''a\\»")
        XCTAssertEqual(render("E'a\\", .sql), "S«E'a\\»")
        XCTAssertEqual(render("\"a\\", .hash), "S«\"a\\»")
    }

    func testCRLF() {
        XCTAssertEqual(render("a // c\r\nb = 'x'\r\n", .cLike), "a C«// c»\r\nb = S«'x'»\r\n")
        XCTAssertEqual(render("'ab\r\nc", .cLike), "S«'ab»\r\nc")
        XCTAssertEqual(render("x = 1 # c\r\ny = 'z'\r\n", .python), "x = 1 C«# c»\r\ny = S«'z'»\r\n")
        XCTAssertEqual(render("-- c\r\nSELECT 1", .sql), "C«-- c»\r\nSELECT 1")
        XCTAssertEqual(render("a: 1 # c\r\n# d\r\n", .hash), "a: 1 C«# c»\r\nC«# d»\r\n")
    }

    func testInvalidUTF8AndNUL() {
        let bytes: [UInt8] = [0xFF, 0x00, 0x22, 0xC3, 0x00, 0x22, 0x2F, 0x2F, 0xFE, 0x0A, 0x80]
        XCTAssertEqual(Lexer.regions(bytes, family: .cLike), [
            Region(start: 2, end: 6, kind: .string),
            Region(start: 6, end: 9, kind: .comment),
        ])
        XCTAssertEqual(Lexer.regions(bytes, family: .json).count, 2)
        XCTAssertEqual(Lexer.regions([0x00, 0x27, 0x00], family: .python), [Region(start: 1, end: 3, kind: .string)])
    }

    func testDeeplyNestedTemplates() {
        for depth in [10, 63, 64, 65, 200] {
            let src = String(repeating: "`${", count: depth) + "x" + String(repeating: "}`", count: depth) + " / 2"
            let bytes = Array(src.utf8)
            let regions = Lexer.regions(bytes, family: .cLike)
            assertValid(regions, count: bytes.count)
            if depth <= Lexer.maxTemplateDepth {
                XCTAssertEqual(Lexer.kind(at: 3 * depth, in: regions), .code, "x is code at depth \(depth)")
                XCTAssertEqual(regions.count, 2 * depth)
                XCTAssertEqual(Lexer.kind(at: bytes.count - 1, in: regions), .code, "trailing division at depth \(depth)")
            }
        }
    }

    func testFuzzNeverTrapsAndRegionsAreValid() {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("/*'\"`${}[]\\\n\r#-<>!a (),;=E r$$ ".utf8) + [0x00, 0xFF, 0xC3]
        let families: [LexFamily] = [.cLike, .css, .python, .sql, .markup, .json, .hash, .plain]
        var checked = 0
        for _ in 0..<400 {
            let len = Int(rng.next() % 200)
            var bytes = (0..<len).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if rng.next() % 4 == 0 { bytes = Array("<script>".utf8) + bytes + Array("</script>".utf8) }
            for family in families {
                let regions = Lexer.regions(bytes, family: family)
                assertValid(regions, count: bytes.count)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 400 * families.count)
    }

    // MARK: - kind(at:)

    func testKindAt() {
        let bytes = Array("a 'b' /*c*/ d".utf8)
        let regions = Lexer.regions(bytes, family: .cLike)
        XCTAssertEqual(Lexer.kind(at: 0, in: regions), .code)
        XCTAssertEqual(Lexer.kind(at: 2, in: regions), .string)
        XCTAssertEqual(Lexer.kind(at: 4, in: regions), .string)
        XCTAssertEqual(Lexer.kind(at: 5, in: regions), .code)
        XCTAssertEqual(Lexer.kind(at: 6, in: regions), .comment)
        XCTAssertEqual(Lexer.kind(at: 10, in: regions), .comment)
        XCTAssertEqual(Lexer.kind(at: 12, in: regions), .code)
        XCTAssertEqual(Lexer.kind(at: -1, in: regions), .code)
        XCTAssertEqual(Lexer.kind(at: 1000, in: regions), .code)
        XCTAssertEqual(Lexer.kind(at: 0, in: []), .code)
    }

    // MARK: - CSS

    func testCSS() {
        XCTAssertEqual(
            render("a { content: \"x/*y*/\"; } /* c */ b { background: url('a.png') }", .css),
            "a { content: S«\"x/*y*/\"»; } C«/* c */» b { background: url(S«'a.png'») }")
        XCTAssertEqual(render("a { b: c } // not a comment", .css), "a { b: c } // not a comment")
        XCTAssertEqual(render("/* open", .css), "C«/* open»")
    }

    // MARK: - Python

    func testPythonCommentsAndStrings() {
        XCTAssertEqual(render("x = 1  # it's\ns = \"a#b\"", .python), "x = 1  C«# it's»\ns = S«\"a#b\"»")
        XCTAssertEqual(render("a = '' + \"\"", .python), "a = S«''» + S«\"\"»")
        XCTAssertEqual(render("x = a or\"b\"", .python), "x = a orS«\"b\"»")
    }

    func testPythonTripleQuoted() {
        let src = "def f():\n    \"\"\"He said \"hi\" and 'bye'\"\"\"\n    return '''it's \"x\"'''  # done"
        XCTAssertEqual(
            render(src, .python),
            "def f():\n    S«\"\"\"He said \"hi\" and 'bye'\"\"\"»\n    return S«'''it's \"x\"'''»  C«# done»")
        XCTAssertEqual(render("s = \"\"\"a\n# not comment\n\"\"\"\n# c", .python), "s = S«\"\"\"a\n# not comment\n\"\"\"»\nC«# c»")
        XCTAssertEqual(render("'''abc", .python), "S«'''abc»")
        XCTAssertEqual(render("x = \"\"\"a\\\"\"\"b\"\"\" + c", .python), "x = S«\"\"\"a\\\"\"\"b\"\"\"» + c")
    }

    func testPythonPrefixes() {
        XCTAssertEqual(
            render(#"rb'\d' + f"{x}" + Br"y" + u'z' + RF'w'"#, .python),
            #"S«rb'\d'» + S«f"{x}"» + S«Br"y"» + S«u'z'» + S«RF'w'»"#)
        XCTAssertEqual(render(#"r'a\'b' + c"#, .python), #"S«r'a\'b'» + c"#)
        XCTAssertEqual(render(#"r"C:\" # c"#, .python), #"S«r"C:\" # c»"#, "raw: backslash still protects the quote")
    }

    // MARK: - SQL

    func testSQLCommentsAndStrings() {
        XCTAssertEqual(
            render("SELECT 'it''s' -- c\nFROM \"my--table\" /* a /* b */ c */ x", .sql),
            "SELECT S«'it''s'» C«-- c»\nFROM \"my--table\" C«/* a /* b */ c */» x")
        XCTAssertEqual(render(#"E'a\'b' || 'c' || e'\\'"#, .sql), #"S«E'a\'b'» || S«'c'» || S«e'\\'»"#)
        XCTAssertEqual(render(#"SELECT "it's" FROM t WHERE a = $1"#, .sql), #"SELECT "it's" FROM t WHERE a = $1"#)
        XCTAssertEqual(render("'a\\' -- x", .sql), "S«'a\\'» C«-- x»", "no backslash escapes without E")
    }

    func testSQLDollarQuoted() {
        let src = """
        CREATE FUNCTION f() RETURNS int AS $$
        BEGIN
          RAISE NOTICE 'it''s; here -- %', 1;
          RETURN 1;
        END;
        $$ LANGUAGE plpgsql; -- done
        """
        let body = """
        $$
        BEGIN
          RAISE NOTICE 'it''s; here -- %', 1;
          RETURN 1;
        END;
        $$
        """
        XCTAssertEqual(render(src, .sql), "CREATE FUNCTION f() RETURNS int AS S«\(body)» LANGUAGE plpgsql; C«-- done»")
        XCTAssertEqual(render("AS $body$ select '$$'; $body$;", .sql), "AS S«$body$ select '$$'; $body$»;")
        XCTAssertEqual(render("a$b$ 'x'", .sql), "a$b$ S«'x'»")
        XCTAssertEqual(render("$fn$ open", .sql), "S«$fn$ open»")
    }

    // MARK: - Markup

    func testMarkupScriptStyleAndComments() {
        let src = "<p>Hi</p><!-- note -->\n<script type=\"module\">\n  const s = \"</div>\"; // c\n</script>"
            + "<style>a { color: red } /* x */</style>"
        XCTAssertEqual(
            render(src, .markup),
            "<p>Hi</p>C«<!-- note -->»\n<script type=\"module\">\n  const s = S«\"</div>\"»; C«// c»\n</script>"
                + "<style>a { color: red } C«/* x */»</style>")
        XCTAssertEqual(render("<SCRIPT>x = 'a'</Script> 'b'", .markup), "<SCRIPT>x = S«'a'»</Script> 'b'")
        XCTAssertEqual(render("<p>don't // \"x\" /* y */</p>", .markup), "<p>don't // \"x\" /* y */</p>")
    }

    func testMarkupEdgeCases() {
        XCTAssertEqual(render("<script src=\"a.js\" />x = 'y'", .markup), "<script src=\"a.js\" />x = 'y'")
        XCTAssertEqual(render("Use a <script> tag, don't", .markup), "Use a <script> tag, don't")
        XCTAssertEqual(
            render("<template><div>{{ a }}</div></template>\n<script setup lang=\"ts\">\nconst r = /x/g\n</script>", .markup),
            "<template><div>{{ a }}</div></template>\n<script setup lang=\"ts\">\nconst r = R«/x/g»\n</script>")
        XCTAssertEqual(render("<!-- open", .markup), "C«<!-- open»")
        XCTAssertEqual(render("<scripts>'a'</scripts>", .markup), "<scripts>'a'</scripts>")
        XCTAssertEqual(render("<script>/*</script> 'x'", .markup), "<script>C«/*»</script> 'x'")
    }

    // MARK: - JSON

    func testJSON() {
        XCTAssertEqual(
            render("{\"a\": \"b\\\"c\", // c\n \"u\": \"http://x\"} /* d */", .json),
            "{S«\"a\"»: S«\"b\\\"c\"», C«// c»\n S«\"u\"»: S«\"http://x\"»} C«/* d */»")
        XCTAssertEqual(render("[1, 'a', 2/3]", .json), "[1, 'a', 2/3]")
    }

    // MARK: - Hash

    func testHashComments() {
        XCTAssertEqual(
            render("# top\nkey: value # c\nurl: http://x/#frag\nc: a#b\nname: 'single' # x\nq: \"d\\\"q\"", .hash),
            "C«# top»\nkey: value C«# c»\nurl: http://x/#frag\nc: a#b\nname: S«'single'» C«# x»\nq: S«\"d\\\"q\"»")
        XCTAssertEqual(render("msg: Don't # c", .hash), "msg: Don't C«# c»")
        XCTAssertEqual(render("a: \"abc\nb: 1 # c", .hash), "a: S«\"abc»\nb: 1 C«# c»")
        XCTAssertEqual(render("\tRUN x\t# c", .hash), "\tRUN x\tC«# c»")
    }

    func testHashTripleQuoted() {
        XCTAssertEqual(
            render("s = \"\"\"\nline \"x\" # no\n\"\"\"\nt = '''\nC:\\'''\n# c", .hash),
            "s = S«\"\"\"\nline \"x\" # no\n\"\"\"»\nt = S«'''\nC:\\'''»\nC«# c»")
        XCTAssertEqual(render("p = 'C:\\' # c", .hash), "p = S«'C:\\'» C«# c»", "single quotes take no escapes")
    }
}

/// A small deterministic generator for the fuzz test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
