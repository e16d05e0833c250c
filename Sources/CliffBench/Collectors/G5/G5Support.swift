import Foundation

// Shared machinery of the pair tier (G5): what changed between the before- and after-version of
// a modified app, at the level of files, lines, code shape and SQL statements.

/// The file-level difference between the before- and after-version of a modified app.
///
/// Files are matched by path. A file deleted at one path and added with identical bytes at another
/// is a move, not a delete plus an add. A path scanned in one version but only skipped in the other
/// (too large, binary, ignored) cannot be compared and is left out of every list.
struct PairDiff {
    struct Pair {
        let before: ScannedFile
        let after: ScannedFile
    }

    private(set) var added: [ScannedFile] = []
    private(set) var deleted: [ScannedFile] = []
    /// Same path, different bytes.
    private(set) var modified: [Pair] = []
    /// Same bytes, different path.
    private(set) var moved: [Pair] = []
    private(set) var unchanged = 0
    /// Paths present in both versions but scanned in only one of them.
    private(set) var incomparable: [String] = []

    var isEmpty: Bool { added.isEmpty && deleted.isEmpty && modified.isEmpty && moved.isEmpty }

    /// `include` decides which paths take part (corpus metadata and lockfiles are usually left out).
    init(after: AppContext, before: AppContext, include: (String) -> Bool = { _ in true }) {
        var addedCandidates: [ScannedFile] = []
        var deletedCandidates: [ScannedFile] = []
        for f in after.files where include(f.path) {
            if let b = before.file(f.path) {
                if b.bytes == f.bytes { unchanged += 1 } else { modified.append(Pair(before: b, after: f)) }
            } else if before.hasPath(f.path) {
                incomparable.append(f.path)
            } else {
                addedCandidates.append(f)
            }
        }
        for b in before.files where include(b.path) && after.file(b.path) == nil {
            if after.hasPath(b.path) { incomparable.append(b.path) } else { deletedCandidates.append(b) }
        }
        var byContent: [UInt64: [Int]] = [:]
        for (i, d) in deletedCandidates.enumerated() where !d.bytes.isEmpty {
            byContent[Self.hash(d.bytes), default: []].append(i)
        }
        var movedAway = Set<Int>()
        for a in addedCandidates {
            if !a.bytes.isEmpty, let idx = byContent[Self.hash(a.bytes)]?.first(where: { !movedAway.contains($0) && deletedCandidates[$0].bytes == a.bytes }) {
                movedAway.insert(idx)
                moved.append(Pair(before: deletedCandidates[idx], after: a))
            } else {
                added.append(a)
            }
        }
        deleted = deletedCandidates.enumerated().filter { !movedAway.contains($0.offset) }.map(\.element)
    }

    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a64()
        h.add(bytes: bytes)
        return h.value
    }
}

/// Path and file classification for the pair tier.
enum G5Paths {
    static func components(_ path: String) -> [String] {
        path.lowercased().split(separator: "/").map(String.init)
    }

    private static func ext(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// Files the corpus adds around an app (manifest, transcript, fixture labels): not the builder's change.
    static func isCorpusMetadata(_ path: String, _ info: AppInfo) -> Bool {
        if path == AppManifest.fileName || path == FixtureLabels.fileName { return true }
        guard var t = info.manifest?.transcript else { return false }
        if t.hasPrefix("./") { t.removeFirst(2) }
        return path == t
    }

    static func isLockfile(_ path: String) -> Bool {
        let name = components(path).last ?? ""
        return ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb", "poetry.lock",
                "pipfile.lock", "uv.lock", "cargo.lock", "composer.lock", "gemfile.lock", "deno.lock"].contains(name)
    }

    /// Generated code (database types, declaration files) that is regenerated rather than written.
    static func isGenerated(_ path: String) -> Bool {
        let lower = path.lowercased()
        let name = components(path).last ?? ""
        return name.hasSuffix(".d.ts") || name == "database.types.ts" || name == "supabase.types.ts"
            || lower.hasSuffix("integrations/supabase/types.ts") || lower.contains("/generated/") || lower.hasPrefix("generated/")
            || lower.contains("/__generated__/")
    }

    /// Program code the app runs (client, server or shared; JS/TS/Python/Vue/Svelte), generated code excluded.
    static func isProgram(_ f: ScannedFile) -> Bool {
        f.language.isProgram && (f.role == .client || f.role == .server || f.role == .shared) && !isGenerated(f.path)
    }

    /// A test file in a program language (snapshots and fixtures are not tests).
    static func isTest(_ f: ScannedFile) -> Bool { f.role == .test && f.language.isProgram }

    /// A rollback script: applied by hand to undo a migration, destructive by design.
    static func isRollback(_ path: String) -> Bool {
        let c = components(path)
        let name = c.last ?? ""
        if name.hasSuffix(".down.sql") || name == "down.sql" || name.hasSuffix(".undo.sql") || name.contains("rollback") { return true }
        if name.first == "u", name.dropFirst().first?.isNumber == true, name.contains("__") { return true }
        return c.dropLast().contains { $0 == "rollback" || $0 == "rollbacks" || $0 == "down" }
    }

    /// A versioned migration: supabase/migrations, any migrations/ folder (Prisma, Knex, Sequelize,
    /// TypeORM, golang-migrate…), Rails db/migrate, drizzle/*.sql, Alembic versions, Flyway V1__*.sql.
    static func isMigration(_ path: String) -> Bool {
        if isRollback(path) { return false }
        let c = components(path)
        guard let name = c.last else { return false }
        let e = ext(name)
        guard ["sql", "js", "ts", "mjs", "cjs", "mts", "cts", "py", "rb"].contains(e), !name.hasSuffix(".d.ts"), name != "__init__.py" else {
            return false
        }
        let dirs = c.dropLast()
        if e == "py" && dirs.contains("versions") && (dirs.contains("alembic") || dirs.contains("migrations")) { return true }
        // Program files in a migrations folder are migrations only when versioned by name
        // (20240101_x.js, 1700000000000-Name.ts, 0002_auto.py); index.ts, runner.js, config.ts are not.
        let versioned = e == "sql" || name.first?.isNumber == true
        if dirs.contains("migrations") && versioned { return true }
        if path.lowercased().contains("db/migrate/") && versioned { return true }
        if e == "sql" && dirs.contains("drizzle") && !dirs.contains("meta") { return true }
        if e == "sql" && name.first == "v", name.dropFirst().first?.isNumber == true, name.contains("__") { return true }
        return false
    }

    /// A SQL schema kept outside the migration history (schema.sql, db/init.sql…), or a Prisma schema.
    static func isSchemaFile(_ f: ScannedFile) -> Bool {
        let name = components(f.path).last ?? ""
        if name == "schema.prisma" { return true }
        guard f.language == .sql, !isMigration(f.path), !isRollback(f.path) else { return false }
        return !name.contains("seed") && !name.contains("fixture") && f.role != .test
    }

    /// The folder a migration belongs to and its version prefix (leading digits of its name, or of its
    /// folder for Prisma's `<version>_<name>/migration.sql`), for ordering checks.
    static func migrationVersion(_ path: String) -> (folder: String, version: String)? {
        var c = components(path)
        guard var name = c.popLast() else { return nil }
        if name == "migration.sql", let dir = c.popLast() { name = dir }
        let digits = String(name.prefix { $0.isASCII && $0.isNumber })
        guard digits.count >= 3 else { return nil }
        return (c.joined(separator: "/"), digits)
    }

    /// The code area of a file: the first two components of its folder ("src/pages", "server", "(root)").
    static func group(_ path: String) -> String {
        let parts = path.split(separator: "/").dropLast()
        if parts.isEmpty { return "(root)" }
        return parts.prefix(2).joined(separator: "/")
    }
}

/// A fingerprint of a file's code that ignores what a formatter or a comment edit changes:
/// comments, white space (kept only between two identifier characters), quote style, semicolons
/// and trailing commas. Two versions with the same fingerprint differ only in form.
enum CodeShape {
    static func fingerprint(_ f: ScannedFile) -> UInt64 {
        let b = f.bytes
        let regions = f.regions
        var h = FNV1a64()
        var ri = 0
        var last: UInt8 = 0
        var pendingSpace = false
        var i = 0
        while i < b.count {
            while ri < regions.count && Int(regions[ri].end) <= i { ri += 1 }
            if ri < regions.count && Int(regions[ri].start) <= i && regions[ri].kind == .comment {
                i = Int(regions[ri].end)
                pendingSpace = true
                continue
            }
            var c = b[i]
            i += 1
            if ByteClass.isSpace(c) {
                pendingSpace = true
                continue
            }
            if c == 0x3B { continue }
            if c == 0x2C {
                var j = i
                while j < b.count && ByteClass.isSpace(b[j]) { j += 1 }
                if j < b.count && (b[j] == 0x29 || b[j] == 0x5D || b[j] == 0x7D) { continue }
            }
            if c == 0x27 { c = 0x22 }
            if pendingSpace && ByteClass.isIdentifier(last) && ByteClass.isIdentifier(c) { h.add(0x20) }
            pendingSpace = false
            h.add(c)
            last = c
        }
        return h.value
    }

    /// Whether the two versions differ in code, not just in form.
    static func codeChanged(_ a: ScannedFile, _ b: ScannedFile) -> Bool {
        a.bytes != b.bytes && fingerprint(a) != fingerprint(b)
    }
}

/// A line-based diff by multiset of line hashes: each line is trimmed at both ends, blank lines are
/// ignored, and a line counts as added (removed) when the after (before) version holds more copies
/// of it than the other. Cheaper than an edit script, blind to moves within a file (a moved line is
/// not a change), and close to `git diff --stat` for the changes apps see.
enum LineDiff {
    struct Counts {
        var added = 0
        var removed = 0
        var beforeLines = 0
        var afterLines = 0
    }

    static func lineHash(_ f: ScannedFile, _ line: Int) -> UInt64? {
        var r = f.lineRange(line)
        let b = f.bytes
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D) { hi -= 1 }
        r = lo..<hi
        guard !r.isEmpty else { return nil }
        var h = FNV1a64()
        h.add(bytes: b[r])
        return h.value
    }

    static func multiset(_ f: ScannedFile?) -> (counts: [UInt64: Int], total: Int) {
        guard let f, f.lineCount > 0 else { return ([:], 0) }
        var m: [UInt64: Int] = [:]
        var total = 0
        for line in 1...f.lineCount {
            if let h = lineHash(f, line) {
                m[h, default: 0] += 1
                total += 1
            }
        }
        return (m, total)
    }

    static func compare(before: ScannedFile?, after: ScannedFile?) -> Counts {
        let b = multiset(before), a = multiset(after)
        var c = Counts(beforeLines: b.total, afterLines: a.total)
        for (h, n) in a.counts { c.added += max(0, n - (b.counts[h] ?? 0)) }
        for (h, n) in b.counts { c.removed += max(0, n - (a.counts[h] ?? 0)) }
        return c
    }

    /// The line numbers of `of` whose (trimmed) text has no counterpart left in `against`.
    static func unmatchedLines(of f: ScannedFile, against other: ScannedFile?) -> [Int] {
        var pool = multiset(other).counts
        var out: [Int] = []
        guard f.lineCount > 0 else { return out }
        for line in 1...f.lineCount {
            guard let h = lineHash(f, line) else { continue }
            if let n = pool[h], n > 0 { pool[h] = n - 1 } else { out.append(line) }
        }
        return out
    }

    /// The first line of `after` that differs from `before`, comparing non-blank lines in order
    /// (and skipping comment-only lines when `codeOnly`). Nil when they are equal by that measure.
    static func firstDifference(before: ScannedFile, after: ScannedFile, codeOnly: Bool) -> Int? {
        func lines(_ f: ScannedFile) -> [(line: Int, hash: UInt64)] {
            guard f.lineCount > 0 else { return [] }
            var out: [(Int, UInt64)] = []
            for line in 1...f.lineCount {
                guard let h = lineHash(f, line) else { continue }
                if codeOnly && isCommentOnly(f, line) { continue }
                out.append((line, h))
            }
            return out
        }
        let b = lines(before), a = lines(after)
        var i = 0
        while i < a.count && i < b.count {
            if a[i].hash != b[i].hash { return a[i].line }
            i += 1
        }
        if i < a.count { return a[i].line }
        if i < b.count { return a.last?.line ?? 1 }
        return nil
    }

    static func isCommentOnly(_ f: ScannedFile, _ line: Int) -> Bool {
        let r = f.lineRange(line)
        for o in r where !ByteClass.isSpace(f.bytes[o]) {
            if f.kind(at: o) != .comment { return false }
        }
        return true
    }
}

/// One token of a SQL statement: a lower-cased word or quoted identifier, a punctuation byte, or a
/// literal (string or dollar-quoted body, kept with its quote so it never equals a word).
struct MigrationSQLToken {
    var text: String
    var offset: Int
    var isWord: Bool
    /// The word as written (case kept), for messages.
    var raw: String = ""
}

/// A SQL statement as tokens; `key` is its normalised text (comments and layout removed).
struct MigrationSQLStatement {
    var tokens: [MigrationSQLToken]
    var key: String { tokens.map(\.text).joined(separator: " ") }
    var start: Int { tokens.first?.offset ?? 0 }
}

/// What a destructive statement does.
enum DestructiveKind: String {
    case dropTable = "DROP TABLE"
    case dropColumn = "DROP COLUMN"
    case truncate = "TRUNCATE"
    case typeChange = "column type change"
    case renameTable = "table rename"
    case renameColumn = "column rename"
    case dropSchema = "DROP SCHEMA"
}

/// A destructive operation found in a migration.
struct DestructiveOp {
    var kind: DestructiveKind
    /// Lower-cased table name (last part of a qualified name), or "?" when dynamic.
    var table: String
    /// The column as written, when the operation is on one.
    var column: String?
    var offset: Int
    /// The table as written.
    var tableName: String = ""
}

/// A small SQL reader: splits a file (or a string's content) into statements at `;` outside
/// comments and literals, and recognises the DDL a migration-safety check needs.
enum MigrationSQL {
    static func statements(_ f: ScannedFile) -> [MigrationSQLStatement] {
        statements(f.bytes, range: 0..<f.bytes.count, regions: f.regions)
    }

    static func statements(_ b: [UInt8], range: Range<Int>, regions: [Region]) -> [MigrationSQLStatement] {
        var out: [MigrationSQLStatement] = []
        var cur: [MigrationSQLToken] = []
        var ri = 0
        var i = range.lowerBound
        let end = range.upperBound
        func flush() {
            if !cur.isEmpty { out.append(MigrationSQLStatement(tokens: cur)) }
            cur = []
        }
        while i < end {
            while ri < regions.count && Int(regions[ri].end) <= i { ri += 1 }
            if ri < regions.count && Int(regions[ri].start) <= i {
                let r = regions[ri]
                let e = min(Int(r.end), end)
                if r.kind != .comment { cur.append(MigrationSQLToken(text: "'" + collapsed(b, i..<e), offset: i, isWord: false)) }
                i = e
                continue
            }
            let c = b[i]
            if ByteClass.isSpace(c) { i += 1; continue }
            if c == 0x3B { flush(); i += 1; continue }
            if isWordByte(c) {
                let s = i
                while i < end && isWordByte(b[i]) { i += 1 }
                cur.append(MigrationSQLToken(text: String(decoding: b[s..<i].map(ByteClass.lower), as: UTF8.self), offset: s, isWord: true,
                                    raw: String(decoding: b[s..<i], as: UTF8.self)))
                continue
            }
            if c == 0x22 || c == 0x60 {
                let s = i
                i += 1
                let cs = i
                while i < end && b[i] != c && b[i] != 0x0A { i += 1 }
                let text = String(decoding: b[cs..<i].map(ByteClass.lower), as: UTF8.self)
                let raw = String(decoding: b[cs..<i], as: UTF8.self)
                if i < end && b[i] == c { i += 1 }
                cur.append(MigrationSQLToken(text: text, offset: s, isWord: true, raw: raw))
                continue
            }
            cur.append(MigrationSQLToken(text: String(UnicodeScalar(c)), offset: i, isWord: false))
            i += 1
        }
        flush()
        return out
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        ByteClass.isAlpha(c) || ByteClass.isDigit(c) || c == 0x5F || c >= 0x80
    }

    private static func collapsed(_ b: [UInt8], _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var space = false
        for o in r {
            if ByteClass.isSpace(b[o]) { space = true; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b[o])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Statement-level view of one statement's tokens.
    private struct Reader {
        let t: [MigrationSQLToken]
        func word(_ i: Int) -> String? { i < t.count && t[i].isWord ? t[i].text : nil }
        func raw(_ i: Int) -> String? { i < t.count && t[i].isWord ? t[i].raw : nil }
        /// The last part of a qualified name at `i`, as written.
        func rawName(_ i: Int) -> String {
            var j = i, last = raw(i) ?? "?"
            while text(j + 1) == ".", let next = raw(j + 2) {
                last = next
                j += 2
            }
            return last
        }
        func text(_ i: Int) -> String? { i < t.count ? t[i].text : nil }
        /// A possibly qualified name at `i`: its last part and the index after it.
        func name(_ i: Int) -> (String, Int) {
            guard let w = word(i) else { return ("?", i + 1) }
            var last = w
            var j = i + 1
            while text(j) == ".", let next = word(j + 1) {
                last = next
                j += 2
            }
            return (last, j)
        }
        func skip(_ words: [String], at i: Int) -> Int {
            var j = i
            while let w = word(j), words.contains(w) { j += 1 }
            return j
        }
    }

    /// The table a `CREATE TABLE` makes, if this is one.
    static func createdTable(_ s: MigrationSQLStatement) -> String? {
        let r = Reader(t: s.tokens)
        guard r.word(0) == "create" else { return nil }
        var j = r.skip(["or", "replace", "temp", "temporary", "unlogged", "global", "local"], at: 1)
        guard r.word(j) == "table" else { return nil }
        j = r.skip(["if", "not", "exists"], at: j + 1)
        return r.name(j).0
    }

    /// The view a `CREATE [OR REPLACE] [MATERIALIZED] VIEW` makes, if this is one.
    static func createdView(_ s: MigrationSQLStatement) -> String? {
        let r = Reader(t: s.tokens)
        guard r.word(0) == "create" else { return nil }
        var j = r.skip(["or", "replace", "temp", "temporary", "materialized", "recursive"], at: 1)
        guard r.word(j) == "view" else { return nil }
        j = r.skip(["if", "not", "exists"], at: j + 1)
        return r.name(j).0
    }

    /// The table an `INSERT INTO … SELECT … FROM t` copies rows from, if this is one.
    static func copySource(_ s: MigrationSQLStatement) -> String? {
        let r = Reader(t: s.tokens)
        guard r.word(0) == "insert", r.word(1) == "into" else { return nil }
        guard let sel = s.tokens.firstIndex(where: { $0.isWord && $0.text == "select" }),
              let from = s.tokens[sel...].firstIndex(where: { $0.isWord && $0.text == "from" }) else { return nil }
        return r.name(from + 1).0
    }

    /// Whether the statement defines or changes schema (rather than querying or seeding data).
    static func isDDL(_ s: MigrationSQLStatement) -> Bool {
        guard let w = s.tokens.first(where: \.isWord)?.text else { return false }
        return ["create", "alter", "drop", "comment", "grant", "revoke", "truncate", "rename"].contains(w)
    }

    /// The destructive operations of one statement: dropped tables, schemas and columns,
    /// truncations, column type changes and renames (constraint and index renames are harmless).
    static func destructive(_ s: MigrationSQLStatement) -> [DestructiveOp] {
        let r = Reader(t: s.tokens)
        let t = s.tokens
        guard let first = r.word(0) else { return [] }
        var out: [DestructiveOp] = []
        switch first {
        case "drop":
            if r.word(1) == "table" {
                var j = r.skip(["if", "exists"], at: 2)
                while j < t.count {
                    let (name, next) = r.name(j)
                    out.append(DestructiveOp(kind: .dropTable, table: name, offset: s.start, tableName: r.rawName(j)))
                    guard r.text(next) == "," else { break }
                    j = next + 1
                }
            } else if r.word(1) == "schema" {
                let j = r.skip(["if", "exists"], at: 2)
                out.append(DestructiveOp(kind: .dropSchema, table: r.name(j).0, offset: s.start, tableName: r.rawName(j)))
            }
        case "truncate":
            var j = r.skip(["table", "only"], at: 1)
            while j < t.count {
                let (name, next) = r.name(j)
                out.append(DestructiveOp(kind: .truncate, table: name, offset: s.start, tableName: r.rawName(j)))
                guard r.text(next) == "," else { break }
                j = r.skip(["only"], at: next + 1)
            }
        case "rename":
            if r.word(1) == "table" {
                out.append(DestructiveOp(kind: .renameTable, table: r.name(2).0, offset: s.start, tableName: r.rawName(2)))
            }
        case "alter":
            guard r.word(1) == "table" else { break }
            let j = r.skip(["if", "exists", "only"], at: 2)
            let (table, next) = r.name(j)
            var actions: [[MigrationSQLToken]] = [[]]
            var depth = 0
            for tok in t[min(next, t.count)...] {
                if tok.text == "(" { depth += 1 } else if tok.text == ")" { depth -= 1 }
                if tok.text == "," && depth == 0 && !tok.isWord { actions.append([]); continue }
                actions[actions.count - 1].append(tok)
            }
            for a in actions where !a.isEmpty {
                if var op = alterAction(Reader(t: a), table: table) {
                    op.tableName = r.rawName(j)
                    out.append(op)
                }
            }
        default:
            break
        }
        return out
    }

    private static func alterAction(_ a: Reader, table: String) -> DestructiveOp? {
        guard let verb = a.word(0) else { return nil }
        let at = a.t[0].offset
        switch verb {
        case "drop":
            if let w = a.word(1), ["constraint", "primary", "index", "key", "foreign", "check", "default", "not", "partition", "trigger"].contains(w) {
                return nil
            }
            let k = a.skip(["column"], at: 1)
            let c = a.skip(["if", "exists"], at: k)
            return DestructiveOp(kind: .dropColumn, table: table, column: a.raw(c), offset: at)
        case "alter":
            let k = a.skip(["column"], at: 1)
            let col = a.raw(k)
            if a.word(k + 1) == "type" || (a.word(k + 1) == "set" && a.word(k + 2) == "data" && a.word(k + 3) == "type") {
                return DestructiveOp(kind: .typeChange, table: table, column: col, offset: at)
            }
            return nil
        case "modify":
            let k = a.skip(["column"], at: 1)
            return DestructiveOp(kind: .typeChange, table: table, column: a.raw(k), offset: at)
        case "change":
            let k = a.skip(["column"], at: 1)
            guard let old = a.word(k), let new = a.word(k + 1) else { return nil }
            return DestructiveOp(kind: old == new ? .typeChange : .renameColumn, table: table, column: a.raw(k), offset: at)
        case "rename":
            if let w = a.word(1), ["constraint", "index", "key"].contains(w) { return nil }
            if a.word(1) == "to" || a.word(1) == "as" { return DestructiveOp(kind: .renameTable, table: table, offset: at) }
            let k = a.skip(["column"], at: 1)
            return DestructiveOp(kind: .renameColumn, table: table, column: a.raw(k), offset: at)
        default:
            return nil
        }
    }
}
