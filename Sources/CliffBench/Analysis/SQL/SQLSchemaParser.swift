import Foundation

/// Applies SQL statements, in migration order, to a schema under construction. Statements it does
/// not understand are skipped; everything it reads is tolerant of dialect noise (MySQL backticks,
/// SQLite AUTOINCREMENT, pg_dump's qualified and quoted names).
struct SQLSchemaParser {
    var schema: SchemaBuilder
    /// Index of the file being read in `schema.files`.
    var fileIndex = 0
    /// Whether destructive statements of the current file are recorded (forward migrations and schema files).
    var recordDestructive = true
    private var sequence = 0

    init(schema: SchemaBuilder) {
        self.schema = schema
    }

    mutating func apply(_ statements: [SQLStatement]) {
        for s in statements { apply(s) }
    }

    mutating func apply(_ s: SQLStatement) {
        guard let first = s.tokens.first, first.kind == .word else { return }
        sequence += 1
        var c = SQLCursor(s)
        switch first.text {
        case "create": create(&c)
        case "alter": alter(&c)
        case "drop": drop(&c)
        case "truncate": truncate(&c)
        case "delete": delete(&c)
        case "grant", "revoke": grant(&c)
        case "insert": insert(&c)
        case "do": doBlock(s)
        default: break
        }
    }

    private func src(_ s: SQLStatement, _ k: Int? = nil) -> SchemaSource {
        SchemaSource(path: s.path, offset: k.map { s.tokens[min($0, s.tokens.count - 1)].start } ?? s.offset)
    }

    // MARK: - CREATE

    private mutating func create(_ c: inout SQLCursor) {
        c.advance()
        _ = c.accept("or", "replace")
        var unique = false
        while let w = c.word, ["global", "local", "temp", "temporary", "unlogged", "recursive", "constraint"].contains(w) { c.advance() }
        if c.accept("unique") { unique = true }
        guard let w = c.word else { return }
        switch w {
        case "table": c.advance(); createTable(&c)
        case "index": c.advance(); createIndex(&c, unique: unique)
        case "policy": c.advance(); createPolicy(&c)
        case "function": c.advance(); createFunction(&c, procedure: false)
        case "procedure": c.advance(); createFunction(&c, procedure: true)
        case "view": c.advance(); createView(&c, materialized: false)
        case "materialized":
            c.advance()
            if c.accept("view") { createView(&c, materialized: true) }
        default: break
        }
    }

    private mutating func createTable(_ c: inout SQLCursor) {
        let ifNotExists = c.accept("if", "not", "exists")
        guard let name = c.qualifiedName() else { return }
        let s = c.s
        let key = name.key
        if ifNotExists, let existing = schema.tables[key], !existing.columns.isEmpty || existing.columnsUnknown { return }
        var table = SQLTable(name: name, origin: .sql, source: src(s))
        if c.accept("partition", "of") || c.isWord("as") || c.accept("of") {
            table.columnsUnknown = true
            if c.isWord("as") { recordCopies(s, from: c.i) }
            schema.put(table, fileIndex: fileIndex, sequence: sequence)
            return
        }
        guard c.isSymbol("("), let close = c.matching(c.i) else {
            table.columnsUnknown = true
            schema.put(table, fileIndex: fileIndex, sequence: sequence)
            return
        }
        for el in c.split(c.i + 1, close) {
            readTableElement(s, el, into: &table)
        }
        c.i = close + 1
        if c.accept("as") { table.columnsUnknown = table.columns.isEmpty }
        schema.put(table, fileIndex: fileIndex, sequence: sequence)
    }

    /// One element of a CREATE TABLE list: a column or a table constraint.
    private mutating func readTableElement(_ s: SQLStatement, _ r: Range<Int>, into table: inout SQLTable) {
        guard !r.isEmpty else { return }
        var c = SQLCursor(s, r)
        var constraintName: String?
        if c.accept("constraint") {
            constraintName = c.name()
        }
        if let w = c.word, SQLCursor.tableConstraintStarts.contains(w) {
            // A column may be called `key` or `index` in MySQL only when followed by a type; constraints take `(`.
            if (w == "key" || w == "index") && !(c.peek(1)?.isSymbol("(") == true || c.peek(2)?.isSymbol("(") == true) {
                readColumn(s, r, into: &table)
                return
            }
            readTableConstraint(&c, name: constraintName, into: &table)
            return
        }
        if constraintName != nil { return }
        readColumn(s, r, into: &table)
    }

    private mutating func readTableConstraint(_ c: inout SQLCursor, name: String?, into table: inout SQLTable) {
        let s = c.s
        let at = src(s, c.i)
        guard let w = c.word else { return }
        c.advance()
        switch w {
        case "primary":
            _ = c.accept("key")
            let cols = c.columnList()
            table.primaryKey = cols
            for k in table.columns.indices where cols.contains(table.columns[k].name) { table.columns[k].notNull = true }
        case "unique":
            _ = c.accept("nulls", "not", "distinct") || c.accept("nulls", "distinct")
            if c.isWord("key") || c.isWord("index") { c.advance() }
            if !c.isSymbol("(") { _ = c.name() }
            let cols = c.columnList()
            if !cols.isEmpty { table.uniqueKeys.append(SQLUniqueKey(kind: .unique, columns: cols, name: name, partial: false, source: at)) }
        case "foreign":
            _ = c.accept("key")
            if !c.isSymbol("(") { _ = c.name() }
            let cols = c.columnList()
            guard c.accept("references"), let ref = c.qualifiedName() else { return }
            let refCols = c.isSymbol("(") ? c.columnList() : []
            table.foreignKeys.append(SQLForeignKey(columns: cols, references: SQLReference(table: ref, columns: refCols), name: name, source: at))
        case "exclude":
            if c.accept("using") { c.advance() }
            guard c.isSymbol("("), let close = c.matching(c.i) else { return }
            var cols: [String] = []
            for el in c.split(c.i + 1, close) where !el.isEmpty {
                let t = s.tokens[el.lowerBound]
                if t.isName && (el.count == 1 || s.tokens[el.lowerBound + 1].is("with")) { cols.append(SQLCursor.normal(t)) }
            }
            table.uniqueKeys.append(SQLUniqueKey(kind: .exclusion, columns: cols, name: name, partial: false, source: at))
        case "key", "index", "fulltext", "spatial":
            if !c.isSymbol("(") { _ = c.name() }
            let cols = c.columnList()
            if !cols.isEmpty {
                schema.indexes.append(SQLIndex(name: nil, table: table.name, columns: cols, unique: false, partial: false, source: at))
            }
        default:
            break  // check, like
        }
    }

    private func readColumn(_ s: SQLStatement, _ r: Range<Int>, into table: inout SQLTable) {
        var c = SQLCursor(s, r)
        guard let nameTok = c.token, nameTok.isName else { return }
        let name = SQLCursor.normal(nameTok)
        c.advance()
        var col = SQLColumn(name: name, type: "", source: SchemaSource(path: s.path, offset: nameTok.start))
        applyColumnDefinition(&c, to: &col)
        if let i = table.columns.firstIndex(where: { $0.name == name }) {
            table.columns[i] = col
        } else {
            table.columns.append(col)
        }
    }

    /// Reads `type [constraints…]` after a column name.
    private func applyColumnDefinition(_ c: inout SQLCursor, to col: inout SQLColumn) {
        let s = c.s
        var type = ""
        while let t = c.token, !(t.kind == .word && SQLCursor.columnConstraintWords.contains(t.text)) {
            if t.isSymbol("("), let close = c.matching(c.i) {
                type += "(" + (c.i + 1 < close ? s.text(from: c.i + 1, through: close - 1) : "") + ")"
                c.i = close + 1
                continue
            }
            if t.isSymbol("[") || t.isSymbol("]") || t.isSymbol(".") {
                type += t.text
            } else {
                let piece = t.kind == .quoted ? t.text.lowercased() : t.text
                type += type.isEmpty || type.hasSuffix(".") ? piece : " " + piece
            }
            c.advance()
        }
        col.type = type
        if ["serial", "bigserial", "smallserial", "serial4", "serial8"].contains(type) { col.notNull = true }
        while let t = c.token, c.i < c.end {
            if t.isSymbol("("), let close = c.matching(c.i) {
                c.i = close + 1
                continue
            }
            guard t.kind == .word else { c.advance(); continue }
            switch t.text {
            case "not":
                c.advance()
                if c.accept("null") { col.notNull = true }
            case "primary":
                c.advance()
                _ = c.accept("key")
                col.primaryKey = true
                col.notNull = true
            case "unique":
                c.advance()
                col.unique = true
            case "references":
                c.advance()
                if let ref = c.qualifiedName() {
                    let cols = c.isSymbol("(") ? c.columnList() : []
                    col.references = SQLReference(table: ref, columns: cols)
                }
            case "default":
                c.advance()
                let a = c.i
                while let u = c.token, c.i < c.end, !(u.kind == .word && SQLCursor.columnConstraintWords.contains(u.text) && u.text != "null") {
                    if u.isSymbol("("), let close = c.matching(c.i) { c.i = close + 1 } else { c.advance() }
                }
                if c.i > a { col.defaultValue = s.text(from: a, through: c.i - 1) }
            case "generated":
                c.advance()
                // GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY, or GENERATED ALWAYS AS (expr) STORED
                var k = c.i
                while k < c.end && k < c.i + 4 && !s.tokens[k].isSymbol("(") {
                    if s.tokens[k].is("identity") { col.notNull = true }
                    k += 1
                }
            case "identity", "auto_increment", "autoincrement":
                c.advance()
                if t.text == "identity" { col.notNull = true }
            default:
                c.advance()
            }
        }
    }

    // MARK: - ALTER

    private mutating func alter(_ c: inout SQLCursor) {
        c.advance()
        if c.accept("table") {
            _ = c.accept("if", "exists")
            _ = c.accept("only")
            guard let name = c.qualifiedName() else { return }
            alterTable(&c, name)
        } else if c.accept("policy") {
            alterPolicy(&c)
        } else if c.accept("function") || c.accept("procedure") {
            alterFunction(&c)
        } else if c.accept("view") || c.accept("materialized", "view") {
            _ = c.accept("if", "exists")
            guard let name = c.qualifiedName() else { return }
            let rest = c.s.text(from: c.i, through: c.s.tokens.count - 1).lowercased().replacingOccurrences(of: " ", with: "")
            if rest.contains("security_invoker=true") || rest.contains("security_invoker=on") || rest.contains("security_invoker=1") {
                if let k = schema.views.firstIndex(where: { $0.name.key == name.key }) { schema.views[k].securityInvoker = true }
            }
        }
    }

    private mutating func alterTable(_ c: inout SQLCursor, _ name: SQLName) {
        let s = c.s
        var key = name.key
        for action in c.split(c.i, s.tokens.count) where !action.isEmpty {
            var a = SQLCursor(s, action)
            guard let w = a.word else { continue }
            switch w {
            case "enable":
                if a.accept("enable", "row", "level", "security") { schema.mutate(key) { $0.rowLevelSecurity = true } }
            case "disable":
                if a.accept("disable", "row", "level", "security") { schema.mutate(key) { $0.rowLevelSecurity = false } }
            case "force":
                if a.accept("force", "row", "level", "security") { schema.mutate(key) { $0.forceRowLevelSecurity = true } }
            case "add":
                a.advance()
                var cname: String?
                if a.accept("constraint") { cname = a.name() }
                if let x = a.word, SQLCursor.tableConstraintStarts.contains(x), x != "key", x != "index" {
                    var t = schema.tables[key] ?? SQLTable(name: name, origin: .sql, source: src(s))
                    readTableConstraint(&a, name: cname, into: &t)
                    if let u = t.uniqueKeys.last, u.kind == .unique {
                        // `ADD CONSTRAINT … UNIQUE USING INDEX idx` has no column list.
                        if u.columns.isEmpty { t.uniqueKeys.removeLast() }
                    }
                    schema.tables[key] = t
                    schema.noteTable(key, name)
                } else if cname == nil {
                    _ = a.accept("column")
                    _ = a.accept("if", "not", "exists")
                    guard let ct = a.token, ct.isName else { continue }
                    let cn = SQLCursor.normal(ct)
                    a.advance()
                    var col = SQLColumn(name: cn, type: "", source: SchemaSource(path: s.path, offset: ct.start))
                    applyColumnDefinition(&a, to: &col)
                    schema.mutate(key) { t in
                        if let k = t.columns.firstIndex(where: { $0.name == cn }) { t.columns[k] = col } else { t.columns.append(col) }
                    }
                    schema.noteColumnAdded(key, cn, fileIndex: fileIndex)
                }
            case "drop":
                a.advance()
                if a.accept("constraint") {
                    _ = a.accept("if", "exists")
                    if let cn = a.name() {
                        schema.mutate(key) { t in
                            t.uniqueKeys.removeAll { $0.name == cn }
                            t.foreignKeys.removeAll { $0.name == cn }
                            if cn.hasSuffix("_pkey") { t.primaryKey = []; for k in t.columns.indices { t.columns[k].primaryKey = false } }
                        }
                    }
                } else if a.isWord("column") || (a.token?.isName == true && !["not", "default", "identity", "expression"].contains(a.word ?? "")) {
                    _ = a.accept("column")
                    _ = a.accept("if", "exists")
                    guard let ct = a.token, ct.isName else { continue }
                    let cn = SQLCursor.normal(ct)
                    schema.mutate(key) { $0.columns.removeAll { $0.name == cn } }
                    if recordDestructive {
                        schema.recordDestructive(.dropColumn, table: name, column: cn, source: src(s), fileIndex: fileIndex, sequence: sequence)
                    }
                }
            case "alter":
                a.advance()
                _ = a.accept("column")
                guard let ct = a.token, ct.isName else { continue }
                let cn = SQLCursor.normal(ct)
                a.advance()
                if a.accept("set", "not", "null") {
                    schema.mutate(key) { t in if let k = t.columns.firstIndex(where: { $0.name == cn }) { t.columns[k].notNull = true } }
                } else if a.accept("drop", "not", "null") {
                    schema.mutate(key) { t in if let k = t.columns.firstIndex(where: { $0.name == cn }) { t.columns[k].notNull = false } }
                } else if a.accept("set", "data", "type") || a.accept("type") {
                    let ty = a.i < a.end ? s.text(from: a.i, through: a.end - 1).lowercased() : ""
                    let bare = ty.components(separatedBy: " using ").first ?? ty
                    schema.mutate(key) { t in if let k = t.columns.firstIndex(where: { $0.name == cn }) { t.columns[k].type = bare } }
                }
            case "rename":
                a.advance()
                if a.accept("to"), let nn = a.qualifiedName() {
                    let newName = SQLName(schema: nn.schema ?? name.schema, name: nn.name)
                    schema.renameTable(from: key, to: newName)
                    schema.noteCopy(from: key, fileIndex: fileIndex, sequence: sequence)
                    key = newName.key
                } else {
                    _ = a.accept("column")
                    if let old = a.token, old.isName {
                        let on = SQLCursor.normal(old)
                        a.advance()
                        if a.accept("to"), let nt = a.token, nt.isName {
                            let nn = SQLCursor.normal(nt)
                            schema.mutate(key) { t in if let k = t.columns.firstIndex(where: { $0.name == on }) { t.columns[k].name = nn } }
                        }
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func alterPolicy(_ c: inout SQLCursor) {
        guard let pname = c.name(), c.accept("on"), let table = c.qualifiedName() else { return }
        guard let k = schema.policies.lastIndex(where: { $0.name == pname && $0.table.key == table.key }) else { return }
        var p = schema.policies[k]
        if c.accept("rename", "to"), let nn = c.name() { p.name = nn }
        readPolicyClauses(&c, into: &p)
        schema.policies[k] = p
    }

    private mutating func alterFunction(_ c: inout SQLCursor) {
        guard let name = c.qualifiedName() else { return }
        if c.isSymbol("("), let close = c.matching(c.i) { c.i = close + 1 }
        var definer: Bool?
        var setsPath = false
        while let t = c.token {
            if t.is("security"), let n = c.peek(1) { definer = n.is("definer"); c.i += 2; continue }
            if t.is("set"), let n = c.peek(1), n.is("search_path") { setsPath = true }
            c.advance()
        }
        for k in schema.functions.indices where schema.functions[k].name.key == name.key {
            if let d = definer { schema.functions[k].securityDefiner = d }
            if setsPath { schema.functions[k].setsSearchPath = true }
        }
    }

    // MARK: - Policies, indexes, functions, views

    private mutating func createPolicy(_ c: inout SQLCursor) {
        let s = c.s
        let at = src(s)
        guard let pname = c.name(), c.accept("on"), let table = c.qualifiedName() else { return }
        var p = SQLPolicy(name: pname, table: table, permissive: true, command: .all, roles: ["public"], using: nil, withCheck: nil, source: at)
        if c.accept("as") {
            if c.accept("restrictive") { p.permissive = false } else { _ = c.accept("permissive") }
        }
        if c.accept("for"), let w = c.word, let cmd = SQLPolicy.Command(rawValue: w) {
            p.command = cmd
            c.advance()
        }
        readPolicyClauses(&c, into: &p)
        schema.policies.removeAll { $0.name == pname && $0.table.key == table.key }
        schema.policies.append(p)
    }

    private func readPolicyClauses(_ c: inout SQLCursor, into p: inout SQLPolicy) {
        let s = c.s
        while let t = c.token {
            if t.is("to") {
                c.advance()
                var roles: [String] = []
                while let r = c.token, r.isName, !r.is("using"), !r.is("with") {
                    roles.append(r.kind == .quoted ? r.text.lowercased() : r.text)
                    c.advance()
                    if !c.acceptSymbol(",") { break }
                }
                if !roles.isEmpty { p.roles = roles }
            } else if t.is("using") {
                c.advance()
                if c.isSymbol("("), let close = c.matching(c.i) {
                    p.using = close > c.i + 1 ? s.text(from: c.i + 1, through: close - 1) : ""
                    c.i = close + 1
                }
            } else if t.is("with"), c.peek(1)?.is("check") == true {
                c.i += 2
                if c.isSymbol("("), let close = c.matching(c.i) {
                    p.withCheck = close > c.i + 1 ? s.text(from: c.i + 1, through: close - 1) : ""
                    c.i = close + 1
                }
            } else {
                c.advance()
            }
        }
    }

    private mutating func createIndex(_ c: inout SQLCursor, unique: Bool) {
        let s = c.s
        let at = src(s)
        _ = c.accept("concurrently")
        _ = c.accept("if", "not", "exists")
        var iname: String?
        if !c.isWord("on") { iname = c.qualifiedName()?.name }
        guard c.accept("on") else { return }
        _ = c.accept("only")
        guard let table = c.qualifiedName() else { return }
        if c.accept("using") { c.advance() }
        guard c.isSymbol("("), let close = c.matching(c.i) else { return }
        var cols: [String] = []
        for el in c.split(c.i + 1, close) where !el.isEmpty {
            let t = s.tokens[el.lowerBound]
            let simple = el.count == 1 || (t.isName && el.dropFirst().allSatisfy { k in
                let x = s.tokens[k]
                return x.kind == .word && ["asc", "desc", "nulls", "first", "last", "collate"].contains(x.text) || x.kind == .quoted || x.kind == .word
            } && !s.tokens[el.lowerBound + 1].isSymbol("("))
            if t.isName && simple {
                cols.append(SQLCursor.normal(t))
            } else {
                cols.append(s.text(from: el.lowerBound, through: el.upperBound - 1).lowercased())
            }
        }
        c.i = close + 1
        var partial = false
        while let t = c.token {
            if t.is("where") { partial = true; break }
            c.advance()
        }
        schema.indexes.append(SQLIndex(name: iname, table: table, columns: cols, unique: unique, partial: partial, source: at))
        if unique {
            schema.mutate(table.key) { $0.uniqueKeys.append(SQLUniqueKey(kind: .uniqueIndex, columns: cols, name: iname, partial: partial, source: at)) }
        }
    }

    private mutating func createFunction(_ c: inout SQLCursor, procedure: Bool) {
        let s = c.s
        let at = src(s)
        guard let name = c.qualifiedName() else { return }
        var args = ""
        if c.isSymbol("("), let close = c.matching(c.i) {
            args = close > c.i + 1 ? s.text(from: c.i + 1, through: close - 1) : ""
            c.i = close + 1
        }
        var f = SQLFunction(name: name, arguments: args, returns: "", language: "", securityDefiner: false, setsSearchPath: false,
                            body: "", isProcedure: procedure, source: at)
        while let t = c.token {
            if t.kind == .string {
                if f.body.isEmpty { f.body = t.text }
                c.advance()
                continue
            }
            guard t.kind == .word else { c.advance(); continue }
            switch t.text {
            case "returns":
                c.advance()
                let a = c.i
                while let u = c.token, !(u.kind == .word && SQLCursor.routineAttributeWords.contains(u.text)) {
                    if u.isSymbol("("), let close = c.matching(c.i) { c.i = close + 1 } else { c.advance() }
                }
                if c.i > a { f.returns = s.text(from: a, through: c.i - 1).lowercased() }
            case "language":
                c.advance()
                if let l = c.token { f.language = l.text.lowercased(); c.advance() }
            case "security":
                c.advance()
                if c.accept("definer") { f.securityDefiner = true } else { _ = c.accept("invoker") }
            case "set":
                c.advance()
                if c.isWord("search_path") { f.setsSearchPath = true }
            case "begin":
                // SQL-standard body: BEGIN ATOMIC … END
                let a = c.i
                c.i = s.tokens.count
                f.body = s.text(from: a, through: s.tokens.count - 1)
            default:
                c.advance()
            }
        }
        schema.functions.removeAll { $0.name.key == name.key && $0.arguments == args }
        schema.functions.append(f)
    }

    private mutating func createView(_ c: inout SQLCursor, materialized: Bool) {
        let s = c.s
        let at = src(s)
        _ = c.accept("if", "not", "exists")
        guard let name = c.qualifiedName() else { return }
        var invoker = false
        var reads: [SQLName] = []
        var query = ""
        while let t = c.token {
            if t.is("as"), query.isEmpty, c.i + 1 < s.tokens.count {
                query = s.text(from: c.i + 1, through: s.tokens.count - 1)
            }
            if t.is("security_invoker") {
                var k = c.i + 1
                if k < s.tokens.count && s.tokens[k].isSymbol("=") { k += 1 }
                if k < s.tokens.count, ["true", "on", "1", "yes"].contains(s.tokens[k].text.lowercased()) { invoker = true }
            }
            if t.is("from") || t.is("join") {
                c.advance()
                if let n = c.qualifiedName() { reads.append(n) }
                continue
            }
            c.advance()
        }
        schema.views.removeAll { $0.name.key == name.key }
        schema.views.append(SQLView(name: name, securityInvoker: invoker, materialized: materialized, reads: reads, query: query, source: at))
    }

    // MARK: - DROP, TRUNCATE, DELETE, INSERT … SELECT

    private mutating func drop(_ c: inout SQLCursor) {
        let s = c.s
        c.advance()
        guard let w = c.word else { return }
        c.advance()
        switch w {
        case "table":
            let ifExists = c.accept("if", "exists")
            while let n = c.qualifiedName() {
                if recordDestructive {
                    schema.recordDestructive(.dropTable, table: n, column: nil, source: src(s), fileIndex: fileIndex, sequence: sequence,
                                             ifExists: ifExists)
                }
                schema.dropTable(n.key)
                if !c.acceptSymbol(",") { break }
            }
        case "policy":
            _ = c.accept("if", "exists")
            if let p = c.name(), c.accept("on"), let t = c.qualifiedName() {
                schema.policies.removeAll { $0.name == p && $0.table.key == t.key }
            }
        case "index":
            _ = c.accept("concurrently")
            _ = c.accept("if", "exists")
            while let n = c.qualifiedName() {
                schema.dropIndex(n.name)
                if !c.acceptSymbol(",") { break }
            }
        case "function", "procedure":
            _ = c.accept("if", "exists")
            if let n = c.qualifiedName() { schema.functions.removeAll { $0.name.key == n.key } }
        case "view":
            _ = c.accept("if", "exists")
            if let n = c.qualifiedName() { schema.views.removeAll { $0.name.key == n.key } }
        default:
            break
        }
    }

    private mutating func truncate(_ c: inout SQLCursor) {
        let s = c.s
        c.advance()
        _ = c.accept("table")
        _ = c.accept("only")
        while let n = c.qualifiedName() {
            if recordDestructive {
                schema.recordDestructive(.truncate, table: n, column: nil, source: src(s), fileIndex: fileIndex, sequence: sequence)
            }
            if !c.acceptSymbol(",") { break }
        }
    }

    private mutating func delete(_ c: inout SQLCursor) {
        let s = c.s
        c.advance()
        guard c.accept("from") else { return }
        _ = c.accept("only")
        guard let n = c.qualifiedName() else { return }
        var depth = 0
        for k in c.i..<s.tokens.count {
            let t = s.tokens[k]
            if t.isSymbol("(") { depth += 1 } else if t.isSymbol(")") { depth -= 1 }
            if depth == 0 && (t.is("where") || t.is("using") || t.is("returning")) { return }
        }
        if recordDestructive {
            schema.recordDestructive(.deleteAll, table: n, column: nil, source: src(s), fileIndex: fileIndex, sequence: sequence)
        }
    }

    /// `INSERT INTO x … SELECT … FROM t` copies t's rows, which guards a later drop of t.
    private mutating func insert(_ c: inout SQLCursor) {
        recordCopies(c.s, from: 1)
    }

    private mutating func recordCopies(_ s: SQLStatement, from k: Int) {
        guard k < s.tokens.count, s.tokens[k...].contains(where: { $0.is("select") }) else { return }
        var c = SQLCursor(s)
        c.i = k
        while let t = c.token {
            if t.is("from") || t.is("join") {
                c.advance()
                if let n = c.qualifiedName() {
                    schema.noteCopy(from: n.key, fileIndex: fileIndex, sequence: sequence,
                                    words: Set(s.tokens.filter(\.isName).map { $0.text.lowercased() }))
                }
                continue
            }
            c.advance()
        }
    }

    // MARK: - GRANT / REVOKE

    private mutating func grant(_ c: inout SQLCursor) {
        let s = c.s
        let revoke = c.word == "revoke"
        c.advance()
        _ = c.accept("grant", "option", "for")
        var privileges: [String] = []
        while let t = c.token, !t.is("on") {
            if t.kind == .word && !["privileges"].contains(t.text) { privileges.append(t.text) }
            if t.isSymbol("("), let close = c.matching(c.i) { c.i = close + 1; continue }
            c.advance()
        }
        guard c.accept("on") else { return }
        var kind = "table"
        if c.accept("all") {
            let k = c.word ?? "tables"
            c.advance()
            kind = "all " + k
            _ = c.accept("in", "schema")
        } else if let w = c.word, ["table", "function", "procedure", "routine", "sequence", "schema", "view"].contains(w) {
            kind = w == "procedure" || w == "routine" ? "function" : w
            c.advance()
        }
        var objects: [SQLName] = []
        while let n = c.qualifiedName() {
            objects.append(n)
            if c.isSymbol("("), let close = c.matching(c.i) { c.i = close + 1 }
            if !c.acceptSymbol(",") { break }
        }
        guard c.accept(revoke ? "from" : "to") else { return }
        var roles: [String] = []
        while let r = c.token, r.isName {
            roles.append(r.kind == .quoted ? r.text.lowercased() : r.text)
            c.advance()
            if !c.acceptSymbol(",") { break }
        }
        schema.grants.append(SQLGrant(revoke: revoke, privileges: privileges, objectKind: kind, objects: objects, roles: roles, source: src(s)))
    }

    // MARK: - DO blocks

    /// `DO $$ … $$`: DDL inside a PL/pgSQL block (often guarded by IF NOT EXISTS) is read as if it stood alone,
    /// including `EXECUTE '…'` strings.
    private mutating func doBlock(_ s: SQLStatement) {
        guard let k = s.tokens.firstIndex(where: { $0.kind == .string }) else { return }
        let bodyOffset = s.stringBodyOffset(k)
        for inner in SQLReader.statements(sql: s.tokens[k].text, path: s.path, base: bodyOffset) {
            applyEmbedded(inner)
        }
    }

    private mutating func applyEmbedded(_ s: SQLStatement) {
        var depth = 0
        for (k, t) in s.tokens.enumerated() {
            if t.isSymbol("(") { depth += 1; continue }
            if t.isSymbol(")") { depth -= 1; continue }
            guard depth == 0 else { continue }
            if t.is("execute"), k + 1 < s.tokens.count {
                var j = k + 1
                if s.tokens[j].is("format"), j + 2 < s.tokens.count { j += 2 }
                if s.tokens[j].kind == .string {
                    for inner in SQLReader.statements(sql: s.tokens[j].text, path: s.path, base: s.stringBodyOffset(j)) { apply(inner) }
                }
                return
            }
            if t.kind == .word && ["create", "alter", "drop", "grant", "revoke", "truncate"].contains(t.text) {
                apply(s.suffix(from: k))
                return
            }
        }
    }
}

/// A position in a statement's tokens with the small vocabulary the parser needs.
struct SQLCursor {
    let s: SQLStatement
    var i: Int
    let end: Int

    static let tableConstraintStarts: Set<String> = ["primary", "unique", "foreign", "check", "exclude", "key", "index", "fulltext", "spatial", "like"]
    static let columnConstraintWords: Set<String> = [
        "not", "null", "primary", "unique", "references", "default", "check", "constraint", "generated", "collate",
        "auto_increment", "autoincrement", "comment", "identity",
    ]
    static let routineAttributeWords: Set<String> = [
        "language", "as", "security", "set", "immutable", "stable", "volatile", "strict", "leakproof", "parallel",
        "cost", "rows", "called", "begin", "external", "not", "support", "window", "return",
    ]

    init(_ s: SQLStatement, _ r: Range<Int>? = nil) {
        self.s = s
        self.i = r?.lowerBound ?? 0
        self.end = min(s.tokens.count, r?.upperBound ?? s.tokens.count)
    }

    var token: SQLToken? { i < end ? s.tokens[i] : nil }
    var word: String? { token.flatMap { $0.kind == .word ? $0.text : nil } }
    func peek(_ k: Int) -> SQLToken? { i + k < end ? s.tokens[i + k] : nil }
    func isWord(_ w: String) -> Bool { token?.is(w) == true }
    func isSymbol(_ x: String) -> Bool { token?.isSymbol(x) == true }
    mutating func advance() { i += 1 }

    /// Consumes the keywords `words` if they all come next.
    mutating func accept(_ words: String...) -> Bool {
        for (k, w) in words.enumerated() where !(i + k < end && s.tokens[i + k].is(w)) { return false }
        i += words.count
        return true
    }

    mutating func acceptSymbol(_ x: String) -> Bool {
        guard isSymbol(x) else { return false }
        i += 1
        return true
    }

    /// One identifier, normalised.
    mutating func name() -> String? {
        guard let t = token, t.isName || t.kind == .string else { return nil }
        i += 1
        return t.kind == .string ? t.text : SQLCursor.normal(t)
    }

    /// `name`, `schema.name` or `db.schema.name` (the last two parts kept).
    mutating func qualifiedName() -> SQLName? {
        guard let t = token, t.isName else { return nil }
        var parts = [SQLCursor.normal(t)]
        i += 1
        while isSymbol("."), let n = peek(1), n.isName {
            parts.append(SQLCursor.normal(n))
            i += 2
        }
        if parts.count == 1 { return SQLName(name: parts[0]) }
        return SQLName(schema: parts[parts.count - 2], name: parts[parts.count - 1])
    }

    /// `( a, b, … )` as names; consumes the list.
    mutating func columnList() -> [String] {
        guard isSymbol("("), let close = matching(i) else { return [] }
        var cols: [String] = []
        for el in split(i + 1, close) where !el.isEmpty {
            let t = s.tokens[el.lowerBound]
            cols.append(t.isName ? SQLCursor.normal(t) : s.text(from: el.lowerBound, through: el.upperBound - 1).lowercased())
        }
        i = close + 1
        return cols
    }

    /// Index of the `)` matching the `(` at `open`.
    func matching(_ open: Int) -> Int? {
        var depth = 0
        var k = open
        while k < s.tokens.count {
            let t = s.tokens[k]
            if t.isSymbol("(") { depth += 1 } else if t.isSymbol(")") {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }

    /// Token ranges between `a` and `b` separated by commas at depth 0.
    func split(_ a: Int, _ b: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var depth = 0
        var start = a
        var k = a
        while k < b {
            let t = s.tokens[k]
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 } else if t.isSymbol(")") || t.isSymbol("]") { depth -= 1 } else if depth == 0 && t.isSymbol(",") {
                out.append(start..<k)
                start = k + 1
            }
            k += 1
        }
        out.append(start..<b)
        return out
    }

    static func normal(_ t: SQLToken) -> String { t.text }
}
