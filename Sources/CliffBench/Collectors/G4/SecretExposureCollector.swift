import Foundation

/// G4.P1: secrets in the repository or the client bundle. Supabase JWTs are decoded (anon is
/// public by design, service_role is critical), `VITE_`/`NEXT_PUBLIC_`/`REACT_APP_`/`EXPO_PUBLIC_`
/// mean client-exposed, known key formats are recognised, and generic assignments to secret-named
/// keys are confirmed by entropy.
public struct SecretExposureCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.P1", slug: "secret-exposure", kind: .primary, methods: "S",
        measures: "no secrets in the repo or the client bundle; Supabase JWT role decoded (anon is public, service_role is critical); VITE_/NEXT_PUBLIC_ prefixes mean client-exposed",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 0.5),
        triggering: [
            CollectorExample("src/lib/supabase.ts", """
                import { createClient } from '@supabase/supabase-js'
                export const admin = createClient(url, "↓eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl")
                """, note: "service_role JWT in client code"),
            CollectorExample("src/lib/supabase.ts", """
                const key = import.meta.env.↓VITE_SUPABASE_SERVICE_ROLE_KEY
                """, note: "a server-only key read through a client-exposed variable"),
            CollectorExample("server/pay.js", """
                const stripe = require('stripe')('↓sk_live_51Hq9aZ2eZvKYlo2C8pQxR7mN3tU6wY9b')
                """, note: "live Stripe secret key committed"),
            CollectorExample([".env": "OPENAI_API_KEY=↓sk-proj-Zq3v9XkT2mLp8RwB4nYc6HdF1gJs0aEu7VbN5xQo", ".gitignore": "node_modules\n"],
                             note: "a committed .env that git does not ignore"),
            CollectorExample("src/config.js", """
                export const config = {
                  ↓apiSecret: "f3Kq9ZpL2vX8mW4rT7yB1nC6hD0jG5sA",
                }
                """, note: "generic secret-named key with a high-entropy value"),
            CollectorExample([".env": "SUPABASE_SERVICE_ROLE_KEY=↓eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl\n",
                              ".gitignore": ".env\n"], note: "a .env that .gitignore lists but that is in the tree anyway"),
            CollectorExample(["backend/.env.example": "SUPABASE_URL=https://abcd.supabase.co\nSUPABASE_SERVICE_ROLE_KEY=↓eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl\n"],
                             note: "a real key pasted into the env example"),
            CollectorExample("deploy/key.pem", """
                ↓-----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEA7k
                -----END RSA PRIVATE KEY-----
                """),
        ],
        nonTriggering: [
            CollectorExample("src/lib/supabase.ts", """
                export const supabase = createClient(url, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl")
                """, note: "the anon key is public by design"),
            CollectorExample("supabase/functions/admin/index.ts", """
                const key = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!
                """, note: "service key read from the server environment"),
            CollectorExample([".env.example": "STRIPE_SECRET_KEY=sk_live_your_key_here\nVITE_SUPABASE_ANON_KEY=your-anon-key\n"],
                             note: "placeholders in an env example"),
            CollectorExample("src/config.js", """
                export const config = { apiSecret: process.env.API_SECRET, password: "changeme", token: "" }
                // const secret = "f3Kq9ZpL2vX8mW4rT7yB1nC6hD0jG5sA"
                """, note: "env lookups, placeholders, and a commented-out line"),
            CollectorExample([".env": "VITE_SUPABASE_URL=https://abcd.supabase.co\nVITE_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl\n"],
                             note: "a committed .env holding only public client values"),
            CollectorExample("src/i18n.ts", """
                export const labels = { passwordHint: "Use at least twelve characters, mixing case", tokenExpired: "Your session expired" }
                """, note: "secret-named keys holding prose"),
        ])

    private static let clientPrefixes = ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "PUBLIC_", "NUXT_PUBLIC_", "GATSBY_"]
    /// Name fragments of variables that must never reach a browser.
    private static let serverOnlyNames = [
        "SERVICE_ROLE", "SECRET", "PRIVATE", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "STRIPE_SK", "DATABASE_URL", "DB_PASSWORD",
        "SENDGRID_API_KEY", "RESEND_API_KEY", "TWILIO_AUTH", "AWS_SECRET", "GROQ_API_KEY", "GEMINI_API_KEY", "ADMIN_KEY",
        "MAILGUN_API_KEY", "JWT_SECRET", "POSTMARK", "SMTP_PASS",
    ]

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.P1/jwt", literals: ["eyJ"], regions: .any, regexEquivalent: #"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+"#),
            PatternRule(id: "G4.P1/key-format",
                        literals: ["sk_live_", "sk_test_", "rk_live_", "AKIA", "ghp_", "github_pat_", "xoxb-", "xoxp-", "sk-proj-", "sk-ant-",
                                   "-----BEGIN", "SG.", "sb_secret_", "AIza"],
                        regions: .any, regexEquivalent: #"(sk_live_|sk_test_|rk_live_|sk-proj-|sk-ant-|sb_secret_)[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[p]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}|xox[bp]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{35}"#),
            PatternRule(id: "G4.P1/client-env", literals: ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_"], regions: .live, wordStart: true,
                        regexEquivalent: #"\b(VITE|NEXT_PUBLIC|REACT_APP|EXPO_PUBLIC)_[A-Z0-9_]*(SERVICE_ROLE|SECRET|PRIVATE|OPENAI_API_KEY|DATABASE_URL)[A-Z0-9_]*"#),
            PatternRule(id: "G4.P1/keyword", literals: ["secret", "password", "passwd", "api_key", "apikey", "api-key", "token", "private_key", "access_key", "auth_key", "credential"],
                        caseSensitive: false, regions: .live, regexEquivalent: #"(?i)(secret|password|passwd|api_?key|api-key|token|private_key|access_key|auth_key|credential)[A-Za-z0-9_]*["']?\s*[:=]\s*["'][^"'\s]{16,}["']"#),
            PatternRule(id: "G4.P1/conn-string", literals: ["postgres://", "postgresql://", "mysql://", "mongodb+srv://", "mongodb://", "redis://", "rediss://"],
                        caseSensitive: false, regions: .any, regexEquivalent: #"(?i)(postgres(ql)?|mysql|mongodb(\+srv)?|rediss?)://[^:\s/]+:[^@\s]{3,}@"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        guard !app.files.isEmpty else { return .notMeasured(d.id, "no text files were scanned") }
        let ignore = GitIgnoreView(app)
        var findings: [Finding] = []

        for (file, hit) in app.hits("G4.P1/jwt") {
            guard let jwt = JWTSecret.decode(file.bytes, at: Int(hit.offset)) else { continue }
            guard let where_ = exposure(file, ignore) else { continue }
            switch jwt.role {
            case "anon":
                continue
            case "service_role", "supabase_admin", "postgres":
                findings.append(Finding.at(d, rule: "service-role-jwt", file: file, offset: Int(hit.offset), severity: .critical,
                    message: "Supabase \(jwt.role) key \(where_). It bypasses every RLS policy: rotate it in the Supabase dashboard and read it only on the server (edge function or API route) from the environment.",
                    evidence: redact(file, Int(hit.offset), jwt.length)))
            default:
                let sev: Severity = file.role.reachesClient ? .high : .medium
                findings.append(Finding.at(d, rule: "jwt", file: file, offset: Int(hit.offset), severity: sev,
                    message: "A signed JWT\(jwt.role.isEmpty ? "" : " (role \(jwt.role))") \(where_). Tokens in code outlive their owner's session: issue them at runtime and keep signing material on the server.",
                    evidence: redact(file, Int(hit.offset), jwt.length)))
            }
        }

        for (file, hit) in app.hits("G4.P1/key-format") {
            guard let where_ = exposure(file, ignore), let key = KnownKey.match(file.bytes, at: Int(hit.offset), length: Int(hit.length)) else { continue }
            // A Google API key in browser code is usually a referrer-restricted Maps/Firebase key (public by design);
            // one in a server-only program (Books, Gemini, server-side Maps calls) is a credential.
            if key.publicByDesign && !(file.role == .server && file.language.isProgram) { continue }
            findings.append(Finding.at(d, rule: key.rule, file: file, offset: Int(hit.offset), severity: key.severity,
                message: "\(key.name) \(where_). Revoke and rotate it, then load it from the server environment or a secret manager.",
                evidence: redact(file, Int(hit.offset), key.length)))
        }

        for (file, hit) in app.hits("G4.P1/client-env") {
            let off = Int(hit.offset)
            let name = identifier(file.bytes, at: off)
            let rest = name.uppercased()
            guard let prefix = Self.clientPrefixes.first(where: { rest.hasPrefix($0) }) else { continue }
            let bare = String(rest.dropFirst(prefix.count))
            guard let bad = Self.serverOnlyNames.first(where: { bare.contains($0) }) else { continue }
            if bad == "SECRET" && (bare.contains("PUBLISHABLE") || bare.hasSuffix("_SECRET_NAME")) { continue }
            findings.append(Finding.at(d, rule: "client-exposed-env", file: file, offset: off,
                severity: bare.contains("SERVICE_ROLE") || bare.contains("DATABASE_URL") ? .critical : .high,
                message: "\(name) is a server-only secret behind the \(prefix) prefix, which the bundler inlines into the browser bundle. Drop the prefix and use it only in server code.",
                evidence: Finding.clip(file.lineText(at: off).trimmingCharacters(in: .whitespaces))))
        }

        for (file, hit) in app.hits("G4.P1/keyword") {
            guard let where_ = exposure(file, ignore, strong: false), let value = GenericSecret.assignedValue(file, keywordAt: Int(hit.offset), length: Int(hit.length))
            else { continue }
            if findings.contains(where: { $0.path == file.path && $0.line == file.location(of: value.offset).line }) { continue }
            findings.append(Finding.at(d, rule: "generic-secret", file: file, offset: value.keyOffset,
                severity: file.role.reachesClient ? .high : .medium,
                message: "\(value.key) is set to a high-entropy literal that \(where_). Move it to the server environment and rotate it.",
                evidence: redact(file, value.offset, value.length)))
        }

        for (file, hit) in app.hits("G4.P1/conn-string") {
            guard let where_ = exposure(file, ignore, strong: false), let cred = GenericSecret.connectionPassword(file.bytes, at: Int(hit.offset)) else { continue }
            findings.append(Finding.at(d, rule: "connection-string-password", file: file, offset: Int(hit.offset),
                severity: file.role.reachesClient ? .critical : .high,
                message: "A database URL with its password \(where_). Keep connection strings in the server environment only.",
                evidence: redact(file, cred.offset, cred.length)))
        }

        for f in app.files where f.language == .env && !isExample(f.path) && envHasValues(f) && findings.contains(where: { $0.path == f.path }) {
            let why = ignore.ignores(f.path) ? "is in the app tree although .gitignore lists it" : "is committed and git does not ignore it"
            findings.append(app.appFinding(d, rule: "committed-env-file", path: f.path, severity: .medium,
                message: "\(f.path) \(why). Remove it from the repository (and its history), keep a .env.example with placeholders, and rotate what it held."))
        }

        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.rule)").inserted }
        let clientFiles = app.files.filter { $0.role.reachesClient }.count
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("files scanned", app.files.count), Evidence("client-side files", clientFiles),
                                       Evidence("secrets found", findings.count)])
    }

    /// Where a secret in this file ends up, or nil when it does not count there. Every file in the
    /// app tree ships (a corpus is what the builder committed or exported), so a gitignored file
    /// that is present still counts. Test files never count; docs and env examples count only for
    /// secrets confirmed by format or decoding (`strong`), not for the entropy heuristic.
    private func exposure(_ file: ScannedFile, _ ignore: GitIgnoreView, strong: Bool = true) -> String? {
        if file.role == .test { return nil }
        if !strong && (isExample(file.path) || file.role == .docs) { return nil }
        if file.role.reachesClient { return "is in client code (\(file.path)), so it ships in the browser bundle" }
        if ignore.ignores(file.path) { return "is in \(file.path), which .gitignore lists but which is in the app tree anyway (committed before it was ignored, or exported with the app)" }
        if isExample(file.path) { return "is in \(file.path), an env example that is committed and copied by everyone who sets the app up" }
        return "is committed in \(file.path)"
    }

    private func isExample(_ path: String) -> Bool {
        let l = path.lowercased()
        return l.contains(".example") || l.contains(".sample") || l.contains(".template") || l.hasSuffix(".dist")
    }

    private func envHasValues(_ f: ScannedFile) -> Bool {
        for line in 1...max(1, f.lineCount) {
            let t = f.lineText(line).trimmingCharacters(in: .whitespaces)
            guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { continue }
            let v = t[t.index(after: eq)...].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            if !v.isEmpty && !GenericSecret.isPlaceholder(v) { return true }
        }
        return false
    }

    private func identifier(_ bytes: [UInt8], at offset: Int) -> String {
        var e = offset
        while e < bytes.count && ByteClass.isIdentifier(bytes[e]) { e += 1 }
        return String(decoding: bytes[offset..<e], as: UTF8.self)
    }

    private func redact(_ file: ScannedFile, _ offset: Int, _ length: Int) -> String {
        let r = file.lineRange(file.location(of: offset).line)
        let keep = min(length, 6)
        let before = file.string(r.lowerBound..<offset)
        let secretHead = file.string(offset..<(offset + keep))
        let after = file.string(min(r.upperBound, offset + length)..<r.upperBound)
        return Finding.clip((before + secretHead + "…[redacted]" + after).trimmingCharacters(in: .whitespaces))
    }
}

/// A decoded JWT found in a file.
struct JWTSecret {
    var role: String
    var length: Int

    /// Decodes `header.payload.signature` starting at `offset` (which points at "eyJ").
    static func decode(_ bytes: [UInt8], at offset: Int) -> JWTSecret? {
        var segs: [Range<Int>] = []
        var start = offset
        var i = offset
        func isB64(_ b: UInt8) -> Bool { ByteClass.isAlpha(b) || ByteClass.isDigit(b) || b == 0x2D || b == 0x5F }
        while i < bytes.count {
            let b = bytes[i]
            if isB64(b) { i += 1; continue }
            if b == 0x2E && segs.count < 2 {
                segs.append(start..<i)
                i += 1
                start = i
                continue
            }
            break
        }
        segs.append(start..<i)
        guard segs.count == 3, segs[0].count >= 10, segs[1].count >= 10, segs[2].count >= 16 else { return nil }
        guard let header = json(bytes[segs[0]]), header["alg"] != nil, let payload = json(bytes[segs[1]]) else { return nil }
        let role = (payload["role"] as? String) ?? ""
        return JWTSecret(role: role, length: i - offset)
    }

    private static func json(_ seg: ArraySlice<UInt8>) -> [String: Any]? {
        var s = String(decoding: seg, as: UTF8.self).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        guard let data = Data(base64Encoded: s), let obj = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return obj as? [String: Any]
    }
}

/// Known key formats, confirmed by shape after the literal prefilter.
struct KnownKey {
    var name: String
    var rule: String
    var severity: Severity
    var length: Int
    var publicByDesign = false

    static func match(_ bytes: [UInt8], at offset: Int, length: Int) -> KnownKey? {
        let lit = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        var e = offset + length
        func body(_ ok: (UInt8) -> Bool) -> Int {
            var n = 0
            while e < bytes.count && ok(bytes[e]) { e += 1; n += 1 }
            return n
        }
        let alnum: (UInt8) -> Bool = { ByteClass.isAlpha($0) || ByteClass.isDigit($0) }
        let token: (UInt8) -> Bool = { ByteClass.isAlpha($0) || ByteClass.isDigit($0) || $0 == 0x5F || $0 == 0x2D }
        if offset > 0 && alnum(bytes[offset - 1]) && lit != "-----BEGIN" { return nil }
        let k: KnownKey?
        switch lit {
        case "sk_live_", "rk_live_":
            k = body(alnum) >= 16 ? KnownKey(name: "A live Stripe secret key", rule: "stripe-live-key", severity: .critical, length: 0) : nil
        case "sk_test_":
            k = body(alnum) >= 16 ? KnownKey(name: "A Stripe test secret key", rule: "stripe-test-key", severity: .medium, length: 0) : nil
        case "AKIA":
            k = body({ ByteClass.isDigit($0) || ($0 >= 65 && $0 <= 90) }) == 16 ? KnownKey(name: "An AWS access key id", rule: "aws-access-key", severity: .critical, length: 0) : nil
        case "ghp_":
            k = body(alnum) >= 36 ? KnownKey(name: "A GitHub personal access token", rule: "github-token", severity: .critical, length: 0) : nil
        case "github_pat_":
            k = body(token) >= 22 ? KnownKey(name: "A GitHub fine-grained token", rule: "github-token", severity: .critical, length: 0) : nil
        case "xoxb-", "xoxp-":
            k = body(token) >= 10 ? KnownKey(name: "A Slack token", rule: "slack-token", severity: .high, length: 0) : nil
        case "sk-proj-", "sk-ant-":
            k = body(token) >= 20 ? KnownKey(name: lit == "sk-ant-" ? "An Anthropic API key" : "An OpenAI API key", rule: "ai-api-key", severity: .critical, length: 0) : nil
        case "sb_secret_":
            k = body(token) >= 16 ? KnownKey(name: "A Supabase secret key", rule: "supabase-secret-key", severity: .critical, length: 0) : nil
        case "SG.":
            let a = body(token)
            if a >= 16, e < bytes.count, bytes[e] == 0x2E {
                e += 1
                k = body(token) >= 16 ? KnownKey(name: "A SendGrid API key", rule: "sendgrid-key", severity: .high, length: 0) : nil
            } else {
                k = nil
            }
        case "AIza":
            k = body(token) == 35 ? KnownKey(name: "A Google API key", rule: "google-api-key", severity: .low, length: 0, publicByDesign: true) : nil
        case "-----BEGIN":
            let line = bytes[offset..<min(bytes.count, offset + 64)]
            k = String(decoding: line, as: UTF8.self).contains("PRIVATE KEY-----") ? KnownKey(name: "A private key", rule: "private-key", severity: .critical, length: 0) : nil
            e = offset + 10
        default:
            k = nil
        }
        guard var key = k else { return nil }
        key.length = e - offset
        return key
    }
}

/// Generic `secretName = "high-entropy literal"` and credentials inside URLs.
enum GenericSecret {
    struct Value {
        var key: String
        var keyOffset: Int
        var offset: Int
        var length: Int
    }

    /// Follows a secret-named identifier to an assigned string literal with high entropy.
    static func assignedValue(_ file: ScannedFile, keywordAt kw: Int, length: Int) -> Value? {
        let b = file.bytes
        var s = kw
        while s > 0 && (ByteClass.isIdentifier(b[s - 1]) || b[s - 1] == 0x2D) { s -= 1 }
        var e = kw + length
        while e < b.count && (ByteClass.isIdentifier(b[e]) || b[e] == 0x2D) { e += 1 }
        let key = String(decoding: b[s..<e], as: UTF8.self)
        let lower = key.lowercased()
        if ["tokens", "tokenizer", "passwordhint", "secretname"].contains(where: { lower.hasSuffix($0) }) { return nil }
        var i = e
        if i < b.count && (b[i] == 0x22 || b[i] == 0x27) {
            i += 1
            // A subscript assignment: `app.config["SECRET_KEY"] = "…"`, `settings['api_key'] = '…'`.
            if i < b.count && b[i] == 0x5D { i += 1 }
        }
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i < b.count, b[i] == 0x3D || b[i] == 0x3A else { return nil }
        i += 1
        if i < b.count && b[i] == 0x3D { return nil }
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        let unquoted = file.language == .env || file.language == .yaml || file.language == .toml
        var q: UInt8 = 0
        if i < b.count && (b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x60) {
            q = b[i]
            i += 1
        } else if !unquoted {
            return nil
        }
        let vs = i
        while i < b.count && b[i] != 0x0A && b[i] != 0x0D && (q == 0 ? !(b[i] == 0x20 || b[i] == 0x23) : b[i] != q) { i += 1 }
        if q != 0 && (i >= b.count || b[i] != q) { return nil }
        let value = String(decoding: b[vs..<i], as: UTF8.self)
        guard value.utf8.count >= 16, value.utf8.count <= 512, !value.contains(" "), !value.contains("${"), !value.contains("{{"),
              !isPlaceholder(value), entropy(value) >= 3.5 else { return nil }
        if value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("/") || value.hasPrefix("./") { return nil }
        return Value(key: key, keyOffset: s, offset: vs, length: i - vs)
    }

    /// The password of `scheme://user:password@host`, if it is not a placeholder.
    static func connectionPassword(_ b: [UInt8], at offset: Int) -> (offset: Int, length: Int)? {
        var i = offset
        while i + 2 < b.count && !(b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F) { i += 1 }
        i += 3
        let userStart = i
        while i < b.count && b[i] != 0x3A && b[i] != 0x40 && b[i] != 0x2F && !ByteClass.isSpace(b[i]) && b[i] != 0x22 && b[i] != 0x27 { i += 1 }
        guard i < b.count, b[i] == 0x3A, i > userStart else { return nil }
        i += 1
        let ps = i
        while i < b.count && b[i] != 0x40 && !ByteClass.isSpace(b[i]) && b[i] != 0x22 && b[i] != 0x27 && b[i] != 0x60 { i += 1 }
        guard i < b.count, b[i] == 0x40, i - ps >= 3 else { return nil }
        let pw = String(decoding: b[ps..<i], as: UTF8.self)
        let lower = pw.lowercased()
        if isPlaceholder(pw) || pw.hasPrefix("$") || ["postgres", "root", "admin", "user", "test", "dev"].contains(lower)
            || ["password", "passwd", "secret", "pass", "pwd"].contains(where: { lower.contains($0) }) {
            return nil
        }
        return (ps, i - ps)
    }

    static func isPlaceholder(_ v: String) -> Bool {
        let l = v.lowercased()
        let marks = ["your", "xxx", "changeme", "change-me", "change_me", "example", "placeholder", "replace", "dummy", "<", "todo", "here", "****", "...", "test-key", "insert", "fake", "sample"]
        if marks.contains(where: { l.contains($0) }) { return true }
        return Set(l).count <= 3
    }

    /// Shannon entropy in bits per character.
    static func entropy(_ s: String) -> Double {
        var counts: [UInt8: Int] = [:]
        for b in s.utf8 { counts[b, default: 0] += 1 }
        let n = Double(s.utf8.count)
        return counts.values.reduce(0) { acc, c in
            let p = Double(c) / n
            return acc - p * log2(p)
        }
    }
}

/// The app's .gitignore rules, for deciding whether a scanned file would be committed.
struct GitIgnoreView {
    private var rules = GitIgnore()
    private let hasGitignore: Bool

    init(_ app: AppContext) {
        var any = false
        for f in app.files where f.path == ".gitignore" || f.path.hasSuffix("/.gitignore") {
            let dir = f.path == ".gitignore" ? "" : String(f.path.dropLast("/.gitignore".count))
            rules.add(contents: f.text, directory: dir)
            any = true
        }
        hasGitignore = any
    }

    func ignores(_ path: String) -> Bool { hasGitignore && rules.isIgnored(path, isDirectory: false) }
}
