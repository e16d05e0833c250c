/// One server endpoint of an app: how it is reached, where its handler is, what guards it,
/// and what kind of endpoint it is (authentication, webhook, upload).
public struct ServerRoute: Sendable, Hashable {
    /// The framework or platform that serves the route.
    public enum Framework: String, Sendable, Hashable, CaseIterable {
        case express, fastify, hono, koa
        case nextApp = "next-app-router", nextPages = "next-pages-api", serverAction = "next-server-action"
        case supabaseEdge = "supabase-edge-function", firebase = "firebase-function"
        case flask, fastapi, django

        public var isPython: Bool { self == .flask || self == .fastapi || self == .django }
    }

    /// What an endpoint does for authentication, judged from its path, name and body.
    public enum AuthAction: String, Sendable, Hashable, CaseIterable {
        case login, signup, otp, verify
        case passwordReset = "password-reset", magicLink = "magic-link", logout
        /// A library's catch-all auth handler (NextAuth `[...nextauth]`, better-auth, lucia).
        case authLibrary = "auth-library"

        /// Endpoints an attacker can hammer to guess credentials or codes, or to spam a mailbox or phone.
        public var isAbusable: Bool {
            switch self {
            case .login, .signup, .otp, .verify, .passwordReset, .magicLink, .authLibrary: true
            case .logout: false
            }
        }
    }

    /// Special kinds of endpoint other metrics care about.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case auth, webhook, upload
    }

    /// Something that stands between a caller and the handler.
    public struct Middleware: Sendable, Hashable {
        public enum Source: String, Sendable, Hashable {
            /// `app.use(…)` / `router.use(…)` / `fastify.addHook` / `register` before the route.
            case appLevel = "app-level"
            /// Extra arguments of the route call (`app.post('/x', requireAuth, handler)`), Fastify
            /// `preHandler`/`onRequest`, Python decorators, FastAPI `Depends`.
            case route
            /// A wrapper around the handler (`withAuth(handler)`).
            case wrapper
            /// A Next.js `middleware.ts` whose matcher covers the route.
            case nextMiddleware = "next-middleware"
        }
        public var source: Source
        /// The expression as written, white space folded, at most 120 characters.
        public var text: String
        public var path: String
        public var offset: Int
        /// Whether the middleware's own body (when it could be read) checks the caller's identity.
        public var checksIdentity: Bool

        public init(source: Source, text: String, path: String, offset: Int, checksIdentity: Bool = false) {
            self.source = source
            self.text = text
            self.path = path
            self.offset = offset
            self.checksIdentity = checksIdentity
        }
    }

    /// Why the route is considered guarded by an identity check.
    public struct Guard: Sendable, Hashable {
        public enum Source: String, Sendable, Hashable {
            case middleware, wrapper, inHandler = "in-handler", nextMiddleware = "next-middleware", decorator, dependency
        }
        public var source: Source
        /// The code that guards it (`requireAuth`, `getServerSession(`, `@login_required`).
        public var evidence: String
        public var path: String
        public var offset: Int
    }

    public var framework: Framework
    /// Upper-case HTTP methods; `["ANY"]` when the handler answers every method.
    public var methods: [String]
    /// The URL path with parameters as `:name` (`/api/users/:id`), an edge function's `/functions/v1/<name>`,
    /// or `action:<name>` for a server action.
    public var path: String
    /// The file that declares the route and the byte offset of the declaration.
    public var file: String
    public var offset: Int
    /// The file and byte span of the handler (best effort: the function body, or the declaration's argument).
    public var handlerFile: String
    public var handler: Range<Int>
    /// The handler's or function's name when it has one.
    public var name: String?
    /// Everything that runs before the handler, outermost first.
    public var middleware: [Middleware]
    /// Identity checks found on the route (empty: no guard was found).
    public var guards: [Guard]
    public var kinds: Set<Kind>
    public var authAction: AuthAction?

    public var isGuarded: Bool { !guards.isEmpty }
    public var isAuthEndpoint: Bool { kinds.contains(.auth) }
    public var isWebhook: Bool { kinds.contains(.webhook) }
    public var isUpload: Bool { kinds.contains(.upload) }

    /// Whether the route accepts a method that changes state (POST, PUT, PATCH, DELETE, or any).
    public var isStateChanging: Bool {
        methods.contains { $0 == "POST" || $0 == "PUT" || $0 == "PATCH" || $0 == "DELETE" || $0 == "ANY" }
    }

    /// "POST /api/login" for messages.
    public var label: String {
        if framework == .serverAction { return "server action \(name ?? path)" }
        let m = methods == ["ANY"] ? "" : methods.joined(separator: ",") + " "
        return m + path
    }
}
