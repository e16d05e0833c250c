import Foundation

/// G4.D2: identity or role decided in the browser. Findings, all in code that runs in the browser
/// unless noted: passwords or PINs compared with a literal, a constant or an env variable
/// (critical: the bundle holds the answer); credentials hard-coded in client files; auth or role
/// flags read from localStorage/sessionStorage (`isAdmin`, `role`, `isLoggedIn`) — critical when
/// the app has no real auth at all, since the flag is the whole gate; admin UI gated on a role or an
/// e-mail list while nothing on the server, in RLS policies or in Firebase rules checks a role
/// (one finding for the app, listing the places); roles taken from user-editable Supabase
/// `user_metadata` (SQL that copies `raw_user_meta_data->>'role'`, policies that read it, client code
/// that trusts it); a role chosen by the user at sign-up (a form value passed to `signUp` metadata or
/// inserted into profiles/user_roles from the client, or `role` read from the request body by the
/// server's sign-up handler without an allow-list); and an admin area in an app with no
/// authentication at all. UI gating backed by a server or RLS check is fine. Not measured when the
/// app has no authentication, no roles and no admin area.
public struct ClientSideAuthCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D2", slug: "client-side-auth", kind: .diagnostic, methods: "S",
        measures: "identity or role decided in the browser (admin flags in localStorage, passwords in client code, role picked at signup)",
        severity: .high, remediation: RemediationCost(baseHours: 3, perFindingHours: 1),
        triggering: [
            CollectorExample("src/pages/AdminLogin.tsx", """
                export default function AdminLogin() {
                  const submit = () => {
                    if (↓password === 'admin123') { localStorage.setItem('isAdmin', 'true'); navigate('/admin'); }
                  };
                  return <button onClick={submit}>Enter</button>;
                }
                """, note: "password checked against a literal in the bundle"),
            CollectorExample("src/components/AdminRoute.tsx", """
                export function AdminRoute({ children }) {
                  const isAdmin = ↓localStorage.getItem('isAdmin') === 'true';
                  return isAdmin ? children : <Navigate to="/login" />;
                }
                """, note: "admin flag read from localStorage"),
            CollectorExample([
                "src/pages/Dashboard.tsx": """
                    export default function Dashboard() {
                      const { profile } = useProfile();
                      return <div>{↓profile?.role === 'admin' && <AdminPanel />}</div>;
                    }
                    """,
                "supabase/migrations/001_init.sql": """
                    create table profiles (id uuid primary key references auth.users, role text default 'user');
                    alter table profiles enable row level security;
                    create policy "own profile" on profiles for all using (auth.uid() = id);
                    """,
            ], note: "admin UI gated by role with no role check in any policy or server code"),
            CollectorExample("src/pages/Signup.tsx", """
                export default function Signup() {
                  const [role, setRole] = useState('student');
                  const submit = async () => {
                    await supabase.auth.signUp({ email, password, options: { data: { full_name: name, ↓role } } });
                  };
                  return <select onChange={(e) => setRole(e.target.value)}><option value="admin">Admin</option></select>;
                }
                """, note: "role picked by the user at sign-up"),
            CollectorExample("supabase/migrations/002_trigger.sql", """
                create function public.handle_new_user() returns trigger language plpgsql security definer as $$
                begin
                  insert into public.profiles (id, role) values (new.id, new.↓raw_user_meta_data->>'role');
                  return new;
                end $$;
                """, note: "the sign-up metadata becomes the role"),
            CollectorExample([
                "src/App.tsx": """
                    export default function App() {
                      return <Routes><Route path="/" element={<Home />} /><Route path="/admin" element={<AdminDashboard />} /></Routes>;
                    }
                    """,
            ], note: "an admin area in an app with no authentication at all"),
        ],
        nonTriggering: [
            CollectorExample("src/__tests__/AdminLogin.test.tsx", """
                if (password === 'admin123') { localStorage.setItem('isAdmin', 'true'); }
                expect(localStorage.getItem('isAdmin')).toBe('true');
                """, note: "tests are not shipped"),
            CollectorExample([
                "src/pages/Dashboard.tsx": """
                    export default function Dashboard() {
                      const { data: isAdmin } = useQuery(['role'], () => supabase.rpc('has_role', { _role: 'admin' }));
                      return <div>{profile?.role === 'admin' && <AdminPanel />}</div>;
                    }
                    """,
                "supabase/migrations/001_roles.sql": """
                    create type app_role as enum ('admin', 'user');
                    create table user_roles (user_id uuid references auth.users, role app_role);
                    create function has_role(_user_id uuid, _role app_role) returns boolean language sql stable security definer as $$
                      select exists (select 1 from user_roles where user_id = _user_id and role = _role) $$;
                    create policy "admins manage" on orders for all using (has_role(auth.uid(), 'admin'));
                    """,
            ], note: "UI gating backed by RLS policies"),
            CollectorExample("src/pages/Signup.tsx", """
                export default function Signup() {
                  const submit = async () => {
                    if (password !== confirmPassword) return setError('Passwords differ');
                    if (password === '') return setError('Required');
                    await supabase.auth.signUp({ email, password, options: { data: { full_name: name } } });
                  };
                  const defaults = { email: '', password: '' };
                  return <form onSubmit={submit}><input type="password" /></form>;
                }
                """, note: "form validation and delegated sign-up"),
            CollectorExample("src/hooks/useTheme.ts", """
                const theme = localStorage.getItem('theme') === 'dark' ? 'dark' : 'light';
                const token = localStorage.getItem('token');
                """, note: "preferences and a token read are not role decisions"),
            CollectorExample([
                "server/routes/admin.js": """
                    const express = require('express');
                    const router = express.Router();
                    router.get('/stats', requireAuth, requireRole('admin'), (req, res) => res.json({}));
                    module.exports = router;
                    """,
                "src/App.tsx": """
                    export default function App() {
                      const { user } = useAuth();
                      return user?.role === 'admin' ? <AdminDashboard /> : <Home />;
                    }
                    """,
            ], note: "server-side role middleware backs the UI"),
        ])

    public var rules: [PatternRule] {
        let js: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html]
        return [
            PatternRule(id: "G4.D2/storage-read", literals: ["Storage.getItem("], regions: .code, languages: js,
                        regexEquivalent: #"(local|session)Storage\.getItem\(\s*['"`](isAdmin|admin|role|userRole|user_role|isLoggedIn|loggedIn|isAuthenticated|authenticated|auth|isAuth)['"`]"#),
            PatternRule(id: "G4.D2/admin-literal", literals: ["admin'", "admin\"", "admin`"], caseSensitive: false, regions: .string, languages: js,
                        regexEquivalent: #"(role|Role|type)\w*\s*[!=]==?\s*['"`](admin|super_?admin|administrator)['"`]"#),
            PatternRule(id: "G4.D2/email-gate", literals: [".email ===", ".email ==", ".email !==", "includes(user", "includes(session", "includes(currentUser", "includes(profile", "includes(email"],
                        regions: .code, languages: js,
                        regexEquivalent: #"\.email\s*[!=]==?\s*['"][^'"]+@|(EMAILS|Emails|emails)\.includes\("#),
            PatternRule(id: "G4.D2/password", literals: ["password", "passcode", "pincode", "pin ===", "pin =="], caseSensitive: false, regions: .code, languages: js,
                        regexEquivalent: #"(?i)(password|passcode|pin)\w*\s*[!=]==?\s*(['"][^'"]+['"]|[A-Z_]{4,}|import\.meta\.env|process\.env)|(?i)password\s*:\s*['"][^'"]{3,}['"]"#),
            PatternRule(id: "G4.D2/server-role", literals: Self.serverRoleChecks, regions: .live,
                        languages: [.javascript, .jsx, .typescript, .tsx, .python],
                        regexEquivalent: #"req\.user\??\.role|user\??\.role\s*[!=]==|requireRole|requireAdmin|hasRole\(|has_role|is_admin|isAdmin\(|is_staff|is_superuser|admin_required|role_required|roles_required|permission_required|IsAdminUser|checkRole|ensureAdmin|assertAdmin"#),
            PatternRule(id: "G4.D2/sql-role", literals: Self.sqlRoleChecks, caseSensitive: false, regions: .any, languages: [.sql, .text],
                        regexEquivalent: #"(?i)has_role\(|is_admin\(|user_roles|app_role|role\s*=\s*'admin'|'admin'::|role in \(|auth\.jwt\(\)\s*->>\s*'role'|get_my_role|get_user_role|current_user_role|request\.auth\.token\.(admin|role)|\.data\.role"#),
            PatternRule(id: "G4.D2/admin-route", literals: ["path=\"/admin", "path='/admin", "path: '/admin", "path: \"/admin", "to=\"/admin\""], regions: .any, languages: js,
                        regexEquivalent: #"path(=|:\s*)['"]/admin"#),
            PatternRule(id: "G4.D2/metadata-role", literals: ["raw_user_meta_data", "user_metadata", "signUp(", "role"], regions: .live,
                        languages: js.union([.sql, .python]),
                        regexEquivalent: #"raw_user_meta_data\s*->>?\s*'(role|is_admin|user_type)'|user_metadata\s*(->>?\s*'|\??\.)role|signUp\([^)]*role|\.(insert|upsert|update)\(\{[^}]*\brole\b"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = ServerRoutes.build(app)
        let delegated = ShippedCode.delegatedAuth(app)
        let ownAuth = model.routes.contains { $0.authAction != nil } || app.files.contains { f in
            f.language.isJSFamily && f.role != .test && JSModules.mentionsModule(f, ["passport", "next-auth", "lucia", "better-auth", "express-session", "iron-session", "@auth/core"]) != nil
        } || app.files.contains { f in f.language == .python && f.role != .test && ["flask_login", "login_required", "django.contrib.auth", "get_current_user", "flask_jwt_extended"].contains { ByteNav.contains(f, $0, in: 0..<f.bytes.count) } }
        let hasRealAuth = !delegated.isEmpty || ownAuth
        let counterpart = serverRoleCheck(app, model)
        var findings: [Finding] = []
        var roleSites: [(ScannedFile, Int)] = []

        // Passwords and credentials in browser code.
        for (f, hit) in app.hits("G4.D2/password") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) && !isTranslation(f.path) {
            if let x = passwordFinding(f, Int(hit.offset), Int(hit.length)) { findings.append(x) }
        }
        // Auth and role flags read from web storage.
        // One finding per storage key, naming the other files that read it.
        var byKey: [String: (Finding, Set<String>)] = [:]
        var keyOrder: [String] = []
        for (f, hit) in app.hits("G4.D2/storage-read") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) {
            guard let x = storageFinding(f, Int(hit.offset), Int(hit.length), hasRealAuth: hasRealAuth, counterpart: counterpart) else { continue }
            let key = x.message.split(separator: "\"").dropFirst().first.map(String.init) ?? x.message
            if var e = byKey[key] {
                e.1.insert(f.path)
                byKey[key] = e
            } else {
                byKey[key] = (x, [f.path])
                keyOrder.append(key)
            }
        }
        for key in keyOrder {
            guard let e = byKey[key] else { continue }
            var x = e.0
            var paths = e.1
            paths.remove(x.path ?? "")
            if !paths.isEmpty { x.message += " Also read in \(paths.sorted().prefix(4).joined(separator: ", "))." }
            findings.append(x)
        }
        // Role and e-mail gates in the browser.
        for (f, hit) in app.hits("G4.D2/admin-literal") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) {
            if let at = roleGate(f, Int(hit.offset)) { roleSites.append((f, at)) }
        }
        for (f, hit) in app.hits("G4.D2/email-gate") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) {
            if let at = emailGate(f, Int(hit.offset), Int(hit.length)) { roleSites.append((f, at)) }
        }
        roleSites.sort { ($0.0.path, $0.1) < ($1.0.path, $1.1) }
        if counterpart == nil, let first = roleSites.first {
            let others = Set(roleSites.dropFirst().map(\.0.path)).filter { $0 != first.0.path }.sorted().prefix(3)
            let more = others.isEmpty ? "" : " Also in \(others.joined(separator: ", "))."
            findings.append(Finding.at(d, rule: "role-decided-in-browser", file: first.0, offset: first.1, severity: .high,
                                       message: "Admin access is decided in the browser (\(roleSites.count) place\(roleSites.count == 1 ? "" : "s")), and no server route, RLS policy or database function checks a role. Hiding the admin UI stops nobody: anyone can call the same API or table directly. Enforce the role where the data is (RLS with a has_role() function, or server middleware) and treat the UI check as cosmetic.\(more)"))
        }
        // Roles from user-editable metadata and roles picked at sign-up.
        for (f, hit) in app.hits("G4.D2/metadata-role") where ShippedCode.isShippedCode(f) || f.role == .schema {
            if let x = metadataFinding(f, Int(hit.offset), Int(hit.length), app: app) { findings.append(x) }
        }
        for r in model.routes where r.authAction == .signup {
            if let x = serverSignupRole(r, app) { findings.append(x) }
        }
        // An admin area in an app with no authentication.
        let adminAreas = adminArea(app)
        if !hasRealAuth, let area = adminAreas.first {
            findings.append(Finding.at(d, rule: "admin-without-auth", file: area.0, offset: area.1, severity: .high,
                                       message: "The app has an admin area but no authentication of any kind (no auth provider, no login endpoint, no session). Whoever opens the URL is the admin. Add real sign-in and check the admin role on the server or in RLS."))
        }
        guard hasRealAuth || !roleSites.isEmpty || !adminAreas.isEmpty || !findings.isEmpty else {
            return .notMeasured(d.id, "the app has no authentication, no roles and no admin area, so there is no identity for the browser to decide")
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.rule)").inserted }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("auth", hasRealAuth ? (delegated.isEmpty ? "own" : delegated.map(\.rawValue).sorted().joined(separator: ", ")) : "none"),
                                       Evidence("role checks in the browser", roleSites.count),
                                       Evidence("server or RLS role check", counterpart ?? "none"), Evidence("admin areas", adminAreas.count),
                                       Evidence("problems", findings.count)])
    }

    // MARK: - Server counterpart

    static let serverRoleChecks = [
        "req.user.role", "req.user?.role", "user.role ===", "user.role !==", "user?.role ===", "user?.role !==", ".role !== 'admin'", ".role === 'admin'",
        "requireRole", "requireAdmin", "hasRole(", "has_role", "is_admin", "isAdmin(", "is_staff", "is_superuser", "admin_required", "role_required",
        "roles_required", "permission_required", "IsAdminUser", "checkRole", "ensureAdmin", "assertAdmin",
    ]
    static let sqlRoleChecks = [
        "has_role(", "is_admin(", "user_roles", "app_role", "role = 'admin'", "role='admin'", "'admin'::", "role in (", "auth.jwt() ->> 'role'",
        "get_my_role", "get_user_role", "current_user_role", "request.auth.token.admin", "request.auth.token.role", ".data.role", "isAdmin(",
    ]

    /// Where the server side enforces roles, if anywhere.
    private func serverRoleCheck(_ app: AppContext, _ model: ServerRoutes) -> String? {
        for (f, _) in app.hits("G4.D2/sql-role") {
            let all = 0..<f.bytes.count
            if f.path.hasSuffix(".rules") || ByteNav.contains(f, "policy", in: all, filter: .any, caseInsensitive: true)
                || ByteNav.contains(f, "function", in: all, filter: .any, caseInsensitive: true) {
                return f.path
            }
        }
        for r in model.routes where r.middleware.contains(where: { t in
            let l = t.text.lowercased()
            return l.contains("admin") || l.contains("role") || l.contains("permission") || l.contains("allow(") || l.contains("staff") || l.contains("superuser")
        }) {
            return "\(r.label) in \(r.file)"
        }
        for (f, hit) in app.hits("G4.D2/server-role") where ShippedCode.isShippedCode(f) && !ShippedCode.runsInBrowser(f) && f.role != .other {
            let off = Int(hit.offset)
            return "\(f.string(off..<(off + Int(hit.length)))) in \(f.path)"
        }
        return nil
    }

    // MARK: - Passwords in browser code

    private func passwordFinding(_ f: ScannedFile, _ off: Int, _ len: Int) -> Finding? {
        let b = f.bytes
        var start = off
        while start > 0, ByteClass.isIdentifier(b[start - 1]) { start -= 1 }
        var end = off + len
        while end < b.count, ByteClass.isIdentifier(b[end]) { end += 1 }
        guard start == off || f.string(start..<off).lowercased().hasSuffix("admin") || f.string(start..<off).lowercased().hasSuffix("master")
                || f.string(start..<off).lowercased().hasSuffix("secret") || f.string(start..<off).lowercased().hasSuffix("app")
                || f.string(start..<off).lowercased().hasSuffix("correct") || f.string(start..<off).lowercased().hasSuffix("valid")
                || f.string(start..<off).lowercased().hasSuffix("expected") || f.string(start..<off).uppercased() == f.string(start..<off) else { return nil }
        let word = f.string(start..<end)
        let lw = word.lowercased()
        // Only names that hold a password or PIN value (`password`, `adminPassword`, `enteredPin`), not `passwordData`.
        guard ["password", "passcode", "pincode", "pass", "pwd", "pin", "passwd"].contains(where: { lw.hasSuffix($0) }) else { return nil }
        if let p = ByteNav.identifier(endingBefore: start, in: f), f.string(p) == "typeof" { return nil }
        if lw.contains("confirm") || lw.contains("show") || lw.contains("visible") || lw.contains("error") || lw.contains("strength") || lw.contains("reset")
            || lw.contains("forgot") || lw.contains("change") || lw.contains("label") || lw.contains("placeholder") || lw.contains("input") && lw.contains("ref") {
            return nil
        }
        let next = ByteNav.skipTrivia(f, end)
        guard next + 1 < b.count else { return nil }
        let prev = ByteNav.prevSignificant(f, start)
        // `const ADMIN_PASSWORD = 'secret'` / `{ password: 'admin123' }`
        let isConstDecl = prev.map { p in ["const", "let", "var"].contains(ByteNav.identifier(endingBefore: p + 1, in: f).map { f.string($0) } ?? "") } ?? false
        if (b[next] == 0x3A && prev.map { b[$0] == 0x7B || b[$0] == 0x2C } == true) || (b[next] == 0x3D && b[next + 1] != 0x3D && isConstDecl) {
            let v = ByteNav.skipTrivia(f, next + 1)
            let vEnd = ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            guard case .plain(let s) = ByteNav.shape(f, v..<vEnd), isRealCredential(s) else { return nil }
            let compares = ByteNav.contains(f, "password ===", in: 0..<b.count, caseInsensitive: true) || ByteNav.contains(f, ".password ==", in: 0..<b.count, caseInsensitive: true)
                || ByteNav.contains(f, "=== password", in: 0..<b.count, caseInsensitive: true)
            return Finding.at(descriptor, rule: "credentials-in-client", file: f, offset: v, severity: compares ? .critical : .high,
                              message: "A password (\"\(s.prefix(2))…\") is written into browser code\(compares ? " and checked there" : ""). Everything in the bundle is public: anyone can read it in DevTools\(compares ? " and pass the check" : " and sign in with it"). Move credentials and their check to the server (or the auth provider) and rotate this one.",
                              evidence: Finding.clip(f.lineText(at: v).replacingOccurrences(of: s, with: String(s.prefix(2)) + "…").trimmingCharacters(in: .whitespaces)))
        }
        // Comparisons: `password === 'x'`, `pin === ADMIN_PIN`, `input === import.meta.env.VITE_ADMIN_PASSWORD`.
        let isEqAfter = (b[next] == 0x3D || b[next] == 0x21) && b[next + 1] == 0x3D
        var otherText = ""
        var otherRange = 0..<0
        if isEqAfter {
            var j = next + 2
            if j < b.count, b[j] == 0x3D { j += 1 }
            let s = ByteNav.skipTrivia(f, j)
            let e = min(b.count, expressionEnd(f, s))
            otherRange = s..<e
            otherText = ByteNav.codeText(f, otherRange)
        } else if let p = prev, p >= 1, b[p] == 0x3D, b[p - 1] == 0x3D || b[p - 1] == 0x21 {
            var q = p - 1
            if q >= 1, b[q - 1] == 0x3D || b[q - 1] == 0x21 { q -= 1 }
            if let m = ByteNav.memberPath(endingBefore: q, in: f) { otherRange = m.range; otherText = m.text } else if let pv = ByteNav.prevSignificant(f, q),
                let reg = ByteNav.region(f, at: pv), reg.kind == .string {
                otherRange = Int(reg.start)..<Int(reg.end)
                otherText = f.string(otherRange)
            }
        } else {
            return nil
        }
        guard !otherText.isEmpty else { return nil }
        if case .plain(let s) = ByteNav.shape(f, otherRange) {
            guard !s.isEmpty, isRealCredential(s) else { return nil }
            return Finding.at(descriptor, rule: "password-checked-in-browser", file: f, offset: start, severity: .critical,
                              message: "The password is checked in browser code against a literal. The bundle contains the answer, and anyone can also skip the check by setting the resulting state in DevTools. Authenticate on a server or with an auth provider.",
                              evidence: Finding.clip(f.lineText(at: start).replacingOccurrences(of: s, with: String(s.prefix(2)) + "…").trimmingCharacters(in: .whitespaces)))
        }
        let constant = otherText.contains("import.meta.env") || otherText.contains("process.env")
            || otherText.split(separator: ".").last.map { $0.count >= 4 && $0.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber } } == true
        if constant {
            return Finding.at(descriptor, rule: "password-checked-in-browser", file: f, offset: start, severity: .critical,
                              message: "The password is compared in browser code with `\(JSRouteScanner.clip(otherText))`. Build-time variables and constants are inlined into the bundle, so the expected password is public and the check can be skipped in DevTools. Authenticate on a server or with an auth provider.")
        }
        // `u.password === password` against a user list kept in the browser.
        if otherText.hasSuffix(".password") || word.lowercased() == "password" && ByteNav.memberPath(endingBefore: end, in: f)?.text.contains(".") == true {
            let record = otherText.hasSuffix(".password") ? otherText : (ByteNav.memberPath(endingBefore: end, in: f)?.text ?? word)
            let root = String(record.split(separator: ".").first ?? "")
            if ["form", "values", "data", "e", "event", "input", "credentials", "state", "this", "req", "body", "formData"].contains(root) { return nil }
            return Finding.at(descriptor, rule: "password-checked-in-browser", file: f, offset: start, severity: .critical,
                              message: "Sign-in compares `\(record)` with the typed password in browser code, so the user list and its passwords live in the bundle or in browser storage, and anyone can read them or bypass the check. Use a real auth backend.")
        }
        return nil
    }

    private func isTranslation(_ path: String) -> Bool {
        let p = path.lowercased()
        return ["i18n", "locale", "translation", "lang/", "messages/", "/intl"].contains { p.contains($0) }
    }

    private func expressionEnd(_ f: ScannedFile, _ s: Int) -> Int {
        var e = s
        let b = f.bytes
        if let reg = ByteNav.region(f, at: s), reg.kind == .string { return Int(reg.end) }
        while e < b.count, ByteClass.isIdentifier(b[e]) || b[e] == 0x2E || b[e] == 0x3F && e + 1 < b.count && b[e + 1] == 0x2E { e += 1 }
        return e
    }

    private func isRealCredential(_ s: String) -> Bool {
        let l = s.lowercased()
        // Labels and translations ("Password", "Passwort", "비밀번호") are not credentials.
        if s.unicodeScalars.contains(where: { !$0.isASCII }) { return false }
        if let first = s.first, first.isUppercase, s.allSatisfy({ $0.isLetter }) { return false }
        if ["object", "string", "number", "undefined", "function", "boolean", "null", "true", "false"].contains(l) { return false }
        if s.count < 3 || s.count > 64 { return false }
        if s.contains(" ") || s.contains("{") || s.hasPrefix("/") || s.hasPrefix("http") { return false }
        if ["password", "******", "********", "••••••••", "your-password", "yourpassword", "enter password", "text", "current-password", "new-password",
            "placeholder", "required", "string", "hidden"].contains(l) || Set(l).count <= 1 {
            return false
        }
        return true
    }

    // MARK: - Storage flags

    private static let flagKeys: Set<String> = [
        "isadmin", "admin", "role", "userrole", "user_role", "isloggedin", "loggedin", "is_logged_in", "isauthenticated", "authenticated", "auth", "isauth",
        "adminauth", "adminloggedin", "admin_logged_in", "accesslevel", "access_level", "usertype", "user_type", "isstaff", "issuperuser", "permissions",
        "adminsession", "admin_session", "isadminloggedin", "ispremium", "is_premium", "plan", "userplan", "subscription", "ispro",
    ]

    private func storageFinding(_ f: ScannedFile, _ off: Int, _ len: Int, hasRealAuth: Bool, counterpart: String?) -> Finding? {
        let args = ByteNav.callArgs(f, open: off + len - 1)
        guard let k = args.first else { return nil }
        var key = ByteNav.stringValue(f, k)
        if key == nil, JSRouteScanner.isPlainName(f, k), let def = JSModules.definition(of: ByteNav.codeText(f, k), in: f) { key = ByteNav.stringValue(f, def) }
        guard let name = key else { return nil }
        let l = name.lowercased()
        var s = off
        while s > 0, ByteClass.isIdentifier(f.bytes[s - 1]) { s -= 1 }
        let stmt = ByteNav.codeText(f, ByteNav.statementStart(f, off)..<ByteNav.statementEnd(f, off))
        if Self.flagKeys.contains(l) {
            let premium = ["ispremium", "is_premium", "plan", "userplan", "subscription", "ispro"].contains(l)
            if premium {
                return Finding.at(descriptor, rule: "flag-in-web-storage", file: f, offset: s, severity: .medium,
                                  message: "The paid plan (\"\(name)\") is read from browser storage, so anyone can unlock paid features by editing it in DevTools. Read the plan from the server (or a table the user cannot write) and check it where paid features are served.")
            }
            let isRole = l.contains("admin") || l.contains("role") || l.contains("type") || l.contains("level") || l.contains("staff") || l.contains("superuser") || l.contains("permission")
            let severity: Severity = !hasRealAuth ? .critical : (counterpart == nil ? .high : .medium)
            let backing = !hasRealAuth ? "; the app has no other authentication, so this flag is the whole gate"
                : counterpart == nil ? "" : "; the server does check roles (\(counterpart!)), so this exposes admin screens rather than admin data"
            return Finding.at(descriptor, rule: "flag-in-web-storage", file: f, offset: s, severity: severity,
                              message: "\(isRole ? "The user's role" : "Whether the user is signed in") comes from \(f.string(s..<(off + 7))) (\"\(name)\"), which anyone can set in DevTools\(backing). Derive identity and role from a verified session (the auth provider's user, or a server that checks a token) and enforce access on the server or in RLS.")
        }
        // `JSON.parse(localStorage.getItem('user')).role` deciding access.
        if ["user", "currentuser", "userdata", "userinfo", "profile", "authuser", "auth_user"].contains(l), counterpart == nil,
           stmt.contains(".role") || stmt.contains(".isAdmin") || stmt.contains(".is_admin") {
            return Finding.at(descriptor, rule: "flag-in-web-storage", file: f, offset: s, severity: .high,
                              message: "The user's role is read from a user object kept in browser storage (\"\(name)\"); anyone can edit it and become admin in the UI, and no server or RLS check backs it. Get the role from a verified session and enforce it where the data is.")
        }
        return nil
    }

    // MARK: - Role and e-mail gates

    /// A comparison of a role-like value with an admin literal at a string offset.
    private func roleGate(_ f: ScannedFile, _ hitOffset: Int) -> Int? {
        guard let reg = ByteNav.region(f, at: hitOffset), reg.kind == .string else { return nil }
        let value = ByteNav.unquote(f.string(Int(reg.start)..<Int(reg.end))).lowercased()
        guard ["admin", "superadmin", "super_admin", "super-admin", "administrator"].contains(value) else { return nil }
        let stmtStart = ByteNav.statementStart(f, Int(reg.start))
        let before = ByteNav.codeText(f, max(stmtStart, Int(reg.start) - 120)..<Int(reg.start)).trimmingCharacters(in: .whitespaces)
        let after = ByteNav.codeText(f, Int(reg.end)..<min(f.bytes.count, Int(reg.end) + 60)).trimmingCharacters(in: .whitespaces)
        let compared = before.hasSuffix("==") || before.hasSuffix("!=") || after.hasPrefix("==") || after.hasPrefix("!=")
            || before.hasSuffix("case") || before.hasSuffix("includes(")
        guard compared else { return nil }
        let context = (before + after).lowercased()
        guard context.contains("role") || context.contains("type") || context.contains("level") || context.contains("isadmin") || context.contains("permission") else { return nil }
        // Report at the compared expression.
        if let m = ByteNav.memberPath(endingBefore: ByteNav.prevSignificant(f, Int(reg.start)).map { p in
            var q = p
            while q > 0, f.bytes[q] == 0x3D || f.bytes[q] == 0x21 { q -= 1 }
            return q + 1
        } ?? Int(reg.start), in: f), before.hasSuffix("=") {
            return m.range.lowerBound
        }
        return Int(reg.start)
    }

    private func emailGate(_ f: ScannedFile, _ off: Int, _ len: Int) -> Int? {
        let lit = f.string(off..<(off + len))
        if lit.hasPrefix("includes(") {
            // `ADMIN_EMAILS.includes(user.email)`
            guard let recv = ByteNav.memberPath(endingBefore: off - 1, in: f), recv.text.lowercased().contains("admin") || recv.text.lowercased().contains("email") else { return nil }
            let args = ByteNav.callArgs(f, open: off + 8)
            guard let a = args.first, ByteNav.codeText(f, a).lowercased().contains("email") else { return nil }
            guard recv.text.lowercased().contains("admin") || ByteNav.codeText(f, ByteNav.statementStart(f, off)..<off).lowercased().contains("admin") else { return nil }
            return recv.range.lowerBound
        }
        // `user.email === 'admin@…'`
        var j = off + len
        if j < f.bytes.count, f.bytes[j] == 0x3D { j += 1 }
        let s = ByteNav.skipTrivia(f, j)
        guard case .plain(let v) = ByteNav.shape(f, s..<expressionEnd(f, s)), v.contains("@") else { return nil }
        return ByteNav.memberPath(endingBefore: off + 6, in: f)?.range.lowerBound ?? off
    }

    // MARK: - Metadata roles and sign-up roles

    private func metadataFinding(_ f: ScannedFile, _ off: Int, _ len: Int, app: AppContext) -> Finding? {
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        switch lit {
        case "raw_user_meta_data", "user_metadata":
            let after = ByteNav.codeText(f, (off + len)..<min(b.count, off + len + 40)).replacingOccurrences(of: " ", with: "")
            let roleKeys = ["'role'", "'is_admin'", "'user_type'", "'account_type'", "'usertype'", "\"role\"", ".role", "?.role", "['role']", "[\"role\"]", ".is_admin", ".isAdmin"]
            guard let key = roleKeys.first(where: { after.hasPrefix("->>" + $0) || after.hasPrefix("->" + $0) || after.hasPrefix($0) }) else { return nil }
            if f.language == .sql || f.role == .schema {
                let stmt = ByteNav.codeText(f, max(0, off - 400)..<min(b.count, off + 200)).lowercased()
                let policy = stmt.contains("policy") || stmt.contains("using (") || stmt.contains("using(")
                return Finding.at(descriptor, rule: "role-from-user-metadata", file: f, offset: off, severity: .critical,
                                  message: "\(policy ? "A policy decides access from" : "The database copies the role from") the sign-up metadata (\(lit) \(key)). Anyone can call supabase.auth.signUp (or updateUser) with {\"role\": \"admin\"} in that metadata, so any visitor can make themselves admin. Assign roles only server-side (a user_roles table written by admins or a service-role function) and ignore client metadata.")
            }
            guard ShippedCode.runsInBrowser(f) || f.role == .server else { return nil }
            let stmt = ByteNav.codeText(f, ByteNav.statementStart(f, off)..<ByteNav.statementEnd(f, off))
            guard stmt.contains("===") || stmt.contains("==") || stmt.contains("?") || stmt.contains("&&") || stmt.contains("if") || stmt.contains("includes(") else { return nil }
            return Finding.at(descriptor, rule: "role-from-user-metadata", file: f, offset: off, severity: .high,
                              message: "The role is taken from Supabase user_metadata (\(key)), which every user can change for themselves with supabase.auth.updateUser({ data: { role: 'admin' } }). Read roles from a table the user cannot write (user_roles + has_role()) or from app_metadata.")
        case "signUp(":
            guard f.language.isJSFamily, ShippedCode.runsInBrowser(f) else { return nil }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            guard let a = args.first else { return nil }
            for at in ByteNav.find(f, "role", in: a, wordStart: true, wordEnd: true) {
                let next = ByteNav.skipTrivia(f, at + 4)
                guard next < b.count, let p = ByteNav.prevSignificant(f, at), b[p] == 0x7B || b[p] == 0x2C else { continue }
                var valueRange = at..<(at + 4)
                if b[next] == 0x3A {
                    let v = ByteNav.skipTrivia(f, next + 1)
                    valueRange = v..<(ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v)
                } else if !(b[next] == 0x2C || b[next] == 0x7D) { continue }
                if case .plain(let v) = ByteNav.shape(f, valueRange), !["admin", "superadmin", "super_admin", "owner"].contains(v.lowercased()) { continue }
                let copied = metadataRoleIsTrusted(app)
                return Finding.at(descriptor, rule: "role-chosen-at-signup", file: f, offset: at, severity: copied ? .critical : .high,
                                  message: "The sign-up form sends a role of the user's choosing (`\(JSRouteScanner.clip(ByteNav.codeText(f, valueRange)))`) in the sign-up metadata\(copied ? ", and the database turns that metadata into the user's role" : ""). Anyone can send 'admin' instead. Give every new account the lowest role on the server and let admins promote users.")
            }
            return nil
        case "role":
            // `.from('profiles'|'users'|'user_roles').insert({ …, role: <form value> })` in browser code.
            guard f.language.isJSFamily, ShippedCode.runsInBrowser(f), f.kind(at: off) == .code else { return nil }
            guard off == 0 || !ByteClass.isIdentifier(b[off - 1]), off + 4 < b.count, !ByteClass.isIdentifier(b[off + 4]) else { return nil }
            guard let p = ByteNav.prevSignificant(f, off), b[p] == 0x7B || b[p] == 0x2C else { return nil }
            let next = ByteNav.skipTrivia(f, off + 4)
            var valueRange = off..<(off + 4)
            if b[next] == 0x3A {
                let v = ByteNav.skipTrivia(f, next + 1)
                valueRange = v..<(ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v)
            } else if !(b[next] == 0x2C || b[next] == 0x7D) { return nil }
            if case .plain = ByteNav.shape(f, valueRange) { return nil }
            let stmt = ByteNav.codeText(f, ByteNav.statementStart(f, off)..<ByteNav.statementEnd(f, off))
            guard stmt.contains(".insert(") || stmt.contains(".upsert(") || stmt.contains(".update(") else { return nil }
            guard ["'profiles'", "'users'", "'user_roles'", "\"profiles\"", "\"users\"", "\"user_roles\"", "'user_profiles'", "'members'"].contains(where: { stmt.contains($0) })
                || stmt.contains("from('profiles')") else { return nil }
            // An admin screen that changes other users' roles is fine when RLS restricts it; a self-service form is not.
            let pathL = f.path.lowercased()
            if pathL.contains("admin") || pathL.contains("usermanagement") || pathL.contains("user-management") || pathL.contains("manage") { return nil }
            return Finding.at(descriptor, rule: "role-chosen-at-signup", file: f, offset: off, severity: .high,
                              message: "Browser code writes the user's role (`\(JSRouteScanner.clip(ByteNav.codeText(f, valueRange)))`) into \(stmt.contains("user_roles") ? "user_roles" : "the profile"). Unless an RLS policy forbids it, any user can write 'admin' there themselves. Assign roles in a trigger or server function and deny role updates in RLS.")
        default:
            return nil
        }
    }

    /// Whether SQL in the app turns sign-up metadata into a role.
    private func metadataRoleIsTrusted(_ app: AppContext) -> Bool {
        app.files.contains { f in
            (f.language == .sql || f.role == .schema) && ByteNav.find(f, "raw_user_meta_data", in: 0..<f.bytes.count, filter: .any).contains { at in
                f.string(at..<min(f.bytes.count, at + 40)).replacingOccurrences(of: " ", with: "").contains("'role'")
            }
        }
    }

    /// A server sign-up handler that stores a role read from the request body without an allow-list.
    private func serverSignupRole(_ r: ServerRoute, _ app: AppContext) -> Finding? {
        guard let f = app.file(r.handlerFile), f.language.isJSFamily || f.language == .python else { return nil }
        let text = ByteNav.codeText(f, r.handler)
        let fromBody = text.contains("req.body.role") || text.contains("body.role") || text.contains("request.json['role']") || text.contains("request.form['role']")
            || text.contains("data.get('role')") || text.contains("data['role']") || (text.range(of: #"\{[^}]*\brole\b[^}]*\}\s*=\s*(await\s+)?req(uest)?\.(body|json)"#, options: .regularExpression) != nil)
        guard fromBody else { return nil }
        let allowList = text.contains(".includes(role") || text.contains("z.enum(") || text.contains("in ALLOWED") || text.contains("allowedRoles")
            || text.contains("role !== 'admin'") || text.contains("role === 'admin'") || text.contains("role not in") || text.contains("role in (")
        if allowList { return nil }
        let at = ByteNav.find(f, "role", in: r.handler, wordStart: true).first ?? r.handler.lowerBound
        return Finding.at(descriptor, rule: "role-chosen-at-signup", file: f, offset: at, severity: .high,
                          message: "\(r.label) stores the role sent in the request body. Anyone can register with \"role\": \"admin\". Ignore client-supplied roles at sign-up (assign the default role) or check it against the roles a user may pick.")
    }

    // MARK: - Admin areas

    private func adminArea(_ app: AppContext) -> [(ScannedFile, Int)] {
        var out: [(ScannedFile, Int)] = []
        var seen = Set<String>()
        for (f, hit) in app.hits("G4.D2/admin-route") where ShippedCode.isShippedCode(f) && ShippedCode.runsInBrowser(f) && seen.insert(f.path).inserted {
            out.append((f, Int(hit.offset)))
        }
        for f in app.files where f.language.isJSFamily && f.role != .test {
            let comps = f.path.split(separator: "/").map(String.init)
            if let i = comps.firstIndex(of: "admin"), i > 0, ["app", "pages"].contains(comps[i - 1]) || i > 1 && comps[i - 2] == "app" && comps[i - 1].hasPrefix("(") {
                if comps.last?.hasPrefix("page.") == true || comps[i - 1] == "pages" { out.append((f, 0)) }
            }
        }
        return out
    }
}
