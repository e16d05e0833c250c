import Foundation

/// Named server-side functions and methods that run database operations (a Replit `storage.getShoot(id, userId)`,
/// a `services/orders.ts` helper), so a route handler that calls one can be judged by what the callee queries.
struct CalleeIndex {
    struct Entry {
        var file: String
        var params: [String]
        /// The callee's operations, texts in terms of its own parameters.
        var ops: [HandlerOp]
        /// The callee compares the record's owner with a parameter itself (`if (row.userId !== userId) return false`).
        var checksOwner: Bool
    }

    private(set) var byName: [String: [Entry]] = [:]

    init(_ files: [DataAccessFile], userScoped: (ScannedFile) -> Bool = { HandlerAccess.userScopedMarkers($0) }) {
        for a in files where a.file.role == .server || a.file.role == .shared && !ShippedCode.runsInBrowser(a.file) || a.file.role == .other {
            guard ShippedCode.isShippedCode(a.file), !ShippedCode.runsInBrowser(a.file) || a.file.role == .shared else { continue }
            let code = a.code
            var named: [(Range<Int>, String, [String])] = []
            for body in code.functions where body.lowerBound < code.bytes.count && code.bytes[body.lowerBound] == 0x7B {
                if let (name, params) = Self.header(code, body.lowerBound) { named.append((body, name, params)) }
            }
            guard !named.isEmpty else { continue }
            let scoped = userScoped(a.file)
            let service = a.calls.contains { $0.api == .supabase || $0.api == .firebase } ? HandlerAccess.usesServiceRole(a.file) || HandlerAccess.usesFirebaseAdmin(a.file) : false
            var opsBy: [Int: [HandlerOp]] = [:]
            var ownerChecked = Set<Int>()
            var spanOf: [Int: Range<Int>] = [:]
            for (k, n) in named.enumerated() { spanOf[k] = n.0 }
            for (k, n) in named.enumerated() {
                // Only functions with a call of their own (not through an inner named function).
                let inner = named.enumerated().filter { $0.offset != k && n.0.contains($0.element.0.lowerBound) && $0.element.0.count < n.0.count }.map(\.element.0)
                let h = HandlerAccess(file: a.file, span: n.0, routePath: "", access: a, supabaseUserScoped: scoped, serviceRole: service)
                let own = h.ops.filter { op in !inner.contains { $0.contains(op.anchor) } }
                if !own.isEmpty { opsBy[k] = own; if h.checksOwnership(after: n.0.lowerBound) { ownerChecked.insert(k) } }
            }
            for (k, ops) in opsBy {
                let n = named[k]
                byName[n.1, default: []].append(Entry(file: a.file.path, params: n.2, ops: ops, checksOwner: ownerChecked.contains(k)))
            }
        }
    }

    private static let notNames: Set<String> = ["if", "for", "while", "switch", "catch", "function", "return", "async", "await", "constructor", "then", "map", "forEach", "filter", "reduce", "get", "set", "use", "handler", "default"]

    /// The name and parameter names of the function whose body opens at `brace`: `async name(a, b) {`,
    /// `function name(a) {`, `const name = async (a) => {`, `name: async (a) => {`.
    static func header(_ code: JSCode, _ brace: Int) -> (String, [String])? {
        var k = code.skipSpaceBack(brace - 1)
        let b = code.bytes
        guard k >= 0 else { return nil }
        // `): Promise<X> {` — skip a return type annotation back to the `)`.
        if b[k] != 0x29 && !(b[k] == 0x3E && k > 0 && b[k - 1] == 0x3D) {
            var j = k
            var depth = 0
            while j > max(0, brace - 200) {
                let c = b[j]
                if c == 0x3E { depth += 1 } else if c == 0x3C { depth -= 1 }
                if c == 0x29 && depth == 0 { break }
                if c == 0x3B || c == 0x7D || c == 0x7B { return nil }
                j -= 1
            }
            k = j
        }
        if b[k] == 0x3E && k > 0 && b[k - 1] == 0x3D { k = code.skipSpaceBack(k - 2) }  // arrow
        guard k >= 0, b[k] == 0x29, let open = code.open(k) else { return nil }
        let params = code.splitTopLevel(open + 1, k).compactMap { r -> String? in
            let t = code.text(r)
            if t.hasPrefix("{") || t.hasPrefix("[") { return nil }
            return JSCode.identifiers(in: t).first { $0 != "readonly" && $0 != "public" && $0 != "private" }
        }
        var p = code.skipSpaceBack(open - 1)
        guard p >= 0 else { return nil }
        if b[p] == 0x3E, let lt = (max(0, p - 120)..<p).reversed().first(where: { b[$0] == 0x3C }) { p = code.skipSpaceBack(lt - 1) }  // generics
        guard let (id, s) = code.identifier(endingAt: p + 1) else {
            return nil
        }
        var name = id
        if name == "async" || name == "function" {
            // `const name = async (…) =>`, `name: async (…) =>`, `name = function (…)`
            let q = code.skipSpaceBack(s - 1)
            guard q >= 0, b[q] == 0x3D || b[q] == 0x3A else {
                if name == "function" { return nil }
                return nil
            }
            let r = code.skipSpaceBack(q - 1)
            guard let (n2, _) = code.identifier(endingAt: r + 1) else { return nil }
            name = n2
        }
        if notNames.contains(name) { return nil }
        return (name, params)
    }

    /// Operations of the callees a handler calls (`storage.getOrder(req.params.id)`), with the callee's parameters replaced by
    /// the call's arguments and anchored at the call.
    func ops(in h: HandlerAccess) -> [HandlerOp] {
        guard let code = h.code, !byName.isEmpty else { return [] }
        var out: [HandlerOp] = []
        let b = code.bytes
        var i = h.span.lowerBound
        while i < h.span.upperBound {
            guard ByteClass.isIdentifier(b[i]), i == 0 || !ByteClass.isIdentifier(b[i - 1]), h.file.kind(at: i) == .code,
                  let id = code.identifier(at: i) else { i += 1; continue }
            let e = i + id.utf8.count
            defer { i = e }
            guard let entries = byName[id], e < b.count, b[e] == 0x28, let close = code.close(e) else { continue }
            // A member call on a non-database object, or a plain call.
            if i > 0, b[i - 1] == 0x2E, let (recv, _) = code.identifier(endingAt: i - 1), ["prisma", "db", "tx", "supabase", "knex", "pool", "client"].contains(recv) { continue }
            let args = code.splitTopLevel(e + 1, close).map { code.text($0) }
            guard let entry = entries.first(where: { $0.params.count == args.count }) ?? entries.first else { continue }
            let start = i > 0 && b[i - 1] == 0x2E ? DataAccessFile.receiverStart(code, dot: i - 1) : i
            let bound = DataAccessFile.binding(code, start).1
            var subst: [String: String] = [:]
            for (k, p) in entry.params.enumerated() where k < args.count { subst[p] = args[k] }
            for op in entry.ops {
                let whereText = Self.substitute(op.whereText, subst) + (entry.checksOwner ? " , ownerCheckedByCallee" : "")
                out.append(HandlerOp(table: op.table, op: op.op, anchor: i, whereText: whereText,
                                     writeText: op.writeText.map { Self.substitute($0, subst) }, writeObject: nil, binding: bound))
            }
        }
        return out
    }

    /// Replaces whole identifiers (not members after a dot, not object keys before a colon) by their values.
    static func substitute(_ text: String, _ map: [String: String]) -> String {
        guard !map.isEmpty else { return text }
        let b = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if ByteClass.isIdentifier(b[i]) && (i == 0 || !ByteClass.isIdentifier(b[i - 1])) {
                var e = i
                while e < b.count && ByteClass.isIdentifier(b[e]) { e += 1 }
                let id = String(decoding: b[i..<e], as: UTF8.self)
                var k = e
                while k < b.count && b[k] == 0x20 { k += 1 }
                let isKey = k < b.count && b[k] == 0x3A && !(k + 1 < b.count && b[k + 1] == 0x3A)
                let isMember = i > 0 && b[i - 1] == 0x2E
                if let v = map[id], !isMember {
                    if isKey {
                        // `{ userId: userId }` keeps its key; a shorthand `{ userId }` becomes `userId: <value>`.
                        out.append(contentsOf: b[i..<e])
                    } else if isShorthand(b, i, e) {
                        out.append(contentsOf: Array((id + ": " + v).utf8))
                    } else {
                        out.append(contentsOf: Array(v.utf8))
                    }
                } else {
                    out.append(contentsOf: b[i..<e])
                }
                i = e
                continue
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `{ id }` / `{ a, id, b }`: the identifier stands alone between `{`/`,` and `,`/`}`.
    private static func isShorthand(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var p = s - 1
        while p >= 0 && b[p] == 0x20 { p -= 1 }
        var n = e
        while n < b.count && b[n] == 0x20 { n += 1 }
        guard p >= 0, n < b.count else { return false }
        return (b[p] == 0x7B || b[p] == 0x2C) && (b[n] == 0x7D || b[n] == 0x2C)
    }
}
