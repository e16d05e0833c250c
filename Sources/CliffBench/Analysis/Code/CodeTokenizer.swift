#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's code as tokens, plus which lines hold code.
public struct TokenizedCode: Sendable {
    public var tokens: [CodeToken]
    /// Indexed by 1-based line: 1 when the line holds code (a token, or the inside of a multi-line
    /// literal); comments, blank lines and Python docstrings are 0. May be shorter than the file.
    public var codeLine: [UInt8]
    /// Lines whose `codeLine` is 1: non-blank, non-comment lines of code.
    public var linesOfCode: Int
    /// JSX elements: the token index of each element's opening `<` → the index of its last `>`.
    public var jsxElements: [Int32: Int32]

    public init(tokens: [CodeToken] = [], codeLine: [UInt8] = [0], linesOfCode: Int = 0, jsxElements: [Int32: Int32] = [:]) {
        self.tokens = tokens
        self.codeLine = codeLine
        self.linesOfCode = linesOfCode
        self.jsxElements = jsxElements
    }

    @inline(__always) public func isCode(line: Int) -> Bool { line > 0 && line < codeLine.count && codeLine[line] != 0 }
}

/// Tokenizes JS/JSX/TS/TSX, the `<script>` blocks of Vue and Svelte files, and Python, over the bytes
/// of a file and the lexer's regions: comments are skipped, a string, template or regex literal is one
/// `.string` token. In JSX-capable files (`.js`, `.jsx`, `.tsx`) JSX is followed with a small mode
/// stack (code ▸ tag ▸ children), so JSX text is one `.string` token and words such as "if" or "or"
/// and a `?` in the text never read as code; the lexer's view of an apostrophe in JSX text (a string
/// to the end of the line) is overruled there. One pass, one token array per file.
public enum CodeTokenizer {
    public static func tokenize(_ file: ScannedFile) -> TokenizedCode {
        tokenize(bytes: file.bytes, regions: file.regions, language: file.language)
    }

    public static func tokenize(bytes: [UInt8], regions: [Region], language: Language) -> TokenizedCode {
        guard !bytes.isEmpty else { return TokenizedCode() }
        return bytes.withUnsafeBufferPointer { buf in
            regions.withUnsafeBufferPointer { regs in
                let p = buf.baseAddress!
                switch language {
                case .python:
                    var t = PyTokenizer(p: p, n: buf.count, regions: regs)
                    t.run()
                    return t.out.finish(python: true)
                case .javascript, .jsx, .typescript, .tsx:
                    var t = JSTokenizer(p: p, n: buf.count, regions: regs, jsx: language != .typescript)
                    t.run(from: 0, to: buf.count)
                    return t.out.finish(python: false)
                case .vue, .svelte:
                    var t = JSTokenizer(p: p, n: buf.count, regions: regs, jsx: false)
                    for r in scriptBlocks(p, buf.count) { t.run(from: r.lowerBound, to: r.upperBound) }
                    return t.out.finish(python: false)
                default:
                    return TokenizedCode()
                }
            }
        }
    }

    /// Content ranges of the `<script>` blocks of a markup file.
    static func scriptBlocks(_ p: UnsafePointer<UInt8>, _ n: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i + 8 < n {
            guard let hit = memchr(p + i, 0x3C, n - i) else { break }
            let k = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard k + 8 < n, Lexer.matches(p + k + 1, "script", foldCase: true), Lexer.isTagNameEnd(p[k + 7]) else {
                i = k + 1
                continue
            }
            let open = Lexer.openTagEnd(p, n, from: k + 7)
            guard open < n, p[open - 2] != 0x2F, let close = Lexer.closingTag(p, n, from: open, name: "script") else { break }
            out.append(open..<close)
            i = close + 2
        }
        return out
    }
}

// MARK: - Shared pieces

/// Identifier bytes `[A-Za-z0-9_$]` and non-ASCII, as a table.
let identTable: [Bool] = (0..<256).map { Lexer.isIdent(UInt8($0)) }
/// Hash and code of each one-byte punctuation token.
let singleByteHash: [UInt64] = (0..<256).map { b in withUnsafePointer(to: UInt8(b)) { CodeHash.of($0, 1) } }
let singleByteCode: [TokenCode] = singleByteHash.map { CodeTable.shared.code($0) }

/// The token array being built; lines are marked once at the end.
struct TokenSink {
    var tokens: [CodeToken] = []
    var lastTokenLine: Int32 = 0
    /// Code of the last token emitted.
    var lastCode: TokenCode = .none
    /// Multi-line literals: token index and last line.
    var multiLine: [(index: Int32, last: Int32)] = []
    var jsxElements: [Int32: Int32] = [:]

    @inline(__always) mutating func emit(_ start: Int, _ len: Int, line: Int32, kind: CodeTokenKind, flags: CodeToken.Flags,
                                         code: TokenCode = .none, hash: UInt64) {
        var f = flags
        if line != lastTokenLine { f.insert(.lineStart) }
        lastTokenLine = line
        lastCode = code
        tokens.append(CodeToken(offset: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: len), line: line,
                                kind: kind, flags: f, code: code, hash: hash))
    }

    func finish(python: Bool) -> TokenizedCode {
        var maxLine = 0
        if let last = tokens.last { maxLine = Int(last.line) }
        for m in multiLine { maxLine = max(maxLine, Int(m.last)) }
        var codeLine = [UInt8](repeating: 0, count: maxLine + 1)
        codeLine.withUnsafeMutableBufferPointer { cl in
            for t in tokens where !t.flags.contains(.docstring) { cl[Int(t.line)] = 1 }
            for m in multiLine where !tokens[Int(m.index)].flags.contains(.docstring) {
                var l = Int(tokens[Int(m.index)].line)
                while l <= Int(m.last) { cl[l] = 1; l += 1 }
            }
        }
        var n = 0
        for c in codeLine where c != 0 { n += 1 }
        return TokenizedCode(tokens: tokens, codeLine: codeLine, linesOfCode: n, jsxElements: jsxElements)
    }
}

@inline(__always) func isIdentStart(_ c: UInt8) -> Bool {
    c >= 0x80 || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F || c == 0x24
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

/// Scans the identifier at `s` (ending before `e`; `ident` says which bytes continue it), hashing
/// it on the way. Returns its end (at least `s + 1`) and hash.
@inline(__always) func scanWord(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ ident: UnsafePointer<Bool>) -> (Int, UInt64) {
    var j = s + 1
    while j < e && ident[Int(p[j])] { j += 1 }
    return (j, CodeHash.of(p + s, j - s))
}

/// `identTable` plus the backslash of `\u` escapes (JS).
let jsWordTable: [Bool] = (0..<256).map { Lexer.isIdent(UInt8($0)) || $0 == 0x5C }
/// Python identifier bytes: no `$`.
let pyWordTable: [Bool] = (0..<256).map { Lexer.isIdent(UInt8($0)) && $0 != 0x24 }

// MARK: - JS / TS / JSX

struct JSTokenizer {
    enum ModeKind: UInt8 { case code, tag, closingTag, children }
    struct Mode {
        var kind: ModeKind
        /// Code: open braces inside this expression. Tag, children, closing tag: index of the element's `<` token.
        var value: Int32
    }

    let p: UnsafePointer<UInt8>
    let n: Int
    let regions: UnsafeBufferPointer<Region>
    let jsx: Bool
    let table = CodeTable.shared
    let ident = jsWordTable
    let punctHash = singleByteHash
    let punctCode = singleByteCode
    var ri = 0
    var i = 0
    var line: Int32 = 1
    /// Bytes up to here belong to a lexer region that started inside JSX text: lexed here byte by byte.
    var taintedUntil = 0
    var modes: [Mode] = [Mode(kind: .code, value: 0)]
    /// `modes.last!.kind`, kept at hand.
    var mode: ModeKind = .code
    var out = TokenSink()

    @inline(__always) mutating func push(_ m: Mode) {
        modes.append(m)
        mode = m.kind
    }

    @inline(__always) @discardableResult mutating func pop() -> Mode {
        let m = modes.removeLast()
        if modes.isEmpty { modes = [Mode(kind: .code, value: 0)] }
        mode = modes[modes.count - 1].kind
        return m
    }

    init(p: UnsafePointer<UInt8>, n: Int, regions: UnsafeBufferPointer<Region>, jsx: Bool) {
        self.p = p
        self.n = n
        self.regions = regions
        self.jsx = jsx
        out.tokens.reserveCapacity(n / 4 + 16)
    }

    /// Moves `i` to `e`, counting line breaks.
    @inline(__always) mutating func advance(to e: Int) {
        var j = i
        while j < e {
            guard let hit = memchr(p + j, 0x0A, e - j) else { break }
            line += 1
            j = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        i = e
    }

    mutating func run(from s: Int, to e: Int) {
        if s > i { advance(to: s) }
        modes = [Mode(kind: .code, value: 0)]
        mode = .code
        let rc = regions.count
        var nextRegion = ri < rc ? Int(regions[ri].start) : Int.max
        ident.withUnsafeBufferPointer { identBuf in
            let identP = identBuf.baseAddress!
            while i < e {
                if mode == .children {
                    children(end: e)
                    nextRegion = ri < rc ? Int(regions[ri].start) : Int.max
                    continue
                }
                var c = p[i]
                // White space never starts a region: skip a run of it at once, indentation 8 bytes at a time.
                while c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D {
                    if c == 0x0A { line += 1 }
                    i += 1
                    while i + 8 <= e && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 { i += 8 }
                    guard i < e else { return }
                    c = p[i]
                }
                if nextRegion <= i {
                    while ri < rc && Int(regions[ri].end) <= i { ri += 1 }
                    if ri < rc && Int(regions[ri].start) <= i {
                        let r = regions[ri]
                        ri += 1
                        if Int(r.start) == i && i >= taintedUntil {
                            if r.kind == .comment {
                                advance(to: min(Int(r.end), e))
                            } else {
                                literal(i, min(Int(r.end), e))
                            }
                        } else {
                            // A region that began inside JSX text or inside a span lexed byte by byte.
                            taintedUntil = max(taintedUntil, Int(r.end))
                        }
                    }
                    nextRegion = ri < rc ? Int(regions[ri].start) : Int.max
                    continue
                }
                if i < taintedUntil, rawNonCode(c, e) { continue }
                if identP[Int(c)] && !isDigit(c) {
                    identifier(e, identP)
                    if mode == .tag || mode == .closingTag { out.tokens[out.tokens.count - 1].flags.insert(.jsxName) }
                } else if isDigit(c) || (c == 0x2E && i + 1 < e && isDigit(p[i + 1])) {
                    number(e, identP)
                } else {
                    punctuation(c, e, mode)
                }
            }
        }
        // Leave the range closed: an unterminated element in one script block must not leak.
        modes = [Mode(kind: .code, value: 0)]
        mode = .code
    }

    /// Comments and literals inside a span the lexer saw differently (after JSX text).
    mutating func rawNonCode(_ c: UInt8, _ e: Int) -> Bool {
        if c == 0x22 || c == 0x27 || c == 0x60 {
            var j = i + 1
            while j < e && p[j] != c && (c == 0x60 || p[j] != 0x0A) {
                if p[j] == 0x5C { j += 1 }
                j += 1
            }
            literal(i, min(e, j + 1))
            return true
        }
        if c == 0x2F && i + 1 < e && p[i + 1] == 0x2F {
            var j = i
            while j < e && p[j] != 0x0A { j += 1 }
            i = j
            return true
        }
        if c == 0x2F && i + 1 < e && p[i + 1] == 0x2A {
            advance(to: min(e, Lexer.blockCommentEnd(p, e, from: i + 2)))
            return true
        }
        return false
    }

    @inline(__always) mutating func literal(_ s: Int, _ e: Int, flags: CodeToken.Flags = []) {
        let startLine = line
        out.emit(s, e - s, line: startLine, kind: .string, flags: flags, hash: CodeHash.literalClass)
        i = s
        advance(to: e)
        if line > startLine { out.multiLine.append((Int32(out.tokens.count - 1), line)) }
    }

    @inline(__always) mutating func identifier(_ e: Int, _ identP: UnsafePointer<Bool>) {
        let s = i
        let (j, h) = scanWord(p, s, e, identP)
        var flags: CodeToken.Flags = []
        var kind: CodeTokenKind = .identifier
        let code = table.code(h)
        if out.lastCode == .dot || out.lastCode == .optionalDot {
            flags.insert(.member)
        } else if code.isJSKeyword {
            kind = .keyword
        }
        out.emit(s, j - s, line: line, kind: kind, flags: flags, code: code, hash: h)
        i = j
    }

    mutating func number(_ e: Int, _ identP: UnsafePointer<Bool>) {
        let s = i
        var j = i
        let hex = p[j] == 0x30 && j + 1 < e && (p[j + 1] | 0x20) == 0x78
        var sawDot = false
        while j < e {
            let c = p[j]
            if identP[Int(c)] && c != 0x24 { j += 1; continue }
            if c == 0x2E && !sawDot && !hex && !(j + 1 < e && isIdentStart(p[j + 1])) { sawDot = true; j += 1; continue }
            if (c == 0x2B || c == 0x2D) && !hex && j > s && (p[j - 1] | 0x20) == 0x65 { j += 1; continue }
            break
        }
        out.emit(s, j - s, line: line, kind: .number, flags: [], hash: CodeHash.of(p + s, j - s))
        i = j
    }

    /// Length of the operator at `i`.
    @inline(__always) func operatorLength(_ c: UInt8, _ e: Int) -> Int {
        @inline(__always) func at(_ k: Int) -> UInt8 { i + k < e ? p[i + k] : 0 }
        let d = at(1)
        switch c {
        case 0x3D:  // =
            if d == 0x3D { return at(2) == 0x3D ? 3 : 2 }
            return d == 0x3E ? 2 : 1
        case 0x21:  // !
            if d == 0x3D { return at(2) == 0x3D ? 3 : 2 }
            return 1
        case 0x26, 0x7C:  // & |
            if d == c { return at(2) == 0x3D ? 3 : 2 }
            return d == 0x3D ? 2 : 1
        case 0x3F:  // ?
            if d == 0x3F { return at(2) == 0x3D ? 3 : 2 }
            if d == 0x2E && !isDigit(at(2)) { return 2 }
            return 1
        case 0x2A:  // *
            if d == 0x2A { return at(2) == 0x3D ? 3 : 2 }
            return d == 0x3D ? 2 : 1
        case 0x2B, 0x2D:  // + -
            return d == c || d == 0x3D ? 2 : 1
        case 0x3C:  // <
            if d == 0x3C { return at(2) == 0x3D ? 3 : 2 }
            return d == 0x3D ? 2 : 1
        case 0x2F, 0x25, 0x5E:  // / % ^
            return d == 0x3D ? 2 : 1
        case 0x2E:  // .
            return d == 0x2E && at(2) == 0x2E ? 3 : 1
        default:
            return 1
        }
    }

    @inline(__always) mutating func emitPunct(_ len: Int, flags: CodeToken.Flags = []) {
        let h: UInt64
        let code: TokenCode
        if len == 1 {
            h = punctHash[Int(p[i])]
            code = punctCode[Int(p[i])]
        } else {
            h = CodeHash.of(p + i, len)
            code = table.code(h)
        }
        out.emit(i, len, line: line, kind: .punctuation, flags: flags, code: code, hash: h)
        i += len
    }

    mutating func punctuation(_ c: UInt8, _ e: Int, _ mode: ModeKind) {
        let top = modes.count - 1
        switch mode {
        case .code:
            if c == 0x7B {
                modes[top].value += 1
                emitPunct(1)
                return
            }
            if c == 0x7D {
                if modes[top].value == 0 && top > 0 {
                    emitPunct(1)
                    pop()
                    return
                }
                modes[top].value = max(0, modes[top].value - 1)
                emitPunct(1)
                return
            }
            if c == 0x3C && jsx && jsxMayStart(e) {
                let idx = Int32(out.tokens.count)
                emitPunct(1, flags: .jsxOpen)
                push(Mode(kind: .tag, value: idx))
                return
            }
            if c == 0x3E { emitPunct(1); return }  // `>` alone: `>>` and `>=` are split, as in generics
            emitPunct(operatorLength(c, e))
        case .tag, .closingTag:
            switch c {
            case 0x3E:  // >
                let opener = modes[top].value
                if mode == .closingTag { out.jsxElements[opener] = Int32(out.tokens.count) }
                emitPunct(1)
                pop()
                if mode == .tag { push(Mode(kind: .children, value: opener)) }
            case 0x2F:  // `/>` or a stray slash
                var j = i + 1
                while j < e && Lexer.isSpace(p[j]) { j += 1 }
                if j < e && p[j] == 0x3E && mode == .tag {
                    emitPunct(1)
                    while i < j { if p[i] == 0x0A { line += 1 }; i += 1 }
                    out.jsxElements[modes[top].value] = Int32(out.tokens.count)
                    emitPunct(1)
                    pop()
                } else {
                    abortTag()
                }
            case 0x7B:
                emitPunct(1)
                push(Mode(kind: .code, value: 0))
            case 0x3D, 0x2D, 0x3A, 0x2E:  // = - : .
                emitPunct(1)
            case 0x22, 0x27:
                // Attribute strings: normally lexer regions; here only inside a span lexed byte by byte.
                _ = rawNonCode(c, e)
            default:
                abortTag()
            }
        case .children:
            break
        }
    }

    /// Not JSX after all (`a < b` misread): back to code, un-flag the `<`.
    mutating func abortTag() {
        let m = pop()
        if m.kind == .tag, Int(m.value) < out.tokens.count { out.tokens[Int(m.value)].flags.remove(.jsxOpen) }
    }

    /// Whether the `<` at `i` (in code) opens a JSX element: it follows an operator or keyword that
    /// starts an expression, and is followed by a tag name or `>`, not by a TSX generic `<T,>`.
    func jsxMayStart(_ e: Int) -> Bool {
        if let last = out.tokens.last {
            switch last.code {
            case .lparen, .lbracket, .lbrace, .comma, .assign, .colon, .question, .arrow, .and, .or, .nullish, .semicolon, .bang:
                guard last.kind == .punctuation else { return false }
            case .kReturn, .kYield, .kDefault:
                guard last.kind == .keyword else { return false }
            default:
                return false
            }
        }
        guard i + 1 < e else { return false }
        let d = p[i + 1]
        if d == 0x3E { return true }
        guard isIdentStart(d) else { return false }
        var j = i + 1
        while j < e && (Lexer.isIdent(p[j]) || p[j] == 0x2E || p[j] == 0x2D || p[j] == 0x3A) { j += 1 }
        let nameEnd = j
        while j < e && Lexer.isSpace(p[j]) { j += 1 }
        guard j < e else { return false }
        if p[j] == 0x2C { return false }  // <T,>
        if nameEnd < j && j + 7 <= e && Lexer.matches(p + j, "extends") && (j + 7 == e || !Lexer.isIdent(p[j + 7])) { return false }
        return true
    }

    /// JSX children: text up to `<` or `{` becomes one token.
    mutating func children(end e: Int) {
        var k = i
        while k < e && p[k] != 0x3C && p[k] != 0x7B { k += 1 }
        var s = i, t = k
        while s < t && Lexer.isSpace(p[s]) { s += 1 }
        while t > s && Lexer.isSpace(p[t - 1]) { t -= 1 }
        if s < t {
            advance(to: s)
            literal(s, t, flags: .jsxText)
        }
        advance(to: k)
        // Regions the lexer started inside the text do not apply.
        let rc = regions.count
        while ri < rc && Int(regions[ri].start) < k {
            taintedUntil = max(taintedUntil, Int(regions[ri].end))
            ri += 1
        }
        guard k < e else { return }
        if p[k] == 0x7B {
            emitPunct(1)
            push(Mode(kind: .code, value: 0))
            return
        }
        var j = k + 1
        while j < e && Lexer.isSpace(p[j]) { j += 1 }
        if j < e && p[j] == 0x2F {
            emitPunct(1)
            advance(to: j)
            emitPunct(1)
            let opener = pop().value
            push(Mode(kind: .closingTag, value: opener))
        } else {
            let idx = Int32(out.tokens.count)
            emitPunct(1, flags: .jsxOpen)
            push(Mode(kind: .tag, value: idx))
        }
    }
}

// MARK: - Python

struct PyTokenizer {
    let p: UnsafePointer<UInt8>
    let n: Int
    let regions: UnsafeBufferPointer<Region>
    let table = CodeTable.shared
    let ident = pyWordTable
    var ri = 0
    var i = 0
    var line: Int32 = 1
    var depth = 0
    var out = TokenSink()
    /// A string token that may be a docstring (first on its logical line): index and last line.
    var pending: (index: Int, last: Int32)?

    init(p: UnsafePointer<UInt8>, n: Int, regions: UnsafeBufferPointer<Region>) {
        self.p = p
        self.n = n
        self.regions = regions
        out.tokens.reserveCapacity(n / 4 + 16)
    }

    @inline(__always) mutating func advance(to e: Int) {
        var j = i
        while j < e {
            guard let hit = memchr(p + j, 0x0A, e - j) else { break }
            line += 1
            j = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        i = e
    }

    /// Settles a pending string before the next token (on `nextLine`) or at the end: a statement
    /// that is only a string is a docstring.
    @inline(__always) mutating func settle(nextLine: Int32?) {
        guard let pd = pending else { return }
        pending = nil
        if nextLine == nil || nextLine! > pd.last { out.tokens[pd.index].flags.insert(.docstring) }
    }

    @inline(__always) mutating func emit(_ s: Int, _ len: Int, kind: CodeTokenKind, code: TokenCode = .none, hash: UInt64, member: Bool = false) {
        settle(nextLine: line)
        out.emit(s, len, line: line, kind: kind, flags: member ? .member : [], code: code, hash: hash)
    }

    mutating func run() {
        let rc = regions.count
        let e = n
        ident.withUnsafeBufferPointer { identBuf in
            let identP = identBuf.baseAddress!
            while i < e {
                var c = p[i]
                while c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                    if c == 0x0A { line += 1 }
                    i += 1
                    guard i < e else { return }
                    c = p[i]
                }
                while ri < rc && Int(regions[ri].end) <= i { ri += 1 }
                if ri < rc && Int(regions[ri].start) <= i {
                    let r = regions[ri]
                    ri += 1
                    let re = Int(r.end)
                    if r.kind == .comment {
                        advance(to: re)
                        continue
                    }
                    settle(nextLine: line)
                    let s = max(i, Int(r.start))
                    let first = line
                    let atStatementStart = depth == 0 && first != out.lastTokenLine && !lastIsContinuation
                    out.emit(s, re - s, line: first, kind: .string, flags: [], hash: CodeHash.literalClass)
                    advance(to: re)
                    if line > first { out.multiLine.append((Int32(out.tokens.count - 1), line)) }
                    if atStatementStart { pending = (out.tokens.count - 1, line) }
                    continue
                }
                if identP[Int(c)] && !isDigit(c) {
                    let s = i
                    let (j, h) = scanWord(p, s, e, identP)
                    let member = out.tokens.last.map { $0.code == .dot } ?? false
                    let code = table.code(h)
                    let kw = code.isPythonKeyword  // Python keywords are never attribute names
                    emit(s, j - s, kind: kw ? .keyword : .identifier, code: code, hash: h, member: member && !kw)
                    i = j
                    continue
                }
                if isDigit(c) || (c == 0x2E && i + 1 < e && isDigit(p[i + 1])) {
                    let s = i
                    var j = i
                    while j < e {
                        let d = p[j]
                        if identP[Int(d)] && d != 0x24 || d == 0x2E { j += 1; continue }
                        if (d == 0x2B || d == 0x2D) && (p[j - 1] | 0x20) == 0x65 && !(j - s > 1 && (p[s + 1] | 0x20) == 0x78) { j += 1; continue }
                        break
                    }
                    emit(s, j - s, kind: .number, hash: CodeHash.of(p + s, j - s))
                    i = j
                    continue
                }
                let len = operatorLength(c, e)
                if c == 0x28 || c == 0x5B || c == 0x7B { depth += 1 }
                if c == 0x29 || c == 0x5D || c == 0x7D { depth = max(0, depth - 1) }
                let h = len == 1 ? singleByteHash[Int(c)] : CodeHash.of(p + i, len)
                emit(i, len, kind: .punctuation, code: len == 1 ? singleByteCode[Int(c)] : table.code(h), hash: h)
                i += len
            }
        }
        settle(nextLine: nil)
    }

    /// A backslash continuation carries the line on.
    var lastIsContinuation: Bool { out.tokens.last?.code == .backslash }

    func operatorLength(_ c: UInt8, _ e: Int) -> Int {
        let d: UInt8 = i + 1 < e ? p[i + 1] : 0
        let d2: UInt8 = i + 2 < e ? p[i + 2] : 0
        switch c {
        case 0x2A, 0x2F, 0x3C, 0x3E:  // ** // << >>
            if d == c { return d2 == 0x3D ? 3 : 2 }
            return d == 0x3D ? 2 : 1
        case 0x2D:
            return d == 0x3E || d == 0x3D ? 2 : 1
        case 0x3A, 0x3D, 0x21, 0x2B, 0x25, 0x26, 0x7C, 0x5E, 0x40:
            return d == 0x3D ? 2 : 1
        case 0x2E:
            return d == 0x2E && d2 == 0x2E ? 3 : 1
        default:
            return 1
        }
    }
}
