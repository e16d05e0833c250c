import Foundation

/// G7.D5 (static part): does the long-running server drain in-flight requests on SIGTERM?
///
/// Node servers (Express, Fastify, Koa, Node http, Hono on Node, NestJS, custom Next servers):
/// a `process.on('SIGTERM', …)` handler that closes the server (`server.close(`, `fastify.close(`,
/// `terminate(`) or a shutdown library (@godaddy/terminus, http-terminator, stoppable,
/// close-with-grace, lightship, NestJS `enableShutdownHooks()`) scores 100; a SIGTERM handler that
/// just exits scores 60 (low finding); SIGINT only scores 40 and nothing at all 0 (medium findings:
/// containers and platforms stop processes with SIGTERM). Python ASGI/WSGI apps run under uvicorn,
/// gunicorn, hypercorn, daphne or waitress drain by themselves; a shutdown hook (lifespan,
/// `on_event("shutdown")`, `atexit`, a SIGTERM handler, gunicorn `graceful_timeout`) closing the
/// app's resources makes 100, without one (when there is a database to close) 85 with a low finding.
/// Flask or Django served by their development server is a medium finding. Framework-managed
/// processes (Next.js route handlers under `next start`), hosted/serverless functions and static
/// front ends are not measured: the app owns no long-running process.
public struct GracefulShutdownCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D5", slug: "graceful-shutdown", kind: .diagnostic, methods: "S,R",
        measures: "SIGTERM drains in-flight requests",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample("index.js", """
                const express = require('express')
                const app = express()
                app.get('/', (req, res) => res.send('hi'))
                app.↓listen(process.env.PORT || 3000)
                // process.on('SIGTERM', () => server.close())
                """, note: "no signal handling (the commented-out handler does not count)"),
            CollectorExample("src/server.ts", """
                import Fastify from 'fastify'
                const app = Fastify()
                await app.listen({ port: 3000 })
                process.on('↓SIGINT', () => process.exit(0))
                """, note: "handles Ctrl-C but not the SIGTERM a container stop sends"),
            CollectorExample("server.js", """
                const http = require('http')
                const server = http.createServer((req, res) => res.end('ok'))
                server.listen(8080)
                process.on('↓SIGTERM', () => process.exit(0))
                """, note: "SIGTERM exits at once, cutting in-flight requests"),
            CollectorExample([
                "app.py": "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'hi'\n\nif __name__ == '__main__':\n    ↓app.run(host='0.0.0.0', port=5000)\n",
                "requirements.txt": "flask\n",
            ], note: "Flask's development server as the production server"),
        ],
        nonTriggering: [
            CollectorExample("server/index.ts", """
                import express from 'express'
                const app = express()
                const server = app.listen(Number(process.env.PORT))
                function shutdown() {
                  server.close(() => process.exit(0))
                  setTimeout(() => process.exit(1), 10_000).unref()
                }
                process.on('SIGTERM', shutdown)
                process.on('SIGINT', shutdown)
                """, note: "drains on SIGTERM"),
            CollectorExample([
                "app/main.py": "from contextlib import asynccontextmanager\nfrom fastapi import FastAPI\n\n@asynccontextmanager\nasync def lifespan(app):\n    yield\n    await engine.dispose()\n\napp = FastAPI(lifespan=lifespan)\n",
                "Procfile": "web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\n",
            ], note: "FastAPI under uvicorn with a lifespan hook"),
            CollectorExample([
                "package.json": #"{"scripts":{"build":"next build","start":"next start"},"dependencies":{"next":"14.2.15"}}"#,
                "app/api/todos/route.ts": "export async function GET() { return Response.json([]) }\n",
            ], note: "Next.js route handlers: next start owns the process, not measured"),
            CollectorExample([
                "supabase/functions/send-email/index.ts": "Deno.serve(async (req) => new Response('ok'))\n",
                "src/App.tsx": "export default function App() { return <main /> }\n",
            ], note: "an SPA with edge functions: no long-running server"),
        ])

    public var rules: [PatternRule] {
        [PatternRule(id: "G7.D5/signal", literals: ["SIGTERM", "SIGINT"], regions: .live, languages: [.javascript, .typescript, .python],
                     regexEquivalent: #"process\.(on|once)\(\s*['"]SIG(TERM|INT)['"]|signal\.signal\(\s*signal\.SIG(TERM|INT)"#)]
    }

    private static let shutdownLibraries = ["@godaddy/terminus", "http-terminator", "stoppable", "close-with-grace", "lightship",
                                            "fastify-graceful-shutdown", "async-exit-hook", "exit-hook", "node-graceful-shutdown", "@hapi/podium"]
    private static let shutdownCalls = ["enableShutdownHooks(", "closeWithGrace(", "createTerminus(", "createHttpTerminator(", "stoppable(",
                                        "gracefulShutdown(", "createLightship("]
    private static let drainCalls = ProdNeedles([".close(", "terminate(", ".stop(", "closeAllConnections(", ".destroy("])
    private static let pyRunners = ["gunicorn", "uvicorn", "hypercorn", "daphne", "waitress", "granian"]
    private static let pyHooks = ProdNeedles(["on_event(\"shutdown\")", "on_event('shutdown')", "lifespan", "atexit.register(", "signal.SIGTERM",
                                                 "teardown_appcontext", "after_serving", "on_shutdown", "graceful_timeout"])
    private static let asgi: Set<String> = ["FastAPI", "Starlette", "Litestar", "Quart", "Sanic", "aiohttp", "Tornado"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard profile.hasLongRunningServer else {
            if profile.hasFrameworkServer {
                return .notMeasured(d.id, "no long-running server process of the app's own: \(profile.frameworks.joined(separator: ", ")) runs the route handlers and owns the process")
            }
            if !profile.functionFiles.isEmpty {
                return .notMeasured(d.id, "no long-running server process: the backend runs as hosted functions (\(HealthEndpointCollector.functionPlatforms(profile)))")
            }
            return .notMeasured(d.id, "no long-running server process (a static front end or a library)")
        }
        var findings: [Finding] = []
        var values: [Double] = []
        var evidence: [Evidence] = [Evidence("servers", profile.serverStarts.map { "\($0.kind) (\($0.path))" }.prodUniqued().joined(separator: ", "))]

        let js = profile.serverStarts.filter { !$0.python }
        if let start = js.first, let startFile = profile.file(start.path) {
            var sigterm: (ScannedFile, Int)?
            var sigint: (ScannedFile, Int)?
            for (f, hit) in app.hits("G7.D5/signal") where f.language != .python && profile.serverSide.contains(f.path) && ProdAppProfile.isShipped(f) {
                guard f.contains("process.on", in: .code) || f.contains("process.once", in: .code) || f.contains("process.addListener", in: .code)
                        || f.contains("process.prependListener", in: .code) else { continue }
                let o = Int(hit.offset)
                if f.string(o..<(o + Int(hit.length))) == "SIGTERM" { if sigterm == nil { sigterm = (f, o) } } else if sigint == nil { sigint = (f, o) }
            }
            let serverJS = profile.programFiles.filter { profile.serverSide.contains($0.path) && $0.language.isJSFamily }
            let library = serverJS.first { f in
                (profile.imports[f.path] ?? []).contains { i in Self.shutdownLibraries.contains { i.isModule($0) } }
                    || ProdText.contains(f, ProdNeedles(Self.shutdownCalls), in: 0..<f.bytes.count)
            }
            if let lib = library {
                evidence.append(Evidence("shutdown handling", "library/hook in \(lib.path)"))
                values.append(100)
            } else if let (f, o) = sigterm {
                let drains = ProdText.contains(f, Self.drainCalls, in: 0..<f.bytes.count)
                evidence.append(Evidence("SIGTERM handler", "\(f.path):\(f.location(of: o).line)\(drains ? ", closes the server" : ", exits without closing")"))
                if drains {
                    values.append(100)
                } else {
                    values.append(60)
                    findings.append(Finding.at(d, rule: "exit-without-drain", file: f, offset: o, severity: .low,
                        message: "The SIGTERM handler exits without closing the server, so requests in flight during a deploy or scale-down are cut off mid-response. Call `server.close()` (stop accepting, finish open requests), close the database pool, then exit, with a timeout as a backstop."))
                }
            } else if let (f, o) = sigint {
                values.append(40)
                evidence.append(Evidence("SIGINT handler", "\(f.path):\(f.location(of: o).line)"))
                findings.append(Finding.at(d, rule: "sigint-only", file: f, offset: o, severity: .medium,
                    message: "Only SIGINT (Ctrl-C) is handled. Docker, Kubernetes and every PaaS stop a process with SIGTERM, which this server ignores until it is killed, dropping in-flight requests. Handle SIGTERM the same way and close the server before exiting."))
            } else {
                values.append(0)
                findings.append(Finding.at(d, rule: "no-signal-handler", file: startFile, offset: start.offset, severity: .medium,
                    message: "This \(start.kind) server never handles SIGTERM. On every deploy, restart or scale-down the platform's SIGTERM kills it (or, as PID 1 in a container, it ignores the signal until SIGKILL), cutting off in-flight requests and open DB transactions. Add `process.on('SIGTERM', …)` that calls `server.close()` and exits when done."))
            }
        }

        let py = profile.serverStarts.filter { $0.python }
        if let start = py.first, let startFile = profile.file(start.path) {
            let runnerText = runnerCommands(app, profile).lowercased()
            let runner = Self.pyRunners.first { runnerText.prodHas($0) || profile.pyDeps.contains($0) }
                ?? (profile.programFiles.contains { $0.language == .python && $0.contains("uvicorn.run(", in: .code) } ? "uvicorn" : nil)
            let pyFiles = profile.programFiles.filter { $0.language == .python }
            let hook = pyFiles.first { ProdText.contains($0, Self.pyHooks, in: 0..<$0.bytes.count, filter: .live) }
                ?? app.files.first { ($0.path.split(separator: "/").last ?? "").hasPrefix("gunicorn") && $0.contains("graceful_timeout") }
            let devOnly = runner == nil && !Self.asgi.contains(start.kind)
            evidence.append(Evidence("python server runner", runner ?? (Self.asgi.contains(start.kind) ? "not declared (ASGI apps are served by uvicorn-like servers)" : "none declared")))
            if devOnly {
                values.append(20)
                let runOffset = startFile.find("app.run(", in: .code).first ?? startFile.find("runserver").first ?? start.offset
                findings.append(Finding.at(d, rule: "python-dev-server", file: startFile, offset: runOffset, severity: .medium,
                    message: "The \(start.kind) app is served by its development server (no gunicorn/uvicorn/waitress declared). It is single-threaded, not hardened, and dies on SIGTERM without finishing requests. Serve it with gunicorn (`gunicorn app:app --graceful-timeout 30`) or waitress."))
            } else if hook != nil || profile.realStores.isEmpty {
                values.append(100)
                if let h = hook { evidence.append(Evidence("shutdown hook", h.path)) }
            } else {
                values.append(85)
                findings.append(Finding.at(d, rule: "no-shutdown-hook", file: startFile, offset: start.offset, severity: .low,
                    message: "\(runner ?? "The ASGI server") drains requests on SIGTERM, but the app registers no shutdown hook (lifespan / on_event(\"shutdown\") / atexit), so database connections and background tasks are cut rather than closed. Add a lifespan handler that disposes the engine/pool."))
            }
        }
        guard let value = values.min() else { return .notMeasured(d.id, "no long-running server process found") }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: evidence)
    }

    /// Commands that start the Python server: Procfile, Dockerfile CMD/ENTRYPOINT, package scripts, platform files, .replit.
    private func runnerCommands(_ app: AppContext, _ profile: ProdAppProfile) -> String {
        var out = ""
        for f in app.files {
            let n = (f.path.split(separator: "/").last ?? "").lowercased()
            if n == "procfile" || f.language == .dockerfile || n == ".replit" || n == "render.yaml" || n == "fly.toml" || n == "railway.toml"
                || n == "railway.json" || n == "app.yaml" || n == "docker-compose.yml" || n == "docker-compose.yaml" || n == "compose.yaml"
                || n == "pyproject.toml" || n == "makefile" || n.hasPrefix("gunicorn") || n.hasSuffix(".sh") || n == "nixpacks.toml" {
                out += f.text + "\n"
            }
        }
        for p in profile.packages { out += p.scripts.values.joined(separator: "\n") + "\n" }
        return out
    }
}
