import Foundation

/// G7.P2 (static part): where the app's data lives, and whether it survives a reload or a restart.
///
/// Real stores are drivers and ORMs imported by shipped code (pg, postgres, mysql2, better-sqlite3,
/// Prisma, Drizzle, Knex, Sequelize, TypeORM, Mongoose/MongoDB, Redis, SQLAlchemy, Django models,
/// …) and hosted backends confirmed by data calls (Supabase `.from('…')`, Firestore `addDoc`,
/// Convex, Appwrite) — a Supabase client used only for sign-in is not a store.
///
/// Each business-entity store that does not survive is a finding (high; critical when the app has
/// no real store at all):
/// - module-level arrays, Maps, Sets or `{}` maps in server code (Node or Python) that request
///   handlers mutate (`todos.push(req.body)`, `users[id] = …`, `db.users.push(…)`), followed across
///   files through `require`/`import`; caches, rate limiters, sockets and sessions are not entities,
///   and a collection filled inside a function that queries the database is a cache;
/// - Map/array fields of a class the server instantiates (the Replit template's `MemStorage` with
///   `private users: Map<…>`), changed by its methods other than the constructor;
/// - `localStorage`/`sessionStorage` writes (`setItem`, `useLocalStorage`, zustand `persist`) whose key
///   names records (`todos`, `clinic-appointments`, the task's entities), and IndexedDB-only data when
///   there is no real store; theme, language, sidebar, drafts, filters, carts and auth tokens are
///   preferences or session state, not entities, and writes that cache fetched data are skipped;
/// - React state seeded from a hard-coded record list and then edited, in a file that never calls a
///   backend or storage.
/// JSON-file stores (lowdb, NeDB) are a medium finding: lost on ephemeral filesystems. An app with no
/// store at all fails when the task names entities (critical) or when it has data-entry forms
/// (high), unless it sends its data to outside APIs (noted: their storage cannot be seen); an app
/// that neither stores nor takes data scores 100 with that noted.
public struct DurabilityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.P2", slug: "durability", kind: .primary, methods: "S,R",
        measures: "the write-read-restart-read smoke test: a record written survives a restart; a real store, not localStorage or memory",
        severity: .high, remediation: RemediationCost(baseHours: 6, perFindingHours: 2),
        triggering: [
            CollectorExample("server.js", """
                const express = require('express')
                const app = express()
                app.use(express.json())
                let ↓todos = []
                app.post('/api/todos', (req, res) => {
                  const todo = { id: Date.now(), ...req.body }
                  todos.push(todo)
                  res.json(todo)
                })
                app.listen(3000)
                """, note: "a module-level array written by a route, no database"),
            CollectorExample([
                "data/store.js": "let ↓appointments = [\n  { id: 1, patientId: 3, date: '2026-10-15', status: 'booked' },\n]\nlet settings = { tone: 'friendly' }\nmodule.exports = { appointments, settings }\n",
                "routes/appointments.js": "const express = require('express')\nconst { appointments } = require('../data/store')\nconst router = express.Router()\nrouter.post('/', (req, res) => {\n  appointments.push({ id: Date.now(), ...req.body })\n  res.json({ ok: true })\n})\nmodule.exports = router\n",
            ], note: "the array lives in a store module and a route in another file mutates it"),
            CollectorExample([
                "server/storage.ts": "export class MemStorage {\n  private ↓orders: Map<number, Order>\n  private nextId = 1\n  constructor() {\n    this.orders = new Map()\n  }\n  async createOrder(o: NewOrder): Promise<Order> {\n    const order = { ...o, id: this.nextId++ }\n    this.orders.set(order.id, order)\n    return order\n  }\n}\nexport const storage = new MemStorage()\n",
                "server/routes.ts": "import express from 'express'\nimport { storage } from './storage'\nconst app = express()\napp.post('/api/orders', async (req, res) => res.json(await storage.createOrder(req.body)))\napp.listen(5000)\n",
            ], note: "a storage class whose Map field holds every record in server memory"),
            CollectorExample("src/pages/Todos.tsx", """
                import { useEffect, useState } from 'react'
                export default function Todos() {
                  const [todos, setTodos] = useState<any[]>([])
                  useEffect(() => { setTodos(JSON.parse(localStorage.getItem('todos') || '[]')) }, [])
                  const add = (title: string) => {
                    const next = [...todos, { id: crypto.randomUUID(), title }]
                    setTodos(next)
                    ↓localStorage.setItem('todos', JSON.stringify(next))
                  }
                  return <button onClick={() => add('x')}>Add</button>
                }
                """, note: "the app's records live in one browser's localStorage"),
            CollectorExample("src/pages/Tickets.tsx", """
                import { useState } from 'react'
                const SEED = [
                  { id: 't1', subject: 'Order late', status: 'open', email: 'a@shop.test' },
                  { id: 't2', subject: 'Refund', status: 'pending', email: 'b@shop.test' },
                  { id: 't3', subject: 'Address', status: 'solved', email: 'c@shop.test' },
                ]
                export default function Tickets() {
                  const [tickets, setTickets] = ↓useState(SEED)
                  const close = (id: string) => setTickets(tickets.map((t) => (t.id === id ? { ...t, status: 'solved' } : t)))
                  return <ul>{tickets.map((t) => <li key={t.id} onClick={() => close(t.id)}>{t.subject}</li>)}</ul>
                }
                """, note: "React state seeded from a hard-coded list, edited, never saved"),
            CollectorExample("app.py", """
                from flask import Flask, request, jsonify
                app = Flask(__name__)
                ↓notes = {}

                @app.post("/notes")
                def create_note():
                    note = request.get_json()
                    notes[note["id"]] = note
                    return jsonify(note)
                """, note: "a Python dict used as the database"),
            CollectorExample([
                "server/db.ts": "import pg from 'pg'\nexport const pool = new pg.Pool()\n",
                "server/activity.ts": "const ↓activityLog: { userId: string; action: string }[] = []\nexport function recordActivity(e: { userId: string; action: string }) {\n  activityLog.unshift(e)\n}\nexport function recentActivity(userId: string) {\n  return activityLog.filter((a) => a.userId === userId).slice(0, 20)\n}\n",
                "server/routes.ts": "import express from 'express'\nimport { pool } from './db'\nimport { recordActivity, recentActivity } from './activity'\nconst app = express()\napp.post('/api/tasks', async (req, res) => {\n  const { rows } = await pool.query('insert into tasks (title) values ($1) returning *', [req.body.title])\n  recordActivity({ userId: req.body.userId, action: 'created' })\n  res.json(rows[0])\n})\napp.get('/api/activity', (req, res) => res.json(recentActivity(String(req.query.userId))))\napp.listen(5000)\n",
            ], note: "an activity log kept in server memory although tasks live in Postgres"),
            CollectorExample("src/pages/Drafts.tsx", """
                import { useEffect, useState } from 'react'
                export default function Drafts() {
                  const [drafts, setDrafts] = useState<any[]>([])
                  useEffect(() => { ↓localStorage.setItem('invoice-drafts', JSON.stringify(drafts)) }, [drafts])
                  return <button onClick={() => setDrafts([...drafts, { id: 1 }])}>New</button>
                }
                """, note: "a list of draft invoices kept only in the browser"),
        ],
        nonTriggering: [
            CollectorExample([
                "app/api/todos/route.ts": "import { prisma } from '@/lib/db'\nexport async function POST(req: Request) {\n  const todo = await prisma.todo.create({ data: await req.json() })\n  return Response.json(todo)\n}\n",
                "lib/db.ts": "import { PrismaClient } from '@prisma/client'\nexport const prisma = new PrismaClient()\n",
            ], note: "records written through Prisma"),
            CollectorExample([
                "src/App.tsx": """
                    import { supabase } from './lib/supabase'
                    // let todos = [] kept in memory before we had Supabase
                    export async function addTodo(title: string) {
                      await supabase.from('todos').insert({ title })
                    }
                    export function setTheme(t: string) {
                      localStorage.setItem('theme', t)
                      localStorage.setItem('sidebar-collapsed', 'true')
                      localStorage.setItem('sb-access-token', t)
                    }
                    """,
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n",
            ], note: "Supabase holds the records; localStorage holds preferences and the session; a commented-out array"),
            CollectorExample("server/index.ts", """
                import express from 'express'
                import { Pool } from 'pg'
                const pool = new Pool()
                const cache = new Map<string, unknown>()
                const loginAttempts = new Map<string, number>()
                const clients = new Set<WebSocket>()
                const app = express()
                app.get('/api/items/:id', async (req, res) => {
                  loginAttempts.set(req.ip, (loginAttempts.get(req.ip) ?? 0) + 1)
                  if (!cache.has(req.params.id)) cache.set(req.params.id, (await pool.query('select * from items where id = $1', [req.params.id])).rows[0])
                  res.json(cache.get(req.params.id))
                })
                app.listen(3000)
                """, note: "a cache, a rate-limit counter and a socket registry next to Postgres"),
            CollectorExample([
                "api/server.js": "const express = require('express')\nconst { Pool } = require('pg')\nconst pool = new Pool()\nlet products = []\nasync function warm() {\n  const r = await pool.query('select * from products')\n  products.push(...r.rows)\n}\nexpress().listen(3000)\nwarm()\n",
                "proj/settings.py": "DEBUG = True\nINSTALLED_APPS = ['django.contrib.admin']\nif DEBUG:\n    INSTALLED_APPS.append('debug_toolbar')\n",
            ], note: "a module-level cache filled from Postgres, and a settings list extended at import time"),
            CollectorExample([
                "tests/todos.test.js": "let todos = []\ntest('adds', () => { todos.push({ id: 1 }); expect(todos).toHaveLength(1) })\n",
                "src/pages/Home.tsx": "export default function Home() { return <main><h1>Welcome</h1><a href='/docs'>Docs</a></main> }\n",
            ], note: "an array in a test, and a static page with no data entry"),
            CollectorExample([
                "server/index.ts": "import express from 'express'\nimport pg from 'pg'\nconst pool = new pg.Pool()\nconst requestLog: { path: string; ms: number }[] = []\nconst app = express()\napp.use((req, res, next) => { requestLog.push({ path: req.path, ms: 1 }); next() })\napp.get('/debug/slow', (req, res) => res.json(requestLog.filter((r) => r.ms > 1000)))\napp.get('/api/tasks', async (req, res) => res.json((await pool.query('select * from tasks')).rows))\napp.listen(5000)\n",
                "src/pages/Compose.tsx": "import { useEffect, useState } from 'react'\nexport default function Compose() {\n  const [note, setNote] = useState('')\n  useEffect(() => { localStorage.setItem('invoice-note-draft', note) }, [note])\n  return <textarea value={note} onChange={(e) => setNote(e.target.value)} />\n}\n",
            ], note: "a request log for diagnostics, and one form's draft text autosaved in the browser"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G7.P2/browser-storage",
                        literals: ["localStorage.setItem(", "sessionStorage.setItem(", "localStorage[", "useLocalStorage", "useLocalStorageState",
                                   "useSessionStorage", "useStorageState", "persist(", "localforage.setItem(", "indexedDB.open(", "new Dexie(", "openDB("],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html], wordStart: true,
                        regexEquivalent: #"\b(localStorage|sessionStorage)\.setItem\(\s*['"`][^'"`]*(todo|task|note|order|invoice|appointment|booking|ticket|message|customer|contact|product|expense|transaction|item|record|entr(y|ies))s?"#),
            PatternRule(id: "G7.P2/state", literals: ["useState"], regions: .code, languages: [.javascript, .jsx, .typescript, .tsx], wordStart: true,
                        regexEquivalent: #"useState(<[^>]*>)?\(\s*(\[\s*\{|[A-Z_a-z]+\))"#),
        ]
    }

    struct MemCollection {
        var file: ScannedFile
        var offset: Int
        /// Access path: ["todos"] or ["db", "users"].
        var path: [String]
        var kind: String
        var seeded: Int
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty else { return .notMeasured(d.id, "no program files") }
        let taskEntities = app.info.taskSpec?.entities ?? []
        let real = profile.realStores
        let noStore = real.isEmpty
        let lossSeverity: Severity = noStore ? .critical : .high
        var findings: [Finding] = []
        var evidence: [Evidence] = []

        // 1. Module-level collections on the server, mutated by handlers.
        var memory: [(MemCollection, ScannedFile, Int)] = []
        for f in profile.programFiles where profile.serverSide.contains(f.path) {
            let cols = f.language == .python ? pythonCollections(f) : (f.language.isJSFamily ? jsCollections(f) : [])
            for c in cols where !Self.isTechnical(c.path.last ?? "") || Self.isUserFacingLog(c, profile: profile) {
                if let (mf, mo) = mutation(of: c, profile: profile) { memory.append((c, mf, mo)) }
            }
        }
        // 1b. Class fields (`private members: Map<…>` / `this.members = new Map()`) of a class the
        // server instantiates, changed by its methods: the Replit-template `MemStorage` pattern.
        let serverJS = profile.programFiles.filter { profile.serverSide.contains($0.path) && $0.language.isJSFamily }
        for f in serverJS {
            for (c, mo) in classFieldStores(f, serverFiles: serverJS) where !Self.isTechnical(c.path.last ?? "") {
                memory.append((c, f, mo))
            }
        }
        for (c, mf, mo) in memory {
            let name = c.path.joined(separator: ".")
            let entity = G1Data.entity(in: c.path.last ?? name, taskEntities: taskEntities)
            let what = entity.map { "every \($0) record" } ?? "everything in it"
            let whereChanged = mf.path == c.file.path ? "line \(mf.location(of: mo).line)" : "\(mf.path):\(mf.location(of: mo).line)"
            findings.append(Finding.at(d, rule: "in-memory-store", file: c.file, offset: c.offset, severity: lossSeverity,
                message: "`\(name)` is a \(c.kind) in server process memory, changed by request handling at \(whereChanged): \(what) is lost on every restart or redeploy, and each server instance keeps its own copy. \(noStore ? "The app has no database at all: " : "")Store it in a database (Postgres/SQLite through an ORM or driver) and read it back per request."))
        }

        // 2. Browser storage used for records.
        var prefKeys: [String] = []
        var cachedKeys: [String] = []
        var seenKeys = Set<String>()
        var browserDB: [(ScannedFile, Int, String)] = []
        for (f, hit) in app.hits("G7.P2/browser-storage") {
            guard ProdAppProfile.isShipped(f), !profile.serverSide.contains(f.path) else { continue }
            let o = Int(hit.offset)
            let lit = f.string(o..<(o + Int(hit.length)))
            if lit == "indexedDB.open(" || lit == "new Dexie(" || lit == "openDB(" {
                browserDB.append((f, o, lit))
                continue
            }
            guard let (key, value) = ProdStorage.key(f, at: o, literal: lit) else { continue }
            var kind = G1Data.classifyKey(key, value: value, taskEntities: taskEntities)
            if kind == .preference, let draft = Self.draftRecords(key: key, value: value, taskEntities: taskEntities) { kind = .entity(draft) }
            guard case .entity(let entity) = kind else {
                if kind != .unknown { prefKeys.append(key) }
                continue
            }
            if let body = ProdText.enclosingFunctionBody(f, at: o), G1Components.hasDataCall(f, in: body) {
                cachedKeys.append(key)
                continue
            }
            guard seenKeys.insert(key.lowercased()).inserted else { continue }
            let store = lit.hasPrefix("sessionStorage") || lit.hasPrefix("useSession") ? "sessionStorage" : "localStorage"
            findings.append(Finding.at(d, rule: "browser-storage-store", file: f, offset: o, severity: lossSeverity,
                message: "\(entity.capitalized) records are kept in the browser's \(store) under `\(key)`: they exist in one browser profile only, vanish when storage is cleared or on another device, and no other user or admin ever sees them. \(noStore ? "The app has no server-side store at all. " : "")Persist them through an API into a database; keep only preferences in \(store)."))
        }
        if noStore, let (f, o, lit) = browserDB.first {
            findings.append(Finding.at(d, rule: "indexeddb-only", file: f, offset: o, severity: .high,
                message: "The app's data lives only in IndexedDB (`\(lit)…`): it stays in one browser, is lost when site data is cleared, and is invisible to other users and devices. Add a server-side store and sync to it."))
        }

        // 3. React state seeded from hard-coded records and edited.
        var arraysCache: [String: [G1EntityArray]] = [:]
        func arrays(_ p: String) -> [G1EntityArray] {
            if let a = arraysCache[p] { return a }
            let a = profile.file(p).map(G1Components.entityArrays) ?? []
            arraysCache[p] = a
            return a
        }
        var stateFiles = Set<String>()
        for (f, _) in app.hits("G7.P2/state") where ProdAppProfile.isShipped(f) && !profile.serverSide.contains(f.path) {
            guard stateFiles.insert(f.path).inserted else { continue }
            for s in G1Components.seededStates(f, profile: profile, arraysByFile: arrays) {
                let entity = G1Data.entity(in: s.state, taskEntities: taskEntities)
                let seed = s.seedName.map { "`\($0)`\(s.seedPath == f.path ? "" : " from \(s.seedPath)")" } ?? "an inline list"
                findings.append(Finding.at(d, rule: "react-state-store", file: f, offset: s.offset, severity: lossSeverity,
                    message: "`\(s.state)` (\(entity ?? "records")) lives only in React state seeded from \(seed), and `\(s.setter)` edits it without any API, database or storage call: every change is gone on reload and nobody else sees it. Load and save the records through the backend."))
            }
        }

        // 4. File-based stores.
        for s in profile.stores where s.kind == .file {
            if let f = profile.file(s.path) {
                findings.append(Finding.at(d, rule: "json-file-store", file: f, offset: s.offset, severity: .medium,
                    message: "Data is kept in a local file through \(s.name): on containers and most PaaS hosts the filesystem is ephemeral, so it is lost on redeploy, and concurrent writes can corrupt it. Use a database, or at least mount a persistent volume."))
            }
            break
        }

        // 5. An app that stores nothing at all.
        let anyStore = !profile.stores.isEmpty || !memory.isEmpty || !findings.isEmpty
        let sendsData = !anyStore && profile.programFiles.contains {
            G1Components.hasDataCall($0, in: 0..<$0.bytes.count) || G1Data.importsNetworkPackage($0.path, profile: profile)
        }
        if sendsData {
            evidence.append(Evidence("note", "no store of its own; data is sent to APIs outside the app, whose storage cannot be seen"))
        } else if !anyStore {
            let forms = profile.programFiles.filter { f in
                !profile.serverSide.contains(f.path) && ProdText.contains(f, ProdNeedles(["onSubmit", "<form", "addEventListener('submit'", "addEventListener(\"submit\"", "@submit", "on:submit"]), in: 0..<f.bytes.count, filter: .live)
            }
            if !taskEntities.isEmpty {
                findings.append(app.appFinding(d, rule: "no-store", severity: .critical,
                    message: "The app stores nothing anywhere — no database, no hosted backend, not even browser storage — although the task's \(taskEntities.joined(separator: ", ")) records must persist. Nothing a user enters survives a reload. Add a database and an API that writes to it."))
            } else if let f = forms.first {
                findings.append(app.appFinding(d, rule: "no-store", path: f.path, severity: .high,
                    message: "The app has data-entry forms (\(f.path)\(forms.count > 1 ? " and \(forms.count - 1) more" : "")) but stores nothing anywhere: what users submit is discarded. Add a store and an API that writes to it."))
            } else {
                evidence.append(Evidence("note", "no store and no data-entry UI: nothing to lose"))
            }
        }

        evidence = [
            Evidence("real stores", real.map(\.name).prodUniqued().joined(separator: ", ").isEmpty ? "none" : real.map(\.name).prodUniqued().joined(separator: ", ")),
            Evidence("in-memory collections mutated by the server", memory.count),
            Evidence("browser-storage entity keys", seenKeys.count),
            Evidence("browser-storage preference/session keys (not entities)", prefKeys.prodUniqued().joined(separator: ", ").isEmpty ? "none" : prefKeys.prodUniqued().joined(separator: ", ")),
        ] + evidence
        if !cachedKeys.isEmpty { evidence.append(Evidence("browser-storage caches of fetched data (skipped)", cachedKeys.prodUniqued().joined(separator: ", "))) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: evidence)
    }

    /// `invoice-drafts` holding `drafts`: a list of draft records of an entity (not one form's draft text),
    /// which the key calls a preference only because of the word "draft". Returns the entity.
    static func draftRecords(key: String, value: String?, taskEntities: [String]) -> String? {
        let words = ProdText.words(key)
        guard words.contains(where: { $0 == "draft" || $0 == "drafts" }), let v = value,
              let last = ProdText.words(v).last, ProdText.isPlural(last) else { return nil }
        let prefs: Set<String> = ["theme", "sidebar", "language", "locale", "settings", "preferences", "prefs", "filter", "filters", "sort", "view", "layout", "form", "editor"]
        guard !words.contains(where: { prefs.contains($0) }) else { return nil }
        let task = Set(taskEntities.map { ProdText.singular($0.lowercased()) })
        for w in words where w != "draft" && w != "drafts" {
            let s = ProdText.singular(w)
            if G1Data.entityNouns.contains(s) || task.contains(s) { return s }
        }
        return nil
    }

    /// The range of the Python function whose body contains `o` (by indentation), or nil at module level.
    private func pythonFunction(_ f: ScannedFile, around o: Int) -> Range<Int>? {
        let b = f.bytes
        let line = f.location(of: o).line
        let r0 = f.lineRange(line)
        var indent = ProdText.skipSpace(b, from: r0.lowerBound) - r0.lowerBound
        guard indent > 0 else { return nil }
        var l = line - 1
        while l >= 1 {
            let r = f.lineRange(l)
            let s = ProdText.skipSpace(b, from: r.lowerBound)
            if s < r.upperBound && b[s] != 0x23 {
                let ind = s - r.lowerBound
                if ind < indent {
                    let text = f.string(s..<r.upperBound)
                    if text.hasPrefix("def ") || text.hasPrefix("async def ") {
                        var end = r0.upperBound
                        var k = line + 1
                        while k <= f.lineCount {
                            let rk = f.lineRange(k)
                            let sk = ProdText.skipSpace(b, from: rk.lowerBound)
                            if sk < rk.upperBound && sk - rk.lowerBound <= ind { break }
                            end = rk.upperBound
                            k += 1
                        }
                        return r.lowerBound..<end
                    }
                    if ind == 0 { return nil }
                    indent = ind
                }
            }
            l -= 1
        }
        return nil
    }

    // MARK: - Server memory

    private static let technicalWords: Set<String> = [
        "cache", "caches", "cached", "memo", "memoized", "limiter", "limiters", "ratelimit", "rate", "attempts", "attempt", "throttle",
        "timer", "timers", "interval", "intervals", "socket", "sockets", "connection", "connections", "client", "clients", "listener",
        "listeners", "subscriber", "subscribers", "handler", "handlers", "middleware", "middlewares", "route", "routes", "session",
        "sessions", "token", "tokens", "otp", "otps", "code", "codes", "blacklist", "blocklist", "denylist", "revoked", "nonce", "nonces",
        "visited", "seen", "inflight", "lock", "locks", "mutex", "retries", "metric", "metrics", "counter", "counters", "log", "logs",
        "queue", "jobs", "pending", "waiters", "streams", "stream", "sse", "ws", "peers", "rooms", "presence", "typing", "emitters",
        "callbacks", "hooks", "plugins", "registry", "config", "options", "env", "headers", "requests", "ips", "buckets", "windows",
    ]

    static func isTechnical(_ name: String) -> Bool {
        ProdText.words(name).contains { technicalWords.contains($0) }
    }

    /// Words that are technical on their own (`logs`, `queue`) but name user-facing records with a
    /// qualifier (`activityLog`, `auditLog`, `notificationQueue`).
    private static let softTechnicalWords: Set<String> = ["log", "logs", "queue", "pending", "feed", "rooms"]
    private static let operationalQualifiers: Set<String> = ["request", "requests", "error", "errors", "debug", "access", "http", "api", "server",
                                                             "console", "perf", "performance", "trace", "event", "events", "job", "jobs", "retry",
                                                             "task", "tasks", "message", "messages", "email", "emails", "mail", "webhook", "webhooks"]

    /// `activityLog` / `auditLog`: a qualified log whose only technical word is soft, read back by an
    /// exported function or a route handler (so users see it), in server code.
    static func isUserFacingLog(_ c: MemCollection, profile: ProdAppProfile) -> Bool {
        guard c.path.count == 1, let name = c.path.last else { return false }
        let words = ProdText.words(name)
        guard words.count >= 2, words.allSatisfy({ !technicalWords.contains($0) || softTechnicalWords.contains($0) }),
              words.contains(where: { softTechnicalWords.contains($0) }),
              !words.contains(where: { operationalQualifiers.contains($0) }) else { return false }
        // Read back (filtered, sliced, returned) somewhere other than where it is written.
        let f = c.file
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) where o > c.offset + name.utf8.count {
            let e = o + name.utf8.count
            guard e < b.count, !ProdText.isIdent(b[e]), !ProdText.isIdent(b[o - 1]) else { continue }
            for read in [".filter(", ".slice(", ".map(", ".find(", ".values(", ".get("] where ProdText.has(b, at: e, read) { return true }
            if ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name == "return" { return true }
        }
        return false
    }

    /// Module-level `let|const|var name = [ … ] | new Map() | new Set() | {}` (and `{ users: [], … }` object stores).
    private func jsCollections(_ f: ScannedFile) -> [MemCollection] {
        let b = f.bytes
        let rs = f.regions
        var out: [MemCollection] = []
        var depth = 0
        var i = 0
        var ri = 0
        while i < b.count {
            if ri < rs.count && i >= Int(rs[ri].start) {
                if i < Int(rs[ri].end) { i = Int(rs[ri].end) }
                ri += 1
                continue
            }
            let c = b[i]
            if c == 0x7B || c == 0x28 || c == 0x5B { depth += 1; i += 1; continue }
            if c == 0x7D || c == 0x29 || c == 0x5D { depth = max(0, depth - 1); i += 1; continue }
            if depth == 0 && ProdText.isIdent(c) && (i == 0 || !ProdText.isIdent(b[i - 1])) {
                let w = ProdText.identifier(b, at: i)
                if w == "let" || w == "const" || w == "var", let col = declaration(f, keywordAt: i, length: w.utf8.count) {
                    out += col
                }
                i += max(1, w.utf8.count)
                continue
            }
            i += 1
        }
        return out
    }

    private func declaration(_ f: ScannedFile, keywordAt k: Int, length: Int) -> [MemCollection]? {
        let b = f.bytes
        let n = ProdText.skipSpace(b, from: k + length)
        guard n < b.count, ProdText.isIdent(b[n]) else { return nil }
        let name = ProdText.identifier(b, at: n)
        var j = ProdText.skipSpace(b, from: n + name.utf8.count)
        if j < b.count && b[j] == 0x3A {
            let lineEnd = f.lineRange(f.location(of: j).line).upperBound
            while j < lineEnd && !(b[j] == 0x3D && j + 1 < b.count && b[j + 1] != 0x3E && b[j + 1] != 0x3D) { j += 1 }
        }
        guard j < b.count, b[j] == 0x3D, j + 1 < b.count, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { return nil }
        let v = ProdText.skipSpace(b, from: j + 1)
        guard v < b.count else { return nil }
        if b[v] == 0x5B {
            let shape = G1Data.arrayShape(f, open: v)
            return [MemCollection(file: f, offset: n, path: [name], kind: "module-level array", seeded: shape?.entityObjects ?? 0)]
        }
        if ProdText.has(b, at: v, "new Map(") { return [MemCollection(file: f, offset: n, path: [name], kind: "module-level Map", seeded: 0)] }
        if ProdText.has(b, at: v, "new Set(") { return [MemCollection(file: f, offset: n, path: [name], kind: "module-level Set", seeded: 0)] }
        if b[v] == 0x7B, let close = ProdText.matchingClose(f, open: v) {
            if ProdText.skipSpace(b, from: v + 1) == close {
                return [MemCollection(file: f, offset: n, path: [name], kind: "module-level object used as a map", seeded: 0)]
            }
            let props = G1Data.collectionProperties(f, open: v, close: close)
            return props.map { MemCollection(file: f, offset: n, path: [name, $0], kind: "module-level in-memory table", seeded: 0) }
        }
        return nil
    }

    /// Collection fields of top-level classes that shipped server code instantiates (`new MemStorage()`),
    /// with the offset where a method other than the constructor changes them.
    private func classFieldStores(_ f: ScannedFile, serverFiles: [ScannedFile]) -> [(MemCollection, Int)] {
        let b = f.bytes
        var out: [(MemCollection, Int)] = []
        for k in f.find("class", in: .code, wordStart: true) {
            let after = k + 5
            guard after < b.count, !ProdText.isIdent(b[after]) else { continue }
            // Top level only (the class statement is not inside any bracket).
            guard ProdText.enclosingOpen(f, before: k, brackets: [0x7B, 0x28, 0x5B]) == nil else { continue }
            let n = ProdText.skipSpace(b, from: after)
            let className = ProdText.identifier(b, at: n)
            guard !className.isEmpty, className != "extends", className != "implements" else { continue }
            var open = n + className.utf8.count
            while open < b.count && b[open] != 0x7B && open - n < 400 {
                if b[open] == 0x3B { break }
                open += 1
            }
            guard open < b.count, b[open] == 0x7B, let close = ProdText.matchingClose(f, open: open) else { continue }
            let instantiated = serverFiles.contains { sf in
                sf.find("new " + className, in: .code).contains { o in
                    let e = o + 4 + className.utf8.count
                    return e < sf.bytes.count && !ProdText.isIdent(sf.bytes[e])
                }
            }
            guard instantiated else { continue }
            let body = (open + 1)..<close

            // Ranges of the class's top-level members, to tell field declarations and the constructor apart.
            var ctor: Range<Int>?
            var declared: [String: Int] = [:]
            var initialised: [String: Int] = [:]
            var i = body.lowerBound
            while i < body.upperBound {
                i = ProdText.skipSpace(b, from: i)
                guard i < body.upperBound else { break }
                if f.kind(at: i) != .code {
                    if let ri = ProdText.regionIndex(f, containing: i) { i = max(i + 1, Int(f.regions[ri].end)) } else { i += 1 }
                    continue
                }
                // One member: up to `;`, a newline at bracket depth 0 after a field, or a closed `{…}` body.
                var j = i
                var words: [String] = []
                while j < body.upperBound, ProdText.isIdent(b[j]) || b[j] == 0x23 {
                    let w = ProdText.identifier(b, at: b[j] == 0x23 ? j + 1 : j)
                    words.append(w)
                    j = ProdText.skipSpace(b, from: j + (b[j] == 0x23 ? 1 : 0) + max(1, w.utf8.count))
                    let mods: Set<String> = ["private", "public", "protected", "readonly", "static", "declare", "override", "async", "get", "set"]
                    if !mods.contains(w) { break }
                }
                let name = words.last ?? ""
                let nameOffset = j > i ? (ProdText.prevNonSpace(b, before: j) - name.utf8.count + 1) : i
                if j < body.upperBound && (b[j] == 0x3F || b[j] == 0x21) { j = ProdText.skipSpace(b, from: j + 1) }
                if j < body.upperBound && b[j] == 0x28 || (j < body.upperBound && b[j] == 0x3C) {
                    // A method: skip its parameters and body.
                    var q = j
                    while q < body.upperBound && b[q] != 0x7B {
                        if b[q] == 0x28, let c = ProdText.matchingClose(f, open: q) { q = c }
                        q += 1
                    }
                    guard q < body.upperBound, let c = ProdText.matchingClose(f, open: q) else { break }
                    if name == "constructor" { ctor = (q + 1)..<c }
                    i = c + 1
                    continue
                }
                // A field: read to the end of the statement.
                var e = j
                var eq: Int?
                while e < body.upperBound {
                    let c = b[e]
                    if f.kind(at: e) != .code { e += 1; continue }
                    if c == 0x28 || c == 0x5B || c == 0x7B || c == 0x3C && eq == nil {
                        if c == 0x3C {
                            var d = 0
                            while e < body.upperBound { if b[e] == 0x3C { d += 1 } else if b[e] == 0x3E { d -= 1; if d == 0 { break } }; e += 1 }
                        } else if let cl = ProdText.matchingClose(f, open: e) { e = cl }
                        e += 1
                        continue
                    }
                    if c == 0x3D && eq == nil && e + 1 < b.count && b[e + 1] != 0x3D && b[e + 1] != 0x3E { eq = e }
                    if c == 0x3B || c == 0x0A { break }
                    e += 1
                }
                if !name.isEmpty && ProdText.isIdent(b[nameOffset]) {
                    declared[name] = nameOffset
                    if let q = eq, isCollectionValue(b, at: ProdText.skipSpace(b, from: q + 1)) { initialised[name] = nameOffset }
                }
                i = max(e + 1, i + 1)
            }
            // `this.x = new Map()` anywhere in the class (usually the constructor).
            for o in ProdText.all(f, "this.", in: body) {
                let nameAt = o + 5
                let name = ProdText.identifier(b, at: nameAt)
                guard !name.isEmpty else { continue }
                let q = ProdText.skipSpace(b, from: nameAt + name.utf8.count)
                guard q + 1 < b.count, b[q] == 0x3D, b[q + 1] != 0x3D, b[q + 1] != 0x3E,
                      isCollectionValue(b, at: ProdText.skipSpace(b, from: q + 1)) else { continue }
                if initialised[name] == nil { initialised[name] = declared[name] ?? nameAt }
            }
            for (name, offset) in initialised.sorted(by: { $0.value < $1.value }) {
                guard let mo = classFieldMutation(f, name: name, in: body, constructor: ctor) else { continue }
                out.append((MemCollection(file: f, offset: offset, path: [className, name], kind: "field of a \(className) instance held in server memory", seeded: 0), mo))
            }
        }
        return out
    }

    private func isCollectionValue(_ b: [UInt8], at v: Int) -> Bool {
        guard v < b.count else { return false }
        if b[v] == 0x5B { return true }
        if b[v] == 0x7B { let c = ProdText.skipSpace(b, from: v + 1); return c < b.count && b[c] == 0x7D }
        return ProdText.has(b, at: v, "new Map") || ProdText.has(b, at: v, "new Set")
    }

    /// Where a method of the class (not its constructor) changes `this.name`, skipping methods that query a database.
    private func classFieldMutation(_ f: ScannedFile, name: String, in body: Range<Int>, constructor: Range<Int>?) -> Int? {
        let b = f.bytes
        let needle = "this." + name
        for o in ProdText.all(f, needle, in: body) {
            let j = o + needle.utf8.count
            guard j < b.count, !ProdText.isIdent(b[j]) else { continue }
            if let c = constructor, c.contains(o) { continue }
            var mutates = Self.jsMutators.contains { ProdText.has(b, at: j, $0) }
            if !mutates && b[j] == 0x5B, let close = ProdText.matchingClose(f, open: j) {
                let e = ProdText.skipSpace(b, from: close + 1)
                mutates = e + 1 < b.count && b[e] == 0x3D && b[e + 1] != 0x3D
            }
            if !mutates {
                let e = ProdText.skipSpace(b, from: j)
                if e + 1 < b.count && b[e] == 0x3D && b[e + 1] != 0x3D && b[e + 1] != 0x3E {
                    let lineEnd = f.lineRange(f.location(of: e).line).upperBound
                    mutates = ProdText.contains(f, ProdNeedles(["..." + needle, needle + ".filter(", needle + ".map(", needle + ".concat(", needle + ".slice("]), in: e..<lineEnd)
                }
            }
            guard mutates, let fn = ProdText.enclosingFunctionBody(f, at: o) else { continue }
            if G1Components.hasDataCall(f, in: fn) { continue }
            return o
        }
        return nil
    }

    /// Top-level Python `name = [] | {} | dict() | list() | defaultdict(…)`.
    private func pythonCollections(_ f: ScannedFile) -> [MemCollection] {
        let b = f.bytes
        var out: [MemCollection] = []
        for line in 1...max(1, f.lineCount) {
            let r = f.lineRange(line)
            guard r.lowerBound < r.upperBound, ProdText.isIdent(b[r.lowerBound]), f.kind(at: r.lowerBound) == .code else { continue }
            let name = ProdText.identifier(b, at: r.lowerBound)
            guard !["def", "class", "import", "from", "if", "for", "while", "with", "try", "return", "async", "global", "elif", "else"].contains(name),
                  name.contains(where: { $0.isLowercase }) else { continue }
            var j = ProdText.skipSpace(b, from: r.lowerBound + name.utf8.count)
            if j < r.upperBound && b[j] == 0x3A {
                while j < r.upperBound && b[j] != 0x3D { j += 1 }
            }
            guard j < r.upperBound, b[j] == 0x3D, j + 1 < b.count, b[j + 1] != 0x3D else { continue }
            let v = ProdText.skipSpace(b, from: j + 1)
            guard v < b.count else { continue }
            let rest = f.string(v..<min(b.count, v + 20))
            if b[v] == 0x5B || b[v] == 0x7B || rest.hasPrefix("dict()") || rest.hasPrefix("list()") || rest.hasPrefix("defaultdict(")
                || rest.hasPrefix("OrderedDict(") || rest.hasPrefix("set()") {
                let kind = b[v] == 0x5B || rest.hasPrefix("list()") ? "module-level list" : "module-level dict"
                out.append(MemCollection(file: f, offset: r.lowerBound, path: [name], kind: kind, seeded: 0))
            }
        }
        return out
    }

    private static let jsMutators = [".push(", ".unshift(", ".splice(", ".set(", ".add(", ".delete("]
    private static let pyMutators = [".append(", ".extend(", ".insert(", ".update(", ".setdefault(", ".pop(", ".remove(", ".add("]

    /// Where request-handling code (inside a function) changes the collection, in its own file or a file importing it.
    private func mutation(of c: MemCollection, profile: ProdAppProfile) -> (ScannedFile, Int)? {
        if let o = mutationOffset(in: c.file, path: c.path, python: c.file.language == .python) { return (c.file, o) }
        for imp in profile.importers[c.file.path] ?? [] {
            guard let f = profile.file(imp), profile.serverSide.contains(imp) else { continue }
            let names = (profile.imports[imp] ?? []).filter {
                profile.resolve($0.spec, from: imp, language: f.language) == c.file.path
            }.flatMap(\.names)
            if names.contains(c.path[0]), let o = mutationOffset(in: f, path: c.path, python: f.language == .python) { return (f, o) }
            if c.path.count == 2, names.contains(c.path[1]), let o = mutationOffset(in: f, path: [c.path[1]], python: f.language == .python) { return (f, o) }
            for ns in names where ns != c.path[0] {
                if let o = mutationOffset(in: f, path: [ns] + c.path, python: f.language == .python) { return (f, o) }
            }
        }
        return nil
    }

    private func mutationOffset(in f: ScannedFile, path: [String], python: Bool) -> Int? {
        let b = f.bytes
        for o in ProdText.all(f, path[0], filter: .code) {
            if o > 0 && b[o - 1] == 0x2E { continue }
            var j = o + path[0].utf8.count
            var ok = true
            for comp in path.dropFirst() {
                guard ProdText.has(b, at: j, "." + comp), j + 1 + comp.utf8.count < b.count, !ProdText.isIdent(b[j + 1 + comp.utf8.count]) else { ok = false; break }
                j += 1 + comp.utf8.count
            }
            guard ok, j < b.count else { continue }
            var mutates = (python ? Self.pyMutators : Self.jsMutators).contains { ProdText.has(b, at: j, $0) }
            if !mutates && b[j] == 0x5B, let close = ProdText.matchingClose(f, open: j) {
                let e = ProdText.skipSpace(b, from: close + 1)
                mutates = e + 1 < b.count && b[e] == 0x3D && b[e + 1] != 0x3D
            }
            if !mutates && !python {
                let e = ProdText.skipSpace(b, from: j)
                if e + 1 < b.count && b[e] == 0x3D && b[e + 1] != 0x3D && b[e + 1] != 0x3E {
                    let lineEnd = f.lineRange(f.location(of: e).line).upperBound
                    let n = path.last!
                    let rhs = ProdNeedles(["..." + n, n + ".filter(", n + ".map(", n + ".concat(", n + ".slice(", n + ".toSpliced(", n + ".with("])
                    mutates = ProdText.contains(f, rhs, in: e..<lineEnd)
                }
            }
            if !mutates && python {
                let lineStart = f.lineRange(f.location(of: o).line).lowerBound
                mutates = f.string(lineStart..<o).trimmingCharacters(in: .whitespaces) == "del"
            }
            guard mutates else { continue }
            if python {
                guard let def = pythonFunction(f, around: o) else { continue }
                if G1Components.hasDataCall(f, in: def) { continue }
                return o
            }
            guard let body = ProdText.enclosingFunctionBody(f, at: o) ?? ProdText.enclosingOpen(f, before: o, brackets: [0x7B]).map({ $0..<o }) else { continue }
            // Filling a module-level array from the database is a cache, not the store.
            if G1Components.hasDataCall(f, in: body) { continue }
            return o
        }
        return nil
    }
}
