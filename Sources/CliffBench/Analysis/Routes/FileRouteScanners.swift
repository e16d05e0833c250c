import Foundation

/// Routes whose path comes from the file system or the platform: Next.js app and pages routers,
/// server actions, Supabase edge functions and Firebase functions.
enum FileRouteScanners {
    static let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    // MARK: - Next.js app router

    /// `app/**/route.ts` → its URL path (`/api/users/:id`), or nil when the file is not a route handler.
    static func nextAppPath(_ path: String) -> String? {
        let comps = path.split(separator: "/").map(String.init)
        guard let last = comps.last, ["route.ts", "route.js", "route.tsx", "route.jsx", "route.mjs"].contains(last) else { return nil }
        guard let appIdx = comps.firstIndex(of: "app"), appIdx == 0 || appIdx == 1 && comps[0] == "src" else { return nil }
        let segs = comps[(appIdx + 1)..<(comps.count - 1)].compactMap(segment)
        return "/" + segs.joined(separator: "/")
    }

    /// A folder or file name as a URL segment: groups and slots vanish, `[id]` → `:id`, `[...x]` → `*x`.
    static func segment(_ s: String) -> String? {
        if s.hasPrefix("(") && s.hasSuffix(")") { return nil }
        if s.hasPrefix("@") { return nil }
        if s.hasPrefix("[[...") { return "*" + s.dropFirst(5).dropLast(2) }
        if s.hasPrefix("[...") { return "*" + s.dropFirst(4).dropLast(1) }
        if s.hasPrefix("[") && s.hasSuffix("]") { return ":" + s.dropFirst().dropLast() }
        return s
    }

    static func nextAppRoutes(_ f: ScannedFile) -> [ServerRoute] {
        guard let path = nextAppPath(f.path) else { return [] }
        var out: [ServerRoute] = []
        let b = f.bytes
        for at in ByteNav.find(f, "export", in: 0..<b.count, wordStart: true, wordEnd: true) {
            var i = ByteNav.skipTrivia(f, at + 6)
            var id = ByteNav.identifier(at: i, in: f)
            var word = f.string(id)
            if word == "async" { i = ByteNav.skipTrivia(f, id.upperBound); id = ByteNav.identifier(at: i, in: f); word = f.string(id) }
            if word == "function" || word == "const" || word == "let" || word == "var" {
                let nameAt = ByteNav.skipTrivia(f, id.upperBound)
                let nameR = ByteNav.identifier(at: nameAt, in: f)
                let name = f.string(nameR)
                guard httpMethods.contains(name) else { continue }
                var handler: Range<Int>
                var middleware: [ServerRoute.Middleware] = []
                if word == "function" {
                    handler = JSModules.functionBody(f, searchFrom: nameR.upperBound) ?? nameR
                } else {
                    guard let eq = ByteNav.find(f, "=", in: nameR.upperBound..<min(b.count, nameR.upperBound + 200)).first else { continue }
                    let rhs = ByteNav.skipTrivia(f, eq + 1)
                    handler = rhs..<ByteNav.statementEnd(f, rhs)
                    if JSRouteScanner.isCallExpression(f, handler) {
                        let callee = ByteNav.memberPath(startingAt: rhs, in: f).text
                        if AuthVocabulary.isGuardName(callee) {
                            middleware.append(.init(source: .wrapper, text: callee, path: f.path, offset: rhs))
                        }
                        if callee != "handler", let inner = JSRouteScanner.innerFunction(f, handler) { handler = inner }
                    }
                }
                out.append(ServerRoute(framework: .nextApp, methods: [name], path: path, file: f.path, offset: at, handlerFile: f.path,
                                       handler: handler, name: name, middleware: middleware, guards: [], kinds: [], authAction: nil))
            } else if b.count > i, b[i] == 0x7B, let close = ByteNav.matchingClose(f, i) {
                // `export { handler as GET, handler as POST }`
                for item in ByteNav.splitTopLevel(f, (i + 1)..<close, separator: 0x2C) {
                    let words = ByteNav.codeText(f, item).split(separator: " ").map(String.init)
                    guard words.count == 3, words[1] == "as", httpMethods.contains(words[2]) else { continue }
                    let handler = JSModules.definition(of: words[0], in: f) ?? item
                    out.append(ServerRoute(framework: .nextApp, methods: [words[2]], path: path, file: f.path, offset: at, handlerFile: f.path,
                                           handler: handler, name: words[0], middleware: [], guards: [], kinds: [], authAction: nil))
                }
            }
        }
        return out
    }

    // MARK: - Next.js pages router

    static func nextPagesPath(_ path: String) -> String? {
        var comps = path.split(separator: "/").map(String.init)
        guard let pagesIdx = comps.firstIndex(of: "pages"), pagesIdx == 0 || pagesIdx == 1 && comps[0] == "src",
              comps.count > pagesIdx + 2, comps[pagesIdx + 1] == "api" else { return nil }
        guard let last = comps.last, let dot = last.lastIndex(of: ".") else { return nil }
        let ext = last[last.index(after: dot)...]
        guard ["ts", "js", "tsx", "jsx", "mjs"].contains(String(ext)), !last.hasPrefix("_") else { return nil }
        let stem = String(last[..<dot])
        comps.removeLast()
        if stem != "index" { comps.append(stem) }
        let segs = comps[(pagesIdx + 1)...].compactMap(segment)
        return "/" + segs.joined(separator: "/")
    }

    static func nextPagesRoutes(_ f: ScannedFile) -> [ServerRoute] {
        guard let path = nextPagesPath(f.path) else { return [] }
        let b = f.bytes
        guard let at = ByteNav.find(f, "export default", in: 0..<b.count, wordStart: true).first else { return [] }
        let rhs = ByteNav.skipTrivia(f, at + 14)
        var handler = rhs..<ByteNav.statementEnd(f, rhs)
        var middleware: [ServerRoute.Middleware] = []
        var name: String?
        let first = f.string(ByteNav.identifier(at: rhs, in: f))
        if first == "function" || first == "async" {
            if let body = JSModules.functionBody(f, searchFrom: ByteNav.find(f, "(", in: rhs..<b.count).first ?? rhs) {
                handler = rhs..<body.upperBound
            }
            let words = ByteNav.codeText(f, rhs..<min(b.count, rhs + 80)).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
            name = words.first { $0 != "async" && $0 != "function" }.map(String.init)
        } else if JSRouteScanner.isCallExpression(f, handler) {
            let callee = ByteNav.memberPath(startingAt: rhs, in: f).text
            if AuthVocabulary.isGuardName(callee) { middleware.append(.init(source: .wrapper, text: callee, path: f.path, offset: rhs)) }
            if let inner = JSRouteScanner.innerFunction(f, handler) {
                handler = inner
            } else if let ref = JSRouteScanner.innerReference(f, handler), let def = JSModules.definition(of: ref, in: f) {
                handler = def
                name = ref
            }
        } else if JSRouteScanner.isPlainName(f, handler) {
            let ref = ByteNav.codeText(f, handler)
            name = ref
            if let def = JSModules.definition(of: ref, in: f) { handler = def }
        }
        let methods = methodsChecked(f, handler)
        return [ServerRoute(framework: .nextPages, methods: methods.isEmpty ? ["ANY"] : methods, path: path, file: f.path, offset: at,
                            handlerFile: f.path, handler: handler, name: name, middleware: middleware, guards: [], kinds: [], authAction: nil)]
    }

    /// Methods a handler branches on (`req.method === 'POST'`, `case 'POST':`, `if (req.method !== "POST") return`).
    static func methodsChecked(_ f: ScannedFile, _ range: Range<Int>) -> [String] {
        guard ByteNav.contains(f, "method", in: range) else { return [] }
        var out: [String] = []
        var k = ByteNav.regionIndex(f.regions, after: range.lowerBound)
        while k < f.regions.count, Int(f.regions[k].start) < range.upperBound {
            let reg = f.regions[k]
            k += 1
            let len = Int(reg.end) - Int(reg.start)
            // 'GET' … 'DELETE': short string literals only.
            guard reg.kind == .string, len >= 5, len <= 8, ByteClass.isAlpha(f.bytes[Int(reg.start) + 1]) else { continue }
            let v = f.string((Int(reg.start) + 1)..<(Int(reg.end) - 1))
            if httpMethods.contains(v) && v != "OPTIONS" && !out.contains(v) { out.append(v) }
        }
        return out
    }

    // MARK: - Server actions

    /// Whether a string literal in the file is exactly 'use server' (a file or function directive).
    static func mentionsUseServer(_ f: ScannedFile) -> Bool {
        let b = f.bytes
        let word: [UInt8] = Array("use server".utf8)
        for reg in f.regions where reg.kind == .string && Int(reg.end) - Int(reg.start) == 12 {
            let s = Int(reg.start) + 1
            if b[s] == 0x75, Array(b[s..<(s + 10)]) == word { return true }
        }
        return false
    }

    static func serverActions(_ f: ScannedFile) -> [ServerRoute] {
        guard f.language.isJSFamily else { return [] }
        var out: [ServerRoute] = []
        let b = f.bytes
        if FileRole.directive(b) == "use server" {
            for at in ByteNav.find(f, "export", in: 0..<b.count, wordStart: true, wordEnd: true) {
                var i = ByteNav.skipTrivia(f, at + 6)
                var id = ByteNav.identifier(at: i, in: f)
                var word = f.string(id)
                if word == "default" { i = ByteNav.skipTrivia(f, id.upperBound); id = ByteNav.identifier(at: i, in: f); word = f.string(id) }
                if word == "async" { i = ByteNav.skipTrivia(f, id.upperBound); id = ByteNav.identifier(at: i, in: f); word = f.string(id) }
                let nameR = ByteNav.identifier(at: ByteNav.skipTrivia(f, id.upperBound), in: f)
                let name = f.string(nameR)
                guard !name.isEmpty else { continue }
                var handler: Range<Int>?
                if word == "function" {
                    handler = JSModules.functionBody(f, searchFrom: nameR.upperBound)
                } else if word == "const" || word == "let" {
                    if let eq = ByteNav.find(f, "=", in: nameR.upperBound..<min(b.count, nameR.upperBound + 200)).first {
                        let rhs = ByteNav.skipTrivia(f, eq + 1)
                        handler = rhs..<ByteNav.statementEnd(f, rhs)
                    }
                }
                guard let h = handler else { continue }
                out.append(action(f, name: name, offset: at, handler: h))
            }
        }
        // Inline actions: `async function create(formData) { 'use server'; … }`.
        for o in ByteNav.find(f, "use server", in: 0..<b.count, filter: .string) where o > 1 {
            guard let reg = ByteNav.region(f, at: o), Int(reg.start) == o - 1, Int(reg.start) > 16 else { continue }
            guard let brace = ByteNav.prevSignificant(f, Int(reg.start)), b[brace] == 0x7B, let close = ByteNav.matchingClose(f, brace) else { continue }
            let head = ByteNav.codeText(f, max(0, brace - 200)..<brace)
            guard let fn = head.range(of: "function ", options: .backwards) else { continue }
            let name = String(head[fn.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !name.isEmpty else { continue }
            out.append(action(f, name: name, offset: brace, handler: brace..<(close + 1)))
        }
        return out
    }

    private static func action(_ f: ScannedFile, name: String, offset: Int, handler: Range<Int>) -> ServerRoute {
        ServerRoute(framework: .serverAction, methods: ["POST"], path: "action:" + name, file: f.path, offset: offset, handlerFile: f.path,
                    handler: handler, name: name, middleware: [], guards: [], kinds: [], authAction: nil)
    }

    // MARK: - Supabase edge functions

    /// `supabase/functions/<name>/index.ts` → `<name>` (shared folders starting with `_` excluded).
    static func edgeFunctionName(_ path: String) -> String? {
        let comps = path.split(separator: "/").map(String.init)
        guard let i = comps.firstIndex(of: "functions"), i > 0, comps[i - 1] == "supabase", comps.count == i + 3 else { return nil }
        let name = comps[i + 1]
        guard !name.hasPrefix("_"), comps[i + 2].hasPrefix("index.") else { return nil }
        return name
    }

    static func edgeFunction(_ f: ScannedFile) -> [ServerRoute] {
        guard let name = edgeFunctionName(f.path) else { return [] }
        let b = f.bytes
        var handler = 0..<b.count
        var offset = 0
        for lit in ["Deno.serve(", "serve("] {
            guard let at = ByteNav.find(f, lit, in: 0..<b.count, wordStart: true).first else { continue }
            if lit == "serve(", at > 0, b[at - 1] == 0x2E { continue }
            offset = at
            let open = at + lit.utf8.count - 1
            if let last = ByteNav.callArgs(f, open: open).last {
                if JSRouteScanner.isPlainName(f, last), let def = JSModules.definition(of: ByteNav.codeText(f, last), in: f) {
                    handler = def
                } else {
                    handler = last
                }
            }
            break
        }
        let methods = methodsChecked(f, handler).filter { $0 != "OPTIONS" }
        return [ServerRoute(framework: .supabaseEdge, methods: methods.isEmpty ? ["ANY"] : methods, path: "/functions/v1/" + name, file: f.path,
                            offset: offset, handlerFile: f.path, handler: handler, name: name, middleware: [], guards: [], kinds: [], authAction: nil)]
    }

    // MARK: - Firebase functions

    static func firebaseFunctions(_ f: ScannedFile) -> [ServerRoute] {
        guard f.language.isJSFamily, f.path.hasPrefix("functions/") || f.path.contains("/functions/") else { return [] }
        let b = f.bytes
        var out: [ServerRoute] = []
        for lit in ["onRequest(", "onCall("] {
            for at in ByteNav.find(f, lit, in: 0..<b.count, wordStart: true) {
                let open = at + lit.utf8.count - 1
                guard let last = ByteNav.callArgs(f, open: open).last else { continue }
                // `exports.api = functions.https.onRequest(app)`: the Express routes inside are the routes.
                if JSRouteScanner.isPlainName(f, last), !JSRouteScanner.isFunctionLiteral(f, last) {
                    let ref = ByteNav.codeText(f, last)
                    if ref == "app" || ref.hasSuffix("App") || ref.hasSuffix("app") || ref.hasSuffix("Router") { continue }
                }
                let stmt = ByteNav.statementStart(f, at)
                let head = ByteNav.codeText(f, stmt..<at)
                var name = "function"
                if let eq = head.firstIndex(of: "=") {
                    let lhs = head[..<eq].trimmingCharacters(in: .whitespaces)
                    name = lhs.split(whereSeparator: { $0 == " " || $0 == "." }).last.map(String.init) ?? name
                }
                out.append(ServerRoute(framework: .firebase, methods: lit == "onCall(" ? ["POST"] : ["ANY"], path: "/" + name, file: f.path,
                                       offset: stmt, handlerFile: f.path, handler: last, name: name, middleware: [], guards: [], kinds: [],
                                       authAction: nil))
            }
        }
        return out
    }

    // MARK: - Next.js middleware

    static func nextMiddleware(_ app: AppContext) -> NextMiddleware? {
        let candidates = ["middleware.ts", "middleware.js", "src/middleware.ts", "src/middleware.js", "proxy.ts", "src/proxy.ts"]
        guard let f = candidates.lazy.compactMap({ app.file($0) }).first else { return nil }
        let b = f.bytes
        var matchers: [String] = []
        if let m = ByteNav.find(f, "matcher", in: 0..<b.count, wordStart: true).first {
            let end = ByteNav.statementEnd(f, m)
            matchers = ByteNav.stringValues(f, m..<end).filter { $0.hasPrefix("/") }
        }
        let whole = 0..<b.count
        let authWords = ["auth(", "withAuth", "getToken(", "clerkMiddleware", "authMiddleware", "updateSession", ".auth.getUser(", "getSession(",
                         "next-auth/middleware", "auth.protect", "NextAuth(", "verifyToken", "jwtVerify(", "getServerSession", "betterFetch"]
        var evidence = authWords.first { ByteNav.contains(f, $0, in: whole, wordStart: true) }
        if evidence == nil, JSModules.mentionsModule(f, ["next-auth/middleware", "@clerk/nextjs/server", "@supabase/ssr", "@auth0/nextjs-auth0"]) != nil {
            evidence = "an auth library's middleware"
        }
        let limits = ["ratelimit", "rateLimit", "Ratelimit", "limiter"].contains { ByteNav.contains(f, $0, in: whole) }
        let headers = ["Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options"].contains {
            ByteNav.contains(f, $0, in: whole, filter: .string, caseInsensitive: true)
        }
        return NextMiddleware(path: f.path, matchers: matchers, authEvidence: evidence, rateLimits: limits, setsSecurityHeaders: headers)
    }
}

/// A Next.js `middleware.ts`: what it matches and whether it checks identity.
public struct NextMiddleware: Sendable, Hashable {
    public var path: String
    /// Matcher patterns; empty means every path.
    public var matchers: [String]
    /// The code that makes it an auth gate (`auth(`, `getToken(`, `updateSession`, `clerkMiddleware`), if any.
    public var authEvidence: String?
    /// Whether it applies a rate limit.
    public var rateLimits: Bool
    /// Whether it sets security headers.
    public var setsSecurityHeaders: Bool

    /// Whether a URL path is covered by the matchers.
    public func covers(_ url: String) -> Bool {
        if matchers.isEmpty { return true }
        return matchers.contains { Self.match($0, url) }
    }

    static func match(_ pattern: String, _ url: String) -> Bool {
        if pattern.contains("(?!") {
            // `/((?!api|_next/static|favicon.ico).*)`: everything except the listed prefixes.
            guard let s = pattern.range(of: "(?!"), let e = pattern[s.upperBound...].firstIndex(of: ")") else { return true }
            let excluded = pattern[s.upperBound..<e].split(separator: "|").map { String($0).replacingOccurrences(of: "\\", with: "") }
            let rel = url.hasPrefix("/") ? String(url.dropFirst()) : url
            return !excluded.contains { !$0.isEmpty && rel.hasPrefix($0.hasSuffix("$") ? String($0.dropLast()) : $0) }
        }
        var prefix = pattern
        for marker in ["/:path*", "/:path+", "/:path", ":path*", "(.*)", "/*", "*"] {
            if let r = prefix.range(of: marker) { prefix = String(prefix[..<r.lowerBound]) }
        }
        if prefix.isEmpty || prefix == "/" { return true }
        return url == prefix || url.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
    }
}

