import Foundation

/// The words by which code says "who is calling?": middleware and helper names that guard a
/// route, in-handler checks, rate limiters, and the path words of authentication endpoints.
public enum AuthVocabulary {
    /// Code fragments that, inside a handler, check the caller's identity. Matched in code only.
    public static let inHandlerChecks: [String] = [
        "getServerSession(", "getSession(", "getServerAuthSession(", "auth.api.getSession(", ".auth.getUser(", ".auth.getSession(", ".auth.getClaims(",
        "getAuth(", "currentUser(", "clerkClient.", "jwt.verify(", "jwtVerify(", "verifyToken(", "verifyJWT(", "verifyJwt(",
        "verifyIdToken(", "verifySessionCookie(", "req.isAuthenticated(", "req.user", "request.user", "req.auth", "req.session.user",
        "req.session.userId", "request.session.user", "ctx.state.user", "context.auth", "request.auth", "ctx.session", "c.get('jwtPayload')",
        "c.get(\"jwtPayload\")", "c.get('user')", "c.get(\"user\")", "getToken(", "validateRequest(", "validateSession(",
        "lucia.validateSession", "requireAuth(", "requireUser(", "requireSession(", "getCurrentUser(", "getUserFromRequest(",
        "getUserFromToken(", "getAuthUser(", "getSessionUser(", "ensureAuth", "withAuth(", "checkAuth(", "isAuthenticated(",
        "requireAdmin(",
        // Python
        "current_user", "get_jwt_identity(", "verify_jwt_in_request(", "session.get('user", "session.get(\"user", "session['user",
        "session[\"user", "request.user.is_authenticated", "g.user", "get_current_user", "verify_id_token(", "jwt.decode(",
    ]

    /// One matcher for the handler checks, so a route's handler is read once, not once per word.
    static let handlerMatcher: PatternMatcher = {
        let js = inHandlerChecks.filter { !$0.contains("_") || $0.hasPrefix("req") }
        let word = js.filter { ByteClass.isIdentifier(Array($0.utf8)[0]) }
        let other = js.filter { !ByteClass.isIdentifier(Array($0.utf8)[0]) }
        let py = ["current_user", "get_jwt_identity(", "verify_jwt_in_request(", "session.get('user", "session.get(\"user", "session['user", "session[\"user",
                  "request.user.is_authenticated", "g.user", "get_current_user", "verify_id_token(", "jwt.decode(", "login_required"]
        let jsLangs: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte]
        return PatternMatcher(rules: [
            PatternRule(id: "routes/check-word", literals: word + [bareAuthCall], regions: .code, languages: jsLangs, wordStart: true, regexEquivalent: ""),
            PatternRule(id: "routes/check", literals: other, regions: .code, languages: jsLangs, regexEquivalent: ""),
            PatternRule(id: "routes/check-py", literals: py, regions: .code, languages: [.python], regexEquivalent: ""),
            PatternRule(id: "routes/webhook", literals: webhookBodies, regions: .live, regexEquivalent: ""),
            PatternRule(id: "routes/upload", literals: uploadBodies, regions: .code, regexEquivalent: ""),
            PatternRule(id: "routes/login-call", literals: ["signInWithPassword(", "signInWithEmailAndPassword(", "passport.authenticate(\"local\"",
                                                          "passport.authenticate('local'"], regions: .code, regexEquivalent: ""),
            PatternRule(id: "routes/otp-call", literals: ["signInWithOtp(", "verifyOtp(", "verify_otp(", "sendOtp(", "send_otp("], regions: .code, regexEquivalent: ""),
            PatternRule(id: "routes/reset-call", literals: ["resetPasswordForEmail(", "sendPasswordResetEmail(", "generatePasswordResetLink("], regions: .code, regexEquivalent: ""),
            PatternRule(id: "routes/signup-call", literals: [".auth.signUp(", "createUserWithEmailAndPassword("], regions: .code, regexEquivalent: ""),
            PatternRule(id: "routes/password-check", literals: ["bcrypt.compare(", "bcrypt.compareSync(", "argon2.verify(", "verifyPassword(", "comparePassword(",
                                                              "comparePasswords(", "check_password_hash(", "check_password(", "verify_password(", "pwd_context.verify("],
                        regions: .code, regexEquivalent: ""),
        ])
    }()

    /// `auth()` (NextAuth v5, Clerk) is checked separately: a bare call, not a member.
    static let bareAuthCall = "auth()"

    /// Whether a middleware, decorator or wrapper expression names an identity guard.
    public static func isGuardName(_ text: String) -> Bool {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        if t.hasPrefix("passport.authenticate(") {
            // 'local' is the login itself; 'jwt', 'bearer', 'session' and others check an existing identity.
            return !(t.contains("'local'") || t.contains("\"local\""))
        }
        if t.contains("csrf") || t.contains("helmet") { return false }
        let head = String(t.prefix { $0 != "(" })
        if head.hasSuffix("router") || head.hasSuffix("routes") || head.hasSuffix("controller") || head.hasSuffix("route") { return false }
        if head == "session" || head.hasSuffix(".session") || head.hasSuffix("session.initialize") || head.contains("cookiesession")
            || head.contains("sessionmiddleware") || head.contains("ratelimit") || head.contains("limiter") || head == "cors" {
            return false
        }
        if head.contains("passport.initialize") || head.contains("passport.session") { return false }
        let words = [
            "requireauth", "requiresauth", "isauthenticated", "ensureauthenticated", "authenticate", "authmiddleware", "authguard",
            "withauth", "checkauth", "verifyauth", "authrequired", "auth_required", "requireuser", "requirelogin", "login_required",
            "loginrequired", "isloggedin", "ensureloggedin", "requiresession", "verifytoken", "verify_token", "verifyjwt", "verifyaccesstoken",
            "validatetoken", "checktoken", "token_required", "jwt_required", "requireadmin", "isadmin", "admin_required", "adminonly",
            "requirerole", "requireroles", "hasrole", "checkrole", "authorize", "permission_required", "requires_auth", "protect",
            "clerkmiddleware", "clerkexpressrequireauth", "requireauth()", "bearerauth", "basicauth", "expressjwt", "jwtauth", "authjwt",
            "fastify.authenticate", "app.authenticate", "server.authenticate", "supabaseauth", "firebaseauth", "validatesession",
            "ensureuser", "ensureauth", "authed", "authenticated", "loggedin", "jwtcheck", "checkjwt", "permission_classes",
            "loginrequiredmixin", "isauthenticated", "depends(get_current", "depends(auth", "depends(verify", "depends(require",
            "firebaseuser", "currentuser", "requiresauth", "withapiauth", "withsession", "withiron",
        ]
        if words.contains(where: { t.contains($0) }) { return true }
        // A bare `auth` / `jwt(...)` middleware (the common one-word names).
        return head == "auth" || head == "jwt" || head.hasSuffix(".auth") || head == "authenticated" || head == "authorized"
    }

    /// Whether a middleware, decorator or call names a rate limiter or brute-force guard.
    public static func isRateLimiterName(_ text: String) -> Bool {
        let t = text.lowercased()
        return ["ratelimit", "rate_limit", "rate-limit", "limiter", "throttle", "slowdown", "slow_down", "bruteforce", "brute_force",
                "speedlimiter", "ratelimiter", "@fastify/rate-limit", "express-brute", "lockout", "ratelimited"].contains { t.contains($0) }
    }

    /// Code fragments that apply a rate limit or attempt counter inside a handler.
    public static let inHandlerRateLimits: [String] = [
        "ratelimit", "rateLimit", "RateLimit", "rate_limit", "limiter.", "Limiter", "throttle", "Throttle", ".consume(",
        "failedAttempts", "failed_attempts", "loginAttempts", "login_attempts", "attempts", "lockUntil", "lock_until", "lockedUntil",
        "locked_until", "checkLimit", "@upstash/ratelimit", "slidingWindow", "fixedWindow", "tokenBucket",
    ]

    /// Lower-case word tokens of a path segment or identifier: split at non-alphanumerics and camelCase humps.
    public static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var prevLower = false
        for ch in s {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && prevLower && !cur.isEmpty { out.append(cur); cur = "" }
                cur.append(Character(ch.lowercased()))
                prevLower = ch.isLowercase || ch.isNumber
            } else {
                if !cur.isEmpty { out.append(cur); cur = "" }
                prevLower = false
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// The authentication action a path and name describe, if any.
    public static func authAction(path: String, name: String?, methods: [String]) -> ServerRoute.AuthAction? {
        let lower = path.lowercased()
        if lower.contains("[...nextauth]") || lower.contains("*nextauth") || lower.hasSuffix("/nextauth") { return .authLibrary }
        let segments = path.split(whereSeparator: { $0 == "/" }).map(String.init).filter { !$0.hasPrefix(":") && !$0.hasPrefix("*") }
        var groups: [[String]] = segments.map { words($0) }
        if let name { groups.append(words(name)) }
        func single(_ keys: Set<String>) -> Bool { groups.contains { $0.contains { keys.contains($0) } } }
        func pair(_ keys: [(String, String)]) -> Bool {
            groups.contains { g in g.indices.dropLast().contains { i in keys.contains { $0.0 == g[i] && $0.1 == g[i + 1] } } }
        }
        let flat = groups.flatMap { $0 }
        if single(["logout", "signout"]) || pair([("sign", "out"), ("log", "out")]) { return .logout }
        if single(["magiclink", "passwordless"]) || pair([("magic", "link")]) { return .magicLink }
        if single(["forgot", "resetpassword", "forgotpassword", "passwordreset", "changepassword"])
            || pair([("reset", "password"), ("forgot", "password"), ("password", "reset"), ("change", "password"), ("recover", "password")])
            || flat.contains("password") && (flat.contains("reset") || flat.contains("recover")) {
            return .passwordReset
        }
        if single(["otp", "2fa", "mfa", "totp", "passcode"]) || pair([("send", "code"), ("verify", "code"), ("one", "time"), ("sms", "code"), ("resend", "code")]) {
            return .otp
        }
        if pair([("verify", "email"), ("verify", "phone"), ("confirm", "email"), ("email", "verification"), ("verify", "account")]) { return .verify }
        if single(["login", "signin", "logon"]) || pair([("sign", "in"), ("log", "in")]) { return .login }
        if single(["signup"]) || pair([("sign", "up"), ("complete", "registration"), ("finish", "registration"), ("complete", "signup"), ("accept", "invite"),
                                       ("accept", "invitation")]) { return .signup }
        let context: Set<String> = ["api", "auth", "v1", "v2", "users", "user", "account", "accounts", "register", "registration"]
        if let last = segments.last?.lowercased(), last == "register" || last == "registration",
           segments.dropLast().allSatisfy({ context.contains($0.lowercased()) }) {
            return .signup
        }
        if let n = name.map(words), n.first == "register", n.count == 1 || ["user", "account"].contains(n[1]) { return .signup }
        let lowSegs = segments.map { $0.lowercased() }
        if lowSegs.contains("auth") || lowSegs.contains("session") || lowSegs.contains("sessions") {
            if let last = lowSegs.last, ["token", "session", "sessions", "local", "credentials"].contains(last), methods.contains("POST") {
                return .login
            }
            if lowSegs.contains("verify") { return .verify }
        }
        return nil
    }

    /// Whether a path or handler name says webhook.
    public static func isWebhook(path: String, name: String?) -> Bool {
        let t = (path + " " + (name ?? "")).lowercased()
        return t.contains("webhook") || t.contains("web-hook") || t.contains("web_hook")
    }

    /// Whether a path or handler name says upload.
    public static func isUpload(path: String, name: String?) -> Bool {
        let t = (path + " " + (name ?? "")).lowercased()
        return t.contains("upload") || t.contains("/files") || t.contains("avatar") || t.contains("attachment")
    }

    /// Code fragments that show a handler verifies a webhook signature or is a webhook.
    public static let webhookBodies: [String] = ["webhooks.constructEvent", "constructEvent(", "stripe-signature", "x-hub-signature", "svix", "verifyWebhook", "X-Signature", "x-webhook-signature"]
    /// Code fragments that show a handler receives files.
    public static let uploadBodies: [String] = ["multer", "upload.single(", "upload.array(", "upload.fields(", "req.file", "req.files", "formidable", "busboy", "UploadFile", "request.files", ".upload(", "instanceof File", "as File", "getAll('file", "get('file"]
}
