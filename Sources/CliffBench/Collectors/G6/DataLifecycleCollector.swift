import Foundation

/// G6.P2: for each entity, whether the code can create, read, update, delete (or cancel) and list it,
/// and whether lists that grow are bounded (pagination, limit, date window) or searchable.
///
/// Entities are the task spec's when it names them (mapped to tables, models, collections or, for person
/// roles, to the users/profiles table and the auth provider); otherwise the app's own tables, Prisma,
/// Drizzle, Mongoose, Django and (Flask-)SQLAlchemy models, Supabase/Firestore collection names, and — only
/// when the app has no store at all — its REST resources. Operations come from Supabase query chains,
/// Prisma/ORM calls, SQLAlchemy queries and session calls (`Model.query…`, `db.session.add/delete`,
/// attribute updates on a loaded instance), Drizzle, Firestore and Mongo calls, SQL statements in code
/// strings, REST route handlers
/// (Express, Next route handlers, pages/api, FastAPI/Flask) and auth-provider account calls. Seeds in
/// migrations, tests, comments and docs do not count, nor does data kept only in localStorage (G7.P2
/// judges durability). Score: share of the needed operations found. Not measured when the app has no
/// entities at all.
public struct DataLifecycleCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.P2", slug: "data-lifecycle", kind: .primary, methods: "S,T", implemented: "S",
        measures: "per entity: create, read, update, delete, list with pagination/search as the task needs",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1.5),
        triggering: [
            CollectorExample([
                "supabase/migrations/001_init.sql": """
                    ↓create table public.appointments (id uuid primary key, patient_id uuid, starts_at timestamptz);
                    """,
                "src/pages/Book.tsx": """
                    import { supabase } from "@/lib/supabase";
                    export async function book(slot: string) {
                      await supabase.from("appointments").insert({ starts_at: slot });
                    }
                    export async function mine() {
                      const { data } = await supabase.from("appointments").select("*").order("starts_at");
                      return data;
                    }
                    """,
            ], note: "appointments can be created and listed (unbounded) but never rescheduled or cancelled"),
            CollectorExample([
                "prisma/schema.prisma": """
                    ↓model Ticket {
                      id      String @id @default(cuid())
                      subject String
                    }
                    """,
                "app/api/tickets/route.ts": """
                    import { prisma } from "@/lib/db";
                    export async function GET() {
                      return Response.json(await prisma.ticket.findMany({ orderBy: { id: "desc" } }));
                    }
                    export async function POST(req: Request) {
                      return Response.json(await prisma.ticket.create({ data: await req.json() }));
                    }
                    """,
            ], note: "Prisma model with create and an unpaginated findMany only"),
            CollectorExample([
                "server.js": """
                    const express = require("express");
                    const app = express();
                    const notes = [];
                    app↓.get("/api/notes", (req, res) => res.json(notes));
                    app.post("/api/notes", (req, res) => { notes.push(req.body); res.json(req.body); });
                    app.listen(3000);
                    """,
            ], note: "an API with no store: notes can be listed and created but not edited or removed"),
            CollectorExample([
                "src/App.tsx": """
                    import { useState } from "react";
                    export default function App() {
                      const [todos, setTodos] = useState(JSON.parse(localStorage.getItem("todos") || "[]"));
                      const add = (t: string) => {
                        const next = [...todos, t];
                        setTodos(next);
                        ↓localStorage.setItem("todos", JSON.stringify(next));
                      };
                      return <button onClick={() => add("x")}>Add</button>;
                    }
                    """,
            ], note: "records kept only in localStorage are not credited as CRUD"),
            CollectorExample([
                "models.py": """
                    from flask_sqlalchemy import SQLAlchemy
                    db = SQLAlchemy()
                    class Rsvp(↓db.Model):
                        id = db.Column(db.Integer, primary_key=True)
                        event_id = db.Column(db.Integer, nullable=False)
                    """,
                "app.py": """
                    @app.route("/events/<int:event_id>/rsvp", methods=["POST"])
                    def rsvp(event_id):
                        db.session.add(Rsvp(event_id=event_id))
                        db.session.commit()
                        return {"going": Rsvp.query.filter_by(event_id=event_id).count()}
                    """,
            ], note: "Flask-SQLAlchemy: RSVPs can be added and counted but never listed, changed or withdrawn"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/001_init.sql": "create table public.todos (id uuid primary key, title text, done boolean);\n",
                "src/lib/todos.ts": """
                    import { supabase } from "./supabase";
                    export const list = (page: number) => supabase.from("todos").select("*").order("id").range(page * 20, page * 20 + 19);
                    export const one = (id: string) => supabase.from("todos").select("*").eq("id", id).single();
                    export const add = (title: string) => supabase.from("todos").insert({ title });
                    export const rename = (id: string, title: string) => supabase.from("todos").update({ title }).eq("id", id);
                    export const remove = (id: string) => supabase.from("todos").delete().eq("id", id);
                    """,
            ], note: "full lifecycle with a paginated list"),
            CollectorExample([
                "prisma/schema.prisma": "model Booking {\n  id     String @id\n  status String\n}\n",
                "app/api/bookings/route.ts": """
                    import { prisma } from "@/lib/db";
                    export async function GET(req: Request) {
                      const page = Number(new URL(req.url).searchParams.get("page") ?? 1);
                      return Response.json(await prisma.booking.findMany({ take: 25, skip: (page - 1) * 25 }));
                    }
                    export async function POST(req: Request) {
                      return Response.json(await prisma.booking.create({ data: await req.json() }));
                    }
                    """,
                "app/api/bookings/[id]/route.ts": """
                    import { prisma } from "@/lib/db";
                    export async function GET(_: Request, { params }: { params: { id: string } }) {
                      return Response.json(await prisma.booking.findUnique({ where: { id: params.id } }));
                    }
                    export async function PATCH(req: Request, { params }: { params: { id: string } }) {
                      return Response.json(await prisma.booking.update({ where: { id: params.id }, data: await req.json() }));
                    }
                    export async function DELETE(_: Request, { params }: { params: { id: string } }) {
                      await prisma.booking.update({ where: { id: params.id }, data: { status: "CANCELLED" } });
                      return new Response(null, { status: 204 });
                    }
                    """,
            ], note: "Prisma routes with paging; cancelling is a soft delete"),
            CollectorExample([
                "db/schema.sql": "CREATE TABLE orders (id serial primary key, customer text, total int);\n",
                "server/orders.js": """
                    const router = require("express").Router();
                    router.get("/", (req, res) => db.query("SELECT * FROM orders WHERE customer ILIKE $1 LIMIT 50 OFFSET $2", [req.query.q, req.query.offset]));
                    router.get("/:id", (req, res) => db.query("SELECT * FROM orders WHERE id = $1", [req.params.id]));
                    router.post("/", (req, res) => db.query("INSERT INTO orders (customer, total) VALUES ($1, $2)", [req.body.customer, req.body.total]));
                    router.put("/:id", (req, res) => db.query("UPDATE orders SET total = $1 WHERE id = $2", [req.body.total, req.params.id]));
                    router.delete("/:id", (req, res) => db.query("DELETE FROM orders WHERE id = $1", [req.params.id]));
                    module.exports = router;
                    """,
            ], note: "SQL in code strings, with LIMIT/OFFSET and ILIKE"),
            CollectorExample([
                "supabase/migrations/001.sql": "create table audit_log (id bigint primary key, action text);\ncreate table processed_webhooks (event_id text primary key);\n",
                "src/util.ts": "export const letters = Array.from(\"abc\");\n// supabase.from(\"orders\").select(\"*\")\n",
                "src/util.test.ts": "supabase.from(\"orders\").insert({ id: 1 });\n",
            ], note: "only plumbing tables; calls in comments and tests are not the app's"),
            CollectorExample([
                "models.py": """
                    class Event(db.Model):
                        __tablename__ = "events"
                        id = db.Column(db.Integer, primary_key=True)
                        title = db.Column(db.String(200))
                    """,
                "app.py": """
                    @app.route("/events")
                    def events():
                        return render_template("events.html", page=Event.query.order_by(Event.id).paginate(page=1, per_page=20))

                    @app.route("/events/new", methods=["POST"])
                    def create_event():
                        event = Event(title=request.form["title"])
                        db.session.add(event)
                        db.session.commit()
                        return redirect("/events")

                    @app.route("/events/<int:event_id>/edit", methods=["POST"])
                    def edit_event(event_id):
                        event = Event.query.get_or_404(event_id)
                        event.title = request.form["title"]
                        db.session.commit()
                        return redirect("/events")

                    @app.route("/events/<int:event_id>/delete", methods=["POST"])
                    def delete_event(event_id):
                        event = db.session.get(Event, event_id)
                        db.session.delete(event)
                        db.session.commit()
                        return redirect("/events")
                    """,
            ], note: "Flask-SQLAlchemy full lifecycle: paginated list, get_or_404, add, attribute update, session delete"),
        ])

    public var rules: [PatternRule] { DataModel.rules(descriptor.id) }

    private struct Judged {
        var label: String
        var record: EntityRecord?
        var note: String?
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = DataModel.shared(app, metric: d.id)
        let spec = app.info.taskSpec
        var judged: [Judged] = []
        var fromTask = false

        if let spec, !spec.entities.isEmpty {
            fromTask = true
            let roleKeys = Set(spec.roles.map(G6Scan.entityKey))
            for e in spec.entities {
                judged.append(resolve(e, model: model, roleKeys: roleKeys))
            }
        } else {
            for r in model.entities.values.sorted(by: { $0.key < $1.key })
            where !DataModel.isInfrastructure(r.key) && !isJoinTable(r, model) {
                var r = r
                if DataModel.personKeys.contains(r.key) { r.sites += model.authSites }
                judged.append(Judged(label: r.name, record: r))
            }
            if judged.isEmpty {
                for (k, v) in model.localKeys.sorted(by: { $0.key < $1.key }) where v.json && !localStoplist.contains(k) {
                    judged.append(Judged(label: k, record: EntityRecord(key: k, name: k, declared: nil), note: nil))
                }
            }
        }
        guard !judged.isEmpty else {
            return .notMeasured(d.id, "the app has no entities: no tables, models, collections, API resources or task-spec entities",
                                evidence: [Evidence("data-access calls", model.entities.values.reduce(0) { $0 + $1.sites.count })])
        }

        var findings: [Finding] = []
        var needed = 0, found = 0, complete = 0, localOnly = 0
        for j in judged {
            let r = j.record
            let ops = r?.ops ?? []
            var need: [DataOp] = DataOp.allCases
            let growable = ops.contains(.create) || (spec.map { taskAsksForSearch($0, entity: j.label) } ?? false)
            let boundedOK = (r?.bounded ?? false) || (r?.searched ?? false)
            let missing = need.filter { !ops.contains($0) }
            needed += need.count + (growable ? 1 : 0)
            found += need.count - missing.count + (growable && boundedOK ? 1 : 0)
            need = missing
            let boundedMissing = growable && !boundedOK
            if missing.isEmpty && !boundedMissing { complete += 1; continue }

            let name = j.note.map { _ in j.label } ?? r?.name ?? j.label
            let stored = j.note.map { " (\($0))" } ?? ""
            var message: String
            var severity: Severity = .medium
            if ops.isEmpty {
                severity = .high
                if r == nil {
                    message = "The task's entity '\(j.label)' has no table, model, collection or API resource of its own in the app: nothing creates, reads, updates, deletes or lists it as such."
                } else {
                    message = "No code creates, reads, updates, deletes or lists \(name)\(stored)."
                }
                if let local = model.localKeys[G6Scan.entityKey(j.label)] ?? r.flatMap({ model.localKeys[$0.key] }) {
                    localOnly += 1
                    message += " Its records are kept only in localStorage (\(local.loc.path)), which is not counted here: they never reach a database and vanish with the browser (see G7.P2)."
                }
                message += " Give it a persisted store and the operations the product needs (API routes or data-access calls with the same authorization as the rest)."
            } else if !missing.isEmpty {
                let have = DataOp.allCases.filter { ops.contains($0) }.map(\.participle)
                message = "\(name)\(stored) can be \(join(have, "and")) but not \(join(missing.map(\.participle), "or"))."
                message += " Users will need to correct and remove these records in production; add the missing operations through the same data layer and authorization as the existing ones."
                if boundedMissing && ops.contains(.list) { message += " Its list is also unbounded: add pagination or search." }
            } else {
                severity = .low
                message = "\(name)\(stored) is listed without pagination, a limit, a date window or search: the query returns every row, which slows down as the table grows (Supabase silently caps unpaginated selects at 1000 rows). Page the list (range/limit, take/skip, cursor) or add a search."
            }
            let loc = r?.declared ?? r?.sites.map(\.loc).min(by: { ($0.path, $0.offset) < ($1.path, $1.offset) })
                ?? model.localKeys[G6Scan.entityKey(j.label)]?.loc
            if let loc, let file = app.file(loc.path) {
                findings.append(Finding.at(d, rule: ops.isEmpty ? "no-operations" : (missing.isEmpty ? "unbounded-list" : "missing-operations"),
                                           file: file, offset: loc.offset, severity: severity, message: message))
            } else {
                findings.append(app.appFinding(d, rule: ops.isEmpty ? "no-operations" : "missing-operations", severity: severity, message: message))
            }
        }

        var evidence = [
            Evidence("entities checked", judged.count), Evidence("entities source", fromTask ? "task spec" : "app schema and code"),
            Evidence("operations needed", needed), Evidence("operations found", found), Evidence("entities complete", complete),
        ]
        if localOnly > 0 { evidence.append(Evidence("entities kept only in localStorage", localOnly)) }
        if model.restOnly { evidence.append(Evidence("entities from API routes only", "yes")) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.share(found, of: needed)), findings: findings, evidence: evidence)
    }

    private let localStoplist: Set<String> = [
        "user", "token", "session", "setting", "preference", "pref", "theme", "isadmin", "role", "auth", "stat", "config", "lang",
        "locale", "cart", "aisetting", "autopilot", "agent",
    ]

    private func resolve(_ e: String, model: DataModel, roleKeys: Set<String>) -> Judged {
        let k = G6Scan.entityKey(e)
        if var r = model.entities[k] {
            if DataModel.personKeys.contains(k) || roleKeys.contains(k) { r.sites += model.authSites }
            return Judged(label: e, record: r)
        }
        for s in DataModel.synonyms[k] ?? [] {
            if let r = model.entities[s] { return Judged(label: e, record: r, note: "stored as \(r.name)") }
        }
        if let r = model.entities.values.sorted(by: { $0.key < $1.key }).first(where: { $0.key.hasSuffix(k) && !DataModel.isInfrastructure($0.key) }) {
            return Judged(label: e, record: r, note: "stored as \(r.name)")
        }
        if roleKeys.contains(k) || (DataModel.personKeys.contains(k)) {
            for p in ["profile", "user", "account", "member", "appuser"] {
                if var r = model.entities[p] {
                    r.sites += model.authSites
                    return Judged(label: e, record: r, note: "stored as \(r.name)")
                }
            }
            if !model.authSites.isEmpty {
                var r = EntityRecord(key: k, name: "\(e) accounts", declared: nil)
                r.sites = model.authSites
                return Judged(label: e, record: r, note: "auth provider accounts")
            }
        }
        return Judged(label: e, record: nil)
    }

    private func isJoinTable(_ r: EntityRecord, _ model: DataModel) -> Bool {
        let parts = r.name.split(separator: "_")
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { model.entities[G6Scan.entityKey(String($0))] != nil }
    }

    /// Whether a sentence of the task mentions the entity together with searching, filtering or paging.
    private func taskAsksForSearch(_ spec: TaskSpec, entity: String) -> Bool {
        let k = G6Scan.entityKey(entity)
        for (_, text) in G6Task.texts(spec) {
            for s in G6Task.sentences(text) {
                let words = G6Task.words(s)
                guard words.contains(where: { G6Scan.entityKey($0) == k }) else { continue }
                if words.contains(where: { $0.hasPrefix("search") || $0.hasPrefix("paginat") || $0.hasPrefix("filter") || $0 == "find" }) { return true }
            }
        }
        return false
    }

    private func join(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
