import Foundation

/// G3.D1: webhook handlers verify the sender's signature and survive redelivery. Handlers are
/// server files whose path names a webhook or an inbound-email endpoint (Next route, edge
/// function), routes registered on a `webhook`/`inbound` path, handlers announced as webhooks by
/// the comment right above them, and files that switch on provider event types. Verified means a
/// provider verifier (`constructEvent`, svix `verify`, Razorpay/Twilio validators), an HMAC
/// compared in constant time, or a shared secret compared to the environment. Stripe handlers
/// must see the raw body (`express.raw`, `req.text()`, `bodyParser: false`). Idempotent means the
/// handler only updates, or it records/checks the event id before inserting, sending or crediting.
/// Not measured when the app has no webhook handler.
public struct WebhookVerificationCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.D1", slug: "webhook-verification", kind: .diagnostic, methods: "S",
        measures: "webhook handlers verify signatures and are idempotent",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample("app/api/webhooks/stripe/route.ts", """
                export async function ↓POST(req: Request) {
                  const event = await req.json();
                  if (event.type === "checkout.session.completed") {
                    await prisma.invoice.update({ where: { id: event.data.object.metadata.invoiceId }, data: { status: "paid" } });
                  }
                  return new Response("ok");
                }
                """, note: "a Stripe webhook that trusts any POST"),
            CollectorExample("server/app.js", """
                app.use(express.json());
                app.post(↓'/api/stripe/webhook', (req, res) => {
                  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
                  res.sendStatus(200);
                });
                """, note: "express.json() parses the body before Stripe can verify the raw bytes"),
            CollectorExample("supabase/functions/inbound-email/index.ts", """
                ↓serve(async (req) => {
                  const payload = await req.json();
                  await supabase.from("tickets").insert({ subject: payload.subject, body: payload.text });
                  return new Response("ok");
                });
                """, note: "an inbound-email webhook with no signature and duplicate inserts on redelivery"),
            CollectorExample("routes/tickets.js", """
                // Inbound email webhook (no auth so the email provider can call it)
                const inbound = express.Router();
                inbound.↓post('/', async (req, res) => {
                  tickets.push({ subject: req.body.subject, from: req.body.from });
                  res.json({ ok: true });
                });
                """, note: "a handler announced by its comment"),
        ],
        nonTriggering: [
            CollectorExample("app/api/webhooks/stripe/route.ts", """
                import Stripe from "stripe";
                const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
                export async function POST(req: Request) {
                  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
                  const { error } = await supabase.from("processed_events").insert({ id: event.id });
                  if (error?.code === "23505") return new Response("duplicate");
                  await supabase.from("orders").insert({ session: event.data.object.id });
                  return new Response("ok");
                }
                """, note: "verified on the raw body, event id recorded before inserting"),
            CollectorExample("server/app.ts", """
                app.post("/api/payments/webhook", express.raw({ type: "application/json" }), async (req, res) => {
                  const event = deps.payments.verifyWebhook(req.body, String(req.headers["stripe-signature"]));
                  await repo.markInvoicePaid(event.invoiceId);
                  res.sendStatus(200);
                });
                app.use(express.json());
                """, note: "raw body route before the JSON parser; an update-only handler is idempotent"),
            CollectorExample("supabase/functions/clerk-webhook/index.ts", """
                import { Webhook } from "https://esm.sh/svix@1";
                serve(async (req) => {
                  const body = await req.text();
                  const evt = new Webhook(Deno.env.get("CLERK_WEBHOOK_SECRET")!).verify(body, Object.fromEntries(req.headers));
                  await supabase.from("profiles").upsert({ id: evt.data.id, email: evt.data.email_addresses[0].email_address });
                  return new Response("ok");
                });
                """, note: "svix verification and an upsert"),
            CollectorExample("src/pages/Settings.tsx", """
                export default function Settings() {
                  return <input placeholder="https://hooks.slack.com/... your webhook URL" />;
                }
                """, note: "a webhook URL field in the UI is not a handler"),
            CollectorExample("lib/webhook-types.ts", """
                export type WebhookEvent = { id: string; type: "checkout.session.completed" };
                """, note: "types only"),
            CollectorExample("supabase/functions/dispatch-webhook/index.ts", """
                serve(async (req) => {
                  const { data: hooks } = await supabase.from("webhooks").select("webhook_url");
                  for (const h of hooks) await fetch(h.webhook_url, { method: "POST", body: await req.text() });
                  return new Response("sent");
                });
                """, note: "a function that sends webhooks to customers is not a receiver"),
        ])

    static let eventTypes = ["checkout.session.completed", "payment_intent.succeeded", "invoice.payment_succeeded", "customer.subscription.",
                             "charge.succeeded", "payment.captured", "order.paid", "subscription_created", "transaction.completed", "order_created"]

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.D1/import") + [
            PatternRule(id: "G3.D1/webhook", literals: ["webhook", "inbound"], caseSensitive: false, regions: .any,
                        regexEquivalent: #"(?i)\.(post|all|route)\(\s*["'][^"']*(webhook|inbound)|//.*webhook"#),
            PatternRule(id: "G3.D1/body", literals: ["express.json(", "bodyParser.json(", "express.raw(", "bodyParser.raw(", "rawBody", "verify: (req"],
                        caseSensitive: false, regions: .code, regexEquivalent: #"(?i)(express|bodyParser)\.(json|raw)\(|rawBody|verify:\s*\(req"#),
            PatternRule(id: "G3.D1/event", literals: Self.eventTypes, regions: .string,
                        regexEquivalent: #"["'](checkout\.session\.completed|payment_intent\.succeeded|invoice\.payment_succeeded|customer\.subscription\.|charge\.succeeded|payment\.captured|order\.paid)"#),
        ]
    }

    private struct Handler {
        var file: ScannedFile
        var span: Range<Int>
        var anchor: Int
        var routeBased: Bool
        /// The registration span plus the bodies of the handler functions it names (maybe in other files).
        var parts: [(file: ScannedFile, span: Range<Int>)] = []

        func any(_ needles: [String], regions: RegionFilter = .any) -> Bool {
            parts.contains { G3Scan.containsAny($0.file, needles, in: $0.span, regions: regions) }
        }
    }

    private static let verifiers = ["constructevent", "construct_event", "verifywebhook", "verifysignature", "verify_signature", "verifyheader",
                                    "validatewebhook", ".verify(", "timingsafeequal", "compare_digest", "crypto.subtle.verify", "validaterequest",
                                    "validatepaymentverification", "validatewebhooksignature", "webhooks.unmarshal", "verifykey", "verify_webhook",
                                    "isvalidsignature", "checksignature", "check_signature", "validatesignature", "validate_signature"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.D1/import")
        var handlers: [Handler] = []
        var fileHandlers = Set<String>()

        func isHandlerFile(_ f: ScannedFile) -> Bool {
            if f.language == .python {
                return G3Scan.containsAny(f, ["@app.", "@router.", "@bp.", "@blueprint.", "@api_view", "def post("], in: G3Scan.whole(f), caseInsensitive: false, regions: .code)
            }
            return G3Scan.containsAny(f, ["POST", "serve(", "export default", "handler", ".post("], in: G3Scan.whole(f), caseInsensitive: false, regions: .code)
        }
        /// Files that send webhooks to others (dispatchers, test senders, settings pages) are not receivers.
        func isDispatcher(_ f: ScannedFile, _ comps: [Substring]) -> Bool {
            let senders = ["create", "dispatch", "send", "trigger", "test", "register", "manage", "delete", "update", "list", "fire", "deliver",
                           "emit", "outgoing", "outbound", "notify", "setup", "config", "settings", "retry", "replay"]
            if comps.contains(where: { c in c.contains("webhook") && senders.contains { c.hasPrefix($0) || c.contains("-" + $0) || c.contains("_" + $0) } }) {
                return true
            }
            return G3Scan.containsAny(f, ["webhook_url", "webhookurl", "webhook.url", "endpoint_url"], in: G3Scan.whole(f), regions: .code)
                && !G3Scan.containsAny(f, Self.verifiers + ["signature"], in: G3Scan.whole(f))
        }
        for f in app.files where G3Path.hasAny(f.path, ["webhook", "/inbound"]) && G3Scan.isAppCode(f) && sides.side(f).mayRunOnServer {
            let comps = f.path.lowercased().split(separator: "/")
            let named = comps.contains { $0.contains("webhook") || $0.hasPrefix("inbound") }
            guard named, isHandlerFile(f), !f.path.lowercased().contains("types"), !isDispatcher(f, comps) else { continue }
            // A webhook router file that registers several routes: each route is its own handler,
            // so one verified route does not vouch for an unverified sibling.
            var routes: [Handler] = []
            for o in f.find(".post(", in: .code, wordStart: false) {
                let q = G3Scan.skipSpaces(f.bytes, o + 6)
                guard q < f.bytes.count, f.kind(at: q + 1) == .string, let (span, anchor) = routeRegistration(f, stringAt: q + 1) else { continue }
                routes.append(Handler(file: f, span: span, anchor: anchor, routeBased: true))
            }
            if routes.count >= 2 {
                handlers += routes
            } else {
                handlers.append(Handler(file: f, span: G3Scan.whole(f), anchor: entryPoint(f), routeBased: false))
            }
            fileHandlers.insert(f.path)
        }
        var dispatcherCache: [String: Bool] = [:]
        func dispatcher(_ f: ScannedFile) -> Bool {
            if let v = dispatcherCache[f.path] { return v }
            let v = isDispatcher(f, f.path.lowercased().split(separator: "/"))
            dispatcherCache[f.path] = v
            return v
        }
        for (f, h) in G3Scan.hits(app, "G3.D1/webhook") where G3Scan.isAppCode(f) && !fileHandlers.contains(f.path) && f.kind(at: Int(h.offset)) != .code
            && sides.side(f).mayRunOnServer && !dispatcher(f) {
            let o = Int(h.offset)
            switch f.kind(at: o) {
            case .string:
                guard let (span, anchor) = routeRegistration(f, stringAt: o) else { continue }
                if handlers.contains(where: { $0.file.path == f.path && $0.span.overlaps(span) }) { continue }
                handlers.append(Handler(file: f, span: span, anchor: anchor, routeBased: true))
            case .comment:
                guard f.string(o..<(o + Int(h.length))).lowercased() == "webhook", let (span, anchor) = handlerAfterComment(f, commentAt: o) else { continue }
                if handlers.contains(where: { $0.file.path == f.path && $0.span.overlaps(span) }) { continue }
                handlers.append(Handler(file: f, span: span, anchor: anchor, routeBased: true))
            default:
                continue
            }
        }
        for (f, h) in G3Scan.hits(app, "G3.D1/event") where G3Scan.isAppCode(f) && sides.side(f).mayRunOnServer {
            let o = Int(h.offset)
            if handlers.contains(where: { $0.file.path == f.path && ($0.span.contains(o) || !$0.routeBased) }) { continue }
            guard isHandlerFile(f), G3Scan.containsAny(f, ["req", "request", "event"], in: G3Scan.whole(f), caseInsensitive: false, regions: .code),
                  !f.path.lowercased().contains("types") else { continue }
            handlers.append(Handler(file: f, span: G3Scan.whole(f), anchor: entryPoint(f), routeBased: false))
            fileHandlers.insert(f.path)
        }

        for i in handlers.indices {
            handlers[i].parts = [(handlers[i].file, handlers[i].span)]
            if handlers[i].routeBased { handlers[i].parts += referencedBodies(handlers[i], app) }
        }
        // Endpoints that require a signed-in user are the app's own API, not webhooks.
        handlers.removeAll { h in
            h.any(["auth.getuser(", "getserversession(", "requireauth", "getauth(", "currentuser(", "isauthenticated", "authenticate,",
                   "authenticatetoken", "ensureauth", "verifytoken,", "protect,", "isadmin"], regions: .code)
        }
        guard !handlers.isEmpty else { return .notMeasured(d.id, "the app has no webhook handler") }

        var jsonParsers: [ScannedFile] = []
        var rawAnywhere = false
        for (f, h) in G3Scan.hits(app, "G3.D1/body") where G3Scan.isAppCode(f) {
            let l = f.string(Int(h.offset)..<Int(h.offset + h.length)).lowercased()
            if l.hasSuffix("json(") {
                if !jsonParsers.contains(where: { $0.path == f.path }) { jsonParsers.append(f) }
            } else {
                rawAnywhere = true
            }
        }

        var findings: [Finding] = []
        var verified = 0, idempotent = 0
        for h in handlers {
            let f = h.file
            let isStripe = h.any(["stripe", "checkout.session", "payment_intent"])
            let hasVerifier = h.any(Self.verifiers, regions: [.code, .string]) || h.parts.contains { sharedSecretCheck($0.file, $0.span) }
            let moneyMoves = h.any(["paid", "payment", "checkout.session", "subscription", "credits", "balance", "order"])
            if hasVerifier {
                verified += 1
                if isStripe, let problem = rawBodyProblem(h, jsonParsers: jsonParsers, rawAnywhere: rawAnywhere) {
                    findings.append(Finding.at(d, rule: "parsed-before-verify", file: f, offset: h.anchor, severity: .high,
                        message: "Stripe signs the raw request bytes, but \(problem). constructEvent then fails on every real event (or gets switched off to \"fix\" it). Verify on the raw body: express.raw() on this route before any JSON parser, `await req.text()` in a route handler, or `bodyParser: false` in a pages API route."))
                }
            } else {
                findings.append(Finding.at(d, rule: "unverified", file: f, offset: h.anchor, severity: moneyMoves ? .critical : .high,
                    message: "This webhook handler accepts any request: nothing checks the sender's signature. Anyone who finds the URL can post a fake \(isStripe || moneyMoves ? "payment event and mark orders paid" : "event and have it processed"). Verify the provider's signature (stripe.webhooks.constructEvent, svix Webhook.verify, or an HMAC compared with timingSafeEqual) before acting."))
            }
            if !h.parts.contains(where: { hasEffects($0.file, $0.span) }) || h.parts.contains(where: { hasDedupe($0.file, $0.span) }) {
                idempotent += 1
            } else {
                findings.append(Finding.at(d, rule: "not-idempotent", file: f, offset: h.anchor, severity: .medium,
                    message: "Providers redeliver webhooks (timeouts, retries), and this handler inserts, sends or credits on every delivery without checking the event id. Redelivery duplicates records or emails. Store the event id (unique) and skip events already processed, or make the write an upsert keyed on it."))
            }
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("webhook handlers", handlers.count), Evidence("verified", verified), Evidence("idempotent", idempotent)])
    }

    private func entryPoint(_ f: ScannedFile) -> Int {
        for lit in ["POST", "Deno.serve(", "serve(", "export default", "handler", "def "] {
            if let o = f.find(lit, in: .code, wordStart: true).first { return o }
        }
        return 0
    }

    /// For a route path string (`'/api/webhook'`) passed to `.post(`/`.all(`/`.route(` or a Python
    /// decorator, the handler's span and the path literal's offset.
    private func routeRegistration(_ f: ScannedFile, stringAt o: Int) -> (Range<Int>, Int)? {
        let b = f.bytes
        var s = o
        while s > 0 && f.kind(at: s - 1) == .string && b[s] != 0x22 && b[s] != 0x27 && b[s] != 0x60 { s -= 1 }
        let before = G3Scan.skipSpacesBack(b, s - 1)
        guard before >= 0, b[before] == 0x28, let name = G3Scan.identifier(before: before, in: b) else { return nil }
        guard ["post", "all", "route", "put", "api_route", "add_url_rule"].contains(name.text.lowercased()) else { return nil }
        if f.language == .python {
            let line = f.location(of: o).line
            var l = line + 1
            while l <= f.lineCount {
                let t = f.lineText(l).trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("def ") || t.hasPrefix("async def ") {
                    let nameOff = f.lineRange(l).lowerBound + (f.lineText(l).range(of: "def ").map { f.lineText(l).utf8.distance(from: f.lineText(l).startIndex, to: $0.upperBound) } ?? 0)
                    let id = G3Scan.identifier(b, around: nameOff)
                    if let body = G3Scan.functionBody(f, nameRange: id.range) { return (f.lineRange(line).lowerBound..<body.upperBound, s) }
                    return nil
                }
                if !t.hasPrefix("@") { return nil }
                l += 1
            }
            return nil
        }
        return (G3Scan.callSpan(f, paren: before), s)
    }

    /// A `.post(` handler starting within a few lines after a comment that calls it a webhook.
    private func handlerAfterComment(_ f: ScannedFile, commentAt o: Int) -> (Range<Int>, Int)? {
        // The comment must stand on its own line(s), and the handler must follow within the next two code lines.
        guard G3Scan.lineStartsAt(f.bytes, regionStart(f, o)) else { return nil }
        let line = f.location(of: o).line
        let window = f.lineRange(line).upperBound..<f.lineRange(min(f.lineCount, line + 2)).upperBound
        guard let p = G3Scan.find(f, ".post(", in: window, regions: .code) else { return nil }
        return (G3Scan.callSpan(f, paren: p + 5), p + 1)
    }

    private func regionStart(_ f: ScannedFile, _ o: Int) -> Int {
        var s = o
        while s > 0 && f.kind(at: s - 1) == .comment && f.bytes[s - 1] != 0x0A { s -= 1 }
        return s
    }

    private func sharedSecretCheck(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        let first = f.location(of: span.lowerBound).line, last = f.location(of: max(span.lowerBound, span.upperBound - 1)).line
        for l in first...last {
            let t = f.lineText(l).lowercased()
            guard t.contains("secret") || t.contains("token") || t.contains("signature") else { continue }
            guard t.contains("!==") || t.contains("===") || t.contains("!=") || t.contains("==") else { continue }
            if t.contains("env") || t.contains("secret") && (t.contains("header") || t.contains("searchparams") || t.contains("query")) { return true }
        }
        return false
    }

    private func rawBodyProblem(_ h: Handler, jsonParsers: [ScannedFile], rawAnywhere: Bool) -> String? {
        let f = h.file
        let p = "/" + f.path.lowercased()
        let usesRaw = G3Scan.containsAny(f, [".text()", "arraybuffer", "rawbody", "raw_body", "buffer(", "get_data(", "request.data", "request.body"], in: h.span, regions: .code)
        if f.language == .python {
            return !usesRaw && G3Scan.containsAny(f, ["get_json(", "request.json"], in: h.span, regions: .code) ? "the handler passes request.json, already parsed, to the verifier" : nil
        }
        if p.contains("/pages/api/") {
            return G3Scan.containsAny(f, ["bodyparser: false", "bodyparser:false"], in: G3Scan.whole(f)) ? nil : "the pages API route keeps Next's default body parser (no `export const config = { api: { bodyParser: false } }`)"
        }
        if h.routeBased {
            if G3Scan.containsAny(f, ["express.raw(", "bodyparser.raw(", "raw({", "raw()"], in: h.span, regions: .code) { return nil }
            if rawAnywhere { return nil }
            return jsonParsers.isEmpty ? nil : "\(jsonParsers[0].path) installs a JSON body parser for every route, so req.body is a parsed object by the time this handler verifies it"
        }
        if G3Scan.containsAny(f, [".json()"], in: h.span, regions: .code) && !usesRaw {
            return "the handler reads the body with .json() and re-serialises it for verification"
        }
        return nil
    }

    private static let effects = [".insert(", ".create(", ".createmany(", "insert into", "increment", "adddoc(", ".add(", ".push(", "emails.send",
                                  "sendemail(", "sendmail(", ".save(", "credits +", "balance +", "+= "]

    private func hasEffects(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        G3Scan.containsAny(f, Self.effects, in: span, regions: [.code, .string])
    }

    /// Bodies of the functions a route registration names (`router.post('/webhook', asyncHandler(handleWebhook))`),
    /// found by their definition in any server file.
    private func referencedBodies(_ h: Handler, _ app: AppContext) -> [(file: ScannedFile, span: Range<Int>)] {
        let f = h.file
        let b = f.bytes
        let skip: Set<String> = ["express", "raw", "json", "asyncHandler", "async", "await", "req", "res", "next", "request", "response",
                                 "type", "limit", "router", "app", "const", "return", "true", "false", "function", "bodyParser", "catchAsync",
                                 "wrap", "handler", "application"]
        var names: [String] = []
        var i = h.span.lowerBound
        while i < h.span.upperBound && names.count < 4 {
            if ByteClass.isIdentifier(b[i]) && (i == 0 || !ByteClass.isIdentifier(b[i - 1])) && f.kind(at: i) == .code {
                let id = G3Scan.identifier(b, around: i)
                if id.text.count >= 5, !skip.contains(id.text), !names.contains(id.text), !(id.text.first?.isNumber ?? true) { names.append(id.text) }
                i = id.range.upperBound
                continue
            }
            i += 1
        }
        var out: [(file: ScannedFile, span: Range<Int>)] = []
        for name in names {
            for g in app.files where G3Scan.isAppCode(g) && g.role != .client && g.contains(name, in: .code) {
                for o in g.find(name, in: .code, wordStart: true) {
                    let id = G3Scan.identifier(g.bytes, around: o)
                    guard id.text == name, let body = G3Scan.functionBody(g, nameRange: id.range) else { continue }
                    if g.path == f.path && h.span.contains(o) { continue }
                    out.append((g, body))
                    break
                }
                if out.contains(where: { $0.file.path == g.path }) { break }
            }
        }
        return out
    }

    /// Whether the span records or checks the event id (or a processed-events table) before acting.
    private func hasDedupe(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        if G3Scan.containsAny(f, ["processed", "idempot", "webhook_events", "stripe_events", "already", "duplicate", "p2002", "23505",
                                  "ignoreduplicates", "skipduplicates"], in: span, regions: [.code, .string]) {
            return true
        }
        let ids = ["event.id", "evt.id", "event_id", "eventid", "svix-id", "webhook-id", "messageid", "message_id", "message-id"]
        let dedupeOps = ["upsert", "onconflict", "on conflict", "findunique", "findfirst", ".eq(", "where", "exists", ".has(", "includes(", "select"]
        for id in ids {
            var from = span.lowerBound
            while let o = G3Scan.find(f, id, in: from..<span.upperBound, caseInsensitive: true) {
                from = o + 1
                let st = G3Scan.statement(f, around: o, radius: 200)
                if G3Scan.containsAny(f, dedupeOps, in: st) { return true }
            }
        }
        return false
    }
}
