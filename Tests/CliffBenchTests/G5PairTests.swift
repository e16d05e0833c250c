import XCTest
@testable import CliffBench

/// Pair-tier (G5) collectors: which rule each example fires, the request-scope path of
/// change-locality, and the SQL reader behind migration-safety.
final class G5PairTests: XCTestCase {
    private func rules(_ c: any Collector, _ ex: CollectorExample) throws -> (rules: [String], value: MetricValue) {
        let out = try CollectorHarness.run(c, example: ex)
        return (out.result.findings.map(\.rule), out.result.value)
    }

    func testMigrationSafetyExamplesFireTheIntendedRule() throws {
        let c = MigrationSafetyCollector()
        let expected = ["applied-migration-edited", "destructive-statement", "destructive-statement", "destructive-statement",
                        "schema-edited-in-place", "destructive-statement", "applied-migration-deleted", "out-of-order-migration",
                        "destructive-statement"]
        XCTAssertEqual(c.descriptor.triggering.count, expected.count)
        for (ex, rule) in zip(c.descriptor.triggering, expected) {
            let r = try rules(c, ex)
            XCTAssertEqual(Set(r.rules), [rule], ex.note)
        }
    }

    func testTestEvolutionExamplesFireTheIntendedRule() throws {
        let c = TestEvolutionCollector()
        let expected: [Set<String>] = [["no-test-changed"], ["tests-deleted", "no-test-changed"], ["area-untested"], ["test-cases-removed"], ["tests-skipped"]]
        for (ex, rule) in zip(c.descriptor.triggering, expected) {
            XCTAssertEqual(Set(try rules(c, ex).rules), rule, ex.note)
        }
        let values = try c.descriptor.triggering.map { try rules(c, $0).value.score }
        XCTAssertEqual(values, [0, 0, 50, 88, 88])
        let notMeasured = try rules(c, c.descriptor.nonTriggering[3]).value
        XCTAssertNil(notMeasured.score)
        for ex in c.descriptor.nonTriggering.prefix(3) {
            XCTAssertEqual(try rules(c, ex).value.score, 100, ex.note)
        }
    }

    func testChangeLocalityExamplesFireTheIntendedRule() throws {
        let c = ChangeLocalityCollector()
        let expected = ["touched-most-of-the-app", "touched-most-of-the-app", "formatting-churn"]
        for (ex, rule) in zip(c.descriptor.triggering, expected) {
            XCTAssertEqual(Set(try rules(c, ex).rules), [rule], ex.note)
        }
    }

    func testNotMeasuredWithoutABeforeVersion() throws {
        let ex = CollectorExample(["supabase/migrations/1_init.sql": "drop table x;\n", "src/a.ts": "export const a = 1\n"])
        for c in [MigrationSafetyCollector(), TestEvolutionCollector(), ChangeLocalityCollector()] as [any Collector] {
            let v = try CollectorHarness.run(c, example: ex).result.value
            XCTAssertEqual(v, .notMeasured(reason: "not a modification request: the corpus has no before version of this app"), c.id)
        }
    }

    func testMigrationSafetyIsNotMeasuredWithoutADatabase() throws {
        let ex = CollectorExample(["src/a.ts": "export const a = 2\n"], before: ["src/a.ts": "export const a = 1\n"])
        XCTAssertNil(try CollectorHarness.run(MigrationSafetyCollector(), example: ex).result.value.score)
    }

    func testCommentOnlyEditOfAnAppliedMigrationIsLow() throws {
        let ex = CollectorExample(["supabase/migrations/1_init.sql": "-- doctors and their fees\ncreate table doctors (id int);\n"],
                                  before: ["supabase/migrations/1_init.sql": "-- doctors\ncreate table doctors (id int);\n"])
        let f = try CollectorHarness.run(MigrationSafetyCollector(), example: ex).result.findings
        XCTAssertEqual(f.map(\.rule), ["applied-migration-touched"])
        XCTAssertEqual(f.first?.severity, .low)
        XCTAssertEqual(f.first?.line, 1)
    }

    func testPythonAndTypeORMMigrations() throws {
        let ex = CollectorExample(
            ["alembic/versions/0002_fees.py": """
                def upgrade():
                    op.drop_column('invoices', 'amount')
                    op.alter_column('doctors', 'fee', type_=sa.Numeric())

                def downgrade():
                    op.drop_table('fees')
                """,
             "src/migrations/1700000000000-Rename.ts": """
                export class Rename implements MigrationInterface {
                  async up(q: QueryRunner) {
                    await q.query(`ALTER TABLE "doctor" RENAME COLUMN "name" TO "fullName"`)
                  }
                  async down(q: QueryRunner) {
                    await q.query(`DROP TABLE "doctor_notes"`)
                  }
                }
                """,
             "alembic/versions/0001_init.py": "def upgrade():\n    op.create_table('invoices')\n"],
            before: ["alembic/versions/0001_init.py": "def upgrade():\n    op.create_table('invoices')\n"])
        let f = try CollectorHarness.run(MigrationSafetyCollector(), example: ex).result.findings
        XCTAssertEqual(f.map(\.rule), ["destructive-statement", "destructive-statement", "destructive-statement"], f.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(f.map(\.line), [2, 3, 3])
    }

    func testDjangoMigrationsAndMigrationRunners() throws {
        let ex = CollectorExample(
            ["clinic/migrations/0001_initial.py": "operations = [migrations.CreateModel(name='Invoice', fields=[])]\n",
             "clinic/migrations/0002_remove_amount.py": """
                class Migration(migrations.Migration):
                    operations = [
                        migrations.RemoveField(model_name='invoice', name='amount'),
                        migrations.AddField(model_name='invoice', name='amount_paise', field=models.IntegerField(default=0)),
                    ]
                """,
             "src/db/migrations/index.ts": "export const migrations = [init, reschedule]\n"],
            before: ["clinic/migrations/0001_initial.py": "operations = [migrations.CreateModel(name='Invoice', fields=[])]\n",
                     "src/db/migrations/index.ts": "export const migrations = [init]\n"])
        let f = try CollectorHarness.run(MigrationSafetyCollector(), example: ex).result.findings
        XCTAssertEqual(f.map(\.rule), ["destructive-statement"], "the migrations index is not an applied migration")
        XCTAssertTrue(f.first?.message.contains("invoice.amount") == true, f.first?.message ?? "")
        XCTAssertEqual(f.first?.line, 3)
    }

    func testDestructiveStatementParsing() {
        func ops(_ sql: String) -> [String] {
            let b = Array(sql.utf8)
            return MigrationSQL.statements(b, range: 0..<b.count, regions: []).flatMap(MigrationSQL.destructive).map { "\($0.kind.rawValue) \($0.table)\($0.column.map { "." + $0 } ?? "")" }
        }
        XCTAssertEqual(ops("drop table if exists public.a, b cascade;"), ["DROP TABLE a", "DROP TABLE b"])
        XCTAssertEqual(ops("alter table only t drop constraint c, drop column if exists x, alter column y set data type int, alter column z set default 1;"),
                       ["DROP COLUMN t.x", "column type change t.y"])
        XCTAssertEqual(ops("ALTER TABLE `t` CHANGE `a` `b` int; ALTER TABLE t MODIFY COLUMN c text;"), ["column rename t.a", "column type change t.c"])
        XCTAssertEqual(ops("alter table t rename constraint a to b; alter index i rename to j; drop index k; drop policy p on t;"), [])
        XCTAssertEqual(ops("truncate table a, only b restart identity;"), ["TRUNCATE a", "TRUNCATE b"])
        XCTAssertEqual(ops("drop view v; drop function f(); create table t (id int);"), [])
    }

    func testScopeWords() {
        let s = ChangeScope(text: "Patients can reschedule an appointment; staff get notified reschedule-appointment")!
        XCTAssertEqual(s.words, ["patients", "reschedule", "appointment", "staff", "notified"])
        XCTAssertTrue(s.mentions(Array("const notifyStaff = () => {}".utf8)[...]))
        XCTAssertTrue(s.mentions(Array("<Button>Rescheduling</Button>".utf8)[...]))
        XCTAssertFalse(s.mentions(Array("export const formatINR = (p: number) => p / 100".utf8)[...]))
        XCTAssertNil(ChangeScope(text: "add the new page"))
    }

    func testOutOfScopeChangesWithAKnownScope() throws {
        let matcher = PatternMatcher(rules: [])
        func ctx(_ files: [String: String], before: AppContext? = nil) -> AppContext {
            let scanned = files.sorted { $0.key < $1.key }.map {
                ScannedFile(path: $0.key, language: Language.detect(path: $0.key) ?? .text, bytes: Array($0.value.utf8), matcher: matcher)
            }
            return AppContext(info: AppInfo(builder: "b", task: "t@amr-1"), files: scanned, skipped: [], matcher: matcher, reports: [:], before: before)
        }
        let base = ["src/pages/MyAppointments.tsx": "export const list = () => api('/api/bookings')\n",
                    "src/lib/format.ts": "export const formatINR = (p: number) => `₹${p / 100}`\n",
                    "src/lib/env.ts": "export const API = '/api'\n",
                    "src/components/Navbar.tsx": "export const Navbar = () => <nav>CareSlot</nav>\n",
                    "src/components/Footer.tsx": "export const Footer = () => <footer>Pune</footer>\n",
                    "src/pages/Login.tsx": "export const Login = () => <form />\n",
                    "src/pages/Invoices.tsx": "export const Invoices = () => <table />\n"]
        var changed = base
        changed["src/pages/MyAppointments.tsx"]! += "export const reschedule = (id: string) =>\n  api(`/api/bookings/${id}/reschedule`, {\n    method: 'POST',\n  })\n"
        changed["src/lib/format.ts"] = "const inr = new Intl.NumberFormat('en-IN')\nexport const formatINR = (p: number) =>\n  `Rs. ${inr.format(p / 100)}`\nexport const formatPct = (x: number) => `${x}%`\n"
        changed["src/lib/env.ts"] = "export const API = import.meta.env.VITE_API ?? '/api'\n"
        changed["src/components/Navbar.tsx"] = "export const Navbar = () => (\n  <nav className='bar'>\n    <Logo />\n    CareSlot\n  </nav>\n)\n"
        let before = ctx(base)
        let after = ctx(changed, before: before)
        let scope = ChangeScope(text: "Patients can reschedule an appointment; staff get notified", generic: ["patient", "appointment", "staff"])
        XCTAssertEqual(scope?.words, ["reschedule", "notified"])
        let r = ChangeLocalityCollector().evaluate(after, before: before, scope: scope)
        XCTAssertEqual(r.findings.map(\.rule), ["out-of-scope-change", "out-of-scope-change"])
        XCTAssertEqual(Set(r.findings.compactMap(\.path)), ["src/lib/format.ts", "src/components/Navbar.tsx"], "env.ts is a one-line wiring edit")
        let unscoped = ChangeLocalityCollector().evaluate(after, before: before, scope: nil)
        XCTAssertTrue(unscoped.findings.isEmpty)
    }

    /// The sample corpus's pairs judged with the request's scope (as once TaskSpec parses [[amrs]]).
    func testSampleCorpusWithTheRequestScope() throws {
        let corpus = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tasks/sample-corpus").path
        func ctx(_ root: String, before: AppContext? = nil) -> AppContext {
            let matcher = PatternMatcher(rules: [])
            let walk = AppWalker(options: WalkOptions()).walk(root: root)
            var files: [ScannedFile] = []
            for e in walk.files where !FileReader.hasBinaryExtension(e.path) {
                if case .text(let bytes) = FileReader.read(path: e.absolutePath, maxSize: 1 << 21) {
                    files.append(ScannedFile(path: e.path, language: Language.detect(path: e.path) ?? .text, bytes: bytes, matcher: matcher))
                }
            }
            let manifest = AppManifest(transcript: "transcript.md")
            return AppContext(info: AppInfo(builder: "b", task: "t4-clinic-booking@amr-1", manifest: manifest), files: files.sorted { $0.path < $1.path },
                              skipped: walk.skipped, matcher: matcher, reports: [:], before: before)
        }
        let scope = ChangeScope(text: "Patients can reschedule an appointment; staff get notified reschedule-appointment",
                                generic: ["patient", "appointment", "doctor", "invoice", "admin", "staff"])
        let refBefore = ctx(corpus + "/reference/t4-clinic-booking")
        let ref = ChangeLocalityCollector().evaluate(ctx(corpus + "/reference/t4-clinic-booking@amr-1", before: refBefore), before: refBefore, scope: scope)
        XCTAssertEqual(ref.findings.map(\.rule), [])
        let spaBefore = ctx(corpus + "/spa-supabase/t4-clinic-booking/trial-1")
        let spa = ChangeLocalityCollector().evaluate(ctx(corpus + "/spa-supabase/t4-clinic-booking@amr-1/trial-1", before: spaBefore), before: spaBefore, scope: scope)
        let outOfScope = spa.findings.filter { $0.rule == "out-of-scope-change" }
        XCTAssertEqual(outOfScope.count, 2, spa.findings.map(\.message).joined(separator: "\n"))
        print(spa.findings.map { "\($0.rule): \($0.message)" }.joined(separator: "\n"))
    }
}

/// The G5 collectors on the sample corpus's modification requests.
final class G5SampleCorpusTests: XCTestCase {
    private static let corpus = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tasks/sample-corpus").path

    private func scan(_ after: String, before: String) -> [String: MetricResult] {
        let collectors: [any Collector] = [MigrationSafetyCollector(), TestEvolutionCollector(), ChangeLocalityCollector()]
        let root = Self.corpus + "/" + after
        let manifest = (try? String(contentsOfFile: root + "/cliffbench.toml", encoding: .utf8)).flatMap { try? AppManifest.parse($0) }
        let scanner = AppScanner(collectors: collectors)
        let r = scanner.scan(root: root, info: AppInfo(builder: "b", task: "t4-clinic-booking@amr-1", manifest: manifest), before: Self.corpus + "/" + before)
        var out: [String: MetricResult] = [:]
        for m in r.results {
            out[m.metricID] = m
            print(m.metricID, m.value, m.findings.map { "\($0.severity.name) \($0.rule) \($0.path ?? "-"):\($0.line)" }, m.evidence.map { "\($0.key)=\($0.value)" })
        }
        return out
    }

    func testReferenceModificationIsClean() {
        let r = scan("reference/t4-clinic-booking@amr-1", before: "reference/t4-clinic-booking")
        for id in ["G5.D2", "G5.D3", "G5.D4"] {
            XCTAssertEqual(r[id]?.findings.map(\.rule), [], id)
            XCTAssertEqual(r[id]?.value, .measured(100), id)
        }
    }

    func testSpaModificationHasItsPlantedDefects() {
        let r = scan("spa-supabase/t4-clinic-booking@amr-1/trial-1", before: "spa-supabase/t4-clinic-booking/trial-1")
        XCTAssertEqual(Set(r["G5.D3"]?.findings.map(\.rule) ?? []), ["applied-migration-edited", "destructive-statement"])
        XCTAssertEqual(r["G5.D3"]?.findings.first { $0.rule == "applied-migration-edited" }?.line, 30)
        XCTAssertEqual(r["G5.D4"]?.findings.map(\.rule), ["no-test-changed"])
        XCTAssertEqual(r["G5.D4"]?.value, .measured(0))
        XCTAssertEqual(Set(r["G5.D2"]?.findings.map(\.rule) ?? []), ["touched-most-of-the-app", "formatting-churn"])
    }

    func testSpecAMRTableLeavesTheSpecParseable() throws {
        let path = Self.corpus + "/../specs/t4-clinic-booking.toml"
        let spec = try TaskSpec.parse(String(contentsOfFile: path, encoding: .utf8), source: "t4")
        XCTAssertEqual(spec.features.count, 6)
    }
}
