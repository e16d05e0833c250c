import Foundation

/// An app's database schema as its files declare it: SQL migrations and schema files applied in
/// order, Prisma models, Drizzle `pgTable` modules, Supabase's config.toml and Firebase rules.
///
/// Built from the few files that declare a schema (never the whole app); collectors get it with
/// `SchemaModel.shared(app)`, which builds it once per app. Tables dropped by a later migration are
/// gone; a CREATE of a table that already exists (a schema dump beside the migrations) merges into it.
public struct SchemaModel: Sendable {
    public enum Dialect: String, Sendable { case postgres, mysql, sqlite, unknown }

    /// Live tables in creation order.
    public var tables: [SQLTable]
    public var indexes: [SQLIndex]
    public var policies: [SQLPolicy]
    public var functions: [SQLFunction]
    public var grants: [SQLGrant]
    public var views: [SQLView]
    /// DROP TABLE / DROP COLUMN / TRUNCATE / DELETE without WHERE in forward migrations.
    public var destructive: [SQLDestructive]
    /// Files that declared schema, in the order they were applied.
    public var files: [SchemaFile]
    /// `[functions.<name>]` sections of supabase/config.toml.
    public var edgeFunctions: [EdgeFunctionConfig]
    /// Edge function folders under supabase/functions/ (excluding `_shared`).
    public var edgeFunctionFolders: [String]
    public var firebaseRules: [FirebaseRule]
    public var firebaseRuleFiles: [String]
    /// supabase/config.toml, supabase/migrations or supabase/functions exist.
    public var supabaseProject: Bool
    public var dialect: Dialect
    /// The Prisma datasource provider (`postgresql`, `mysql`, `sqlite`, `mongodb`, …).
    public var prismaProvider: String?
    /// Drizzle table variables (`export const users = pgTable("users", …)`) to table keys.
    public var drizzleTables: [String: String]
    /// Statements read across all SQL files.
    public var statementCount: Int
    /// Table positions by key, bare name, lower-cased name and singular form (built with the model).
    private var nameIndex: [String: Int] = [:]

    public init() {
        tables = []; indexes = []; policies = []; functions = []; grants = []; views = []; destructive = []; files = []
        edgeFunctions = []; edgeFunctionFolders = []; firebaseRules = []; firebaseRuleFiles = []
        supabaseProject = false; dialect = .unknown; prismaProvider = nil; drizzleTables = [:]; statementCount = 0
    }

    // MARK: - Building

    /// Reads the app's schema files (only SQL, Prisma, Drizzle schema modules, supabase/config.toml and Firebase rules).
    public static func build(_ app: AppContext) -> SchemaModel {
        build(files: app.files)
    }

    /// The same from a list of scanned files (tests, other tools).
    public static func build(files appFiles: [ScannedFile]) -> SchemaModel {
        var model = SchemaModel()
        var sqlFiles: [(ScannedFile, SchemaFile, Range<Int>?)] = []
        var prismaFiles: [ScannedFile] = []
        var drizzleFiles: [ScannedFile] = []
        var codeMigrations: [SchemaFile] = []
        var functionFolders = Set<String>()

        for f in appFiles {
            let lower = f.path.lowercased()
            let parts = lower.split(separator: "/").map(String.init)
            let name = parts.last ?? lower
            if parts.contains("supabase") {
                if name == "config.toml" && parts.dropLast().last == "supabase" {
                    model.supabaseProject = true
                    model.edgeFunctions += SupabaseConfigReader.functions(f)
                }
                if let i = parts.firstIndex(of: "functions"), i > 0, parts[i - 1] == "supabase", i + 2 < parts.count, !parts[i + 1].hasPrefix("_") {
                    model.supabaseProject = true
                    functionFolders.insert(f.path.split(separator: "/").prefix(i + 2).joined(separator: "/"))
                }
                if parts.contains("migrations") { model.supabaseProject = true }
            }
            if f.role == .test || isExamplePath(parts) { continue }
            if f.language == .sql {
                let (kind, versioned) = classify(parts)
                let down = downSection(f)
                sqlFiles.append((f, SchemaFile(path: f.path, kind: kind, versioned: versioned, hasDownSection: down != nil),
                                 down.map { 0..<$0 }))
            } else if name.hasSuffix(".prisma") {
                prismaFiles.append(f)
            } else if name == "firestore.rules" || name == "storage.rules" || (name.hasSuffix(".rules") && f.language == .text) {
                model.firebaseRuleFiles.append(f.path)
                model.firebaseRules += FirebaseRulesReader.firestore(f)
            } else if name == "database.rules.json" || (name.hasSuffix(".rules.json")) {
                model.firebaseRuleFiles.append(f.path)
                model.firebaseRules += FirebaseRulesReader.realtimeDatabase(f)
            } else if f.language.isJSFamily {
                if let m = codeMigration(f, parts) {
                    codeMigrations.append(m)
                } else if DrizzleSchemaReader.isCandidate(f, parts) {
                    drizzleFiles.append(f)
                }
            } else if f.language == .python, let m = codeMigration(f, parts) {
                codeMigrations.append(m)
            }
        }
        model.edgeFunctionFolders = functionFolders.sorted()

        let rank: (SchemaFile.Kind) -> Int = { k in
            switch k {
            case .migration: 0
            case .schema: 1
            case .seed: 2
            default: 3
            }
        }
        sqlFiles.sort { (rank($0.1.kind), $0.1.path) < (rank($1.1.kind), $1.1.path) }

        var parser = SQLSchemaParser(schema: SchemaBuilder())
        for (f, meta, limit) in sqlFiles {
            let index = model.files.count
            model.files.append(meta)
            guard meta.kind != .down else { continue }
            let statements = SQLReader.statements(bytes: f.bytes, regions: f.regions, path: f.path, range: limit)
            model.statementCount += statements.count
            parser.fileIndex = index
            parser.recordDestructive = meta.kind == .migration
            parser.apply(statements)
            if model.dialect == .unknown { model.dialect = guessDialect(f) }
        }

        for f in prismaFiles {
            model.files.append(SchemaFile(path: f.path, kind: .prisma, versioned: false, hasDownSection: false))
            let p = PrismaSchemaReader.read(f)
            model.prismaProvider = model.prismaProvider ?? p.provider
            for t in p.tables { mergeModelTable(t, into: &parser.schema, indexes: p.indexes) }
        }
        if let p = model.prismaProvider, model.dialect == .unknown {
            model.dialect = p == "mysql" ? .mysql : p == "sqlite" ? .sqlite : p.hasPrefix("postgres") || p == "cockroachdb" ? .postgres : .unknown
        }

        var drizzle: [DrizzleSchemaReader.Result] = []
        for f in drizzleFiles {
            let d = DrizzleSchemaReader.read(f)
            guard !d.tables.isEmpty else { continue }
            model.files.append(SchemaFile(path: f.path, kind: .drizzle, versioned: false, hasDownSection: false))
            for (v, k) in d.variables { model.drizzleTables[v] = k }
            if model.dialect == .unknown { model.dialect = d.dialect }
            drizzle.append(d)
        }
        let resolveRef: (SQLReference) -> SQLReference = { r in
            guard r.table.schema == DrizzleSchemaReader.unresolved else { return r }
            let key = model.drizzleTables[r.table.name] ?? "public." + r.table.name
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            return SQLReference(table: SQLName(schema: parts.count == 2 && parts[0] != "public" ? parts[0] : nil, name: parts.last ?? key),
                                columns: r.columns)
        }
        for d in drizzle {
            for var t in d.tables {
                for k in t.columns.indices { t.columns[k].references = t.columns[k].references.map(resolveRef) }
                for k in t.foreignKeys.indices { t.foreignKeys[k].references = resolveRef(t.foreignKeys[k].references) }
                mergeModelTable(t, into: &parser.schema, indexes: d.indexes)
            }
        }
        model.files += codeMigrations

        let b = parser.schema
        model.tables = b.order.filter { !b.dropped.contains($0) }.compactMap { b.tables[$0] }
        model.indexes = b.indexes
        model.policies = b.policies
        model.functions = b.functions
        model.grants = b.grants
        model.views = b.views
        model.destructive = b.destructive
        if model.dialect == .unknown && !model.tables.isEmpty && model.supabaseProject { model.dialect = .postgres }
        for (i, t) in model.tables.enumerated().reversed() {
            for k in [t.name.key, t.name.name, t.name.name.lowercased(), "~" + DataAccessFile.normalTable(t.name.name)] {
                model.nameIndex[k] = i
            }
        }
        for (i, t) in model.tables.enumerated() where model.nameIndex[t.name.key] == nil { model.nameIndex[t.name.key] = i }
        return model
    }

    /// Adds a Prisma or Drizzle table; where migrations already declared it, fills in what they lack.
    private static func mergeModelTable(_ t: SQLTable, into b: inout SchemaBuilder, indexes: [SQLIndex]) {
        let key = t.name.key
        if var old = b.tables[key], !b.dropped.contains(key) {
            for c in t.columns where old.column(c.name) == nil { old.columns.append(c) }
            if old.primaryKey.isEmpty && !old.columns.contains(where: \.primaryKey) { old.primaryKey = t.primaryKey }
            for f in t.foreignKeys where !old.allForeignKeys.contains(where: { $0.columns == f.columns }) { old.foreignKeys.append(f) }
            for u in t.uniqueKeys where !old.allUniqueKeys.contains(where: { $0.columns == u.columns }) { old.uniqueKeys.append(u) }
            b.tables[key] = old
        } else {
            b.tables[key] = t
            if !b.order.contains(key) { b.order.append(key) }
            b.dropped.remove(key)
        }
        for i in indexes where i.table.key == key && !b.indexes.contains(where: { $0.table.key == key && $0.columns == i.columns }) {
            b.indexes.append(i)
        }
    }

    // MARK: - File classification

    static func isExamplePath(_ parts: [String]) -> Bool {
        parts.dropLast().contains { ["docs", "doc", "examples", "example", "samples", "fixtures", "__fixtures__", "testdata", "node_modules"].contains($0) }
    }

    /// Kind and versioning of a SQL file from its path (lower-cased components).
    static func classify(_ path: [String]) -> (SchemaFile.Kind, Bool) {
        let parts = path.map { $0.lowercased() }
        let name = parts.last ?? ""
        let dirs = parts.dropLast()
        let parent = dirs.last ?? ""
        let isDown = name.hasSuffix(".down.sql") || name == "down.sql" || name.hasSuffix("_down.sql") || name.hasSuffix("-down.sql")
            || name.hasSuffix(".undo.sql") || (name.hasPrefix("u") && name.dropFirst().first?.isNumber == true && name.contains("__"))
            || dirs.contains { ["down", "downs", "rollback", "rollbacks", "undo"].contains($0) }
        let inMigrations = dirs.contains { ["migrations", "migration", "migrate", "drizzle", "flyway", "changesets"].contains($0) }
            || (name.hasPrefix("v") && name.dropFirst().first?.isNumber == true && name.contains("__"))
        let numbered: (String) -> Bool = { s in
            guard let f = s.first else { return false }
            return f.isNumber || (f == "v" && s.dropFirst().first?.isNumber == true)
        }
        let versioned = numbered(name) || ((name == "migration.sql" || name == "up.sql" || name == "down.sql") && numbered(parent))
        if isDown { return (.down, versioned) }
        if name.contains("seed") || dirs.contains(where: { $0 == "seeds" || $0 == "seed" }) { return (.seed, versioned) }
        if inMigrations { return (.migration, versioned) }
        return (.schema, false)
    }

    /// Offset of a `-- migrate:down` (dbmate), `-- +goose Down` or `-- +migrate Down` marker: the file's down part.
    static func downSection(_ f: ScannedFile) -> Int? {
        let markers = ["migrate:down", "+goose down", "+migrate down", "@undo"]
        for r in f.regions where r.kind == .comment && r.end - r.start < 200 {
            let text = f.string(Int(r.start)..<Int(r.end)).lowercased()
            if markers.contains(where: { text.hasSubstring($0) }) { return Int(r.start) }
        }
        return nil
    }

    /// A Knex/TypeORM/Sequelize/node-pg-migrate migration module, or an Alembic/Django migration.
    static func codeMigration(_ f: ScannedFile, _ parts: [String]) -> SchemaFile? {
        let dirs = parts.dropLast()
        guard dirs.contains(where: { $0 == "migrations" || $0 == "migration" || $0 == "versions" || $0 == "alembic" }),
              let name = parts.last, name.first?.isNumber == true || name.first == "v" && name.dropFirst().first?.isNumber == true
                || dirs.contains("versions") else { return nil }
        let hasDown: Bool
        if f.language == .python {
            if name == "__init__.py" { return nil }
            let django = f.contains("migrations.Migration", in: .code)
            hasDown = f.contains("def downgrade", in: .code) || django
            if !django && !f.contains("def upgrade", in: .code) { return nil }
        } else {
            guard f.contains("up", in: .code) else { return nil }
            hasDown = !f.find("down", in: .code, wordStart: true).isEmpty
        }
        return SchemaFile(path: f.path, kind: .codeMigration, versioned: true, hasDownSection: hasDown)
    }

    static func guessDialect(_ f: ScannedFile) -> Dialect {
        if f.contains("AUTO_INCREMENT", in: .code, caseInsensitive: true) || f.contains("ENGINE=", in: .code, caseInsensitive: true) { return .mysql }
        if f.contains("AUTOINCREMENT", in: .code, caseInsensitive: true) { return .sqlite }
        if f.contains("uuid", in: .code, caseInsensitive: true) || f.contains("timestamptz", in: .code, caseInsensitive: true)
            || f.contains("serial", in: .code, caseInsensitive: true) || f.contains("jsonb", in: .code, caseInsensitive: true)
            || f.contains("create policy", in: .code, caseInsensitive: true) || f.contains("$$", in: .any) {
            return .postgres
        }
        return .unknown
    }

    // MARK: - Queries

    /// Whether any schema was found: tables, Firebase rules or a Supabase project.
    public var isEmpty: Bool { tables.isEmpty && firebaseRules.isEmpty && firebaseRuleFiles.isEmpty && !supabaseProject }

    public var migrationFiles: [SchemaFile] { files.filter { $0.kind == .migration || $0.kind == .codeMigration } }

    /// A table by key (`public.orders`), qualified name or bare name (case-insensitive as a fallback).
    public func table(_ name: String) -> SQLTable? {
        if let i = nameIndex[name.utf8.contains(0x2E) ? name : "public." + name] ?? nameIndex[name] { return tables[i] }
        let bare = name.split(separator: ".").last.map(String.init) ?? name
        if let i = nameIndex[bare] ?? nameIndex[bare.lowercased()] { return tables[i] }
        if nameIndex.isEmpty, let t = tables.first(where: { $0.name.key == name || $0.name.name.lowercased() == bare.lowercased() }) { return t }
        return nil
    }

    /// The table a name used in code refers to: a table name, a Drizzle variable, or a Prisma accessor
    /// (`appointment` → `Appointment`, `orderItem` → `order_items`).
    public func resolve(codeName: String) -> SQLTable? {
        if let k = drizzleTables[codeName], let i = nameIndex[k] { return tables[i] }
        if let t = table(codeName) { return t }
        if let i = nameIndex["~" + DataAccessFile.normalTable(codeName)] { return tables[i] }
        return nil
    }

    public func indexes(on t: SQLTable) -> [SQLIndex] { indexes.filter { $0.table.key == t.name.key } }

    /// Whether some index, primary key or unique constraint of `t` starts with `columns` (so lookups by them are indexed).
    public func isIndexed(_ t: SQLTable, leading columns: [String]) -> Bool {
        guard !columns.isEmpty else { return true }
        let lead: ([String]) -> Bool = { cols in cols.count >= columns.count && Array(cols.prefix(columns.count)) == columns }
        if indexes(on: t).contains(where: { lead($0.columns) }) { return true }
        return t.allUniqueKeys.contains { lead($0.columns) }
    }

    /// Unique keys of `t` whose columns are all among `columns` (a duplicate on `columns` would be rejected).
    public func uniqueKeys(_ t: SQLTable, within columns: Set<String>) -> [SQLUniqueKey] {
        let lower = Set(columns.map { $0.lowercased() })  // natural keys compared case-insensitively
        return t.allUniqueKeys.filter { k in
            !k.columns.isEmpty && k.columns.allSatisfy { lower.contains($0.lowercased()) } && !(k.kind == .primaryKey && isSurrogate(t, k.columns))
        }
    }

    /// A single generated key column (`id uuid default gen_random_uuid()`, serial, identity, cuid()).
    public func isSurrogate(_ t: SQLTable, _ cols: [String]) -> Bool {
        guard cols.count == 1, let c = t.column(cols[0]) else { return cols == ["id"] }
        let d = (c.defaultValue ?? "").lowercased()
        return c.type.contains("serial") || d.contains("gen_random_uuid") || d.contains("uuid_generate") || d.contains("cuid")
            || d.contains("uuid()") || d.contains("autoincrement") || d.contains("nextval") || c.name.lowercased() == "id"
    }

    /// Whether the table holds users' data: an owner column, a reference to a users/profiles table, or a name
    /// like orders/messages/profiles. Lookup tables (countries, plans, public settings) do not.
    public func isUserData(_ t: SQLTable) -> Bool {
        if t.columns.contains(where: { SchemaNames.isOwnerColumn($0.name) }) { return true }
        if t.allForeignKeys.contains(where: { SchemaNames.isUserTable($0.references.table) }) { return true }
        return SchemaNames.isUserDataName(t.name.name)
    }
}

/// Naming conventions that tell user data from lookup data, shared by the schema collectors.
public enum SchemaNames {
    /// Columns that tie a row to an owner (snake or camel case).
    public static let ownerColumns: Set<String> = [
        "user_id", "owner_id", "author_id", "created_by", "creator_id", "profile_id", "account_id", "tenant_id", "org_id",
        "organization_id", "workspace_id", "team_id", "customer_id", "patient_id", "member_id", "sender_id", "recipient_id",
        "buyer_id", "seller_id", "uploaded_by", "employee_id", "student_id", "client_id", "host_id", "requester_id",
        "userid", "ownerid", "authorid", "createdby", "creatorid", "profileid", "accountid", "tenantid", "orgid", "organizationid",
        "workspaceid", "teamid", "customerid", "patientid", "memberid", "senderid", "recipientid", "buyerid", "sellerid",
        "uploadedby", "employeeid", "studentid", "clientid", "hostid", "requesterid",
    ]

    public static func isOwnerColumn(_ name: String) -> Bool { ownerColumns.contains(name.lowercased()) }

    /// auth.users, users, profiles, accounts, customers, patients, members.
    public static func isUserTable(_ n: SQLName) -> Bool {
        if n.schema == "auth" && n.name == "users" { return true }
        return ["users", "user", "profiles", "profile", "accounts", "account", "customers", "customer", "patients", "patient", "members", "member"]
            .contains(n.name.lowercased())
    }

    private static let userDataStems = [
        "user", "profile", "account", "customer", "patient", "client", "member", "employee", "student", "contact", "lead",
        "order", "payment", "invoice", "transaction", "subscription", "message", "conversation", "chat", "comment", "post",
        "note", "document", "file", "upload", "appointment", "booking", "reservation", "ticket", "address", "cart",
        "notification", "favorite", "favourite", "review", "submission", "prescription", "medical", "record", "wallet",
        "balance", "purchase", "enrollment", "enrolment", "application", "session", "journal", "entry", "visit", "credential",
        "token", "secret", "key", "device", "contract", "expense", "income", "salary", "payroll", "attachment",
        "consultation", "report", "feedback", "like", "follow", "follower", "friend", "attendee", "participant", "registration", "lead",
        "agent", "staff", "admin", "employee", "driver", "tenant", "guest",
    ]
    private static let lookupNames: Set<String> = [
        "countries", "country", "currencies", "currency", "plans", "plan", "pricing", "prices", "settings_public",
        "public_settings", "app_settings", "categories", "category", "tags", "tag", "specialties", "specialities", "languages",
        "language", "timezones", "roles", "role", "permissions", "statuses", "status", "features", "faqs", "faq", "regions",
        "states", "cities", "units", "product_categories", "doctors", "services", "products", "menu_items", "locations",
        "cms_pages", "pages", "testimonials", "blog_posts", "site_settings", "config", "settings", "holidays", "tiers",
    ]

    /// Table or collection names that read as user data (a word of the name is a user-data noun, singular or
    /// plural: `orders`, `chat_messages`, `OrderItem`); lookup names never do.
    public static func isUserDataName(_ name: String) -> Bool {
        if isLookupName(name) { return false }
        return words(name).contains { w in
            userDataStems.contains { w == $0 || w == $0 + "s" || w == $0 + "es" || ($0.hasSuffix("y") && w == String($0.dropLast()) + "ies") }
        }
    }

    /// Lower-cased words of a snake, kebab or camel case name.
    public static func words(_ name: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var prevLower = false
        for ch in name {
            if ch == "_" || ch == "-" || ch == "." || ch == " " {
                if !cur.isEmpty { out.append(cur.lowercased()) }
                cur = ""
                prevLower = false
                continue
            }
            if ch.isUppercase && prevLower && !cur.isEmpty {
                out.append(cur.lowercased())
                cur = ""
            }
            cur.append(ch)
            prevLower = ch.isLowercase || ch.isNumber
        }
        if !cur.isEmpty { out.append(cur.lowercased()) }
        return out
    }

    private static let lookupLastWords: Set<String> = ["settings", "config", "configs", "configuration", "configurations", "categories",
                                                       "types", "statuses", "templates", "options", "currencies", "countries"]

    public static func isLookupName(_ name: String) -> Bool {
        lookupNames.contains(name.lowercased()) || words(name).last.map { lookupLastWords.contains($0) } == true
    }
}

extension SchemaModel {
    /// The app's schema model, built once per app and shared by every collector that asks (collectors evaluate
    /// in parallel; the first builds while the others wait). Entries are held against a weak reference to the
    /// app context, so a finished app's model is released with it.
    public static func shared(_ app: AppContext) -> SchemaModel {
        SchemaModelCache.instance.model(for: app)
    }
}

/// Models by app context, keyed by identity through weak references; each entry is built once under its own lock.
final class SchemaModelCache: @unchecked Sendable {
    static let instance = SchemaModelCache()

    private final class Entry {
        weak var app: AppContext?
        let lock = NSLock()
        var model: SchemaModel?
        init(app: AppContext) { self.app = app }
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    func model(for app: AppContext) -> SchemaModel {
        lock.lock()
        entries.removeAll { $0.app == nil }
        let entry: Entry
        if let e = entries.first(where: { $0.app === app }) {
            entry = e
        } else {
            entry = Entry(app: app)
            entries.append(entry)
        }
        lock.unlock()
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let m = entry.model { return m }
        let m = SchemaModel.build(app)
        entry.model = m
        return m
    }
}
