import Foundation

/// One database call in JS/TS code: a supabase-js chain, a Prisma model call, a Drizzle query, a Knex
/// query-builder chain, a raw SQL query, a Firebase read or write, or (for N+1 detection only) a `fetch`.
public struct DBCall: Sendable, Hashable {
    public enum API: String, Sendable { case supabase, prisma, drizzle, knex, sql, firebase, http }
    public enum Op: String, Sendable { case read, readOne, count, insert, update, upsert, delete, rpc }

    public var api: API
    public var op: Op
    /// The table, model or collection as the code names it (a Drizzle variable, a Prisma accessor).
    public var table: String?
    /// Start of the whole expression (its receiver).
    public var start: Int
    /// Where findings point: the `.from(`, the model method, the function name.
    public var anchor: Int
    public var end: Int
    public var methods: [DBMethod]
    public var awaited: Bool
    /// Variables the result is bound to (`const { data: rows } = await …` → rows).
    public var boundNames: [String]
    /// Raw SQL text for raw queries; for Firestore calls, the query expression with its variables resolved.
    public var sql: String?

    public func method(_ name: String) -> DBMethod? { methods.first { $0.name == name } }
    public func has(_ name: String) -> Bool { methods.contains { $0.name == name } }
    public var isWrite: Bool { [.insert, .update, .upsert, .delete].contains(op) }
    public var isRead: Bool { [.read, .readOne, .count].contains(op) }
}

/// A `.name(args)` link of a call chain; `args` excludes the parentheses.
public struct DBMethod: Sendable, Hashable {
    public var name: String
    public var offset: Int
    public var args: Range<Int>
}

/// A value read from the database, changed in JS, and written back (a lost update under concurrency).
public struct ReadModifyWrite: Sendable {
    public var read: DBCall
    public var write: DBCall
    public var column: String
    /// Offset of the written value's key.
    public var offset: Int
    /// The value is lowered (`x - n`) rather than raised.
    public var decreases: Bool
}

/// A read whose result decides whether an insert happens (`if (existing) return; insert(…)`).
public struct CheckThenInsert: Sendable {
    public var read: DBCall
    public var insert: DBCall
    /// Columns the read filtered on (the natural key a unique constraint should cover).
    public var columns: [String]
}

/// A query executed once per element of a loop.
public struct QueryInLoop: Sendable {
    public var call: DBCall
    public var loop: JSLoop
    /// The loop iterates over the rows of an earlier query (or fetch) in the same function.
    public var source: DBCall?
    /// The query's arguments use the loop variable.
    public var perItem: Bool
}

/// The database calls of one JS/TS file and the patterns the concurrency and load collectors judge.
public struct DataAccessFile: Sendable {
    public let code: JSCode
    public let calls: [DBCall]
    /// Argument ranges of `$transaction(…)`, `db.transaction(…)`, `runTransaction(…)`, and functions that send BEGIN.
    public let transactions: [Range<Int>]
    /// The transactions among them that also stop lost updates: Firestore transactions (retried on conflict) and
    /// transactions opened with SERIALIZABLE or REPEATABLE READ isolation. A plain transaction runs at READ COMMITTED,
    /// where two transactions still read the same value.
    public let isolatingTransactions: [Range<Int>]
    /// `increment(`, `{ increment: n }`, `sql\`… + 1\``, `rpc(` calls: atomic updates done by the database.
    public let atomicUpdates: Int

    /// Literals that anchor database calls; collectors register them as rule literals and pass the hits here.
    public static let anchorLiterals: [String] = [
        ".from(", ".rpc(", ".insert(", ".update(", ".upsert(", ".delete(",
        ".findMany(", ".findFirst(", ".findUnique(", ".findFirstOrThrow(", ".findUniqueOrThrow(", ".create(", ".createMany(",
        ".updateMany(", ".deleteMany(", ".count(", ".aggregate(", ".groupBy(",
        ".query(", ".execute(", "sql`", "$queryRaw", "$executeRaw",
        "getDocs(", "getDoc(", "addDoc(", "setDoc(", "updateDoc(", "deleteDoc(", ".collection(", ".raw(",
    ] + knexLiterals

    /// Knex query roots under their common names: `knex('items')`, `db("orders")`, `trx(`…`)`.
    static let knexRoots: [String] = ["knex", "db", "trx", "tx", "pg", "database"]
    static let knexLiterals: [String] = knexRoots.flatMap { r in ["'", "\"", "`"].map { r + "(" + $0 } }
    static let knexLiteralSet = Set(knexLiterals)

    /// The anchor hits of a file: rule hits whose bytes are one of `literals`.
    public static func anchors(_ file: ScannedFile, literals: Set<String>) -> [(offset: Int, literal: String)] {
        var out: [(Int, String)] = []
        var last = -1
        for h in file.hits {
            let o = Int(h.offset), l = Int(h.length)
            guard o != last, o + l <= file.bytes.count, file.kind(at: o) == .code else { continue }
            let s = String(decoding: file.bytes[o..<(o + l)], as: UTF8.self)
            if literals.contains(s) {
                out.append((o, s))
                last = o
            }
        }
        return out
    }

    public init(_ file: ScannedFile, anchors: [(offset: Int, literal: String)], includeFetch: Bool = false) {
        let code = JSCode(file)
        self.code = code
        var calls: [DBCall] = []
        var covered: [Range<Int>] = []
        var list = anchors
        if includeFetch {
            for o in code.occurrences("fetch(", in: 0..<file.bytes.count) where o == 0 || !ByteClass.isIdentifier(file.bytes[o - 1]) {
                list.append((o, "fetch("))
            }
        }
        list.sort { $0.offset < $1.offset }
        for (o, lit) in list {
            if covered.contains(where: { $0.contains(o) }) { continue }
            guard let c = DataAccessFile.call(code, at: o, literal: lit) else { continue }
            calls.append(c)
            covered.append(c.start..<max(c.end, c.start + 1))
        }
        self.calls = calls

        var tx: [Range<Int>] = []
        var isolating: [Range<Int>] = []
        var atomic = 0
        for (o, needle) in DataAccessFile.markers(code) {
            if needle.hasSuffix("crement:") || needle.hasPrefix("FieldValue") || needle == "increment(" {
                atomic += 1
                continue
            }
            let p = o + needle.utf8.count - 1
            guard let c = code.close(p) else { continue }
            if needle == ".transaction(" && code.skipSpace(p + 1) >= c {
                // Knex `const trx = await db.transaction()`: the transaction runs until the function ends (commit/rollback).
                tx.append(p..<(code.function(containing: p)?.upperBound ?? code.bytes.count))
                continue
            }
            tx.append(p..<c)
            let options = code.splitTopLevel(p + 1, c).dropFirst().map { code.text($0).lowercased() }.joined()
            if needle == "runTransaction(" || options.hasSubstring("serializable") || options.hasSubstring("repeatable") { isolating.append(p..<c) }
        }
        for c in calls where c.api == .sql {
            let w = (c.sql ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if w.hasPrefix("begin") || w.hasPrefix("start transaction"), let f = code.function(containing: c.anchor) { tx.append(f) }
        }
        self.transactions = tx
        self.isolatingTransactions = isolating
        self.atomicUpdates = atomic + calls.filter { $0.op == .rpc }.count
    }

    public var file: ScannedFile { code.file }

    /// Transaction openers and atomic-update markers in the code, found by their distinctive middles.
    private static func markers(_ code: JSCode) -> [(Int, String)] {
        var out: [(Int, String)] = []
        let b = code.bytes
        func each(_ needle: String, _ body: (Int) -> Void) {
            for o in code.occurrences(needle, in: 0..<b.count, wordStart: false) { body(o) }
        }
        func has(_ s: String, at o: Int) -> Bool {
            let n = Array(s.utf8)
            guard o >= 0, o + n.count <= b.count else { return false }
            for (j, c) in n.enumerated() where b[o + j] != c { return false }
            return true
        }
        each("ransaction(") { o in
            for p in ["$transaction(", ".transaction(", "runTransaction(", "withTransaction("] {
                let start = o - (p.utf8.count - 11)
                if has(p, at: start),
                   p.first == "$" || p.first == "." || start == 0 || !ByteClass.isIdentifier(b[start - 1]) {
                    out.append((start, p))
                    break
                }
            }
        }
        each(".begin(") { o in out.append((o, ".begin(")) }
        each("crement") { o in
            if has("increment(", at: o - 2) || has("decrement(", at: o - 2) || has("increment:", at: o - 2) || has("decrement:", at: o - 2) {
                out.append((o - 2, "increment:"))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// A call runs in a transaction when it sits in one's callback (or after `db.transaction()` in its function), or is a
    /// Knex chain with `.transacting(trx)`.
    public func inTransaction(_ c: DBCall) -> Bool { transactions.contains { $0.contains(c.anchor) } || c.has("transacting") }

    /// Whether a read-then-write pair cannot lose an update: the read locks its row (`FOR UPDATE`, Drizzle `.for('update')`,
    /// Knex `.forUpdate()`) inside the write's transaction, or the transaction is isolating (serializable, Firestore).
    public func isProtected(read r: DBCall, write w: DBCall) -> Bool {
        if isolatingTransactions.contains(where: { $0.contains(w.anchor) && $0.contains(r.anchor) }) { return true }
        let together = transactions.contains(where: { $0.contains(w.anchor) && $0.contains(r.anchor) })
            || r.has("transacting") && w.has("transacting") && scope(r) == scope(w)
        guard together else { return false }
        let sql = (r.sql ?? "").lowercased()
        return r.methods.contains { $0.name == "for" || $0.name == "forUpdate" || $0.name == "forShare" }
            || sql.hasSubstring("for update") || sql.hasSubstring("for no key update") || sql.hasSubstring("for share")
    }

    /// The function body around a call (the whole file for module-level code).
    public func scope(_ c: DBCall) -> Range<Int> { code.function(containing: c.anchor) ?? 0..<code.bytes.count }

    // MARK: - Call recognition

    private static let prismaOps: [String: DBCall.Op] = [
        "findMany": .read, "findFirst": .readOne, "findUnique": .readOne, "findFirstOrThrow": .readOne, "findUniqueOrThrow": .readOne,
        "count": .count, "aggregate": .count, "groupBy": .count, "create": .insert, "createMany": .insert, "update": .update,
        "updateMany": .update, "upsert": .upsert, "delete": .delete, "deleteMany": .delete,
    ]
    private static let prismaParents: Set<String> = ["prisma", "db", "tx", "trx", "client", "database", "prismaClient", "ctx", "orm"]
    private static let drizzleRoots: Set<String> = ["db", "tx", "trx", "database", "conn", "client", "drizzle", "orm"]
    private static let sqlRoots: Set<String> = ["pool", "client", "db", "conn", "connection", "pg", "tx", "trx", "database", "sql", "knex", "mysql", "sqlite"]
    private static let nonDBReceivers: Set<String> = ["Array", "Buffer", "Object", "Uint8Array", "Promise", "Readable", "Observable", "Stream", "Set", "Map", "Date"]

    static func call(_ code: JSCode, at o: Int, literal: String) -> DBCall? {
        let b = code.bytes
        if knexLiteralSet.contains(literal) { return knexCall(code, at: o, rootLength: literal.utf8.count - 2) }
        switch literal {
        case ".from(":
            let start = receiverStart(code, dot: o)
            let receiver = code.text(start..<o)
            if receiver.hasSubstring(".storage") || nonDBReceivers.contains(receiver.trimmingCharacters(in: .whitespaces)) { return nil }
            let (methods, end) = chain(code, from: o)
            guard let from = methods.first else { return nil }
            let argStart = from.args.lowerBound
            if (receiver.hasSubstring(".select(") || receiver.hasSubstring(".selectDistinct(")) && code.stringLiteral(at: argStart) == nil {
                let t = code.identifier(at: argStart).map { id -> String in
                    let txt = code.text(from.args).trimmingCharacters(in: .whitespacesAndNewlines)
                    return txt.split(separator: ".").last.map(String.init) ?? id
                }
                var c = make(code, .drizzle, .read, t, start: start, anchor: o + 1, end: end, methods: methods)
                c.methods = receiverMethods(code, start, o) + methods
                return c
            }
            guard let table = code.stringLiteral(at: argStart) else { return nil }
            if isKnexFrom(code, receiver: receiver, methods: methods) {
                guard let op = knexOp(code, methods.dropFirst()) else { return nil }
                var c = make(code, .knex, op, knexTable(table), start: start, anchor: o + 1, end: end, methods: methods)
                c.methods = receiverMethods(code, start, o) + methods
                if c.op == .read && c.methods.contains(where: { $0.name == "first" }) { c.op = .readOne }
                return c
            }
            var op: DBCall.Op?
            for m in methods.dropFirst() {
                switch m.name {
                case "insert": op = .insert
                case "upsert": op = .upsert
                case "update": op = .update
                case "delete": op = .delete
                case "select":
                    let args = code.text(m.args)
                    op = args.hasSubstring("head: true") || args.hasSubstring("head:true") ? .count : .read
                default: continue
                }
                break
            }
            guard var resolved = op else { return nil }
            if resolved == .read && methods.contains(where: { $0.name == "single" || $0.name == "maybeSingle" }) { resolved = .readOne }
            return make(code, .supabase, resolved, table, start: start, anchor: o + 1, end: end, methods: methods)
        case ".rpc(":
            let start = receiverStart(code, dot: o)
            let (methods, end) = chain(code, from: o)
            guard let m = methods.first else { return nil }
            return make(code, .supabase, .rpc, code.stringLiteral(at: m.args.lowerBound), start: start, anchor: o + 1, end: end, methods: methods)
        case ".query(", ".execute(", ".raw(":
            let start = receiverStart(code, dot: o)
            let root = rootSegments(code.text(start..<o))
            guard let last = root.last, sqlRoots.contains(last) || last.lowercased().hasSubstring("pool") || last.lowercased().hasSubstring("db") else { return nil }
            let (methods, end) = chain(code, from: o)
            guard let m = methods.first, let sql = sqlText(code, m.args.lowerBound) else { return nil }
            return rawCall(code, sql, start: start, anchor: o + 1, end: end, methods: methods)
        case "sql`", "$queryRaw", "$executeRaw":
            var i = o + literal.utf8.count - (literal == "sql`" ? 1 : 0)
            if literal != "sql`" && code.identifier(at: i) == "Unsafe" { i += 6 }
            guard i < b.count else { return nil }
            var argsEnd = i
            let sql: String?
            if b[i] == 0x60 {
                argsEnd = templateEnd(code, i)
                sql = String(decoding: b[(i + 1)..<max(i + 1, argsEnd - 1)], as: UTF8.self)
            } else if b[i] == 0x28, let c = code.close(i) {
                argsEnd = c + 1
                sql = sqlText(code, code.skipSpace(i + 1))
            } else {
                return nil
            }
            guard let s = sql else { return nil }
            let start = literal == "sql`" ? o : receiverStart(code, dot: o - 1 >= 0 && b[o - 1] == 0x2E ? o - 1 : o)
            let m = DBMethod(name: literal.trimmingCharacters(in: CharacterSet(charactersIn: "`")), offset: o, args: (i + 1)..<max(i + 1, argsEnd - 1))
            return rawCall(code, s, start: start, anchor: o, end: argsEnd, methods: [m])
        case "getDocs(", "getDoc(", "addDoc(", "setDoc(", "updateDoc(", "deleteDoc(":
            if o > 0 && (ByteClass.isIdentifier(b[o - 1]) || b[o - 1] == 0x2E) { return nil }
            let p = o + literal.utf8.count - 1
            guard let close = code.close(p) else { return nil }
            let ops: [String: DBCall.Op] = ["getDocs(": .read, "getDoc(": .readOne, "addDoc(": .insert, "setDoc(": .upsert,
                                            "updateDoc(": .update, "deleteDoc(": .delete]
            let m = DBMethod(name: String(literal.dropLast()), offset: o, args: (p + 1)..<close)
            let (collection, text) = firestoreQuery(code, m.args, before: o)
            var c = make(code, .firebase, ops[literal]!, collection, start: o, anchor: o, end: close + 1, methods: [m])
            c.sql = text
            return c
        case ".collection(":
            let start = receiverStart(code, dot: o)
            let (methods, end) = chain(code, from: o)
            guard let first = methods.first, let table = code.stringLiteral(at: first.args.lowerBound) else { return nil }
            var op: DBCall.Op?
            for m in methods.dropFirst() {
                switch m.name {
                case "add": op = .insert
                case "set": op = .upsert
                case "update": op = .update
                case "delete": op = .delete
                case "get", "onSnapshot": op = methods.contains { $0.name == "doc" } ? .readOne : .read
                default: continue
                }
                break
            }
            guard let resolved = op else { return nil }
            return make(code, .firebase, resolved, table, start: start, anchor: o + 1, end: end, methods: methods)
        case "fetch(":
            if o > 0 && ByteClass.isIdentifier(b[o - 1]) { return nil }
            guard let close = code.close(o + 5) else { return nil }
            let m = DBMethod(name: "fetch", offset: o, args: (o + 6)..<close)
            return make(code, .http, .read, nil, start: o, anchor: o, end: close + 1, methods: [m])
        default:
            // Prisma model calls, Drizzle writes, Drizzle relational queries.
            let name = String(literal.dropFirst().dropLast())
            let start = receiverStart(code, dot: o)
            let receiver = code.text(start..<o)
            if receiver.hasSubstring(".from(") { return nil }
            let segs = rootSegments(receiver)
            let (methods, end) = chain(code, from: o)
            guard let first = methods.first else { return nil }
            if name == "insert", let last = segs.last, knexRoots.contains(last),
               let into = methods.first(where: { $0.name == "into" }), let t = code.stringLiteral(at: code.skipSpace(into.args.lowerBound)) {
                return make(code, .knex, methods.contains { $0.name == "merge" } ? .upsert : .insert, knexTable(t), start: start, anchor: o + 1, end: end, methods: methods)
            }
            if ["insert", "update", "delete"].contains(name), segs.count <= 2, let last = segs.last, drizzleRoots.contains(last),
               let t = code.identifier(at: first.args.lowerBound) {
                let op: DBCall.Op = name == "insert" ? (methods.contains { $0.name.hasPrefix("onConflict") } ? .upsert : .insert)
                    : name == "update" ? .update : .delete
                return make(code, .drizzle, op, t, start: start, anchor: o + 1, end: end, methods: methods)
            }
            guard let op = prismaOps[name], segs.count >= 2 else { return nil }
            let model = segs[segs.count - 1]
            let parent = segs[segs.count - 2]
            guard let f = model.first, f.isLetter, f.isLowercase || parent == "query" else { return nil }
            if parent == "query" && segs.count >= 3 {
                return make(code, .drizzle, op, model, start: start, anchor: o + 1, end: end, methods: methods)
            }
            guard prismaParents.contains(parent) || parent.lowercased().hasSubstring("prisma") else { return nil }
            return make(code, .prisma, op, model, start: start, anchor: o + 1, end: end, methods: methods)
        }
    }

    /// A Knex chain `root('table').m(…)…` whose root identifier starts at `o` (`db` of `db('items')`). A builder kept in a
    /// variable to be extended later (`const q = db('items')`) is not a query yet and is skipped.
    static func knexCall(_ code: JSCode, at o: Int, rootLength: Int) -> DBCall? {
        let b = code.bytes
        guard o + rootLength < b.count else { return nil }
        if o > 0 && (ByteClass.isIdentifier(b[o - 1]) || b[o - 1] == 0x24) { return nil }
        // exact case: the literal matched case-folded
        for j in o..<(o + rootLength) where b[j] < 0x61 || b[j] > 0x7A { return nil }
        let p = o + rootLength
        guard b[p] == 0x28, let close = code.close(p) else { return nil }
        let a = code.skipSpace(p + 1)
        guard let raw = code.stringLiteral(at: a), !raw.isEmpty else { return nil }
        // one argument, a table name (`'items'`, `'public.items'`, `'items as i'`), not SQL or a message
        guard code.splitTopLevel(p + 1, close).count == 1 else { return nil }
        for c in raw.utf8 where !(ByteClass.isIdentifier(c) || c == 0x2E || c == 0x20) { return nil }
        let table = knexTable(raw)
        guard !table.isEmpty, !raw.hasSubstring("  ") else { return nil }
        if raw.hasSubstring(" ") && !raw.lowercased().hasSubstring(" as ") { return nil }
        let start = o > 0 && b[o - 1] == 0x2E ? receiverStart(code, dot: o - 1) : o
        let (methods, end) = chain(code, from: code.skipSpace(close + 1))
        // `tx('welcome')` of an i18n helper, `db('x').toString()`: a Knex chain starts with a query-builder method, or
        // is awaited bare (`await db('items')` reads every row); a builder passed along (`query(db('items'))`) is no query.
        if let first = methods.first {
            guard isKnexMethod(first.name) else { return nil }
        }
        guard let op = knexOp(code, methods[...]) else { return nil }
        let c = make(code, .knex, op, table, start: start, anchor: o, end: max(end, close + 1), methods: methods)
        if methods.isEmpty && !c.awaited { return nil }
        if !c.awaited && !c.boundNames.isEmpty && c.isRead && !methods.contains(where: { $0.name == "then" }) { return nil }
        return c
    }

    static func isKnexMethod(_ name: String) -> Bool {
        knexMethods.contains(name) || name.hasPrefix("where") || name.hasPrefix("orWhere") || name.hasPrefix("andWhere") || name.hasSuffix("Join")
    }

    private static let knexMethods: Set<String> = [
        "select", "first", "insert", "update", "del", "delete", "upsert", "increment", "decrement", "count", "countDistinct", "sum",
        "sumDistinct", "avg", "avgDistinct", "min", "max", "pluck", "orderBy", "orderByRaw", "groupBy", "having", "limit", "offset",
        "join", "distinct", "distinctOn", "returning", "forUpdate", "forShare", "forNoKeyUpdate", "skipLocked", "noWait", "transacting",
        "modify", "columns", "column", "truncate", "onConflict", "as", "clearSelect", "with", "union", "then", "timeout", "forPage", "paginate",
    ]

    /// Knex reads name a table; `'items as i'` → items, `'public.items'` → public.items.
    static func knexTable(_ raw: String) -> String {
        String(raw.split(separator: " ").first ?? Substring(raw))
    }

    /// The operation of a Knex chain's methods; nil for schema builder chains.
    static func knexOp(_ code: JSCode, _ methods: ArraySlice<DBMethod>) -> DBCall.Op? {
        var aggregate = false, one = false
        for m in methods {
            switch m.name {
            case "insert": return methods.contains { $0.name == "merge" } ? .upsert : .insert
            case "upsert": return .upsert
            case "update", "increment", "decrement": return .update
            case "del", "delete", "truncate": return .delete
            case "count", "countDistinct", "sum", "sumDistinct", "avg", "avgDistinct", "min", "max": aggregate = true
            case "first": one = true
            case "createTable", "alterTable", "dropTable", "hasTable", "hasColumn", "columnInfo": return nil
            default: continue
            }
        }
        return aggregate ? .count : one ? .readOne : .read
    }

    /// `knex.from('items')`, `db.select('*').from('items')`: Knex, not supabase-js, when a select precedes `from`, the
    /// root is a Knex name other than `db`, or the chain uses Knex methods and none of supabase-js's.
    private static func isKnexFrom(_ code: JSCode, receiver: String, methods: [DBMethod]) -> Bool {
        let segs = rootSegments(receiver)
        guard let root = segs.first, knexRoots.contains(root) || root == "k" else { return false }
        if methods.contains(where: { supabaseOnly.contains($0.name) }) { return false }
        if receiver.hasSubstring(".select(") || root == "knex" || root == "trx" { return true }
        return methods.contains { knexOnly.contains($0.name) }
    }

    private static let supabaseOnly: Set<String> = ["eq", "neq", "single", "maybeSingle", "order", "range", "match", "ilike", "is", "upsert", "rpc", "csv"]
    private static let knexOnly: Set<String> = ["where", "andWhere", "orWhere", "whereIn", "whereNot", "whereNull", "first", "orderBy", "del",
                                               "leftJoin", "innerJoin", "join", "pluck", "increment", "decrement", "forUpdate", "transacting", "returning"]

    private static func make(_ code: JSCode, _ api: DBCall.API, _ op: DBCall.Op, _ table: String?, start: Int, anchor: Int, end: Int,
                             methods: [DBMethod]) -> DBCall {
        let (awaited, names) = binding(code, start)
        return DBCall(api: api, op: op, table: table, start: start, anchor: anchor, end: end, methods: methods, awaited: awaited,
                      boundNames: names, sql: nil)
    }

    private static func rawCall(_ code: JSCode, _ sql: String, start: Int, anchor: Int, end: Int, methods: [DBMethod]) -> DBCall? {
        let words = sql.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." && $0 != "\"" })
            .map(String.init)
        guard let first = words.first else { return nil }
        let op: DBCall.Op
        var table: String?
        func after(_ w: String) -> String? {
            guard let i = words.firstIndex(of: w), i + 1 < words.count else { return nil }
            return words[i + 1].replacingOccurrences(of: "\"", with: "").split(separator: ".").last.map(String.init)
        }
        switch first {
        case "select", "with":
            let isAggregate = ["count(", "sum(", "avg(", "max(", "min(", "exists("].contains { sql.lowercased().hasSubstring($0) }
                && !sql.lowercased().hasSubstring("group by")
            op = isAggregate ? .count : .read
            table = after("from")
        case "insert": op = .insert; table = after("into")
        case "update": op = .update; table = after("update")
        case "delete": op = .delete; table = after("from")
        case "begin", "start", "commit", "rollback":
            op = .rpc
        default: return nil
        }
        let (awaited, names) = binding(code, start)
        return DBCall(api: .sql, op: op, table: table, start: start, anchor: anchor, end: end, methods: methods, awaited: awaited,
                      boundNames: names, sql: sql)
    }

    /// Text of a SQL string argument ('…', "…" or a template), or nil when the argument is not a literal.
    private static func sqlText(_ code: JSCode, _ at: Int) -> String? {
        let b = code.bytes
        guard at < b.count else { return nil }
        if b[at] == 0x60 {
            let e = templateEnd(code, at)
            return String(decoding: b[(at + 1)..<max(at + 1, e - 1)], as: UTF8.self)
        }
        return code.stringLiteral(at: at)
    }

    /// Offset just past the closing backtick of the template starting at `at`.
    private static func templateEnd(_ code: JSCode, _ at: Int) -> Int {
        let b = code.bytes
        var j = at + 1
        while j < b.count {
            if b[j] == 0x5C { j += 2; continue }
            if b[j] == 0x60 { return j + 1 }
            if b[j] == 0x24 && j + 1 < b.count && b[j + 1] == 0x7B {
                var depth = 0
                var k = j + 1
                while k < b.count {
                    if b[k] == 0x7B { depth += 1 } else if b[k] == 0x7D { depth -= 1; if depth == 0 { break } }
                    k += 1
                }
                j = k + 1
                continue
            }
            j += 1
        }
        return b.count
    }

    /// The collection a Firestore call reads or writes and the whole query expression, with variables resolved through
    /// earlier assignments (`const q = query(col, where(…))`, `const col = collection(db, 'orders')`), up to three levels.
    private static func firestoreQuery(_ code: JSCode, _ args: Range<Int>, before: Int) -> (String?, String) {
        var text = code.text(args)
        var frontier = [(args, before)]
        var seen = Set<String>()
        for _ in 0..<3 {
            var next: [(Range<Int>, Int)] = []
            for (r, limit) in frontier {
                for id in JSCode.identifiers(in: code.text(r)) where !seen.contains(id) && id.first?.isLowercase == true {
                    seen.insert(id)
                    let defs = code.occurrences(id, in: 0..<limit).filter { d in
                        let k = code.skipSpace(d + id.utf8.count)
                        return k + 1 < code.bytes.count && code.bytes[k] == 0x3D && code.bytes[k + 1] != 0x3D && code.bytes[k + 1] != 0x3E
                            && (d + id.utf8.count >= code.bytes.count || !ByteClass.isIdentifier(code.bytes[d + id.utf8.count]))
                    }
                    guard let d = defs.last else { continue }
                    let k = code.skipSpace(d + id.utf8.count)
                    let s = code.skipSpace(k + 1)
                    let e = JSCode.expressionEnd(code.bytes, s, closeOf: code.closeOf, regions: code.file.regions)
                    guard e > s else { continue }
                    text += " " + code.text(s..<e)
                    next.append((s..<e, d))
                }
            }
            frontier = next
            if frontier.isEmpty { break }
        }
        var collection: String?
        for fn in ["collectionGroup(", "collection(", "doc("] {
            guard let r = text.range(of: fn) else { continue }
            let rest = text[r.upperBound...]
            var literals: [String] = []
            var depth = 1
            var i = rest.startIndex
            while i < rest.endIndex && depth > 0 {
                let ch = rest[i]
                if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 } else if depth == 1 && (ch == "'" || ch == "\"" || ch == "`") {
                    let after = rest.index(after: i)
                    if let close = rest[after...].firstIndex(of: ch) {
                        literals.append(String(rest[after..<close]))
                        i = close
                    }
                }
                i = rest.index(after: i)
            }
            if let name = fn == "doc(" ? literals.first : literals.last {
                collection = name.split(separator: "/").last.map(String.init) ?? name
                break
            }
        }
        return (collection, text)
    }

    /// Start of the receiver expression that ends at the `.` at `dot`.
    static func receiverStart(_ code: JSCode, dot: Int) -> Int {
        let b = code.bytes
        var start = dot
        var k = dot - 1
        while true {
            k = code.skipSpaceBack(k)
            guard k >= 0 else { break }
            let c = b[k]
            if c == 0x21 { k -= 1; continue }  // TS non-null `!`
            if c == 0x29 || c == 0x5D {
                guard let o = code.open(k) else { break }
                start = o
                let j = code.skipSpaceBack(o - 1)
                if j >= 0 && ByteClass.isIdentifier(b[j]) {
                    var s = j
                    while s > 0 && ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
                    let w = String(decoding: b[s...j], as: UTF8.self)
                    if ["await", "return", "typeof", "yield", "in", "of"].contains(w) { break }
                    start = s
                    k = s - 1
                } else {
                    k = o - 1
                }
            } else if ByteClass.isIdentifier(c) {
                var s = k
                while s > 0 && ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
                let w = String(decoding: b[s...k], as: UTF8.self)
                if ["await", "return", "typeof", "yield", "new", "in", "of", "case"].contains(w) { break }
                start = s
                k = s - 1
            } else {
                break
            }
            let p = code.skipSpaceBack(k)
            guard p >= 0, b[p] == 0x2E else { break }
            k = p - 1
            if k >= 0 && b[k] == 0x3F { k -= 1 }
        }
        return start
    }

    /// Methods `.a(…).b(…)` from the `.` at `dot` on, and the offset just past the last call.
    static func chain(_ code: JSCode, from dot: Int) -> ([DBMethod], Int) {
        let b = code.bytes
        var methods: [DBMethod] = []
        var i = dot
        var end = dot
        while i < b.count {
            var j = i
            if b[j] == 0x3F && j + 1 < b.count && b[j + 1] == 0x2E { j += 1 }
            guard b[j] == 0x2E else { break }
            j = code.skipSpace(j + 1)
            guard let name = code.identifier(at: j) else { break }
            j += name.utf8.count
            j = code.skipSpace(j)
            if j < b.count && b[j] == 0x3C {
                var depth = 0
                while j < b.count {
                    if b[j] == 0x3C { depth += 1 } else if b[j] == 0x3E { depth -= 1; if depth == 0 { j += 1; break } }
                    j += 1
                }
                j = code.skipSpace(j)
            }
            guard j < b.count, b[j] == 0x28, let c = code.close(j) else { break }
            methods.append(DBMethod(name: name, offset: i, args: (j + 1)..<c))
            end = c + 1
            i = code.skipSpace(c + 1)
            if i < b.count && b[i] == 0x21 { i += 1 }
        }
        return (methods, end)
    }

    /// Methods called inside a receiver (`db.select().from(t)` → select).
    private static func receiverMethods(_ code: JSCode, _ start: Int, _ end: Int) -> [DBMethod] {
        var out: [DBMethod] = []
        var i = start
        while i < end {
            if code.bytes[i] == 0x2E {
                let (m, e) = chain(code, from: i)
                if let f = m.first { out.append(f); i = max(i + 1, e); continue }
            }
            i += 1
        }
        return out
    }

    /// Identifier segments of a receiver, calls and non-null marks removed (`ctx.prisma!.user` → ctx, prisma, user).
    static func rootSegments(_ receiver: String) -> [String] {
        receiver.split(separator: ".").map { seg in
            String(seg.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
        }.filter { !$0.isEmpty }
    }

    /// Whether the expression starting at `start` is awaited, and the names its result is bound to.
    static func binding(_ code: JSCode, _ start: Int) -> (Bool, [String]) {
        let b = code.bytes
        var p = code.skipSpaceBack(start - 1)
        var awaited = false
        if p >= 0, let (w, s) = code.identifier(endingAt: p + 1), w == "await" {
            awaited = true
            p = code.skipSpaceBack(s - 1)
        }
        guard p >= 1, b[p] == 0x3D, b[p - 1] != 0x3D, b[p - 1] != 0x21, b[p - 1] != 0x3C, b[p - 1] != 0x3E else { return (awaited, []) }
        var j = code.skipSpaceBack(p - 1)
        guard j >= 0 else { return (awaited, []) }
        if b[j] == 0x7D || b[j] == 0x5D, let o = code.open(j) {
            var names: [String] = []
            for part in code.splitTopLevel(o + 1, j) {
                let t = code.text(part)
                let rhs = t.split(separator: ":", maxSplits: 1).last.map(String.init) ?? t
                if let id = JSCode.identifiers(in: rhs.split(separator: "=").first.map(String.init) ?? rhs).first,
                   id != "error", id != "err" {
                    names.append(id)
                }
            }
            return (awaited, names)
        }
        // `const x: Type = …`: skip a type annotation back to the name.
        var scan = j
        var depth = 0
        while scan > 0 && scan > j - 200 {
            let c = b[scan]
            if c == 0x3E || c == 0x5D || c == 0x29 { depth += 1 } else if c == 0x3C || c == 0x5B || c == 0x28 { depth -= 1 }
            if depth == 0 && c == 0x3A { j = code.skipSpaceBack(scan - 1); break }
            if depth == 0 && (c == 0x3B || c == 0x0A || c == 0x7B || c == 0x7D) { break }
            scan -= 1
        }
        if let (id, _) = code.identifier(endingAt: j + 1) { return (awaited, [id]) }
        return (awaited, [])
    }

    // MARK: - Patterns

    static let supabaseFilters: Set<String> = [
        "eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "is", "in", "contains", "containedBy", "match", "filter", "or",
        "not", "textSearch", "overlaps", "rangeGt", "rangeLt", "rangeGte", "rangeLte", "rangeAdjacent", "likeAllOf", "likeAnyOf",
        "ilikeAllOf", "ilikeAnyOf",
    ]

    /// Whether a read returns a bounded number of rows (limit, range, single row, page size).
    public func isBounded(_ c: DBCall) -> Bool {
        switch c.api {
        case .supabase:
            return c.op != .read || c.methods.contains { ["limit", "range", "single", "maybeSingle"].contains($0.name) }
        case .prisma:
            guard c.op == .read else { return true }
            return entries(c).contains { $0.key == "take" || $0.key == "first" || $0.key == "cursor" }
        case .drizzle:
            return c.op != .read || c.methods.contains { $0.name == "limit" } || entries(c).contains { $0.key == "limit" }
        case .knex:
            return c.op != .read || c.methods.contains { ["limit", "first", "paginate", "forPage"].contains($0.name) }
        case .sql:
            let s = (c.sql ?? "").lowercased()
            return c.op != .read || s.hasSubstring(" limit ") || s.hasSubstring("\nlimit") || s.hasSubstring(" limit\n") || s.hasSubstring("fetch first")
        case .firebase:
            let t = c.sql ?? ""
            return c.op != .read || c.methods.contains { $0.name == "limit" || $0.name == "limitToLast" } || t.hasSubstring("limit(") || t.hasSubstring("limitToLast(")
        case .http:
            return true
        }
    }

    /// Whether a read is filtered at all (an unconditional WHERE/eq); conditional filters (`where: id ? {id} : {}`,
    /// `x ?? undefined`) do not count.
    public func isFiltered(_ c: DBCall) -> Bool {
        switch c.api {
        case .supabase:
            return c.methods.contains { DataAccessFile.supabaseFilters.contains($0.name) }
        case .prisma:
            guard let w = entries(c).first(where: { $0.key == "where" }) else { return false }
            let t = code.text(w.value).replacingOccurrences(of: " ", with: "")
            if t == "{}" || t.hasSuffix(":{}") || t.hasSubstring("?{}:") || t.hasSubstring("??undefined") || t.hasSubstring("||undefined") { return false }
            return true
        case .drizzle:
            return c.methods.contains { $0.name == "where" } || entries(c).contains { $0.key == "where" }
        case .knex:
            // `where*`, `andWhere`, `orWhere…`, `having`, and `modify(fn)` (which usually adds the filters)
            return c.methods.contains { m in m.name.lowercased().hasSubstring("where") || m.name == "having" || m.name == "modify" }
        case .sql:
            return (c.sql ?? "").lowercased().hasSubstring("where")
        case .firebase:
            // An unresolved collection or spread constraints (`query(col, ...constraints)`) may well be filtered.
            let t = c.sql ?? ""
            return c.table == nil || c.methods.contains { $0.name == "where" || $0.name == "doc" } || t.hasSubstring("where(") || t.hasSubstring("...")
        case .http:
            return true
        }
    }

    /// `select('*')`, `select()` or `SELECT *`.
    public func selectsStar(_ c: DBCall) -> Bool {
        switch c.api {
        case .supabase:
            guard let s = c.method("select") else { return false }
            let t = code.text(s.args).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty || t.hasPrefix("'*") || t.hasPrefix("\"*") || t.hasPrefix("`*")
        case .sql:
            return (c.sql ?? "").lowercased().replacingOccurrences(of: "\n", with: " ").hasSubstring("select * ")
        case .knex:
            guard let s = c.method("select") else { return !c.has("pluck") && !c.has("columns") }
            let t = code.text(s.args).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty || t.hasPrefix("'*") || t.hasPrefix("\"*")
        default:
            return false
        }
    }

    /// Top-level keys of the first object argument of a Prisma/Drizzle call.
    public func entries(_ c: DBCall) -> [(key: String, keyOffset: Int, value: Range<Int>)] {
        guard let m = c.methods.first else { return [] }
        let s = code.skipSpace(m.args.lowerBound)
        guard s < code.bytes.count, code.bytes[s] == 0x7B else { return [] }
        return code.objectEntries(s)
    }

    /// Columns a read filters on: `.eq('col', …)`, `.match({col: …})`, Prisma `where: { col }`, Drizzle `eq(t.col, …)`,
    /// Firestore `where('col', …)`.
    public func filterColumns(_ c: DBCall) -> [String] {
        var out: [String] = []
        switch c.api {
        case .supabase:
            for m in c.methods where ["eq", "is", "in", "match"].contains(m.name) {
                let parts = code.splitTopLevel(m.args.lowerBound, m.args.upperBound)
                guard let first = parts.first else { continue }
                if m.name == "match" {
                    if code.bytes[first.lowerBound] == 0x7B {
                        out += code.objectEntries(first.lowerBound).filter { !isLiteral($0.value) }.map(\.key)
                    }
                } else if let col = code.stringLiteral(at: first.lowerBound), parts.count >= 2, !isLiteral(parts[1]) {
                    out.append(col)
                }
            }
        case .prisma:
            if let w = entries(c).first(where: { $0.key == "where" }), code.bytes[w.value.lowerBound] == 0x7B {
                for e in code.objectEntries(w.value.lowerBound) where !isLiteral(e.value) {
                    if code.bytes[e.value.lowerBound] == 0x7B {
                        // compound unique input `doctorId_startsAt: { doctorId, startsAt }`; operator objects (`{ gte: x }`) are not keys
                        let inner = code.objectEntries(e.value.lowerBound)
                        if e.key.hasSubstring("_") && !inner.contains(where: { ["gte", "gt", "lte", "lt", "in", "not", "contains"].contains($0.key) }) {
                            out += inner.map(\.key)
                        } else if inner.contains(where: { $0.key == "equals" }) {
                            out.append(e.key)
                        }
                    } else {
                        out.append(e.key)
                    }
                }
            }
        case .drizzle:
            for m in c.methods where m.name == "where" {
                let t = code.text(m.args)
                var k = t.startIndex
                while let r = t.range(of: ".", range: k..<t.endIndex) {
                    let rest = t[r.upperBound...]
                    let id = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    if !id.isEmpty { out.append(id) }
                    k = r.upperBound
                }
            }
        case .sql:
            let s = (c.sql ?? "").lowercased()
            if let w = s.range(of: "where") {
                let tail = s[w.upperBound...]
                for part in tail.components(separatedBy: " and ") {
                    guard let eq = part.firstIndex(of: "="), !"<>!".contains(part[part.index(before: eq)]) else { continue }
                    let value = part[part.index(after: eq)...].trimmingCharacters(in: .whitespacesAndNewlines)
                    guard value.hasPrefix("$") || value.hasPrefix("?") || value.hasPrefix("${") || value.hasPrefix(":") else { continue }
                    let col = part[..<eq].trimmingCharacters(in: CharacterSet(charactersIn: " \"\n\t()"))
                    if let last = col.split(separator: ".").last { out.append(String(last)) }
                }
            }
        case .firebase:
            var ranges = code.occurrences("where(", in: c.start..<c.end).compactMap { o in code.close(o + 5).map { (o + 6)..<$0 } }
            ranges += c.methods.filter { $0.name == "where" }.map(\.args)
            for r in ranges {
                let parts = code.splitTopLevel(r.lowerBound, r.upperBound)
                guard parts.count >= 3, let col = code.stringLiteral(at: parts[0].lowerBound),
                      code.stringLiteral(at: parts[1].lowerBound) == "==", !isLiteral(parts[2]) else { continue }
                out.append(col)
            }
        case .knex:
            for m in c.methods where m.name == "where" || m.name == "andWhere" {
                let parts = code.splitTopLevel(m.args.lowerBound, m.args.upperBound)
                guard let first = parts.first else { continue }
                if code.bytes[first.lowerBound] == 0x7B {
                    out += code.objectEntries(first.lowerBound).filter { !isLiteral($0.value) }.map { DataAccessFile.lastPart($0.key) }
                } else if let col = code.stringLiteral(at: first.lowerBound) {
                    if parts.count == 2 && !isLiteral(parts[1]) || parts.count == 3 && code.stringLiteral(at: parts[1].lowerBound) == "=" && !isLiteral(parts[2]) {
                        out.append(DataAccessFile.lastPart(col))
                    }
                }
            }
        case .http:
            break
        }
        return out
    }

    /// `items.id` → id.
    static func lastPart(_ s: String) -> String { s.split(separator: ".").last.map(String.init) ?? s }

    /// A literal value (`'x'`, `3`, `true`, `null`) rather than a variable: a filter on it is not a lookup by key.
    private func isLiteral(_ r: Range<Int>) -> Bool {
        let t = code.text(r).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let f = t.first else { return true }
        if f == "'" || f == "\"" || (f == "`" && !t.hasSubstring("${")) || f.isNumber || f == "-" { return true }
        return ["true", "false", "null", "undefined"].contains(t)
    }

    /// Queries executed once per element of a `for`/`forEach`/`map` loop.
    public func queriesInLoops() -> [QueryInLoop] {
        var out: [QueryInLoop] = []
        var seenLoops = Set<Int>()
        for c in calls {
            guard let loop = code.loops(containing: c.anchor).first, !seenLoops.contains(loop.body.lowerBound) else { continue }
            // Chunked batches (`for (const chunk of chunks) … .in('id', chunk)`) are the fix for N+1, not an instance.
            let iter = loop.iterable.lowercased()
            if iter.hasSubstring("chunk") || iter.hasSubstring("batch") || iter.hasSubstring("page") { continue }
            let chainText = code.text(c.start..<c.end)
            let perItem = loop.variables.contains { v in !v.isEmpty && JSCode.identifiers(in: chainText).contains(v) }
            let root = JSCode.identifiers(in: loop.iterable).first { !["Object", "Array", "entries", "keys", "values", "from", "await", "Promise", "all"].contains($0) }
            var source: DBCall?
            if let r = root {
                source = sourceCall(named: r, before: loop.header.lowerBound, depth: 0)
            }
            guard source != nil || perItem else { continue }
            seenLoops.insert(loop.body.lowerBound)
            out.append(QueryInLoop(call: c, loop: loop, source: source, perItem: perItem))
        }
        return out
    }

    /// The read whose result a name holds, directly or through one assignment (`const rows = data ?? []`).
    private func sourceCall(named name: String, before offset: Int, depth: Int) -> DBCall? {
        let scopeOf = code.function(containing: offset) ?? 0..<code.bytes.count
        if let d = calls.last(where: { ($0.isRead || $0.api == .http) && $0.anchor < offset && $0.boundNames.contains(name)
            && (scopeOf.contains($0.anchor)) }) {
            return d
        }
        guard depth == 0 else { return nil }
        for o in code.occurrences(name, in: scopeOf.lowerBound..<offset).reversed() {
            let k = code.skipSpace(o + name.utf8.count)
            guard k + 1 < code.bytes.count, code.bytes[k] == 0x3D, code.bytes[k + 1] != 0x3D, code.bytes[k + 1] != 0x3E else { continue }
            let e = JSCode.expressionEnd(code.bytes, code.skipSpace(k + 1), closeOf: code.closeOf, regions: code.file.regions)
            for id in JSCode.identifiers(in: code.text((k + 1)..<e)) where id != name {
                if let d = sourceCall(named: id, before: o, depth: 1) { return d }
            }
            break
        }
        return nil
    }

    /// The object literal a write sets (`update({…})`, Prisma `data: {…}`, Drizzle `.set({…})`, `updateDoc(ref, {…})`).
    public func writtenObject(_ c: DBCall) -> Int? {
        let b = code.bytes
        func objectAt(_ r: Range<Int>?) -> Int? {
            guard let r else { return nil }
            let s = code.skipSpace(r.lowerBound)
            return s < b.count && b[s] == 0x7B ? s : nil
        }
        switch c.api {
        case .supabase:
            return objectAt(c.method("update")?.args ?? c.method("upsert")?.args)
        case .prisma:
            let key = c.op == .upsert ? "update" : "data"
            return objectAt(entries(c).first { $0.key == key }?.value)
        case .drizzle:
            return objectAt(c.method("set")?.args ?? c.method("values")?.args)
        case .knex:
            return objectAt(c.method("update")?.args ?? c.method("merge")?.args)
        case .firebase:
            if let m = c.methods.first, m.name == "updateDoc" || m.name == "setDoc" {
                let parts = code.splitTopLevel(m.args.lowerBound, m.args.upperBound)
                return parts.count >= 2 ? objectAt(parts[1]) : nil
            }
            return objectAt(c.method("update")?.args ?? c.method("set")?.args)
        default:
            return nil
        }
    }

    /// Values written back after being computed in JS from an earlier read in the same function.
    public func readModifyWrites() -> [ReadModifyWrite] {
        var out: [ReadModifyWrite] = []
        for w in calls where w.op == .update || w.op == .upsert {
            let written: [(key: String, keyOffset: Int, value: Range<Int>)]
            if let obj = writtenObject(w) {
                written = code.objectEntries(obj)
            } else if w.api == .knex, let m = w.method("update"), case let parts = code.splitTopLevel(m.args.lowerBound, m.args.upperBound),
                      parts.count == 2, let col = code.stringLiteral(at: parts[0].lowerBound) {
                written = [(col, parts[0].lowerBound, parts[1])]  // `update('stock', row.stock - n)`
            } else {
                continue
            }
            let scope = scope(w)
            for e in written {
                var expr = e.value
                var text = code.text(expr)
                if DataAccessFile.isAtomic(text) { continue }
                if code.identifier(at: expr.lowerBound).map({ $0.utf8.count == expr.count }) == true,
                   let def = definition(of: text, in: scope.lowerBound..<w.start) {
                    expr = def
                    text = code.text(def)
                }
                guard DataAccessFile.hasArithmetic(text), !DataAccessFile.isAtomic(text) else { continue }
                for root in memberRoots(expr) {
                    if let r = calls.last(where: { $0.isRead && $0.op != .count && $0.api != .http && $0.anchor < w.anchor && scope.contains($0.anchor) && $0.boundNames.contains(root) }) {
                        out.append(ReadModifyWrite(read: r, write: w, column: e.key, offset: e.keyOffset,
                                                   decreases: DataAccessFile.hasArithmetic(text, operator: 0x2D)))
                        break
                    }
                }
            }
        }
        return out
    }

    /// Whether a write only succeeds when the row still holds what was read (`.eq('stock', p.stock)`, a version column).
    public func isConditional(_ w: DBCall, on column: String) -> Bool {
        let cols = Set(filterColumns(w).map { $0.lowercased() })
        return cols.contains(column.lowercased()) || cols.contains("version") || cols.contains("updated_at") || cols.contains("updatedat")
    }

    /// Reads whose result decides an insert into the same table in the same function.
    public func checkThenInserts() -> [CheckThenInsert] {
        var out: [CheckThenInsert] = []
        for i in calls where i.op == .insert {
            let scope = scope(i)
            for r in calls.reversed() where r.isRead && r.api != .http && r.anchor < i.anchor && scope.contains(r.anchor) && !r.boundNames.isEmpty {
                guard let rt = r.table, let it = i.table, DataAccessFile.sameTable(rt, it) else { continue }
                guard r.end < i.start, r.boundNames.contains(where: { decides($0, in: r.end..<i.start) }) else { continue }
                let cols = filterColumns(r)
                guard !cols.isEmpty else { continue }  // not a lookup by key (a list, a count over a range)
                out.append(CheckThenInsert(read: r, insert: i, columns: cols))
                break
            }
        }
        return out
    }

    /// Whether `name` is tested by an `if` (or a ternary / early return) in `range`.
    private func decides(_ name: String, in range: Range<Int>) -> Bool {
        for o in code.occurrences(name, in: range) {
            if o + name.utf8.count < code.bytes.count, ByteClass.isIdentifier(code.bytes[o + name.utf8.count]) { continue }
            let line = code.file.lineText(at: o)
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("if") || t.hasSubstring(" if (") || t.hasSubstring("if(") || t.hasSubstring("?") && !t.hasSubstring("?.") { return true }
        }
        return false
    }

    /// A write on one table that uses the row another write created (`invoices.insert({ appointment_id: appt.id })`),
    /// outside a transaction.
    public func dependentWrites() -> [(first: DBCall, second: DBCall)] {
        var out: [(DBCall, DBCall)] = []
        let tables = calls.map { $0.table.map(DataAccessFile.normalTable) }
        var identifiers: [Int: Set<String>] = [:]
        for (ia, a) in calls.enumerated() where a.op == .insert && !a.boundNames.isEmpty && !inTransaction(a) {
            guard let at = tables[ia] else { continue }
            let scope = scope(a)
            for (ib, b) in calls.enumerated() where b.isWrite && b.anchor > a.end && scope.contains(b.anchor) && !inTransaction(b) {
                guard let bt = tables[ib], at != bt, let name = b.table, !DataAccessFile.isLogTable(name) else { continue }
                let ids: Set<String>
                if let cached = identifiers[ib] {
                    ids = cached
                } else {
                    ids = Set(JSCode.identifiers(in: code.text(b.start..<b.end)))
                    identifiers[ib] = ids
                }
                if a.boundNames.contains(where: { ids.contains($0) && usesMember(of: $0, in: b.start..<b.end) }) {
                    out.append((a, b))
                    break
                }
            }
        }
        return out
    }

    /// Whether `name.x`, `name?.x`, `name!.x` or `name[…]` occurs in the code of `r`.
    private func usesMember(of name: String, in r: Range<Int>) -> Bool {
        let b = code.bytes
        for o in code.occurrences(name, in: r) {
            var k = o + name.utf8.count
            guard k < b.count, !ByteClass.isIdentifier(b[k]), o == 0 || b[o - 1] != 0x2E else { continue }
            if b[k] == 0x3F || b[k] == 0x21 { k += 1 }
            if k < b.count && (b[k] == 0x2E || b[k] == 0x5B) { return true }
        }
        return false
    }

    /// supabase-js `.upsert({…})` calls without `onConflict`, with the keys of the row they write (the default
    /// conflict target is the primary key; a row without it is always inserted).
    public func upsertsWithoutConflictTarget() -> [(call: DBCall, keys: [String])] {
        var out: [(DBCall, [String])] = []
        for c in calls where c.api == .supabase && c.op == .upsert {
            guard let m = c.method("upsert") else { continue }
            let parts = code.splitTopLevel(m.args.lowerBound, m.args.upperBound)
            if parts.count >= 2 && code.text(parts[1]).hasSubstring("onConflict") { continue }
            guard let first = parts.first, code.bytes[first.lowerBound] == 0x7B else { continue }
            out.append((c, code.objectEntries(first.lowerBound).map(\.key)))
        }
        return out
    }

    // MARK: - Helpers

    /// The expression assigned to `name` most recently before the end of `range` (`const n = row.count + 1`).
    private func definition(of name: String, in range: Range<Int>) -> Range<Int>? {
        for o in code.occurrences(name, in: range).reversed() {
            let k = code.skipSpace(o + name.utf8.count)
            guard k + 1 < code.bytes.count, code.bytes[k] == 0x3D, code.bytes[k + 1] != 0x3D, code.bytes[k + 1] != 0x3E else { continue }
            let s = code.skipSpace(k + 1)
            return s..<JSCode.expressionEnd(code.bytes, s, closeOf: code.closeOf, regions: code.file.regions)
        }
        return nil
    }

    /// Roots of member expressions in a range (`product.stock - qty` → product).
    private func memberRoots(_ r: Range<Int>) -> [String] {
        var out: [String] = []
        var i = r.lowerBound
        let b = code.bytes
        while i < r.upperBound {
            if ByteClass.isIdentifier(b[i]) && (i == 0 || !ByteClass.isIdentifier(b[i - 1]) && b[i - 1] != 0x2E) && code.file.kind(at: i) == .code {
                var e = i
                while e < r.upperBound && ByteClass.isIdentifier(b[e]) { e += 1 }
                var k = e
                if k < r.upperBound && (b[k] == 0x3F || b[k] == 0x21) { k += 1 }
                if k < r.upperBound && (b[k] == 0x2E || b[k] == 0x5B) { out.append(String(decoding: b[i..<e], as: UTF8.self)) }
                i = e
                continue
            }
            i += 1
        }
        return out
    }

    static func isAtomic(_ text: String) -> Bool {
        text.hasSubstring("increment") || text.hasSubstring("decrement") || text.hasSubstring("sql`") || text.hasSubstring("FieldValue") || text.hasSubstring("raw(")
    }

    /// `+` or `-` (or only `op`) used as a binary operator.
    static func hasArithmetic(_ text: String, operator op: UInt8? = nil) -> Bool {
        let b = Array(text.utf8)
        for (i, c) in b.enumerated() where op.map({ c == $0 }) ?? (c == 0x2B || c == 0x2D) {
            let prev = i > 0 ? b[i - 1] : 0x20
            let next = i + 1 < b.count ? b[i + 1] : 0x20
            if prev == c || next == c || next == 0x3D || next == 0x3E { continue }
            if i == 0 { continue }
            var k = i - 1
            while k > 0 && b[k] == 0x20 { k -= 1 }
            let left = b[k]
            if ByteClass.isIdentifier(left) || left == 0x29 || left == 0x5D { return true }
        }
        return false
    }

    static func sameTable(_ a: String, _ b: String) -> Bool { normalTable(a) == normalTable(b) }

    /// A table name reduced for comparison: last dotted part, lower case, no underscores, singular.
    static func normalTable(_ s: String) -> String {
        var bytes: [UInt8] = []
        for c in s.utf8 {
            if c == 0x2E { bytes.removeAll(); continue }
            if c != 0x5F { bytes.append(ByteClass.lower(c)) }
        }
        var x = String(decoding: bytes, as: UTF8.self)
        if x.hasSuffix("ies") { x = String(x.dropLast(3)) + "y" } else if x.hasSuffix("s") { x.removeLast() }
        return x
    }

    static func isLogTable(_ t: String) -> Bool {
        let l = t.lowercased()
        return ["audit", "log", "event", "notification", "activity", "history", "analytics"].contains { l.hasSubstring($0) }
    }
}

extension DataAccessFile {
    /// The analysis of a file (with `fetch` calls), computed once per file and shared by the collectors
    /// that read it, in the per-file pass and in evaluation; nil when the file makes no data calls.
    public static func shared(_ file: ScannedFile) -> DataAccessFile? {
        file.shared("DataAccessFile") { () -> Computed in
            let anchors = DataAccessFile.anchors(file, literals: literalSet)
            guard !anchors.isEmpty else { return Computed(value: nil) }
            let access = DataAccessFile(file, anchors: anchors, includeFetch: true)
            return Computed(value: access.calls.contains(where: { $0.api != .http }) ? access : nil)
        }.value
    }

    /// A cached answer that may be "no analysis".
    private struct Computed: Sendable { let value: DataAccessFile? }

    static let literalSet = Set(anchorLiterals)
}

