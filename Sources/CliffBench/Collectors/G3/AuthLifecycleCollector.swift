import Foundation

/// G3.D4: the parts of an auth lifecycle an app with its own or delegated login needs: password
/// reset, email verification and session expiry/refresh. Which parts apply depends on the auth:
/// hosted providers (Clerk, Auth0, Kinde, WorkOS, Stytch) handle all three; magic links and OAuth
/// need no reset and verify by design; Supabase needs `resetPasswordForEmail` plus a recovery page
/// that sets the password, and confirmations left on (`enable_confirmations = false` in
/// supabase/config.toml turns them off); Firebase needs `sendPasswordResetEmail` and
/// `sendEmailVerification`; home-made password auth (bcrypt/argon2/md5, NextAuth Credentials)
/// needs its own reset tokens with expiry and verification tokens. Sessions: every `jwt.sign` /
/// `jwt.encode` needs an expiry, express-session a maxAge, browser Supabase clients keep
/// `autoRefreshToken`, and a user object cached in localStorage must not stand in for the session.
/// Each missing part is a medium finding. Not measured when the app has no authentication.
public struct AuthLifecycleCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.D4", slug: "auth-lifecycle", kind: .diagnostic, methods: "S",
        measures: "password reset, email verification, session expiry/refresh",
        severity: .medium, remediation: RemediationCost(baseHours: 3, perFindingHours: 2),
        triggering: [
            CollectorExample("routes/auth.js", """
                const bcrypt = require('bcrypt');
                router.post('/login', async (req, res) => {
                  const user = await db.users.findByEmail(req.body.email);
                  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.sendStatus(401);
                  res.json({ token: ↓jwt.sign({ id: user.id, role: user.role }, process.env.JWT_SECRET) });
                });
                """, note: "own password auth: no reset, no verification, tokens that never expire"),
            CollectorExample([
                "src/pages/Login.tsx": """
                    export default function Login() {
                      const signUp = () => supabase.auth.signUp({ email, password });
                      const signIn = () => supabase.auth.signInWithPassword({ email, password });
                      return <form />;
                    }
                    """,
                "supabase/config.toml": """
                    [auth.email]
                    enable_signup = true
                    ↓enable_confirmations = false
                    """,
            ], note: "Supabase password login with confirmations off and no reset flow"),
            CollectorExample([
                "src/pages/Login.tsx": """
                    export default function Login() {
                      const signIn = async () => {
                        const { data } = await supabase.auth.signInWithPassword({ email, password });
                        ↓localStorage.setItem("user", JSON.stringify(data.user));
                      };
                      const forgot = () => supabase.auth.resetPasswordForEmail(email, { redirectTo: `${location.origin}/reset` });
                      return <form />;
                    }
                    """,
                "src/pages/Reset.tsx": """
                    export default function Reset() { return <button onClick={() => supabase.auth.updateUser({ password })}>Save</button>; }
                    """,
                "src/pages/Invoices.tsx": """
                    export default function Invoices() { const user = JSON.parse(localStorage.getItem("user") || "{}"); return null; }
                    """,
            ], note: "the app's own copy of the user in localStorage never expires"),
            CollectorExample("lib/auth.ts", """
                import { betterAuth } from "better-auth";
                export const auth = betterAuth({
                  emailAndPassword: { enabled: true },
                  socialProviders: { google: { clientId: process.env.GOOGLE_CLIENT_ID!, clientSecret: process.env.GOOGLE_CLIENT_SECRET! } },
                });
                """, note: "Better Auth passwords without reset or verification"),
        ],
        nonTriggering: [
            CollectorExample([
                "src/pages/Login.tsx": """
                    export default function Login() {
                      const signIn = () => supabase.auth.signInWithPassword({ email, password });
                      const forgot = () => supabase.auth.resetPasswordForEmail(email, { redirectTo: `${location.origin}/reset-password` });
                      return <form />;
                    }
                    """,
                "src/pages/ResetPassword.tsx": """
                    export default function ResetPassword() { return <button onClick={() => supabase.auth.updateUser({ password })}>Save</button>; }
                    """,
            ], note: "Supabase password login with a complete reset flow and default confirmations"),
            CollectorExample("src/main.tsx", """
                import { ClerkProvider } from "@clerk/clerk-react";
                createRoot(root).render(<ClerkProvider publishableKey={key}><App /></ClerkProvider>);
                """, note: "a hosted provider runs the whole lifecycle"),
            CollectorExample("src/pages/Login.tsx", """
                export default function Login() {
                  const send = () => supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: location.origin } });
                  return <button onClick={send}>Email me a sign-in link</button>;
                }
                """, note: "magic links need no password reset and verify the address"),
            CollectorExample("server/auth.ts", """
                import bcrypt from "bcryptjs";
                export const issue = (u: User) => jwt.sign({ sub: u.id }, secret, { expiresIn: "15m" });
                export const refresh = (u: User) => jwt.sign({ sub: u.id, typ: "refresh" }, secret, { expiresIn: "7d" });
                router.post("/forgot-password", async (req, res) => {
                  await db.resetTokens.create({ userId: u.id, token: randomToken(), expiresAt: addHours(new Date(), 1) });
                });
                router.post("/verify-email", async (req, res) => { await db.users.update({ emailVerified: true }); });
                """, note: "own auth with expiring tokens, a reset flow and email verification"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G3.D4/supabase", literals: ["auth.signUp(", "signInWithPassword(", "signInWithOtp(", "signInWithOAuth(", "auth.signIn(",
                                                         "resetPasswordForEmail(", "updateUser(", "PASSWORD_RECOVERY", "autoRefreshToken"],
                        regions: .code, regexEquivalent: #"auth\.signUp\(|signInWith(Password|Otp|OAuth)\(|resetPasswordForEmail\(|updateUser\(|PASSWORD_RECOVERY|autoRefreshToken"#),
            PatternRule(id: "G3.D4/firebase", literals: ["createUserWithEmailAndPassword(", "signInWithEmailAndPassword(", "sendPasswordResetEmail(",
                                                         "sendEmailVerification(", "signInWithPopup(", "signInWithRedirect("],
                        regions: .code, regexEquivalent: #"(createUserWithEmailAndPassword|signInWithEmailAndPassword|sendPasswordResetEmail|sendEmailVerification|signInWithPopup|signInWithRedirect)\("#),
            PatternRule(id: "G3.D4/hosted", literals: ["@clerk/", "@auth0/", "@kinde-oss/", "@workos-inc/", "@stytch/", "@descope/", "@propelauth/"],
                        regions: .string, regexEquivalent: #"["']@(clerk|auth0|kinde-oss|workos-inc|stytch|descope|propelauth)/"#),
            PatternRule(id: "G3.D4/nextauth", literals: ["next-auth", "CredentialsProvider(", "Credentials(", "EmailProvider(", "@auth/", "better-auth",
                                                         "Nodemailer("],
                        regions: .live, wordStart: true, regexEquivalent: #"next-auth|CredentialsProvider\(|EmailProvider\(|better-auth"#),
            PatternRule(id: "G3.D4/password", literals: ["bcrypt", "argon2", "check_password_hash", "generate_password_hash", "passwordHash",
                                                         "password_hash", "hashedPassword", "hashed_password", "make_password", "pbkdf2", "md5(", "scrypt"],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"bcrypt|argon2|(check|generate)_password_hash|password_?[Hh]ash|hashed_?[Pp]assword|make_password|pbkdf2|scrypt|md5\([^)]*password"#),
            PatternRule(id: "G3.D4/token", literals: ["jwt.sign(", "jwt.encode(", "SignJWT(", "session(", "cookieSession(", "express-session"],
                        regions: .code, regexEquivalent: #"jwt\.(sign|encode)\(|SignJWT\(|session\(\{|cookieSession\("#),
            PatternRule(id: "G3.D4/reset", literals: ["forgot-password", "forgot_password", "forgotpassword", "reset-password", "reset_password",
                                                      "resetpassword", "passwordreset", "password_reset", "resettoken", "reset_token", "resetpasswordtoken"],
                        caseSensitive: false, regions: .live, regexEquivalent: #"(?i)forgot[-_]?password|reset[-_]?password|password[-_]?reset|reset[-_]?token"#),
            PatternRule(id: "G3.D4/verify", literals: ["verify-email", "verify_email", "verifyemail", "emailverified", "email_verified", "isverified",
                                                       "is_verified", "verificationtoken", "verification_token", "confirm-email", "confirmemail",
                                                       "email_confirmed", "emailconfirmed", "requireemailverification", "sendverificationemail"],
                        caseSensitive: false, regions: .live, regexEquivalent: #"(?i)verify[-_]?email|email[-_]?verified|is[-_]?verified|verification[-_]?token|confirm[-_]?email|email[-_]?confirmed"#),
            PatternRule(id: "G3.D4/local-user", literals: ["localStorage.setItem("], regions: .code,
                        regexEquivalent: #"localStorage\.setItem\(\s*["'](user|currentUser|authUser|session)["']"#),
            PatternRule(id: "G3.D4/local-read", literals: ["localStorage.getItem("], regions: .code,
                        regexEquivalent: #"localStorage\.getItem\(\s*["'](user|currentUser|authUser|session)["']"#),
        ]
    }

    private func appHits(_ app: AppContext, _ rule: String) -> [(file: ScannedFile, hit: RuleHit)] {
        G3Scan.hits(app, rule).filter { G3Scan.isAppCode($0.file) || $0.file.role == .config && rule != "G3.D4/reset" && rule != "G3.D4/verify" }
    }

    private func lit(_ f: ScannedFile, _ h: RuleHit) -> String { f.string(Int(h.offset)..<Int(h.offset + h.length)) }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sb = appHits(app, "G3.D4/supabase").filter { G3Scan.isAppCode($0.file) }
        let fb = appHits(app, "G3.D4/firebase")
        let hosted = G3Scan.hits(app, "G3.D4/hosted").filter { G3Scan.isAppCode($0.file) || $0.file.path.hasSuffix("package.json") }
        let na = appHits(app, "G3.D4/nextauth").filter { G3Scan.isAppCode($0.file) }
        let pw = appHits(app, "G3.D4/password").filter { h in
            lit(h.file, h.hit) != "md5(" || G3Scan.contains(h.file, "password", in: G3Scan.callSpan(h.file, paren: Int(h.hit.offset) + 3), caseInsensitive: true)
        }
        let tokens = appHits(app, "G3.D4/token").filter { G3Scan.isAppCode($0.file) }
        let resets = appHits(app, "G3.D4/reset").filter { G3Scan.isAppCode($0.file) }
        let verifies = appHits(app, "G3.D4/verify").filter { G3Scan.isAppCode($0.file) || $0.file.role == .schema }
        func has(_ hs: [(file: ScannedFile, hit: RuleHit)], _ l: String) -> Bool { hs.contains { lit($0.file, $0.hit) == l } }

        let supabasePassword = has(sb, "auth.signUp(") || has(sb, "signInWithPassword(") || has(sb, "auth.signIn(")
        let supabaseAny = supabasePassword || has(sb, "signInWithOtp(") || has(sb, "signInWithOAuth(")
        let firebasePassword = has(fb, "createUserWithEmailAndPassword(") || has(fb, "signInWithEmailAndPassword(")
        let firebaseAny = firebasePassword || has(fb, "signInWithPopup(") || has(fb, "signInWithRedirect(")
        let credentials = na.contains { ["CredentialsProvider(", "Credentials("].contains(lit($0.file, $0.hit)) }
        let nextAuth = na.contains { ["next-auth", "@auth/"].contains(lit($0.file, $0.hit)) } || credentials
        let betterAuth = has(na, "better-auth")
        let betterAuthFiles = na.filter { lit($0.file, $0.hit) == "better-auth" }.map(\.file)
        let betterAuthPassword = betterAuth && betterAuthFiles.contains { G3Scan.contains($0, "emailAndPassword", in: G3Scan.whole($0), regions: .code) }
        func betterAuthHas(_ needles: [String]) -> Bool {
            betterAuthFiles.contains { G3Scan.containsAny($0, needles, in: G3Scan.whole($0), regions: .code) }
        }
        let jwtSigns = tokens.filter { ["jwt.sign(", "jwt.encode(", "SignJWT("].contains(lit($0.file, $0.hit)) }
        let ownPassword = (!pw.isEmpty || credentials) && !supabasePassword && !firebasePassword && !betterAuth
        let hostedOnly = !hosted.isEmpty && !supabaseAny && !firebaseAny && !ownPassword && !nextAuth && jwtSigns.isEmpty

        var kinds: [String] = []
        if !hosted.isEmpty { kinds.append("hosted provider") }
        if supabaseAny { kinds.append(supabasePassword ? "Supabase password" : "Supabase passwordless/OAuth") }
        if firebaseAny { kinds.append(firebasePassword ? "Firebase password" : "Firebase OAuth") }
        if nextAuth { kinds.append(credentials ? "NextAuth credentials" : "NextAuth") }
        if betterAuth { kinds.append("Better Auth") }
        if ownPassword && !credentials { kinds.append("own password auth") }
        if !jwtSigns.isEmpty { kinds.append("own JWT") }
        guard !kinds.isEmpty else { return .notMeasured(d.id, "the app has no authentication") }
        if hostedOnly {
            return MetricResult(metricID: d.id, value: .measured(100), evidence: [Evidence("auth", kinds.joined(separator: ", ")),
                                Evidence("lifecycle", "password reset, verification and sessions are run by the hosted provider")])
        }

        var findings: [Finding] = []
        var checked: [String] = []
        // Password reset.
        if supabasePassword {
            checked.append("reset")
            if !has(sb, "resetPasswordForEmail(") {
                findings.append(app.appFinding(d, rule: "no-password-reset", severity: .medium,
                    message: "Users sign in with a Supabase password but there is no way to reset it (no supabase.auth.resetPasswordForEmail). Forgotten passwords become support tickets or lost accounts. Add a \"forgot password\" form and a page that calls updateUser({ password }) on the PASSWORD_RECOVERY event."))
            } else if !G3Scan.anyFile(app, sb, where: { f, h in lit(f, h) == "updateUser(" && G3Scan.contains(f, "password", in: G3Scan.callSpan(f, paren: Int(h.offset + h.length) - 1)) }) {
                findings.append(app.appFinding(d, rule: "reset-incomplete", severity: .medium,
                    message: "A reset email is sent (resetPasswordForEmail) but no page sets the new password (no supabase.auth.updateUser({ password })). The link signs the user in and leaves the old, forgotten password in place. Add the recovery page."))
            }
        }
        if firebasePassword {
            checked.append("reset")
            if !has(fb, "sendPasswordResetEmail(") {
                findings.append(app.appFinding(d, rule: "no-password-reset", severity: .medium,
                    message: "Users sign in with a Firebase password but the app never calls sendPasswordResetEmail, so a forgotten password cannot be recovered. Add a reset form."))
            }
        }
        if betterAuthPassword {
            checked.append("reset")
            checked.append("verification")
            if !betterAuthHas(["sendresetpassword"]) {
                findings.append(app.appFinding(d, rule: "no-password-reset", severity: .medium,
                    message: "Better Auth is configured with email and password but without emailAndPassword.sendResetPassword, so users cannot reset a forgotten password. Provide sendResetPassword (it emails the reset link) and a page that calls resetPassword."))
            }
            if !betterAuthHas(["requireemailverification", "sendverificationemail", "emailverification:"]) {
                findings.append(app.appFinding(d, rule: "no-email-verification", severity: .medium,
                    message: "Better Auth accepts email/password sign-ups without verifying the address (no emailVerification.sendVerificationEmail, no requireEmailVerification). Anyone can register with someone else's email. Configure verification and require it."))
            }
        }
        if ownPassword {
            checked.append("reset")
            if resets.isEmpty {
                findings.append(app.appFinding(d, rule: "no-password-reset", severity: .medium,
                    message: "The app stores its own password hashes but has no password reset flow (no forgot/reset-password route, no reset token). Add one: a single-use, hashed token that expires within an hour, emailed to the account address."))
            } else if let r = resets.first(where: { ["resettoken", "reset_token", "resetpasswordtoken"].contains(lit($0.file, $0.hit).lowercased()) }),
                      !G3Scan.containsAny(r.file, ["expir", "expiresat", "expires_at", "ttl", "maxage"], in: G3Scan.whole(r.file)) {
                findings.append(Finding.at(d, rule: "reset-token-no-expiry", file: r.file, offset: Int(r.hit.offset), severity: .medium,
                    message: "Password reset tokens are stored without an expiry, so a leaked or old reset link works forever. Store an expiry (an hour) and reject expired or used tokens."))
            }
        }
        // Email verification.
        if supabasePassword {
            checked.append("verification")
            for f in app.files where f.path.hasSuffix("supabase/config.toml") || f.path == "config.toml" && f.contains("[auth") {
                if let o = confirmationsOff(f) {
                    findings.append(Finding.at(d, rule: "email-confirmation-off", file: f, offset: o, severity: .medium,
                        message: "Email confirmations are turned off, so anyone can sign up with someone else's address and the app will email and trust it. Turn enable_confirmations on (and check the hosted project's Auth settings match)."))
                }
            }
        }
        if firebasePassword {
            checked.append("verification")
            if !has(fb, "sendEmailVerification(") {
                findings.append(app.appFinding(d, rule: "no-email-verification", severity: .medium,
                    message: "Firebase accounts are created with email and password but the app never calls sendEmailVerification or checks emailVerified, so addresses are never proven. Send the verification email and gate sensitive actions on it."))
            }
        }
        if ownPassword && !has(na, "EmailProvider(") && !has(na, "Nodemailer(") {
            checked.append("verification")
            if verifies.isEmpty {
                findings.append(app.appFinding(d, rule: "no-email-verification", severity: .medium,
                    message: "Accounts are created without proving the email address (no verification token, no emailVerified flag). Anyone can register with another person's address, and emails go to people who never signed up. Send a verification link and mark the address verified."))
            }
        }
        // Sessions.
        checked.append("sessions")
        for (f, h) in jwtSigns {
            let l = lit(f, h)
            let span = G3Scan.callSpan(f, paren: Int(h.offset + h.length) - 1)
            let stmt = G3Scan.statement(f, around: Int(h.offset), radius: 400)
            let expiring = l == "SignJWT("
                ? G3Scan.contains(f, "setExpirationTime", in: stmt)
                : G3Scan.containsAny(f, ["expiresin", "\"exp\"", "'exp'", "exp:", "expires"], in: span)
                    || l == "jwt.encode(" && G3Scan.containsAny(f, ["\"exp\"", "'exp'"], in: max(0, Int(h.offset) - 400)..<span.upperBound)
            if !expiring {
                findings.append(Finding.at(d, rule: "token-never-expires", file: f, offset: Int(h.offset), severity: .medium,
                    message: "This token is signed without an expiry, so it stays valid forever: a stolen token, or one kept after a role change or logout, keeps working. Set expiresIn (e.g. 15m with a refresh token, or a few hours) and handle expired tokens in the client."))
            }
        }
        for (f, h) in tokens where lit(f, h) == "session(" || lit(f, h) == "cookieSession(" {
            guard G3Scan.containsAny(f, ["express-session", "cookie-session"], in: G3Scan.whole(f)) else { continue }
            let span = G3Scan.callSpan(f, paren: Int(h.offset + h.length) - 1)
            if !G3Scan.containsAny(f, ["maxage", "expires", "ttl"], in: span) {
                findings.append(Finding.at(d, rule: "session-never-expires", file: f, offset: Int(h.offset), severity: .medium,
                    message: "The session cookie has no maxAge or expiry, and the server-side session no TTL, so a session lives as long as the store keeps it. Set cookie.maxAge and a store TTL, and rotate the session on login."))
            }
        }
        for (f, h) in sb where lit(f, h) == "autoRefreshToken" && f.role != .server && !f.path.contains("supabase/functions") {
            let j = G3Scan.skipSpaces(f.bytes, Int(h.offset + h.length))
            guard j < f.bytes.count, f.bytes[j] == 0x3A, G3Scan.startsWith(f.bytes, G3Scan.skipSpaces(f.bytes, j + 1), "false") else { continue }
            guard f.role == .client || f.role == .shared, !G3Scan.contains(f, "service_role", in: G3Scan.whole(f), caseInsensitive: true) else { continue }
            findings.append(Finding.at(d, rule: "no-session-refresh", file: f, offset: Int(h.offset), severity: .medium,
                message: "The browser Supabase client has autoRefreshToken turned off, so users are signed out (or requests fail) when the access token expires after an hour. Leave token refresh on in client code."))
        }
        if supabaseAny || firebaseAny || nextAuth, let (f, h) = G3Scan.hits(app, "G3.D4/local-user").first(where: { G3Scan.isAppCode($0.file) && isUserKey($0.file, $0.hit) }) {
            let readsBack = G3Scan.hits(app, "G3.D4/local-read").contains { G3Scan.isAppCode($0.file) && isUserKey($0.file, $0.hit) }
            if readsBack {
                findings.append(Finding.at(d, rule: "local-user-as-session", file: f, offset: Int(h.offset), severity: .medium,
                    message: "The app keeps its own copy of the signed-in user in localStorage and reads identity from it. That copy never expires or refreshes: after the real session ends (expiry, sign-out elsewhere, password reset) the app still shows the user as signed in. Read the user from the auth client's session (getSession/onAuthStateChange) instead."))
            }
        }

        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("auth", kinds.joined(separator: ", ")),
                                       Evidence("parts checked", Array(Set(checked)).sorted().joined(separator: ", ")),
                                       Evidence("token signing sites", jwtSigns.count)])
    }

    private func isUserKey(_ f: ScannedFile, _ h: RuleHit) -> Bool {
        let q = G3Scan.skipSpaces(f.bytes, Int(h.offset + h.length))
        guard let key = G3Scan.stringLiteral(f.bytes, at: q)?.text else { return false }
        return ["user", "currentuser", "authuser", "session", "loggedinuser"].contains(key.lowercased())
    }

    /// Offset of `enable_confirmations = false` inside `[auth.email]`, if present.
    private func confirmationsOff(_ f: ScannedFile) -> Int? {
        var inEmail = false
        for line in 1...max(1, f.lineCount) {
            let t = f.lineText(line).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") { inEmail = t.hasPrefix("[auth.email]") ; continue }
            guard inEmail, t.hasPrefix("enable_confirmations") else { continue }
            let v = t.split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if v.hasPrefix("false") {
                let r = f.lineRange(line)
                var o = r.lowerBound
                while o < r.upperBound && (f.bytes[o] == 0x20 || f.bytes[o] == 0x09) { o += 1 }
                return o
            }
        }
        return nil
    }
}

extension G3Scan {
    /// Whether any of the hits satisfies `where`.
    static func anyFile(_ app: AppContext, _ hits: [(file: ScannedFile, hit: RuleHit)], where test: (ScannedFile, RuleHit) -> Bool) -> Bool {
        hits.contains { test($0.file, $0.hit) }
    }
}
