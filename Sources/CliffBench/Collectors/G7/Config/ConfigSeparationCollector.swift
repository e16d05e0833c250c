import Foundation

/// G7.D2: configuration kept out of code. Checks that `.env` files are not committed and that a
/// .gitignore covers `.env`; that an env example (`.env.example`, `.env.sample`, `.env.template`, …)
/// exists and lists every variable the code reads (`process.env.X`, `import.meta.env.X`,
/// `Deno.env.get('X')`, `os.environ[...]`/`os.getenv(...)`; platform-provided names such as NODE_ENV,
/// PORT and the Supabase edge-function built-ins are not required); hard-coded service hosts in shipped
/// code — localhost, IP addresses, deploy-platform backends (onrender, herokuapp, vercel.app, fly.dev,
/// replit…) at medium, Supabase/Firebase project URLs at low — unless they are the fallback of an
/// environment lookup or behind a dev-only guard (a development flag, or for local addresses a
/// `location.hostname === 'localhost'` check); and hard-coded listen ports without `PORT` from the
/// environment (low). Secrets are G4.P1's business. An app that reads no environment at all while
/// hard-coding hosts or ports gets a high finding and scores at most 25. Not measured when the app reads no configuration,
/// has no .env file and hard-codes nothing.
public struct ConfigSeparationCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D2", slug: "config-separation", kind: .diagnostic, methods: "S",
        measures: ".env ignored by git, an env example, no hard-coded URLs, ports or credentials",
        severity: .medium, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.25),
        triggering: [
            CollectorExample(["public/app.js": "const API = '↓http://localhost:3000/api';\nfetch(API + '/doctors')\n",
                              "index.js": "const app = require('express')()\n↓app.listen(3000, () => console.log('up'))\n"],
                             note: "nothing from the environment: hard-coded host and port"),
            CollectorExample([".env": "VITE_SUPABASE_URL=https://abc.supabase.co\n", ".gitignore": "node_modules\ndist\n",
                              "src/lib/supabase.ts": "export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY)\n"],
                             note: "a committed .env and no env example"),
            CollectorExample([".env.example": "DATABASE_URL=\n", ".gitignore": ".env\n",
                              "server/db.ts": "export const pool = new Pool({ connectionString: process.env.DATABASE_URL })\nexport const mailer = createMailer(process.env.↓RESEND_API_KEY)\n"],
                             note: "a variable the env example does not list"),
            CollectorExample([".env.example": "VITE_SUPABASE_ANON_KEY=\n", ".gitignore": ".env\n",
                              "src/integrations/supabase/client.ts": "export const supabase = createClient('↓https://xyzcompany.supabase.co', import.meta.env.VITE_SUPABASE_ANON_KEY)\n",
                              "src/api.ts": "export const api = axios.create({ baseURL: '↓https://clinic-api.onrender.com' })\n"],
                             note: "project and backend URLs hard-coded in client code"),
            CollectorExample([".env.example": "DATABASE_URL=\n", ".gitignore": ".env\n",
                              "server/reports.js": "const primary = new Pool({ connectionString: process.env.DATABASE_URL })\nconst replica = new Pool({ connectionString: '↓postgres://reports:reports@127.0.0.1:5433/app' })\n"],
                             note: "a database URL whose host follows the credentials"),
        ],
        nonTriggering: [
            CollectorExample([".env.example": "PORT=3000\nAPI_URL=http://localhost:4000\nVITE_API_URL=\n", ".gitignore": ".env\n.env.*\n!.env.example\n",
                              "server/index.ts": """
                                const port = Number(process.env.PORT ?? 3000)
                                const api = process.env.API_URL || 'http://localhost:4000'
                                app.listen(port, '0.0.0.0')
                                """,
                              "src/lib/api.ts": "export const base = import.meta.env.VITE_API_URL ?? 'http://localhost:4000'\nif (window.location.hostname === 'localhost') enableDevTools()\n",
                              "public/app.js": "const API = window.location.hostname === 'localhost' ? 'http://localhost:4000/api' : '/api'\n"],
                             note: "env lookups with local fallbacks, a bind address, a hostname check"),
            CollectorExample([".gitignore": ".env\n", ".env.example": "SUPABASE_URL=\n",
                              "vite.config.ts": "export default { server: { port: 8080, proxy: { '/api': 'http://localhost:3000' } } }\n",
                              "tests/api.test.ts": "const base = 'http://localhost:3000'\n",
                              "README.md": "Open http://localhost:8080 after `npm run dev`.\n",
                              "supabase/functions/hook/index.ts": "const url = Deno.env.get('SUPABASE_URL')!\n"],
                             note: "dev-server config, tests, docs, Supabase built-in variables"),
            CollectorExample("src/components/Footer.tsx", """
                export const Footer = () => <a href="https://twitter.com/clinic">Twitter</a>
                """, note: "no configuration at all is not measured"),
            CollectorExample(["app.py": """
                import os
                app = Flask(__name__)
                if __name__ == "__main__":
                    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))
                """, ".env.example": "PORT=5000\n", ".gitignore": ".env\n"],
                note: "Flask port from the environment"),
            CollectorExample([".env.example": "DATABASE_URL=\n", ".gitignore": ".env\n",
                              "server/db.ts": "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set; locally use postgres://postgres:postgres@localhost:5432/app')\n"],
                             note: "an error message that mentions a local URL"),
        ])

    private static let programLanguages: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .python]

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G7.D2/env-read", literals: ["process.env", "import.meta.env", "Deno.env.get", "os.environ", "os.getenv", "environ.get("],
                        regions: .code, languages: Self.programLanguages,
                        regexEquivalent: #"process\.env\.?\[?['"]?[A-Z_][A-Z0-9_]*|import\.meta\.env\.[A-Z_][A-Z0-9_]*|Deno\.env\.get\(['"][A-Z_][A-Z0-9_]*|os\.(environ|getenv)"#),
            PatternRule(id: "G7.D2/host", literals: ["localhost", "127.0.0.1", "0.0.0.0", ".supabase.co", ".onrender.com", ".herokuapp.com", ".vercel.app",
                                                     ".netlify.app", ".railway.app", ".fly.dev", ".repl.co", ".replit.app", ".replit.dev", ".ngrok",
                                                     ".workers.dev", ".firebaseio.com", ".azurewebsites.net", ".execute-api.", ".up.railway.app",
                                                     "://1", "://2", "://3", "://4", "://5", "://6", "://7", "://8", "://9"],
                        regions: .string, languages: Self.programLanguages,
                        regexEquivalent: #"['"`][^'"`]*(localhost|127\.0\.0\.1|\.supabase\.co|\.onrender\.com|\.herokuapp\.com|\.vercel\.app|\.netlify\.app|\.railway\.app|\.fly\.dev|\.repl\.co|\.replit\.(app|dev)|\.ngrok|\.workers\.dev|\.firebaseio\.com|\.azurewebsites\.net|\.execute-api\.|://\d+\.\d+\.\d+\.\d+)"#),
            PatternRule(id: "G7.D2/listen", literals: ["listen(", ".run("], regions: .code, languages: Self.programLanguages,
                        regexEquivalent: #"\.listen\(\s*\d{2,5}|\.run\([^)]*port\s*=\s*\d{2,5}"#),
        ]
    }

    /// Names the platform provides; an env example need not list them.
    private static let builtinNames: Set<String> = [
        "NODE_ENV", "PORT", "HOST", "HOSTNAME", "DEV", "PROD", "MODE", "BASE_URL", "SSR", "CI", "HOME", "PATH", "PWD", "TZ", "NEXT_RUNTIME", "VERCEL",
        "VERCEL_ENV", "VERCEL_URL", "NETLIFY", "RENDER", "REPL_ID", "REPL_SLUG", "REPL_OWNER", "FLASK_ENV", "FLASK_DEBUG", "PYTHONPATH", "DEBUG",
        "npm_package_version", "NEXT_PHASE", "LANG", "USER", "SHELL", "TERM",
    ]
    private static let supabaseBuiltins: Set<String> = ["SUPABASE_URL", "SUPABASE_ANON_KEY", "SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_DB_URL", "SB_REGION", "SB_EXECUTION_ID"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        var findings: [Finding] = []
        let ignore = Hygiene.Ignore(app)

        // Variables read.
        var read: [String: (file: ScannedFile, offset: Int)] = [:]
        var anyRead = false
        for (file, hit) in app.hits("G7.D2/env-read") where file.role != .test && file.role != .docs {
            anyRead = true
            let inEdgeFunction = file.path.contains("supabase/functions/")
            for (name, off) in envNames(file, Int(hit.offset), Int(hit.length)) where read[name] == nil {
                if Self.builtinNames.contains(name) || name.hasPrefix("npm_") || name.hasPrefix("REPLIT_") || name.hasPrefix("VERCEL_")
                    || inEdgeFunction && Self.supabaseBuiltins.contains(name) { continue }
                read[name] = (file, off)
            }
        }

        // .env files and examples.
        let envFiles = app.files.filter { $0.language == .env && !isExample($0.path) }
        let examples = app.files.filter { isExample($0.path) }
        var documented = Set<String>()
        for f in examples {
            for line in 1...max(1, f.lineCount) {
                var t = f.lineText(line).trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("#") || t.isEmpty { continue }
                if t.hasPrefix("export ") { t = String(t.dropFirst(7)) }
                let name = t.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { documented.insert(String(name)) }
            }
        }
        for f in envFiles {
            findings.append(app.appFinding(d, rule: "committed-env", path: f.path, severity: .medium,
                message: "\(f.path) is committed (\(ignore.present ? "the .gitignore does not cover it" : "there is no .gitignore")): environment values travel with the code, differ per deployment only by editing the repo, and leak whatever secrets land there. Remove it from git, add .env* to .gitignore and commit a .env.example with placeholders."))
        }
        if envFiles.isEmpty, anyRead, !ignore.ignores(".env", directory: false) {
            findings.append(app.appFinding(d, rule: "env-not-ignored", path: ignore.present ? ".gitignore" : nil, severity: .medium,
                message: "The code reads environment variables but \(ignore.present ? "the .gitignore does not cover .env" : "the app has no .gitignore"): the first developer who creates a .env will commit it. Add .env and .env.* (with !.env.example) to .gitignore."))
        }
        let needed = read.keys.sorted()
        if !needed.isEmpty {
            if examples.isEmpty {
                let (file, off) = read[needed[0]]!
                findings.append(Finding.at(d, rule: "no-env-example", file: file, offset: off, severity: .medium,
                    message: "The code reads \(needed.count) environment variable\(needed.count == 1 ? "" : "s") (\(list(needed))) but there is no .env.example: whoever deploys the app has to discover them from the source, and a missing one fails only at runtime. Commit a .env.example listing each with a placeholder."))
            } else {
                let missing = needed.filter { !documented.contains($0) }
                if !missing.isEmpty {
                    let (file, off) = read[missing[0]]!
                    findings.append(Finding.at(d, rule: "undocumented-env", file: file, offset: off, severity: .low,
                        message: "\(missing.count) environment variable\(missing.count == 1 ? " is" : "s are") read but not listed in \(examples[0].path): \(list(missing)). Add \(missing.count == 1 ? "it" : "them") so deployments set every variable."))
                }
            }
        }

        // Hard-coded hosts.
        var hostFindings: [Finding] = []
        var seenHost = Set<String>()
        for (file, hit) in app.hits("G7.D2/host") {
            guard Hygiene.isShippedProgram(file), let h = hardCodedHost(file, Int(hit.offset)) else { continue }
            guard seenHost.insert(file.path + "|" + h.host).inserted else { continue }
            let f: Finding
            switch h.kind {
            case .project:
                f = Finding.at(d, rule: "hard-coded-project-url", file: file, offset: h.offset, severity: .low,
                    message: "The \(h.host) project URL is written into the code. It is public, but config belongs in the environment: staging and production projects then need a code change. Read it from \(file.role == .server ? "the server environment" : "import.meta.env (VITE_SUPABASE_URL) or your framework's public env").")
            case .local:
                f = Finding.at(d, rule: "hard-coded-host", file: file, offset: h.offset, severity: .medium,
                    message: "\(h.host) is hard-coded in \(file.role == .server ? "server" : "shipped client") code: in production it points at the user's own machine (or nowhere), so the feature breaks the moment the app is deployed. Read the URL from an environment variable, with the local address only as a development default.")
            case .backend:
                f = Finding.at(d, rule: "hard-coded-host", file: file, offset: h.offset, severity: .medium,
                    message: "The backend host \(h.host) is hard-coded: moving, renaming or staging the service needs a code change and a redeploy. Read the base URL from an environment variable.")
            }
            hostFindings.append(f)
        }
        findings += hostFindings

        // Hard-coded ports.
        var portFindings: [Finding] = []
        for (file, hit) in app.hits("G7.D2/listen") where Hygiene.isShippedProgram(file) && (file.role == .server || file.language == .python) {
            if let off = hardCodedPort(file, Int(hit.offset), Int(hit.length)) {
                portFindings.append(Finding.at(d, rule: "hard-coded-port", file: file, offset: off, severity: .low,
                    message: "The server listens on a fixed port: platforms (Render, Railway, Heroku, Cloud Run, Replit) assign the port through PORT and the app will not answer there. Use process.env.PORT (os.environ[\"PORT\"]) with this value as the fallback."))
            }
        }
        findings += portFindings

        let hardCoded = hostFindings.filter { $0.severity >= .medium }.count + portFindings.count
        if !anyRead && hardCoded > 0 {
            findings.append(app.appFinding(d, rule: "no-environment-config", severity: .high,
                message: "The app reads nothing from the environment while hard-coding \(hardCoded) host\(hardCoded == 1 ? "" : "s")/port\(hardCoded == 1 ? "" : "s"): every deployment target needs a code edit, and secrets will end up in the code the same way. Move all deployment-specific values into environment variables documented in a .env.example."))
        }

        if !anyRead && envFiles.isEmpty && findings.isEmpty {
            return .notMeasured(d.id, "the app reads no configuration, has no .env file and hard-codes no service URL, host or port",
                                evidence: [Evidence("files scanned", app.files.count)])
        }
        // Nothing in the environment while hosts and ports are hard-coded: the app cannot score above 25.
        var value = FindingScore.score(findings)
        if findings.contains(where: { $0.rule == "no-environment-config" }) { value = min(value, 25) }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("environment variables read", needed.count), Evidence("documented in an env example", needed.filter { documented.contains($0) }.count),
            Evidence("env examples", examples.count), Evidence("committed .env files", envFiles.count),
            Evidence("hard-coded hosts", hostFindings.count), Evidence("hard-coded ports", portFindings.count),
        ])
    }

    private func isExample(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        guard name.hasPrefix(".env") || name.hasSuffix(".env") || name.hasPrefix("env.") else { return false }
        return ["example", "sample", "template", "dist", "defaults"].contains { name.contains($0) }
    }

    private func list(_ names: [String]) -> String {
        names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + " and \(names.count - 12) more"
    }

    /// Variable names read at an env-access hit, with the offset of each name.
    private func envNames(_ file: ScannedFile, _ off: Int, _ len: Int) -> [(String, Int)] {
        let b = file.bytes
        let code = Hygiene.Code(file)
        var i = off + len
        func name(at j: Int) -> (String, Int)? {
            var k = j
            while k < b.count, ByteClass.isIdentifier(b[k]) { k += 1 }
            guard k > j else { return nil }
            return (file.string(j..<k), j)
        }
        func quoted(from j: Int) -> (String, Int)? {
            guard let q = code.nextToken(j), q < b.count, b[q] == 0x27 || b[q] == 0x22 || b[q] == 0x60 else { return nil }
            return name(at: q + 1)
        }
        let lit = file.string(off..<(off + len))
        switch lit {
        case "process.env", "import.meta.env":
            if i < b.count, b[i] == 0x3F { i += 1 }
            if i < b.count, b[i] == 0x2E { return name(at: i + 1).map { [$0] } ?? [] }
            if i < b.count, b[i] == 0x5B { return quoted(from: i + 1).map { [$0] } ?? [] }
            // const { A, B } = process.env
            if let p = code.prevToken(off), b[p] == 0x3D, let q = code.prevToken(p), b[q] == 0x7D {
                var k = q - 1
                while k > 0 && b[k] != 0x7B { k -= 1 }
                var out: [(String, Int)] = []
                var j = k + 1
                var expectKey = true
                while j < q {
                    if ByteClass.isIdentifier(b[j]) {
                        let n = name(at: j)!
                        if expectKey { out.append(n) }
                        expectKey = false
                        j += n.0.utf8.count
                        continue
                    }
                    if b[j] == 0x2C { expectKey = true } else if b[j] == 0x3A || b[j] == 0x3D { expectKey = false }
                    j += 1
                }
                return out
            }
            return []
        case "Deno.env.get":
            guard let p = code.nextToken(i), b[p] == 0x28 else { return [] }
            return quoted(from: p + 1).map { [$0] } ?? []
        case "os.environ":
            if i < b.count, b[i] == 0x5B { return quoted(from: i + 1).map { [$0] } ?? [] }
            if file.string(i..<min(b.count, i + 5)) == ".get(" { return quoted(from: i + 5).map { [$0] } ?? [] }
            return []
        case "os.getenv", "environ.get(":
            var j = i
            if lit == "os.getenv" { guard let p = code.nextToken(i), b[p] == 0x28 else { return [] }; j = p + 1 }
            return quoted(from: j).map { [$0] } ?? []
        default:
            return []
        }
    }

    enum HostKind { case local, backend, project }

    /// The hard-coded host a string literal names, unless the literal is a fallback, a bind address,
    /// a comparison or behind a dev-only guard.
    private func hardCodedHost(_ file: ScannedFile, _ off: Int) -> (host: String, kind: HostKind, offset: Int)? {
        let code = Hygiene.Code(file)
        guard let region = code.region(containing: off), region.kind == .string else { return nil }
        let start = Int(region.start) + 1, end = Int(region.end) - 1
        guard end > start else { return nil }
        let text = file.string(start..<end)
        // The host: from after "://" (if any) to the first / : ? # or space.
        var rest = Substring(text)
        if let r = text.range(of: "://") {
            rest = text[r.upperBound...]
            // `postgres://user:password@localhost:5432/db`: the host follows the credentials.
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if let at = authority.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        let host = String(rest.prefix { !"/:?#  '\"`$".contains($0) }).lowercased()
        // Wildcards and policy strings (CSP connect-src https://*.supabase.co) name no single service.
        guard !host.isEmpty, !host.contains("*"), !text.contains("-src ") else { return nil }
        let kind: HostKind
        let isIP = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        if host == "localhost" || host == "127.0.0.1" || host == "0.0.0.0" || isIP {
            kind = .local
            // A bare bind address, or a hostname comparison, is not a service URL.
            if !text.contains("://") {
                if text == host, host == "0.0.0.0" || host == "127.0.0.1" || host == "localhost" {
                    if let p = code.prevToken(Int(region.start)) {
                        let c = file.bytes[p]
                        if c == 0x3D || c == 0x28 || c == 0x2C { // ===, includes(, listen(port, 'localhost')
                            let line = file.lineText(at: off)
                            if line.contains("===") || line.contains("!==") || line.contains("==") || line.contains("includes(") || line.contains("listen(")
                                || line.contains(".run(") || line.contains("host") || line.contains("HOST") { return nil }
                        }
                    }
                    if host == "0.0.0.0" { return nil }
                }
                if !text.hasPrefix(host) { return nil }
            }
        } else if host.hasSuffix(".supabase.co") || host.hasSuffix(".firebaseio.com") {
            kind = .project
        } else if [".onrender.com", ".herokuapp.com", ".vercel.app", ".netlify.app", ".railway.app", ".fly.dev", ".repl.co", ".replit.app",
                   ".replit.dev", ".workers.dev", ".azurewebsites.net"].contains(where: { host.hasSuffix($0) }) || host.contains(".ngrok")
                    || host.contains(".execute-api.") {
            kind = .backend
        } else {
            return nil
        }
        // Placeholders and comparisons (`url.includes("your-project.supabase.co")`) configure nothing.
        if ["your-", "your_", "example", "placeholder", "xxxx", "<"].contains(where: { host.contains($0) }) { return nil }
        if let p = code.prevToken(Int(region.start)) {
            let c = file.bytes[p]
            if c == 0x3D && p > 0 && (file.bytes[p - 1] == 0x3D || file.bytes[p - 1] == 0x21) { return nil }
            if c == 0x28, let callee = Hygiene.callee(code, callOpen: p),
               ["includes", "startsWith", "endsWith", "indexOf", "match", "test", "replace", "contains", "startswith", "endswith"].contains(String(callee.text.split(separator: ".").last ?? "")) {
                return nil
            }
        }
        // Environment-first with a development default, or a dev-only branch.
        let lineNo = file.location(of: off).line
        let line = file.lineText(lineNo)
        // The string may start lines before the address (a multi-line template): take the text
        // before the string's own opening, on its own line.
        let stringLine = file.location(of: Int(region.start)).line
        let prefix = file.string(file.lineRange(stringLine).lowerBound..<Int(region.start))
        if prefix.contains("env") && (prefix.contains("||") || prefix.contains("??") || prefix.contains(" or ") || prefix.contains(",")) { return nil }
        if prefix.contains("getenv(") || prefix.contains("environ.get(") || prefix.contains("env.get(") { return nil }
        // A log or error message that mentions the address is not configuration.
        if ["console.", "logger.", "log(", "print(", ".info(", ".debug(", ".warn(", ".error(", "Error(", "Exception("].contains(where: { prefix.contains($0) }) { return nil }
        for l in max(1, lineNo - 2)...lineNo {
            let t = l == lineNo ? line : file.lineText(l)
            if ["NODE_ENV", "import.meta.env.DEV", "isDev", "__DEV__", "isDevelopment", "import.meta.env.MODE"].contains(where: { t.contains($0) }) { return nil }
            // `location.hostname === 'localhost' ? 'http://localhost:4000/api' : '/api'`: a local address
            // chosen only when the page itself is served locally.
            if kind == .local, t.contains("hostname"), ["=== 'localhost'", "=== \"localhost\"", "== 'localhost'", "== \"localhost\"",
                                                          "=== '127.0.0.1'", "=== \"127.0.0.1\""].contains(where: { t.contains($0) }) { return nil }
        }
        return (host, kind, Int(region.start) + 1)
    }

    /// `app.listen(3000)`, `server.listen(PORT)` with `const PORT = 3000`, `app.run(port=5000)`.
    private func hardCodedPort(_ file: ScannedFile, _ off: Int, _ len: Int) -> Int? {
        let code = Hygiene.Code(file)
        let b = file.bytes
        let open = off + len - 1
        guard b[open] == 0x28 else { return nil }
        if len == 7 { // listen(
            guard off > 0, b[off - 1] == 0x2E, let a = code.nextToken(open + 1) else { return nil }
            if ByteClass.isDigit(b[a]) { return lineStart(file, off, code) }
            if ByteClass.isIdentifier(b[a]) {
                let name = code.text(code.identifier(startingAt: a))
                if name.contains("env") || name == "process" { return nil }
                // const PORT = 3000 declared in the file without the environment.
                for decl in code.allCode(name, in: 0..<b.count, wordStart: true, wordEnd: true) where decl < a {
                    guard let eq = code.nextToken(decl + name.utf8.count), b[eq] == 0x3D, eq + 1 < b.count, b[eq + 1] != 0x3D,
                          let v = code.nextToken(eq + 1) else { continue }
                    let lineText = file.lineText(at: decl)
                    if lineText.contains("env") { return nil }
                    if ByteClass.isDigit(b[v]) { return lineStart(file, off, code) }
                }
            }
            return nil
        }
        // Python .run(…): `port=5000` literal, not from the environment.
        guard file.language == .python else { return nil }
        var depth = 0, k = open
        while k < b.count {
            if code.isCode(k) { if b[k] == 0x28 { depth += 1 } else if b[k] == 0x29 { depth -= 1; if depth == 0 { break } } }
            k += 1
        }
        let args = file.string((open + 1)..<min(k, b.count))
        guard let r = args.range(of: "port") else { return nil }
        let after = args[r.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let first = after.first, first.isNumber else { return nil }
        return lineStart(file, off, code)
    }

    /// The start of the receiver expression (`app` in `app.listen(`), for the finding's column.
    private func lineStart(_ file: ScannedFile, _ off: Int, _ code: Hygiene.Code) -> Int {
        var s = off
        let b = file.bytes
        while s > 0 && (ByteClass.isIdentifier(b[s - 1]) || b[s - 1] == 0x2E) { s -= 1 }
        return s
    }
}
