import Foundation

/// G5.D3: whether a modification changed the database through new migrations rather than by
/// rewriting history, and whether its new migrations destroy data.
///
/// Pair tier. Every migration of the before-version counts as applied (the before-app is what was
/// deployed). Findings:
/// - an applied migration edited in its code (high: migration tools never re-run it, so existing
///   databases silently lack the change while fresh ones get it) or only in comments/white space
///   (low: checksum-verifying tools such as Prisma and Flyway refuse to continue);
/// - an applied migration deleted (high) or renamed (medium: the tool sees a new, unapplied migration);
/// - a new migration dated before the last applied one in the same folder (medium: Supabase CLI
///   refuses it, Drizzle skips it);
/// - in a new migration (code only: comments, literals and `down`/`downgrade` sections are ignored),
///   `DROP TABLE`, `DROP SCHEMA`, `DROP COLUMN`, `TRUNCATE`, a column type change, or a table/column
///   rename (medium), unless the table is created by this same change (no production data yet), its
///   rows were copied elsewhere first (`INSERT INTO … SELECT … FROM t`, SQLite table rebuilds), or a
///   view keeps the old table name alive;
/// - a SQL schema file outside the migration history (schema.sql), or schema.prisma, edited in
///   place while the change adds no migration (medium: nothing applies the edit to a live database).
///
/// Not measured without a before-version, or when neither version has SQL, a Prisma schema or migrations.
///
/// No shared matcher rules: the words a DDL check anchors on (drop, alter, rename) are common
/// trigrams in every JS file, while only the few new migrations of a modified app are read here.
public struct MigrationSafetyCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G5.D3", slug: "migration-safety", kind: .diagnostic, methods: "A", implemented: "A",
        measures: "new migrations added rather than applied ones edited; destructive statements flagged",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample(
                ["supabase/migrations/20240101000000_init.sql": """
                    create table public.appointments (
                      id uuid primary key default gen_random_uuid(),
                    ↓  starts_at timestamptz not null,
                      rescheduled_from timestamptz
                    );
                    """],
                before: ["supabase/migrations/20240101000000_init.sql": """
                    create table public.appointments (
                      id uuid primary key default gen_random_uuid(),
                      starts_at timestamptz not null
                    );
                    """],
                note: "a column added by editing the applied migration in place"),
            CollectorExample(
                ["supabase/migrations/20240101000000_init.sql": "create table public.patients (id uuid primary key, full_name text);\n",
                 "supabase/migrations/20240301000000_cleanup.sql": """
                    -- patients moved to profiles
                    ↓drop table public.patients cascade;
                    """],
                before: ["supabase/migrations/20240101000000_init.sql": "create table public.patients (id uuid primary key, full_name text);\n"],
                note: "a new migration drops a table that holds production data"),
            CollectorExample(
                ["db/migrations/001_init.sql": "create table appointments (id serial primary key, slot text not null);\n",
                 "db/migrations/002_slot_time.sql": """
                    alter table appointments
                      ↓alter column slot type timestamptz using slot::timestamptz,
                      add column notes text;
                    """],
                before: ["db/migrations/001_init.sql": "create table appointments (id serial primary key, slot text not null);\n"],
                note: "a column type change in a new migration"),
            CollectorExample(
                ["prisma/migrations/20240101000000_init/migration.sql": """
                    CREATE TABLE "Appointment" ("id" TEXT NOT NULL, "startsAt" TIMESTAMP(3) NOT NULL, CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id"));
                    """,
                 "prisma/migrations/20240220000000_rename/migration.sql": """
                    ALTER TABLE "Appointment" ↓RENAME COLUMN "startsAt" TO "scheduledAt";
                    """,
                 "prisma/schema.prisma": "model Appointment {\n  id String @id\n  scheduledAt DateTime\n}\n"],
                before: ["prisma/migrations/20240101000000_init/migration.sql": """
                    CREATE TABLE "Appointment" ("id" TEXT NOT NULL, "startsAt" TIMESTAMP(3) NOT NULL, CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id"));
                    """,
                         "prisma/schema.prisma": "model Appointment {\n  id String @id\n  startsAt DateTime\n}\n"],
                note: "a column rename with no compatibility step: the running code still reads the old name during the deploy"),
            CollectorExample(
                ["db/schema.sql": """
                    create table doctors (id serial primary key, name text not null);
                    create table appointments (
                      id serial primary key,
                      doctor_id int not null references doctors(id),
                    ↓  starts_at timestamptz not null,
                      status text not null default 'booked'
                    );
                    """,
                 "server/db.js": "export const sql = postgres(process.env.DATABASE_URL)\n"],
                before: ["db/schema.sql": """
                    create table doctors (id serial primary key, name text not null);
                    create table appointments (
                      id serial primary key,
                      doctor_id int not null references doctors(id),
                      starts_at timestamptz not null
                    );
                    """,
                         "server/db.js": "export const sql = postgres(process.env.DATABASE_URL)\n"],
                note: "schema.sql edited in place, no migration: nothing applies the new column to the live database"),
            CollectorExample(
                ["migrations/20240101_init.js": "exports.up = (knex) => knex.schema.createTable('invoices', (t) => { t.increments(); t.integer('amount') })\nexports.down = (knex) => knex.schema.dropTable('invoices')\n",
                 "migrations/20240305_amounts.js": """
                    exports.up = async (knex) => {
                      await knex.schema.alterTable('invoices', (t) => {
                        t.integer('amount_paise')
                        t.↓dropColumn('amount')
                      })
                    }
                    exports.down = async (knex) => {
                      await knex.schema.alterTable('invoices', (t) => { t.dropColumn('amount_paise') })
                    }
                    """],
                before: ["migrations/20240101_init.js": "exports.up = (knex) => knex.schema.createTable('invoices', (t) => { t.increments(); t.integer('amount') })\nexports.down = (knex) => knex.schema.dropTable('invoices')\n"],
                note: "a Knex migration drops a column in its up step (the down step is a rollback and is not flagged)"),
            CollectorExample(
                ["supabase/migrations/20240401000000_all.sql": "create table public.doctors (id uuid primary key, name text);\ncreate table public.slots (id uuid primary key);\n"],
                before: ["supabase/migrations/20240101000000_doctors.sql": "create table public.doctors (id uuid primary key, name text);\n",
                         "supabase/migrations/20240201000000_slots.sql": "create table public.slots (id uuid primary key);\n"],
                note: "applied migrations deleted and squashed into a new one"),
            CollectorExample(
                ["supabase/migrations/20240501000000_init.sql": "create table public.doctors (id uuid primary key, name text);\n",
                 "supabase/migrations/20240301000000_fees.sql": "↓alter table public.doctors add column fee_paise integer not null default 0;\n"],
                before: ["supabase/migrations/20240501000000_init.sql": "create table public.doctors (id uuid primary key, name text);\n"],
                note: "a new migration dated before the last applied one"),
            CollectorExample(
                ["alembic/versions/0001_init.py": "def upgrade():\n    op.create_table('invoices', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('amount', sa.Float()))\n",
                 "alembic/versions/0002_amount.py": """
                    def upgrade():
                        op.↓alter_column('invoices', 'amount',
                                   existing_type=sa.DOUBLE_PRECISION(precision=53),
                                   type_=sa.Numeric(precision=12, scale=2),
                                   existing_nullable=False)

                    def downgrade():
                        op.alter_column('invoices', 'amount', existing_type=sa.Numeric(12, 2), type_=sa.Float())
                    """],
                before: ["alembic/versions/0001_init.py": "def upgrade():\n    op.create_table('invoices', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('amount', sa.Float()))\n"],
                note: "an autogenerated Alembic type change, with existing_type= (and its parentheses) before type_="),
        ],
        nonTriggering: [
            CollectorExample(
                ["supabase/migrations/20240101000000_init.sql": "create table public.appointments (id uuid primary key, starts_at timestamptz not null);\n",
                 "supabase/migrations/20240601000000_reschedule.sql": """
                    -- Reschedule support. Do not drop table appointments: history is kept.
                    alter table public.appointments add column rescheduled_from timestamptz;
                    create table public.reschedule_requests (
                      id uuid primary key default gen_random_uuid(),
                      appointment_id uuid not null references public.appointments (id),
                      reason text check (reason <> 'DROP TABLE')
                    );
                    """],
                before: ["supabase/migrations/20240101000000_init.sql": "create table public.appointments (id uuid primary key, starts_at timestamptz not null);\n"],
                note: "an additive new migration; DROP TABLE only in a comment and a literal"),
            CollectorExample(
                ["supabase/migrations/20240101000000_init.sql": "create table public.doctors (id uuid primary key);\n",
                 "supabase/migrations/20240601000000_notes.sql": """
                    drop table if exists public.visit_notes;
                    create table public.visit_notes (id uuid primary key, body text not null);
                    alter table public.visit_notes rename column body to note;
                    """,
                 "supabase/rollback/20240601000000_notes.down.sql": "drop table public.visit_notes;\n"],
                before: ["supabase/migrations/20240101000000_init.sql": "create table public.doctors (id uuid primary key);\n"],
                note: "drops and renames on a table this change creates, and a rollback script"),
            CollectorExample(
                ["migrations/20240101_init.js": "exports.up = (knex) => knex.schema.createTable('invoices', (t) => { t.increments() })\nexports.down = (knex) => knex.schema.dropTable('invoices')\n",
                 "migrations/20240305_notes.js": """
                    exports.up = (knex) => knex.schema.createTable('visit_notes', (t) => { t.increments(); t.text('body') })
                    exports.down = (knex) => knex.schema.dropTable('visit_notes')
                    """],
                before: ["migrations/20240101_init.js": "exports.up = (knex) => knex.schema.createTable('invoices', (t) => { t.increments() })\nexports.down = (knex) => knex.schema.dropTable('invoices')\n"],
                note: "a Knex migration whose dropTable is in its down step"),
            CollectorExample(
                ["drizzle/0000_init.sql": "CREATE TABLE `doctors` (`id` integer PRIMARY KEY, `name` text);\n",
                 "drizzle/0001_fee.sql": """
                    CREATE TABLE `__new_doctors` (`id` integer PRIMARY KEY, `name` text NOT NULL, `fee` integer DEFAULT 0 NOT NULL);
                    INSERT INTO `__new_doctors`(`id`, `name`) SELECT `id`, `name` FROM `doctors`;
                    DROP TABLE `doctors`;
                    ALTER TABLE `__new_doctors` RENAME TO `doctors`;
                    """],
                before: ["drizzle/0000_init.sql": "CREATE TABLE `doctors` (`id` integer PRIMARY KEY, `name` text);\n"],
                note: "a SQLite table rebuild that copies the rows before dropping the old table"),
            CollectorExample(
                ["db/schema.sql": "create table doctors (id serial primary key, name text not null, fee int);\n",
                 "db/migrations/002_fee.sql": "alter table doctors add column fee int;\n",
                 "db/migrations/001_init.sql": "create table doctors (id serial primary key, name text not null);\n"],
                before: ["db/schema.sql": "create table doctors (id serial primary key, name text not null);\n",
                         "db/migrations/001_init.sql": "create table doctors (id serial primary key, name text not null);\n"],
                note: "schema.sql kept as a snapshot and updated together with a new migration"),
            CollectorExample(
                ["supabase/migrations/20240101000000_init.sql": "create table public.slots (id uuid primary key);\n",
                 "supabase/migrations/20240601000000_rename.sql": """
                    alter table public.slots rename to time_slots;
                    create view public.slots as select * from public.time_slots;
                    """],
                before: ["supabase/migrations/20240101000000_init.sql": "create table public.slots (id uuid primary key);\n"],
                note: "a table rename with a view that keeps the old name working"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        guard let before = app.before else {
            return .notMeasured(d.id, "not a modification request: the corpus has no before version of this app")
        }
        func hasDatabase(_ c: AppContext) -> Bool {
            c.files.contains { G5Paths.isMigration($0.path) || $0.language == .sql || G5Paths.components($0.path).last == "schema.prisma" }
        }
        guard hasDatabase(app) || hasDatabase(before) else {
            return .notMeasured(d.id, "neither version has SQL, a Prisma schema or migrations")
        }

        var findings: [Finding] = []
        let applied = before.files.filter { G5Paths.isMigration($0.path) }
        var newMigrations = app.files.filter { G5Paths.isMigration($0.path) && before.file($0.path) == nil && !before.hasPath($0.path) }
        var edited = 0, deleted = 0

        for m in applied {
            if let a = app.file(m.path) {
                guard a.bytes != m.bytes else { continue }
                edited += 1
                if migrationCodeChanged(m, a) {
                    let line = LineDiff.firstDifference(before: m, after: a, codeOnly: true) ?? 1
                    findings.append(Finding.at(d, rule: "applied-migration-edited", file: a, offset: a.lineRange(line).lowerBound, severity: .high,
                        message: "\(a.path) was already part of the app before this change and was edited in place. Migration tools record applied migrations and never run them again, so existing databases (production, staging, teammates') silently miss this change while fresh ones get it. Revert the edit and put the change in a new migration."))
                } else {
                    let line = LineDiff.firstDifference(before: m, after: a, codeOnly: false) ?? 1
                    findings.append(Finding.at(d, rule: "applied-migration-touched", file: a, offset: a.lineRange(line).lowerBound, severity: .low,
                        message: "\(a.path) was already applied and changed only in comments or layout. Checksum-verifying tools (Prisma, Flyway, Atlas) refuse to migrate once an applied file changes: revert it."))
                }
            } else if app.hasPath(m.path) {
                continue
            } else if let i = newMigrations.firstIndex(where: { $0.bytes == m.bytes }) {
                let moved = newMigrations.remove(at: i)
                findings.append(app.appFinding(d, rule: "applied-migration-renamed", path: moved.path, severity: .medium,
                    message: "The applied migration \(m.path) was renamed to \(moved.path). The tool identifies migrations by name, so it will try to apply it again on every existing database (and fail or duplicate objects). Keep applied migration files under their original names."))
            } else {
                deleted += 1
                findings.append(app.appFinding(d, rule: "applied-migration-deleted", path: m.path, severity: .high,
                    message: "The applied migration \(m.path) was deleted. Existing databases keep its effects while fresh ones never get them, and tools that check history (Supabase CLI, Prisma) report drift. Restore it; undo its effects, if needed, in a new migration."))
            }
        }

        findings += outOfOrder(newMigrations, applied: applied, d)

        let beforeTables = newMigrations.isEmpty ? [] : Set(before.files.filter { $0.language == .sql && !G5Paths.isRollback($0.path) }
            .flatMap { MigrationSQL.statements($0).compactMap(MigrationSQL.createdTable) })
        var newStatements: [(file: ScannedFile, statements: [MigrationSQLStatement])] = []
        for m in newMigrations where m.language == .sql {
            newStatements.append((m, MigrationSQL.statements(m)))
        }
        let createdHere = Set(newStatements.flatMap { $0.statements.compactMap(MigrationSQL.createdTable) }).subtracting(beforeTables)
        let viewsHere = Set(newStatements.flatMap { $0.statements.compactMap(MigrationSQL.createdView) })

        var destructive = 0
        for (file, statements) in newStatements {
            var copied = Set<String>()
            for s in statements {
                if let src = MigrationSQL.copySource(s) { copied.insert(src) }
                for op in MigrationSQL.destructive(s) where !isSafe(op, createdHere: createdHere, views: viewsHere, copied: copied) {
                    destructive += 1
                    findings.append(destructiveFinding(op, file: file, d))
                }
            }
        }
        for file in newMigrations where file.language != .sql {
            for op in programMigrationOps(file) where !isSafe(op, createdHere: createdHere, views: viewsHere, copied: []) {
                destructive += 1
                findings.append(destructiveFinding(op, file: file, d))
            }
        }

        var inPlace = 0
        if newMigrations.isEmpty {
            for b in before.files where G5Paths.isSchemaFile(b) {
                guard let a = app.file(b.path), a.bytes != b.bytes, let line = schemaEditLine(b, a) else { continue }
                inPlace += 1
                let prisma = a.path.hasSuffix(".prisma")
                let hasMigrations = !applied.isEmpty || app.files.contains { G5Paths.isMigration($0.path) }
                let fix = prisma
                    ? (hasMigrations ? "Generate a migration (prisma migrate dev --name …) and commit it with the schema."
                                     : "The app applies it with prisma db push, which is unversioned and may drop data: adopt prisma migrate and commit the migrations.")
                    : "Write the change as a new, versioned migration (ALTER TABLE …) so every environment applies it exactly once."
                findings.append(Finding.at(d, rule: "schema-edited-in-place", file: a, offset: a.lineRange(line).lowerBound, severity: .medium,
                    message: "\(a.path) defines the database schema and was edited in place, and the change adds no migration: an existing database never receives this change unless someone applies it by hand. \(fix)"))
            }
        }

        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), methods: "A", findings: findings,
                            evidence: [Evidence("applied migrations (before)", applied.count), Evidence("new migrations", newMigrations.count),
                                       Evidence("applied migrations edited", edited), Evidence("applied migrations deleted", deleted),
                                       Evidence("destructive statements in new migrations", destructive),
                                       Evidence("schema files edited in place", inPlace)])
    }

    /// Whether the edit changed what the migration does (SQL statements, or code outside comments).
    private func migrationCodeChanged(_ b: ScannedFile, _ a: ScannedFile) -> Bool {
        if a.language == .sql && b.language == .sql {
            return MigrationSQL.statements(b).map(\.key) != MigrationSQL.statements(a).map(\.key)
        }
        if a.language.lexFamily == .plain { return LineDiff.firstDifference(before: b, after: a, codeOnly: false) != nil }
        return CodeShape.codeChanged(b, a)
    }

    /// The first changed line of a schema file when the edit changes its DDL; nil for comment,
    /// layout or data-only edits.
    private func schemaEditLine(_ b: ScannedFile, _ a: ScannedFile) -> Int? {
        if a.language == .sql {
            var pool: [String: (count: Int, ddl: Bool)] = [:]
            for s in MigrationSQL.statements(b) { pool[s.key, default: (0, MigrationSQL.isDDL(s))].count += 1 }
            var changedDDL = false
            for s in MigrationSQL.statements(a) {
                if let e = pool[s.key], e.count > 0 { pool[s.key]!.count -= 1 } else if MigrationSQL.isDDL(s) { changedDDL = true }
            }
            changedDDL = changedDDL || pool.values.contains { $0.count > 0 && $0.ddl }
            return changedDDL ? LineDiff.firstDifference(before: b, after: a, codeOnly: true) ?? 1 : nil
        }
        let bl = prismaLines(b), al = prismaLines(a)
        guard bl != al else { return nil }
        let aLines = (1...max(1, a.lineCount)).filter {
            let t = a.lineText($0).trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("//")
        }
        for (i, line) in aLines.enumerated() where i >= bl.count || a.lineText(line).trimmingCharacters(in: .whitespaces) != bl[i] {
            return line
        }
        return aLines.last ?? 1
    }

    private func prismaLines(_ f: ScannedFile) -> [String] {
        guard f.lineCount > 0 else { return [] }
        return (1...f.lineCount).map { f.lineText($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("//") }
    }

    private func isSafe(_ op: DestructiveOp, createdHere: Set<String>, views: Set<String>, copied: Set<String>) -> Bool {
        if createdHere.contains(op.table) { return true }
        switch op.kind {
        case .dropTable: return copied.contains(op.table)
        case .renameTable: return views.contains(op.table)
        default: return false
        }
    }

    private func destructiveFinding(_ op: DestructiveOp, file: ScannedFile, _ d: MetricDescriptor) -> Finding {
        let table = op.tableName.isEmpty ? op.table : op.tableName
        let target = op.column.map { "\(table).\($0)" } ?? table
        let why: String
        switch op.kind {
        case .dropTable, .dropSchema:
            why = "deletes \(target) and every row in it on each database it runs on; there is no undo without a backup. Copy the data first, or stop using it in code now and drop it in a later release."
        case .dropColumn:
            why = "deletes the column \(target) and its data, and code still running the previous release breaks the moment it is gone. Stop reading it first, drop it in a later release."
        case .truncate:
            why = "empties \(target) on every database, production included. Data cleanup does not belong in a schema migration."
        case .typeChange:
            why = "rewrites \(target) in place: it locks the table, fails on rows that do not convert, and may lose precision. Add a new column, backfill it, and switch reads over."
        case .renameTable, .renameColumn:
            why = "renames \(target); the release that is still running (and any other client) reads the old name and fails during the deploy. Add the new name alongside the old one (or a view with the old name), migrate readers, then remove the old name."
        }
        return Finding.at(d, rule: "destructive-statement", file: file, offset: op.offset, severity: .medium,
                          message: "This new migration runs a \(op.kind.rawValue) that \(why)")
    }

    /// New migrations whose version sorts before the newest applied one in the same folder.
    private func outOfOrder(_ new: [ScannedFile], applied: [ScannedFile], _ d: MetricDescriptor) -> [Finding] {
        var latest: [String: String] = [:]
        for m in applied {
            guard let v = G5Paths.migrationVersion(m.path) else { continue }
            let key = "\(v.folder)#\(v.version.count)"
            if latest[key].map({ v.version > $0 }) ?? true { latest[key] = v.version }
        }
        var out: [Finding] = []
        for m in new {
            guard let v = G5Paths.migrationVersion(m.path), let last = latest["\(v.folder)#\(v.version.count)"], v.version < last else { continue }
            out.append(Finding.at(d, rule: "out-of-order-migration", file: m, offset: 0, severity: .medium,
                message: "\(m.path) is numbered \(v.version), before the newest applied migration (\(last)) in the same folder. Databases that already ran \(last) may refuse it (Supabase CLI) or skip it silently (Drizzle). Give new migrations a version after the last applied one."))
        }
        return out
    }

    /// Destructive operations in a JS/TS/Python/Ruby migration's forward step: schema-builder calls
    /// (Knex, Sequelize, Alembic, Django, Rails) and SQL passed as string literals (TypeORM, raw queries).
    private static let builderCalls = ["dropTable", "dropColumn", "renameColumn", "renameTable", "removeColumn", "changeColumn",
                                       "drop_table", "drop_column", "rename_table", "alter_column",
                                       "RemoveField", "DeleteModel", "RenameField", "RenameModel"]

    private func programMigrationOps(_ f: ScannedFile) -> [DestructiveOp] {
        let down = rollbackSections(f)
        func inDown(_ o: Int) -> Bool { down.contains { $0.contains(o) } }
        var out: [DestructiveOp] = []
        var calls: [(offset: Int, name: String)] = []
        if f.language == .text {
            for name in ["drop_table", "remove_column", "rename_column", "rename_table", "change_column"] {
                for o in f.find(name, wordStart: true) where !rubyComment(f, o) { calls.append((o, name)) }
            }
        } else {
            for name in Self.builderCalls {
                for o in f.find(name, in: .code, wordStart: true) { calls.append((o, name)) }
            }
        }
        for (o, name) in calls where !inDown(o) {
            var j = o + name.utf8.count
            let b = f.bytes
            if name == "dropTable" && f.string(j..<min(b.count, j + 8)) == "IfExists" { j += 8 }
            if name == "dropColumn" && j < b.count && b[j] == 0x73 { j += 1 }
            while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
            let isCall = j < b.count && (b[j] == 0x28 || (f.language == .text && (b[j] == 0x3A || b[j] == 0x22 || ByteClass.isAlpha(b[j]))))
            guard isCall, o == 0 || b[o - 1] == 0x2E || b[o - 1] == 0x20 || b[o - 1] == 0x09 || f.language == .text else { continue }
            let args = f.string(j..<min(b.count, j + 200))
            let first = firstQuoted(args)
            let kind: DestructiveKind
            switch name {
            case "dropTable", "drop_table", "DeleteModel": kind = .dropTable
            case "dropColumn", "removeColumn", "drop_column", "remove_column", "RemoveField": kind = .dropColumn
            case "renameColumn", "rename_column", "RenameField": kind = .renameColumn
            case "renameTable", "rename_table", "RenameModel": kind = .renameTable
            case "changeColumn", "change_column": kind = .typeChange
            case "alter_column":
                // Autogenerated calls put `existing_type=sa.X(...)` before `type_=`: read the whole call.
                guard hasKeyword("type_", inCallAt: j, of: f) else { continue }
                kind = .typeChange
            default: continue
            }
            let table = kind == .dropColumn && name == "dropColumn" ? enclosingTable(f, before: o) ?? "?" : (first ?? "?")
            let column = kind == .dropColumn && name == "dropColumn" ? first : (kind == .dropTable || kind == .renameTable ? nil : secondQuoted(args))
            out.append(DestructiveOp(kind: kind, table: table.lowercased(), column: column, offset: o, tableName: table))
        }
        for r in f.regions where r.kind == .string && !inDown(Int(r.start)) {
            var s = Int(r.start), e = Int(r.end)
            let b = f.bytes
            var p = s
            while p < e && p - s < 2 && ByteClass.isAlpha(b[p]) { p += 1 }
            if p < e && (b[p] == 0x22 || b[p] == 0x27 || b[p] == 0x60) { s = p }
            while s < e && (b[s] == 0x22 || b[s] == 0x27 || b[s] == 0x60) && s - Int(r.start) < 5 { s += 1 }
            while e > s && (b[e - 1] == 0x22 || b[e - 1] == 0x27 || b[e - 1] == 0x60) && Int(r.end) - e < 3 { e -= 1 }
            guard e - s >= 8 else { continue }
            let lower = String(decoding: b[s..<min(e, s + 24)].map(ByteClass.lower), as: UTF8.self)
            guard ["drop", "alter", "truncate", "rename"].contains(where: { lower.hasPrefix($0) || lower.contains(" " + $0) || lower.contains("\n" + $0) }) else { continue }
            for stmt in MigrationSQL.statements(b, range: s..<e, regions: []) {
                out += MigrationSQL.destructive(stmt)
            }
        }
        return out
    }

    /// Byte ranges of `down`/`downgrade` definitions (rollback code), up to the next `up`/`upgrade` or the end.
    private func rollbackSections(_ f: ScannedFile) -> [Range<Int>] {
        func definitions(_ names: [String]) -> [Int] {
            var out: [Int] = []
            for n in names {
                for o in f.find(n, in: .code, wordStart: true) {
                    var j = o + n.utf8.count
                    let b = f.bytes
                    guard j >= b.count || !ByteClass.isIdentifier(b[j]) else { continue }
                    while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
                    guard j < b.count else { continue }
                    let defines = b[j] == 0x28 || b[j] == 0x3A || (b[j] == 0x3D && (j + 1 >= b.count || b[j + 1] != 0x3D))
                        || (f.language == .text && (b[j] == 0x0A || b[j] == 0x0D))
                    if defines { out.append(o) }
                }
            }
            return out.sorted()
        }
        let downs = definitions(["down", "downgrade"])
        let ups = definitions(f.language == .text ? ["up", "change"] : ["up", "upgrade"])
        return downs.map { d in d..<(ups.first { $0 > d } ?? f.bytes.count) }
    }

    /// Whether the call whose `(` is at `open` passes the keyword argument `name=` (at any depth of
    /// its own parentheses, outside strings and comments).
    private func hasKeyword(_ name: String, inCallAt open: Int, of f: ScannedFile) -> Bool {
        let b = f.bytes
        guard open < b.count, b[open] == 0x28 else { return false }
        let key = Array((name + "=").utf8)
        var depth = 0
        var i = open
        while i < b.count && i < open + 4_000 {
            if f.kind(at: i) != .code { i += 1; continue }
            let c = b[i]
            if c == 0x28 { depth += 1 } else if c == 0x29 { depth -= 1; if depth == 0 { return false } }
            if c == key[0], i + key.count <= b.count, Array(b[i..<(i + key.count)]) == key,
               !ByteClass.isIdentifier(b[i - 1]), i + key.count >= b.count || b[i + key.count] != 0x3D {
                return true
            }
            i += 1
        }
        return false
    }

    private func rubyComment(_ f: ScannedFile, _ o: Int) -> Bool {
        f.lineText(at: o).trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    /// The table of the `alterTable('t', …)` / `table('t', …)` call enclosing a Knex column operation.
    private func enclosingTable(_ f: ScannedFile, before o: Int) -> String? {
        let start = max(0, o - 400)
        let text = f.string(start..<o)
        for marker in ["alterTable(", "table(", "createTable("] {
            if let r = text.range(of: marker, options: .backwards) { return firstQuoted(String(text[r.upperBound...])) }
        }
        return nil
    }

    private func firstQuoted(_ s: String) -> String? { quoted(s, index: 0) }
    private func secondQuoted(_ s: String) -> String? { quoted(s, index: 1) }

    private func quoted(_ s: String, index: Int) -> String? {
        var found: [String] = []
        var it = s.unicodeScalars.makeIterator()
        var quote: Unicode.Scalar?
        var cur = ""
        while let c = it.next() {
            if let q = quote {
                if c == q { found.append(cur); cur = ""; quote = nil; if found.count > index { return found[index] } } else { cur.unicodeScalars.append(c) }
            } else if c == "'" || c == "\"" || c == "`" {
                quote = c
            } else if c == ")" || c == "\n" && found.count >= index {
                break
            }
        }
        return nil
    }
}
