import Foundation

/// G2.P2: request input validated on the server, and money and permissions decided there. Finds the
/// app's own request handlers — Express/Fastify/Hono/Koa callbacks, Next route handlers and server
/// actions, Supabase edge functions, Flask/Django/FastAPI views — that read request input (`req.body`,
/// `req.query`, `req.params`, `await request.json()`, `formData`, `request.json`/`form`/`args`,
/// untyped FastAPI bodies). A handler counts as validated when a schema touches its input in the handler
/// or its route middleware (zod `.parse`/`.safeParse`, yup, joi, valibot, ajv, class-validator,
/// express-validator, celebrate, a `validate…` helper, pydantic models, marshmallow, Django forms) or
/// when it answers 400/422 on bad input. Independently of validation, prices, totals, discounts and
/// amounts read from the request in a payment/order handler (not ids or codes that select a stored price,
/// such as a Stripe `priceId` or a `discountCode`), roles and permissions read from the request
/// in a handler that writes (outside admin-gated routes), and raw request bodies spread into a database
/// write or copied key by key with a Python `setattr` loop (mass assignment) are high findings.
/// Value: share of input-reading handlers validated, times
/// the high findings' factor. Not measured when the app has no server-side handlers of its own (a pure
/// Supabase SPA: validation would have to live in database constraints) or none reads request input.
public struct ServerValidationCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.P2", slug: "server-side-validation", kind: .primary, methods: "S",
        measures: "inputs validated on the server (zod/yup/joi/pydantic/DB constraints); prices, totals and permissions computed server-side",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/routes/bookings.js", """
                router.post('/bookings', auth, async (req, res) => {
                  const { doctorId, date } = ↓req.body
                  const booking = await db.bookings.create({ doctorId, date, patientId: req.user.id })
                  res.json(booking)
                })
                """, note: "request body used without validation"),
            CollectorExample("app/api/checkout/route.ts", """
                import Stripe from "stripe"
                import { z } from "zod"
                const Body = z.object({ items: z.array(z.string()), amount: z.number() })
                export async function POST(request: Request) {
                  const body = Body.parse(await request.json())
                  const session = await stripe.checkout.sessions.create({ line_items: [{ price_data: { currency: "inr", unit_amount: body.↓amount } }] })
                  return Response.json({ url: session.url })
                }
                """, note: "a validated body whose amount the client still decides"),
            CollectorExample("server/routes/auth.js", """
                router.post('/register', async (req, res) => {
                  const { email, password, ↓role } = req.body
                  if (!email || !password) return res.status(400).json({ error: 'missing fields' })
                  const user = await User.create({ email, password: await hash(password), role })
                  res.status(201).json({ id: user.id })
                })
                """, note: "the client picks its own role at signup"),
            CollectorExample("routes/appointments.js", """
                router.put('/:id', auth, (req, res) => {
                  const appt = appointments.find((a) => a.id == ↓req.params.id)
                  ↓Object.assign(appt, req.body)
                  res.json(appt)
                })
                """, note: "mass assignment of the raw body"),
            CollectorExample("app.py", """
                @app.route("/orders", methods=["POST"])
                def create_order():
                    data = ↓request.get_json()
                    order = Order(item=data["item"], total=data["↓total"])
                    db.session.add(order)
                    return {"id": order.id}
                """, note: "Flask view with an unvalidated body and a client-sent total"),
            CollectorExample("notes/routes.py", """
                @bp.route("/me", methods=["PATCH"])
                def update_me():
                    changes = ↓request.get_json() or {}
                    for key, value in changes.items():
                        ↓setattr(g.user, key, value)
                    db.session.commit()
                    return {"ok": True}
                """, note: "every request key copied onto the user with setattr"),
            CollectorExample("app/actions/reviews.ts", """
                "use server"
                import { revalidatePath } from "next/cache"
                export async function addReview(↓formData: FormData) {
                  // validated in the form component
                  await db.review.create({ data: { rating: Number(formData.get("rating")), comment: String(formData.get("comment")) } })
                  revalidatePath("/reviews")
                }
                """, note: "a server action: revalidatePath and a comment validate nothing"),
        ],
        nonTriggering: [
            CollectorExample("app/api/donations/checkout/route.ts", """
                import { NextRequest, NextResponse } from 'next/server'
                import { z } from 'zod'
                const Donation = z.object({ projectId: z.string().uuid(), amount: z.number().int().min(1).max(100000) })
                export async function POST(request: NextRequest) {
                  const { projectId, amount } = Donation.parse(await request.json())
                  const session = await stripe.checkout.sessions.create({ line_items: [{ price_data: { currency: 'usd', unit_amount: amount * 100, product_data: { name: 'Donation' } }, quantity: 1 }], mode: 'payment' })
                  return NextResponse.json({ url: session.url, projectId })
                }
                """, note: "a donation: the payer chooses the amount, within validated bounds"),
            CollectorExample("server/app.ts", """
                const bookingBody = z.object({ doctorId: z.string().uuid(), startsAt: z.string().datetime() }).strict()
                app.post("/api/bookings", authed, route(async (req, res) => {
                  const { doctorId, startsAt } = bookingBody.parse(req.body)
                  const doctor = await repo.getDoctor(doctorId)
                  const invoice = await repo.createInvoice({ amount: doctor.feePaise, startsAt })
                  res.status(201).json({ invoice })
                }))
                """, note: "zod schema, price computed from the database"),
            CollectorExample("server/admin.ts", """
                const roleBody = z.object({ role: z.enum(["admin", "staff", "patient"]) })
                app.post("/api/admin/users/:id/role", authed, allow("admin"), route(async (req, res) => {
                  const { id } = idParams.parse(req.params)
                  const { role } = roleBody.parse(req.body)
                  await repo.setRole(id, role)
                  res.json({ ok: true })
                }))
                """, note: "an admin-gated role change"),
            CollectorExample(["src/pages/Book.tsx": """
                const { error } = await supabase.from("bookings").insert({ doctor_id: doctorId, amount: fee })
                """, "supabase/migrations/001_init.sql": "create table bookings (id uuid primary key, amount int check (amount > 0));\n"],
                note: "a Supabase SPA with no server handlers is not measured"),
            CollectorExample("app/main.py", """
                class Order(BaseModel):
                    item_id: int
                    quantity: int

                @app.post("/orders")
                async def create_order(order: Order, db: Session = Depends(get_db)):
                    price = db.get(Item, order.item_id).price * order.quantity
                    return save(order, price)
                """, note: "FastAPI with a pydantic model, price from the database"),
            CollectorExample("server/routes/items.js", """
                router.post('/items', async (req, res) => {
                  const { error, value } = itemSchema.validate(req.body)
                  if (error) return res.status(400).json({ error: error.message })
                  res.json(await Item.create(value))
                })
                """, note: "joi validation"),
            CollectorExample(["app/api/subscribe/route.ts": """
                import Stripe from "stripe"
                import { z } from "zod"
                const Body = z.object({ priceId: z.enum(["price_basic", "price_family"]), discountCode: z.string().max(32).optional() })
                export async function POST(request: Request) {
                  const { priceId, discountCode } = Body.parse(await request.json())
                  const promo = discountCode ? await db.promo.find(discountCode) : null
                  const session = await stripe.checkout.sessions.create({ line_items: [{ price: priceId, quantity: 1 }], discounts: promo ? [{ coupon: promo.couponId }] : [] })
                  return Response.json({ url: session.url })
                }
                """], note: "a Stripe price id and a discount code select server-side prices; they are not amounts"),
        ])

    /// One handler that reads request input.
    struct Handler: Sendable {
        var offset: Int
        var validated: Bool
    }

    struct FileFacts: Sendable {
        var handlers: [Handler] = []
        var findings: [Finding] = []
        var serverCode = false
    }

    private static let jsInputs = [
        "req.body", "req.query", "req.params", "request.body", "request.query", "request.params", "req.json(", "request.json(",
        "req.formData(", "request.formData(", "req.text(", "request.text(", "c.req.json(", "c.req.query(", "c.req.param(", "c.req.parseBody(",
        "c.req.formData(", "ctx.request.body", "ctx.query", "ctx.params", "event.request.json(", "event.request.formData(", "formData.get(",
    ]
    private static let requestParams: Set<String> = ["req", "request", "c", "ctx", "context", "event", "formData"]

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard file.role == .server || FileRole.directive(file.bytes) == "use server", file.language.isProgram,
              !Hygiene.isTooling(file.path), !file.path.hasSuffix(".d.ts") else { return nil }
        var facts = FileFacts()
        facts.serverCode = true
        if file.language == .python {
            python(file, &facts)
        } else {
            javascript(file, &facts)
        }
        return FileReport(payload: facts)
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var handlers = 0, validated = 0
        var findings: [Finding] = []
        var serverFiles = 0
        for (file, report) in app.reports(for: d.id) {
            guard let facts = report.payload as? FileFacts else { continue }
            if facts.serverCode { serverFiles += 1 }
            for h in facts.handlers {
                handlers += 1
                if h.validated {
                    validated += 1
                } else {
                    findings.append(Finding.at(d, rule: "unvalidated-input", file: file, offset: h.offset,
                        message: "This handler uses request input without validating it: wrong types, missing fields or oversized values reach the database and business logic (500s, corrupt rows, injection). Parse it with a schema (zod safeParse, joi, pydantic) and answer 400 on failure."))
                }
            }
            findings += facts.findings
        }
        guard serverFiles > 0 else {
            return .notMeasured(d.id, "no server-side handlers; validation would have to live in database constraints",
                                evidence: [Evidence("server files", 0)])
        }
        guard handlers > 0 else {
            return .notMeasured(d.id, "the server code reads no request input (no handler uses a request body, query or params)",
                                evidence: [Evidence("server files", serverFiles), Evidence("handlers reading input", 0)])
        }
        let share = Double(validated) / Double(handlers)
        let high = findings.filter { $0.severity >= .high }
        let value = FindingScore.round1(100 * share * FindingScore.score(high) / 100)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("server files", serverFiles), Evidence("handlers reading input", handlers), Evidence("validated", validated),
            Evidence("client-decided prices or roles", findings.filter { $0.rule == "client-price" || $0.rule == "client-role" }.count),
            Evidence("mass assignments", findings.filter { $0.rule == "mass-assignment" }.count),
        ])
    }

    // MARK: Shared vocabulary

    static func isMoneyField(_ name: String) -> Bool {
        let l = name.lowercased()
        // A reference the server resolves, not an amount: a Stripe `priceId`, a `discountCode`, a `price_type`.
        let last = lastWord(name)
        if last.count < l.count, ["id", "ids", "code", "codes", "name", "names", "type", "key", "lookupkey", "label", "currency"].contains(last) { return false }
        if l.contains("discount") || l.contains("price") { return true }
        if ["count", "page", "item", "qty", "quantity", "label", "currency"].contains(where: { l.hasSuffix($0) }) || l.hasPrefix("num") || l == "id" { return false }
        if ["price", "amount", "discount", "subtotal", "total", "cost"].contains(where: { l.contains($0) }) { return true }
        return l == "fee" || l.hasSuffix("_fee") || l.hasSuffix("fee") && name.contains("Fee") || l == "balance" || l == "credits" || l == "tax"
    }

    /// The last word of a camelCase or snake_case name, lowercased: `discountCode` → `code`, `price_id` → `id`.
    static func lastWord(_ name: String) -> String {
        let part = name.split(separator: "_").last.map(String.init) ?? name
        guard part.contains(where: { $0.isLowercase }) else { return part.lowercased() }
        if part.last?.isUppercase == true {
            // A trailing acronym is one word: `priceID` → `id`.
            var k = part.index(before: part.endIndex)
            while k > part.startIndex, part[part.index(before: k)].isUppercase { k = part.index(before: k) }
            return String(part[k...]).lowercased()
        }
        guard let k = part.lastIndex(where: { $0.isUppercase }) else { return part.lowercased() }
        return String(part[k...]).lowercased()
    }

    static func isRoleField(_ name: String) -> Bool {
        let l = name.lowercased()
        return l == "role" || l == "roles" || l.hasSuffix("role") || l.hasSuffix("_role") || l.contains("permission") || l == "isadmin" || l == "is_admin"
            || l == "admin" || l == "is_staff" || l == "isstaff" || l == "is_superuser" || l == "issuperuser" || l == "usertype" || l == "user_type"
    }

    private static let moneyContext = ["stripe", "paymentintent", "checkout", "charge", "razorpay", "paypal", "order", "invoice", "payment", "cart", "purchase", "subscription", "refund", "wallet", "payout"]
    private static let writeSinks = [".insert(", ".update(", ".create(", ".upsert(", ".save(", "insert into", "update ", ".push(", "object.assign(", ".set(", "signup(", "createuser(", "updateuser(", ".add(", "commit(", ".put("]
    private static let gateInArgs = ["admin", "role", "authorize", "permission", "staff", "owner"]
    private static let gateInBody = ["req.user.role", "user.role ===", "user.role !==", "user?.role", "role === 'admin'", "role === \"admin\"", "hasrole(", "requirerole(",
                                     "checkrole(", "isadmin(", "requireadmin", "assertadmin", "authorize(", "current_user.is_admin", "is_superuser", "admin_required", "@admin"]
    private static let jsValidation = [".parse(", ".safeparse(", ".parseasync(", ".safeparseasync(", "validat", "schema.", "joi.", "yup.", "zvalidator(", "celebrate(",
                                       "plaintoinstance(", "plaintoclass(", "checkschema(", "matcheddata(", "ajv", "typia.", "assert(", "status(400)", "status(422)",
                                       "status: 400", "status: 422", ", 400)", ", 422)", "status:400", "sendstatus(400)", "badrequest", "httpexception(400", "httperror(400", "httperror(422", "error(400"]

    // MARK: JavaScript

    private func javascript(_ file: ScannedFile, _ facts: inout FileFacts) {
        let d = descriptor
        let code = Hygiene.Code(file)
        let b = file.bytes
        let all = 0..<b.count
        var hits: [(offset: Int, literal: String)] = []
        for lit in Self.jsInputs {
            for o in code.allCode(lit, in: all, wordStart: true) { hits.append((o, lit)) }
        }
        let serverAction = FileRole.directive(b) == "use server"
        let s = Hygiene.JSStructure.of(file)
        if serverAction {
            for blk in s.blocks where blk.kind == .function && blk.isAsync && blk.callOpen == nil {
                guard let p = blk.params, p.count > 2, s.enclosingFunction(blk.open) == nil else { continue }
                hits.append((p.lowerBound + 1, "params"))
            }
        }
        guard !hits.isEmpty else { return }
        hits.sort { $0.offset < $1.offset }

        // Group accesses by handler: the innermost function taking a request-like parameter.
        var groups: [Int: (blk: Hygiene.JSBlock, hits: [(offset: Int, literal: String)])] = [:]
        var takesRequest: [Int: Bool] = [:]
        func isHandler(_ blk: Hygiene.JSBlock) -> Bool {
            if let known = takesRequest[blk.open] { return known }
            let v = blk.params.map { paramNames(code, $0).contains(where: { Self.requestParams.contains($0) }) } ?? false
            takesRequest[blk.open] = v
            return v
        }
        for h in hits {
            var handler: Hygiene.JSBlock?
            for blk in s.blocks where blk.kind == .function && blk.open < h.offset && h.offset < blk.close || blk.kind == .function && blk.params?.contains(h.offset) == true {
                if blk.params != nil && (isHandler(blk) || serverAction && s.enclosingFunction(blk.open) == nil) {
                    if handler == nil || blk.open > handler!.open { handler = blk }
                }
            }
            guard let blk = handler ?? s.enclosingFunction(h.offset) else { continue }
            groups[blk.open, default: (blk, [])].hits.append(h)
        }

        for (_, g) in groups.sorted(by: { $0.key < $1.key }) {
            let blk = g.blk
            let start = blk.callOpen ?? blk.headerStart
            let context = start..<blk.close
            let lower = Self.codeText(file, context, removing: Self.nonValidatingParses)
            let isValidated = Self.jsValidation.contains { lower.contains($0) }
            facts.handlers.append(Handler(offset: g.hits[0].offset, validated: isValidated))

            let argsText = blk.callOpen.map { file.string($0..<blk.headerStart).lowercased() } ?? ""
            let bodyLower = Self.codeText(file, blk.body)
            let gated = Self.gateInArgs.contains { argsText.contains($0) } || Self.gateInBody.contains { bodyLower.contains($0) }
            let money = Self.moneyContext.contains { lower.contains($0) }
            let writes = Self.writeSinks.contains { bodyLower.contains($0) }

            // Fields read from the input: `req.body.x`, destructuring, aliases.
            var aliases: [String] = []
            var fields: [(name: String, offset: Int)] = []
            for h in g.hits where h.literal != "params" {
                let end = h.offset + h.literal.utf8.count
                if h.literal == "formData.get(" {
                    if let q = code.nextToken(end), b[q] == 0x27 || b[q] == 0x22, let r = code.region(containing: q) {
                        fields.append((file.string((Int(r.start) + 1)..<(Int(r.end) - 1)), q))
                    }
                    continue
                }
                var exprEnd = end
                if h.literal.hasSuffix("("), let close = s.parens[end - 1] { exprEnd = close + 1 }
                fields += memberReads(code, after: exprEnd)
                if let (alias, pattern) = assignedTo(code, s, exprStart: h.offset) {
                    if let a = alias { aliases.append(a) }
                    fields += pattern
                }
            }
            for alias in Set(aliases) {
                for o in code.allCode(alias, in: blk.body, wordStart: true, wordEnd: true) {
                    fields += memberReads(code, after: o + alias.utf8.count)
                    if let (_, pattern) = assignedTo(code, s, exprStart: o) { fields += pattern }
                }
            }
            if serverAction, let p = blk.params {
                fields += destructured(code, p)
            }
            // zod schema keys next to the parse: `z.object({ amount: z.number() })` in the same file.
            var reported = Set<String>()
            // In a donation, tip or pledge the payer chooses the amount by design.
            let payerChosen = ["donat", "pledge", "contribut", "crowdfund", "/tip"].contains { lower.contains($0) || file.path.lowercased().contains($0) }
            if !gated {
                for f in fields where !reported.contains(f.name) {
                    if money && Self.isMoneyField(f.name) && !(payerChosen && f.name.lowercased().hasSuffix("amount")) {
                        reported.insert(f.name)
                        facts.findings.append(Finding.at(d, rule: "client-price", file: file, offset: f.offset, severity: .high,
                            message: "`\(f.name)` comes from the client request in a payment/order handler: anyone can edit the request (DevTools, curl) and pay what they like. Look prices up on the server from the item ids and compute totals and discounts there."))
                    } else if writes && Self.isRoleField(f.name) {
                        reported.insert(f.name)
                        facts.findings.append(Finding.at(d, rule: "client-role", file: file, offset: f.offset, severity: .high,
                            message: "`\(f.name)` comes from the client request and is written: any user can grant themselves admin or staff rights. Assign roles on the server (default role at signup, changes only in an admin-gated handler)."))
                    }
                }
                if money, reported.isEmpty, lower.contains(".parse(") || lower.contains(".safeparse(") {
                    for key in schemaMoneyKeys(code, file) where !reported.contains(key.name) && lower.contains(key.name.lowercased())
                        && !(payerChosen && key.name.lowercased().hasSuffix("amount")) {
                        reported.insert(key.name)
                        facts.findings.append(Finding.at(d, rule: "client-price", file: file, offset: key.offset, severity: .high,
                            message: "The request schema accepts `\(key.name)` from the client in a payment/order handler: validation checks its type, not that it is the right price. Compute it on the server from the item ids."))
                    }
                }
            }
            // Raw input spread or assigned into a write.
            if !isValidated {
                let bases = ["req.body", "request.body", "ctx.request.body"] + aliases
                if let off = massAssignment(code, s, in: blk.body, bases: bases) {
                    facts.findings.append(Finding.at(d, rule: "mass-assignment", file: file, offset: off, severity: .high,
                        message: "The raw request body is copied into a stored object: the client can set any field, including owner ids, status, price or role. Pick the allowed fields explicitly from a validated schema."))
                }
            }
        }
    }

    /// The lowercased (ASCII) text of `range` with comments blanked out: a `// TODO: validate this`
    /// note validates nothing. Occurrences of `removing` (lowercase) are dropped from the text.
    static func codeText(_ file: ScannedFile, _ range: Range<Int>, removing: [[UInt8]] = []) -> String {
        var bytes = Array(file.bytes[range])
        for r in file.regions where r.kind == .comment && Int(r.end) > range.lowerBound && Int(r.start) < range.upperBound {
            for i in max(Int(r.start), range.lowerBound)..<min(Int(r.end), range.upperBound) { bytes[i - range.lowerBound] = 0x20 }
        }
        for i in bytes.indices where bytes[i] &- 0x41 < 26 { bytes[i] |= 0x20 }
        guard !removing.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        scan: while i < bytes.count {
            let c = bytes[i]
            for p in removing where p[0] == c && i + p.count <= bytes.count {
                var k = 1
                while k < p.count && bytes[i + k] == p[k] { k += 1 }
                if k == p.count { i += p.count; continue scan }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses that validate nothing: JSON.parse, URL/path/date/query-string parsing, and cache calls
    /// whose names contain "validat" (Next's revalidatePath/revalidateTag, react-query's invalidateQueries).
    private static let nonValidatingParses: [[UInt8]] = [
        "json.parse(", "url.parse(", "path.parse(", "date.parse(", "qs.parse(", "cookie.parse(", "querystring.parse(", "parseint(", "parsefloat(",
        "revalidatepath(", "revalidatetag(", "revalidate", "invalidat",
    ].map { Array($0.utf8) }

    /// The leading identifier of each top-level parameter (`req`, `{ params }` gives "", `res: Response` gives res).
    /// Parameters may span lines, as formatters write them.
    private func paramNames(_ code: Hygiene.Code, _ params: Range<Int>) -> [String] {
        let b = code.bytes
        var lo = max(0, params.lowerBound), hi = min(b.count, params.upperBound)
        while lo < hi && (b[lo] == 0x28 || b[lo] == 0x29 || ByteClass.isSpace(b[lo])) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x28 || b[hi - 1] == 0x29 || ByteClass.isSpace(b[hi - 1])) { hi -= 1 }
        var names: [String] = []
        var depth = 0
        var partStart = lo
        func take(_ end: Int) {
            var i = partStart
            while i < end && ByteClass.isSpace(b[i]) { i += 1 }
            var j = i
            while j < end && (ByteClass.isIdentifier(b[j]) || b[j] >= 0x80) { j += 1 }
            names.append(String(decoding: b[i..<j], as: UTF8.self))
        }
        var i = lo
        while i < hi {
            switch b[i] {
            case 0x28, 0x7B, 0x5B, 0x3C: depth += 1
            case 0x29, 0x7D, 0x5D, 0x3E: depth -= 1
            case 0x2C where depth == 0:
                take(i)
                partStart = i + 1
            default: break
            }
            i += 1
        }
        take(hi)
        return names
    }

    /// `.field`, `?.field`, `["field"]` right after an expression.
    private func memberReads(_ code: Hygiene.Code, after end: Int) -> [(name: String, offset: Int)] {
        let b = code.bytes
        guard let t = code.nextToken(end) else { return [] }
        var i = t
        if b[i] == 0x3F, i + 1 < b.count, b[i + 1] == 0x2E { i += 1 }
        if b[i] == 0x2E, let n = code.nextToken(i + 1), ByteClass.isIdentifier(b[n]) {
            let w = code.identifier(startingAt: n)
            return [(code.text(w), n)]
        }
        if b[i] == 0x5B, let q = code.nextToken(i + 1), let r = code.region(containing: q), r.kind == .string {
            return [(code.text((Int(r.start) + 1)..<(Int(r.end) - 1)), q)]
        }
        return []
    }

    /// `const x = <expr>` → alias x; `const { a, b: c } = <expr>` → fields a, b.
    private func assignedTo(_ code: Hygiene.Code, _ s: Hygiene.JSStructure, exprStart: Int) -> (String?, [(name: String, offset: Int)])? {
        let b = code.bytes
        guard var p = code.prevToken(exprStart) else { return nil }
        // Step out of `await` and wrapping calls: `x = schema.parse(await request.json())`.
        for _ in 0..<4 {
            if ByteClass.isIdentifier(b[p]), let w = code.identifier(endingAt: p + 1), code.text(w) == "await", let q = code.prevToken(w.lowerBound) { p = q; continue }
            if b[p] == 0x28, let callee = Hygiene.callee(code, callOpen: p), let q = code.prevToken(callee.start) { p = q; continue }
            break
        }
        guard b[p] == 0x3D, p > 0, b[p - 1] != 0x3D, b[p - 1] != 0x21, b[p - 1] != 0x3C, b[p - 1] != 0x3E,
              let q = code.prevToken(p) else { return nil }
        if b[q] == 0x7D, let blk = s.blocks.first(where: { $0.close == q }) {
            return (nil, destructured(code, blk.open..<(q + 1)))
        }
        if ByteClass.isIdentifier(b[q]), let w = code.identifier(endingAt: q + 1) { return (code.text(w), []) }
        return nil
    }

    /// Keys of a destructuring pattern `{ a, b: c, d = 1, ...rest }` (nested patterns: their keys too).
    private func destructured(_ code: Hygiene.Code, _ pattern: Range<Int>) -> [(name: String, offset: Int)] {
        let b = code.bytes
        var out: [(String, Int)] = []
        var i = pattern.lowerBound
        var expectKey = true
        while i < pattern.upperBound {
            guard code.isCode(i) else { i += 1; continue }
            let c = b[i]
            if c == 0x7B || c == 0x2C || c == 0x28 { expectKey = true; i += 1; continue }
            if c == 0x3A || c == 0x3D { expectKey = false; i += 1; continue }
            if expectKey, ByteClass.isIdentifier(c), !(i >= 3 && b[i - 1] == 0x2E) {
                let w = code.identifier(startingAt: i)
                out.append((code.text(w), i))
                expectKey = false
                i = w.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    /// Money-like keys of `z.object({...})`/schema objects declared in the file.
    private func schemaMoneyKeys(_ code: Hygiene.Code, _ file: ScannedFile) -> [(name: String, offset: Int)] {
        var out: [(String, Int)] = []
        let b = file.bytes
        for o in code.allCode("z.object(", in: 0..<b.count) {
            guard let brace = code.nextToken(o + 9), b[brace] == 0x7B else { continue }
            var depth = 0, i = brace
            var keyStart: Int?
            while i < b.count {
                if code.isCode(i) {
                    let c = b[i]
                    if c == 0x7B || c == 0x28 || c == 0x5B { depth += 1; if depth == 1 { keyStart = i + 1 } }
                    else if c == 0x7D || c == 0x29 || c == 0x5D { depth -= 1; if depth == 0 { break } }
                    else if c == 0x2C && depth == 1 { keyStart = i + 1 }
                    else if c == 0x3A && depth == 1, let ks = keyStart, let n = code.nextToken(ks), n < i {
                        let name = file.string(n..<i).trimmingCharacters(in: CharacterSet(charactersIn: " \"'\n\t"))
                        if Self.isMoneyField(name) { out.append((name, n)) }
                        keyStart = nil
                    }
                }
                i += 1
            }
        }
        return out
    }

    private static let writeMethods: Set<String> = ["update", "insert", "create", "upsert", "save", "assign", "findByIdAndUpdate", "updateOne", "updateMany",
                                                    "insertOne", "insertMany", "set", "findOneAndUpdate", "build", "merge", "push"]

    /// Offset of the first raw-input spread or argument inside a write call.
    private func massAssignment(_ code: Hygiene.Code, _ s: Hygiene.JSStructure, in body: Range<Int>, bases: [String]) -> Int? {
        let b = code.bytes
        for base in Set(bases) {
            for o in code.allCode(base, in: body, wordStart: true, wordEnd: !base.contains(".")) {
                let after = o + base.utf8.count
                if let n = code.nextToken(after), b[n] == 0x2E || b[n] == 0x5B || b[n] == 0x28 || b[n] == 0x3F { continue }
                guard let p = code.prevToken(o) else { continue }
                let spread = b[p] == 0x2E && p >= 2 && b[p - 1] == 0x2E && b[p - 2] == 0x2E
                guard spread || b[p] == 0x28 || b[p] == 0x2C || b[p] == 0x3A else { continue }
                // The innermost call around it.
                var call: Int?
                for (open, close) in s.parens where open < o && close > o {
                    if call == nil || open > call! { call = open }
                }
                guard let c = call, let callee = Hygiene.callee(code, callOpen: c) else { continue }
                let method = String(callee.text.split(separator: ".").last ?? "")
                if Self.writeMethods.contains(method) || callee.text.hasPrefix("new ") {
                    return spread ? p - 2 : (callee.text == "Object.assign" ? callee.start : o)
                }
            }
        }
        return nil
    }

    // MARK: Python

    private static let pyInputs = ["request.json", "request.get_json(", "request.form", "request.args", "request.values", "request.data", "request.POST",
                                   "request.GET", "request.body", "request.query_params"]
    private static let pyValidation = ["basemodel", "model_validate", "parse_obj", "schema", ".load(", "validate", "is_valid(", "validate_on_submit",
                                       "jsonschema", "abort(400", "abort(422", ", 400", "status=400", "status_code=400", "422", "badrequest", "form("]
    private static let fastAPIPlain: Set<String> = ["Request", "Response", "dict", "Dict", "Any", "BackgroundTasks", "UploadFile", "Session", "AsyncSession",
                                                     "HTTPConnection", "WebSocket", "str", "int", "float", "bool", "list", "List"]

    private func python(_ file: ScannedFile, _ facts: inout FileFacts) {
        let d = descriptor
        let name = file.path.split(separator: "/").last.map(String.init) ?? ""
        for def in Hygiene.pythonDefs(file) {
            let isRoute = def.decorators.contains { dec in
                [".route(", ".get(", ".post(", ".put(", ".patch(", ".delete(", ".api_route("].contains { dec.contains($0) }
            }
            let djangoView = (name == "views.py" || file.path.contains("/views/")) && def.params.hasPrefix("request")
            guard isRoute || djangoView else { continue }
            let body = file.string(def.body)
            let lower = Self.codeText(file, def.body)
            var firstInput: Int?
            for lit in Self.pyInputs {
                if let r = body.range(of: lit) {
                    let off = def.body.lowerBound + body.utf8.distance(from: body.utf8.startIndex, to: r.lowerBound.samePosition(in: body.utf8) ?? body.utf8.startIndex)
                    if firstInput == nil || off < firstInput! { firstInput = off }
                }
            }
            // FastAPI bodies: parameters typed dict/Any are unvalidated; model-typed ones are validated.
            var modelTyped = false
            var untypedBody = false
            if def.decorators.contains(where: { $0.contains(".post(") || $0.contains(".put(") || $0.contains(".patch(") }) {
                for p in def.params.split(separator: ",") {
                    let parts = p.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    let type = parts[1].split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    let base = String(type.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    if base.isEmpty || type.contains("Depends") { continue }
                    if Self.fastAPIPlain.contains(base) {
                        if base == "dict" || base == "Dict" || base == "Any" { untypedBody = true }
                    } else if base.first?.isUppercase == true {
                        modelTyped = true
                    }
                }
            }
            guard firstInput != nil || untypedBody || modelTyped else { continue }
            let validated = modelTyped && firstInput == nil || Self.pyValidation.contains { lower.contains($0) }
            facts.handlers.append(Handler(offset: firstInput ?? def.offset, validated: validated))

            let gated = def.decorators.contains { $0.lowercased().contains("admin") || $0.lowercased().contains("role") || $0.lowercased().contains("permission") }
                || Self.gateInBody.contains { lower.contains($0) }
            guard !gated else { continue }
            let money = Self.moneyContext.contains { lower.contains($0) }
            let writes = Self.writeSinks.contains { lower.contains($0) } || lower.contains("(**")
            var reported = Set<String>()
            for key in pythonKeys(body) where !reported.contains(key.name) {
                let off = def.body.lowerBound + key.offset
                if money && Self.isMoneyField(key.name) {
                    reported.insert(key.name)
                    facts.findings.append(Finding.at(d, rule: "client-price", file: file, offset: off, severity: .high,
                        message: "`\(key.name)` comes from the client request in a payment/order view: anyone can edit the request and pay what they like. Look prices up on the server and compute totals there."))
                } else if writes && Self.isRoleField(key.name) {
                    reported.insert(key.name)
                    facts.findings.append(Finding.at(d, rule: "client-role", file: file, offset: off, severity: .high,
                        message: "`\(key.name)` comes from the client request and is stored: any user can grant themselves elevated rights. Assign roles on the server."))
                }
            }
            if !validated, let r = body.range(of: "(**request.") ?? body.range(of: "(**data") ?? body.range(of: "(**payload") ?? body.range(of: "(**body") {
                let off = def.body.lowerBound + body.utf8.distance(from: body.utf8.startIndex, to: r.lowerBound.samePosition(in: body.utf8) ?? body.utf8.startIndex)
                facts.findings.append(Finding.at(d, rule: "mass-assignment", file: file, offset: off, severity: .high,
                    message: "The raw request data is unpacked into a model: the client can set any column, including owner ids, price or role. Pick the allowed fields from a validated schema."))
            } else if !validated, let rel = Self.setattrLoop(body) {
                facts.findings.append(Finding.at(d, rule: "mass-assignment", file: file, offset: def.body.lowerBound + rel, severity: .high,
                    message: "Every key of the raw request data is copied onto a model with setattr: the client can set any column, including owner ids, price or role. Copy an explicit list of fields from a validated schema."))
            }
        }
    }

    /// `for k, v in data.items(): setattr(obj, k, v)` over request data (`request.json`, or a name
    /// bound to `request.…` in the body): byte offset of the `setattr(` in `body`.
    static func setattrLoop(_ body: String) -> Int? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var sources = ["request.json", "request.get_json()", "request.form", "request.values", "request.args"]
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard let eq = t.range(of: " = "), t[eq.upperBound...].hasPrefix("request.") else { continue }
            let name = t[..<eq.lowerBound]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { sources.append(String(name)) }
        }
        var offset = 0
        var loopIndent: Int?
        for line in lines {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let t = line.trimmingCharacters(in: .whitespaces)
            if let li = loopIndent, !t.isEmpty, !t.hasPrefix("#"), indent <= li { loopIndent = nil }
            if t.hasPrefix("for "), t.hasSuffix(":"), sources.contains(where: { t.contains(" in \($0).items()") }) {
                loopIndent = indent
            } else if loopIndent != nil, !t.hasPrefix("#"), let r = line.range(of: "setattr(") {
                return offset + line.utf8.distance(from: line.startIndex, to: r.lowerBound)
            }
            offset += line.utf8.count + 1
        }
        return nil
    }

    /// `x["key"]`, `x['key']`, `.get("key"` occurrences in a Python body, with byte offsets.
    private func pythonKeys(_ body: String) -> [(name: String, offset: Int)] {
        var out: [(String, Int)] = []
        let bytes = Array(body.utf8)
        var i = 0
        while i + 2 < bytes.count {
            var start: Int?
            if bytes[i] == 0x5B, bytes[i + 1] == 0x22 || bytes[i + 1] == 0x27 { start = i + 2 }
            else if i + 6 < bytes.count, bytes[i] == 0x2E, String(decoding: bytes[i..<(i + 5)], as: UTF8.self) == ".get(", bytes[i + 5] == 0x22 || bytes[i + 5] == 0x27 { start = i + 6 }
            if let s = start {
                var e = s
                while e < bytes.count, ByteClass.isIdentifier(bytes[e]) { e += 1 }
                if e < bytes.count, bytes[e] == 0x22 || bytes[e] == 0x27, e > s {
                    out.append((String(decoding: bytes[s..<e], as: UTF8.self), s))
                }
                i = e
                continue
            }
            i += 1
        }
        return out
    }
}
