import Foundation

/// G4.D8 (static part): where auth tokens live. Findings: access, refresh or ID tokens and JWTs
/// written to localStorage/sessionStorage (readable by any script on the page, so one XSS steals
/// the session); auth or session cookies set from JavaScript (`document.cookie`, js-cookie), which
/// can never be HttpOnly; cookies set by the server (`res.cookie`, Next `cookies().set`, `Set-Cookie`
/// headers, Flask `set_cookie`, express-session/cookie-session options) without HttpOnly (high),
/// Secure (medium) or SameSite (low). supabase-js keeps its session in localStorage by default:
/// reported once as low, with a clear message, not as high. CSRF tokens, push-notification tokens
/// and expiry timestamps are not auth tokens. Not measured when the app stores no tokens and sets no
/// auth or session cookies.
public struct TokenStorageCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D8", slug: "token-storage", kind: .diagnostic, methods: "S,R",
        measures: "tokens in localStorage; cookies without HttpOnly/Secure/SameSite",
        severity: .high, remediation: RemediationCost(baseHours: 2, perFindingHours: 0.5),
        triggering: [
            CollectorExample("src/lib/auth.ts", """
                export async function login(email: string, password: string) {
                  const { data } = await api.post('/auth/login', { email, password });
                  ↓localStorage.setItem('token', data.accessToken);
                  ↓localStorage.setItem('refresh_token', data.refreshToken);
                }
                """, note: "bearer and refresh tokens in localStorage"),
            CollectorExample("server/routes/auth.js", """
                router.post('/login', async (req, res) => {
                  const token = signToken(user);
                  res.↓cookie('token', token);
                  res.json({ ok: true });
                });
                """, note: "a token cookie without HttpOnly"),
            CollectorExample("src/utils/session.js", """
                export function saveSession(jwt) {
                  ↓document.cookie = `auth_token=${jwt}; path=/`;
                }
                """, note: "a token cookie set from JavaScript cannot be HttpOnly"),
            CollectorExample("app/api/login/route.ts", """
                import { cookies } from 'next/headers';
                export async function POST(req: Request) {
                  const session = await createSession();
                  cookies().↓set('session', session.id, { httpOnly: true, sameSite: 'lax' });
                  return Response.json({ ok: true });
                }
                """, note: "a session cookie without Secure"),
            CollectorExample(["src/integrations/supabase/client.ts": """
                import { createClient } from '@supabase/supabase-js';
                export const supabase = ↓createClient(SUPABASE_URL, SUPABASE_PUBLISHABLE_KEY, {
                  auth: { storage: localStorage, persistSession: true, autoRefreshToken: true },
                });
                """], note: "supabase-js session in localStorage (low)"),
        ],
        nonTriggering: [
            CollectorExample("server/routes/auth.js", """
                router.post('/login', async (req, res) => {
                  res.cookie('token', signToken(user), { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3600000 });
                  res.json({ ok: true });
                });
                """, note: "HttpOnly, Secure, SameSite cookie"),
            CollectorExample("src/hooks/useTheme.ts", """
                localStorage.setItem('theme', dark ? 'dark' : 'light');
                localStorage.setItem('sidebar:state', 'open');
                localStorage.setItem('csrfToken', csrf);
                localStorage.setItem('fcmToken', pushToken);
                """, note: "preferences, CSRF and push tokens"),
            CollectorExample("server/session.ts", """
                import session from 'express-session';
                app.use(session({
                  secret: process.env.SESSION_SECRET!,
                  cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax', maxAge: 86400000 },
                }));
                """, note: "express-session with a hardened cookie"),
            CollectorExample("src/lib/supabase/client.ts", """
                import { createBrowserClient } from '@supabase/ssr';
                export const supabase = createBrowserClient(url, anonKey);
                """, note: "@supabase/ssr keeps the session in cookies"),
            CollectorExample("src/lib/auth.test.ts", """
                localStorage.setItem('token', 'fake');
                """, note: "tests"),
        ])

    public var rules: [PatternRule] {
        let code: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html, .python]
        return [
            PatternRule(id: "G4.D8/web-storage", literals: ["Storage.setItem(", "Storage["], regions: .code, languages: code,
                        regexEquivalent: #"(local|session)Storage\.setItem\(\s*['"`][^'"`]*(token|jwt|auth|session)[^'"`]*['"`]"#),
            PatternRule(id: "G4.D8/cookie", literals: [".cookie(", "cookies().set(", "cookies.set(", "Cookies.set(", "document.cookie", "set_cookie(", "setCookie(",
                                                      "Set-Cookie", "set-cookie", "session({", "cookieSession(", "session(sessionSettings", "session(sessionConfig",
                                                      "serialize("],
                        regions: .live, languages: code,
                        regexEquivalent: #"res\.cookie\(|cookies\(\)\.set\(|Cookies\.set\(|document\.cookie\s*=|set_cookie\(|[Ss]et-[Cc]ookie|session\(\{"#),
            PatternRule(id: "G4.D8/supabase", literals: ["createClient("], regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte],
                        regexEquivalent: #"createClient\("#),
        ]
    }

    private func isAuthTokenName(_ s: String) -> Bool {
        let l = s.lowercased()
        if l.contains("csrf") || l.contains("xsrf") || l.contains("fcm") || l.contains("push") || l.contains("device") || l.contains("expir")
            || l.contains("expires") || l.contains("theme") || l.contains("notification") || l.contains("captcha") || l.contains("recaptcha") {
            return false
        }
        return l.contains("token") || l.contains("jwt") || l.contains("bearer") || l == "auth" || l.hasSuffix("_auth") || l.hasSuffix("-auth")
            || l.hasPrefix("auth") || l.contains("session") && !l.contains("sessionid_hint") || l.contains("credential") || l == "sid" || l.contains("access")
            || l.contains("refresh")
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var findings: [Finding] = []
        var storageWrites = 0
        var cookieSites = 0
        var sessionConfigs = 0

        for (f, hit) in app.hits("G4.D8/web-storage") where ShippedCode.isShippedCode(f) {
            if let x = storageFinding(f, Int(hit.offset), Int(hit.length)) {
                storageWrites += 1
                findings.append(x)
            }
        }
        for (f, hit) in app.hits("G4.D8/cookie") where ShippedCode.isShippedCode(f) {
            let (x, counted, session) = cookieFinding(f, Int(hit.offset), Int(hit.length))
            if counted { cookieSites += 1 }
            if session { sessionConfigs += 1 }
            if let x { findings.append(x) }
        }
        var supabaseClients = 0
        for (f, hit) in app.hits("G4.D8/supabase") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) {
            let off = Int(hit.offset)
            if off > 0, ByteClass.isIdentifier(f.bytes[off - 1]) { continue }
            // supabase-js's own createClient, not a project helper of the same name.
            let imports = JSModules.imports(f)
            let isMember = off > 0 && f.bytes[off - 1] == 0x2E
            guard isMember ? JSModules.mentionsModule(f, ["@supabase/supabase-js"]) != nil : imports["createClient"]?.module.contains("@supabase/supabase-js") == true else { continue }
            let args = ByteNav.callArgs(f, open: off + 12)
            let opts = args.count > 2 ? ByteNav.codeText(f, args[2]) : ""
            if opts.replacingOccurrences(of: " ", with: "").contains("persistSession:false") { continue }
            if opts.contains("storage:") && !opts.contains("storage: localStorage") && !opts.contains("storage:localStorage") && !opts.contains("window.localStorage") { continue }
            supabaseClients += 1
            if supabaseClients > 1 { continue }
            findings.append(Finding.at(descriptor, rule: "supabase-session-in-localstorage", file: f, offset: off, severity: .low,
                                       message: "supabase-js keeps the user's session (access and refresh token) in localStorage, its default for browser apps. That is Supabase's documented design, not a bug, but any XSS on the site can read it: keep a strict Content-Security-Policy and no unsanitised HTML, or use @supabase/ssr with server-side cookies if the app has a server."))
        }
        guard storageWrites + cookieSites + sessionConfigs + supabaseClients > 0 else {
            return .notMeasured(d.id, "the app stores no auth tokens in web storage and sets no auth or session cookies")
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.column)").inserted }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("token writes to web storage", storageWrites), Evidence("auth cookies set", cookieSites),
                                       Evidence("session cookie configs", sessionConfigs), Evidence("supabase-js browser clients", supabaseClients),
                                       Evidence("problems", findings.count)])
    }

    // MARK: - Web storage

    private func storageFinding(_ f: ScannedFile, _ off: Int, _ len: Int) -> Finding? {
        let b = f.bytes
        // `localStorage.setItem(` / `sessionStorage.setItem(` / `AsyncStorage.setItem(` / `localStorage[…] =`
        var s = off
        while s > 0, ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
        let store = f.string(s..<(off + 7))
        let isSession = store.hasPrefix("session")
        guard store.hasSuffix("localStorage") || store.hasSuffix("sessionStorage") || store.hasSuffix("AsyncStorage") || store.hasSuffix("Storage") else { return nil }
        let open = off + len - 1
        var key = ""
        var value = ""
        var keyRange = 0..<0
        if b[open] == 0x28 {
            let args = ByteNav.callArgs(f, open: open)
            guard args.count >= 2 else { return nil }
            keyRange = args[0]
            value = ByteNav.codeText(f, args[1])
        } else {
            guard let close = ByteNav.matchingClose(f, open) else { return nil }
            keyRange = (open + 1)..<close
            let eq = ByteNav.skipTrivia(f, close + 1)
            guard eq + 1 < b.count, b[eq] == 0x3D, b[eq + 1] != 0x3D else { return nil }
            value = ByteNav.codeText(f, (eq + 1)..<ByteNav.statementEnd(f, eq + 1))
        }
        if let v = ByteNav.stringValue(f, keyRange) { key = v } else {
            let k = ByteNav.codeText(f, keyRange)
            key = k
            if JSRouteScanner.isPlainName(f, keyRange), !k.contains("."), let def = JSModules.definition(of: k, in: f), let v = ByteNav.stringValue(f, def) { key = v }
        }
        let keyIsLiteral = ByteNav.stringValue(f, keyRange) != nil || key != ByteNav.codeText(f, keyRange)
        let lk = key.lowercased()
        let excluded = ["csrf", "xsrf", "fcm", "push", "device", "expir", "theme", "notification", "captcha"].contains { lk.contains($0) }
        let strongKey = !excluded && (["token", "jwt", "bearer", "refresh", "credential"].contains { lk.contains($0) } || lk == "sid")
        let sessionKey = ["session", "authsession", "auth_session", "usersession", "user_session", "auth-session", "supabase.auth.token", "auth"].contains(lk)
        let weakKey = !excluded && (lk.hasPrefix("auth") || sessionKey || ["user", "data", "state", "currentuser", "userdata", "userinfo", "profile", "login", "account"].contains(lk))
        let lv = value.lowercased().replacingOccurrences(of: " ", with: "")
        var valueIsToken = ["token", "jwt", "bearer"].contains { lv.contains($0) } && !lv.contains("csrf") && !lv.contains("fcm")
        if sessionKey && lv.contains("session") && !lv.contains("sessionid") { valueIsToken = true }
        let keyIsToken = strongKey
        guard strongKey || weakKey && valueIsToken || !keyIsLiteral && valueIsToken else { return nil }
        if case .plain = ByteNav.shape(f, ByteNav.trim(f, keyRange)), !keyIsToken, !valueIsToken { return nil }
        if value == "''" || value == "\"\"" || value == "null" { return nil }
        let refresh = (key + value).lowercased().contains("refresh")
        let place = isSession ? "sessionStorage" : (store.hasSuffix("AsyncStorage") ? "AsyncStorage" : "localStorage")
        if place == "AsyncStorage" { return nil }
        let what = refresh ? "A refresh token" : "An auth token"
        return Finding.at(descriptor, rule: "token-in-web-storage", file: f, offset: s, severity: isSession && !refresh ? .medium : .high,
                          message: "\(what) is written to \(place) (key \"\(key)\"). Every script on the page can read it, so a single XSS or a compromised npm package sends it to an attacker\(refresh ? ", and a refresh token keeps minting new sessions for weeks" : "")\(isSession ? "" : "; it also survives closing the browser"). Keep it in an HttpOnly, Secure, SameSite cookie set by the server, or at least keep it in memory only.")
    }

    // MARK: - Cookies

    /// The finding for a cookie-setting site, whether it sets an auth cookie, and whether it configures a session cookie.
    private func cookieFinding(_ f: ScannedFile, _ off: Int, _ len: Int) -> (Finding?, Bool, Bool) {
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        switch lit {
        case "document.cookie":
            guard f.kind(at: off) == .code else { return (nil, false, false) }
            let eq = ByteNav.skipTrivia(f, off + len)
            guard eq + 1 < b.count, b[eq] == 0x3D, b[eq + 1] != 0x3D else { return (nil, false, false) }
            let value = ByteNav.skipTrivia(f, eq + 1)
            let text = ByteNav.codeText(f, value..<ByteNav.statementEnd(f, value))
            let name = String(ByteNav.stringValues(f, value..<ByteNav.statementEnd(f, value)).first?.prefix { $0 != "=" } ?? "")
            guard isAuthTokenName(name) || isAuthTokenName(text) && text.lowercased().contains("token") else { return (nil, false, false) }
            if text.lowercased().contains("max-age=0") || text.lowercased().contains("expires=thu, 01 jan 1970") { return (nil, false, false) }
            return (Finding.at(descriptor, rule: "token-cookie-from-js", file: f, offset: off, severity: .high,
                               message: "The auth cookie \"\(name)\" is set from JavaScript, so it can never be HttpOnly: any script on the page (one XSS, one bad dependency) can read the token. Have the server set it with HttpOnly; Secure; SameSite=Lax."), true, false)
        case "Cookies.set(", "setCookie(":
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let first = args.first else { return (nil, false, false) }
            var nameArg = first
            if lit == "setCookie(", args.count >= 2, ByteNav.stringValue(f, first) == nil { nameArg = args[1] }  // nookies setCookie(ctx, name, value, opts)
            guard let name = ByteNav.stringValue(f, nameArg), isAuthTokenName(name) else { return (nil, false, false) }
            if ShippedCode.runsInBrowser(f) {
                return (Finding.at(descriptor, rule: "token-cookie-from-js", file: f, offset: off, severity: .high,
                                   message: "The auth cookie \"\(name)\" is set from browser code (\(lit.dropLast())()), so it cannot be HttpOnly and every script on the page can read it. Set it from the server with HttpOnly; Secure; SameSite=Lax."), true, false)
            }
            let opts = args.last.map { ByteNav.codeText(f, $0) } ?? ""
            return (judgeOptions(f, off, name, opts: args.count > 2 ? opts : ""), true, false)
        case ".cookie(", "cookies().set(", "cookies.set(":
            if lit == ".cookie(" {
                guard let recv = ByteNav.identifier(endingBefore: off, in: f), ["res", "response", "reply", "ctx", "c"].contains(f.string(recv)) else {
                    return (nil, false, false)
                }
            }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let first = args.first else { return (nil, false, false) }
            var name = ByteNav.stringValue(f, first)
            var opts = args.count > 2 ? ByteNav.codeText(f, args[2]) : ""
            if name == nil, f.bytes[first.lowerBound] == 0x7B {
                // cookies().set({ name: 'session', value, httpOnly: true })
                let t = ByteNav.codeText(f, first)
                if let r = t.range(of: "name:") { name = ByteNav.unquote(String(t[r.upperBound...].prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)) }
                opts = t
            }
            if name == nil, JSRouteScanner.isPlainName(f, first) {
                let k = ByteNav.codeText(f, first)
                if let def = JSModules.definition(of: k, in: f) { name = ByteNav.stringValue(f, def) } else { name = k }
            }
            guard let n = name, isAuthTokenName(n) else { return (nil, false, false) }
            if args.count > 2, JSRouteScanner.isPlainName(f, args[2]), let def = JSModules.definition(of: ByteNav.codeText(f, args[2]), in: f) {
                opts = ByteNav.codeText(f, def)
            }
            if args.count >= 2, let v = ByteNav.stringValue(f, args[1]), v.isEmpty { return (nil, false, false) }  // clearing
            if opts.contains("maxAge: 0") || opts.contains("expires: new Date(0)") { return (nil, false, false) }
            let reportAt = lit == ".cookie(" ? off + 1 : off + len - 4
            return (judgeOptions(f, reportAt, n, opts: opts), true, false)
        case "set_cookie(":
            guard f.language == .python else { return (nil, false, false) }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let first = args.first, let name = ByteNav.stringValue(f, first), isAuthTokenName(name) else { return (nil, false, false) }
            let kw = args.map { ByteNav.codeText(f, $0).replacingOccurrences(of: " ", with: "") }
            let httpOnly = kw.contains { $0.hasPrefix("httponly=True") }
            let secure = kw.contains { $0.hasPrefix("secure=") && !$0.hasSuffix("False") }
            let same = kw.contains { $0.hasPrefix("samesite=") && !$0.contains("None") }
            return (missing(f, off, name, httpOnly: httpOnly, secure: secure, sameSite: same, how: "set_cookie(…, httponly=True, secure=True, samesite=\"Lax\")"), true, false)
        case "Set-Cookie", "set-cookie":
            // A literal header: 'Set-Cookie': `token=${t}; Path=/`
            let valueStart = ByteNav.skipTrivia(f, (ByteNav.region(f, at: off).map { Int($0.end) } ?? off + len))
            guard valueStart < b.count, b[valueStart] == 0x3A || b[valueStart] == 0x2C else { return (nil, false, false) }
            let v = ByteNav.skipTrivia(f, valueStart + 1)
            let end = ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            let text = ByteNav.stringValues(f, v..<end).joined()
            let name = String(text.prefix { $0 != "=" })
            guard !name.isEmpty, isAuthTokenName(name), !text.lowercased().contains("max-age=0") else { return (nil, false, false) }
            let l = text.lowercased()
            return (missing(f, off, name, httpOnly: l.contains("httponly"), secure: l.contains("secure"), sameSite: l.contains("samesite=lax") || l.contains("samesite=strict"),
                            how: "`HttpOnly; Secure; SameSite=Lax` in the header"), true, false)
        case "session({", "cookieSession(", "session(sessionSettings", "session(sessionConfig":
            guard f.language.isJSFamily, JSModules.mentionsModule(f, ["express-session", "cookie-session", "koa-session", "@fastify/session", "@fastify/secure-session"]) != nil
                || lit.hasPrefix("session(session") else { return (nil, false, false) }
            // The call's own parenthesis (`session(` → +7, `cookieSession(` → +13).
            let paren = off + (lit.utf8.firstIndex(of: 0x28).map { lit.utf8.distance(from: lit.utf8.startIndex, to: $0) } ?? 7)
            var opts = ByteNav.codeText(f, off..<min(b.count, ByteNav.matchingClose(f, paren) ?? off + len))
            if lit.hasPrefix("session(session") {
                let name = String(lit.dropFirst(8))
                if let def = JSModules.definition(of: name, in: f) { opts = ByteNav.codeText(f, def) }
            }
            let o = opts.replacingOccurrences(of: " ", with: "")
            if o.contains("httpOnly:false") {
                return (Finding.at(descriptor, rule: "cookie-flags", file: f, offset: off, severity: .high,
                                   message: "The session cookie is configured with `httpOnly: false`, so any script on the page can read the session id and hijack the login. Remove it (HttpOnly is the default)."), false, true)
            }
            if !o.contains("secure:") && !o.contains("secure=") {
                return (Finding.at(descriptor, rule: "cookie-flags", file: f, offset: off, severity: .medium,
                                   message: "The session cookie has no `secure` option, so it is also sent over plain HTTP, where anyone on the network can copy it. Set `cookie: { secure: true, httpOnly: true, sameSite: 'lax' }` (with `app.set('trust proxy', 1)` behind a proxy)."), false, true)
            }
            if o.contains("secure:false") {
                return (Finding.at(descriptor, rule: "cookie-flags", file: f, offset: off, severity: .medium,
                                   message: "The session cookie is configured with `secure: false`, so it travels over plain HTTP too. Use `secure: true` in production."), false, true)
            }
            return (nil, false, true)
        case "serialize(":
            guard f.language.isJSFamily, JSModules.mentionsModule(f, ["cookie"]) != nil else { return (nil, false, false) }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let first = args.first, let name = ByteNav.stringValue(f, first), isAuthTokenName(name) else { return (nil, false, false) }
            return (judgeOptions(f, off, name, opts: args.count > 2 ? ByteNav.codeText(f, args[2]) : ""), true, false)
        default:
            return (nil, false, false)
        }
    }

    private func judgeOptions(_ f: ScannedFile, _ off: Int, _ name: String, opts: String) -> Finding? {
        let o = opts.replacingOccurrences(of: " ", with: "")
        let httpOnly = o.contains("httpOnly:true") || o.contains("httpOnly,") || o.contains("httpOnly}") || o.contains("httponly:true")
        let secure = o.contains("secure:") && !o.contains("secure:false") || o.contains("secure,") || o.contains("secure}")
        let same = o.contains("sameSite:'lax'") || o.contains("sameSite:'strict'") || o.contains("sameSite:\"lax\"") || o.contains("sameSite:\"strict\"")
            || o.contains("sameSite:'Lax'") || o.contains("sameSite:'Strict'") || o.contains("sameSite:\"Lax\"") || o.contains("sameSite:\"Strict\"")
            || o.contains("sameSite:true") || o.contains("sameSite:") && !o.contains("'none'") && !o.contains("\"none\"") && !o.contains("'None'")
        return missing(f, off, name, httpOnly: httpOnly, secure: secure, sameSite: same, how: "`{ httpOnly: true, secure: true, sameSite: 'lax' }`")
    }

    private func missing(_ f: ScannedFile, _ off: Int, _ name: String, httpOnly: Bool, secure: Bool, sameSite: Bool, how: String) -> Finding? {
        var gaps: [String] = []
        if !httpOnly { gaps.append("HttpOnly (scripts can read it, so one XSS steals the session)") }
        if !secure { gaps.append("Secure (it is also sent over plain HTTP)") }
        if !sameSite { gaps.append("SameSite (other sites' requests carry it, which enables CSRF)") }
        guard !gaps.isEmpty else { return nil }
        let sev: Severity = !httpOnly ? .high : (!secure ? .medium : .low)
        return Finding.at(descriptor, rule: "cookie-flags", file: f, offset: off, severity: sev,
                          message: "The auth cookie \"\(name)\" is set without \(gaps.joined(separator: ", ")). Set it with \(how).")
    }
}
