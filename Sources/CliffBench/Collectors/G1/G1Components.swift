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
    /// Every array literal of two or more record-like objects, or of three or more records, chart points or
    /// figures (see `G1ArrayShape`), outermost only. Callers pick the shapes they judge.
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
                // A comment before the first element (`[ // Q3 figures`) does not hide the list.
                let n = G1Data.skipTrivia(file, from: i + 1, to: b.count)
                if n < b.count && b[n] == 0x7B, let shape = G1Data.arrayShape(file, open: i) {
                    if shape.isSeedList || shape.isRecordList || shape.isSeriesList || shape.isFigureList {
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
                if let local = arraysByFile(file.path).first(where: { $0.name == name && $0.context == .binding && $0.shape.isSeedList }) {
                    objects = local.shape.entityObjects
                } else if let (p, arr) = importedArray(name, into: file, profile: profile, arraysByFile: arraysByFile), arr.shape.isSeedList {
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

    // MARK: - Invented data shown as real

    /// What a hard-coded list shown as real data holds.
    enum Invented: Sendable, Equatable {
        case records, series, chart
        var noun: String {
            switch self {
            case .records: return "records"
            case .series: return "chart points or KPI figures"
            case .chart: return "chart figures"
            }
        }
    }

    /// Names of lists that are UI configuration or marketing copy, whatever their shape.
    private static let configWords: Set<String> = [
        "nav", "navigation", "menu", "link", "links", "option", "options", "column", "columns", "tab", "tabs", "step", "steps", "feature",
        "features", "faq", "faqs", "testimonial", "testimonials", "plan", "plans", "tier", "tiers", "pricing", "route", "routes", "field",
        "fields", "filter", "filters", "sort", "preset", "presets", "template", "templates", "example", "examples", "suggestion",
        "suggestions", "category", "categories", "setting", "settings", "config", "shortcut", "shortcuts", "theme", "themes", "color",
        "colors", "social", "partner", "partners", "logo", "logos", "benefit", "benefits", "sidebar", "breadcrumb", "breadcrumbs", "slide",
        "slides", "highlight", "highlights", "choice", "choices", "action", "actions", "schema", "rule", "rules",
        "skeleton",
    ]
    /// Marketing, docs and demo pages, and sign-in pages (demo accounts there are G1.D2's named samples).
    private static let marketingPathWords = ["landing", "marketing", "pricing", "about", "faq", "testimonial", "hero", "/docs/", "onboarding",
                                             "storybook", ".stories.", "showcase", "demo", "login", "signin", "sign-in", "signup", "sign-up",
                                             "register", "/auth/"]

    /// A hard-coded list that a shipped page renders as if it were the app's data: three or more records
    /// (ids, emails, amounts, statuses, or fields such as author/price/company), chart points or KPI tiles
    /// with invented figures, or figures fed to a chart's `data=` prop. Navigation, options, pricing and
    /// marketing lists, fallbacks for real data and lists only read by tests are not. The caller decides
    /// whether the app has a backend those records should come from.
    static func shownAsReal(_ arr: G1EntityArray, in f: ScannedFile, profile: ProdAppProfile) -> (Invented, ScannedFile)? {
        guard let name = arr.name, arr.context == .binding || arr.context == .property else { return nil }
        let lowerPath = f.path.lowercased()
        if marketingPathWords.contains(where: { lowerPath.contains($0) }) { return nil }
        if ProdText.words(name).contains(where: { configWords.contains($0) }) { return nil }
        let shape = arr.shape
        func kind(in g: ScannedFile) -> Invented? {
            if shape.isRecordList || shape.isEntityList { return .records }
            if shape.isSeriesList { return .series }
            if shape.isFigureList && g.contains("data={" + name + "}", in: .code) { return .chart }
            return nil
        }
        if rendered(f, name: name, excluding: arr.shape.open..<(arr.shape.close + 1)), rendersUI(f), let k = kind(in: f) { return (k, f) }
        guard arr.moduleLevel else { return nil }
        for imp in profile.importers[f.path] ?? [] {
            guard let g = profile.file(imp), !profile.serverSide.contains(imp), rendersUI(g) else { continue }
            if marketingPathWords.contains(where: { imp.lowercased().contains($0) }) { continue }
            let names = (profile.imports[imp] ?? []).filter { profile.resolve($0.spec, from: imp, language: g.language) == f.path }.flatMap(\.names)
            if names.contains(name) && rendered(g, name: name, excluding: 0..<0), let k = kind(in: g) { return (k, g) }
        }
        return nil
    }

    /// JSX/templates or DOM building: the file puts things on screen.
    static func rendersUI(_ f: ScannedFile) -> Bool {
        switch f.language {
        case .tsx, .jsx, .vue, .svelte, .html: return true
        case .javascript, .typescript:
            return ProdText.contains(f, ProdNeedles(["innerHTML", "createElement(", "appendChild(", "insertAdjacentHTML(", "textContent"]), in: 0..<f.bytes.count)
        default: return false
        }
    }

    /// Rendered, filtered, iterated or passed on somewhere other than a fallback position (`x || NAME`, `c ? x : NAME`).
    static func rendered(_ f: ScannedFile, name: String, excluding: Range<Int>) -> Bool {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) where !excluding.contains(o) {
            let e = o + name.utf8.count
            if e < b.count && ProdText.isIdent(b[e]) { continue }
            if o > 0 && ProdText.isIdent(b[o - 1]) { continue }
            let p = ProdText.prevNonSpace(b, before: o)
            if p >= 0 && b[p] == 0x2E { continue }
            if p >= 1 && ((b[p] == 0x7C && b[p - 1] == 0x7C) || (b[p] == 0x3F && b[p - 1] == 0x3F)) { continue }
            if p >= 0 && b[p] == 0x3A {
                let line = f.lineRange(f.location(of: p).line)
                if G1Data.ternaryBefore(f, line.lowerBound..<p) { continue }
            }
            let w = ProdText.identifier(b, endingAt: p).name
            if w == "const" || w == "let" || w == "var" || w == "import" || w == "export" || w == "as" { continue }
            if p >= 0 && (b[p] == 0x7B || b[p] == 0x2C) {
                let line = f.lineRange(f.location(of: o).line)
                if ProdText.contains(f, ProdNeedles(["import ", "require("]), in: line) { continue }
            }
            let n = ProdText.skipSpace(b, from: e)
            if n < b.count && (b[n] == 0x2E || b[n] == 0x29 || b[n] == 0x7D || b[n] == 0x2C || b[n] == 0x5B || b[n] == 0x3B) { return true }
            if w == "return" { return true }
        }
        return false
    }

    // MARK: - Simulated live feeds

    /// A timer that invents events: `setInterval(() => setItems(prev => [pick(MESSAGES), ...prev]))`.
    struct Feed: Sendable {
        /// Offset of `setInterval`/`setTimeout`.
        var timer: Int
        /// The constant list the events are drawn from, when there is one.
        var source: (name: String, offset: Int)?
    }

    /// Timers whose callback adds to a state list (`[x, ...prev]`) items drawn at random or from a constant
    /// list in the file, in code that never calls a backend.
    static func simulatedFeeds(_ f: ScannedFile) -> [Feed] {
        guard f.language.isJSFamily || f.language == .vue || f.language == .svelte else { return [] }
        let b = f.bytes
        var out: [Feed] = []
        for lit in ["setInterval(", "setTimeout("] {
            for o in ProdText.all(f, lit, filter: .code) {
                if o > 0 && (ProdText.isIdent(b[o - 1]) || b[o - 1] == 0x2E && !ProdText.has(b, at: max(0, o - 7), "window.")) { continue }
                guard let close = ProdText.matchingClose(f, open: o + lit.utf8.count - 1) else { continue }
                let cb = (o + lit.utf8.count)..<close
                guard let (setterAt, args) = appendingSetter(f, in: cb) else { continue }
                _ = setterAt
                if hasDataCall(f, in: cb) { continue }
                if let body = ProdText.enclosingFunctionBody(f, at: o), hasDataCall(f, in: body) { continue }
                let source = constantSource(f, in: cb, args: args)
                guard source != nil || ProdText.contains(f, ProdNeedles(["Math.random"]), in: cb) else { continue }
                out.append(Feed(timer: o, source: source))
            }
        }
        return out
    }

    /// `setX(prev => [a, ...prev])` / `setX([...xs, a])` in the range: the setter's offset and its argument range.
    private static func appendingSetter(_ f: ScannedFile, in r: Range<Int>) -> (Int, Range<Int>)? {
        let b = f.bytes
        for o in ProdText.all(f, "set", in: r) where o == 0 || !ProdText.isIdent(b[o - 1]) {
            guard o + 3 < b.count, b[o + 3] >= 0x41 && b[o + 3] <= 0x5A else { continue }
            let name = ProdText.identifier(b, at: o)
            let open = o + name.utf8.count
            guard open < b.count, b[open] == 0x28, let c = ProdText.matchingClose(f, open: open), c <= r.upperBound else { continue }
            let args = (open + 1)..<c
            if ProdText.contains(f, ProdNeedles(["..."]), in: args) { return (o, args) }
        }
        return nil
    }

    /// A module- or component-level `const NAME = [ … ]` literal read by index or picked from in the range.
    private static func constantSource(_ f: ScannedFile, in r: Range<Int>, args: Range<Int>) -> (String, Int)? {
        let b = f.bytes
        var i = r.lowerBound
        while i < r.upperBound {
            if let ri = ProdText.regionIndex(f, containing: i) { i = max(i + 1, Int(f.regions[ri].end)); continue }
            guard ProdText.isIdent(b[i]), i == 0 || !ProdText.isIdent(b[i - 1]), !ByteClass.isDigit(b[i]) else { i += 1; continue }
            var e = i
            while e < b.count && ProdText.isIdent(b[e]) { e += 1 }
            if e < b.count && (b[e] == 0x5B || ProdText.has(b, at: e, ".length") || ProdText.has(b, at: e, ".at(")) && !(i > 0 && b[i - 1] == 0x2E) {
                let name = ProdText.identifier(b, at: i)
                if let decl = constArrayDecl(f, name: name) { return (name, decl.name) }
            }
            i = e
        }
        return nil
    }

    /// The offsets of NAME and of the `[` in `const NAME = [` (or `const NAME: T[] = [`) in the file.
    static func constArrayDecl(_ f: ScannedFile, name: String) -> (name: Int, open: Int)? {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let e = o + name.utf8.count
            guard e < b.count, !ProdText.isIdent(b[e]), o == 0 || !ProdText.isIdent(b[o - 1]) else { continue }
            let kw = ProdText.identifier(b, endingAt: ProdText.prevNonSpace(b, before: o)).name
            guard kw == "const" || kw == "let" || kw == "var" else { continue }
            var j = ProdText.skipSpace(b, from: e)
            if j < b.count && b[j] == 0x3A {
                let end = f.lineRange(f.location(of: j).line).upperBound
                while j < end && b[j] != 0x3D { j += 1 }
            }
            guard j + 1 < b.count, b[j] == 0x3D, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { continue }
            let v = ProdText.skipSpace(b, from: j + 1)
            if v < b.count && b[v] == 0x5B { return (o, v) }
        }
        return nil
    }
}
