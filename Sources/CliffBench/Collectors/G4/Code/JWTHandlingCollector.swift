import Foundation

/// G4.D5: how the app signs and checks JWTs itself (jsonwebtoken, jose, hono/jwt, express-jwt,
/// @fastify/jwt, PyJWT, python-jose, flask-jwt-extended). Findings: a payload decoded and trusted
/// without verification (server code only; decoding in the browser for display is normal), the
/// `none` algorithm, `ignoreExpiration`, signature checks turned off in Python, secrets that are
/// literals in the code or literal fallbacks of an environment variable (`process.env.JWT_SECRET ||
/// 'dev-secret'`, `os.getenv('SECRET', 'dev')`), and tokens signed without an expiry. Secrets are
/// followed through a local constant or an imported one. Signed session cookies are tokens too:
/// Flask's `secret_key` and Django's `SECRET_KEY` as literals are critical (anyone can forge a
/// session), an express-session/cookie-session `secret` literal is medium (it signs only the id).
/// Not measured when the app neither signs nor verifies JWTs nor signs session cookies itself
/// (Supabase, Clerk, Firebase and NextAuth handle their own tokens).
public struct JWTHandlingCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D5", slug: "jwt-handling", kind: .diagnostic, methods: "S",
        measures: "decode without verify, alg none, hard-coded or weak secrets, no expiry",
        severity: .high, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/routes/auth.js", """
                const jwt = require('jsonwebtoken');
                router.post('/login', (req, res) => {
                  const token = jwt.sign({ id: user.id }, ↓'secret', { expiresIn: '1h' });
                  res.json({ token });
                });
                """, note: "hard-coded secret"),
            CollectorExample("server/middleware/admin.js", """
                const jwt = require('jsonwebtoken');
                function isAdmin(req, res, next) {
                  const token = req.headers.authorization?.split(' ')[1];
                  const decoded = jwt.↓decode(token);
                  if (decoded?.role === 'admin') return next();
                  res.sendStatus(403);
                }
                """, note: "decoded and trusted without verification"),
            CollectorExample("server/auth.ts", """
                import jwt from 'jsonwebtoken';
                const JWT_SECRET = process.env.JWT_SECRET || ↓'dev-secret-change-me';
                export const issue = (id: string) => jwt.sign({ sub: id }, JWT_SECRET, { expiresIn: '15m' });
                export const check = (t: string) => jwt.verify(t, JWT_SECRET, { algorithms: ['HS256'] });
                """, note: "a literal fallback becomes the key when the variable is missing"),
            CollectorExample("server/auth.ts", """
                import jwt from 'jsonwebtoken';
                export const issue = (id: string) => jwt.↓sign({ sub: id }, process.env.JWT_SECRET!);
                """, note: "no expiry"),
            CollectorExample("app/auth.py", """
                import jwt
                def current_user(token):
                    return jwt.decode(token, ↓options={"verify_signature": False})
                """, note: "Python signature check turned off"),
            CollectorExample("app/__init__.py", """
                from flask import Flask
                app = Flask(__name__)
                app.secret_key = ↓"secret key"
                """, note: "Flask session cookies signed with a literal key"),
            CollectorExample("server/verify.js", """
                const jwt = require('jsonwebtoken');
                module.exports = (t) => jwt.verify(t, process.env.PUBLIC_KEY, { ↓algorithms: ['none', 'RS256'] });
                """, note: "the none algorithm accepted"),
        ],
        nonTriggering: [
            CollectorExample("server/auth.ts", """
                import jwt from 'jsonwebtoken';
                const secret = process.env.JWT_SECRET;
                if (!secret) throw new Error('JWT_SECRET is required');
                export const issue = (id: string) => jwt.sign({ sub: id }, secret, { expiresIn: '15m', algorithm: 'HS256' });
                export const check = (t: string) => jwt.verify(t, secret, { algorithms: ['HS256'] });
                export const peek = (t: string) => { const h = jwt.decode(t, { complete: true }); return jwt.verify(t, secret, { algorithms: [h.header.alg] }); };
                """, note: "env secret, expiry, verify with algorithms"),
            CollectorExample("src/hooks/useUser.ts", """
                import { jwtDecode } from 'jwt-decode';
                export const useUser = (token: string) => jwtDecode<{ name: string }>(token);
                """, note: "decoding in the browser for display"),
            CollectorExample("app/auth.py", """
                import os, jwt, datetime
                SECRET = os.environ["JWT_SECRET"]
                def issue(uid):
                    return jwt.encode({"sub": uid, "exp": datetime.datetime.utcnow() + datetime.timedelta(hours=1)}, SECRET, algorithm="HS256")
                def check(token):
                    return jwt.decode(token, SECRET, algorithms=["HS256"])
                """, note: "PyJWT with expiry and algorithms"),
            CollectorExample("app/__init__.py", """
                import os
                from flask import Flask
                app = Flask(__name__)
                app.secret_key = os.environ["SECRET_KEY"]
                app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
                """, note: "secrets from the environment"),
            CollectorExample("server/auth.test.ts", """
                import jwt from 'jsonwebtoken';
                const token = jwt.sign({ sub: '1' }, 'test-secret');
                """, note: "tests may use literal secrets"),
            CollectorExample("README.md", """
                Sign tokens with `jwt.sign(payload, 'secret')` only in examples.
                """, note: "docs"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.D5/lib", literals: ["jsonwebtoken", "jose", "hono/jwt", "@fastify/jwt", "express-jwt", "jwt-simple", "import jwt", "from jose",
                                                   "flask_jwt_extended", "jwt.encode(", "jwt.decode(", "djwt"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"jsonwebtoken|['"]jose['"]|hono/jwt|@fastify/jwt|express-jwt|jwt-simple|import jwt|from jose|flask_jwt_extended|jwt\.(encode|decode)\("#),
            PatternRule(id: "G4.D5/session-secret", literals: ["secret_key", "SECRET_KEY", "session({", "cookieSession({", "session(session"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"(secret_key|SECRET_KEY)['"]?\]?\s*=\s*['"][^'"]+['"]|os\.(getenv|environ\.get)\(\s*['"]SECRET_KEY['"]\s*,\s*['"]|session\(\{[^}]*secret:\s*(['"]|process\.env\.\w+\s*(\|\||\?\?)\s*['"])"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var files: [ScannedFile] = []
        var seenPath = Set<String>()
        for (f, _) in app.hits("G4.D5/lib") where seenPath.insert(f.path).inserted && ShippedCode.isShippedCode(f) { files.append(f) }
        var findings: [Finding] = []
        var counts = (sign: 0, verify: 0, decode: 0)
        var reportedSecrets = Set<String>()
        for f in files {
            if f.language == .python {
                python(f, app, &findings, &counts, &reportedSecrets)
            } else {
                javascript(f, app, &findings, &counts, &reportedSecrets)
            }
        }
        var sessionSecrets = 0
        for (f, hit) in app.hits("G4.D5/session-secret") where ShippedCode.isShippedCode(f) && !f.path.lowercased().contains("test") {
            if sessionSecret(f, Int(hit.offset), Int(hit.length), &findings, &reportedSecrets) { sessionSecrets += 1 }
        }
        guard counts.sign + counts.verify + counts.decode + sessionSecrets > 0 else {
            return .notMeasured(d.id, "the app neither signs nor verifies JWTs nor signs session cookies in its own code (an auth provider handles its tokens)")
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.rule)").inserted }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("files handling JWTs", files.count), Evidence("sign calls", counts.sign),
                                       Evidence("verify calls", counts.verify), Evidence("decode calls", counts.decode),
                                       Evidence("session signing secrets", sessionSecrets),
                                       Evidence("problems", findings.count)])
    }

    // MARK: - JavaScript

    private func javascript(_ f: ScannedFile, _ app: AppContext, _ findings: inout [Finding], _ counts: inout (sign: Int, verify: Int, decode: Int),
                            _ reported: inout Set<String>) {
        let imports = JSModules.imports(f)
        var sign: [String] = [], verify: [String] = [], decode: [String] = []
        var joseSign = false
        for (local, b) in imports {
            switch b.module {
            case "jsonwebtoken", "jwt-simple":
                if b.imported == "default" || b.imported == "*" {
                    sign.append(local + ".sign("); verify.append(local + ".verify("); decode.append(local + ".decode(")
                    if b.module == "jwt-simple" { sign.append(local + ".encode("); decode.append(local + ".decode(") }
                } else if b.imported == "sign" { sign.append(local + "(") } else if b.imported == "verify" { verify.append(local + "(") } else if b.imported == "decode" {
                    decode.append(local + "(")
                }
            case "hono/jwt", "hono/utils/jwt":
                if b.imported == "sign" { sign.append(local + "(") } else if b.imported == "verify" { verify.append(local + "(") } else if b.imported == "decode" {
                    decode.append(local + "(")
                } else if b.imported == "jwt" { secretOption(f, call: local + "(", &findings, &reported) }
            case "jose":
                if b.imported == "SignJWT" { joseSign = true } else if b.imported == "jwtVerify" { verify.append(local + "(") } else if b.imported == "decodeJwt" {
                    decode.append(local + "(")
                } else if b.imported == "*" {
                    joseSign = true; verify.append(local + ".jwtVerify("); decode.append(local + ".decodeJwt(")
                }
            case "express-jwt":
                secretOption(f, call: local + "(", &findings, &reported)
            case "@fastify/jwt", "fastify-jwt":
                for at in ByteNav.find(f, "register(", in: 0..<f.bytes.count) {
                    let args = ByteNav.callArgs(f, open: at + 8)
                    if args.count >= 2, ByteNav.codeText(f, args[0]) == local { secretInObject(f, args[1], &findings, &reported) }
                }
            default: break
            }
        }
        let all = 0..<f.bytes.count
        var bodiesCache: [Range<Int>]?
        func bodies() -> [Range<Int>] {
            if let b = bodiesCache { return b }
            let b = ByteNav.jsFunctionBodies(f)
            bodiesCache = b
            return b
        }
        for call in sign {
            for at in ByteNav.find(f, call, in: all, wordStart: true) {
                counts.sign += 1
                let args = ByteNav.callArgs(f, open: at + call.utf8.count - 1)
                guard args.count >= 2 else { continue }
                checkSecret(f, args[1], app, &findings, &reported)
                let opts = args.count > 2 ? ByteNav.codeText(f, args[2]) : ""
                var optsText = opts
                if args.count > 2, JSRouteScanner.isPlainName(f, args[2]), let def = JSModules.definition(of: opts, in: f) { optsText = ByteNav.codeText(f, def) }
                if optsText.contains("'none'") || optsText.contains("\"none\"") {
                    findings.append(Finding.at(descriptor, rule: "alg-none", file: f, offset: args[2].lowerBound, severity: .critical,
                                               message: "Tokens are signed with the `none` algorithm: they carry no signature, so anyone can write their own. Sign with HS256/RS256 and a real key."))
                }
                let payload = ByteNav.codeText(f, args[0])
                var payloadText = payload
                if JSRouteScanner.isPlainName(f, args[0]), let def = JSModules.definition(of: payload, in: f) { payloadText = ByteNav.codeText(f, def) }
                if !optsText.contains("expiresIn") && !optsText.contains("exp") && !payloadText.contains("exp:") && !payloadText.contains("exp :") {
                    findings.append(Finding.at(descriptor, rule: "no-expiry", file: f, offset: nameOffset(call, at), severity: .medium,
                                               message: "This token is signed without `expiresIn` or an `exp` claim, so it stays valid forever: a leaked or stolen token can never be revoked by time. Add `{ expiresIn: '15m' }` (with refresh tokens for longer sessions)."))
                }
            }
        }
        if joseSign {
            for at in ByteNav.find(f, "new SignJWT(", in: all) + ByteNav.find(f, ".SignJWT(", in: all) {
                counts.sign += 1
                let end = ByteNav.statementEnd(f, at)
                let chain = at..<end
                if !ByteNav.contains(f, ".setExpirationTime(", in: chain) && !ByteNav.contains(f, "exp:", in: chain) {
                    findings.append(Finding.at(descriptor, rule: "no-expiry", file: f, offset: at, severity: .medium,
                                               message: "This jose SignJWT chain never calls setExpirationTime(), so the token never expires. Add `.setExpirationTime('15m')`."))
                }
                if let s = ByteNav.find(f, ".sign(", in: chain).first, let arg = ByteNav.callArgs(f, open: s + 5).first {
                    checkSecret(f, arg, app, &findings, &reported)
                }
            }
        }
        for call in verify {
            for at in ByteNav.find(f, call, in: all, wordStart: true) {
                counts.verify += 1
                let args = ByteNav.callArgs(f, open: at + call.utf8.count - 1)
                guard args.count >= 2 else { continue }
                checkSecret(f, args[1], app, &findings, &reported)
                if args.count > 2 {
                    let o = args[2]
                    if let a = ByteNav.find(f, "algorithms", in: o).first, ByteNav.stringValues(f, o).contains(where: { $0.lowercased() == "none" }) {
                        findings.append(Finding.at(descriptor, rule: "alg-none", file: f, offset: a, severity: .critical,
                                                   message: "Verification accepts the `none` algorithm, so an unsigned token with any claims passes. List only the algorithm you sign with: `{ algorithms: ['HS256'] }`."))
                    }
                    if let ig = ByteNav.find(f, "ignoreExpiration", in: o).first, ByteNav.codeText(f, ig..<min(o.upperBound, ig + 30)).contains("true") {
                        findings.append(Finding.at(descriptor, rule: "ignore-expiration", file: f, offset: ig, severity: .high,
                                                   message: "`ignoreExpiration: true` accepts expired tokens, so a token stolen once works forever. Remove it and refresh tokens instead."))
                    }
                }
            }
        }
        for call in decode {
            for at in ByteNav.find(f, call, in: all, wordStart: true) {
                counts.decode += 1
                guard !ShippedCode.runsInBrowser(f) || f.role == .shared else { continue }
                let scope = ByteNav.innermost(bodies(), containing: at) ?? all
                let verifies = verify.contains { ByteNav.contains(f, $0, in: scope) } || ByteNav.contains(f, "verify(", in: scope) || ByteNav.contains(f, "Verify(", in: scope)
                if verifies { continue }
                let authenticates = ByteNav.contains(f, "authorization", in: scope, filter: .live, caseInsensitive: true) || ByteNav.contains(f, "req.user", in: scope)
                    || ByteNav.contains(f, "role", in: scope, filter: .live) || ByteNav.contains(f, "next()", in: scope)
                findings.append(Finding.at(descriptor, rule: "decode-without-verify", file: f, offset: nameOffset(call, at), severity: authenticates ? .critical : .high,
                                           message: "The token is decoded with \(call.dropLast())() but never verified here, so its claims are whatever the caller wrote\(authenticates ? " — and they decide who the caller is" : ""). Use verify() with the key and `algorithms`, and trust only its result."))
            }
        }
    }

    /// The offset of the method name in a call literal found at `at` (`jwt.sign(` → `sign`).
    private func nameOffset(_ call: String, _ at: Int) -> Int {
        guard let dot = call.utf8.lastIndex(of: 0x2E) else { return at }
        return at + call.utf8.distance(from: call.utf8.startIndex, to: dot) + 1
    }

    /// `expressjwt({ secret: … })`, `jwt({ secret: … })` from hono.
    private func secretOption(_ f: ScannedFile, call: String, _ findings: inout [Finding], _ reported: inout Set<String>) {
        for at in ByteNav.find(f, call, in: 0..<f.bytes.count, wordStart: true) {
            if let obj = ByteNav.callArgs(f, open: at + call.utf8.count - 1).first { secretInObject(f, obj, &findings, &reported) }
        }
    }

    private func secretInObject(_ f: ScannedFile, _ obj: Range<Int>, _ findings: inout [Finding], _ reported: inout Set<String>) {
        guard f.bytes[obj.lowerBound] == 0x7B, let close = ByteNav.matchingClose(f, obj.lowerBound) else { return }
        for prop in ByteNav.splitTopLevel(f, (obj.lowerBound + 1)..<close, separator: 0x2C) {
            guard f.string(ByteNav.identifier(at: prop.lowerBound, in: f)) == "secret", let colon = ByteNav.find(f, ":", in: prop).first else { continue }
            judgeSecretExpression(f, ByteNav.trim(f, (colon + 1)..<prop.upperBound), &findings, &reported)
        }
    }

    private func checkSecret(_ f: ScannedFile, _ arg: Range<Int>, _ app: AppContext, _ findings: inout [Finding], _ reported: inout Set<String>) {
        let text = ByteNav.codeText(f, arg)
        if JSRouteScanner.isPlainName(f, arg) {
            if !text.contains("."), let def = JSModules.definition(of: text, in: f) {
                judgeSecretExpression(f, def, &findings, &reported)
                return
            }
            if let (path, span) = ServerRoutes.resolveReference(text, in: f.path, js: nil, app: app), let tf = app.file(path), !text.hasPrefix("process.env") {
                judgeSecretExpression(tf, span, &findings, &reported)
                return
            }
        }
        judgeSecretExpression(f, arg, &findings, &reported)
    }

    /// Reports a literal secret or a literal fallback in an expression, once per place.
    private func judgeSecretExpression(_ f: ScannedFile, _ expr: Range<Int>, _ findings: inout [Finding], _ reported: inout Set<String>) {
        let r = ByteNav.trim(f, expr)
        guard !r.isEmpty else { return }
        var valueAt = r.lowerBound
        if ByteNav.codeText(f, r).hasPrefix("new TextEncoder().encode("), let o = ByteNav.find(f, "encode(", in: r).first,
           let inner = ByteNav.callArgs(f, open: o + 6).first {
            judgeSecretExpression(f, inner, &findings, &reported)
            return
        }
        if case .plain(let s) = ByteNav.shape(f, r) {
            guard reported.insert("\(f.path):\(valueAt)").inserted else { return }
            let weak = s.count < 32 ? " It is also short (\(s.count) characters); HS256 keys should be at least 32 random bytes." : ""
            findings.append(Finding.at(descriptor, rule: "hard-coded-secret", file: f, offset: valueAt, severity: .critical,
                                       message: "The JWT signing secret is a literal in the code. Anyone who can read the repository or the bundle can mint a token for any user.\(weak) Load it from the server environment, fail at startup when it is missing, and rotate it.",
                                       evidence: redact(f, valueAt)))
            return
        }
        // `process.env.X || 'literal'`, `?? 'literal'`
        for op in ["||", "??"] {
            guard let o = ByteNav.find(f, op, in: r).first else { continue }
            let rhs = ByteNav.trim(f, (o + 2)..<r.upperBound)
            guard case .plain(let s) = ByteNav.shape(f, rhs), !s.isEmpty else { continue }
            valueAt = rhs.lowerBound
            guard reported.insert("\(f.path):\(valueAt)").inserted else { return }
            findings.append(Finding.at(descriptor, rule: "fallback-secret", file: f, offset: valueAt, severity: .high,
                                       message: "The JWT secret falls back to the literal \"\(s.prefix(4))…\" when the environment variable is missing. A deploy that forgets the variable silently signs with a key everyone can read in the repository. Throw at startup instead of falling back.",
                                       evidence: redact(f, valueAt)))
            return
        }
    }

    private func redact(_ f: ScannedFile, _ offset: Int) -> String {
        let line = f.lineText(at: offset)
        let col = f.location(of: offset).column - 1
        let head = String(decoding: Array(line.utf8).prefix(col + 4), as: UTF8.self)
        return Finding.clip((head + "…[redacted]").trimmingCharacters(in: .whitespaces))
    }

    // MARK: - Session signing secrets

    /// Flask `secret_key`/`SECRET_KEY`, Django `SECRET_KEY`, express-session/cookie-session `secret`: literals and literal
    /// fallbacks. Returns whether a session secret was found (to count the metric as measured).
    private func sessionSecret(_ f: ScannedFile, _ off: Int, _ len: Int, _ findings: inout [Finding], _ reported: inout Set<String>) -> Bool {
        let b = f.bytes
        let lit = f.string(off..<(off + len))
        if f.language == .python {
            guard lit == "secret_key" || lit == "SECRET_KEY" else { return false }
            if off > 0, ByteClass.isIdentifier(b[off - 1]) { return false }  // JWT_SECRET_KEY is a JWT key, handled above
            let all = 0..<b.count
            let django = f.path.hasSuffix("settings.py") || f.path.contains("/settings/")
            guard django || ByteNav.contains(f, "flask", in: all, wordStart: true) || ByteNav.contains(f, "app.config", in: all) else { return false }
            let p = f.path.lowercased()
            if p.contains("dev") || p.contains("local") || p.contains("test") || p.contains("example") { return false }
            var j = ByteNav.skipTrivia(f, (ByteNav.region(f, at: off).map { Int($0.end) } ?? off + len))
            if j < b.count, b[j] == 0x5D { j = ByteNav.skipTrivia(f, j + 1) }  // app.config["SECRET_KEY"] =
            guard j + 1 < b.count, b[j] == 0x3D, b[j + 1] != 0x3D else { return false }
            let rhs = ByteNav.trim(f, (j + 1)..<ByteNav.pythonLogicalLineEnd(f, j))
            let what = django ? "Django's SECRET_KEY (which signs sessions, password-reset links and CSRF tokens)" : "Flask's secret_key (which signs the session cookie)"
            if case .plain(let v) = ByteNav.shape(f, rhs), !v.isEmpty {
                guard reported.insert("\(f.path):\(rhs.lowerBound)").inserted else { return true }
                findings.append(Finding.at(descriptor, rule: "hard-coded-session-secret", file: f, offset: rhs.lowerBound, severity: .critical,
                                           message: "\(what) is a literal in the code. Anyone who reads the repository can sign a session cookie for any user\(django ? " and forge reset links" : "") — a login bypass. Read it from the environment, fail at startup when it is missing, and rotate it.",
                                           evidence: redact(f, rhs.lowerBound)))
                return true
            }
            let text = ByteNav.codeText(f, rhs)
            if text.hasPrefix("os.getenv(") || text.hasPrefix("os.environ.get(") || text.contains(" or ") {
                pySecret(f, rhs, &findings, &reported)
            }
            return true
        }
        // express-session / cookie-session options.
        guard JSModules.mentionsModule(f, ["express-session", "cookie-session"]) != nil else { return false }
        var opts: Range<Int>?
        if lit.hasPrefix("session(session") {
            let name = ByteNav.identifier(at: off + 8, in: f)
            opts = JSModules.definition(of: f.string(name), in: f)
        } else if let close = ByteNav.matchingClose(f, off + len - 1) {
            opts = (off + len - 1)..<(close + 1)
        }
        guard let o = opts, let sAt = ByteNav.find(f, "secret", in: o, wordStart: true).first else { return false }
        let colon = ByteNav.skipTrivia(f, sAt + 6)
        guard colon < b.count, b[colon] == 0x3A else { return true }
        let v = ByteNav.skipTrivia(f, colon + 1)
        let vEnd = ByteNav.splitTopLevel(f, v..<o.upperBound - 1, separator: 0x2C).first?.upperBound ?? v
        var valueAt: Int?
        if case .plain = ByteNav.shape(f, v..<vEnd) { valueAt = v } else {
            for op in ["||", "??"] {
                if let at = ByteNav.find(f, op, in: v..<vEnd).first {
                    let rhs = ByteNav.trim(f, (at + 2)..<vEnd)
                    if case .plain(let s) = ByteNav.shape(f, rhs), !s.isEmpty { valueAt = rhs.lowerBound }
                }
            }
        }
        guard let at = valueAt, reported.insert("\(f.path):\(at)").inserted else { return true }
        findings.append(Finding.at(descriptor, rule: "hard-coded-session-secret", file: f, offset: at, severity: .medium,
                                   message: "The session cookie's signing secret is a literal\(at == v ? "" : " fallback") in the code. With it anyone can sign cookies for session ids they learn, and every deploy that forgets the variable shares this key. Read it from the environment and fail at startup when it is missing.",
                                   evidence: redact(f, at)))
        return true
    }

    // MARK: - Python

    private func python(_ f: ScannedFile, _ app: AppContext, _ findings: inout [Finding], _ counts: inout (sign: Int, verify: Int, decode: Int),
                        _ reported: inout Set<String>) {
        let all = 0..<f.bytes.count
        for at in ByteNav.find(f, "jwt.encode(", in: all) {
            counts.sign += 1
            let args = ByteNav.callArgs(f, open: at + 10)
            guard args.count >= 2 else { continue }
            pySecret(f, args[1], &findings, &reported)
            let payload = ByteNav.codeText(f, args[0])
            let hasExp = payload.contains("\"exp\"") || payload.contains("'exp'") || ByteNav.contains(f, "\"exp\"", in: all, filter: .string)
                || ByteNav.contains(f, "'exp'", in: all, filter: .string) || ByteNav.contains(f, "exp=", in: all)
            if !hasExp {
                findings.append(Finding.at(descriptor, rule: "no-expiry", file: f, offset: at + 4, severity: .medium,
                                           message: "This token is encoded without an `exp` claim, so it never expires. Add `\"exp\": datetime.now(timezone.utc) + timedelta(minutes=15)`."))
            }
        }
        for at in ByteNav.find(f, "jwt.decode(", in: all) {
            counts.decode += 1
            let args = ByteNav.callArgs(f, open: at + 10)
            for a in args {
                let t = ByteNav.codeText(f, a).replacingOccurrences(of: " ", with: "")
                if t.contains("verify_signature\":False") || t.contains("verify_signature':False") || t == "verify=False" {
                    let off = ByteNav.find(f, "verify", in: a).first.map { t == "verify=False" ? $0 : a.lowerBound } ?? a.lowerBound
                    findings.append(Finding.at(descriptor, rule: "decode-without-verify", file: f, offset: off, severity: .critical,
                                               message: "Signature verification is switched off, so any token with any claims is accepted. Decode with the key and `algorithms=[\"HS256\"]` and let PyJWT verify it."))
                }
                if t.hasPrefix("algorithms="), ByteNav.stringValues(f, a).contains(where: { $0.lowercased() == "none" }) {
                    findings.append(Finding.at(descriptor, rule: "alg-none", file: f, offset: a.lowerBound, severity: .critical,
                                               message: "Decoding accepts the `none` algorithm: unsigned tokens pass. List only the algorithm you sign with."))
                }
            }
            if args.count >= 2, !ByteNav.codeText(f, args[1]).hasPrefix("options") { pySecret(f, args[1], &findings, &reported) }
        }
        for at in ByteNav.find(f, "get_unverified_claims(", in: all) {
            counts.decode += 1
            findings.append(Finding.at(descriptor, rule: "decode-without-verify", file: f, offset: at, severity: .high,
                                       message: "get_unverified_claims() returns claims without checking the signature. Use jwt.decode with the key and algorithms before trusting them."))
        }
        for key in ["JWT_SECRET_KEY", "SECRET_KEY"] where ByteNav.contains(f, "flask_jwt_extended", in: all) || key == "JWT_SECRET_KEY" {
            for at in ByteNav.find(f, key, in: all, filter: .live) {
                let end = ByteNav.pythonLogicalLineEnd(f, at)
                guard let eq = ByteNav.find(f, "=", in: at..<end).first else { continue }
                counts.sign += 1
                pySecret(f, ByteNav.trim(f, (eq + 1)..<end), &findings, &reported)
            }
        }
        for at in ByteNav.find(f, "JWT_ACCESS_TOKEN_EXPIRES", in: all, filter: .live) {
            let end = ByteNav.pythonLogicalLineEnd(f, at)
            if ByteNav.codeText(f, at..<end).replacingOccurrences(of: " ", with: "").hasSuffix("=False") {
                findings.append(Finding.at(descriptor, rule: "no-expiry", file: f, offset: at, severity: .medium,
                                           message: "JWT_ACCESS_TOKEN_EXPIRES = False makes access tokens never expire. Keep them short-lived and use refresh tokens."))
            }
        }
    }

    private func pySecret(_ f: ScannedFile, _ arg: Range<Int>, _ findings: inout [Finding], _ reported: inout Set<String>) {
        var r = ByteNav.trim(f, arg)
        if JSRouteScanner.isPlainName(f, r) {
            let name = ByteNav.codeText(f, r)
            // Module-level `NAME = …`
            for at in ByteNav.find(f, name, in: 0..<f.bytes.count, wordStart: true, wordEnd: true) where ByteNav.indent(f, lineOf: at) == 0 {
                let j = ByteNav.skipTrivia(f, at + name.utf8.count)
                guard j + 1 < f.bytes.count, f.bytes[j] == 0x3D, f.bytes[j + 1] != 0x3D else { continue }
                r = ByteNav.trim(f, (j + 1)..<ByteNav.pythonLogicalLineEnd(f, j))
                break
            }
        }
        if case .plain = ByteNav.shape(f, r) {
            guard reported.insert("\(f.path):\(r.lowerBound)").inserted else { return }
            findings.append(Finding.at(descriptor, rule: "hard-coded-secret", file: f, offset: r.lowerBound, severity: .critical,
                                       message: "The JWT signing key is a literal in the code. Anyone who reads the repository can forge tokens for any user. Read it from the environment (os.environ[\"JWT_SECRET\"]) and rotate it.",
                                       evidence: redact(f, r.lowerBound)))
            return
        }
        let text = ByteNav.codeText(f, r)
        if text.hasPrefix("os.getenv(") || text.hasPrefix("os.environ.get(") || text.contains(" or ") {
            let open = ByteNav.find(f, "(", in: r).first
            let args = open.map { ByteNav.callArgs(f, open: $0) } ?? []
            var fallback: Range<Int>?
            if args.count >= 2, case .plain(let s) = ByteNav.shape(f, args[1]), !s.isEmpty { fallback = args[1] }
            if fallback == nil, let o = ByteNav.find(f, " or ", in: r).first {
                let rhs = ByteNav.trim(f, (o + 4)..<r.upperBound)
                if case .plain(let s) = ByteNav.shape(f, rhs), !s.isEmpty { fallback = rhs }
            }
            guard let fb = fallback, reported.insert("\(f.path):\(fb.lowerBound)").inserted else { return }
            findings.append(Finding.at(descriptor, rule: "fallback-secret", file: f, offset: fb.lowerBound, severity: .high,
                                       message: "The JWT key falls back to a literal when the environment variable is missing, so a misconfigured deploy signs with a key everyone can read. Use os.environ[\"…\"] and fail at startup.",
                                       evidence: redact(f, fb.lowerBound)))
        }
    }
}
