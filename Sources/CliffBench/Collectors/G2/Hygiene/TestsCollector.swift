import Foundation

/// G2.D6: whether the app is tested. Test files (FileRole.test program files), the test-to-code ratio
/// (test lines over the app's own program lines, vendored shadcn/ui components and generated database
/// types left out), a test command that runs them (a `test` script that is not npm's placeholder, or a
/// pytest configuration or dependency), and test cases that assert nothing (`it`/`test` callbacks and
/// Python `test_` functions with no expect/assert/should — `expect(true).toBe(true)`, `expect(1 + 1).toBe(2)`
/// and `assert 1 + 1 == 2` count as nothing).
/// No tests at all is a high finding and a low score, not "not measured"; not measured only when the app
/// has no program files. Score: 55% ratio (full at 0.4), 20% wired runner, 25% share of asserting tests.
public struct TestsCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.D6", slug: "tests", kind: .diagnostic, methods: "S",
        measures: "test files, test-to-code ratio, a wired test script, tests that assert nothing",
        severity: .medium, remediation: RemediationCost(baseHours: 8, perFindingHours: 1),
        triggering: [
            CollectorExample(["src/App.tsx": "export default function App() { return <main>Booking</main> }\n",
                              "package.json": #"{ "scripts": { "dev": "vite", "test": "echo \"Error: no test specified\" && exit 1" } }"#],
                             note: "no tests at all"),
            CollectorExample(["src/lib/price.ts": "export const total = (a: number, b: number) => a + b\n",
                              "src/lib/price.test.ts": """
                                import { total } from "./price"
                                ↓it("adds", () => {
                                  total(1, 2)
                                })
                                ↓test("works", () => { expect(true).toBe(true) })
                                """,
                              "package.json": #"{ "scripts": { "test": "vitest run" } }"#],
                             note: "tests that assert nothing"),
            CollectorExample(["src/lib/price.ts": "export const total = (a: number, b: number) => a + b\n",
                              "src/lib/price.test.ts": "import { total } from './price'\nit('adds', () => expect(total(1, 2)).toBe(3))\n",
                              "package.json": #"{ "scripts": { "dev": "vite" } }"#],
                             note: "tests that no script runs"),
            CollectorExample(["src/lib/price.ts": "export const total = (a: number, b: number) => a + b\n",
                              "src/lib/price.test.ts": "import { total } from './price'\nit('adds', () => expect(total(1, 2)).toBe(3))\n",
                              "src/example.test.ts": "import { expect, it } from 'vitest'\n↓it('works', () => {\n  expect(1 + 1).toBe(2)\n})\n",
                              "package.json": #"{ "scripts": { "test": "vitest run" } }"#],
                             note: "the scaffold's sanity test asserts constant arithmetic"),
            CollectorExample(["app.py": "def total(a, b):\n    return a + b\n",
                              "tests/test_app.py": "def test_total():\n    total(1, 2)\n\ndef test_ok():\n    assert True\n",
                              "requirements.txt": "flask==3.0.3\npytest==8.3.3\n"],
                             note: "Python tests without real assertions"),
        ],
        nonTriggering: [
            CollectorExample(["src/lib/price.ts": "export const total = (a: number, b: number) => a + b\n",
                              "src/lib/price.test.ts": """
                                import { total } from "./price"
                                describe("total", () => {
                                  it("adds", () => {
                                    expect(total(1, 2)).toBe(3)
                                  })
                                  it.todo("handles currency")
                                  test("renders", async () => { render(<Price />); await screen.findByText("₹3") })
                                })
                                """,
                              "package.json": #"{ "scripts": { "test": "vitest run" } }"#],
                             note: "asserting tests run by a test script"),
            CollectorExample(["app.py": "def total(a, b):\n    return a + b\n",
                              "tests/test_app.py": "import pytest\n\ndef test_total():\n    assert total(1, 2) == 3\n\ndef test_raises():\n    with pytest.raises(TypeError):\n        total(1)\n",
                              "pyproject.toml": "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n"],
                             note: "pytest with assertions"),
            CollectorExample(["server/app.ts": "export const health = () => ({ ok: true })\n",
                              "server/app.test.ts": "import request from 'supertest'\nit('answers', async () => { await request(app).get('/health').expect(200) })\n",
                              "package.json": #"{ "scripts": { "test:unit": "vitest run" } }"#],
                             note: "supertest's expect and a test:unit script"),
        ])

    /// Per test file: lines and the test cases that assert nothing.
    struct TestFacts: Sendable {
        var cases = 0
        var empty: [(offset: Int, trivial: Bool)] = []
    }

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard file.role == .test, file.language.isProgram else { return nil }
        var facts = TestFacts()
        if file.language == .python {
            for def in Hygiene.pythonDefs(file) where def.name.hasPrefix("test") {
                facts.cases += 1
                let body = file.string(def.body)
                if let trivial = Self.pythonAssertsNothing(body) { facts.empty.append((def.offset, trivial)) }
            }
        } else {
            javascript(file, &facts)
        }
        return FileReport(measures: ["lines": Double(file.lineCount)], payload: facts)
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let program = app.files.filter { Hygiene.isShippedProgram($0) && !Self.vendoredOrGenerated($0.path) }
        guard !program.isEmpty else {
            return .notMeasured(d.id, "the app has no program files of its own to test")
        }
        let testFiles = app.files.filter { $0.role == .test && $0.language.isProgram }
        let programLines = Hygiene.lines(program)
        let testLines = Hygiene.lines(testFiles)
        let ratio = Double(testLines) / Double(max(1, programLines))

        var findings: [Finding] = []
        var cases = 0, empty = 0
        for (file, report) in app.reports(for: d.id) {
            guard let facts = report.payload as? TestFacts else { continue }
            cases += facts.cases
            for e in facts.empty {
                empty += 1
                findings.append(Finding.at(d, rule: "assertion-free-test", file: file, offset: e.offset, severity: .low,
                    message: e.trivial
                        ? "This test only asserts a constant (expect(true).toBe(true) or assert True): it passes whatever the code does. Assert on the behaviour under test."
                        : "This test asserts nothing: it passes as long as nothing throws, which gives false confidence. Add expect/assert calls on the result."))
            }
        }

        let manifests = NpmManifest.load(app)
        let runner = wiredRunner(app, manifests)
        var appFindings: [Finding] = []
        if testFiles.isEmpty {
            let script = manifests.first.map { m in m.scripts["test"].map { Self.isPlaceholder($0) ? " (package.json's test script is npm's placeholder)" : "" } ?? " (no test script)" } ?? ""
            appFindings.append(app.appFinding(d, rule: "no-tests", severity: .high,
                message: "The app has no tests\(script): every change, and every regeneration by the builder, can break booking, payment or auth flows unnoticed. Add unit tests for business rules and an API/integration test per critical flow, run by `npm test` / pytest in CI."))
        } else {
            if !runner.wired {
                appFindings.append(app.appFinding(d, rule: "test-script-not-wired", path: runner.path, severity: .medium,
                    message: runner.python
                        ? "Tests exist but no test runner is declared (no pytest configuration or dependency), so CI and other developers cannot run them the same way. Add pytest to the dev requirements and a [tool.pytest.ini_options] section."
                        : "Tests exist but package.json has no test script that runs them (missing, or npm's \"no test specified\" placeholder), so `npm test` and CI skip them. Point the test script at the runner (vitest run, jest)."))
            }
            if ratio < 0.1 {
                appFindings.append(app.appFinding(d, rule: "low-test-ratio", severity: .medium,
                    message: "Test code is \(Int((ratio * 100).rounded()))% of the program code (\(testLines) test lines for \(programLines) program lines): most of the app runs untested. Cover the business rules and each critical flow."))
            }
        }

        let ratioPart = min(1, (ratio / 0.4)).squareRoot()
        let assertPart = cases > 0 ? Double(cases - empty) / Double(cases) : 0
        let value = FindingScore.round1(100 * (0.55 * ratioPart + 0.2 * (runner.wired ? 1 : 0) + 0.25 * assertPart))
        return MetricResult(metricID: d.id, value: .measured(value), findings: appFindings + findings, evidence: [
            Evidence("test files", testFiles.count), Evidence("test lines", testLines), Evidence("program lines", programLines),
            Evidence("test-to-code ratio", String(format: "%.2f", ratio)), Evidence("test cases", cases),
            Evidence("cases asserting nothing", empty), Evidence("test runner wired", runner.wired ? "yes" : "no"),
        ])
    }

    /// shadcn/ui components and generated database types: not the app's own logic.
    static func vendoredOrGenerated(_ path: String) -> Bool {
        let p = "/" + path
        return p.contains("/components/ui/") || p.hasSuffix("/database.types.ts") || p.hasSuffix("/supabase/types.ts")
            || p.contains(".generated.") || p.contains("/__generated__/")
    }

    static func isPlaceholder(_ script: String) -> Bool {
        let s = script.trimmingCharacters(in: .whitespaces)
        return s.isEmpty || s.contains("no test specified") || s.hasPrefix("echo ") && !s.contains("&& vitest") && !s.contains("&& jest")
            || s == "exit 0" || s == "true"
    }

    private func wiredRunner(_ app: AppContext, _ manifests: [NpmManifest]) -> (wired: Bool, python: Bool, path: String?) {
        let jsTests = app.files.contains { $0.role == .test && $0.language.isJSFamily }
        let pyTests = app.files.contains { $0.role == .test && $0.language == .python }
        var wired = false
        if jsTests || !pyTests {
            wired = manifests.contains { m in m.scripts.contains { k, v in (k == "test" || k.hasPrefix("test:")) && !Self.isPlaceholder(v) } }
            if jsTests || manifests.count > 0 { return (wired, false, manifests.first?.path) }
        }
        if app.files(named: "pytest.ini").count > 0 || app.files(named: "tox.ini").count > 0 || app.files(named: "conftest.py").count > 0 { return (true, true, nil) }
        for f in app.files(named: "pyproject.toml") + app.files(named: "setup.cfg") where f.contains("pytest") { return (true, true, nil) }
        for f in app.files where (f.path.hasSuffix(".txt") && f.path.lowercased().contains("requirements")) || f.path.hasSuffix("Pipfile") {
            if f.contains("pytest", caseInsensitive: true) { return (true, true, nil) }
        }
        return (wired, true, nil)
    }

    // MARK: JavaScript test cases

    private static let testCallees: Set<String> = ["it", "test", "it.only", "test.only", "it.concurrent", "test.concurrent", "specify"]
    private static let markers = ["expect", "assert", "should", ".to.", "tobe", "toequal", "tohave", "tomatch", "tothrow", "t.is(", "t.deepequal", "t.true",
                                  "t.truthy", "cy.", "getby", "findby", "getallby", "findallby", "rejects", "resolves", "verify", "check", "fail(", "snapshot"]

    private func javascript(_ file: ScannedFile, _ facts: inout TestFacts) {
        let code = Hygiene.Code(file)
        let b = file.bytes
        guard file.contains("it(", in: .code) || file.contains("test(", in: .code) || file.contains("specify(", in: .code) else { return }
        let s = Hygiene.JSStructure.of(file)
        var functionsByCall: [Int: Hygiene.JSBlock] = [:]
        for blk in s.blocks where blk.kind == .function {
            if let c = blk.callOpen, functionsByCall[c] == nil { functionsByCall[c] = blk }
        }
        for open in s.parens.keys.sorted() {
            guard let callee = Hygiene.callee(code, callOpen: open), Self.testCallees.contains(callee.text), let close = s.parens[open] else { continue }
            let args = Hygiene.arguments(code, open: open, close: close)
            guard args.count >= 2 else { continue }
            facts.cases += 1
            let bodyRange: Range<Int>
            if let blk = functionsByCall[open] {
                bodyRange = blk.body
            } else {
                // A concise arrow `() => expect(…)`: the argument after the name.
                bodyRange = args[1].lowerBound..<args.last!.upperBound
            }
            let lower = file.string(bodyRange).lowercased()
            let hasMarker = Self.markers.contains { lower.contains($0) }
            if !hasMarker {
                facts.empty.append((callee.start, false))
            } else if Self.onlyTrivialExpects(code, bodyRange, b) {
                facts.empty.append((callee.start, true))
            }
        }
    }

    /// Every assertion is `expect(<literal>)` and nothing else asserts.
    private static func onlyTrivialExpects(_ code: Hygiene.Code, _ range: Range<Int>, _ b: [UInt8]) -> Bool {
        let lower = code.text(range).lowercased()
        let others = markers.filter { !["expect", "tobe", "toequal"].contains($0) }
        if others.contains(where: { lower.contains($0) }) { return false }
        let expects = code.allCode("expect(", in: range, wordStart: true)
        guard !expects.isEmpty else { return false }
        for e in expects {
            // supertest's `.expect(200)` asserts on the response.
            if e > 0, b[e - 1] == 0x2E { return false }
            let argStart = e + 7
            var k = argStart
            while k < range.upperBound && b[k] != 0x29 { k += 1 }
            let arg = code.text(argStart..<k).trimmingCharacters(in: .whitespaces)
            if !isLiteral(arg) { return false }
        }
        return true
    }

    static func isLiteral(_ s: String) -> Bool {
        if ["true", "false", "null", "undefined", "True", "False", "None"].contains(s) { return true }
        if !s.isEmpty && s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return true }
        // Constant arithmetic: `expect(1 + 1).toBe(2)`, `assert 2 * 3 == 6`.
        if s.contains(where: { $0.isNumber }) && s.allSatisfy({ $0.isNumber || " .+-*/%()".contains($0) }) { return true }
        if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" || f == "`", !s.contains("${") { return true }
        return false
    }

    /// nil when the Python test body asserts; true when its only asserts are constants; false when it has none.
    static func pythonAssertsNothing(_ body: String) -> Bool? {
        let lower = body.lowercased()
        let markers = ["pytest.raises", "self.assert", ".assert_", "raises(", "expect(", "pytest.fail", "verify", "check"]
        if markers.contains(where: { lower.contains($0) }) { return nil }
        var asserts: [String] = []
        for line in body.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("assert ") || t.hasPrefix("assert(") { asserts.append(String(t.dropFirst(6)).trimmingCharacters(in: .whitespaces)) }
        }
        if asserts.isEmpty { return false }
        let trivial = asserts.allSatisfy { a in
            let expr = a.split(separator: ",").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? a
            if isLiteral(expr) { return true }
            let sides = expr.components(separatedBy: "==").map { $0.trimmingCharacters(in: .whitespaces) }
            return sides.count == 2 && isLiteral(sides[0]) && isLiteral(sides[1])
        }
        return trivial ? true : nil
    }
}
