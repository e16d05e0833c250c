/// Byte-level reading helpers shared by the production-readiness (G7) and spec-fidelity (G1)
/// collectors: identifiers, string literals, bracket matching and searches that honour the
/// lexer's comment/string regions. Everything works on `[UInt8]` offsets.
enum ProdText {
    @inline(__always) static func isIdent(_ b: UInt8) -> Bool { ByteClass.isIdentifier(b) }

    static func skipSpace(_ b: [UInt8], from i: Int) -> Int {
        var j = i
        while j < b.count && ByteClass.isSpace(b[j]) { j += 1 }
        return j
    }

    /// Index of the last non-space byte before `i`, or -1.
    static func prevNonSpace(_ b: [UInt8], before i: Int) -> Int {
        var j = min(i, b.count) - 1
        while j >= 0 && ByteClass.isSpace(b[j]) { j -= 1 }
        return j
    }

    /// The identifier starting at `i` (empty when none).
    static func identifier(_ b: [UInt8], at i: Int) -> String {
        var e = i
        while e < b.count && isIdent(b[e]) { e += 1 }
        return e > i ? String(decoding: b[i..<e], as: UTF8.self) : ""
    }

    /// The identifier whose last byte is at `last` (inclusive), and where it starts.
    static func identifier(_ b: [UInt8], endingAt last: Int) -> (name: String, start: Int) {
        guard last >= 0, last < b.count, isIdent(b[last]) else { return ("", last + 1) }
        var s = last
        while s > 0 && isIdent(b[s - 1]) { s -= 1 }
        return (String(decoding: b[s...last], as: UTF8.self), s)
    }

    /// Whether `lit` occurs at `i`.
    static func has(_ b: [UInt8], at i: Int, _ lit: String, caseInsensitive: Bool = false) -> Bool {
        let u = Array(lit.utf8)
        guard i >= 0, i + u.count <= b.count else { return false }
        for k in 0..<u.count {
            let x = b[i + k], y = u[k]
            if caseInsensitive ? ByteClass.lower(x) != ByteClass.lower(y) : x != y { return false }
        }
        return true
    }

    /// Index of the region that contains `offset`, if any.
    static func regionIndex(_ file: ScannedFile, containing offset: Int) -> Int? {
        let rs = file.regions
        var lo = 0, hi = rs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(rs[mid].start) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let r = rs[lo - 1]
        return offset < Int(r.end) ? lo - 1 : nil
    }

    /// Text of a string region without its quotes (and without a template's `${`).
    static func stringContent(_ file: ScannedFile, region r: Region) -> String {
        let b = file.bytes
        var s = Int(r.start), e = Int(r.end)
        guard e > s else { return "" }
        let q = b[s]
        if q == 0x22 || q == 0x27 || q == 0x60 { s += 1 }
        if e - 1 >= s && (b[e - 1] == q) { e -= 1 }
        if e - 2 >= s && b[e - 2] == 0x24 && b[e - 1] == 0x7B { e -= 2 }
        return s < e ? String(decoding: b[s..<e], as: UTF8.self) : ""
    }

    /// The string literal that starts at `offset` (which points at its quote), if any.
    static func stringLiteral(_ file: ScannedFile, at offset: Int) -> (text: String, end: Int)? {
        guard let ri = regionIndex(file, containing: offset), file.regions[ri].kind == .string,
              Int(file.regions[ri].start) == offset else { return nil }
        return (stringContent(file, region: file.regions[ri]), Int(file.regions[ri].end))
    }

    /// The offset of the bracket closing the one at `open` (`(`, `[` or `{`), skipping comments,
    /// strings and regexes; brackets of every kind count towards the depth.
    static func matchingClose(_ file: ScannedFile, open: Int, limit: Int = 400_000) -> Int? {
        let b = file.bytes
        let rs = file.regions
        guard open < b.count else { return nil }
        var lo = 0, hi = rs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(rs[mid].start) <= open { lo = mid + 1 } else { hi = mid }
        }
        var ri = lo
        var depth = 0
        var i = open
        let end = min(b.count, open + limit)
        while i < end {
            if ri < rs.count && i >= Int(rs[ri].start) {
                if i < Int(rs[ri].end) { i = Int(rs[ri].end) }
                ri += 1
                continue
            }
            switch b[i] {
            case 0x28, 0x5B, 0x7B: depth += 1
            case 0x29, 0x5D, 0x7D:
                depth -= 1
                if depth == 0 { return i }
                if depth < 0 { return nil }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The offset of the unmatched opening bracket enclosing `offset`, walking back through code only.
    static func enclosingOpen(_ file: ScannedFile, before offset: Int, brackets: [UInt8] = [0x7B]) -> Int? {
        let b = file.bytes
        let rs = file.regions
        var ri = rs.count - 1
        var depth = 0
        var i = min(offset, b.count) - 1
        while i >= 0 {
            while ri >= 0 && Int(rs[ri].start) > i { ri -= 1 }
            if ri >= 0 && i < Int(rs[ri].end) {
                i = Int(rs[ri].start) - 1
                ri -= 1
                continue
            }
            let c = b[i]
            if c == 0x29 || c == 0x5D || c == 0x7D {
                depth += 1
            } else if c == 0x28 || c == 0x5B || c == 0x7B {
                if depth == 0 {
                    if brackets.contains(c) { return i }
                } else {
                    depth -= 1
                }
            }
            i -= 1
        }
        return nil
    }

    /// The body (between the braces) of the innermost function around `offset`: arrow functions,
    /// function declarations and methods; `if`/`for`/`try` blocks, object literals and JSX
    /// expression containers are walked through.
    static func enclosingFunctionBody(_ file: ScannedFile, at offset: Int) -> Range<Int>? {
        let b = file.bytes
        var at = offset
        while let open = enclosingOpen(file, before: at, brackets: [0x7B]) {
            var p = prevNonSpace(b, before: open)
            // A TypeScript return type (`): Promise<Item[]> {`) sits between the parameters and the body.
            if let close = returnTypeStart(file, before: p) { p = close }
            var isFunction = false
            if p >= 1 && b[p] == 0x3E && b[p - 1] == 0x3D {
                isFunction = true
            } else if p >= 0 && b[p] == 0x29 {
                if let po = enclosingOpen(file, before: p, brackets: [0x28]) {
                    let w = identifier(b, endingAt: prevNonSpace(b, before: po)).name
                    isFunction = !["if", "for", "while", "switch", "catch", "with"].contains(w)
                }
            } else if p >= 0 && isIdent(b[p]) {
                let w = identifier(b, endingAt: p).name
                isFunction = !["else", "try", "finally", "do", "return", "default", "case"].contains(w)
            }
            if isFunction, let close = matchingClose(file, open: open) { return (open + 1)..<close }
            at = open
        }
        return nil
    }

    /// When the code ending at `last` is a TypeScript return type annotation after a parameter list
    /// (`(…): Promise<Todo[]>`, `(…): Todo[]`), the offset of the `)` closing the parameters.
    static func returnTypeStart(_ file: ScannedFile, before last: Int) -> Int? {
        let b = file.bytes
        // Identifiers (`): void {`) already read as a function; only `>` and `]` endings need the walk.
        guard last > 0, b[last] == 0x3E || b[last] == 0x5D else { return nil }
        if b[last] == 0x3E && b[last - 1] == 0x3D { return nil }
        var i = last
        var depth = 0
        let stop = max(0, last - 300)
        while i >= stop {
            if file.kind(at: i) != .code { i -= 1; continue }
            let c = b[i]
            if c == 0x3E && i > 0 && b[i - 1] == 0x3D { i -= 2; continue }
            if c == 0x3E || c == 0x5D || c == 0x29 || c == 0x7D {
                depth += 1
            } else if c == 0x3C || c == 0x5B || c == 0x28 || c == 0x7B {
                depth -= 1
                if depth < 0 { return nil }
            } else if depth == 0 && c == 0x3A {
                let q = prevNonSpace(b, before: i)
                return q >= 0 && b[q] == 0x29 ? q : nil
            } else if depth == 0 && (c == 0x3B || c == 0x3D) {
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// First offset in `range` where any of `needles` occurs in a region accepted by `filter`.
    /// Needles that begin with an identifier byte must start a word.
    static func firstOf(_ file: ScannedFile, _ needles: ProdNeedles, in range: Range<Int>, filter: RegionFilter = .code) -> (offset: Int, needle: Int)? {
        let lo = max(0, range.lowerBound), hi = min(file.bytes.count, range.upperBound)
        guard lo < hi else { return nil }
        return file.bytes.withUnsafeBufferPointer { p -> (offset: Int, needle: Int)? in
            let table = needles.firstByte
            var i = lo
            while i < hi {
                let slot = Int(table[Int(p[i])])
                if slot != 0 {
                    for k in needles.buckets[slot - 1] {
                        let n = needles.needles[k]
                        guard i + n.count <= hi else { continue }
                        var ok = true
                        var j = 1
                        while j < n.count {
                            let x = p[i + j], y = n[j]
                            if needles.caseInsensitive ? ByteClass.lower(x) != y : x != y { ok = false; break }
                            j += 1
                        }
                        if !ok { continue }
                        if isIdent(n[0]) && i > 0 && isIdent(p[i - 1]) { continue }
                        if filter == .any || filter.accepts(file.kind(at: i)) { return (i, k) }
                    }
                }
                i += 1
            }
            return nil
        }
    }

    static func contains(_ file: ScannedFile, _ needles: ProdNeedles, in range: Range<Int>, filter: RegionFilter = .code) -> Bool {
        firstOf(file, needles, in: range, filter: filter) != nil
    }

    /// Every offset in `range` where `needle` starts a word in an accepted region.
    static func all(_ file: ScannedFile, _ needle: String, in range: Range<Int>? = nil, filter: RegionFilter = .code) -> [Int] {
        let first = needle.utf8.first ?? 0
        let hits = file.find(needle, in: filter, wordStart: isIdent(first))
        guard let r = range else { return hits }
        return hits.filter { r.contains($0) }
    }

    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { (b >= 97 && b <= 122) ? b - 32 : b }

    /// Splits an identifier or key into lower-case words: "todoAppData" and "todo-app_data" → [todo, app, data].
    static func words(_ s: String) -> [String] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(s) }
        var out: [String] = []
        var cur = ""
        var prevLower = false
        for ch in s {
            if ch.isLetter || ch.isNumber {
                if ch.isUppercase && prevLower && !cur.isEmpty {
                    out.append(cur.lowercased())
                    cur = ""
                }
                cur.append(ch)
                prevLower = ch.isLowercase || ch.isNumber
            } else {
                if !cur.isEmpty { out.append(cur.lowercased()) }
                cur = ""
                prevLower = false
            }
        }
        if !cur.isEmpty { out.append(cur.lowercased()) }
        return out
    }

    /// `words` for ASCII text, on bytes.
    private static func asciiWords(_ s: String) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var prevLower = false
        for c in s.utf8 {
            let upper = c &- 0x41 < 26, lower = c &- 0x61 < 26, digit = c &- 0x30 < 10
            if upper || lower || digit {
                if upper && prevLower && !cur.isEmpty {
                    out.append(String(decoding: cur, as: UTF8.self))
                    cur.removeAll(keepingCapacity: true)
                }
                cur.append(upper ? c | 0x20 : c)
                prevLower = lower || digit
            } else {
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
                cur.removeAll(keepingCapacity: true)
                prevLower = false
            }
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }

    /// Singular form of a plural English noun, good enough for entity names.
    static func singular(_ w: String) -> String {
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") || w.hasSuffix("xes") || w.hasSuffix("ches") || w.hasSuffix("shes") { return String(w.dropLast(2)) }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && w.count > 3 { return String(w.dropLast()) }
        return w
    }

    static func isPlural(_ w: String) -> Bool { singular(w) != w }
}

/// A set of byte needles indexed by their first byte, for `ProdText.firstOf`.
final class ProdNeedles: Sendable {
    let needles: [[UInt8]]
    /// For each byte, 1 + the index of its bucket, or 0.
    let firstByte: [UInt8]
    let buckets: [[Int]]
    let caseInsensitive: Bool

    convenience init(caseInsensitive: Bool, _ list: [String]) { self.init(list, caseInsensitive: caseInsensitive) }

    init(_ list: [String], caseInsensitive: Bool = false) {
        let ns = list.map { s in Array((caseInsensitive ? s.lowercased() : s).utf8) }.filter { !$0.isEmpty }
        needles = ns
        self.caseInsensitive = caseInsensitive
        var table = [UInt8](repeating: 0, count: 256)
        var bs: [[Int]] = []
        for (k, n) in ns.enumerated() {
            var firsts = [n[0]]
            if caseInsensitive { firsts.append(ProdText.upper(n[0])) }
            for f in Set(firsts) {
                if table[Int(f)] == 0 {
                    bs.append([])
                    table[Int(f)] = UInt8(bs.count)
                }
                bs[Int(table[Int(f)]) - 1].append(k)
            }
        }
        firstByte = table
        buckets = bs
    }
}

extension StringProtocol {
    /// Substring test on UTF-8 bytes (Foundation's `contains` is slow on Linux).
    func prodHas(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let run = { (h: UnsafeBufferPointer<UInt8>) -> Bool in
            guard h.count >= n.count else { return false }
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if h[i] == first {
                    var j = 1
                    while j < n.count && h[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                i += 1
            }
            return false
        }
        if let r = utf8.withContiguousStorageIfAvailable(run) { return r }
        return Array(utf8).withUnsafeBufferPointer(run)
    }
}
