import Foundation

/// G2.D5: errors that vanish. Per file (shipped JS/TS/Python code): empty `catch {}` blocks and empty
/// `.catch(() => {})` handlers (a comment inside documents intent, as ESLint's no-empty allows), Python
/// `except: pass`; catch blocks in request handlers whose try answers the request and whose catch only `console.log`s the error and
/// carries on (a `console.error`/`warn`-only catch counts when it ends an Express-style handler, so no response is ever
/// sent; try blocks that compute a value with a logged fallback are not swallowing);
/// `.then()` chains used as statements with no `.catch()` or rejection callback (server code, and client
/// code that loads data — supabase-js chains are left out: they resolve with `{ error }` instead of
/// rejecting; awaited or returned chains propagate to the caller and are left out too); async Express 4
/// route handlers with awaits but no try/catch (Express 4 does not pass rejected promises to error
/// middleware; Express 5, express-async-errors and wrappers are recognised). Per app: a React app with no
/// error boundary, an Express app with no error middleware. Scored per 1,000 lines; not measured when the
/// app has no shipped program files.
public struct ErrorHandlingCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.D5", slug: "error-handling", kind: .diagnostic, methods: "S",
        measures: "empty or swallowing catches, promises without rejection handling, no error boundary",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.25),
        triggering: [
            CollectorExample("src/lib/storage.ts", """
                export function load(key: string) {
                  try {
                    return JSON.parse(localStorage.getItem(key) ?? "null")
                  } ↓catch (e) {}
                }
                """, note: "an empty catch"),
            CollectorExample("server/routes/orders.js", """
                router.post('/orders', async (req, res) => {
                  try {
                    const order = await db.orders.create(req.body)
                    res.json(order)
                  } ↓catch (err) {
                    console.log(err)
                  }
                })
                app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }))
                """, note: "a handler that logs and carries on: the request hangs"),
            CollectorExample("server/jobs.ts", """
                export function kick() {
                  ↓sendDigest(users).then((n) => logger.info({ n }, "sent"))
                }
                """, note: "a floating promise chain on the server"),
            CollectorExample(["server/index.js": """
                const express = require('express')
                const app = express()
                app.get('/api/users/:id', ↓async (req, res) => {
                  const user = await db.users.find(req.params.id)
                  res.json(user)
                })
                app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }))
                """, "package.json": #"{ "dependencies": { "express": "^4.18.2" } }"#],
                note: "an async Express 4 handler without try/catch"),
            CollectorExample(["src/App.tsx": "export default function App() { return <Dashboard /> }\n",
                              "package.json": #"{ "dependencies": { "react": "^18.3.1" } }"#],
                             note: "a React app with no error boundary"),
            CollectorExample("app/routes.py", """
                @app.route("/orders", methods=["POST"])
                def create_order():
                    try:
                        db.session.commit()
                    ↓except Exception:
                        pass
                    return {"ok": True}
                """, note: "except: pass"),
        ],
        nonTriggering: [
            CollectorExample("src/hooks/useChime.ts", """
                import { useEffect, useRef } from 'react'
                export function useChime() {
                  const ctx = useRef<AudioContext | null>(null)
                  useEffect(() => () => { ctx.current?.close().catch(() => {}) }, [])
                  const wake = () => { ctx.current?.resume().catch(() => {}) }
                  return { wake }
                }
                """, note: "closing or resuming an audio context: a rejection leaves nothing to recover"),
            CollectorExample("src/lib/storage.ts", """
                export function load(key: string) {
                  try {
                    return JSON.parse(localStorage.getItem(key) ?? "null")
                  } catch {
                    // Corrupt or missing value: start from defaults.
                    return null
                  }
                }
                export const warm = () => { try { prefetch() } catch { /* optional: prefetch is best effort */ } }
                """, note: "catches that handle, or document why nothing is done"),
            CollectorExample(["server/index.js": """
                const express = require('express')
                require('express-async-errors')
                const app = express()
                app.get('/api/users/:id', async (req, res) => {
                  res.json(await db.users.find(req.params.id))
                })
                app.use((err, req, res, next) => res.status(500).json({ error: 'internal' }))
                """, "package.json": #"{ "dependencies": { "express": "^4.18.2", "express-async-errors": "^3.1.1" } }"#],
                note: "express-async-errors forwards rejections to the error middleware"),
            CollectorExample(["server/app.ts": """
                app.post("/api/orders", async (req, res, next) => {
                  try {
                    res.json(await createOrder(req.body))
                  } catch (err) {
                    console.error(err)
                    next(err)
                  }
                })
                app.use((err, req, res, next) => { res.status(500).json({ error: "internal" }) })
                export async function load() {
                  const rows = await fetch(url).then((r) => r.json())
                  return fetchAll().then((r) => r.rows)
                }
                void warmCache().then(() => logger.info("warm"))
                mailer.send(msg).then(ok, (err) => logger.warn({ err }))
                """, "package.json": #"{ "dependencies": { "express": "^5.0.1" } }"#],
                note: "Express 5, awaited/returned chains, a two-argument then"),
            CollectorExample(["src/App.tsx": """
                import { ErrorBoundary } from "react-error-boundary"
                export default function App() {
                  useEffect(() => { supabase.from("items").select().then(({ data }) => setItems(data ?? [])) }, [])
                  return <ErrorBoundary fallback={<p>Something went wrong</p>}><Dashboard /></ErrorBoundary>
                }
                """, "package.json": #"{ "dependencies": { "react": "^18.3.1", "react-error-boundary": "^4.0.13" } }"#],
                note: "an error boundary; supabase chains resolve with { error }"),
            CollectorExample("tests/api.test.ts", """
                it("ignores", async () => { try { await boom() } catch {} })
                fetch("/x").then((r) => r.json())
                """, note: "tests are not shipped code"),
            CollectorExample("app/routes.py", """
                @app.route("/orders", methods=["POST"])
                def create_order():
                    try:
                        db.session.commit()
                    except IntegrityError:
                        db.session.rollback()
                        return {"error": "duplicate"}, 409
                    return {"ok": True}
                """, note: "an except that handles the error"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G2.D5/boundary", literals: ["componentDidCatch", "getDerivedStateFromError", "ErrorBoundary", "errorElement", "errorComponent", "react-error-boundary"],
                        regions: .live, languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte],
                        regexEquivalent: #"componentDidCatch|getDerivedStateFromError|ErrorBoundary|errorElement|errorComponent|react-error-boundary"#),
            PatternRule(id: "G2.D5/async-errors", literals: ["express-async-errors", "express-async-handler", "express-promise-router", "@awaitjs/express"],
                        regions: .string, languages: [.javascript, .jsx, .typescript, .tsx],
                        regexEquivalent: #"['"](express-async-errors|express-async-handler|express-promise-router|@awaitjs/express)['"]"#),
        ]
    }

    /// What one file contributes: findings that need no app context, Express handler candidates, facts.
    struct FileFacts: Sendable {
        var findings: [Finding] = []
        /// Async Express route handlers with awaits and no try/catch (offset of `async`).
        var asyncHandlers: [Int] = []
        var errorMiddleware = false
        var expressApp = false
    }

    private static let handlerParams: Set<String> = ["req", "res", "request", "response", "ctx", "context", "reply"]
    private static let routeMethods: Set<String> = ["get", "post", "put", "patch", "delete", "all"]

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard Hygiene.isShippedProgram(file) else { return nil }
        var facts = FileFacts()
        if file.language == .python {
            python(file, &facts)
        } else {
            javascript(file, &facts)
        }
        return FileReport(measures: ["lines": Double(file.lineCount)], payload: facts)
    }

    /// Browser calls whose rejection leaves nothing to recover (closing or resuming audio, autoplay,
    /// a service-worker cache write): an empty catch there is the idiomatic way to ignore it.
    private static let bestEffortCalls = [".close()", ".resume()", ".suspend()", ".play()", "caches.open(", "cache.put(", ".unregister()",
                                          ".requestfullscreen(", ".exitfullscreen(", "navigator.vibrate("]
    static func bestEffort(_ file: ScannedFile, before offset: Int) -> Bool {
        let start = file.lineRange(file.location(of: offset).line).lowerBound
        guard start < offset else { return false }
        let text = file.string(start..<offset).lowercased()
        return bestEffortCalls.contains { text.contains($0) }
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let program = app.files.filter { Hygiene.isShippedProgram($0) }
        guard !program.isEmpty else {
            return .notMeasured(d.id, "the app has no shipped program files (JS/TS/Python) whose error handling could be checked")
        }
        let manifests = NpmManifest.load(app)
        let expressSpecs = manifests.compactMap { $0.dependencies["express"] ?? $0.devDependencies["express"] }
        let express5 = !expressSpecs.isEmpty && expressSpecs.allSatisfy { NpmSpec.minimum($0).map { $0.major >= 5 } ?? false }
        let asyncWrapper = !app.hits("G2.D5/async-errors").isEmpty

        var findings: [Finding] = []
        var expressApp = false, errorMiddleware = false
        var counts: [String: Int] = [:]
        for (file, report) in app.reports(for: d.id) {
            guard let facts = report.payload as? FileFacts else { continue }
            findings += facts.findings
            expressApp = expressApp || facts.expressApp
            errorMiddleware = errorMiddleware || facts.errorMiddleware
            guard !express5, !asyncWrapper else { continue }
            for off in facts.asyncHandlers {
                findings.append(Finding.at(d, rule: "async-handler-without-catch", file: file, offset: off,
                    message: "Async Express route handler without try/catch: Express 4 does not catch a rejected promise, so a failing await leaves the request hanging and raises an unhandledRejection that can crash the process. Wrap the body in try/catch and call next(err), use express-async-errors, or upgrade to Express 5."))
            }
        }
        for f in findings { counts[f.rule, default: 0] += 1 }

        var appFindings: [Finding] = []
        let react = Hygiene.usesReact(app, manifests: manifests)
        var boundary = app.hits("G2.D5/boundary").contains { $0.file.role != .test }
            || manifests.contains { $0.allDependencies["react-error-boundary"] != nil }
        if !boundary {
            boundary = app.files.contains { f in
                let name = f.path.split(separator: "/").last.map(String.init) ?? ""
                return f.language.isJSFamily && (name.hasPrefix("error.") || name.hasPrefix("global-error.")) && f.path.contains("app/")
            }
        }
        if react && !boundary {
            appFindings.append(app.appFinding(d, rule: "no-error-boundary", severity: .medium,
                message: "This React app has no error boundary (componentDidCatch, react-error-boundary, a router errorElement or Next error.tsx): one exception while rendering unmounts the whole tree and leaves users a blank page. Wrap the app (and risky routes) in an error boundary with a fallback and report the error."))
        }
        if expressApp && !errorMiddleware {
            appFindings.append(app.appFinding(d, rule: "no-error-middleware", severity: .low,
                message: "This Express app registers no error-handling middleware (a four-argument app.use((err, req, res, next) => …)): errors fall through to Express's default handler, which answers with an HTML page (with the stack trace outside production) instead of a JSON error. Add one that logs and answers a generic error."))
        }

        let lines = Hygiene.lines(program)
        let (densityScore, density) = Hygiene.densityScore(findings, lines: lines, p10: 1, median: 6)
        let value = Hygiene.applyAppFindings(densityScore, appFindings)
        var evidence = [Evidence("program lines", lines), Evidence("weighted findings per 1,000 lines", String(density)),
                        Evidence("React app", react ? "yes" : "no"), Evidence("error boundary", boundary ? "yes" : "no")]
        for rule in ["empty-catch", "empty-promise-catch", "swallowed-error", "unhandled-promise", "async-handler-without-catch"] {
            evidence.append(Evidence(rule, counts[rule, default: 0]))
        }
        if expressApp { evidence.append(Evidence("Express", express5 ? "5" : asyncWrapper ? "4 with async wrapper" : "4")) }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings + appFindings, evidence: evidence)
    }

    // MARK: JavaScript

    private func javascript(_ file: ScannedFile, _ facts: inout FileFacts) {
        let d = descriptor
        let code = Hygiene.Code(file)
        let b = file.bytes
        let hasCatch = file.contains("catch", in: .code)
        let hasThen = file.contains(".then(", in: .code)
        let server = file.role == .server
        let serverAction = FileRole.directive(b) == "use server"
        facts.expressApp = server && (file.contains("express()", in: .code) || file.contains("express.Router(", in: .code) || file.contains("Router()", in: .code))
        guard hasCatch || hasThen || server else { return }
        let s = Hygiene.JSStructure.of(file)
        var closeToOpen: [Int: Int] = [:]
        for (o, c) in s.parens { closeToOpen[c] = o }

        for blk in s.blocks {
            // try { … } catch (e) { }
            if blk.kind == .control && blk.keyword == "catch" {
                let body = blk.body
                if code.nextToken(body.lowerBound).map({ $0 >= blk.close }) ?? true {
                    if !code.rawContainsComment(body) {
                        facts.findings.append(Finding.at(d, rule: "empty-catch", file: file, offset: blk.headerStart,
                            message: "Empty catch block: the error disappears and the code goes on as if it had succeeded. Handle it (fallback, user message, rethrow) or log it with context; if ignoring is intended, say why in a comment."))
                    }
                } else if server || serverAction, let levels = consoleOnly(code, body, parens: s.parens),
                          let handler = handler(s, code, at: blk.open, serverAction: serverAction),
                          tryResponds(code, s, catchBlock: blk),
                          !levels.contains("error") && !levels.contains("warn") || endsHandler(code, s, catchBlock: blk, handler: handler) {
                    facts.findings.append(Finding.at(d, rule: "swallowed-error", file: file, offset: blk.headerStart,
                        message: "This request handler's catch only logs the error to the console and carries on, so the client gets a success answer or none at all (the request hangs). Send an error response or pass the error on with next(err)/throw, and log through a logger."))
                }
            }
            // promise.catch(() => {})
            if blk.kind == .function, let call = blk.callOpen, let callee = Hygiene.callee(code, callOpen: call),
               callee.text == "catch" || callee.text.hasSuffix(".catch"),
               code.nextToken(blk.body.lowerBound).map({ $0 >= blk.close }) ?? true, !code.rawContainsComment(blk.body),
               !Self.bestEffort(file, before: call) {
                facts.findings.append(Finding.at(d, rule: "empty-promise-catch", file: file, offset: (code.prevToken(call) ?? call + 4) - 4,
                    message: "An empty .catch(() => {}) swallows the rejection: the failure is never seen or reported. Log it with context or recover explicitly."))
            }
            // app.get('/path', async (req, res) => { await … }) without try.
            if server, blk.kind == .function, blk.isAsync, let call = blk.callOpen, let close = s.parens[call],
               let callee = Hygiene.callee(code, callOpen: call), isRoute(callee.text),
               let first = Hygiene.arguments(code, open: call, close: close).first, !first.isEmpty,
               b[first.lowerBound] == 0x27 || b[first.lowerBound] == 0x22 || b[first.lowerBound] == 0x60,
               first.lowerBound < blk.headerStart,
               code.codeContains("await", in: blk.body, wordStart: true),
               !s.blocks.contains(where: { $0.keyword == "try" && $0.open > blk.open && $0.close < blk.close }) {
                facts.asyncHandlers.append(blk.headerStart)
            }
        }

        if server, !facts.errorMiddleware {
            facts.errorMiddleware = hasErrorMiddleware(code, s)
        }
        guard hasThen else { return }
        for dot in code.allCode(".then(", in: 0..<b.count) {
            unhandledChain(file, code, s, closeToOpen: closeToOpen, dot: dot, facts: &facts)
        }
    }

    /// `x.use((err, req, res, next) => …)`, `x.use(function (err, req, res, next) {…})` or `x.use(errorHandler)`.
    private func hasErrorMiddleware(_ code: Hygiene.Code, _ s: Hygiene.JSStructure) -> Bool {
        let b = code.bytes
        for use in code.allCode(".use(", in: 0..<b.count) {
            let open = use + 4
            guard let close = s.parens[open] else { continue }
            for arg in Hygiene.arguments(code, open: open, close: close) where !arg.isEmpty {
                var p = arg.lowerBound
                let head = code.identifier(startingAt: p)
                let word = code.text(head)
                if word == "async" || word == "function" {
                    guard let n = code.nextToken(head.upperBound) else { continue }
                    p = n
                    if code.text(code.identifier(startingAt: p)) == "function" { p = code.nextToken(code.identifier(startingAt: p).upperBound) ?? p }
                    if ByteClass.isIdentifier(b[p]) { p = code.nextToken(code.identifier(startingAt: p).upperBound) ?? p }
                } else if !word.isEmpty, code.nextToken(head.upperBound).map({ $0 >= arg.upperBound }) ?? true {
                    if word.lowercased().contains("error") { return true }
                    continue
                }
                if b[p] == 0x28, let c = s.parens[p], paramNames(code, p..<(c + 1)).count == 4 { return true }
            }
        }
        return false
    }

    private func isRoute(_ callee: String) -> Bool {
        let parts = callee.split(separator: ".")
        guard parts.count == 2 else { return false }
        return Self.routeMethods.contains(String(parts[1]))
    }

    private func paramNames(_ code: Hygiene.Code, _ params: Range<Int>) -> [String] {
        let text = code.text(params).trimmingCharacters(in: CharacterSet(charactersIn: "() "))
        guard !text.isEmpty else { return [] }
        var depth = 0
        var names: [String] = []
        var cur = ""
        for ch in text {
            if "({[<".contains(ch) { depth += 1 } else if ")}]>".contains(ch) { depth -= 1 }
            if ch == "," && depth == 0 { names.append(cur); cur = ""; continue }
            cur.append(ch)
        }
        names.append(cur)
        return names.map { n in
            let t = n.trimmingCharacters(in: .whitespaces)
            return String(t.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
        }.filter { !$0.isEmpty }
    }

    /// The innermost enclosing function that takes a request, response or context (any function in a server action file).
    private func handler(_ s: Hygiene.JSStructure, _ code: Hygiene.Code, at offset: Int, serverAction: Bool) -> Hygiene.JSBlock? {
        var best: Hygiene.JSBlock?
        for blk in s.blocks where blk.kind == .function && blk.open < offset && offset < blk.close {
            if serverAction || blk.params.map({ paramNames(code, $0).contains(where: { Self.handlerParams.contains($0) }) }) == true {
                if best == nil || blk.open > best!.open { best = blk }
            }
        }
        return best
    }

    /// The try block this catch belongs to answers the request (`res.…`, `return`, `Response`, `json(`):
    /// when it fails, the catch is the only path left, and a log-only catch leaves the request unanswered
    /// or answered as a success. Try blocks that only compute a value (with a fallback) do not count.
    private func tryResponds(_ code: Hygiene.Code, _ s: Hygiene.JSStructure, catchBlock: Hygiene.JSBlock) -> Bool {
        guard let p = code.prevToken(catchBlock.headerStart), let tryBlock = s.blocks.first(where: { $0.keyword == "try" && $0.close == p }) else { return false }
        // Per-item work in a loop: logging one failure and moving to the next item is handling.
        if s.blocks.contains(where: { $0.kind == .control && ["for", "while", "do"].contains($0.keyword) && $0.open < tryBlock.open && tryBlock.close < $0.close }) {
            return false
        }
        let body = tryBlock.body
        return ["res.", "reply.", "new Response(", "Response.json(", "NextResponse.", "redirect("].contains { code.codeContains($0, in: body, wordStart: true) }
            || code.codeContains("return", in: body, wordStart: true)
    }

    /// An Express-style handler (it takes `res`) whose try/catch is its last statement: when the catch only
    /// logs, no response is ever sent.
    private func endsHandler(_ code: Hygiene.Code, _ s: Hygiene.JSStructure, catchBlock: Hygiene.JSBlock, handler: Hygiene.JSBlock) -> Bool {
        guard let p = handler.params, paramNames(code, p).contains("res") || paramNames(code, p).contains("reply") else { return false }
        var end = catchBlock.close
        if let f = code.nextToken(end + 1), code.text(code.identifier(startingAt: f)) == "finally",
           let fb = s.blocks.first(where: { $0.keyword == "finally" && $0.open > f }) { end = fb.close }
        guard let next = code.nextToken(end + 1) else { return true }
        return next >= handler.close
    }

    /// The console methods of a body made only of `console.*(…)` statements; nil when it holds anything else.
    private func consoleOnly(_ code: Hygiene.Code, _ body: Range<Int>, parens: [Int: Int]) -> Set<String>? {
        var i = body.lowerBound
        var levels = Set<String>()
        let b = code.bytes
        while let t = code.nextToken(i), t < body.upperBound {
            if b[t] == 0x3B { i = t + 1; continue }
            let w = code.identifier(startingAt: t)
            guard code.text(w) == "console", let dot = code.nextToken(w.upperBound), b[dot] == 0x2E,
                  let m = code.nextToken(dot + 1) else { return nil }
            let method = code.identifier(startingAt: m)
            let level = code.text(method)
            guard ["log", "error", "warn", "info", "debug"].contains(level), let open = code.nextToken(method.upperBound),
                  b[open] == 0x28, let close = parens[open] else { return nil }
            levels.insert(level)
            i = close + 1
        }
        return levels.isEmpty ? nil : levels
    }

    private static let dataLoading = ["fetch(", "axios", "api.", "Api.", "API.", "http", "client.", "request(", ".get(", ".post(", ".put(", ".patch(", ".delete(", ".json()", "$fetch", "ky("]

    /// A `.then(` chain used as a statement with no rejection handler.
    private func unhandledChain(_ file: ScannedFile, _ code: Hygiene.Code, _ s: Hygiene.JSStructure, closeToOpen: [Int: Int], dot: Int, facts: inout FileFacts) {
        let b = file.bytes
        // Forward: the rest of the chain.
        var open = dot + 5
        var handled = false
        while let close = s.parens[open] {
            let method = code.prevToken(open).flatMap { code.identifier(endingAt: $0 + 1) }.map { code.text($0) } ?? ""
            if method == "catch" { handled = true; break }
            if method == "then" && Hygiene.arguments(code, open: open, close: close).count >= 2 { handled = true; break }
            guard let n = code.nextToken(close + 1), b[n] == 0x2E, let m = code.nextToken(n + 1) else { break }
            let w = code.identifier(startingAt: m)
            guard let p = code.nextToken(w.upperBound), b[p] == 0x28 else { break }
            open = p
        }
        if handled { return }
        // Only the first `.then(` of a chain reports.
        if let prev = code.prevToken(dot), b[prev] == 0x29, let o = closeToOpen[prev], let m = code.prevToken(o),
           let w = code.identifier(endingAt: m + 1), ["then", "finally"].contains(code.text(w)),
           let d2 = code.prevToken(w.lowerBound), b[d2] == 0x2E {
            return
        }
        // Backward: the start of the chain's receiver expression.
        var pos = dot
        var steps = 0
        while steps < 64, let t = code.prevToken(pos) {
            steps += 1
            let c = b[t]
            if c == 0x29, let o = closeToOpen[t] { pos = o; continue }
            if c == 0x5D {
                var k = t - 1, depth = 1
                while k >= 0 && depth > 0 { if code.isCode(k) { if b[k] == 0x5D { depth += 1 } else if b[k] == 0x5B { depth -= 1 } }; k -= 1 }
                pos = k + 1
                continue
            }
            if ByteClass.isIdentifier(c), let w = code.identifier(endingAt: t + 1) {
                let word = code.text(w)
                if ["await", "return", "yield", "void", "new", "typeof", "throw"].contains(word) { return }
                pos = w.lowerBound
                if let d2 = code.prevToken(pos), b[d2] == 0x2E || b[d2] == 0x3F && d2 + 1 < b.count && b[d2 + 1] == 0x2E { pos = d2; continue }
                break
            }
            if !code.isCode(t) { pos = Int(code.region(containing: t)?.start ?? Int32(t)); continue }
            break
        }
        // Statement position: nothing before, `;`, `{`, `}`, or a previous line that ended a statement.
        let before = code.prevToken(pos)
        var statement = before == nil
        if let p = before {
            let c = b[p]
            if c == 0x3B || c == 0x7B || c == 0x7D { statement = true }
            else if file.location(of: p).line < file.location(of: pos).line, c == 0x29 || c == 0x5D || ByteClass.isIdentifier(c) {
                if let w = code.identifier(endingAt: p + 1), ["return", "await", "yield", "else", "void"].contains(code.text(w)) { statement = false } else if c == 0x29 || ByteClass.isIdentifier(c) { statement = true }
            }
        }
        guard statement else { return }
        let receiver = code.text(pos..<dot)
        if receiver.contains("supabase") { return }
        let server = file.role == .server
        if !server && !Self.dataLoading.contains(where: { receiver.contains($0) }) { return }
        facts.findings.append(Finding.at(descriptor, rule: "unhandled-promise", file: file, offset: pos, severity: server ? .medium : .low,
            message: server
                ? "This promise chain has no .catch() and is not awaited: a rejection becomes an unhandledRejection, which crashes Node by default. Add .catch() that logs and recovers, or await it inside try/catch."
                : "This data-loading promise chain has no .catch(): when the request fails the UI stays in its loading state and the error is never shown or reported. Add .catch() that sets an error state."))
    }

    // MARK: Python

    private func python(_ file: ScannedFile, _ facts: inout FileFacts) {
        let d = descriptor
        let b = file.bytes
        let defs = Hygiene.pythonDefs(file)
        for off in file.find("except", in: .code, wordStart: true) {
            let after = off + 6
            guard after < b.count, b[after] == 0x20 || b[after] == 0x3A || b[after] == 0x28 else { continue }
            let lineNo = file.location(of: off).line
            let lineRange = file.lineRange(lineNo)
            let indent = off - lineRange.lowerBound
            guard file.string(lineRange.lowerBound..<off).allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            // Find the clause's colon on this line.
            var colon: Int?
            var depth = 0
            for k in after..<lineRange.upperBound where file.kind(at: k) == .code {
                if b[k] == 0x28 || b[k] == 0x5B { depth += 1 } else if b[k] == 0x29 || b[k] == 0x5D { depth -= 1 }
                else if b[k] == 0x3A && depth == 0 { colon = k; break }
            }
            guard let c = colon else { continue }
            var body: [String] = []
            let inline = file.string((c + 1)..<lineRange.upperBound).trimmingCharacters(in: .whitespaces)
            if !inline.isEmpty && !inline.hasPrefix("#") {
                body = [inline]
            } else {
                var l = lineNo + 1
                while l <= file.lineCount {
                    let r = file.lineRange(l)
                    let text = file.string(r)
                    let t = text.trimmingCharacters(in: .whitespaces)
                    if t.isEmpty || t.hasPrefix("#") { l += 1; continue }
                    let ind = text.prefix { $0 == " " || $0 == "\t" }.count
                    if ind <= indent { break }
                    body.append(t)
                    l += 1
                }
            }
            guard !body.isEmpty else { continue }
            if body.allSatisfy({ $0 == "pass" || $0 == "..." || $0 == "continue" }) {
                facts.findings.append(Finding.at(d, rule: "empty-catch", file: file, offset: off,
                    message: "except … : pass swallows the error and the code carries on as if it had succeeded. Handle it, log it with context (logger.exception), or re-raise; catch the narrowest exception you expect."))
                continue
            }
            let logOnly = body.allSatisfy { $0.hasPrefix("print(") || $0.hasPrefix("logging.") || $0.hasPrefix("logger.") || $0.hasPrefix("log.") || $0.hasPrefix("app.logger.") }
            if logOnly, let fn = defs.last(where: { $0.body.contains(off) }),
               fn.decorators.contains(where: { $0.contains(".route(") || $0.contains(".get(") || $0.contains(".post(") || $0.contains(".put(") || $0.contains(".delete(") || $0.contains(".patch(") }) {
                facts.findings.append(Finding.at(d, rule: "swallowed-error", file: file, offset: off,
                    message: "This route's except only logs the error and carries on, so the client gets a success answer for a failed operation. Return an error response (or re-raise) after logging."))
            }
        }
    }
}

extension Hygiene.Code {
    /// Whether `range` holds any comment region.
    func rawContainsComment(_ range: Range<Int>) -> Bool {
        var r = regionIndex(after: range.lowerBound)
        let rs = file.regions
        while r < rs.count, Int(rs[r].start) < range.upperBound {
            if rs[r].kind == .comment { return true }
            r += 1
        }
        return false
    }
}
