import Foundation

/// G4.D4 (static part): the app's own authentication endpoints (login, sign-up, OTP, verification,
/// password reset, magic link; NextAuth only when it has a Credentials provider) found by the
/// routes model, each checked for a rate limit in front of it or inside it: express-rate-limit,
/// rate-limiter-flexible, @upstash/ratelimit, @fastify/rate-limit, hono rate limiters, slowapi,
/// Flask-Limiter (decorators or default limits), django-ratelimit, django-axes, a limiter in
/// Next.js middleware that covers the path, or an attempt counter / lockout in the handler. Auth
/// delegated to Supabase, Firebase, Clerk or Auth0 from the client carries the provider's built-in
/// limits: measured, not a finding. Not measured when the app has no auth endpoints of its own and
/// no delegated auth.
public struct RateLimitingCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D4", slug: "rate-limiting", kind: .diagnostic, methods: "S,R",
        measures: "login/OTP/signup endpoints without rate limiting",
        severity: .high, remediation: RemediationCost(baseHours: 1.5, perFindingHours: 0.25),
        triggering: [
            CollectorExample("server/routes/auth.js", """
                const express = require('express');
                const router = express.Router();
                ↓router.post('/login', async (req, res) => {
                  const user = await User.findOne({ email: req.body.email });
                  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
                  res.json({ token: sign(user) });
                });
                module.exports = router;
                """, note: "password login without a limiter"),
            CollectorExample("supabase/functions/send-otp/index.ts", """
                ↓serve(async (req) => {
                  const { phone } = await req.json();
                  await twilio.messages.create({ to: phone, body: `Your code is ${code}` });
                  return new Response('sent');
                });
                """, note: "an OTP edge function without a limit"),
            CollectorExample("app.py", """
                from flask import Flask, request
                app = Flask(__name__)

                ↓@app.route('/forgot-password', methods=['POST'])
                def forgot_password():
                    send_reset_email(request.form['email'])
                    return '', 204
                """, note: "password reset in Flask"),
            CollectorExample([
                "app/api/auth/[...nextauth]/route.ts": """
                    import NextAuth from 'next-auth';
                    import { authOptions } from '@/lib/auth';
                    const handler = NextAuth(authOptions);
                    ↓export { handler as GET, handler as POST };
                    """,
                "lib/auth.ts": """
                    import CredentialsProvider from 'next-auth/providers/credentials';
                    export const authOptions = { providers: [CredentialsProvider({ async authorize(c) { return check(c); } })] };
                    """,
            ], note: "NextAuth with a Credentials provider and no limiter"),
        ],
        nonTriggering: [
            CollectorExample("server/routes/auth.js", """
                const express = require('express');
                const router = express.Router();
                // router.post('/login', async (req, res) => res.json(await login(req.body)));
                router.get('/login', (req, res) => res.render('login'));
                module.exports = router;
                """, note: "a commented-out route and the GET that renders the form"),
            CollectorExample("server/routes/auth.js", """
                const express = require('express');
                const rateLimit = require('express-rate-limit');
                const router = express.Router();
                const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });
                router.post('/login', loginLimiter, async (req, res) => { res.json(await login(req.body)); });
                router.post('/logout', (req, res) => res.sendStatus(204));
                module.exports = router;
                """, note: "a limiter on the login route; logout needs none"),
            CollectorExample("server/index.ts", """
                import express from 'express';
                import rateLimit from 'express-rate-limit';
                const app = express();
                app.use('/api/auth', rateLimit({ windowMs: 60_000, limit: 10 }));
                app.post('/api/auth/signup', async (req, res) => res.json(await signup(req.body)));
                """, note: "an app-level limiter that covers the path"),
            CollectorExample("src/pages/Login.tsx", """
                export default function Login() {
                  const submit = async () => { await supabase.auth.signInWithPassword({ email, password }); };
                  return <button onClick={submit}>Sign in</button>;
                }
                """, note: "login delegated to Supabase Auth"),
            CollectorExample("api/main.py", """
                from fastapi import FastAPI, Request
                from slowapi import Limiter
                app = FastAPI()
                limiter = Limiter(key_func=get_remote_address)

                @app.post("/login")
                @limiter.limit("5/minute")
                async def login(request: Request):
                    return {}
                """, note: "slowapi decorator"),
            CollectorExample("supabase/functions/verify-otp/index.ts", """
                import { Ratelimit } from '@upstash/ratelimit';
                const ratelimit = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(5, '10 m') });
                Deno.serve(async (req) => {
                  const { success } = await ratelimit.limit(ip);
                  if (!success) return new Response('slow down', { status: 429 });
                  return new Response('ok');
                });
                """, note: "Upstash limit inside the function"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = ServerRoutes.build(app)
        let delegated = ShippedCode.delegatedAuth(app)
        // Only the requests that submit something: GET /login renders a form, an OAuth start redirects.
        var endpoints = model.routes.filter { $0.authAction?.isAbusable == true && $0.isStateChanging }
        let credentials = endpoints.contains { $0.authAction == .authLibrary } && app.files.contains { f in
            ShippedCode.isShippedCode(f) && f.language.isJSFamily && (ByteNav.contains(f, "CredentialsProvider(", in: 0..<f.bytes.count)
                || JSModules.mentionsModule(f, ["next-auth/providers/credentials", "@auth/core/providers/credentials"]) != nil)
        }
        endpoints = endpoints.filter { $0.authAction != .authLibrary || credentials }
        // A verification link carries a long random token nobody can guess; only short codes need a limit.
        endpoints = endpoints.filter { r in
            guard r.authAction == .verify, let h = app.file(r.handlerFile) else { return true }
            return ["otp", "code", "pin", "Otp", "Code", "Pin"].contains { ByteNav.contains(h, $0, in: r.handler, filter: .live, wordStart: true) }
        }
        // Changing a password behind a login is not a pre-authentication endpoint.
        endpoints = endpoints.filter { !($0.authAction == .passwordReset && $0.guards.contains { $0.source != .inHandler }) }
        // One finding per endpoint file+path (GET and POST of the same NextAuth handler are one endpoint).
        var unique: [ServerRoute] = []
        var seenKeys = Set<String>()
        for r in endpoints where seenKeys.insert("\(r.file)|\(r.path)").inserted { unique.append(r) }

        guard !unique.isEmpty || !delegated.isEmpty else {
            return .notMeasured(d.id, "the app has no login, sign-up, OTP or password-reset endpoints of its own and delegates no auth to a provider")
        }
        let globalPython = pythonGlobalLimits(app)
        var findings: [Finding] = []
        var limited = 0
        for r in unique {
            if let _ = limiter(for: r, app: app, model: model, pythonGlobal: globalPython) {
                limited += 1
                continue
            }
            guard let f = app.file(r.file) else { continue }
            let action = r.authAction ?? .login
            let severity: Severity = action == .signup ? .medium : .high
            let delegatesInside = app.file(r.handlerFile).map { h in
                [".auth.signInWithPassword(", ".auth.signInWithOtp(", ".auth.signUp(", ".auth.resetPasswordForEmail(", "signInWithEmailAndPassword("]
                    .contains { ByteNav.contains(h, $0, in: r.handler) }
            } ?? false
            let what: String
            switch action {
            case .login, .authLibrary: what = "lets anyone try passwords as fast as they can send requests (credential stuffing, brute force)"
            case .signup: what = "lets a script create accounts in bulk (spam, fake users, email/SMS cost)"
            case .otp, .verify: what = "lets an attacker brute-force one-time codes (a 6-digit code falls in minutes) and run up SMS/email costs"
            case .magicLink: what = "lets anyone flood a victim's inbox and your email quota"
            case .passwordReset:
                let sends = ["forgot", "request", "send", "email"].contains { r.path.lowercased().contains($0) || (r.name ?? "").lowercased().contains($0) }
                what = sends ? "lets anyone flood a victim's inbox and your email quota" : "lets an attacker try reset codes or tokens without limit"
            case .logout: what = ""
            }
            let via = delegatesInside ? " It calls the auth provider from the server, so the provider's per-IP limits see only your server's address." : ""
            let label = action == .authLibrary ? "The NextAuth handler \(r.file) (Credentials sign-in)" : "\(r.label) (\(action.rawValue))"
            findings.append(Finding.at(d, rule: "auth-endpoint-unlimited", file: f, offset: r.offset, severity: delegatesInside ? .medium : severity,
                                       message: "\(label) has no rate limit and \(what).\(via) Add a per-IP and per-account limiter (express-rate-limit, @upstash/ratelimit, slowapi/Flask-Limiter) returning 429."))
        }
        var evidence = [Evidence("own auth endpoints", unique.count), Evidence("rate-limited", limited)]
        evidence.append(Evidence("delegated auth", delegated.isEmpty ? "none" : delegated.map(\.rawValue).sorted().joined(separator: ", ") + " (built-in rate limits)"))
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: evidence)
    }

    /// What limits an endpoint, if anything.
    private func limiter(for r: ServerRoute, app: AppContext, model: ServerRoutes, pythonGlobal: String?) -> String? {
        if let m = r.middleware.first(where: { AuthVocabulary.isRateLimiterName($0.text) }) { return m.text }
        // A limiter registered app-wide on the same framework (Fastify plugin, Hono/Koa middleware in the same file).
        if [.fastify, .hono, .koa, .express].contains(r.framework),
           let u = model.appUses.first(where: { u in u.path == r.file && u.prefix == nil && u.middleware.contains { AuthVocabulary.isRateLimiterName($0.text) } }),
           r.framework == .fastify || u.offset < r.offset {
            return u.middleware.first!.text
        }
        if r.framework == .fastify, model.appUses.contains(where: { $0.middleware.contains { $0.text.lowercased().contains("ratelimit") } }) { return "@fastify/rate-limit" }
        if r.framework.isPython, let g = pythonGlobal { return g }
        if let nm = model.nextMiddleware, nm.rateLimits, nm.covers(r.path), r.framework == .nextApp || r.framework == .nextPages { return nm.path }
        if let f = app.file(r.handlerFile) {
            if let hit = AuthVocabulary.inHandlerRateLimits.first(where: { ByteNav.contains(f, $0, in: r.handler, filter: .live) }) { return hit }
            // A helper call whose name says limit: `await checkRateLimit(ip)`, `enforceThrottle(req)`.
            for word in ["Limit(", "limit(", "Throttle(", "throttle("] {
                for at in ByteNav.find(f, word, in: r.handler) {
                    if let id = ByteNav.identifier(endingBefore: at + word.utf8.count - 1, in: f) {
                        let name = f.string(id).lowercased()
                        if name.contains("rate") || name.contains("throttle") || name.contains("check") || name.contains("enforce") || name == "limit" { return name }
                    }
                }
            }
            // NextAuth: the Credentials `authorize` callback lives in another file.
            if r.authAction == .authLibrary {
                for g in app.files where ShippedCode.isShippedCode(g) && ByteNav.contains(g, "authorize", in: 0..<g.bytes.count) {
                    if AuthVocabulary.inHandlerRateLimits.contains(where: { ByteNav.contains(g, $0, in: 0..<g.bytes.count) }) { return g.path }
                }
            }
        }
        return nil
    }

    /// Flask-Limiter `default_limits`, django-axes or a global django-ratelimit middleware.
    private func pythonGlobalLimits(_ app: AppContext) -> String? {
        for f in app.files where f.language == .python && ShippedCode.isShippedCode(f) {
            let all = 0..<f.bytes.count
            if ByteNav.contains(f, "Limiter(", in: all), ByteNav.contains(f, "default_limits", in: all) { return "Flask-Limiter default_limits" }
            if ByteNav.contains(f, "'axes'", in: all, filter: .string) || ByteNav.contains(f, "\"axes\"", in: all, filter: .string)
                || ByteNav.contains(f, "axes.middleware", in: all, filter: .string) {
                return "django-axes"
            }
        }
        return nil
    }
}
