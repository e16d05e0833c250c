import Foundation

/// Reads Prisma `schema.prisma` models into the SQL table model: fields, `@id`, `@unique`, `@default`,
/// `@map`/`@@map`, `@relation(fields:, references:)`, `@@id`, `@@unique`, `@@index`, `Json` and list types.
enum PrismaSchemaReader {
    struct Result {
        var tables: [SQLTable] = []
        var indexes: [SQLIndex] = []
        var provider: String?
    }

    private struct Field {
        var name: String
        var type: String
        var optional: Bool
        var list: Bool
        var attributes: String
        var offset: Int
    }

    private struct Block {
        var kind: String
        var name: String
        var offset: Int
        var fields: [Field] = []
        /// `@@…` lines with their offsets.
        var blockAttributes: [(String, Int)] = []
    }

    static func read(_ f: ScannedFile) -> Result {
        var blocks: [Block] = []
        var current: Block?
        var provider: String?
        var inDatasource = false
        for line in 1...max(1, f.lineCount) {
            let r = f.lineRange(line)
            var text = f.string(r)
            if let c = commentStart(text) { text = String(text[..<c]) }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let lead = r.lowerBound + (text.utf8.count - text.drop(while: { $0 == " " || $0 == "\t" }).utf8.count)
            if trimmed.isEmpty { continue }
            if current == nil {
                let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if words.count >= 2, ["model", "enum", "type", "view"].contains(words[0]), trimmed.contains("{"), trimmed.hasSuffix("}") {
                    blocks.append(Block(kind: words[0], name: words[1].trimmingCharacters(in: CharacterSet(charactersIn: "{")), offset: lead))
                    continue
                }
                if words.count >= 2, ["model", "enum", "type", "view"].contains(words[0]), trimmed.hasSuffix("{") {
                    current = Block(kind: words[0], name: words[1].trimmingCharacters(in: CharacterSet(charactersIn: "{")), offset: lead)
                    continue
                }
                if words.first == "datasource" { inDatasource = true; continue }
                if inDatasource {
                    if trimmed.hasPrefix("}") { inDatasource = false; continue }
                    if trimmed.hasPrefix("provider"), let q = quoted(trimmed) { provider = q }
                }
                continue
            }
            if trimmed.hasPrefix("}") {
                blocks.append(current!)
                current = nil
                continue
            }
            guard current!.kind == "model" || current!.kind == "view" else { continue }
            if trimmed.hasPrefix("@@") {
                current!.blockAttributes.append((trimmed, lead))
                continue
            }
            let parts = trimmed.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count >= 2 else { continue }
            var type = parts[1]
            var optional = false, list = false
            if type.hasSuffix("?") { optional = true; type.removeLast() }
            if type.hasSuffix("[]") { list = true; type.removeLast(2) }
            current!.fields.append(Field(name: parts[0], type: type, optional: optional, list: list,
                                         attributes: parts.count > 2 ? parts[2] : "", offset: lead))
        }

        let models = blocks.filter { $0.kind == "model" }
        let enums = Set(blocks.filter { $0.kind == "enum" }.map(\.name))
        var tableName: [String: String] = [:]
        var columnName: [String: [String: String]] = [:]
        for m in models {
            tableName[m.name] = m.blockAttributes.first(where: { $0.0.hasPrefix("@@map(") }).flatMap { quoted($0.0) } ?? m.name
            var cols: [String: String] = [:]
            for fl in m.fields { cols[fl.name] = attributeArgument(fl.attributes, "@map").flatMap(quoted) ?? fl.name }
            columnName[m.name] = cols
        }

        var out = Result()
        out.provider = provider
        for m in models {
            let name = SQLName(name: tableName[m.name] ?? m.name)
            var t = SQLTable(name: name, origin: .prisma, source: SchemaSource(path: f.path, offset: m.offset))
            let colOf: (String) -> String = { columnName[m.name]?[$0] ?? $0 }
            for fl in m.fields {
                let at = SchemaSource(path: f.path, offset: fl.offset)
                if tableName[fl.type] != nil {
                    // A relation field: the foreign key lives on the side that lists `fields:`.
                    guard let rel = attributeArgument(fl.attributes, "@relation") else { continue }
                    let from = listArgument(rel, "fields").map(colOf)
                    let to = listArgument(rel, "references").map { columnName[fl.type]?[$0] ?? $0 }
                    if !from.isEmpty {
                        t.foreignKeys.append(SQLForeignKey(columns: from, references: SQLReference(table: SQLName(name: tableName[fl.type]!), columns: to),
                                                           name: nil, source: at))
                    }
                    continue
                }
                var col = SQLColumn(name: colOf(fl.name), type: sqlType(fl.type, list: fl.list, enums: enums), source: at)
                col.notNull = !fl.optional && !fl.list
                if hasAttribute(fl.attributes, "@id") { col.primaryKey = true; col.notNull = true }
                if hasAttribute(fl.attributes, "@unique") { col.unique = true }
                if let d = attributeArgument(fl.attributes, "@default") { col.defaultValue = d }
                if fl.attributes.contains("@updatedAt") { col.defaultValue = col.defaultValue ?? "now()" }
                t.columns.append(col)
            }
            for (a, off) in m.blockAttributes {
                let at = SchemaSource(path: f.path, offset: off)
                let cols = firstList(a).map(colOf)
                guard !cols.isEmpty else { continue }
                if a.hasPrefix("@@id(") {
                    t.primaryKey = cols
                } else if a.hasPrefix("@@unique(") {
                    t.uniqueKeys.append(SQLUniqueKey(kind: .unique, columns: cols, name: nil, partial: false, source: at))
                } else if a.hasPrefix("@@index(") {
                    out.indexes.append(SQLIndex(name: nil, table: name, columns: cols, unique: false, partial: false, source: at))
                }
            }
            out.tables.append(t)
        }
        return out
    }

    private static func sqlType(_ t: String, list: Bool, enums: Set<String>) -> String {
        let base: String
        switch t {
        case "String": base = "text"
        case "Int": base = "integer"
        case "BigInt": base = "bigint"
        case "Float": base = "double precision"
        case "Decimal": base = "numeric"
        case "Boolean": base = "boolean"
        case "DateTime": base = "timestamp"
        case "Json": base = "jsonb"
        case "Bytes": base = "bytea"
        default: base = enums.contains(t) ? "enum " + t.lowercased() : t.lowercased()
        }
        return list ? base + "[]" : base
    }

    /// Start of a `//` comment outside a string.
    private static func commentStart(_ s: String) -> String.Index? {
        var inString = false
        var prev: Character = " "
        for i in s.indices {
            let c = s[i]
            if c == "\"" && prev != "\\" { inString.toggle() }
            if !inString && c == "/" && prev == "/" { return s.index(before: i) }
            prev = c
        }
        return nil
    }

    private static func quoted(_ s: String) -> String? {
        guard let a = s.firstIndex(of: "\"") else { return nil }
        let rest = s[s.index(after: a)...]
        guard let b = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<b])
    }

    private static func hasAttribute(_ attrs: String, _ name: String) -> Bool {
        var search = attrs[...]
        while let r = search.range(of: name) {
            let after = search[r.upperBound...].first
            if after == nil || after == " " || after == "(" || after == "\t" { return true }
            search = search[r.upperBound...]
        }
        return false
    }

    /// The text inside `name( … )`, balanced.
    private static func attributeArgument(_ attrs: String, _ name: String) -> String? {
        guard let r = attrs.range(of: name + "(") else { return nil }
        var depth = 1
        var i = r.upperBound
        while i < attrs.endIndex {
            let c = attrs[i]
            if c == "(" { depth += 1 } else if c == ")" {
                depth -= 1
                if depth == 0 { return String(attrs[r.upperBound..<i]) }
            }
            i = attrs.index(after: i)
        }
        return nil
    }

    /// `key: [a, b]` inside an argument list.
    private static func listArgument(_ args: String, _ key: String) -> [String] {
        guard let r = args.range(of: key + ":") ?? args.range(of: key + " :") else { return [] }
        return firstList(String(args[r.upperBound...]))
    }

    /// The names inside the first `[ … ]` (`@@index([a, b(sort: Desc)])`).
    private static func firstList(_ s: String) -> [String] {
        guard let a = s.firstIndex(of: "["), let b = s[a...].firstIndex(of: "]") else { return [] }
        return s[s.index(after: a)..<b].split(separator: ",").map {
            String($0.trimmingCharacters(in: .whitespaces).prefix { $0 != "(" && $0 != " " })
        }.filter { !$0.isEmpty }
    }
}
