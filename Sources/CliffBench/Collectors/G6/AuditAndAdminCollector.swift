import Foundation

/// G6.P3: admin views for multi-role apps, and an audit trail of sensitive actions.
///
/// Admin views: pages, components or API routes under `/admin` (or `staff`/`backoffice`), admin files
/// (`AdminDashboard.tsx`, `routes/admin.js`), and user or role management (`auth.admin.*`, role updates).
/// They are needed when the task's roles include an operator role (admin, staff, manager, moderator…) or,
/// without a task, when the app itself has an admin role. Audit trail: an audit/activity/history table
/// that the code writes to (Supabase, Prisma, SQL, Drizzle), or a database trigger writing history; a
/// table nobody writes, `created_by`-style columns alone, or sensitive actions only sent to a structured
/// logger count half. It is needed when the app has sensitive actions — hard deletes, role changes,
/// payments, refunds — or the task asks for an audit log. Score: mean of the needed parts (admin views,
/// audit trail). Not measured for a single-role app with no sensitive actions.
public struct AuditAndAdminCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.P3", slug: "audit-and-admin", kind: .primary, methods: "S,T", implemented: "S",
        measures: "admin views and an audit trail of sensitive actions",
        severity: .medium, remediation: RemediationCost(baseHours: 4, perFindingHours: 2),
        triggering: [
            CollectorExample([
                "src/pages/AdminDashboard.tsx": """
                    import { supabase } from "@/lib/supabase";
                    export default function AdminDashboard() {
                      const makeStaff = async (id: string) => {
                        await supabase.↓auth.admin.updateUserById(id, { app_metadata: { role: "staff" } });
                      };
                      return <button onClick={() => makeStaff("1")}>Make staff</button>;
                    }
                    """,
            ], note: "role changes with no audit trail"),
            CollectorExample([
                "src/pages/Appointments.tsx": """
                    import { supabase } from "@/lib/supabase";
                    export const cancel = (id: string) => supabase↓.from("appointments").delete().eq("id", id);
                    export const isAdmin = (u) => u.role === "admin";
                    """,
                "supabase/migrations/001.sql": "create table public.appointments (id uuid primary key);\n-- create table audit_log (...)\n",
            ], note: "hard deletes with no audit trail; an audit table only in a comment"),
            CollectorExample([
                "server/payments.ts": """
                    import Stripe from "stripe";
                    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
                    export async function refund(paymentIntent: string) {
                      return stripe.↓refunds.create({ payment_intent: paymentIntent });
                    }
                    """,
            ], note: "refunds with no record of who issued them"),
            CollectorExample([
                "models.py": "class Event(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n",
                "app.py": """
                    @app.route("/events/<int:event_id>/delete", methods=["POST"])
                    def delete_event(event_id):
                        if not current_user.is_admin:
                            abort(403)
                        event = Event.query.get_or_404(event_id)
                        ↓db.session.delete(event)
                        db.session.commit()
                        return redirect("/events")
                    """,
            ], note: "Flask-SQLAlchemy hard delete by an admin, recorded nowhere"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/001.sql": "create table public.audit_log (id bigint primary key, actor_id uuid, action text, entity text);\n",
                "server/app.ts": """
                    app.post("/api/admin/users/:id/role", authed, allow("admin"), async (req, res) => {
                      await db.auth.admin.updateUserById(req.params.id, { app_metadata: { role: req.body.role } });
                      await db.from("audit_log").insert({ actor_id: req.user.id, action: "user.role_changed", entity: "user" });
                      res.json({ ok: true });
                    });
                    """,
            ], note: "an admin route whose role change is written to audit_log"),
            CollectorExample([
                "supabase/migrations/001.sql": """
                    create table public.orders (id uuid primary key, total int);
                    create table public.orders_history (id bigint primary key, order_id uuid, old jsonb, changed_at timestamptz);
                    create function log_order_change() returns trigger as $$ begin insert into public.orders_history (order_id, old) values (old.id, to_jsonb(old)); return new; end $$ language plpgsql;
                    create trigger orders_audit after update or delete on public.orders for each row execute function log_order_change();
                    """,
                "src/pages/Orders.tsx": "export const remove = (id) => supabase.from(\"orders\").delete().eq(\"id\", id);\n",
            ], note: "a trigger writes a history table"),
            CollectorExample("src/App.tsx", """
                export default function App() {
                  const [todos, setTodos] = useState([]);
                  const remove = (i) => setTodos(todos.filter((_, j) => j !== i));
                  // supabase.from("todos").delete()
                  return <ul>{todos.map((t) => <li key={t}>{t}</li>)}</ul>;
                }
                """, note: "a single-role app with no sensitive actions on stored data"),
        ])

    public var rules: [PatternRule] {
        let code = DataModel.codeLanguages
        return DataModel.rules(descriptor.id) + [
            PatternRule(id: "G6.P3/admin-route", literals: ["\"/admin", "'/admin", "`/admin", "/api/admin", "\"/staff", "'/staff", "`/staff"],
                        regions: .live, languages: code, regexEquivalent: #"['"`]/(api/)?(admin|staff)\b"#),
            PatternRule(id: "G6.P3/admin-role", literals: ["isAdmin", "is_admin", "\"admin\"", "'admin'", "\"ADMIN\"", "'ADMIN'"],
                        regions: .live, languages: code.union([.sql]), regexEquivalent: #"\bis_?[Aa]dmin\b|['"](admin|ADMIN)['"]"#),
            PatternRule(id: "G6.P3/role-change", literals: ["setRole(", "set_role", "changeRole(", "updateRole(", ".role =", ".role=", "set_agent_role",
                                                            "auth.admin.listUsers(", "auth.admin.inviteUserByEmail("],
                        regions: .code, languages: code.union([.sql]),
                        regexEquivalent: #"\b(setRole|changeRole|updateRole)\(|set_\w*role|\.role\s*=[^=]|auth\.admin\.(listUsers|inviteUserByEmail)\("#),
            PatternRule(id: "G6.P3/payment", literals: ["paymentIntents.create(", "charges.create(", "refunds.create(", "constructEvent(", "refund("],
                        regions: .code, languages: code,
                        regexEquivalent: #"(paymentIntents|charges|refunds)\.create\(|constructEvent\(|\brefund\("#),
            PatternRule(id: "G6.P3/audit-sql", literals: ["create trigger", "supa_audit", "enable_tracking", "pgaudit", "created_by", "updated_by", "changed_by",
                                                          "performed_by", "createdBy", "updatedBy", "actor_id", "actorId"],
                        caseSensitive: false, regions: .code, languages: [.sql, .text],
                        regexEquivalent: #"(?i)create\s+(or\s+replace\s+)?trigger|supa_audit|enable_tracking|pgaudit|\b(created|updated|changed|performed)_?by\b|\bactor_?id\b"#),
            PatternRule(id: "G6.P3/logger", literals: ["logger.", "log.info(", "log.warn(", "log.warning(", "logging.", "req.log."], regions: .code, languages: code,
                        regexEquivalent: #"(logger|req\.log|logging|log)\.\w+\(.*(delete|role|refund|payment|paid|cancel|deactivat|invite)"#),
        ]
    }

    private static let operatorRoles: Set<String> = ["admin", "staff", "manager", "moderator", "owner", "operator", "superuser", "superadmin", "agent",
                                                     "support", "editor", "reviewer", "frontdesk", "receptionist", "administrator"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = DataModel.shared(app, metric: d.id)
        let hits = G6Hits(app, metric: d.id, rules: ["admin-route", "admin-role", "role-change", "payment", "audit-sql", "logger"])
        let spec = app.info.taskSpec

        // Admin views.
        var adminEvidence: [String] = []
        let userPages: Set<String> = ["users", "team", "members", "staff", "roles", "permissions", "usermanagement", "usersmanagement", "teammanagement",
                                      "manageusers", "agents", "employees"]
        for f in app.files where G6Scan.isAppCode(f) {
            let parts = f.path.lowercased().split(separator: "/")
            let base = parts.last.map { String($0.split(separator: ".").first ?? "") } ?? ""
            if parts.dropLast().contains(where: { ["admin", "staff", "backoffice"].contains(String($0)) }) || base.hasPrefix("admin") || base.hasPrefix("staff") {
                adminEvidence.append(f.path)
                break
            }
            if userPages.contains(base), f.language == .tsx || f.language == .jsx || f.language == .vue || f.language == .svelte,
               f.contains("role", in: .code) {
                adminEvidence.append("user management page \(f.path)")
                break
            }
        }
        if let r = appHits(hits, "admin-route").first { adminEvidence.append("route in \(r.file.path)") }
        let userAdmin = appHits(hits, "role-change").first { ["auth.admin.listUsers(", "auth.admin.inviteUserByEmail("].contains(literal($0)) }
        if let u = userAdmin { adminEvidence.append("user management in \(u.file.path)") }

        let specRoles = Set((spec?.roles ?? []).map { $0.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "") })
        let specNeedsAdmin = !specRoles.intersection(Self.operatorRoles).isEmpty || specRoles.count >= 3
        let appHasAdminRole = !appHits(hits, "admin-role").isEmpty
        let needAdmin = spec != nil && !(spec!.roles.isEmpty) ? specNeedsAdmin : appHasAdminRole

        // Sensitive actions.
        var sensitive: [(kind: String, loc: G6Loc)] = []
        let auditKeys = Set(model.entities.keys.filter(isAuditKey))
        for r in model.entities.values.sorted(by: { $0.key < $1.key }) where !auditKeys.contains(r.key) && !DataModel.isInfrastructure(r.key) {
            for s in r.sites where s.op == .delete && !s.soft { sensitive.append(("deletes of \(r.name)", s.loc)) }
            for s in r.sites where s.touchesRole { sensitive.append(("role changes", s.loc)) }
        }
        let accountKeys = Set((spec?.roles ?? []).map(G6Scan.entityKey)).union(DataModel.personKeys)
        for r in model.entities.values.sorted(by: { $0.key < $1.key }) where !auditKeys.contains(r.key) {
            for s in r.sites where s.touchesPayment { sensitive.append(("payment status changes", s.loc)) }
            if accountKeys.contains(r.key) {
                for s in r.sites where s.via == "rest" && s.op == .update && !s.touchesRole {
                    sensitive.append(("changes to \(r.name) accounts", s.loc))
                }
            }
        }
        for s in model.authSites where s.touchesRole || s.op == .delete {
            sensitive.append((s.op == .delete ? "account deletions" : "role changes", s.loc))
        }
        for h in appHits(hits, "role-change") where !["auth.admin.listUsers(", "auth.admin.inviteUserByEmail("].contains(literal(h)) {
            if literal(h).hasPrefix(".role") {
                let b = h.file.bytes
                let e = G6Scan.skipSpace(b, h.offset + h.length)
                if e < b.count && b[e] == 0x3D { continue }
                guard G6Scan.role(h.file) != .client, let recv = G6Scan.identBefore(b, h.offset),
                      !["token", "session", "jwt", "payload", "claims", "decoded", "state", "ctx", "context", "locals"].contains(recv.name.lowercased()) else { continue }
                let stmtEnd = G6Scan.firstIndex(b, of: "\n", in: e..<min(b.count, e + 200)) ?? min(b.count, e + 200)
                guard ["req.", "request.", "body", "params", "input", "args", "newRole", "role"].contains(where: { G6Scan.contains(b, $0, in: e..<stmtEnd) }) else { continue }
            }
            if let p = G6Scan.identBefore(h.file.bytes, h.offset), p.name == "function" || p.name == "async" { continue }
            sensitive.append(("role changes", G6Loc(path: h.file.path, offset: h.offset)))
        }
        for h in appHits(hits, "payment") {
            let lit = literal(h)
            if lit == "refund(" {
                if h.offset > 0 && (G6Scan.isIdent(h.file.bytes[h.offset - 1])) { continue }
                if let p = G6Scan.identBefore(h.file.bytes, h.offset), p.name == "function" || p.name == "async" { continue }
            }
            sensitive.append((lit.contains("refund") ? "refunds" : "payments", G6Loc(path: h.file.path, offset: h.offset)))
        }

        let operatorKeys = Set((spec?.roles ?? []).map(G6Scan.entityKey)).intersection(Self.operatorRoles.map(G6Scan.entityKey))
        if adminEvidence.isEmpty {
            if let r = sensitive.first(where: { $0.kind == "role changes" }) {
                adminEvidence.append("role management in \(r.loc.path)")
            } else if let r = model.entities.values.first(where: { operatorKeys.contains($0.key) && $0.sites.contains { $0.via == "rest" && ($0.op == .update || $0.op == .delete) } }) {
                adminEvidence.append("\(r.name) management routes")
            }
        }
        let adminPresent = !adminEvidence.isEmpty

        // Audit trail.
        let auditTables = auditKeys.compactMap { model.entities[$0] }
        let auditWrites = auditTables.flatMap { $0.sites.filter { $0.op == .create || $0.op == .update } }
        let auditReads = auditTables.flatMap { $0.sites.filter { $0.op == .read || $0.op == .list } }
        var trigger = false
        var actorColumns = false
        for h in appHits(hits, "audit-sql", schema: true) {
            let lit = literal(h).lowercased()
            if lit == "create trigger" {
                let window = h.file.string(max(0, h.offset - 2000)..<min(h.file.bytes.count, h.offset + 600)).lowercased()
                if window.contains("audit") || window.contains("history") || window.contains("_log") || window.contains("changes") { trigger = true }
            } else if ["supa_audit", "enable_tracking", "pgaudit"].contains(lit) {
                trigger = true
            } else {
                actorColumns = true
            }
        }
        let loggerAudit = appHits(hits, "logger").contains { h in
            let b = h.file.bytes
            // `logger.info(` opens after the method name; `log.info(` ends with its own parenthesis
            guard let open = G6Scan.firstIndex(b, of: "(", in: (h.offset + h.length - 1)..<min(b.count, h.offset + h.length + 24)),
                  let close = G6Scan.closing(h.file, open: open) else { return false }
            let text = h.file.string((open + 1)..<close).lowercased()
            return ["delete", "removed", "role", "refund", "payment", "paid", "cancel", "deactivat", "invite", "granted", "revoked"].contains { text.contains($0) }
        }
        let fullAudit = !auditWrites.isEmpty || trigger
        let partialAudit = !fullAudit && (!auditTables.isEmpty || loggerAudit || actorColumns)
        let texts = spec.map { G6Task.texts($0).map(\.text).joined(separator: " ").lowercased() } ?? ""
        let specAsksAudit = ["audit", "log of who", "who changed", "activity log", "history of changes", "change history"].contains { texts.contains($0) }
        let specAsksView = specAsksAudit && ["view an audit", "see a log", "view the audit", "see the audit", "view audit", "see who changed"].contains { texts.contains($0) }
        let needAudit = !sensitive.isEmpty || specAsksAudit

        guard needAdmin || needAudit else {
            return .notMeasured(d.id, "a single-role app with no sensitive actions (deletes, role changes, payments, refunds) and no audit requirement",
                                evidence: [Evidence("admin evidence", adminEvidence.count)])
        }

        var findings: [Finding] = []
        var parts: [Double] = []
        if needAdmin {
            parts.append(adminPresent ? 1 : 0)
            if !adminPresent {
                let roles = spec?.roles.joined(separator: ", ")
                let why = roles.map { "The task has the roles \($0)" } ?? "The app has an admin role"
                findings.append(app.appFinding(d, rule: "no-admin-views", severity: spec != nil ? .high : .medium,
                    message: "\(why), but it has no admin views: no /admin pages or routes and no user or role management. Operators will manage staff, roles and reference data by editing the database by hand. Add role-gated admin pages backed by server routes that check the role."))
            }
        }
        if needAudit {
            var value = fullAudit ? 1.0 : (partialAudit ? 0.5 : 0)
            if fullAudit && specAsksView && auditReads.isEmpty {
                value = 0.75
                findings.append(app.appFinding(d, rule: "audit-not-viewable", severity: .low,
                    message: "Sensitive actions are recorded in \(auditTables.map(\.name).first ?? "an audit table"), but nothing reads it back: the task asks admins to view the audit log. Add an admin page that lists it (paginated, filterable by actor and entity)."))
            }
            parts.append(value)
            if !fullAudit {
                let how: String
                if let t = auditTables.first { how = "the \(t.name) table exists but no code or trigger writes to it" } else if loggerAudit {
                    how = "they are only written to the application log, which rotates and is not queryable by admins"
                } else if actorColumns {
                    how = "only created_by/updated_by-style columns record the last writer, not the history"
                } else {
                    how = "there is no audit/activity log table, history trigger or logger call recording who did what"
                }
                var kinds: [String: G6Loc] = [:]
                for s in sensitive where kinds[s.kind] == nil { kinds[s.kind] = s.loc }
                if partialAudit || kinds.isEmpty {
                    let what = kinds.isEmpty ? "The task asks for an audit log" : "Sensitive actions (\(kinds.keys.sorted().joined(separator: ", "))) have only a partial audit trail"
                    findings.append(app.appFinding(d, rule: partialAudit ? "partial-audit" : "no-audit-trail", severity: partialAudit ? .low : .medium,
                        message: "\(what): \(how). Record each one in an append-only audit_log (actor, action, entity, before/after, time), written by the server or a database trigger."))
                } else {
                    for (kind, loc) in kinds.sorted(by: { $0.key < $1.key }).prefix(6) {
                        guard let f = app.file(loc.path) else { continue }
                        findings.append(Finding.at(d, rule: "no-audit-trail", file: f, offset: loc.offset, severity: .medium,
                            message: "\(kind.prefix(1).uppercased() + kind.dropFirst()) leave no audit trail: \(how). When a record disappears or a role is misassigned, nobody can tell who did it or when. Record sensitive actions in an append-only audit_log (actor, action, entity, time), written by the server or a database trigger."))
                    }
                }
            }
        }
        let score = FindingScore.round1(100 * parts.reduce(0, +) / Double(parts.count))
        return MetricResult(metricID: d.id, value: .measured(score), findings: findings, evidence: [
            Evidence("admin views needed", needAdmin ? "yes" : "no"), Evidence("admin evidence", adminEvidence.isEmpty ? "none" : adminEvidence.joined(separator: "; ")),
            Evidence("sensitive actions", sensitive.count), Evidence("audit tables", auditTables.map(\.name).sorted().joined(separator: ", ")),
            Evidence("audit writes", auditWrites.count + (trigger ? 1 : 0)), Evidence("audit trail", fullAudit ? "yes" : (partialAudit ? "partial" : "none")),
        ])
    }

    private func isAuditKey(_ key: String) -> Bool {
        key.contains("audit") || key.hasSuffix("history") || key.contains("activitylog") || key == "activity" || key.contains("changelog")
            || key.contains("eventlog") || key.contains("actionlog")
    }

    private func literal(_ h: (file: ScannedFile, offset: Int, length: Int)) -> String {
        G6Scan.text(h.file.bytes, h.offset..<(h.offset + h.length))
    }

    private func appHits(_ hits: G6Hits, _ rule: String, schema: Bool = false) -> [(file: ScannedFile, offset: Int, length: Int)] {
        hits.paths.flatMap { p -> [(file: ScannedFile, offset: Int, length: Int)] in
            guard let f = hits.files[p], schema ? ((f.role == .schema || p.hasSuffix(".prisma")) && !DataModel.isDocumentation(p)) : G6Scan.isAppCode(f) else { return [] }
            return hits.hits(p, rule).map { (f, $0.offset, $0.length) }
        }
    }
}
