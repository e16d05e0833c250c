import Foundation

/// G4.P2: the share of the app's user-data access paths that are gated by the caller's identity.
///
/// Access paths, each judged once:
/// - **Tables the browser reaches** (a Supabase project whose browser code runs supabase-js, with the tables in
///   supabase/migrations): a table holding user data (`SchemaModel.isUserData`: an owner column, a reference to
///   auth.users/users, a user-data name) is gated when RLS is on and every permissive policy a client role can use
///   for the commands the browser runs ties rows to the caller (`auth.uid()`, `auth.jwt()`, a helper function that
///   reads them). `USING (true)` and `auth.role() = 'authenticated'` open it. A table with RLS on and no policy for a
///   command denies that command (a broken feature, not an open path). A profiles/users table with a role column that
///   its own-row UPDATE policy lets the owner rewrite (no WITH CHECK on the column, no guarding trigger or column
///   grant) is a role escalation.
/// - **Firestore collections the browser reads or writes** (with rules in the repository): open when a rule lets
///   anyone, or any signed-in user, reach the collection.
/// - **Server routes that read or write user data** (`ServerRoutes`: Express, Fastify, Hono, Next.js, server actions,
///   edge functions, Flask, FastAPI, Django; database calls found by `DataAccessFile`, plus Knex, Mongoose and
///   SQLAlchemy/Django/DB-API lines in Python, with the columns of Python ORM models from `PythonModels`): open
///   when nothing checks the caller (a role flag the handler only returns, `{"is_admin": u.is_admin}`, is no check); IDOR when a guarded handler
///   loads, changes or deletes a record chosen by a path/body/query value with no owner filter, no later owner
///   comparison, no earlier identity-scoped lookup and no role check; role escalation when it writes `role`/`isAdmin`
///   (or the whole request body into a table with such a column) from request input. Supabase calls made with the
///   caller's own token are governed by RLS and judged with the tables; only service-role calls are route paths.
///
/// Public data is not a path: tables and collections whose names are lookup or public content (products,
/// categories, published posts) with no personal columns; public listings, i.e. reads of a table that is user data
/// only through its owner column (its name is not a user-data name) when none of its columns is personal, secret or
/// private free text (email, phone, address, password/token/hash, body/content/notes…) and a listing column says
/// its rows are offered to others (price, sku, isbn, stock, capacity, a published/public flag) — a catalogue of
/// books, rooms or products a seller owns but every visitor browses; writes to it and reads of anything else are
/// still judged, and a table whose columns the files do not give is never a listing. Also public: SELECT policies
/// that admit only published/public rows,
/// unauthenticated reads filtered by a published flag or a secret token, and anonymous inserts that attribute no
/// owner (contact forms, waitlists). Sign-in, sign-up and webhook endpoints are not judged (G4.D2, G4.D4 cover them).
///
/// Value: 100 × gated paths / judged paths. Not measured when the app has no user data store, or when no access path
/// to it can be read from the files (Supabase queried from the browser but no migrations in the repository,
/// Firestore without rules files, no server route touching the data).
public struct AccessControlCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.P2", slug: "access-control", kind: .primary, methods: "S,R",
        measures: "every user-data table and route gated by identity: RLS on with non-trivial policies; unauthenticated, cross-user (IDOR) and role-escalation probes fail",
        severity: .critical, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": """
                    ↓create table public.orders (id uuid primary key default gen_random_uuid(), user_id uuid references auth.users (id), total numeric);
                    """,
                "src/pages/Orders.tsx": """
                    import { supabase } from '@/integrations/supabase/client'
                    export async function loadOrders() { return supabase.from('orders').select('*') }
                    """,
            ], note: "a user-data table without RLS that the browser queries"),
            CollectorExample([
                "supabase/migrations/20240101000000_notes.sql": """
                    create table notes (id uuid primary key, owner_id uuid not null references auth.users, body text);
                    alter table notes enable row level security;
                    ↓create policy "signed in can read" on notes for select to authenticated using (auth.role() = 'authenticated');
                    create policy "own insert" on notes for insert to authenticated with check (auth.uid() = owner_id);
                    """,
                "src/hooks/useNotes.ts": """
                    import { supabase } from '@/lib/supabase'
                    export const fetchNotes = () => supabase.from('notes').select('id, body')
                    """,
            ], note: "every signed-in user reads everyone's notes"),
            CollectorExample([
                "server/index.js": """
                    const express = require('express')
                    const { pool } = require('./db')
                    const app = express()
                    ↓app.get('/api/orders/:id', async (req, res) => {
                      const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [req.params.id])
                      res.json(rows[0])
                    })
                    app.listen(3000)
                    """,
            ], note: "an unauthenticated route that reads any order"),
            CollectorExample([
                "app/api/invoices/[id]/route.ts": """
                    import { getServerSession } from 'next-auth'
                    import { prisma } from '@/lib/prisma'
                    export async function DELETE(req: Request, { params }: { params: { id: string } }) {
                      const session = await getServerSession()
                      if (!session) return new Response('Unauthorized', { status: 401 })
                      await prisma.invoice.↓delete({ where: { id: params.id } })
                      return new Response(null, { status: 204 })
                    }
                    """,
            ], note: "IDOR: a signed-in user deletes any invoice by id"),
            CollectorExample([
                "server/routes/profile.ts": """
                    import { Router } from 'express'
                    import { requireAuth } from '../middleware/auth'
                    import { db } from '../db'
                    const router = Router()
                    router.patch('/me', requireAuth, async (req, res) => {
                      const user = await db.user.↓update({ where: { id: req.user.id }, data: { name: req.body.name, role: req.body.role } })
                      res.json(user)
                    })
                    export default router
                    """,
            ], note: "role escalation: the caller sets their own role"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, jsonify
                    from flask_login import login_required, current_user
                    from models import Note
                    app = Flask(__name__)

                    @app.route('/notes/<int:note_id>')
                    @login_required
                    def get_note(note_id):
                        ↓note = Note.query.get_or_404(note_id)
                        return jsonify(note.to_dict())
                    """,
            ], note: "Flask IDOR: any signed-in user reads any note"),
            CollectorExample([
                "supabase/migrations/20240101000000_profiles.sql": """
                    create table public.profiles (id uuid primary key references auth.users (id), full_name text, role text not null default 'user');
                    alter table public.profiles enable row level security;
                    create policy "read own" on public.profiles for select using (auth.uid() = id);
                    ↓create policy "update own" on public.profiles for update using (auth.uid() = id);
                    create policy "admins read all" on public.orders for select using (exists (select 1 from profiles p where p.id = auth.uid() and p.role = 'admin'));
                    """,
                "src/lib/profile.ts": "import { supabase } from './supabase'\nexport const save = (id: string, name: string) => supabase.from('profiles').update({ full_name: name }).eq('id', id)\n",
            ], note: "role escalation through an own-row UPDATE policy that leaves the role column writable"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, jsonify
                    from flask_sqlalchemy import SQLAlchemy
                    app = Flask(__name__)
                    db = SQLAlchemy(app)

                    class Member(db.Model):
                        id = db.Column(db.Integer, primary_key=True)
                        email = db.Column(db.String(255))
                        is_admin = db.Column(db.Boolean, default=False)

                    ↓@app.route("/admin/members")
                    def admin_members():
                        members = Member.query.all()
                        return jsonify([{"id": m.id, "email": m.email, "is_admin": m.is_admin} for m in members])
                    """,
            ], note: "an admin listing with no decorator at all; returning the is_admin flag is not a role check"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, render_template
                    from flask_login import login_required
                    app = Flask(__name__)

                    class Listing(db.Model):
                        id = db.Column(db.Integer, primary_key=True)
                        seller_id = db.Column(db.Integer, db.ForeignKey("user.id"))
                        title = db.Column(db.String(200))
                        price = db.Column(db.Numeric(8, 2))

                    @app.route("/listings/<int:listing_id>", methods=["DELETE"])
                    @login_required
                    def delete_listing(listing_id):
                        ↓listing = Listing.query.get_or_404(listing_id)
                        db.session.delete(listing)
                        db.session.commit()
                        return "", 204
                    """,
            ], note: "a public listing may be read by anyone, but deleting one by id needs an owner check"),
            CollectorExample([
                "supabase/migrations/20240101000000_notes.sql": """
                    create table notes (id uuid primary key, owner_id uuid not null references auth.users, body text);
                    alter table notes enable row level security;
                    create policy "deny anon" on notes for all to anon using (false);
                    ↓create policy "block unauthenticated" on notes for all using (auth.uid() is not null);
                    """,
                "src/hooks/useNotes.ts": "import { supabase } from '@/lib/supabase'\nexport const fetchNotes = () => supabase.from('notes').select('*')\n",
            ], note: "`auth.uid() is not null` names the caller but ties no row to them: every account reads every note"),
            CollectorExample([
                "supabase/functions/notify-admins/index.ts": """
                    import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'
                    ↓Deno.serve(async (req) => {
                      const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)
                      const { data: admins } = await admin.from('user_roles').select('user_id').eq('role', 'admin')
                      const { user_id, full_name } = await req.json()
                      await admin.from('profiles').update({ full_name }).eq('id', user_id)
                      return new Response(JSON.stringify({ notified: admins?.length ?? 0 }))
                    })
                    """,
            ], note: "listing the admins (`.eq('role', 'admin')`) is not a check of the caller's role"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_notes.sql": """
                    create table notes (id uuid primary key, owner_id uuid not null references auth.users, body text);
                    alter table notes enable row level security;
                    create policy "deny anon" on notes for all to anon using (false) with check (false);
                    create policy "own rows" on notes for all to authenticated using (auth.uid() = owner_id) with check (auth.uid() = owner_id);
                    """,
                "src/hooks/useNotes.ts": "import { supabase } from '@/lib/supabase'\nexport const fetchNotes = () => supabase.from('notes').select('*')\n",
            ], note: "an explicit `using (false)` deny policy admits nothing; the owner policy gates the rows"),
            CollectorExample([
                "supabase/functions/admin-update-profile/index.ts": """
                    import { createClient } from 'https://esm.sh/@supabase/supabase-js@2'
                    Deno.serve(async (req) => {
                      const authHeader = req.headers.get('Authorization')
                      if (!authHeader) return new Response('Unauthorized', { status: 401 })
                      const authClient = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_ANON_KEY')!)
                      const { data: claims, error } = await authClient.auth.getClaims(authHeader.replace('Bearer ', ''))
                      if (error || !claims?.claims) return new Response('Unauthorized', { status: 401 })
                      const admin = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!)
                      const { data: isAdmin } = await admin.from('user_roles').select('role').eq('user_id', claims.claims.sub).eq('role', 'admin').maybeSingle()
                      if (!isAdmin) return new Response('Forbidden', { status: 403 })
                      const { user_id, full_name } = await req.json()
                      await admin.from('profiles').update({ full_name }).eq('id', user_id)
                      return new Response('ok')
                    })
                    """,
            ], note: "an edge function that verifies the token with getClaims and checks an admin row before changing another user's profile"),
            CollectorExample([
                "app/api/invoices/[id]/route.ts": """
                    import { getServerSession } from 'next-auth'
                    import { prisma } from '@/lib/prisma'
                    export async function GET(req: Request, { params }: { params: { id: string } }) {
                      const session = await getServerSession()
                      if (!session) return new Response('Unauthorized', { status: 401 })
                      const invoice = await prisma.invoice.findFirst({ where: { id: params.id, userId: session.user.id } })
                      return Response.json(invoice)
                    }
                    """,
            ], note: "the owner-scoped twin of the IDOR"),
            CollectorExample([
                "server/index.js": """
                    const express = require('express')
                    const app = express()
                    app.get('/api/orders/:id', requireAuth, async (req, res) => {
                      const order = await prisma.order.findUnique({ where: { id: req.params.id } })
                      if (!order || order.userId !== req.user.id) return res.status(404).end()
                      res.json(order)
                    })
                    app.get('/api/products', async (req, res) => {
                      res.json(await prisma.product.findMany({ take: 50 }))
                    })
                    // app.get('/api/all-orders', async (req, res) => res.json(await prisma.order.findMany()))
                    """,
            ], note: "an ownership check after the load, a public catalogue route, a commented-out route"),
            CollectorExample([
                "supabase/migrations/20240101000000_shop.sql": """
                    create table products (id uuid primary key, seller_id uuid references auth.users, name text, price numeric);
                    alter table products enable row level security;
                    create policy "catalogue is public" on products for select using (true);
                    create policy "sellers manage" on products for all to authenticated using (auth.uid() = seller_id);
                    create table orders (id uuid primary key, user_id uuid references auth.users, total numeric);
                    alter table orders enable row level security;
                    create policy "own orders" on orders for all to authenticated using (auth.uid() = user_id) with check (auth.uid() = user_id);
                    create table contact_messages (id uuid primary key, name text, email text, body text);
                    alter table contact_messages enable row level security;
                    create policy "anyone can write" on contact_messages for insert to anon with check (true);
                    """,
                "src/pages/Shop.tsx": """
                    import { supabase } from '@/integrations/supabase/client'
                    export const products = () => supabase.from('products').select('*')
                    export const myOrders = () => supabase.from('orders').select('*')
                    export const contact = (m) => supabase.from('contact_messages').insert(m)
                    """,
            ], note: "a public catalogue with USING (true) for SELECT, owner-scoped orders, an anonymous contact form"),
            CollectorExample([
                "server/routes/admin.js": """
                    const router = require('express').Router()
                    router.delete('/orders/:id', requireAuth, requireAdmin, async (req, res) => {
                      await knex('orders').where({ id: req.params.id }).del()
                      res.status(204).end()
                    })
                    module.exports = router
                    """,
            ], note: "an admin-only route may reach any record"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, jsonify, abort
                    from flask_login import login_required, current_user
                    app = Flask(__name__)

                    @app.route('/notes/<int:note_id>')
                    @login_required
                    def get_note(note_id):
                        note = Note.query.filter_by(id=note_id, user_id=current_user.id).first_or_404()
                        return jsonify(note.to_dict())
                    """,
                "tests/test_notes.py": "def test_other():\n    note = Note.query.get_or_404(1)\n",
            ], note: "a Flask query scoped to the current user; the unscoped twin in a test"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, render_template, jsonify, abort
                    from flask_login import login_required, current_user
                    app = Flask(__name__)

                    class Book(db.Model):
                        id = db.Column(db.Integer, primary_key=True)
                        owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
                        title = db.Column(db.String(200))
                        price = db.Column(db.Numeric(8, 2))

                    class User(db.Model):
                        id = db.Column(db.Integer, primary_key=True)
                        email = db.Column(db.String(255))

                    @app.route("/")
                    def index():
                        return render_template("index.html", books=Book.query.limit(50).all())

                    @app.route("/books/<int:book_id>")
                    def book(book_id):
                        return render_template("book.html", book=Book.query.get_or_404(book_id))

                    @app.route("/admin/users")
                    @login_required
                    def admin_users():
                        if not current_user.is_admin:
                            abort(403)
                        return jsonify([u.email for u in User.query.all()])
                    """,
            ], note: "a public catalogue (owner column, a price, no personal columns) read anonymously; an admin route checking the flag"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.P2/db-call", literals: DataAccessFile.anchorLiterals, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte],
                        regexEquivalent: #"\.(from|rpc|insert|update|upsert|delete|findMany|findFirst|findUnique|create|createMany|updateMany|deleteMany|count|aggregate|groupBy|query|execute|collection|raw)\(|sql`|\$queryRaw|\$executeRaw|\b(getDocs?|addDoc|setDoc|updateDoc|deleteDoc)\(|\b(knex|db|trx|tx|pg|database)\(['"`]"#),
            PatternRule(id: "G4.P2/supabase-client",
                        literals: ["@supabase/supabase-js", "@supabase/ssr", "@supabase/auth-helpers", "createBrowserClient(", "createClientComponentClient("],
                        regions: .live, regexEquivalent: #"@supabase/(supabase-js|ssr|auth-helpers)|createBrowserClient\(|createClientComponentClient\("#),
            PatternRule(id: "G4.P2/role-check", literals: [".role ===", ".role ==", ".role !==", "isAdmin", "is_admin", "hasRole", "has_role"],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .python],
                        regexEquivalent: #"\.role\s*[!=]==?|isAdmin|is_admin|hasRole|has_role"#),
        ]
    }

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard file.language.isJSFamily || file.language == .vue || file.language == .svelte,
              file.role == .client || file.role == .server || file.role == .shared,
              let access = DataAccessFile.shared(file) else { return nil }
        return FileReport(payload: access)
    }

    private struct Tally {
        var judged = 0, gated = 0, open = 0, idor = 0, escalation = 0
        var tables = 0, collections = 0, routes = 0
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = SchemaModel.shared(app)
        var accessFiles: [String: DataAccessFile] = [:]
        for (f, r) in app.reports(for: d.id) { if let a = r.payload as? DataAccessFile { accessFiles[f.path] = a } }
        var findings: [Finding] = []
        var tally = Tally()

        // Browser → Supabase tables.
        var clientCommands: [String: Set<SQLPolicy.Command>] = [:]
        var firestore: [String: (ScannedFile, DBCall)] = [:]
        for (_, a) in accessFiles where ShippedCode.isShippedCode(a.file) && ShippedCode.runsInBrowser(a.file) {
            for c in a.calls {
                guard let t = c.table else { continue }
                if c.api == .supabase { clientCommands[DataAccessFile.normalTable(t), default: []].formUnion(TableAccess.commands(c.op)) }
                if c.api == .firebase, firestore[t] == nil { firestore[t] = (a.file, c) }
            }
        }
        let browserSupabase = !clientCommands.isEmpty
            || app.hits("G4.P2/supabase-client").contains { ShippedCode.isShippedCode($0.file) && ShippedCode.runsInBrowser($0.file) }
        let roleUsed = !app.hits("G4.P2/role-check").isEmpty
            || model.policies.contains { (($0.using ?? "") + ($0.withCheck ?? "")).lowercased().contains("role") }
        var unreadableSupabase = false
        if browserSupabase {
            let tables = model.tables.filter { $0.origin == .sql && ($0.name.schema ?? "public") == "public" && model.isUserData($0) }
            if tables.isEmpty && !clientCommands.isEmpty { unreadableSupabase = true }
            for t in tables {
                let used = clientCommands[DataAccessFile.normalTable(t.name.name)]
                if t.columns.isEmpty && !t.columnsUnknown && used == nil { continue }
                tally.judged += 1; tally.tables += 1
                switch TableAccess.judge(t, model: model, used: used, roleUsed: roleUsed) {
                case .gated: tally.gated += 1
                case .open(let src, let why, let sev):
                    tally.open += 1
                    let reach = used.map { " The browser runs \($0.map { $0.rawValue.uppercased() }.sorted().joined(separator: "/")) on it." } ?? ""
                    findings.append(app.finding(d, rule: "table-open", at: src, severity: sev,
                        message: "Table \(t.name) holds user data and is open to the browser: \(why).\(reach) Enable RLS and scope every policy to the owner, e.g. `using ((select auth.uid()) = \(TableAccess.ownerColumn(t)))`."))
                case .escalation(let src, let why):
                    tally.escalation += 1
                    findings.append(app.finding(d, rule: "table-role-escalation", at: src, severity: .critical, message: "Table \(t.name): \(why)."))
                }
            }
        }

        // Browser → Firestore collections.
        var unreadableFirestore = 0
        for (name, site) in firestore.sorted(by: { $0.key < $1.key }) where SchemaNames.isUserDataName(name) && !RLSPoliciesCollector.isPublicContent(name) {
            guard !model.firebaseRuleFiles.isEmpty else { unreadableFirestore += 1; continue }
            tally.judged += 1; tally.collections += 1
            let rules = model.firebaseRules.filter { r in
                r.wildcard || r.matchPath.split(separator: "/").last(where: { !$0.hasPrefix("{") && !$0.isEmpty }).map(String.init) == name
            }
            guard let r = rules.first else { tally.gated += 1; continue }
            tally.open += 1
            let who = r.exposure == .anyUser ? "any signed-in user" : "anyone, signed in or not,"
            let ops = [r.read ? "read" : nil, r.write ? "write" : nil].compactMap { $0 }.joined(separator: " and ")
            findings.append(app.finding(d, rule: "collection-open", at: r.source, severity: r.exposure == .anyUser ? .high : .critical,
                message: "Firestore collection `\(name)` (used by \(site.0.path)) is open: the rule on \(r.matchPath) lets \(who) \(ops) every document, so another user's documents are one `getDocs(collection(db, '\(name)'))` away. Require `request.auth.uid == resource.data.userId` (or the `{userId}` in the path)."))
        }

        // Server routes.
        let routes = ServerRoutes.build(app)
        var seen = Set<String>()
        var jsCode: [String: DataAccessFile?] = [:]
        var handlers: [(ServerRoute, HandlerAccess, ScannedFile)] = []
        var scopeCache: [String: Bool] = [:]
        var serviceCache: [String: Bool] = [:]
        let userScoped: (ScannedFile) -> Bool = { f in
            if let v = scopeCache[f.path] { return v }
            var v = HandlerAccess.userScopedMarkers(f)
            if !v {
                for (_, b) in JSModules.imports(f) where b.module.hasPrefix(".") || b.module.hasPrefix("@/") || b.module.hasPrefix("~/") {
                    if let t = JSModules.resolve(b.module, from: f.path, in: app), HandlerAccess.userScopedMarkers(t) { v = true; break }
                }
            }
            scopeCache[f.path] = v
            return v
        }
        let callees = routes.routes.isEmpty ? CalleeIndex([]) : CalleeIndex(Array(accessFiles.values), userScoped: userScoped)
        for r in routes.routes where !r.isAuthEndpoint && !r.isWebhook {
            guard let f = app.file(r.handlerFile), ShippedCode.isShippedCode(f), !r.handler.isEmpty else { continue }
            let key = "\(r.handlerFile)#\(r.handler.lowerBound)#\(r.methods)"
            guard seen.insert(key).inserted else { continue }
            let access: DataAccessFile?
            if f.language == .python { access = nil } else if let a = accessFiles[f.path] { access = a } else if let c = jsCode[f.path] { access = c } else {
                let a = DataAccessFile.shared(f)
                jsCode[f.path] = a
                access = a
            }
            let service: Bool
            if let v = serviceCache[f.path] { service = v } else {
                service = f.language != .python && (HandlerAccess.usesServiceRole(f) || HandlerAccess.usesFirebaseAdmin(f))
                serviceCache[f.path] = service
            }
            var h = HandlerAccess(file: f, span: r.handler, routePath: r.path, access: access,
                                  supabaseUserScoped: f.language == .python ? false : userScoped(f), serviceRole: service)
            if f.language != .python {
                h.ops = (h.ops + callees.ops(in: h)).sorted { $0.anchor < $1.anchor }
            }
            handlers.append((r, h, f))
        }
        let pyModels = handlers.contains { $0.2.language == .python } ? PythonModels(app.files) : PythonModels([])
        // Tables the schema does not describe but the code scopes by an owner column somewhere (`where({ user_id: … })`).
        var ownedInCode = Set<String>()
        for (_, h, _) in handlers {
            for op in h.ops {
                guard let t = op.table else { continue }
                let ids = JSCode.identifiers(in: op.whereText + " " + (op.writeText ?? ""))
                if ids.contains(where: { SchemaNames.isOwnerColumn($0) }) { ownedInCode.insert(DataAccessFile.normalTable(t)) }
            }
        }
        for (r, h, f) in handlers {
            let userOps = h.ops.filter { isUserData($0.table, model, pyModels, ownedInCode) }
            guard !userOps.isEmpty else { continue }
            tally.judged += 1; tally.routes += 1
            let adminGuard = r.guards.contains { g in let e = g.evidence.lowercased(); return e.contains("admin") || e.contains("role") || e.contains("staff") || e.contains("permission") }
                || r.middleware.contains { m in let e = m.text.lowercased(); return e.contains("admin") || e.contains("role") || e.contains("permission") }
            if let x = judgeRoute(r, h, userOps, model: model, pyModels: pyModels, app: app, f: f, adminGuard: adminGuard) {
                switch x.rule {
                case "route-unauthenticated": tally.open += 1
                case "route-idor": tally.idor += 1
                default: tally.escalation += 1
                }
                findings.append(x)
            } else {
                tally.gated += 1
            }
        }

        guard tally.judged > 0 else {
            let hasStore = !model.tables.isEmpty || !firestore.isEmpty || browserSupabase || !model.firebaseRuleFiles.isEmpty
            if browserSupabase && !model.tables.isEmpty {
                let names = model.tables.prefix(4).map(\.name.name).joined(separator: ", ")
                return .notMeasured(d.id, "the browser queries Supabase, but none of its tables (\(names)) holds per-user data (no owner column, no reference to users, no user-data name), and no server route reads or writes user data",
                                    evidence: [Evidence("tables", model.tables.count)])
            }
            if unreadableSupabase || (browserSupabase && model.tables.isEmpty) {
                return .notMeasured(d.id, "the browser queries Supabase directly but the repository holds no definitions of its user-data tables (no supabase/migrations), so their RLS cannot be read, and no server route reads or writes user data")
            }
            if unreadableFirestore > 0 {
                return .notMeasured(d.id, "the browser reads Firestore but the repository holds no firestore.rules, so the rules that gate it cannot be read, and no server route reads or writes user data")
            }
            if !hasStore {
                return .notMeasured(d.id, "the app has no user data store: no database tables, Supabase or Firebase client, and no server route that reads or writes user records")
            }
            return .notMeasured(d.id, "no access path to user data can be read from the files: no browser-reachable user-data table and no server route that reads or writes user records",
                                evidence: [Evidence("tables", model.tables.count)])
        }
        let value = 100.0 * Double(tally.gated) / Double(tally.judged)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("access paths judged", tally.judged),
            Evidence("gated by identity", tally.gated),
            Evidence("open to anyone or any user", tally.open),
            Evidence("IDOR", tally.idor),
            Evidence("role escalation", tally.escalation),
            Evidence("browser-reachable tables", tally.tables),
            Evidence("firestore collections", tally.collections),
            Evidence("server routes touching user data", tally.routes),
        ])
    }

    /// Whether a table or model named in code holds user data.
    private func isUserData(_ name: String?, _ model: SchemaModel, _ pyModels: PythonModels, _ ownedInCode: Set<String>) -> Bool {
        guard let name, !name.isEmpty else { return false }
        if let t = model.resolve(codeName: name), !t.columns.isEmpty { return model.isUserData(t) && !DataAccessFile.isLogTable(t.name.name) }
        if let m = pyModels.model(name), !m.columns.isEmpty {
            let table = m.tableName ?? m.className
            if DataAccessFile.isLogTable(table) { return false }
            return m.columns.contains { SchemaNames.isOwnerColumn($0) } || SchemaNames.isUserDataName(m.className) || SchemaNames.isUserDataName(table)
                || m.columns.contains { TableAccess.piiColumns.contains($0.lowercased()) }
        }
        if ownedInCode.contains(DataAccessFile.normalTable(name)) { return true }
        return SchemaNames.isUserDataName(name) && !DataAccessFile.isLogTable(name)
    }

    private static let counterWords = ["count", "clicks", "views", "visits", "hits", "last_accessed", "lastaccessed", "last_seen", "lastseen", "last_used", "lastused", "updated_at", "updatedat", "accessed_at"]

    /// A write that only bumps counters or timestamps (`{ click_count: link.click_count + 1, last_accessed: new Date() }`).
    static func onlyCounters(_ w: String) -> Bool {
        let t = w.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.hasPrefix("{") else { return false }
        var keys: [String] = []
        var depth = 0
        var cur = ""
        var expectKey = true
        for ch in t.dropFirst() {
            if ch == "{" || ch == "(" || ch == "[" { depth += 1 } else if ch == "}" || ch == ")" || ch == "]" { depth -= 1 }
            if depth == 0 && ch == "," { expectKey = true; cur = ""; continue }
            if depth == 0 && ch == ":" && expectKey { keys.append(cur.trimmingCharacters(in: .whitespaces)); expectKey = false; continue }
            if expectKey { cur.append(ch) }
        }
        return !keys.isEmpty && keys.allSatisfy { k in let l = k.lowercased(); return counterWords.contains { l.contains($0) } }
    }

    private static let capabilityWords: Set<String> = ["token", "inviteCode", "invite_code", "shareId", "share_id", "slug", "code", "shareToken", "share_token", "publicId", "public_id"]

    /// Columns that mark a row as something offered to other people (a price, stock, a capacity, a published flag).
    static let listingColumns: Set<String> = ["price", "price_cents", "unit_price", "list_price", "isbn", "sku", "stock", "stock_quantity",
                                              "in_stock", "capacity", "is_published", "published", "published_at", "is_public", "ispublic",
                                              "is_listed", "listed", "visibility", "pricecents", "unitprice", "ispublished", "publishedat", "islisted"]

    /// Column words that make a row personal or secret whatever the table is for.
    static let privateColumnWords = ["email", "phone", "password", "token", "secret", "hash", "address", "birth", "ssn", "iban", "salary",
                                     "diagnosis", "stripe", "api_key", "apikey", "private", "ip_address"]

    /// A public listing (a catalogue of books, rooms or products other people browse): the table's own name is not a
    /// user-data name (it counts as user data only through its owner column), none of its columns is personal, secret
    /// or private free text, and a listing column says its rows are offered to others. Only known columns count: a
    /// table the files do not describe is never a listing.
    private func isPublicListing(_ name: String, _ model: SchemaModel, _ pyModels: PythonModels) -> Bool {
        let columns: [String]
        let table: String
        if let t = model.resolve(codeName: name), !t.columns.isEmpty { columns = t.columns.map(\.name); table = t.name.name }
        else if let m = pyModels.model(name), !m.columns.isEmpty { columns = m.columns; table = m.tableName ?? m.className }
        else { return false }
        if SchemaNames.isUserDataName(table) || SchemaNames.isUserDataName(name) || SchemaNames.isUserTable(SQLName(schema: nil, name: table.lowercased())) { return false }
        let lower = columns.map { $0.lowercased() }
        if lower.contains(where: { c in TableAccess.piiColumns.contains(c) || Self.privateColumnWords.contains { c.contains($0) } || ["body", "content", "message", "notes"].contains(c) }) {
            return false
        }
        return lower.contains { Self.listingColumns.contains($0) }
    }

    /// A read anyone may make: public content without personal columns, a public listing, or rows filtered by a
    /// published flag or a secret token.
    private func isPublicRead(_ op: HandlerOp, _ model: SchemaModel, _ pyModels: PythonModels) -> Bool {
        guard op.op == .read || op.op == .readOne || op.op == .count else { return false }
        let w = op.whereText.lowercased()
        if ["published", "is_public", "ispublic", "visibility", "status:", "status =", "'status'", "is_active", "isactive"].contains(where: { w.contains($0) }) { return true }
        if JSCode.identifiers(in: op.whereText).contains(where: { id in
            let l = id.lowercased()
            return Self.capabilityWords.contains(id) || ["token", "code", "secret", "slug", "hash", "nonce"].contains { l.hasSuffix($0) }
        }) { return true }
        guard let name = op.table else { return false }
        if isPublicListing(name, model, pyModels) { return true }
        let t = model.resolve(codeName: name)
        let personal = t?.columns.contains { TableAccess.piiColumns.contains($0.name.lowercased()) }
            ?? pyModels.model(name)?.columns.contains { TableAccess.piiColumns.contains($0.lowercased()) } ?? false
        return (RLSPoliciesCollector.isPublicContent(name) || SchemaNames.isLookupName(name)) && !personal
    }

    private func judgeRoute(_ r: ServerRoute, _ h: HandlerAccess, _ ops: [HandlerOp], model: SchemaModel, pyModels: PythonModels, app: AppContext, f: ScannedFile,
                            adminGuard: Bool) -> Finding? {
        let d = descriptor
        let userTable: (String?) -> Bool = { n in
            guard let n else { return false }
            if let t = model.resolve(codeName: n), SchemaNames.isUserTable(t.name) { return true }
            return SchemaNames.words(n).contains { ["user", "users", "profile", "profiles", "account", "accounts", "member", "members"].contains($0) }
        }
        let hasRoleColumn: (String?) -> Bool = { n in
            guard let n else { return false }
            // A users table the schema does not describe: writing the request body into it may set any column.
            guard let t = model.resolve(codeName: n), !t.columns.isEmpty else { return true }
            return t.columns.contains { HandlerAccess.roleKeys.contains($0.name) }
        }
        if !r.isGuarded && !h.readsIdentity() && !h.checksOwnership(after: h.span.lowerBound) && !h.checksRole() {
            for op in ops where !isPublicRead(op, model, pyModels) && op.op != .count {
                if op.op == .read || op.op == .readOne, !h.returnsWhole(op.binding, after: op.anchor) { continue }
                if op.op == .update, let w = op.writeText, Self.onlyCounters(w) { continue }  // a click or view counter
                if op.op == .insert {
                    // Anonymous creation is a public form unless the row is attributed to a user the caller names.
                    guard let w = op.writeText, JSCode.identifiers(in: w).contains(where: { HandlerAccess.ownerWords.contains($0) }), h.isTainted(w) else { continue }
                }
                let verb = op.op == .delete ? "deletes" : op.isWriteOp ? "changes" : "reads"
                let loc = app.file(r.file).map { Finding.at(d, rule: "route-unauthenticated", file: $0, offset: r.offset, severity: .critical, message: "") }
                let msg = "\(r.label) \(verb) \(op.table ?? "user data") with no identity check: nothing in front of the handler or inside it asks who the caller is, so anyone on the internet can call it (`curl -X \(r.methods.first == "ANY" ? "GET" : r.methods.first ?? "GET") https://<app>\(r.path.hasPrefix("/") ? r.path : "/" + r.path)`) and \(op.op == .delete ? "delete" : op.isWriteOp ? "change" : "read") other users' records. Require a session or token (middleware or a check at the top of the handler) and scope the query to the caller."
                if var x = loc { x.message = msg; return x }
                return Finding.at(d, rule: "route-unauthenticated", file: f, offset: op.anchor, severity: .critical, message: msg)
            }
            return nil
        }
        let roleChecked = adminGuard || h.checksRole()
        // Role escalation.
        if !roleChecked {
            for op in ops where (op.op == .update || op.op == .upsert) && userTable(op.table) {
                if let field = h.roleFromRequest(op, tableHasRole: hasRoleColumn(op.table)) {
                    return Finding.at(d, rule: "route-role-escalation", file: f, offset: op.anchor, severity: .critical,
                        message: "\(r.label) writes `\(field)` on \(op.table ?? "the user") from the request: any signed-in user can send `{\"role\": \"admin\"}` and grant themselves admin rights. Write only an allow-list of profile fields, and change roles only in an admin-only route.")
                }
            }
            if let (field, at) = h.pythonRoleAssignment() {
                return Finding.at(d, rule: "route-role-escalation", file: f, offset: at, severity: .critical,
                    message: "\(r.label) sets \(field) from the request: any signed-in user can send `{\"role\": \"admin\"}` and grant themselves admin rights. Copy only an allow-list of fields, and change roles only in an admin-only route.")
            }
        }
        // IDOR.
        if roleChecked { return nil }
        var checkedBefore = false
        for op in ops {
            if h.isScoped(op.whereText) && !op.whereText.isEmpty { checkedBefore = true; continue }
            if checkedBefore || isPublicRead(op, model, pyModels) || op.op == .count { continue }
            if op.op == .read || op.op == .readOne, !op.binding.isEmpty, !h.returnsWhole(op.binding, after: op.anchor) { continue }
            if op.op == .insert || op.op == .upsert {
                if let o = op.writeObject, let code = h.code,
                   let e = code.objectEntries(o).first(where: { SchemaNames.isOwnerColumn($0.key) && h.isTainted(code.text($0.value)) }) {
                    return Finding.at(d, rule: "route-idor", file: f, offset: op.anchor, severity: .high,
                        message: "\(r.label) creates \(op.table ?? "a record") with `\(e.key)` taken from the request: a signed-in user can create records in another user's name. Set `\(e.key)` from the session, not from the request.")
                }
                continue
            }
            guard !op.whereText.isEmpty, h.isTainted(op.whereText), !h.checksOwnership(after: h.span.lowerBound) else { continue }
            let verb: String
            switch op.op {
            case .delete: verb = "deletes"
            case .update, .upsert: verb = "changes"
            default: verb = "reads"
            }
            return Finding.at(d, rule: "route-idor", file: f, offset: op.anchor, severity: .high,
                message: "IDOR: \(r.label) checks that the caller is signed in, then \(verb) \(op.table ?? "a record") chosen by a value from the request without tying it to the caller (no owner filter, no owner comparison): any user can change the id in the URL or body and reach another user's record. Add the owner to the query (`where: { id, userId: <caller's id> }`) or compare the record's owner with the caller before answering.")
        }
        return nil
    }
}

extension HandlerOp {
    var isWriteOp: Bool { [.insert, .update, .upsert, .delete].contains(op) }
}
