import Foundation

/// Judgments security collectors share about a file or an expression: where code runs, whether
/// an expression carries request input, whether an interpolation is harmless, and which auth
/// providers an app delegates to.
public enum ShippedCode {
    /// Whether a file is shipped program code (not a test, doc, config, type declaration or vendored UI primitive).
    public static func isShippedCode(_ f: ScannedFile) -> Bool {
        guard f.language.isProgram || f.language == .html else { return false }
        if f.role == .test || f.role == .docs || f.role == .config { return false }
        let p = f.path.lowercased()
        if p.hasSuffix(".d.ts") || p.hasSuffix(".min.js") || p.contains("/vendor/") || p.hasPrefix("vendor/") { return false }
        if p.contains("/examples/") || p.hasPrefix("examples/") || p.contains("/fixtures/") || p.contains("/stories/") || p.contains(".stories.") { return false }
        return true
    }

    /// Whether a file runs in the browser: client or shared role, static scripts under `public/`, HTML, Vue and Svelte.
    public static func runsInBrowser(_ f: ScannedFile) -> Bool {
        // Loose scripts at the repository root (`check-schema.mjs`, `seed.js`) run under Node.
        if f.language.isJSFamily && !f.path.contains("/") { return false }
        if f.role == .client || f.role == .shared { return true }
        if f.role == .other, f.language.isJSFamily {
            let p = "/" + f.path.lowercased()
            return p.contains("/public/") || p.contains("/static/") || p.contains("/assets/")
        }
        return false
    }

    /// Fragments that mean an expression carries request input.
    static let inputMarkers = [
        "req.", "request.", "ctx.request", "ctx.params", "ctx.query", "params.", "query.", "body.", "searchParams", "formData", "input.",
        "args.", "event.body", "event.queryStringParameters", "c.req", "request.form", "request.args", "request.json", "request.GET",
        "request.POST", "request.data", "request.values", "req.body", "req.query", "req.params", "useParams", "location.search",
        "location.hash", "window.location", "document.location", "URLSearchParams",
    ]

    /// Whether an expression's text reads request or URL input directly.
    public static func readsInput(_ text: String) -> Bool {
        let t = text.replacingOccurrences(of: " ", with: "")
        return inputMarkers.contains { t.contains($0) }
    }

    /// Whether a `${…}` / `{…}` interpolation is harmless in SQL, HTML or a shell: numbers, upper-case
    /// constants, placeholder builders, explicit escaping or numeric conversion.
    public static func isHarmlessInterpolation(_ expr: String) -> Bool {
        let t = expr.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return true }
        if t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return true }
        let bare = t.replacingOccurrences(of: "this.", with: "")
        if bare.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "." }) && bare.contains(where: { $0.isLetter }) { return true }
        let lower = t.lowercased()
        let safeCalls = ["number(", "parseint(", "parsefloat(", "math.", "escape", "sanitize", "purify", "encodeuricomponent(", "format.", "pg_format",
                         "quote_ident(", "sql.identifier", "escapeidentifier(", "escapeliteral(", "mysql.escape", "connection.escape", "pool.escape",
                         "db.escape", "shlex.quote(", "shellescape", "shell-quote", "quote(", "tofixed(", ".length", "json.stringify(", "placeholders",
                         ".toisostring()", "bleach.clean(", "html.escape(", "markupsafe.escape(", "int(", "float("]
        if safeCalls.contains(where: { lower.contains($0) }) { return true }
        // Placeholder lists: `${ids.map(() => '?').join(',')}`, `${values.map((_, i) => `$${i + 1}`).join(', ')}`.
        if lower.contains(".join(") && (lower.contains("'?'") || lower.contains("\"?\"") || lower.contains("`?`") || lower.contains("$${") || lower.contains("'$'")) { return true }
        if lower.hasSuffix("placeholders") || lower.hasSuffix("placeholder") || lower.hasSuffix("paramindex") || lower.hasSuffix("idx") { return true }
        return false
    }

    /// Auth providers an app delegates password and session handling to.
    public enum Provider: String, Sendable, CaseIterable {
        case supabase = "Supabase Auth", firebase = "Firebase Auth", clerk = "Clerk", auth0 = "Auth0", nextAuthOAuth = "NextAuth (OAuth)"
        case kinde = "Kinde", stack = "Stack Auth", workos = "WorkOS", cognito = "Amazon Cognito", replit = "Replit Auth", convex = "Convex Auth"
    }

    /// The auth providers an app uses, from module imports and `supabase.auth.*` calls; computed once per app.
    public static func delegatedAuth(_ app: AppContext) -> Set<Provider> {
        RoutesCache.shared.delegatedAuth(for: app) { computeDelegatedAuth(app) }
    }

    static func computeDelegatedAuth(_ app: AppContext) -> Set<Provider> {
        var out = Set<Provider>()
        let supabaseCalls: Set<String> = ["signInWithPassword", "signUp", "signInWithOtp", "signInWithOAuth", "getUser", "getSession", "onAuthStateChange", "verifyOtp"]
        let byModule: [(String, Provider)] = [
            ("firebase/auth", .firebase), ("@react-native-firebase/auth", .firebase), ("@clerk/", .clerk), ("@auth0/", .auth0),
            ("express-openid-connect", .auth0), ("@kinde-oss/", .kinde), ("@stackframe/stack", .stack), ("@workos-inc/", .workos),
            ("aws-amplify/auth", .cognito), ("amazon-cognito-identity-js", .cognito), ("@convex-dev/auth", .convex),
            ("next-auth/providers/google", .nextAuthOAuth), ("next-auth/providers/github", .nextAuthOAuth), ("@auth/core/providers/google", .nextAuthOAuth),
            ("next-auth/providers/auth0", .nextAuthOAuth), ("next-auth/providers/email", .nextAuthOAuth), ("next-auth/providers/discord", .nextAuthOAuth),
        ]
        for f in app.files where (f.language.isJSFamily || f.language == .vue || f.language == .svelte) && f.role != .test && f.role != .docs {
            let mods = JSModules.moduleLiterals(f)
            for m in mods {
                for (prefix, p) in byModule where m == prefix || prefix.hasSuffix("/") && m.hasPrefix(prefix) || m.hasPrefix(prefix + "/") { out.insert(p) }
                if m.contains("replit.com/oidc") { out.insert(.replit) }
            }
            if f.path.lowercased().contains("replitauth") { out.insert(.replit) }
            if !out.contains(.supabase) {
                for at in ByteNav.find(f, ".auth.", in: 0..<f.bytes.count) {
                    let id = ByteNav.identifier(at: at + 6, in: f)
                    if supabaseCalls.contains(f.string(id)) { out.insert(.supabase); break }
                }
            }
        }
        return out
    }
}
