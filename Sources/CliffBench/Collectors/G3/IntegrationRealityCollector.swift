/// G3.P1: each integration the task needs (or, without a task spec, that the app visibly
/// attempts) is wired to a real provider on the server. Provider SDKs are found by their imports
/// and API hosts and placed on the server or in the browser through the app's import graph;
/// simulations are stub senders/chargers whose bodies only log, sleep or return success, log
/// lines and toasts that claim a send in files that hand nothing off, payment status written in
/// the browser or on the server without any provider confirmation, home-made card forms and
/// `mailto:` links to a user's address. Score: share of in-scope integrations that are real,
/// server-side and free of simulation findings. Not measured when nothing is needed or attempted.
public struct IntegrationRealityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.P1", slug: "integration-reality", kind: .primary, methods: "S,T", implemented: "S",
        measures: "each integration the task needs (payments, email/SMS, storage, AI) wired to a real API on the server, not simulated",
        severity: .high, remediation: RemediationCost(baseHours: 6, perFindingHours: 4),
        triggering: [
            CollectorExample([
                "utils/mailer.js": """
                    // Email sending (simulated until we add SMTP credentials)
                    async function ↓sendEmail(to, subject, body) {
                      console.log('=== EMAIL ===', to, subject, body);
                      return { id: 'msg_' + Math.random().toString(36).slice(2), status: 'sent' };
                    }
                    module.exports = { sendEmail };
                    """,
                "routes/tickets.js": """
                    const { sendEmail } = require('../utils/mailer');
                    router.post('/:id/reply', async (req, res) => {
                      await sendEmail(req.body.to, 'Re: ticket', req.body.body);
                      res.json({ ok: true });
                    });
                    """,
            ], note: "a sender that only logs and returns a fake id"),
            CollectorExample("src/pages/Invoices.tsx", """
                import { supabase } from "@/lib/supabase";
                export default function Invoices() {
                  const pay = async (inv: any) => {
                    await new Promise((r) => setTimeout(r, 1500));
                    await supabase.from("invoices").update({ status: ↓"paid" }).eq("id", inv.id);
                  };
                  return <button onClick={() => pay(inv)}>Pay with UPI</button>;
                }
                """, note: "invoice marked paid from the browser after a sleep"),
            CollectorExample("src/lib/payments.ts", """
                import Stripe from ↓"stripe";
                const stripe = new Stripe(import.meta.env.VITE_STRIPE_SECRET_KEY);
                export const pay = (amount: number) => stripe.checkout.sessions.create({ mode: "payment", line_items: [] });
                """, note: "Stripe's secret-key SDK called from browser code"),
            CollectorExample("supabase/functions/send-confirmation/index.ts", """
                serve(async (req) => {
                  const { email } = await req.json();
                  console.log(↓"Sending confirmation email to", email);
                  // await resend.emails.send({ to: email, subject: "Booking confirmed" });
                  return new Response(JSON.stringify({ success: true, message: "Email sent" }));
                });
                """, note: "an edge function that logs the send and answers success; the real call is commented out"),
            CollectorExample("routes/invoices.js", """
                router.post('/:id/pay', auth, (req, res) => {
                  const invoice = invoices.find((i) => i.id == req.params.id);
                  setTimeout(() => {
                    invoice.status = ↓'paid';
                    invoice.paymentId = 'pay_demo_' + Date.now();
                    res.json(invoice);
                  }, 1000);
                });
                """, note: "a server route that marks paid with no provider"),
            CollectorExample("src/pages/Checkout.tsx", """
                export default function Checkout() {
                  const ↓handleChapaPayment = async () => {
                    setLoading(true);
                    await new Promise((resolve) => setTimeout(resolve, 1500));
                    const success = Math.random() > 0.1;
                    if (success) toast.success("Order placed!");
                    setLoading(false);
                  };
                  return <button onClick={handleChapaPayment}>Pay with Chapa</button>;
                }
                """, note: "a browser payment handler that sleeps and rolls a die"),
            CollectorExample("src/pages/Dashboard.tsx", """
                import { toast } from "sonner";
                import { supabase } from "@/integrations/supabase/client";
                export default function Dashboard() {
                  const refresh = () => supabase.functions.invoke("sync-calendar");
                  const sendConfirmation = async (a: { id: string; owner_email: string }) => {
                    await supabase.from("appointments").update({ confirmed: true }).eq("id", a.id);
                    toast.success(↓`Confirmation email sent to ${a.owner_email}`);
                  };
                  return <button onClick={refresh}>Sync</button>;
                }
                """, note: "a toast claims an email after a table update; the edge-function call elsewhere in the file is another job"),
            CollectorExample("src/components/InviteDialog.tsx", """
                export function InviteDialog() {
                  const { toast } = useToast();
                  const onInvite = async () => {
                    setSending(true);
                    await new Promise((r) => setTimeout(r, 800));
                    toast({
                      title: ↓"Invitation sent",
                      description: `We emailed ${email}`,
                    });
                  };
                  return <Button onClick={onInvite}>Invite</Button>;
                }
                """, note: "a multi-line shadcn toast after a sleep"),
        ],
        nonTriggering: [
            CollectorExample([
                "app/api/checkout/route.ts": """
                    import Stripe from "stripe";
                    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
                    export async function POST(req: Request) {
                      const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [] });
                      return Response.json({ url: session.url });
                    }
                    """,
                "app/api/webhooks/stripe/route.ts": """
                    import Stripe from "stripe";
                    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
                    export async function POST(req: Request) {
                      const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get("stripe-signature")!, process.env.STRIPE_WEBHOOK_SECRET!);
                      if (event.type === "checkout.session.completed") {
                        await db.invoice.update({ where: { id: event.data.object.metadata.invoiceId }, data: { status: "paid" } });
                      }
                      return new Response("ok");
                    }
                    """,
            ], note: "server checkout plus a verified webhook that marks paid"),
            CollectorExample([
                "lib/email.ts": """
                    import { Resend } from "resend";
                    const resend = new Resend(process.env.RESEND_API_KEY);
                    export async function sendBookingEmail(to: string) {
                      console.log("sending booking email", to);
                      await resend.emails.send({ from: "a@b.c", to, subject: "Booked", html: "<p>Booked</p>" });
                    }
                    """,
                "app/api/book/route.ts": """
                    import { sendBookingEmail } from "@/lib/email";
                    export async function POST(req: Request) {
                      await sendBookingEmail("x@y.z");
                      console.log("Email sent");
                      return Response.json({ ok: true });
                    }
                    """,
            ], note: "a real Resend send from a server-only helper; the log follows a delegated call"),
            CollectorExample([
                "src/pages/Contact.tsx": """
                    export default function Contact() {
                      return <a href="mailto:support@shop.example?subject=Help">Email us</a>;
                    }
                    """,
                "src/lib/status.ts": """
                    export type InvoiceStatus = 'paid' | 'unpaid';
                    export const isPaid = (i: { status: string }) => i.status === 'paid';
                    // await supabase.from("invoices").update({ status: "paid" })
                    """,
            ], note: "a contact mailto link, a status type, a comparison and a comment"),
            CollectorExample("src/components/Avatar.tsx", """
                import { supabase } from "@/integrations/supabase/client";
                export async function uploadAvatar(userId: string, file: File) {
                  const { error } = await supabase.storage.from("avatars").upload(`${userId}/avatar.png`, file);
                  if (error) throw error;
                }
                """, note: "Supabase Storage from the browser is enforced by storage policies"),
            CollectorExample("__tests__/mailer.test.ts", """
                async function sendEmail(to: string) { console.log("email sent", to); return { success: true }; }
                test("sends", async () => { expect(await sendEmail("a@b.c")).toEqual({ success: true }); });
                """, note: "a stub inside a test"),
            CollectorExample([
                "src/pages/Booking.tsx": """
                    import PaymentForm from "@/components/booking/PaymentForm";
                    export default function Booking() {
                      const handlePaymentComplete = (reference: string) => {
                        console.log("Payment complete! Booking reference:", reference);
                        setStep(4);
                      };
                      return <PaymentForm onComplete={handlePaymentComplete} />;
                    }
                    """,
                "lib/email/service.ts": """
                    export async function sendInquiryConfirmation(..._args: unknown[]) {
                      console.log("Email service not configured");
                      return { success: false, error: "Email service not configured" };
                    }
                    """,
                "app/api/inquiries/route.ts": """
                    import { sendInquiryConfirmation } from "@/lib/email/service";
                    export async function POST() { await sendInquiryConfirmation(); return Response.json({ ok: true }); }
                    """,
            ], note: "a callback reacting to a payment done elsewhere, and a stub that honestly reports failure"),
            CollectorExample("src/pages/Team.tsx", """
                import { supabase } from "@/integrations/supabase/client";
                export default function Team() {
                  async function deliver(email: string) {
                    const { error } = await supabase.functions.invoke("team-invite", { body: { email } });
                    if (error) throw error;
                  }
                  const onInvite = async (email: string) => {
                    await deliver(email);
                    toast.success("Invitation sent");
                  };
                  const onRemind = (email: string) =>
                    fetch("/api/remind", { method: "POST", body: JSON.stringify({ email }) }).then(() => toast.success("Reminder sent"));
                  return <Invite onInvite={onInvite} onRemind={onRemind} />;
                }
                """, note: "toasts after a local helper that invokes an edge function, and inside the .then of a fetch"),
            CollectorExample(["app/team/invite-form.tsx": """
                "use client";
                import { inviteMember } from "@/app/actions/team";
                export function InviteForm() {
                  async function submit(formData: FormData) {
                    await inviteMember(formData);
                    toast({ title: "Invitation sent" });
                  }
                  return <form action={submit}><input name="email" /></form>;
                }
                """, "app/actions/team.ts": """
                "use server";
                import { Resend } from "resend";
                const resend = new Resend(process.env.RESEND_API_KEY);
                export async function inviteMember(formData: FormData) {
                  await resend.emails.send({ from: "team@app.example", to: String(formData.get("email")), subject: "Join us", html: "<p>Join</p>" });
                }
                """], note: "a toast after an imported server action that sends with Resend"),
        ])

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.P1/import") + [
            IntegrationCatalog.hostRule("G3.P1/host"),
            PatternRule(id: "G3.P1/storage-call", literals: [".storage"], regions: .code, wordStart: false,
                        regexEquivalent: #"\.storage\s*\.from\("#),
            PatternRule(id: "G3.P1/definition", literals: IntegrationSimulation.stubVerbs, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte], wordStart: true,
                        regexEquivalent: #"\b(function\s+|const\s+|let\s+|var\s+|async\s+|def\s+|^\s*)(send|notify|deliver|process|handle|make|charge|pay|submit|confirm|capture|generate|ask|draft|summarize|create|checkout|simulate|fake|mock)[A-Z_]\w*\s*(=|\(|:)"#),
            PatternRule(id: "G3.P1/claim", literals: IntegrationSimulation.claims.map(\.text), caseSensitive: false, regions: .string,
                        regexEquivalent: #"(?i)["'`][^"'`]*(email sent|sending email|sms sent|payment (processed|successful|complete|succeeded|confirmed)|pay_demo|simulat|demo mode)"#),
            PatternRule(id: "G3.P1/paid", literals: IntegrationSimulation.paidLiterals, caseSensitive: false, regions: .live,
                        regexEquivalent: #"(?i)(status["']?\s*[:=]\s*["'`]paid["'`]|\b(is_?)?paid["']?\s*[:=]\s*true)"#),
            PatternRule(id: "G3.P1/card", literals: ["card number", "cardnumber", "card_number", "cvv", "cvc"], caseSensitive: false,
                        regions: .live, languages: [.jsx, .tsx, .javascript, .typescript, .html, .vue, .svelte],
                        regexEquivalent: #"(?i)(card\s?_?number|\bcvv\b|\bcvc\b)"#),
            PatternRule(id: "G3.P1/mailto", literals: ["mailto:"], caseSensitive: false, regions: .live,
                        regexEquivalent: #"mailto:\$\{"#),
            PatternRule(id: "G3.P1/confirm", literals: ["constructEvent", "construct_event", "checkout.session.completed", "payment_intent.succeeded",
                                                        "sessions.retrieve(", "paymentIntents.retrieve(", "validatePaymentVerification",
                                                        "razorpay_signature", "verifyWebhook", "orders.capture", "webhooks.unmarshal", "invoice.paid",
                                                        "x-signature", "paddle-signature", "ordersCapture"],
                        regions: .live,
                        regexEquivalent: #"constructEvent|construct_event|checkout\.session\.completed|payment_intent\.succeeded|(sessions|paymentIntents)\.retrieve\(|validatePaymentVerification|razorpay_signature|verifyWebhook"#),
        ]
    }

    private struct KindState {
        var serverProviders: Set<String> = []
        var clientSecretUse: [Finding] = []
        var browserOnly: [(file: ScannedFile, offset: Int, provider: String)] = []
        var baas = false
        var simulations: [Finding] = []
        var evidenceSeen = false
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.P1/import")
        var state: [IntegrationKind: KindState] = [:]
        func note(_ k: IntegrationKind, _ body: (inout KindState) -> Void) {
            var s = state[k] ?? KindState()
            s.evidenceSeen = true
            body(&s)
            state[k] = s
        }
        func simulated(_ k: IntegrationKind, _ f: Finding) {
            note(k) { s in
                let perFunction = f.rule.hasPrefix("stub")
                if s.simulations.contains(where: { $0.path == f.path && (perFunction ? $0.line == f.line : !$0.rule.hasPrefix("stub")) }) { return }
                s.simulations.append(f)
            }
        }

        // Providers by import.
        for f in app.files where G3Scan.isAppCode(f) {
            for (ref, pkg) in sides.packages(f) {
                guard let pr = IntegrationCatalog.provider(ref, package: pkg, python: f.language == .python) else { continue }
                let side = sides.side(f)
                anchor(pr, file: f, offset: ref.offset, side: side, via: "imports \(pkg)", d: d, note: note)
            }
        }
        // Providers by API host.
        for (f, h) in G3Scan.hits(app, "G3.P1/host") where G3Scan.isAppCode(f) {
            guard let (host, pr) = IntegrationCatalog.hostProvider(f, hit: h) else { continue }
            anchor(pr, file: f, offset: Int(h.offset), side: sides.side(f), via: "calls \(host)", d: d, note: note)
        }
        // Supabase Storage.
        for (f, h) in G3Scan.hits(app, "G3.P1/storage-call") where G3Scan.isAppCode(f) {
            let j = G3Scan.skipSpaces(f.bytes, Int(h.offset + h.length))
            if G3Scan.startsWith(f.bytes, j, ".from") || j < f.bytes.count && f.bytes[j] == 0x2E && G3Scan.startsWith(f.bytes, G3Scan.skipSpaces(f.bytes, j + 1), "from") {
                note(.storage) { $0.baas = true; $0.serverProviders.insert("Supabase Storage") }
            }
        }

        // Stub senders, chargers and AI helpers.
        var stubRanges: [String: [Range<Int>]] = [:]
        var stubs: [(file: ScannedFile, offset: Int, name: String, kind: IntegrationKind)] = []
        for (f, h) in G3Scan.hits(app, "G3.P1/definition") where G3Scan.isAppCode(f) {
            let id = G3Scan.identifier(f.bytes, around: Int(h.offset))
            guard id.range.lowerBound == Int(h.offset), IntegrationSimulation.isDefinitionSite(f, id.range),
                  let kind = IntegrationSimulation.kind(ofFunction: id.text),
                  let body = G3Scan.functionBody(f, nameRange: id.range) else { continue }
            // A property of an object literal (`sendMagicLink: (…) => {…}` in a library's config) is used by whoever receives the object.
            let next = G3Scan.skipSpaces(f.bytes, id.range.upperBound)
            let isProperty = next < f.bytes.count && f.bytes[next] == 0x3A && f.language != .python
            guard IntegrationSimulation.isSimulated(f, body: body, kind: kind, name: id.text) else { continue }
            // Claims inside a stub are part of its finding; a function that does other work (a table update)
            // still has its claims judged on their own.
            stubRanges[f.path, default: []].append(body)
            guard isProperty || isReferenced(app, id.text, except: f, id.range.lowerBound) else { continue }
            stubs.append((f, id.range.lowerBound, id.text, kind))
        }
        // One finding per file and kind, naming every stub in it.
        for (i, st) in stubs.enumerated() where !stubs[..<i].contains(where: { $0.file.path == st.file.path && $0.kind == st.kind }) {
            let names = stubs.filter { $0.file.path == st.file.path && $0.kind == st.kind }.map { $0.name + "()" }
            let side = sides.side(st.file)
            let k = st.kind
            simulated(k, Finding.at(d, rule: "stub-\(k.rawValue)", file: st.file, offset: st.offset,
                message: "\(names.joined(separator: ", ")) \(names.count == 1 ? stubWhat(k) : stubWhat(k).replacingOccurrences(of: "is ", with: "are "))\(names.count == 1 ? "" : ""), but \(names.count == 1 ? "its body only logs" : "their bodies only log"), wait or return a canned result\(side == .client ? " in the browser" : ""); no \(k.label) provider is called. In production nothing is \(stubOutcome(k)). Call a real provider from the server (\(providerHint(k))) and surface its errors."))
        }

        // Payment status written without a provider.
        var confirmFiles = Set(G3Scan.hits(app, "G3.P1/confirm").map(\.file.path))
        for f in app.files where G3Path.has(f.path, "webhook") && sides.side(f).mayRunOnServer { confirmFiles.insert(f.path) }
        var confirmCallNames: Set<String>?
        func confirmCalls() -> Set<String> {
            if let c = confirmCallNames { return c }
            var names = Set<String>()
            for p in confirmFiles {
                guard let cf = app.file(p) else { continue }
                for c in G3Scan.calls(cf, in: G3Scan.whole(cf)) where c.name.count > 3 { names.insert(c.name) }
            }
            confirmCallNames = names
            return names
        }
        for (f, h) in G3Scan.hits(app, "G3.P1/paid") where G3Scan.isAppCode(f) {
            guard IntegrationSimulation.isPaidWrite(f, offset: Int(h.offset), length: Int(h.length)) else { continue }
            let side = sides.side(f)
            if side == .client {
                simulated(.payments, Finding.at(d, rule: "paid-set-in-browser", file: f, offset: Int(h.offset),
                    message: "The browser marks the payment as paid. Anyone can run this update without paying, and a real payment is never checked. Let the provider's verified webhook (or a server call that retrieves the payment) set the status."))
            } else if side.mayRunOnServer && !confirmFiles.contains(f.path) && !calledFromConfirmation(f, offset: Int(h.offset), confirmCalls()) {
                simulated(.payments, Finding.at(d, rule: "paid-without-provider", file: f, offset: Int(h.offset),
                    message: "This server code marks a payment as paid without asking the payment provider (no verified webhook event, no retrieve of the session or intent). A client can call it without paying. Set the status only from a verified provider event."))
            }
        }

        // Home-made card forms.
        var cardFiles = Set<String>()
        for (f, h) in G3Scan.hits(app, "G3.P1/card") where G3Scan.isAppCode(f) && sides.side(f) == .client && !cardFiles.contains(f.path) {
            guard G3Scan.containsAny(f, ["<input", "<Input", "TextField", "<form"], in: G3Scan.whole(f), caseInsensitive: false),
                  !G3Scan.containsAny(f, ["CardElement", "PaymentElement", "CardNumberElement", "PayPalButtons", "stripe"], in: G3Scan.whole(f)) else { continue }
            cardFiles.insert(f.path)
            simulated(.payments, Finding.at(d, rule: "card-form", file: f, offset: Int(h.offset),
                message: "The app collects card details in its own form instead of a provider's hosted fields or checkout. Nothing charges the card, and raw card numbers in your code put you in PCI scope. Use Stripe Checkout/Elements (or your provider's equivalent) and confirm on the server."))
        }

        // Log lines, toasts and responses that claim a send or a payment.
        for (f, h) in G3Scan.hits(app, "G3.P1/claim") where G3Scan.isAppCode(f) {
            guard let kind = IntegrationSimulation.claimKind(f, hit: h) else { continue }
            let lit = f.string(Int(h.offset)..<Int(h.offset + h.length)).lowercased()
            guard IntegrationSimulation.isClaimContext(f, offset: Int(h.offset), literal: lit) else { continue }
            if (stubRanges[f.path] ?? []).contains(where: { $0.contains(Int(h.offset)) }) { continue }
            // Judged in the function that shows it: a send elsewhere in the file does not make this one real.
            if let local = IntegrationSimulation.scopeDelegates(f, kind: kind, at: Int(h.offset)) {
                if local { continue }
            } else if IntegrationSimulation.delegates(f, kind: kind, imports: sides.imports[f.path] ?? []) { continue }
            if let fn = G3Flow.enclosingFunctionName(f, Int(h.offset)), isReaction(fn) { continue }
            if hasProvider(f, kind: kind, sides: sides) { continue }
            let claimAt = stringStart(f, Int(h.offset))
            simulated(kind, Finding.at(d, rule: "claimed-\(kind.rawValue)", file: f, offset: claimAt,
                message: "This \(kind == .payments ? "payment" : kind.label) is only announced (\"\(f.string(Int(h.offset)..<Int(h.offset + h.length)))\"): nothing in \(f.path) calls a provider or hands the work to one. Users are told it happened when it did not. Wire \(providerHint(kind)) on the server and report its real outcome."))
        }

        // mailto: links to a user's address presented as notifications.
        var mailtoSites: [(ScannedFile, Int)] = []
        for (f, h) in G3Scan.hits(app, "G3.P1/mailto") where G3Scan.isAppCode(f) {
            let o = Int(h.offset + h.length)
            let dynamic = o + 1 < f.bytes.count && f.bytes[o] == 0x24 && f.bytes[o + 1] == 0x7B
            guard dynamic, let close = G3Scan.matching(f, open: o + 1, limit: o + 200) else { continue }
            let expr = f.string((o + 2)..<close).lowercased()
            let staticAddress = ["contact", "support", "config", "company", "site", "business", "admin", "team", "sales", "help", "info",
                                 "owner", "settings", "env", "organi", "store", "shop", "clinic", "brand"].contains { expr.contains($0) }
            if !staticAddress { mailtoSites.append((f, Int(h.offset))) }
        }

        // Scope: what the task needs and what the app attempts.
        let spec = app.info.taskSpec
        var needed = Set<IntegrationKind>()
        var unknownSpec: [String] = []
        for s in spec?.integrations ?? [] {
            if let k = IntegrationKind.fromSpec(s) { needed.insert(k) } else { unknownSpec.append(s) }
        }
        if !mailtoSites.isEmpty && (needed.contains(.email) || state[.email] != nil) && (state[.email]?.serverProviders.isEmpty ?? true) {
            let (f, o) = mailtoSites[0]
            simulated(.email, Finding.at(d, rule: "mailto-as-email", file: f, offset: o,
                message: "Email to users is done with a mailto: link, which only opens the visitor's own mail program; no email is sent by the app. Send notifications from the server through an email provider."))
        }

        var findings: [Finding] = []
        var evidence: [Evidence] = []
        let scope = needed.union(state.filter { $0.value.evidenceSeen }.map(\.key)).sorted()
        guard !scope.isEmpty else {
            return .notMeasured(d.id, spec == nil
                ? "the app attempts no payments, email, SMS, storage or AI integration and there is no task spec"
                : "the task needs none of payments, email, SMS, storage or AI and the app attempts none",
                evidence: unknownSpec.isEmpty ? [] : [Evidence("spec integrations not checked", unknownSpec.joined(separator: ", "))])
        }

        let paidTracked = !G3Scan.hits(app, "G3.P1/paid").isEmpty || (spec.map { ($0.prompt + $0.features.map(\.description).joined()).lowercased().contains("webhook") } ?? false)
        var good = 0
        for k in scope {
            var s = state[k] ?? KindState()
            var status: String
            if !s.evidenceSeen {
                findings.append(app.appFinding(d, rule: "not-wired-\(k.rawValue)", severity: .high,
                    message: "The task needs \(k.label) but the app has no \(k.label) integration at all: no provider SDK, no API call, not even a stub. The feature cannot work in production. Add \(providerHint(k)) on the server."))
                status = "missing"
            } else {
                let browserOnly = s.serverProviders.isEmpty && s.simulations.isEmpty && s.clientSecretUse.isEmpty && !s.browserOnly.isEmpty
                if browserOnly, let first = s.browserOnly.first {
                    s.simulations.append(Finding.at(d, rule: "browser-only-\(k.rawValue)", file: first.file, offset: first.offset, severity: .medium,
                        message: "\(first.provider) runs only in the browser and no server code talks to a \(k.label) provider. \(k == .payments ? "The app never learns reliably that a payment succeeded" : "Anyone can trigger sends with your public key and nothing is recorded server-side"). Add the server half (session creation and a verified webhook, or a server-side send)."))
                }
                if k == .payments && s.simulations.isEmpty && !s.serverProviders.isEmpty && confirmFiles.isEmpty && paidTracked {
                    s.simulations.append(app.appFinding(d, rule: "payment-unconfirmed", severity: .medium,
                        message: "Payments are created with \(s.serverProviders.sorted().joined(separator: ", ")) but nothing confirms them: no verified webhook and no server-side retrieve of the session or intent. The app cannot tell a paid invoice from an abandoned checkout. Handle the provider's completion event on the server."))
                }
                findings += s.clientSecretUse + s.simulations
                let real = !s.serverProviders.isEmpty
                let ok = real && s.clientSecretUse.isEmpty && s.simulations.isEmpty
                if ok { good += 1 }
                status = ok ? "real (\(s.serverProviders.sorted().joined(separator: ", ")))"
                    : !s.clientSecretUse.isEmpty ? "client-only"
                    : browserOnly ? "browser-only (\(s.browserOnly.map(\.provider).first ?? ""))"
                    : !s.simulations.isEmpty ? (real ? "partly simulated" : "simulated")
                    : "browser-only"
            }
            evidence.append(Evidence(k.rawValue + (needed.contains(k) ? " (needed)" : " (attempted)"), status))
        }
        findings = dedupe(findings)
        evidence.insert(Evidence("integrations judged", scope.count), at: 0)
        evidence.insert(Evidence("real and server-side", good), at: 1)
        if !unknownSpec.isEmpty { evidence.append(Evidence("spec integrations not checked", unknownSpec.joined(separator: ", "))) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.share(good, of: scope.count)), findings: findings, evidence: evidence)
    }

    private func anchor(_ pr: Provider, file f: ScannedFile, offset: Int, side: CodeSide, via: String, d: MetricDescriptor,
                        note: (IntegrationKind, (inout KindState) -> Void) -> Void) {
        switch pr.usage {
        case .baas:
            note(pr.kind) { $0.baas = true; $0.serverProviders.insert(pr.name) }
        case .browser:
            note(pr.kind) { $0.browserOnly.append((f, offset, pr.name)) }
        case .server:
            if side == .client {
                note(pr.kind) {
                    if $0.clientSecretUse.contains(where: { $0.path == f.path }) { return }
                    $0.clientSecretUse.append(Finding.at(d, rule: "client-side-\(pr.kind.rawValue)", file: f, offset: offset,
                        message: "\(f.path) runs in the browser and \(via) (\(pr.name)), an API that needs a secret key. The key ships in the bundle and the browser decides what is \(pr.kind == .payments ? "charged" : "sent"). Move the call to an API route or edge function and keep the key server-side."))
                }
            } else if side.isApp {
                note(pr.kind) { $0.serverProviders.insert(pr.name) }
            }
        }
    }

    /// Whether the write at `offset` sits in a function that a confirming file (verified webhook,
    /// provider retrieve) calls, as in a repository's `markInvoicePaid` used by the webhook route.
    private func calledFromConfirmation(_ f: ScannedFile, offset: Int, _ names: Set<String>) -> Bool {
        for name in names where f.contains(name, in: .code) {
            for o in f.find(name, in: .code, wordStart: true) where o < offset {
                let id = G3Scan.identifier(f.bytes, around: o)
                guard id.text == name, let body = G3Scan.functionBody(f, nameRange: id.range) else { continue }
                if body.contains(offset) { return true }
            }
        }
        return false
    }

    /// Whether the app uses a function anywhere but its definition (a call, a handler prop, an export list).
    private func isReferenced(_ app: AppContext, _ name: String, except def: ScannedFile, _ defOffset: Int) -> Bool {
        for g in app.files where G3Scan.isAppCode(g) && g.contains(name, in: .code) {
            let b = g.bytes
            for o in g.find(name, in: .code, wordStart: true) where !(g.path == def.path && o == defOffset) {
                let e = o + name.utf8.count
                if e < b.count && ByteClass.isIdentifier(b[e]) { continue }
                return true
            }
        }
        return false
    }

    /// Callbacks that react to an outcome decided elsewhere (`onPaymentSuccess`, `handlePaymentComplete`).
    private func isReaction(_ name: String) -> Bool {
        let w = IntegrationSimulation.words(name)
        // `onPaid`, `onInvited`, `onSent`: told that something happened elsewhere. `onInvite`, `onSubmit` are the
        // user's own action, judged by what their body calls.
        if w.first == "on", let last = w.last, w.count > 1, last.hasSuffix("ed") || last == "sent" || last == "paid" || last == "done" { return true }
        return !Set(w).isDisjoint(with: ["success", "succeeded", "complete", "completed", "done", "finished", "confirmed", "callback", "result"])
    }

    private func hasProvider(_ f: ScannedFile, kind: IntegrationKind, sides: SideMap) -> Bool {
        sides.packages(f).contains { IntegrationCatalog.provider($0.ref, package: $0.package, python: f.language == .python)?.kind == kind }
    }

    private func stringStart(_ f: ScannedFile, _ offset: Int) -> Int {
        var i = offset
        while i > 0 && f.kind(at: i - 1) == .string && f.bytes[i] != 0x22 && f.bytes[i] != 0x27 && f.bytes[i] != 0x60 { i -= 1 }
        return i
    }

    private func dedupe(_ fs: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return fs.filter { seen.insert("\($0.rule):\($0.path ?? ""):\($0.line):\($0.column)").inserted }
    }

    private func stubWhat(_ k: IntegrationKind) -> String {
        switch k {
        case .email: "is the app's way to send email"
        case .sms: "is the app's way to send SMS"
        case .payments: "is the app's payment step"
        case .storage: "is the app's upload step"
        case .ai: "is presented as an AI call"
        }
    }

    private func stubOutcome(_ k: IntegrationKind) -> String {
        switch k {
        case .email: "delivered to anyone"
        case .sms: "delivered"
        case .payments: "charged, yet the flow reports success"
        case .storage: "stored"
        case .ai: "generated by a model"
        }
    }

    func providerHint(_ k: IntegrationKind) -> String {
        switch k {
        case .payments: "Stripe, Razorpay, Paddle or similar: checkout created on the server, status set by a verified webhook"
        case .email: "Resend, Postmark, SendGrid, SES or SMTP via Nodemailer"
        case .sms: "Twilio, Vonage or MSG91"
        case .storage: "Supabase Storage, S3/R2, Firebase Storage or UploadThing"
        case .ai: "OpenAI, Anthropic, Gemini or the Vercel AI SDK"
        }
    }
}
