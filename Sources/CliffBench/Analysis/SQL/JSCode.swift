import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bracket structure of a JS/TS file's code (comments, strings and regex literals skipped), with the
/// few reading helpers the data-access analyses need: matching brackets, top-level comma splits,
/// identifiers, string literal contents, function bodies and loops.
public struct JSCode: Sendable {
    public let file: ScannedFile
    /// Offset of an opening bracket → offset of its closing bracket.
    public let closeOf: BracketIndex
    /// Offset of a closing bracket → offset of its opening bracket.
    public let openOf: BracketIndex
    /// Function bodies: `{…}` of functions, methods and block arrows, and the expression of expression arrows.
    public let functions: [Range<Int>]
    /// `(`…`)` of `for (…)` headers and `.forEach(` / `.map(` / `.flatMap(` calls, with their bodies; the loops are
    /// read in full only when a query sits inside one.
    private let loopHeads: [(open: Int, close: Int, body: Range<Int>)]

    public init(_ file: ScannedFile) {
        self.file = file
        let b = file.bytes
        let regions = file.regions
        var pairs: [(Int32, Int32)] = []
        var arrows: [Int] = []
        var stack: [Int32] = []
        var ri = 0
        var i = 0
        let n = b.count
        while i < n {
            if ri < regions.count && Int(regions[ri].start) <= i {
                i = max(i + 1, Int(regions[ri].end))
                ri += 1
                continue
            }
            let c = b[i]
            if c == 0x28 || c == 0x5B || c == 0x7B {
                stack.append(Int32(i))
            } else if c == 0x29 || c == 0x5D || c == 0x7D {
                let want: UInt8 = c == 0x29 ? 0x28 : c == 0x5D ? 0x5B : 0x7B
                if let k = stack.lastIndex(where: { b[Int($0)] == want }), stack.count - k <= 3 {
                    pairs.append((stack[k], Int32(i)))
                    stack.removeSubrange(k...)
                }
            } else if c == 0x3D && i + 1 < n && b[i + 1] == 0x3E {
                arrows.append(i)
            }
            i += 1
        }
        let closeOf = BracketIndex(pairs)
        let openOf = BracketIndex(pairs.map { ($0.1, $0.0) })
        self.closeOf = closeOf
        self.openOf = openOf

        var functions: [Range<Int>] = []
        var heads: [(open: Int, close: Int, body: Range<Int>)] = []
        for (o32, c32) in pairs {
            let o = Int(o32), c = Int(c32)
            switch b[o] {
            case 0x7B:
                if JSCode.isFunctionBrace(b, o, openOf: openOf, regions: regions) { functions.append(o..<(c + 1)) }
            case 0x28:
                if let body = JSCode.loopBody(b, open: o, close: c, closeOf: closeOf, regions: regions) { heads.append((o, c, body)) }
            default:
                break
            }
        }
        // Expression-bodied arrows: `x => expr` / `(x) => expr` up to the end of the enclosing argument or statement.
        for k in arrows {
            let s = JSCode.skipSpace(b, k + 2, regions)
            if s < n && b[s] != 0x7B {
                functions.append(s..<JSCode.expressionEnd(b, s, closeOf: closeOf, regions: regions))
            }
        }
        functions.sort { $0.lowerBound < $1.lowerBound }
        self.functions = functions
        self.loopHeads = heads
    }

    // MARK: - Queries

    public var bytes: [UInt8] { file.bytes }

    public func close(_ open: Int) -> Int? { closeOf[Int32(open)].map(Int.init) }
    public func open(_ close: Int) -> Int? { openOf[Int32(close)].map(Int.init) }

    /// The innermost function body containing `offset`.
    public func function(containing offset: Int) -> Range<Int>? {
        var best: Range<Int>?
        for f in functions where f.contains(offset) {
            if best == nil || f.count < best!.count { best = f }
        }
        return best
    }

    /// Loops whose body contains `offset`, innermost first.
    public func loops(containing offset: Int) -> [JSLoop] {
        loopHeads.filter { $0.body.contains(offset) }
            .compactMap { JSCode.loop(bytes, open: $0.open, close: $0.close, closeOf: closeOf, openOf: openOf, regions: file.regions) }
            .sorted { $0.body.count < $1.body.count }
    }

    public func skipSpace(_ i: Int) -> Int { JSCode.skipSpace(bytes, i, file.regions) }

    /// Index just before `i`, skipping white space and comments backwards.
    public func skipSpaceBack(_ i: Int) -> Int {
        var k = i
        while k >= 0 {
            if ByteClass.isSpace(bytes[k]) { k -= 1; continue }
            if file.kind(at: k) == .comment {
                var j = k
                while j > 0 && file.kind(at: j - 1) == .comment { j -= 1 }
                k = j - 1
                continue
            }
            break
        }
        return k
    }

    /// The identifier that ends just before `end` (exclusive), if any.
    public func identifier(endingAt end: Int) -> (name: String, start: Int)? {
        var s = end
        while s > 0 && ByteClass.isIdentifier(bytes[s - 1]) { s -= 1 }
        guard s < end else { return nil }
        return (String(decoding: bytes[s..<end], as: UTF8.self), s)
    }

    /// The identifier starting at `start`, if any.
    public func identifier(at start: Int) -> String? {
        guard start < bytes.count, ByteClass.isIdentifier(bytes[start]) else { return nil }
        var e = start
        while e < bytes.count && ByteClass.isIdentifier(bytes[e]) { e += 1 }
        return String(decoding: bytes[start..<e], as: UTF8.self)
    }

    /// Content of the string literal ('…', "…" or a template without substitutions) starting at `start`.
    public func stringLiteral(at start: Int) -> String? {
        guard start < bytes.count, [0x22, 0x27, 0x60].contains(bytes[start]) else { return nil }
        let q = bytes[start]
        var e = start + 1
        while e < bytes.count && bytes[e] != q {
            if bytes[e] == 0x5C { e += 1 }
            if q == 0x60 && bytes[e] == 0x24 && e + 1 < bytes.count && bytes[e + 1] == 0x7B { return nil }
            e += 1
        }
        guard e < bytes.count else { return nil }
        return String(decoding: bytes[(start + 1)..<e], as: UTF8.self)
    }

    /// Ranges between `a` and `b` separated by commas outside brackets, strings and comments, trimmed.
    public func splitTopLevel(_ a: Int, _ b: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let regions = file.regions
        var ri = SQLReader.firstRegion(regions, atOrAfter: a)
        var start = a
        var i = a
        while i < b {
            while ri < regions.count && Int(regions[ri].end) <= i { ri += 1 }
            if ri < regions.count && Int(regions[ri].start) <= i {
                i = Int(regions[ri].end)
                continue
            }
            let c = bytes[i]
            if (c == 0x28 || c == 0x5B || c == 0x7B), let cl = close(i) {
                i = cl + 1
                continue
            }
            if c == 0x2C {
                out.append(trim(start, i))
                start = i + 1
            }
            i += 1
        }
        let last = trim(start, min(b, bytes.count))
        if !last.isEmpty { out.append(last) }
        return out
    }

    /// `key: value` (or shorthand `key`) entries of the object literal whose `{` is at `open`.
    public func objectEntries(_ open: Int) -> [(key: String, keyOffset: Int, value: Range<Int>)] {
        guard open < bytes.count, bytes[open] == 0x7B, let cl = close(open) else { return [] }
        var out: [(String, Int, Range<Int>)] = []
        for r in splitTopLevel(open + 1, cl) where !r.isEmpty {
            var ks = r.lowerBound
            if bytes[ks] == 0x2E { continue }  // ...spread
            var key: String?
            var ke = ks
            if let s = stringLiteral(at: ks) {
                key = s
                ke = ks + s.utf8.count + 2
            } else if let id = identifier(at: ks) {
                key = id
                ke = ks + id.utf8.count
            } else if bytes[ks] == 0x5B, let c = close(ks) {
                ke = c + 1
                key = "[computed]"
            }
            guard let k = key else { continue }
            let after = skipSpace(ke)
            if after < r.upperBound && bytes[after] == 0x3A {
                let vs = skipSpace(after + 1)
                out.append((k, ks, vs..<r.upperBound))
            } else if after < r.upperBound && bytes[after] == 0x28 {
                ks = r.lowerBound
                out.append((k, ks, after..<r.upperBound))  // method shorthand
            } else {
                out.append((k, ks, ks..<ke))
            }
        }
        return out
    }

    public func text(_ r: Range<Int>) -> String { file.string(r) }

    /// Whether the code in `r` (strings and comments excluded) contains `needle` starting at a word boundary.
    public func codeContains(_ needle: String, in r: Range<Int>, wordStart: Bool = true) -> Bool {
        !occurrences(needle, in: r, wordStart: wordStart).isEmpty
    }

    /// Offsets of `needle` in the code of `r`.
    public func occurrences(_ needle: String, in r: Range<Int>, wordStart: Bool = true) -> [Int] {
        let n = Array(needle.utf8)
        let lo = max(0, r.lowerBound), hi = min(bytes.count, r.upperBound)
        guard let f = n.first, hi - lo >= n.count else { return [] }
        var out: [Int] = []
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var i = lo
            let last = hi - n.count
            while i <= last {
                guard let p = memchr(base + i, Int32(f), last - i + 1) else { break }
                i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                var ok = true
                for j in 1..<n.count where buf[i + j] != n[j] { ok = false; break }
                if ok && (!wordStart || i == 0 || !ByteClass.isIdentifier(buf[i - 1]) || !ByteClass.isIdentifier(f))
                    && file.kind(at: i) == .code {
                    out.append(i)
                }
                i += 1
            }
        }
        return out
    }

    private func trim(_ a: Int, _ b: Int) -> Range<Int> {
        var s = a, e = b
        while s < e && (ByteClass.isSpace(bytes[s]) || file.kind(at: s) == .comment) { s += 1 }
        while e > s && (ByteClass.isSpace(bytes[e - 1]) || file.kind(at: e - 1) == .comment) { e -= 1 }
        return s..<e
    }

    // MARK: - Structure helpers

    static func skipSpace(_ b: [UInt8], _ i: Int, _ regions: [Region]) -> Int {
        var k = i
        while k < b.count {
            if ByteClass.isSpace(b[k]) { k += 1; continue }
            if Lexer.kind(at: k, in: regions) == .comment {
                var j = k
                while j < b.count && Lexer.kind(at: j, in: regions) == .comment { j += 1 }
                k = j
                continue
            }
            break
        }
        return k
    }

    /// Byte range of the identifier that ends (after white space) just before `i`.
    private static func wordRangeBefore(_ b: [UInt8], _ i: Int) -> Range<Int>? {
        var e = i
        while e > 0 && ByteClass.isSpace(b[e - 1]) { e -= 1 }
        var s = e
        while s > 0 && ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
        return s < e ? s..<e : nil
    }

    @inline(__always)
    private static func bytes(_ b: [UInt8], _ r: Range<Int>, equal word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for (k, i) in r.enumerated() where b[i] != p[k] { return false }
        return true
    }


    /// Whether the `{` at `o` opens a function body (arrow, function, method), not an object, class or control block.
    static func isFunctionBrace(_ b: [UInt8], _ o: Int, openOf: BracketIndex, regions: [Region]) -> Bool {
        var k = o - 1
        while k >= 0 && ByteClass.isSpace(b[k]) { k -= 1 }
        guard k >= 0 else { return false }
        if b[k] == 0x3E && k > 0 && b[k - 1] == 0x3D { return true }  // =>
        // A return type annotation `): Promise<void> {` sits between `)` and `{`.
        var p = k
        if b[p] != 0x29 {
            var j = k
            var angle = 0
            while j > 0 && j > k - 120 {
                let c = b[j]
                if c == 0x3E { angle += 1 } else if c == 0x3C { angle -= 1 } else if c == 0x29 && angle == 0 { break } else if c == 0x3B || c == 0x7B || c == 0x7D || c == 0x3D && angle == 0 { return false }
                j -= 1
            }
            guard j > 0, b[j] == 0x29 else { return false }
            let between = String(decoding: b[(j + 1)...k], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard between.hasPrefix(":") else { return false }
            p = j
        }
        guard let open = openOf[Int32(p)], let w = wordRangeBefore(b, Int(open)) else { return false }
        return !(bytes(b, w, equal: "if") || bytes(b, w, equal: "for") || bytes(b, w, equal: "while") || bytes(b, w, equal: "switch")
            || bytes(b, w, equal: "catch") || bytes(b, w, equal: "with"))
    }

    /// The body of the loop whose `(` is at `open`, if it is a `for (…)` header or an array iteration call; bytes only.
    static func loopBody(_ b: [UInt8], open: Int, close: Int, closeOf: BracketIndex, regions: [Region]) -> Range<Int>? {
        guard let wr = wordRangeBefore(b, open) else { return nil }
        if bytes(b, wr, equal: "for") || (bytes(b, wr, equal: "await") && wordRangeBefore(b, wr.lowerBound).map { bytes(b, $0, equal: "for") } == true) {
            let bodyStart = skipSpace(b, close + 1, regions)
            if bodyStart < b.count && b[bodyStart] == 0x7B, let e = closeOf[Int32(bodyStart)] { return bodyStart..<(Int(e) + 1) }
            var e = bodyStart
            while e < b.count && b[e] != 0x3B && b[e] != 0x0A { e += 1 }
            return bodyStart..<e
        }
        guard bytes(b, wr, equal: "forEach") || bytes(b, wr, equal: "map") || bytes(b, wr, equal: "flatMap"), wr.lowerBound > 0 else { return nil }
        var d = wr.lowerBound - 1
        while d >= 0 && ByteClass.isSpace(b[d]) { d -= 1 }
        guard d >= 0, b[d] == 0x2E else { return nil }
        return open..<(close + 1)
    }

    /// A `for (…)` header or an array iteration call (`.forEach(` / `.map(` / `.flatMap(`) whose `(` is at `open`.
    static func loop(_ b: [UInt8], open: Int, close: Int, closeOf: BracketIndex, openOf: BracketIndex, regions: [Region]) -> JSLoop? {
        guard let wr = wordRangeBefore(b, open) else { return nil }
        let ws = wr.lowerBound
        if bytes(b, wr, equal: "for") || (bytes(b, wr, equal: "await") && wordRangeBefore(b, ws).map { bytes(b, $0, equal: "for") } == true) {
            let header = String(decoding: b[(open + 1)..<close], as: UTF8.self)
            let bodyStart = skipSpace(b, close + 1, regions)
            var body = bodyStart..<bodyStart
            if bodyStart < b.count && b[bodyStart] == 0x7B, let e = closeOf[Int32(bodyStart)] {
                body = bodyStart..<(Int(e) + 1)
            } else {
                var e = bodyStart
                while e < b.count && b[e] != 0x3B && b[e] != 0x0A { e += 1 }
                body = bodyStart..<e
            }
            var iterable = "", vars: [String] = []
            for sep in [" of ", " in "] {
                if let r = header.range(of: sep) {
                    iterable = header[r.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                    vars = identifiers(in: String(header[..<r.lowerBound]))
                        .filter { !["const", "let", "var"].contains($0) }
                    break
                }
            }
            if iterable.isEmpty, let lt = header.range(of: "<") {
                // for (let i = 0; i < rows.length; i++)
                let rest = header[lt.upperBound...].trimmingCharacters(in: .whitespaces)
                iterable = String(rest.prefix { $0 != ";" }).replacingOccurrences(of: ".length", with: "").trimmingCharacters(in: .whitespaces)
                vars = identifiers(in: String(header.prefix { $0 != "=" }))
                    .filter { !["const", "let", "var"].contains($0) }
            }
            return JSLoop(kind: .forLoop, header: open..<(close + 1), body: body, iterable: iterable, variables: vars)
        }
        guard bytes(b, wr, equal: "forEach") || bytes(b, wr, equal: "map") || bytes(b, wr, equal: "flatMap"), ws > 0 else { return nil }
        var d = ws - 1
        while d >= 0 && ByteClass.isSpace(b[d]) { d -= 1 }
        if d >= 1 && b[d] == 0x2E && b[d - 1] == 0x3F { d -= 1 }
        guard d >= 0, b[d] == 0x2E else { return nil }
        // The receiver: identifiers, dots, `?.`, and trailing calls or indexes.
        var s = d
        var e = d
        while e > 0 && ByteClass.isSpace(b[e - 1]) { e -= 1 }
        s = e
        while s > 0 {
            let c = b[s - 1]
            if ByteClass.isIdentifier(c) || c == 0x2E || c == 0x3F && s > 1 && b[s - 2] != 0x20 { s -= 1; continue }
            if (c == 0x29 || c == 0x5D), let o = openOf[Int32(s - 1)] { s = Int(o); continue }
            break
        }
        let iterable = String(decoding: b[s..<e], as: UTF8.self)
        let args = String(decoding: b[(open + 1)..<min(close, open + 1 + 200)], as: UTF8.self)
        var vars: [String] = []
        var a = args.trimmingCharacters(in: .whitespacesAndNewlines)
        if a.hasPrefix("async") { a = String(a.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        if a.hasPrefix("function") { a = String(a.drop { $0 != "(" }) }
        if a.hasPrefix("(") {
            let inner = a.dropFirst().prefix { $0 != ")" }
            vars = identifiers(in: String(inner.split(separator: ",", maxSplits: 1).first ?? ""))
        } else {
            vars = identifiers(in: String(a.prefix { $0 != "=" && $0 != "," }))
        }
        vars = vars.filter { !$0.isEmpty && $0.first?.isNumber == false }
        return JSLoop(kind: .arrayCallback, header: open..<(open + 1), body: open..<(close + 1), iterable: iterable, variables: vars)
    }

    /// The end of an expression starting at `s`: the first `,` `;` or closing bracket at depth 0, or a line break
    /// after a complete expression.
    static func expressionEnd(_ b: [UInt8], _ s: Int, closeOf: BracketIndex, regions: [Region]) -> Int {
        var i = s
        while i < b.count {
            if Lexer.kind(at: i, in: regions) != .code { i += 1; continue }
            let c = b[i]
            if (c == 0x28 || c == 0x5B || c == 0x7B), let e = closeOf[Int32(i)] { i = Int(e) + 1; continue }
            if c == 0x2C || c == 0x3B || c == 0x29 || c == 0x5D || c == 0x7D { return i }
            i += 1
        }
        return b.count
    }

    /// Identifiers in a piece of source text (ASCII letters, digits, `_`, `$`; non-ASCII bytes count as letters).
    static func identifiers(in s: String) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        for b in s.utf8 {
            if ByteClass.isAlpha(b) || b == 0x5F || b == 0x24 || b >= 0x80 || (ByteClass.isDigit(b) && !cur.isEmpty) {
                cur.append(b)
            } else if !cur.isEmpty {
                out.append(String(decoding: cur, as: UTF8.self))
                cur.removeAll(keepingCapacity: true)
            }
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }
}

/// A loop in JS code: a `for` statement or an array iteration callback.
public struct JSLoop: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case forLoop, arrayCallback }
    public var kind: Kind
    public var header: Range<Int>
    public var body: Range<Int>
    /// The iterated expression as written (`orders`, `data.items`, `Object.entries(x)`).
    public var iterable: String
    /// The loop variables (`order`, or `[id, value]` destructured names).
    public var variables: [String]
}

/// Bracket partners by offset: a sorted table searched by bisection (no hashing in the hot path).
public struct BracketIndex: Sendable {
    private let keys: [Int32]
    private let values: [Int32]

    init(_ pairs: [(Int32, Int32)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        keys = sorted.map(\.0)
        values = sorted.map(\.1)
    }

    public subscript(_ key: Int32) -> Int32? {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? values[lo] : nil
    }
}

extension StringProtocol {
    /// Byte-wise substring test (Foundation's `contains` bridges to CFString on Linux, which is slow in hot loops).
    func hasSubstring(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let search: (UnsafeBufferPointer<UInt8>) -> Bool = { h in
            guard h.count >= n.count else { return false }
            var i = 0
            let last = h.count - n.count
            while i <= last {
                if h[i] == first {
                    var ok = true
                    for j in 1..<n.count where h[i + j] != n[j] { ok = false; break }
                    if ok { return true }
                }
                i += 1
            }
            return false
        }
        if let r = utf8.withContiguousStorageIfAvailable(search) { return r }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
