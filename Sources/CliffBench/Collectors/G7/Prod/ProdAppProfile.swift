import Foundation

/// A place where the app starts a long-running server process.
struct ProdServerStart: Sendable {
    var path: String
    var offset: Int
    /// "Express", "Fastify", "Node http", "Flask", "FastAPI", …
    var kind: String
    var python: Bool
}

/// A data store the app's shipped code really uses.
struct ProdStoreUse: Sendable {
    enum Kind: Sendable { case database, hosted, file, browser }
    var name: String
    var kind: Kind
    var path: String
    var offset: Int
}

/// The app as the production-readiness and spec-fidelity collectors see it: packages, imports,
/// which files run on the server, how the server starts, and which stores hold data. Computed
/// once per app (see `ProdAppProfile.of`) and shared by those collectors.
final class ProdAppProfile: Sendable {
    let byPath: [String: ScannedFile]
    /// JS/TS, Vue, Svelte, Python and HTML files that ship (not tests, docs, config, seeds, scripts, stories).
    let programFiles: [ScannedFile]
    let imports: [String: [ProdImport]]
    /// Local imports resolved to app paths, per importing file.
    let localImports: [String: [String]]
    let importers: [String: [String]]
    /// Every import specifier of a program file, resolved once: importer → specifier → app file (nil: not in the app).
    private let resolvedSpecs: [String: [String: String?]]
    private let pathIndex: ImportPathIndex
    let packages: [ProdPackage]
    /// Every dependency any package.json declares, lower-cased.
    let deps: Set<String>
    /// Python requirements (requirements*.txt, pyproject.toml, Pipfile), lower-cased names.
    let pyDeps: Set<String>
    /// Paths of program files that run on a server (by role, by server-only imports, and by being imported from such files).
    let serverSide: Set<String>
    let serverStarts: [ProdServerStart]
    /// Full-stack frameworks whose own server runs the app's route handlers ("Next.js", "Remix", …).
    let frameworks: [String]
    /// Program files that are hosted/serverless functions (Supabase edge functions, Netlify/Vercel functions, Convex, …).
    let functionFiles: [String]
    let stores: [ProdStoreUse]
    /// Next.js configured with `output: 'export'` (a static site).
    let nextStaticExport: Bool

    var rootPackage: ProdPackage? { packages.min { $0.path.split(separator: "/").count < $1.path.split(separator: "/").count } }
    var hasLongRunningServer: Bool { !serverStarts.isEmpty }
    var hasFrameworkServer: Bool { !frameworks.isEmpty }
    var realStores: [ProdStoreUse] { stores.filter { $0.kind == .database || $0.kind == .hosted } }
    var hasPython: Bool { programFiles.contains { $0.language == .python } }

    func file(_ path: String) -> ScannedFile? { byPath[path] }

    /// Whether `path` is shipped code (not a test, doc, config file, seed, script or story).
    static func isShipped(_ f: ScannedFile) -> Bool {
        f.shared("ProdAppProfile.isShipped") { judgeShipped(f) }
    }

    private static func judgeShipped(_ f: ScannedFile) -> Bool {
        switch f.role {
        case .test, .docs, .config, .schema: return false
        default: break
        }
        let p = "/" + f.path.lowercased()
        let name = p.split(separator: "/").last.map(String.init) ?? p
        if p.prodHas("/scripts/") || p.prodHas("/seeds/") || p.prodHas("/seed/") || name.hasPrefix("seed") || name.prodHas(".seed.")
            || name.prodHas(".stories.") || p.prodHas("/.storybook/") || p.prodHas("/stories/") || p.prodHas("/__mocks__/")
            || p.prodHas("/fixtures/") || p.prodHas("/.github/") || name.hasPrefix("vite.config") || name.hasPrefix("next.config")
            || name.hasSuffix(".d.ts") || name == "cliffbench.toml" || p.prodHas("/migrations/") {
            return false
        }
        return true
    }

    static func isProgram(_ f: ScannedFile) -> Bool { f.language.isProgram || f.language == .html }

    /// Modules that only ever run on a server: importing one puts a file on the server side.
    static let serverOnlyModules: [String] = [
        "express", "fastify", "koa", "@koa/router", "koa-router", "@hapi/hapi", "hapi", "restify", "polka", "@nestjs/core", "@nestjs/common",
        "http", "https", "http2", "net", "tls", "dns", "@hono/node-server", "socket.io", "json-server", "apollo-server", "@apollo/server",
        "graphql-yoga", "micro", "connect", "express-session", "body-parser", "cors", "helmet", "morgan", "compression", "multer",
        "cookie-parser", "passport", "fs", "fs/promises", "child_process", "os", "cluster", "worker_threads", "dotenv", "pg", "postgres",
        "pg-promise", "mysql", "mysql2", "better-sqlite3", "sqlite3", "mongoose", "mongodb", "@prisma/client", "sequelize", "typeorm", "knex",
        "nodemailer", "bcrypt", "argon2", "jsonwebtoken", "firebase-admin", "firebase-functions", "next/server", "next/headers", "server-only",
        "pino", "pino-http", "winston", "bunyan", "ioredis", "@neondatabase/serverless", "@vercel/postgres", "@libsql/client",
        "@planetscale/database", "drizzle-orm/node-postgres", "drizzle-orm/postgres-js", "drizzle-orm/better-sqlite3", "drizzle-orm/mysql2",
        "prom-client", "express-rate-limit", "node-cron", "bullmq", "bull", "@trpc/server",
    ]

    /// Modules whose import makes a `.listen(` in the same file a server start, with a display name.
    static let httpServerModules: [(String, String)] = [
        ("express", "Express"), ("fastify", "Fastify"), ("koa", "Koa"), ("@hapi/hapi", "hapi"), ("hapi", "hapi"), ("restify", "restify"),
        ("polka", "Polka"), ("@nestjs/core", "NestJS"), ("http", "Node http"), ("https", "Node https"), ("http2", "Node http2"),
        ("net", "Node net"), ("socket.io", "Socket.IO"), ("json-server", "json-server"), ("apollo-server", "Apollo Server"),
        ("@apollo/server", "Apollo Server"), ("micro", "micro"), ("connect", "connect"), ("next", "Next.js custom server"),
        ("@trpc/server", "tRPC standalone"), ("hono", "Hono"),
    ]

    static let pythonWebModules: [(String, String)] = [
        ("fastapi", "FastAPI"), ("flask", "Flask"), ("django", "Django"), ("starlette", "Starlette"), ("aiohttp", "aiohttp"),
        ("sanic", "Sanic"), ("tornado", "Tornado"), ("bottle", "Bottle"), ("quart", "Quart"), ("litestar", "Litestar"), ("falcon", "Falcon"),
    ]

    static let supabaseCalls = [".from('", ".from(\"", ".from(`", ".rpc("]
    static let firebaseCalls = ["addDoc(", "setDoc(", "updateDoc(", "getDocs(", "getDoc(", "deleteDoc(", "onSnapshot(", "collection(", "push(ref(",
                                "set(ref(", "update(ref(", "onValue(", "runTransaction("]
    static let convexCalls = ["useMutation(", "useQuery(", "mutation(", "query(", "useAction("]
    static let appwriteCalls = ["createDocument(", "listDocuments(", "updateDocument(", "getDocument("]

    /// Store modules: name to match (module or sub-path), display name, kind, and the data calls that must confirm
    /// it (empty: importing it is enough), so a client used only for sign-in is not counted as a store.
    static let storeModules: [(module: String, name: String, kind: ProdStoreUse.Kind, needsCall: [String])] = [
        ("pg", "PostgreSQL (pg)", .database, []), ("postgres", "PostgreSQL (postgres.js)", .database, []),
        ("pg-promise", "PostgreSQL (pg-promise)", .database, []), ("mysql", "MySQL", .database, []), ("mysql2", "MySQL (mysql2)", .database, []),
        ("better-sqlite3", "SQLite (better-sqlite3)", .database, []), ("sqlite3", "SQLite", .database, []), ("sqlite", "SQLite", .database, []),
        ("@prisma/client", "Prisma", .database, []), ("drizzle-orm", "Drizzle ORM", .database, []), ("knex", "Knex", .database, []),
        ("sequelize", "Sequelize", .database, []), ("typeorm", "TypeORM", .database, []), ("@mikro-orm/core", "MikroORM", .database, []),
        ("objection", "Objection", .database, []), ("mongoose", "MongoDB (mongoose)", .database, []), ("mongodb", "MongoDB", .database, []),
        ("redis", "Redis", .database, []), ("ioredis", "Redis (ioredis)", .database, []), ("@upstash/redis", "Upstash Redis", .hosted, []),
        ("@vercel/kv", "Vercel KV", .hosted, []), ("@vercel/postgres", "Vercel Postgres", .hosted, []),
        ("@neondatabase/serverless", "Neon Postgres", .hosted, []), ("@libsql/client", "libSQL/Turso", .hosted, []),
        ("@planetscale/database", "PlanetScale", .hosted, []), ("kysely", "Kysely", .database, []), ("mssql", "SQL Server", .database, []),
        ("oracledb", "Oracle", .database, []), ("cassandra-driver", "Cassandra", .database, []),
        ("@aws-sdk/client-dynamodb", "DynamoDB", .hosted, []), ("@aws-sdk/lib-dynamodb", "DynamoDB", .hosted, []),
        ("@supabase/supabase-js", "Supabase", .hosted, supabaseCalls), ("@supabase/ssr", "Supabase", .hosted, supabaseCalls),
        ("@supabase/auth-helpers-nextjs", "Supabase", .hosted, supabaseCalls), ("@supabase/auth-helpers-react", "Supabase", .hosted, supabaseCalls),
        ("firebase/firestore", "Firestore", .hosted, firebaseCalls), ("firebase/database", "Firebase Realtime Database", .hosted, firebaseCalls),
        ("@firebase/firestore", "Firestore", .hosted, firebaseCalls), ("firebase-admin", "Firebase Admin", .hosted, firebaseCalls),
        ("@google-cloud/firestore", "Firestore", .hosted, []), ("convex", "Convex", .hosted, convexCalls), ("appwrite", "Appwrite", .hosted, appwriteCalls),
        ("node-appwrite", "Appwrite", .hosted, appwriteCalls), ("pocketbase", "PocketBase", .hosted, [".collection("]),
        ("lowdb", "lowdb JSON file", .file, []), ("nedb", "NeDB file", .file, []), ("@seald-io/nedb", "NeDB file", .file, []),
        ("node-json-db", "JSON file", .file, []),
        ("dexie", "IndexedDB (Dexie)", .browser, []), ("idb", "IndexedDB (idb)", .browser, []), ("idb-keyval", "IndexedDB (idb-keyval)", .browser, []),
        ("localforage", "IndexedDB/localStorage (localForage)", .browser, []), ("@electric-sql/pglite", "PGlite in the browser", .browser, []),
        // Python
        ("sqlalchemy", "SQLAlchemy", .database, []), ("sqlmodel", "SQLModel", .database, []), ("psycopg", "PostgreSQL (psycopg)", .database, []),
        ("psycopg2", "PostgreSQL (psycopg2)", .database, []), ("asyncpg", "PostgreSQL (asyncpg)", .database, []),
        ("pymysql", "MySQL (PyMySQL)", .database, []), ("mysqldb", "MySQL", .database, []), ("mysql/connector", "MySQL", .database, []),
        ("pymongo", "MongoDB (pymongo)", .database, []), ("motor", "MongoDB (motor)", .database, []),
        ("mongoengine", "MongoDB (mongoengine)", .database, []), ("beanie", "MongoDB (beanie)", .database, []),
        ("peewee", "Peewee", .database, []), ("tortoise", "Tortoise ORM", .database, []), ("django/db", "Django ORM", .database, []),
        ("databases", "databases", .database, []), ("supabase", "Supabase", .hosted, [".table(", ".rpc("]), ("firebase_admin", "Firebase Admin", .hosted, [".collection(", ".reference("]),
        ("aiosqlite", "SQLite (aiosqlite)", .database, []), ("pynamodb", "DynamoDB", .hosted, []), ("tinydb", "TinyDB JSON file", .file, []),
        ("flask_sqlalchemy", "Flask-SQLAlchemy", .database, []), ("prisma", "Prisma (Python)", .database, []),
    ]

    init(_ app: AppContext) {
        var byPath: [String: ScannedFile] = [:]
        for f in app.files { byPath[f.path] = f }
        self.byPath = byPath

        let program = app.files.filter { Self.isProgram($0) && Self.isShipped($0) }
        programFiles = program

        var imports: [String: [ProdImport]] = [:]
        var local: [String: [String]] = [:]
        var importers: [String: [String]] = [:]
        let pathIndex = ImportPathIndex(byPath.keys)
        self.pathIndex = pathIndex
        var resolved: [String: [String: String?]] = [:]
        for f in program {
            let imps = ProdImports.imports(f)
            imports[f.path] = imps
            var targets: [String] = []
            var specs: [String: String?] = [:]
            for i in imps {
                let t = ProdImports.resolve(i.spec, from: f.path, language: f.language, paths: byPath, index: pathIndex)
                specs[i.spec] = .some(t)
                if let t, t != f.path, i.isLocal || i.python {
                    targets.append(t)
                    importers[t, default: []].append(f.path)
                }
            }
            local[f.path] = targets
            resolved[f.path] = specs
        }
        resolvedSpecs = resolved
        self.imports = imports
        localImports = local
        self.importers = importers

        let pkgs = app.files.filter { $0.path == "package.json" || $0.path.hasSuffix("/package.json") }.compactMap(ProdPackage.parse)
        packages = pkgs
        deps = pkgs.reduce(into: Set<String>()) { $0.formUnion($1.allDependencies) }
        pyDeps = Self.pythonRequirements(app.files)

        // Serverless and hosted function files.
        let hasConvex = deps.contains("convex")
        let hasFirebaseFunctions = deps.contains("firebase-functions") || app.files.contains { $0.path == "firebase.json" }
        var functions: [String] = []
        for f in program {
            let p = "/" + f.path
            if p.prodHas("/supabase/functions/") || p.prodHas("/netlify/functions/") || p.prodHas("/netlify/edge-functions/")
                || (hasConvex && p.prodHas("/convex/") && !p.prodHas("/_generated/"))
                || (hasFirebaseFunctions && p.prodHas("/functions/")) || p.prodHas("/amplify/backend/function/") {
                functions.append(f.path)
            }
        }

        // Frameworks whose server runs route handlers.
        var fw: [String] = []
        if deps.contains("next") { fw.append("Next.js") }
        if deps.contains(where: { $0.hasPrefix("@remix-run/") }) { fw.append("Remix") }
        if deps.contains("@react-router/dev") || deps.contains("@react-router/serve") { fw.append("React Router framework") }
        if deps.contains("@sveltejs/kit") && !deps.contains("@sveltejs/adapter-static") { fw.append("SvelteKit") }
        if deps.contains("nuxt") { fw.append("Nuxt") }
        if deps.contains("@solidjs/start") { fw.append("SolidStart") }
        if deps.contains("@tanstack/react-start") || deps.contains("@tanstack/start") { fw.append("TanStack Start") }
        if deps.contains("astro") && deps.contains(where: { ["@astrojs/node", "@astrojs/vercel", "@astrojs/netlify", "@astrojs/cloudflare"].contains($0) }) {
            fw.append("Astro SSR")
        }
        var staticExport = false
        if fw.contains("Next.js") {
            for f in app.files where (f.path.split(separator: "/").last ?? "").hasPrefix("next.config") {
                if f.contains("output: 'export'") || f.contains("output: \"export\"") || f.contains("output:'export'") { staticExport = true }
            }
            if staticExport { fw.removeAll { $0 == "Next.js" } }
        }
        nextStaticExport = staticExport
        frameworks = fw

        // Server side: seeds, then everything they import.
        var server = Set<String>()
        for f in program {
            let publicAsset = ("/" + f.path).contains("/public/") || ("/" + f.path).contains("/static/")
            if f.language == .python || (f.role == .server && !publicAsset) || functions.contains(f.path) {
                server.insert(f.path)
                continue
            }
            let imps = imports[f.path] ?? []
            if imps.contains(where: { i in Self.serverOnlyModules.contains { i.isModule($0) } }) { server.insert(f.path) }
        }
        var queue = Array(server)
        while let p = queue.popLast() {
            for t in local[p] ?? [] where !server.contains(t) {
                if let tf = byPath[t], FileRole.directive(tf.bytes) == "use client" { continue }
                server.insert(t)
                queue.append(t)
            }
        }
        serverSide = server

        var starts: [ProdServerStart] = []
        for f in program where server.contains(f.path) && !functions.contains(f.path) {
            starts += Self.serverStarts(f, imports: imports[f.path] ?? [])
        }
        if let manage = app.files.first(where: { $0.path == "manage.py" || $0.path.hasSuffix("/manage.py") }), manage.contains("django") {
            if !starts.contains(where: { $0.kind == "Django" }) {
                starts.append(ProdServerStart(path: manage.path, offset: 0, kind: "Django", python: true))
            }
        }
        serverStarts = starts
        functionFiles = functions

        var stores: [ProdStoreUse] = []
        var confirmed: [String: Bool] = [:]
        func callSeen(_ calls: [String]) -> Bool {
            let key = calls.joined(separator: "|")
            if let c = confirmed[key] { return c }
            let needles = ProdNeedles(calls)
            let seen = program.contains { ProdText.contains($0, needles, in: 0..<$0.bytes.count) }
            confirmed[key] = seen
            return seen
        }
        for f in program {
            for i in imports[f.path] ?? [] {
                guard let m = Self.storeModules.first(where: { i.isModule($0.module) }) else { continue }
                if !m.needsCall.isEmpty && !callSeen(m.needsCall) { continue }
                stores.append(ProdStoreUse(name: m.name, kind: m.kind, path: f.path, offset: i.offset))
            }
            if f.language == .python, let o = f.find("models.Model", in: .code).first {
                stores.append(ProdStoreUse(name: "Django ORM", kind: .database, path: f.path, offset: o))
            }
        }
        self.stores = stores
    }

    /// `.listen(` on an HTTP server, `serve(` of @hono/node-server, `Bun.serve(`, and Python web apps.
    private static func serverStarts(_ f: ScannedFile, imports: [ProdImport]) -> [ProdServerStart] {
        let b = f.bytes
        var out: [ProdServerStart] = []
        if f.language == .python {
            guard let web = pythonWebModules.first(where: { w in imports.contains { $0.isModule(w.0) } }) else { return [] }
            for lit in ["uvicorn.run(", "app.run(", "web.run_app(", "run_simple(", "serve(app", ".run(host", "FastAPI(", "Flask(__name__", "Quart(__name__", "Sanic("] {
                if let o = f.find(lit, in: .code).first {
                    out.append(ProdServerStart(path: f.path, offset: o, kind: web.1, python: true))
                    break
                }
            }
            return out
        }
        let httpModule = httpServerModules.first { m in imports.contains { $0.isModule(m.0) } }
        for o in f.find(".listen(", in: .code) {
            let p = ProdText.prevNonSpace(b, before: o)
            guard p >= 0 else { continue }
            var ok = httpModule != nil
            if !ok {
                let recv = ProdText.identifier(b, endingAt: p).name.lowercased()
                ok = b[p] == 0x29 || ["app", "server", "httpserver", "httpsserver", "fastify", "srv", "api", "application", "instance", "expressapp"].contains(recv)
            }
            if ok {
                out.append(ProdServerStart(path: f.path, offset: o + 1, kind: httpModule?.1 ?? "Node HTTP server", python: false))
                break
            }
        }
        if out.isEmpty, imports.contains(where: { $0.isModule("@hono/node-server") }), let o = f.find("serve(", in: .code).first {
            out.append(ProdServerStart(path: f.path, offset: o, kind: "Hono on Node", python: false))
        }
        if out.isEmpty, let o = f.find("Bun.serve(", in: .code).first {
            out.append(ProdServerStart(path: f.path, offset: o, kind: "Bun.serve", python: false))
        }
        return out
    }

    private static func pythonRequirements(_ files: [ScannedFile]) -> Set<String> {
        var out = Set<String>()
        for f in files {
            let name = (f.path.split(separator: "/").last ?? "").lowercased()
            if name.hasPrefix("requirements") && name.hasSuffix(".txt") {
                for line in f.text.split(separator: "\n") {
                    let t = line.trimmingCharacters(in: .whitespaces)
                    guard !t.isEmpty, !t.hasPrefix("#"), !t.hasPrefix("-") else { continue }
                    let n = t.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
                    if !n.isEmpty { out.insert(n.lowercased().replacingOccurrences(of: "_", with: "-")) }
                }
            } else if name == "pyproject.toml" || name == "pipfile" {
                for r in f.regions where r.kind == .string {
                    let s = ProdText.stringContent(f, region: r)
                    let n = s.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
                    if !n.isEmpty && n.count == s.count || s.dropFirst(n.count).first.map({ "<>=![~; ".contains($0) }) == true {
                        out.insert(n.lowercased().replacingOccurrences(of: "_", with: "-"))
                    }
                }
            }
        }
        return out
    }

    /// The app file `spec` imported by `importer` points to (`ProdImports.resolve`, answered from the
    /// imports resolved when the profile was built).
    func resolve(_ spec: String, from importer: String, language: Language) -> String? {
        if case .some(let t) = resolvedSpecs[importer]?[spec] { return t }
        return ProdImports.resolve(spec, from: importer, language: language, paths: byPath, index: pathIndex)
    }

    // MARK: - One profile per app

    /// The profile of `app`, computed on first use and shared by every collector that asks.
    static func of(_ app: AppContext) -> ProdAppProfile {
        app.shared("ProdAppProfile") { ProdAppProfile(app) }
    }
}
