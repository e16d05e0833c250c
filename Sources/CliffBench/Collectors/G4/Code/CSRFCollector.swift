import Foundation

/// G4.D3 (static part): cookie-based sessions without CSRF protection. A cookie session is
/// express-session, cookie-session, koa-session, @fastify/session, iron-session, an auth/session
/// cookie the server sets itself (`res.cookie`, Next `cookies().set`, `Set-Cookie`), Flask's
/// `session[...]`, or Django's session middleware. Protection is a CSRF middleware or token
/// (csurf, csrf-csrf, csrf-sync, lusca, hono/csrf, @fastify/csrf-protection, @edge-csrf,
/// Flask-WTF CSRFProtect, Django CsrfViewMiddleware, a checked `X-CSRF-Token`), an Origin check,
/// or a session cookie with `SameSite=Lax/Strict` (Django's and the auth libraries' defaults count;
/// `SameSite=None` removes it). Next.js server actions check the Origin themselves. Bearer-token
/// APIs are not CSRF-prone. Findings sit on the session setup and name the state-changing routes
/// at stake; `@csrf_exempt` on a Django view is its own finding. Not measured when the app has no
/// cookie-based session.
public struct CSRFCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D3", slug: "csrf", kind: .diagnostic, methods: "S,R",
        measures: "cookie sessions without CSRF protection or SameSite",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/auth.ts", """
                import session from "express-session";
                export function setupAuth(app) {
                  app.use(↓session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
                  app.post("/api/orders", (req, res) => { if (!req.isAuthenticated()) return res.sendStatus(401); res.json({}); });
                }
                """, note: "express-session without SameSite or a CSRF token"),
            CollectorExample("server/index.js", """
                const express = require('express');
                const app = express();
                app.post('/login', (req, res) => {
                  res.↓cookie('session', createSession(req.body), { httpOnly: true, secure: true, sameSite: 'none' });
                  res.sendStatus(204);
                });
                app.post('/transfer', requireSession, (req, res) => res.json(move(req.body)));
                """, note: "SameSite=None session cookie with no token"),
            CollectorExample("app.py", """
                from flask import Flask, session, request
                app = Flask(__name__)
                app.secret_key = os.environ["SECRET_KEY"]

                @app.post('/login')
                def login():
                    ↓session['user_id'] = check(request.form)
                    return 'ok'

                @app.post('/delete-account')
                def delete_account():
                    if 'user_id' not in session: abort(401)
                    return 'bye'
                """, note: "Flask cookie session without CSRFProtect"),
            CollectorExample("mysite/settings.py", """
                MIDDLEWARE = [
                    'django.middleware.security.SecurityMiddleware',
                    'django.contrib.sessions.middleware.SessionMiddleware',
                    'django.contrib.auth.middleware.AuthenticationMiddleware',
                ↓]
                """, note: "Django without CsrfViewMiddleware"),
        ],
        nonTriggering: [
            CollectorExample("server/index.js", """
                const express = require('express');
                const app = express();
                // app.use(require('express-session')({ secret: process.env.SECRET }));
                app.post('/api/orders', (req, res) => res.json({}));
                """, note: "session middleware only in a comment"),
            CollectorExample("server/auth.ts", """
                import session from "express-session";
                import { doubleCsrf } from "csrf-csrf";
                const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET! });
                export function setupAuth(app) {
                  app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
                  app.use(doubleCsrfProtection);
                  app.post("/api/orders", (req, res) => res.json({}));
                }
                """, note: "double-submit CSRF middleware"),
            CollectorExample("server/auth.ts", """
                import session from "express-session";
                export function setupAuth(app) {
                  app.use(session({ secret: process.env.SESSION_SECRET!, cookie: { httpOnly: true, secure: true, sameSite: "lax" } }));
                  app.post("/api/orders", (req, res) => res.json({}));
                }
                """, note: "SameSite=Lax session cookie"),
            CollectorExample("server/api.js", """
                const express = require('express');
                const app = express();
                app.post('/api/orders', (req, res) => {
                  const token = req.headers.authorization?.split(' ')[1];
                  res.json(verifyAndCreate(token, req.body));
                });
                """, note: "bearer-token API, no cookie session"),
            CollectorExample("mysite/settings.py", """
                MIDDLEWARE = [
                    'django.middleware.security.SecurityMiddleware',
                    'django.contrib.sessions.middleware.SessionMiddleware',
                    'django.middleware.csrf.CsrfViewMiddleware',
                ]
                """, note: "Django with CSRF middleware"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.D3/session", literals: ["express-session", "cookie-session", "koa-session", "@fastify/session", "@fastify/secure-session",
                                                       "iron-session", "SessionMiddleware", "session[", ".cookie(", "cookies().set(", "Set-Cookie"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"express-session|cookie-session|koa-session|@fastify/(secure-)?session|iron-session|SessionMiddleware|session\[|res\.cookie\(|cookies\(\)\.set\(|Set-Cookie"#),
            PatternRule(id: "G4.D3/protection", literals: ["csurf", "csrf", "Csrf", "CSRF", "lusca", "CSRFProtect"], regions: .live,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"csurf|csrf|lusca|CSRFProtect"#),
        ]
    }

    /// A cookie session found in the app.
    private struct Session {
        var file: ScannedFile
        var offset: Int
        var kind: String
        /// `lax`/`strict`, `none`, or nil when unset.
        var sameSite: String?
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var sessions: [Session] = []
        var seen = Set<String>()
        for (f, hit) in app.hits("G4.D3/session") where ShippedCode.isShippedCode(f) || f.path.hasSuffix("settings.py") {
            guard let s = session(f, Int(hit.offset), Int(hit.length)), seen.insert("\(f.path):\(s.kind)").inserted else { continue }
            sessions.append(s)
        }
        // Auth libraries that manage a cookie session with SameSite=Lax by default.
        for f in app.files where f.language.isJSFamily && ShippedCode.isShippedCode(f) && f.role != .client {
            let mods = JSModules.moduleLiterals(f)
            if let lib = ["next-auth", "@auth/core", "@supabase/ssr", "lucia", "better-auth", "iron-session", "@clerk/nextjs"].first(where: { m in mods.contains(m) || mods.contains { $0.hasPrefix(m + "/") } }),
               seen.insert("lib:\(lib)").inserted {
                sessions.append(Session(file: f, offset: 0, kind: "\(lib) session cookie (SameSite=Lax by default)", sameSite: "lax"))
            }
        }
        guard !sessions.isEmpty else {
            return .notMeasured(d.id, "the app has no cookie-based session (no session middleware and no auth cookie set by the server); bearer-token and provider-managed sessions are not CSRF-prone")
        }
        let model = ServerRoutes.build(app)
        let stateChanging = model.routes.filter { $0.isStateChanging && !$0.isAuthEndpoint && !$0.isWebhook && $0.framework != .serverAction }
        let protection = protectionEvidence(app)
        var findings: [Finding] = []
        for s in sessions {
            if s.kind == "django-middleware" {
                if protection == nil || protection == "SameSite default" {
                    findings.append(Finding.at(d, rule: "csrf-middleware-removed", file: s.file, offset: s.offset, severity: .medium,
                                               message: "MIDDLEWARE has sessions but not 'django.middleware.csrf.CsrfViewMiddleware', so Django's CSRF check is off for every form and API view. Put it back (Django's SameSite=Lax session cookie is only a partial defence)."))
                }
                continue
            }
            if let p = protection, p != "SameSite default" { continue }
            if let ss = s.sameSite, ss == "lax" || ss == "strict" { continue }
            let relevant = stateChanging.filter { r in r.file.hasSuffix(".py") == s.file.path.hasSuffix(".py") }
            guard !relevant.isEmpty || s.kind.hasPrefix("flask") else { continue }
            let examples = relevant.prefix(3).map(\.label).joined(separator: ", ")
            let none = s.sameSite == "none"
            findings.append(Finding.at(d, rule: "cookie-session-without-csrf", file: s.file, offset: s.offset, severity: none ? .high : .medium,
                                       message: "The app keeps users signed in with a cookie session (\(s.kind)) \(none ? "marked SameSite=None" : "without a SameSite attribute") and has no CSRF token or Origin check, so another site can make a signed-in user's browser send \(relevant.isEmpty ? "state-changing requests" : relevant.count == 1 ? examples : "\(relevant.count) state-changing requests (\(examples)…)") with their cookie. Set the session cookie to `sameSite: 'lax'` (or 'strict') and add a CSRF token (csrf-csrf, Flask-WTF CSRFProtect) for form posts."))
        }
        var csrfExempt = 0
        for f in app.files where f.language == .python && ShippedCode.isShippedCode(f) {
            for at in ByteNav.find(f, "@csrf_exempt", in: 0..<f.bytes.count) {
                csrfExempt += 1
                findings.append(Finding.at(d, rule: "csrf-exempt", file: f, offset: at, severity: .low,
                                           message: "@csrf_exempt turns off Django's CSRF check for this view. Keep it only for endpoints that authenticate with a header token or a signature (webhooks), never for cookie-session views."))
            }
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("cookie sessions", sessions.map(\.kind).joined(separator: ", ")),
                                       Evidence("state-changing routes", stateChanging.count), Evidence("protection", protection ?? "none"),
                                       Evidence("csrf_exempt views", csrfExempt)])
    }

    private func sameSite(_ text: String) -> String? {
        let t = text.replacingOccurrences(of: " ", with: "").lowercased()
        guard let r = t.range(of: "samesite") else { return nil }
        let rest = t[r.upperBound...].prefix(14)
        if rest.contains("none") { return "none" }
        if rest.contains("lax") { return "lax" }
        if rest.contains("strict") || rest.contains(":true") || rest.contains("=true") { return "strict" }
        return nil
    }

    private func session(_ f: ScannedFile, _ off: Int, _ len: Int) -> Session? {
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        let all = 0..<b.count
        switch lit {
        case "express-session", "cookie-session", "koa-session", "@fastify/session", "@fastify/secure-session", "iron-session":
            guard f.kind(at: off) == .string, let imports = Optional(JSModules.imports(f)) else { return nil }
            guard let local = imports.first(where: { $0.value.module == lit })?.key else { return nil }
            if lit == "iron-session" {
                // iron-session defaults to SameSite=Lax.
                return nil
            }
            // The call site: `session({…})`, `session(settings)`, `cookieSession({…})`, `register(fastifySession, {…})`.
            guard let at = ByteNav.find(f, local + "(", in: all, wordStart: true).first(where: { !ByteNav.isWord(f, max(0, $0 - 7), "import") }) else { return nil }
            let close = ByteNav.matchingClose(f, at + local.utf8.count) ?? at
            var opts = ByteNav.codeText(f, at..<close)
            let args = ByteNav.callArgs(f, open: at + local.utf8.count)
            if let a = args.first, JSRouteScanner.isPlainName(f, a), let def = JSModules.definition(of: ByteNav.codeText(f, a), in: f) {
                opts = ByteNav.codeText(f, def)
            }
            return Session(file: f, offset: at, kind: lit, sameSite: sameSite(opts))
        case ".cookie(", "cookies().set(":
            if lit == ".cookie(" {
                guard let recv = ByteNav.identifier(endingBefore: off, in: f), ["res", "response", "reply", "ctx"].contains(f.string(recv)) else { return nil }
            }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let first = args.first, let name = ByteNav.stringValue(f, first) else { return nil }
            let l = name.lowercased()
            guard l.contains("session") || l.contains("token") || l.contains("auth") || l.contains("jwt") || l == "sid" else { return nil }
            let opts = args.count > 2 ? ByteNav.codeText(f, args[2]) : ""
            return Session(file: f, offset: lit == ".cookie(" ? off + 1 : off + len - 4, kind: "auth cookie \"\(name)\"", sameSite: sameSite(opts))
        case "Set-Cookie":
            guard f.kind(at: off) == .string, let reg = ByteNav.region(f, at: off) else { return nil }
            let after = ByteNav.codeText(f, Int(reg.end)..<min(b.count, ByteNav.statementEnd(f, Int(reg.end))))
            let l = after.lowercased()
            guard l.contains("session") || l.contains("token") || l.contains("auth") else { return nil }
            return Session(file: f, offset: Int(reg.start), kind: "Set-Cookie header", sameSite: sameSite(after))
        case "session[":
            guard f.language == .python, f.kind(at: off) == .code, off == 0 || !ByteClass.isIdentifier(b[off - 1]) && b[off - 1] != 0x2E else { return nil }
            // Flask: `session['user_id'] = …` (an assignment, so the session carries identity).
            guard let close = ByteNav.matchingClose(f, off + 7) else { return nil }
            let eq = ByteNav.skipTrivia(f, close + 1)
            guard eq + 1 < b.count, b[eq] == 0x3D, b[eq + 1] != 0x3D, ByteNav.contains(f, "flask", in: all, wordStart: true) else { return nil }
            let config = flaskSameSite(f)
            return Session(file: f, offset: off, kind: "flask session", sameSite: config)
        case "SessionMiddleware":
            guard f.language == .python, f.path.hasSuffix("settings.py"), f.kind(at: off) == .string else { return nil }
            guard let m = ByteNav.find(f, "MIDDLEWARE", in: all, wordStart: true).first else { return nil }
            let end = ByteNav.pythonLogicalLineEnd(f, m)
            guard end > off, !ByteNav.contains(f, "CsrfViewMiddleware", in: m..<end, filter: .string) else { return nil }
            // Report at the closing bracket of the MIDDLEWARE list.
            var close = end - 1
            while close > m, b[close] != 0x5D { close -= 1 }
            return Session(file: f, offset: close, kind: "django-middleware", sameSite: nil)
        default:
            return nil
        }
    }

    /// SESSION_COOKIE_SAMESITE in any Flask config of the file's app.
    private func flaskSameSite(_ f: ScannedFile) -> String? {
        let all = 0..<f.bytes.count
        guard let at = ByteNav.find(f, "SESSION_COOKIE_SAMESITE", in: all, filter: .live).first else { return nil }
        return sameSite("samesite" + ByteNav.codeText(f, at..<ByteNav.pythonLogicalLineEnd(f, at)).dropFirst(23))
    }

    /// What protects the app from CSRF, if anything.
    private func protectionEvidence(_ app: AppContext) -> String? {
        let mods = ["csurf", "csrf-csrf", "csrf-sync", "lusca", "tiny-csrf", "@edge-csrf/nextjs", "edge-csrf", "@fastify/csrf-protection", "hono/csrf",
                    "next-csrf", "csrf"]
        for (f, hit) in app.hits("G4.D3/protection") where ShippedCode.isShippedCode(f) || f.path.hasSuffix("settings.py") {
            if f.language == .python {
                let all = 0..<f.bytes.count
                if ByteNav.contains(f, "CSRFProtect(", in: all) || ByteNav.contains(f, "CsrfViewMiddleware", in: all, filter: .string)
                    || ByteNav.contains(f, "FlaskForm", in: all) && !ByteNav.contains(f, "WTF_CSRF_ENABLED = False", in: all) {
                    return "Python CSRF protection (\(f.path))"
                }
                continue
            }
            if let m = JSModules.mentionsModule(f, mods) { return m }
            // A checked CSRF header or body token.
            let off = Int(hit.offset)
            let line = f.lineText(at: off).lowercased()
            if line.contains("x-csrf-token") || line.contains("x-xsrf-token") || line.contains("_csrf") || line.contains("csrftoken") {
                if line.contains("!==") || line.contains("===") || line.contains("verify") || line.contains("compare") || line.contains("header") {
                    return "CSRF token check (\(f.path))"
                }
            }
        }
        // An Origin check in server code.
        for f in app.files where f.language.isJSFamily && ShippedCode.isShippedCode(f) && f.role == .server {
            for at in ByteNav.find(f, "headers.origin", in: 0..<f.bytes.count) + ByteNav.find(f, "get('origin')", in: 0..<f.bytes.count, filter: .any) {
                let line = f.lineText(at: at)
                if line.contains("!==") || line.contains("includes(") || line.contains("!=") { return "Origin check (\(f.path))" }
            }
        }
        return nil
    }
}
