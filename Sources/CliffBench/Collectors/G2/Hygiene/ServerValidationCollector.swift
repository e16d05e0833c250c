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
            CollectorExample("server/routes.ts", """
                app.post("/api/import", isAuthenticated, (req: any, res) => {
                  const { repoUrl } = ↓req.body;
                  exec(`git clone --depth 1 ${repoUrl} /tmp/import`, (err) => {
                    if (err) return res.status(400).json({ message: "Clone failed" });
                    res.json({ ok: true });
                  });
                });
                """, note: "a 400 answered when the clone fails checks nothing about repoUrl"),
            CollectorExample("app/api/invites/route.ts", """
                export async function POST(request: Request) {
                  const session = await auth();
                  if (!session) return Response.json({ error: "sign in" }, { status: 400 });
                  const body = await ↓request.json();
                  await db.invite.create({ data: { email: body.email, teamId: body.teamId } });
                  return Response.json({ ok: true });
                }
                """, note: "the only 400 is about the session, not the body"),
            CollectorExample("server/routes/tasks.js", """
                router.delete("/:id", auth, async (req, res) => {
                  await Task.destroy({ where: { id: Number(↓req.params.id), userId: req.user.id } });
                  res.status(204).end();
                });
                """, note: "Number() alone lets NaN through to the query"),
        ],
        nonTriggering: [
            CollectorExample("app/api/menu/items/route.ts", """
                import { NextRequest, NextResponse } from 'next/server'
                import { z } from 'zod'
                const Item = z.object({ name: z.string().min(1), price: z.number().min(0) })
                export async function POST(request: NextRequest) {
                  const item = Item.parse(await request.json())
                  const { data } = await db.from('menu_items').insert({ ...item, display_order: 0 }).select().single()
                  const { data: all } = await db.from('menu_items').select('*').order('display_order')
                  return NextResponse.json({ item: data, count: all?.length })
                }
                """, note: "a catalogue price set through a validated schema; `display_order` and `.order(` sort rows, they are not a purchase"),
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
            CollectorExample("server/routes.ts", """
                app.post("/api/export", isAuthenticated, (req: any, res) => {
                  const name = String(req.body.name ?? "tasks").replace(/[^a-z0-9-]/gi, "");
                  execFile("zip", ["-r", `/tmp/${name}.zip`, "/tmp/export"], (err) => {
                    if (err) return res.status(500).json({ message: "Export failed" });
                    res.download(`/tmp/${name}.zip`);
                  });
                });
                app.get("/api/search", isAuthenticated, async (req: any, res) => {
                  const q = String(req.query.q ?? "").toLowerCase();
                  res.json((await storage.getTasks(req.user.id)).filter((t) => t.title.toLowerCase().includes(q)));
                });
                """, note: "coerced to a string with a default, stripped to an allow-list"),
            CollectorExample("server/routes/projects.js", """
                router.get("/:slug", async (req, res) => {
                  const { slug } = req.params;
                  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return res.status(400).json({ error: "bad slug" });
                  const limit = Number(req.query.limit ?? 20);
                  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return res.status(400).json({ error: "bad limit" });
                  res.json(await Project.findAll({ where: { slug }, limit }));
                });
                """, note: "an allow-list regex and a range check on the inputs used"),
            CollectorExample("server/routes/tasks.ts", """
                app.patch("/api/tasks/:id", isAuthenticated, async (req: any, res) => {
                  const task = await storage.getTask(Number(req.params.id));
                  if (!task || task.userId !== req.user.id) return res.status(404).json({ message: "Not found" });
                  const patch = updateTaskSchema.parse(req.body);
                  res.json(await storage.updateTask(task.id, patch));
                });
                """, note: "the id selects a record checked for existence; the body goes through a schema"),
        ])

    /// One handler that reads request input.
    struct Handler: Sendable {
        var offset: Int
        var validated: Bool
        /// The first input used without a check (for the message).
        var rawInput = ""
        var rawLine = 0
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
                    let which = h.rawInput.isEmpty ? "request input" : "request input (`\(h.rawInput)`\(h.rawLine > 0 ? ", line \(h.rawLine)" : ""))"
                    findings.append(Finding.at(d, rule: "unvalidated-input", file: file, offset: h.offset,
                        message: "This handler uses \(which) without validating it: wrong types, missing fields or oversized values reach the database and business logic (500s, corrupt rows, injection). A 400 answered on some other failure is no check of the input. Parse it with a schema (zod safeParse, joi, pydantic) or check that value, and answer 400 on failure."))
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
    /// Sorting is not ordering goods: `display_order`, `.order('created_at')`, `ORDER BY` say nothing about payment.
    private static let sortingWords = ["display_order", "displayorder", "sort_order", "sortorder", "order_index", "orderindex", "position_order",
                                       ".order(", "order by", "orderby", "order_by", "reorder"]
    private static func isMoneyContext(_ lower: String) -> Bool {
        var text = lower
        for w in sortingWords where text.contains(w) { text = text.replacingOccurrences(of: w, with: " ") }
        return moneyContext.contains { text.contains($0) }
    }
    private static let gateInArgs = ["admin", "role", "authorize", "permission", "staff", "owner"]
    private static let gateInBody = ["req.user.role", "user.role ===", "user.role !==", "user?.role", "role === 'admin'", "role === \"admin\"", "hasrole(", "requirerole(",
                                     "checkrole(", "isadmin(", "requireadmin", "verifyadmin", "ensureadmin", "checkadmin", "assertadmin", "authorize(", "current_user.is_admin", "is_superuser", "admin_required", "@admin"]
    /// Validation in a route's middleware arguments covers every input of the handler.
    private static let jsMiddlewareValidation = ["validat", "celebrate(", "zvalidator(", "checkschema(", "body(", "param(", "query(", "schema"]
    /// express-validator results read in the handler: the checks were declared on the route.
    private static let jsHandlerWideValidation = ["validationresult(", "matcheddata("]

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
        var parenList: [(Int, Int)]?
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
            let middleArgs = blk.callOpen.map { Self.codeText(file, $0..<blk.headerStart, removing: Self.nonValidatingParses) } ?? ""
            let wholeHandler = Self.jsMiddlewareValidation.contains { middleArgs.contains($0) } || Self.jsHandlerWideValidation.contains { lower.contains($0) }
            var raw: (offset: Int, name: String)?
            if !wholeHandler {
                if parenList == nil { parenList = s.parens.filter { b[$0.key] == 0x28 }.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 } }
                let checks = InputChecks(code, s, blk, parens: parenList!)
                let realHits = g.hits.contains { $0.literal != "params" }
                for h in g.hits {
                    if h.literal == "params" {
                        // A server action's own arguments: judged through the form reads when it has them.
                        if realHits { continue }
                        let names = blk.params.map { paramNames(code, $0) } ?? []
                        if !names.contains(where: { !$0.isEmpty && checks.checks(variable: $0) }) { raw = (h.offset, names.first ?? "the arguments"); break }
                        continue
                    }
                    if let name = checks.unvalidated(hit: h.offset, literal: h.literal) { raw = (h.offset, name); break }
                }
            }
            let isValidated = wholeHandler || raw == nil
            facts.handlers.append(Handler(offset: g.hits[0].offset, validated: isValidated, rawInput: raw?.name ?? "", rawLine: raw.map { file.location(of: $0.offset).line } ?? 0))

            let argsText = blk.callOpen.map { file.string($0..<blk.headerStart).lowercased() } ?? ""
            let bodyLower = Self.codeText(file, blk.body)
            let gated = Self.gateInArgs.contains { argsText.contains($0) } || Self.gateInBody.contains { bodyLower.contains($0) }
            let money = Self.isMoneyContext(lower)
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
        for _ in 0..<6 {
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
            let money = Self.isMoneyContext(lower)
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

/// The checks one JS/TS handler applies to its inputs: conditions of guard clauses (an `if` whose branch
/// returns, throws or answers 4xx) and the arguments of validating calls (schema `parse`/`safeParse`/
/// `validate`, a `validate…` helper, a regex `.test`, a `Math.min`/`Math.max` clamp). An input counts as
/// validated only when such a check reads it: the value itself, the variable it was bound to, the same
/// `req.body.field`, or (for path and query parameters) the record looked up with it.
struct InputChecks {
    let code: Hygiene.Code
    let s: Hygiene.JSStructure
    let body: Range<Int>
    /// Ranges whose reads count as checks.
    var checked: [Range<Int>] = []
    /// Byte ranges of `req.body.x`-style reads that sit in a check.
    var checkedReads: [Range<Int>] = []

    init(_ code: Hygiene.Code, _ s: Hygiene.JSStructure, _ blk: Hygiene.JSBlock, parens: [(Int, Int)]) {
        self.code = code
        self.s = s
        body = blk.body
        let b = code.bytes
        // Validating calls.
        var lo = 0, hi = parens.count
        while lo < hi { let m = (lo + hi) >> 1; if parens[m].0 < body.lowerBound { lo = m + 1 } else { hi = m } }
        var k = lo
        while k < parens.count, parens[k].0 < body.upperBound {
            let (open, close) = parens[k]
            k += 1
            if close > open + 1, Self.isValidatingCall(code, open: open) { checked.append((open + 1)..<close) }
        }
        // Guard clauses.
        for o in code.allCode("if", in: body, wordStart: true, wordEnd: true) {
            guard let open = code.nextToken(o + 2), b[open] == 0x28, let close = s.parens[open], close < body.upperBound,
                  let t = code.nextToken(close + 1) else { continue }
            var branch = t..<min(body.upperBound, t + 240)
            if b[t] == 0x7B, let end = Self.blockClose(s, open: t) {
                branch = t..<end
            } else {
                var e = t
                while e < branch.upperBound, b[e] != 0x0A, !(b[e] == 0x3B && code.isCode(e)) { e += 1 }
                branch = t..<e
            }
            if Self.exits(code, branch) { checked.append((open + 1)..<close) }
        }
    }

    private static func blockClose(_ s: Hygiene.JSStructure, open: Int) -> Int? {
        var lo = 0, hi = s.blocks.count
        while lo < hi { let m = (lo + hi) >> 1; if s.blocks[m].open < open { lo = m + 1 } else { hi = m } }
        return lo < s.blocks.count && s.blocks[lo].open == open ? s.blocks[lo].close : nil
    }

    private static let exitWords = ["return", "throw", "status(4", "sendStatus(4", "status: 4", "next(", "notFound(", "redirect(", "error(4", "abort("]

    private static func exits(_ code: Hygiene.Code, _ r: Range<Int>) -> Bool {
        exitWords.contains { code.firstCode($0, in: r, wordStart: $0.first!.isLetter) != nil }
    }

    private static let validatingNames: [[UInt8]] = ["parse", "safeparse", "parseasync", "safeparseasync", "validate", "validatesync", "validateasync",
                                                     "validateorreject", "assert", "is", "check", "cast", "decode", "plaintoinstance", "plaintoclass",
                                                     "test", "min", "max", "isvalid", "isemail", "isuuid", "isurl", "isint", "isnumeric"].map { Array($0.utf8) }
    private static let notSchemas: [[UInt8]] = ["json", "url", "path", "date", "qs", "cookie", "querystring", "number", "dayjs", "moment", "yaml", "toml", "csv", "papa", "marked"].map { Array($0.utf8) }
    private static let validat = Array("validat".utf8)

    /// Whether the call whose `(` is at `open` validates its arguments. Byte comparisons only.
    static func isValidatingCall(_ code: Hygiene.Code, open: Int) -> Bool {
        let b = code.bytes
        guard let p = code.prevToken(open), ByteClass.isIdentifier(b[p]), let name = code.identifier(endingAt: p + 1) else { return false }
        let receiver: Range<Int>? = {
            guard let d = code.prevToken(name.lowerBound), b[d] == 0x2E, let q = code.prevToken(d), ByteClass.isIdentifier(b[q]) else { return nil }
            return code.identifier(endingAt: q + 1)
        }()
        // Webhook signature checks (`stripe.webhooks.constructEvent(body, sig, secret)`, `wh.verify(payload, headers)`).
        if contains(b, name, Array("constructevent".utf8)) || contains(b, name, Array("verif".utf8)) { return true }
        if contains(b, name, validat) {
            // revalidatePath, invalidateQueries: cache calls, not checks.
            return !(name.lowerBound + 2 <= name.upperBound && (lowerEquals(b, name.lowerBound..<(name.lowerBound + 2), Array("re".utf8)) || lowerEquals(b, name.lowerBound..<(name.lowerBound + 2), Array("in".utf8))))
        }
        guard validatingNames.contains(where: { lowerEquals(b, name, $0) }) else { return false }
        let n = name.count
        if n == 3 {
            // Math.min / Math.max clamp a number; array.min() does not check anything.
            return receiver.map { lowerEquals(b, $0, Array("math".utf8)) } ?? false
        }
        if n == 4 && lowerEquals(b, name, Array("test".utf8)) {
            // A regex literal or a named pattern: `/^[a-z0-9-]+$/.test(slug)`, `SLUG_RE.test(slug)`.
            guard let d = code.prevToken(name.lowerBound), b[d] == 0x2E, let q = code.prevToken(d) else { return false }
            return code.region(containing: q)?.kind == .regex || receiver != nil
        }
        if let r = receiver, notSchemas.contains(where: { lowerEquals(b, r, $0) }) { return false }
        return true
    }

    static func lowerEquals(_ b: [UInt8], _ r: Range<Int>, _ w: [UInt8]) -> Bool {
        guard r.count == w.count else { return false }
        for k in 0..<w.count where ByteClass.lower(b[r.lowerBound + k]) != w[k] { return false }
        return true
    }

    static func contains(_ b: [UInt8], _ r: Range<Int>, _ w: [UInt8]) -> Bool {
        guard r.count >= w.count else { return false }
        var i = r.lowerBound
        while i + w.count <= r.upperBound {
            var k = 0
            while k < w.count && ByteClass.lower(b[i + k]) == w[k] { k += 1 }
            if k == w.count { return true }
            i += 1
        }
        return false
    }

    func inCheck(_ offset: Int) -> Bool { checked.contains { $0.contains(offset) } }

    /// Whether a check reads `name` as a whole identifier (not as a member of something else), or the
    /// value is coerced and then checked or stripped to an allow-list (`const n = Number(limit)` then
    /// `if (n > 100) return …`; `String(name ?? "x").replace(/[^a-z0-9-]/g, "")`).
    func checks(variable name: String, depth: Int = 1) -> Bool {
        let b = code.bytes
        for o in code.allCode(name, in: body, wordStart: true, wordEnd: true) {
            if o > 0, b[o - 1] == 0x2E { continue }
            if inCheck(o) { return true }
            if depth > 0, let w = derivedName(o), w != name, checks(variable: w, depth: depth - 1) { return true }
            guard let q = code.prevToken(o), b[q] == 0x28, let close = s.parens[q],
                  let w = code.prevToken(q).flatMap({ ByteClass.isIdentifier(b[$0]) ? code.identifier(endingAt: $0 + 1) : nil }),
                  Self.coercions.contains(where: { Self.lowerEquals(b, w, $0) }) else { continue }
            if Self.lowerEquals(b, w, Array("string".utf8)), code.firstCode("??", in: o..<close) != nil || code.firstCode("||", in: o..<close) != nil { return true }
            if allowListStrip(after: close) { return true }
            if depth > 0, let eq = code.prevToken(Hygiene.callee(code, callOpen: q)?.start ?? w.lowerBound), b[eq] == 0x3D,
               let v = code.prevToken(eq), ByteClass.isIdentifier(b[v]), let vn = code.identifier(endingAt: v + 1),
               checks(variable: code.text(vn), depth: depth - 1) { return true }
        }
        return false
    }

    private static let groupingWords: [[UInt8]] = ["await", "return", "typeof", "void", "yield"].map { Array($0.utf8) }
    private static let coercions: [[UInt8]] = ["string", "number", "parseint", "parsefloat", "boolean", "bigint", "decodeuricomponent"].map { Array($0.utf8) }

    /// nil when the input read at `hit` is validated; otherwise a short name for it.
    func unvalidated(hit: Int, literal: String, nested: Int = 0) -> String? {
        let b = code.bytes
        if inCheck(hit) || notAUse(hit) { return nil }
        var end = hit + literal.utf8.count
        if literal.hasSuffix("("), let close = s.parens[end - 1] { end = close + 1 }
        // `req.body = …` writes the input; it reads nothing.
        if let t = code.nextToken(end), b[t] == 0x3D, t + 1 >= b.count || (b[t + 1] != 0x3D && b[t + 1] != 0x3E) { return nil }
        // The whole object parsed by a schema somewhere in the handler: `schema.parseAsync(req.body)`.
        if !literal.hasSuffix("("), wholeObjectChecked(literal) { return nil }
        // `req.body.field` / `req.query["q"]`.
        var member: Range<Int>?
        if let t = code.nextToken(end), b[t] == 0x2E || b[t] == 0x3F || b[t] == 0x5B {
            var i = t
            if b[i] == 0x3F, i + 1 < b.count, b[i + 1] == 0x2E { i += 1 }
            if b[i] == 0x2E, let n = code.nextToken(i + 1), ByteClass.isIdentifier(b[n]) { member = code.identifier(startingAt: n) }
            else if b[i] == 0x5B, let q = code.nextToken(i + 1), let r = code.region(containing: q), r.kind == .string, let c = code.nextToken(Int(r.end)), b[c] == 0x5D {
                member = (Int(r.start) + 1)..<(Int(r.end) - 1)
            }
            if let m = member { end = b[m.upperBound] == 0x5D || b[m.upperBound] == 0x27 || b[m.upperBound] == 0x22 ? m.upperBound + 1 : m.upperBound }
        }
        let shown = code.text(hit..<min(end, hit + 60))
        if let m = member, sameReadChecked(literal: literal, member: m) { return nil }
        if let m = member, nested == 0, literal.contains("param") || literal.contains("query") {
            // The same id validated at another read (looked up and checked there).
            let n = literal.utf8.count
            for o in code.allCode(literal, in: body, wordStart: true) where o != hit {
                guard let t = code.nextToken(o + n), b[t] == 0x2E, let mm = code.nextToken(t + 1), mm + m.count <= b.count,
                      b[mm..<(mm + m.count)].elementsEqual(b[m]), mm + m.count >= b.count || !ByteClass.isIdentifier(b[mm + m.count]) else { continue }
                if unvalidated(hit: o, literal: literal, nested: 1) == nil { return nil }
            }
        }

        // Step out of wrappers towards the binding: `const q = String(req.query.q ?? "").trim()`.
        let isKey = literal.contains("param") || literal.contains("query") || literal == "ctx.params"
        var p = code.prevToken(hit)
        var throughLookup = false
        var vars: [String] = []
        for _ in 0..<4 {
            guard let q = p else { break }
            if ByteClass.isIdentifier(b[q]), let w = code.identifier(endingAt: q + 1), code.text(w) == "await" { p = code.prevToken(w.lowerBound); continue }
            if b[q] == 0x3F || b[q] == 0x7C, q > 0, b[q - 1] == b[q] { p = code.prevToken(q - 1); continue }
            guard b[q] == 0x28, let close = s.parens[q] else { break }
            guard let name = code.prevToken(q).flatMap({ ByteClass.isIdentifier(b[$0]) ? code.identifier(endingAt: $0 + 1) : nil }),
                  !Self.groupingWords.contains(where: { Self.lowerEquals(b, name, $0) }) else {
                // A grouping paren: `const input = (await req.json()) as Input`.
                p = code.prevToken(q)
                continue
            }
            if Self.coercions.contains(where: { Self.lowerEquals(b, name, $0) }) {
                // String(x ?? "default"): a string whatever the client sends; an allow-list strip after it.
                if Self.lowerEquals(b, name, Array("string".utf8)), code.firstCode("??", in: hit..<close) != nil || code.firstCode("||", in: hit..<close) != nil { return nil }
                if allowListStrip(after: close) { return nil }
            } else {
                throughLookup = true
            }
            let start = Hygiene.callee(code, callOpen: q)?.start ?? name.lowerBound
            p = code.prevToken(start)
        }
        if let q = p, b[q] == 0x3D, q > 0, b[q - 1] != 0x3D, b[q - 1] != 0x21, b[q - 1] != 0x3C, b[q - 1] != 0x3E, let v = code.prevToken(q) {
            if b[v] == 0x7D, let blk = s.blocks.first(where: { $0.close == v }) {
                vars = destructuredNames(blk.open..<(v + 1))
            } else if ByteClass.isIdentifier(b[v]), let w = code.identifier(endingAt: v + 1) {
                vars = [code.text(w)]
                if !throughLookup && allowListStrip(after: end) { return nil }
            }
        }
        // A body bound through a lookup call is not checked by checking the call's result.
        if throughLookup && !isKey { return shown }
        for v in vars {
            if checks(variable: v) { return nil }
            if isKey && !throughLookup && lookupChecked(v) { return nil }
            if !throughLookup {
                if checkedRead(literal: literal, name: v) { return nil }
                // `const data = await req.json(); const { title } = data` → check on `title`.
                for o in code.allCode(v, in: body, wordStart: true, wordEnd: true) {
                    guard let eq = code.prevToken(o), b[eq] == 0x3D, let pv = code.prevToken(eq), b[pv] == 0x7D,
                          let blk = s.blocks.first(where: { $0.close == pv }) else { continue }
                    if destructuredNames(blk.open..<(pv + 1)).contains(where: { checks(variable: $0) }) { return nil }
                }
            }
        }
        return vars.count == 1 && !throughLookup ? vars[0] : shown
    }

    /// `w` when the read at `offset` sits on the right of `const w = …` on the same line (`const keyValue = key || accessKey`).
    private func derivedName(_ offset: Int) -> String? {
        let b = code.bytes
        var i = offset - 1
        var depth = 0
        while i > body.lowerBound, b[i] != 0x0A, b[i] != 0x3B {
            if code.isCode(i) {
                let c = b[i]
                if c == 0x29 || c == 0x5D || c == 0x7D { depth += 1 }
                else if c == 0x28 || c == 0x5B || c == 0x7B { if depth == 0 { return nil }; depth -= 1 }
                else if c == 0x3D, depth == 0, b[i + 1] != 0x3D, b[i + 1] != 0x3E, b[i - 1] != 0x3D, b[i - 1] != 0x21, b[i - 1] != 0x3C, b[i - 1] != 0x3E {
                    guard let v = code.prevToken(i), ByteClass.isIdentifier(b[v]), let w = code.identifier(endingAt: v + 1),
                          let k = code.prevToken(w.lowerBound), ByteClass.isIdentifier(b[k]), let kw = code.identifier(endingAt: k + 1),
                          ["const", "let", "var"].contains(code.text(kw)) else { return nil }
                    return code.text(w)
                }
            }
            i -= 1
        }
        return nil
    }

    /// Reads that only report the input: inside a `catch` block or a logging call's arguments.
    private func notAUse(_ offset: Int) -> Bool {
        let b = code.bytes
        for blk in s.blocks where blk.open < offset && offset < blk.close && blk.open > body.lowerBound && blk.kind == .control && blk.keyword == "catch" {
            return true
        }
        var q = offset
        for _ in 0..<6 {
            // The innermost unclosed `(` before `q`, within the handler.
            var depth = 0, i = q - 1, open: Int?
            while i > body.lowerBound && q - i < 400 {
                if code.isCode(i) {
                    if b[i] == 0x29 || b[i] == 0x5D || b[i] == 0x7D { depth += 1 }
                    else if b[i] == 0x28 || b[i] == 0x5B || b[i] == 0x7B { if depth == 0 { if b[i] == 0x28 { open = i; break } } else { depth -= 1 } }
                }
                i -= 1
            }
            guard let o = open, let p = code.prevToken(o), ByteClass.isIdentifier(b[p]), let name = code.identifier(endingAt: p + 1) else { return false }
            if Self.isLogCall(code, name) { return true }
            q = o
        }
        return false
    }

    private static let logLevels: [[UInt8]] = ["log", "warn", "error", "info", "debug", "trace"].map { Array($0.utf8) }
    private static let logReceivers: [[UInt8]] = ["console", "logger", "log", "pino", "winston"].map { Array($0.utf8) }

    /// `console.error(…)`, `logger.warn(…)`, `logError(…)`, `log_event(…)`; not `login(…)` or `getCatalog(…)`.
    static func isLogCall(_ code: Hygiene.Code, _ name: Range<Int>) -> Bool {
        let b = code.bytes
        if name.count > 3, lowerEquals(b, name.lowerBound..<(name.lowerBound + 3), Array("log".utf8)) {
            let c = b[name.lowerBound + 3]
            if c &- 0x41 < 26 || c == 0x5F { return true }
        }
        if lowerEquals(b, name, Array("log".utf8)) { return true }
        guard logLevels.contains(where: { lowerEquals(b, name, $0) }), let d = code.prevToken(name.lowerBound), b[d] == 0x2E,
              let q = code.prevToken(d), ByteClass.isIdentifier(b[q]), let r = code.identifier(endingAt: q + 1) else { return false }
        return logReceivers.contains { lowerEquals(b, r, $0) }
    }

    /// Whether `literal` itself (no member after it) is an argument of a validating call in the handler.
    private func wholeObjectChecked(_ literal: String) -> Bool {
        let b = code.bytes
        let n = literal.utf8.count
        for o in code.allCode(literal, in: body, wordStart: true) where inCheck(o) {
            guard let t = code.nextToken(o + n) else { continue }
            if b[t] == 0x2E || b[t] == 0x5B || b[t] == 0x3F || ByteClass.isIdentifier(b[o + n]) { continue }
            return true
        }
        return false
    }

    /// A path or query id passed to a lookup whose result is checked: `const t = await storage.getTicket(ticketId); if (!t) return 404`.
    private func lookupChecked(_ name: String) -> Bool {
        let b = code.bytes
        for o in code.allCode(name, in: body, wordStart: true, wordEnd: true) {
            guard o == 0 || b[o - 1] != 0x2E, let q = code.prevToken(o), b[q] == 0x28 || b[q] == 0x2C else { continue }
            var open = q
            if b[q] == 0x2C {
                var depth = 0, i = q - 1
                var found: Int?
                while i > body.lowerBound && q - i < 300 {
                    if code.isCode(i) {
                        if b[i] == 0x29 || b[i] == 0x5D || b[i] == 0x7D { depth += 1 }
                        else if b[i] == 0x28 || b[i] == 0x5B || b[i] == 0x7B { if depth == 0 { if b[i] == 0x28 { found = i }; break } else { depth -= 1 } }
                    }
                    i -= 1
                }
                guard let f = found else { continue }
                open = f
            }
            // Back over the call chain (`await supabase.from("t").select().eq("id", id)`) to the statement's `=`.
            var i = open - 1, depth = 0
            var p: Int?
            while i > body.lowerBound {
                if code.isCode(i) {
                    let c = b[i]
                    if c == 0x29 || c == 0x5D { depth += 1 }
                    else if c == 0x28 || c == 0x5B { if depth == 0 { break }; depth -= 1 }
                    else if depth == 0 && (c == 0x3B || c == 0x7B || c == 0x7D || c == 0x2C) { break }
                    else if depth == 0 && c == 0x3D {
                        if b[i - 1] != 0x3D && b[i - 1] != 0x21 && b[i - 1] != 0x3C && b[i - 1] != 0x3E && b[i + 1] != 0x3D && b[i + 1] != 0x3E { p = i }
                        break
                    }
                }
                i -= 1
            }
            guard let p, let v = code.prevToken(p) else { continue }
            var vars: [String] = []
            if b[v] == 0x5D || b[v] == 0x7D {
                // `const [row] = await db.select()…` / `const { data } = await supabase…`
                var i = v - 1
                while i > body.lowerBound, b[i] != 0x5B, b[i] != 0x7B { i -= 1 }
                var k = i + 1
                while k < v {
                    if ByteClass.isIdentifier(b[k]) { let w = code.identifier(startingAt: k); vars.append(code.text(w)); k = w.upperBound } else { k += 1 }
                }
            } else if ByteClass.isIdentifier(b[v]), let w = code.identifier(endingAt: v + 1) {
                vars = [code.text(w)]
            }
            if vars.contains(where: { $0 != name && checks(variable: $0, depth: 0) }) { return true }
        }
        return false
    }

    /// `.replace(/[^a-z0-9-]/g, "")` on the same line after `offset`: everything outside an allow-list is dropped.
    private func allowListStrip(after offset: Int) -> Bool {
        let b = code.bytes
        var e = offset
        while e < b.count, b[e] != 0x0A { e += 1 }
        for o in code.allCode(".replace", in: offset..<e) {
            guard let open = code.nextToken(o + 8), b[open] == 0x28, let r = code.nextToken(open + 1),
                  let reg = code.region(containing: r), reg.kind == .regex, Int(reg.start) + 3 <= b.count else { continue }
            if b[Int(reg.start) + 1] == 0x5B && b[Int(reg.start) + 2] == 0x5E { return true }
        }
        return false
    }

    /// Whether another read of the same `req.body.field` sits in a check.
    private func sameReadChecked(literal: String, member: Range<Int>) -> Bool {
        checkedRead(literal: literal, name: code.text(member))
    }

    private func checkedRead(literal: String, name: String) -> Bool {
        let b = code.bytes
        let n = literal.utf8.count
        for o in code.allCode(literal, in: body, wordStart: true) where inCheck(o) {
            guard let t = code.nextToken(o + n) else { continue }
            var i = t
            if b[i] == 0x3F, i + 1 < b.count, b[i + 1] == 0x2E { i += 1 }
            if b[i] == 0x2E, let m = code.nextToken(i + 1), ByteClass.isIdentifier(b[m]), code.identifier(startingAt: m).count == name.utf8.count,
               code.firstCode(name, in: m..<(m + name.utf8.count)) == m { return true }
            if b[i] == 0x5B, let q = code.nextToken(i + 1), let r = code.region(containing: q), r.kind == .string,
               Int(r.end) - Int(r.start) - 2 == name.utf8.count, code.text((Int(r.start) + 1)..<(Int(r.end) - 1)) == name { return true }
        }
        return false
    }

    /// Names bound by a destructuring pattern `{ a, b: c, d = 1 }` (the local names).
    private func destructuredNames(_ pattern: Range<Int>) -> [String] {
        let b = code.bytes
        var out: [String] = []
        var i = pattern.lowerBound + 1
        var last: Range<Int>?
        var depth = 0
        while i < pattern.upperBound {
            guard code.isCode(i) else { i += 1; continue }
            let c = b[i]
            if c == 0x7B || c == 0x5B || c == 0x28 { depth += 1 } else if c == 0x7D || c == 0x5D || c == 0x29 { depth -= 1 }
            if depth < 0 || (c == 0x2C && depth == 0) || (c == 0x3D && depth == 0) {
                if let l = last { out.append(code.text(l)) }
                last = nil
                if c == 0x3D { while i < pattern.upperBound, !(b[i] == 0x2C && code.isCode(i)) { i += 1 } ; continue }
                i += 1
                continue
            }
            if ByteClass.isIdentifier(c), depth == 0 {
                let w = code.identifier(startingAt: i)
                last = w
                i = w.upperBound
                continue
            }
            i += 1
        }
        if let l = last { out.append(code.text(l)) }
        return out
    }
}
