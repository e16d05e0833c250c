import Foundation

/// G7.D4: whether schema changes can be replayed and undone. Versioned migrations are ordered,
/// numbered or timestamped files in a migrations folder (a lone schema.sql edited in place is not);
/// a rollback path is down migrations (`*.down.sql`, a `rollback/` folder, `-- migrate:down`,
/// `-- +goose Down`) or migration code with `down`/`downgrade` (Knex, TypeORM, Sequelize, Alembic,
/// Django). DROP TABLE, DROP COLUMN, TRUNCATE and DELETE without WHERE in forward migrations are
/// flagged unless the migration created the table itself, copied its rows out first, or the drop is a
/// defensive `IF EXISTS` before the table ever existed.
///
/// An app that stores data through a database client with no migrations at all is a finding. Not
/// measured when the app has no database.
public struct MigrationsRollbackCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D4", slug: "migrations-rollback", kind: .diagnostic, methods: "S",
        measures: "versioned migrations with a rollback path",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": "create table todos (id uuid primary key, title text not null, done boolean not null default false);\n",
                "supabase/migrations/20240301000000_cleanup.sql": "alter table todos add column archived boolean default false;\n↓alter table todos drop column done;\n",
            ], note: "a forward migration drops a column that holds data, and nothing can roll back"),
            CollectorExample("schema.sql", """
                create table if not exists notes (id serial primary key, body text not null);
                """, note: "a lone schema file edited in place: not versioned, no rollback"),
            CollectorExample([
                "db/migrations/001_init.up.sql": "create table users (id serial primary key, email text not null);\n",
                "db/migrations/001_init.down.sql": "drop table users;\n",
                "db/migrations/002_reset.up.sql": "↓truncate users;\n",
                "db/migrations/002_reset.down.sql": "select 1;\n",
            ], note: "TRUNCATE in a forward migration, even with down files"),
            CollectorExample([
                "server/db.ts": "import { drizzle } from 'drizzle-orm/node-postgres'\nexport const db = drizzle(process.env.DATABASE_URL!)\n",
                "server/routes.ts": "import { db } from './db'\nimport { users } from './schema'\nexport const list = () => db.select().from(users).limit(20)\n",
            ], note: "a database used with no migrations in the repository"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": "drop table if exists todos;\ncreate table todos (id uuid primary key, title text not null);\n",
                "supabase/migrations/20240201000000_rename.sql": """
                    create table tasks (id uuid primary key, title text not null);
                    insert into tasks (id, title) select id, title from todos;
                    drop table todos;
                    """,
                "supabase/rollback/20240201000000_rename.down.sql": "create table todos (id uuid primary key, title text not null);\ninsert into todos select * from tasks;\ndrop table tasks;\n",
                "supabase/rollback/20240101000000_init.down.sql": "drop table todos;\n",
                "supabase/seed.sql": "truncate todos;\ninsert into todos values (gen_random_uuid(), 'hello');\n",
            ], note: "down files, a guarded drop after copying rows, a defensive DROP IF EXISTS, a seed that truncates"),
            CollectorExample([
                "db/migrations/20240101120000_create_users.sql": """
                    -- migrate:up
                    create table users (id serial primary key, email text not null);
                    -- migrate:down
                    drop table users;
                    """,
                "docs/operations.md": "To reset a dev database run:\n\n```sql\ndrop table users;\ntruncate sessions;\n```\n",
            ], note: "dbmate up and down sections; destructive SQL only in docs"),
            CollectorExample([
                "migrations/20240101_create_orders.js": """
                    exports.up = (knex) => knex.schema.createTable('orders', (t) => { t.increments('id'); t.integer('total').notNullable() })
                    exports.down = (knex) => knex.schema.dropTable('orders')
                    """,
                "src/db.js": "const knex = require('knex')(require('./knexfile'))\nmodule.exports = knex\n",
            ], note: "Knex migrations with down functions"),
            CollectorExample("src/App.tsx", "export default function App() { return <p>-- drop table users;</p> }\n", note: "no database at all"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G7.D4/db-client",
                        literals: ["@supabase/supabase-js", "@prisma/client", "drizzle-orm", "@neondatabase/serverless", "@vercel/postgres",
                                   "mysql2", "better-sqlite3", "sequelize", "typeorm", "knex", "sqlalchemy", "psycopg", "django.db", "'pg'", "\"pg\"",
                                   "@libsql/client", "@planetscale/database"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"@supabase/supabase-js|@prisma/client|drizzle-orm|@neondatabase/serverless|@vercel/postgres|mysql2|better-sqlite3|sequelize|typeorm|knex|sqlalchemy|psycopg|django\.db|['"]pg['"]|@libsql/client|@planetscale/database"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = SchemaModel.shared(app)
        var clients = Set<String>()
        for (file, hit) in app.hits("G7.D4/db-client") where file.role != .test && file.role != .docs {
            clients.insert(file.string(Int(hit.offset)..<Int(hit.offset + hit.length)).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
        }
        let migrations = model.files.filter { $0.kind == .migration || $0.kind == .codeMigration }
        let schemaFiles = model.files.filter { [.schema, .prisma, .drizzle].contains($0.kind) }
        if migrations.isEmpty && schemaFiles.isEmpty && model.tables.isEmpty {
            if clients.isEmpty && !model.supabaseProject {
                return .notMeasured(d.id, "the app has no database (no schema, migrations or SQL database client)")
            }
            let f = app.appFinding(d, rule: "no-migrations", severity: .high,
                message: "The app stores data through \(clients.isEmpty ? "Supabase" : clients.sorted().joined(separator: ", ")) but has no migrations: the production schema cannot be recreated, reviewed or rolled back. Capture it as versioned migrations (`supabase db pull`, `prisma migrate dev`, `drizzle-kit generate`) and commit them with a down path.")
            return MetricResult(metricID: d.id, value: .measured(FindingScore.score([f])), findings: [f],
                                evidence: [Evidence("migration files", 0), Evidence("database clients", clients.sorted().joined(separator: ", "))])
        }

        var findings: [Finding] = []
        let versioned = migrations.filter(\.versioned)
        if versioned.isEmpty {
            let first = schemaFiles.first?.path ?? migrations.first?.path
            let what = migrations.isEmpty ? "only as \(schemaFiles.map(\.path).prefix(3).joined(separator: ", "))" : "in migration files without an order (no number or timestamp in their names)"
            findings.append(app.appFinding(d, rule: "not-versioned", path: first, severity: .high,
                message: "The schema is kept \(what): a file edited in place records no history, so production cannot be brought from one version to the next or back. Switch to numbered or timestamped migrations (`supabase migration new`, `prisma migrate dev`, `drizzle-kit generate`)."))
        }

        let downFiles = model.files.filter { $0.kind == .down }
        let inlineDown = migrations.filter(\.hasDownSection)
        let hasRollback = !downFiles.isEmpty || !inlineDown.isEmpty
        if !hasRollback {
            let tool = migrationTool(model)
            findings.append(app.appFinding(d, rule: "no-rollback", path: migrations.first?.path ?? schemaFiles.first?.path, severity: .medium,
                message: "No rollback path: no down migrations, rollback scripts or down sections\(tool.map { " (\($0) writes forward migrations only)" } ?? ""). A bad deploy can only be fixed forward under pressure. Write a down script for each migration (e.g. supabase/rollback/<version>.down.sql) and test it against a copy of production."))
        }

        // One finding per statement (`alter table t drop column a, drop column b` is one change).
        let unguarded = model.destructive.filter { $0.guardReason == nil }
        var bySource: [SchemaSource: [SQLDestructive]] = [:]
        var order: [SchemaSource] = []
        for x in unguarded {
            if bySource[x.source] == nil { order.append(x.source) }
            bySource[x.source, default: []].append(x)
        }
        for src in order {
            let xs = bySource[src]!
            let x = xs[0]
            let target = xs.count > 1 ? "\(x.table) (\(xs.compactMap(\.column).joined(separator: ", ")))" : x.column.map { "\(x.table).\($0)" } ?? "\(x.table)"
            findings.append(app.finding(d, rule: "destructive-migration", at: src, severity: .high,
                message: "\(x.kind.rawValue) \(target) in a forward migration destroys data that earlier migrations created, with no copy or guard before it. Deploying it loses the data for good, and no down migration can bring it back. Copy the data out first (or rename and drop in a later release), and take a backup before applying."))
        }

        // Code migrations (Knex, TypeORM, Sequelize) that drop or empty tables in their `up` step.
        let codeMigrations = migrations.filter { $0.kind == .codeMigration }.sorted { $0.path < $1.path }
        var createdEarlier = Set<String>()
        var codeDestructive = 0
        for m in codeMigrations {
            guard let f = app.file(m.path), f.language.isJSFamily else { continue }
            for x in Self.destructiveCodeSteps(f, createdEarlier: createdEarlier) {
                codeDestructive += 1
                findings.append(Finding.at(d, rule: "destructive-migration", file: f, offset: x.offset, severity: .high,
                    message: "\(x.what) in the up step of a forward migration destroys data that earlier migrations created, with no copy before it. Deploying it loses the data for good, and the down step cannot bring it back. Copy the data out first (or rename and drop in a later release), and take a backup before applying."))
            }
            createdEarlier.formUnion(Self.createdTables(f))
        }

        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: [
            Evidence("destructive steps in code migrations", codeDestructive),
            Evidence("migration files", migrations.count),
            Evidence("versioned migration files", versioned.count),
            Evidence("down migrations", downFiles.count + inlineDown.count),
            Evidence("destructive statements", model.destructive.count),
            Evidence("unguarded destructive statements", unguarded.count),
        ])
    }

    private func migrationTool(_ m: SchemaModel) -> String? {
        let paths = m.files.map { $0.path.lowercased() }
        if paths.contains(where: { $0.contains("prisma/migrations/") }) { return "Prisma Migrate" }
        if paths.contains(where: { $0.hasPrefix("supabase/migrations/") || $0.contains("/supabase/migrations/") }) { return "the Supabase CLI" }
        if paths.contains(where: { $0.hasPrefix("drizzle/") || $0.contains("/drizzle/") }) { return "drizzle-kit" }
        return nil
    }

    /// Table names passed to `createTable('x'` in a code migration.
    static func createdTables(_ f: ScannedFile, in range: Range<Int>? = nil) -> Set<String> {
        var out = Set<String>()
        for o in f.find("createTable(", in: .code) where range.map({ $0.contains(o) }) ?? true {
            if let n = firstStringArgument(f, after: o + 12) { out.insert(n.lowercased()) }
        }
        return out
    }

    /// The string literal that opens the argument list at `offset` (`('name'`), if any.
    static func firstStringArgument(_ f: ScannedFile, after offset: Int) -> String? {
        var i = offset
        while i < f.bytes.count, ByteClass.isSpace(f.bytes[i]) { i += 1 }
        guard i < f.bytes.count, [0x27, 0x22, 0x60].contains(f.bytes[i]) else { return nil }
        let q = f.bytes[i]
        var j = i + 1
        while j < f.bytes.count, f.bytes[j] != q, f.bytes[j] != 0x0A { j += 1 }
        guard j < f.bytes.count, f.bytes[j] == q else { return nil }
        return f.string((i + 1)..<j)
    }

    /// The byte range of a code migration's `up` step (from `up` to the start of `down`).
    static func upRange(_ f: ScannedFile) -> Range<Int>? {
        let ups = ["exports.up", "export async function up", "export function up", "export const up", "async up(", "up: async", "up(knex", "up(queryInterface"]
        let downs = ["exports.down", "export async function down", "export function down", "export const down", "async down(", "down: async", "down(knex", "down(queryInterface"]
        guard let start = ups.flatMap({ f.find($0, in: .code) }).min() else { return nil }
        let end = downs.flatMap { f.find($0, in: .code) }.filter { $0 > start }.min() ?? f.bytes.count
        return start..<end
    }

    /// Drops, column drops and truncates in the `up` step, except a table the same step created (a staging table),
    /// a table whose rows the step copied out first, and a defensive `dropTableIfExists` of a table no earlier
    /// migration created.
    static func destructiveCodeSteps(_ f: ScannedFile, createdEarlier: Set<String>) -> [(offset: Int, what: String)] {
        guard let up = upRange(f) else { return [] }
        let body = f.string(up).lowercased()
        var out: [(Int, String)] = []
        func copiedOut(_ table: String) -> Bool {
            body.hasSubstring("insert into") && (body.hasSubstring("from \(table)") || body.hasSubstring("from \"\(table)\""))
        }
        for (call, ifExists) in [("dropTable(", false), ("dropTableIfExists(", true)] {
            for o in f.find(call, in: .code) where up.contains(o) {
                guard let name = firstStringArgument(f, after: o + call.utf8.count)?.lowercased() else { continue }
                let createdHere = createdTables(f, in: up.lowerBound..<o).contains(name)
                if createdHere || copiedOut(name) || (ifExists && !createdEarlier.contains(name)) { continue }
                out.append((o, "DROP TABLE \(name)"))
            }
        }
        for call in ["dropColumn(", "dropColumns("] {
            for o in f.find(call, in: .code) where up.contains(o) {
                let col = firstStringArgument(f, after: o + call.utf8.count) ?? "columns"
                out.append((o, "DROP COLUMN \(col)"))
            }
        }
        for o in f.find(".truncate(", in: .code) where up.contains(o) { out.append((o, "TRUNCATE")) }
        // Raw SQL in strings: knex.raw('drop table ...'), queryRunner.query('TRUNCATE ...').
        for (kw, what) in [("drop table ", "DROP TABLE"), ("drop column ", "DROP COLUMN"), ("truncate ", "TRUNCATE")] {
            for o in f.find(kw, in: .string, caseInsensitive: true) where up.contains(o) {
                let rest = f.string((o + kw.utf8.count)..<min(f.bytes.count, o + kw.utf8.count + 80)).lowercased()
                let name = rest.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." }).first.map(String.init) ?? ""
                let table = name == "table" ? String(rest.dropFirst(6).prefix { $0.isLetter || $0.isNumber || $0 == "_" }) : name
                if kw == "drop table ", rest.hasPrefix("if exists"), !createdEarlier.contains(String(rest.dropFirst(10).prefix { $0.isLetter || $0.isNumber || $0 == "_" })) { continue }
                if kw == "drop table ", createdTables(f, in: up.lowerBound..<o).contains(table) || copiedOut(table) { continue }
                out.append((o, "\(what) \(table)"))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
