/// One token of a SQL statement.
public struct SQLToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Keyword or unquoted identifier; `text` is lower-cased.
        case word
        /// `"Quoted"` identifier; `text` is the name as written, quotes removed.
        case quoted
        /// '…', E'…' or a $tag$…$tag$ body; `text` is the content without delimiters.
        case string
        case number
        /// `$1` positional parameter.
        case param
        /// Punctuation and operators: ( ) , ; . = :: -> ->> [ ] and so on.
        case symbol
    }

    public var kind: Kind
    /// Byte offsets in the file, `[start, end)`.
    public var start: Int
    public var end: Int
    public var text: String

    public init(kind: Kind, start: Int, end: Int, text: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
    }

    /// Whether this is the keyword `w` (lower-case ASCII); quoted identifiers never are.
    @inline(__always) public func `is`(_ w: String) -> Bool { kind == .word && text == w }
    @inline(__always) public func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    /// An identifier (unquoted word or quoted name).
    public var isName: Bool { kind == .word || kind == .quoted }
}

/// One SQL statement of a file: its tokens and where it sits.
public struct SQLStatement: Sendable {
    public var path: String
    /// Byte offset of the first token in the file.
    public var offset: Int
    /// Byte offset just past the last token.
    public var end: Int
    public var tokens: [SQLToken]
    /// The bytes the tokens were read from (shared, not copied), for expression text.
    let bytes: [UInt8]
    /// File offset of `bytes[0]` (non-zero for SQL read out of a string, e.g. a `DO $$…$$` body).
    let base: Int

    public init(path: String, offset: Int, end: Int, tokens: [SQLToken], bytes: [UInt8], base: Int = 0) {
        self.path = path
        self.offset = offset
        self.end = end
        self.tokens = tokens
        self.bytes = bytes
        self.base = base
    }

    /// Source text from token `a` through token `b` (inclusive), white space folded to single spaces.
    public func text(from a: Int, through b: Int) -> String {
        guard a >= 0, b < tokens.count, a <= b else { return "" }
        return SQLReader.folded(bytes, (tokens[a].start - base)..<(tokens[b].end - base))
    }

    /// The statement from token `k` on, as a statement of its own.
    public func suffix(from k: Int) -> SQLStatement {
        let t = Array(tokens[min(k, tokens.count)...])
        return SQLStatement(path: path, offset: t.first?.start ?? end, end: end, tokens: t, bytes: bytes, base: base)
    }

    /// File offset where the content of string token `k` starts (after `'`, `E'` or `$tag$`).
    public func stringBodyOffset(_ k: Int) -> Int {
        let t = tokens[k]
        var i = t.start - base
        guard i >= 0, i < bytes.count else { return t.start }
        if (bytes[i] | 0x20) == 0x65 { i += 1 }
        if i < bytes.count && bytes[i] == 0x24 {
            var j = i + 1
            while j < bytes.count && bytes[j] != 0x24 { j += 1 }
            return j + 1 + base
        }
        return i + 1 + base
    }

    /// The first `n` tokens' lower-cased words, for dispatch (`create table`, `alter table`, …).
    public func head(_ n: Int) -> [String] {
        tokens.prefix(n).map { $0.kind == .word ? $0.text : "" }
    }
}

/// Splits SQL text into statements on `;` outside comments, strings and dollar-quoted bodies, and
/// tokenises them. Works on bytes with the lexer's regions (comments, strings and `$$` bodies are
/// regions in the SQL family; `"quoted"` identifiers are code).
public enum SQLReader {
    /// Statements of a scanned SQL file.
    public static func statements(of file: ScannedFile) -> [SQLStatement] {
        statements(bytes: file.bytes, regions: file.regions, path: file.path)
    }

    /// Statements of SQL bytes; `regions` must come from `Lexer.regions(bytes, family: .sql)`.
    /// `range` limits the read to part of the bytes (offsets stay file offsets).
    public static func statements(bytes: [UInt8], regions: [Region], path: String, range: Range<Int>? = nil) -> [SQLStatement] {
        let lo = range?.lowerBound ?? 0
        let hi = min(bytes.count, range?.upperBound ?? bytes.count)
        var out: [SQLStatement] = []
        var tokens: [SQLToken] = []
        var ri = firstRegion(regions, atOrAfter: lo)
        var i = lo
        // Inside `BEGIN ATOMIC … END` of a SQL-standard function body, `;` does not end the statement.
        var atomicDepth = 0

        func flush() {
            guard let f = tokens.first, let l = tokens.last else { return }
            out.append(SQLStatement(path: path, offset: f.start, end: l.end, tokens: tokens, bytes: bytes))
            tokens.removeAll(keepingCapacity: true)
        }

        while i < hi {
            while ri < regions.count && Int(regions[ri].end) <= i { ri += 1 }
            if ri < regions.count && Int(regions[ri].start) <= i {
                let r = regions[ri]
                let e = min(hi, Int(r.end))
                if r.kind != .comment {
                    tokens.append(SQLToken(kind: .string, start: i, end: e, text: stringContent(bytes, i..<e)))
                }
                i = e
                ri += 1
                continue
            }
            let c = bytes[i]
            if ByteClass.isSpace(c) { i += 1; continue }
            if c == 0x3B {  // ;
                if atomicDepth > 0 {
                    tokens.append(SQLToken(kind: .symbol, start: i, end: i + 1, text: ";"))
                } else {
                    flush()
                }
                i += 1
                continue
            }
            if c == 0x22 {  // "quoted identifier"
                var j = i + 1
                var name: [UInt8] = []
                while j < hi {
                    if bytes[j] == 0x22 {
                        if j + 1 < hi && bytes[j + 1] == 0x22 { name.append(0x22); j += 2; continue }
                        j += 1
                        break
                    }
                    if bytes[j] == 0x0A { break }
                    name.append(bytes[j])
                    j += 1
                }
                tokens.append(SQLToken(kind: .quoted, start: i, end: j, text: String(decoding: name, as: UTF8.self)))
                i = j
                continue
            }
            if c == 0x60 {  // `mysql identifier`
                var j = i + 1
                while j < hi && bytes[j] != 0x60 && bytes[j] != 0x0A { j += 1 }
                tokens.append(SQLToken(kind: .quoted, start: i, end: min(hi, j + 1), text: String(decoding: bytes[(i + 1)..<j], as: UTF8.self)))
                i = min(hi, j + 1)
                continue
            }
            if isWordStart(c) {
                var j = i + 1
                while j < hi && isWordByte(bytes[j]) { j += 1 }
                let w = lowered(bytes, i..<j)
                tokens.append(SQLToken(kind: .word, start: i, end: j, text: w))
                if w == "atomic", tokens.count >= 2, tokens[tokens.count - 2].is("begin"), isRoutine(tokens) {
                    atomicDepth += 1
                } else if atomicDepth > 0 && (w == "case" || w == "begin") {
                    atomicDepth += 1
                } else if atomicDepth > 0 && w == "end" {
                    atomicDepth -= 1
                }
                i = j
                continue
            }
            if ByteClass.isDigit(c) {
                var j = i + 1
                while j < hi && (ByteClass.isDigit(bytes[j]) || bytes[j] == 0x2E || bytes[j] == 0x5F) { j += 1 }
                tokens.append(SQLToken(kind: .number, start: i, end: j, text: String(decoding: bytes[i..<j], as: UTF8.self)))
                i = j
                continue
            }
            if c == 0x24, i + 1 < hi, ByteClass.isDigit(bytes[i + 1]) {  // $1
                var j = i + 1
                while j < hi && ByteClass.isDigit(bytes[j]) { j += 1 }
                tokens.append(SQLToken(kind: .param, start: i, end: j, text: String(decoding: bytes[i..<j], as: UTF8.self)))
                i = j
                continue
            }
            let len = symbolLength(bytes, i, hi)
            tokens.append(SQLToken(kind: .symbol, start: i, end: i + len, text: String(decoding: bytes[i..<(i + len)], as: UTF8.self)))
            i += len
        }
        flush()
        return out
    }

    /// Statements of a SQL string held somewhere else (a JS template, a `DO` body, a test), offsets shifted by `base`.
    public static func statements(sql: String, path: String = "", base: Int = 0) -> [SQLStatement] {
        statements(sqlBytes: Array(sql.utf8), path: path, base: base)
    }

    /// Statements of SQL bytes lexed here, offsets shifted by `base`.
    public static func statements(sqlBytes bytes: [UInt8], path: String, base: Int) -> [SQLStatement] {
        let regions = Lexer.regions(bytes, family: .sql)
        var out = statements(bytes: bytes, regions: regions, path: path)
        guard base != 0 else { return out }
        for k in out.indices {
            var s = out[k]
            for t in s.tokens.indices {
                s.tokens[t].start += base
                s.tokens[t].end += base
            }
            out[k] = SQLStatement(path: s.path, offset: s.offset + base, end: s.end + base, tokens: s.tokens, bytes: bytes, base: base)
        }
        return out
    }

    // MARK: - Helpers

    static func firstRegion(_ regions: [Region], atOrAfter offset: Int) -> Int {
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(regions[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func isRoutine(_ tokens: [SQLToken]) -> Bool {
        guard tokens.first?.is("create") == true else { return false }
        return tokens.prefix(6).contains { $0.is("function") || $0.is("procedure") }
    }

    @inline(__always) static func isWordStart(_ c: UInt8) -> Bool { ByteClass.isAlpha(c) || c == 0x5F || c >= 0x80 }
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { ByteClass.isAlpha(c) || ByteClass.isDigit(c) || c == 0x5F || c == 0x24 || c >= 0x80 }

    static func lowered(_ b: [UInt8], _ r: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: r.count) { buf in
            var k = 0
            for i in r {
                buf[k] = ByteClass.lower(b[i])
                k += 1
            }
            return k
        }
    }

    private static func symbolLength(_ b: [UInt8], _ i: Int, _ hi: Int) -> Int {
        let c = b[i]
        guard i + 1 < hi else { return 1 }
        let d = b[i + 1]
        switch (c, d) {
        case (0x3A, 0x3A), (0x3C, 0x3E), (0x21, 0x3D), (0x3E, 0x3D), (0x3C, 0x3D), (0x7C, 0x7C), (0x3D, 0x3E), (0x3A, 0x3D):
            return 2
        case (0x2D, 0x3E):  // -> or ->>
            return i + 2 < hi && b[i + 2] == 0x3E ? 3 : 2
        default:
            return 1
        }
    }

    /// Content of a string region: '…' (with '' undoubled), E'…', or the body of $tag$…$tag$.
    static func stringContent(_ b: [UInt8], _ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        var s = r.lowerBound
        let e = r.upperBound
        if (b[s] | 0x20) == 0x65, s + 1 < e, b[s + 1] == 0x27 { s += 1 }
        if b[s] == 0x24 {
            var j = s + 1
            while j < e && b[j] != 0x24 { j += 1 }
            let tagLen = j - s + 1
            let bodyStart = min(e, s + tagLen)
            let bodyEnd = max(bodyStart, e - tagLen)
            return String(decoding: b[bodyStart..<bodyEnd], as: UTF8.self)
        }
        if b[s] == 0x27 {
            let bodyEnd = e > s + 1 && b[e - 1] == 0x27 ? e - 1 : e
            var out: [UInt8] = []
            out.reserveCapacity(bodyEnd - s)
            var j = s + 1
            while j < bodyEnd {
                if b[j] == 0x27 && j + 1 < bodyEnd && b[j + 1] == 0x27 { out.append(0x27); j += 2; continue }
                out.append(b[j])
                j += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return String(decoding: b[s..<e], as: UTF8.self)
    }

    /// Text of a byte range with runs of white space folded to one space.
    static func folded(_ b: [UInt8], _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var space = false
        for i in r where i < b.count {
            if ByteClass.isSpace(b[i]) {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b[i])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
