import Foundation

/// G2.D8: what a demo leaves behind. Debug logging (`console.log`/`debug`/`trace`/`dir`/`table`,
/// Python `print(`) in shipped client and server code — not in tests, tooling scripts, behind a
/// dev-only guard, or as `console.error`/`console.warn`/logger calls; TODO/FIXME/HACK/XXX markers in
/// comments; commented-out code (runs of comment lines that read as code, never prose or usage
/// examples); and dependency or build-output folders that git would commit (skipped by the walker and
/// not covered by the app's .gitignore). Line findings are scored per 1,000 lines so big apps are not
/// punished for size; committed folders multiply the score down. Not measured only when the app has no
/// files and nothing committed.
public struct ResidueCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.D8", slug: "residue", kind: .diagnostic, methods: "S",
        measures: "debug logging, TODO/FIXME, commented-out code, committed build output or node_modules",
        severity: .low, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.1),
        triggering: [
            CollectorExample([
                "src/pages/Checkout.tsx": """
                    export function Checkout({ cart }: { cart: Cart }) {
                      ↓console.log("cart", cart)
                      return <button onClick={() => pay(cart)}>Pay</button>
                    }
                    """,
                "server/index.js": """
                    app.post('/api/orders', async (req, res) => {
                      ↓console.debug(req.body)
                      res.json(await createOrder(req.body))
                    })
                    """,
            ], note: "debug logging in client and server code"),
            CollectorExample("src/lib/api.ts", """
                export async function loadInvoices() {
                  // ↓TODO: replace with the real endpoint
                  return []
                }
                /* ↓FIXME handle pagination */
                """, note: "TODO and FIXME markers in comments"),
            CollectorExample("routes/appointments.js", """
                module.exports = router;
                ↓// setInterval(() => {
                //   const due = appointments.filter(a => a.date === tomorrow);
                //   due.forEach(a => sendReminder(a));
                // }, 3600000);
                """, note: "a commented-out block of code"),
            CollectorExample("src/App.tsx", """
                export default function App() {
                  return (
                    <Layout>
                      {↓/* <AdminPanel user={user} /> */}
                      <Home />
                    </Layout>
                  )
                }
                """, note: "commented-out JSX"),
            CollectorExample(["index.js": "require('express')().listen(process.env.PORT)\n",
                              "node_modules/express/index.js": "module.exports = {}\n",
                              "dist/bundle.js": "(()=>{})()\n"],
                             note: "node_modules and dist committed: no .gitignore covers them"),
            CollectorExample("app/views.py", """
                def checkout(request):
                    ↓print(request.POST)
                    return render(request, "checkout.html")
                """, note: "print debugging in a Django view"),
        ],
        nonTriggering: [
            CollectorExample([
                "src/lib/log.ts": """
                    export function report(err: unknown) {
                      if (import.meta.env.DEV) console.log(err)
                      logger.debug("reported", { err })
                    }
                    """,
                "server/app.ts": """
                    try { await run() } catch (err) { console.error("run failed", err) }
                    """,
            ], note: "dev-only guard, a logger call, console.error in a catch"),
            CollectorExample([
                "src/App.test.tsx": "it('renders', () => { console.log(screen.debug()); expect(1).toBe(1) })\n",
                "scripts/seed.ts": "console.log('seeded 20 rows')\n",
                "README.md": "Run `console.log(x)` to debug. TODO: write docs\n",
            ], note: "tests, tooling scripts and docs are not shipped code"),
            CollectorExample("src/components/TodoList.tsx", """
                // Todo list: shows the user's todos. Fetch the todos from the API.
                // Each todo has a title and a done flag.
                const todoLabel = "TODO"
                export function TodoList({ todos }: Props) {
                  return <ul>{todos.map((t) => <li key={t.id}>{t.title}</li>)}</ul>
                }
                """, note: "the word todo in prose and strings, prose comments"),
            CollectorExample("src/lib/format.ts", """
                // Usage:
                //   const label = formatPrice(1999, "INR")
                //   label === "₹19.99"
                /** Formats paise as rupees, e.g. formatPrice(100) returns "₹1.00". */
                export const formatPrice = (p: number, c = "INR") => new Intl.NumberFormat("en-IN", { style: "currency", currency: c }).format(p / 100)
                // eslint-disable-next-line @typescript-eslint/no-explicit-any
                // Returns the total in paise (tax included).
                """, note: "usage examples, JSDoc, lint directives and prose ending in a period"),
            CollectorExample([".gitignore": "node_modules\ndist\n",
                              "index.js": "require('express')().listen(process.env.PORT)\n",
                              "node_modules/express/index.js": "module.exports = {}\n",
                              "dist/bundle.js": "(()=>{})()\n"],
                             note: "local node_modules and dist that .gitignore covers"),
            CollectorExample("main.py", """
                def main():
                    run()

                if __name__ == "__main__":
                    print("starting")
                    main()
                """, note: "print in a script's __main__ block"),
        ])

    private static let debugLanguages: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html]

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G2.D8/debug-log", literals: ["console.log", "console.debug", "console.trace", "console.dir", "console.table"],
                        regions: .code, languages: Self.debugLanguages, wordStart: true,
                        regexEquivalent: #"\bconsole\.(log|debug|trace|dir|table)\s*\("#),
            PatternRule(id: "G2.D8/print", literals: ["print("], regions: .code, languages: [.python], wordStart: true,
                        regexEquivalent: #"\bprint\("#),
            PatternRule(id: "G2.D8/marker", literals: ["TODO", "FIXME", "HACK", "XXX"], caseSensitive: false, regions: .comment,
                        languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .python, .sql, .css, .html],
                        regexEquivalent: #"(//|#|/\*|--|<!--|\*)\s*(TODO|FIXME|HACK|XXX)\b|(?i)\b(todo|fixme|hack|xxx):"#),
        ]
    }

    /// Commented-out code blocks of one file: offsets where each block starts.
    struct Commented: Sendable { var offsets: [Int] }

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard Hygiene.isShippedProgram(file) else { return nil }
        let offsets = CommentedCode.blocks(in: file)
        return FileReport(measures: ["lines": Double(file.lineCount)], payload: Commented(offsets: offsets))
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var findings: [Finding] = []
        var counts: [String: Int] = [:]

        for (file, hit) in app.hits("G2.D8/debug-log") {
            let off = Int(hit.offset)
            guard file.language == .html ? file.role == .client : Hygiene.isShippedProgram(file), isCall(file, off + Int(hit.length)),
                  !devGuarded(file, off) else { continue }
            let server = file.role == .server
            let name = file.string(off..<(off + Int(hit.length)))
            findings.append(Finding.at(d, rule: "debug-logging", file: file, offset: off,
                message: server
                    ? "\(name) in server code writes unstructured, unlevelled output that production log search cannot filter, and often dumps request data. Use a logger with levels (pino, winston) or remove it."
                    : "\(name) ships to every user's browser console, exposing data and internals. Remove it, or route real diagnostics through an error tracker."))
            counts["debug logs", default: 0] += 1
        }

        for (file, hit) in app.hits("G2.D8/print") {
            let off = Int(hit.offset)
            guard Hygiene.isShippedProgram(file), !afterMainGuard(file, off) else { continue }
            findings.append(Finding.at(d, rule: "debug-logging", file: file, offset: off,
                message: "print() in server code is debug output with no level or structure. Use the logging module (logger.info/debug) or remove it."))
            counts["debug logs", default: 0] += 1
        }

        for (file, hit) in app.hits("G2.D8/marker") {
            let off = Int(hit.offset)
            guard file.role != .test, file.role != .docs, !Hygiene.isTooling(file.path), !Hygiene.isMinified(file), Hygiene.generatedDirectory(file.path) == nil,
                  let marker = confirmedMarker(file, off, Int(hit.length)) else { continue }
            findings.append(Finding.at(d, rule: "todo-marker", file: file, offset: off,
                message: "\(marker) comment: unfinished work shipped as if it were done. Finish it, or move it to the issue tracker and delete the comment."))
            counts["TODO markers", default: 0] += 1
        }

        for (file, report) in app.reports(for: d.id) {
            guard let c = report.payload as? Commented else { continue }
            for off in c.offsets {
                findings.append(Finding.at(d, rule: "commented-out-code", file: file, offset: off,
                    message: "Commented-out code: dead code that readers must skip and that drifts out of date. Delete it; version control keeps the history."))
                counts["commented-out blocks", default: 0] += 1
            }
        }

        let residueFiles = app.files.filter { f in
            Hygiene.isShippedProgram(f) || (f.role != .test && !Hygiene.isTooling(f.path) && Hygiene.generatedDirectory(f.path) == nil
                && (f.language == .sql || f.language == .css || f.language == .html))
        }
        let lines = Hygiene.lines(residueFiles)

        let ignore = Hygiene.Ignore(app)
        var appFindings: [Finding] = []
        for entry in app.skipped where entry.isDirectory && (entry.reason == .dependencies || entry.reason == .buildOutput) {
            guard !ignore.ignores(entry.path, directory: true) else { continue }
            let name = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            let gitignoreNote = ignore.present ? "the app's .gitignore does not cover it" : "the app has no .gitignore"
            if entry.reason == .dependencies {
                appFindings.append(app.appFinding(d, rule: "committed-dependencies", path: entry.path, severity: .high,
                    message: "\(entry.path) is committed (\(gitignoreNote)): installed packages in the repository bloat it, pin platform-specific binaries, and hide what actually runs. Delete it, add \(name)/ to .gitignore and install from the lockfile."))
                counts["committed dependency folders", default: 0] += 1
            } else {
                let cache = [".cache", ".turbo", ".parcel-cache", "__pycache__", ".pytest_cache", ".mypy_cache", "coverage", ".vercel", ".netlify"].contains(name)
                appFindings.append(app.appFinding(d, rule: "committed-build-output", path: entry.path, severity: cache ? .low : .medium,
                    message: "\(entry.path) is committed (\(gitignoreNote)): \(cache ? "tool caches" : "stale build output") in the repository drift from the source and can be served instead of a fresh build. Delete it and add \(name)/ to .gitignore; build in CI or on deploy."))
                counts["committed build folders", default: 0] += 1
            }
        }

        // Build output the walker scans because it does not know the folder's name (dev-dist, dist-ssr).
        var generated = Set<String>()
        for f in app.files {
            if let dir = Hygiene.generatedDirectory(f.path), Hygiene.buildOutputNames.contains(String(dir.split(separator: "/").last ?? "")) { generated.insert(dir) }
        }
        for dir in generated.sorted() where !ignore.ignores(dir, directory: true) {
            appFindings.append(app.appFinding(d, rule: "committed-build-output", path: dir, severity: .medium,
                message: "\(dir) is generated build output and it is committed (\(ignore.present ? "the app's .gitignore does not cover it" : "the app has no .gitignore")): it drifts from the source and can be served instead of a fresh build. Delete it and add it to .gitignore."))
            counts["committed build folders", default: 0] += 1
        }

        if lines == 0 && appFindings.isEmpty {
            return .notMeasured(d.id, "no shipped program, SQL, CSS or HTML files to check for residue",
                                evidence: [Evidence("files scanned", app.files.count)])
        }
        let (densityScore, density) = Hygiene.densityScore(findings, lines: lines, p10: 1.5, median: 8)
        let value = Hygiene.applyAppFindings(densityScore, appFindings)
        var evidence = [Evidence("lines checked", lines), Evidence("findings per 1,000 lines", String(density))]
        for key in ["debug logs", "TODO markers", "commented-out blocks", "committed dependency folders", "committed build folders"] {
            evidence.append(Evidence(key, counts[key, default: 0]))
        }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings + appFindings, evidence: evidence)
    }

    /// `console.log` followed by `(` (possibly after spaces).
    private func isCall(_ file: ScannedFile, _ end: Int) -> Bool {
        var i = end
        let b = file.bytes
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i < b.count && b[i] == 0x28
    }

    private static let devMarkers = ["NODE_ENV", "import.meta.env.DEV", "import.meta.env.MODE", "__DEV__", "isDev", "isDevelopment", "DEBUG", "process.env.VERBOSE"]

    /// The log sits on or right under a line that tests a development flag.
    private func devGuarded(_ file: ScannedFile, _ offset: Int) -> Bool {
        let line = file.location(of: offset).line
        for l in max(1, line - 2)...line {
            let t = file.lineText(l)
            if Self.devMarkers.contains(where: { t.contains($0) }) { return true }
        }
        return false
    }

    /// The offset lies after a top-level `if __name__ == "__main__":` line.
    private func afterMainGuard(_ file: ScannedFile, _ offset: Int) -> Bool {
        for o in file.find("__name__", in: .code) where o < offset {
            let r = file.lineRange(file.location(of: o).line)
            if r.lowerBound + 2 < file.bytes.count, file.string(r).hasPrefix("if "), file.string(r).contains("__main__") { return true }
        }
        return false
    }

    /// `TODO:`/`FIXME(x)`/`// HACK work around` — upper case as a marker word (first word of the comment,
    /// or followed by `:` or `(`), any case only with a colon. Returns the marker as written.
    private func confirmedMarker(_ file: ScannedFile, _ off: Int, _ len: Int) -> String? {
        let b = file.bytes
        let end = off + len
        if off > 0 && ByteClass.isIdentifier(b[off - 1]) { return nil }
        if end < b.count && (ByteClass.isIdentifier(b[end]) || b[end] == 0x2D) { return nil }
        let word = file.string(off..<end)
        let next: UInt8 = end < b.count ? b[end] : 0x0A
        let upper = word == word.uppercased()
        if next == 0x3A || next == 0x28 { return upper || word.lowercased() != "xxx" ? word : nil }
        guard upper, word != "XXX" || next == 0x20 else { return nil }
        // The first word of the comment: only comment openers, `*`, `-`, `@` and spaces before it on its line.
        var i = off - 1
        let lineStart = file.lineRange(file.location(of: off).line).lowerBound
        while i >= lineStart {
            let c = b[i]
            if ByteClass.isSpace(c) || c == 0x2F || c == 0x2A || c == 0x23 || c == 0x2D || c == 0x40 || c == 0x21 || c == 0x3C || c == 0x7B {
                i -= 1
                continue
            }
            return nil
        }
        return word
    }
}

/// Finds comment runs that read as code.
enum CommentedCode {
    enum Shape { case blank, prose, weak, strong }

    /// Offsets of the first code-like line of each commented-out block in a program file.
    static func blocks(in file: ScannedFile) -> [Int] {
        let python = file.language == .python
        var out: [Int] = []
        var run: [(offset: Int, text: String, line: Int)] = []

        func flush() {
            if let o = judge(run, python: python) { out.append(o) }
            run.removeAll()
        }

        let b = file.bytes
        for region in file.regions where region.kind == .comment {
            let s = Int(region.start), e = Int(region.end)
            guard e - s >= 3 else { continue }
            let isBlock = b[s] == 0x2F && b[s + 1] == 0x2A
            let isHTML = b[s] == 0x3C
            if isHTML { continue }
            let line = file.location(of: s).line
            let lineStart = file.lineRange(line).lowerBound
            let alone = (lineStart..<s).allSatisfy { ByteClass.isSpace(b[$0]) }
            if isBlock {
                flush()
                if e - s >= 3, b[s + 2] == 0x2A { continue } // JSDoc
                var lines: [(offset: Int, text: String, line: Int)] = []
                let inner = file.string((s + 2)..<max(s + 2, e - 2))
                var cursor = s + 2
                for (k, raw) in inner.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    var t = raw.trimmingCharacters(in: .whitespaces)
                    if t.hasPrefix("*") { t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces) }
                    lines.append((cursor, t, line + k))
                    cursor += raw.utf8.count + 1
                }
                // A JSX comment `{/* <Panel /> */}` or a block of code lines: report at the opener.
                if judge(lines, python: false) != nil { out.append(s) }
                continue
            }
            if !alone {
                // A trailing comment after code never starts a block.
                flush()
                continue
            }
            let text = file.string((s + (python ? 1 : 2))..<e).trimmingCharacters(in: .whitespaces)
            if let last = run.last, last.line != line - 1 { flush() }
            run.append((s, text, line))
        }
        flush()
        return out
    }

    /// Where a run of comment lines reads as code: two consecutive code lines, or one line of strong
    /// code shape. Runs that introduce an example (`Usage:`, `e.g.`) are documentation.
    static func judge(_ run: [(offset: Int, text: String, line: Int)], python: Bool) -> Int? {
        guard !run.isEmpty else { return nil }
        var shapes: [Shape] = []
        for l in run {
            let lower = l.text.lowercased()
            if lower.contains("example") || lower.contains("usage") || lower.contains("e.g.") || lower.contains("for instance")
                || lower.hasSuffix("like this:") || lower.contains("such as") || lower.hasPrefix("@example") {
                return nil
            }
            shapes.append(shape(l.text, python: python))
        }
        for (k, s) in shapes.enumerated() {
            if s == .strong { return run[k].offset }
            if s == .weak, k + 1 < shapes.count, shapes[k + 1] == .weak || shapes[k + 1] == .strong { return run[k].offset }
        }
        return nil
    }

    private static let directives = [
        "eslint", "@ts-", "prettier-ignore", "istanbul", "#region", "#endregion", "region ", "endregion", "jshint", "global ", "tslint",
        "webpack", "@vite", "@refresh", "noqa", "type:", "pylint", "pragma", "fmt:", "sourcemappingurl", "@flow", "@jsx", "@license",
        "biome-ignore", "@preserve", "c8 ", "v8 ", "deno-lint", "@deno", "#!/", "-*-", "spell-checker", "cspell", "!/",
    ]
    private static let jsKeywords: Set<String> = [
        "import", "from", "export", "default", "function", "const", "let", "var", "return", "new", "await", "async", "else", "if",
        "typeof", "instanceof", "class", "extends", "as", "type", "interface", "in", "of", "throw", "case", "void", "delete",
        "yield", "readonly", "public", "private", "protected", "static", "declare", "enum", "keyof", "satisfies", "get", "set",
    ]
    private static let pyKeywords: Set<String> = [
        "def", "class", "return", "import", "from", "as", "if", "else", "elif", "for", "in", "while", "not", "and", "or", "is", "with",
        "try", "except", "pass", "lambda", "await", "async", "raise", "yield", "global", "nonlocal", "del", "assert", "finally",
    ]

    /// How much one comment line looks like code.
    static func shape(_ raw: String, python: Bool) -> Shape {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .blank }
        let lower = t.lowercased()
        if directives.contains(where: { lower.hasPrefix($0) }) { return .prose }
        for m in ["todo", "fixme", "hack", "xxx", "note", "nb", "warning", "bug"] where lower.hasPrefix(m) {
            let rest = lower.dropFirst(m.count)
            if rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "(" { return .prose }
        }
        if t.hasSuffix(".") && !t.hasSuffix("..."), !t.hasSuffix("..") { return .prose }
        if t.hasSuffix("?") || t.hasSuffix("!") && !t.hasSuffix("!=") { return .prose }
        if t.contains("://") && !t.contains("(") && !t.contains("=") { return .prose }
        if !python, t.hasPrefix("<"), t.count > 2, let c = t.dropFirst().first, c.isLetter || c == "/", t.hasSuffix(">") { return .strong }
        if hasAdjacentWords(t, keywords: python ? pyKeywords : jsKeywords) { return .prose }
        let words = t.split(separator: " ").map(String.init)
        let first = words.first ?? ""
        if python {
            if first == "import" && words.count >= 2 { return .strong }
            if first == "from" && words.count >= 4 && words[2] == "import" { return .strong }
            if (first == "def" || first == "class" || first == "async") && t.hasSuffix(":") { return .strong }
            if ["if", "for", "while", "elif", "with", "try:", "else:", "except", "except:"].contains(first) && t.hasSuffix(":") { return .strong }
            if first == "return" || first.hasPrefix("print(") || first.hasPrefix("@") && t.contains("(") { return .strong }
            if isCall(t) && t.contains(".") && t.hasSuffix(")") { return .strong }
            if isAssignment(t) || isCall(t) { return .weak }
            if t.hasSuffix(")") || t.hasSuffix("]") || t.hasSuffix(":") && t.contains("(") { return .weak }
            return .prose
        }
        if first == "import" && (t.contains(" from ") || words.count == 2 && (t.contains("'") || t.contains("\""))) { return .strong }
        if first == "export" && words.count >= 2 && ["default", "const", "function", "async", "{", "let", "class", "type", "interface"].contains(where: { words[1].hasPrefix($0) }) { return .strong }
        if ["const", "let", "var"].contains(first) && words.count >= 3 && (words[2] == "=" || t.contains(" = ")) { return .strong }
        if first == "return" && (t.hasSuffix(";") || t.hasSuffix("(") || t.hasSuffix(")")) { return .strong }
        if first == "await" && t.contains("(") { return .strong }
        if t.hasPrefix("} else") || t.hasPrefix("if (") && t.hasSuffix("{") || t.hasPrefix("for (") && t.hasSuffix("{") { return .strong }
        if isCall(t) && (t.hasSuffix(");") || t.contains(".") && t.hasSuffix(")")) { return .strong }
        if isAssignment(t) && t.hasSuffix(";") { return .strong }
        let enders = [";", "{", "}", ")", ",", "(", "[", "]", "=>", "};", "});", "/>", ">"]
        if enders.contains(where: { t.hasSuffix($0) }) && (t.contains("(") || t.contains("=") || t.contains("{") || t.contains("}") || t.contains(":") || t.contains(";") || t.contains("<")) { return .weak }
        if isAssignment(t) { return .weak }
        return .prose
    }

    /// `name(…)` or `a.b.c(…)` at the start of the line.
    private static func isCall(_ t: String) -> Bool {
        var sawIdent = false
        for ch in t {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "$" || ch == "." { sawIdent = true; continue }
            return ch == "(" && sawIdent
        }
        return false
    }

    /// `target = value` with an identifier-like target.
    private static func isAssignment(_ t: String) -> Bool {
        guard let eq = t.range(of: " = ") else { return false }
        let lhs = t[..<eq.lowerBound]
        return !lhs.isEmpty && lhs.allSatisfy { $0.isLetter || $0.isNumber || "_$.[]'\"".contains($0) }
    }

    /// Two plain words side by side ("the user", "fetch data") outside quotes and JSX text: prose.
    /// Keywords (`const x`, `return y`, `import a from`) do not count.
    static func hasAdjacentWords(_ t: String, keywords: Set<String>) -> Bool {
        var cleaned = ""
        var quote: Character?
        var inJSXText = false
        for ch in t {
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if ch == "\"" || ch == "'" || ch == "`" { quote = ch; cleaned.append(" "); continue }
            if ch == ">" { inJSXText = true; cleaned.append(" "); continue }
            if ch == "<" { inJSXText = false; cleaned.append(" "); continue }
            if inJSXText { continue }
            cleaned.append(ch)
        }
        var previous: String?
        var current = ""
        var separatedBySpaceOnly = false
        func endWord() -> Bool {
            defer { current = "" }
            guard !current.isEmpty else { return false }
            let isWord = current.first!.isLetter && current.allSatisfy { $0.isLetter }
            let plain = isWord && !keywords.contains(current)
            if plain, previous != nil, separatedBySpaceOnly { return true }
            previous = plain ? current : nil
            return false
        }
        for ch in cleaned {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "$" {
                current.append(ch)
                continue
            }
            if !current.isEmpty {
                if endWord() { return true }
                separatedBySpaceOnly = ch == " "
                continue
            }
            if ch != " " {
                previous = nil
                separatedBySpaceOnly = false
            }
        }
        return endWord()
    }
}
