#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells code from comments, string literals and regex literals, byte by byte.
public enum Lexer {
    /// The non-code spans of `bytes` (comments, string literals, regex literals), sorted by start,
    /// non-overlapping, half-open `[start, end)`. Everything outside them is code. Never traps, whatever the bytes.
    public static func regions(_ bytes: UnsafeBufferPointer<UInt8>, family: LexFamily) -> [Region] {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return [] }
        let n = bytes.count
        var out: [Region] = []
        if family == .plain { return out }
        out.reserveCapacity(n / 40 + 8)
        lex(p, n, base: 0, family: family, into: &out)
        return out
    }

    /// Convenience form of `regions(_:family:)` over an array.
    public static func regions(_ bytes: [UInt8], family: LexFamily) -> [Region] {
        bytes.withUnsafeBufferPointer { regions($0, family: family) }
    }

    /// The kind of the byte at `offset`, by binary search over `regions` (as returned by `regions(_:family:)`).
    public static func kind(at offset: Int, in regions: [Region]) -> RegionKind {
        var lo = 0
        var hi = regions.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if Int(regions[mid].start) <= offset { lo = mid &+ 1 } else { hi = mid }
        }
        guard lo > 0 else { return .code }
        let r = regions[lo - 1]
        return offset < Int(r.end) ? r.kind : .code
    }

    // MARK: - Dispatch

    static func lex(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, family: LexFamily, into out: inout [Region]) {
        switch family {
        case .cLike: lexCLike(p, n, base: base, hashbang: true, into: &out)
        case .css: lexCSS(p, n, base: base, into: &out)
        case .python: lexPython(p, n, base: base, into: &out)
        case .sql: lexSQL(p, n, base: base, into: &out)
        case .markup: lexMarkup(p, n, base: base, into: &out)
        case .json: lexJSON(p, n, base: base, into: &out)
        case .hash: lexHash(p, n, base: base, into: &out)
        case .plain: break
        }
    }

    // MARK: - Shared byte helpers

    /// ASCII bytes by name.
    enum Ch {
        static let tab: UInt8 = 0x09
        static let lf: UInt8 = 0x0A
        static let vt: UInt8 = 0x0B
        static let ff: UInt8 = 0x0C
        static let cr: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let bang: UInt8 = 0x21
        static let dquote: UInt8 = 0x22
        static let hash: UInt8 = 0x23
        static let dollar: UInt8 = 0x24
        static let quote: UInt8 = 0x27
        static let lparen: UInt8 = 0x28
        static let rparen: UInt8 = 0x29
        static let star: UInt8 = 0x2A
        static let minus: UInt8 = 0x2D
        static let dot: UInt8 = 0x2E
        static let slash: UInt8 = 0x2F
        static let lt: UInt8 = 0x3C
        static let gt: UInt8 = 0x3E
        static let lbracket: UInt8 = 0x5B
        static let backslash: UInt8 = 0x5C
        static let rbracket: UInt8 = 0x5D
        static let backtick: UInt8 = 0x60
        static let lbrace: UInt8 = 0x7B
        static let rbrace: UInt8 = 0x7D
    }

    @inline(__always)
    static func emit(_ out: inout [Region], _ base: Int, _ start: Int, _ end: Int, _ kind: RegionKind) {
        if end > start { out.append(Region(start: base &+ start, end: base &+ end, kind: kind)) }
    }

    /// Identifier byte: `[A-Za-z0-9_$]` or any non-ASCII byte.
    @inline(__always)
    static func isIdent(_ c: UInt8) -> Bool {
        if c >= 0x80 { return true }
        let lo: UInt64 = 0x03FF_0010_0000_0000  // '$', '0'...'9'
        let hi: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 'A'...'Z', '_', 'a'...'z'
        let mask = c < 64 ? lo : hi
        return (mask >> UInt64(c & 63)) & 1 != 0
    }

    @inline(__always)
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool {
        c == Ch.space || (c >= Ch.tab && c <= Ch.cr)
    }

    /// Index of the first line break (`\n`, or the `\r` of `\r\n`) at or after `from`, or `n`.
    @inline(__always)
    static func lineEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
        guard from < n else { return n }
        guard let hit = memchr(p + from, Int32(Ch.lf), n - from) else {
            // No `\n`: a lone `\r` may still end the line.
            var j = from
            while j < n && p[j] != Ch.cr { j &+= 1 }
            return j
        }
        var e = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if e > from && p[e - 1] == Ch.cr { e -= 1 }
        return e
    }

    /// Index just past the `*/` closing a block comment whose body starts at `from`, or `n`.
    @inline(__always)
    static func blockCommentEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
        var j = from
        while j < n - 1 {
            guard let hit = memchr(p + j, Int32(Ch.star), n - 1 - j) else { return n }
            let k = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[k + 1] == Ch.slash { return k + 2 }
            j = k + 1
        }
        return n
    }

    /// End of a one-line quoted string whose body starts at `from`: just past the closing quote, or at the
    /// unescaped line break (exclusive) or `n` when unterminated. With `escapes`, a backslash escapes the next
    /// byte (a backslash before a line break continues the string).
    @inline(__always)
    static func scanLineString(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, quote: UInt8, escapes: Bool = true) -> Int {
        var j = from
        while j < n {
            let c = p[j]
            if c == quote { return j + 1 }
            if c == Ch.backslash && escapes {
                if j + 2 < n && p[j + 1] == Ch.cr && p[j + 2] == Ch.lf { j += 3 } else { j += 2 }
                continue
            }
            if c == Ch.lf || c == Ch.cr { return j }
            j += 1
        }
        return n
    }

    /// End of a triple-quoted string whose body starts at `from`: just past the closing triple quote, or `n`.
    @inline(__always)
    static func scanTripleString(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, quote: UInt8, escapes: Bool) -> Int {
        var j = from
        while j < n {
            let c = p[j]
            if c == Ch.backslash && escapes { j += 2; continue }
            if c == quote && j + 2 < n && p[j + 1] == quote && p[j + 2] == quote { return j + 3 }
            j += 1
        }
        return n
    }

    /// Whether `p[0..<s.count]` equals the ASCII `s`, ignoring ASCII letter case when `foldCase`.
    @inline(__always)
    static func matches(_ p: UnsafePointer<UInt8>, _ s: StaticString, foldCase: Bool = false) -> Bool {
        let q = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount {
            let c = foldCase ? (p[k] | 0x20) : p[k]
            if c != q[k] { return false }
        }
        return true
    }
}
