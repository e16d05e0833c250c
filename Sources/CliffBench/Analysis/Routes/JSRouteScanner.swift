import Foundation

/// Routes, middleware and mounts declared in one JS/TS file of an Express, Fastify, Hono or Koa app.
struct JSFileRoutes: Sendable {
    struct RawRoute: Sendable {
        var route: ServerRoute
        /// The receiver the route was declared on (`app`, `router`, `new Hono()`).
        var receiver: String
        /// The handler argument when it is a name to resolve (`authController.login`).
        var handlerRef: String?
        /// The path argument when it is a constant to resolve (`api.auth.login.path`).
        var pathRef: String? = nil
    }

    /// `app.use(…)`, `fastify.register(…)`, `fastify.addHook(…)`, `app.route(prefix, sub)`.
    struct Use: Sendable {
        var receiver: String
        var prefix: String?
        /// Middleware arguments (path and mount target excluded).
        var middleware: [ServerRoute.Middleware]
        /// A sub-router mounted by this call: a local receiver name or an imported binding.
        var mountTarget: String?
        /// A module mounted inline: `app.use('/x', require('./routes/x'))`.
        var mountModule: String?
        var offset: Int
    }

    /// `registerRoutes(app)`: a call that passes a receiver to an imported function, which may declare routes.
    struct Registrar: Sendable {
        var callee: String
        var receiver: String
        var offset: Int
    }

    var path: String
    var framework: ServerRoute.Framework?
    var routes: [RawRoute] = []
    var uses: [Use] = []
    var registrars: [Registrar] = []
    var imports: [String: JSModules.Binding] = [:]
    /// Offsets where a server app is created (`express()`, `Fastify(`, `new Hono(`, `new Koa(`).
    var serverCreations: [(offset: Int, framework: ServerRoute.Framework)] = []
}

enum JSRouteScanner {
    static let verbs: [String: String] = [
        "get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "del": "DELETE", "all": "ANY",
        "options": "OPTIONS", "head": "HEAD",
    ]
    static let frameworkModules: [(String, ServerRoute.Framework)] = [
        ("express", .express), ("express-promise-router", .express), ("polka", .express), ("restify", .express),
        ("fastify", .fastify), ("hono", .hono), ("koa", .koa), ("@koa/router", .koa), ("koa-router", .koa), ("itty-router", .express),
        ("elysia", .express),
    ]
    /// Receivers that are HTTP clients, never servers.
    static let clientReceivers: Set<String> = [
        "axios", "ky", "got", "superagent", "fetch", "$http", "http", "https", "request", "supertest", "agent", "cy", "page",
        "client", "apiClient", "instance", "httpClient", "$axios", "this.http", "this.$http", "this.$axios", "searchParams", "params",
        "headers", "map", "cache", "store", "formData", "url.searchParams", "localStorage", "sessionStorage", "Cookies", "cookies",
    ]

    static func scan(_ f: ScannedFile) -> JSFileRoutes? {
        var out = JSFileRoutes(path: f.path)
        let lits = JSModules.moduleLiterals(f)
        let fw = frameworkModules.first { m in lits.contains(m.0) || lits.contains { $0.hasPrefix(m.0 + "/") } }?.1
        out.framework = fw
        // Browser files without a server framework cannot declare routes.
        if fw == nil && f.role != .server && f.role != .shared && f.role != .other { return nil }
        let b = f.bytes
        let regions = f.regions
        var r = 0
        var i = 0
        var any = false
        let imports = fw != nil || f.role == .server ? JSModules.imports(f) : [:]
        while i < b.count {
            if r < regions.count, Int(regions[r].start) <= i { i = max(i + 1, Int(regions[r].end)); r += 1; continue }
            let c = b[i]
            if c == 0x2E, i + 1 < b.count, ByteClass.isAlpha(b[i + 1]) {
                let id = ByteNav.identifier(at: i + 1, in: f)
                let name = f.string(id)
                let open = ByteNav.skipTrivia(f, id.upperBound)
                if open < b.count, b[open] == 0x28 {
                    if let verb = verbs[name] {
                        if let raw = verbRoute(f, dot: i, open: open, method: verb, framework: fw) { out.routes.append(raw); any = true }
                    } else if name == "use" || name == "register" || name == "addHook" || name == "route" || name == "basePath" {
                        if name == "route", let raw = fastifyRoute(f, dot: i, open: open, framework: fw) {
                            out.routes.append(raw)
                            any = true
                        } else if let u = use(f, dot: i, open: open, kind: name, framework: fw, imports: imports) {
                            out.uses.append(u)
                        }
                    }
                }
                i = id.upperBound
                continue
            }
            i += 1
        }
        if fw != nil || any {
            out.serverCreations = creations(f)
            out.imports = imports.isEmpty ? JSModules.imports(f) : imports
            out.registrars = registrars(f, imports: out.imports)
        }
        guard any || !out.uses.isEmpty && fw != nil || !out.serverCreations.isEmpty else { return nil }
        return out
    }

    // MARK: - Receivers

    /// The receiver of the call whose `.` is at `dot`, and the path of an Express `app.route('/x')` chain.
    static func receiver(_ f: ScannedFile, dot: Int) -> (text: String, chainPath: String?)? {
        guard let p = ByteNav.prevSignificant(f, dot) else { return nil }
        let b = f.bytes
        if ByteClass.isIdentifier(b[p]) {
            guard let m = ByteNav.memberPath(endingBefore: p + 1, in: f) else { return nil }
            if let kw = ByteNav.identifier(endingBefore: m.range.lowerBound, in: f), f.string(kw) == "new" { return nil }
            return (m.text, nil)
        }
        if b[p] == 0x29, let open = ByteNav.matchingOpen(f, p) {
            // A chained call: `app.route('/x').get(…)`, `new Hono().post(…).get(…)`, `express.Router().get(…)`.
            guard let callee = ByteNav.memberPath(endingBefore: open, in: f) else { return nil }
            let lastName = callee.text.split(separator: ".").last.map(String.init) ?? callee.text
            if let kw = ByteNav.identifier(endingBefore: callee.range.lowerBound, in: f), f.string(kw) == "new" {
                return ("new " + callee.text + "()", nil)
            }
            if lastName == "route" {
                let args = ByteNav.callArgs(f, open: open)
                if args.count == 1, let path = pathValue(f, args[0]), let dot2 = ByteNav.prevSignificant(f, callee.range.upperBound - lastName.utf8.count),
                   f.bytes[dot2] == 0x2E, let base = receiver(f, dot: dot2) {
                    return (base.text, path)
                }
            }
            if verbs[lastName] != nil || lastName == "use" || lastName == "basePath" {
                // Hono/Elysia chaining: the base of the chain is the receiver.
                let dotBefore = callee.range.upperBound - lastName.utf8.count - 1
                if dotBefore >= 0, f.bytes[dotBefore] == 0x2E, let base = receiver(f, dot: dotBefore) { return base }
            }
            if callee.text == "Router" || callee.text.hasSuffix(".Router") || callee.text == "express" || callee.text == "Fastify" || callee.text == "fastify" {
                return (callee.text + "()", nil)
            }
        }
        return nil
    }

    // MARK: - Routes

    static func pathValue(_ f: ScannedFile, _ arg: Range<Int>) -> String? {
        switch ByteNav.shape(f, arg) {
        case .plain(let s):
            return s.hasPrefix("/") || s == "*" || s.isEmpty ? (s.isEmpty ? "/" : s) : nil
        case .template:
            // `${prefix}/users` → `*/users`
            var text = ""
            var depth = 0
            let raw = f.string(arg)
            var it = raw.makeIterator()
            var prev: Character = " "
            while let ch = it.next() {
                if ch == "`" { prev = ch; continue }
                if ch == "{" && prev == "$" { depth += 1; text.removeLast(); text.append("*"); prev = ch; continue }
                if ch == "}" && depth > 0 { depth -= 1; prev = ch; continue }
                if depth == 0 { text.append(ch) }
                prev = ch
            }
            return text.hasPrefix("/") || text.hasPrefix("*") ? text : nil
        default:
            return nil
        }
    }

    static func isFunctionLiteral(_ f: ScannedFile, _ arg: Range<Int>) -> Bool {
        let t = ByteNav.codeText(f, arg.lowerBound..<min(arg.upperBound, arg.lowerBound + 300))
        if t.hasPrefix("async ") || t.hasPrefix("function") || t.hasPrefix("async(") { return true }
        if t.hasPrefix("(") {
            if let close = ByteNav.matchingClose(f, arg.lowerBound) {
                let after = ByteNav.codeText(f, (close + 1)..<min(arg.upperBound, close + 200)).trimmingCharacters(in: .whitespaces)
                return after.hasPrefix("=>") || after.hasPrefix(":")
            }
        }
        let id = ByteNav.identifier(at: arg.lowerBound, in: f)
        if !id.isEmpty { return ByteNav.codeText(f, id.upperBound..<min(arg.upperBound, id.upperBound + 8)).trimmingCharacters(in: .whitespaces).hasPrefix("=>") }
        return false
    }

    /// Whether a function literal's parameters look like a request handler's.
    static func looksLikeHandler(_ f: ScannedFile, _ arg: Range<Int>) -> Bool {
        let t = ByteNav.codeText(f, arg.lowerBound..<min(arg.upperBound, arg.lowerBound + 160)).lowercased()
        guard let open = t.firstIndex(of: "(") else {
            return t.hasPrefix("c =>") || t.hasPrefix("ctx =>") || t.hasPrefix("async c =>") || t.hasPrefix("async ctx =>")
        }
        let params = t[open...].prefix { $0 != ")" }
        return params.contains("req") || params.contains("res") || params.contains("ctx") || params.contains("reply") || params.contains("(c")
            || params.contains("context") || params.contains("request")
    }

    static func verbRoute(_ f: ScannedFile, dot: Int, open: Int, method: String, framework: ServerRoute.Framework?) -> JSFileRoutes.RawRoute? {
        let args = ByteNav.callArgs(f, open: open)
        guard args.count >= 2 else { return nil }
        var pathRef: String?
        var path: String
        if let p = pathValue(f, args[0]) {
            path = p
        } else if framework != nil, isPlainName(f, args[0]), ByteNav.codeText(f, args[0]).contains(".") {
            pathRef = ByteNav.codeText(f, args[0])
            path = "{" + pathRef! + "}"
        } else {
            return nil
        }
        guard let recv = receiver(f, dot: dot) else { return nil }
        if clientReceivers.contains(recv.text) || recv.text.hasSuffix(".axios") || recv.text.lowercased().contains("axios")
            || recv.text.hasSuffix("Client") || recv.text.hasSuffix("client") {
            return nil
        }
        let last = args[args.count - 1]
        let lastByte = f.bytes[last.lowerBound]
        if lastByte == 0x7B || lastByte == 0x5B { return nil }  // object or array: a client call's body
        if let reg = ByteNav.region(f, at: last.lowerBound), reg.kind == .string { return nil }
        if ByteClass.isDigit(lastByte) { return nil }
        let fnLiteral = isFunctionLiteral(f, last)
        if framework == nil {
            guard f.role == .server || f.role == .shared || f.role == .other, fnLiteral || isCallExpression(f, last),
                  looksLikeHandler(f, last) || isCallExpression(f, last) && looksLikeHandler(f, innerFunction(f, last) ?? last) else { return nil }
        }
        if let cp = recv.chainPath { path = joinPath(cp, path == "/" ? "" : path) }
        var middleware: [ServerRoute.Middleware] = []
        for a in args.dropFirst().dropLast() {
            middleware += middlewareFromArg(f, a)
        }
        var handler = last
        var handlerRef: String?
        var name: String?
        if fnLiteral {
            handler = last
        } else if isCallExpression(f, last) {
            // `route(async (req, res) => …)`, `asyncHandler(…)`, `withAuth(handler)`.
            let callee = ByteNav.codeText(f, last.lowerBound..<(ByteNav.find(f, "(", in: last).first ?? last.upperBound))
            if AuthVocabulary.isGuardName(callee) {
                middleware.append(.init(source: .wrapper, text: clip(callee), path: f.path, offset: last.lowerBound))
            }
            if let inner = innerFunction(f, last) { handler = inner } else if let ref = innerReference(f, last) { handlerRef = ref; name = ref }
        } else {
            let ref = ByteNav.codeText(f, last).replacingOccurrences(of: " ", with: "")
            if ref.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "." }) {
                handlerRef = ref
                name = ref.split(separator: ".").last.map(String.init)
            }
        }
        let fwk: ServerRoute.Framework = framework ?? .express
        let route = ServerRoute(
            framework: fwk, methods: [method], path: path, file: f.path, offset: lineStartOfCall(f, dot),
            handlerFile: f.path, handler: handler, name: name, middleware: middleware, guards: [], kinds: [], authAction: nil)
        return JSFileRoutes.RawRoute(route: route, receiver: recv.text, handlerRef: handlerRef, pathRef: pathRef)
    }

    /// The offset to report a route at: the start of its receiver expression.
    static func lineStartOfCall(_ f: ScannedFile, _ dot: Int) -> Int {
        if let m = ByteNav.memberPath(endingBefore: dot, in: f) { return m.range.lowerBound }
        return dot
    }

    static func isCallExpression(_ f: ScannedFile, _ arg: Range<Int>) -> Bool {
        let id = ByteNav.memberPath(startingAt: arg.lowerBound, in: f)
        guard !id.text.isEmpty else { return false }
        let o = ByteNav.skipTrivia(f, id.range.upperBound)
        guard o < arg.upperBound, f.bytes[o] == 0x28, let close = ByteNav.matchingClose(f, o) else { return false }
        return close + 1 >= arg.upperBound
    }

    /// The first function-literal argument inside a call expression.
    static func innerFunction(_ f: ScannedFile, _ call: Range<Int>) -> Range<Int>? {
        guard let o = ByteNav.find(f, "(", in: call).first else { return nil }
        for a in ByteNav.callArgs(f, open: o) where isFunctionLiteral(f, a) { return a }
        return nil
    }

    /// The single name argument of a wrapper call (`withAuth(handler)`).
    static func innerReference(_ f: ScannedFile, _ call: Range<Int>) -> String? {
        guard let o = ByteNav.find(f, "(", in: call).first else { return nil }
        let args = ByteNav.callArgs(f, open: o)
        guard let first = args.first else { return nil }
        let ref = ByteNav.codeText(f, first)
        return ref.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "." }) ? ref : nil
    }

    static func middlewareFromArg(_ f: ScannedFile, _ a: Range<Int>) -> [ServerRoute.Middleware] {
        let first = f.bytes[a.lowerBound]
        if first == 0x5B {
            // An array of middleware.
            guard let close = ByteNav.matchingClose(f, a.lowerBound) else { return [] }
            return ByteNav.splitTopLevel(f, (a.lowerBound + 1)..<close, separator: 0x2C).flatMap { middlewareFromArg(f, $0) }
        }
        if first == 0x7B {
            // Fastify route options: `{ preHandler: [...], onRequest: ..., config: { rateLimit: ... } }`.
            guard let close = ByteNav.matchingClose(f, a.lowerBound) else { return [] }
            var out: [ServerRoute.Middleware] = []
            for prop in ByteNav.splitTopLevel(f, (a.lowerBound + 1)..<close, separator: 0x2C) {
                let key = f.string(ByteNav.identifier(at: prop.lowerBound, in: f))
                guard let colon = ByteNav.find(f, ":", in: prop).first else { continue }
                let value = ByteNav.trim(f, (colon + 1)..<prop.upperBound)
                switch key {
                case "preHandler", "onRequest", "preValidation", "beforeHandler", "preParsing":
                    out += middlewareFromArg(f, value)
                case "config":
                    if ByteNav.contains(f, "rateLimit", in: value) {
                        out.append(.init(source: .route, text: "config.rateLimit", path: f.path, offset: value.lowerBound))
                    }
                default: break
                }
            }
            return out
        }
        return [.init(source: .route, text: clip(ByteNav.codeText(f, a)), path: f.path, offset: a.lowerBound)]
    }

    static func fastifyRoute(_ f: ScannedFile, dot: Int, open: Int, framework: ServerRoute.Framework?) -> JSFileRoutes.RawRoute? {
        guard framework == .fastify else { return nil }
        let args = ByteNav.callArgs(f, open: open)
        guard args.count == 1, f.bytes[args[0].lowerBound] == 0x7B, let close = ByteNav.matchingClose(f, args[0].lowerBound),
              let recv = receiver(f, dot: dot) else { return nil }
        var methods: [String] = []
        var path: String?
        var handler: Range<Int>?
        var handlerRef: String?
        var middleware: [ServerRoute.Middleware] = []
        for prop in ByteNav.splitTopLevel(f, (args[0].lowerBound + 1)..<close, separator: 0x2C) {
            let key = f.string(ByteNav.identifier(at: prop.lowerBound, in: f))
            let colon = ByteNav.find(f, ":", in: prop).first
            let value = colon.map { ByteNav.trim(f, ($0 + 1)..<prop.upperBound) }
            switch key {
            case "method":
                if let v = value { methods = ByteNav.stringValues(f, v).map { $0.uppercased() } }
            case "url", "path":
                if let v = value { path = pathValue(f, v) }
            case "handler":
                if let v = value {
                    if isFunctionLiteral(f, v) { handler = v } else { handlerRef = ByteNav.codeText(f, v); handler = v }
                } else {
                    handler = prop  // `handler(req, reply) { … }`
                }
            case "preHandler", "onRequest", "preValidation", "beforeHandler":
                if let v = value { middleware += middlewareFromArg(f, v) }
            case "config":
                if let v = value, ByteNav.contains(f, "rateLimit", in: v) {
                    middleware.append(.init(source: .route, text: "config.rateLimit", path: f.path, offset: v.lowerBound))
                }
            default: break
            }
        }
        guard let p = path, let h = handler else { return nil }
        let route = ServerRoute(framework: .fastify, methods: methods.isEmpty ? ["ANY"] : methods, path: p, file: f.path,
                                offset: lineStartOfCall(f, dot), handlerFile: f.path, handler: h, name: handlerRef, middleware: middleware,
                                guards: [], kinds: [], authAction: nil)
        return .init(route: route, receiver: recv.text, handlerRef: handlerRef)
    }

    static func use(_ f: ScannedFile, dot: Int, open: Int, kind: String, framework: ServerRoute.Framework?,
                    imports: [String: JSModules.Binding]) -> JSFileRoutes.Use? {
        guard let recv = receiver(f, dot: dot) else { return nil }
        if clientReceivers.contains(recv.text) { return nil }
        var args = ByteNav.callArgs(f, open: open)
        guard !args.isEmpty else { return nil }
        var u = JSFileRoutes.Use(receiver: recv.text, prefix: nil, middleware: [], mountTarget: nil, mountModule: nil, offset: lineStartOfCall(f, dot))
        switch kind {
        case "use":
            if framework == nil && f.role != .server { return nil }
            if let p = pathValue(f, args[0]) { u.prefix = p; args.removeFirst() }
            if let last = args.last {
                if let mod = requireModule(f, last) {
                    u.mountModule = mod
                    args.removeLast()
                } else if isPlainName(f, last), isMountTarget(f, ByteNav.codeText(f, last), imports: imports) {
                    u.mountTarget = ByteNav.codeText(f, last)
                    args.removeLast()
                }
            }
            for a in args { u.middleware += middlewareFromArg(f, a) }
        case "route", "basePath":
            // Hono `app.route('/auth', authApp)`.
            guard framework == .hono, args.count == 2, let p = pathValue(f, args[0]) else { return nil }
            u.prefix = p
            u.mountTarget = ByteNav.codeText(f, args[1])
        case "register":
            guard framework == .fastify || f.role == .server else { return nil }
            let plugin = args[0]
            if args.count > 1, f.bytes[args[1].lowerBound] == 0x7B, let close = ByteNav.matchingClose(f, args[1].lowerBound) {
                for prop in ByteNav.splitTopLevel(f, (args[1].lowerBound + 1)..<close, separator: 0x2C)
                where f.string(ByteNav.identifier(at: prop.lowerBound, in: f)) == "prefix" {
                    if let colon = ByteNav.find(f, ":", in: prop).first { u.prefix = pathValue(f, ByteNav.trim(f, (colon + 1)..<prop.upperBound)) }
                }
            }
            if let mod = requireModule(f, plugin) ?? importCallModule(f, plugin) {
                u.mountModule = mod
            } else if isPlainName(f, plugin) {
                u.mountTarget = ByteNav.codeText(f, plugin)
                u.middleware.append(.init(source: .appLevel, text: clip(ByteNav.codeText(f, plugin)), path: f.path, offset: plugin.lowerBound))
            } else {
                u.middleware.append(.init(source: .appLevel, text: clip(ByteNav.codeText(f, plugin)), path: f.path, offset: plugin.lowerBound))
            }
        case "addHook":
            guard args.count >= 2, let hook = ByteNav.stringValue(f, args[0]), ["onRequest", "preHandler", "preValidation"].contains(hook) else { return nil }
            u.middleware += middlewareFromArg(f, args[1])
        default:
            return nil
        }
        for i in u.middleware.indices { u.middleware[i].source = .appLevel }
        return u
    }

    /// Whether a name given to `use` is a sub-router (mounted) rather than a middleware.
    static func isMountTarget(_ f: ScannedFile, _ name: String, imports: [String: JSModules.Binding]) -> Bool {
        if AuthVocabulary.isRateLimiterName(name) || AuthVocabulary.isGuardName(name) && !looksLikeRouterName(name) { return false }
        if looksLikeRouterName(name) { return true }
        let head = String(name.split(separator: ".").first ?? "")
        if let b = imports[head] {
            return b.module.hasPrefix(".") || b.module.hasPrefix("@/") || b.module.hasPrefix("~/")
        }
        if !name.contains("."), let def = JSModules.definition(of: name, in: f) {
            let t = ByteNav.codeText(f, def)
            return t.contains("Router(") || t.contains("new Hono") || t.contains("express()") || t.contains("new Router") || t.contains("Fastify(")
        }
        return false
    }

    static func looksLikeRouterName(_ s: String) -> Bool {
        let l = s.lowercased()
        return l.hasSuffix("router") || l.hasSuffix("routes") || l.hasSuffix("routers") || l.hasSuffix("api") || l.hasSuffix("app")
            || l.hasSuffix("controller") || l.hasSuffix("module") || l.hasSuffix("handler") && !l.contains("error")
    }

    static func isPlainName(_ f: ScannedFile, _ r: Range<Int>) -> Bool {
        let t = ByteNav.codeText(f, r)
        return !t.isEmpty && t.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" || $0 == "." }
    }

    static func requireModule(_ f: ScannedFile, _ r: Range<Int>) -> String? {
        let t = ByteNav.codeText(f, r)
        guard t.hasPrefix("require(") else { return nil }
        guard let o = ByteNav.find(f, "(", in: r).first else { return nil }
        let args = ByteNav.callArgs(f, open: o)
        return args.first.flatMap { ByteNav.stringValue(f, $0) }
    }

    static func importCallModule(_ f: ScannedFile, _ r: Range<Int>) -> String? {
        let t = ByteNav.codeText(f, r)
        guard t.hasPrefix("import(") else { return nil }
        guard let o = ByteNav.find(f, "(", in: r).first else { return nil }
        return ByteNav.callArgs(f, open: o).first.flatMap { ByteNav.stringValue(f, $0) }
    }

    static func creations(_ f: ScannedFile) -> [(offset: Int, framework: ServerRoute.Framework)] {
        var out: [(Int, ServerRoute.Framework)] = []
        let all = 0..<f.bytes.count
        for o in ByteNav.find(f, "express()", in: all, wordStart: true) { out.append((o, .express)) }
        for o in ByteNav.find(f, "Fastify(", in: all, wordStart: true) + ByteNav.find(f, "fastify(", in: all, wordStart: true) { out.append((o, .fastify)) }
        for o in ByteNav.find(f, "new Hono", in: all, wordStart: true) { out.append((o, .hono)) }
        for o in ByteNav.find(f, "new Koa", in: all, wordStart: true) { out.append((o, .koa)) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Calls `fn(app)` where `fn` is imported and `app` is a receiver-like name.
    static func registrars(_ f: ScannedFile, imports: [String: JSModules.Binding]) -> [JSFileRoutes.Registrar] {
        var out: [JSFileRoutes.Registrar] = []
        for (name, binding) in imports where binding.module.hasPrefix(".") || binding.module.hasPrefix("@/") || binding.module.hasPrefix("~/") {
            for o in ByteNav.find(f, name, in: 0..<f.bytes.count, wordStart: true, wordEnd: true) {
                let p = ByteNav.skipTrivia(f, o + name.utf8.count)
                guard p < f.bytes.count, f.bytes[p] == 0x28 else { continue }
                let args = ByteNav.callArgs(f, open: p)
                guard let first = args.first, isPlainName(f, first) else { continue }
                let recv = ByteNav.codeText(f, first)
                if ["app", "server", "router", "api", "fastify", "instance"].contains(recv) || recv.hasSuffix("App") || recv.hasSuffix("Router") {
                    out.append(.init(callee: name, receiver: recv, offset: o))
                }
            }
        }
        return out
    }

    static func joinPath(_ a: String, _ b: String) -> String {
        func rooted(_ s: String) -> String { s.hasPrefix("/") || s.hasPrefix("*") || s.hasPrefix("{") ? s : "/" + s }
        if a.isEmpty || a == "/" { return b.isEmpty ? "/" : rooted(b) }
        if b.isEmpty || b == "/" { return rooted(a) }
        let left = a.hasSuffix("/") ? String(a.dropLast()) : a
        let right = b.hasPrefix("/") ? b : "/" + b
        return rooted(left + right)
    }

    static func clip(_ s: String) -> String { s.count > 120 ? String(s.prefix(120)) + "…" : s }
}
