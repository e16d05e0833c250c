/// G3.D2: outbound HTTP calls from the server to third parties (`fetch`, axios, got, ky, ofetch,
/// Python `requests`/`httpx`/`aiohttp`/`urlopen`) carry a timeout, and the app has some retry
/// strategy. A call is third-party when its URL argument (inline, or a constant in the file) is an
/// absolute URL to another host or an environment base URL that is not the app's own; calls to
/// relative paths, localhost, Supabase and unresolvable URLs are not judged. ky and httpx time out
/// by default. One medium finding per call site without a timeout, one low finding per app with
/// no retry anywhere on the server (p-retry, axios-retry, tenacity, a retry/backoff helper, ky/got
/// defaults). Not measured when the server makes no third-party call.
public struct OutboundResilienceCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.D2", slug: "outbound-resilience", kind: .diagnostic, methods: "S",
        measures: "timeouts and retries with backoff on outbound calls",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.25),
        triggering: [
            CollectorExample("supabase/functions/geocode/index.ts", """
                serve(async (req) => {
                  const { address } = await req.json();
                  const r = await ↓fetch(`https://maps.googleapis.com/maps/api/geocode/json?address=${address}&key=${Deno.env.get("MAPS_KEY")}`);
                  return new Response(await r.text());
                });
                """, note: "a third-party fetch with no timeout, and no retry anywhere"),
            CollectorExample("server/payments.js", """
                const axios = require('axios');
                const RAZORPAY = 'https://api.razorpay.com/v1';
                async function createOrder(amount) {
                  const r = await ↓axios.post(RAZORPAY + '/orders', { amount }, { auth: { username: process.env.RZP_KEY, password: process.env.RZP_SECRET } });
                  return r.data;
                }
                """, note: "axios through a base-URL constant, no timeout"),
            CollectorExample("app/services/weather.py", """
                import requests
                def forecast(city):
                    return ↓requests.get(f"https://api.weather.example/v1/{city}").json()
                """, note: "requests without timeout= waits forever"),
        ],
        nonTriggering: [
            CollectorExample("server/mailer.ts", """
                import pRetry from "p-retry";
                export const send = (body: string) => pRetry(() => fetch("https://api.resend.com/emails", {
                  method: "POST", body, signal: AbortSignal.timeout(5000),
                }), { retries: 3 });
                """, note: "timeout and retries"),
            CollectorExample("src/pages/Home.tsx", """
                export default function Home() {
                  useEffect(() => { fetch("/api/items").then((r) => r.json()).then(setItems); }, []);
                  useEffect(() => { fetch("https://api.github.com/repos/x/y").then((r) => r.json()).then(setRepo); }, []);
                  return null;
                }
                """, note: "browser calls are not server outbound calls"),
            CollectorExample("app/api/proxy/route.ts", """
                import ky from "ky";
                export async function GET() {
                  const local = await fetch(`${process.env.NEXT_PUBLIC_APP_URL}/api/health`);
                  const data = await ky.get("https://api.example.com/v1/things").json();
                  return Response.json({ data, ok: local.ok });
                }
                """, note: "a call to the app itself, and ky with its default timeout and retry"),
            CollectorExample("server/client.js", """
                const api = axios.create({ baseURL: "https://api.example.com", timeout: 8000 });
                axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
                // const r = await fetch("https://api.example.com/slow")
                module.exports = { api };
                """, note: "an axios instance with timeout and axios-retry; a commented-out fetch"),
        ])

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.D2/import") + [
            PatternRule(id: "G3.D2/call", literals: OutboundCalls.literals, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte], wordStart: true,
                        regexEquivalent: #"\b(fetch|axios(\.(get|post|put|patch|delete|request))?|got|ky|ofetch|\$fetch|urlopen|(requests|httpx|aiohttp)\.(get|post|put|patch|delete|request))\(\s*["'`f]?https?://"#),
            IntegrationCatalog.hostRule("G3.D2/host"),
            PatternRule(id: "G3.D2/retry", literals: ["retry", "retries", "backoff", "tenacity"], caseSensitive: false, regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"(?i)retr(y|ies)|backoff|tenacity"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.D2/import")
        var findings: [Finding] = []
        var thirdParty = 0, own = 0, unresolved = 0, timed = 0
        var hosts = Set<String>()
        var defaultRetry = false
        for (f, h) in G3Scan.hits(app, "G3.D2/call") where G3Scan.isAppCode(f) {
            guard sides.side(f).mayRunOnServer, let c = OutboundCalls.call(f, at: Int(h.offset)) else { continue }
            switch OutboundCalls.target(f, c) {
            case .own: own += 1; continue
            case .unknown: unresolved += 1; continue
            case .thirdParty(let host):
                thirdParty += 1
                hosts.insert(host)
            }
            if c.client == "ky" || c.client == "got" { defaultRetry = true }
            let hasTimeout = c.client == "ky" || c.client == "httpx"
                || G3Scan.containsAny(f, ["timeout", "signal"], in: c.span)
                || c.client == "axios" && G3Scan.containsAny(f, ["axios.defaults.timeout"], in: G3Scan.whole(f))
                || c.client == "aiohttp" && G3Scan.containsAny(f, ["clienttimeout"], in: G3Scan.whole(f))
            if hasTimeout {
                timed += 1
                continue
            }
            let hint: String
            switch c.client {
            case "requests", "aiohttp", "urlopen": hint = "pass timeout= (e.g. timeout=10)"
            case "axios": hint = "pass { timeout: 10_000 } or create the instance with a timeout"
            case "got": hint = "pass { timeout: { request: 10_000 } }"
            default: hint = "pass signal: AbortSignal.timeout(10_000)"
            }
            findings.append(Finding.at(d, rule: "no-timeout", file: f, offset: c.offset,
                message: "This \(c.client) call to a third party has no timeout. When the provider hangs, the request (and the user) waits until the platform kills it, and under load the stuck calls exhaust connections. \(hint.prefix(1).uppercased() + hint.dropFirst()) and handle the timeout error."))
        }
        // Provider URLs passed straight to another function (`doFetch("https://api.resend.com/…")`, a wrapper).
        for (f, h) in G3Scan.hits(app, "G3.D2/host") where G3Scan.isAppCode(f) && sides.side(f).mayRunOnServer {
            guard IntegrationCatalog.hostProvider(f, hit: h) != nil else { continue }
            var s = Int(h.offset)
            while s > 0 && f.kind(at: s - 1) == .string { s -= 1 }
            let paren = G3Scan.skipSpacesBack(f.bytes, s - 1)
            guard paren > 0, f.bytes[paren] == 0x28, let callee = G3Scan.identifier(before: paren, in: f.bytes) else { continue }
            let known = ["fetch", "ofetch", "urlopen", "got", "ky", "axios", "get", "post", "put", "patch", "delete", "request", "head"]
            guard !known.contains(callee.text), !["URL", "require", "import", "String", "log", "error", "warn"].contains(callee.text) else { continue }
            let span = G3Scan.callSpan(f, paren: paren)
            thirdParty += 1
            if let (host, _) = IntegrationCatalog.hostProvider(f, hit: h) { hosts.insert(host) }
            if G3Scan.containsAny(f, ["timeout", "signal"], in: span) {
                timed += 1
                continue
            }
            findings.append(Finding.at(d, rule: "no-timeout", file: f, offset: callee.range.lowerBound,
                message: "This call (\(callee.text)) to a third party has no timeout. When the provider hangs, the request (and the user) waits until the platform kills it, and under load the stuck calls exhaust connections. Pass signal: AbortSignal.timeout(10_000) (or the client's timeout option) and handle the timeout error."))
        }
        guard thirdParty > 0 else {
            return .notMeasured(d.id, "the server makes no outbound call to a third party that could be identified",
                                evidence: [Evidence("own-app calls", own), Evidence("calls with unresolved URL", unresolved)])
        }
        let retryFiles = Set(G3Scan.hits(app, "G3.D2/retry").filter { G3Scan.isAppCode($0.file) && sides.side($0.file).mayRunOnServer }.map(\.file.path))
        if retryFiles.isEmpty && !defaultRetry {
            findings.append(app.appFinding(d, rule: "no-retry-strategy", severity: .low,
                message: "No server code retries a failed outbound call (no p-retry, axios-retry, tenacity, backoff loop or retrying client). A single 429 or 503 from a provider becomes a user-facing error. Retry idempotent calls with exponential backoff and jitter."))
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("third-party calls", thirdParty), Evidence("with timeout", timed),
                                       Evidence("third parties", hosts.sorted().joined(separator: ", ")), Evidence("own-app calls", own),
                                       Evidence("calls with unresolved URL", unresolved), Evidence("files with retry logic", retryFiles.count)])
    }
}
