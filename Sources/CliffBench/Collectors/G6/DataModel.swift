import Foundation

/// A lifecycle operation on an entity.
enum DataOp: Int, Sendable, CaseIterable, Comparable {
    case create, read, update, delete, list

    static func < (a: DataOp, b: DataOp) -> Bool { a.rawValue < b.rawValue }

    var participle: String {
        switch self {
        case .create: "created"
        case .read: "read"
        case .update: "updated"
        case .delete: "deleted/cancelled"
        case .list: "listed"
        }
    }
}

/// A place in the app.
struct G6Loc: Sendable, Hashable {
    var path: String
    var offset: Int
}

/// One piece of code that performs an operation on an entity.
struct DataOpSite: Sendable {
    var op: DataOp
    var loc: G6Loc
    /// "supabase", "prisma", "rest", "sql", "firestore", "mongo", "django", "drizzle", "auth".
    var via: String
    /// An update that cancels, archives or deactivates (counted as a delete).
    var soft = false
    /// An update whose values include a `role` field.
    var touchesRole = false
    /// An update that marks something paid (`status: "paid"`, `paid_at`).
    var touchesPayment = false
    /// A list query with a limit, range, page or date window.
    var bounded = false
    /// A list query with a text search (ilike, contains, textSearch…).
    var searched = false
}

/// An entity of the app: a table, model, collection or (for apps with no store) an API resource.
struct EntityRecord: Sendable {
    var key: String
    var name: String
    var declared: G6Loc?
    var sources: Set<String> = []
    var sites: [DataOpSite] = []

    var ops: Set<DataOp> {
        var s = Set(sites.map(\.op))
        if s.contains(.list) { s.insert(.read) }
        return s
    }
    var bounded: Bool { sites.contains { $0.bounded } }
    var searched: Bool { sites.contains { $0.searched } }
}

/// What the app stores and what its code does with it, read from schemas, data-access calls and routes.
struct DataModel: Sendable {
    var entities: [String: EntityRecord] = [:]
    /// Entities come from API routes only: the app has no schema, model or data-access call naming a store.
    var restOnly = false
    /// Account operations through an auth provider (sign-up, delete user, update user).
    var authSites: [DataOpSite] = []
    /// localStorage keys (normalised) with where they are written and whether a JSON value is stored.
    var localKeys: [String: (loc: G6Loc, json: Bool)] = [:]

    static let personKeys: Set<String> = ["user", "profile", "account", "member", "appuser"]

    /// Tables and models that hold plumbing rather than business records.
    static func isInfrastructure(_ key: String) -> Bool {
        let exact: Set<String> = [
            "session", "verificationtoken", "verification", "migration", "schemamigration", "prismamigration", "knexmigration",
            "knexmigrationslock", "processedwebhook", "webhookevent", "webhook", "ratelimit", "idempotencykey", "passwordreset",
            "passwordresettoken", "token", "refreshtoken", "cache", "job", "queue", "lock", "setting", "config", "configuration",
            "kv", "counter", "notification", "auditlog", "audit", "activitylog", "activity", "eventlog", "log", "history",
            "changelog", "otp", "magiclink", "authenticator", "pushsubscription", "subscriptiontoken",
        ]
        if exact.contains(key) { return true }
        for suffix in ["log", "history", "audit", "migration", "token", "version", "revision", "lock", "notification"] where key.hasSuffix(suffix) {
            return true
        }
        return key.hasPrefix("audit") || key.hasPrefix("processed") || key.hasPrefix("schema")
    }

    // MARK: Rules

    static let jsLanguages: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte]
    static let codeLanguages: Set<Language> = jsLanguages.union([.python])
    static let ruleNames = ["sql-table", "prisma-model", "models", "from", "orm", "sqla", "firestore", "sql-dml", "route", "next-route", "pages-method", "mount", "auth", "local"]

    static let ormOps = [
        "findMany", "findFirst", "findUnique", "findFirstOrThrow", "findUniqueOrThrow", "create", "createMany", "update", "updateMany",
        "upsert", "delete", "deleteMany", "findAll", "findOne", "findById", "findByPk", "find", "findByIdAndUpdate", "findOneAndUpdate",
        "findByIdAndDelete", "findOneAndDelete", "updateOne", "deleteOne", "insertOne", "insertMany", "destroy", "bulkCreate",
        "findAndCountAll", "insert", "objects",
    ]

    /// The data-access rules, registered under a collector's metric id.
    static func rules(_ m: String) -> [PatternRule] {
        let methods = ["get", "post", "put", "patch", "delete"]
        let routeLits = (methods + ["route"]).map { ".\($0)(" }
        var nextLits: [String] = []
        for meth in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            nextLits += ["function \(meth)", "const \(meth)", "as \(meth)"]
        }
        var pagesLits = ["req.method"]
        for meth in ["GET", "POST", "PUT", "PATCH", "DELETE"] { pagesLits += ["case '\(meth)'", "case \"\(meth)\""] }
        return [
            PatternRule(id: "\(m)/sql-table", literals: ["create table"], caseSensitive: false, regions: .code, languages: [.sql],
                        regexEquivalent: #"(?i)create\s+table\s+(if\s+not\s+exists\s+)?[\w."]+"#),
            PatternRule(id: "\(m)/prisma-model", literals: ["model "], regions: .code, languages: [.text], wordStart: true,
                        regexEquivalent: #"^model\s+\w+\s*\{"#),
            PatternRule(id: "\(m)/models", literals: ["pgTable(", "sqliteTable(", "mysqlTable(", "mongoose.model(", "models.Model", "sequelize.define(", "db.Model",
                                                   "__tablename__"],
                        regions: .code, languages: codeLanguages,
                        regexEquivalent: #"(pgTable|sqliteTable|mysqlTable|mongoose\.model|sequelize\.define)\(\s*['"]\w+|class\s+\w+\([^)]*\b(models|db)\.Model\)|^\s+__tablename__\s*="#),
            // SQLAlchemy / Flask-SQLAlchemy: Model.query chains, session calls, select(Model).
            PatternRule(id: "\(m)/sqla", literals: [".query.", "session.add(", "session.add_all(", "session.delete(", "session.get(", "session.query(", "select("],
                        regions: .code, languages: [.python],
                        regexEquivalent: #"\b[A-Z]\w*\.query\.\w+\(|session\.(add|add_all|delete|get|query)\(|\bselect\(\s*[A-Z]\w*"#),
            PatternRule(id: "\(m)/from", literals: [".from("], regions: .code, languages: jsLanguages,
                        regexEquivalent: #"\.from\(\s*['"`]\w+['"`]\s*\)(\s*\.\w+\([^)]*\))*"#),
            PatternRule(id: "\(m)/orm", literals: ormOps.map { $0 == "objects" ? ".objects." : ".\($0)(" }, regions: .code, languages: codeLanguages,
                        regexEquivalent: #"\b\w+\.\w+\.(findMany|findFirst|findUnique|create|createMany|update|updateMany|upsert|delete|deleteMany)\(|\b[A-Z]\w*\.(find|findOne|findById|create|updateOne|deleteOne|findByIdAndUpdate|findByIdAndDelete|destroy|findAll)\(|\b[A-Z]\w*\.objects\.\w+\("#),
            PatternRule(id: "\(m)/firestore", literals: ["addDoc(", "setDoc(", "getDoc(", "getDocs(", "updateDoc(", "deleteDoc(", "onSnapshot(", ".collection("],
                        regions: .code, languages: jsLanguages,
                        regexEquivalent: #"\b(addDoc|setDoc|getDocs?|updateDoc|deleteDoc|onSnapshot)\(|\.collection\(\s*['"]\w+"#),
            PatternRule(id: "\(m)/sql-dml", literals: ["insert into", "delete from", "update ", "select "], caseSensitive: false, regions: .string,
                        languages: codeLanguages.union([.sql]),
                        regexEquivalent: #"(?i)(insert\s+into\s+["`]?\w+|delete\s+from\s+["`]?\w+|update\s+["`]?\w+["`]?\s+set\b|select\s.{0,300}?\sfrom\s+["`]?\w+)"#),
            PatternRule(id: "\(m)/route", literals: routeLits, regions: .code, languages: codeLanguages,
                        regexEquivalent: #"\.(get|post|put|patch|delete|route)\(\s*['"`]/[^'"`]*['"`]"#),
            PatternRule(id: "\(m)/next-route", literals: nextLits, regions: .code, languages: jsLanguages, wordStart: true,
                        regexEquivalent: #"export\s+(async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b"#),
            PatternRule(id: "\(m)/pages-method", literals: pagesLits, regions: .code, languages: jsLanguages,
                        regexEquivalent: #"req\.method\s*[!=]==?\s*['"](GET|POST|PUT|PATCH|DELETE)['"]|case\s+['"](GET|POST|PUT|PATCH|DELETE)['"]"#),
            PatternRule(id: "\(m)/mount", literals: [".use("], regions: .code, languages: jsLanguages,
                        regexEquivalent: #"\.use\(\s*['"`]/[^'"`]*['"`]\s*,\s*\w+"#),
            PatternRule(id: "\(m)/auth", literals: ["auth.signUp(", "auth.admin.createUser(", "auth.admin.deleteUser(", "auth.admin.updateUserById(",
                                                    "auth.updateUser(", "auth.admin.listUsers(", "auth.admin.inviteUserByEmail(",
                                                    "createUserWithEmailAndPassword(", "deleteUser(", "auth.signInWithOtp(", "auth.signInWithOAuth("],
                        regions: .code, languages: codeLanguages,
                        regexEquivalent: #"auth\.(signUp|signInWithOtp|signInWithOAuth|updateUser|admin\.(createUser|deleteUser|updateUserById|listUsers|inviteUserByEmail))\(|\b(createUserWithEmailAndPassword|deleteUser)\("#),
            PatternRule(id: "\(m)/local", literals: ["localStorage.setItem(", "localStorage.getItem(", "AsyncStorage.setItem("], regions: .code,
                        languages: jsLanguages, regexEquivalent: #"(localStorage|AsyncStorage)\.(setItem|getItem)\(\s*['"`]\w+"#),
        ]
    }

    // MARK: Build

    struct Usage {
        var name: String
        var site: DataOpSite
        /// Whether the name alone proves the entity exists (a Supabase table or a collection name).
        var defines: Bool
    }

    /// The app's model, built once and shared by the G6 collectors. Their data-access rules differ only
    /// in the metric id that prefixes them, so whichever collector asks first builds it from its own rules.
    static func shared(_ app: AppContext, metric: String) -> DataModel {
        app.shared("G6.DataModel") { build(app, metric: metric) }
    }

    static func build(_ app: AppContext, metric: String) -> DataModel {
        let hits = G6Hits(app, metric: metric, rules: ruleNames)
        var model = DataModel()
        var declared: [String: EntityRecord] = [:]

        func declare(_ name: String, _ loc: G6Loc, _ source: String) {
            let key = G6Scan.entityKey(name)
            guard !key.isEmpty else { return }
            if declared[key] == nil { declared[key] = EntityRecord(key: key, name: name, declared: loc) }
            declared[key]!.sources.insert(source)
        }

        for path in hits.paths {
            guard let f = hits.files[path] else { continue }
            for h in hits.hits(path) {
                switch h.rule {
                case "sql-table":
                    guard !isDocumentation(path) else { continue }
                    if let n = sqlTableName(f.bytes, after: h.offset + h.length) { declare(n, G6Loc(path: path, offset: h.offset), "sql") }
                case "prisma-model":
                    guard path.hasSuffix(".prisma"), h.offset == 0 || f.bytes[h.offset - 1] == 0x0A else { continue }
                    let s = G6Scan.skipSpace(f.bytes, h.offset + h.length)
                    let e = G6Scan.identEnd(f.bytes, s)
                    if e > s { declare(G6Scan.text(f.bytes, s..<e), G6Loc(path: path, offset: h.offset), "prisma") }
                case "models":
                    guard G6Scan.isAppCode(f) || f.role == .schema else { continue }
                    if let n = modelName(f, h.offset, h.length) { declare(n, G6Loc(path: path, offset: h.offset), "orm") }
                default: break
                }
            }
        }

        var usages: [Usage] = []
        var routes: [(method: String, path: String, loc: G6Loc, handler: Range<Int>)] = []
        var mounts: [String: String] = [:]
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            for h in hits.hits(path, "mount") { if let (base, prefix) = mount(f, h.offset, h.length) { mounts[base] = prefix } }
        }
        for path in hits.paths {
            guard let f = hits.files[path] else { continue }
            if f.language == .sql {
                // statements inside function and trigger bodies ($$ … $$) run in the app; top-level inserts are seeds
                guard !isDocumentation(path) else { continue }
                for h in hits.hits(path, "sql-dml") where inDollarBody(f, h.offset) { usages += sqlStatement(f, h.offset, h.length) }
                continue
            }
            guard G6Scan.isAppCode(f) else { continue }
            for h in hits.hits(path) {
                switch h.rule {
                case "from": usages += fromCall(f, h.offset)
                case "orm": usages += ormCall(f, h.offset, h.length, declared: declared)
                case "sqla": usages += sqlaCall(f, h.offset, h.length, declared: declared)
                case "firestore": usages += firestoreCall(f, h.offset, h.length)
                case "sql-dml": usages += sqlStatement(f, h.offset, h.length)
                case "route": routes += expressRoute(f, h.offset, h.length)
                case "next-route": routes += nextRoute(f, h.offset, h.length)
                case "pages-method": routes += pagesRoute(f, h.offset, h.length)
                case "auth": if let s = authCall(f, h.offset, h.length) { model.authSites.append(s) }
                case "local":
                    if let (k, json) = localKey(f, h.offset, h.length) {
                        let key = G6Scan.entityKey(k)
                        if model.localKeys[key] == nil || (json && !(model.localKeys[key]!.json)) {
                            model.localKeys[key] = (G6Loc(path: path, offset: h.offset), json)
                        }
                    }
                default: break
                }
            }
        }

        var known = declared
        for u in usages where u.defines {
            let key = G6Scan.entityKey(u.name)
            guard !key.isEmpty else { continue }
            if known[key] == nil { known[key] = EntityRecord(key: key, name: u.name, declared: nil) }
            known[key]!.sources.insert(u.site.via)
        }
        for u in usages {
            let key = G6Scan.entityKey(u.name)
            guard known[key] != nil else { continue }
            known[key]!.sites.append(u.site)
        }

        let routed = routes.map { r in (r, fullPath(r.path, file: r.loc.path, mounts: mounts)) }
        var routeKeys = Set(known.keys)
        if known.isEmpty {
            for (_, p) in routed {
                if let (k, _) = resourceOf(p), !restStoplist.contains(k) { routeKeys.insert(k) }
            }
        }
        let resolved = routed.compactMap { (r, p) in
            routeOp(r.method, p, loc: r.loc, handler: r.handler, app: app, knownKeys: routeKeys)
        }
        if known.isEmpty {
            model.restOnly = !resolved.isEmpty
            for (k, name, _) in resolved where routeKeys.contains(k) {
                if known[k] == nil { known[k] = EntityRecord(key: k, name: name, declared: nil, sources: ["rest"]) }
            }
        }
        for (k, _, site) in resolved {
            if k == "@account" {
                for pk in personKeys where known[pk] != nil { known[pk]!.sites.append(site) }
                model.authSites.append(site)
            } else if known[k] != nil {
                known[k]!.sites.append(site)
            }
        }
        model.entities = known
        return model
    }

    /// SQL kept as documentation or examples rather than the app's migrations.
    static func isDocumentation(_ path: String) -> Bool {
        let parts = path.lowercased().split(separator: "/").dropLast()
        return parts.contains { ["docs", "doc", "documentation", "examples", "example", "samples", "sample"].contains(String($0)) }
    }

    /// Resources that are never business entities when routes are the only evidence.
    static let restStoplist: Set<String> = [
        "auth", "login", "logout", "register", "signup", "session", "health", "healthz", "ready", "readiness", "liveness", "statu",
        "webhook", "stat", "metric", "cron", "upload", "ai", "chat", "search", "export", "import", "me", "config", "setting",
        "admin", "internal", "debug", "test", "doc", "swagger", "graphql", "trpc", "checkout", "callback", "otp", "verify", "ping",
        "version", "info", "dashboard", "public", "static", "asset", "image", "file", "email", "mail", "notify", "draft",
    ]

    // MARK: Declarations

    static func sqlTableName(_ b: [UInt8], after i: Int) -> String? {
        var j = G6Scan.skipSpace(b, i)
        for word in ["if not exists"] where G6Scan.hasLiteral(b, at: j, word, foldCase: true) {
            j = G6Scan.skipSpace(b, j + word.utf8.count)
        }
        return sqlIdent(b, at: j)?.name
    }

    /// A possibly quoted, possibly schema-qualified SQL identifier; the last part is the name.
    static func sqlIdent(_ b: [UInt8], at start: Int) -> (name: String, end: Int)? {
        var j = start
        var name = ""
        while j < b.count {
            var q: UInt8 = 0
            if b[j] == 0x22 || b[j] == 0x60 || b[j] == 0x5B { q = b[j] == 0x5B ? 0x5D : b[j]; j += 1 }
            let s = j
            while j < b.count && (G6Scan.isIdent(b[j]) && b[j] != 0x24) { j += 1 }
            guard j > s else { return nil }
            name = G6Scan.text(b, s..<j)
            if q != 0 { guard j < b.count && b[j] == q else { return nil }; j += 1 }
            if j < b.count && b[j] == 0x2E { j += 1; continue }
            break
        }
        return name.isEmpty ? nil : (name, j)
    }

    static func modelName(_ f: ScannedFile, _ off: Int, _ len: Int) -> String? {
        let b = f.bytes
        if G6Scan.hasLiteral(b, at: off, "db.Model") || G6Scan.hasLiteral(b, at: off, "__tablename__") {
            // SQLAlchemy: `class Rsvp(db.Model):`, `class User(UserMixin, db.Model):`, or the class holding `__tablename__ = "…"`.
            guard f.language == .python else { return nil }
            return pythonClass(b, enclosing: off, sameLine: G6Scan.hasLiteral(b, at: off, "db.Model"))
        }
        if G6Scan.hasLiteral(b, at: off, "models.Model") {
            guard let open = G6Scan.prevNonSpace(b, before: off), b[open] == 0x28,
                  let cls = G6Scan.identBefore(b, open), G6Scan.hasLiteral(b, at: max(0, cls.start - 6), "class ") else { return nil }
            return cls.name
        }
        let a = G6Scan.skipSpace(b, off + len)
        return G6Scan.quoted(b, at: a)?.value
    }

    // MARK: Supabase / Drizzle `.from(`

    /// `.name(args)` calls chained after `from`, with generic arguments skipped.
    static func chain(_ f: ScannedFile, from start: Int, maxCalls: Int = 24) -> (calls: [(name: String, args: Range<Int>)], end: Int) {
        let b = f.bytes
        var out: [(String, Range<Int>)] = []
        var i = start
        while out.count < maxCalls {
            var j = G6Scan.skipSpace(b, i)
            if j + 1 < b.count && b[j] == 0x3F && b[j + 1] == 0x2E { j += 1 }
            if j + 1 < b.count && b[j] == 0x21 && b[j + 1] == 0x2E { j += 1 }
            guard j < b.count, b[j] == 0x2E else { break }
            let ns = j + 1
            let ne = G6Scan.identEnd(b, ns)
            guard ne > ns else { break }
            var k = G6Scan.skipSpace(b, ne)
            if k < b.count && b[k] == 0x3C {
                var depth = 0
                while k < b.count {
                    if b[k] == 0x3C { depth += 1 } else if b[k] == 0x3E { depth -= 1; if depth == 0 { k += 1; break } } else if b[k] == 0x0A || b[k] == 0x3B { break }
                    k += 1
                }
                k = G6Scan.skipSpace(b, k)
            }
            guard k < b.count, b[k] == 0x28, let close = G6Scan.closing(f, open: k) else { break }
            out.append((G6Scan.text(b, ns..<ne), (k + 1)..<close))
            i = close + 1
        }
        return (out, i)
    }

    static let softMarkers = ["cancel", "archiv", "deleted", "void", "inactive", "deactivat", "active: false", "active:false",
                              "is_active: false", "isActive: false", "disabled: true", "removed", "trash"]

    static func argsMention(_ f: ScannedFile, _ r: Range<Int>, _ words: [String]) -> Bool {
        words.contains { G6Scan.contains(f.bytes, $0, in: r, foldCase: true) }
    }

    /// Whether the arguments set a `role` field (`role:`, `"role":`, `{ role }`).
    static func setsRole(_ f: ScannedFile, _ r: Range<Int>) -> Bool {
        let b = f.bytes
        var from = r.lowerBound
        while let i = G6Scan.firstIndex(b, of: "role", in: from..<r.upperBound, wordStart: true) {
            from = i + 4
            guard i + 4 >= b.count || !G6Scan.isIdent(b[i + 4]) else { continue }
            var j = i + 4
            if j < b.count && (b[j] == 0x22 || b[j] == 0x27) { j += 1 }
            j = G6Scan.skipSpace(b, j)
            if j < b.count && (b[j] == 0x3A || b[j] == 0x2C || b[j] == 0x7D || b[j] == 0x3D) { return true }
        }
        return false
    }

    static func marksPaid(_ f: ScannedFile, _ r: Range<Int>) -> Bool {
        argsMention(f, r, ["\"paid\"", "'paid'", "\"PAID\"", "'PAID'", "paid_at", "paidAt"])
    }

    private static let notDataReceivers: Set<String> = [
        "Array", "Buffer", "Object", "storage", "Uint8Array", "Observable", "Rx", "Promise", "Set", "Map", "Stream", "Readable",
        "Iterator", "String", "Date", "Temporal", "Intl", "of", "rxjs", "dayjs", "moment", "Int32Array", "Float32Array",
    ]

    static func fromCall(_ f: ScannedFile, _ off: Int) -> [Usage] {
        let b = f.bytes
        let open = off + 5
        let a = G6Scan.skipSpace(b, open + 1)
        guard a < b.count, let close = G6Scan.closing(f, open: open) else { return [] }
        if let (name, _) = G6Scan.quoted(b, at: a) {
            if let r = G6Scan.identBefore(b, off), notDataReceivers.contains(r.name) { return [] }
            guard !name.isEmpty, name.utf8.allSatisfy({ G6Scan.isIdent($0) || $0 == 0x2E }) else { return [] }
            var calls = chain(f, from: close + 1).calls
            if let v = assignedVariable(b, exprStart: receiverStart(b, off)) {
                calls += continuation(f, variable: v, after: close)
            }
            return supabaseUsages(f, off, name, calls)
        }
        guard G6Scan.isIdent(b[a]) else { return [] }
        let e = G6Scan.identEnd(b, a)
        let name = G6Scan.text(b, a..<e)
        // Supabase with the table name in a constant: supabase.from(TABLE)
        if let r = G6Scan.identBefore(b, off), !notDataReceivers.contains(r.name), G6Scan.skipSpace(b, e) == close,
           let table = constantString(f, name, app: nil) {
            var calls = chain(f, from: close + 1).calls
            if let v = assignedVariable(b, exprStart: receiverStart(b, off)) { calls += continuation(f, variable: v, after: close) }
            return supabaseUsages(f, off, table, calls)
        }
        // Drizzle: db.select().from(table)
        guard let prev = G6Scan.prevNonSpace(b, before: off), b[prev] == 0x29 else { return [] }
        let calls = chain(f, from: close + 1).calls
        var site = DataOpSite(op: .list, loc: G6Loc(path: f.path, offset: off), via: "drizzle")
        site.bounded = calls.contains { ["limit", "offset"].contains($0.name) }
        site.searched = calls.contains { $0.name == "where" && argsMention(f, $0.args, ["ilike(", "like("]) }
        return [Usage(name: name, site: site, defines: false)]
    }

    /// The string a constant holds: `const TABLE = "appointments"` in the same file.
    static func constantString(_ f: ScannedFile, _ name: String, app: AppContext?) -> String? {
        let b = f.bytes
        for i in f.find(name, in: .code, wordStart: true) {
            let e = i + name.utf8.count
            guard e < b.count, !G6Scan.isIdent(b[e]) else { continue }
            var j = G6Scan.skipSpace(b, e)
            if j < b.count && b[j] == 0x3A, let eq = G6Scan.firstIndex(b, of: "=", in: j..<min(b.count, j + 80)) { j = eq }
            guard j + 1 < b.count, b[j] == 0x3D, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { continue }
            let v = G6Scan.skipSpace(b, j + 1)
            if let (s, end) = G6Scan.quoted(b, at: v), !s.isEmpty, s.utf8.allSatisfy({ G6Scan.isIdent($0) || $0 == 0x2E }) {
                let after = G6Scan.skipSpace(b, end)
                if after >= b.count || b[after] == 0x3B || b[after] == 0x0A || b[after] == 0x2C || G6Scan.hasLiteral(b, at: after, "as") { return s }
            }
        }
        return nil
    }

    static func supabaseUsages(_ f: ScannedFile, _ off: Int, _ name: String, _ calls: [(name: String, args: Range<Int>)]) -> [Usage] {
        let loc = G6Loc(path: f.path, offset: off)
        guard let primary = calls.firstIndex(where: { ["select", "insert", "upsert", "update", "delete"].contains($0.name) }) else {
            return [Usage(name: name, site: DataOpSite(op: .read, loc: loc, via: "supabase"), defines: true)]
        }
        let p = calls[primary]
        let rest = calls[(primary + 1)...]
        switch p.name {
        case "insert":
            return [Usage(name: name, site: DataOpSite(op: .create, loc: loc, via: "supabase"), defines: true)]
        case "upsert":
            return [Usage(name: name, site: DataOpSite(op: .create, loc: loc, via: "supabase"), defines: true),
                    Usage(name: name, site: DataOpSite(op: .update, loc: loc, via: "supabase"), defines: true)]
        case "update":
            var s = DataOpSite(op: .update, loc: loc, via: "supabase")
            if argsMention(f, p.args, softMarkers) { s.op = .delete; s.soft = true }
            s.touchesRole = setsRole(f, p.args)
            s.touchesPayment = marksPaid(f, p.args)
            return [Usage(name: name, site: s, defines: true)]
        case "delete":
            return [Usage(name: name, site: DataOpSite(op: .delete, loc: loc, via: "supabase"), defines: true)]
        default:
            let single = rest.contains { c in
                c.name == "single" || c.name == "maybeSingle"
                    || (c.name == "eq" && (G6Scan.hasLiteral(f.bytes, at: c.args.lowerBound, "\"id\"") || G6Scan.hasLiteral(f.bytes, at: c.args.lowerBound, "'id'")))
            }
            if argsMention(f, p.args, ["head: true", "head:true"]) {
                return [Usage(name: name, site: DataOpSite(op: .read, loc: loc, via: "supabase"), defines: true)]
            }
            var s = DataOpSite(op: single ? .read : .list, loc: loc, via: "supabase")
            s.bounded = rest.contains { ["range", "limit", "gte", "lte", "gt", "lt"].contains($0.name) }
            s.searched = rest.contains { c in
                ["ilike", "like", "textSearch", "fts", "plfts", "wfts", "phfts"].contains(c.name)
                    || (c.name == "or" && argsMention(f, c.args, ["ilike", "like"]))
            }
            var out = [Usage(name: name, site: s, defines: true)]
            for embedded in embeddedTables(f, p.args) {
                out.append(Usage(name: embedded, site: DataOpSite(op: .read, loc: loc, via: "supabase"), defines: true))
            }
            return out
        }
    }

    /// Tables embedded in a Supabase select string: `"*, doctors(name), customer:customers!inner(*)"`.
    static func embeddedTables(_ f: ScannedFile, _ args: Range<Int>) -> [String] {
        let b = f.bytes
        let a = G6Scan.skipSpace(b, args.lowerBound)
        guard let (sel, _) = G6Scan.quoted(b, at: a) else { return [] }
        let u = Array(sel.utf8)
        var out: [String] = []
        for (i, c) in u.enumerated() where c == 0x28 {
            var e = i
            if let bang = u[..<i].lastIndex(of: 0x21), u[(bang + 1)..<i].allSatisfy(G6Scan.isIdent) { e = bang }
            var s = e
            while s > 0 && G6Scan.isIdent(u[s - 1]) { s -= 1 }
            if s < e { out.append(String(decoding: u[s..<e], as: UTF8.self)) }
        }
        return out
    }

    /// Relations read through Prisma `include:` / `select:` objects: (name, is a to-many relation).
    static func includedRelations(_ f: ScannedFile, _ args: Range<Int>) -> [String] {
        let b = f.bytes
        var out: [String] = []
        for kw in ["include", "select"] {
            var from = args.lowerBound
            while let i = G6Scan.firstIndex(b, of: kw, in: from..<args.upperBound, wordStart: true) {
                from = i + kw.utf8.count
                var j = G6Scan.skipSpace(b, from)
                guard j < b.count, b[j] == 0x3A else { continue }
                j = G6Scan.skipSpace(b, j + 1)
                guard j < b.count, b[j] == 0x7B, let close = G6Scan.closing(f, open: j) else { continue }
                var depth = 0
                var k = j
                var cursor = RegionCursor(f.regions, from: j)
                while k < close {
                    if let skip = cursor.skip(k) { k = skip; continue }
                    let c = b[k]
                    if c == 0x7B || c == 0x28 || c == 0x5B { depth += 1 } else if c == 0x7D || c == 0x29 || c == 0x5D { depth -= 1 }
                    if depth == 1 && G6Scan.isIdent(c) && !G6Scan.isIdent(b[k - 1]) {
                        let e = G6Scan.identEnd(b, k)
                        let after = G6Scan.skipSpace(b, e)
                        if after < b.count && b[after] == 0x3A { out.append(G6Scan.text(b, k..<e)) }
                        k = e
                        continue
                    }
                    k += 1
                }
            }
        }
        return out
    }

    /// Start of the receiver expression whose `.from(` is at `off` (`supabase`, `this.db`, `await client`).
    static func receiverStart(_ b: [UInt8], _ off: Int) -> Int {
        var i = off
        while true {
            let s = G6Scan.identStart(b, endingAt: i)
            guard s < i || (i > 0 && b[i - 1] == 0x29) else { return i }
            if s == i { return i }
            if s > 0 && b[s - 1] == 0x2E { i = s - 1; continue }
            return s
        }
    }

    /// `name` in `const name = await <expr>` / `let name = <expr>` / `name = <expr>`.
    static func assignedVariable(_ b: [UInt8], exprStart: Int) -> String? {
        guard var p = G6Scan.prevNonSpace(b, before: exprStart) else { return nil }
        if p >= 4 && G6Scan.hasLiteral(b, at: p - 4, "await") {
            guard let q = G6Scan.prevNonSpace(b, before: p - 4) else { return nil }
            p = q
        }
        guard b[p] == 0x3D, p > 0, b[p - 1] != 0x3D, b[p - 1] != 0x21, b[p - 1] != 0x3C, b[p - 1] != 0x3E else { return nil }
        guard let v = G6Scan.identBefore(b, p) else { return nil }
        return ["data", "error", "result", "res", "response"].contains(v.name) ? nil : v.name
    }

    /// Calls chained on `variable` later in the file (`q = q.range(…)`, `query.ilike(…)`).
    static func continuation(_ f: ScannedFile, variable: String, after: Int) -> [(name: String, args: Range<Int>)] {
        let b = f.bytes
        var out: [(String, Range<Int>)] = []
        var from = after
        let end = min(b.count, after + 3000)
        while let i = G6Scan.firstIndex(b, of: variable, in: from..<end, wordStart: true) {
            from = i + variable.utf8.count
            guard from < b.count, !G6Scan.isIdent(b[from]), f.kind(at: i) == .code else { continue }
            out += chain(f, from: from, maxCalls: 8).calls
        }
        return out
    }

    // MARK: ORMs

    private static func isDBClient(_ name: String) -> Bool {
        let l = name.lowercased()
        return l.contains("prisma") || ["db", "tx", "trx", "database", "orm", "query", "models", "drizzle", "knex"].contains(l) || l.hasSuffix("db")
    }

    static func ormCall(_ f: ScannedFile, _ off: Int, _ len: Int, declared: [String: EntityRecord]) -> [Usage] {
        let b = f.bytes
        let isObjects = G6Scan.hasLiteral(b, at: off, ".objects.")
        let opName = isObjects ? "objects" : G6Scan.text(b, (off + 1)..<(off + len - 1))
        let rs = G6Scan.identStart(b, endingAt: off)
        guard rs < off else { return [] }
        let recv = G6Scan.text(b, rs..<off)
        let loc = G6Loc(path: f.path, offset: rs)

        if isObjects {
            guard f.language == .python, declared[G6Scan.entityKey(recv)] != nil else { return [] }
            return djangoUsages(f, recv, chainStart: off + ".objects".utf8.count, loc: loc)
        }
        let open = off + len - 1
        let drizzle = ["insert", "update", "delete"].contains(opName) && isDBClient(recv)
        let memberAccess = rs > 0 && b[rs - 1] == 0x2E
        let upper = b[rs] >= 0x41 && b[rs] <= 0x5A
        let key = G6Scan.entityKey(recv)
        guard drizzle || declared[key] != nil else { return [] }
        guard let close = G6Scan.closing(f, open: open) else { return [] }
        let args = (open + 1)..<close

        // Drizzle: db.insert(table) / db.update(table) / db.delete(table)
        if drizzle {
            let a = G6Scan.skipSpace(b, open + 1)
            let e = G6Scan.identEnd(b, a)
            if e > a, G6Scan.skipSpace(b, e) == close {
                let table = G6Scan.text(b, a..<e)
                var s = DataOpSite(op: opName == "insert" ? .create : (opName == "update" ? .update : .delete), loc: loc, via: "drizzle")
                if opName == "update" {
                    let calls = chain(f, from: close + 1, maxCalls: 4).calls
                    if let set = calls.first(where: { $0.name == "set" }) {
                        if argsMention(f, set.args, softMarkers) { s.op = .delete; s.soft = true }
                        s.touchesRole = setsRole(f, set.args)
                    }
                }
                return [Usage(name: table, site: s, defines: false)]
            }
            if opName == "insert" { return [] }
        }

        guard declared[key] != nil else { return [] }
        if memberAccess {
            let objEnd = rs - 1
            let os = G6Scan.identStart(b, endingAt: objEnd)
            guard os < objEnd, isDBClient(G6Scan.text(b, os..<objEnd)) else { return [] }
        } else if !upper {
            return []
        }
        if ["find", "findOne", "findById", "findAll", "destroy", "bulkCreate", "findByPk", "findAndCountAll"].contains(opName) && !upper && !memberAccess {
            return []
        }
        let via = memberAccess ? "prisma" : "orm"
        var s: DataOpSite
        switch opName {
        case "create", "createMany", "insertOne", "insertMany", "bulkCreate":
            s = DataOpSite(op: .create, loc: loc, via: via)
        case "findUnique", "findFirst", "findFirstOrThrow", "findUniqueOrThrow", "findOne", "findById", "findByPk":
            s = DataOpSite(op: .read, loc: loc, via: via)
        case "findMany", "findAll", "find", "findAndCountAll":
            s = DataOpSite(op: .list, loc: loc, via: via)
            let after = chain(f, from: close + 1, maxCalls: 6).calls.map(\.name)
            s.bounded = argsMention(f, args, ["take:", "skip:", "cursor:", "limit:", "offset:", "gte:", "lte:", "lt:", "gt:"])
                || after.contains { ["limit", "skip", "paginate"].contains($0) }
            s.searched = argsMention(f, args, ["contains:", "search:", "startsWith:", "insensitive", "$regex", "$text", "Op.iLike", "Op.like", "Op.substring"])
        case "update", "updateMany", "updateOne", "findByIdAndUpdate", "findOneAndUpdate", "upsert":
            s = DataOpSite(op: .update, loc: loc, via: via)
            if argsMention(f, args, softMarkers) { s.op = .delete; s.soft = true }
            s.touchesRole = setsRole(f, args)
            s.touchesPayment = marksPaid(f, args)
            if opName == "upsert" { return [Usage(name: recv, site: s, defines: false), Usage(name: recv, site: DataOpSite(op: .create, loc: loc, via: via), defines: false)] }
        case "delete", "deleteMany", "deleteOne", "findByIdAndDelete", "findOneAndDelete", "destroy":
            s = DataOpSite(op: .delete, loc: loc, via: via)
        default:
            return []
        }
        var out = [Usage(name: recv, site: s, defines: false)]
        if s.op == .read || s.op == .list {
            for rel in includedRelations(f, args) where declared[G6Scan.entityKey(rel)] != nil && G6Scan.entityKey(rel) != key {
                let many = rel.hasSuffix("s") && G6Scan.entityKey(rel) != rel.lowercased()
                out.append(Usage(name: rel, site: DataOpSite(op: many ? .list : .read, loc: loc, via: via), defines: false))
            }
        }
        return out
    }

    // MARK: SQLAlchemy

    /// The class a Python model line belongs to: `class Rsvp(db.Model):` on the same line, or the nearest
    /// `class Name(` above a `__tablename__` assignment.
    static func pythonClass(_ b: [UInt8], enclosing off: Int, sameLine: Bool) -> String? {
        var lineStart = off
        while lineStart > 0 && b[lineStart - 1] != 0x0A { lineStart -= 1 }
        var classAt: Int?
        if sameLine {
            let s = G6Scan.skipSpace(b, lineStart, limit: off)
            if G6Scan.hasLiteral(b, at: s, "class ") { classAt = s }
        } else {
            var i = lineStart
            let lo = max(0, off - 6000)
            while i > lo {
                var ls = i - 1
                while ls > 0 && b[ls - 1] != 0x0A { ls -= 1 }
                if G6Scan.hasLiteral(b, at: ls, "class ") { classAt = ls; break }
                i = ls
            }
        }
        guard let c = classAt else { return nil }
        let s = G6Scan.skipSpace(b, c + 6)
        let e = G6Scan.identEnd(b, s)
        guard e > s else { return nil }
        return G6Scan.text(b, s..<e)
    }

    static func sqlaCall(_ f: ScannedFile, _ off: Int, _ len: Int, declared: [String: EntityRecord]) -> [Usage] {
        let b = f.bytes
        let lit = G6Scan.text(b, off..<(off + len))
        // `db.session.add(` starts at `db`
        let recvStart = off > 0 && b[off - 1] == 0x2E ? receiverStart(b, off - 1) : off
        func model(_ name: String) -> String? {
            guard let c = name.utf8.first, c >= 0x41 && c <= 0x5A, declared[G6Scan.entityKey(name)] != nil else { return nil }
            return name
        }
        func firstIdentArg(_ open: Int) -> String? {
            let a = G6Scan.skipSpace(b, open + 1)
            let e = G6Scan.identEnd(b, a)
            return e > a ? G6Scan.text(b, a..<e) : nil
        }
        switch lit {
        case ".query.":
            // Flask-SQLAlchemy: Event.query.filter_by(…).first()
            let rs = G6Scan.identStart(b, endingAt: off)
            guard rs < off, rs == 0 || b[rs - 1] != 0x2E, let m = model(G6Scan.text(b, rs..<off)) else { return [] }
            let (calls, end) = chain(f, from: off + 6)
            return queryUsages(f, m, calls, exprStart: rs, end: end, declared: declared)
        case "session.query(":
            let open = off + len - 1
            guard let close = G6Scan.closing(f, open: open), let name = firstIdentArg(open), let m = model(name) else { return [] }
            let (calls, end) = chain(f, from: close + 1)
            return queryUsages(f, m, calls, exprStart: recvStart, end: end, declared: declared)
        case "select(":
            // SQLAlchemy 2.0: session.execute(select(User).where(…).limit(20))
            if off > 0 && G6Scan.isIdent(b[off - 1]) { return [] }
            let open = off + len - 1
            guard let close = G6Scan.closing(f, open: open), let name = firstIdentArg(open), let m = model(name) else { return [] }
            let calls = chain(f, from: close + 1).calls
            var site = DataOpSite(op: .list, loc: G6Loc(path: f.path, offset: off), via: "sqlalchemy")
            site.bounded = calls.contains { ["limit", "offset", "slice"].contains($0.name) }
            site.searched = calls.contains { argsMention(f, $0.args, ["ilike(", "like(", "contains(", "match("]) }
            return [Usage(name: m, site: site, defines: false)]
        case "session.get(":
            let open = off + len - 1
            guard let name = firstIdentArg(open), let m = model(name) else { return [] }
            let loc = G6Loc(path: f.path, offset: recvStart)
            var out = [Usage(name: m, site: DataOpSite(op: .read, loc: loc, via: "sqlalchemy"), defines: false)]
            if let v = assignedVariable(b, exprStart: recvStart) { out += attributeUpdates(f, m, variable: v, after: off) }
            return out
        case "session.add(", "session.add_all(", "session.delete(":
            let open = off + len - 1
            guard let close = G6Scan.closing(f, open: open) else { return [] }
            let loc = G6Loc(path: f.path, offset: recvStart)
            let isDelete = lit == "session.delete("
            var name: String?
            // a constructor inside the call: add(Rsvp(…)), add_all([Tag(…), …])
            var i = open + 1
            while i < close && name == nil {
                if G6Scan.isIdent(b[i]) && (i == 0 || !G6Scan.isIdent(b[i - 1])) {
                    let e = G6Scan.identEnd(b, i)
                    let n = G6Scan.text(b, i..<e)
                    if let m = model(n) { name = m }
                    i = e
                    continue
                }
                i += 1
            }
            if name == nil, let v = firstIdentArg(open) { name = modelOfVariable(f, v, before: off, declared: declared) }
            guard let m = name else { return [] }
            return [Usage(name: m, site: DataOpSite(op: isDelete ? .delete : .create, loc: loc, via: "sqlalchemy"), defines: false)]
        default:
            return []
        }
    }

    /// The operation of a SQLAlchemy query chain (with calls chained later on the variable it is assigned to).
    private static func queryUsages(_ f: ScannedFile, _ m: String, _ direct: [(name: String, args: Range<Int>)], exprStart: Int, end: Int,
                                    declared: [String: EntityRecord]) -> [Usage] {
        let b = f.bytes
        let loc = G6Loc(path: f.path, offset: exprStart)
        let variable = assignedVariable(b, exprStart: exprStart)
        var calls = direct
        if let v = variable { calls += continuation(f, variable: v, after: end) }
        let names = calls.map(\.name)
        var site: DataOpSite
        var readsOne = false
        if names.contains("delete") {
            site = DataOpSite(op: .delete, loc: loc, via: "sqlalchemy")
        } else if let u = calls.first(where: { $0.name == "update" }) {
            site = DataOpSite(op: .update, loc: loc, via: "sqlalchemy")
            if argsMention(f, u.args, softMarkers) { site.op = .delete; site.soft = true }
            site.touchesRole = setsRole(f, u.args)
            site.touchesPayment = marksPaid(f, u.args)
        } else if names.contains(where: { ["first", "first_or_404", "one", "one_or_none", "get", "get_or_404", "scalar", "count", "exists"].contains($0) }) {
            site = DataOpSite(op: .read, loc: loc, via: "sqlalchemy")
            readsOne = true
        } else {
            site = DataOpSite(op: .list, loc: loc, via: "sqlalchemy")
            site.bounded = names.contains { ["paginate", "limit", "offset", "slice"].contains($0) }
            site.searched = calls.contains { argsMention(f, $0.args, ["ilike(", "like(", "contains(", "match(", "search"]) }
        }
        var out = [Usage(name: m, site: site, defines: false)]
        if readsOne, let v = variable, direct.contains(where: { ["first", "first_or_404", "one", "one_or_none", "get", "get_or_404"].contains($0.name) }) {
            out += attributeUpdates(f, m, variable: v, after: end)
        }
        return out
    }

    /// `event.title = …` on an instance loaded into `variable`, before the end of the Python function.
    private static func attributeUpdates(_ f: ScannedFile, _ m: String, variable v: String, after: Int) -> [Usage] {
        let b = f.bytes
        var end = min(b.count, after + 4000)
        for stop in ["\ndef ", "\n@", "\nclass ", "\nasync def "] {
            if let i = G6Scan.firstIndex(b, of: stop, in: after..<end) { end = i }
        }
        var from = after
        while let i = G6Scan.firstIndex(b, of: v + ".", in: from..<end, wordStart: true) {
            from = i + 1
            guard f.kind(at: i) == .code else { continue }
            let a = i + v.utf8.count + 1
            let e = G6Scan.identEnd(b, a)
            guard e > a else { continue }
            let eq = G6Scan.skipSpace(b, e)
            guard eq + 1 < b.count, b[eq] == 0x3D, b[eq + 1] != 0x3D else { continue }
            let attr = G6Scan.text(b, a..<e).lowercased()
            let lineEnd = G6Scan.firstIndex(b, of: "\n", in: eq..<min(b.count, eq + 300)) ?? min(b.count, eq + 300)
            var site = DataOpSite(op: .update, loc: G6Loc(path: f.path, offset: i), via: "sqlalchemy")
            let rhs = eq..<lineEnd
            if argsMention(f, rhs, softMarkers) || (["active", "is_active"].contains(attr) && argsMention(f, rhs, ["false"])) || attr == "deleted_at" || attr == "archived_at" {
                site.op = .delete
                site.soft = true
            }
            site.touchesRole = ["role", "roles", "is_admin", "is_staff", "is_superuser"].contains(attr)
            site.touchesPayment = attr == "paid_at" || (attr == "status" && argsMention(f, rhs, ["'paid'", "\"paid\""]))
            return [Usage(name: m, site: site, defines: false)]
        }
        return []
    }

    /// The model a Python variable holds: `event = Event.query…`, `rsvp = Rsvp(…)`, `u = db.session.get(User, id)`.
    private static func modelOfVariable(_ f: ScannedFile, _ v: String, before: Int, declared: [String: EntityRecord]) -> String? {
        let b = f.bytes
        var best: String?
        var from = max(0, before - 4000)
        while let i = G6Scan.firstIndex(b, of: v, in: from..<before, wordStart: true) {
            from = i + 1
            let e = i + v.utf8.count
            guard e < b.count, !G6Scan.isIdent(b[e]), f.kind(at: i) == .code else { continue }
            let eq = G6Scan.skipSpace(b, e)
            guard eq + 1 < b.count, b[eq] == 0x3D, b[eq + 1] != 0x3D else { continue }
            let x = G6Scan.skipSpace(b, eq + 1)
            let xe = G6Scan.identEnd(b, x)
            let first = G6Scan.text(b, x..<xe)
            if declared[G6Scan.entityKey(first)] != nil, let c = first.utf8.first, c >= 0x41 && c <= 0x5A {
                best = first
                continue
            }
            let lineEnd = G6Scan.firstIndex(b, of: "\n", in: x..<min(b.count, x + 300)) ?? min(b.count, x + 300)
            for call in ["session.get(", "session.query(", "select("] {
                if let c = G6Scan.firstIndex(b, of: call, in: x..<lineEnd) {
                    let a = G6Scan.skipSpace(b, c + call.utf8.count)
                    let ae = G6Scan.identEnd(b, a)
                    let n = G6Scan.text(b, a..<ae)
                    if declared[G6Scan.entityKey(n)] != nil { best = n }
                }
            }
        }
        return best
    }

    static func djangoUsages(_ f: ScannedFile, _ model: String, chainStart: Int, loc: G6Loc) -> [Usage] {
        let (calls, end) = chain(f, from: chainStart, maxCalls: 10)
        guard let first = calls.first else { return [] }
        var s: DataOpSite
        if calls.contains(where: { $0.name == "delete" }) {
            s = DataOpSite(op: .delete, loc: loc, via: "django")
        } else if let u = calls.first(where: { $0.name == "update" }) {
            s = DataOpSite(op: .update, loc: loc, via: "django")
            if argsMention(f, u.args, softMarkers) { s.op = .delete; s.soft = true }
            s.touchesRole = setsRole(f, u.args)
        } else {
            switch first.name {
            case "create", "get_or_create", "update_or_create", "bulk_create": s = DataOpSite(op: .create, loc: loc, via: "django")
            case "get": s = DataOpSite(op: .read, loc: loc, via: "django")
            case "filter", "all", "exclude", "order_by", "values", "values_list", "select_related", "prefetch_related", "annotate":
                s = DataOpSite(op: .list, loc: loc, via: "django")
                s.bounded = (end < f.bytes.count && f.bytes[end] == 0x5B) || f.contains("Paginator(", in: .code)
                s.searched = calls.contains { argsMention(f, $0.args, ["__icontains", "__contains", "__search", "__istartswith", "SearchVector"]) }
            default: return []
            }
        }
        return [Usage(name: model, site: s, defines: false)]
    }

    // MARK: Firestore and Mongo collections

    static func firestoreCall(_ f: ScannedFile, _ off: Int, _ len: Int) -> [Usage] {
        let b = f.bytes
        let open = off + len - 1
        guard let close = G6Scan.closing(f, open: open) else { return [] }
        let loc = G6Loc(path: f.path, offset: off)
        if G6Scan.hasLiteral(b, at: off, ".collection(") {
            let a = G6Scan.skipSpace(b, open + 1)
            guard let (name, _) = G6Scan.quoted(b, at: a) else { return [] }
            let calls = chain(f, from: close + 1, maxCalls: 8).calls.map(\.name)
            var op: DataOp?
            var bounded = false
            for c in calls {
                switch c {
                case "add", "insertOne", "insertMany": op = op ?? .create
                case "set": op = op ?? .create
                case "update", "updateOne", "updateMany", "findOneAndUpdate", "replaceOne": op = op ?? .update
                case "delete", "deleteOne", "deleteMany", "findOneAndDelete": op = op ?? .delete
                case "findOne": op = op ?? .read
                case "find", "aggregate": op = op ?? .list
                case "get": op = op ?? (calls.contains("doc") ? .read : .list)
                case "limit", "skip", "startAfter", "limitToLast": bounded = true
                default: break
                }
            }
            guard let op else { return [Usage(name: name, site: DataOpSite(op: .read, loc: loc, via: "collection"), defines: true)] }
            var s = DataOpSite(op: op, loc: loc, via: "collection")
            s.bounded = bounded
            return [Usage(name: name, site: s, defines: true)]
        }
        guard off == 0 || !G6Scan.isIdent(b[off - 1]) else { return [] }
        let fn = G6Scan.text(b, off..<(off + len - 1))
        var args = (open + 1)..<close
        let a = G6Scan.skipSpace(b, open + 1)
        let e = G6Scan.identEnd(b, a)
        if e > a, G6Scan.skipSpace(b, e) >= close || b[G6Scan.skipSpace(b, e)] == 0x2C {
            // getDocs(q) where `const q = query(collection(db, "x"), …)`
            let v = G6Scan.text(b, a..<e)
            let back = max(0, off - 2000)
            var best: Int?
            var from = back
            while let i = G6Scan.firstIndex(b, of: v, in: from..<off, wordStart: true) {
                let j = G6Scan.skipSpace(b, i + v.utf8.count)
                if j < b.count && b[j] == 0x3D && j + 1 < b.count && b[j + 1] != 0x3D { best = j }
                from = i + 1
            }
            if let eq = best {
                let s = G6Scan.skipSpace(b, eq + 1)
                let stmtEnd = G6Scan.firstIndex(b, of: ";", in: s..<min(b.count, s + 800)) ?? min(b.count, s + 800)
                args = s..<stmtEnd
            }
        }
        guard let name = collectionName(f, in: args) else { return [] }
        var s: DataOpSite
        switch fn {
        case "addDoc": s = DataOpSite(op: .create, loc: loc, via: "firestore")
        case "setDoc": s = DataOpSite(op: .create, loc: loc, via: "firestore")
        case "getDoc": s = DataOpSite(op: .read, loc: loc, via: "firestore")
        case "getDocs", "onSnapshot":
            s = DataOpSite(op: G6Scan.contains(b, "doc(", in: args, wordStart: true) && !G6Scan.contains(b, "collection(", in: args) ? .read : .list, loc: loc, via: "firestore")
            s.bounded = argsMention(f, args, ["limit(", "startAfter(", "limitToLast("])
        case "updateDoc":
            s = DataOpSite(op: .update, loc: loc, via: "firestore")
            if argsMention(f, args, softMarkers) { s.op = .delete; s.soft = true }
            s.touchesRole = setsRole(f, args)
        case "deleteDoc": s = DataOpSite(op: .delete, loc: loc, via: "firestore")
        default: return []
        }
        return [Usage(name: name, site: s, defines: true)]
    }

    /// The collection named by the last string literal inside `collection(…)` or `doc(…)` in `range`.
    static func collectionName(_ f: ScannedFile, in range: Range<Int>) -> String? {
        let b = f.bytes
        for fn in ["collection(", "doc(", "collectionGroup("] {
            guard let i = G6Scan.firstIndex(b, of: fn, in: range, wordStart: true), let close = G6Scan.closing(f, open: i + fn.utf8.count - 1) else { continue }
            var j = i + fn.utf8.count
            var last: String?
            while j < close {
                if let (v, e) = G6Scan.quoted(b, at: j) {
                    last = v
                    j = e
                } else {
                    j += 1
                }
            }
            if let last, !last.isEmpty { return last }
        }
        return nil
    }

    // MARK: SQL in code

    static func inDollarBody(_ f: ScannedFile, _ offset: Int) -> Bool {
        let r = f.regions
        var lo = 0, hi = r.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(r[mid].start) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, offset < Int(r[lo - 1].end), r[lo - 1].kind == .string else { return false }
        return f.bytes[Int(r[lo - 1].start)] == 0x24
    }

    static func sqlStatement(_ f: ScannedFile, _ off: Int, _ len: Int) -> [Usage] {
        let b = f.bytes
        guard off == 0 || !G6Scan.isIdent(b[off - 1]) else { return [] }
        let raw = G6Scan.text(b, off..<(off + len))
        let kw = raw.lowercased()
        // Upper-case SQL in a code string names a real table even without a schema in the repo.
        let defines = f.language != .sql && raw == raw.uppercased()
        let stmtEnd = min(b.count, G6Scan.firstIndex(b, of: ";", in: off..<min(b.count, off + 1200)) ?? off + 1200)
        let window = off..<stmtEnd
        let loc = G6Loc(path: f.path, offset: off)
        switch kw {
        case "insert into":
            guard let t = sqlIdent(b, at: G6Scan.skipSpace(b, off + len)) else { return [] }
            return [Usage(name: t.name, site: DataOpSite(op: .create, loc: loc, via: "sql"), defines: defines)]
        case "delete from":
            guard let t = sqlIdent(b, at: G6Scan.skipSpace(b, off + len)) else { return [] }
            return [Usage(name: t.name, site: DataOpSite(op: .delete, loc: loc, via: "sql"), defines: defines)]
        case "update ":
            guard let t = sqlIdent(b, at: G6Scan.skipSpace(b, off + len)) else { return [] }
            let s = G6Scan.skipSpace(b, t.end)
            guard G6Scan.hasLiteral(b, at: s, "set", foldCase: true), s + 3 < b.count, G6Scan.isSpace(b[s + 3]) else { return [] }
            var site = DataOpSite(op: .update, loc: loc, via: "sql")
            let setWindow = s..<stmtEnd
            if argsMention(f, setWindow, ["cancel", "archiv", "deleted", "inactive", "active = false", "void"]) { site.op = .delete; site.soft = true }
            site.touchesRole = G6Scan.contains(b, "role", in: setWindow, foldCase: true, wordStart: true)
            site.touchesPayment = argsMention(f, setWindow, ["'paid'", "paid_at"])
            return [Usage(name: t.name, site: site, defines: defines)]
        default:
            guard let fromAt = G6Scan.firstIndex(b, of: "from", in: (off + len)..<min(stmtEnd, off + 600), foldCase: true, wordStart: true),
                  fromAt + 4 < b.count, G6Scan.isSpace(b[fromAt + 4]),
                  let t = sqlIdent(b, at: G6Scan.skipSpace(b, fromAt + 4)) else { return [] }
            var site = DataOpSite(op: .list, loc: loc, via: "sql")
            site.bounded = argsMention(f, window, [" limit ", " offset ", "fetch first", " between "]) || G6Scan.contains(b, "limit", in: window, foldCase: true, wordStart: true)
            site.searched = argsMention(f, window, ["ilike", " like ", "to_tsvector", "@@", "match("])
            if G6Scan.contains(b, "where", in: window, foldCase: true, wordStart: true) && argsMention(f, window, ["id = $1", "id = ?", "id=$1", "id=?", "\"id\" = $1"]) {
                site.op = .read
            }
            let fromRaw = G6Scan.text(b, fromAt..<(fromAt + 4))
            return [Usage(name: t.name, site: site, defines: defines && fromRaw == "FROM")]
        }
    }

    // MARK: Routes

    private static let clientHTTP: Set<String> = [
        "axios", "api", "http", "client", "request", "ky", "fetcher", "instance", "$http", "agent", "cy", "supertest", "apiClient",
        "httpClient", "got", "superagent", "wretch", "ofetch", "$fetch", "useFetch", "searchParams", "params", "headers", "cookies",
        "formData", "map", "cache", "store", "localStorage", "sessionStorage", "url", "URL", "query",
    ]

    static func expressRoute(_ f: ScannedFile, _ off: Int, _ len: Int) -> [(method: String, path: String, loc: G6Loc, handler: Range<Int>)] {
        let b = f.bytes
        guard G6Scan.role(f) != .client || f.language == .python else { return [] }
        var open = off + 1
        while open < off + len && b[open] != 0x28 { open += 1 }
        let meth = G6Scan.text(b, (off + 1)..<open)
        guard let recv = G6Scan.identBefore(b, off), !clientHTTP.contains(recv.name) else { return [] }
        let decorator = recv.start > 0 && b[recv.start - 1] == 0x40
        let q = G6Scan.skipSpace(b, open + 1)
        guard q + 1 < b.count, b[q + 1] == 0x2F, let (path, pathEnd) = G6Scan.quoted(b, at: q), let close = G6Scan.closing(f, open: open) else { return [] }
        let loc = G6Loc(path: f.path, offset: off)
        if f.language == .python {
            guard decorator else { return [] }
            let next = G6Scan.firstIndex(b, of: "\n@", in: close..<min(b.count, close + 4000)) ?? min(b.count, close + 2000)
            let handler = close..<next
            if meth == "route" {
                var methods: [String] = []
                for m in ["GET", "POST", "PUT", "PATCH", "DELETE"] where G6Scan.contains(b, "\"\(m)\"", in: pathEnd..<close) || G6Scan.contains(b, "'\(m)'", in: pathEnd..<close) {
                    methods.append(m)
                }
                return (methods.isEmpty ? ["GET"] : methods).map { ($0, path, loc, handler) }
            }
            return [(meth.uppercased(), path, loc, handler)]
        }
        let after = G6Scan.skipSpace(b, pathEnd)
        if meth == "route" {
            let calls = chain(f, from: close + 1, maxCalls: 6).calls
            return calls.filter { ["get", "post", "put", "patch", "delete"].contains($0.name) }.map { ($0.name.uppercased(), path, loc, $0.args) }
        }
        guard after < b.count, b[after] == 0x2C else { return [] }
        return [(meth.uppercased(), path, loc, after..<close)]
    }

    static func nextRoute(_ f: ScannedFile, _ off: Int, _ len: Int) -> [(method: String, path: String, loc: G6Loc, handler: Range<Int>)] {
        let b = f.bytes
        let name = G6Scan.fileName(f.path)
        guard name.hasPrefix("route.") || name.hasPrefix("+server.") else { return [] }
        guard let path = routePath(f.path) else { return [] }
        let lit = G6Scan.text(b, off..<(off + len))
        let meth = String(lit.split(separator: " ").last ?? "")
        let e = off + len
        guard e >= b.count || !G6Scan.isIdent(b[e]) else { return [] }
        let loc = G6Loc(path: f.path, offset: off)
        if lit.hasPrefix("as ") { return [(meth, path, loc, 0..<b.count)] }
        guard let brace = G6Scan.firstIndex(b, of: "{", in: e..<min(b.count, e + 600)), let close = G6Scan.closing(f, open: brace) else {
            return [(meth, path, loc, e..<min(b.count, e + 2000))]
        }
        return [(meth, path, loc, brace..<close)]
    }

    static func pagesRoute(_ f: ScannedFile, _ off: Int, _ len: Int) -> [(method: String, path: String, loc: G6Loc, handler: Range<Int>)] {
        let b = f.bytes
        guard f.path.contains("pages/api/"), let path = routePath(f.path) else { return [] }
        let end = min(b.count, off + len + 40)
        for m in ["GET", "POST", "PUT", "PATCH", "DELETE"] where G6Scan.contains(b, "'\(m)'", in: off..<end) || G6Scan.contains(b, "\"\(m)\"", in: off..<end) {
            return [(m, path, G6Loc(path: f.path, offset: off), 0..<b.count)]
        }
        return []
    }

    /// URL path of a file-routed handler: `app/api/tickets/[id]/route.ts` → `/api/tickets/[id]`.
    static func routePath(_ path: String) -> String? {
        var parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return nil }
        let file = parts.removeLast()
        guard let root = parts.lastIndex(where: { $0 == "app" || $0 == "pages" || $0 == "routes" }) else { return nil }
        var segs = parts[(root + 1)...].filter { !($0.hasPrefix("(") && $0.hasSuffix(")")) && !$0.hasPrefix("@") }
        if parts[root] == "pages" {
            let base = file.split(separator: ".").first.map(String.init) ?? file
            if base != "index" { segs.append(base) }
        }
        return "/" + segs.joined(separator: "/")
    }

    static func mount(_ f: ScannedFile, _ off: Int, _ len: Int) -> (String, String)? {
        let b = f.bytes
        let q = G6Scan.skipSpace(b, off + 5)
        guard q + 1 < b.count, b[q + 1] == 0x2F, let (prefix, pe) = G6Scan.quoted(b, at: q) else { return nil }
        let c = G6Scan.skipSpace(b, pe)
        guard c < b.count, b[c] == 0x2C else { return nil }
        let a = G6Scan.skipSpace(b, c + 1)
        let e = G6Scan.identEnd(b, a)
        guard e > a else { return nil }
        let ident = G6Scan.text(b, a..<e)
        for pattern in ["\(ident) = require(", "import \(ident) from "] {
            for i in f.find(pattern, in: .code) {
                var j = G6Scan.skipSpace(b, i + pattern.utf8.count)
                if j < b.count && b[j] == 0x28 { j += 1 }
                if let (mod, _) = G6Scan.quoted(b, at: j) {
                    let base = G6Scan.fileName(mod).split(separator: ".").first.map(String.init) ?? mod
                    return (base, prefix)
                }
            }
        }
        return nil
    }

    static func fullPath(_ path: String, file: String, mounts: [String: String]) -> String {
        let base = G6Scan.fileName(file).split(separator: ".").first.map(String.init) ?? ""
        if let prefix = mounts[base], !file.hasSuffix("route.ts"), !file.hasSuffix("route.js") {
            return prefix + (path == "/" ? "" : path)
        }
        let firstStatic = path.split(separator: "/").first.map(String.init) ?? ""
        if firstStatic.isEmpty || firstStatic.hasPrefix(":") {
            if ["index", "routes", "router", "api", "server", "app", "main"].contains(base) { return path }
            return "/" + base + (path == "/" ? "" : path)
        }
        return path
    }

    static func isParam(_ s: String) -> Bool {
        s.hasPrefix(":") || s.hasPrefix("[") || s.hasPrefix("{") || s.hasPrefix("<") || s.hasPrefix("$")
    }

    /// The first resource segment of a route path (after `api`, versions, `admin`, `staff`), with its key.
    static func resourceOf(_ path: String) -> (key: String, segs: [String])? {
        var segs = path.split(separator: "/").map(String.init).filter { !$0.isEmpty }
        while let first = segs.first, first == "api" || (first.count <= 3 && first.hasPrefix("v") && first.dropFirst().allSatisfy(\.isNumber)) || first == "admin" || first == "staff" {
            segs.removeFirst()
        }
        guard let first = segs.first, !isParam(first) else { return nil }
        if first == "auth" {
            guard segs.count > 1 else { return nil }
            segs.removeFirst()
        }
        return (G6Scan.entityKey(segs[0]), segs)
    }

    static let synonyms: [String: [String]] = [
        "appointment": ["booking", "reservation", "visit"], "booking": ["appointment", "reservation"],
        "reservation": ["booking", "appointment"], "customer": ["client", "contact"], "client": ["customer", "contact"],
        "order": ["purchase"], "product": ["item"], "message": ["reply", "comment"], "ticket": ["case", "issue"],
        "invoice": ["bill"], "post": ["article"], "article": ["post"], "course": ["class"], "visit": ["appointment"],
    ]

    /// The entity key, display name and operation a route performs; "@account" for sign-up and account routes.
    static func routeOp(_ method: String, _ path: String, loc: G6Loc, handler: Range<Int>, app: AppContext, knownKeys: Set<String>) -> (String, String, DataOpSite)? {
        guard let (firstKey, segs) = resourceOf(path) else { return nil }
        let resource = segs[0].lowercased()
        if ["register", "signup", "sign-up", "sign_up"].contains(resource) {
            return method == "POST" ? ("@account", "accounts", DataOpSite(op: .create, loc: loc, via: "rest")) : nil
        }
        let authVerbs: Set<String> = ["login", "logout", "signin", "sign-in", "signout", "session", "sessions", "callback", "otp", "verify", "reset",
                                      "forgot", "token", "refresh", "magic-link", "password", "providers", "csrf", "[...nextauth]", "me"]
        if path.split(separator: "/").contains("auth") && authVerbs.contains(resource) { return nil }
        func known(_ k: String) -> String? {
            if knownKeys.contains(k) { return k }
            return synonyms[k]?.first { knownKeys.contains($0) }
        }
        var hasID = segs.count > 1 && isParam(segs[1])
        var action: String?
        if hasID, segs.count > 2, !isParam(segs[2]) { action = segs[2] }
        if !hasID, segs.count > 1, !isParam(segs[1]) { action = segs[1] }
        var key = ["me", "account", "profile"].contains(resource) ? "@account" : (known(firstKey) ?? firstKey)
        var name = segs[0]
        if let a = action {
            let ak = G6Scan.entityKey(a)
            if ak != key, let nested = known(ak), method == "POST" || method == "GET" {
                // a nested collection such as /tickets/:id/messages or /appointments/doctors
                if hasID || method == "GET" {
                    key = nested
                    name = a
                    hasID = false
                    action = nil
                }
            }
        }
        let b = app.file(loc.path)?.bytes ?? []
        func handlerHas(_ words: [String]) -> Bool {
            words.contains { w in
                var from = handler.lowerBound
                while let i = G6Scan.firstIndex(b, of: w, in: from..<handler.upperBound, wordStart: true) {
                    if !G6Scan.hasLiteral(b, at: i + w.utf8.count, "Params") { return true }
                    from = i + 1
                }
                return false
            }
        }
        var site: DataOpSite
        switch method {
        case "GET":
            site = DataOpSite(op: hasID ? .read : .list, loc: loc, via: "rest")
            if !hasID {
                site.bounded = handlerHas(["page", "limit", "offset", "cursor", "take", "skip", "perPage", "pageSize", "per_page", "page_size", "range"])
                site.searched = handlerHas(["search", "ilike", "contains", "textSearch", "query.q"])
                    || G6Scan.contains(b, "\"q\"", in: handler) || G6Scan.contains(b, "'q'", in: handler)
            }
        case "POST":
            if hasID, let a = action?.lowercased() {
                // POST /:id/cancel archives; POST /:id/delete (form-post apps: Flask, Express + HTML forms) erases.
                let hard = ["delete", "remove", "destroy"].contains { a.hasPrefix($0) }
                let soft = ["cancel", "archive", "void", "deactivate", "close", "disable"].contains { a.hasPrefix($0) }
                site = DataOpSite(op: soft || hard ? .delete : .update, loc: loc, via: "rest", soft: soft)
                site.touchesRole = a == "role" || a == "roles"
            } else if hasID {
                site = DataOpSite(op: .update, loc: loc, via: "rest")
            } else {
                site = DataOpSite(op: .create, loc: loc, via: "rest")
            }
        case "PUT", "PATCH":
            site = DataOpSite(op: .update, loc: loc, via: "rest")
            site.touchesRole = action?.lowercased().hasPrefix("role") ?? false
        case "DELETE":
            site = DataOpSite(op: .delete, loc: loc, via: "rest")
        default:
            return nil
        }
        return (key, name, site)
    }

    // MARK: Auth and local storage

    static func authCall(_ f: ScannedFile, _ off: Int, _ len: Int) -> DataOpSite? {
        let b = f.bytes
        let lit = G6Scan.text(b, off..<(off + len))
        if lit == "deleteUser(" {
            if let p = G6Scan.identBefore(b, off), p.name == "function" || p.name == "async" { return nil }
            if off > 0, G6Scan.isIdent(b[off - 1]) { return nil }
        }
        if lit == "createUserWithEmailAndPassword(", off > 0, G6Scan.isIdent(b[off - 1]) { return nil }
        let loc = G6Loc(path: f.path, offset: off)
        let open = off + len - 1
        let args = (open + 1)..<(G6Scan.closing(f, open: open) ?? open + 1)
        if lit.contains("deleteUser") { return DataOpSite(op: .delete, loc: loc, via: "auth") }
        if lit.contains("listUsers") { return DataOpSite(op: .list, loc: loc, via: "auth") }
        if lit.contains("updateUser") {
            var s = DataOpSite(op: .update, loc: loc, via: "auth")
            s.touchesRole = setsRole(f, args)
            return s
        }
        return DataOpSite(op: .create, loc: loc, via: "auth")
    }

    static func localKey(_ f: ScannedFile, _ off: Int, _ len: Int) -> (String, Bool)? {
        let b = f.bytes
        let a = G6Scan.skipSpace(b, off + len)
        guard let (k, e) = G6Scan.quoted(b, at: a) else { return nil }
        let json = G6Scan.text(b, off..<(off + len)).contains("setItem")
            && G6Scan.contains(b, "JSON.stringify(", in: e..<min(b.count, e + 80))
        return (k, json)
    }
}
