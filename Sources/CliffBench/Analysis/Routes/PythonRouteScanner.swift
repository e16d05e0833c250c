import Foundation

/// Flask, FastAPI and Django routes in Python files.
enum PythonRouteScanner {
    /// A decorated function: its decorators (text and offset), `def` line offset, name and block span.
    struct Decorated: Sendable {
        var decorators: [(text: String, offset: Int)]
        var defOffset: Int
        var name: String
        var span: Range<Int>
        var params: String
    }

    /// Router-level facts of a file: blueprint/router prefixes and dependencies, `before_request` guards.
    struct FileFacts: Sendable {
        var path: String
        var framework: ServerRoute.Framework?
        var routes: [(route: ServerRoute, receiver: String)] = []
        /// Receiver → (url prefix, dependencies/guards declared on the router object).
        var routers: [String: (prefix: String, middleware: [ServerRoute.Middleware])] = [:]
        /// `app.include_router(x.router, prefix=…, dependencies=…)` / `app.register_blueprint(bp, url_prefix=…)`.
        var includes: [(target: String, prefix: String, middleware: [ServerRoute.Middleware])] = []
        var imports: [String: String] = [:]
    }

    static func functions(_ f: ScannedFile) -> [Decorated] {
        var out: [Decorated] = []
        let b = f.bytes
        var line = 1
        var pending: [(String, Int)] = []
        while line <= f.lineCount {
            let r = f.lineRange(line)
            var j = r.lowerBound
            while j < r.upperBound && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
            guard j < r.upperBound, f.kind(at: j) == .code else { line += 1; continue }
            if b[j] == 0x40 {
                let end = ByteNav.pythonLogicalLineEnd(f, j)
                pending.append((ByteNav.codeText(f, (j + 1)..<end), j))
                line = f.location(of: end).line + 1
                continue
            }
            var k = j
            if ByteNav.isWord(f, k, "async") { k = ByteNav.skipTrivia(f, k + 5) }
            if ByteNav.isWord(f, k, "def") || ByteNav.isWord(f, k, "class") {
                let isClass = ByteNav.isWord(f, k, "class")
                let nameR = ByteNav.identifier(at: ByteNav.skipTrivia(f, k + (isClass ? 5 : 3)), in: f)
                let headerEnd = ByteNav.pythonLogicalLineEnd(f, j)
                var params = ""
                if let o = ByteNav.find(f, "(", in: nameR.upperBound..<headerEnd).first, let c = ByteNav.matchingClose(f, o) {
                    params = ByteNav.codeText(f, (o + 1)..<c)
                }
                let end = ByteNav.pythonBlockEnd(f, headerAt: j)
                out.append(Decorated(decorators: pending, defOffset: j, name: f.string(nameR), span: (pending.first?.1 ?? j)..<end, params: params))
                pending = []
                line = f.location(of: headerEnd).line + 1
                continue
            }
            pending = []
            line += 1
        }
        return out
    }

    static func scan(_ f: ScannedFile) -> FileFacts? {
        guard f.language == .python, f.role != .test else { return nil }
        let b = f.bytes
        let all = 0..<b.count
        let flask = ByteNav.contains(f, "flask", in: all, wordStart: true)
        let fastapi = ByteNav.contains(f, "fastapi", in: all, wordStart: true)
        guard flask || fastapi || ByteNav.contains(f, "APIRouter", in: all) || ByteNav.contains(f, "Blueprint", in: all) else { return nil }
        var facts = FileFacts(path: f.path, framework: fastapi ? .fastapi : .flask)
        facts.imports = imports(f)
        // Routers and blueprints: `bp = Blueprint('auth', __name__, url_prefix='/auth')`, `router = APIRouter(prefix='/x', dependencies=[…])`.
        for lit in ["Blueprint(", "APIRouter("] {
            for at in ByteNav.find(f, lit, in: all, wordStart: true) {
                let stmt = f.lineRange(f.location(of: at).line)
                let lhs = ByteNav.codeText(f, stmt.lowerBound..<at)
                guard let eq = lhs.firstIndex(of: "=") else { continue }
                let name = lhs[..<eq].trimmingCharacters(in: .whitespaces)
                let args = ByteNav.callArgs(f, open: at + lit.utf8.count - 1)
                var prefix = ""
                var mw: [ServerRoute.Middleware] = []
                for a in args {
                    let t = ByteNav.codeText(f, a)
                    if t.hasPrefix("url_prefix") || t.hasPrefix("prefix") { prefix = ByteNav.stringValues(f, a).first ?? "" }
                    if t.hasPrefix("dependencies") { mw.append(.init(source: .appLevel, text: JSRouteScanner.clip(t), path: f.path, offset: a.lowerBound)) }
                }
                facts.routers[name] = (prefix, mw)
            }
        }
        for lit in ["include_router(", "register_blueprint("] {
            for at in ByteNav.find(f, lit, in: all) {
                let args = ByteNav.callArgs(f, open: at + lit.utf8.count - 1)
                guard let first = args.first else { continue }
                var prefix = ""
                var mw: [ServerRoute.Middleware] = []
                for a in args.dropFirst() {
                    let t = ByteNav.codeText(f, a)
                    if t.hasPrefix("url_prefix") || t.hasPrefix("prefix") { prefix = ByteNav.stringValues(f, a).first ?? "" }
                    if t.hasPrefix("dependencies") { mw.append(.init(source: .appLevel, text: JSRouteScanner.clip(t), path: f.path, offset: a.lowerBound)) }
                }
                facts.includes.append((ByteNav.codeText(f, first), prefix, mw))
            }
        }
        // `@bp.before_request` functions that check identity guard every route of the blueprint.
        let fns = functions(f)
        var beforeRequest: [String: ServerRoute.Middleware] = [:]
        for fn in fns {
            for d in fn.decorators where d.text.hasSuffix(".before_request") || d.text.hasSuffix(".before_app_request") {
                let recv = String(d.text.split(separator: ".").first ?? "")
                if PythonRouteScanner.checksIdentity(f, fn.span) {
                    beforeRequest[recv] = .init(source: .appLevel, text: "@\(d.text) \(fn.name)", path: f.path, offset: d.offset, checksIdentity: true)
                }
            }
        }
        for fn in fns {
            for d in fn.decorators {
                guard let route = route(from: d.text) else { continue }
                var mw: [ServerRoute.Middleware] = []
                if let br = beforeRequest[route.receiver] { mw.append(br) }
                if let r = facts.routers[route.receiver] { mw += r.middleware }
                for other in fn.decorators where other.offset != d.offset {
                    mw.append(.init(source: .route, text: "@" + JSRouteScanner.clip(other.text), path: f.path, offset: other.offset))
                }
                if let deps = route.dependencies { mw.append(.init(source: .route, text: JSRouteScanner.clip(deps), path: f.path, offset: d.offset)) }
                if fn.params.contains("Depends(") || fn.params.contains("Security(") {
                    for p in fn.params.split(separator: ",") where p.contains("Depends(") || p.contains("Security(") {
                        mw.append(.init(source: .route, text: String(p).trimmingCharacters(in: .whitespaces), path: f.path, offset: fn.defOffset))
                    }
                }
                let prefix = facts.routers[route.receiver]?.prefix ?? ""
                let sr = ServerRoute(framework: fastapi ? .fastapi : .flask, methods: route.methods, path: JSRouteScanner.joinPath(prefix, route.path),
                                     file: f.path, offset: d.offset, handlerFile: f.path, handler: fn.span, name: fn.name, middleware: mw,
                                     guards: [], kinds: [], authAction: nil)
                facts.routes.append((sr, route.receiver))
            }
        }
        return facts
    }

    /// Parses `app.route('/x', methods=['POST'])`, `bp.post('/x')`, `router.get('/x', dependencies=[…])`.
    static func route(from decorator: String) -> (receiver: String, methods: [String], path: String, dependencies: String?)? {
        guard let open = decorator.firstIndex(of: "("), let dot = decorator[..<open].lastIndex(of: ".") else { return nil }
        let receiver = String(decorator[..<dot])
        let method = String(decorator[decorator.index(after: dot)..<open])
        let verbs = ["get", "post", "put", "patch", "delete", "route", "api_route", "head", "options"]
        guard verbs.contains(method) else { return nil }
        let args = String(decorator[decorator.index(after: open)...])
        guard let q = args.firstIndex(where: { $0 == "'" || $0 == "\"" }) else { return nil }
        let quote = args[q]
        let rest = args[args.index(after: q)...]
        guard let qe = rest.firstIndex(of: quote) else { return nil }
        let path = String(rest[..<qe])
        guard path.hasPrefix("/") || path.isEmpty else { return nil }
        var methods: [String]
        if method == "route" || method == "api_route" {
            methods = ["GET"]
            if let m = args.range(of: "methods") {
                let list = args[m.upperBound...].prefix { $0 != "]" && $0 != ")" }
                let found = list.split(whereSeparator: { $0 == "'" || $0 == "\"" || $0 == "," || $0 == " " || $0 == "[" || $0 == "=" || $0 == "(" })
                    .map { $0.uppercased() }.filter { FileRouteScanners.httpMethods.contains($0) }
                if !found.isEmpty { methods = found }
            }
        } else {
            methods = [method.uppercased()]
        }
        var deps: String?
        if let d = args.range(of: "dependencies") { deps = String(args[d.lowerBound...].prefix(160)) }
        let flaskPath = path.replacingOccurrences(of: "<int:", with: ":").replacingOccurrences(of: "<string:", with: ":")
            .replacingOccurrences(of: "<path:", with: "*").replacingOccurrences(of: "<", with: ":").replacingOccurrences(of: ">", with: "")
            .replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
        return (receiver, methods, flaskPath.isEmpty ? "/" : flaskPath, deps)
    }

    /// Module-level imports: local name → dotted module (`from .routers import auth` → auth: .routers.auth).
    static func imports(_ f: ScannedFile) -> [String: String] {
        var out: [String: String] = [:]
        for line in 1...max(1, f.lineCount) {
            let t = f.lineText(line).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("from "), let imp = t.range(of: " import ") {
                let module = String(t[t.index(t.startIndex, offsetBy: 5)..<imp.lowerBound]).trimmingCharacters(in: .whitespaces)
                for item in t[imp.upperBound...].replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "").split(separator: ",") {
                    let w = item.split(separator: " ").map(String.init)
                    guard let first = w.first else { continue }
                    let local = w.count == 3 && w[1] == "as" ? w[2] : first
                    out[local] = module + (module.hasSuffix(".") ? "" : ".") + first
                }
            } else if t.hasPrefix("import ") {
                for item in t.dropFirst(7).split(separator: ",") {
                    let w = item.split(separator: " ").map(String.init)
                    guard let first = w.first else { continue }
                    out[w.count == 3 && w[1] == "as" ? w[2] : first] = first
                }
            }
        }
        return out
    }

    /// The app file a dotted Python module refers to, relative to the importing file.
    static func resolve(_ module: String, from: String, in app: AppContext) -> ScannedFile? {
        var dir = from.split(separator: "/").dropLast().map(String.init)
        var m = Substring(module)
        var relative = false
        while m.hasPrefix(".") {
            if relative, !dir.isEmpty { dir.removeLast() }
            relative = true
            m = m.dropFirst()
        }
        let parts = m.split(separator: ".").map(String.init)
        var candidates: [[String]] = []
        if relative { candidates.append(dir + parts) } else {
            candidates.append(parts)
            candidates.append(dir + parts)
            if let top = from.split(separator: "/").first, from.contains("/") { candidates.append([String(top)] + parts) }
        }
        for c in candidates {
            var cur = c
            while !cur.isEmpty {
                let p = cur.joined(separator: "/")
                if let f = app.file(p + ".py") ?? app.file(p + "/__init__.py") { return f }
                cur.removeLast()
            }
        }
        return nil
    }

    /// Whether a Python block checks the caller's identity.
    static func checksIdentity(_ f: ScannedFile, _ span: Range<Int>) -> Bool {
        let checks = ["current_user", "session.get(", "session[", "get_jwt_identity(", "verify_jwt_in_request(", "jwt.decode(", "verify_id_token(",
                      "request.user", "g.user", "Authorization", "authorization", "abort(401", "status_code=401", "HTTP_401", "login_required"]
        return checks.contains { ByteNav.contains(f, $0, in: span, filter: .live) }
    }

    // MARK: - Django

    /// Routes of a Django `urls.py`, with views resolved to their functions or classes.
    static func django(_ f: ScannedFile, app: AppContext, prefix: String) -> [ServerRoute] {
        guard f.language == .python, f.path.hasSuffix("urls.py") else { return [] }
        var out: [ServerRoute] = []
        let imps = imports(f)
        let b = f.bytes
        for lit in ["path(", "re_path(", "url("] {
            for at in ByteNav.find(f, lit, in: 0..<b.count, wordStart: true) {
                if at > 0, b[at - 1] == 0x2E { continue }
                let args = ByteNav.callArgs(f, open: at + lit.utf8.count - 1)
                guard args.count >= 2, let raw = ByteNav.stringValue(f, args[0]) else { continue }
                let view = ByteNav.codeText(f, args[1])
                if view.hasPrefix("include(") { continue }
                var p = raw.replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "$", with: "")
                p = p.replacingOccurrences(of: "<int:", with: ":").replacingOccurrences(of: "<str:", with: ":").replacingOccurrences(of: "<slug:", with: ":")
                    .replacingOccurrences(of: "<uuid:", with: ":").replacingOccurrences(of: "<", with: ":").replacingOccurrences(of: ">", with: "")
                let url = JSRouteScanner.joinPath(prefix.isEmpty ? "/" : prefix, p)
                let name = view.replacingOccurrences(of: ".as_view()", with: "").split(separator: ".").last.map(String.init) ?? view
                var handlerFile = f
                var span = args[1]
                var mw: [ServerRoute.Middleware] = []
                var methods = ["ANY"]
                let moduleName = view.split(separator: ".").count > 1 ? String(view.split(separator: ".")[0]) : name
                if let mod = imps[moduleName], let vf = resolve(mod, from: f.path, in: app) {
                    if let fn = functions(vf).first(where: { $0.name == name }) {
                        handlerFile = vf
                        span = fn.span
                        for d in fn.decorators {
                            mw.append(.init(source: .route, text: "@" + JSRouteScanner.clip(d.text), path: vf.path, offset: d.offset))
                            let m = methodsFromDecorator(d.text)
                            if !m.isEmpty { methods = m }
                        }
                        if fn.params.contains("LoginRequiredMixin") || fn.params.contains("PermissionRequiredMixin") {
                            mw.append(.init(source: .route, text: "LoginRequiredMixin", path: vf.path, offset: fn.defOffset))
                        }
                        if ByteNav.contains(vf, "permission_classes", in: fn.span) {
                            let at = ByteNav.find(vf, "permission_classes", in: fn.span).first ?? fn.defOffset
                            let t = ByteNav.codeText(vf, at..<ByteNav.pythonLogicalLineEnd(vf, at))
                            if !t.contains("AllowAny") { mw.append(.init(source: .route, text: JSRouteScanner.clip(t), path: vf.path, offset: at)) }
                        }
                        let classMethods = ["get", "post", "put", "patch", "delete"].filter { ByteNav.contains(vf, "def \($0)(", in: fn.span, filter: .code) }
                        if !classMethods.isEmpty, methods == ["ANY"] { methods = classMethods.map { $0.uppercased() } }
                    }
                }
                out.append(ServerRoute(framework: .django, methods: methods, path: url, file: f.path, offset: at, handlerFile: handlerFile.path,
                                       handler: span, name: name, middleware: mw, guards: [], kinds: [], authAction: nil))
            }
        }
        return out
    }

    static func methodsFromDecorator(_ d: String) -> [String] {
        if d.hasPrefix("require_POST") { return ["POST"] }
        if d.hasPrefix("require_GET") || d.hasPrefix("require_safe") { return ["GET"] }
        if d.hasPrefix("require_http_methods") || d.hasPrefix("api_view") {
            return d.split(whereSeparator: { !$0.isLetter }).map { $0.uppercased() }.filter { FileRouteScanners.httpMethods.contains($0) }
        }
        return []
    }

    /// URL prefixes of included Django url modules: `path('api/', include('accounts.urls'))` → accounts/urls.py: /api.
    static func djangoPrefixes(_ app: AppContext) -> [String: String] {
        var out: [String: String] = [:]
        for f in app.files where f.language == .python && f.path.hasSuffix("urls.py") {
            for at in ByteNav.find(f, "include(", in: 0..<f.bytes.count, wordStart: true) {
                guard let mod = ByteNav.callArgs(f, open: at + 7).first.flatMap({ ByteNav.stringValue(f, $0) }) else { continue }
                let stmt = ByteNav.statementStart(f, at)
                let prefix = ByteNav.stringValues(f, stmt..<at).first ?? ""
                if let target = resolve(mod, from: f.path, in: app) { out[target.path] = "/" + prefix.replacingOccurrences(of: "^", with: "") }
            }
        }
        return out
    }
}
