import Foundation

/// G4.P4 (static part): flows that break when two requests run at once. From the database calls in
/// JS/TS code (supabase-js, Prisma, Drizzle, Knex, raw SQL, Firestore; see `DataAccessFile`) and the schema
/// (`SchemaModel`) it finds
/// - read-modify-write: a value read, changed in JS (`row.stock - qty`) and written back, outside a
///   transaction and without a conditional update: one of two concurrent updates is lost;
/// - check-then-insert: a read decides whether to insert (`if (existing) return`) into a table with no
///   unique constraint on the columns the read checked: two requests both pass the check (double
///   bookings, duplicate accounts);
/// - dependent writes outside a transaction (insert an appointment, then its invoice): a failure in
///   between leaves half a record;
/// - supabase-js `upsert` without `onConflict` on rows that lack the primary key (every call inserts);
/// - booking tables (appointments, reservations, slots) with no natural unique key or exclusion constraint.
/// Unique constraints on natural keys, atomic updates (`{ increment }`, Knex `.increment()`/`.decrement()`, `set x = x + 1`,
/// rpc), conditional updates, row locks (`.forUpdate()` in a transaction) and transactions are credited.
///
/// Not measured when the app writes to no shared store from its code.
public struct ConcurrencyCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.P4", slug: "concurrency", kind: .primary, methods: "S,R",
        measures: "N parallel writers lose no update, double submits create one record; critical flows use transactions, atomic updates, unique constraints or locks",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": "create table appointments (id uuid primary key default gen_random_uuid(), doctor_id uuid not null, slot timestamptz not null, patient_id uuid not null);\n",
                "src/pages/Book.tsx": """
                    import { supabase } from '../lib/supabase'
                    export async function book(doctorId: string, slot: string, userId: string) {
                      const { data: existing } = await supabase.from('appointments').select('id').eq('doctor_id', doctorId).eq('slot', slot)
                      if (existing && existing.length > 0) throw new Error('Slot taken')
                      await supabase.↓from('appointments').insert({ doctor_id: doctorId, slot, patient_id: userId })
                    }
                    """,
            ], note: "check-then-insert on a booking table without a unique constraint"),
            CollectorExample("app/api/redeem/route.ts", """
                import { prisma } from '@/lib/db'
                export async function POST(req: Request) {
                  const { userId, cost } = await req.json()
                  const user = await prisma.user.findUnique({ where: { id: userId } })
                  if (!user || user.credits < cost) return Response.json({ error: 'insufficient' }, { status: 400 })
                  await prisma.user.update({ where: { id: userId }, data: { ↓credits: user.credits - cost } })
                  return Response.json({ ok: true })
                }
                """, note: "a balance read, changed in JS and written back"),
            CollectorExample("server/routes/stock.ts", """
                import { supabaseAdmin } from '../supabase'
                export async function sell(productId: string, qty: number) {
                  const { data: product } = await supabaseAdmin.from('products').select('stock').eq('id', productId).single()
                  const remaining = product.stock - qty
                  await supabaseAdmin.from('products').update({ ↓stock: remaining }).eq('id', productId)
                }
                """, note: "the new value computed into a variable first"),
            CollectorExample("app/api/orders/route.ts", """
                import { prisma } from '@/lib/db'
                export async function POST(req: Request) {
                  const body = await req.json()
                  const order = await prisma.order.create({ data: { customerId: body.customerId, total: body.total } })
                  await prisma.payment.↓create({ data: { orderId: order.id, amount: body.total } })
                  return Response.json(order)
                }
                """, note: "two dependent writes outside a transaction"),
            CollectorExample("server/routes/wallet.js", """
                const db = require('../db')
                router.post('/wallet/spend', async (req, res) => {
                  const wallet = await db('wallets').where({ user_id: req.user.id }).first()
                  if (!wallet || wallet.balance < req.body.amount) return res.status(400).json({ error: 'insufficient' })
                  await db('wallets')
                    .where({ user_id: req.user.id })
                    .update({ ↓balance: wallet.balance - req.body.amount, updated_at: db.fn.now() })
                  res.json({ ok: true })
                })
                """, note: "a Knex read-modify-write through query-builder chains"),
            CollectorExample("server/events.ts", """
                import knex from './knex'
                export async function reserve(eventId: number) {
                  await knex.transaction(async (trx) => {
                    const [event] = await trx('events').where('id', eventId)
                    await trx('events').where('id', eventId).update(↓'seats_left', event.seats_left - 1)
                  })
                }
                """, note: "a Knex transaction that does not lock the row it read"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/20240101000000_init.sql": """
                    create table appointments (id uuid primary key default gen_random_uuid(), doctor_id uuid not null, slot timestamptz not null, patient_id uuid not null);
                    create unique index appointments_slot_key on appointments (doctor_id, slot);
                    """,
                "src/pages/Book.tsx": """
                    import { supabase } from '../lib/supabase'
                    export async function book(doctorId: string, slot: string, userId: string) {
                      const { data: existing } = await supabase.from('appointments').select('id').eq('doctor_id', doctorId).eq('slot', slot)
                      if (existing && existing.length > 0) throw new Error('Slot taken')
                      const { error } = await supabase.from('appointments').insert({ doctor_id: doctorId, slot, patient_id: userId })
                      if (error?.code === '23505') throw new Error('Slot taken')
                    }
                    """,
            ], note: "the same check backed by a unique index"),
            CollectorExample("app/api/redeem/route.ts", """
                import { prisma } from '@/lib/db'
                export async function POST(req: Request) {
                  const { userId, cost } = await req.json()
                  const res = await prisma.user.updateMany({ where: { id: userId, credits: { gte: cost } }, data: { credits: { decrement: cost } } })
                  await prisma.$transaction(async (tx) => {
                    const acct = await tx.account.findUnique({ where: { id: userId } })
                    await tx.account.update({ where: { id: userId }, data: { balance: acct!.balance - cost } })
                  }, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable })
                  // const u = await prisma.user.findUnique(...); await prisma.user.update({ data: { credits: u.credits - cost } })
                  return Response.json({ ok: res.count === 1 })
                }
                """, note: "an atomic decrement, a read-modify-write in a serializable transaction, and one in a comment"),
            CollectorExample([
                "server/stock.ts": """
                    import { supabaseAdmin } from './supabase'
                    export async function sell(productId: string, qty: number) {
                      const { data, error } = await supabaseAdmin.rpc('decrement_stock', { product_id: productId, qty })
                      const { data: p } = await supabaseAdmin.from('products').select('name, price').eq('id', productId).single()
                      await supabaseAdmin.from('audit_log').insert({ action: 'sell', product: p.name })
                      return data
                    }
                    """,
                "__tests__/stock.test.ts": """
                    it('sells', async () => {
                      const { data: p } = await db.from('products').select('stock').eq('id', 1).single()
                      await db.from('products').update({ stock: p.stock - 1 }).eq('id', 1)
                    })
                    """,
            ], note: "stock changed by a Postgres function through rpc; a read-modify-write only in a test"),
            CollectorExample("src/utils/math.ts", """
                export const total = (items: { price: number; qty: number }[]) => items.reduce((s, i) => s + i.price * i.qty, 0)
                """, note: "no writes to a shared store: not measured"),
            CollectorExample("server/routes/stock.js", """
                const db = require('../db')
                router.post('/products/:id/sell', async (req, res) => {
                  const qty = Number(req.body.qty)
                  const n = await db('products').where({ id: req.params.id }).where('stock', '>=', qty).decrement('stock', qty)
                  if (n === 0) return res.status(409).json({ error: 'Not enough stock' })
                  await db.transaction(async (trx) => {
                    const acct = await trx('accounts').where({ id: req.user.id }).forUpdate().first()
                    await trx('accounts').where({ id: req.user.id }).update({ credits: acct.credits - qty })
                  })
                  const p = await db('products').where({ id: req.params.id }).first()
                  await db('products').where({ id: p.id, version: p.version }).update({ views: p.views + 1, version: p.version + 1 })
                  // const row = await db('products').where({ id }).first(); await db('products').update({ stock: row.stock - 1 })
                  res.json({ ok: true })
                })
                """, note: "an atomic Knex decrement, a row locked with forUpdate in a transaction, an optimistic version check, one in a comment"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.P4/db-call", literals: DataAccessFile.anchorLiterals, regions: .code,
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

    private static let counterWords = ["count", "balance", "stock", "quantity", "qty", "inventory", "credit", "point", "seat", "slot",
                                       "available", "remaining", "capacity", "total", "amount", "vote", "like", "view", "score", "usage",
                                       "token", "spent", "sold", "limit", "booked", "attempt"]
    private static let bookingWords = ["appointment", "booking", "reservation", "slot", "seat", "registration", "enrollment", "enrolment", "rsvp"]

    /// A table of bookings: its last name part is a booking word (`appointments`, `class_bookings`, not `appointment_log`).
    static func isBookingTable(_ name: String) -> Bool {
        var parts: [String] = []
        var cur = ""
        for ch in name {
            if ch == "_" || ch == "-" || ch.isUppercase && !cur.isEmpty { parts.append(cur); cur = "" }
            if ch != "_" && ch != "-" { cur.append(ch) }
        }
        parts.append(cur)
        let last = (parts.last(where: { !$0.isEmpty }) ?? name).lowercased()
        return bookingWords.contains { last.hasPrefix($0) }
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let files = app.reports(for: d.id).compactMap { $0.report.payload as? DataAccessFile }
        let writes = files.flatMap { f in f.calls.filter { $0.isWrite || $0.op == .rpc } }
        guard !writes.isEmpty else {
            return .notMeasured(d.id, "the app's code writes to no shared store (no database inserts, updates, upserts or deletes were found)")
        }
        let model = SchemaModel.shared(app)
        var findings: [Finding] = []
        var credits = 0, rmwChecked = 0
        var flaggedTables = Set<String>()

        for f in files {
            // One finding per write, naming every column it computes from the earlier read.
            var byWrite: [Int: [ReadModifyWrite]] = [:]
            var writeOrder: [Int] = []
            for r in f.readModifyWrites() {
                rmwChecked += 1
                if f.isProtected(read: r.read, write: r.write) || f.isConditional(r.write, on: r.column) { credits += 1; continue }
                if byWrite[r.write.anchor] == nil { writeOrder.append(r.write.anchor) }
                byWrite[r.write.anchor, default: []].append(r)
            }
            for w in writeOrder {
                let rs = byWrite[w]!
                let r = rs[0]
                let columns = rs.map(\.column)
                let counter = columns.contains { c in Self.counterWords.contains { c.lowercased().hasSubstring($0) } }
                let readLine = f.file.location(of: r.read.anchor).line
                let op = r.decreases ? "-" : "+"
                let atomic = r.write.api == .prisma ? "Prisma `{ \(r.decreases ? "decrement" : "increment"): n }`"
                    : r.write.api == .knex ? "Knex `.\(r.decreases ? "decrement" : "increment")('\(r.column)', n)`\(r.decreases ? " with `.where('\(r.column)', '>=', n)` as the guard (0 rows updated = not enough)" : "")"
                    : "`update … set \(r.column) = \(r.column) \(op) $1\(r.decreases ? " where \(r.column) >= $1" : "")` in a Postgres function called with rpc"
                let race = f.inTransaction(r.write)
                    ? "The surrounding transaction does not lock the row: at the default READ COMMITTED isolation two transactions still read the same value, and one update is lost"
                    : "Two concurrent requests read the same value and one update is lost"
                let names = columns.map { "`\($0)`" }.joined(separator: ", ")
                findings.append(Finding.at(d, rule: "read-modify-write", file: f.file, offset: r.offset, severity: counter ? .high : .medium,
                    message: "\(names) \(columns.count == 1 ? "is" : "are") read (line \(readLine)), changed in JavaScript and written back. \(race)\(counter ? " — for a counter or balance that means oversold stock, free credits or wrong totals" : ""). Let the database do it atomically: \(atomic), or lock the row (`SELECT … FOR UPDATE`, Drizzle `.for('update')`, Knex `.forUpdate()` inside `db.transaction`) or use SERIALIZABLE isolation in the transaction."))
            }

            for c in f.checkThenInserts() {
                let table = c.insert.table.flatMap { model.resolve(codeName: $0) }
                let cols = Set(c.columns)
                var guarded = f.isolatingTransactions.contains(where: { $0.contains(c.insert.anchor) }) || c.insert.methods.contains { ["onConflictDoNothing", "onConflictDoUpdate", "ignore"].contains($0.name) }
                    || f.code.text(c.insert.start..<c.insert.end).hasSubstring("skipDuplicates") || f.code.text(c.insert.start..<c.insert.end).hasSubstring("ignoreDuplicates")
                if let t = table {
                    if !model.uniqueKeys(t, within: cols).isEmpty || t.allUniqueKeys.contains(where: { $0.kind == .exclusion }) { guarded = true }
                }
                let scopeText = f.code.text(f.scope(c.insert))
                if ["23505", "P2002", "unique_violation", "duplicate key", "UniqueConstraint"].contains(where: { scopeText.hasSubstring($0) }) { guarded = true }
                if guarded { credits += 1; continue }
                let name = c.insert.table ?? "the table"
                let booking = Self.isBookingTable(name)
                if let t = table { flaggedTables.insert(t.name.key) }
                let key = "(\(c.columns.joined(separator: ", ")))"
                let readLine = f.file.location(of: c.read.anchor).line
                if c.read.op == .count {
                    findings.append(Finding.at(d, rule: "check-then-insert", file: f.file, offset: c.insert.anchor, severity: booking ? .high : .medium,
                        message: "The insert into \(name) depends on a count read at line \(readLine); concurrent requests all see the old count and all insert, overfilling the limit. Do the count and the insert in one Postgres function (rpc) that locks the parent row (`SELECT … FOR UPDATE`), or keep a counter updated atomically with a CHECK constraint."))
                } else {
                    findings.append(Finding.at(d, rule: "check-then-insert", file: f.file, offset: c.insert.anchor, severity: booking ? .high : .medium,
                        message: "The insert into \(name) is guarded only by a read at line \(readLine) on \(key); two requests (or a double click) both see no row and both insert\(booking ? " — a double booking" : " — a duplicate"). \(table == nil ? "No unique constraint on \(key) is visible in the repository's schema. " : "")Add a unique constraint on \(key) and handle the unique violation (23505 / P2002) as \"already taken\"."))
                }
            }

            for (a, b) in f.dependentWrites() {
                findings.append(Finding.at(d, rule: "writes-without-transaction", file: f.file, offset: b.anchor, severity: .medium,
                    message: "This write to \(b.table ?? "a table") uses the row just inserted into \(a.table ?? "another table") (line \(f.file.location(of: a.anchor).line)), but the two run as separate requests: if this one fails or the client goes away, the \(a.table ?? "first") row stays without its \(b.table ?? "second") row. Do both in one transaction (Prisma `$transaction`, `db.transaction`, or a Postgres function called with rpc)."))
            }

            for (c, keys) in f.upsertsWithoutConflictTarget() {
                guard let t = c.table.flatMap({ model.resolve(codeName: $0) }) else { continue }
                let pk = t.primaryKey.isEmpty ? t.columns.filter(\.primaryKey).map(\.name) : t.primaryKey
                guard !pk.isEmpty, !pk.contains(where: { keys.contains($0) }) else { continue }
                let natural = t.allUniqueKeys.first { $0.kind != .primaryKey }?.columns
                findings.append(Finding.at(d, rule: "upsert-without-conflict-target", file: f.file, offset: c.anchor, severity: .medium,
                    message: "upsert into \(t.name) without `onConflict` resolves conflicts on the primary key (\(pk.joined(separator: ", "))), which the row does not carry, so every call inserts a new row. Pass `{ onConflict: '\((natural ?? ["<unique columns>"]).joined(separator: ","))' }` matching a unique constraint."))
            }
        }

        // Booking tables with nothing in the schema that stops two rows for the same slot.
        let insertedTables = Set(writes.filter { $0.op == .insert }.compactMap { $0.table.flatMap { model.resolve(codeName: $0)?.name.key } })
        for t in model.tables where Self.isBookingTable(t.name.name) && !flaggedTables.contains(t.name.key) {
            guard insertedTables.contains(t.name.key) else { continue }
            let natural = t.allUniqueKeys.filter { !($0.kind == .primaryKey && model.isSurrogate(t, $0.columns)) }
            if !natural.isEmpty { credits += 1; continue }
            findings.append(app.finding(d, rule: "booking-without-unique-key", at: t.source, severity: .medium,
                message: "Table \(t.name) takes bookings but has no unique constraint or exclusion constraint besides its id, so nothing in the database stops two rows for the same slot. Add e.g. `unique (resource_id, starts_at)` or `exclude using gist (resource_id with =, tstzrange(starts_at, ends_at) with &&)`."))
        }

        let naturalKeys = model.tables.reduce(0) { n, t in n + t.allUniqueKeys.filter { $0.kind != .primaryKey }.count }
        let atomic = files.reduce(0) { $0 + $1.atomicUpdates }
        let transactions = files.reduce(0) { $0 + $1.transactions.count }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: [
            Evidence("write call sites", writes.count),
            Evidence("read-modify-write sites", rmwChecked),
            Evidence("guarded flows credited", credits),
            Evidence("unique constraints on natural keys", naturalKeys),
            Evidence("atomic updates and rpc calls", atomic),
            Evidence("transactions", transactions),
        ])
    }
}
