import Foundation

/// G1.D1: features that are "a picture of a tool" — UI fed by hard-coded arrays, localStorage or
/// fake timers instead of a backend.
///
/// Findings, at the exact place:
/// - simulated requests: `await new Promise(r => setTimeout(r, 800))` or an app-defined
///   `sleep`/`delay` helper in client code in a function that never calls a backend, and
///   `setTimeout(() => { setLoading(false); toast.success(…) }, 1000)` standing in for a request;
/// - hard-coded record lists (three or more objects with record keys such as id, email, status,
///   price, date) that a page renders or seeds its state with, in a page that has no data call
///   (lists used only as a fallback for real data are G1.D2's business), and client functions that
///   return such lists as if they had fetched them;
/// - submit/save handlers (`onSubmit`, `handleSubmit(fn)`, `addEventListener('submit')`, buttons
///   such as `onClick={handleAddTodo}`) whose code — including the local functions, imported
///   modules and hooks they call — reaches no network or database call and only sets state, shows a
///   toast or navigates; handlers that save records to localStorage only; handlers that hand the
///   data to a prop are the parent's business and are skipped.
/// Score: the share of feature surfaces — UI files that render lists of records or take record input,
/// named after business entities (the task's entities when there is a spec) — whose data comes from
/// a real call (in the file or in the hooks/services it imports) and that carry no finding. Login,
/// search and purely presentational components are not surfaces. Apps without UI files are not measured.
public struct FrontendOnlyFeaturesCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G1.D1", slug: "frontend-only-features", kind: .diagnostic, methods: "S,T",
        measures: "UI features fed by hard-coded arrays, localStorage or fake timers instead of a backend (\"a picture of a tool\")",
        severity: .high, remediation: RemediationCost(baseHours: 4, perFindingHours: 2),
        triggering: [
            CollectorExample([
                "src/lib/api.ts": """
                    import { mockOrders } from './mockOrders'
                    export async function getOrders() {
                      ↓await new Promise((r) => setTimeout(r, 800))
                      return mockOrders
                    }
                    """,
                "src/lib/mockOrders.ts": "export const mockOrders = [{ id: 1, total: 20, status: 'paid' }]\n",
                "src/pages/Orders.tsx": """
                    import { useEffect, useState } from 'react'
                    import { getOrders } from '@/lib/api'
                    export default function Orders() {
                      const [orders, setOrders] = useState<any[]>([])
                      useEffect(() => { getOrders().then(setOrders) }, [])
                      return <ul>{orders.map((o) => <li key={o.id}>{o.total}</li>)}</ul>
                    }
                    """,
            ], note: "a fake API module: fake latency, then constants"),
            CollectorExample("src/pages/Contact.tsx", """
                import { useState } from 'react'
                import { toast } from 'sonner'
                export default function Contact() {
                  const [name, setName] = useState('')
                  const handleSubmit = (e: React.FormEvent) => {
                    e.preventDefault()
                    toast.success('Message sent! We will get back to you soon.')
                    setName('')
                  }
                  return <form ↓onSubmit={handleSubmit}><input value={name} onChange={(e) => setName(e.target.value)} /><button>Send</button></form>
                }
                """, note: "a contact form whose submit only shows a toast"),
            CollectorExample("src/pages/Customers.tsx", """
                const ↓customers = [
                  { id: 1, name: 'Acme Ltd', email: 'ops@acme.test', status: 'active' },
                  { id: 2, name: 'Globex', email: 'it@globex.test', status: 'churned' },
                  { id: 3, name: 'Initech', email: 'pm@initech.test', status: 'trial' },
                ]
                export default function Customers() {
                  return <table><tbody>{customers.map((c) => <tr key={c.id}><td>{c.name}</td><td>{c.status}</td></tr>)}</tbody></table>
                }
                """, note: "a customer list page rendering a literal array"),
            CollectorExample("src/components/BookingForm.tsx", """
                import { useState } from 'react'
                export default function BookingForm() {
                  const [loading, setLoading] = useState(false)
                  const [bookings, setBookings] = useState<any[]>([])
                  const book = () => {
                    setLoading(true)
                    ↓setTimeout(() => {
                      setLoading(false)
                      setBookings((prev) => [...prev, { id: Date.now() }])
                    }, 1500)
                  }
                  return <div>{bookings.map((b) => <p key={b.id}>{b.id}</p>)}<button onClick={book} disabled={loading}>Book</button></div>
                }
                """, note: "a timer pretending to be the booking request"),
            CollectorExample([
                "server/index.js": "const express = require('express')\nconst { Pool } = require('pg')\nconst pool = new Pool()\nconst app = express()\napp.get('/api/invoices', async (req, res) => res.json((await pool.query('select * from invoices')).rows))\napp.listen(3000)\n",
                "src/pages/Dashboard.tsx": """
                    import { useEffect, useState } from 'react'
                    import { BarChart, Bar, XAxis } from 'recharts'
                    const ↓revenueByMonth = [
                      // first half
                      { month: 'Jan', revenue: 4200 },
                      { month: 'Feb', revenue: 3800 },
                      { month: 'Mar', revenue: 5100 },
                    ]
                    export default function Dashboard() {
                      const [invoices, setInvoices] = useState<any[]>([])
                      useEffect(() => { fetch('/api/invoices').then((r) => r.json()).then(setInvoices) }, [])
                      return <div><p>{invoices.length} invoices</p><BarChart data={revenueByMonth}><XAxis dataKey="month" /><Bar dataKey="revenue" /></BarChart></div>
                    }
                    """,
            ], note: "invented chart figures next to real data, in an app with a database"),
            CollectorExample("src/components/Bell.tsx", """
                import { useEffect, useState } from 'react'
                const EVENTS = ['Sam commented on Ship v2', 'Priya assigned you a task', 'Alex closed Q3 roadmap']
                export function Bell() {
                  const [items, setItems] = useState<string[]>([])
                  useEffect(() => {
                    const id = ↓setInterval(() => setItems((prev) => [EVENTS[Math.floor(Math.random() * EVENTS.length)], ...prev]), 15000)
                    return () => clearInterval(id)
                  }, [])
                  return <span>{items.length}</span>
                }
                """, note: "notifications invented by a timer"),
            CollectorExample("src/pages/Drafts.tsx", """
                import { useEffect, useState } from 'react'
                export default function Drafts() {
                  const [drafts, setDrafts] = useState<any[]>(() => JSON.parse(localStorage.getItem('invoice-drafts') || '[]'))
                  useEffect(() => { localStorage.setItem('invoice-drafts', JSON.stringify(drafts)) }, [drafts])
                  const addDraft = () => setDrafts([...drafts, { id: crypto.randomUUID(), amount: 0 }])
                  return <div><button ↓onClick={addDraft}>New draft</button>{drafts.map((d) => <p key={d.id}>{d.amount}</p>)}</div>
                }
                """, note: "records kept in one browser's localStorage"),
        ],
        nonTriggering: [
            CollectorExample(["src/components/admin/CreateEventForm.tsx": """
                import { useState } from 'react'
                import { supabase } from '@/lib/supabase'
                export function CreateEventForm() {
                  const [fields, setFields] = useState<string[]>([])
                  const [title, setTitle] = useState('')
                  const addField = () => { setFields([...fields, '']) }
                  const handleSubmit = async (e: React.FormEvent) => {
                    e.preventDefault()
                    await supabase.from('events').insert({ title, fields })
                  }
                  return (
                    <form onSubmit={handleSubmit}>
                      <input value={title} onChange={(e) => setTitle(e.target.value)} />
                      <button type="button" onClick={addField}>Add field</button>
                      <button type="submit">Create event</button>
                    </form>
                  )
                }
                """], note: "a form-building control whose state the form's real submit persists"),
            CollectorExample(["src/components/admin/EndpointEditor.tsx": """
                import { useState } from 'react'
                import { supabase } from '@/lib/supabase'
                export function EndpointEditor() {
                  const [fields, setFields] = useState<string[]>(['name', 'email'])
                  const removeField = (i: number) => { setFields(prev => prev.filter((_, j) => j !== i)) }
                  const handleSave = async () => { await supabase.from('endpoints').insert({ fields }) }
                  return (
                    <div>
                      {fields.map((f, i) => <div key={f}>{f}<button onClick={() => removeField(i)}>x</button></div>)}
                      <button onClick={handleSave}>Save</button>
                    </div>
                  )
                }
                """], note: "a draft edit, with no success message, next to a save button that persists the draft"),
            CollectorExample([
                "src/hooks/useTickets.ts": "import { useQuery } from '@tanstack/react-query'\nimport { supabase } from '@/lib/supabase'\nexport const useTickets = () => useQuery({ queryKey: ['tickets'], queryFn: async () => (await supabase.from('tickets').select('*')).data ?? [] })\n",
                "src/pages/Tickets.tsx": "import { useTickets } from '@/hooks/useTickets'\nexport default function Tickets() {\n  const { data: tickets = [] } = useTickets()\n  return <ul>{tickets.map((t) => <li key={t.id}>{t.subject}</li>)}</ul>\n}\n",
                "src/lib/supabase.ts": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient('u', 'k')\n",
            ], note: "a list fed by a query hook in another file"),
            CollectorExample("src/components/Landing.tsx", """
                const features = [
                  { icon: 'zap', title: 'Fast', description: 'Loads in a blink' },
                  { icon: 'lock', title: 'Secure', description: 'Encrypted at rest' },
                  { icon: 'cloud', title: 'Synced', description: 'Everywhere you are' },
                ]
                const plans = [{ name: 'Free', price: 0 }, { name: 'Pro', price: 12 }, { name: 'Team', price: 40 }]
                export default function Landing({ onCopy }: { onCopy: () => void }) {
                  const copy = () => { navigator.clipboard.writeText('x'); setTimeout(() => onCopy(), 2000) }
                  return <main>{features.map((f) => <h3 key={f.title}>{f.title}</h3>)}{plans.map((p) => <p key={p.name}>{p.price}</p>)}<button onClick={copy}>Copy</button></main>
                }
                """, note: "marketing content, pricing tiers and a UI timer are not fake features"),
            CollectorExample([
                "src/components/TodoForm.tsx": "export default function TodoForm({ onAdd }: { onAdd: (t: string) => void }) {\n  const submit = (e: any) => { e.preventDefault(); onAdd(e.target.title.value) }\n  return <form onSubmit={submit}><input name='title' /></form>\n}\n",
                "src/pages/Todos.tsx": "import TodoForm from '@/components/TodoForm'\nimport { useState } from 'react'\nexport default function Todos() {\n  const [todos, setTodos] = useState<any[]>([])\n  const add = async (title: string) => {\n    const res = await fetch('/api/todos', { method: 'POST', body: JSON.stringify({ title }) })\n    setTodos([...todos, await res.json()])\n  }\n  return <div><TodoForm onAdd={add} />{todos.map((t) => <p key={t.id}>{t.title}</p>)}</div>\n}\n",
            ], note: "a form that hands its data to the parent, which posts it"),
            CollectorExample("src/lib/retry.ts", """
                export async function withRetry<T>(fn: () => Promise<T>) {
                  for (let i = 0; i < 3; i++) {
                    try { return await fn() } catch { await new Promise((r) => setTimeout(r, 500 * 2 ** i)) }
                  }
                  return fetch('/api/fallback').then((r) => r.json())
                }
                """, note: "a backoff delay next to a real request"),
            CollectorExample([
                "server/index.js": "const express = require('express')\nconst { Pool } = require('pg')\nconst pool = new Pool()\nconst app = express()\napp.get('/api/stats', async (req, res) => res.json((await pool.query('select month, sum(total) as revenue from invoices group by month')).rows))\napp.listen(3000)\n",
                "src/components/Layout.tsx": """
                    import { useEffect, useState } from 'react'
                    const navItems = [
                      { href: '/', label: 'Home' },
                      { href: '/invoices', label: 'Invoices' },
                      { href: '/reports', label: 'Reports' },
                    ]
                    const statusOptions = [{ value: 'paid', label: 'Paid' }, { value: 'open', label: 'Open' }, { value: 'void', label: 'Void' }]
                    const faqs = [
                      { question: 'Can I export?', answer: 'Yes, as CSV.' },
                      { question: 'Is there an API?', answer: 'Yes.' },
                      { question: 'Can I cancel?', answer: 'Any time.' },
                    ]
                    export default function Layout() {
                      const [stats, setStats] = useState<any[]>([])
                      const [toast, setToast] = useState<string | null>(null)
                      useEffect(() => { fetch('/api/stats').then((r) => r.json()).then(setStats) }, [])
                      useEffect(() => { const t = setTimeout(() => setToast(null), 3000); return () => clearTimeout(t) }, [toast])
                      return (
                        <div>
                          <nav>{navItems.map((i) => <a key={i.href} href={i.href}>{i.label}</a>)}</nav>
                          <select>{statusOptions.map((o) => <option key={o.value}>{o.label}</option>)}</select>
                          {faqs.map((f) => <details key={f.question}>{f.answer}</details>)}
                          <Chart data={stats} />
                        </div>
                      )
                    }
                    """,
            ], note: "navigation, options and FAQ constants, a chart fed by the API and a toast timer"),
        ])

    private enum Verdict: Int { case inert = 0, pretend, storage, delegated, backed }

    private struct FileFacts {
        var listEntity: (offset: Int, entity: String)?
        var forms: [(offset: Int, entity: String?, verdict: Verdict, name: String, body: Range<Int>)] = []
    }

    private static let actionVerbs: Set<String> = ["add", "create", "save", "submit", "book", "send", "place", "confirm", "update", "delete", "remove",
                                                   "pay", "checkout", "register", "apply", "post", "publish", "invite", "schedule", "reserve", "new", "edit"]
    /// Handlers that search, filter, sign in or step through a wizard do not save records.
    private static let nonRecordWords: Set<String> = ["search", "filter", "query", "find", "lookup", "login", "signin", "signup", "auth", "step",
                                                      "next", "prev", "previous", "back", "close", "cancel", "open", "toggle", "sort", "page",
                                                      "copy", "share", "download", "export", "print", "logout", "signout", "verify", "otp"]
    private static let busyWords = ["loading", "submitting", "saving", "sending", "processing", "pending", "generating", "analyzing", "uploading",
                                    "booking", "creating", "updating", "deleting", "paying", "checking", "busy", "placing"]
    private static let ignoredCalls: Set<String> = [
        "toast", "alert", "console", "preventDefault", "stopPropagation", "navigate", "router", "reset", "form", "JSON", "Math", "Date", "Number",
        "String", "parseInt", "parseFloat", "Array", "Object", "crypto", "uuid", "uuidv4", "v4", "nanoid", "setTimeout", "clearTimeout",
        "localStorage", "sessionStorage", "if", "for", "while", "switch", "return", "await", "typeof", "window", "document", "Boolean", "Promise",
        "structuredClone", "format", "dayjs", "moment", "e", "event", "ev", "evt", "t", "cn", "clsx", "confirm", "trim", "push", "setValue",
        "resetForm", "close", "onClose", "setOpen", "toLowerCase", "includes", "catch", "then", "finally", "Error", "throw", "new", "validate",
        "z", "schema", "Intl", "encodeURIComponent", "isNaN", "Symbol", "Set", "Map", "generateId", "genId", "createId", "randomUUID", "now",
        "function", "async", "const", "let", "var", "else", "try", "do", "delete", "in", "of", "instanceof", "void", "super", "this", "import",
    ]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        let taskEntities = app.info.taskSpec?.entities ?? []
        let ui = profile.programFiles.filter { isUI($0, profile) }
        guard !ui.isEmpty else { return .notMeasured(d.id, "no UI files: an API-only app") }
        let uiPaths = Set(ui.map(\.path))
        let client = profile.programFiles.filter { f in
            uiPaths.contains(f.path) || (!profile.serverSide.contains(f.path) && (f.language.isJSFamily || f.language == .vue || f.language == .svelte))
        }
        var findings: [Finding] = []
        var fakeFiles = Set<String>()

        // 1. Simulated requests.
        var helpers = Set<String>()
        for f in client where f.language.isJSFamily || f.language == .vue || f.language == .svelte || f.language == .html {
            for o in ProdText.all(f, "setTimeout(", filter: .code) {
                if let fnd = timer(f, at: o, helpers: &helpers) { findings.append(fnd); fakeFiles.insert(f.path) }
            }
        }
        for f in client where !helpers.isEmpty {
            for h in helpers {
                for o in ProdText.all(f, h + "(", filter: .code) {
                    let p = ProdText.prevNonSpace(f.bytes, before: o)
                    guard p >= 0, ProdText.identifier(f.bytes, endingAt: p).name == "await" else { continue }
                    guard let body = ProdText.enclosingFunctionBody(f, at: o), !G1Components.hasDataCall(f, in: body) else { continue }
                    let start = ProdText.identifier(f.bytes, endingAt: p).start
                    findings.append(Finding.at(d, rule: "fake-latency", file: f, offset: start,
                        message: "`await \(h)(…)` adds artificial latency in a function that never calls a backend: the loading spinner is theatre and the data that follows is made up on the client. Replace the function with a real API or database call."))
                    fakeFiles.insert(f.path)
                }
            }
        }

        // 1b. Timers that invent live events (notifications, activity) from constants.
        for f in client {
            for feed in G1Components.simulatedFeeds(f) where !findings.contains(where: { $0.path == f.path && $0.line == f.location(of: feed.timer).line }) {
                findings.append(Finding.at(d, rule: "simulated-feed", file: f, offset: feed.timer, severity: .medium,
                    message: "This timer invents live events\(feed.source.map { " from the constant `\($0.name)`" } ?? " at random") and pushes them into the UI as if they had happened: users see notifications or activity nobody caused, and real events never arrive. Subscribe to real events (polling an API, a websocket, Supabase realtime) instead."))
                fakeFiles.insert(f.path)
            }
        }

        // 2. Hard-coded record lists the UI renders.
        var backedMemo: [String: Bool] = [:]
        var surfaceFiles = Set<String>()
        var facts: [String: FileFacts] = [:]
        for f in ui { facts[f.path] = surfaceFacts(f, profile: profile, taskEntities: taskEntities) }
        for (p, ff) in facts where ff.listEntity != nil || ff.forms.contains(where: { $0.entity != nil && $0.verdict != .delegated }) { surfaceFiles.insert(p) }
        func backed(_ path: String) -> Bool { isBacked(path, profile: profile, surfaces: surfaceFiles, fake: fakeFiles, memo: &backedMemo) }

        let appHasBackend = !profile.realStores.isEmpty || profile.hasLongRunningServer || profile.hasFrameworkServer
        for f in client where f.language.isJSFamily {
            for arr in G1Components.entityArrays(f) {
                guard arr.shape.isEntityList, let (consumer, off) = displayedWithoutBackend(arr, in: f, profile: profile, backed: backed) else {
                    // Invented records, chart points or KPI figures rendered next to real data in an app that has a backend.
                    guard appHasBackend, let (kind, consumer) = G1Components.shownAsReal(arr, in: f, profile: profile), let name = arr.name else { continue }
                    let off = f.find(name, in: .code).last { $0 < arr.shape.open } ?? arr.shape.open
                    findings.append(Finding.at(d, rule: "hard-coded-display", file: f, offset: off, severity: .medium,
                        message: "`\(name)` holds \(arr.shape.objects) hard-coded \(kind.noun) that \(consumer.path == f.path ? "this page renders" : consumer.path + " renders") as if they were the app's data, although the app has a backend: every user sees the same invented \(kind == .records ? "records" : "numbers"), and they never change. Compute them from the database through an API, or remove the panel."))
                    fakeFiles.insert(f.path)
                    continue
                }
                let entity = arr.name.flatMap { G1Data.entity(in: $0, taskEntities: taskEntities) } ?? G1Data.entity(in: consumer.path.split(separator: "/").last.map(String.init) ?? "", taskEntities: taskEntities)
                let label = arr.context == .stateSeed ? "The `\(arr.name ?? "useState")` seed" : arr.name.map { "`\($0)`" } ?? "An inline list"
                let returned = arr.context == .returned
                findings.append(Finding.at(d, rule: returned ? "hard-coded-response" : "hard-coded-list", file: f, offset: off, severity: .medium,
                    message: returned
                        ? "This client function returns \(arr.shape.objects) hard-coded \(entity ?? "record")s as if it had fetched them. The feature shows the same invented data to everyone and nothing users do changes it. Fetch the records from the backend."
                        : "\(label) holds \(arr.shape.objects) hard-coded \(entity ?? "record")s that \(consumer.path == f.path ? "this page renders" : consumer.path + " uses") with no backend call: every user sees the same invented data and nothing they do is saved. Load the records from an API or database."))
                fakeFiles.insert(f.path)
            }
        }

        // 3. Submit and save handlers.
        for f in ui {
            guard let ff = facts[f.path] else { continue }
            for form in ff.forms {
                switch form.verdict {
                case .pretend:
                    if findings.contains(where: { $0.path == f.path && ($0.rule == "simulated-request" || $0.rule == "fake-latency")
                        && form.body.contains(f.lineRange($0.line).lowerBound + $0.column - 1) }) { continue }
                    // A `type="button"` control inside a form that has its own submit edits the form
                    // (add a field, remove an option): its state reaches the backend through that submit.
                    if f.contains("onSubmit=", in: .code) {
                        let line = f.location(of: form.offset).line
                        let near = (max(1, line - 2)...line).map { f.lineText($0) }.joined(separator: " ")
                        if near.contains("type=\"button\"") || near.contains("type='button'") { continue }
                    }
                    // A handler that only edits component state (removes a row, applies a preset) and claims no success,
                    // in a component whose save handler reaches the backend, edits the draft that handler persists.
                    if !announcesSuccess(f, form.body), ff.forms.contains(where: { $0.verdict == .backed || $0.verdict == .delegated }) { continue }
                    findings.append(Finding.at(d, rule: "fake-submit", file: f, offset: form.offset,
                        message: "`\(form.name)`\(form.entity.map { " (\($0))" } ?? "") only updates component state or shows a success message — nothing reaches a server or database, so what the user entered is gone on reload while the UI claims success. Send it to an API that persists it."))
                    fakeFiles.insert(f.path)
                case .storage:
                    findings.append(Finding.at(d, rule: "local-only-feature", file: f, offset: form.offset, severity: .medium,
                        message: "`\(form.name)` saves \(form.entity ?? "record")s to browser storage only: they survive a reload but are lost on another device or when the browser's data is cleared, and other users and admins never see them. Persist them through an API."))
                    fakeFiles.insert(f.path)
                default:
                    break
                }
            }
        }

        // 4. Score over feature surfaces.
        var backedCount = 0
        var unbacked: [String] = []
        var all = surfaceFiles
        for f in findings { if let p = f.path { all.insert(p) } }
        for p in all.sorted() {
            if !fakeFiles.contains(p) && backed(p) {
                backedCount += 1
                continue
            }
            unbacked.append(p)
            if !fakeFiles.contains(p), let ff = facts[p], let list = ff.listEntity, let f = profile.file(p), !reachesFake(p, profile: profile, fake: fakeFiles) {
                if moduleVerdict(f, profile: profile) == .storage {
                    findings.append(Finding.at(d, rule: "local-only-feature", file: f, offset: list.offset, severity: .medium,
                        message: "This page lists \(list.entity) records kept only in browser storage (localStorage or a persisted client store): they survive a reload but not a change of device or a cleared browser, and other users and admins never see them. Load and save them through an API."))
                } else {
                    findings.append(Finding.at(d, rule: "no-data-source", file: f, offset: list.offset, severity: .medium,
                        message: "This page lists \(list.entity) records from component state that no API, database or storage call ever fills or saves. The feature can only show what the session typed in. Load and persist the records through the backend."))
                }
            }
        }
        let value = FindingScore.share(backedCount, of: all.count)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("UI files", ui.count), Evidence("feature surfaces", all.count), Evidence("backed by a real data call", backedCount),
            Evidence("not backed", unbacked.isEmpty ? "none" : unbacked.prefix(8).joined(separator: ", ") + (unbacked.count > 8 ? ", …" : "")),
        ])
    }

    // MARK: - Files

    private func isUI(_ f: ScannedFile, _ profile: ProdAppProfile) -> Bool {
        let p = "/" + f.path.lowercased()
        if p.contains("/components/ui/") || f.language == .python { return false }
        let name = p.split(separator: "/").last.map(String.init) ?? p
        if name.hasPrefix("use") && !(f.language == .tsx || f.language == .jsx) { return false }
        switch f.language {
        case .tsx, .jsx, .vue, .svelte: return true
        case .html: return f.contains("<script", caseInsensitive: true) || f.contains("<form", caseInsensitive: true)
        case .javascript, .typescript:
            if profile.serverSide.contains(f.path) { return false }
            return ProdText.contains(f, ProdNeedles(["innerHTML", "document.getElementById", "document.querySelector", "</", "/>"]), in: 0..<f.bytes.count, filter: .live)
        default: return false
        }
    }

    /// Whether the file, or the non-surface modules it imports (hooks, services, stores, server actions), calls a backend.
    private func isBacked(_ path: String, profile: ProdAppProfile, surfaces: Set<String>, fake: Set<String>, memo: inout [String: Bool]) -> Bool {
        if let m = memo[path] { return m }
        let databaseFiles = Set(profile.stores.filter { $0.kind == .database }.map(\.path))
        var seen = Set<String>([path])
        var stack: [(String, Int)] = [(path, 0)]
        var result = false
        while let (p, depth) = stack.popLast() {
            guard let f = profile.file(p) else { continue }
            if !fake.contains(p) && (G1Components.hasDataCall(f, in: 0..<f.bytes.count) || databaseFiles.contains(p)
                || G1Data.importsNetworkPackage(p, profile: profile)) { result = true; break }
            guard depth < 5 else { continue }
            for t in profile.localImports[p] ?? [] where !seen.contains(t) && (!surfaces.contains(t) || profile.serverSide.contains(t)) {
                seen.insert(t)
                stack.append((t, depth + 1))
            }
        }
        memo[path] = result
        return result
    }

    private func reachesFake(_ path: String, profile: ProdAppProfile, fake: Set<String>) -> Bool {
        var seen = Set<String>([path])
        var stack = [path]
        while let p = stack.popLast() {
            if fake.contains(p) { return true }
            for t in profile.localImports[p] ?? [] where seen.insert(t).inserted { stack.append(t) }
        }
        return false
    }

    // MARK: - Timers

    private func timer(_ f: ScannedFile, at o: Int, helpers: inout Set<String>) -> Finding? {
        let d = descriptor
        let b = f.bytes
        let open = o + "setTimeout".utf8.count
        guard let close = ProdText.matchingClose(f, open: open) else { return nil }
        var lastComma = -1
        var i = open + 1
        while i < close {
            if let ri = ProdText.regionIndex(f, containing: i) { i = Int(f.regions[ri].end); continue }
            if b[i] == 0x28 || b[i] == 0x5B || b[i] == 0x7B, let c = ProdText.matchingClose(f, open: i) { i = c + 1; continue }
            if b[i] == 0x2C { lastComma = i }
            i += 1
        }
        guard lastComma > 0 else { return nil }
        let delay = f.string((lastComma + 1)..<close).trimmingCharacters(in: .whitespacesAndNewlines)
        let numeric = !delay.isEmpty && delay.contains(where: \.isNumber)
            && delay.allSatisfy { $0.isNumber || " _*+-().".contains($0) || "Mathrandomfloor".contains($0) }
        let lineStart = f.lineRange(f.location(of: o).line).lowerBound
        let promiseAt = f.find("new Promise", in: .code).last { $0 < o && $0 >= max(lineStart - 200, o - 200) }
        if let pOff = promiseAt {
            if !numeric {
                let line = f.string(f.lineRange(f.location(of: pOff).line))
                for kw in ["const ", "let ", "function "] {
                    if let r = line.range(of: kw) {
                        let name = line[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                        if !name.isEmpty { helpers.insert(String(name)) }
                    }
                }
                return nil
            }
            guard let body = ProdText.enclosingFunctionBody(f, at: pOff), !G1Components.hasDataCall(f, in: body) else { return nil }
            let awaitAt = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: pOff))
            let at = awaitAt.name == "await" ? awaitAt.start : pOff
            return Finding.at(d, rule: "fake-latency", file: f, offset: at,
                message: "A promise that only waits \(delay) ms stands in for a network request, in a function that never calls a backend: the delay imitates latency and what follows is made up on the client. Replace it with a real API or database call.")
        }
        guard numeric else { return nil }
        let cb = (open + 1)..<lastComma
        let text = f.string(cb)
        let lower = text.lowercased()
        let busyOff = Self.busyWords.contains { w in lower.contains("set\(w)(false)") || lower.contains("setis\(w)(false)") } || Self.progressSetterOff(lower)
        let success = lower.prodHas("toast") || lower.prodHas("alert(") || ["setsubmitted(true)", "setsuccess(true)", "setissubmitted(true)", "setsent(true)",
                      "setissuccess(true)", "setshowsuccess(true)", "setcomplete(true)", "setdone(true)", "setconfirmed(true)", "setbooked(true)"].contains { lower.prodHas($0) }
        let appends = ProdText.contains(f, ProdNeedles(["[...", "prev =>", "prev) =>"]), in: cb, filter: .code)
        guard busyOff && (success || appends) || success && appends || lower.contains("resolve(") && !lower.contains("resolve()") else { return nil }
        guard let body = ProdText.enclosingFunctionBody(f, at: o), !G1Components.hasDataCall(f, in: body),
              !ProdText.contains(f, ProdNeedles(["clearTimeout("]), in: body) else { return nil }
        return Finding.at(d, rule: "simulated-request", file: f, offset: o,
            message: "A \(delay) ms setTimeout plays the part of the request: it clears the loading state and reports success, but nothing is sent anywhere and the data is gone on reload. Call the real API and update the UI from its response.")
    }

    /// `setInviting(false)`, `setIsPublishing(false)`: any `set…ing` flag cleared, beyond the listed busy words.
    private static func progressSetterOff(_ lower: String) -> Bool {
        var rest = lower[...]
        while let r = rest.range(of: "ing(false)") {
            var s = r.lowerBound
            while s > rest.startIndex, let c = rest[rest.index(before: s)].asciiValue, ByteClass.isAlpha(c) { s = rest.index(before: s) }
            let name = rest[s..<r.lowerBound]
            if name.hasPrefix("set") && name.count >= 5 { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    // MARK: - Hard-coded lists

    /// Where a hard-coded list is displayed or seeds state in a file that has no backend, or nil when
    /// it is only a fallback for real data (or not used by the UI at all).
    private func displayedWithoutBackend(_ arr: G1EntityArray, in f: ScannedFile, profile: ProdAppProfile,
                                         backed: (String) -> Bool) -> (ScannedFile, Int)? {
        switch arr.context {
        case .stateSeed:
            return backed(f.path) ? nil : (f, arr.shape.open)
        case .returned:
            guard let body = ProdText.enclosingFunctionBody(f, at: arr.shape.open), !G1Components.hasDataCall(f, in: body) else { return nil }
            return (f, arr.shape.open)
        case .binding, .property:
            guard let name = arr.name else { return nil }
            let decl = f.find(name, in: .code).last { $0 < arr.shape.open } ?? arr.shape.open
            if G1Components.rendered(f, name: name, excluding: arr.shape.open..<(arr.shape.close + 1)) {
                return backed(f.path) ? nil : (f, decl)
            }
            for imp in profile.importers[f.path] ?? [] {
                guard let g = profile.file(imp) else { continue }
                let names = (profile.imports[imp] ?? []).filter { profile.resolve($0.spec, from: imp, language: g.language) == f.path }.flatMap(\.names)
                if names.contains(name) && G1Components.rendered(g, name: name, excluding: 0..<0) && !backed(imp) { return (g, decl) }
            }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Surfaces and handlers

    private func surfaceFacts(_ f: ScannedFile, profile: ProdAppProfile, taskEntities: [String]) -> FileFacts {
        var facts = FileFacts()
        let b = f.bytes
        let fileName = (f.path.split(separator: "/").last.map(String.init) ?? f.path).split(separator: ".").first.map(String.init) ?? ""
        let fileEntity = G1Data.entity(in: fileName, taskEntities: taskEntities)
        if fileName.lowercased().contains("login") || fileName.lowercased().contains("signin") || fileName.lowercased().contains("signup")
            || fileName.lowercased().contains("register") || fileName.lowercased().contains("auth") {
            return facts
        }
        // Lists rendered from data the component owns.
        for o in ProdText.all(f, ".map(", filter: .code) {
            guard let close = ProdText.matchingClose(f, open: o + 4) else { continue }
            guard rendersMarkup(f, (o + 5)..<close) else { continue }
            guard let root = receiverRoot(f, mapAt: o), declaredLocally(f, root) else { continue }
            // `navItems.map(…)` over a literal of links, options or copy is not a list of records.
            if let decl = G1Components.constArrayDecl(f, name: root), let shape = G1Data.arrayShape(f, open: decl.open), shape.objects > 0, !shape.isSeedList { continue }
            if let e = G1Data.entity(in: root, taskEntities: taskEntities) ?? (ProdText.isPlural(ProdText.words(root).last ?? "") ? fileEntity : nil) {
                if facts.listEntity == nil { facts.listEntity = (o + 1, e) }
            }
        }
        // Submit and action handlers.
        var refs: [(Int, String?, Range<Int>?)] = []
        for o in ProdText.all(f, "onSubmit", filter: .code) {
            let eq = ProdText.skipSpace(b, from: o + 8)
            guard eq < b.count, b[eq] == 0x3D else { continue }
            let v = ProdText.skipSpace(b, from: eq + 1)
            guard v < b.count, b[v] == 0x7B, let c = ProdText.matchingClose(f, open: v) else { continue }
            refs.append(handlerRef(f, o, (v + 1)..<c))
        }
        for o in ProdText.all(f, "onClick", filter: .code) {
            let eq = ProdText.skipSpace(b, from: o + 7)
            guard eq < b.count, b[eq] == 0x3D else { continue }
            let v = ProdText.skipSpace(b, from: eq + 1)
            guard v < b.count, b[v] == 0x7B, let c = ProdText.matchingClose(f, open: v) else { continue }
            let ref = handlerRef(f, o, (v + 1)..<c)
            guard let name = ref.1 else { continue }
            var words = ProdText.words(name)
            if words.first == "handle" || words.first == "on" { words.removeFirst() }
            guard let verb = words.first, Self.actionVerbs.contains(verb) else { continue }
            refs.append(ref)
        }
        for lit in ["addEventListener('submit'", "addEventListener(\"submit\""] {
            for o in f.find(lit, in: .code) {
                let comma = o + lit.utf8.count
                guard let close = ProdText.matchingClose(f, open: o + 16) else { continue }
                refs.append(handlerRef(f, o, (comma + 1)..<close))
            }
        }
        for (offset, name, inline) in refs {
            if let n = name, ProdText.words(n).contains(where: { Self.nonRecordWords.contains($0) }) { continue }
            let body = name.flatMap { definitionBody(f, $0) } ?? inline
            guard let range = body else { continue }
            let verdict = analyse(f, range, profile: profile, depth: 0)
            let entity = name.flatMap { G1Data.entity(in: $0, taskEntities: taskEntities) } ?? fileEntity
            facts.forms.append((offset, entity, verdict, name ?? "the submit handler", range))
        }
        return facts
    }

    /// `{handleSubmit}`, `{handleSubmit(onSubmit)}`, `{(e) => save(e)}` → (offset, name, inline body).
    private func handlerRef(_ f: ScannedFile, _ attr: Int, _ expr: Range<Int>) -> (Int, String?, Range<Int>?) {
        let b = f.bytes
        let s = ProdText.skipSpace(b, from: expr.lowerBound)
        guard s < expr.upperBound else { return (attr, nil, nil) }
        if ProdText.isIdent(b[s]) {
            var name = ProdText.identifier(b, at: s)
            let after = ProdText.skipSpace(b, from: s + name.utf8.count)
            if after < expr.upperBound && b[after] == 0x28 && (name == "handleSubmit" || name == "onSubmit"), let c = ProdText.matchingClose(f, open: after) {
                let inner = ProdText.skipSpace(b, from: after + 1)
                if inner < c && ProdText.isIdent(b[inner]) { name = ProdText.identifier(b, at: inner) }
            } else if after < expr.upperBound && b[after] == 0x2E {
                return (attr, nil, nil)
            }
            if ["async", "function"].contains(name) { return (attr, calledName(f, expr), expr) }
            if after < expr.upperBound && b[after] == 0x3D && after + 1 < b.count && b[after + 1] == 0x3E { return (attr, calledName(f, expr), expr) }
            return (attr, name, nil)
        }
        return (attr, calledName(f, expr), expr)
    }

    /// `() => save(x)` / `async (e) => await addTodo(e)` → the function the arrow calls.
    private func calledName(_ f: ScannedFile, _ expr: Range<Int>) -> String? {
        let b = f.bytes
        guard let arrow = ProdText.firstOf(f, ProdNeedles(["=>"]), in: expr)?.offset else { return nil }
        var s = ProdText.skipSpace(b, from: arrow + 2)
        if ProdText.has(b, at: s, "await ") { s = ProdText.skipSpace(b, from: s + 6) }
        guard s < expr.upperBound, ProdText.isIdent(b[s]) else { return nil }
        let n = ProdText.identifier(b, at: s)
        let a = s + n.utf8.count
        return a < b.count && b[a] == 0x28 ? n : nil
    }

    /// The body of `function name(` / `const name = (…) => {…}` / `const name = useCallback(…)` in the file.
    private func definitionBody(_ f: ScannedFile, _ name: String) -> Range<Int>? {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let before = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name
            let after = ProdText.skipSpace(b, from: o + name.utf8.count)
            let isDef = before == "function" || (before == "const" || before == "let" || before == "var") && after < b.count && (b[after] == 0x3D || b[after] == 0x3A)
            guard isDef else { continue }
            var i = after
            var parens = 0
            let limit = min(b.count, after + 600)
            while i < limit {
                if let ri = ProdText.regionIndex(f, containing: i) { i = Int(f.regions[ri].end); continue }
                if b[i] == 0x28 { parens += 1 } else if b[i] == 0x29 { parens -= 1 }
                // The declaring statement ended without a function: `const list = [];`, `const el = document.getElementById('x')`.
                if parens <= 0 && before != "function" {
                    if b[i] == 0x3B { break }
                    if b[i] == 0x0A {
                        let n = ProdText.skipSpace(b, from: i + 1)
                        let w = n < b.count && ProdText.isIdent(b[n]) ? ProdText.identifier(b, at: n) : ""
                        if ["const", "let", "var", "function", "export", "import", "class", "return", "if", "async", "type", "interface"].contains(w) { break }
                    }
                }
                if b[i] == 0x7B, let c = ProdText.matchingClose(f, open: i) {
                    let p = ProdText.prevNonSpace(b, before: i)
                    if p >= 0 && (b[p] == 0x29 || (b[p] == 0x3E && p > 0 && b[p - 1] == 0x3D) || ProdText.isIdent(b[p])) { return (i + 1)..<c }
                    i = c + 1
                    continue
                }
                if b[i] == 0x3E && i > 0 && b[i - 1] == 0x3D {
                    let s = ProdText.skipSpace(b, from: i + 1)
                    if s < b.count && b[s] != 0x7B {
                        return s..<f.lineRange(f.location(of: s).line).upperBound
                    }
                }
                i += 1
            }
        }
        return nil
    }

    private func analyse(_ f: ScannedFile, _ body: Range<Int>, profile: ProdAppProfile, depth: Int) -> Verdict {
        if G1Components.hasDataCall(f, in: body) { return .backed }
        let b = f.bytes
        var best = Verdict.inert
        if let o = ProdText.firstOf(f, ProdNeedles(["localStorage.setItem(", "sessionStorage.setItem("]), in: body)?.offset {
            let a = ProdText.skipSpace(b, from: o + (b[o] == 0x6C ? 21 : 23))
            let key = ProdText.stringLiteral(f, at: a)?.text
            if let k = key, case .entity = G1Data.classifyKey(k, value: nil, taskEntities: []) { return .storage }
            // Saving preferences in the browser is what browser storage is for.
            return .inert
        }
        var editsState = false
        var i = body.lowerBound
        while i < body.upperBound {
            if let ri = ProdText.regionIndex(f, containing: i) { i = Int(f.regions[ri].end); continue }
            guard ProdText.isIdent(b[i]), i == 0 || !ProdText.isIdent(b[i - 1]) else { i += 1; continue }
            let name = ProdText.identifier(b, at: i)
            let end = i + name.utf8.count
            defer { i = end }
            if i > 0 && b[i - 1] == 0x2E { continue }
            var j = end
            var member = false
            while j < b.count && (b[j] == 0x2E || b[j] == 0x3F) {
                member = true
                j += 1
                while j < b.count && ProdText.isIdent(b[j]) { j += 1 }
            }
            // `api.post<Card>(…)`, `request<T>(…)`: type arguments before the call.
            if j < b.count && b[j] == 0x3C, let after = typeArguments(b, open: j) { j = after }
            guard j < b.count, b[j] == 0x28 else { continue }
            if name.hasPrefix("set") && name.count > 3 && name.dropFirst(3).first!.isUppercase {
                let v = setterSource(name, in: f, profile: profile)
                if v.rawValue > best.rawValue { best = v }
                if v == .inert, let close = ProdText.matchingClose(f, open: j), editsList(f, (j + 1)..<close) {
                    // A list state the file mirrors into localStorage lives in this browser only.
                    if persistedToBrowser(f, setter: name) { best = Verdict.storage.rawValue > best.rawValue ? .storage : best } else { editsState = true }
                }
                continue
            }
            if Self.ignoredCalls.contains(name) { continue }
            if name.first?.isUppercase == true && !member { continue }
            let v = callee(name, in: f, profile: profile, depth: depth, member: member)
            if v.rawValue > best.rawValue { best = v }
            if best == .backed { return .backed }
        }
        if best.rawValue >= Verdict.storage.rawValue { return best }
        let success = announcesSuccess(f, body)
        let appends = editsState || ProdText.contains(f, ProdNeedles(["[...", "prev =>", "prev) =>", ".concat("]), in: body)
        return success || appends ? .pretend : best
    }

    /// The handler tells the user it worked: a toast, an alert or a success flag.
    private func announcesSuccess(_ f: ScannedFile, _ body: Range<Int>) -> Bool {
        let lower = f.string(body).lowercased()
        return lower.prodHas("toast") || lower.prodHas("alert(")
            || ["setsubmitted(true)", "setsuccess(true)", "setissubmitted(true)", "setsent(true)", "setissuccess(true)", "setshowsuccess(true)", "setdone(true)"].contains { lower.prodHas($0) }
    }

    /// `setDrafts` whose state `drafts` is written with `localStorage.setItem(…, JSON.stringify(drafts))` in the file.
    private func persistedToBrowser(_ f: ScannedFile, setter: String) -> Bool {
        guard setter.utf8.count > 3 else { return false }
        let rest = setter.dropFirst(3)
        let state = rest.prefix(1).lowercased() + rest.dropFirst()
        let b = f.bytes
        for o in f.find("localStorage.setItem(", in: .code) + f.find("sessionStorage.setItem(", in: .code) {
            guard let close = ProdText.matchingClose(f, open: o + (b[o] == 0x6C ? 20 : 22)) else { continue }
            for s in ProdText.all(f, state, in: o..<close) {
                let e = s + state.utf8.count
                if (e >= b.count || !ProdText.isIdent(b[e])) && !ProdText.isIdent(b[s - 1]) && b[s - 1] != 0x2E { return true }
            }
        }
        return false
    }

    /// `<Card>` / `<Map<string, Todo[]>>` at `open`: the offset just after the closing `>`, when a call follows.
    private func typeArguments(_ b: [UInt8], open: Int) -> Int? {
        var depth = 0
        var k = open
        let limit = min(b.count, open + 120)
        while k < limit {
            let c = b[k]
            if c == 0x3C { depth += 1 } else if c == 0x3E {
                depth -= 1
                if depth == 0 {
                    let n = ProdText.skipSpace(b, from: k + 1)
                    return n < b.count && b[n] == 0x28 ? n : nil
                }
            } else if !(ProdText.isIdent(c) || c == 0x20 || c == 0x2C || c == 0x2E || c == 0x5B || c == 0x5D || c == 0x7C || c == 0x26
                        || c == 0x7B || c == 0x7D || c == 0x3A || c == 0x3F || c == 0x27 || c == 0x22) {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A state setter's argument that adds or removes records: `[x, ...xs]`, `[...xs, x]`, `xs.filter(…)`, `xs.concat(…)`.
    private func editsList(_ f: ScannedFile, _ args: Range<Int>) -> Bool {
        let text = f.string(args)
        if text.contains(".filter(") || text.contains(".concat(") { return true }
        guard let spread = text.range(of: "..."), let bracket = text.firstIndex(of: "[") else { return false }
        return bracket < spread.lowerBound
    }

    /// What calling `name` from this file does: a local function (analysed), an import (its module's
    /// backing), a hook's member, a method of a value the file declares (what that value comes from),
    /// or a prop/unknown (delegated).
    private func callee(_ name: String, in f: ScannedFile, profile: ProdAppProfile, depth: Int, member: Bool = false) -> Verdict {
        if depth < 2, let body = definitionBody(f, name) { return analyse(f, body, profile: profile, depth: depth + 1) }
        let imports = profile.imports[f.path] ?? []
        if let imp = imports.first(where: { $0.names.contains(name) }) {
            guard imp.isLocal, let t = profile.resolve(imp.spec, from: f.path, language: f.language), let tf = profile.file(t) else {
                return .delegated
            }
            return moduleVerdict(tf, profile: profile)
        }
        // `const { addTodo } = useTodos()` / `= useContext(TodoContext)`
        for o in ProdText.all(f, name, filter: .code) {
            let line = f.string(f.lineRange(f.location(of: o).line))
            guard line.contains("const {") || line.contains("let {"), let eq = line.range(of: "= use") else { continue }
            let hook = String(line[eq.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            let full = "use" + hook
            var target: String? = full
            if full == "useContext", let open = line.range(of: "useContext(") {
                target = String(line[open.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            }
            guard let tname = target, let imp = imports.first(where: { $0.names.contains(tname) }) else { return .delegated }
            guard imp.isLocal, let t = profile.resolve(imp.spec, from: f.path, language: f.language), let tf = profile.file(t) else {
                return .delegated
            }
            return moduleVerdict(tf, profile: profile)
        }
        // `feedbackForm.reset()`, `entries.unshift(x)`, `store.addTodo(x)`: a method of a value declared here.
        if member, let initializer = localInitializer(f, name) {
            var s = initializer.trimmingCharacters(in: .whitespaces)
            for kw in ["await ", "new "] where s.hasPrefix(kw) { s = String(s.dropFirst(kw.count)).trimmingCharacters(in: .whitespaces) }
            let root = String(s.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
            guard !root.isEmpty, !["useState", "useReducer", "useRef", "useMemo"].contains(root) else { return .inert }
            if let imp = imports.first(where: { $0.names.contains(root) }) {
                if imp.isLocal, let t = profile.resolve(imp.spec, from: f.path, language: f.language), let tf = profile.file(t) {
                    return moduleVerdict(tf, profile: profile)
                }
                return G1Data.networkPackages.contains { p in p.hasSuffix("/") ? imp.module.hasPrefix(p) : imp.isModule(p) } ? .backed : .delegated
            }
            // `const repo = makeRepo()` with `makeRepo` defined in this file.
            if depth < 2, let body = definitionBody(f, root) { return analyse(f, body, profile: profile, depth: depth + 1) }
            return .inert
        }
        return .delegated
    }

    /// The initializer of `const|let|var name = …` in the file (up to the end of its line), when it is not a function.
    private func localInitializer(_ f: ScannedFile, _ name: String) -> String? {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let e = o + name.utf8.count
            guard e >= b.count || !ProdText.isIdent(b[e]) else { continue }
            let line = f.lineRange(f.location(of: o).line)
            let before = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name
            var rest = f.string(e..<line.upperBound)
            if before != "const" && before != "let" && before != "var" {
                // `const [todos, setTodos] = useState(…)`, `const { data } = await client.get()`
                let head = f.string(line.lowerBound..<o).trimmingCharacters(in: .whitespaces)
                guard let kw = ["const ", "let ", "var "].first(where: { head.hasPrefix($0) }) else { continue }
                let pattern = head.dropFirst(kw.count).trimmingCharacters(in: .whitespaces)
                guard pattern.hasPrefix("[") || pattern.hasPrefix("{"), !pattern.contains("=") else { continue }
                guard let closer = rest.firstIndex(where: { $0 == "]" || $0 == "}" }) else { continue }
                rest = String(rest[rest.index(after: closer)...])
            }
            guard let eq = rest.firstIndex(of: "="), !rest[eq...].hasPrefix("=>") else { continue }
            let value = rest[rest.index(after: eq)...]
            if value.contains("=>") || value.contains("function") { return nil }
            return String(value)
        }
        return nil
    }

    /// Where a state setter's state lives: `useState` (nothing), a storage hook, or a custom hook's module.
    private func setterSource(_ setter: String, in f: ScannedFile, profile: ProdAppProfile) -> Verdict {
        for o in ProdText.all(f, setter, filter: .code) {
            let line = f.string(f.lineRange(f.location(of: o).line))
            guard line.contains("]"), let eq = line.range(of: "= use") else { continue }
            let hook = "use" + line[eq.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if hook == "useState" || hook == "useReducer" || hook == "useTransition" { return .inert }
            if hook.contains("Storage") || hook.contains("Persist") {
                if let h = f.find(hook, in: .code).first(where: { f.location(of: $0).line == f.location(of: o).line }),
                   let (k, v) = ProdStorage.key(f, at: h, literal: hook), case .entity = G1Data.classifyKey(k, value: v, taskEntities: []) {
                    return .storage
                }
                return .inert
            }
            let imports = profile.imports[f.path] ?? []
            guard let imp = imports.first(where: { $0.names.contains(hook) }), imp.isLocal,
                  let t = profile.resolve(imp.spec, from: f.path, language: f.language), let tf = profile.file(t) else {
                return .inert
            }
            return moduleVerdict(tf, profile: profile)
        }
        return .inert
    }

    private func moduleVerdict(_ tf: ScannedFile, profile: ProdAppProfile) -> Verdict {
        var seen = Set<String>([tf.path])
        var stack = [tf.path]
        var storage = false
        while let p = stack.popLast() {
            guard let g = profile.file(p) else { continue }
            if G1Components.hasDataCall(g, in: 0..<g.bytes.count) || G1Data.importsNetworkPackage(p, profile: profile) { return .backed }
            if !ProdStorage.entityKeys(in: g, taskEntities: []).isEmpty { storage = true }
            for t in profile.localImports[p] ?? [] where seen.insert(t).inserted && seen.count < 20 { stack.append(t) }
        }
        return storage ? .storage : .inert
    }

    private func rendersMarkup(_ f: ScannedFile, _ r: Range<Int>) -> Bool {
        let b = f.bytes
        var i = r.lowerBound
        while i < r.upperBound - 1 {
            if b[i] == 0x3C && (ByteClass.isAlpha(b[i + 1]) || b[i + 1] == 0x3E) {
                let k = f.kind(at: i)
                if k == .code || k == .string { return true }
            }
            i += 1
        }
        return false
    }

    /// The root identifier of `x.map(`, `x?.map(`, `data.items.map(`, `(x ?? []).map(`.
    private func receiverRoot(_ f: ScannedFile, mapAt o: Int) -> String? {
        let b = f.bytes
        var p = ProdText.prevNonSpace(b, before: o)
        if p >= 0 && b[p] == 0x3F { p = ProdText.prevNonSpace(b, before: p) }
        if p >= 0 && b[p] == 0x29, let open = ProdText.enclosingOpen(f, before: p, brackets: [0x28]) {
            let s = ProdText.skipSpace(b, from: open + 1)
            let name = ProdText.identifier(b, at: s)
            return name.isEmpty ? nil : name
        }
        var root: String?
        while p >= 0 {
            let w = ProdText.identifier(b, endingAt: p)
            guard !w.name.isEmpty else { break }
            root = w.name
            p = w.start - 1
            if p >= 0 && b[p] == 0x2E { p -= 1; if p >= 0 && b[p] == 0x3F { p -= 1 }; continue }
            if p >= 1 && b[p] == 0x2E && b[p - 1] == 0x3F { p -= 2; continue }
            break
        }
        return root
    }

    /// Declared in this file (const/let/var, useState, destructuring from a hook, import) rather than received as a prop.
    private func declaredLocally(_ f: ScannedFile, _ name: String) -> Bool {
        for o in ProdText.all(f, name, filter: .code) {
            let line = f.lineRange(f.location(of: o).line)
            let before = f.string(line.lowerBound..<o)
            let after = f.string(o..<line.upperBound)
            if before.contains("import ") { return true }
            if before.contains("const ") || before.contains("let ") || before.contains("var ") {
                if after.contains("=") && !before.contains("=") { return true }
            }
        }
        return false
    }
}
