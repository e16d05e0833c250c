import Foundation

/// G4.P3 (static part): code that builds a query, markup, code or a shell command from strings
/// that carry data. SQL: template literals, `+` concatenation, f-strings, `%` and `.format()` passed
/// to `query`/`execute`/`$queryRawUnsafe`/`knex.raw`/`db.run`/`text()` (directly or through a local
/// variable); tagged templates (`sql\`…\``, Prisma `$queryRaw\`…\``) and placeholders are safe.
/// NoSQL: a whole request object used as a filter, `$where` built from data, a login filter fed
/// raw body fields. XSS: `dangerouslySetInnerHTML`, `innerHTML`/`outerHTML`/`insertAdjacentHTML`,
/// `document.write`, `v-html`, `{@html}`, Jinja `|safe`, `Markup(`, `render_template_string(` with
/// non-sanitised data (DOMPurify, sanitize-html, escaping and constants are safe). Reflected XSS on the server:
/// `res.send`/`res.write`/`res.end` (Express sends strings as text/html unless the handler set another type),
/// Hono `c.html`, `new Response(…)` whose headers say text/html, and Flask/Django views returning a string
/// (served as text/html) — when the body is a template, concatenation, f-string or format built from request
/// input (read directly, or through a local name assigned from it) that no escaping call wraps. JSON answers,
/// text/plain, escaped values (`he.encode`, `escape(`, `DOMPurify.sanitize`) and `render_template` are not findings. Code: `eval`,
/// `new Function`, string `setTimeout`, Python `eval`/`exec`. Shell: `child_process.exec`/`execSync`,
/// `spawn(…, { shell: true })`, `os.system`, `os.popen`, `subprocess(…, shell=True)` with interpolation.
/// Only code regions of shipped files count; interpolating request input directly is critical for
/// SQL and shell. Not measured when the app has no program files.
public struct InjectionCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G4.P3", slug: "injection", kind: .primary, methods: "S,R",
        measures: "SQL/NoSQL built from strings, XSS sinks fed untrusted data, eval/Function, shell commands with input",
        severity: .high, remediation: RemediationCost(baseHours: 1.5, perFindingHours: 0.75),
        triggering: [
            CollectorExample("server/routes/users.js", """
                const express = require('express');
                const router = express.Router();
                router.get('/users/:id', async (req, res) => {
                  const { rows } = await pool.↓query(`SELECT * FROM users WHERE id = ${req.params.id}`);
                  res.json(rows[0]);
                });
                """, note: "request input interpolated into SQL"),
            CollectorExample("server/search.ts", """
                export async function search(term: string) {
                  let sql = "SELECT * FROM products WHERE name LIKE '%" + term + "%'";
                  return db.↓execute(sql);
                }
                """, note: "SQL concatenated into a variable, then executed"),
            CollectorExample("app/db.py", """
                def find_user(cursor, email):
                    cursor.↓execute(f"SELECT * FROM users WHERE email = '{email}'")
                    return cursor.fetchone()
                """, note: "Python f-string SQL"),
            CollectorExample("src/components/Comment.tsx", """
                export function Comment({ comment }: { comment: { body: string } }) {
                  return <div ↓dangerouslySetInnerHTML={{ __html: comment.body }} />;
                }
                """, note: "unsanitised HTML from data"),
            CollectorExample("public/app.js", """
                async function loadNotes() {
                  const notes = await (await fetch('/api/notes')).json();
                  document.getElementById('list').↓innerHTML = notes.map((n) => `<li>${n.text}</li>`).join('');
                }
                """, note: "innerHTML built from fetched data"),
            CollectorExample("server/convert.js", """
                const { exec } = require('child_process');
                app.post('/convert', (req, res) => {
                  ↓exec(`convert ${req.body.file} out.png`, (err) => res.json({ ok: !err }));
                });
                """, note: "shell command with request input"),
            CollectorExample("server/calc.js", """
                app.post('/calc', (req, res) => res.json({ result: ↓eval(req.body.expression) }));
                """, note: "eval of request input"),
            CollectorExample("server/routes/share.js", """
                router.get('/share/:id', async (req, res) => {
                  const item = await Item.findById(req.params.id);
                  res.status(200).↓send(`<html><body><h1>Shared</h1><p>From ${req.query.from}</p></body></html>`);
                });
                """, note: "reflected XSS: Express sends a string built from request input as text/html"),
            CollectorExample("server/hello.js", """
                app.get('/hello/:name', (req, res) => res.↓send('<p>Hello ' + req.params.name + '</p>'));
                """, note: "concatenated request input"),
            CollectorExample("app/api/preview/route.ts", """
                export async function GET(req: Request) {
                  const { searchParams } = new URL(req.url);
                  const q = searchParams.get('q') ?? '';
                  const html = `<!doctype html><h1>Results for ${q}</h1>`;
                  return new ↓Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
                }
                """, note: "a Next route handler answering text/html with a query value"),
            CollectorExample([
                "app.py": """
                    from flask import Flask, request
                    app = Flask(__name__)

                    @app.route("/greet")
                    def greet():
                        name = request.args.get("name", "friend")
                        ↓return f"<h1>Hello {name}</h1>"
                    """,
                "views/echo.py": """
                    from flask import Blueprint, request
                    bp = Blueprint("echo", __name__)

                    @bp.route("/echo", methods=["POST"])
                    def echo():
                        ↓return "<p>You said: %s</p>" % request.form["msg"]
                    """,
            ], note: "Flask views returning request input as HTML (f-string, % formatting)"),
            CollectorExample([
                "server/auth.js": """
                    const User = require('./models/User');
                    router.post('/login', async (req, res) => {
                      const user = await User.↓findOne({ email: req.body.email, password: req.body.password });
                      res.json({ ok: !!user });
                    });
                    """,
                "server/models/User.js": "const mongoose = require('mongoose');\nmodule.exports = mongoose.model('User', new mongoose.Schema({ email: String, password: String }));\n",
            ], note: "Mongo login filter fed raw body fields: {\"$ne\": null} bypasses the password"),
        ],
        nonTriggering: [
            CollectorExample("server/routes/users.js", """
                router.get('/users/:id', async (req, res) => {
                  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
                  const ids = req.query.ids.split(',');
                  await pool.query(`SELECT * FROM users WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(',')})`, ids);
                  const users = await prisma.$queryRaw`SELECT * FROM users WHERE id = ${req.params.id}`;
                  const more = await db.execute(sql`select * from users where id = ${req.params.id}`);
                  res.json(rows[0]);
                });
                """, note: "placeholders, placeholder lists, tagged templates"),
            CollectorExample("app/db.py", """
                def find_user(cursor, email):
                    cursor.execute("SELECT * FROM users WHERE email = %s", (email,))
                    # cursor.execute(f"SELECT * FROM users WHERE email = '{email}'")
                    return cursor.fetchone()
                """, note: "parameterised Python query; the unsafe one is commented out"),
            CollectorExample("src/components/Comment.tsx", """
                import DOMPurify from 'dompurify';
                export function Comment({ comment }: { comment: { body: string } }) {
                  const clean = DOMPurify.sanitize(comment.body);
                  return <><div dangerouslySetInnerHTML={{ __html: clean }} />
                    <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />
                    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(schema) }} /></>;
                }
                """, note: "sanitised HTML and JSON-LD"),
            CollectorExample("src/components/ui/chart.tsx", """
                export const ChartStyle = ({ id, config }) => (
                  <style dangerouslySetInnerHTML={{ __html: Object.entries(THEMES).map(([theme, prefix]) => `${prefix} [data-chart=${id}] {}`).join("\\n") }} />
                );
                """, note: "shadcn's vendored chart primitive"),
            CollectorExample("public/app.js", """
                list.innerHTML = '';
                badge.innerHTML = `<span>${count.toFixed(0)}</span>`;
                const m = /a(b)/.exec(text);
                setTimeout(() => refresh(), 1000);
                """, note: "literal markup, numeric interpolation, regex exec, function timers"),
            CollectorExample("server/convert.js", """
                const { execFile } = require('child_process');
                app.post('/convert', (req, res) => {
                  execFile('convert', [req.body.file, 'out.png'], (err) => res.json({ ok: !err }));
                });
                """, note: "execFile with an argument array"),
            CollectorExample("server/routes/share.js", """
                const he = require('he');
                router.get('/share/:id', (req, res) => res.send(`<p>From ${he.encode(String(req.query.from))}</p>`));
                router.get('/api/echo', (req, res) => res.json({ from: req.query.from }));
                router.get('/plain', (req, res) => { res.type('text/plain'); res.send(`From ${req.query.from}`); });
                router.get('/count', (req, res) => res.send(`<p>${Number(req.query.n)} items</p>`));
                socket.send(`<p>${req.body.msg}</p>`);
                """, note: "escaped, JSON, text/plain, numeric; a socket is not an HTTP response"),
            CollectorExample("app/api/preview/route.ts", """
                import DOMPurify from 'isomorphic-dompurify';
                export async function GET(req: Request) {
                  const q = new URL(req.url).searchParams.get('q') ?? '';
                  const text = new Response(`Results for ${q}`);
                  return new Response(`<h1>${DOMPurify.sanitize(q)}</h1>`, { headers: { 'content-type': 'text/html' } });
                }
                """, note: "a Response without an HTML type is text/plain; a sanitised value"),
            CollectorExample("app.py", """
                from flask import Flask, request, jsonify, render_template
                from markupsafe import escape
                app = Flask(__name__)

                @app.route("/greet")
                def greet():
                    name = escape(request.args.get("name", "friend"))
                    return f"<h1>Hello {name}</h1>"

                @app.route("/api/echo")
                def echo():
                    return jsonify(msg=request.args.get("msg"))

                @app.route("/search")
                def search():
                    return render_template("search.html", q=request.args.get("q"))

                def banner(title):
                    return f"<h1>{title}</h1>"
                """, note: "escaped input, JSON, an autoescaped template, a helper that is not a view"),
            CollectorExample("server/routes/users.test.js", """
                await pool.query(`DELETE FROM users WHERE email = '${email}'`);
                """, note: "tests are not shipped"),
        ])

    public var rules: [PatternRule] {
        let js: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte]
        let py: Set<Language> = [.python]
        return [
            PatternRule(id: "G4.P3/sql", literals: ["query(", "execute(", "queryRawUnsafe(", "executeRawUnsafe(", ".raw(", ".unsafe(", "db.run(",
                                                   "db.all(", "db.get(", "db.exec(", ".prepare(", "executemany(", "executescript(", "text(", "read_sql("],
                        regions: .code, languages: js.union(py),
                        regexEquivalent: #"(query|execute|queryRawUnsafe|executeRawUnsafe|raw|unsafe|run|all|get|exec|prepare|executemany|executescript|text|read_sql)\(\s*(`[^`]*\$\{|f["']|["'][^"']*(SELECT|INSERT|UPDATE|DELETE)[^"']*["']\s*(\+|%|\.format))"#),
            PatternRule(id: "G4.P3/nosql", literals: ["$where", "(req.body)", "(req.query)", "where: req.", "password: req.body."], regions: .live, languages: js,
                        regexEquivalent: #"\$where|\.(find|findOne|findOneAndUpdate|updateOne|updateMany|deleteOne|deleteMany|countDocuments)\(req\.(body|query)\)|password:\s*req\.body\."#),
            PatternRule(id: "G4.P3/html", literals: ["dangerouslySetInnerHTML", "innerHTML", "outerHTML", "insertAdjacentHTML(", "document.write(", "v-html",
                                                    "{@html", "|safe", "| safe", "Markup(", "render_template_string(", "bypassSecurityTrustHtml("],
                        regions: .code, regexEquivalent: #"dangerouslySetInnerHTML|\.(inner|outer)HTML\s*\+?=|insertAdjacentHTML\(|document\.write\(|v-html=|\{@html|\|\s*safe|Markup\(|render_template_string\(|bypassSecurityTrustHtml\("#),
            PatternRule(id: "G4.P3/html-response", literals: [".send(", ".write(", ".end(", "new Response(", "new NextResponse(", "c.html("],
                        regions: .code, languages: js,
                        regexEquivalent: #"\b(res|response|reply)(\.status\([^)]*\))?\.(send|write|end)\(\s*(`[^`]*\$\{[^}]*(req\.|params|query|body)|["'][^"']*["']\s*\+\s*req\.)|new (Next)?Response\([^;]*text/html"#),
            PatternRule(id: "G4.P3/html-return", literals: ["return ", "make_response(", "HTMLResponse("], regions: .code, languages: py, wordStart: true,
                        regexEquivalent: #"^\s*return\s+(f["'][^"']*\{[^}]*request\.|["'][^"']*["']\s*(\+|%|\.format\()[^\n]*request\.)|make_response\(|HTMLResponse\("#),
            PatternRule(id: "G4.P3/eval", literals: ["eval(", "new Function(", "setTimeout(", "setInterval(", "exec(", "runInNewContext(", "runInThisContext("],
                        regions: .code, languages: js.union(py), wordStart: true,
                        regexEquivalent: #"\b(eval|exec)\(\s*[^"'\s)]|new Function\(|set(Timeout|Interval)\(\s*["'`]|runIn(New|This)Context\("#),
            PatternRule(id: "G4.P3/shell", literals: ["exec(", "execSync(", "spawn(", "spawnSync(", "os.system(", "os.popen(", "subprocess."],
                        regions: .code, languages: js.union(py),
                        regexEquivalent: #"\b(exec|execSync)\(\s*(`[^`]*\$\{|[^"'`\s)])|spawn(Sync)?\([^)]*shell:\s*true|os\.(system|popen)\(\s*(f["']|[^"'\s)])|subprocess\.\w+\([^)]*shell\s*=\s*True"#),
        ]
    }

    /// A string built from parts, as found at a sink.
    struct Built {
        var shape: String
        /// The non-literal parts (interpolations, concatenated operands, format arguments).
        var dynamic: [String]
        /// The literal text, for telling SQL from other strings.
        var literal: String
        var viaVariable: String?
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let program = app.files.filter { ShippedCode.isShippedCode($0) && ($0.language.isProgram || $0.language == .html) }
        guard !program.isEmpty else { return .notMeasured(d.id, "the app has no JavaScript, TypeScript or Python code to check") }
        var findings: [Finding] = []
        var counts: [String: Int] = [:]
        var bodies: [String: [Range<Int>]] = [:]
        func functionBodies(_ f: ScannedFile) -> [Range<Int>] {
            if let b = bodies[f.path] { return b }
            let b = f.language.isJSFamily ? ByteNav.jsFunctionBodies(f) : []
            bodies[f.path] = b
            return b
        }

        for (f, hit) in app.hits("G4.P3/sql") where ShippedCode.isShippedCode(f) {
            if let x = sqlFinding(f, hit, functionBodies(f)) {
                counts["sql sinks with built strings", default: 0] += 1
                findings.append(x)
            }
            counts["SQL call sites", default: 0] += 1
        }
        for (f, hit) in app.hits("G4.P3/nosql") where ShippedCode.isShippedCode(f) {
            if let x = nosqlFinding(f, hit, app) { findings.append(x) }
        }
        for (f, hit) in app.hits("G4.P3/html") where ShippedCode.isShippedCode(f) || f.language == .html && f.role != .test && f.role != .docs {
            counts["HTML sinks", default: 0] += 1
            if let x = htmlFinding(f, hit, functionBodies(f)) { findings.append(x) }
        }
        var pyRoutes: ServerRoutes?
        for (f, hit) in app.hits("G4.P3/html-response") where ShippedCode.isShippedCode(f) && !ShippedCode.runsInBrowser(f) {
            if let x = htmlResponseFinding(f, hit, functionBodies(f)) {
                counts["HTML responses", default: 0] += 1
                findings.append(x)
            }
        }
        for (f, hit) in app.hits("G4.P3/html-return") where ShippedCode.isShippedCode(f) {
            if pyRoutes == nil { pyRoutes = ServerRoutes.build(app) }
            guard let route = pyRoutes?.route(containing: Int(hit.offset), in: f.path), route.framework.isPython else { continue }
            if let x = pythonHTMLReturnFinding(f, hit, handler: route.handler) { findings.append(x) }
        }
        for (f, hit) in app.hits("G4.P3/eval") where ShippedCode.isShippedCode(f) {
            if let x = evalFinding(f, hit, functionBodies(f)) { findings.append(x) }
        }
        for (f, hit) in app.hits("G4.P3/shell") where ShippedCode.isShippedCode(f) {
            counts["shell calls", default: 0] += 1
            if let x = shellFinding(f, hit, functionBodies(f)) { findings.append(x) }
        }
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.path ?? ""):\($0.line):\($0.column)").inserted }
        findings = groupXSS(findings)
        var evidence = [Evidence("program files", program.count)]
        for k in ["SQL call sites", "HTML sinks", "shell calls"] { evidence.append(Evidence(k, counts[k] ?? 0)) }
        for r in ["sql-injection", "nosql-injection", "xss", "reflected-xss", "code-injection", "command-injection"] {
            evidence.append(Evidence(r, findings.filter { $0.rule == r }.count))
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings, evidence: evidence)
    }

    /// One XSS finding per file and sink (the first place, with the count), so one unsafe habit repeated in a
    /// file weighs like one problem to fix, not ten. Reflected XSS is not grouped: each endpoint is its own link an
    /// attacker can send.
    private func groupXSS(_ findings: [Finding]) -> [Finding] {
        var out: [Finding] = []
        var index: [String: Int] = [:]
        var counts: [String: Int] = [:]
        for f in findings {
            guard f.rule == "xss" else { out.append(f); continue }
            let sink = String(f.message.prefix { $0 != " " })
            let key = "\(f.path ?? "")|\(sink)"
            if let i = index[key] {
                counts[key, default: 1] += 1
                if f.severity > out[i].severity { out[i].severity = f.severity }
            } else {
                index[key] = out.count
                counts[key] = 1
                out.append(f)
            }
        }
        for (key, i) in index where (counts[key] ?? 1) > 1 {
            out[i].message += " (\(counts[key]!) places in this file.)"
        }
        return out
    }

    // MARK: - Building strings

    /// How the expression in `range` builds a string, following a local variable once; nil when it is
    /// a constant or does not build a string from parts.
    func built(_ f: ScannedFile, _ range: Range<Int>, scope: Range<Int>?, depth: Int = 0) -> Built? {
        let r = ByteNav.trim(f, range)
        guard !r.isEmpty else { return nil }
        switch ByteNav.shape(f, r) {
        case .plain:
            return nil
        case .template(let subs):
            let dyn = subs.map { ByteNav.codeText(f, $0) }
            return Built(shape: "a template literal", dynamic: dyn, literal: ByteNav.stringValues(f, r).joined(separator: " "), viaVariable: nil)
        case .fString:
            let text = f.string(r)
            return Built(shape: "an f-string", dynamic: fStringFields(text), literal: text, viaVariable: nil)
        case .formatted:
            let text = ByteNav.codeText(f, r)
            let args: String
            if let pct = text.range(of: "%", options: .backwards) { args = String(text[pct.upperBound...]) } else { args = text }
            return Built(shape: "% / .format() formatting", dynamic: [args], literal: ByteNav.stringValues(f, r).joined(separator: " "), viaVariable: nil)
        case .concatenation:
            let parts = ByteNav.splitTopLevel(f, r, separator: 0x2B)
            var dyn: [String] = []
            for p in parts {
                if let reg = ByteNav.region(f, at: p.lowerBound), reg.kind == .string, Int(reg.end) >= p.upperBound { continue }
                dyn.append(ByteNav.codeText(f, p))
            }
            return Built(shape: "string concatenation", dynamic: dyn, literal: ByteNav.stringValues(f, r).joined(separator: " "), viaVariable: nil)
        case .other:
            guard depth == 0, JSRouteScanner.isPlainName(f, r) else { return nil }
            let name = ByteNav.codeText(f, r)
            guard !name.contains(".") else { return nil }
            let lo = scope?.lowerBound ?? max(0, r.lowerBound - 4000)
            var acc: Built?
            for o in ByteNav.find(f, name, in: lo..<r.lowerBound, wordStart: true, wordEnd: true) {
                var j = ByteNav.skipTrivia(f, o + name.utf8.count)
                // `name: string =` annotations
                if j < f.bytes.count, f.bytes[j] == 0x3A, f.language.isTypeScript {
                    while j < r.lowerBound, f.bytes[j] != 0x3D, f.bytes[j] != 0x0A { j += 1 }
                }
                guard j + 1 < f.bytes.count else { continue }
                let c = f.bytes[j], c2 = f.bytes[j + 1]
                var rhs: Int?
                if c == 0x3D && c2 != 0x3D && c2 != 0x3E { rhs = j + 1 }
                if c == 0x2B && c2 == 0x3D { rhs = j + 2 }
                guard let start = rhs else { continue }
                let end = ByteNav.statementEnd(f, start)
                if let b = built(f, start..<end, scope: scope, depth: 1) {
                    acc = Built(shape: b.shape, dynamic: (acc?.dynamic ?? []) + b.dynamic, literal: (acc?.literal ?? "") + " " + b.literal, viaVariable: name)
                } else if c == 0x2B, let s = ByteNav.stringValue(f, start..<end) {
                    acc?.literal += " " + s
                } else if c == 0x3D, let s = ByteNav.stringValue(f, start..<end) {
                    acc = acc ?? Built(shape: "", dynamic: [], literal: s, viaVariable: name)
                    acc?.literal += " " + s
                }
            }
            if let a = acc, !a.dynamic.isEmpty { return a }
            return nil
        }
    }

    private func fStringFields(_ text: String) -> [String] {
        var out: [String] = []
        var depth = 0
        var cur = ""
        var prev: Character = " "
        for ch in text {
            if ch == "{" {
                if depth == 0 && prev == "{" { prev = " "; continue }
                depth += 1
                if depth == 1 { cur = ""; prev = ch; continue }
            } else if ch == "}" && depth > 0 {
                depth -= 1
                if depth == 0 { out.append(cur); prev = ch; continue }
            }
            if depth > 0 { cur.append(ch) }
            prev = ch
        }
        return out.map { String($0.prefix { $0 != "!" && $0 != ":" || false }) }
    }

    private func risky(_ b: Built) -> [String] {
        b.dynamic.filter { !ShippedCode.isHarmlessInterpolation($0) }
    }

    private func looksLikeSQL(_ s: String) -> Bool {
        let t = " " + s.lowercased().replacingOccurrences(of: "\n", with: " ") + " "
        let pairs: [(String, String)] = [("select ", " from "), ("insert into", ""), ("update ", " set "), ("delete from", ""), (" where ", ""),
                                         ("order by", ""), ("create table", ""), ("drop table", ""), ("alter table", ""), ("truncate ", ""),
                                         ("select ", "count("), (" values", "(")]
        return pairs.contains { t.contains($0.0) && ($0.1.isEmpty || t.contains($0.1)) }
    }

    private func enclosing(_ bodies: [Range<Int>], _ offset: Int) -> Range<Int>? {
        ByteNav.innermost(bodies, containing: offset)
    }

    private func describe(_ parts: [String]) -> String {
        let shown = parts.prefix(2).map { "`\(JSRouteScanner.clip($0.trimmingCharacters(in: .whitespaces)))`" }.joined(separator: ", ")
        return parts.count > 2 ? shown + " and \(parts.count - 2) more" : shown
    }

    // MARK: - SQL

    private func sqlFinding(_ f: ScannedFile, _ hit: RuleHit, _ bodies: [Range<Int>]) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let open = off + len - 1
        let b = f.bytes
        guard open < b.count, b[open] == 0x28 else { return nil }
        let lit = f.string(off..<(off + len))
        // The callee must be the named call, not a longer identifier (`useQuery(`, `subquery(`).
        if ByteClass.isIdentifier(lit.utf8.first!) && off > 0 && ByteClass.isIdentifier(b[off - 1]) {
            let name = String(lit.dropLast())
            // Prisma's `$queryRawUnsafe(`: the `$` is part of the JS identifier, not a longer name.
            let id = ByteNav.identifier(endingBefore: open, in: f).map { f.string($0) } ?? ""
            if id != name && id != "$" + name { return nil }
        }
        if lit == "text(" && f.language != .python { return nil }
        let isMember = off > 0 && (b[off - 1] == 0x2E || lit.hasPrefix("."))
        if lit == "execute(" || lit == "query(", !isMember, f.language == .python { return nil }
        let args = ByteNav.callArgs(f, open: open)
        guard let first = args.first else { return nil }
        let alwaysSQL = lit.contains("RawUnsafe") || lit == ".unsafe("
        guard let built = built(f, first, scope: enclosing(bodies, off)) else { return nil }
        if !alwaysSQL && !looksLikeSQL(built.literal) { return nil }
        let risky = risky(built)
        guard !risky.isEmpty else { return nil }
        let fromInput = risky.contains { ShippedCode.readsInput($0) }
        let identifierOnly = risky.allSatisfy { p in
            let l = p.lowercased()
            return ["table", "column", "col", "order", "sort", "direction", "dir", "field", "schema"].contains { l.hasSuffix($0) }
        } && (built.literal.contains("$1") || built.literal.contains("?") || built.literal.contains("%s"))
        let severity: Severity = fromInput ? .critical : (identifierOnly ? .medium : .high)
        let via = built.viaVariable.map { " (through `\($0)`)" } ?? ""
        let call = f.string(off..<(off + len - 1)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let fix = f.language == .python
            ? "pass values as parameters (`cursor.execute(\"… WHERE id = %s\", (value,))` / SQLAlchemy `text(\"… :id\")` with a dict)"
            : "pass values as parameters (`$1`/`?` placeholders with an array, or a tagged `sql\\`…\\`` template)"
        return Finding.at(descriptor, rule: "sql-injection", file: f, offset: off + (lit.hasPrefix(".") ? 1 : 0), severity: severity,
                          message: "SQL text for \(call)() is built with \(built.shape)\(via) from \(describe(risky))\(fromInput ? ", which comes straight from the request" : ""). A quote in that value rewrites the query (read or delete any row). Instead \(fix)\(identifierOnly ? "; for table or column names, check against a fixed allow-list" : "").")
    }

    // MARK: - NoSQL

    private func nosqlFinding(_ f: ScannedFile, _ hit: RuleHit, _ app: AppContext) -> Finding? {
        let off = Int(hit.offset)
        let lit = f.string(off..<(off + Int(hit.length)))
        let b = f.bytes
        let filterCalls: Set<String> = ["find", "findOne", "findOneAndUpdate", "findOneAndDelete", "findOneAndReplace", "updateOne", "updateMany",
                                        "deleteOne", "deleteMany", "countDocuments", "findAll", "count", "aggregate", "exists"]
        if lit == "$where" {
            // `{ $where: <value> }` with a value built from data.
            var j = off + 6
            if let reg = ByteNav.region(f, at: off), reg.kind == .string { j = Int(reg.end) }
            j = ByteNav.skipTrivia(f, j)
            guard j < b.count, b[j] == 0x3A else { return nil }
            let v = ByteNav.skipTrivia(f, j + 1)
            let end = ByteNav.splitTopLevel(f, v..<ByteNav.statementEnd(f, v), separator: 0x2C).first?.upperBound ?? v
            guard let built = built(f, v..<end, scope: nil), !risky(built).isEmpty else { return nil }
            return Finding.at(descriptor, rule: "nosql-injection", file: f, offset: off, severity: .high,
                              message: "A MongoDB `$where` clause is built with \(built.shape) from \(describe(risky(built))). `$where` runs JavaScript on the database server, so data in it can read or stall the whole collection. Replace it with ordinary query operators.")
        }
        if lit == "(req.body)" || lit == "(req.query)" {
            guard let id = ByteNav.identifier(endingBefore: off, in: f), filterCalls.contains(f.string(id)),
                  let dot = ByteNav.prevSignificant(f, id.lowerBound), b[dot] == 0x2E else { return nil }
            if hasMongoSanitizer(app) { return nil }
            return Finding.at(descriptor, rule: "nosql-injection", file: f, offset: id.lowerBound, severity: .high,
                              message: "The whole request \(lit.contains("body") ? "body" : "query") is used as a database filter in \(f.string(id))(). A client can send operators such as {\"$ne\": null} or {\"$gt\": \"\"} and match records it should not. Build the filter from validated, type-checked fields.")
        }
        if lit == "where: req." {
            let v = off + 7
            let path = ByteNav.memberPath(startingAt: v, in: f).text
            guard path == "req.body" || path == "req.query" || path == "req.params" else { return nil }
            return Finding.at(descriptor, rule: "nosql-injection", file: f, offset: off, severity: .high,
                              message: "The whole request object `\(path)` is used as a `where` filter. A client chooses the columns and operators it filters by. Build the filter from validated fields.")
        }
        if lit == "password: req.body." {
            // A login filter `{ email: req.body.email, password: req.body.password }` in a Mongo query.
            guard JSModules.mentionsModule(f, ["mongoose", "mongodb"]) != nil || app.files.contains(where: { JSModules.mentionsModule($0, ["mongoose", "mongodb"]) != nil && $0.language.isJSFamily }) else { return nil }
            guard let brace = enclosingBrace(f, off), let callOpen = ByteNav.prevSignificant(f, brace), b[callOpen] == 0x28,
                  let id = ByteNav.identifier(endingBefore: callOpen, in: f), filterCalls.contains(f.string(id)) else { return nil }
            if hasMongoSanitizer(app) { return nil }
            return Finding.at(descriptor, rule: "nosql-injection", file: f, offset: id.lowerBound, severity: .high,
                              message: "The login query compares `password` with a raw body field. A JSON body {\"password\": {\"$ne\": null}} matches any user, so anyone can sign in as anyone. Cast inputs with String(), look the user up by email only and compare a bcrypt hash.")
        }
        return nil
    }

    private func enclosingBrace(_ f: ScannedFile, _ offset: Int) -> Int? {
        var i = offset - 1
        var depth = 0
        while i >= 0 && offset - i < 2000 {
            if let reg = ByteNav.region(f, at: i) { i = Int(reg.start) - 1; continue }
            let c = f.bytes[i]
            if ByteNav.isClose(c) { depth += 1 } else if ByteNav.isOpen(c) {
                if depth == 0 { return c == 0x7B ? i : nil }
                depth -= 1
            }
            i -= 1
        }
        return nil
    }

    private func hasMongoSanitizer(_ app: AppContext) -> Bool {
        app.files.contains { f in
            f.language.isJSFamily && (JSModules.mentionsModule(f, ["express-mongo-sanitize", "mongo-sanitize", "mongoose-sanitize"]) != nil
                || ByteNav.contains(f, "sanitizeFilter", in: 0..<f.bytes.count))
        }
    }

    // MARK: - XSS

    private static let sanitizers = ["sanitize", "purify", "dompurify", "xss(", "escape", "bleach", "striptags", "strip_tags", "encodehtml", "htmlencode", "he.encode"]

    private func isSanitized(_ text: String) -> Bool {
        let l = text.lowercased()
        return Self.sanitizers.contains { l.contains($0) }
    }

    /// Whether an HTML expression is safe: sanitised, constant, JSON, or a variable assigned from a sanitiser.
    private func htmlValueIsSafe(_ f: ScannedFile, _ r: Range<Int>, _ bodies: [Range<Int>]) -> Bool {
        let text = ByteNav.codeText(f, r)
        if text.isEmpty || isSanitized(text) || text.contains("JSON.stringify(") || text.contains("json.dumps(") { return true }
        switch ByteNav.shape(f, r) {
        case .plain: return true
        case .template(let subs):
            return subs.allSatisfy { s in
                let t = ByteNav.codeText(f, s)
                return ShippedCode.isHarmlessInterpolation(t) || isSanitized(t)
            }
        default: break
        }
        if JSRouteScanner.isPlainName(f, r), text.contains("."), let root = text.split(separator: ".").first.map(String.init), isConstantData(f, root, depth: 0) {
            return true
        }
        if JSRouteScanner.isPlainName(f, r) {
            let name = text.split(separator: ".").last.map(String.init) ?? text
            let l = name.lowercased()
            if l.contains("sanitiz") || l.contains("clean") || l.contains("safe") || l.contains("escaped") || l.contains("purified") { return true }
            if name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) { return true }
            if !text.contains("."), let def = JSModules.definition(of: text, in: f) {
                let dt = ByteNav.codeText(f, def)
                if isSanitized(dt) { return true }
                if case .plain = ByteNav.shape(f, def) { return true }
            }
        }
        return false
    }

    private func htmlFinding(_ f: ScannedFile, _ hit: RuleHit, _ bodies: [Range<Int>]) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        let pathL = f.path.lowercased()
        func report(_ valueText: String, _ sink: String, severity: Severity = .high) -> Finding {
            Finding.at(descriptor, rule: "xss", file: f, offset: off, severity: severity,
                       message: "\(sink) receives `\(JSRouteScanner.clip(valueText))` without sanitising it. If any part comes from users or an API, a `<img onerror=…>` in it runs script in every visitor's session (stealing tokens, acting as them). Render it as text, or pass it through DOMPurify.sanitize() first.")
        }
        switch lit {
        case "dangerouslySetInnerHTML":
            if pathL.contains("components/ui/") { return nil }
            guard let brace = ByteNav.find(f, "__html", in: off..<min(b.count, off + 300)).first else { return nil }
            var j = ByteNav.skipTrivia(f, brace + 6)
            guard j < b.count, b[j] == 0x3A else { return nil }
            j = ByteNav.skipTrivia(f, j + 1)
            guard let outer = enclosingBrace(f, brace), let close = ByteNav.matchingClose(f, outer) else { return nil }
            let value = ByteNav.splitTopLevel(f, j..<close, separator: 0x2C).first ?? (j..<close)
            if htmlValueIsSafe(f, value, bodies) { return nil }
            return report(ByteNav.codeText(f, value), "dangerouslySetInnerHTML")
        case "innerHTML", "outerHTML":
            if off > 0, b[off - 1] != 0x2E { return nil }
            var j = ByteNav.skipTrivia(f, off + len)
            guard j + 1 < b.count else { return nil }
            if b[j] == 0x2B && b[j + 1] == 0x3D { j += 2 } else if b[j] == 0x3D && b[j + 1] != 0x3D { j += 1 } else { return nil }
            let rhs = ByteNav.skipTrivia(f, j)
            let value = rhs..<ByteNav.statementEnd(f, rhs)
            if htmlValueIsSafe(f, value, bodies) || mapsToSafeMarkup(f, value) || mapsLocalConstants(f, value) { return nil }
            return report(ByteNav.codeText(f, value), "." + lit)
        case "insertAdjacentHTML(", "document.write(", "render_template_string(", "bypassSecurityTrustHtml(", "Markup(":
            let open = off + len - 1
            let args = ByteNav.callArgs(f, open: open)
            guard let value = lit == "insertAdjacentHTML(" ? (args.count > 1 ? args[1] : nil) : args.first else { return nil }
            if lit == "Markup(" && f.language != .python { return nil }
            if lit == "Markup(" || lit == "render_template_string(" {
                guard let built = built(f, value, scope: nil), !risky(built).filter({ !isSanitized($0) }).isEmpty else { return nil }
                if lit == "render_template_string(" {
                    return Finding.at(descriptor, rule: "xss", file: f, offset: off, severity: .critical,
                                      message: "render_template_string() gets a template built with \(built.shape) from \(describe(risky(built))). Jinja evaluates `{{ … }}` in that data: server-side template injection, which runs code on the server. Keep templates constant and pass data as variables.")
                }
                return report(ByteNav.codeText(f, value), "Markup()")
            }
            if htmlValueIsSafe(f, value, bodies) || mapsToSafeMarkup(f, value) || mapsLocalConstants(f, value) { return nil }
            return report(ByteNav.codeText(f, value), String(lit.dropLast()) + "()")
        case "v-html", "{@html":
            var j = ByteNav.skipTrivia(f, off + len)
            if lit == "v-html" {
                guard j < b.count, b[j] == 0x3D else { return nil }
                j = ByteNav.skipTrivia(f, j + 1)
                guard j < b.count, b[j] == 0x22 || b[j] == 0x27 else { return nil }
                let q = b[j]
                var e = j + 1
                while e < b.count, b[e] != q { e += 1 }
                let expr = f.string((j + 1)..<e)
                if isSanitized(expr) { return nil }
                return report(expr, "v-html")
            }
            var e = j
            while e < b.count, b[e] != 0x7D { e += 1 }
            let expr = f.string(j..<e)
            if isSanitized(expr) { return nil }
            return report(expr, "{@html}")
        case "|safe", "| safe":
            guard f.language == .html || f.language == .text else { return nil }
            let line = f.lineText(at: off)
            if line.contains("tojson") || line.contains("csrf") { return nil }
            return Finding.at(descriptor, rule: "xss", file: f, offset: off, severity: .medium,
                              message: "`|safe` turns off Jinja's autoescaping for this value. If it holds anything a user wrote, it renders as live HTML and script. Drop `|safe`, or clean the HTML with bleach before marking it safe.")
        default:
            return nil
        }
    }

    /// Whether a name holds data the code itself defines: an object/array/string literal, an upper-case constant,
    /// or an entry of one (`const config = statusConfig[status]`).
    private func isConstantData(_ f: ScannedFile, _ name: String, depth: Int) -> Bool {
        guard depth < 3, !name.isEmpty else { return false }
        if name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) { return true }
        guard let def = variableInitializer(f, name) else { return false }
        let t = ByteNav.codeText(f, def)
        guard let first = t.first else { return false }
        if first == "{" || first == "[" { return !t.contains("await") && !t.contains("fetch(") && !t.contains("props") }
        if case .plain = ByteNav.shape(f, def) { return true }
        let head = ByteNav.memberPath(startingAt: def.lowerBound, in: f).text
        let root = String(head.split(separator: ".").first ?? "")
        let after = t.dropFirst(head.count).first
        if after == "[" || after == "." { return isConstantData(f, root, depth: depth + 1) }
        return false
    }

    /// The initializer of `const|let|var name = …` (type annotations allowed), if the file declares one.
    private func variableInitializer(_ f: ScannedFile, _ name: String) -> Range<Int>? {
        for o in ByteNav.find(f, name, in: 0..<f.bytes.count, wordStart: true, wordEnd: true) {
            guard let kw = ByteNav.identifier(endingBefore: o, in: f), ["const", "let", "var"].contains(f.string(kw)) else { continue }
            guard let j = ByteNav.assignmentOperator(f, after: o + name.utf8.count) else { continue }
            let rhs = ByteNav.skipTrivia(f, j + 1)
            return rhs..<ByteNav.statementEnd(f, rhs)
        }
        return nil
    }

    /// `times.map(t => `<option>${t}</option>`)` where `times` is an array the code itself fills.
    private func mapsLocalConstants(_ f: ScannedFile, _ value: Range<Int>) -> Bool {
        let head = ByteNav.memberPath(startingAt: value.lowerBound, in: f)
        guard head.text.hasSuffix(".map"), let root = head.text.split(separator: ".").first.map(String.init), root.first?.isLowercase == true,
              let def = variableInitializer(f, root) else { return false }
        let t = ByteNav.codeText(f, def)
        return t.hasPrefix("[") || t.hasPrefix("Array.from(") || t.hasPrefix("new Array")
    }

    /// `items.map(i => `<li>${escapeHtml(i.name)}</li>`).join('')` style values: safe when every interpolation in the
    /// mapped templates is harmless or escaped.
    private func mapsToSafeMarkup(_ f: ScannedFile, _ value: Range<Int>) -> Bool {
        var sawTemplate = false
        var k = ByteNav.regionIndex(f.regions, after: value.lowerBound)
        while k < f.regions.count, Int(f.regions[k].start) < value.upperBound {
            let reg = f.regions[k]
            if reg.kind == .string, f.bytes[Int(reg.start)] == 0x60 {
                sawTemplate = true
                if let (subs, _) = ByteNav.templateParts(f, startRegion: k) {
                    for s in subs {
                        let t = ByteNav.codeText(f, s)
                        if t.contains("`") { continue }
                        if !ShippedCode.isHarmlessInterpolation(t) && !isSanitized(t) { return false }
                    }
                }
            }
            k += 1
        }
        return sawTemplate
    }

    // MARK: - Server-rendered HTML (reflected XSS)

    /// Whether a value read in `scope` before `before` comes from the request: it reads request input itself, or it is a
    /// name assigned (or destructured) from request input without an escaping call.
    private func carriesInput(_ f: ScannedFile, _ expr: String, scope: Range<Int>, before: Int, inScript: Bool = false) -> Bool {
        var t = expr.trimmingCharacters(in: .whitespacesAndNewlines)
        if inScript, t.hasPrefix("JSON.stringify("), t.hasSuffix(")") { t = String(t.dropFirst(15).dropLast()) }
        if isSanitized(t) || ShippedCode.isHarmlessInterpolation(t) { return false }
        if Self.readsLinkInput(t) { return true }
        let names = JSCode.identifiers(in: t).filter { $0.first.map { $0.isLowercase || $0 == "_" } == true }
        guard let root = names.first else { return false }
        for o in ByteNav.find(f, root, in: scope.lowerBound..<max(scope.lowerBound, before), wordStart: true, wordEnd: true) {
            if o > 0, f.bytes[o - 1] == 0x2E { continue }
            // Inside a destructuring pattern (`const { q = '', page } = req.query`), read the whole declaration.
            var at = o
            if let brace = enclosingBrace(f, o), let kw = ByteNav.identifier(endingBefore: brace, in: f), ["const", "let", "var"].contains(f.string(kw)) { at = brace }
            let stmt = ByteNav.statementStart(f, at)
            let end = ByteNav.statementEnd(f, at)
            guard end <= before + 1 || end < f.bytes.count else { continue }
            let text = ByteNav.codeText(f, stmt..<end)
            // `name = …` / `const { name } = …` / `name: str = …`, with the name on the left of the first lone `=`.
            let bytes = Array(text.utf8)
            var eq: Int?
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x3D, (i + 1 >= bytes.count || (bytes[i + 1] != 0x3D && bytes[i + 1] != 0x3E)),
                   i == 0 || ![0x3D, 0x21, 0x3C, 0x3E].contains(bytes[i - 1]) { eq = i; break }
                i += 1
            }
            guard var e = eq else { continue }
            if at != o, let last = bytes.lastIndex(of: 0x7D), let after = bytes[last...].firstIndex(of: 0x3D) { e = after }
            let lhs = String(decoding: bytes[..<e], as: UTF8.self), rhs = String(decoding: bytes[(e + 1)...], as: UTF8.self)
            guard JSCode.identifiers(in: lhs).contains(root), !lhs.contains("(") else { continue }
            if isSanitized(rhs) { return false }
            if Self.readsLinkInput(rhs) { return true }
        }
        return false
    }

    /// Request values a browser sends as it is told to: the host, scheme, method, client address and headers are set by the
    /// victim's own browser, not by a link or form an attacker makes it follow, so they do not make a reflected XSS.
    private static let browserSetInput = ["req.protocol", "req.hostname", "req.host", "req.get(", "req.header(", "req.headers", "req.ip", "req.method",
                                          "req.secure", "request.host", "request.headers", "request.method", "request.remote_addr", "request.scheme",
                                          "request.url_root", "request.host_url", "request.base_url", "request.nextUrl.origin", "req.nextUrl.origin"]

    private static func readsLinkInput(_ text: String) -> Bool {
        var t = text.replacingOccurrences(of: " ", with: "")
        for m in browserSetInput { t = t.replacingOccurrences(of: m, with: "_") }
        return ShippedCode.readsInput(t)
    }

    private static let markupStarts: Set<UInt8> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!".utf8)

    private func looksLikeMarkup(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count > 1 else { return false }
        for i in 0..<(b.count - 1) where b[i] == 0x3C && Self.markupStarts.contains(b[i + 1]) { return true }
        return false
    }

    /// The request-input parts of a response body built from strings, or nil when the body is constant, escaped or not built.
    private func reflectedParts(_ f: ScannedFile, _ value: Range<Int>, scope: Range<Int>, at off: Int) -> (Built, [String])? {
        guard let built = built(f, value, scope: scope) else { return nil }
        // Inside a `<script>` block JSON.stringify is no escape: a value holding `</script>` closes the block.
        let inScript = built.literal.lowercased().contains("<script")
        let candidates = inScript ? built.dynamic.filter { d in
            let t = d.trimmingCharacters(in: .whitespaces)
            return !ShippedCode.isHarmlessInterpolation(t) || (t.hasPrefix("JSON.stringify(") && t.hasSuffix(")"))
        } : risky(built)
        let parts = candidates.filter { !isSanitized($0) && carriesInput(f, $0, scope: scope, before: off, inScript: inScript) }
        return parts.isEmpty ? nil : (built, parts)
    }

    /// Express/Fastify `res.send(…)`/`res.write(…)`/`res.end(…)`, Hono `c.html(…)`, and `new Response(…)` with a text/html
    /// content type, given a string built from request input. Express sends a string as text/html unless the handler set
    /// another type first; a Fetch `Response` with a string body is text/plain unless its headers say text/html.
    private func htmlResponseFinding(_ f: ScannedFile, _ hit: RuleHit, _ bodies: [Range<Int>]) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        let open = off + len - 1
        guard open < b.count, b[open] == 0x28 else { return nil }
        // The handler's body, or for an expression-bodied arrow (`(req, res) => res.send(…)`) the statement around it.
        let scope = ByteNav.innermost(bodies, containing: off) ?? (ByteNav.statementStart(f, off)..<min(b.count, off + 1))
        let args = ByteNav.callArgs(f, open: open)
        guard let first = args.first else { return nil }
        var sink: String
        var at = off
        switch lit {
        case ".send(", ".write(", ".end(":
            // The receiver is the response: `res.send(`, `res.status(400).send(`, `reply.code(200).send(`.
            var k = off
            var root = ""
            while true {
                if let p = ByteNav.prevSignificant(f, k), b[p] == 0x29, let o = ByteNav.matchingOpen(f, p) { k = o }
                guard let id = ByteNav.identifier(endingBefore: k, in: f) else { break }
                root = f.string(id)
                guard let dot = ByteNav.prevSignificant(f, id.lowerBound), b[dot] == 0x2E else { break }
                k = dot
            }
            guard ["res", "response", "reply", "resp"].contains(root) else { return nil }
            let method = String(lit.dropFirst().dropLast())
            sink = "\(root).\(method)()"
            at = off + 1
            // A type other than HTML set earlier in the handler (`res.type('text/plain')`, `res.setHeader('Content-Type', 'application/json')`).
            let before = ByteNav.codeText(f, scope.lowerBound..<off).lowercased() + " " + ByteNav.stringValues(f, scope.lowerBound..<off).joined(separator: " ").lowercased()
            if ["text/plain", "application/json", ".type('text')", ".type(\"text\")", ".type('txt')", ".type('json')", ".type(\"json\")", "text/csv", "text/event-stream"].contains(where: { before.contains($0) }) {
                return nil
            }
            if method != "send", !looksLikeMarkup(ByteNav.stringValues(f, first).joined(separator: " ")), !before.contains("text/html") {
                // A raw `res.write`/`res.end` carries no content type of its own; only markup makes it an HTML page.
                if case .other = ByteNav.shape(f, first) {} else { return nil }
            }
        case "new Response(", "new NextResponse(":
            guard args.count > 1 else { return nil }
            let initText = ByteNav.codeText(f, args[1]).lowercased() + " " + ByteNav.stringValues(f, args[1]).joined(separator: " ").lowercased()
            guard initText.contains("text/html") else { return nil }
            sink = String(lit.dropFirst(4).dropLast()) + "(…, text/html)"
            at = off + 4
        case "c.html(":
            sink = "c.html()"
        default:
            return nil
        }
        guard let (built, parts) = reflectedParts(f, first, scope: scope, at: off) else { return nil }
        let markup = looksLikeMarkup(built.literal)
        let json = parts.contains { $0.contains("JSON.stringify(") } ? " (JSON.stringify does not escape `</script>` inside a script block)" : ""
        return Finding.at(descriptor, rule: "reflected-xss", file: f, offset: at, severity: markup ? .high : .medium,
                          message: "\(sink) answers with HTML built with \(built.shape) from request input \(describe(parts)), unescaped\(json): reflected XSS. A link such as `?x=<script>…</script>` runs script in the victim's session on this origin. Escape every value (he.encode / escape-html), render through a template engine that escapes, or answer JSON.")
    }

    /// A Flask/FastAPI/Django view that returns a string (Flask and Django send it as text/html) built from request input:
    /// `return f"<h1>{request.args['q']}</h1>"`, `return "<p>" + name`, `make_response(…)`, `HTMLResponse(…)`.
    private func pythonHTMLReturnFinding(_ f: ScannedFile, _ hit: RuleHit, handler: Range<Int>) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        var value: Range<Int>
        if lit == "return " {
            let start = ByteNav.skipTrivia(f, off + len)
            let end = ByteNav.statementEnd(f, start)
            guard start < end else { return nil }
            value = start..<end
            // `return html, 200` / `return make_response(…)` are read by their own parts.
            let parts = ByteNav.splitTopLevel(f, value, separator: 0x2C)
            if parts.count > 1 {
                value = parts[0]
                let rest = parts.dropFirst().map { ByteNav.codeText(f, $0) + " " + ByteNav.stringValues(f, $0).joined(separator: " ") }.joined(separator: " ").lowercased()
                if rest.contains("text/plain") || rest.contains("application/json") { return nil }
            }
            let text = ByteNav.codeText(f, value)
            if text.hasPrefix("make_response(") || text.hasPrefix("HTMLResponse(") || text.hasPrefix("jsonify(") || text.hasPrefix("render_template(") { return nil }
        } else {
            let open = off + len - 1
            guard open < b.count, b[open] == 0x28, let first = ByteNav.callArgs(f, open: open).first else { return nil }
            if off > 0, ByteClass.isIdentifier(b[off - 1]) { return nil }
            let call = ByteNav.codeText(f, ByteNav.callArgs(f, open: open).dropFirst().first ?? (open..<open)).lowercased()
            if call.contains("text/plain") || call.contains("application/json") { return nil }
            value = first
        }
        if ByteNav.contains(f, "mimetype", in: off..<ByteNav.statementEnd(f, off)) || ByteNav.contains(f, "media_type", in: off..<ByteNav.statementEnd(f, off)) {
            let tail = ByteNav.stringValues(f, off..<ByteNav.statementEnd(f, off)).joined(separator: " ").lowercased()
            if !tail.contains("html") { return nil }
        }
        guard let (built, parts) = reflectedParts(f, value, scope: handler, at: off) else { return nil }
        let markup = looksLikeMarkup(built.literal)
        return Finding.at(descriptor, rule: "reflected-xss", file: f, offset: off, severity: markup ? .high : .medium,
                          message: "return sends HTML built with \(built.shape) from request input \(describe(parts)), unescaped (a view's string is served as text/html): reflected XSS. A link such as `?q=<script>…</script>` runs script in the victim's session. Render a template with autoescaping (render_template), wrap values in markupsafe.escape(), or return JSON.")
    }

    // MARK: - Code evaluation

    private func evalFinding(_ f: ScannedFile, _ hit: RuleHit, _ bodies: [Range<Int>]) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        if off > 0, b[off - 1] == 0x2E { return nil }
        let open = off + len - 1
        guard open < b.count, b[open] == 0x28 else { return nil }
        let args = ByteNav.callArgs(f, open: open)
        switch lit {
        case "eval(", "exec(":
            if lit == "exec(" && f.language != .python { return nil }
            guard let a = args.first else { return nil }
            if case .plain = ByteNav.shape(f, a) { return nil }
            let text = ByteNav.codeText(f, a)
            let input = ShippedCode.readsInput(text)
            return Finding.at(descriptor, rule: "code-injection", file: f, offset: off, severity: input ? .critical : .high,
                              message: "\(lit.dropLast())() runs `\(JSRouteScanner.clip(text))` as code\(input ? ", straight from the request" : ""). Whoever controls that string runs code with the app's privileges. Parse the data instead (JSON.parse, a math expression parser, ast.literal_eval).")
        case "new Function(":
            guard let a = args.last else { return nil }
            if case .plain = ByteNav.shape(f, a) { return nil }
            return Finding.at(descriptor, rule: "code-injection", file: f, offset: off, severity: .high,
                              message: "new Function() compiles `\(JSRouteScanner.clip(ByteNav.codeText(f, a)))` into code at runtime. If the string carries any outside data, that data runs as code. Replace it with a fixed function or a data-driven lookup.")
        case "setTimeout(", "setInterval(":
            guard let a = args.first, let reg = ByteNav.region(f, at: a.lowerBound), reg.kind == .string else { return nil }
            let built = built(f, a, scope: nil)
            if built == nil, case .plain = ByteNav.shape(f, a) {
                return Finding.at(descriptor, rule: "code-injection", file: f, offset: off, severity: .low,
                                  message: "\(lit.dropLast())() is given a string, which the browser evaluates like eval() (and a strict CSP blocks). Pass a function instead.")
            }
            guard let b2 = built, !risky(b2).isEmpty else { return nil }
            return Finding.at(descriptor, rule: "code-injection", file: f, offset: off, severity: .high,
                              message: "\(lit.dropLast())() evaluates a string built from \(describe(risky(b2))). Data in that string runs as script. Pass a function instead.")
        case "runInNewContext(", "runInThisContext(":
            guard let a = args.first else { return nil }
            if case .plain = ByteNav.shape(f, a) { return nil }
            return Finding.at(descriptor, rule: "code-injection", file: f, offset: off, severity: .high,
                              message: "Node's vm module runs `\(JSRouteScanner.clip(ByteNav.codeText(f, a)))` as code; vm is not a security sandbox. Do not evaluate strings that carry outside data.")
        default:
            return nil
        }
    }

    // MARK: - Shell

    private func shellFinding(_ f: ScannedFile, _ hit: RuleHit, _ bodies: [Range<Int>]) -> Finding? {
        let off = Int(hit.offset), len = Int(hit.length)
        let lit = f.string(off..<(off + len))
        let b = f.bytes
        var open = off + len - 1
        var callName = String(lit.dropLast())
        if f.language == .python {
            if lit == "subprocess." {
                let id = ByteNav.identifier(at: off + len, in: f)
                callName = "subprocess." + f.string(id)
                guard ["run", "call", "Popen", "check_output", "check_call", "getoutput", "getstatusoutput"].contains(f.string(id)) else { return nil }
                open = ByteNav.skipTrivia(f, id.upperBound)
                guard open < b.count, b[open] == 0x28 else { return nil }
                let args = ByteNav.callArgs(f, open: open)
                let usesShell = args.contains { ByteNav.codeText(f, $0).replacingOccurrences(of: " ", with: "") == "shell=True" }
                    || ["getoutput", "getstatusoutput"].contains(f.string(id))
                guard usesShell, let first = args.first else { return nil }
                return shellReport(f, off, callName, first, bodies)
            }
            guard lit == "os.system(" || lit == "os.popen(" else { return nil }
            guard let first = ByteNav.callArgs(f, open: open).first else { return nil }
            return shellReport(f, off, callName, first, bodies)
        }
        guard f.language.isJSFamily, lit != "os.system(", lit != "os.popen(", lit != "subprocess." else { return nil }
        guard JSModules.mentionsModule(f, ["child_process", "node:child_process", "execa", "shelljs"]) != nil else { return nil }
        // `exec(` alone must be the child_process binding, `x.exec(` must be a child_process namespace.
        if off > 0, b[off - 1] == 0x2E {
            guard let recv = ByteNav.identifier(endingBefore: off - 1, in: f) else { return nil }
            let r = f.string(recv)
            let imports = JSModules.imports(f)
            guard imports[r].map({ $0.module.hasSuffix("child_process") }) == true || ["cp", "childProcess", "child_process", "child"].contains(r) else { return nil }
        } else if off > 0, ByteClass.isIdentifier(b[off - 1]) {
            return nil
        } else {
            let imports = JSModules.imports(f)
            guard imports[callName].map({ $0.module.hasSuffix("child_process") || $0.module == "shelljs" }) == true
                    || ByteNav.contains(f, "promisify(exec)", in: 0..<b.count) else { return nil }
        }
        let args = ByteNav.callArgs(f, open: open)
        guard let first = args.first else { return nil }
        if lit.hasPrefix("spawn") {
            guard args.contains(where: { ByteNav.codeText(f, $0).replacingOccurrences(of: " ", with: "").contains("shell:true") }) else { return nil }
        }
        return shellReport(f, off, callName, first, bodies)
    }

    private func shellReport(_ f: ScannedFile, _ off: Int, _ call: String, _ arg: Range<Int>, _ bodies: [Range<Int>]) -> Finding? {
        guard let built = built(f, arg, scope: ByteNav.innermost(bodies, containing: off)) else { return nil }
        let risky = risky(built).filter { !$0.lowercased().contains("quote") }
        guard !risky.isEmpty else { return nil }
        let input = risky.contains { ShippedCode.readsInput($0) }
        return Finding.at(descriptor, rule: "command-injection", file: f, offset: off, severity: input ? .critical : .high,
                          message: "\(call)() runs a shell command built with \(built.shape) from \(describe(risky))\(input ? ", which comes from the request" : ""). A `;` or `$(…)` in that value runs any command on the server. Call the program directly with an argument array (execFile/spawn without a shell, subprocess.run([...])).")
    }
}
