/// Where a schema fact was declared: a file and a byte offset in it.
public struct SchemaSource: Sendable, Hashable {
    public var path: String
    public var offset: Int
    public init(path: String, offset: Int) {
        self.path = path
        self.offset = offset
    }
}

/// A possibly schema-qualified SQL name; unquoted parts are lower-cased, quoted parts kept as written.
public struct SQLName: Sendable, Hashable, CustomStringConvertible {
    public var schema: String?
    public var name: String
    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }
    /// `schema.name` with `public` for unqualified names (the default search path, and Supabase's API schema).
    public var key: String { "\(schema ?? "public").\(name)" }
    public var description: String { schema.map { "\($0).\(name)" } ?? name }
}

/// Where a column's values must exist: `REFERENCES table (columns)`.
public struct SQLReference: Sendable, Hashable {
    public var table: SQLName
    public var columns: [String]
    public init(table: SQLName, columns: [String]) {
        self.table = table
        self.columns = columns
    }
}

public struct SQLColumn: Sendable, Hashable {
    public var name: String
    /// Lower-cased type as written (`uuid`, `text[]`, `timestamp with time zone`, `jsonb`); Prisma types are mapped.
    public var type: String
    public var notNull: Bool
    public var primaryKey: Bool
    public var unique: Bool
    public var references: SQLReference?
    /// The DEFAULT expression's text, if any.
    public var defaultValue: String?
    public var source: SchemaSource

    public init(name: String, type: String, notNull: Bool = false, primaryKey: Bool = false, unique: Bool = false,
                references: SQLReference? = nil, defaultValue: String? = nil, source: SchemaSource) {
        self.name = name
        self.type = type
        self.notNull = notNull
        self.primaryKey = primaryKey
        self.unique = unique
        self.references = references
        self.defaultValue = defaultValue
        self.source = source
    }

    public var isJSON: Bool { type == "json" || type == "jsonb" }
    public var isArray: Bool { type.hasSuffix("[]") || type.hasPrefix("_") || type.hasPrefix("array") }
    /// NOT NULL, or implied by PRIMARY KEY, serial or identity.
    public var required: Bool { notNull || primaryKey }
}

public struct SQLForeignKey: Sendable, Hashable {
    public var columns: [String]
    public var references: SQLReference
    public var name: String?
    public var source: SchemaSource
}

/// A UNIQUE or PRIMARY KEY constraint, a unique index, or an EXCLUDE constraint over columns.
public struct SQLUniqueKey: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case primaryKey, unique, uniqueIndex, exclusion }
    public var kind: Kind
    public var columns: [String]
    public var name: String?
    /// A partial unique index (`WHERE …`) still guards the rows it covers.
    public var partial: Bool
    public var source: SchemaSource
}

public struct SQLTable: Sendable {
    public enum Origin: Sendable, Hashable { case sql, prisma, drizzle }
    public var name: SQLName
    public var columns: [SQLColumn]
    public var primaryKey: [String]
    public var foreignKeys: [SQLForeignKey]
    public var uniqueKeys: [SQLUniqueKey]
    public var rowLevelSecurity: Bool
    public var forceRowLevelSecurity: Bool
    public var origin: Origin
    /// The CREATE TABLE (or model) that declared it.
    public var source: SchemaSource
    /// `CREATE TABLE … AS SELECT` / `PARTITION OF`: columns unknown.
    public var columnsUnknown: Bool

    public init(name: SQLName, origin: Origin, source: SchemaSource) {
        self.name = name
        self.columns = []
        self.primaryKey = []
        self.foreignKeys = []
        self.uniqueKeys = []
        self.rowLevelSecurity = false
        self.forceRowLevelSecurity = false
        self.origin = origin
        self.source = source
        self.columnsUnknown = false
    }

    public func column(_ name: String) -> SQLColumn? {
        columns.first { $0.name == name } ?? columns.first { $0.name.lowercased() == name.lowercased() }
    }

    public var hasPrimaryKey: Bool { !primaryKey.isEmpty || columns.contains { $0.primaryKey } }

    /// Foreign keys from constraints and inline REFERENCES, as one list.
    public var allForeignKeys: [SQLForeignKey] {
        var out = foreignKeys
        for c in columns {
            if let r = c.references, !out.contains(where: { $0.columns == [c.name] }) {
                out.append(SQLForeignKey(columns: [c.name], references: r, name: nil, source: c.source))
            }
        }
        return out
    }

    /// Unique keys including the primary key and inline UNIQUE / PRIMARY KEY columns.
    public var allUniqueKeys: [SQLUniqueKey] {
        var out = uniqueKeys
        let pk = primaryKey.isEmpty ? columns.filter(\.primaryKey).map(\.name) : primaryKey
        if !pk.isEmpty { out.append(SQLUniqueKey(kind: .primaryKey, columns: pk, name: nil, partial: false, source: source)) }
        for c in columns where c.unique {
            out.append(SQLUniqueKey(kind: .unique, columns: [c.name], name: nil, partial: false, source: c.source))
        }
        return out
    }
}

public struct SQLIndex: Sendable, Hashable {
    public var name: String?
    public var table: SQLName
    /// Column names in order; an expression element is kept as its text (e.g. `lower(email)`).
    public var columns: [String]
    public var unique: Bool
    public var partial: Bool
    public var source: SchemaSource
}

public struct SQLPolicy: Sendable, Hashable {
    public enum Command: String, Sendable, Hashable { case all, select, insert, update, delete }
    public var name: String
    public var table: SQLName
    public var permissive: Bool
    public var command: Command
    /// Lower-cased roles; `public` when the policy names none.
    public var roles: [String]
    public var using: String?
    public var withCheck: String?
    public var source: SchemaSource
}

public struct SQLFunction: Sendable, Hashable {
    public var name: SQLName
    public var arguments: String
    public var returns: String
    public var language: String
    public var securityDefiner: Bool
    public var setsSearchPath: Bool
    public var body: String
    public var isProcedure: Bool
    public var source: SchemaSource
    public var returnsTrigger: Bool { returns.hasPrefix("trigger") || returns.hasPrefix("event_trigger") }
}

/// GRANT or REVOKE.
public struct SQLGrant: Sendable, Hashable {
    public var revoke: Bool
    /// Lower-cased privileges (`select`, `all`, `execute`, …).
    public var privileges: [String]
    /// `table`, `function`, `schema`, `sequence`, `all tables`, `all functions`.
    public var objectKind: String
    public var objects: [SQLName]
    public var roles: [String]
    public var source: SchemaSource
}

public struct SQLView: Sendable, Hashable {
    public var name: SQLName
    public var securityInvoker: Bool
    public var materialized: Bool
    /// Tables named after FROM / JOIN in the view's query.
    public var reads: [SQLName]
    /// The view's query text (after AS).
    public var query: String
    public var source: SchemaSource
}

/// A statement that destroys data: DROP TABLE, ALTER TABLE … DROP COLUMN, TRUNCATE, DELETE without WHERE.
public struct SQLDestructive: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case dropTable = "DROP TABLE", dropColumn = "DROP COLUMN", truncate = "TRUNCATE", deleteAll = "DELETE without WHERE"
    }
    public var kind: Kind
    public var table: SQLName
    public var column: String?
    public var source: SchemaSource
    /// Index of the file in `SchemaModel.files`.
    public var fileIndex: Int
    /// Position of the statement in the whole ordered migration history.
    public var sequence: Int
    /// Why the statement cannot lose data, when it cannot (the table was created earlier in the same
    /// migration, its rows were copied out first, or no earlier migration ever created it); nil when it can.
    public var guardReason: String?
}

/// A file that contributed to the schema.
public struct SchemaFile: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A forward migration in a migrations folder.
        case migration
        /// A down / rollback migration.
        case down
        /// A schema file outside a migrations folder (schema.sql, init.sql).
        case schema
        case seed
        case prisma
        /// A Drizzle `pgTable(...)` schema module.
        case drizzle
        /// A migration written in code (Knex, TypeORM, Sequelize, Alembic, Django).
        case codeMigration
    }
    public var path: String
    public var kind: Kind
    /// Named with a number or timestamp (or inside a numbered folder), so its order is explicit.
    public var versioned: Bool
    /// The file also holds its own down section (`-- migrate:down`, `-- +goose Down`) or a down function.
    public var hasDownSection: Bool
}

/// `[functions.<name>]` of supabase/config.toml.
public struct EdgeFunctionConfig: Sendable, Hashable {
    public var name: String
    public var verifyJWT: Bool
    /// The `verify_jwt` line (or the section header).
    public var source: SchemaSource
}

/// A Firebase rule (Firestore, Storage or Realtime Database) that opens data.
public struct FirebaseRule: Sendable, Hashable {
    public enum Exposure: String, Sendable, Hashable {
        /// `if true`, no condition, `".read": true`.
        case everyone
        /// The test-mode rule `if request.time < timestamp.date(…)`: open to everyone until a date.
        case testMode
        /// `if request.auth != null` (or `"auth != null"`): any signed-in user.
        case anyUser
    }
    public var exposure: Exposure
    public var read: Bool
    public var write: Bool
    /// The match path (`/databases/{database}/documents/orders/{id}`) or JSON path (`/orders`).
    public var matchPath: String
    /// Whether the path covers every document (`{document=**}` or the database root).
    public var wildcard: Bool
    public var source: SchemaSource
}

extension AppContext {
    /// A finding at a schema declaration (file and byte offset), or an app-level finding on its path when the
    /// file is not among the scanned files.
    public func finding(_ d: MetricDescriptor, rule: String, at source: SchemaSource, severity: Severity? = nil, message: String) -> Finding {
        if let f = file(source.path) {
            return Finding.at(d, rule: rule, file: f, offset: source.offset, severity: severity, message: message)
        }
        return appFinding(d, rule: rule, path: source.path, severity: severity, message: message)
    }
}
