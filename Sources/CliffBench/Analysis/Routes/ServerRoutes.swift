import Foundation

/// The server routes of an app across frameworks: Express, Fastify, Hono and Koa routers (with
/// mounted sub-routers and app-level middleware), Next.js app and pages routers and server actions,
/// Supabase edge functions, Firebase functions, Flask, FastAPI and Django. Each route knows its
/// methods, path, handler span, the middleware in front of it, whether an identity check guards it,
/// and whether it is an authentication endpoint, a webhook or an upload.
///
/// `build(_:)` is computed once per app and shared by every collector that asks.
public struct ServerRoutes: Sendable {
    /// A place where a server is created (`express()`, `Fastify(`, `new Hono(`, `Flask(__name__)`, `FastAPI(`).
    public struct ServerEntry: Sendable, Hashable {
        public var path: String
        public var offset: Int
        public var framework: ServerRoute.Framework
    }

    /// App-level middleware registration (`app.use(…)`, `fastify.register(…)`, `@bp.before_request`).
    public struct AppUse: Sendable {
        public var path: String
        public var offset: Int
        public var receiver: String
        public var prefix: String?
        public var middleware: [ServerRoute.Middleware]
    }

    public var routes: [ServerRoute]
    public var nextMiddleware: NextMiddleware?
    public var serverEntries: [ServerEntry]
    public var appUses: [AppUse]

    public var frameworks: Set<ServerRoute.Framework> { Set(routes.map(\.framework)).union(serverEntries.map(\.framework)) }
    public var isEmpty: Bool { routes.isEmpty }
    public var authRoutes: [ServerRoute] { routes.filter(\.isAuthEndpoint) }
    public var webhookRoutes: [ServerRoute] { routes.filter(\.isWebhook) }
    public var uploadRoutes: [ServerRoute] { routes.filter(\.isUpload) }
    /// Whether the app runs a long-lived HTTP server of its own (not only functions or a static bundle).
    public var hasServer: Bool {
        !serverEntries.isEmpty || routes.contains { [.express, .fastify, .hono, .koa, .flask, .fastapi, .django, .nextApp, .nextPages, .serverAction].contains($0.framework) }
    }

    public func routes(in path: String) -> [ServerRoute] { routes.filter { $0.file == path || $0.handlerFile == path } }

    /// The route whose handler span contains an offset of a file, innermost first.
    public func route(containing offset: Int, in path: String) -> ServerRoute? {
        routes.filter { $0.handlerFile == path && $0.handler.contains(offset) }.min { $0.handler.count < $1.handler.count }
    }

    // MARK: - Building

    public static func build(_ app: AppContext) -> ServerRoutes {
        RoutesCache.shared.routes(for: app) { compute(app) }
    }

    static func compute(_ app: AppContext) -> ServerRoutes {
        var routes: [ServerRoute] = []
        var jsFiles: [String: JSFileRoutes] = [:]
        var entries: [ServerEntry] = []
        var uses: [AppUse] = []
        for f in app.files where f.language.isJSFamily && f.role != .test && f.role != .docs && f.role != .config && !f.path.hasSuffix(".d.ts") {
            routes += FileRouteScanners.nextAppRoutes(f)
            routes += FileRouteScanners.nextPagesRoutes(f)
            if FileRouteScanners.mentionsUseServer(f) { routes += FileRouteScanners.serverActions(f) }
            routes += FileRouteScanners.edgeFunction(f)
            routes += FileRouteScanners.firebaseFunctions(f)
            if FileRouteScanners.nextAppPath(f.path) == nil, let js = JSRouteScanner.scan(f) {
                jsFiles[f.path] = js
                entries += js.serverCreations.map { ServerEntry(path: f.path, offset: $0.offset, framework: $0.framework) }
                uses += js.uses.filter { !$0.middleware.isEmpty }.map {
                    AppUse(path: f.path, offset: $0.offset, receiver: $0.receiver, prefix: $0.prefix, middleware: $0.middleware)
                }
            }
        }
        routes += linkJS(jsFiles, app: app)

        let djangoPrefixes = app.files.contains { $0.path.hasSuffix("urls.py") } ? PythonRouteScanner.djangoPrefixes(app) : [:]
        var pyFacts: [String: PythonRouteScanner.FileFacts] = [:]
        for f in app.files where f.language == .python && f.role != .test {
            if let facts = PythonRouteScanner.scan(f) { pyFacts[f.path] = facts }
            if f.path.hasSuffix("urls.py") { routes += PythonRouteScanner.django(f, app: app, prefix: djangoPrefixes[f.path] ?? "") }
            let all = 0..<f.bytes.count
            for (lit, fw) in [("Flask(__name__", ServerRoute.Framework.flask), ("FastAPI(", .fastapi)] {
                for o in ByteNav.find(f, lit, in: all, wordStart: true) { entries.append(ServerEntry(path: f.path, offset: o, framework: fw)) }
            }
            if f.path.hasSuffix("settings.py"), ByteNav.contains(f, "MIDDLEWARE", in: all) {
                entries.append(ServerEntry(path: f.path, offset: ByteNav.find(f, "MIDDLEWARE", in: all).first ?? 0, framework: .django))
            }
        }
        routes += linkPython(pyFacts, app: app)

        let nm = FileRouteScanners.nextMiddleware(app)
        var vocab: [String: [RuleHit]] = [:]
        for path in Set(routes.map(\.handlerFile)) {
            guard let f = app.file(path) else { continue }
            vocab[path] = f.bytes.withUnsafeBufferPointer { AuthVocabulary.handlerMatcher.match($0, language: f.language, regions: f.regions) }
        }
        routes = routes.map { finish($0, app: app, jsFiles: jsFiles, nextMiddleware: nm, vocab: vocab) }
        routes.sort { ($0.file, $0.offset, $0.path) < ($1.file, $1.offset, $1.path) }
        return ServerRoutes(routes: routes, nextMiddleware: nm, serverEntries: entries, appUses: uses)
    }

    // MARK: - JS linking: mounts, inherited middleware, handler references

    private struct MountRef {
        var file: String
        var use: JSFileRoutes.Use?
        var registrar: JSFileRoutes.Registrar?
    }

    private static func linkJS(_ files: [String: JSFileRoutes], app: AppContext) -> [ServerRoute] {
        // Which files mount which: target path → mounting sites.
        var mountedBy: [String: [MountRef]] = [:]
        for (path, js) in files {
            for u in js.uses {
                var target: ScannedFile?
                if let mod = u.mountModule { target = JSModules.resolve(mod, from: path, in: app) } else if let name = u.mountTarget {
                    let head = String(name.split(separator: ".").first ?? "")
                    if let binding = js.imports[head] { target = JSModules.resolve(binding.module, from: path, in: app) }
                }
                if let t = target, t.path != path { mountedBy[t.path, default: []].append(MountRef(file: path, use: u)) }
            }
            for r in js.registrars {
                guard let binding = js.imports[r.callee], let t = JSModules.resolve(binding.module, from: path, in: app), t.path != path else { continue }
                mountedBy[t.path, default: []].append(MountRef(file: path, registrar: r))
            }
        }

        func appliesByPrefix(_ u: JSFileRoutes.Use, _ localPath: String) -> Bool {
            guard let p = u.prefix, p != "/", p != "*", p != "/*" else { return true }
            let bare = p.hasSuffix("/*") ? String(p.dropLast(2)) : (p.hasSuffix("*") ? String(p.dropLast()) : p)
            return localPath == bare || localPath.hasPrefix(bare.hasSuffix("/") ? bare : bare + "/") || localPath.hasPrefix("*")
        }

        func inherited(_ path: String, _ receiver: String, before: Int?, localPath: String, depth: Int) -> (prefix: String, middleware: [ServerRoute.Middleware]) {
            guard let js = files[path], depth < 6 else { return ("", []) }
            var own: [ServerRoute.Middleware] = []
            for u in js.uses where u.receiver == receiver && u.mountTarget == nil && u.mountModule == nil {
                if let b = before, u.offset >= b { continue }
                if appliesByPrefix(u, localPath) { own += u.middleware }
            }
            // Mounted on a local parent receiver?
            if let m = js.uses.first(where: { $0.mountTarget == receiver && $0.receiver != receiver }) {
                let pre = m.prefix ?? ""
                let parent = inherited(path, m.receiver, before: m.offset, localPath: JSRouteScanner.joinPath(pre, localPath), depth: depth + 1)
                return (JSRouteScanner.joinPath(parent.prefix, pre) == "/" ? parent.prefix : JSRouteScanner.joinPath(parent.prefix, pre),
                        parent.middleware + m.middleware + own)
            }
            // Mounted from another file (a router module, or a registrar function given the app)?
            let locallyCreated = js.uses.contains { $0.mountTarget == receiver }
            if !locallyCreated, let site = mountedBy[path]?.first {
                if let u = site.use {
                    let pre = u.prefix ?? ""
                    let parent = inherited(site.file, u.receiver, before: u.offset, localPath: JSRouteScanner.joinPath(pre, localPath), depth: depth + 1)
                    let prefix = pre.isEmpty ? parent.prefix : JSRouteScanner.joinPath(parent.prefix, pre)
                    return (prefix, parent.middleware + u.middleware + own)
                }
                if let r = site.registrar {
                    let parent = inherited(site.file, r.receiver, before: r.offset, localPath: localPath, depth: depth + 1)
                    return (parent.prefix, parent.middleware + own)
                }
            }
            return ("", own)
        }

        var out: [ServerRoute] = []
        for (path, js) in files {
            for raw in js.routes {
                var route = raw.route
                if let ref = raw.pathRef, let resolved = resolveConstant(ref, in: path, js: js, app: app), resolved.hasPrefix("/") {
                    route.path = resolved
                }
                let ctx = inherited(path, raw.receiver, before: route.offset, localPath: route.path, depth: 0)
                if !ctx.prefix.isEmpty, ctx.prefix != "/" { route.path = JSRouteScanner.joinPath(ctx.prefix, route.path == "/" ? "" : route.path) }
                route.middleware = ctx.middleware + route.middleware
                if let ref = raw.handlerRef, let (file, span) = resolveReference(ref, in: path, js: js, app: app) {
                    route.handlerFile = file
                    route.handler = span
                }
                out.append(route)
            }
        }
        return out
    }

    /// The definition a name refers to from a file: local, or through an import.
    static func resolveReference(_ ref: String, in path: String, js: JSFileRoutes?, app: AppContext) -> (String, Range<Int>)? {
        guard let f = app.file(path) else { return nil }
        let parts = ref.split(separator: ".").map(String.init)
        guard let head = parts.first, !head.isEmpty else { return nil }
        if parts.count == 1, let def = JSModules.definition(of: head, in: f) { return (path, def) }
        let imports = js?.imports ?? JSModules.imports(f)
        if let binding = imports[head], let target = JSModules.resolve(binding.module, from: path, in: app) {
            let name = parts.count > 1 ? parts[parts.count - 1] : (binding.imported == "default" || binding.imported == "*" ? head : binding.imported)
            if let def = JSModules.definition(of: name, in: target) { return (target.path, def) }
        }
        if parts.count > 1, let def = JSModules.definition(of: parts[parts.count - 1], in: f) { return (path, def) }
        return nil
    }

    /// The string a dotted constant refers to (`api.auth.login.path` → "/api/login"), through an import.
    static func resolveConstant(_ ref: String, in path: String, js: JSFileRoutes?, app: AppContext) -> String? {
        let parts = ref.split(separator: ".").map(String.init)
        guard parts.count >= 2, let f = app.file(path) else { return nil }
        var file = f
        var span: Range<Int>?
        if let binding = (js?.imports ?? JSModules.imports(f))[parts[0]], let t = JSModules.resolve(binding.module, from: path, in: app) {
            file = t
            span = JSModules.definition(of: binding.imported == "default" || binding.imported == "*" ? parts[0] : binding.imported, in: t)
        } else {
            span = JSModules.definition(of: parts[0], in: f)
        }
        guard var cur = span else { return nil }
        for key in parts.dropFirst() {
            cur = ByteNav.trim(file, cur)
            guard !cur.isEmpty, file.bytes[cur.lowerBound] == 0x7B, let close = ByteNav.matchingClose(file, cur.lowerBound) else { return nil }
            var next: Range<Int>?
            for prop in ByteNav.splitTopLevel(file, (cur.lowerBound + 1)..<close, separator: 0x2C) {
                var name = file.string(ByteNav.identifier(at: prop.lowerBound, in: file))
                if name.isEmpty, let v = ByteNav.stringValues(file, prop.lowerBound..<min(prop.upperBound, prop.lowerBound + 80)).first { name = v }
                guard name == key, let colon = ByteNav.find(file, ":", in: prop).first else { continue }
                next = (colon + 1)..<prop.upperBound
                break
            }
            guard let n = next else { return nil }
            cur = n
        }
        return ByteNav.stringValue(file, cur) ?? ByteNav.stringValues(file, cur).first
    }

    // MARK: - Python linking

    private static func linkPython(_ facts: [String: PythonRouteScanner.FileFacts], app: AppContext) -> [ServerRoute] {
        // target file → (receiver name, prefix, middleware) from include_router / register_blueprint elsewhere.
        var included: [String: [(receiver: String, prefix: String, middleware: [ServerRoute.Middleware])]] = [:]
        for (path, fx) in facts {
            for inc in fx.includes {
                let parts = inc.target.split(separator: ".").map(String.init)
                guard let head = parts.first else { continue }
                let receiver = parts.count > 1 ? parts[parts.count - 1] : head
                if let mod = fx.imports[head], let t = PythonRouteScanner.resolve(mod, from: path, in: app), t.path != path {
                    included[t.path, default: []].append((receiver, inc.prefix, inc.middleware))
                } else if fx.routes.contains(where: { $0.receiver == receiver }) {
                    included[path, default: []].append((receiver, inc.prefix, inc.middleware))
                }
            }
        }
        var out: [ServerRoute] = []
        for (path, fx) in facts {
            for (route, receiver) in fx.routes {
                var r = route
                if let inc = included[path]?.first(where: { $0.receiver == receiver }) ?? (included[path]?.count == 1 ? included[path]?.first : nil) {
                    if !inc.prefix.isEmpty { r.path = JSRouteScanner.joinPath(inc.prefix, r.path == "/" ? "" : r.path) }
                    r.middleware = inc.middleware + r.middleware
                }
                out.append(r)
            }
        }
        return out
    }

    // MARK: - Guards and classification

    private static func finish(_ route: ServerRoute, app: AppContext, jsFiles: [String: JSFileRoutes], nextMiddleware: NextMiddleware?,
                               vocab: [String: [RuleHit]]) -> ServerRoute {
        var r = route
        var guards: [ServerRoute.Guard] = []
        for i in r.middleware.indices {
            let m = r.middleware[i]
            if AuthVocabulary.isGuardName(m.text) {
                let src: ServerRoute.Guard.Source = m.source == .wrapper ? .wrapper : (r.framework.isPython ? (m.text.contains("Depends(") ? .dependency : .decorator) : .middleware)
                guards.append(.init(source: src, evidence: m.text, path: m.path, offset: m.offset))
                continue
            }
            if m.checksIdentity {
                guards.append(.init(source: .middleware, evidence: m.text, path: m.path, offset: m.offset))
                continue
            }
            // A locally named middleware: read its body.
            if !r.framework.isPython, JSRouteScanner.isPlainNameText(m.text), !AuthVocabulary.isRateLimiterName(m.text),
               let (file, span) = resolveReference(m.text, in: m.path, js: jsFiles[m.path], app: app), let f = app.file(file),
               middlewareChecksIdentity(f, span) {
                r.middleware[i].checksIdentity = true
                guards.append(.init(source: .middleware, evidence: m.text + " (checks the caller's token)", path: m.path, offset: m.offset))
            }
        }
        let fileHits = vocab[r.handlerFile] ?? []
        func hits(_ ruleIDs: [String], in span: Range<Int>) -> [RuleHit] {
            let idx = Set(ruleIDs.compactMap { AuthVocabulary.handlerMatcher.index(of: $0) }.map { Int32($0) })
            return fileHits.filter { idx.contains($0.rule) && span.contains(Int($0.offset)) }
        }
        if let f = app.file(r.handlerFile) {
            for h in hits(["routes/check-word", "routes/check", "routes/check-py"], in: r.handler) {
                let at = Int(h.offset)
                let ev = f.string(at..<(at + Int(h.length)))
                if ev == AuthVocabulary.bareAuthCall, at > 0, f.bytes[at - 1] == 0x2E { continue }
                guards.append(.init(source: .inHandler, evidence: ev, path: f.path, offset: at))
                break
            }
        }
        if let nm = nextMiddleware, let ev = nm.authEvidence, r.framework == .nextApp || r.framework == .nextPages, nm.covers(r.path) {
            guards.append(.init(source: .nextMiddleware, evidence: "\(nm.path): \(ev)", path: nm.path, offset: 0))
        }
        r.guards = guards

        var action = AuthVocabulary.authAction(path: r.framework == .serverAction ? "" : r.path, name: r.name, methods: r.methods)
        let guardedBeforeHandler = guards.contains { $0.source != .inHandler }
        if action == nil && !guardedBeforeHandler {
            action = bodyAuthAction(middleware: r.middleware, path: r.framework == .serverAction ? "" : r.path) { !hits([$0], in: r.handler).isEmpty } ?? action
        }
        r.authAction = action
        // Reading `req.user` in a sign-in or sign-up handler is the sign-in itself, not a guard.
        if let a = action, [.login, .signup, .authLibrary, .magicLink].contains(a) {
            r.guards.removeAll { $0.source == .inHandler }
        }
        var kinds = Set<ServerRoute.Kind>()
        if action != nil { kinds.insert(.auth) }
        if AuthVocabulary.isWebhook(path: r.path, name: r.name) || !hits(["routes/webhook"], in: r.handler).isEmpty {
            kinds.insert(.webhook)
        }
        if AuthVocabulary.isUpload(path: r.path, name: r.name)
            || r.middleware.contains(where: { $0.text.hasPrefix("upload.") || $0.text.contains("multer") })
            || !hits(["routes/upload"], in: r.handler).isEmpty {
            kinds.insert(.upload)
        }
        r.kinds = kinds
        return r
    }

    /// The first in-handler identity check in a span, with its offset.
    static func inHandlerCheck(_ f: ScannedFile, _ span: Range<Int>) -> (String, Int)? {
        if f.language == .python {
            for c in ["current_user", "get_jwt_identity(", "verify_jwt_in_request(", "session.get('user", "session.get(\"user", "session['user",
                      "session[\"user", "request.user.is_authenticated", "g.user", "get_current_user", "verify_id_token(", "jwt.decode(", "login_required"] {
                if let at = ByteNav.find(f, c, in: span).first { return (c, at) }
            }
            return nil
        }
        var best: (String, Int)?
        for c in AuthVocabulary.inHandlerChecks where !c.contains("_") || c.hasPrefix("req") {
            guard let at = ByteNav.find(f, c, in: span, wordStart: ByteClass.isIdentifier(Array(c.utf8)[0])).first else { continue }
            if best == nil || at < best!.1 { best = (c, at) }
        }
        for at in ByteNav.find(f, AuthVocabulary.bareAuthCall, in: span, wordStart: true) where at == 0 || f.bytes[at - 1] != 0x2E {
            if best == nil || at < best!.1 { best = ("auth()", at) }
            break
        }
        return best
    }

    /// Whether a middleware body checks identity: reads the Authorization header or a session and verifies it.
    static func middlewareChecksIdentity(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        if inHandlerCheck(f, span) != nil { return true }
        let readsCredential = ByteNav.contains(f, "authorization", in: span, filter: .live, caseInsensitive: true)
            || ByteNav.contains(f, "token", in: span, caseInsensitive: true) || ByteNav.contains(f, "session", in: span, caseInsensitive: true)
        let decides = ByteNav.contains(f, "401", in: span) || ByteNav.contains(f, "403", in: span) || ByteNav.contains(f, "verify", in: span, caseInsensitive: true)
            || ByteNav.contains(f, "decode", in: span, caseInsensitive: true) || ByteNav.contains(f, "Unauthorized", in: span, filter: .live)
        return readsCredential && decides
    }

    /// An authentication action read from what a handler does (for routes whose path says nothing);
    /// `has` tells whether the handler contains a hit of one of the vocabulary rules.
    static func bodyAuthAction(middleware: [ServerRoute.Middleware], path: String, has: (String) -> Bool) -> ServerRoute.AuthAction? {
        if middleware.contains(where: { $0.text.contains("passport.authenticate") && ($0.text.contains("'local'") || $0.text.contains("\"local\"")) })
            || has("routes/login-call") {
            return .login
        }
        if has("routes/otp-call") { return .otp }
        if has("routes/reset-call") { return .passwordReset }
        if has("routes/signup-call") { return .signup }
        // A password check on a generic path (`/api/session`, `/api/token`, `/auth`) is a login.
        let generic: Set<String> = ["api", "auth", "v1", "v2", "session", "sessions", "token", "tokens", "user", "users", "account", "accounts"]
        let words = path.split(separator: "/").map { $0.lowercased() }
        if !words.isEmpty, words.allSatisfy({ generic.contains($0) }), has("routes/password-check") { return .login }
        return nil
    }
}

extension JSRouteScanner {
    static func isPlainNameText(_ t: String) -> Bool {
        !t.isEmpty && t.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "." }
    }
}

/// One `ServerRoutes` (and other app-wide facts) per app, computed on first use; entries die with their app.
final class RoutesCache: @unchecked Sendable {
    static let shared = RoutesCache()

    private final class Entry: @unchecked Sendable {
        weak var app: AppContext?
        let lock = NSLock()
        var value: ServerRoutes?
        let authLock = NSLock()
        var delegated: Set<ShippedCode.Provider>?
        init(_ app: AppContext) { self.app = app }
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    private func entry(for app: AppContext) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.app == nil }
        if let e = entries.first(where: { $0.app === app }) { return e }
        let e = Entry(app)
        entries.append(e)
        return e
    }

    func delegatedAuth(for app: AppContext, compute: () -> Set<ShippedCode.Provider>) -> Set<ShippedCode.Provider> {
        let e = entry(for: app)
        e.authLock.lock()
        defer { e.authLock.unlock() }
        if let v = e.delegated { return v }
        let v = compute()
        e.delegated = v
        return v
    }

    func routes(for app: AppContext, compute: () -> ServerRoutes) -> ServerRoutes {
        lock.lock()
        entries.removeAll { $0.app == nil }
        let entry: Entry
        if let e = entries.first(where: { $0.app === app }) {
            entry = e
        } else {
            entry = Entry(app)
            entries.append(entry)
        }
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let v = entry.value { return v }
        let v = compute()
        entry.value = v
        return v
    }
}
