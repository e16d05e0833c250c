import Foundation

/// G7.P3: can the team see what the app does in production? Three capabilities, each detected from
/// modules imported by shipped code (a dependency that nothing imports does not count):
/// - structured logging: pino, winston, bunyan, log4js, tslog, Logtail, Axiom, Google Cloud Logging;
///   loguru, structlog, python-json-logger, Python `logging` configured with basicConfig/dictConfig;
///   `console.log(JSON.stringify(…))` on the server counts half;
/// - error tracking: Sentry, Bugsnag, Rollbar, LogRocket, Highlight, Datadog RUM/logs, Honeybadger,
///   Airbrake, Raygun, AppSignal, New Relic, Elastic APM, TrackJS, PostHog `captureException`;
/// - metrics/tracing: prom-client, OpenTelemetry, StatsD/hot-shots, dd-trace, New Relic, Elastic APM,
///   prometheus_client, Vercel OTel, Sentry performance tracing.
/// Apps with a server (long-running, framework or hosted functions) weigh logging 40, errors 35,
/// metrics 25, with full credit only on the server side (client-only counts half). Front-end-only
/// apps weigh client error tracking 60, logging 20, metrics 20.
public struct ObservabilityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.P3", slug: "observability", kind: .primary, methods: "S",
        measures: "structured logging, error tracking, metrics",
        severity: .medium, remediation: RemediationCost(baseHours: 3, perFindingHours: 2),
        triggering: [
            CollectorExample([
                "index.js": "const express = require('express')\nconst app = express()\napp.post('/api/orders', (req, res) => { console.log('order', req.body); res.json({}) })\napp.listen(3000)\n",
                "package.json": #"{"dependencies":{"express":"4.21.1","@sentry/node":"8.0.0"}}"#,
            ], note: "console.log only; Sentry is declared but never imported"),
            CollectorExample([
                "src/main.tsx": "import { createRoot } from 'react-dom/client'\nimport App from './App'\ncreateRoot(document.getElementById('root')!).render(<App />)\n",
                "src/App.tsx": "export default function App() { return <main /> }\n",
            ], note: "a front end with no error tracking at all"),
            CollectorExample([
                "server/index.ts": "import express from 'express'\nimport pino from 'pino'\nconst log = pino()\nconst app = express()\napp.listen(3000, () => log.info('up'))\n",
                "src/sentry.ts": "import * as Sentry from '@sentry/react'\nSentry.init({ dsn: import.meta.env.VITE_SENTRY_DSN })\n",
            ], note: "structured logs and browser error tracking, but server errors and metrics are invisible"),
        ],
        nonTriggering: [
            CollectorExample([
                "server/index.ts": "import express from 'express'\nimport pino from 'pino'\nimport * as Sentry from '@sentry/node'\nimport client from 'prom-client'\nSentry.init({ dsn: process.env.SENTRY_DSN })\nclient.collectDefaultMetrics()\nconst app = express()\napp.listen(3000, () => pino().info('up'))\n",
            ], note: "pino, Sentry and Prometheus metrics on the server"),
            CollectorExample([
                "app/main.py": "import logging.config\nimport sentry_sdk\nfrom prometheus_fastapi_instrumentator import Instrumentator\nfrom fastapi import FastAPI\nlogging.config.dictConfig(LOGGING)\nsentry_sdk.init(dsn=DSN)\napp = FastAPI()\nInstrumentator().instrument(app).expose(app)\n",
            ], note: "a Python service with configured logging, Sentry and Prometheus"),
            CollectorExample([
                "src/main.tsx": "import * as Sentry from '@sentry/react'\nimport LogRocket from 'logrocket'\nimport { datadogRum } from '@datadog/browser-rum'\nSentry.init({ dsn: import.meta.env.VITE_SENTRY_DSN })\nLogRocket.init('app/id')\ndatadogRum.init({ applicationId: 'x', clientToken: 'y' })\n",
            ], note: "a front-end-only app with client error tracking, session logs and RUM metrics"),
        ])

    private enum Capability: String, CaseIterable { case logging = "structured logging", errors = "error tracking", metrics = "metrics/tracing" }

    private static let modules: [(module: String, name: String, caps: [Capability])] = [
        ("pino", "pino", [.logging]), ("pino-http", "pino-http", [.logging]), ("winston", "winston", [.logging]), ("bunyan", "bunyan", [.logging]),
        ("log4js", "log4js", [.logging]), ("tslog", "tslog", [.logging]), ("@logtail/node", "Logtail", [.logging]), ("@logtail/pino", "Logtail", [.logging]),
        ("@logtail/winston", "Logtail", [.logging]), ("@logtail/browser", "Logtail", [.logging]), ("next-axiom", "Axiom", [.logging]),
        ("@axiomhq/js", "Axiom", [.logging]), ("@google-cloud/logging", "Cloud Logging", [.logging]), ("@google-cloud/logging-winston", "Cloud Logging", [.logging]),
        ("loguru", "loguru", [.logging]), ("structlog", "structlog", [.logging]), ("pythonjsonlogger", "python-json-logger", [.logging]),
        ("logging/config", "logging.config", [.logging]), ("roarr", "roarr", [.logging]),
        ("@sentry", "Sentry", [.errors]), ("sentry_sdk", "Sentry", [.errors]), ("@bugsnag", "Bugsnag", [.errors]), ("bugsnag", "Bugsnag", [.errors]),
        ("rollbar", "Rollbar", [.errors]), ("logrocket", "LogRocket", [.errors, .logging]), ("@highlight-run", "Highlight", [.errors, .logging]),
        ("highlight.run", "Highlight", [.errors, .logging]), ("@datadog/browser-rum", "Datadog RUM", [.errors, .metrics]),
        ("@datadog/browser-logs", "Datadog logs", [.errors, .logging]), ("@honeybadger-io", "Honeybadger", [.errors]), ("honeybadger", "Honeybadger", [.errors]),
        ("@airbrake", "Airbrake", [.errors]), ("airbrake", "Airbrake", [.errors]), ("raygun", "Raygun", [.errors]), ("raygun4js", "Raygun", [.errors]),
        ("@appsignal", "AppSignal", [.errors, .metrics]), ("appsignal", "AppSignal", [.errors, .metrics]), ("newrelic", "New Relic", [.errors, .metrics]),
        ("@newrelic", "New Relic", [.errors, .metrics]), ("elastic-apm-node", "Elastic APM", [.errors, .metrics]), ("@elastic/apm-rum", "Elastic APM", [.errors, .metrics]),
        ("trackjs", "TrackJS", [.errors]), ("dd-trace", "Datadog APM", [.errors, .metrics]), ("ddtrace", "Datadog APM", [.errors, .metrics]),
        ("prom-client", "prom-client", [.metrics]), ("express-prom-bundle", "express-prom-bundle", [.metrics]), ("@opentelemetry", "OpenTelemetry", [.metrics]),
        ("opentelemetry", "OpenTelemetry", [.metrics]), ("prometheus_client", "prometheus_client", [.metrics]),
        ("prometheus_fastapi_instrumentator", "Prometheus instrumentator", [.metrics]), ("starlette_exporter", "starlette_exporter", [.metrics]),
        ("hot-shots", "StatsD", [.metrics]), ("node-statsd", "StatsD", [.metrics]), ("statsd", "StatsD", [.metrics]), ("datadog-metrics", "Datadog metrics", [.metrics]),
        ("@vercel/otel", "Vercel OTel", [.metrics]), ("@google-cloud/opentelemetry-cloud-trace-exporter", "Cloud Trace", [.metrics]),
    ]

    private struct Seen { var name: String; var path: String; var server: Bool }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty else { return .notMeasured(d.id, "no program files") }
        var seen: [Capability: [Seen]] = [:]
        var weakLogging: Seen?
        for f in profile.programFiles {
            let server = profile.serverSide.contains(f.path) || (f.path.split(separator: "/").last ?? "").hasPrefix("instrumentation.")
            for i in profile.imports[f.path] ?? [] {
                let m = i.module
                for entry in Self.modules where m == entry.module || m.hasPrefix(entry.module + "/") {
                    for c in entry.caps { seen[c, default: []].append(Seen(name: entry.name, path: f.path, server: server)) }
                }
                if m.hasPrefix("posthog"), f.contains("captureException", in: .code) {
                    seen[.errors, default: []].append(Seen(name: "PostHog exceptions", path: f.path, server: server))
                }
                if m.hasPrefix("@sentry/"), f.contains("tracesSampleRate", in: .code) || f.contains("browserTracingIntegration", in: .code) {
                    seen[.metrics, default: []].append(Seen(name: "Sentry tracing", path: f.path, server: server))
                }
            }
            if f.language == .python, ProdText.contains(f, ProdNeedles(["logging.basicConfig(", "dictConfig(", "fileConfig(", "logging.Formatter("]), in: 0..<f.bytes.count) {
                seen[.logging, default: []].append(Seen(name: "Python logging (configured)", path: f.path, server: true))
            }
            if server, weakLogging == nil, f.language.isJSFamily,
               ProdText.contains(f, ProdNeedles(["console.log(JSON.stringify(", "console.info(JSON.stringify(", "console.error(JSON.stringify("]), in: 0..<f.bytes.count) {
                weakLogging = Seen(name: "console.log(JSON.stringify(…))", path: f.path, server: true)
            }
        }
        let hasServer = profile.hasLongRunningServer || profile.hasFrameworkServer || !profile.functionFiles.isEmpty
        func level(_ c: Capability) -> Double {
            let s = seen[c] ?? []
            if s.contains(where: \.server) { return 1 }
            if !s.isEmpty { return hasServer ? 0.5 : 1 }
            if c == .logging, weakLogging != nil { return 0.5 }
            return 0
        }
        let L = level(.logging), E = level(.errors), M = level(.metrics)
        let score = hasServer ? 40 * L + 35 * E + 25 * M : 20 * L + 60 * E + 20 * M

        var findings: [Finding] = []
        if hasServer {
            if L == 0 {
                findings.append(app.appFinding(d, rule: "no-structured-logging", severity: .medium,
                    message: "The server logs with bare console.log/print (or not at all): no levels, no JSON, no request ids, so a production incident cannot be searched or correlated. Use a structured logger (pino/winston, structlog/loguru) that writes JSON with a request id, and redact secrets and PII."))
            } else if L < 1 {
                findings.append(app.appFinding(d, rule: "weak-logging", severity: .low,
                    message: "Structured logging is only \(weakLogging != nil && (seen[.logging] ?? []).isEmpty ? "hand-rolled console.log(JSON.stringify(…))" : "in the browser"): the server has no logger with levels, request ids and redaction. Add pino/winston (or structlog) on the server."))
            }
            if E == 0 {
                findings.append(app.appFinding(d, rule: "no-error-tracking", severity: .medium,
                    message: "No error tracking (Sentry, Bugsnag, Rollbar, …): unhandled exceptions in production are only noticed when users complain. Add an error tracker on the server\(hasUIFiles(profile) ? " and in the browser" : "") with release tagging."))
            } else if E < 1 {
                findings.append(app.appFinding(d, rule: "server-errors-untracked", severity: .low,
                    message: "Errors are tracked in the browser only; exceptions thrown on the server are invisible. Initialise the error tracker's server SDK too."))
            }
            if M == 0 {
                findings.append(app.appFinding(d, rule: "no-metrics", severity: .low,
                    message: "No metrics or tracing (prom-client, OpenTelemetry, StatsD, an APM agent): latency, error rates and saturation are unknown until the app falls over. Export request metrics or traces."))
            }
        } else if E == 0 {
            findings.append(app.appFinding(d, rule: "no-error-tracking", severity: .medium,
                message: "The front end has no error tracking (Sentry, LogRocket, Bugsnag, Datadog RUM, …): crashes in users' browsers are never seen. Add a browser error tracker with source maps."))
        }

        var evidence: [Evidence] = [Evidence("server side", hasServer ? "yes" : "no (front end only)")]
        for c in Capability.allCases {
            let s = seen[c] ?? []
            let names = s.map { "\($0.name) (\($0.server ? "server" : "client"))" }.prodUniqued()
            evidence.append(Evidence(c.rawValue, names.isEmpty ? (c == .logging && weakLogging != nil ? "weak: console.log(JSON.stringify(…))" : "none") : names.joined(separator: ", ")))
        }
        let imported = Set(profile.imports.values.joined().map(\.module))
        let declaredOnly = profile.deps.filter { dep in
            Self.modules.contains { dep == $0.module || dep.hasPrefix($0.module + "/") } && !imported.contains { $0 == dep || $0.hasPrefix(dep + "/") }
        }.sorted()
        if !declaredOnly.isEmpty { evidence.append(Evidence("declared but never imported", declaredOnly.prodUniqued().joined(separator: ", "))) }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.round1(score)), findings: findings, evidence: evidence)
    }

    private func hasUIFiles(_ profile: ProdAppProfile) -> Bool {
        profile.programFiles.contains { !profile.serverSide.contains($0.path) && ($0.language == .tsx || $0.language == .jsx || $0.language == .vue || $0.language == .svelte) }
    }
}
