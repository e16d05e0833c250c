import Foundation

/// G4.D1: Supabase row-level security and its bypasses, read from the migrations (see `SchemaModel`):
/// public-schema tables without `ENABLE ROW LEVEL SECURITY` (critical for user data when the browser
/// talks to Supabase directly with supabase-js), policies whose expression is `true` or only "signed
/// in" on user-data tables, write policies with no WITH CHECK, SECURITY DEFINER functions callable
/// through `rpc` or without a pinned `search_path`, views that read user data as their owner, edge
/// functions with `verify_jwt = false` that verify nothing themselves, and Firebase rules open to all.
///
/// Not measured when the app has no Supabase project, no SQL schema exposed through Supabase and no
/// Firebase rules: a database reached only through the app's own server (Prisma, Drizzle) does not use
/// RLS as its access control (G4.P2 covers route authorization).
public struct RLSPoliciesCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D1", slug: "rls-policies", kind: .diagnostic, methods: "S",
        measures: "tables without RLS, `USING (true)` policies, SECURITY DEFINER functions, edge functions with JWT verification off",
        severity: .high, remediation: RemediationCost(baseHours: 1.5, perFindingHours: 0.75),
        triggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": """
                    ↓create table public.profiles (
                      id uuid primary key references auth.users (id),
                      full_name text
                    );
                    """,
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n",
            ], note: "a user-data table without RLS while the browser queries Supabase directly"),
            CollectorExample("supabase/migrations/20240101000000_orders.sql", """
                create table orders (id uuid primary key default gen_random_uuid(), user_id uuid not null references auth.users (id));
                alter table orders enable row level security;
                ↓create policy "Allow all" on orders for all using (true) with check (true);
                """, note: "a USING (true) policy on a user-data table"),
            CollectorExample("supabase/migrations/20240101000000_stats.sql", """
                create table invoices (id uuid primary key, customer_id uuid, amount numeric);
                alter table invoices enable row level security;
                create policy own on invoices for select to authenticated using (customer_id = auth.uid());
                ↓create or replace function public.revenue() returns numeric
                language sql security definer
                as $$ select sum(amount) from invoices $$;
                """, note: "a SECURITY DEFINER function anyone can call through rpc, without search_path"),
            CollectorExample([
                "supabase/config.toml": "[functions.send-email]\n↓verify_jwt = false\n",
                "supabase/functions/send-email/index.ts": "Deno.serve(async (req) => {\n  const { to } = await req.json()\n  return new Response(JSON.stringify({ sent: to }))\n})\n",
            ], note: "an edge function open to anyone that verifies nothing itself"),
            CollectorExample("firestore.rules", """
                rules_version = '2';
                service cloud.firestore {
                  match /databases/{database}/documents {
                    match /{document=**} {
                      ↓allow read, write: if true;
                    }
                  }
                }
                """, note: "Firestore open to everyone"),
            CollectorExample([
                "prisma/migrations/20240101000000_init/migration.sql": "↓CREATE TABLE \"Order\" (\"id\" TEXT NOT NULL, \"userId\" TEXT NOT NULL, \"total\" INTEGER NOT NULL, CONSTRAINT \"Order_pkey\" PRIMARY KEY (\"id\"));\n",
                ".env.example": "DATABASE_URL=postgresql://postgres.abcd:password@aws-0-eu-central-1.pooler.supabase.com:6543/postgres\n",
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, anonKey)\n",
            ], note: "Prisma tables in Supabase's Postgres: the REST API exposes them without RLS"),
            CollectorExample("supabase/migrations/20240101000000_notes.sql", """
                create table notes (id uuid primary key, owner_id uuid not null, body text);
                alter table notes enable row level security;
                create policy read_own on notes for select using (owner_id = auth.uid());
                ↓create policy update_any on notes for update to authenticated using (auth.uid() is not null);
                """, note: "any signed-in user may update every row"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": """
                    create table public.profiles (id uuid primary key references auth.users (id), full_name text);
                    alter table public.profiles enable row level security;
                    create policy "read own" on public.profiles for select to authenticated using ((select auth.uid()) = id);
                    create policy "update own" on public.profiles for update to authenticated using ((select auth.uid()) = id);
                    create policy "insert own" on public.profiles for insert to authenticated with check ((select auth.uid()) = id);
                    create table public.countries (code text primary key, name text not null);
                    alter table public.countries enable row level security;
                    create policy "countries are public" on public.countries for select using (true);
                    create function public.handle_new_user() returns trigger language plpgsql security definer set search_path = ''
                    as $$ begin insert into public.profiles (id) values (new.id); return new; end; $$;
                    -- create policy "debug" on public.profiles for all using (true);
                    """,
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(url, anonKey)\n",
                "docs/rls.md": "Never write `create policy p on profiles using (true);`\n",
            ], note: "RLS with owner policies, a public lookup table, a trigger function with search_path, a commented-out policy"),
            CollectorExample([
                "supabase/config.toml": "[functions.stripe-webhook]\nverify_jwt = false\n",
                "supabase/functions/stripe-webhook/index.ts": """
                    import Stripe from 'npm:stripe'
                    const stripe = new Stripe(Deno.env.get('STRIPE_SECRET_KEY')!)
                    Deno.serve(async (req) => {
                      const event = await stripe.webhooks.constructEventAsync(await req.text(), req.headers.get('stripe-signature')!, Deno.env.get('STRIPE_WEBHOOK_SECRET')!)
                      return new Response(JSON.stringify({ received: event.id }))
                    })
                    """,
            ], note: "verify_jwt off for a webhook that checks Stripe's signature"),
            CollectorExample([
                "supabase/config.toml": "[functions.auth-with-rate-limit]\nverify_jwt = false\n",
                "supabase/functions/auth-with-rate-limit/index.ts": """
                    import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'
                    Deno.serve(async (req) => {
                      const { email, password } = await req.json()
                      const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!)
                      const { data, error } = await supabase.auth.signInWithPassword({ email, password })
                      return new Response(JSON.stringify(error ? { error: 'invalid' } : data), { status: error ? 401 : 200 })
                    })
                    """,
            ], note: "verify_jwt off for the sign-in itself: there is no caller to verify yet"),
            CollectorExample([
                "supabase/migrations/20240101000000_admin.sql": """
                    create table audit_log (id bigint generated always as identity primary key, actor_id uuid references auth.users (id), action text not null);
                    alter table audit_log enable row level security;
                    create or replace function public.is_admin() returns boolean language sql stable security definer set search_path = public
                    as $$ select coalesce((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false) $$;
                    create policy admins_read on audit_log for select to authenticated using (public.is_admin());
                    create table private.jobs (id int primary key);
                    """,
            ], note: "a definer helper that checks the caller, and a table outside the exposed schema"),
            CollectorExample("firestore.rules", """
                service cloud.firestore {
                  match /databases/{database}/documents {
                    match /products/{id} { allow read: if true; allow write: if request.auth.token.admin == true; }
                    match /orders/{id} { allow read, write: if request.auth != null && request.auth.uid == resource.data.uid; }
                  }
                }
                """, note: "a public catalog and owner-checked orders"),
            CollectorExample([
                "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE \"Note\" (\"id\" TEXT NOT NULL, \"userId\" TEXT NOT NULL, CONSTRAINT \"Note_pkey\" PRIMARY KEY (\"id\"));\n",
                "lib/supabase/client.ts": "import { createBrowserClient } from '@supabase/ssr'\nexport const supabase = () => createBrowserClient(url, key)\n",
                ".env.example": "DATABASE_URL=postgres://user:password@db.neon.tech/app\n",
            ], note: "Supabase used for sign-in only; the Prisma tables live in another database behind the server"),
            CollectorExample([
                "prisma/schema.prisma": "model User {\n  id String @id\n  email String @unique\n}\n",
                "app/api/users/route.ts": "import { prisma } from '@/lib/db'\nexport async function GET() { return Response.json(await prisma.user.findMany({ take: 20 })) }\n",
            ], note: "a database reached only through the server: RLS is not measured"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.D1/caller-check", literals: Self.callerCheckMarkers, regions: .live,
                        languages: [.javascript, .jsx, .typescript, .tsx],
                        regexEquivalent: #"constructEvent|verifySignature|svix|new Webhook\(|timingSafeEqual|createHmac|crypto\.subtle\.verify|auth\.(getUser|getClaims)\(|jwt(Verify|\.verify)\(|verifyWebhook|x-hub-signature|validateRequest\(|verifyKey\("#),
            PatternRule(id: "G4.D1/supabase-db-url", literals: ["pooler.supabase.com", ".supabase.co:5432", ".supabase.co:6543"], regions: .any,
                        regexEquivalent: #"pooler\.supabase\.com|\.supabase\.co:(5432|6543)"#),
            PatternRule(id: "G4.D1/supabase-client",
                        literals: ["@supabase/supabase-js", "@supabase/ssr", "@supabase/auth-helpers", "createBrowserClient(", "createClientComponentClient("],
                        regions: .live, regexEquivalent: #"@supabase/(supabase-js|ssr|auth-helpers)|createBrowserClient\(|createClientComponentClient\("#),
        ]
    }

    private static let clientRoles: Set<String> = ["anon", "authenticated", "public"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = SchemaModel.shared(app)
        let clientFiles = app.hits("G4.D1/supabase-client").filter { $0.file.role.reachesClient }.map(\.file.path)
        let clientDirect = !clientFiles.isEmpty
        let usesSupabase = model.supabaseProject || !app.hits("G4.D1/supabase-client").isEmpty
        // Tables created by an ORM's migrations (Prisma, Drizzle) sit behind the app's server unless the database is
        // Supabase's own Postgres, whose public schema the REST API exposes.
        let supabaseDatabase = model.supabaseProject || !app.hits("G4.D1/supabase-db-url").isEmpty
        let sqlTables = model.tables.filter { t in
            t.origin == .sql && (supabaseDatabase || !Self.isORMMigration(t.source.path))
        }
        let supabaseSQL = !model.policies.isEmpty || model.functions.contains { $0.body.hasSubstring("auth.uid") || $0.body.hasSubstring("auth.jwt") }
            || sqlTables.contains { t in t.allForeignKeys.contains { $0.references.table.key == "auth.users" } }
        let exposedTables = (usesSupabase || supabaseSQL) ? sqlTables.filter { ($0.name.schema ?? "public") == "public" } : []

        if exposedTables.isEmpty && model.edgeFunctions.isEmpty && model.firebaseRules.isEmpty && model.firebaseRuleFiles.isEmpty
            && !(usesSupabase && !model.functions.isEmpty) {
            if !sqlTables.isEmpty || !model.tables.isEmpty {
                return .notMeasured(d.id, "the database is reached only through the app's own server (no Supabase or Firebase client), so row-level security is not its access control; route authorization is G4.P2",
                                    evidence: [Evidence("tables", model.tables.count)])
            }
            if usesSupabase {
                return .notMeasured(d.id, "the app uses Supabase but no table definitions are in the repository (no supabase/migrations), so its RLS cannot be read")
            }
            return .notMeasured(d.id, "no SQL schema, Supabase project or Firebase rules in the app")
        }

        var findings: [Finding] = []
        var policyCount = 0, trivialCount = 0

        // Tables without RLS.
        for t in exposedTables where !t.rowLevelSecurity && !revokedFromClients(t, model) {
            let userData = model.isUserData(t)
            let sev: Severity = userData && clientDirect ? .critical : .high
            let reach = clientDirect ? "The browser talks to Supabase directly (\(clientFiles.first!)), so anyone holding the public anon key"
                : "Anyone holding the project's public anon key"
            findings.append(app.finding(d, rule: "table-without-rls", at: t.source, severity: sev,
                message: "Table \(t.name) has no row-level security. \(reach) can read, change and delete every row through the REST API\(userData ? " — and it holds user data" : ""). Add `alter table \(t.name) enable row level security;` and policies scoped to `auth.uid()`."))
        }

        // Policies.
        for p in model.policies {
            policyCount += 1
            guard (p.table.schema ?? "public") == "public", !Set(p.roles).isDisjoint(with: Self.clientRoles) else { continue }
            let table = model.table(p.table.key)
            let userData = table.map { model.isUserData($0) } ?? SchemaNames.isUserDataName(p.table.name)
            guard userData, p.permissive else { continue }
            let who = p.roles.contains("anon") || p.roles.contains("public") ? "anyone, signed in or not," : "any signed-in user"
            let writes = p.command != .select
            let owner = table.flatMap { t in t.columns.first { SchemaNames.isOwnerColumn($0.name) }?.name
                ?? t.allForeignKeys.first { SchemaNames.isUserTable($0.references.table) }?.columns.first } ?? "user_id"
            let verb: String
            switch p.command {
            case .select: verb = "read"
            case .all: verb = "read, change and delete"
            case .update: verb = "change"
            case .delete: verb = "delete"
            case .insert: verb = "insert"
            }
            let using = p.using.map(Self.normalized), check = p.withCheck.map(Self.normalized)
            if let u = using, Self.isTrueNormalized(u), p.command != .insert {
                trivialCount += 1
                findings.append(app.finding(d, rule: "policy-using-true", at: p.source, severity: .high,
                    message: "Policy \"\(p.name)\" on \(p.table) is USING (true) for \(p.command.rawValue.uppercased()): \(who) can \(verb) every user's rows. Scope it to the owner, e.g. `using ((select auth.uid()) = \(owner))`."))
                continue
            }
            if let c = check, Self.isTrueNormalized(c), writes {
                trivialCount += 1
                findings.append(app.finding(d, rule: "policy-check-true", at: p.source, severity: .high,
                    message: "Policy \"\(p.name)\" on \(p.table) is WITH CHECK (true): \(who) can write rows on behalf of any user. Require the owner column to match, e.g. `with check ((select auth.uid()) = \(owner))`."))
                continue
            }
            let effectiveCheck = check ?? (p.command == .insert ? nil : using)
            if let u = using, Self.isSignedInOnlyNormalized(u), p.command != .insert {
                let sev: Severity = p.command == .select ? .medium : .high
                findings.append(app.finding(d, rule: "policy-any-signed-in-user", at: p.source, severity: sev,
                    message: "Policy \"\(p.name)\" on \(p.table) only checks that a user is signed in: every account can \(verb) every other user's rows (\(p.command.rawValue.uppercased())). Compare the row's owner column with `auth.uid()`."))
                continue
            }
            if p.command == .insert && p.withCheck == nil {
                findings.append(app.finding(d, rule: "insert-policy-without-check", at: p.source, severity: .medium,
                    message: "INSERT policy \"\(p.name)\" on \(p.table) has no WITH CHECK, so it does not say which rows a user may create. Add `with check ((select auth.uid()) = \(owner))` so users cannot insert rows owned by someone else."))
            } else if let c = effectiveCheck, writes, Self.isSignedInOnlyNormalized(c) {
                findings.append(app.finding(d, rule: "write-check-any-user", at: p.source, severity: .medium,
                    message: "Policy \"\(p.name)\" on \(p.table) lets any signed-in user write rows for any owner (its check is only \"signed in\"). Tie new rows to `auth.uid()` in WITH CHECK."))
            }
        }

        // SECURITY DEFINER functions.
        // One finding per function name: the latest definition (CREATE OR REPLACE across migrations, overloads).
        var latest: [String: SQLFunction] = [:]
        for f in model.functions { latest[f.name.key] = f }
        let definers = model.functions.filter { $0.securityDefiner && latest[$0.name.key] == $0 }
        for f in definers {
            let exposed = (f.name.schema ?? "public") == "public" && !f.returnsTrigger && !revokedExecute(f, model)
            let body = f.body.lowercased()
            let checksCaller = ["auth.uid", "auth.jwt", "auth.role", "auth.email", "current_user", "session_user"].contains { body.hasSubstring($0) }
            let touchesTables = [" from ", "\nfrom ", "insert into", "update ", "delete from", "perform ", "execute "].contains { body.hasSubstring($0) }
            let anonCallable = exposed && !checksCaller && touchesTables && (usesSupabase || supabaseSQL)
            guard anonCallable || !f.setsSearchPath else { continue }
            let writes = ["insert into", "update ", "delete from", "truncate", "drop ", "alter ", "grant "].contains { Self.containsWord(body, $0) }
            let returnsRows = ["setof", "table", "json", "record"].contains { f.returns.hasSubstring($0) }
            var problems: [String] = []
            var sev: Severity = f.setsSearchPath ? .low : .medium
            if anonCallable {
                let impact = writes ? "changes data with its owner's rights, bypassing RLS"
                    : returnsRows ? "returns data with its owner's rights, bypassing RLS" : "reads tables with its owner's rights (a yes/no or single value leaks)"
                problems.append("it is in the public schema and not revoked from anon, so anyone can call it with `supabase.rpc('\(f.name.name)')`; it \(impact) without checking `auth.uid()`")
                sev = max(sev, writes ? .high : returnsRows ? .medium : .low)
            }
            if !f.setsSearchPath {
                problems.append("it does not pin `search_path`, so a caller who can create objects in a schema on the path can make it run their code with elevated rights")
            }
            findings.append(app.finding(d, rule: anonCallable ? "security-definer-callable" : "security-definer-search-path", at: f.source,
                severity: sev,
                message: "SECURITY DEFINER function \(f.name): " + problems.joined(separator: "; ") + ". Add `set search_path = ''`, check the caller inside, and `revoke execute on function \(f.name) from public, anon`."))
        }

        // Views over user data run as their owner.
        if usesSupabase || supabaseSQL {
            for v in model.views where (v.name.schema ?? "public") == "public" && !v.securityInvoker {
                let readsUser = v.reads.compactMap { model.table($0.key) }.contains { model.isUserData($0) && $0.rowLevelSecurity }
                let filtersByCaller = ["auth.uid", "auth.jwt", "auth.role", "current_user"].contains { v.query.lowercased().hasSubstring($0) }
                guard readsUser, !filtersByCaller else { continue }
                findings.append(app.finding(d, rule: "view-bypasses-rls", at: v.source, severity: .high,
                    message: "\(v.materialized ? "Materialized view" : "View") \(v.name) reads user-data tables with its owner's rights, so the API serves their rows without the tables' RLS. Create it `with (security_invoker = true)`\(v.materialized ? ", or move it out of the public schema" : "")."))
            }
        }

        // Edge functions without JWT verification.
        let verifiedFiles = Set(app.hits("G4.D1/caller-check").map(\.file.path))
        var functionFiles: [String: [ScannedFile]] = [:]
        if model.edgeFunctions.contains(where: { !$0.verifyJWT }) {
            for f in app.files {
                let parts = f.path.split(separator: "/")
                guard let i = parts.firstIndex(of: "functions"), i > 0, parts[i - 1] == "supabase", i + 2 < parts.count else { continue }
                functionFiles[String(parts[i + 1]), default: []].append(f)
            }
        }
        for e in model.edgeFunctions where !e.verifyJWT {
            let files = functionFiles[e.name] ?? []
            if files.contains(where: { verifiedFiles.contains($0.path) }) || Self.checksSharedSecret(files) { continue }
            if Self.isSignInEndpoint(e.name, files) { continue }
            findings.append(app.finding(d, rule: "edge-function-no-jwt", at: e.source, severity: .high,
                message: "Edge function \(e.name) runs with verify_jwt = false and \(files.isEmpty ? "its code is not in the repository to show" : "its code does not") verify a caller or a webhook signature: anyone on the internet can invoke it. Remove `verify_jwt = false`, or verify the request yourself (`supabase.auth.getUser(token)`, `stripe.webhooks.constructEvent`, a Svix/HMAC signature)."))
        }

        // Firebase rules.
        for r in model.firebaseRules {
            let storage = r.matchPath.hasPrefix("/b/")
            let collection = r.matchPath.split(separator: "/").last(where: { !$0.hasPrefix("{") && !$0.isEmpty && $0 != "documents" && $0 != "o" }).map(String.init) ?? ""
            let publicContent = Self.isPublicContent(collection) || storage && !r.wildcard
            let privateData = r.wildcard || (SchemaNames.isUserDataName(collection) && !publicContent)
            let ops = [r.read ? "read" : nil, r.write ? "write" : nil].compactMap { $0 }.joined(separator: " and ")
            let sev: Severity?
            var what: String
            switch r.exposure {
            case .everyone:
                sev = r.write ? (privateData || r.wildcard ? .critical : .high) : (privateData ? .critical : nil)
                what = "lets anyone, signed in or not, \(ops)"
            case .testMode:
                sev = .critical
                what = "is the test-mode rule: anyone can \(ops) until its date, then nobody can"
            case .anyUser:
                sev = r.wildcard ? .high : r.write ? (privateData ? .high : .medium) : (privateData ? .medium : nil)
                what = "lets any signed-in user \(ops) every \(storage ? "file" : "document") there, not just their own"
            }
            guard let s = sev else { continue }
            what = "Firebase rule on \(r.matchPath.isEmpty ? "/" : r.matchPath) " + what
            findings.append(app.finding(d, rule: "firebase-open-rule", at: r.source, severity: s,
                message: what + ". Require `request.auth.uid` to match the owner (`resource.data.userId`, or the `{userId}` in the path), and keep wildcards (`{document=**}`) closed."))
        }

        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: [
            Evidence("exposed tables", exposedTables.count),
            Evidence("tables with RLS", exposedTables.filter(\.rowLevelSecurity).count),
            Evidence("policies", policyCount),
            Evidence("always-true policies on user data", trivialCount),
            Evidence("security definer functions", definers.count),
            Evidence("edge functions with verify_jwt off", model.edgeFunctions.filter { !$0.verifyJWT }.count),
            Evidence("firebase rule files", model.firebaseRuleFiles.count),
            Evidence("browser talks to Supabase", clientDirect ? "yes" : "no"),
        ])
    }

    private static let publicContentWords: Set<String> = [
        "review", "reviews", "post", "posts", "comment", "comments", "article", "articles", "blog", "blogs", "product", "products",
        "course", "courses", "listing", "listings", "event", "events", "page", "pages", "faq", "faqs", "testimonial", "testimonials",
        "gallery", "image", "images", "media", "photo", "photos", "video", "videos", "category", "categories", "tag", "tags",
        "announcement", "announcements", "menu", "menus", "service", "services", "public", "content", "catalog", "leaderboard",
    ]

    /// Collections meant to be read by visitors (reviews, posts, products, public pages).
    static func isPublicContent(_ name: String) -> Bool {
        SchemaNames.words(name).contains { publicContentWords.contains($0) }
    }

    static func isORMMigration(_ path: String) -> Bool {
        let l = path.lowercased()
        return l.hasSubstring("prisma/migrations/") || l.hasPrefix("drizzle/") || l.hasSubstring("/drizzle/")
    }

    /// `true`, `(true)`, `1 = 1`.
    static func isTrue(_ expr: String) -> Bool { isTrueNormalized(normalized(expr)) }

    /// Only "the caller is signed in": `auth.uid() is not null`, `auth.role() = 'authenticated'`.
    static func isSignedInOnly(_ expr: String) -> Bool { isSignedInOnlyNormalized(normalized(expr)) }

    private static func isTrueNormalized(_ n: String) -> Bool { n == "true" || n == "1=1" }

    private static let signedInOnly: Set<String> = [
        "auth.uidisnotnull", "auth.role='authenticated'", "auth.jwtisnotnull", "auth.uid<>null", "current_user='authenticated'",
        "auth.role='authenticated'::text", "notauth.uidisnull",
    ]

    private static func isSignedInOnlyNormalized(_ n: String) -> Bool { signedInOnly.contains(n) }

    /// Lower-cased, without white space, parentheses or `select` (so `(select auth.uid()) is not null` → `auth.uidisnotnull`).
    static func normalized(_ expr: String) -> String {
        var out: [UInt8] = []
        for b in expr.utf8 where !ByteClass.isSpace(b) && b != 0x28 && b != 0x29 { out.append(ByteClass.lower(b)) }
        var s = String(decoding: out, as: UTF8.self)
        if s.hasSubstring("select") { s = s.replacingOccurrences(of: "select", with: "") }
        return s
    }

    private func revokedFromClients(_ t: SQLTable, _ m: SchemaModel) -> Bool {
        var revoked = Set<String>()
        for g in m.grants where g.revoke && (g.objectKind == "table" && g.objects.contains { $0.key == t.name.key } || g.objectKind == "all tables") {
            if g.privileges.contains("all") || g.privileges.contains("select") { revoked.formUnion(g.roles) }
        }
        return revoked.contains("public") || (revoked.contains("anon") && revoked.contains("authenticated"))
    }

    /// Whether EXECUTE was revoked from anon (Supabase grants it to anon directly, so revoking from PUBLIC is not enough).
    private func revokedExecute(_ f: SQLFunction, _ m: SchemaModel) -> Bool {
        var revoked = false
        for g in m.grants where g.objectKind == "function" && g.objects.contains(where: { $0.key == f.name.key }) || g.objectKind == "all functions" {
            if g.roles.contains("anon") { revoked = g.revoke }
        }
        return revoked
    }

    /// Calls that authenticate a request inside an edge function: webhook signature checks and token verification.
    static let callerCheckMarkers = [
        "constructEvent", "verifySignature", "svix", "new Webhook(", "timingSafeEqual", "createHmac", "crypto.subtle.verify",
        "auth.getUser(", "auth.getClaims(", "jwtVerify(", "jwt.verify(", "verifyWebhook", "x-hub-signature", "validateRequest(", "verifyKey(",
    ]

    /// Whether `text` holds `word` not glued to a preceding identifier (`delete from` is not in `can_delete from`).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let t = Array(text.utf8), w = Array(word.utf8)
        guard w.count <= t.count, !w.isEmpty else { return false }
        var i = 0
        while i + w.count <= t.count {
            if t[i] == w[0], t[i..<(i + w.count)].elementsEqual(w), i == 0 || !ByteClass.isIdentifier(t[i - 1]) { return true }
            i += 1
        }
        return false
    }

    /// An edge function that is itself the sign-in, sign-up or password reset: public by design, there is no caller to verify yet.
    static func isSignInEndpoint(_ name: String, _ files: [ScannedFile]) -> Bool {
        if let a = AuthVocabulary.authAction(path: "/functions/v1/" + name, name: nil, methods: ["POST"]),
           [.login, .signup, .passwordReset, .otp, .magicLink, .verify].contains(a) { return true }
        let calls = ["signInWithPassword(", "signInWithOtp(", ".auth.signUp(", "resetPasswordForEmail(", "verifyOtp("]
        return files.contains { f in f.language.isJSFamily && calls.contains { f.contains($0, in: .code) } }
    }

    /// A shared secret or signature header compared with a value from the environment.
    static func checksSharedSecret(_ files: [ScannedFile]) -> Bool {
        for f in files where f.language.isJSFamily {
            for o in f.find("headers.get(", in: .code) {
                let arg = f.string((o + 12)..<min(f.bytes.count, o + 60)).lowercased()
                if ["secret", "signature", "token", "api-key", "apikey", "authorization"].contains(where: { arg.hasSubstring($0) })
                    && (f.contains("Deno.env.get(", in: .code) || f.contains("process.env.", in: .code)) {
                    return true
                }
            }
        }
        return false
    }
}
