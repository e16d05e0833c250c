/// G3.D5: integrations take their keys and endpoints from the environment, the variables are
/// documented in an env example, and third-party base URLs are not scattered through the code.
/// Integration variables are the ones read in files that use a provider (by import or API host)
/// plus any whose name starts with a known provider prefix; platform-provided ones (SUPABASE_URL,
/// LOVABLE_API_KEY, NODE_ENV, …) need no documentation. Findings: provider clients configured
/// with a literal instead of the environment (medium; the secret itself is G4.P1's to report, so
/// the evidence here is redacted), no env example at all (medium), a variable missing from the
/// example (low), the same provider host hard-coded in three or more places (low). Not measured
/// when the app uses no third-party integration.
public struct IntegrationConfigCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.D5", slug: "integration-config", kind: .diagnostic, methods: "S",
        measures: "integration endpoints and keys from the environment, documented in an env example",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.25),
        triggering: [
            CollectorExample("routes/ai.js", """
                const axios = require('axios');
                const OPENAI_API_KEY = 'sk-proj-not-a-real-key-but-a-literal-0000';
                async function draft(prompt) {
                  return axios.post('https://api.openai.com/v1/chat/completions', { prompt }, { headers: { Authorization: ↓`Bearer ${OPENAI_API_KEY}` } });
                }
                """, note: "an API key configured as a literal constant"),
            CollectorExample([
                "app/api/checkout/route.ts": """
                    import Stripe from "stripe";
                    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
                    const hook = process.env.↓STRIPE_WEBHOOK_SECRET;
                    """,
                ".env.example": "STRIPE_SECRET_KEY=\n",
            ], note: "a variable the env example does not list"),
            CollectorExample([
                "server/email.ts": """
                    import { Resend } from "resend";
                    const resend = new Resend(process.env.RESEND_API_KEY);
                    """,
                "server/sms.ts": """
                    import twilio from "twilio";
                    const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
                    """,
            ], note: "integration variables and no env example at all"),
            CollectorExample([
                "supabase/functions/a/index.ts": "const r = await fetch(↓\"https://api.openai.com/v1/chat/completions\", { headers: { Authorization: `Bearer ${Deno.env.get(\"OPENAI_API_KEY\")}` } });\n",
                "supabase/functions/b/index.ts": "const r = await fetch(\"https://api.openai.com/v1/embeddings\", { headers: { Authorization: `Bearer ${Deno.env.get(\"OPENAI_API_KEY\")}` } });\n",
                "supabase/functions/c/index.ts": "const r = await fetch(\"https://api.openai.com/v1/moderations\", { headers: { Authorization: `Bearer ${Deno.env.get(\"OPENAI_API_KEY\")}` } });\n",
                "supabase/functions/.env.example": "OPENAI_API_KEY=\n",
            ], note: "the same provider base URL repeated in three functions"),
        ],
        nonTriggering: [
            CollectorExample([
                "server/integrations.ts": """
                    import Stripe from "stripe";
                    import { Resend } from "resend";
                    export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { timeout: 10_000 });
                    export const resend = new Resend(process.env.RESEND_API_KEY);
                    const from = process.env.EMAIL_FROM ?? "noreply@example.com";
                    """,
                ".env.example": "STRIPE_SECRET_KEY=\nRESEND_API_KEY=\n# EMAIL_FROM=\"Shop <noreply@shop.example>\"\n",
            ], note: "keys from the environment, all documented"),
            CollectorExample([
                "supabase/functions/chat/index.ts": """
                    const key = Deno.env.get("LOVABLE_API_KEY");
                    const sb = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
                    const r = await fetch("https://ai.gateway.lovable.dev/v1/chat/completions", { headers: { Authorization: `Bearer ${key}` } });
                    """,
            ], note: "platform-provided variables need no example"),
            CollectorExample("src/pages/Home.tsx", """
                // const stripe = new Stripe("sk_test_123")
                export default function Home() { return <a href="https://stripe.com/docs">Docs</a>; }
                """, note: "no integration: a comment and a docs link"),
        ])

    private static let providerPrefixes = ["STRIPE_", "RESEND_", "SENDGRID_", "POSTMARK_", "MAILGUN_", "TWILIO_", "OPENAI_", "ANTHROPIC_", "GEMINI_",
                                           "GOOGLE_AI", "GOOGLE_GENERATIVE", "GROQ_", "AWS_", "S3_", "R2_", "CLOUDINARY_", "UPLOADTHING_", "RAZORPAY_",
                                           "RZP_", "PADDLE_", "LEMON", "PAYPAL_", "SMTP_", "BREVO_", "MISTRAL_", "OPENROUTER_", "PERPLEXITY_", "DEEPSEEK_",
                                           "REPLICATE_", "VONAGE_", "MSG91_", "MAILJET_", "POSTHOG_", "SENTRY_"]
    private static let platformProvided: Set<String> = ["SUPABASE_URL", "SUPABASE_ANON_KEY", "SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_DB_URL",
                                                        "SUPABASE_PUBLISHABLE_KEY", "LOVABLE_API_KEY", "NODE_ENV", "PORT", "HOST", "VERCEL_URL",
                                                        "VERCEL_ENV", "CI", "DEBUG", "TZ", "NEXT_RUNTIME", "DENO_DEPLOYMENT_ID", "SB_REGION",
                                                        "REPLIT_DOMAINS", "REPL_ID", "REPL_SLUG", "AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME"]

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.D5/import") + [
            IntegrationCatalog.hostRule("G3.D5/host"),
            EnvRefs.rule("G3.D5/env"),
            PatternRule(id: "G3.D5/ctor", literals: ["new Stripe(", "require('stripe')(", "require(\"stripe\")(", "new Resend(", "new OpenAI(", "new Anthropic(",
                                                     "new Groq(", "new GoogleGenerativeAI(", "twilio(", "new Twilio(", "setApiKey(", "new Razorpay(",
                                                     "new S3Client(", "cloudinary.config(", "createOpenAI(", "new ServerClient(", "new Mailgun(",
                                                     "api_key =", "api_key=", "Bearer "],
                        regions: .live, regexEquivalent: #"new (Stripe|Resend|OpenAI|Anthropic|Groq|Razorpay|S3Client)\(\s*["'{]|twilio\(\s*["']|setApiKey\(\s*["']|api_key\s*=\s*["']|Bearer \$\{[A-Z_]+\}"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.D5/import")
        var integrationFiles = Set<String>()
        var providers = Set<String>()
        for f in app.files where G3Scan.isAppCode(f) {
            for (ref, pkg) in sides.packages(f) {
                if let pr = IntegrationCatalog.provider(ref, package: pkg, python: f.language == .python) {
                    integrationFiles.insert(f.path)
                    providers.insert(pr.name)
                }
            }
        }
        var hostSites: [String: [(ScannedFile, Int)]] = [:]
        for (f, h) in G3Scan.hits(app, "G3.D5/host") where G3Scan.isAppCode(f) {
            guard let (host, pr) = IntegrationCatalog.hostProvider(f, hit: h) else { continue }
            integrationFiles.insert(f.path)
            providers.insert(pr.name)
            var s = Int(h.offset)
            while s > 0 && f.kind(at: s - 1) == .string && f.bytes[s] != 0x22 && f.bytes[s] != 0x27 && f.bytes[s] != 0x60 { s -= 1 }
            hostSites[host, default: []].append((f, s))
        }
        guard !providers.isEmpty else { return .notMeasured(d.id, "the app uses no third-party integration") }

        var findings: [Finding] = []
        // Clients configured with literals.
        var literalFiles = Set<String>()
        for (f, h) in G3Scan.hits(app, "G3.D5/ctor") where G3Scan.isAppCode(f) && !literalFiles.contains(f.path) {
            guard let (offset, what) = literalConfig(f, hit: h) else { continue }
            literalFiles.insert(f.path)
            findings.append(Finding.at(d, rule: "inline-config", file: f, offset: offset, severity: .medium,
                message: "\(what) is configured with a value written in the code instead of read from the environment. Every environment (dev, staging, prod) then shares one key, rotating it needs a deploy, and it sits in git history. Read it from process.env / Deno.env and document it in .env.example.",
                evidence: Finding.clip(redacted(f, offset))))
        }

        // Env variables the integrations read.
        var reads: [String: (ScannedFile, Int)] = [:]
        for (f, h) in G3Scan.hits(app, "G3.D5/env") where G3Scan.isAppCode(f) {
            guard let name = EnvRefs.name(f, hit: h) else { continue }
            var bare = name
            for p in ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "PUBLIC_", "NUXT_PUBLIC_"] where bare.hasPrefix(p) { bare = String(bare.dropFirst(p.count)) }
            guard !Self.platformProvided.contains(name), !Self.platformProvided.contains(bare) else { continue }
            let related = integrationFiles.contains(f.path) || Self.providerPrefixes.contains { bare.hasPrefix($0) }
            guard related, reads[name] == nil else { continue }
            reads[name] = (f, Int(h.offset))
        }
        let example = EnvExample(app)
        let missing = reads.keys.filter { !example.names.contains($0) }.sorted()
        if !reads.isEmpty && example.files.isEmpty {
            findings.append(app.appFinding(d, rule: "no-env-example", severity: .medium,
                message: "The integrations read \(reads.count) environment variable\(reads.count == 1 ? "" : "s") (\(reads.keys.sorted().prefix(8).joined(separator: ", "))\(reads.count > 8 ? ", …" : "")) and no .env.example lists them. Whoever deploys the app has to discover them from crashes. Commit a .env.example with every variable and a placeholder value."))
        } else {
            for name in missing {
                let (f, o) = reads[name]!
                let at = f.find(name, in: .live).first(where: { $0 >= o }) ?? o
                findings.append(Finding.at(d, rule: "undocumented-env", file: f, offset: at, severity: .low,
                    message: "\(name) is read here but missing from \(example.files.map(\.path).joined(separator: ", ")). A deploy without it fails at runtime, or silently skips the integration. Add it to the env example with a placeholder."))
            }
        }

        // Provider base URLs scattered through the code.
        for (host, sites) in hostSites.sorted(by: { $0.key < $1.key }) {
            let distinct = Set(sites.map { "\($0.0.path):\($0.0.location(of: $0.1).line)" })
            guard distinct.count >= 3, let first = sites.first else { continue }
            findings.append(Finding.at(d, rule: "scattered-base-url", file: first.0, offset: first.1, severity: .low,
                message: "\(host) is hard-coded in \(distinct.count) places. Switching region, proxy or sandbox then means a hunt through the code. Keep the base URL in one config module (or an env variable) and build paths from it."))
        }

        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("providers", providers.sorted().joined(separator: ", ")),
                                       Evidence("integration env variables", reads.count), Evidence("documented", reads.count - missing.count),
                                       Evidence("env examples", example.files.map(\.path).joined(separator: ", "))])
    }

    /// For a client constructor or header, where a literal key is passed and which integration it is.
    private func literalConfig(_ f: ScannedFile, hit h: RuleHit) -> (Int, String)? {
        let b = f.bytes
        let o = Int(h.offset)
        let lit = f.string(o..<Int(h.offset + h.length))
        if lit == "Bearer " {
            guard f.kind(at: o) == .string else { return nil }
            let j = o + 7
            guard j + 1 < b.count, b[j] == 0x24, b[j + 1] == 0x7B else { return nil }
            let id = G3Scan.identifier(b, around: j + 2)
            guard id.text.count > 2, isLiteralValue(f, name: id.text) else { return nil }
            var s = o
            while s > 0 && f.kind(at: s - 1) == .string && b[s] != 0x60 { s -= 1 }
            return (s, "The \(id.text) credential")
        }
        guard f.kind(at: o) == .code else { return nil }
        if lit.hasPrefix("api_key") {
            let v = G3Scan.skipSpaces(b, o + lit.utf8.count)
            guard let s = G3Scan.stringLiteral(b, at: v), isRealLiteral(s.text) else { return nil }
            let owner = G3Scan.identifier(before: o - 1, in: b)?.text ?? "The API client"
            return (o, owner == "" ? "The API client" : "\(owner).api_key")
        }
        let paren = o + lit.utf8.count - 1
        guard b[paren] == 0x28 else { return nil }
        let span = G3Scan.callSpan(f, paren: paren)
        let name = lit.replacingOccurrences(of: "new ", with: "").replacingOccurrences(of: "(", with: "")
        let first = G3Scan.skipSpaces(b, paren + 1)
        if let s = G3Scan.stringLiteral(b, at: first), !s.isTemplate, isRealLiteral(s.text) { return (first, "The \(name) client") }
        if first < b.count && ByteClass.isIdentifier(b[first]) {
            let id = G3Scan.identifier(b, around: first)
            if id.text.uppercased() == id.text && id.text.count > 3 && isLiteralValue(f, name: id.text) { return (first, "The \(name) client") }
        }
        for key in ["apiKey", "api_key", "key_secret", "secretAccessKey", "accessKeyId", "pass:", "api_secret", "authToken"] {
            guard let k = G3Scan.find(f, key, in: span, regions: .code) else { continue }
            var v = k + key.utf8.count
            if !key.hasSuffix(":") { v = G3Scan.skipSpaces(b, v); guard v < b.count, b[v] == 0x3A || b[v] == 0x3D else { continue }; v += 1 }
            v = G3Scan.skipSpaces(b, v)
            if let s = G3Scan.stringLiteral(b, at: v), !s.isTemplate, isRealLiteral(s.text) { return (v, "The \(name) client") }
        }
        return nil
    }

    private func isLiteralValue(_ f: ScannedFile, name: String) -> Bool {
        guard let v = G3Scan.assignedValue(f, name: name) else { return false }
        guard let s = G3Scan.stringLiteral(f.bytes, at: v.offset), !s.isTemplate else { return false }
        return isRealLiteral(s.text)
    }

    private func isRealLiteral(_ s: String) -> Bool {
        s.count >= 12 && !s.contains(" ") && !GenericSecret.isPlaceholder(s) && !s.hasPrefix("http") && !s.hasPrefix("pk_")
    }

    private func redacted(_ f: ScannedFile, _ offset: Int) -> String {
        let r = f.lineRange(f.location(of: offset).line)
        return (f.string(r.lowerBound..<offset) + "…[redacted]").trimmingCharacters(in: .whitespaces)
    }
}
