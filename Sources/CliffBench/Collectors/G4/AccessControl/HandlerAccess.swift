import Foundation

/// A database operation inside a server handler, reduced to what access control needs: the table,
/// the kind of operation, the text that selects rows and the text that is written.
struct HandlerOp: Sendable {
    var table: String?
    var op: DBCall.Op
    /// Where a finding points.
    var anchor: Int
    /// The filter: Prisma `where`, supabase `.eq(…)` arguments, Drizzle/Knex `where`, SQL WHERE plus its
    /// parameters, a Mongoose filter or id, a Python line.
    var whereText: String
    /// What is written: the object or expression set, or nil for reads.
    var writeText: String?
    /// Offset of the written object literal (`{`) in the file, when the write sets one.
    var writeObject: Int?
    /// Names the result is bound to in the handler (`const order = await …`).
    var binding: [String] = []
}

/// Reads the database operations and identity facts of one route handler (JS/TS or Python).
struct HandlerAccess {
    let file: ScannedFile
    let span: Range<Int>
    let python: Bool
    let code: JSCode?
    /// Names whose value comes from the request (path parameters, body, query).
    var tainted: Set<String> = []
    var ops: [HandlerOp] = []

    static let identityTokens: Set<String> = [
        "user", "session", "currentUser", "current_user", "auth", "uid", "claims", "me", "viewer", "authUser", "sessionUser",
        "authedUser", "loggedInUser", "requester", "caller", "principal", "jwtPayload", "decoded", "token", "locals", "ownerCheckedByCallee",
    ]
    static let ownerWords: Set<String> = SchemaNames.ownerColumns.union(["owner", "author", "creator", "user", "createdBy", "created_by", "uid"])
    static let roleKeys: Set<String> = [
        "role", "roles", "isAdmin", "is_admin", "admin", "userType", "user_type", "accountType", "account_type", "permissions",
        "is_staff", "is_superuser", "isSuperAdmin", "is_super_admin", "userRole", "user_role", "isStaff",
    ]
    static let dbResultMarkers = ["storage.", "prisma.", "db.", "db(", "supabase", "knex", "pool.", ".findUnique(", ".findFirst(", ".findOne(", ".findById(", ".create(", ".insert(", "repository.", "Repository.", "service.", "Service."]
    static let jsInputWords: Set<String> = ["params", "query", "body", "searchParams", "formData", "input", "args"]

    /// Supabase calls in this file run with the caller's own token (an SSR cookie client, a forwarded Authorization
    /// header), so RLS decides what they reach; other server-side Supabase clients (service role, or the anon key with no
    /// user token) are gated only by the route.
    let supabaseUserScoped: Bool
    /// Whether the file holds a service-role key or Firebase Admin (computed once per file by the caller when given).
    private let serviceRoleHint: Bool?

    init(file: ScannedFile, span: Range<Int>, routePath: String, access: DataAccessFile?, supabaseUserScoped: Bool? = nil,
         serviceRole: Bool? = nil) {
        self.file = file
        self.serviceRoleHint = serviceRole
        self.supabaseUserScoped = supabaseUserScoped ?? Self.userScopedMarkers(file)
        self.span = span
        self.python = file.language == .python
        self.code = python ? nil : (access?.code ?? JSCode(file))
        var params = Set(routePath.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()).replacingOccurrences(of: "?", with: "") })
        if python {
            params.formUnion(pythonParameters())
            tainted = params
            collectPythonTaint()
            ops = pythonOps()
        } else {
            tainted = params.union(["params"])
            collectJSTaint()
            ops = jsOps(access)
        }
    }

    // MARK: - Taint

    /// `const { id } = req.params`, `const body = await req.json()`, `const id = params.id`.
    private mutating func collectJSTaint() {
        guard let code else { return }
        for _ in 0..<2 {
            for kw in ["const", "let", "var"] {
                for o in code.occurrences(kw, in: span) {
                    var k = code.skipSpace(o + kw.utf8.count)
                    guard k < code.bytes.count else { continue }
                    var names: [String] = []
                    if code.bytes[k] == 0x7B || code.bytes[k] == 0x5B, let c = code.close(k) {
                        for part in code.splitTopLevel(k + 1, c) {
                            let t = code.text(part)
                            let rhs = t.split(separator: ":", maxSplits: 1).last.map(String.init) ?? t
                            if let id = JSCode.identifiers(in: rhs.split(separator: "=").first.map(String.init) ?? rhs).first { names.append(id) }
                        }
                        k = c + 1
                    } else if let id = code.identifier(at: k) {
                        names.append(id)
                        k += id.utf8.count
                    } else { continue }
                    var e = code.skipSpace(k)
                    if e < code.bytes.count, code.bytes[e] == 0x3A {  // type annotation
                        while e < min(code.bytes.count, span.upperBound), code.bytes[e] != 0x3D, code.bytes[e] != 0x0A { e += 1 }
                    }
                    guard e + 1 < code.bytes.count, code.bytes[e] == 0x3D, code.bytes[e + 1] != 0x3D else { continue }
                    let s = code.skipSpace(e + 1)
                    let end = JSCode.expressionEnd(code.bytes, s, closeOf: code.closeOf, regions: file.regions)
                    guard end > s, end - s < 400 else { continue }
                    let rhs = code.text(s..<end)
                    // A row the database returned is not request input, even when the query used some.
                    if Self.dbResultMarkers.contains(where: { rhs.contains($0) }) { continue }
                    if isTainted(rhs) { tainted.formUnion(names) }
                }
            }
        }
    }

    /// Parameters of the Python view function that are not injected dependencies.
    private func pythonParameters() -> Set<String> {
        guard let o = ByteNav.find(file, "def ", in: span, wordStart: true).first,
              let p = ByteNav.find(file, "(", in: o..<min(span.upperBound, o + 200)).first,
              let c = ByteNav.matchingClose(file, p) else { return [] }
        var out = Set<String>()
        for part in ByteNav.splitTopLevel(file, (p + 1)..<c, separator: 0x2C) {
            let t = ByteNav.codeText(file, part)
            if t.contains("Depends(") || t.contains("Security(") { continue }
            guard let name = JSCode.identifiers(in: t).first else { continue }
            if ["self", "request", "db", "session", "current_user", "user", "cls", "kwargs", "args"].contains(name) { continue }
            if t.contains(":"), let ty = t.split(separator: ":").dropFirst().first, ["Session", "AsyncSession", "Request", "User"].contains(where: { ty.contains($0) }) { continue }
            out.insert(name)
        }
        return out
    }

    /// `data = request.get_json()`, `note_id = request.args.get('id')`.
    private mutating func collectPythonTaint() {
        for line in lines() {
            let t = line.text
            guard let eq = t.firstIndex(of: "="), t[t.index(after: eq)...].first != "=" else { continue }
            let lhs = String(t[..<eq]), rhs = String(t[t.index(after: eq)...])
            guard !lhs.contains("("), !lhs.contains("."), isTainted(rhs) else { continue }
            tainted.formUnion(JSCode.identifiers(in: lhs))
        }
    }

    /// Whether an expression reads request input (directly or through a tainted name).
    func isTainted(_ text: String) -> Bool {
        let ids = Self.standaloneNames(text)
        if ids.contains(where: { tainted.contains($0) }) { return true }
        if python {
            return ["request.", "request[", "kwargs"].contains { text.contains($0) }
        }
        if ids.contains(where: { Self.jsInputWords.contains($0) }) { return true }
        let t = text.replacingOccurrences(of: " ", with: "")
        return ["req.params", "req.body", "req.query", "request.json", "req.json", "request.formData", "c.req", "ctx.params", "ctx.request", "event.body"]
            .contains { t.contains($0) }
    }

    /// Whether a filter is scoped to the caller: it names the caller's identity, or an owner column whose value is not from the request.
    func isScoped(_ whereText: String) -> Bool {
        let ids = JSCode.identifiers(in: whereText)
        if ids.contains(where: { Self.identityTokens.contains($0) && !tainted.contains($0) }) { return true }
        if whereText.contains("auth.uid") || whereText.contains("req.user") || whereText.contains("request.user") { return true }
        // An owner column compared with a value that is not request input (`userId` from the session, `user_id = $2` bound
        // to req.user.id); `userId: req.params.userId` is not a scope.
        var segments: [String] = []
        for part in whereText.replacingOccurrences(of: " AND ", with: ",").replacingOccurrences(of: " and ", with: ",").split(separator: ",") {
            segments.append(String(part))
        }
        for seg in segments {
            let sids = JSCode.identifiers(in: seg)
            guard sids.contains(where: { Self.ownerWords.contains($0) || Self.ownerWords.contains($0.lowercased()) }) else { continue }
            if !isTainted(seg) && !sids.contains(where: { tainted.contains($0) }) { return true }
        }
        return false
    }

    // MARK: - Handler facts

    struct Line { var offset: Int; var text: String }

    /// Code lines of the handler (comments removed, strings kept).
    func lines() -> [Line] {
        var out: [Line] = []
        let first = file.location(of: span.lowerBound).line
        let last = file.location(of: max(span.lowerBound, span.upperBound - 1)).line
        guard first <= last else { return [] }
        for l in first...last {
            let r = file.lineRange(l).clamped(to: span)
            if r.isEmpty { continue }
            let t = ByteNav.codeText(file, r)
            if !t.trimmingCharacters(in: .whitespaces).isEmpty { out.append(Line(offset: r.lowerBound, text: t)) }
        }
        return out
    }

    /// A comparison of a record's owner with the caller (`if (order.userId !== user.id)`, `if note.user_id != current_user.id`)
    /// or an ownership helper, after `offset`.
    func checksOwnership(after offset: Int) -> Bool {
        for line in lines() where line.offset + line.text.utf8.count > offset {
            let t = line.text
            let lower = t.lowercased()
            if ["assertowner", "checkownership", "isowner(", "ensureowner", "verifyownership", "canaccess(", "authorize(", "can(", "has_object_permission", "check_object_permissions", "assertcanaccess", "requireowner"]
                .contains(where: { lower.contains($0) }) { return true }
            guard ["!==", "===", "!=", "==", " is not ", " in ", "not in"].contains(where: { t.contains($0) }) else { continue }
            let ids = JSCode.identifiers(in: t)
            let owner = ids.contains { Self.ownerWords.contains($0) || Self.ownerWords.contains($0.lowercased()) }
            let identity = ids.contains { Self.identityTokens.contains($0) } || t.contains("req.user") || t.contains("request.user")
            if owner && identity { return true }
            // `ticket.userId !== userId`: a record's owner member against a caller id that is not request input.
            let members = Self.memberNames(t)
            if members.contains(where: { Self.ownerWords.contains($0) || Self.ownerWords.contains($0.lowercased()) }),
               Self.standaloneNames(t).contains(where: { (Self.ownerWords.contains($0) || Self.ownerWords.contains($0.lowercased())) && !tainted.contains($0) }) {
                return true
            }
        }
        return false
    }

    /// Identifiers that follow a dot (`ticket.userId` → userId).
    static func memberNames(_ t: String) -> Set<String> {
        var out = Set<String>()
        let b = Array(t.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x2E, i + 1 < b.count, ByteClass.isIdentifier(b[i + 1]) {
                var e = i + 1
                while e < b.count && ByteClass.isIdentifier(b[e]) { e += 1 }
                out.insert(String(decoding: b[(i + 1)..<e], as: UTF8.self))
                i = e
                continue
            }
            i += 1
        }
        return out
    }

    /// Identifiers not preceded by a dot (`ticket.userId !== userId` → ticket, userId).
    static func standaloneNames(_ t: String) -> Set<String> {
        var out = Set<String>()
        let b = Array(t.utf8)
        var i = 0
        var inString: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if inString != 0 { if c == inString { inString = 0 }; i += 1; continue }
            if c == 0x27 || c == 0x22 || c == 0x60 { inString = c; i += 1; continue }
            if ByteClass.isIdentifier(c) && !ByteClass.isDigit(c) {
                var e = i
                while e < b.count && ByteClass.isIdentifier(b[e]) { e += 1 }
                if i == 0 || b[i - 1] != 0x2E { out.insert(String(decoding: b[i..<e], as: UTF8.self)) }
                i = e
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether the handler asks who the caller is through a helper the route vocabulary does not know
    /// (`extractUserId(req)`, `getUserFromRequest(request)`, `get_current_user_id()`).
    func readsIdentity() -> Bool {
        guard let code else {
            let t = ByteNav.codeText(file, span).lowercased()
            return ["current_user", "get_jwt_identity", "request.user", "g.user", "session['user", "session.get('user", "session[\"user", "session.get(\"user"].contains { t.contains($0) }
        }
        for arg in ["(req", "(request", "(ctx", "(c", "(event"] {
            for o in code.occurrences(arg, in: span, wordStart: false) {
                let k = code.skipSpace(o + arg.utf8.count)
                // The whole request passed (`extractUserId(req)`), not a value read from it (`getUser(req.params.id)`).
                guard k < code.bytes.count, code.bytes[k] == 0x29 || code.bytes[k] == 0x2C else { continue }
                guard let (name, _) = code.identifier(endingAt: o) else { continue }
                let l = name.lowercased()
                if ["user", "auth", "session", "identity", "caller", "principal", "claims", "token"].contains(where: { l.contains($0) }),
                   !l.hasPrefix("set"), !l.hasPrefix("create"), !l.hasPrefix("log") { return true }
            }
        }
        return false
    }

    /// Whether the handler answers with a row bound to one of `names` as a whole (`res.json(order)`, `...order`,
    /// `return order`), rather than with chosen fields (`{ id: user.id, displayName: user.displayName }`).
    func returnsWhole(_ names: [String], after offset: Int) -> Bool {
        guard let code, !names.isEmpty else { return true }
        var all = names
        // `let query = supabase.from(…)…; const { data: rows } = await query` → rows.
        for n in names {
            for o in code.occurrences("await " + n, in: offset..<span.upperBound) {
                let e = o + 6 + n.utf8.count
                if e < code.bytes.count, ByteClass.isIdentifier(code.bytes[e]) { continue }
                all += DataAccessFile.binding(code, o + 6).1
            }
        }
        for n in all {
            for o in code.occurrences(n, in: offset..<span.upperBound) {
                let e = o + n.utf8.count
                if e < code.bytes.count, ByteClass.isIdentifier(code.bytes[e]) { continue }
                if o > 0, code.bytes[o - 1] == 0x2E { continue }
                let next = code.skipSpace(e)
                // `row.email` is a chosen field; `rows[0]` is still a whole row.
                if next < code.bytes.count, [0x2E, 0x3F, 0x21].contains(code.bytes[next]), !(code.bytes[next] == 0x21 && next + 1 < code.bytes.count && code.bytes[next + 1] == 0x3D) {
                    let after = code.skipSpace(next + (code.bytes[next] == 0x2E ? 0 : 1))
                    if !(after + 1 < code.bytes.count && code.bytes[after] == 0x2E && code.bytes[after + 1] == 0x5B) { continue }
                }
                if inResponse(code, o) { return true }
            }
        }
        return false
    }

    /// Whether `o` sits in the arguments of a response call (`res.json(…)`, `send(`, `jsonify(`, `Response.json(`), after
    /// `return`, or in a spread.
    private func inResponse(_ code: JSCode, _ o: Int) -> Bool {
        let b = code.bytes
        if o >= 3, b[o - 1] == 0x2E, b[o - 2] == 0x2E, b[o - 3] == 0x2E { return true }
        var depth = 0
        var k = o - 1
        let limit = max(span.lowerBound, o - 600)
        while k >= limit {
            if file.kind(at: k) != .code { k -= 1; continue }
            let c = b[k]
            if c == 0x29 || c == 0x5D || c == 0x7D { depth += 1 } else if c == 0x28 || c == 0x5B || c == 0x7B {
                if depth > 0 { depth -= 1 } else {
                    if c == 0x7B, code.close(k).map({ $0 > o }) == true {
                        // A block or object literal enclosing `o`: keep looking outward only for object literals.
                        let p = code.skipSpaceBack(k - 1)
                        if p >= 0, b[p] == 0x29 || b[p] == 0x3E && p > 0 && b[p - 1] == 0x3D { return false }  // a function body
                    }
                    if c == 0x28, let (id, _) = code.identifier(endingAt: code.skipSpaceBack(k - 1) + 1),
                       ["json", "send", "jsonify", "Response", "render", "end", "write", "success", "ok"].contains(id) { return true }
                }
            } else if depth == 0 && (c == 0x3B) { break }
            k -= 1
        }
        // `return order` / `return { order }`
        let stmt = ByteNav.statementStart(file, o)
        return code.text(stmt..<o).trimmingCharacters(in: .whitespaces).hasPrefix("return")
    }

    /// An admin-only handler: a role check in its code (an admin may reach any record). Role helpers
    /// (`requireAdmin(`, `has_role(`) and role comparisons count anywhere; a bare flag (`isAdmin`, `is_admin`,
    /// `is_staff`) counts only in a decision (`if`, `assert`, `abort`, a ternary or `&&`), not when the handler merely
    /// returns it (`{"is_admin": u.is_admin}` in a listing of users is data, not a check).
    func checksRole() -> Bool {
        let helpers = ["requireadmin", "require_admin", "admin_required", "hasrole", "has_role", "requirerole", "checkrole", "haspermission",
                       "checkpermission", "has_permission", "requirepermission", "role === 'admin'", "role !== 'admin'", "role == 'admin'",
                       "role != 'admin'", "role === \"admin\"", "role !== \"admin\"", "role == \"admin\"", "role != \"admin\"",
                       "roles.includes('admin", "'admin' in"]
        let flags = ["isadmin", "is_admin", "is_staff", "is_superuser"]
        let decisions = ["if ", "if(", "elif ", "assert ", "&&", "||", "? ", "abort(", "raise ", "throw ", "403", "unless", "return not "]
        let all = lines().map { $0.text.lowercased() }
        for (i, t) in all.enumerated() {
            if helpers.contains(where: { t.contains($0) }) { return true }
            if flags.contains(where: { t.contains($0) }), decisions.contains(where: { t.contains($0) }) { return true }
            // A Supabase lookup of the caller's own role row: `.eq('user_id', caller.id).eq('role', 'admin')` (one chain, maybe over
            // several lines). Listing the admins (`.eq('role', 'admin')` alone) is not a check.
            if t.contains(".eq('role',") || t.contains(".eq(\"role\",") {
                let chain = all[max(0, i - 3)...min(all.count - 1, i + 3)]
                if chain.contains(where: { c in (c.contains(".eq('user_id',") || c.contains(".eq(\"user_id\",")) && Self.callerIDWords.contains { c.contains($0) } }) {
                    return true
                }
            }
        }
        return false
    }

    private static let callerIDWords = ["user.id", "caller", "claims", "auth.uid", "session"]

    // MARK: - JS operations

    private func jsOps(_ access: DataAccessFile?) -> [HandlerOp] {
        guard let code else { return [] }
        var out: [HandlerOp] = []
        var serviceRoleCache: Bool? = serviceRoleHint
        func serviceRoleFile() -> Bool {
            if let v = serviceRoleCache { return v }
            let v = Self.usesServiceRole(file) || Self.usesFirebaseAdmin(file)
            serviceRoleCache = v
            return v
        }
        for c in access?.calls ?? [] where span.contains(c.anchor) && c.api != .http && c.op != .rpc {
            var whereText = "", writeText: String?, obj: Int?
            var op = c.op
            switch c.api {
            case .supabase:
                let receiver = code.text(c.start..<c.anchor).lowercased()
                let admin = receiver.contains("admin") || receiver.contains("service")
                if !admin && supabaseUserScoped && !serviceRoleFile() { continue }  // the caller's token: RLS decides
                whereText = c.methods.filter { DataAccessFile.supabaseFilters.contains($0.name) }.map { code.text($0.args).replacingOccurrences(of: ",", with: ":") }.joined(separator: " , ")
                if let m = c.methods.first(where: { ["update", "upsert", "insert"].contains($0.name) }) { writeText = code.text(m.args); obj = objectStart(m.args) }
            case .prisma:
                let entries = access?.entries(c) ?? []
                whereText = entries.first { $0.key == "where" }.map { code.text($0.value) } ?? ""
                if let d = entries.first(where: { $0.key == (c.op == .upsert ? "update" : "data") }) { writeText = code.text(d.value); obj = objectStart(d.value) }
            case .drizzle:
                if let sel = c.methods.first(where: { $0.name == "select" }), Self.isAggregate(code.text(sel.args)) { op = .count }
                whereText = c.methods.filter { $0.name == "where" }.map { code.text($0.args) }.joined(separator: " , ")
                if whereText.isEmpty, let w = access?.entries(c).first(where: { $0.key == "where" }) { whereText = code.text(w.value) }
                if let m = c.methods.first(where: { $0.name == "set" || $0.name == "values" }) { writeText = code.text(m.args); obj = objectStart(m.args) }
            case .sql:
                let sql = c.sql ?? ""
                let params = c.methods.first.map { m in code.splitTopLevel(m.args.lowerBound, m.args.upperBound).dropFirst().map { code.text($0) }.joined(separator: " , ") } ?? ""
                let lower = sql.lowercased()
                if let r = lower.range(of: "where") { whereText = String(sql[r.lowerBound...]) + " " + params } else { whereText = params }
                if c.isWrite { writeText = sql + " " + params }
            case .firebase:
                guard serviceRoleFile() else { continue }
                whereText = c.sql ?? code.text(c.start..<c.end)
                if c.isWrite { writeText = code.text(c.start..<c.end) }
            case .http, .knex: continue  // Knex chains are read by `knexOps`
            }
            out.append(HandlerOp(table: c.table, op: op, anchor: c.anchor, whereText: whereText, writeText: writeText, writeObject: obj, binding: c.boundNames))
        }
        out += knexOps(code)
        out += mongooseOps(code)
        return out.sorted { $0.anchor < $1.anchor }
    }

    private func objectStart(_ r: Range<Int>) -> Int? {
        guard let code else { return nil }
        let s = code.skipSpace(r.lowerBound)
        return s < code.bytes.count && code.bytes[s] == 0x7B ? s : nil
    }

    /// `knex('tasks').where({ id }).first()`, `db('orders').where('id', id).update({…})`.
    private func knexOps(_ code: JSCode) -> [HandlerOp] {
        var out: [HandlerOp] = []
        for root in ["knex", "db", "trx", "database", "k"] {
            for o in code.occurrences(root + "(", in: span) {
                if o > 0 && code.bytes[o - 1] == 0x2E { continue }
                let p = o + root.utf8.count
                let a = code.skipSpace(p + 1)
                guard let table = code.stringLiteral(at: a), let close = code.close(p) else { continue }
                let (methods, _) = DataAccessFile.chain(code, from: code.skipSpace(close + 1))
                guard !methods.isEmpty else { continue }
                let names = methods.map(\.name)
                var op: DBCall.Op = names.contains("first") ? .readOne : .read
                if names.contains("insert") { op = .insert } else if names.contains("update") { op = .update } else if names.contains("del") || names.contains("delete") { op = .delete }
                let whereText = methods.filter { $0.name.lowercased().contains("where") }.map { code.text($0.args) }.joined(separator: " , ")
                let w = methods.first { $0.name == "update" || $0.name == "insert" }
                out.append(HandlerOp(table: table.split(separator: " ").first.map(String.init), op: op, anchor: o, whereText: whereText,
                                     writeText: w.map { code.text($0.args) }, writeObject: w.flatMap { objectStart($0.args) },
                                     binding: DataAccessFile.binding(code, o).1))
            }
        }
        return out
    }

    /// Mongoose: `Order.findById(req.params.id)`, `User.findByIdAndUpdate(id, req.body)`.
    private func mongooseOps(_ code: JSCode) -> [HandlerOp] {
        let methods: [(String, DBCall.Op)] = [
            ("findById", .readOne), ("findOne", .readOne), ("findByIdAndUpdate", .update), ("findOneAndUpdate", .update), ("updateOne", .update),
            ("findByIdAndDelete", .delete), ("findByIdAndRemove", .delete), ("findOneAndDelete", .delete), ("deleteOne", .delete), ("find", .read),
        ]
        var out: [HandlerOp] = []
        for (m, op) in methods {
            for o in code.occurrences("." + m + "(", in: span, wordStart: false) {
                guard let (model, _) = code.identifier(endingAt: o), model.first?.isUppercase == true, model != "Object", model != "Array" else { continue }
                let p = o + m.utf8.count + 1
                guard let c = code.close(p) else { continue }
                let args = code.splitTopLevel(p + 1, c)
                let whereText = args.first.map { code.text($0) } ?? ""
                let write = op == .update && args.count >= 2 ? args[1] : nil
                out.append(HandlerOp(table: model, op: op, anchor: o + 1, whereText: whereText, writeText: write.map { code.text($0) },
                                     writeObject: write.flatMap { objectStart($0) }, binding: DataAccessFile.binding(code, DataAccessFile.receiverStart(code, dot: o)).1))
            }
        }
        return out
    }

    /// `select({ count: count() })`, `sql<number>\`count(*)\``: an aggregate, not rows.
    static func isAggregate(_ t: String) -> Bool {
        let l = t.lowercased()
        return ["count(", "sum(", "avg(", "max(", "min("].contains { l.contains($0) } && !l.contains("...")
    }

    static let userScopedLiterals = ["createServerClient", "createRouteHandlerClient", "createServerComponentClient", "createServerActionClient",
                                     "createMiddlewareClient", "createPagesServerClient", "Authorization", "authorization", "setSession(", "auth.getUser("]

    /// Whether a file creates or uses a Supabase client bound to the caller (cookies or a forwarded token).
    static func userScopedMarkers(_ f: ScannedFile) -> Bool {
        guard f.language.isJSFamily else { return false }
        let all = 0..<f.bytes.count
        return userScopedLiterals.contains { ByteNav.contains(f, $0, in: all, filter: .live) }
    }

    static func usesServiceRole(_ f: ScannedFile) -> Bool {
        ByteNav.contains(f, "service_role", in: 0..<f.bytes.count, filter: .live, caseInsensitive: true)
            || ByteNav.contains(f, "serviceRole", in: 0..<f.bytes.count, filter: .live, caseInsensitive: true)
            || ByteNav.contains(f, "SERVICE_KEY", in: 0..<f.bytes.count, filter: .live)
    }

    static func usesFirebaseAdmin(_ f: ScannedFile) -> Bool {
        ByteNav.contains(f, "firebase-admin", in: 0..<f.bytes.count, filter: .live) || ByteNav.contains(f, "admin.firestore(", in: 0..<f.bytes.count)
    }

    // MARK: - Python operations

    private static let pyMarkers = [".query.", ".query(", "db.session", "session.query", ".execute(", "get_or_404", ".objects.", "session.get(",
                                    "session.scalars(", "session.scalar(", ".table(", "session.exec("]

    private func pythonOps() -> [HandlerOp] {
        var out: [HandlerOp] = []
        var loads: [String: (table: String, whereText: String, anchor: Int)] = [:]
        for line in lines() {
            let t = line.text
            guard Self.pyMarkers.contains(where: { t.contains($0) }) else { continue }
            let lower = t.lowercased()
            if lower.contains("db.session.commit") || lower.contains("db.session.rollback") || lower.contains(".commit()") && !lower.contains("execute") { continue }
            var op: DBCall.Op
            if lower.contains("delete from") || lower.contains(".delete(") { op = .delete } else if lower.contains("update ") && lower.contains(" set ") || lower.contains(".update(") {
                op = .update
            } else if lower.contains("insert into") || lower.contains("session.add(") || lower.contains(".create(") || lower.contains(".insert(") {
                op = .insert
            } else if [".get(", "get_or_404", ".first(", ".one(", ".one_or_none(", "fetchone", ".scalar(", "session.get("].contains(where: { lower.contains($0) }) {
                op = .readOne
            } else { op = .read }
            var anchorOffset = line.offset
            while anchorOffset < span.upperBound - 1, file.bytes[anchorOffset] == 0x20 || file.bytes[anchorOffset] == 0x09 { anchorOffset += 1 }
            var table = Self.pythonTable(t)
            var whereText = t
            // `db.session.delete(book)` acts on the record an earlier line loaded: its table and the query that chose it
            // (where an owner filter belongs, so the finding points there).
            if table == nil, op == .delete, let r = t.range(of: ".delete("), let arg = JSCode.identifiers(in: String(t[r.upperBound...])).first,
               let load = loads[arg] {
                table = load.table
                whereText = load.whereText
                anchorOffset = load.anchor
            }
            if let eq = t.firstIndex(of: "="), t[t.index(after: eq)...].first != "=", let name = JSCode.identifiers(in: String(t[..<eq])).last,
               !t[..<eq].contains("("), let tb = table {
                loads[name] = (tb, t, anchorOffset)
            }
            out.append(HandlerOp(table: table, op: op, anchor: min(anchorOffset, span.upperBound - 1), whereText: whereText,
                                 writeText: op == .read || op == .readOne ? nil : t, writeObject: nil))
        }
        return out
    }

    /// `Note.query`, `session.query(Note)`, `Note.objects`, `get_or_404(Note, id)`, SQL FROM/INTO/UPDATE, `.table('notes')`.
    static func pythonTable(_ t: String) -> String? {
        let ids = JSCode.identifiers(in: t)
        for (i, id) in ids.enumerated() where (id == "query" || id == "objects") && i > 0 && ids[i - 1].first?.isUppercase == true { return ids[i - 1] }
        for key in ["query(", "get_or_404(", "session.get(", "select("] {
            if let r = t.range(of: key), let id = JSCode.identifiers(in: String(t[r.upperBound...])).first, id.first?.isUppercase == true { return id }
        }
        if let r = t.range(of: ".table(") {
            let rest = t[r.upperBound...].drop { $0 == " " || $0 == "'" || $0 == "\"" }
            return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        let words = t.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init)
        for key in ["from", "into", "update"] {
            if let i = words.firstIndex(of: key), i + 1 < words.count { return words[i + 1] }
        }
        return nil
    }

    // MARK: - Role escalation

    /// Whether a write sets a role-like field from request input (`role: body.role`, `{ ...req.body }` on a table with a role
    /// column, `user.role = data['role']`). Returns the field.
    func roleFromRequest(_ op: HandlerOp, tableHasRole: Bool) -> String? {
        guard let w = op.writeText else { return nil }
        if let o = op.writeObject, let code {
            for e in code.objectEntries(o) where Self.roleKeys.contains(e.key) {
                if isTainted(code.text(e.value)) || tainted.contains(e.key) && code.text(e.value) == e.key { return e.key }
            }
            if tableHasRole, let cl = code.close(o) {
                for part in code.splitTopLevel(o + 1, cl) where code.text(part).hasPrefix("...") && isTainted(code.text(part)) { return "role (through a spread of the request)" }
            }
            return nil
        }
        if python {
            if w.contains("**"), isTainted(w), tableHasRole { return "role (through **request data)" }
            return nil
        }
        if op.table != nil, w.lowercased().contains(" set "), let r = w.lowercased().range(of: " set ") {
            // SQL: SET role = $n with request parameters.
            let setPart = w.lowercased()[r.upperBound...]
            if let k = Self.roleKeys.first(where: { setPart.contains($0.lowercased() + " =") || setPart.contains($0.lowercased() + "=") }), isTainted(w) { return k }
            return nil
        }
        let t = w.trimmingCharacters(in: .whitespaces)
        if tableHasRole, !t.hasPrefix("{"), !t.hasPrefix("'"), !t.hasPrefix("\""), isTainted(t) { return "role (the whole request body is written)" }
        return nil
    }

    func firstCode(_ o: Int) -> Int {
        var k = o
        while k < span.upperBound - 1, file.bytes[k] == 0x20 || file.bytes[k] == 0x09 { k += 1 }
        return k
    }

    /// Python attribute writes `user.role = …` from request data, or `setattr(user, k, v)` over request data.
    func pythonRoleAssignment() -> (String, Int)? {
        guard python else { return nil }
        for line in lines() {
            let t = line.text.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("setattr("), isTainted(t) || lines().contains(where: { $0.text.contains(".items()") && isTainted($0.text) }) {
                return ("any field, role included (setattr over the request data)", firstCode(line.offset))
            }
            guard let eq = t.firstIndex(of: "="), t[t.index(after: eq)...].first != "=", t[..<eq].last != "!" else { continue }
            let lhs = t[..<eq].trimmingCharacters(in: .whitespaces)
            guard let dot = lhs.lastIndex(of: ".") else { continue }
            let field = String(lhs[lhs.index(after: dot)...])
            if Self.roleKeys.contains(field), isTainted(String(t[t.index(after: eq)...])) { return (field, firstCode(line.offset)) }
        }
        return nil
    }
}
