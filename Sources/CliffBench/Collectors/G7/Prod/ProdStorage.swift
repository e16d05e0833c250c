/// Browser-storage writes: which key a `localStorage.setItem`, `useLocalStorage`, zustand
/// `persist` or `localStorage[key] =` writes, and whether a file stores business records there.
enum ProdStorage {
    static let writeLiterals = ["localStorage.setItem(", "sessionStorage.setItem(", "localStorage[", "useLocalStorage", "useLocalStorageState",
                                "useSessionStorage", "useStorageState", "persist(", "localforage.setItem("]


    /// The storage key (and the stored value's name) of a storage write at `o`.
    static func key(_ f: ScannedFile, at o: Int, literal: String) -> (String, String?)? {
        let b = f.bytes
        if literal == "persist(" {
            guard let close = ProdText.matchingClose(f, open: o + literal.utf8.count - 1) else { return nil }
            for n in ProdText.all(f, "name", in: o..<close) {
                let c = ProdText.skipSpace(b, from: n + 4)
                guard c < close, b[c] == 0x3A else { continue }
                let s = ProdText.skipSpace(b, from: c + 1)
                if let lit = ProdText.stringLiteral(f, at: s) { return (lit.text, nil) }
            }
            return nil
        }
        if literal == "localStorage[" {
            let s = o + literal.utf8.count
            guard let lit = ProdText.stringLiteral(f, at: ProdText.skipSpace(b, from: s)), let close = ProdText.matchingClose(f, open: s - 1) else { return nil }
            let e = ProdText.skipSpace(b, from: close + 1)
            guard e + 1 < b.count, b[e] == 0x3D, b[e + 1] != 0x3D else { return nil }
            return (lit.text, nil)
        }
        var open = o + literal.utf8.count - 1
        if literal.hasPrefix("use") {
            let before = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name
            if before == "function" || before == "const" || before == "let" { return nil }
            open = o + literal.utf8.count
            if open < b.count && ProdText.isIdent(b[open]) { return nil }
            if open < b.count && b[open] == 0x3C {
                var depth = 0
                while open < b.count {
                    if b[open] == 0x3C { depth += 1 } else if b[open] == 0x3E { depth -= 1; if depth == 0 { open += 1; break } }
                    open += 1
                }
            }
            open = ProdText.skipSpace(b, from: open)
        }
        guard open < b.count, b[open] == 0x28, let close = ProdText.matchingClose(f, open: open) else { return nil }
        let a = ProdText.skipSpace(b, from: open + 1)
        var key: String?
        if let lit = ProdText.stringLiteral(f, at: a) {
            key = lit.text
        } else if a < close, ProdText.isIdent(b[a]) {
            var e = a
            while e < close && (ProdText.isIdent(b[e]) || b[e] == 0x2E) { e += 1 }
            let expr = f.string(a..<e)
            let last = String(expr.split(separator: ".").last ?? Substring(expr))
            key = resolveConstant(f, name: last) ?? (expr.contains(".") ? last : nil)
            if key == nil && isParameter(f, name: last, at: o) { return nil }
            if key == nil { key = last }
        }
        guard let k = key, !k.isEmpty else { return nil }
        var value: String?
        let valueText = f.string(a..<close)
        if let r = valueText.range(of: "JSON.stringify(") {
            let rest = valueText[r.upperBound...]
            value = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
        }
        return (k, value)
    }

    /// The string a constant is initialised with (`const KEY = 'todos'`, `TODOS: 'app-todos'`).
    static func resolveConstant(_ f: ScannedFile, name: String) -> String? {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let e = ProdText.skipSpace(b, from: o + name.utf8.count)
            guard e < b.count, b[e] == 0x3D || b[e] == 0x3A else { continue }
            if b[e] == 0x3D && e + 1 < b.count && (b[e + 1] == 0x3D || b[e + 1] == 0x3E) { continue }
            if let lit = ProdText.stringLiteral(f, at: ProdText.skipSpace(b, from: e + 1)) { return lit.text }
        }
        return nil
    }

    /// Whether `name` is a parameter of the function around `at` (a generic storage helper).
    static func isParameter(_ f: ScannedFile, name: String, at: Int) -> Bool {
        guard let body = ProdText.enclosingFunctionBody(f, at: at) else { return false }
        let start = max(0, body.lowerBound - 300)
        return f.string(start..<body.lowerBound).contains(name)
    }

    /// The record kinds a file keeps in browser storage (keys that name entities), e.g. ["task"].
    static func entityKeys(in f: ScannedFile, taskEntities: [String]) -> [String] {
        var out: [String] = []
        for lit in writeLiterals {
            for o in f.find(lit, in: .code) {
                if o > 0 && ProdText.isIdent(f.bytes[o - 1]) { continue }
                guard let (k, v) = key(f, at: o, literal: lit) else { continue }
                if case .entity(let e) = G1Data.classifyKey(k, value: v, taskEntities: taskEntities) { out.append(e) }
            }
        }
        return out
    }
}
