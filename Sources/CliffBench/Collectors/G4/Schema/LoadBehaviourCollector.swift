import Foundation

/// G4.P5 (static part): query shapes that collapse under load, from the database calls in JS/TS code
/// (see `DataAccessFile`) and the schema (`SchemaModel`):
/// - N+1: a query (or fetch) executed inside a `for`/`forEach`/`map` over the rows of an earlier query
///   (medium), or once per item of another list (low; per-item updates of request input are not counted);
/// - unbounded lists: a list query with neither a filter nor a limit/range/take over a table that grows
///   with use (medium; low for other tables, none for lookup tables such as countries or plans). Supabase
///   also caps responses at 1,000 rows by default, so such lists silently truncate;
/// - `select('*')` / `SELECT *` over wide tables (15+ columns, low).
///
/// The value is the share of list queries that are bounded or filtered (an unbounded list over a growing
/// table counts fully, over another table half), times the usual per-finding score of the loops and
/// `select *` findings.
///
/// Not measured when the app makes no data queries.
public struct LoadBehaviourCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.P5", slug: "load-behaviour", kind: .primary, methods: "S,R",
        measures: "p95 latency and error rate at N concurrent clients; no N+1 loops or unbounded unpaginated queries",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("app/api/orders/route.ts", """
                import { prisma } from '@/lib/db'
                export async function GET() {
                  const orders = await prisma.order.findMany({ where: { status: 'open' }, take: 50 })
                  const out = []
                  for (const order of orders) {
                    const customer = await prisma.customer.↓findUnique({ where: { id: order.customerId } })
                    out.push({ ...order, customer })
                  }
                  return Response.json(out)
                }
                """, note: "one query per row of the previous query"),
            CollectorExample("src/pages/Admin.tsx", """
                import { supabase } from '../lib/supabase'
                export async function loadAll() {
                  const { data } = await supabase.↓from('appointments').select('*, doctors(name)').order('created_at')
                  return data
                }
                """, note: "a whole user-data table fetched without filter or limit"),
            CollectorExample("server/tickets.ts", """
                import { supabaseAdmin as db } from './db'
                export async function withMessages() {
                  const { data: tickets } = await db.from('tickets').select('id, subject').eq('status', 'open').limit(20)
                  return Promise.all(tickets.map(async (t) => {
                    const { data } = await db.↓from('messages').select('body').eq('ticket_id', t.id)
                    return { ...t, messages: data }
                  }))
                }
                """, note: "N+1 through Promise.all(map)"),
            CollectorExample("server/report.js", """
                const { pool } = require('./db')
                async function all() {
                  const { rows } = await pool.↓query('SELECT id, total, created_at FROM orders ORDER BY created_at DESC')
                  return rows
                }
                module.exports = { all }
                """, note: "raw SQL over a growing table without WHERE or LIMIT"),
            CollectorExample("server/routes/orders.js", """
                const db = require('../db')
                router.get('/orders', async (req, res) => {
                  const orders = await db('orders').where({ user_id: req.user.id }).orderBy('created_at', 'desc').limit(20)
                  const withItems = await Promise.all(orders.map((o) => ↓db('order_items').where({ order_id: o.id })))
                  res.json(orders.map((o, i) => ({ ...o, items: withItems[i] })))
                })
                """, note: "Knex N+1 through Promise.all(map)"),
            CollectorExample("server/routes/admin.ts", """
                import knex from '../knex'
                router.get('/admin/payments', async (_req, res) => {
                  const rows = await ↓knex('payments').select('*').orderBy('created_at', 'desc')
                  res.json(rows)
                })
                """, note: "a Knex list endpoint over a growing table with no where and no limit"),
        ],
        nonTriggering: [
            CollectorExample([
                "app/api/orders/route.ts": """
                    import { prisma } from '@/lib/db'
                    export async function GET(req: Request) {
                      const page = Number(new URL(req.url).searchParams.get('page') ?? 1)
                      const orders = await prisma.order.findMany({ include: { customer: true }, orderBy: { createdAt: 'desc' }, skip: (page - 1) * 20, take: 20 })
                      return Response.json(orders)
                    }
                    """,
                "tests/orders.spec.ts": """
                    test('seed', async () => {
                      const orders = await prisma.order.findMany()
                      for (const o of orders) await prisma.customer.findUnique({ where: { id: o.customerId } })
                    })
                    """,
            ], note: "paginated, with the relation joined in; an unbounded loop only in a test"),
            CollectorExample("src/pages/Mine.tsx", """
                import { supabase } from '../lib/supabase'
                export async function mine(userId: string) {
                  const { data: countries } = await supabase.from('countries').select('code, name')
                  const { data } = await supabase.from('orders').select('id, total').eq('user_id', userId).range(0, 24)
                  const ids = (data ?? []).map((o) => o.id)
                  const { data: items } = await supabase.from('order_items').select('order_id, sku').in('order_id', ids)
                  // for (const o of data) { await supabase.from('order_items').select().eq('order_id', o.id) }
                  return { countries, data, items }
                }
                """, note: "a lookup table, a paged list, a batched .in() instead of a loop, a loop in a comment"),
            CollectorExample("server/sync.ts", """
                import { db } from './db'
                export async function sync() {
                  let from = 0
                  while (true) {
                    const { data } = await db.from('events').select('id').range(from, from + 999)
                    if (!data?.length) break
                    from += 1000
                  }
                  const labels = ['a', 'b'].map((l) => l.toUpperCase())
                  return labels
                }
                """, note: "a paging loop"),
            CollectorExample("server/routes/orders.js", """
                const db = require('../db')
                router.get('/orders', async (req, res) => {
                  const page = Math.max(1, Number(req.query.page) || 1)
                  const orders = await db('orders').select('id', 'total').orderBy('created_at', 'desc').limit(50).offset((page - 1) * 50)
                  const items = await db('order_items').whereIn('order_id', orders.map((o) => o.id))
                  const recent = await db('payments').orderBy('created_at', 'desc').limit(50)
                  const order = await db('orders').where({ id: req.query.id }).first()
                  // const all = await db('orders').select('*'); for (const o of all) await db('order_items').where({ order_id: o.id })
                  res.json({ orders, items, recent, order })
                })
                """, note: "Knex: paginated, batched with whereIn, limit(50), a single row, and an N+1 in a comment"),
            CollectorExample("src/App.tsx", "export default function App() { return <ul>{[1, 2].map((n) => <li key={n}>{n}</li>)}</ul> }\n",
                             note: "no data queries: not measured"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.P5/db-call", literals: DataAccessFile.anchorLiterals, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte],
                        regexEquivalent: #"\.(from|rpc|insert|update|upsert|delete|findMany|findFirst|findUnique|create|createMany|updateMany|deleteMany|count|aggregate|groupBy|query|execute|collection|raw)\(|sql`|\$queryRaw|\$executeRaw|\b(getDocs?|addDoc|setDoc|updateDoc|deleteDoc)\(|\b(knex|db|trx|tx|pg|database)\(['"`]"#),
        ]
    }

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard file.language.isJSFamily || file.language == .vue || file.language == .svelte,
              file.role == .client || file.role == .server || file.role == .shared,
              let access = DataAccessFile.shared(file) else { return nil }
        return FileReport(payload: access)
    }

    /// A reference table the app's own RLS declares as a public, read-only catalog (not user data, and every
    /// policy on it is `for select using (true)`): clients cannot add rows, so it does not grow with use.
    static func isPublicReadOnlyReference(_ t: SQLTable, _ m: SchemaModel) -> Bool {
        guard t.rowLevelSecurity, !m.isUserData(t) else { return false }
        let policies = m.policies.filter { $0.table.key == t.name.key }
        return !policies.isEmpty && policies.allSatisfy { $0.command == .select && $0.using.map(RLSPoliciesCollector.isTrue) == true }
    }

    static func paginationHint(_ api: DBCall.API) -> String {
        switch api {
        case .supabase: return "Page it with `.range(from, to)` (or `.limit(n)`) and filter on the server."
        case .prisma: return "Page it with `take`/`skip` or a `cursor`, and filter with `where`."
        case .drizzle: return "Page it with `.limit(n).offset(k)` (or a keyset `where`), and filter on the server."
        case .knex: return "Page it with `.limit(n).offset(k)` (or a keyset `.where('id', '>', lastId)`), and filter with `.where(…)`."
        case .sql: return "Add `LIMIT … OFFSET …` (or keyset pagination) and a WHERE clause."
        case .firebase: return "Page it with `limit(n)` and `startAfter(lastDoc)`, and filter with `where`."
        case .http: return "Page the request."
        }
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let files = app.reports(for: d.id).compactMap { $0.report.payload as? DataAccessFile }
        let queries = files.flatMap { f in f.calls.filter { $0.api != .http } }
        guard !queries.isEmpty else {
            return .notMeasured(d.id, "the app makes no database queries from its code")
        }
        let model = SchemaModel.shared(app)
        var findings: [Finding] = []
        var lists = 0, boundedLists = 0, loops = 0
        var starTables = Set<String>()

        for f in files {
            for q in f.queriesInLoops() {
                if q.call.api == .http && q.source == nil { continue }
                // Per-item updates of request input (a cart's stock decrements) touch different rows by different amounts:
                // no builder batches them into one call, and their number is the request's, not the table's.
                if q.source == nil && q.call.op == .update { continue }
                loops += 1
                let line = q.source.map { f.file.location(of: $0.anchor).line }
                let what = q.call.api == .http ? "A fetch" : q.call.isWrite ? "A write to \(q.call.table ?? "the database")" : "A query on \(q.call.table ?? "the database")"
                let fix = q.call.isWrite ? "Write all rows in one call (`insert([...rows])`, `createMany`)."
                    : "Fetch them in one query: `.in('id', ids)`, an embedded select (`select('*, customer(*)')`), Prisma `include` or `where: { id: { in: ids } }`, or a join."
                if let l = line {
                    findings.append(Finding.at(d, rule: "n-plus-one", file: f.file, offset: q.call.anchor, severity: .medium,
                        message: "\(what) runs once per row of the query at line \(l) (loop over `\(q.loop.iterable)`): N rows cost N+1 round trips, so the page slows down linearly as data grows. \(fix)"))
                } else {
                    findings.append(Finding.at(d, rule: "query-per-item", file: f.file, offset: q.call.anchor, severity: .low,
                        message: "\(what) runs once per item of `\(q.loop.iterable)`: the number of round trips grows with the input. \(fix)"))
                }
            }

            for c in f.calls where c.op == .read && c.api != .http {
                lists += 1
                if f.isBounded(c) || f.isFiltered(c) { boundedLists += 1; continue }
                let table = c.table.flatMap { model.resolve(codeName: $0) }
                let name = table?.name.name ?? c.table ?? ""
                if SchemaNames.isLookupName(name) || SchemaNames.isLookupName(c.table ?? "") { continue }
                if let t = table, Self.isPublicReadOnlyReference(t, model) { continue }
                let grows = table.map { model.isUserData($0) } ?? SchemaNames.isUserDataName(name)
                let cap = c.api == .supabase ? " Supabase also returns at most 1,000 rows by default, so past that the list silently loses rows." : ""
                let unit = c.api == .firebase ? "document" : "row"
                findings.append(Finding.at(d, rule: "unbounded-list", file: f.file, offset: c.anchor, severity: grows ? .medium : .low,
                    message: "This reads every \(unit) of \(name.isEmpty ? "a table" : name) with no filter and no limit\(grows ? "; it grows with every user, so response size, memory and latency grow without bound" : "")." + cap + " " + Self.paginationHint(c.api)))
            }

            for c in f.calls where c.isRead && f.selectsStar(c) {
                guard let t = c.table.flatMap({ model.resolve(codeName: $0) }), t.columns.count >= 15, !starTables.contains(t.name.key) else { continue }
                starTables.insert(t.name.key)
                findings.append(Finding.at(d, rule: "select-star-wide", file: f.file, offset: c.anchor, severity: .low,
                    message: "select * on \(t.name), which has \(t.columns.count) columns: every row ships all of them. Name the columns the screen needs."))
            }
        }

        // Unbounded lists count as a share of all list queries (so a large app is not punished for its size);
        // N+1 loops and wide select * compound per finding.
        let unboundedWeight = findings.filter { $0.rule == "unbounded-list" }.reduce(0.0) { $0 + ($1.severity == .medium ? 1 : 0.5) }
        let listShare = lists == 0 ? 1 : max(0, 1 - unboundedWeight / Double(lists))
        let value = FindingScore.round1(listShare * FindingScore.score(findings.filter { $0.rule != "unbounded-list" }))
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("query call sites", queries.count),
            Evidence("list queries", lists),
            Evidence("filtered or bounded list queries", boundedLists),
            Evidence("queries in loops", loops),
        ])
    }
}
