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
        ])

    static let eventTypes = ["checkout.session.completed", "payment_intent.succeeded", "invoice.payment_succeeded", "customer.subscription.",
                             "charge.succeeded", "payment.captured", "order.paid", "subscription_created", "transaction.completed", "order_created"]

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.D1/import") + [
            PatternRule(id: "G3.D1/webhook", literals: ["webhook", "inbound"], caseSensitive: false, regions: .any,
                        regexEquivalent: #"(?i)\.(post|all|route)\(\s*["'][^"']*(webhook|inbound)|//.*webhook"#),
            PatternRule(id: "G3.D1/event", literals: Self.eventTypes, regions: .string,
                        regexEquivalent: #"["'](checkout\.session\.completed|payment_intent\.succeeded|invoice\.payment_succeeded|customer\.subscription\.|charge\.succeeded|payment\.captured|order\.paid)"#),
        ]
    }

    private struct Handler {
        var file: ScannedFile
        var span: Range<Int>
        var anchor: Int
        var routeBased: Bool
    }

    private static let verifiers = ["constructevent", "construct_event", "verifywebhook", "verifysignature", "verify_signature", "verifyheader",
                                    "validatewebhook", ".verify(", "timingsafeequal", "compare_digest", "crypto.subtle.verify", "validaterequest",
                                    "validatepaymentverification", "validatewebhooksignature", "webhooks.unmarshal", "verifykey", "verify_webhook",
                                    "isvalidsignature", "checksignature", "check_signature", "validatesignature", "validate_signature"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap(app, importRule: "G3.D1/import")
        var handlers: [Handler] = []
        var fileHandlers = Set<String>()

        func isHandlerFile(_ f: ScannedFile) -> Bool {
            G3Scan.containsAny(f, ["POST", "serve(", "export default", "handler", ".post(", "@app.", "@router.", "def "], in: G3Scan.whole(f), caseInsensitive: false, regions: .code)
        }
        for f in app.files where G3Scan.isAppCode(f) && sides.side(f).mayRunOnServer {
            let comps = f.path.lowercased().split(separator: "/")
            let named = comps.contains { $0.contains("webhook") || $0.hasPrefix("inbound") }
            guard named, isHandlerFile(f), !f.path.lowercased().contains("types") else { continue }
            handlers.append(Handler(file: f, span: G3Scan.whole(f), anchor: entryPoint(f), routeBased: false))
            fileHandlers.insert(f.path)
        }
        for (f, h) in app.hits("G3.D1/webhook") where G3Scan.isAppCode(f) && !fileHandlers.contains(f.path) && sides.side(f).mayRunOnServer {
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
        for (f, h) in app.hits("G3.D1/event") where G3Scan.isAppCode(f) && sides.side(f).mayRunOnServer {
            let o = Int(h.offset)
            if handlers.contains(where: { $0.file.path == f.path && ($0.span.contains(o) || !$0.routeBased) }) { continue }
            guard isHandlerFile(f), G3Scan.containsAny(f, ["req", "request", "event"], in: G3Scan.whole(f), caseInsensitive: false, regions: .code),
                  !f.path.lowercased().contains("types") else { continue }
            handlers.append(Handler(file: f, span: G3Scan.whole(f), anchor: entryPoint(f), routeBased: false))
            fileHandlers.insert(f.path)
        }

        guard !handlers.isEmpty else { return .notMeasured(d.id, "the app has no webhook handler") }

        let jsonParsers = app.files.filter { G3Scan.isAppCode($0) && G3Scan.containsAny($0, ["express.json(", "bodyparser.json("], in: G3Scan.whole($0), regions: .code) }
        let rawAnywhere = app.files.contains { G3Scan.isAppCode($0) && G3Scan.containsAny($0, ["express.raw(", "bodyparser.raw(", "verify: (req", "verify(req", "rawbody"], in: G3Scan.whole($0), regions: .code) }

        var findings: [Finding] = []
        var verified = 0, idempotent = 0
        for h in handlers {
            let f = h.file
            let span = h.span
            let isStripe = G3Scan.containsAny(f, ["stripe", "checkout.session", "payment_intent"], in: span)
            let hasVerifier = G3Scan.containsAny(f, Self.verifiers, in: span, regions: [.code, .string]) || sharedSecretCheck(f, span)
                || (h.routeBased && G3Scan.containsAny(f, ["verifywebhook", "verifysignature", "validatewebhook"], in: G3Scan.whole(f), regions: .code)
                    && G3Scan.containsAny(f, ["verify"], in: span, regions: .code))
            let moneyMoves = G3Scan.containsAny(f, ["paid", "payment", "checkout.session", "subscription", "credits", "balance", "order"], in: span)
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
            if isIdempotent(f, span) {
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
        var i = o
        while i < f.bytes.count && f.kind(at: i) == .comment { i += 1 }
        guard let p = G3Scan.find(f, ".post(", in: i..<min(f.bytes.count, i + 160), regions: .code) else { return nil }
        return (G3Scan.callSpan(f, paren: p + 5), p + 1)
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

    private func isIdempotent(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        let effects = [".insert(", ".create(", ".createmany(", "insert into", "increment", "adddoc(", ".add(", ".push(", "emails.send", "sendemail(",
                       "sendmail(", ".save(", "credits +", "balance +", "+= "]
        guard G3Scan.containsAny(f, effects, in: span, regions: [.code, .string]) else { return true }
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
