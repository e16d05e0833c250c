import Foundation

/// G4.D7 (static part): security headers and CORS. A server app (Express, Fastify, Hono, Koa,
/// Next.js, Flask, FastAPI, Django) must set CSP/HSTS/frame-ancestors/nosniff somewhere: helmet,
/// @fastify/helmet, hono `secureHeaders`, koa-helmet, headers set by hand, next.config `headers()`,
/// Next middleware, `vercel.json`/`netlify.toml`/`_headers`/`firebase.json` header rules,
/// Flask-Talisman, Django's SecurityMiddleware; missing ones are a medium finding at the server
/// entry. A static SPA with no header config anywhere gets a low finding (its host decides).
/// CORS: `credentials: true` with `origin: '*'`, `origin: true` or an origin callback that allows
/// everything, or a hand-set `Access-Control-Allow-Origin` echoing the request's Origin next to
/// `Allow-Credentials: true`, is high (any site reads signed-in users' data). A wildcard origin on
/// authenticated routes without credentials is low: browsers send no cookies to it, and bearer
/// tokens never reach another origin, so it is hygiene rather than an exploit. Not measured when the
/// app has neither a server nor a web front end.
public struct TransportHeadersCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.D7", slug: "transport-headers", kind: .diagnostic, methods: "S,R",
        measures: "CSP, HSTS, frame-ancestors, nosniff; CORS `*` with credentials",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("server/index.js", """
                const express = require('express');
                const cors = require('cors');
                const app = ↓express();
                app.use(↓cors({ origin: '*', credentials: true }));
                app.get('/api/me', requireAuth, (req, res) => res.json(req.user));
                app.listen(3000);
                """, note: "no security headers, wildcard CORS with credentials"),
            CollectorExample("server/app.ts", """
                import express from 'express';
                import helmet from 'helmet';
                const app = express();
                app.use(helmet());
                app.use((req, res, next) => {
                  ↓res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
                  res.setHeader('Access-Control-Allow-Credentials', 'true');
                  next();
                });
                """, note: "reflected origin with credentials"),
            CollectorExample([
                "next.config.mjs": "export default { reactStrictMode: true };\n",
                "app/api/posts/route.ts": "export async function GET() { return Response.json([]); }\n",
            ], note: "a Next.js app without any security headers (app-level finding)"),
            CollectorExample([
                "index.html": "<!doctype html><html><body><div id=\"root\"></div><script type=\"module\" src=\"/src/main.tsx\"></script></body></html>\n",
                "src/main.tsx": "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<App />);\n",
                "package.json": "{ \"scripts\": { \"build\": \"vite build\" } }\n",
            ], note: "a static SPA with no CSP anywhere (low)"),
            CollectorExample([
                "package.json": "{ \"scripts\": { \"dev\": \"tsx server/index.ts\" } }\n",
                "screenshot-server.js": "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('shots'));\napp.listen(3333);\n",
                "server/index.ts": "import express from 'express';\nconst app = ↓express();\napp.use(express.static('dist'));\napp.listen(3000);\n",
            ], note: "the finding goes to the server package.json starts, not a helper server that sorts first"),
        ],
        nonTriggering: [
            CollectorExample([
                "docs/SECURITY.md": "Never write `cors({ origin: '*', credentials: true })`.\n",
                "server/index.ts": "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\n",
            ], note: "the bad pattern only in docs"),
            CollectorExample("server/index.ts", """
                import express from 'express';
                import helmet from 'helmet';
                import cors from 'cors';
                const app = express();
                app.use(helmet());
                app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
                app.get('/api/me', requireAuth, (req, res) => res.json(req.user));
                """, note: "helmet and an allow-listed origin"),
            CollectorExample([
                "next.config.js": """
                    module.exports = { async headers() { return [{ source: '/(.*)', headers: [
                      { key: 'Content-Security-Policy', value: "default-src 'self'; frame-ancestors 'none'" },
                      { key: 'Strict-Transport-Security', value: 'max-age=63072000' },
                      { key: 'X-Content-Type-Options', value: 'nosniff' } ] }]; } };
                    """,
                "app/api/posts/route.ts": "export async function GET() { return Response.json([]); }\n",
            ], note: "next.config headers()"),
            CollectorExample([
                "index.html": "<!doctype html><html><body><div id=\"root\"></div></body></html>\n",
                "vercel.json": "{ \"headers\": [{ \"source\": \"/(.*)\", \"headers\": [{ \"key\": \"Content-Security-Policy\", \"value\": \"default-src 'self'\" }, { \"key\": \"X-Frame-Options\", \"value\": \"DENY\" }] }] }\n",
                "src/main.tsx": "createRoot(document.getElementById('root')!).render(<App />);\n",
            ], note: "SPA with host header rules"),
            CollectorExample("app.py", """
                from flask import Flask
                from flask_talisman import Talisman
                app = Flask(__name__)
                Talisman(app, content_security_policy={"default-src": "'self'"})
                """, note: "Flask-Talisman"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G4.D7/cors", literals: ["cors(", "CORS(", "Access-Control-Allow-Origin", "access-control-allow-origin", "allow_origins", "CORS_ALLOW_ALL", "CORS_ORIGIN_ALLOW_ALL"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .python, .json, .toml, .text],
                        regexEquivalent: #"cors\(\{[^}]*origin:\s*('\*'|true)[^}]*credentials:\s*true|Access-Control-Allow-Origin['"]?\s*[,:]\s*(req\.headers\.origin|origin|['"]\*['"])|allow_origins\s*=\s*\[\s*['"]\*['"]|CORS_(ORIGIN_)?ALLOW_ALL"#),
            PatternRule(id: "G4.D7/headers", literals: ["helmet", "secureHeaders", "Content-Security-Policy", "content-security-policy", "Strict-Transport-Security",
                                                       "X-Frame-Options", "frame-ancestors", "Talisman", "SecurityMiddleware", "SECURE_HSTS_SECONDS", "X-Content-Type-Options"],
                        regions: .live,
                        regexEquivalent: #"helmet|secureHeaders|Content-Security-Policy|Strict-Transport-Security|X-Frame-Options|frame-ancestors|Talisman|SecurityMiddleware|SECURE_HSTS_SECONDS|X-Content-Type-Options"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = ServerRoutes.build(app)
        let hasHTML = app.files.contains { $0.language == .html && $0.role != .test && $0.role != .docs && !$0.path.contains("/") || $0.path.hasSuffix("index.html") }
        let nodeEntries = model.serverEntries.filter { [.express, .fastify, .hono, .koa].contains($0.framework) }
        let isNext = app.files.contains { $0.path.split(separator: "/").last.map { $0.hasPrefix("next.config.") } ?? false }
            || model.routes.contains { $0.framework == .nextApp || $0.framework == .nextPages }
        let pyEntries = model.serverEntries.filter { $0.framework.isPython }
        guard hasHTML || !nodeEntries.isEmpty || isNext || !pyEntries.isEmpty || !model.routes.isEmpty else {
            return .notMeasured(d.id, "the app has neither an HTTP server nor a web front end whose headers could be checked")
        }
        var findings: [Finding] = []
        let headerHits = app.hits("G4.D7/headers").filter { h in h.file.role != .test && h.file.role != .docs && !h.file.path.hasSuffix(".md") }
        func configured(in files: [ScannedFile]) -> String? {
            for (f, hit) in headerHits where files.isEmpty || files.contains(where: { $0.path == f.path }) {
                let off = Int(hit.offset)
                let lit = f.string(off..<(off + Int(hit.length)))
                if lit == "helmet" && f.language.isJSFamily && JSModules.mentionsModule(f, ["helmet", "@fastify/helmet", "koa-helmet", "@hono/helmet"]) == nil { continue }
                if lit == "SecurityMiddleware" && !f.path.hasSuffix("settings.py") { continue }
                return "\(lit) in \(f.path)"
            }
            return nil
        }
        let hostConfig = hostHeaderConfig(app)
        let nm = model.nextMiddleware
        var basis = "none"
        if let entry = mainEntry(nodeEntries, app, model), let f = app.file(entry.path) {
            if let c = configured(in: app.files.filter { $0.language.isJSFamily && $0.role != .test }) ?? hostConfig {
                basis = c
            } else {
                let servesPages = app.files.contains { g in
                    g.language.isJSFamily && g.role != .test && ["express.static(", "sendFile(", "res.render(", "serveStatic(", "setupVite(", "@fastify/static", "serveStatic"]
                        .contains { ByteNav.contains(g, $0, in: 0..<g.bytes.count) }
                }
                findings.append(Finding.at(d, rule: "no-security-headers", file: f, offset: entry.offset, severity: servesPages ? .medium : .low,
                                           message: "This \(entry.framework.rawValue) server\(servesPages ? " (which also serves the web pages)" : ", a JSON API,") sends no security headers: no Content-Security-Policy (the main brake on XSS), no HSTS (first visits can be downgraded to HTTP), no frame-ancestors/X-Frame-Options (clickjacking), no nosniff. Add `app.use(helmet())` (or @fastify/helmet / hono secureHeaders) and tune its CSP."))
            }
        } else if isNext {
            if let c = configured(in: app.files.filter { ($0.path.split(separator: "/").last.map { $0.hasPrefix("next.config.") } ?? false) || $0.path == nm?.path })
                ?? hostConfig ?? (nm?.setsSecurityHeaders == true ? nm?.path : nil) {
                basis = c
            } else {
                let cfg = app.files.first { $0.path.split(separator: "/").count == 1 && $0.path.hasPrefix("next.config.") }
                findings.append(app.appFinding(d, rule: "no-security-headers", path: cfg?.path, severity: .medium,
                                               message: "The Next.js app sets no security headers: no Content-Security-Policy, HSTS, frame-ancestors or nosniff in next.config.js headers(), middleware or vercel.json. Next sends none by default. Add an `async headers()` block (CSP with frame-ancestors 'none', Strict-Transport-Security, X-Content-Type-Options: nosniff)."))
            }
        } else if let entry = pyEntries.first, let f = app.file(entry.path) {
            if let c = configured(in: app.files.filter { $0.language == .python }) ?? hostConfig {
                basis = c
            } else {
                let fix = entry.framework == .django ? "add 'django.middleware.security.SecurityMiddleware' with SECURE_HSTS_SECONDS, SECURE_CONTENT_TYPE_NOSNIFF and a CSP (django-csp)"
                    : entry.framework == .flask ? "wrap the app with Flask-Talisman" : "add a middleware that sets them (e.g. the `secure` package)"
                let servesPages = entry.framework == .django || app.files.contains { g in
                    g.language == .python && g.role != .test && ["render_template", "TemplateResponse", "HTMLResponse", "StaticFiles", "send_from_directory", "Jinja2Templates"]
                        .contains { ByteNav.contains(g, $0, in: 0..<g.bytes.count) }
                }
                findings.append(Finding.at(d, rule: "no-security-headers", file: f, offset: entry.offset, severity: servesPages ? .medium : .low,
                                           message: "This \(entry.framework.rawValue) app\(servesPages ? "" : " (a JSON API)") sets no security headers (CSP, HSTS, frame-ancestors, nosniff), so XSS, protocol downgrade and clickjacking have no second line of defence. To fix, \(fix)."))
            }
        } else if hasHTML {
            if let c = hostConfig {
                basis = c
            } else {
                let index = app.files.first { $0.path == "index.html" || $0.path.hasSuffix("/index.html") }
                findings.append(app.appFinding(d, rule: "no-csp-static", path: index?.path, severity: .low,
                                               message: "The static front end has no Content-Security-Policy or other security headers in any host config (vercel.json, netlify.toml, public/_headers, firebase.json) or a CSP meta tag. The host's defaults apply, which usually means no CSP. Add header rules for CSP, frame-ancestors and nosniff where the app is deployed."))
            }
        }

        // CORS
        var corsSites = 0
        let authenticated = model.routes.contains { $0.isGuarded }
        var wildcardReported = Set<String>()
        for (f, hit) in app.hits("G4.D7/cors") where ShippedCode.isShippedCode(f) || f.language == .json || f.language == .toml || f.path.hasSuffix("settings.py") {
            corsSites += 1
            if let x = corsFinding(f, Int(hit.offset), Int(hit.length), authenticated: authenticated, model: model, wildcardReported: &wildcardReported) {
                findings.append(x)
            }
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.rule)").inserted }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("server kind", nodeEntries.first.map { $0.framework.rawValue } ?? (isNext ? "next" : pyEntries.first?.framework.rawValue ?? "static")),
                                       Evidence("security headers from", basis), Evidence("CORS settings", corsSites), Evidence("problems", findings.count)])
    }

    /// Header rules in host configs: vercel.json, netlify.toml, _headers, firebase.json, staticwebapp.config.json, a CSP meta tag.
    private func hostHeaderConfig(_ app: AppContext) -> String? {
        for f in app.files where f.role != .test && f.role != .docs {
            let name = f.path.split(separator: "/").last.map(String.init) ?? f.path
            let all = 0..<f.bytes.count
            let relevant = ["Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options", "frame-ancestors"]
            switch name {
            case "vercel.json", "netlify.toml", "_headers", "firebase.json", "staticwebapp.config.json", "nginx.conf", "Caddyfile", "render.yaml":
                if let r = relevant.first(where: { ByteNav.contains(f, $0, in: all, filter: .any, caseInsensitive: true) }) { return "\(r) in \(f.path)" }
            case "index.html":
                if ByteNav.contains(f, "Content-Security-Policy", in: all, filter: .any, caseInsensitive: true) { return "CSP meta tag in \(f.path)" }
            default: break
            }
        }
        return nil
    }

    private func corsFinding(_ f: ScannedFile, _ off: Int, _ len: Int, authenticated: Bool, model: ServerRoutes, wildcardReported: inout Set<String>) -> Finding? {
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        switch lit {
        case "cors(", "CORS(":
            guard f.kind(at: off) == .code, off == 0 || !ByteClass.isIdentifier(b[off - 1]) else { return nil }
            let args = ByteNav.callArgs(f, open: off + len - 1)
            var opts = ""
            if f.language == .python {
                opts = args.map { ByteNav.codeText(f, $0) }.joined(separator: ",").replacingOccurrences(of: " ", with: "")
                let creds = opts.contains("supports_credentials=True")
                let anyOrigin = !opts.contains("origins=") || opts.contains("origins=\"*\"") || opts.contains("origins='*'")
                if creds && anyOrigin {
                    return Finding.at(descriptor, rule: "cors-credentials-any-origin", file: f, offset: off, severity: .high,
                                      message: "Flask-CORS allows every origin with supports_credentials=True, so any website can make signed-in users' browsers call the API and read the answers. List the app's own origins in `origins=`.")
                }
                return nil
            }
            if let a = args.first {
                opts = ByteNav.codeText(f, a)
                if JSRouteScanner.isPlainName(f, a), let def = JSModules.definition(of: opts, in: f) { opts = ByteNav.codeText(f, def) }
            }
            let o = opts.replacingOccurrences(of: " ", with: "")
            let creds = o.contains("credentials:true")
            let anyOrigin = o.contains("origin:'*'") || o.contains("origin:\"*\"") || o.contains("origin:true") || o.contains("callback(null,true)")
                || o.contains("cb(null,true)") || o.contains("callback(null,origin)") || o.contains("cb(null,origin)")
            if creds && anyOrigin {
                return Finding.at(descriptor, rule: "cors-credentials-any-origin", file: f, offset: off, severity: .high,
                                  message: "CORS accepts any origin (`\(JSRouteScanner.clip(opts))`) together with `credentials: true`. The cors package then echoes each caller's Origin with Allow-Credentials, so any website a signed-in user visits can call the API with their cookies and read the responses. Allow-list the app's own origins.")
            }
            if !creds && (args.isEmpty || o.contains("origin:'*'") || o.contains("origin:\"*\"")) && authenticated && wildcardReported.insert(f.path).inserted {
                return Finding.at(descriptor, rule: "cors-wildcard", file: f, offset: off, severity: .low,
                                  message: "CORS allows every origin (`Access-Control-Allow-Origin: *`) on an API that has authenticated routes. Browsers send no cookies to a wildcard origin and bearer tokens stay with their own site, so this is not an exploit by itself, but it opens every response to any page and turns into one the day credentials are added. Allow-list the app's origins.")
            }
            return nil
        case "Access-Control-Allow-Origin", "access-control-allow-origin":
            // `'Access-Control-Allow-Origin': '*'` or `setHeader('Access-Control-Allow-Origin', req.headers.origin)`
            guard let reg = ByteNav.region(f, at: off), reg.kind == .string || f.language == .toml || f.language == .text else { return nil }
            let after = ByteNav.skipTrivia(f, Int(reg.end))
            guard after < b.count, b[after] == 0x3A || b[after] == 0x2C || b[after] == 0x3D else { return nil }
            let v = ByteNav.skipTrivia(f, after + 1)
            let vEnd = ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            let value = ByteNav.codeText(f, v..<vEnd)
            let star = value == "'*'" || value == "\"*\"" || value == "*"
            let near = max(0, off - 2000)..<min(b.count, off + 2000)
            let creds = ByteNav.contains(f, "Access-Control-Allow-Credentials", in: near, filter: .any, caseInsensitive: true)
                && ByteNav.codeText(f, near).contains("true")
            let reflects = value.contains("origin") && !value.contains("allowed") && !value.contains("ALLOWED") && !value.contains("?")
                && !ByteNav.contains(f, "includes(origin", in: max(0, off - 600)..<off) && !ByteNav.contains(f, "allowedOrigins", in: max(0, off - 600)..<off)
            if reflects && creds {
                return Finding.at(descriptor, rule: "cors-credentials-any-origin", file: f, offset: ByteNav.statementStart(f, off) == off ? off : lineStart(f, off),
                                  severity: .high,
                                  message: "The request's Origin is echoed into Access-Control-Allow-Origin with Allow-Credentials: true and no allow-list, so every website can call this API with the user's cookies and read the answers. Compare the Origin against a fixed list first.")
            }
            guard star, !creds else { return nil }
            // Supabase edge functions and other token APIs: one low finding per definition site when routes check identity.
            let guardedHere = model.routes.contains { ($0.file == f.path || $0.file.hasPrefix(dirOf(f.path))) && $0.isGuarded }
                || f.path.contains("_shared") && model.routes.contains { $0.framework == .supabaseEdge && $0.isGuarded }
            let key = f.path.contains("supabase/functions/") ? "supabase-functions" : f.path
            guard guardedHere, wildcardReported.insert(key).inserted else { return nil }
            let scope = key == "supabase-functions" ? "The edge functions answer" : "This endpoint answers"
            return Finding.at(descriptor, rule: "cors-wildcard", file: f, offset: Int(reg.start), severity: .low,
                              message: "\(scope) with `Access-Control-Allow-Origin: *` although they check the caller's identity. With bearer tokens this is not exploitable by itself (another site never has the user's token), but it lets any page call them and read their errors; allow-list the app's origin instead.")
        case "allow_origins":
            guard f.language == .python else { return nil }
            let stmtEnd = ByteNav.pythonLogicalLineEnd(f, off)
            let text = ByteNav.codeText(f, ByteNav.statementStart(f, off)..<stmtEnd) + ByteNav.codeText(f, off..<min(b.count, off + 600))
            let t = text.replacingOccurrences(of: " ", with: "")
            if (t.contains("allow_origins=[\"*\"]") || t.contains("allow_origins=['*']")) && t.contains("allow_credentials=True") {
                return Finding.at(descriptor, rule: "cors-credentials-any-origin", file: f, offset: off, severity: .high,
                                  message: "CORSMiddleware allows every origin with allow_credentials=True; Starlette then reflects any Origin with credentials, so any website can call the API as the signed-in user. List the app's origins instead of \"*\".")
            }
            return nil
        case "CORS_ALLOW_ALL", "CORS_ORIGIN_ALLOW_ALL":
            guard f.language == .python else { return nil }
            let line = f.lineText(at: off).replacingOccurrences(of: " ", with: "")
            guard line.contains("=True") else { return nil }
            let all = 0..<b.count
            if ByteNav.contains(f, "CORS_ALLOW_CREDENTIALS", in: all), ByteNav.contains(f, "CORS_ALLOW_CREDENTIALS = True", in: all) || ByteNav.contains(f, "CORS_ALLOW_CREDENTIALS=True", in: all) {
                return Finding.at(descriptor, rule: "cors-credentials-any-origin", file: f, offset: off, severity: .high,
                                  message: "django-cors-headers allows all origins together with CORS_ALLOW_CREDENTIALS = True, so any website can read signed-in users' API responses. Use CORS_ALLOWED_ORIGINS.")
            }
            return nil
        default:
            return nil
        }
    }

    /// The server the app runs: the entry its package.json scripts start, else one beside route files, else the first.
    /// A helper server (`screenshot-server.js`) sorting before `server/index.ts` is not the app.
    private func mainEntry(_ entries: [ServerRoutes.ServerEntry], _ app: AppContext, _ model: ServerRoutes) -> ServerRoutes.ServerEntry? {
        guard entries.count > 1 else { return entries.first }
        let pkg = app.file("package.json").map { $0.text } ?? ""
        func rank(_ e: ServerRoutes.ServerEntry) -> Int {
            let stem = e.path.split(separator: ".").dropLast().joined(separator: ".")
            if !stem.isEmpty, pkg.contains(stem) { return 2 }
            let dir = dirOf(e.path)
            return !dir.isEmpty && model.routes.contains { $0.file.hasPrefix(dir + "/") } ? 1 : 0
        }
        let best = entries.map(rank).max() ?? 0
        return entries.first { rank($0) == best }
    }

    private func lineStart(_ f: ScannedFile, _ off: Int) -> Int {
        let r = f.lineRange(f.location(of: off).line)
        return ByteNav.skipTrivia(f, r.lowerBound)
    }

    private func dirOf(_ path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return "" }
        return String(path[..<i])
    }
}
