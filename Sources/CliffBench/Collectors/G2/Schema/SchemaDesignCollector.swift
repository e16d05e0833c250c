import Foundation

/// G2.P1: the database schema as the repository declares it (SQL migrations, schema files, Prisma,
/// Drizzle; see `SchemaModel`). Per table it checks a primary key, declared foreign keys for `*_id`
/// columns whose target table exists, an index on every foreign key (Postgres and SQLite do not add
/// one), NOT NULL on columns that are required by their meaning (email, owner ids, created_at,
/// status, name), and no JSON or array columns standing in for related rows (`order_items jsonb`,
/// `member_ids uuid[]`). The value is 80% the mean share of checks each table passes and 20% whether
/// the schema is versioned as migrations.
///
/// An app that stores data through a database client but declares no schema at all fails outright
/// (a finding, value 0). Not measured when the app keeps no data in a database (durability is G7.P2)
/// or only in a document store (MongoDB, Firestore), where these relational checks do not apply.
public struct SchemaDesignCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.P1", slug: "schema-design", kind: .primary, methods: "S",
        measures: "migrations exist; primary keys; declared foreign keys; indexes on FK and filter columns; NOT NULL where required; no JSON blobs for relational data",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("supabase/migrations/20240101000000_init.sql", """
                create table public.projects (id uuid primary key default gen_random_uuid(), name text not null);
                create table public.tasks (
                  id uuid primary key default gen_random_uuid(),
                  ↓project_id uuid not null,
                  title text not null
                );
                """, note: "project_id has no foreign key to projects"),
            CollectorExample("db/migrations/001_init.sql", """
                create table customers (id serial primary key, email text not null);
                create table orders (
                  id serial primary key,
                  customer_id int not null references customers (id),
                  ↓order_items jsonb not null default '[]'
                );
                create index orders_customer_idx on orders (customer_id);
                """, note: "order lines kept in a JSON blob"),
            CollectorExample("migrations/0001_init.sql", """
                ↓create table event_log (kind text not null, payload text not null);
                """, note: "a table without a primary key"),
            CollectorExample([
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, key)\n",
                "src/pages/Todos.tsx": "import { supabase } from '../lib/supabase'\nexport async function load() { return supabase.from('todos').select('id, title').limit(50) }\n",
            ], note: "data stored through Supabase with no schema or migrations in the repository"),
            CollectorExample("prisma/schema.prisma", """
                model User {
                  id    String @id @default(cuid())
                  ↓email String?
                  posts Post[]
                }
                model Post {
                  id       String @id @default(cuid())
                  ↓authorId String
                  author   User   @relation(fields: [authorId], references: [id])
                }
                """, note: "a nullable email and an unindexed relation, no migrations"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/20240102000000_timezone.sql": """
                    create table public.notes (id uuid primary key default gen_random_uuid(), body text not null);
                    alter table public.profiles add constraint check_timezone check (timezone <> '');
                    """,
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, key)\n",
            ], note: "a constraint added to a table created outside the repository (its primary key is unknown)"),
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": """
                    create table public.projects (id uuid primary key default gen_random_uuid(), owner_id uuid not null references auth.users (id),
                      name text not null, settings jsonb not null default '{}', tags text[] not null default '{}', created_at timestamptz not null default now());
                    create index projects_owner_idx on public.projects (owner_id);
                    create table public.tasks (id uuid primary key default gen_random_uuid(),
                      project_id uuid not null references public.projects (id) on delete cascade,
                      title text not null, status text not null default 'todo', stripe_price_id text);
                    create index tasks_project_idx on public.tasks (project_id, status);
                    -- create table scratch (a int);
                    """,
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, key)\n",
            ], note: "keys, FKs with indexes, NOT NULL, JSON settings and text tags, an external id without a table"),
            CollectorExample([
                "prisma/schema.prisma": """
                    model User {
                      id    String @id @default(cuid())
                      email String @unique
                      posts Post[]
                    }
                    model Post {
                      id       String @id @default(cuid())
                      authorId String
                      author   User   @relation(fields: [authorId], references: [id])
                      @@index([authorId])
                    }
                    """,
                "prisma/migrations/20240101000000_init/migration.sql": """
                    CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
                    CREATE TABLE "Post" ("id" TEXT NOT NULL, "authorId" TEXT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
                    CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                    CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
                    ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");
                    """,
            ], note: "a Prisma schema with its migration"),
            CollectorExample([
                "server.js": "const express = require('express')\nconst notes = []\nexpress().get('/notes', (req, res) => res.json(notes)).listen(3000)\n",
                "docs/schema.md": "```sql\ncreate table notes (note_id int, body jsonb);\n```\n",
            ], note: "no database at all: not measured, and SQL in docs is not a schema"),
            CollectorExample([
                "shared/schema.ts": """
                    import { pgTable, serial, integer, text, timestamp, index } from "drizzle-orm/pg-core";
                    export const users = pgTable("users", { id: serial("id").primaryKey(), email: text("email").notNull().unique() });
                    export const posts = pgTable("posts", {
                      id: serial("id").primaryKey(),
                      userId: integer("user_id").notNull().references(() => users.id),
                      createdAt: timestamp("created_at").defaultNow().notNull(),
                    }, (t) => [index("posts_user_idx").on(t.userId)]);
                    """,
                "drizzle/0000_init.sql": """
                    CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL, CONSTRAINT "users_email_unique" UNIQUE("email"));
                    CREATE TABLE "posts" ("id" serial PRIMARY KEY NOT NULL, "user_id" integer NOT NULL REFERENCES "users"("id"), "created_at" timestamp DEFAULT now() NOT NULL);
                    CREATE INDEX "posts_user_idx" ON "posts" ("user_id");
                    """,
            ], note: "a Drizzle schema with generated migrations"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G2.P1/db-client",
                        literals: ["@supabase/supabase-js", "@prisma/client", "drizzle-orm", "@neondatabase/serverless", "@vercel/postgres",
                                   "mysql2", "better-sqlite3", "sequelize", "typeorm", "knex", "mongoose", "mongodb", "firebase/firestore",
                                   "firebase-admin", "sqlalchemy", "psycopg", "django.db", "'pg'", "\"pg\"", "@libsql/client", "@planetscale/database"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"@supabase/supabase-js|@prisma/client|drizzle-orm|@neondatabase/serverless|@vercel/postgres|mysql2|better-sqlite3|sequelize|typeorm|knex|mongoose|mongodb|firebase/firestore|firebase-admin|sqlalchemy|psycopg|django\.db|['"]pg['"]|@libsql/client|@planetscale/database"#),
        ]
    }

    private static let documentStores = ["mongoose", "mongodb", "firebase/firestore", "firebase-admin"]
    private static let systemSchemas: Set<String> = ["auth", "storage", "extensions", "graphql", "graphql_public", "realtime", "pgsodium", "vault", "net", "cron"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = SchemaModel.shared(app)
        var clients = Set<String>()
        for (file, hit) in app.hits("G2.P1/db-client") where file.role != .test && file.role != .docs {
            clients.insert(file.string(Int(hit.offset)..<Int(hit.offset + hit.length)).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
        }
        // A table the repository only alters (`ALTER TABLE profiles ADD CONSTRAINT …`) was created elsewhere: its keys are unknown.
        let tables = model.tables.filter { !Self.systemSchemas.contains($0.name.schema ?? "public") && !$0.columnsUnknown && !$0.columns.isEmpty }

        if tables.isEmpty {
            if clients.isEmpty {
                return .notMeasured(d.id, "the app keeps no data in a database (no SQL, Prisma, Drizzle or database client); durability is G7.P2")
            }
            if clients.allSatisfy({ Self.documentStores.contains($0) }) {
                return .notMeasured(d.id, "the app stores data in a document database (\(clients.sorted().joined(separator: ", "))), where relational schema checks do not apply",
                                    evidence: [Evidence("database clients", clients.sorted().joined(separator: ", "))])
            }
            let f = app.appFinding(d, rule: "no-schema", severity: .high,
                message: "The app stores data through \(clients.sorted().joined(separator: ", ")) but the repository declares no schema: no migrations, no schema.sql, no Prisma or Drizzle models. The database exists only in a dashboard, so it cannot be reviewed, recreated or rolled back. Export it as migrations (e.g. `supabase db pull`, `prisma migrate dev`, `drizzle-kit generate`) and commit them.")
            return MetricResult(metricID: d.id, value: .measured(0), findings: [f],
                                evidence: [Evidence("tables", 0), Evidence("database clients", clients.sorted().joined(separator: ", "))])
        }

        var findings: [Finding] = []
        var shares: [Double] = []
        var noPK = 0, undeclared = 0, unindexed = 0, nullable = 0, blobs = 0
        let indexFKs = model.dialect != .mysql
        let authUsersExists = model.supabaseProject || model.tables.contains { t in t.allForeignKeys.contains { $0.references.table.key == "auth.users" } }

        for t in tables {
            var applicable = 1, passed = 0
            if t.hasPrimaryKey {
                passed += 1
            } else {
                noPK += 1
                findings.append(app.finding(d, rule: "no-primary-key", at: t.source, severity: .medium,
                    message: "Table \(t.name) has no primary key: rows cannot be addressed or updated one at a time, duplicates go unnoticed, and Supabase's API and replication need one. Add `id uuid primary key default gen_random_uuid()` or a composite key."))
            }

            let fkColumns = Set(t.allForeignKeys.flatMap(\.columns))
            let candidates = t.columns.filter { !fkColumns.contains($0.name) && target(of: $0, in: t, model: model, authUsers: authUsersExists) != nil }
            if t.columns.contains(where: { isReferenceName($0.name) }) || !fkColumns.isEmpty {
                applicable += 1
                if candidates.isEmpty { passed += 1 }
            }
            for c in candidates {
                undeclared += 1
                let tgt = target(of: c, in: t, model: model, authUsers: authUsersExists)!
                findings.append(app.finding(d, rule: "undeclared-foreign-key", at: c.source, severity: .medium,
                    message: "\(t.name).\(c.name) points at \(tgt) but declares no foreign key, so rows can reference records that do not exist and deleting a parent leaves orphans. Add `references \(tgt) (id)` with an `on delete` rule."))
            }

            let fks = t.allForeignKeys
            if indexFKs && !fks.isEmpty {
                applicable += 1
                let missing = fks.filter { !model.isIndexed(t, leading: $0.columns) }
                if missing.isEmpty { passed += 1 }
                for fk in missing {
                    unindexed += 1
                    let at = t.column(fk.columns.first ?? "")?.source ?? fk.source
                    findings.append(app.finding(d, rule: "unindexed-foreign-key", at: at, severity: .low,
                        message: "Foreign key \(t.name)(\(fk.columns.joined(separator: ", "))) has no index; the database does not create one, so lookups by \(fk.columns.joined(separator: ", ")), joins, RLS filters and cascading deletes on \(fk.references.table) scan the whole table as it grows. Add `create index on \(t.name) (\(fk.columns.joined(separator: ", ")));`."))
                }
            }

            let required = t.columns.filter { isRequiredByName($0.name, table: t) }
            if !required.isEmpty {
                applicable += 1
                let loose = required.filter { !$0.required }
                if loose.isEmpty {
                    passed += 1
                } else {
                    nullable += loose.count
                    findings.append(app.finding(d, rule: "nullable-required-column", at: loose[0].source, severity: .low,
                        message: "\(t.name): \(loose.map(\.name).joined(separator: ", ")) \(loose.count == 1 ? "is" : "are") nullable although every row needs \(loose.count == 1 ? "it" : "them"); the database will accept rows without \(loose.count == 1 ? "it" : "them") and the app will break on them later. Add NOT NULL (with a default where one makes sense)."))
                }
            }

            let complex = t.columns.filter { $0.isJSON || $0.isArray }
            if !complex.isEmpty {
                applicable += 1
                let relational = complex.filter { isRelationalBlob($0, in: t, model: model) }
                if relational.isEmpty { passed += 1 }
                for c in relational {
                    blobs += 1
                    findings.append(app.finding(d, rule: "relational-json", at: c.source, severity: .medium,
                        message: "\(t.name).\(c.name) (\(c.type)) stores related records inside one column: they cannot be referenced, constrained, indexed or updated one at a time, and concurrent edits overwrite each other. Move them to their own table with a foreign key to \(t.name)."))
                }
            }
            shares.append(Double(passed) / Double(applicable))
        }

        let migrations = model.migrationFiles
        let versioned = !migrations.isEmpty
        if !versioned {
            let sources = Set(model.files.map(\.kind))
            let what = sources.contains(.prisma) ? "a Prisma schema (pushed with `prisma db push`?)" : sources.contains(.drizzle) ? "Drizzle models (pushed with `drizzle-kit push`?)" : "a schema file"
            findings.append(app.appFinding(d, rule: "no-migrations", path: model.files.first?.path, severity: .medium,
                message: "The schema exists only as \(what), not as migrations: there is no record of how production got to this shape and no safe way to change it. Generate versioned migrations (`prisma migrate dev`, `drizzle-kit generate`, `supabase db diff`) and commit them."))
        }

        let tableScore = shares.reduce(0, +) / Double(shares.count)
        let value = FindingScore.round1(100 * (0.8 * tableScore + 0.2 * (versioned ? 1 : 0)))
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("tables", tables.count),
            Evidence("mean share of checks passed per table", String(format: "%.2f", tableScore)),
            Evidence("migration files", migrations.count),
            Evidence("tables without primary key", noPK),
            Evidence("reference columns without foreign key", undeclared),
            Evidence("foreign keys without index", unindexed),
            Evidence("required columns left nullable", nullable),
            Evidence("relational JSON/array columns", blobs),
        ])
    }

    // MARK: - Column judgements

    /// `project_id`, `projectId`, `created_by`: names that refer to another row.
    private func isReferenceName(_ name: String) -> Bool {
        let l = name.lowercased()
        if l == "id" { return false }
        if l.hasSuffix("_id") { return true }
        if name.count > 2 && name.hasSuffix("Id"), let c = name.dropLast(2).last, c.isLowercase || c.isNumber { return true }
        return ["created_by", "updated_by", "owner", "assigned_to", "uploaded_by", "createdby", "assignedto"].contains(l)
    }

    private static let external = ["stripe", "paypal", "razorpay", "external", "provider", "google", "github", "apple", "facebook", "twitter",
                                    "oauth", "auth0", "clerk", "session", "payment_intent", "paymentintent", "intent", "charge", "checkout",
                                    "message", "thread", "request", "trace", "correlation", "tracking", "place", "device", "push", "fcm",
                                    "onesignal", "twilio", "sendgrid", "resend", "openai", "vapi", "price", "product_stripe", "subscription_stripe",
                                    "invoice_stripe", "customer_stripe", "firebase", "supabase", "cloudinary", "s3", "mux", "youtube", "spotify",
                                    "slack", "discord", "telegram", "whatsapp", "calendar_event", "event_external", "transaction_ref", "idempotency"]
    private static let userRoles: Set<String> = ["user", "owner", "author", "creator", "created_by", "updated_by", "assignee", "assigned_to",
                                                 "sender", "recipient", "uploaded_by", "profile", "account", "member", "requester", "reviewer",
                                                 "actor", "host", "buyer", "seller", "createdby", "assignedto"]

    /// The table a reference-named column should point at, when that table exists.
    private func target(of c: SQLColumn, in t: SQLTable, model: SchemaModel, authUsers: Bool) -> String? {
        guard isReferenceName(c.name) else { return nil }
        let l = c.name.lowercased()
        if Self.external.contains(where: { l.hasPrefix($0) || l.contains("_" + $0) }) { return nil }
        var base = l
        for suffix in ["_id", "id"] where base.hasSuffix(suffix) && base != suffix {
            base = String(base.dropLast(suffix.count))
            break
        }
        let names = [base, base + "s", base + "es", base.hasSuffix("y") ? String(base.dropLast()) + "ies" : base + "s"]
        for n in names {
            if let hit = model.tables.first(where: { $0.name.name.lowercased() == n && $0.name.key != t.name.key }) { return hit.name.description }
        }
        if Self.userRoles.contains(base) {
            for n in ["profiles", "users", "user", "accounts", "members"] {
                if let hit = model.tables.first(where: { $0.name.name.lowercased() == n && $0.name.key != t.name.key }) { return hit.name.description }
            }
            if authUsers && (c.type == "uuid" || c.type.isEmpty) { return "auth.users" }
        }
        return nil
    }

    /// Columns every row needs by their meaning.
    private func isRequiredByName(_ name: String, table: SQLTable) -> Bool {
        let l = name.lowercased()
        // A person's display name is optional on account tables: email-link and OAuth sign-ups often have none
        // (NextAuth's and Supabase's own user schemas keep it nullable).
        if l == "name" && SchemaNames.isUserTable(table.name) { return false }
        if ["email", "created_at", "createdat", "status", "name", "title"].contains(l) { return true }
        return SchemaNames.isOwnerColumn(l) && table.allForeignKeys.contains { $0.columns.contains(name) } == true
            || ["user_id", "userid", "owner_id", "ownerid", "author_id", "authorid"].contains(l)
    }

    private static let relationalNames: Set<String> = [
        "members", "participants", "attendees", "comments", "messages", "orders", "bookings", "appointments", "students",
        "employees", "tasks", "line_items", "lineitems", "order_items", "orderitems", "cart_items", "cartitems", "invoice_items",
        "invoiceitems", "followers", "following", "friends", "enrollments", "reservations", "replies", "answers", "users",
    ]
    private static let orderLike = ["order", "cart", "invoice", "quote", "purchase", "receipt", "basket", "checkout", "sale"]

    /// A JSON or array column that holds rows of another entity.
    private func isRelationalBlob(_ c: SQLColumn, in t: SQLTable, model: SchemaModel) -> Bool {
        let l = c.name.lowercased()
        if l.hasSuffix("_ids") || (c.name.hasSuffix("Ids") && c.name.count > 3) { return true }
        if Self.relationalNames.contains(l) || l.hasSuffix("_items") || (c.name.hasSuffix("Items") && c.name.count > 5) { return true }
        let tname = t.name.name.lowercased()
        if (l == "items" || l == "products") && Self.orderLike.contains(where: { tname.hasSubstring($0) }) { return true }
        if c.isJSON, model.tables.contains(where: { $0.name.name.lowercased() == l && $0.name.key != t.name.key }) { return true }
        return false
    }
}
