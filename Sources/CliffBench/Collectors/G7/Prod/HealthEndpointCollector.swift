import Foundation

/// G7.D1 (static part): a health/readiness route on the app's own server. Recognises route
/// registrations whose path is /health, /healthz, /healthcheck, /ready(z), /readiness, /live(z),
/// /liveness, /status or /ping (optionally under /api or /api/v1) in Express/Fastify/Hono/Koa/NestJS
/// (`app.get('/health', …)`, `@Get('health')`, `url: '/health'`), FastAPI/Flask/Django
/// (`@app.get("/health")`, `path('health/', …)`), and file-based routes (Next.js
/// `app/api/health/route.ts`, `pages/api/health.ts`, SvelteKit `+server.ts`, Nuxt `server/api/`,
/// Remix `routes/`). A handler that pings the database or another dependency scores 100; a
/// constant 200 in an app that has a database scores 70 with a low finding. An app with a server
/// and no health route is a medium finding (value 0). A static SPA, or a backend made only of
/// hosted functions, has no server of its own: not measured.
public struct HealthEndpointCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D1", slug: "health-endpoint", kind: .diagnostic, methods: "S,R",
        measures: "a health/readiness endpoint that answers",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("index.js", """
                const express = require('express')
                const app = express()
                app.get('/api/todos', (req, res) => res.json([]))
                app.↓listen(3000)
                """, note: "an Express server with no health route"),
            CollectorExample([
                "server/app.ts": """
                    import express from 'express'
                    import { Pool } from 'pg'
                    const pool = new Pool()
                    export const app = express()
                    app.get(↓'/healthz', (_req, res) => res.send('ok'))
                    app.get('/api/items', async (_req, res) => res.json((await pool.query('select * from items')).rows))
                    app.listen(3000)
                    """,
            ], note: "a constant 200 although the app depends on Postgres"),
            CollectorExample([
                "package.json": #"{"dependencies":{"next":"14.2.15","@prisma/client":"5.20.0"}}"#,
                "app/api/tickets/route.ts": "import { prisma } from '@/lib/db'\nexport async function GET() { return Response.json(await prisma.ticket.findMany()) }\n",
                "lib/db.ts": "import { PrismaClient } from '@prisma/client'\nexport const prisma = new PrismaClient()\n",
            ], note: "a Next.js app with API routes and no health route"),
        ],
        nonTriggering: [
            CollectorExample("server/app.ts", """
                import express from 'express'
                import { Pool } from 'pg'
                const pool = new Pool()
                const app = express()
                app.get('/health', async (_req, res) => {
                  try { await pool.query('select 1'); res.json({ status: 'ok' }) } catch { res.status(503).json({ status: 'down' }) }
                })
                app.listen(Number(process.env.PORT))
                """, note: "health route that checks the database"),
            CollectorExample([
                "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/api/health\")\ndef health():\n    return {\"status\": \"ok\"}\n",
                "requirements.txt": "fastapi\nuvicorn\n",
            ], note: "FastAPI liveness route in an app without a database"),
            CollectorExample([
                "package.json": #"{"dependencies":{"react":"18.3.1","vite":"5.4.1"}}"#,
                "src/api.ts": "export const ping = () => fetch('/api/health')\n",
                "src/App.tsx": "export default function App() { return <main>Hello</main> }\n",
            ], note: "a static SPA that calls someone else's health route: no server of its own"),
            CollectorExample([
                "package.json": #"{"dependencies":{"next":"14.2.15","@prisma/client":"5.20.0"}}"#,
                "app/api/health/route.ts": "import { prisma } from '@/lib/db'\nexport async function GET() {\n  await prisma.$queryRaw`SELECT 1`\n  return Response.json({ ok: true })\n}\n",
                "lib/db.ts": "import { PrismaClient } from '@prisma/client'\nexport const prisma = new PrismaClient()\n",
                "tests/health.test.ts": "it('answers', async () => { await request(app).get('/status') })\n",
            ], note: "Next.js file-based health route with a database check; the test's path does not count"),
        ])

    public var rules: [PatternRule] {
        [PatternRule(id: "G7.D1/path", literals: ["health", "ready", "/live", "/status", "/ping"], caseSensitive: false, regions: .string,
                     languages: [.javascript, .jsx, .typescript, .tsx, .python],
                     regexEquivalent: #"(\.(get|all|head|route|use)\(|@(app|router|api)\.(get|route|api_route)\(|path\(|@Get\(|@Controller\(|url:\s*)\s*['"](/?(api/)?(v\d/)?)?(health|healthz|healthcheck|health-check|_health|ready|readyz|readiness|live|livez|liveness|status|ping)/?['"]"#)]
    }

    static let healthNames: Set<String> = ["health", "healthz", "healthcheck", "health-check", "_health", "ready", "readyz", "readiness", "live",
                                           "livez", "liveness", "status", "ping", "_status", "heartbeat"]

    private static let dependencyChecks = ProdNeedles(caseInsensitive: true, [
        "ping(", ".query(", "$queryRaw", "$queryrawunsafe", "select 1", ".raw(", ".execute(", ".from(", "prisma.", "db.", "pool.", "knex",
        "authenticate(", "mongoose.connection", "readyState", "redis.", ".command(", "checkDatabase", "checkDb", "dbOk", "isConnected",
        "healthCheck(", "sql`", "session.execute", "engine.connect", "connection.cursor", "repo.", ".count(", "supabase.", "getConnection",
        ".connect(", "fetch(", ".ping", "ready()", "$connect",
    ])

    private struct Route {
        var file: ScannedFile
        var offset: Int
        var path: String
        var checksDependency: Bool
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard profile.hasLongRunningServer || profile.hasFrameworkServer else {
            if !profile.functionFiles.isEmpty {
                return .notMeasured(d.id, "no server of its own: the backend runs as hosted functions (\(Self.functionPlatforms(profile))) whose platform does the health checking")
            }
            return .notMeasured(d.id, "no server of its own (a static front end or a library)")
        }
        var routes: [Route] = []
        for (f, hit) in app.hits("G7.D1/path") where profile.serverSide.contains(f.path) && ProdAppProfile.isShipped(f) {
            guard let ri = ProdText.regionIndex(f, containing: Int(hit.offset)) else { continue }
            let r = f.regions[ri]
            if routes.contains(where: { $0.file.path == f.path && $0.offset == Int(r.start) }) { continue }
            let raw = ProdText.stringContent(f, region: r)
            guard let name = Self.healthName(raw) else { continue }
            guard let handler = registration(f, stringStart: Int(r.start), stringEnd: Int(r.end)) else { continue }
            routes.append(Route(file: f, offset: Int(r.start), path: "/" + name, checksDependency: checks(f, handler)))
        }
        for f in profile.programFiles where profile.serverSide.contains(f.path) || f.role == .server {
            guard let name = fileRouteName(f.path) else { continue }
            let body = 0..<f.bytes.count
            routes.append(Route(file: f, offset: 0, path: "/" + name + " (file route \(f.path))", checksDependency: checks(f, body)))
        }

        var evidence: [Evidence] = [Evidence("server", (profile.serverStarts.map(\.kind) + profile.frameworks).prodUniqued().joined(separator: ", "))]
        for f in app.files where f.language == .dockerfile {
            if let o = f.find("HEALTHCHECK", in: .code).first { evidence.append(Evidence("Docker HEALTHCHECK", Finding.clip(f.lineText(at: o)))) }
        }
        if let h = app.info.manifest?.runtime?.health { evidence.append(Evidence("harness health probe (cliffbench.toml, not counted)", h)) }
        evidence.append(Evidence("health routes", routes.isEmpty ? "none" : routes.map { "\($0.path) at \($0.file.path):\($0.file.location(of: $0.offset).line)\($0.checksDependency ? " (checks a dependency)" : " (constant)")" }.joined(separator: "; ")))

        guard !routes.isEmpty else {
            let finding: Finding
            if let s = profile.serverStarts.first, let f = profile.file(s.path) {
                finding = Finding.at(d, rule: "no-health-route", file: f, offset: s.offset,
                    message: "This \(s.kind) server has no health or readiness route (/health, /healthz, /ready). A load balancer or orchestrator cannot tell a hung or half-started instance from a healthy one, so it keeps sending traffic to it. Add GET /health that checks the database and returns 503 when a dependency is down.")
            } else {
                finding = app.appFinding(d, rule: "no-health-route", path: profile.rootPackage?.path,
                    message: "The \(profile.frameworks.joined(separator: "/")) app serves API routes but has no health route (e.g. app/api/health/route.ts). Add one that checks the database, so the platform's health checks and uptime monitors can detect a broken deployment.")
            }
            return MetricResult(metricID: d.id, value: .measured(0), findings: [finding], evidence: evidence)
        }
        if routes.contains(where: \.checksDependency) || profile.realStores.isEmpty {
            if profile.realStores.isEmpty { evidence.append(Evidence("dependencies to check", "none (no database)")) }
            return MetricResult(metricID: d.id, value: .measured(100), evidence: evidence)
        }
        let r = routes[0]
        let f = Finding.at(d, rule: "health-constant", file: r.file, offset: r.offset, severity: .low,
            message: "\(r.path) answers a constant 200 without touching the database (\(profile.realStores.map(\.name).prodUniqued().joined(separator: ", "))), so the instance reports healthy while every real request fails. Run a cheap query (`SELECT 1`) and return 503 when it fails (keep a separate constant liveness route if you need one).")
        return MetricResult(metricID: d.id, value: .measured(70), findings: [f], evidence: evidence)
    }

    /// The health name of a route path such as "/api/v1/healthz/" → "healthz", or nil.
    static func healthName(_ raw: String) -> String? {
        var parts = raw.lowercased().split(separator: "/").map(String.init)
        guard parts.count >= 1, parts.count <= 3, !raw.contains(" "), !raw.contains(":"), !raw.contains(".") else { return nil }
        let last = parts.removeLast()
        guard healthNames.contains(last) else { return nil }
        for p in parts where !(p == "api" || p == "_" || (p.hasPrefix("v") && p.dropFirst().allSatisfy(\.isNumber)) || p == "internal" || p == "system") { return nil }
        return (parts + [last]).joined(separator: "/")
    }

    /// The handler range when the string is the path argument of a route registration.
    private func registration(_ f: ScannedFile, stringStart: Int, stringEnd: Int) -> Range<Int>? {
        let b = f.bytes
        let p = ProdText.prevNonSpace(b, before: stringStart)
        guard p >= 0 else { return nil }
        if b[p] == 0x3A {
            let key = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: p)).name
            guard key == "url" || key == "path", let open = ProdText.enclosingOpen(f, before: p, brackets: [0x7B]),
                  let close = ProdText.matchingClose(f, open: open) else { return nil }
            return open..<close
        }
        guard b[p] == 0x28 else { return nil }
        let callee = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: p)).name
        let routeCalls: Set<String> = ["get", "all", "head", "route", "use", "path", "re_path", "url", "Get", "Controller", "add_url_rule",
                                       "api_route", "add_api_route", "on", "options", "HealthCheck"]
        guard routeCalls.contains(callee) else { return nil }
        guard let close = ProdText.matchingClose(f, open: p) else { return nil }
        if f.language == .python {
            let line = f.location(of: p).line
            let startLine = f.lineRange(line)
            let indent = startLine.lowerBound < b.count ? ProdText.skipSpace(b, from: startLine.lowerBound) - startLine.lowerBound : 0
            var end = startLine.upperBound
            var l = line + 1
            var sawDef = false
            while l <= f.lineCount {
                let r = f.lineRange(l)
                let s = ProdText.skipSpace(b, from: r.lowerBound)
                if s < r.upperBound {
                    let ind = s - r.lowerBound
                    if ind <= indent && sawDef && b[s] != 0x40 && b[s] != 0x29 { break }
                    if f.string(s..<min(r.upperBound, s + 4)).hasPrefix("def") || f.string(s..<min(r.upperBound, s + 10)).hasPrefix("async def") { sawDef = true }
                }
                end = r.upperBound
                l += 1
                if l - line > 60 { break }
            }
            return p..<max(close, end)
        }
        if callee == "Controller" { return p..<min(b.count, close + 3000) }
        if callee == "Get" {
            let tail = min(b.count, close + 1500)
            return p..<tail
        }
        var range = p..<close
        let inner = f.string((stringEnd)..<close)
        if !inner.contains("=>") && !inner.contains("function") && !inner.contains("{") {
            for name in inner.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }) where name.count > 2 {
                if let def = definition(f, String(name)) { range = def }
            }
        }
        return range
    }

    private func definition(_ f: ScannedFile, _ name: String) -> Range<Int>? {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let before = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name
            let after = ProdText.skipSpace(b, from: o + name.utf8.count)
            guard before == "function" || before == "const" || before == "let" || (after < b.count && b[after] == 0x3D) else { continue }
            var i = after
            while i < b.count && b[i] != 0x7B && i - after < 400 { i += 1 }
            if i < b.count && b[i] == 0x7B, let c = ProdText.matchingClose(f, open: i) { return o..<c }
        }
        return nil
    }

    private func checks(_ f: ScannedFile, _ range: Range<Int>) -> Bool {
        ProdText.contains(f, Self.dependencyChecks, in: range, filter: .live)
    }

    /// The health name of a file-based route (Next.js, SvelteKit, Nuxt, Remix), or nil.
    private func fileRouteName(_ path: String) -> String? {
        let parts = path.lowercased().split(separator: "/").map(String.init)
        guard let last = parts.last else { return nil }
        let base = last.split(separator: ".").first.map(String.init) ?? last
        let parent = parts.count >= 2 ? parts[parts.count - 2] : ""
        if ["route.ts", "route.js", "route.mjs", "+server.ts", "+server.js"].contains(last) {
            return Self.healthNames.contains(parent) ? parent : nil
        }
        let p = "/" + parts.joined(separator: "/")
        if p.contains("/pages/api/") || p.contains("/server/api/") || p.contains("/server/routes/") {
            if base == "index" { return Self.healthNames.contains(parent) ? parent : nil }
            return Self.healthNames.contains(base) ? base : nil
        }
        if p.contains("/app/routes/") {
            let segs = last.split(separator: ".").dropLast().map(String.init)
            if let s = segs.last, Self.healthNames.contains(s) { return s }
        }
        return nil
    }

    static func functionPlatforms(_ profile: ProdAppProfile) -> String {
        var out: [String] = []
        for p in profile.functionFiles {
            let l = "/" + p.lowercased()
            if l.contains("/supabase/functions/") { out.append("Supabase Edge Functions") }
            else if l.contains("/netlify/") { out.append("Netlify Functions") }
            else if l.contains("/convex/") { out.append("Convex") }
            else { out.append("cloud functions") }
        }
        return out.prodUniqued().joined(separator: ", ")
    }
}
