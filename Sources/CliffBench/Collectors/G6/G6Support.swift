import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers shared by the G6 collectors: identifiers, quoted literals, bracket matching
/// that skips comments and strings, and entity-name normalisation.
enum G6Scan {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { ByteClass.isSpace(b) }
    @inline(__always) static func isIdent(_ b: UInt8) -> Bool { ByteClass.isIdentifier(b) }

    /// First index at or after `i` that is not white space (or `limit`).
    static func skipSpace(_ b: [UInt8], _ i: Int, limit: Int? = nil) -> Int {
        let end = min(limit ?? b.count, b.count)
        var j = i
        while j < end && isSpace(b[j]) { j += 1 }
        return j
    }

    /// Index of the last byte before `i` that is not white space, or nil.
    static func prevNonSpace(_ b: [UInt8], before i: Int) -> Int? {
        var j = min(i, b.count) - 1
        while j >= 0 && isSpace(b[j]) { j -= 1 }
        return j >= 0 ? j : nil
    }

    /// End (exclusive) of the identifier starting at `i`.
    static func identEnd(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && isIdent(b[j]) { j += 1 }
        return j
    }

    /// Start of the identifier that ends just before `end`.
    static func identStart(_ b: [UInt8], endingAt end: Int) -> Int {
        var j = end
        while j > 0 && isIdent(b[j - 1]) { j -= 1 }
        return j
    }

    static func text(_ b: [UInt8], _ r: Range<Int>) -> String {
        let lo = max(0, r.lowerBound), hi = min(b.count, r.upperBound)
        guard lo < hi else { return "" }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }

    /// The identifier ending just before `end` (after skipping white space back), with its start.
    static func identBefore(_ b: [UInt8], _ end: Int) -> (name: String, start: Int)? {
        guard let last = prevNonSpace(b, before: end), isIdent(b[last]) else { return nil }
        let s = identStart(b, endingAt: last + 1)
        return (text(b, s..<(last + 1)), s)
    }

    /// A quoted literal (`'…'`, `"…"`, or a template without substitutions) starting at `i`.
    static func quoted(_ b: [UInt8], at i: Int) -> (value: String, end: Int)? {
        guard i < b.count else { return nil }
        let q = b[i]
        guard q == 0x27 || q == 0x22 || q == 0x60 else { return nil }
        var j = i + 1
        while j < b.count {
            let c = b[j]
            if c == 0x5C { j += 2; continue }
            if c == q { return (text(b, (i + 1)..<j), j + 1) }
            if c == 0x0A && q != 0x60 { return nil }
            if q == 0x60 && c == 0x24 && j + 1 < b.count && b[j + 1] == 0x7B { return nil }
            j += 1
        }
        return nil
    }

    /// Whether the bytes at `i` spell `lit` (ASCII), optionally ignoring letter case.
    static func hasLiteral(_ b: [UInt8], at i: Int, _ lit: String, foldCase: Bool = false) -> Bool {
        let u = Array(lit.utf8)
        guard i >= 0, i + u.count <= b.count else { return false }
        for k in 0..<u.count {
            let x = b[i + k], y = u[k]
            if foldCase ? ByteClass.lower(x) != ByteClass.lower(y) : x != y { return false }
        }
        return true
    }

    /// First offset of `lit` inside `range`, optionally ignoring case and requiring a word start.
    static func firstIndex(_ b: [UInt8], of lit: String, in range: Range<Int>, foldCase: Bool = false, wordStart: Bool = false) -> Int? {
        let u = Array(lit.utf8)
        guard let first = u.first else { return nil }
        let hi = min(range.upperBound, b.count) - u.count
        guard range.lowerBound <= hi else { return nil }
        let f = ByteClass.lower(first)
        let caseless = foldCase && ByteClass.isAlpha(first)
        var i = max(0, range.lowerBound)
        return b.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            while i <= hi {
                if !caseless {
                    guard let p = memchr(base + i, Int32(first), hi - i + 1) else { return nil }
                    i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                } else if ByteClass.lower(buf[i]) != f {
                    i += 1
                    continue
                }
                if hasLiteral(b, at: i, lit, foldCase: foldCase) && (!wordStart || i == 0 || !isIdent(buf[i - 1])) { return i }
                i += 1
            }
            return nil
        }
    }

    static func contains(_ b: [UInt8], _ lit: String, in range: Range<Int>, foldCase: Bool = false, wordStart: Bool = false) -> Bool {
        firstIndex(b, of: lit, in: range, foldCase: foldCase, wordStart: wordStart) != nil
    }

    /// Index of the bracket closing the one at `open` (`(`, `[` or `{`), skipping comment and
    /// string regions of the file; nil when it is not closed within `limit` bytes.
    static func closing(_ file: ScannedFile, open: Int, limit: Int = 20_000) -> Int? {
        let b = file.bytes
        guard open < b.count else { return nil }
        let o = b[open]
        let c: UInt8 = o == 0x28 ? 0x29 : (o == 0x5B ? 0x5D : 0x7D)
        var depth = 0
        var cursor = RegionCursor(file.regions, from: open)
        var i = open
        let end = min(b.count, open + limit)
        while i < end {
            if let skip = cursor.skip(i) { i = skip; continue }
            let x = b[i]
            if x == o {
                depth += 1
            } else if x == c {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether the byte at `offset` is in a comment.
    static func inComment(_ file: ScannedFile, _ offset: Int) -> Bool { file.kind(at: offset) == .comment }

    /// Lower-cased, separators removed, naively singular: "doctor_hours" → "doctorhour", "Categories" → "category".
    static func entityKey(_ raw: String) -> String {
        var name = Substring(raw)
        if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
        var s = String(name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
        if s.hasSuffix("table") && s.count > 6 { s = String(s.dropLast(5)) }
        if s.hasSuffix("ies") && s.count > 4 { return String(s.dropLast(3)) + "y" }
        if s.hasSuffix("sses") || s.hasSuffix("ches") || s.hasSuffix("shes") || s.hasSuffix("xes") { return String(s.dropLast(2)) }
        if s.hasSuffix("s") && !s.hasSuffix("ss") && !s.hasSuffix("us") && !s.hasSuffix("is") && s.count > 2 { return String(s.dropLast()) }
        return s
    }

    /// The enclosing directory of a path ("" for top level).
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The file's role, except that scripts under a `public/` folder are browser code (FileRole reads
    /// `public/app.js` as a server entry point).
    static func role(_ f: ScannedFile) -> FileRole {
        if f.language.isJSFamily && ("/" + f.path).contains("/public/") && f.role != .test { return .client }
        return f.role
    }

    /// Files whose code can run in the app (not tests, docs, config or scripts).
    static func isAppCode(_ f: ScannedFile) -> Bool {
        switch role(f) {
        case .client, .server, .shared: return f.language.isProgram || f.language == .html
        default: return false
        }
    }

    /// Whether `<` at `offset` opens real markup: code, a template literal holding HTML, or JSX text the
    /// JS lexer mistook for an unterminated string (an apostrophe in prose).
    static func isMarkup(_ file: ScannedFile, _ offset: Int) -> Bool {
        let regions = file.regions
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(regions[mid].start) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return true }
        let r = regions[lo - 1]
        guard offset < Int(r.end) else { return true }
        switch r.kind {
        case .code: return true
        case .comment, .regex: return false
        case .string:
            let first = file.bytes[Int(r.start)]
            if first == 0x60 || first == 0x7D { return true }
            let lastByte = file.bytes[Int(r.end) - 1]
            return Int(r.end) - Int(r.start) < 2 || lastByte != first
        }
    }

    /// Whether any of `words` occurs (case-insensitive) in a non-comment region of `range`.
    static func mentions(_ file: ScannedFile, _ words: [String], in range: Range<Int>) -> Bool {
        for w in words {
            var from = range.lowerBound
            while let i = firstIndex(file.bytes, of: w, in: from..<range.upperBound, foldCase: true) {
                if !inComment(file, i) { return true }
                from = i + 1
            }
        }
        return false
    }
}

/// Walks forward through a file's sorted non-code regions, telling a scanner where to jump.
struct RegionCursor {
    private let regions: [Region]
    private var k: Int

    init(_ regions: [Region], from offset: Int) {
        self.regions = regions
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(regions[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        k = lo
    }

    /// When `i` is inside a non-code region, the offset just past it; nil when `i` is code.
    mutating func skip(_ i: Int) -> Int? {
        while k < regions.count && Int(regions[k].end) <= i { k += 1 }
        guard k < regions.count, Int(regions[k].start) <= i else { return nil }
        return Int(regions[k].end)
    }
}

/// Hits of several rules grouped by file, in offset order.
struct G6Hits {
    /// path → (rule suffix, offset, length)
    private(set) var byFile: [String: [(rule: String, offset: Int, length: Int)]] = [:]
    private(set) var files: [String: ScannedFile] = [:]

    init(_ app: AppContext, metric: String, rules: [String]) {
        for r in rules {
            for (f, h) in app.hits("\(metric)/\(r)") {
                byFile[f.path, default: []].append((r, Int(h.offset), Int(h.length)))
                files[f.path] = f
            }
        }
        for k in byFile.keys { byFile[k]!.sort { $0.offset < $1.offset } }
    }

    var paths: [String] { byFile.keys.sorted() }

    func hits(_ path: String, _ rule: String? = nil) -> [(rule: String, offset: Int, length: Int)] {
        guard let all = byFile[path] else { return [] }
        guard let rule else { return all }
        return all.filter { $0.rule == rule }
    }
}

/// Words of the task spec, for collectors that look for what the task names.
enum G6Task {
    /// Prompt, feature and canary texts with their source ids.
    static func texts(_ spec: TaskSpec) -> [(id: String, text: String)] {
        var out: [(String, String)] = []
        if !spec.prompt.isEmpty { out.append(("prompt", spec.prompt)) }
        for f in spec.features { out.append((f.id, f.description)) }
        for c in spec.canaries { out.append((c.id, c.description)) }
        return out
    }

    /// Sentences of a text (split on `.`, `;`, `!`, `?` followed by space or end).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var cur = ""
        let chars = Array(text.replacingOccurrences(of: "\n", with: " "))
        for (i, ch) in chars.enumerated() {
            cur.append(ch)
            if ch == "." || ch == ";" || ch == "!" || ch == "?" {
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if next == " " {
                    let t = cur.trimmingCharacters(in: .whitespaces)
                    if !t.isEmpty { out.append(t) }
                    cur = ""
                }
            }
        }
        let t = cur.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty { out.append(t) }
        return out
    }

    /// Lower-case words of a text.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}

/// A named function in a JS/TS file: `function name(…) {…}`, `const name = async (…) => {…}`,
/// `const name = useCallback(async () => {…})`, with its body's byte range.
struct G6Function: Sendable {
    var name: String
    var start: Int
    var body: Range<Int>

    /// Every named function of a file whose body could be found, found once per file and shared
    /// by the collectors that ask.
    static func all(in f: ScannedFile) -> [G6Function] {
        f.shared("G6Function.all") { find(in: f) }
    }

    private static func find(in f: ScannedFile) -> [G6Function] {
        let b = f.bytes
        var out: [G6Function] = []
        for i in f.find("function", in: .code, wordStart: true) {
            var j = G6Scan.skipSpace(b, i + 8)
            if j < b.count && b[j] == 0x2A { j = G6Scan.skipSpace(b, j + 1) }
            let e = G6Scan.identEnd(b, j)
            guard e > j else { continue }
            let name = G6Scan.text(b, j..<e)
            let p = G6Scan.skipSpace(b, e)
            guard p < b.count, b[p] == 0x28 || b[p] == 0x3C, let body = bodyAfterParams(f, p) else { continue }
            out.append(G6Function(name: name, start: i, body: body))
        }
        for kw in ["const", "let", "var"] {
            for i in f.find(kw, in: .code, wordStart: true) {
                let s = G6Scan.skipSpace(b, i + kw.utf8.count)
                let e = G6Scan.identEnd(b, s)
                guard e > s, s > i + kw.utf8.count else { continue }
                var j = G6Scan.skipSpace(b, e)
                if j < b.count && b[j] == 0x3A {
                    // a type annotation: skip to the `=`
                    guard let eq = G6Scan.firstIndex(b, of: "=", in: j..<min(b.count, j + 200)) else { continue }
                    j = eq
                }
                guard j < b.count, b[j] == 0x3D, j + 1 < b.count, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { continue }
                j = G6Scan.skipSpace(b, j + 1)
                for wrapper in ["useCallback(", "useMemo(", "React.useCallback("] where G6Scan.hasLiteral(b, at: j, wrapper) {
                    j = G6Scan.skipSpace(b, j + wrapper.utf8.count)
                }
                if G6Scan.hasLiteral(b, at: j, "async") { j = G6Scan.skipSpace(b, j + 5) }
                if G6Scan.hasLiteral(b, at: j, "function") { j = G6Scan.skipSpace(b, j + 8); j = G6Scan.identEnd(b, j); j = G6Scan.skipSpace(b, j) }
                guard j < b.count else { continue }
                if b[j] == 0x28 || b[j] == 0x3C {
                    guard let body = bodyAfterParams(f, j) else { continue }
                    out.append(G6Function(name: G6Scan.text(b, s..<e), start: i, body: body))
                } else if G6Scan.isIdent(b[j]) {
                    let pe = G6Scan.skipSpace(b, G6Scan.identEnd(b, j))
                    guard G6Scan.hasLiteral(b, at: pe, "=>") else { continue }
                    if let body = arrowBody(f, pe + 2) { out.append(G6Function(name: G6Scan.text(b, s..<e), start: i, body: body)) }
                }
            }
        }
        return out
    }

    /// The body after a parameter list starting at `p` (`(` or a generic `<`).
    private static func bodyAfterParams(_ f: ScannedFile, _ p: Int) -> Range<Int>? {
        let b = f.bytes
        var q = p
        if b[q] == 0x3C {
            guard let gt = G6Scan.firstIndex(b, of: "(", in: q..<min(b.count, q + 300)) else { return nil }
            q = gt
        }
        guard let close = G6Scan.closing(f, open: q) else { return nil }
        var j = G6Scan.skipSpace(b, close + 1)
        if j < b.count && b[j] == 0x3A {
            // return type annotation
            guard let next = G6Scan.firstIndex(b, of: "{", in: j..<min(b.count, j + 300)) else { return nil }
            let arrow = G6Scan.firstIndex(b, of: "=>", in: j..<next)
            j = arrow.map { G6Scan.skipSpace(b, $0) } ?? next
        }
        if G6Scan.hasLiteral(b, at: j, "=>") { return arrowBody(f, j + 2) }
        guard j < b.count, b[j] == 0x7B, let end = G6Scan.closing(f, open: j) else { return nil }
        return j..<end
    }

    private static func arrowBody(_ f: ScannedFile, _ from: Int) -> Range<Int>? {
        let b = f.bytes
        let j = G6Scan.skipSpace(b, from)
        guard j < b.count else { return nil }
        if b[j] == 0x7B || b[j] == 0x28 {
            guard let end = G6Scan.closing(f, open: j) else { return nil }
            return j..<end
        }
        let end = G6Scan.firstIndex(b, of: ";", in: j..<min(b.count, j + 2000)) ?? min(b.count, j + 2000)
        return j..<end
    }

    /// The innermost function of `functions` whose body holds `offset`.
    static func enclosing(_ functions: [G6Function], _ offset: Int) -> G6Function? {
        functions.filter { $0.body.contains(offset) }.min { $0.body.count < $1.body.count }
    }
}
