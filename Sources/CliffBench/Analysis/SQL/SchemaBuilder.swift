/// The schema under construction while migrations are applied in order.
struct SchemaBuilder {
    var tables: [String: SQLTable] = [:]
    var order: [String] = []
    var dropped: Set<String> = []
    var indexes: [SQLIndex] = []
    var policies: [SQLPolicy] = []
    var functions: [SQLFunction] = []
    var grants: [SQLGrant] = []
    var views: [SQLView] = []
    var destructive: [SQLDestructive] = []
    /// Every (file, sequence) at which a table key was created.
    private var creations: [String: [(file: Int, seq: Int)]] = [:]
    /// Tables whose rows a statement read (INSERT … SELECT, CREATE TABLE AS, RENAME).
    private var copies: [String: [(file: Int, seq: Int, words: Set<String>)]] = [:]
    private var addedColumns: [String: Set<Int>] = [:]

    mutating func noteTable(_ key: String, _ name: SQLName) {
        if !order.contains(key) { order.append(key) }
        dropped.remove(key)
    }

    /// Adds a created table; a second CREATE of a live table merges into it (a schema dump beside migrations).
    mutating func put(_ t: SQLTable, fileIndex: Int, sequence: Int) {
        let key = t.name.key
        creations[key, default: []].append((fileIndex, sequence))
        if var old = tables[key], !dropped.contains(key) {
            for c in t.columns {
                if let k = old.columns.firstIndex(where: { $0.name == c.name }) { old.columns[k] = c } else { old.columns.append(c) }
            }
            if old.primaryKey.isEmpty { old.primaryKey = t.primaryKey }
            for f in t.foreignKeys where !old.foreignKeys.contains(where: { $0.columns == f.columns }) { old.foreignKeys.append(f) }
            for u in t.uniqueKeys where !old.uniqueKeys.contains(where: { $0.columns == u.columns && $0.kind == u.kind }) { old.uniqueKeys.append(u) }
            old.columnsUnknown = old.columnsUnknown && t.columnsUnknown
            tables[key] = old
        } else {
            tables[key] = t
        }
        noteTable(key, t.name)
    }

    mutating func mutate(_ key: String, _ f: (inout SQLTable) -> Void) {
        guard var t = tables[key] else { return }
        f(&t)
        tables[key] = t
    }

    mutating func dropTable(_ key: String) {
        guard tables[key] != nil else { return }
        dropped.insert(key)
        policies.removeAll { $0.table.key == key }
        indexes.removeAll { $0.table.key == key }
    }

    mutating func dropIndex(_ name: String) {
        guard let k = indexes.lastIndex(where: { $0.name == name }) else { return }
        let idx = indexes.remove(at: k)
        if idx.unique { mutate(idx.table.key) { $0.uniqueKeys.removeAll { $0.kind == .uniqueIndex && $0.name == name } } }
    }

    mutating func renameTable(from key: String, to name: SQLName) {
        guard var t = tables.removeValue(forKey: key) else { return }
        t.name = name
        tables[name.key] = t
        if let i = order.firstIndex(of: key) { order[i] = name.key }
        creations[name.key] = creations[key]
        for k in policies.indices where policies[k].table.key == key { policies[k].table = name }
        for k in indexes.indices where indexes[k].table.key == key { indexes[k].table = name }
    }

    /// Rows of `key` were read into another table (`words`: the names the statement mentions, for column copies).
    mutating func noteCopy(from key: String, fileIndex: Int, sequence: Int, words: Set<String> = []) {
        copies[key, default: []].append((fileIndex, sequence, words))
    }

    mutating func noteColumnAdded(_ key: String, _ column: String, fileIndex: Int) {
        addedColumns[key + "." + column, default: []].insert(fileIndex)
    }

    mutating func recordDestructive(_ kind: SQLDestructive.Kind, table: SQLName, column: String?, source: SchemaSource,
                                    fileIndex: Int, sequence: Int, ifExists: Bool = false) {
        let key = table.key
        let made = creations[key] ?? []
        var reason: String?
        if made.contains(where: { $0.file == fileIndex && $0.seq < sequence }) {
            reason = "the table is created earlier in the same migration, so it holds no data yet"
        } else if let c = column, addedColumns[key + "." + c]?.contains(fileIndex) == true {
            reason = "the column is added earlier in the same migration"
        } else if (copies[key] ?? []).contains(where: { $0.file == fileIndex && $0.seq < sequence && (column == nil || $0.words.contains(column!.lowercased())) }) {
            reason = "its rows are copied out earlier in the same migration"
        } else if (copies[key] ?? []).contains(where: { $0.file < fileIndex && (column == nil || $0.words.contains(column!.lowercased())) }) {
            reason = "an earlier migration copied its data elsewhere (expand, then contract)"
        } else if kind == .dropTable && ifExists && !made.contains(where: { $0.file < fileIndex || ($0.file == fileIndex && $0.seq < sequence) }) {
            reason = "no earlier migration creates the table (a defensive DROP … IF EXISTS before it is first created)"
        }
        destructive.append(SQLDestructive(kind: kind, table: table, column: column, source: source, fileIndex: fileIndex,
                                          sequence: sequence, guardReason: reason))
    }
}
