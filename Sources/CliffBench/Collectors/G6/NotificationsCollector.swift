import Foundation

/// G6.D4: the notifications the task names (booking confirmed, reminder the day before, reply emailed…)
/// are really delivered.
///
/// Events come from the task spec: clauses of the prompt, features and canaries that mention email,
/// notify, remind, alert, SMS or push (inbound/incoming mail and negated clauses are skipped), keyed by
/// the business word they carry (confirm, remind, assign, paid, reply…). A delivery channel is a real
/// provider call in server code — Resend, SendGrid, Postmark, Mailgun, SES, nodemailer, Flask-Mail,
/// smtplib, Django send_mail, Twilio/SNS,
/// web-push/FCM/Expo — or an in-app channel (writes to a notifications table, realtime subscriptions,
/// socket/pusher events); a `toast()` after the user's own action is feedback, not a notification.
/// An event is delivered when its channel exists, a file that sends (or calls the app's send helper,
/// or invokes the sending edge function) mentions the event's word, and — for reminders — a scheduled
/// job (cron, pg_cron, Vercel crons, setInterval on the server) runs it. Code that only logs "Email sent"
/// and provider calls made from the browser are findings of their own. Score: share of the task's events
/// delivered; without a task, share of the app's notification code that really sends. Not measured when
/// neither the task nor the app involves notifications.
public struct NotificationsCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.D4", slug: "notifications", kind: .diagnostic, methods: "S,T", implemented: "S",
        measures: "in-app or email notifications for the business events the task names",
        severity: .medium, remediation: RemediationCost(baseHours: 3, perFindingHours: 1.5),
        triggering: [
            CollectorExample("supabase/functions/send-confirmation/index.ts", """
                serve(async (req) => {
                  const { email, doctor } = await req.json();
                  // await resend.emails.send({ from: "clinic@x.in", to: email, subject: "Booking confirmed" });
                  return new Response(JSON.stringify({ message: "↓Email sent" }));
                });
                """, note: "claims an email was sent; the provider call is commented out"),
            CollectorExample([
                "utils/mailer.js": """
                    async function sendEmail(to, subject, body) {
                      console.log("↓=== EMAIL ===", to, subject);
                      return { status: "sent" };
                    }
                    module.exports = { sendEmail };
                    """,
                "routes/tickets.js": "router.post(\"/:id/reply\", async (req, res) => { await sendEmail(customer.email, \"Re: \" + t.subject, req.body.body); res.json({}); });\n",
            ], note: "a mailer that only prints"),
            CollectorExample("src/lib/email.ts", """
                import { Resend } from "resend";
                const resend = new Resend(import.meta.env.VITE_RESEND_API_KEY);
                export const notifyPatient = (to: string) => resend.↓emails.send({ from: "a@b.in", to, subject: "Booking confirmed", html: "<p>ok</p>" });
                """, note: "an email provider called from the browser"),
        ],
        nonTriggering: [
            CollectorExample([
                "lib/email.ts": """
                    import { Resend } from "resend";
                    const resend = new Resend(process.env.RESEND_API_KEY);
                    export async function sendBookingConfirmation(to: string, when: string) {
                      await resend.emails.send({ from: "Clinic <bookings@clinic.in>", to, subject: "Your appointment is confirmed", text: when });
                    }
                    """,
                "app/api/appointments/route.ts": """
                    import { sendBookingConfirmation } from "@/lib/email";
                    export async function POST(req: Request) {
                      const a = await create(await req.json());
                      await sendBookingConfirmation(a.email, a.startsAt);
                      console.log("Email sent");
                      return Response.json(a, { status: 201 });
                    }
                    """,
            ], note: "a real provider behind an app helper; the log after a real send is not a fake"),
            CollectorExample("src/pages/Settings.tsx", """
                import { toast } from "sonner";
                export function Settings() {
                  const save = () => { localStorage.setItem("tone", "friendly"); toast.success("Settings saved"); };
                  return <button onClick={save}>Save</button>;
                }
                """, note: "a toast after the user's own action is not a notification, and nothing else notifies"),
            CollectorExample([
                "server/jobs.ts": """
                    import cron from "node-cron";
                    import nodemailer from "nodemailer";
                    const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
                    cron.schedule("0 8 * * *", async () => {
                      for (const r of await dueReminders()) {
                        await transporter.sendMail({ to: r.email, subject: "Reminder: your appointment tomorrow", text: r.when });
                      }
                    });
                    """,
                "docs/notes.md": "We used to log \"Email sent\" here.\n",
            ], note: "a scheduled reminder job with a real SMTP send; docs are not code"),
            CollectorExample("app.py", """
                from flask_mail import Mail, Message
                mail = Mail(app)

                @app.route("/events/<int:event_id>/rsvp", methods=["POST"])
                def rsvp(event_id):
                    mail.send(Message(subject="You're going", recipients=[current_user.email]))
                    flash("Confirmation email sent.")
                    return redirect("/events")
                """, note: "Flask-Mail really sends, so the flash message is not a simulated send"),
        ])

    private static let emailLits = ["emails.send(", "api.resend.com", "sgMail.send(", "sendMail(", "api.sendgrid.com", "api.postmarkapp.com", "sendEmailWithTemplate(",
                                    "SendEmailCommand(", "api.mailgun.net", "messages.create(", "sendTransacEmail(", "emailjs.send(", "SMTPClient(", "api.brevo.com",
                                    // Python: Flask-Mail, Resend, smtplib, Django, SendGrid
                                    "mail.send(", "Emails.send(", "smtplib.SMTP", "send_mail(", "SendGridAPIClient("]
    private static let smsLits = ["api.twilio.com", "PublishCommand(", "sns.publish(", "sms.send("]
    private static let pushLits = ["webpush.sendNotification(", "sendNotification(", "sendToDevice(", "sendEachForMulticast(", "sendMulticast(",
                                   "sendPushNotificationsAsync(", "scheduleNotificationAsync(", "messaging().send(", "onesignal.com"]
    private static let inAppLits = ["postgres_changes", "pusher.trigger(", "io.emit(", "io.to(", "socket.emit(", "useSubscription(", "new EventSource("]

    public var rules: [PatternRule] {
        let code = DataModel.codeLanguages
        return [
            PatternRule(id: "G6.D4/provider", literals: Self.emailLits + Self.smsLits + Self.pushLits + Self.inAppLits, regions: .live, languages: code,
                        regexEquivalent: #"(?i:emails)\.send\(|\bmail\.send\(|smtplib\.SMTP|\bsend_mail\(|SendGridAPIClient\(|api\.resend\.com|sgMail\.send\(|sendMail\(|api\.(sendgrid|postmarkapp|mailgun|brevo|twilio)\.|SendEmailCommand\(|messages\.create\(\{[^}]*\bto:|sendTransacEmail\(|webpush\.sendNotification\(|sendToDevice\(|sendMulticast\(|postgres_changes|pusher\.trigger\(|(io|socket)\.emit\("#),
            PatternRule(id: "G6.D4/notify-table", literals: ["\"notifications\"", "'notifications'", ".notification.create(", ".notification.createMany(",
                                                            "insert into notifications", "insert into public.notifications"],
                        caseSensitive: false, regions: .live, languages: code,
                        regexEquivalent: #"(?i)from\(\s*['"]notifications['"]\s*\)\s*\.insert|\.notification\.create(Many)?\(|insert\s+into\s+(public\.)?notifications"#),
            PatternRule(id: "G6.D4/scheduler", literals: ["cron.schedule(", "scheduleJob(", "setInterval(", "Deno.cron(", "\"crons\"", "- cron:", "@Cron(", "crontab(",
                                                         "add_job(", "inngest.createFunction(", "schedules.task(", "schedule:"],
                        regions: .live, languages: code.union([.json, .yaml, .sql, .toml]),
                        regexEquivalent: #"cron\.schedule\(|scheduleJob\(|setInterval\(|Deno\.cron\(|"crons"|-\s*cron:|@Cron\(|crontab\(|add_job\(|inngest\.createFunction\("#),
            PatternRule(id: "G6.D4/fake", literals: ["email sent", "sending email", "sending confirmation", "sending reminder", "reminder sent", "sms sent",
                                                    "notification sent", "=== email", "email ===", "would send", "mock email", "fake email", "email (demo"],
                        caseSensitive: false, regions: .string, languages: code,
                        regexEquivalent: #"(?i)['"`][^'"`]*(email sent|sending (email|confirmation|reminder)|reminder sent|sms sent|notification sent|=== email|email ===|would send|mock email)"#),
            PatternRule(id: "G6.D4/invoke", literals: ["functions.invoke("], regions: .code, languages: DataModel.jsLanguages,
                        regexEquivalent: #"functions\.invoke\(\s*['"`][\w-]+"#),
        ]
    }

    private enum Channel: String { case email, sms, push, inApp = "in-app", any }

    private struct Event {
        var key: String
        var stems: Set<String>
        var channel: Channel
        var reminder: Bool
        var label: String
        var source: String
    }

    private static let vocabulary = ["remind", "confirm", "assign", "paid", "payment", "receipt", "invoice", "refund", "cancel", "resched", "invite", "welcome",
                                     "reset", "approv", "reply", "repli", "ship", "deliver", "order", "book", "mention", "comment", "status", "due", "expir",
                                     "overdue", "escalat", "ticket", "message", "sign"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let hits = G6Hits(app, metric: d.id, rules: ["provider", "notify-table", "scheduler", "fake", "invoke"])
        var findings: [Finding] = []

        // Real channels.
        var channels = Set<Channel>()
        var sendFiles = Set<String>()
        var wrapperNames = Set<String>()
        var clientSends = 0, serverSends = 0
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            var functions: [G6Function]?
            for h in hits.hits(path, "provider") {
                let lit = G6Scan.text(f.bytes, h.offset..<(h.offset + h.length))
                guard let channel = confirm(f, h.offset, lit) else { continue }
                let browser = G6Scan.role(f) == .client && channel != .inApp && lit != "emailjs.send(" && !lit.hasPrefix("schedule") && lit != "sendNotification("
                if browser {
                    clientSends += 1
                    findings.append(Finding.at(d, rule: "sent-from-browser", file: f, offset: h.offset, severity: .medium,
                        message: "This \(channel.rawValue) notification is sent from browser code. The provider's secret key ships in the bundle (anyone can send mail as you) and most email/SMS APIs refuse browser requests, so it will not be delivered reliably. Send it from a server route or edge function triggered by the business event."))
                    continue
                }
                serverSends += 1
                channels.insert(channel)
                sendFiles.insert(path)
                if f.language == .python {
                    if let name = pythonEnclosingDef(f.bytes, h.offset), isDistinctive(name) { wrapperNames.insert(name) }
                    continue
                }
                if functions == nil { functions = G6Function.all(in: f) }
                if let fn = G6Function.enclosing(functions!, h.offset), isDistinctive(fn.name) { wrapperNames.insert(fn.name) }
            }
            for h in hits.hits(path, "notify-table") where isNotificationWrite(f, h.offset) {
                channels.insert(.inApp)
                sendFiles.insert(path)
                serverSends += 1
            }
        }
        // Files that call a sending helper, and clients that invoke a sending edge function.
        var triggerFiles = sendFiles
        var invokedNames: [String: String] = [:]
        for f in app.files where G6Scan.isAppCode(f) && !sendFiles.contains(f.path) {
            if wrapperNames.contains(where: { !f.find("\($0)(", in: .code, wordStart: true).isEmpty }) { triggerFiles.insert(f.path) }
        }
        var sendingFunctions = Set<String>()
        for p in sendFiles {
            let parts = p.split(separator: "/").map(String.init)
            if let i = parts.firstIndex(of: "functions"), i > 0, parts[i - 1] == "supabase", i + 2 < parts.count { sendingFunctions.insert(parts[i + 1]) }
        }
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            for h in hits.hits(path, "invoke") {
                let a = G6Scan.skipSpace(f.bytes, h.offset + h.length)
                guard let (name, _) = G6Scan.quoted(f.bytes, at: a) else { continue }
                if sendingFunctions.contains(name) {
                    triggerFiles.insert(path)
                    invokedNames[path] = name
                }
            }
        }

        // Fake sends: "Email sent" with nothing behind it.
        var fakes = 0
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f), !triggerFiles.contains(path) else { continue }
            // In browser code only a log line is a claim; a toast after calling some API is feedback.
            let server = G6Scan.role(f) != .client
            guard let h = hits.hits(path, "fake").first(where: { server || inLogCall(f, $0.offset) }) else { continue }
            fakes += 1
            let providerWords = ["emails.send", "sendMail", "sgMail", "resend", "nodemailer", "twilio"]
            let commented = f.regions.contains { r in
                r.kind == .comment && providerWords.contains { f.string(Int(r.start)..<Int(r.end)).contains($0) }
            }
            findings.append(Finding.at(d, rule: "simulated-send", file: f, offset: h.offset, severity: .medium,
                message: "This code reports a notification as sent (\"\(G6Scan.text(f.bytes, h.offset..<(h.offset + h.length)))\") but no provider is called here\(commented ? " — the provider call is commented out" : ""): the message is only logged and the recipient never gets it. Call a real provider (Resend, SendGrid, SES, nodemailer) from the server and handle its failure."))
        }

        // Scheduled jobs.
        var reminderJob = false
        var anyJob = false
        for path in hits.paths {
            guard let f = hits.files[path] else { continue }
            let server = f.role == .config || f.role == .schema || (G6Scan.isAppCode(f) && G6Scan.role(f) != .client)
            guard server, f.role != .test, f.role != .docs else { continue }
            for h in hits.hits(path, "scheduler") {
                let lit = G6Scan.text(f.bytes, h.offset..<(h.offset + h.length))
                if lit == "schedule:" && !(f.language == .yaml || f.language == .toml || f.language == .json) { continue }
                if f.language.isProgram && f.kind(at: h.offset) != .code { continue }
                anyJob = true
                let window = max(0, h.offset - 300)..<min(f.bytes.count, h.offset + 800)
                if G6Scan.mentions(f, ["remind", "due", "upcoming", "tomorrow", "digest"], in: window) { reminderJob = true }
            }
        }

        // Task events.
        let events = app.info.taskSpec.map(taskEvents) ?? []
        if !events.isEmpty {
            var delivered = 0
            for e in events {
                let channelOK: Bool
                switch e.channel {
                case .email: channelOK = channels.contains(.email)
                case .sms: channelOK = channels.contains(.sms)
                case .push: channelOK = channels.contains(.push)
                case .inApp: channelOK = channels.contains(.inApp) || channels.contains(.push)
                case .any: channelOK = !channels.isEmpty
                }
                let tied = channelOK && triggerFiles.contains { p in
                    guard let f = app.file(p) else { return false }
                    return G6Scan.mentions(f, Array(e.stems), in: 0..<f.bytes.count) || (invokedNames[p].map { n in e.stems.contains { n.lowercased().contains($0) } } ?? false)
                }
                let scheduled = !e.reminder || reminderJob
                if channelOK && tied && scheduled { delivered += 1; continue }
                let what = e.channel == .any || e.channel == .inApp ? "notification" : e.channel.rawValue
                var message = "The task asks for \"\(e.label)\" (\(e.source)), but "
                if !channelOK {
                    message += "the app has no working \(what) channel: no \(e.channel == .email ? "email provider (Resend, SendGrid, SES, nodemailer…)" : "provider or notifications table") is called from server code"
                    if fakes > 0 { message += "; the existing send code only logs" }
                    if clientSends > 0 { message += "; the only provider calls run in the browser" }
                } else if !tied {
                    message += "nothing that sends \(what) is tied to it (no send near \(e.stems.sorted().joined(separator: "/")) logic)"
                } else {
                    message += "it needs a scheduled job (cron, pg_cron, Vercel cron, a queue) and none runs reminders"
                }
                message += ". Users will not hear about it; send it from the server when the event happens\(e.reminder ? ", from a scheduled job that picks due items" : "") and record that it was sent."
                findings.append(app.appFinding(d, rule: "event-not-notified", severity: .medium, message: message))
            }
            return MetricResult(metricID: d.id, value: .measured(FindingScore.share(delivered, of: events.count)), findings: findings, evidence: [
                Evidence("events the task names", events.count), Evidence("events delivered", delivered),
                Evidence("channels", channels.map(\.rawValue).sorted().joined(separator: ", ")),
                Evidence("simulated sends", fakes), Evidence("browser sends", clientSends), Evidence("scheduled jobs", anyJob ? "yes" : "none"),
            ])
        }

        let total = serverSends + fakes + clientSends
        guard total > 0 else {
            return .notMeasured(d.id, "neither the task nor the app involves notifications (no email, SMS, push or in-app notification code)")
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.share(serverSends, of: total)), findings: findings, evidence: [
            Evidence("real sends", serverSends), Evidence("simulated sends", fakes), Evidence("browser sends", clientSends),
            Evidence("channels", channels.map(\.rawValue).sorted().joined(separator: ", ")),
        ])
    }

    /// Whether `offset` is inside the arguments of a console/logger call.
    private func inLogCall(_ f: ScannedFile, _ offset: Int) -> Bool {
        let b = f.bytes
        var depth = 0
        var i = offset - 1
        let lo = max(0, offset - 400)
        while i >= lo {
            if b[i] == 0x29 { depth += 1 } else if b[i] == 0x28 {
                if depth == 0 {
                    let e = i
                    var s = e
                    while s > 0 && (G6Scan.isIdent(b[s - 1]) || b[s - 1] == 0x2E) { s -= 1 }
                    let callee = G6Scan.text(b, s..<e)
                    return callee.hasPrefix("console.") || callee.hasPrefix("logger.") || callee.hasPrefix("log.") || callee == "print"
                }
                depth -= 1
            }
            i -= 1
        }
        return false
    }

    /// The channel of a provider hit, or nil when it is not a notification send (an AI `messages.create`).
    private func confirm(_ f: ScannedFile, _ offset: Int, _ lit: String) -> Channel? {
        let b = f.bytes
        if f.kind(at: offset) == .string && !lit.contains(".com") && !lit.contains(".net") && lit != "postgres_changes" { return nil }
        if lit == "messages.create(" {
            guard let close = G6Scan.closing(f, open: offset + lit.utf8.count - 1) else { return nil }
            let args = (offset + lit.utf8.count)..<close
            guard G6Scan.contains(b, "to", in: args, wordStart: true), !G6Scan.contains(b, "model", in: args, wordStart: true) else { return nil }
            return G6Scan.contains(b, "subject", in: args, wordStart: true) ? .email : .sms
        }
        if lit == "sendMail(" || lit == "sendNotification(" || lit == "send_mail(" || lit == "mail.send(" {
            if let p = G6Scan.identBefore(b, offset), p.name == "function" || p.name == "async" || p.name == "def" { return nil }
            if offset > 0 && G6Scan.isIdent(b[offset - 1]) { return nil }
        }
        if Self.emailLits.contains(lit) { return .email }
        if Self.smsLits.contains(lit) { return .sms }
        if Self.pushLits.contains(lit) { return .push }
        return .inApp
    }

    private func isNotificationWrite(_ f: ScannedFile, _ offset: Int) -> Bool {
        let b = f.bytes
        let window = offset..<min(b.count, offset + 160)
        return ["insert(", "upsert(", "create(", "createMany(", "addDoc(", ".add(", "values"].contains { G6Scan.contains(b, $0, in: window, foldCase: true) }
            || G6Scan.hasLiteral(b, at: offset, "insert into", foldCase: true)
    }

    /// The name of the Python `def` whose body holds `offset` (the nearest less-indented `def` above it).
    private func pythonEnclosingDef(_ b: [UInt8], _ offset: Int) -> String? {
        var ls = offset
        while ls > 0 && b[ls - 1] != 0x0A { ls -= 1 }
        let indent = G6Scan.skipSpace(b, ls, limit: offset) - ls
        var i = ls
        let lo = max(0, offset - 8000)
        while i > lo {
            var s = i - 1
            while s > 0 && b[s - 1] != 0x0A { s -= 1 }
            i = s
            let t = G6Scan.skipSpace(b, s)
            guard t - s < indent else { continue }
            for kw in ["def ", "async def "] where G6Scan.hasLiteral(b, at: t, kw) {
                let n = G6Scan.skipSpace(b, t + kw.utf8.count)
                let e = G6Scan.identEnd(b, n)
                return e > n ? G6Scan.text(b, n..<e) : nil
            }
            if t < b.count && b[t] != 0x0A && b[t] != 0x23 && b[t] != 0x40 && t - s == 0 { return nil }
        }
        return nil
    }

    private func isDistinctive(_ name: String) -> Bool {
        name.utf8.count >= 6 && !["handler", "default", "serve", "execute", "handle", "action", "onSubmit", "submit"].contains(name)
            && !(name.first?.isUppercase ?? false)
    }

    // MARK: Events named by the task

    private func taskEvents(_ spec: TaskSpec) -> [Event] {
        var byKey: [String: Event] = [:]
        var order: [String] = []
        for (id, text) in G6Task.texts(spec) {
            let itemStems = Self.vocabulary.filter { text.lowercased().contains($0) }
            for sentence in G6Task.sentences(text) {
                let sentenceChannel = channel(of: sentence.lowercased())
                for clause in clauses(sentence) {
                    let l = clause.lowercased()
                    let words = G6Task.words(l)
                    guard isNotification(l, words) else { continue }
                    if ["inbound", "incoming", "receive email from", "emails become", "webhook"].contains(where: { l.contains($0) }) { continue }
                    if words.contains(where: { ["no", "never", "not", "without", "cannot"].contains($0) }) { continue }
                    var stems = Self.vocabulary.filter { l.contains($0) }
                    if stems.isEmpty { stems = itemStems }
                    guard let key = stems.first else { continue }
                    let reminder = l.contains("remind")
                    var ch = channel(of: l)
                    if ch == .any { ch = sentenceChannel }
                    let label = clause.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
                    if var e = byKey[key] {
                        e.stems.formUnion(stems)
                        if e.channel == .any { e.channel = ch }
                        e.reminder = e.reminder || reminder
                        byKey[key] = e
                    } else {
                        byKey[key] = Event(key: key, stems: Set(stems), channel: ch, reminder: reminder, label: label, source: id == "prompt" ? "prompt" : "feature \(id)")
                        order.append(key)
                    }
                }
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// Whether a clause asks for a message to be sent: "emailed", "notify", "a reminder", "an email",
    /// "by email" — but not "customer email" or "email address", which are data.
    private func isNotification(_ l: String, _ words: [String]) -> Bool {
        let messageWords: Set<String> = ["a", "an", "by", "via", "confirmation", "reminder", "welcome", "receipt", "notification", "send", "sends", "sent",
                                         "another", "one", "daily", "weekly", "summary", "digest", "follow-up", "followup"]
        for (i, w) in words.enumerated() {
            if w == "emailed" || w.hasPrefix("notif") || w.hasPrefix("remind") || w == "sms" || w == "alerts" || w == "alerted" { return true }
            if w == "email" || w == "emails" || w == "e-mail" {
                let next = i + 1 < words.count ? words[i + 1] : ""
                if next == "address" || next == "addresses" { continue }
                if i > 0 && messageWords.contains(words[i - 1]) { return true }
            }
        }
        return l.contains("text message") || l.contains("push notification")
    }

    private func channel(of l: String) -> Channel {
        if l.contains("email") || l.contains("e-mail") { return .email }
        if l.contains("sms") || l.contains("text message") { return .sms }
        if l.contains("push") { return .push }
        if l.contains("in-app") || l.contains("notif") || l.contains("alert") { return .inApp }
        return .any
    }

    /// A sentence split at " and ", commas and semicolons.
    private func clauses(_ sentence: String) -> [String] {
        sentence.replacingOccurrences(of: " and ", with: "|").replacingOccurrences(of: ", ", with: "|").replacingOccurrences(of: "; ", with: "|")
            .split(separator: "|").map(String.init)
    }
}
