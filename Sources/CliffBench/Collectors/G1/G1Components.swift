/// A hard-coded array of record-like objects in a file.
struct G1EntityArray: Sendable {
    var path: String
    var shape: G1ArrayShape
    /// The binding it is assigned to (`const doctors = [` → "doctors"), the property (`tickets: [`), or nil.
    var name: String?
    /// `useState([…])`, `return […]`, an argument, …: what the literal feeds directly.
    var context: Context
    /// Declared at module level (outside any function).
    var moduleLevel: Bool

    enum Context: Sendable, Equatable { case binding, property, stateSeed, returned, argument, other }
}

/// React state seeded from a hard-coded list and then edited in the component, with no call that persists it.
struct G1SeededState: Sendable {
    var path: String
    /// Offset of `useState`.
    var offset: Int
    var state: String
    var setter: String
    /// Where the seed list is written: the same file or another app file.
    var seedPath: String
    var seedName: String?
    var entityObjects: Int
}

/// Reads component files: hard-coded entity lists, state seeded from them, and whether a range
/// of code reaches a backend.
enum G1Components {
    /// Every array literal of two or more record-like objects, outermost only.
    static func entityArrays(_ file: ScannedFile) -> [G1EntityArray] {
        let b = file.bytes
        var out: [G1EntityArray] = []
        var i = 0
        let rs = file.regions
        var ri = 0
        while i < b.count {
            if ri < rs.count && i >= Int(rs[ri].start) {
                if i < Int(rs[ri].end) { i = Int(rs[ri].end) }
                ri += 1
                continue
            }
            if b[i] == 0x5B {
                let n = ProdText.skipSpace(b, from: i + 1)
                if n < b.count && b[n] == 0x7B, let shape = G1Data.arrayShape(file, open: i) {
                    if shape.isSeedList {
                        let (name, ctx) = binding(file, open: i)
                        out.append(G1EntityArray(path: file.path, shape: shape, name: name, context: ctx,
                                                 moduleLevel: ProdText.enclosingOpen(file, before: i, brackets: [0x7B]) == nil))
                    }
                    i = shape.close + 1
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// What the array literal at `open` is bound to.
    static func binding(_ file: ScannedFile, open: Int) -> (String?, G1EntityArray.Context) {
        let b = file.bytes
        let p = ProdText.prevNonSpace(b, before: open)
        guard p >= 0 else { return (nil, .other) }
        switch b[p] {
        case 0x3D:
            guard p == 0 || (b[p - 1] != 0x3D && b[p - 1] != 0x21 && b[p - 1] != 0x3C && b[p - 1] != 0x3E) else { return (nil, .other) }
            let line = file.lineRange(file.location(of: p).line)
            let text = Array(b[line.lowerBound..<p])
            for kw in ["const ", "let ", "var "] {
                if let r = lastIndex(of: Array(kw.utf8), in: text) {
                    let name = ProdText.identifier(text, at: r + kw.utf8.count)
                    if !name.isEmpty { return (name, .binding) }
                }
            }
            var q = ProdText.prevNonSpace(b, before: p)
            if q >= 0 && b[q] == 0x5D {
                if let o = ProdText.enclosingOpen(file, before: q, brackets: [0x5B]) { q = ProdText.prevNonSpace(b, before: o) }
            }
            let w = ProdText.identifier(b, endingAt: q).name
            return (w.isEmpty ? nil : w, .binding)
        case 0x3A:
            let w = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: p))
            if !w.name.isEmpty { return (w.name, .property) }
            if let ri = ProdText.regionIndex(file, containing: ProdText.prevNonSpace(b, before: p)), file.regions[ri].kind == .string {
                return (ProdText.stringContent(file, region: file.regions[ri]), .property)
            }
            return (nil, .other)
        case 0x28:
            var q = ProdText.prevNonSpace(b, before: p)
            // `useState<Todo[]>([…])`: step over the type arguments to the callee.
            if q >= 1 && b[q] == 0x3E && b[q - 1] != 0x3D {
                var depth = 0
                var k = q
                while k >= max(0, q - 120) {
                    if b[k] == 0x3E && !(k > 0 && b[k - 1] == 0x3D) { depth += 1 } else if b[k] == 0x3C { depth -= 1; if depth == 0 { break } }
                    k -= 1
                }
                if k >= 0 && depth == 0 { q = ProdText.prevNonSpace(b, before: k) }
            }
            let w = ProdText.identifier(b, endingAt: q).name
            return (w, w == "useState" || w == "useReducer" || w == "ref" || w == "reactive" || w == "writable" ? .stateSeed : .argument)
        default:
            let w = ProdText.identifier(b, endingAt: p).name
            if w == "return" { return (nil, .returned) }
            if b[p] == 0x3E && p > 0 && b[p - 1] == 0x3D { return (nil, .returned) }
            return (nil, .other)
        }
    }

    private static func lastIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if Array(hay[i..<(i + needle.count)]) == needle && (i == 0 || !ProdText.isIdent(hay[i - 1])) { return i }
            i -= 1
        }
        return nil
    }

    /// `const [todos, setTodos] = useState(SEED)` where SEED is a hard-coded record list (inline, in
    /// the file, or imported from an app file), `setTodos` adds, removes or edits records, and the
    /// file neither calls a backend nor writes browser storage.
    static func seededStates(_ file: ScannedFile, profile: ProdAppProfile, arraysByFile: (String) -> [G1EntityArray]) -> [G1SeededState] {
        guard file.language.isJSFamily else { return [] }
        let b = file.bytes
        let whole = 0..<b.count
        if ProdText.contains(file, G1Data.dataCalls, in: whole) || ProdText.contains(file, G1Data.storageWrites, in: whole) { return [] }
        var out: [G1SeededState] = []
        for o in ProdText.all(file, "useState", filter: .code) {
            var a = o + 8
            a = ProdText.skipSpace(b, from: a)
            if a < b.count && b[a] == 0x3C {
                var depth = 0
                while a < b.count {
                    if b[a] == 0x3C { depth += 1 } else if b[a] == 0x3E { depth -= 1; if depth == 0 { a += 1; break } }
                    a += 1
                }
            }
            a = ProdText.skipSpace(b, from: a)
            guard a < b.count, b[a] == 0x28 else { continue }
            var arg = ProdText.skipSpace(b, from: a + 1)
            if ProdText.has(b, at: arg, "()") {
                let arrow = ProdText.skipSpace(b, from: arg + 2)
                if ProdText.has(b, at: arrow, "=>") { arg = ProdText.skipSpace(b, from: arrow + 2) }
            }
            guard arg < b.count else { continue }
            var seedPath = file.path
            var seedName: String?
            var objects = 0
            if b[arg] == 0x5B {
                guard let shape = G1Data.arrayShape(file, open: arg), shape.isSeedList else { continue }
                objects = shape.entityObjects
            } else if ProdText.isIdent(b[arg]) {
                let name = ProdText.identifier(b, at: arg)
                let after = ProdText.skipSpace(b, from: arg + name.utf8.count)
                guard after < b.count, b[after] == 0x29 || b[after] == 0x2C else { continue }
                if let local = arraysByFile(file.path).first(where: { $0.name == name && $0.context == .binding }) {
                    objects = local.shape.entityObjects
                } else if let (p, arr) = importedArray(name, into: file, profile: profile, arraysByFile: arraysByFile) {
                    seedPath = p
                    objects = arr.shape.entityObjects
                } else {
                    continue
                }
                seedName = name
            } else {
                continue
            }
            guard let (state, setter) = stateNames(file, useStateAt: o) else { continue }
            guard editsRecords(file, setter: setter) else { continue }
            out.append(G1SeededState(path: file.path, offset: o, state: state, setter: setter, seedPath: seedPath, seedName: seedName,
                                     entityObjects: objects))
        }
        return out
    }

    /// An entity array `name` imported from another app file.
    static func importedArray(_ name: String, into file: ScannedFile, profile: ProdAppProfile,
                              arraysByFile: (String) -> [G1EntityArray]) -> (String, G1EntityArray)? {
        for imp in profile.imports[file.path] ?? [] where imp.names.contains(name) && imp.isLocal {
            guard let target = profile.resolve(imp.spec, from: file.path, language: file.language) else { continue }
            if let arr = arraysByFile(target).first(where: { $0.name == name && $0.moduleLevel }) { return (target, arr) }
            if let arr = arraysByFile(target).first(where: { $0.moduleLevel && $0.context == .binding }), imp.names.count == 1 { return (target, arr) }
        }
        return nil
    }

    /// `const [a, setA] = useState(` → (a, setA).
    static func stateNames(_ file: ScannedFile, useStateAt o: Int) -> (String, String)? {
        let b = file.bytes
        let eq = ProdText.prevNonSpace(b, before: o)
        guard eq >= 0, b[eq] == 0x3D else { return nil }
        let close = ProdText.prevNonSpace(b, before: eq)
        guard close >= 0, b[close] == 0x5D, let open = ProdText.enclosingOpen(file, before: close, brackets: [0x5B]) else { return nil }
        let inner = String(decoding: b[(open + 1)..<close], as: UTF8.self)
        let parts = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("set") else { return nil }
        return (parts[0], parts[1])
    }

    /// Whether `setter(` is called to add, remove or change records (`[...x, y]`, `.filter(`, `.map(`, `prev =>`).
    static func editsRecords(_ file: ScannedFile, setter: String) -> Bool {
        for o in ProdText.all(file, setter + "(", filter: .code) {
            guard let close = ProdText.matchingClose(file, open: o + setter.utf8.count) else { continue }
            let args = (o + setter.utf8.count + 1)..<close
            if ProdText.contains(file, ProdNeedles(["...", ".filter(", ".map(", ".concat(", ".splice(", ".push(", ".slice("]), in: args) { return true }
        }
        return false
    }

    static func hasDataCall(_ file: ScannedFile, in range: Range<Int>) -> Bool { ProdText.contains(file, G1Data.dataCalls, in: range) }
}
