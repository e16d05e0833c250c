import Foundation

/// G5.D4: whether tests were added or updated with a modification.
///
/// Pair tier. A program file (client/server/shared JS/TS/Python/Vue/Svelte, generated code and
/// versioned migrations excluded: a Knex or Alembic revision is checked by G5.D3, not by a unit
/// test) counts as changed when it is new or its code changed (edits to comments or layout
/// only do not count; see `CodeShape`). A test file counts as touched when it is new or its code
/// changed. Each changed program file belongs to an area, the first two components of its folder
/// (`src/pages`, `server`). An area is covered when one of its changed files sits in the same area as
/// a touched test, is imported by a touched test (relative, `@/` and `~/` imports, the alias read as
/// either `src/` or the project root; Python dotted imports), or imports a changed file so covered (the new logic a page relies on was extracted and
/// tested).
///
/// Value: the share of changed areas that are covered, reduced for each test deleted, test case
/// removed or test skipped. Findings: program code changed with no test touched at all (medium),
/// an uncovered area when some tests were touched (low), test files deleted (high; a test whose
/// file name still exists elsewhere in the after-app counts as moved), test cases removed from a
/// kept test file (medium, by counting `it(`/`test(`/`def test_`), tests newly skipped (medium).
///
/// Not measured without a before-version, or when no program file changed and no test was lost.
public struct TestEvolutionCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G5.D4", slug: "test-evolution", kind: .diagnostic, methods: "A", implemented: "A",
        measures: "tests added or updated with the change",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample(
                ["src/lib/booking.ts": "export function canBook(slot: Date, now: Date) {\n  return slot > now\n}\nexport function canReschedule(slot: Date, now: Date) {\n  return slot.getTime() - now.getTime() > 7_200_000\n}\n",
                 "src/lib/booking.test.ts": "import { canBook } from './booking'\nit('rejects past slots', () => { expect(canBook(new Date(0), new Date())).toBe(false) })\n"],
                before: ["src/lib/booking.ts": "export function canBook(slot: Date, now: Date) {\n  return slot > now\n}\n",
                         "src/lib/booking.test.ts": "import { canBook } from './booking'\nit('rejects past slots', () => { expect(canBook(new Date(0), new Date())).toBe(false) })\n"],
                note: "new logic, the existing test file left as it was"),
            CollectorExample(
                ["server/app.ts": "app.post('/api/bookings/:id/reschedule', reschedule)\napp.post('/api/bookings', book)\n"],
                before: ["server/app.ts": "app.post('/api/bookings', book)\n",
                         "server/app.test.ts": "import { app } from './app'\nit('books a slot', async () => { expect((await request(app).post('/api/bookings')).status).toBe(201) })\n"],
                note: "the test file deleted along with the change"),
            CollectorExample(
                ["server/app.ts": "app.post('/api/bookings/:id/reschedule', reschedule)\napp.post('/api/bookings', book)\n",
                 "server/app.test.ts": "import { app } from './app'\nit('reschedules', async () => { expect((await request(app).post('/api/bookings/1/reschedule')).status).toBe(200) })\n",
                 "src/pages/MyAppointments.tsx": "export default function MyAppointments() {\n  return <button onClick={openReschedule}>Reschedule</button>\n}\n"],
                before: ["server/app.ts": "app.post('/api/bookings', book)\n",
                         "server/app.test.ts": "import { app } from './app'\n",
                         "src/pages/MyAppointments.tsx": "export default function MyAppointments() {\n  return <p>No appointments</p>\n}\n"],
                note: "the server change is tested, the page change is not"),
            CollectorExample(
                ["server/slots.ts": "export const SLOT_MINUTES = 20\nexport const freeSlots = (taken: string[]) => all().filter((s) => !taken.includes(s))\n",
                 "server/slots.test.ts": """
                    import { freeSlots } from './slots'
                    it('lists free slots', () => { expect(freeSlots([])).toHaveLength(24) })
                    """],
                before: ["server/slots.ts": "export const SLOT_MINUTES = 15\nexport const freeSlots = (taken: string[]) => all().filter((s) => !taken.includes(s))\n",
                         "server/slots.test.ts": """
                    import { freeSlots } from './slots'
                    it('lists free slots', () => { expect(freeSlots([])).toHaveLength(32) })
                    it('hides taken slots', () => { expect(freeSlots(['09:00'])).not.toContain('09:00') })
                    it('never offers a slot twice', () => { expect(new Set(freeSlots([])).size).toBe(32) })
                    """],
                note: "failing test cases deleted instead of fixed"),
            CollectorExample(
                ["server/invoice.ts": "export const total = (fee: number) => Math.round(fee * 1.18)\n",
                 "server/invoice.test.ts": """
                    import { total } from './invoice'
                    ↓it.skip('adds 18% GST', () => { expect(total(500)).toBe(590) })
                    it('is an integer', () => { expect(Number.isInteger(total(333))).toBe(true) })
                    """],
                before: ["server/invoice.ts": "export const total = (fee: number) => fee * 1.18\n",
                         "server/invoice.test.ts": """
                    import { total } from './invoice'
                    it('adds 18% GST', () => { expect(total(500)).toBe(590) })
                    """],
                note: "a test switched off with .skip"),
        ],
        nonTriggering: [
            CollectorExample(
                ["src/lib/booking.ts": "export function canBook(slot: Date, now: Date) {\n  return slot > now\n}\nexport function canReschedule(slot: Date, now: Date) {\n  return slot.getTime() - now.getTime() > 7_200_000\n}\n",
                 "src/lib/booking.test.ts": "import { canBook, canReschedule } from './booking'\nit('rejects past slots', () => { expect(canBook(new Date(0), new Date())).toBe(false) })\nit('allows rescheduling up to 2 h before', () => { expect(canReschedule(new Date(9e12), new Date())).toBe(true) })\n"],
                before: ["src/lib/booking.ts": "export function canBook(slot: Date, now: Date) {\n  return slot > now\n}\n",
                         "src/lib/booking.test.ts": "import { canBook } from './booking'\nit('rejects past slots', () => { expect(canBook(new Date(0), new Date())).toBe(false) })\n"],
                note: "the new logic comes with a new test case in the same folder"),
            CollectorExample(
                ["src/pages/Reschedule.tsx": "import { rescheduleWindow } from '@/lib/reschedule'\nexport default function Reschedule() { return <p>{rescheduleWindow()}</p> }\n",
                 "src/lib/reschedule.ts": "export const rescheduleWindow = () => '2 hours'\n",
                 "tests/reschedule.test.ts": "import { rescheduleWindow } from '../src/lib/reschedule'\nit('explains the window', () => { expect(rescheduleWindow()).toBe('2 hours') })\n",
                 "src/App.tsx": "export default function App() { return null }\n"],
                before: ["src/App.tsx": "export default function App() { return null }\n"],
                note: "tests in a top-level tests/ folder cover what they import, and the page that uses the tested module"),
            CollectorExample(
                ["app/services/booking.py": "def can_reschedule(slot, now):\n    return (slot - now).total_seconds() > 7200\n",
                 "tests/test_booking.py": "from app.services.booking import can_reschedule\n\ndef test_window():\n    assert not can_reschedule(now, now)\n",
                 "tests/test_old.py": "def test_ping():\n    assert True\n"],
                before: ["app/services/booking.py": "def can_book(slot, now):\n    return slot > now\n",
                         "tests/unit/test_old.py": "def test_ping():\n    assert True\n"],
                note: "a Python test covers the module it imports; a moved test file is not a deleted one"),
            CollectorExample(
                ["server/app.ts": "// Handles bookings. Reschedule lands in the next release.\napp.post('/api/bookings', book)\n",
                 "README.md": "# Clinic\nRescheduling is coming.\n"],
                before: ["server/app.ts": "// Handles bookings.\napp.post('/api/bookings', book)\n",
                         "README.md": "# Clinic\n"],
                note: "only a comment and the docs changed: no program change to test (not measured)"),
            CollectorExample(
                ["lib/pricing.ts": "export const FREE_SHIPPING_FROM = 1499\nexport const shipping = (sub: number) => (sub === 0 || sub >= FREE_SHIPPING_FROM ? 0 : 79)\n",
                 "__tests__/pricing.test.ts": """
                    import { shipping } from '@/lib/pricing'
                    it.each([
                      [0, 0],
                      [500, 79],
                      [1499, 0],
                    ])('shipping on %i is %i', (sub, fee) => { expect(shipping(sub)).toBe(fee) })
                    """,
                 "app/cart/page.tsx": "import { FREE_SHIPPING_FROM } from '@/lib/pricing'\nexport default function Cart() { return <p>Free shipping from {FREE_SHIPPING_FROM}</p> }\n",
                 "db/migrations/20240305_free_shipping.js": "exports.up = (knex) => knex.schema.alterTable('settings', (t) => { t.integer('free_shipping_from') })\n"],
                before: ["lib/pricing.ts": "export const FREE_SHIPPING_FROM = 999\nexport const shipping = (sub: number) => (sub === 0 || sub >= FREE_SHIPPING_FROM ? 0 : 79)\n",
                         "__tests__/pricing.test.ts": """
                    import { shipping } from '@/lib/pricing'
                    it('charges shipping below the threshold', () => { expect(shipping(500)).toBe(79) })
                    it('charges nothing on an empty cart', () => { expect(shipping(0)).toBe(0) })
                    """,
                         "app/cart/page.tsx": "export default function Cart() { return <p>Cart</p> }\n"],
                note: "cases folded into an it.each table are not removed; `@/` is the project root in a Next.js app without src/; a new migration needs no unit test"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        guard let before = app.before else {
            return .notMeasured(d.id, "not a modification request: the corpus has no before version of this app")
        }
        let diff = PairDiff(after: app, before: before) { !G5Paths.isCorpusMetadata($0, app.info) }

        func isCode(_ f: ScannedFile) -> Bool { G5Paths.isProgram(f) && !G5Paths.isMigration(f.path) }
        var changed: [ScannedFile] = diff.added.filter { isCode($0) && !$0.bytes.isEmpty }
        changed += diff.modified.filter { isCode($0.after) && CodeShape.codeChanged($0.before, $0.after) }.map(\.after)
        var touchedTests: [ScannedFile] = diff.added.filter(G5Paths.isTest)
        touchedTests += diff.modified.filter { G5Paths.isTest($0.after) && CodeShape.codeChanged($0.before, $0.after) }.map(\.after)

        let afterTestNames = Set(app.files.filter(G5Paths.isTest).map { G5Paths.components($0.path).last ?? "" })
        let deletedTests = diff.deleted.filter { G5Paths.isTest($0) && !afterTestNames.contains(G5Paths.components($0.path).last ?? "") }

        var penalties: [Finding] = []
        if !deletedTests.isEmpty {
            let names = deletedTests.prefix(5).map(\.path).joined(separator: ", ") + (deletedTests.count > 5 ? ", …" : "")
            penalties.append(app.appFinding(d, rule: "tests-deleted", path: deletedTests[0].path, severity: .high,
                message: "The change deleted \(deletedTests.count) test file\(deletedTests.count == 1 ? "" : "s") (\(names)). \(deletedTests.count == 1 ? "What it checked is" : "What they checked is") now unguarded, and deleting tests is how a failing check gets hidden. Restore \(deletedTests.count == 1 ? "it" : "them"), and change tests only where the requested behaviour changed."))
        }
        for pair in diff.modified where G5Paths.isTest(pair.after) {
            let b = TestCases.count(pair.before), a = TestCases.count(pair.after)
            if a.cases < b.cases {
                penalties.append(app.appFinding(d, rule: "test-cases-removed", path: pair.after.path, severity: .medium,
                    message: "\(pair.after.path) has \(b.cases - a.cases) test case\(b.cases - a.cases == 1 ? "" : "s") fewer than before the change (\(b.cases) → \(a.cases)). Removing cases instead of updating them hides regressions: restore them or say in the change why the behaviour they checked is gone."))
            }
            if a.skips.count > b.skips.count, let at = a.skips.dropFirst(b.skips.count).first {
                penalties.append(Finding.at(d, rule: "tests-skipped", file: pair.after, offset: at, severity: .medium,
                    message: "The change switched off \(a.skips.count - b.skips.count) test\(a.skips.count - b.skips.count == 1 ? "" : "s") in \(pair.after.path) (skip/todo/x-prefix). A skipped test passes silently: fix the code or the test, and do not ship with the check disabled."))
            }
        }

        guard !changed.isEmpty || !penalties.isEmpty else {
            return .notMeasured(d.id, "the modification changed no program code (only comments, docs, config or data)",
                                evidence: [Evidence("files changed", diff.modified.count + diff.added.count + diff.deleted.count)])
        }

        let areas = Dictionary(grouping: changed, by: { G5Paths.group($0.path) })
        let covered = coveredAreas(changed: changed, tests: touchedTests, app: app)
        var findings: [Finding] = []
        let beforeHadTests = before.files.contains(where: G5Paths.isTest)
        if touchedTests.isEmpty && !changed.isEmpty {
            let list = areas.keys.sorted().prefix(6).joined(separator: ", ")
            findings.append(app.appFinding(d, rule: "no-test-changed", severity: .medium,
                message: "\(changed.count) program file\(changed.count == 1 ? "" : "s") changed (in \(list)) and no test file was added or changed\(beforeHadTests ? "" : "; the app had no tests before either"). The new behaviour is unchecked and the next change can break it unnoticed: add tests for what the request changed."))
        } else {
            for (area, files) in areas.sorted(by: { $0.key < $1.key }) where !covered.contains(area) {
                let names = files.prefix(3).map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }.joined(separator: ", ")
                findings.append(app.appFinding(d, rule: "area-untested", path: files[0].path, severity: .low,
                    message: "\(area): \(files.count) changed file\(files.count == 1 ? "" : "s") (\(names)\(files.count > 3 ? ", …" : "")) and no added or changed test covers \(files.count == 1 ? "it" : "them") (none in the folder, none importing \(files.count == 1 ? "it" : "them")). Add a test for the behaviour changed here."))
            }
        }
        findings += penalties

        var value = areas.isEmpty ? 100 : 100 * Double(areas.keys.filter { covered.contains($0) }.count) / Double(areas.count)
        for p in penalties { value *= 1 - FindingScore.weight(p.severity) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.round1(value)), methods: "A", findings: findings,
                            evidence: [Evidence("program files changed", changed.count), Evidence("areas changed", areas.count),
                                       Evidence("areas with a touched test", areas.keys.filter { covered.contains($0) }.count),
                                       Evidence("test files added or changed", touchedTests.count),
                                       Evidence("test files deleted", deletedTests.count),
                                       Evidence("test files before", before.files.filter(G5Paths.isTest).count)])
    }

    /// Areas with a changed file that a touched test covers (see the type's documentation).
    private func coveredAreas(changed: [ScannedFile], tests: [ScannedFile], app: AppContext) -> Set<String> {
        let changedByStem = Dictionary(changed.map { (ImportPaths.stem($0.path), $0) }, uniquingKeysWith: { a, _ in a })
        let testAreas = Set(tests.map { G5Paths.group($0.path) })
        var direct = Set<String>()
        for t in tests {
            for target in ImportPaths.targets(of: t) where changedByStem[target] != nil { direct.insert(target) }
        }
        for f in changed where testAreas.contains(G5Paths.group(f.path)) { direct.insert(ImportPaths.stem(f.path)) }
        var areas = Set<String>()
        for f in changed {
            let stem = ImportPaths.stem(f.path)
            if direct.contains(stem) || ImportPaths.targets(of: f).contains(where: direct.contains) {
                areas.insert(G5Paths.group(f.path))
            }
        }
        return areas
    }
}

/// Test cases and skip markers in a test file (code regions only). A table-driven case counts
/// once per row: `it.each([...])` / `test.each([...])` by the entries of its array (or the rows of
/// its template table), `@pytest.mark.parametrize(names, [...])` by the entries of its list, so
/// folding several cases into one table is not a removal.
enum TestCases {
    static func count(_ f: ScannedFile) -> (cases: Int, skips: [Int]) {
        func occurrences(_ lits: [String]) -> [Int] {
            lits.flatMap { lit in
                f.find(lit, in: .code, wordStart: true).filter { o in o == 0 || f.bytes[o - 1] != 0x2E }
            }.sorted()
        }
        var cases = occurrences(["it(", "test(", "it.concurrent(", "test.concurrent(", "it.only(", "test.only(", "def test_"]).count
        for lit in ["it.each", "test.each"] {
            for o in occurrences([lit]) { cases += rows(f, at: o + lit.utf8.count) ?? 1 }
        }
        for o in occurrences(["@pytest.mark.parametrize"]) {
            cases += max(0, (rows(f, at: o + 24) ?? 1) - 1)
        }
        let skips = occurrences(["it.skip(", "test.skip(", "describe.skip(", "xit(", "xtest(", "xdescribe(", "it.todo(", "test.todo(",
                                 "@pytest.mark.skip", "pytest.skip(", "@unittest.skip"])
        return (cases, skips)
    }

    /// The rows of the table a `.each` / `parametrize` at `i` runs over: the entries of the first
    /// array literal among its arguments, or the lines (header excluded) of a template table.
    /// Nil when the table is not written out (a variable, a generator).
    static func rows(_ f: ScannedFile, at start: Int) -> Int? {
        let b = f.bytes
        var i = start
        while i < b.count && ByteClass.isSpace(b[i]) { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == 0x60 {
            var lines = 0, content = false, j = i + 1
            while j < b.count && b[j] != 0x60 {
                if b[j] == 0x0A { if content { lines += 1 }; content = false } else if !ByteClass.isSpace(b[j]) { content = true }
                j += 1
            }
            if content { lines += 1 }
            return lines > 1 ? lines - 1 : nil
        }
        guard b[i] == 0x28 else { return nil }
        var depth = 0, j = i
        var entries = 0, pending = false
        var inArray = -1
        while j < b.count && j < i + 20_000 {
            defer { j += 1 }
            if f.kind(at: j) != .code {
                if inArray >= 0 && depth > inArray { pending = true }
                continue
            }
            let c = b[j]
            if c == 0x28 || c == 0x5B || c == 0x7B {
                if inArray >= 0 && depth == inArray + 1 { pending = true }
                if c == 0x5B && inArray < 0 && depth == 1 { inArray = depth }
                depth += 1
            } else if c == 0x29 || c == 0x5D || c == 0x7D {
                depth -= 1
                if inArray >= 0 && depth == inArray { return entries + (pending ? 1 : 0) }
                if depth == 0 { return nil }
            } else if inArray >= 0 && depth == inArray + 1 {
                if c == 0x2C { if pending { entries += 1 }; pending = false } else if !ByteClass.isSpace(c) { pending = true }
            }
        }
        return nil
    }
}

/// Module paths a file imports, resolved to app-relative paths without extension ("stems").
enum ImportPaths {
    /// "src/lib/format.ts" → "src/lib/format"; "src/lib/index.ts" → "src/lib".
    static func stem(_ path: String) -> String {
        var p = path
        if let dot = p.lastIndex(of: "."), !p[dot...].contains("/") { p = String(p[..<dot]) }
        for suffix in [".test", ".spec"] where p.hasSuffix(suffix) { p = String(p.dropLast(suffix.count)) }
        if p.hasSuffix("/index") { p = String(p.dropLast(6)) }
        if p.hasSuffix("/__init__") { p = String(p.dropLast(9)) }
        return p
    }

    /// Stems of the relative (`./`, `../`), `@/` and `~/` imports of a JS-family file, or the dotted
    /// `from a.b import` / `import a.b` modules of a Python file. The `@/` alias points at `src/` in
    /// Vite apps and at the project root in Next.js apps without `src/` (tsconfig `"@/*": ["./*"]`),
    /// so it yields both stems.
    static func targets(of f: ScannedFile) -> [String] {
        var out: [String] = []
        let dir = f.path.split(separator: "/").dropLast().map(String.init)
        if f.language == .python {
            for kw in ["from ", "import "] {
                for o in f.find(kw, in: .code, wordStart: true) {
                    var i = o + kw.utf8.count
                    let s = i
                    while i < f.bytes.count && (ByteClass.isIdentifier(f.bytes[i]) || f.bytes[i] == 0x2E) { i += 1 }
                    let module = f.string(s..<i)
                    guard !module.isEmpty, !module.hasPrefix(".") else { continue }
                    out.append(module.replacingOccurrences(of: ".", with: "/"))
                }
            }
            return out
        }
        for r in f.regions where r.kind == .string {
            let s = Int(r.start) + 1, e = Int(r.end) - 1
            guard e > s, e - s < 200 else { continue }
            let spec = f.string(s..<e)
            let roots: [[String]]
            if spec.hasPrefix("./") || spec.hasPrefix("../") {
                roots = [dir]
            } else if spec.hasPrefix("@/") || spec.hasPrefix("~/") {
                roots = [["src"], []]
            } else {
                continue
            }
            let rest = spec.hasPrefix("@/") || spec.hasPrefix("~/") ? String(spec.dropFirst(2)) : spec
            for root in roots {
                var parts = root
                for comp in rest.split(separator: "/") {
                    if comp == "." { continue }
                    if comp == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
                    parts.append(String(comp))
                }
                out.append(stem(parts.joined(separator: "/")))
            }
        }
        return out
    }
}
