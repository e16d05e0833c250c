import Foundation

/// Reads Drizzle ORM table definitions (`pgTable("users", { id: serial("id").primaryKey(), … }, (t) => […])`,
/// also `mysqlTable`, `sqliteTable` and `pgTableCreator` tables) into the SQL table model. References to
/// other tables are by variable (`.references(() => users.id)`) and are resolved after all modules are read.
enum DrizzleSchemaReader {
    /// Schema marker of a reference still naming a Drizzle variable.
    static let unresolved = "drizzle:var"

    struct Result {
        var tables: [SQLTable] = []
        var indexes: [SQLIndex] = []
        /// Variable name → table key.
        var variables: [String: String] = [:]
        var dialect: SchemaModel.Dialect = .unknown
    }

    /// A JS/TS module that may define Drizzle tables: a schema-looking path that imports drizzle-orm.
    static func isCandidate(_ f: ScannedFile, _ parts: [String]) -> Bool {
        guard f.role != .test, f.role != .docs else { return false }
        let name = parts.last ?? ""
        let dirs = parts.dropLast()
        guard name.hasSubstring("schema") || name.hasSubstring("table") || name.hasSubstring("model")
                || dirs.contains(where: { ["schema", "schemas", "db", "drizzle", "models", "database", "tables"].contains($0) }) else { return false }
        return f.contains("drizzle-orm", in: .string)
    }

    static func read(_ f: ScannedFile) -> Result {
        var out = Result()
        let code = JSCode(f)
        let whole = 0..<f.bytes.count
        var constructors = ["pgTable(": SchemaModel.Dialect.postgres, "mysqlTable(": .mysql, "sqliteTable(": .sqlite]
        for o in code.occurrences("pgTableCreator(", in: whole) {
            if let v = variable(code, before: o) { constructors[v + "("] = .postgres }
        }
        var sites: [(Int, String, SchemaModel.Dialect)] = []
        for (ctor, dialect) in constructors {
            for o in code.occurrences(ctor, in: whole) { sites.append((o, ctor, dialect)) }
        }
        for o in code.occurrences(".table(", in: whole, wordStart: false) { sites.append((o + 1, "table(", .postgres)) }
        sites.sort { $0.0 < $1.0 }

        for (o, ctor, dialect) in sites {
            let p = o + ctor.utf8.count - 1
            guard let close = code.close(p) else { continue }
            let args = code.splitTopLevel(p + 1, close)
            guard args.count >= 2, let tname = code.stringLiteral(at: args[0].lowerBound) else { continue }
            let name = SQLName(name: tname)
            var t = SQLTable(name: name, origin: .drizzle, source: SchemaSource(path: f.path, offset: o))
            out.dialect = dialect
            if let v = variable(code, before: o) { out.variables[v] = name.key }
            var colOfKey: [String: String] = [:]
            let colsArg = args[1]
            guard f.bytes[colsArg.lowerBound] == 0x7B else { continue }
            for e in code.objectEntries(colsArg.lowerBound) {
                guard let col = column(code, key: e.key, keyOffset: e.keyOffset, value: e.value, path: f.path) else { continue }
                colOfKey[e.key] = col.name
                t.columns.append(col)
            }
            if args.count >= 3 {
                readExtras(code, args[2], table: &t, colOfKey: colOfKey, indexes: &out.indexes, path: f.path)
            }
            out.tables.append(t)
        }
        return out
    }

    /// `export const users = pgTable(` → "users".
    private static func variable(_ code: JSCode, before o: Int) -> String? {
        let k = code.skipSpaceBack(o - 1)
        guard k >= 0, code.bytes[k] == 0x3D else { return nil }
        let e = code.skipSpaceBack(k - 1)
        return code.identifier(endingAt: e + 1)?.name
    }

    private static func column(_ code: JSCode, key: String, keyOffset: Int, value: Range<Int>, path: String) -> SQLColumn? {
        let b = code.bytes
        guard let fn = code.identifier(at: value.lowerBound) else { return nil }
        var i = value.lowerBound + fn.utf8.count
        i = code.skipSpace(i)
        guard i < value.upperBound, b[i] == 0x28, let close = code.close(i) else { return nil }
        let fargs = code.splitTopLevel(i + 1, close)
        let cname = fargs.first.flatMap { code.stringLiteral(at: $0.lowerBound) } ?? key
        var col = SQLColumn(name: cname, type: sqlType(fn), source: SchemaSource(path: path, offset: keyOffset))
        if ["serial", "bigserial", "smallserial"].contains(col.type) { col.notNull = true }
        i = close + 1
        while true {
            var j = code.skipSpace(i)
            guard j < value.upperBound, b[j] == 0x2E else { break }
            j = code.skipSpace(j + 1)
            guard let m = code.identifier(at: j) else { break }
            j += m.utf8.count
            if j < b.count && b[j] == 0x3C {  // .$type<Foo>()
                var depth = 0
                while j < value.upperBound {
                    if b[j] == 0x3C { depth += 1 } else if b[j] == 0x3E { depth -= 1; if depth == 0 { j += 1; break } }
                    j += 1
                }
            }
            j = code.skipSpace(j)
            guard j < b.count, b[j] == 0x28, let mc = code.close(j) else { break }
            switch m {
            case "primaryKey": col.primaryKey = true; col.notNull = true
            case "notNull": col.notNull = true
            case "unique": col.unique = true
            case "array": col.type += "[]"
            case "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity": col.notNull = true
            case "default", "defaultNow", "defaultRandom", "$defaultFn", "$default":
                col.defaultValue = m == "default" ? code.text((j + 1)..<mc) : m + "()"
            case "references":
                let inner = code.text((j + 1)..<mc)
                if let arrow = inner.range(of: "=>") {
                    let target = inner[arrow.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                    let ids = JSCode.identifiers(in: String(target.prefix { $0 != "," && $0 != ")" && $0 != "\n" }))
                    if ids.count >= 2 {
                        col.references = SQLReference(table: SQLName(schema: unresolved, name: ids[ids.count - 2]), columns: [ids[ids.count - 1]])
                    }
                }
            default: break
            }
            i = mc + 1
        }
        return col
    }

    private static func readExtras(_ code: JSCode, _ r: Range<Int>, table: inout SQLTable, colOfKey: [String: String],
                                   indexes: inout [SQLIndex], path: String) {
        let cols: (Range<Int>) -> [String] = { rr in
            let txt = code.text(rr)
            var out: [String] = []
            for part in txt.split(separator: ",") {
                let ids = JSCode.identifiers(in: String(part))
                if let last = ids.last, ids.count >= 2 { out.append(colOfKey[last] ?? last) }
            }
            return out
        }
        for ctor in ["uniqueIndex(", "index(", "unique(", "primaryKey(", "foreignKey("] {
            for o in code.occurrences(ctor, in: r) {
                let p = o + ctor.utf8.count - 1
                guard let close = code.close(p) else { continue }
                let at = SchemaSource(path: path, offset: o)
                switch ctor {
                case "primaryKey(":
                    let c = cols((p + 1)..<close)
                    if !c.isEmpty { table.primaryKey = c }
                case "foreignKey(":
                    let txt = code.text((p + 1)..<close)
                    guard let fr = txt.range(of: "foreignColumns") else { continue }
                    let local = cols((p + 1)..<(p + 1 + txt[..<fr.lowerBound].utf8.count))
                    let remoteIds = JSCode.identifiers(in: String(txt[fr.upperBound...]))
                    if remoteIds.count >= 2, !local.isEmpty {
                        table.foreignKeys.append(SQLForeignKey(columns: local, references: SQLReference(
                            table: SQLName(schema: unresolved, name: remoteIds[0]), columns: [remoteIds[1]]), name: nil, source: at))
                    }
                default:
                    var j = code.skipSpace(close + 1)
                    guard j < code.bytes.count, code.bytes[j] == 0x2E else { continue }
                    j = code.skipSpace(j + 1)
                    guard code.identifier(at: j) == "on" else { continue }
                    j = code.skipSpace(j + 2)
                    guard j < code.bytes.count, code.bytes[j] == 0x28, let oc = code.close(j) else { continue }
                    let c = cols((j + 1)..<oc)
                    guard !c.isEmpty else { continue }
                    if ctor == "index(" {
                        indexes.append(SQLIndex(name: nil, table: table.name, columns: c, unique: false, partial: false, source: at))
                    } else {
                        indexes.append(SQLIndex(name: nil, table: table.name, columns: c, unique: true, partial: false, source: at))
                        table.uniqueKeys.append(SQLUniqueKey(kind: ctor == "unique(" ? .unique : .uniqueIndex, columns: c, name: nil, partial: false, source: at))
                    }
                }
            }
        }
    }

    private static func sqlType(_ fn: String) -> String {
        switch fn {
        case "serial", "bigserial", "smallserial", "uuid", "text", "varchar", "char", "boolean", "timestamp", "date", "time",
             "jsonb", "json", "numeric", "decimal", "real", "integer", "bigint", "smallint", "interval", "inet", "blob":
            return fn
        case "int": return "integer"
        case "doublePrecision": return "double precision"
        case "tinyint", "mediumint": return "integer"
        case "datetime": return "timestamp"
        default: return fn.lowercased().hasSuffix("enum") ? "enum" : fn.lowercased()
        }
    }
}
