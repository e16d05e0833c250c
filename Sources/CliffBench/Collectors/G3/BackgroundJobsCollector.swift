/// G3.P2: scheduled or queued work (reminders, digests, recurring processing) has a backend
/// mechanism: a platform cron (Vercel `crons`, Supabase `pg_cron`, GitHub Actions `schedule`,
/// Cloudflare/Netlify/Firebase schedules, `Deno.cron`), a scheduler in a long-running server
/// (node-cron, APScheduler, a `setInterval` sweep) or a queue (BullMQ, pg-boss, Inngest,
/// Trigger.dev, QStash, Celery). Simulations are browser timers that compute reminders while a page
/// is open; fragile ones are `setInterval` in serverless handlers and in-memory `setTimeout`
/// delays. Needed when the task spec or the app itself speaks of reminders, digests or recurring
/// work; not measured when nothing needs background work and none exists.
public struct BackgroundJobsCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.P2", slug: "background-jobs", kind: .primary, methods: "S,T", implemented: "S",
        measures: "scheduled or queued work the task needs (reminders, notifications, processing) has a backend mechanism",
        severity: .high, remediation: RemediationCost(baseHours: 4, perFindingHours: 2),
        triggering: [
            CollectorExample("src/pages/Dashboard.tsx", """
                export default function Dashboard({ appointments }) {
                  useEffect(() => {
                    const id = ↓setInterval(() => {
                      const due = appointments.filter((a) => new Date(a.date).getTime() - Date.now() < 86400000);
                      due.forEach((a) => toast(`Reminder: appointment with ${a.doctor} tomorrow`));
                    }, 60000);
                    return () => clearInterval(id);
                  }, [appointments]);
                  return <h1>Upcoming reminders</h1>;
                }
                """, note: "reminders computed by a browser timer only while the page is open"),
            CollectorExample([
                "src/pages/Settings.tsx": """
                    export default function Settings() {
                      return <label><input type="checkbox" /> Email me a reminder the day before</label>;
                    }
                    """,
                "supabase/functions/book/index.ts": """
                    serve(async (req) => new Response("ok"));
                    """,
            ], note: "the UI promises reminders and no job sends them"),
            CollectorExample("app/api/reminders/route.ts", """
                export async function POST() {
                  ↓setInterval(async () => { await sendReminderEmails(); }, 3600000);
                  return Response.json({ started: true });
                }
                """, note: "an interval inside a serverless route"),
            CollectorExample("server/bookings.js", """
                router.post('/', async (req, res) => {
                  const appt = await db.appointments.create(req.body);
                  ↓setTimeout(() => sendReminder(appt), new Date(appt.startsAt) - Date.now() - 86400000);
                  res.json(appt);
                });
                """, note: "a day-long in-memory delay that a restart loses"),
        ],
        nonTriggering: [
            CollectorExample([
                "vercel.json": """
                    { "crons": [{ "path": "/api/cron/reminders", "schedule": "0 8 * * *" }] }
                    """,
                "app/api/cron/reminders/route.ts": """
                    export async function GET() { await sendDueReminders(); return Response.json({ ok: true }); }
                    """,
            ], note: "a Vercel cron calls a reminder route"),
            CollectorExample([
                "supabase/migrations/20260101_reminders.sql": """
                    create extension if not exists pg_cron;
                    select cron.schedule('send-reminders', '0 * * * *', $$ select net.http_post(url := 'https://x.supabase.co/functions/v1/reminders') $$);
                    """,
                "src/pages/Settings.tsx": """
                    export default function Settings() { return <p>We send a reminder the day before.</p>; }
                    """,
            ], note: "pg_cron schedules the reminder function"),
            CollectorExample("server/index.ts", """
                import cron from "node-cron";
                cron.schedule("*/15 * * * *", () => sendDueReminders(repo, mailer));
                const timer = setInterval(() => sendDueReminders(repo, mailer), 15 * 60_000);
                app.listen(3000);
                """, note: "node-cron and a sweep interval in a long-running server"),
            CollectorExample("src/components/Clock.tsx", """
                export function Clock() {
                  useEffect(() => { const id = setInterval(() => setNow(new Date()), 1000); return () => clearInterval(id); }, []);
                  useEffect(() => { const id = setInterval(() => refetchNotifications(), 30000); return () => clearInterval(id); }, []);
                  return <span>{now.toLocaleTimeString()}</span>;
                }
                """, note: "a clock and polling the server are not background jobs"),
            CollectorExample("README.md", """
                # Todo
                - [ ] send reminder emails with a cron job
                """, note: "a wish in the docs"),
            CollectorExample("app/error.tsx", """
                "use client";
                export default function Error({ error }: { error: Error & { digest?: string } }) {
                  return <p>Something went wrong ({error.digest})</p>;
                }
                """, note: "Next's error digest is not a digest email"),
        ])

    private static let mechanisms: [(lit: String, name: String, durable: Bool)] = [
        ("node-cron", "node-cron", false), ("cron.schedule(", "cron.schedule", false), ("Deno.cron(", "Deno.cron", true),
        ("CronJob", "cron job", false), ("node-schedule", "node-schedule", false), ("scheduleJob(", "node-schedule", false),
        ("croner", "croner", false), ("toad-scheduler", "toad-scheduler", false), ("bullmq", "BullMQ", true), ("bee-queue", "Bee-Queue", true),
        ("pg-boss", "pg-boss", true), ("new Agenda(", "Agenda", true), ("inngest", "Inngest", true), ("@trigger.dev", "Trigger.dev", true),
        ("@upstash/qstash", "QStash", true), ("onSchedule(", "Firebase scheduled function", true), ("pubsub.schedule(", "Firebase scheduled function", true),
        ("graphile-worker", "graphile-worker", true), ("@shared_task", "Celery", true), ("beat_schedule", "Celery beat", true),
        ("celery", "Celery", true), ("BackgroundScheduler", "APScheduler", false), ("AsyncIOScheduler", "APScheduler", false),
        ("BlockingScheduler", "APScheduler", false), ("apscheduler", "APScheduler", false), ("rq_scheduler", "rq-scheduler", true),
        ("django_q", "Django Q", true), ("dramatiq", "Dramatiq", true), ("\"crons\"", "Vercel cron", true), ("crons", "platform cron", true),
        ("cron:", "scheduled workflow", true), ("type: cron", "Render cron job", true), ("kind: CronJob", "Kubernetes CronJob", true),
        ("pg_cron", "pg_cron", true), ("schedule.every(", "schedule", false), ("@netlify/functions", "Netlify scheduled function", true),
    ]

    static let needWords = ["reminder", "remind", "digest", "recurring", "every day", "every week", "every morning", "every night", "nightly",
                            "daily summary", "weekly summary", "daily report", "weekly report", "background job", "backend job",
                            "scheduled job", "scheduled task", "scheduled email", "scheduled post", "cron", "the day before", "hours before"]

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G3.P2/mechanism", literals: Self.mechanisms.map(\.lit), regions: .live,
                        regexEquivalent: #"node-cron|cron\.schedule\(|Deno\.cron\(|CronJob|node-schedule|bullmq|pg-boss|inngest|@trigger\.dev|qstash|onSchedule\(|@shared_task|beat_schedule|BackgroundScheduler|"crons"|^\s*-\s*cron:|pg_cron"#),
            PatternRule(id: "G3.P2/timer", literals: ["setInterval(", "setTimeout("], regions: .code, wordStart: true,
                        regexEquivalent: #"\bset(Interval|Timeout)\([^)]*(remind|digest|due|overdue|email|notif)"#),
            PatternRule(id: "G3.P2/need", literals: ["reminder", "digest"], caseSensitive: false, regions: .code,
                        regexEquivalent: #"(?i)reminder|[^.]digest[^(]"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var mechanisms: [String: String] = [:]
        for (f, h) in G3Scan.hits(app, "G3.P2/mechanism") {
            guard let m = confirmMechanism(f, hit: h) else { continue }
            if mechanisms[m] == nil { mechanisms[m] = f.path }
        }

        var findings: [Finding] = []
        var intervals = 0
        for (f, h) in G3Scan.hits(app, "G3.P2/timer") where G3Scan.isAppCode(f) {
            let o = Int(h.offset)
            let paren = o + Int(h.length) - 1
            let span = G3Scan.callSpan(f, paren: paren)
            let isInterval = f.bytes[o + 3] == 0x49
            let side = sideOf(f, app)
            let jobWords = ["remind", "digest", "overdue", "duedate", "due_date", "dueat", "due_at", "isdue", "sendemail", "sendmail", "emailjs", "sendsms", "sendtext", "sendpush", "sendwhatsapp",
                            "new notification(", "shownotification("]
            let serverWords = ["notif", "email", "expire", "cleanup", "job", "cron", "queue", "sweep", "schedule", "recurring"]
            guard G3Scan.containsAny(f, side == .client ? jobWords : jobWords + serverWords, in: span, regions: [.code, .string]) else { continue }
            if side == .client {
                let fetches = G3Scan.containsAny(f, ["fetch", "invoke", "refetch", ".from(", "query", "axios", "get(", "load", "poll", "subscribe"],
                                                 in: span, regions: .code)
                guard !fetches else { continue }
                findings.append(Finding.at(d, rule: "browser-timer", file: f, offset: o,
                    message: "This \(isInterval ? "setInterval" : "setTimeout") in browser code stands in for a background job: it only runs while someone keeps this page open, once per open tab, and stops when the tab closes. Users get no reminder otherwise. Schedule the work on the backend (Vercel cron, Supabase pg_cron, a queue) and send from there."))
            } else if side.mayRunOnServer {
                if isServerless(f.path) {
                    findings.append(Finding.at(d, rule: "serverless-timer", file: f, offset: o,
                        message: "A timer inside a serverless handler (\(f.path)) dies when the invocation ends, so the scheduled work never runs reliably. Use the platform's scheduler (Vercel cron, Supabase pg_cron, Netlify scheduled functions) to call this handler."))
                } else if isInterval {
                    intervals += 1
                    if mechanisms["in-process interval sweep"] == nil { mechanisms["in-process interval sweep"] = f.path }
                } else {
                    findings.append(Finding.at(d, rule: "in-memory-delay", file: f, offset: o, severity: .medium,
                        message: "The job is a setTimeout held in server memory: a restart or deploy before it fires loses it, and each instance of a scaled server keeps its own copy. Persist the due time and let a cron sweep or a delayed queue job send it."))
                    if mechanisms["in-memory delay"] == nil { mechanisms["in-memory delay"] = f.path }
                }
            }
        }

        var need: String?
        if let spec = app.info.taskSpec {
            let text = (spec.prompt + " " + spec.features.map(\.description).joined(separator: " ")).lowercased()
            if let w = Self.needWords.first(where: { text.contains($0) }) { need = "the task spec asks for \"\(w)\" work" }
        }
        var needPath: String?
        for (f, h) in G3Scan.hits(app, "G3.P2/need") where G3Scan.isAppCode(f) || f.role == .schema {
            let o = Int(h.offset)
            // A product feature: an identifier (sendReminder, reminder_at) or UI text (JSX/HTML), not a
            // string of data, a dump or advice in prose.
            if f.kind(at: o) != .code { continue }
            if o > 0 && (f.bytes[o - 1] == 0x2E || ByteClass.isAlpha(f.bytes[o - 1])) { continue }
            let after = o + Int(h.length)
            if after < f.bytes.count && f.bytes[after] == 0x28 { continue }
            if f.string(o..<after).lowercased() == "digest" {
                if G3Scan.containsAny(f, ["createhash", "crypto", "sha256", "hmac"], in: max(0, o - 200)..<min(f.bytes.count, after + 60)) { continue }
                // a bare `digest` property or variable (Next's error.digest, `{ digest?: string }`), not a feature
                let id = G3Scan.identifier(f.bytes, around: o)
                if id.text.lowercased() == "digest" {
                    let next = G3Scan.skipSpaces(f.bytes, id.range.upperBound)
                    let prev = G3Scan.skipSpacesBack(f.bytes, id.range.lowerBound - 1)
                    if next < f.bytes.count && [0x3A, 0x3F, 0x3D, 0x28, 0x2C, 0x29, 0x3B, 0x2E, 0x7D].contains(f.bytes[next]) { continue }
                    if prev >= 0 && [0x2E, 0x7B, 0x2C, 0x28].contains(f.bytes[prev]) { continue }
                }
            }
            needPath = f.path
            if need == nil { need = "the app speaks of reminders or digests (\(f.path):\(f.location(of: o).line))" }
            break
        }

        if mechanisms.isEmpty && need == nil && findings.isEmpty {
            return .notMeasured(d.id, "nothing in the task or the app needs scheduled or queued work, and the app has none")
        }
        if let need, mechanisms.isEmpty {
            findings.append(app.appFinding(d, rule: "no-background-mechanism", path: needPath, severity: .high,
                message: "\(need.prefix(1).uppercased() + need.dropFirst()), but the app has no backend scheduler or queue: no cron (Vercel, pg_cron, GitHub Actions), no job queue, no scheduled function. The reminders or digests are never sent. Add a scheduled job that finds due items and sends them, idempotently."))
        }
        var evidence = [Evidence("need", need ?? "none stated"),
                        Evidence("mechanisms", mechanisms.isEmpty ? "none" : mechanisms.keys.sorted().joined(separator: ", "))]
        if intervals > 0 { evidence.append(Evidence("server interval sweeps", intervals)) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: evidence)
    }

    private func confirmMechanism(_ f: ScannedFile, hit h: RuleHit) -> String? {
        let lit = f.string(Int(h.offset)..<Int(h.offset + h.length))
        guard let m = Self.mechanisms.first(where: { $0.lit == lit }) else { return nil }
        let p = f.path.lowercased()
        let name = p.split(separator: "/").last.map(String.init) ?? p
        if f.role == .test || f.role == .docs { return nil }
        switch lit {
        case "\"crons\"":
            return name == "vercel.json" ? "Vercel cron" : nil
        case "crons":
            return name.hasPrefix("wrangler") && f.language == .toml ? "Cloudflare cron trigger" : nil
        case "cron:":
            guard f.language == .yaml, p.contains(".github/workflows/") || p.hasPrefix(".github/workflows/") else { return nil }
            guard G3Scan.contains(f, "schedule", in: G3Scan.whole(f)) else { return nil }
            let runsJob = G3Scan.containsAny(f, ["curl", "node ", "python", "npx tsx", "remind", "digest", "job", "cron"], in: G3Scan.whole(f), regions: .live)
            return runsJob ? "GitHub Actions schedule" : nil
        case "type: cron":
            return name.hasPrefix("render") ? m.name : nil
        case "celery":
            return f.language == .python && f.kind(at: Int(h.offset)) == .code ? m.name : nil
        case "@netlify/functions":
            return G3Scan.contains(f, "schedule", in: G3Scan.whole(f), regions: .live) ? m.name : nil
        case "cron.schedule(":
            return f.language == .sql ? "pg_cron" : (G3Scan.isAppCode(f) ? "node-cron" : nil)
        case "CronJob":
            return G3Scan.isAppCode(f) || f.language == .yaml ? m.name : nil
        default:
            return G3Scan.isAppCode(f) || f.role == .config || f.role == .schema ? m.name : nil
        }
    }

    private func sideOf(_ f: ScannedFile, _ app: AppContext) -> CodeSide {
        switch f.role {
        case .server: return .server
        case .client:
            let p = "/" + f.path.lowercased()
            if FileRole.directive(f.bytes) == "use client" || [.jsx, .tsx, .vue, .svelte, .html].contains(f.language)
                || p.contains("/src/") || p.contains("/components/") || p.contains("/pages/") {
                return .client
            }
            return G3Scan.containsAny(f, ["require(", "module.exports", "process.env", "app.listen"], in: G3Scan.whole(f), caseInsensitive: false, regions: .code) ? .server : .client
        case .shared: return .unknown
        case .other:
            let p = "/" + f.path.lowercased()
            return p.contains("/public/") || p.contains("/static/") ? .client : .none
        default: return .none
        }
    }

    private func isServerless(_ path: String) -> Bool {
        let p = "/" + path.lowercased()
        return ["/app/api/", "/pages/api/", "/src/app/api/", "/src/pages/api/", "/supabase/functions/", "/netlify/functions/", "/functions/", "/api/"]
            .contains { p.contains($0) } && !p.contains("/server/")
    }
}
