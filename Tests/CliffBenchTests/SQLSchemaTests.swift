import XCTest
@testable import CliffBench

/// The SQL statement reader, the schema model and the platform config readers.
final class SQLSchemaTests: XCTestCase {
    private let matcher = PatternMatcher(rules: [])

    private func file(_ path: String, _ text: String) -> ScannedFile {
        ScannedFile(path: path, language: Language.detect(path: path) ?? .text, bytes: Array(text.utf8), matcher: matcher)
    }

    private func model(_ files: [String: String]) -> SchemaModel {
        SchemaModel.build(files: files.keys.sorted().map { file($0, files[$0]!) })
    }

    private func sql(_ text: String) -> [SQLStatement] {
        SQLReader.statements(of: file("db/schema.sql", text))
    }

    // MARK: - Reader

    func testSplitsOnSemicolonsOutsideDollarBodiesAndComments() {
        let s = sql("""
            -- a comment; with a semicolon
            create table a (id int); /* block; comment */
            create function f() returns int language plpgsql as $$
            begin
              perform 1; return 2;
            end;
            $$;
            create function g() returns text as $body$ select 'x;y' $body$ language sql;
            select 'it''s; fine';
            """)
        XCTAssertEqual(s.count, 4)
        XCTAssertEqual(s.map { $0.head(2) }, [["create", "table"], ["create", "function"], ["create", "function"], ["select", ""]])
        XCTAssertTrue(s[1].tokens.contains { $0.kind == .string && $0.text.contains("perform 1; return 2;") })
        XCTAssertEqual(s[2].tokens.first { $0.kind == .string }?.text, " select 'x;y' ")
        XCTAssertEqual(s[3].tokens.last?.text, "it's; fine")
    }

    func testStatementOffsetsPointAtTheFirstToken() {
        let text = "\n\n  -- header\n  CREATE TABLE x (id int);\nALTER TABLE x ENABLE ROW LEVEL SECURITY;"
        let s = sql(text)
        XCTAssertEqual(s.count, 2)
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[s[0].offset..<(s[0].offset + 6)], as: UTF8.self), "CREATE")
        XCTAssertEqual(String(decoding: bytes[s[1].offset..<(s[1].offset + 5)], as: UTF8.self), "ALTER")
        XCTAssertEqual(s[1].path, "db/schema.sql")
    }

    func testQuotedAndQualifiedNamesAndCaseInsensitiveKeywords() {
        let m = model(["supabase/migrations/001_init.sql": """
            CREATE TABLE IF NOT EXISTS "public"."Order Items" ("Id" UUID PRIMARY KEY, qty INT NOT NULL);
            Create Table public.profiles (id uuid primary key references auth.users(id));
            create table private.secrets (id int);
            """])
        XCTAssertEqual(m.tables.map(\.name.key), ["public.Order Items", "public.profiles", "private.secrets"])
        let items = m.table("public.Order Items")!
        XCTAssertEqual(items.columns.map(\.name), ["Id", "qty"])
        XCTAssertTrue(items.column("qty")!.notNull)
        XCTAssertEqual(items.column("Id")!.type, "uuid")
        let ref = m.table("profiles")!.column("id")!.references!
        XCTAssertEqual(ref.table.key, "auth.users")
        XCTAssertEqual(ref.columns, ["id"])
    }

    func testBeginAtomicBodyIsOneStatement() {
        let s = sql("create function one() returns int language sql begin atomic select 1; select 2; end; create table t (id int);")
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s[1].head(2), ["create", "table"])
    }

    // MARK: - CREATE TABLE

    func testCreateTableColumnsAndConstraints() {
        let m = model(["supabase/migrations/001.sql": """
            create table public.orders (
              id uuid primary key default gen_random_uuid(),
              user_id uuid not null references auth.users (id) on delete cascade,
              coupon_id uuid,
              status text not null default 'pending' check (status in ('pending', 'paid')),
              total numeric(10, 2),
              tags text[],
              items jsonb default '[]'::jsonb,
              created_at timestamp with time zone default now(),
              sku varchar(64) unique,
              constraint orders_coupon_fk foreign key (coupon_id) references public.coupons (id),
              unique (user_id, sku),
              check (total >= 0)
            );
            create table line (a int, b int, primary key (a, b));
            create table slots (room_id int, during tstzrange, exclude using gist (room_id with =, during with &&));
            """])
        let o = m.table("orders")!
        XCTAssertEqual(o.columns.count, 9)
        XCTAssertTrue(o.column("id")!.primaryKey)
        XCTAssertEqual(o.column("id")!.defaultValue, "gen_random_uuid()")
        XCTAssertEqual(o.column("status")!.defaultValue, "'pending'")
        XCTAssertTrue(o.column("status")!.notNull)
        XCTAssertEqual(o.column("total")!.type, "numeric(10, 2)")
        XCTAssertEqual(o.column("tags")!.type, "text[]")
        XCTAssertTrue(o.column("tags")!.isArray)
        XCTAssertTrue(o.column("items")!.isJSON)
        XCTAssertEqual(o.column("created_at")!.type, "timestamp with time zone")
        XCTAssertFalse(o.column("created_at")!.notNull)
        XCTAssertTrue(o.column("sku")!.unique)
        XCTAssertEqual(o.foreignKeys.first?.columns, ["coupon_id"])
        XCTAssertEqual(o.foreignKeys.first?.name, "orders_coupon_fk")
        XCTAssertEqual(o.allForeignKeys.count, 2)
        XCTAssertTrue(o.uniqueKeys.contains { $0.columns == ["user_id", "sku"] })
        XCTAssertEqual(m.table("line")!.primaryKey, ["a", "b"])
        XCTAssertTrue(m.table("line")!.column("a")!.notNull)
        XCTAssertEqual(m.table("slots")!.uniqueKeys.first?.kind, .exclusion)
        XCTAssertEqual(m.table("slots")!.uniqueKeys.first?.columns, ["room_id", "during"])
        XCTAssertEqual(m.dialect, .postgres)
    }

    func testAlterTable() {
        let m = model(["migrations/001_init.sql": """
            create table notes (id serial primary key, body text);
            alter table notes enable row level security;
            alter table only public.notes add column owner_id uuid, add constraint notes_owner_fk foreign key (owner_id) references users(id);
            alter table notes add constraint notes_body_key unique (body);
            alter table notes alter column body set not null;
            """,
            "migrations/002_more.sql": """
            alter table notes drop column if exists body;
            alter table notes disable row level security;
            alter table notes rename to memos;
            """])
        let t = m.table("memos")!
        XCTAssertNil(m.table("notes"))
        XCTAssertFalse(t.rowLevelSecurity)
        XCTAssertEqual(t.columns.map(\.name), ["id", "owner_id"])
        XCTAssertEqual(t.foreignKeys.first?.references.table.name, "users")
        XCTAssertTrue(t.column("id")!.notNull, "serial implies NOT NULL")
        XCTAssertEqual(m.destructive.count, 1)
        XCTAssertEqual(m.destructive[0].kind, .dropColumn)
        XCTAssertEqual(m.destructive[0].column, "body")
        XCTAssertNil(m.destructive[0].guardReason)
        XCTAssertEqual(m.files.map(\.versioned), [true, true])
    }

    // MARK: - Policies, indexes, functions, grants

    func testPoliciesKeepTheirExpressions() {
        let m = model(["supabase/migrations/1.sql": """
            create table todos (id uuid primary key, user_id uuid);
            alter table todos enable row level security;
            create policy "Users read own" on public.todos as permissive for select to authenticated using ( auth.uid() = user_id );
            create policy p_ins on todos for insert with check (true);
            create policy p_all on todos as restrictive to anon, authenticated using (true) with check (user_id = auth.uid());
            create policy gone on todos using (true);
            drop policy if exists gone on todos;
            """])
        XCTAssertEqual(m.policies.count, 3)
        let p = m.policies[0]
        XCTAssertEqual(p.name, "Users read own")
        XCTAssertEqual(p.table.key, "public.todos")
        XCTAssertEqual(p.command, .select)
        XCTAssertEqual(p.roles, ["authenticated"])
        XCTAssertEqual(p.using, "auth.uid() = user_id")
        XCTAssertNil(p.withCheck)
        XCTAssertEqual(m.policies[1].command, .insert)
        XCTAssertEqual(m.policies[1].roles, ["public"])
        XCTAssertEqual(m.policies[1].withCheck, "true")
        XCTAssertFalse(m.policies[2].permissive)
        XCTAssertEqual(m.policies[2].command, .all)
        XCTAssertEqual(m.policies[2].roles, ["anon", "authenticated"])
        XCTAssertEqual(m.policies[2].withCheck, "user_id = auth.uid()")
        XCTAssertTrue(m.table("todos")!.rowLevelSecurity)
    }

    func testIndexes() {
        let m = model(["db/migrations/0001.sql": """
            create table a (id int primary key, user_id int, email text);
            create index a_user_idx on a (user_id);
            create unique index concurrently if not exists a_email_key on public.a using btree (lower(email)) where email is not null;
            create index on a (user_id desc, email);
            """])
        XCTAssertEqual(m.indexes.count, 3)
        XCTAssertEqual(m.indexes[0].name, "a_user_idx")
        XCTAssertEqual(m.indexes[0].columns, ["user_id"])
        XCTAssertTrue(m.indexes[1].unique)
        XCTAssertTrue(m.indexes[1].partial)
        XCTAssertEqual(m.indexes[1].columns, ["lower(email)"])
        XCTAssertNil(m.indexes[2].name)
        XCTAssertEqual(m.indexes[2].columns, ["user_id", "email"])
        let t = m.table("a")!
        XCTAssertTrue(m.isIndexed(t, leading: ["user_id"]))
        XCTAssertFalse(m.isIndexed(t, leading: ["email"]))
        XCTAssertTrue(m.isIndexed(t, leading: ["id"]), "the primary key is an index")
    }

    func testSecurityDefinerFunctionsAndGrants() {
        let m = model(["supabase/migrations/1.sql": """
            create or replace function public.handle_new_user() returns trigger
            language plpgsql security definer set search_path = public
            as $$ begin insert into profiles (id) values (new.id); return new; end; $$;
            create function public.admin_stats() returns json language sql security definer as $$ select 1 $$;
            create function public.safe() returns int as 'select 1' language sql;
            revoke execute on function public.admin_stats() from public, anon;
            grant select, insert on table public.todos to anon;
            grant usage on schema public to authenticated;
            """])
        XCTAssertEqual(m.functions.count, 3)
        let h = m.functions[0]
        XCTAssertTrue(h.securityDefiner)
        XCTAssertTrue(h.setsSearchPath)
        XCTAssertTrue(h.returnsTrigger)
        XCTAssertEqual(h.language, "plpgsql")
        XCTAssertTrue(h.body.contains("insert into profiles"))
        XCTAssertTrue(m.functions[1].securityDefiner)
        XCTAssertFalse(m.functions[1].setsSearchPath)
        XCTAssertFalse(m.functions[2].securityDefiner)
        XCTAssertEqual(m.functions[2].body, "select 1")
        XCTAssertEqual(m.grants.count, 3)
        XCTAssertTrue(m.grants[0].revoke)
        XCTAssertEqual(m.grants[0].objectKind, "function")
        XCTAssertEqual(m.grants[0].objects.map(\.key), ["public.admin_stats"])
        XCTAssertEqual(m.grants[0].roles, ["public", "anon"])
        XCTAssertEqual(m.grants[1].privileges, ["select", "insert"])
        XCTAssertEqual(m.grants[1].roles, ["anon"])
        XCTAssertEqual(m.grants[2].objectKind, "schema")
    }

    func testViewsAndDoBlocks() {
        let m = model(["supabase/migrations/1.sql": """
            create table orders (id int primary key, user_id uuid);
            create view public.order_totals as select user_id, count(*) from public.orders group by user_id;
            create view v2 with (security_invoker = true) as select * from orders;
            do $$
            begin
              if not exists (select 1 from pg_policies where policyname = 'own') then
                create policy own on orders for select using (user_id = auth.uid());
              end if;
              execute 'alter table orders enable row level security';
            end $$;
            """])
        XCTAssertEqual(m.views.count, 2)
        XCTAssertFalse(m.views[0].securityInvoker)
        XCTAssertEqual(m.views[0].reads.map(\.key), ["public.orders"])
        XCTAssertTrue(m.views[1].securityInvoker)
        XCTAssertEqual(m.policies.map(\.name), ["own"])
        XCTAssertTrue(m.table("orders")!.rowLevelSecurity)
        let p = m.policies[0]
        let text = Array("""
            create table orders (id int primary key, user_id uuid);
            create view public.order_totals as select user_id, count(*) from public.orders group by user_id;
            create view v2 with (security_invoker = true) as select * from orders;
            do $$
            begin
              if not exists (select 1 from pg_policies where policyname = 'own') then
                create policy own on orders for select using (user_id = auth.uid());
            """.utf8)
        XCTAssertEqual(String(decoding: text[p.source.offset..<(p.source.offset + 13)], as: UTF8.self), "create policy",
                       "offsets inside a DO body are file offsets")
    }

    // MARK: - Destructive statements and migration files

    func testDestructiveStatementsAndTheirGuards() {
        let m = model([
            "supabase/migrations/20240101000000_init.sql": """
                drop table if exists public.todos;
                create table public.todos (id int primary key, title text);
                create table scratch (id int);
                truncate scratch;
                create table audit (id int);
                """,
            "supabase/migrations/20240201000000_more.sql": """
                create table todos_v2 (id int primary key, title text);
                insert into todos_v2 select * from todos;
                drop table todos;
                drop table scratch cascade;
                delete from todos_v2;
                delete from audit;
                delete from audit where id < 0;
                """,
            "supabase/seed.sql": "truncate todos_v2; insert into todos_v2 values (1, 'a');",
            "supabase/rollback/20240201000000_more.down.sql": "drop table todos_v2;",
        ])
        let d = m.destructive.map { "\($0.kind.rawValue) \($0.table.name) \($0.guardReason == nil ? "unguarded" : "guarded")" }
        XCTAssertEqual(d, [
            "DROP TABLE todos guarded", "TRUNCATE scratch guarded",
            "DROP TABLE todos guarded", "DROP TABLE scratch unguarded", "DELETE without WHERE todos_v2 guarded",
            "DELETE without WHERE audit unguarded",
        ])
        XCTAssertEqual(m.files.map(\.kind), [.migration, .migration, .seed, .down])
        XCTAssertEqual(m.table("todos_v2")?.columns.count, 2, "the down migration is not applied")
        XCTAssertNil(m.table("scratch"))
    }

    func testFileClassification() {
        XCTAssertEqual(SchemaModel.classify(["prisma", "migrations", "20240101_init", "migration.sql"]).0, .migration)
        XCTAssertTrue(SchemaModel.classify(["prisma", "migrations", "20240101_init", "migration.sql"]).1)
        XCTAssertEqual(SchemaModel.classify(["drizzle", "0000_cool_name.sql"]).0, .migration)
        XCTAssertEqual(SchemaModel.classify(["schema.sql"]).0, .schema)
        XCTAssertFalse(SchemaModel.classify(["schema.sql"]).1)
        XCTAssertEqual(SchemaModel.classify(["db", "migrations", "0002_x.down.sql"]).0, .down)
        XCTAssertEqual(SchemaModel.classify(["db", "migrations", "0002_x.up.sql"]).0, .migration)
        XCTAssertEqual(SchemaModel.classify(["supabase", "seed.sql"]).0, .seed)
        XCTAssertEqual(SchemaModel.classify(["sql", "V3__add_orders.sql"]).0, .migration)
    }

    func testDbmateDownSectionIsNotApplied() {
        let m = model(["db/migrations/20240101_create.sql": """
            -- migrate:up
            create table users (id int primary key);
            -- migrate:down
            drop table users;
            """])
        XCTAssertTrue(m.files[0].hasDownSection)
        XCTAssertNotNil(m.table("users"))
        XCTAssertTrue(m.destructive.isEmpty)
    }

    // MARK: - Prisma, Drizzle

    func testPrismaModels() {
        let m = model(["prisma/schema.prisma": """
            datasource db {
              provider = "postgresql" // main db
              url      = env("DATABASE_URL")
            }
            enum Role { ADMIN USER }
            model User {
              id        String   @id @default(cuid())
              email     String   @unique
              name      String?
              role      Role     @default(USER)
              posts     Post[]
              settings  Json?
              tags      String[]
              @@map("users")
            }
            model Post {
              id        Int      @id @default(autoincrement())
              authorId  String   @map("author_id")
              author    User     @relation(fields: [authorId], references: [id])
              slug      String
              createdAt DateTime @default(now())
              @@unique([authorId, slug])
              @@index([createdAt])
            }
            """])
        XCTAssertEqual(m.prismaProvider, "postgresql")
        XCTAssertEqual(m.dialect, .postgres)
        let u = m.table("users")!
        XCTAssertEqual(u.origin, .prisma)
        XCTAssertEqual(u.columns.map(\.name), ["id", "email", "name", "role", "settings", "tags"])
        XCTAssertTrue(u.column("id")!.primaryKey)
        XCTAssertTrue(u.column("email")!.unique)
        XCTAssertTrue(u.column("email")!.notNull)
        XCTAssertFalse(u.column("name")!.notNull)
        XCTAssertEqual(u.column("settings")!.type, "jsonb")
        XCTAssertEqual(u.column("tags")!.type, "text[]")
        XCTAssertEqual(u.column("role")!.type, "enum role")
        let p = m.table("Post")!
        XCTAssertEqual(p.column("author_id")?.type, "text")
        XCTAssertEqual(p.foreignKeys.first?.columns, ["author_id"])
        XCTAssertEqual(p.foreignKeys.first?.references.table.name, "users")
        XCTAssertTrue(p.uniqueKeys.contains { $0.columns == ["author_id", "slug"] })
        XCTAssertTrue(m.isIndexed(p, leading: ["author_id"]), "the composite unique key leads with author_id")
        XCTAssertTrue(m.isIndexed(p, leading: ["createdAt"]))
    }

    func testPrismaMergesWithItsMigrationSQL() {
        let m = model([
            "prisma/schema.prisma": "model Doc {\n  id String @id\n  ownerId String\n  owner User @relation(fields: [ownerId], references: [id])\n}\nmodel User {\n  id String @id\n}\n",
            "prisma/migrations/20240101_init/migration.sql": "CREATE TABLE \"Doc\" (\"id\" TEXT NOT NULL, \"ownerId\" TEXT NOT NULL, CONSTRAINT \"Doc_pkey\" PRIMARY KEY (\"id\"));\nCREATE TABLE \"User\" (\"id\" TEXT NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));",
        ])
        XCTAssertEqual(m.tables.count, 2)
        let d = m.table("Doc")!
        XCTAssertEqual(d.origin, .sql)
        XCTAssertEqual(d.primaryKey, ["id"])
        XCTAssertEqual(d.allForeignKeys.first?.columns, ["ownerId"], "the relation from the Prisma model fills in the FK")
    }

    func testDrizzleTables() {
        let m = model(["shared/schema.ts": """
            import { pgTable, serial, text, integer, jsonb, timestamp, uniqueIndex, index } from "drizzle-orm/pg-core";
            export const users = pgTable("users", {
              id: serial("id").primaryKey(),
              email: text("email").notNull().unique(),
              // name: text("legacy_name"),
              createdAt: timestamp("created_at").defaultNow(),
            });
            export const orders = pgTable("orders", {
              id: serial("id").primaryKey(),
              userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
              items: jsonb("items").$type<string[]>(),
              code: text("code"),
            }, (t) => [uniqueIndex("orders_code").on(t.code), index("orders_user").on(t.userId)]);
            """])
        XCTAssertEqual(m.tables.map(\.name.name), ["users", "orders"])
        let u = m.table("users")!
        XCTAssertEqual(u.columns.map(\.name), ["id", "email", "created_at"])
        XCTAssertTrue(u.column("id")!.primaryKey)
        XCTAssertTrue(u.column("email")!.unique)
        XCTAssertEqual(u.column("created_at")!.defaultValue, "defaultNow()")
        let o = m.table("orders")!
        XCTAssertEqual(o.column("user_id")?.references?.table.name, "users")
        XCTAssertTrue(o.column("items")!.isJSON)
        XCTAssertTrue(m.isIndexed(o, leading: ["user_id"]))
        XCTAssertTrue(o.uniqueKeys.contains { $0.columns == ["code"] })
        XCTAssertEqual(m.drizzleTables["orders"], "public.orders")
        XCTAssertEqual(m.resolve(codeName: "orders")?.name.name, "orders")
    }

    // MARK: - Supabase config and Firebase rules

    func testSupabaseConfigVerifyJWT() {
        let m = model(["supabase/config.toml": """
            project_id = "x"
            [functions.stripe-webhook]
            verify_jwt = false # Stripe signs its requests
            [functions.send-email]
            enabled = true
            [functions."public-api"]
            verify_jwt = true
            """])
        XCTAssertTrue(m.supabaseProject)
        XCTAssertEqual(m.edgeFunctions.map(\.name), ["stripe-webhook", "send-email", "public-api"])
        XCTAssertEqual(m.edgeFunctions.map(\.verifyJWT), [false, true, true])
        XCTAssertEqual(m.edgeFunctions[0].source.offset, "project_id = \"x\"\n[functions.stripe-webhook]\n".utf8.count)
    }

    func testFirestoreRules() {
        let m = model(["firestore.rules": """
            rules_version = '2';
            service cloud.firestore {
              match /databases/{database}/documents {
                // allow read, write: if true;
                match /products/{id} {
                  allow read: if true;
                  allow write: if request.auth.token.admin == true;
                }
                match /orders/{id} {
                  allow read, write: if request.auth != null;
                }
                match /{document=**} {
                  allow read, write: if request.time < timestamp.date(2025, 1, 1);
                }
                match /logs/{id} { allow create; }
              }
            }
            """])
        XCTAssertEqual(m.firebaseRuleFiles, ["firestore.rules"])
        let r = m.firebaseRules
        XCTAssertEqual(r.count, 4)
        XCTAssertEqual(r[0].exposure, .everyone)
        XCTAssertTrue(r[0].read && !r[0].write)
        XCTAssertTrue(r[0].matchPath.hasSuffix("/products/{id}"))
        XCTAssertEqual(r[1].exposure, .anyUser)
        XCTAssertTrue(r[1].write)
        XCTAssertEqual(r[2].exposure, .testMode)
        XCTAssertTrue(r[2].wildcard)
        XCTAssertEqual(r[3].exposure, .everyone)
        XCTAssertTrue(r[3].write)
    }

    func testRealtimeDatabaseRules() {
        let m = model(["database.rules.json": """
            { "rules": { ".read": true, ".write": "auth != null",
                "posts": { "$id": { ".write": "auth.uid === data.child('uid').val()" } } } }
            """])
        XCTAssertEqual(m.firebaseRules.count, 2)
        XCTAssertEqual(m.firebaseRules[0].exposure, .everyone)
        XCTAssertTrue(m.firebaseRules[0].read)
        XCTAssertTrue(m.firebaseRules[0].wildcard)
        XCTAssertEqual(m.firebaseRules[1].exposure, .anyUser)
        XCTAssertTrue(m.firebaseRules[1].write)
    }

    // MARK: - User data

    func testUserDataClassification() {
        let m = model(["supabase/migrations/1.sql": """
            create table countries (code text primary key, name text);
            create table notes (id int primary key, owner_id uuid);
            create table things (id int primary key, profile uuid references profiles(id));
            create table orders (id int primary key);
            create table widgets (id int primary key, label text);
            """])
        XCTAssertEqual(m.tables.map { m.isUserData($0) }, [false, true, true, true, false])
    }

    // MARK: - Data access in JS/TS

    private func access(_ path: String, _ text: String, fetch: Bool = false) -> DataAccessFile {
        let m = PatternMatcher(rules: [PatternRule(id: "T/db", literals: DataAccessFile.anchorLiterals, regions: .code, regexEquivalent: "")])
        let f = ScannedFile(path: path, language: Language.detect(path: path)!, bytes: Array(text.utf8), matcher: m)
        return DataAccessFile(f, anchors: DataAccessFile.anchors(f, literals: Set(DataAccessFile.anchorLiterals)), includeFetch: fetch)
    }

    func testRecognisesDatabaseCalls() {
        let a = access("src/pages/Orders.tsx", """
            const { data: rows, error } = await supabase
              .from('orders')
              .select('id, total')
              .eq('user_id', userId)
              .order('created_at', { ascending: false })
              .range(0, 19)
            const one = await prisma.user.findUnique({ where: { id } })
            await db.insert(orders).values({ total: 1 }).onConflictDoNothing()
            const list = await db.select().from(users).where(eq(users.id, 1)).limit(5)
            const { rows: r } = await pool.query('SELECT * FROM invoices WHERE id = $1', [id])
            const snap = await getDocs(query(collection(db, 'messages'), limit(10)))
            await supabase.storage.from('avatars').upload(path, file)
            const xs = Array.from(set)
            // await supabase.from('secret').delete()
            """)
        let c = a.calls
        XCTAssertEqual(c.map(\.api), [.supabase, .prisma, .drizzle, .drizzle, .sql, .firebase])
        XCTAssertEqual(c.map(\.op), [.read, .readOne, .upsert, .read, .read, .read])
        XCTAssertEqual(c.map(\.table), ["orders", "user", "orders", "users", "invoices", "messages"])
        XCTAssertEqual(c[0].boundNames, ["rows"])
        XCTAssertTrue(c[0].awaited)
        XCTAssertEqual(c[0].methods.map(\.name), ["from", "select", "eq", "order", "range"])
        XCTAssertTrue(a.isBounded(c[0]) && a.isFiltered(c[0]))
        XCTAssertEqual(a.filterColumns(c[0]), ["user_id"])
        XCTAssertEqual(c[1].boundNames, ["one"])
        XCTAssertTrue(a.isBounded(c[3]) && a.isFiltered(c[3]))
        XCTAssertEqual(a.filterColumns(c[4]), ["id"])
        XCTAssertTrue(a.isBounded(c[5]))
    }

    func testUnboundedAndConditionalFilters() {
        let a = access("app/api/a/route.ts", """
            const all = await prisma.appointment.findMany({ where: patientId ? { patientId } : {}, include: { doctor: true } })
            const inv = await prisma.invoice.findMany({ where: { patientId: patientId ?? undefined } })
            const page = await prisma.invoice.findMany({ where: { status: 'open' }, take: 20 })
            const { data } = await supabase.from('tickets').select('*').order('created_at')
            const { count } = await supabase.from('tickets').select('*', { count: 'exact', head: true })
            """)
        XCTAssertEqual(a.calls.map { a.isFiltered($0) }, [false, false, true, false, false])
        XCTAssertEqual(a.calls.map { a.isBounded($0) }, [false, false, true, false, true])
        XCTAssertEqual(a.calls[4].op, .count)
        XCTAssertTrue(a.selectsStar(a.calls[3]))
    }

    func testQueriesInLoops() {
        let a = access("server/report.ts", """
            export async function report() {
              const { data: orders } = await supabase.from('orders').select('id, customer_id').limit(50)
              for (const o of orders ?? []) {
                const { data: c } = await supabase.from('customers').select('name').eq('id', o.customer_id).single()
              }
              await Promise.all(ids.map(async (id) => supabase.from('tags').select('name').eq('id', id)))
              for (const chunk of chunks) { await supabase.from('tags').select('name').in('id', chunk) }
              const names = orders.map((o) => o.id)
            }
            """)
        let loops = a.queriesInLoops()
        XCTAssertEqual(loops.count, 2)
        XCTAssertEqual(loops[0].call.table, "customers")
        XCTAssertEqual(loops[0].source?.table, "orders")
        XCTAssertTrue(loops[0].perItem)
        XCTAssertEqual(loops[1].call.table, "tags")
        XCTAssertNil(loops[1].source)
        XCTAssertEqual(loops[1].loop.variables, ["id"])
    }

    func testReadModifyWriteAndAtomicUpdates() {
        let a = access("server/credits.ts", """
            export async function spend(id: string, cost: number) {
              const user = await prisma.user.findUnique({ where: { id } })
              await prisma.user.update({ where: { id }, data: { credits: user.credits - cost, name: 'x' } })
              await prisma.user.update({ where: { id }, data: { credits: { decrement: cost } } })
            }
            export async function like(postId: string) {
              const { data: post } = await supabase.from('posts').select('likes').eq('id', postId).single()
              const next = (post?.likes ?? 0) + 1
              await supabase.from('posts').update({ likes: next }).eq('id', postId)
              await supabase.from('posts').update({ likes: next }).eq('id', postId).eq('likes', post.likes)
            }
            export async function move() {
              await prisma.$transaction(async (tx) => {
                const acct = await tx.account.findUnique({ where: { id: 1 } })
                await tx.account.update({ where: { id: 1 }, data: { balance: acct!.balance + 5 } })
              })
            }
            export async function lockedMove() {
              await db.transaction(async (tx) => {
                const [acct] = await tx.select().from(accounts).where(eq(accounts.id, 1)).for('update')
                await tx.update(accounts).set({ balance: acct.balance + 5 }).where(eq(accounts.id, 1))
              })
            }
            export async function serializableMove() {
              await prisma.$transaction(async (tx) => {
                const acct = await tx.account.findUnique({ where: { id: 1 } })
                await tx.account.update({ where: { id: 1 }, data: { balance: acct!.balance + 5 } })
              }, { isolationLevel: 'Serializable' })
            }
            """)
        let r = a.readModifyWrites()
        XCTAssertEqual(r.map(\.column), ["credits", "likes", "likes", "balance", "balance", "balance"])
        XCTAssertEqual(r.map { a.isProtected(read: $0.read, write: $0.write) }, [false, false, false, false, true, true],
                       "a plain READ COMMITTED transaction does not protect a read-modify-write; a row lock or SERIALIZABLE does")
        XCTAssertTrue(r[0].decreases)
        XCTAssertFalse(r[1].decreases)
        XCTAssertFalse(a.isConditional(r[1].write, on: "likes"))
        XCTAssertTrue(a.isConditional(r[2].write, on: "likes"))
        XCTAssertTrue(a.inTransaction(r[3].write))
        XCTAssertFalse(a.inTransaction(r[0].write))
        XCTAssertEqual(a.atomicUpdates, 1)
    }

    func testCheckThenInsertAndDependentWrites() {
        let a = access("src/pages/Book.tsx", """
            export async function book(doctorId: string, slot: string) {
              const { data: existing } = await supabase.from('appointments').select('id').eq('doctor_id', doctorId).eq('slot', slot).eq('status', 'booked')
              if (existing?.length) return
              const { data: appt } = await supabase.from('appointments').insert({ doctor_id: doctorId, slot }).select().single()
              await supabase.from('invoices').insert({ appointment_id: appt.id, amount: 500 })
              await supabase.from('audit_log').insert({ action: 'book', id: appt.id })
            }
            """)
        let c = a.checkThenInserts()
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(c[0].columns, ["doctor_id", "slot"], "a filter on a literal value is not part of the key")
        let d = a.dependentWrites()
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d[0].first.table, "appointments")
        XCTAssertEqual(d[0].second.table, "invoices")
    }
}
