import Foundation

/// G6.D2: personal data can be deleted (and exported), and stays out of logs.
///
/// The app stores personal data when its schema has person tables or PII columns (email, phone, date of
/// birth, address, full name…), or it creates accounts (Supabase/Firebase sign-up, NextAuth credentials,
/// password hashing). Deletion is present when the code deletes auth users (`auth.admin.deleteUser`,
/// Firebase `deleteUser`), hard-deletes rows of a person table (Supabase, Prisma, SQL, ORM, a REST
/// DELETE), or answers DELETE on an account route; a soft delete that keeps the row is not erasure. A
/// missing deletion path is a medium finding; a missing data export is a low one when end users sign
/// up. Logging calls (`console.*`, `logger.*`, pino/winston, Python `logging`/`print`) are read argument
/// by argument (JS template substitutions and Python f-string fields included): passwords, tokens,
/// secrets, authorization headers and the body of auth requests are
/// high; emails, phone numbers, names, addresses and whole user/profile/patient objects are medium; one
/// step lower when the call runs in the browser (console output, collected by session-replay tools);
/// fields inside a masking call or listed in the logger's `redact` paths are not flagged. Score: from
/// the findings. Not measured when the app neither stores nor logs personal data.
public struct PrivacyCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.D2", slug: "privacy", kind: .diagnostic, methods: "S",
        measures: "PII deletion/export, PII kept out of logs",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/routes/auth.js", """
                router.post("/login", async (req, res) => {
                  const { email, password } = req.body;
                  ↓console.log("Login attempt:", email, password);
                  res.json(await login(email, password));
                });
                """, note: "a password in the logs"),
            CollectorExample("supabase/functions/send-confirmation/index.ts", """
                serve(async (req) => {
                  const { email, doctor } = await req.json();
                  ↓console.log(`Sending confirmation to ${email} for ${doctor}`);
                  return new Response("ok");
                });
                """, note: "an email address in the logs"),
            CollectorExample([
                "supabase/migrations/001.sql": "create table public.patients (id uuid primary key, email text, phone text, date_of_birth date);\n",
                "src/pages/Signup.tsx": """
                    export async function signUp(email: string, password: string) {
                      const { data } = await supabase.auth.signUp({ email, password });
                      await supabase.from("patients").insert({ id: data.user?.id, email });
                    }
                    """,
                "src/pages/Profile.tsx": "export const Profile = () => <button>Delete account</button>;\n",
            ], note: "personal data with no way to delete it (the Delete account button calls nothing)"),
            CollectorExample("app.py", """
                @app.route("/register", methods=["POST"])
                def register():
                    email, password = request.form["email"], request.form["password"]
                    ↓print(f"New signup: {email} / {password}")
                    return redirect("/")
                """, note: "a password inside a Python f-string"),
        ],
        nonTriggering: [
            CollectorExample([
                "supabase/migrations/001.sql": "create table public.profiles (id uuid primary key references auth.users on delete cascade, full_name text, phone text);\n",
                "supabase/functions/delete-account/index.ts": """
                    serve(async (req) => {
                      const user = await getUser(req);
                      await admin.auth.admin.deleteUser(user.id);
                      console.log("account deleted", user.id);
                      return new Response(null, { status: 204 });
                    });
                    """,
                "src/pages/Account.tsx": "export const exportMyData = () => fetch(\"/api/me/export\").then((r) => r.blob());\n",
            ], note: "account deletion and export; logging only the user id"),
            CollectorExample([
                "server/logger.ts": """
                    import pino from "pino";
                    export const logger = pino({ redact: { paths: ["email", "*.email", "req.headers.authorization"] } });
                    """,
                "server/bookings.ts": """
                    export function book(logger, email: string, id: string) {
                      logger.info({ email, appointmentId: id }, "booking confirmed");
                      console.log("sent to", maskEmail(email));
                      // console.log("password", password)
                    }
                    """,
            ], note: "pino redacts email; a masked email; a commented-out log"),
            CollectorExample("src/utils/format.ts", """
                export const isValidEmail = (email: string) => /.+@.+/.test(email);
                console.log("tokens used", usage.totalTokens, "users online", users.length);
                """, note: "no stored personal data; counts and token usage are not PII"),
        ])

    public var rules: [PatternRule] {
        let code = DataModel.codeLanguages
        return DataModel.rules(descriptor.id) + [
            PatternRule(id: "G6.D2/log", literals: ["console.log(", "console.info(", "console.warn(", "console.error(", "console.debug(", "logger.", "log.info(",
                                                    "log.debug(", "log.warn(", "log.error(", "logging.", "print("],
                        regions: .code, languages: code,
                        regexEquivalent: #"(console\.(log|info|warn|error|debug)|logger\.\w+|log\.(info|debug|warn|error)|logging\.\w+|\bprint)\(.*\b(password|token|secret|email|phone|user|req\.body)"#),
            PatternRule(id: "G6.D2/pii-column", literals: ["email", "phone", "date_of_birth", "dateOfBirth", "dob", "address", "full_name", "fullName", "first_name",
                                                           "firstName", "last_name", "lastName", "ssn", "aadhaar", "passport"],
                        caseSensitive: false, regions: .code, languages: [.sql, .text], wordStart: true,
                        regexEquivalent: #"(?i)\b(email|phone\w*|date_of_birth|dateofbirth|dob|address|full_?name|first_?name|last_?name|ssn|aadhaar|passport)\b"#),
            PatternRule(id: "G6.D2/accounts", literals: ["CredentialsProvider(", "NextAuth(", "bcrypt.hash(", "argon2.hash(", "signInWithPassword(", "hashPassword("],
                        regions: .code, languages: code,
                        regexEquivalent: #"(CredentialsProvider|NextAuth|bcrypt\.hash|argon2\.hash|signInWithPassword|hashPassword)\("#),
            PatternRule(id: "G6.D2/delete-ui", literals: ["delete account", "delete my account", "deleteaccount", "delete_account", "close my account", "close account",
                                                          "remove my account", "delete-account"],
                        caseSensitive: false, regions: .live, languages: DataModel.jsLanguages.union([.html, .python]),
                        regexEquivalent: #"(?i)(delete|close|remove)[ _-]?(my[ _-]?)?account"#),
            PatternRule(id: "G6.D2/redact", literals: ["redact"], regions: .code, languages: code, wordStart: true,
                        regexEquivalent: #"\bredact\b.{0,400}"#),
            PatternRule(id: "G6.D2/export", literals: ["export my data", "download my data", "exportmydata", "exportuserdata", "export_user_data", "export-user-data",
                                                       "/me/export", "/account/export", "/user/export", "takeout", "portability", "download your data",
                                                       "export your data", "exportaccountdata"],
                        caseSensitive: false, regions: .live, languages: DataModel.jsLanguages.union([.html, .python]),
                        regexEquivalent: #"(?i)(export|download)[ _-]?(my|your|user|account)[ _-]?data|/(me|account|user)/export|takeout|portability"#),
        ]
    }

    static let secretTerms = ["password", "passwd", "pwd", "token", "accesstoken", "refreshtoken", "access_token", "refresh_token", "idtoken", "secret",
                              "apikey", "api_key", "authorization", "cookie", "cookies", "otp", "cvv", "cardnumber", "passwordhash", "creditcard"]
    static let piiTerms = ["email", "emails", "emailaddress", "phone", "phonenumber", "phone_number", "mobile", "address", "dob", "dateofbirth",
                           "date_of_birth", "fullname", "full_name", "ssn", "aadhaar", "passport", "customername", "patientname", "username",
                           "membername", "clientname", "contactname", "firstname", "lastname", "first_name", "last_name"]
    static let personObjects: Set<String> = ["user", "users", "currentuser", "profile", "profiles", "patient", "patients", "customer", "customers", "member",
                                             "members", "contact", "contacts", "person", "people", "userdata", "userinfo", "userprofile", "client", "clients"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let hits = G6Hits(app, metric: d.id, rules: ["log", "pii-column", "accounts", "delete-ui", "export", "redact"])
        var findings: [Finding] = []

        // Personal data stored?
        var signals: [String] = []
        var signalPath: String?
        let model = DataModel.shared(app, metric: d.id)
        var columns = Set<String>()
        for path in hits.paths {
            guard let f = hits.files[path], f.role == .schema || path.hasSuffix(".prisma"), !DataModel.isDocumentation(path) else { continue }
            for h in hits.hits(path, "pii-column") {
                let e = h.offset + h.length
                guard e >= f.bytes.count || !G6Scan.isIdent(f.bytes[e]) || G6Scan.text(f.bytes, h.offset..<(h.offset + h.length)).lowercased() == "phone" else { continue }
                columns.insert(G6Scan.text(f.bytes, h.offset..<G6Scan.identEnd(f.bytes, h.offset)).lowercased())
                signalPath = signalPath ?? path
            }
        }
        if !columns.isEmpty { signals.append("columns " + columns.sorted().prefix(6).joined(separator: ", ")) }
        let roleKeys = Set((app.info.taskSpec?.roles ?? []).map(G6Scan.entityKey))
        let people = model.entities.values.filter { isPerson($0.key, roleKeys) }.sorted { $0.key < $1.key }
        if !people.isEmpty {
            signals.append("tables " + people.map(\.name).joined(separator: ", "))
            signalPath = signalPath ?? people.first?.declared?.path
        }
        let signup = model.authSites.contains { $0.op == .create }
        let accounts = signup || !hitsOf(hits, "accounts").isEmpty
        if accounts { signals.append("user accounts") }
        let storesPII = !signals.isEmpty

        // Deletion and export.
        let authDelete = model.authSites.contains { $0.op == .delete }
        let rowDelete = people.contains { $0.sites.contains { $0.op == .delete && !$0.soft } }
        let deletion = authDelete || rowDelete
        let deleteUI = hitsOf(hits, "delete-ui").first { G6Scan.isAppCode($0.file) }
        let export = hitsOf(hits, "export").contains { G6Scan.isAppCode($0.file) }

        if storesPII && !deletion {
            var message = "The app stores personal data (\(signals.joined(separator: "; "))) but nothing deletes an account or a person's records"
            if let ui = deleteUI {
                message += " — the \"delete account\" text in \(ui.file.path) is not wired to any deletion"
            }
            message += ". Users cannot exercise their right to erasure (GDPR art. 17, India's DPDP Act) and stale personal data piles up. Add a delete-account flow: delete the auth user on the server (auth.admin.deleteUser) and delete or anonymise their rows."
            findings.append(app.appFinding(d, rule: "no-deletion", path: signalPath, severity: .medium, message: message))
        }
        if storesPII && signup && !export {
            findings.append(app.appFinding(d, rule: "no-export", path: signalPath, severity: .low,
                message: "Users sign up and their personal data is stored, but there is no way to export it (GDPR art. 15/20 access and portability requests then need manual database work). Add an \"export my data\" endpoint that returns the user's records as JSON or CSV."))
        }

        // Personal data in logs.
        let redacted = redactedPaths(hits)
        var logCalls = 0
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            let authContext = isAuthPath(path)
            for h in hits.hits(path, "log") {
                guard let args = logArguments(f, h.offset, h.length) else { continue }
                logCalls += 1
                let isLogger = !G6Scan.hasLiteral(f.bytes, at: h.offset, "console.") && !G6Scan.hasLiteral(f.bytes, at: h.offset, "print(")
                guard let leak = classify(f, args, authContext: authContext || isAuthHandler(f, h.offset), redacted: isLogger ? redacted : []) else { continue }
                // Browser console output reaches session-replay and error-tracking tools; server logs reach every log drain.
                let browser = G6Scan.role(f) == .client
                let severity: Severity = leak.secret ? (browser ? .medium : .high) : (browser ? .low : .medium)
                let sink = browser ? "the browser console, which session-replay and error-tracking tools (Sentry breadcrumbs, LogRocket) collect" : "the server logs"
                findings.append(Finding.at(d, rule: leak.secret ? "secret-in-logs" : "pii-in-logs", file: f, offset: h.offset, severity: severity,
                    message: leak.secret
                        ? "This log call writes \(leak.what) to \(sink). Anyone with access to those logs can read it; credentials in logs are a standard breach path. Remove it, or log only a non-sensitive identifier."
                        : "This log call writes personal data (\(leak.what)) to \(sink), where it is kept beyond your deletion policy. Log an id instead, or mask the value (configure the logger's redact paths)."))
            }
        }

        guard storesPII || !findings.isEmpty else {
            return .notMeasured(d.id, "the app stores no personal data (no person tables, PII columns or user accounts) and logs none",
                                evidence: [Evidence("log calls checked", logCalls)])
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: [
            Evidence("personal data", signals.isEmpty ? "none found" : signals.joined(separator: "; ")),
            Evidence("deletion path", deletion ? (authDelete ? "auth user deletion" : "person rows deleted") : "none"),
            Evidence("data export", export ? "yes" : "none"), Evidence("log calls checked", logCalls),
            Evidence("log calls with personal data", findings.filter { $0.rule.hasSuffix("in-logs") }.count),
        ])
    }

    private func hitsOf(_ hits: G6Hits, _ rule: String) -> [(file: ScannedFile, offset: Int, length: Int)] {
        hits.paths.flatMap { p in hits.hits(p, rule).compactMap { h in hits.files[p].map { ($0, h.offset, h.length) } } }
    }

    private func isPerson(_ key: String, _ roles: Set<String>) -> Bool {
        let words = ["user", "profile", "account", "member", "patient", "customer", "client", "contact", "student", "employee", "subscriber", "attendee",
                     "applicant", "candidate", "guest", "lead", "person", "people"]
        return roles.contains(key) || words.contains { key == $0 || key.hasSuffix($0) } && !DataModel.isInfrastructure(key)
    }

    private func isAuthPath(_ path: String) -> Bool {
        let l = path.lowercased()
        return ["auth", "login", "signin", "sign-in", "signup", "sign-up", "register", "password", "session"].contains { l.contains($0) }
    }

    /// Whether the log call sits in a route handler for an auth path (`app.post("/login", …)`).
    private func isAuthHandler(_ f: ScannedFile, _ offset: Int) -> Bool {
        let b = f.bytes
        let window = max(0, offset - 1500)..<offset
        for p in ["/login", "/signin", "/register", "/signup", "/auth", "/password", "/reset"] where G6Scan.contains(b, p, in: window) { return true }
        return false
    }

    /// Fields the app's logger redacts (pino `redact`, winston format masks).
    private func redactedPaths(_ hits: G6Hits) -> Set<String> {
        var out = Set<String>()
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            for h in hits.hits(path, "redact") {
                let window = f.string(h.offset..<min(f.bytes.count, h.offset + 400)).lowercased()
                for t in Self.secretTerms + Self.piiTerms where window.contains(t) { out.insert(t) }
            }
        }
        return out
    }

    private func logArguments(_ f: ScannedFile, _ off: Int, _ len: Int) -> Range<Int>? {
        let b = f.bytes
        var open = off + len - 1
        if b[open] != 0x28 {
            // logger.info( / logging.warning(
            let s = off + len
            let e = G6Scan.identEnd(b, s)
            let method = G6Scan.text(b, s..<e)
            guard ["info", "debug", "warn", "warning", "error", "trace", "fatal", "log", "verbose", "critical", "exception", "http", "notice"].contains(method),
                  e < b.count, b[e] == 0x28 else { return nil }
            open = e
        } else if G6Scan.hasLiteral(b, at: off, "print(") {
            guard f.language == .python, off == 0 || !G6Scan.isIdent(b[off - 1]) && b[off - 1] != 0x2E else { return nil }
        } else if off > 0 && (G6Scan.isIdent(b[off - 1]) || b[off - 1] == 0x2E) && !G6Scan.hasLiteral(b, at: off, "log.") {
            return nil
        }
        guard let close = G6Scan.closing(f, open: open) else { return nil }
        return (open + 1)..<close
    }

    private func classify(_ f: ScannedFile, _ args: Range<Int>, authContext: Bool, redacted: Set<String>) -> (what: String, secret: Bool)? {
        let b = f.bytes
        var secret: String?
        var pii: String?
        // The code of the arguments, plus the fields of Python f-strings (`f"signup {email} / {password}"`).
        var segments: [Range<Int>] = []
        var cursor = RegionCursor(f.regions, from: args.lowerBound)
        var k = args.lowerBound, segStart = k
        while k < args.upperBound {
            guard let skip = cursor.skip(k) else { k += 1; continue }
            if k > segStart { segments.append(segStart..<k) }
            if f.language == .python { segments += fStringFields(b, k..<min(skip, args.upperBound)) }
            k = skip
            segStart = k
        }
        if args.upperBound > segStart { segments.append(segStart..<args.upperBound) }
        for segment in segments {
            var i = segment.lowerBound
            while i < segment.upperBound {
                let c = b[i]
                guard ByteClass.isAlpha(c) || c == 0x5F, i == 0 || !G6Scan.isIdent(b[i - 1]) else { i += 1; continue }
                // a member chain: a.b?.c
                var chain: [String] = []
                var j = i
                while true {
                    let e = G6Scan.identEnd(b, j)
                    chain.append(G6Scan.text(b, j..<e))
                    j = e
                    if j + 1 < b.count && b[j] == 0x3F && b[j + 1] == 0x2E { j += 2; continue }
                    if j < b.count && b[j] == 0x2E && j + 1 < b.count && G6Scan.isIdent(b[j + 1]) { j += 1; continue }
                    break
                }
                let start = i
                i = j
                let next = G6Scan.skipSpace(b, j)
                if next < b.count && b[next] == 0x28 { continue }
                if next < b.count && b[next] == 0x3A, let p = G6Scan.prevNonSpace(b, before: start), b[p] == 0x7B || b[p] == 0x2C { continue }
                if insideMaskingCall(f, start, args) { continue }
                let lower = chain.map { $0.lowercased() }
                if lower.last == "length" || lower.last == "id" || lower.last == "count" { continue }
                if authContext && lower.count >= 2 && (lower[0] == "req" || lower[0] == "request") && lower[1] == "body" {
                    secret = secret ?? "the body of an auth request (with the password)"
                    continue
                }
                if (lower.first == "req" || lower.first == "request") && lower.contains("headers") {
                    secret = secret ?? "request headers (authorization and cookies)"
                    continue
                }
                for (k, el) in lower.enumerated() {
                    if let t = matchTerm(el, chain[k], Self.secretTerms), !redacted.contains(t) { secret = secret ?? chain[0...k].joined(separator: ".") }
                    if let t = matchTerm(el, chain[k], Self.piiTerms), !redacted.contains(t) { pii = pii ?? chain[0...k].joined(separator: ".") }
                }
                if let last = lower.last, Self.personObjects.contains(last), next >= b.count || b[next] != 0x2E {
                    pii = pii ?? "the whole \(chain.joined(separator: ".")) object"
                }
            }
        }
        if let s = secret { return (s, true) }
        if let p = pii { return (p, false) }
        return nil
    }

    /// The `{…}` fields of a Python f-string literal occupying `r` (prefix included); empty for other strings.
    private func fStringFields(_ b: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        var q = r.lowerBound
        var prefix = false
        while q < r.upperBound && ByteClass.isAlpha(b[q]) {
            if b[q] | 0x20 == 0x66 { prefix = true }
            q += 1
        }
        guard prefix, q < r.upperBound, b[q] == 0x22 || b[q] == 0x27 else { return [] }
        var out: [Range<Int>] = []
        var i = q + 1
        while i < r.upperBound {
            if b[i] == 0x7B {
                if i + 1 < r.upperBound && b[i + 1] == 0x7B { i += 2; continue }
                var depth = 0
                var j = i
                while j < r.upperBound {
                    if b[j] == 0x7B { depth += 1 } else if b[j] == 0x7D { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                guard j < r.upperBound else { break }
                out.append((i + 1)..<j)
                i = j + 1
                continue
            }
            i += 1
        }
        return out
    }

    /// The term an identifier names: `email`, `userEmail`, `customer_phone` (but not `isValidEmail` or `emailTemplate`).
    private func matchTerm(_ lower: String, _ raw: String, _ terms: [String]) -> String? {
        for prefix in ["is", "has", "valid", "should", "can", "show", "format", "mask", "hash", "redact", "normalize", "validate", "send", "get", "set", "on", "handle", "check", "max", "min", "num", "total"]
        where lower.hasPrefix(prefix) && lower.count > prefix.count && raw.utf8.count > prefix.utf8.count {
            let idx = raw.utf8.index(raw.utf8.startIndex, offsetBy: prefix.utf8.count)
            if let c = raw.utf8[idx...].first, c >= 0x41 && c <= 0x5A { return nil }
        }
        for t in terms {
            if lower == t { return t }
            if lower.hasSuffix(t) && lower.count > t.count {
                let boundary = raw.utf8[raw.utf8.index(raw.utf8.endIndex, offsetBy: -t.count)]
                let before = raw.utf8[raw.utf8.index(raw.utf8.endIndex, offsetBy: -t.count - 1)]
                if (boundary >= 0x41 && boundary <= 0x5A) || before == 0x5F { return t }
            }
        }
        return nil
    }

    private func insideMaskingCall(_ f: ScannedFile, _ offset: Int, _ args: Range<Int>) -> Bool {
        let b = f.bytes
        var depth = 0
        var i = offset - 1
        while i >= args.lowerBound {
            if b[i] == 0x29 { depth += 1 } else if b[i] == 0x28 {
                if depth == 0 {
                    if let callee = G6Scan.identBefore(b, i) {
                        let n = callee.name.lowercased()
                        if ["mask", "redact", "hash", "anonymi", "obfuscat", "truncate", "sanitiz", "censor"].contains(where: { n.contains($0) }) { return true }
                    }
                } else {
                    depth -= 1
                }
            }
            i -= 1
        }
        return false
    }
}
