import Foundation

/// Judgments security collectors share about a file or an expression: where code runs, whether
/// an expression carries request input, whether an interpolation is harmless, and which auth
/// providers an app delegates to.
public enum CodeFacts {
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

    /// The auth providers an app uses, from module imports and client calls (cached per file scan, cheap).
    public static func delegatedAuth(_ app: AppContext) -> Set<Provider> {
        var out = Set<Provider>()
        for f in app.files where f.language.isProgram && f.role != .test && f.role != .docs {
            let all = 0..<f.bytes.count
            if f.language.isJSFamily || f.language == .vue || f.language == .svelte {
                if [".auth.signInWithPassword(", ".auth.signUp(", ".auth.signInWithOtp(", ".auth.signInWithOAuth(", ".auth.getUser(", ".auth.getSession(",
                    ".auth.onAuthStateChange("].contains(where: { ByteNav.contains(f, $0, in: all) }) {
                    out.insert(.supabase)
                }
                if ["signInWithEmailAndPassword(", "createUserWithEmailAndPassword(", "signInWithPopup(", "onAuthStateChanged("].contains(where: { ByteNav.contains(f, $0, in: all) })
                    || JSModules.mentionsModule(f, ["firebase/auth", "@react-native-firebase/auth"]) != nil {
                    out.insert(.firebase)
                }
                if JSModules.mentionsModule(f, ["@clerk/nextjs", "@clerk/clerk-react", "@clerk/express", "@clerk/remix", "@clerk/backend", "@clerk/clerk-sdk-node"]) != nil { out.insert(.clerk) }
                if JSModules.mentionsModule(f, ["@auth0/auth0-react", "@auth0/nextjs-auth0", "@auth0/auth0-spa-js", "express-openid-connect"]) != nil { out.insert(.auth0) }
                if JSModules.mentionsModule(f, ["@kinde-oss/kinde-auth-nextjs", "@kinde-oss/kinde-auth-react"]) != nil { out.insert(.kinde) }
                if JSModules.mentionsModule(f, ["@stackframe/stack"]) != nil { out.insert(.stack) }
                if JSModules.mentionsModule(f, ["@workos-inc/authkit-nextjs", "@workos-inc/node"]) != nil { out.insert(.workos) }
                if JSModules.mentionsModule(f, ["aws-amplify/auth", "amazon-cognito-identity-js"]) != nil { out.insert(.cognito) }
                if JSModules.mentionsModule(f, ["@convex-dev/auth"]) != nil { out.insert(.convex) }
                if f.path.lowercased().contains("replitauth") || ByteNav.contains(f, "replit.com/oidc", in: all, filter: .string) { out.insert(.replit) }
                if JSModules.mentionsModule(f, ["next-auth/providers/google", "next-auth/providers/github", "@auth/core/providers/google",
                                                "next-auth/providers/auth0", "next-auth/providers/email", "next-auth/providers/discord"]) != nil {
                    out.insert(.nextAuthOAuth)
                }
            }
        }
        return out
    }
}
