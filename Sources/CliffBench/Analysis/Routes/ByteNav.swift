import Foundation

/// Byte-level navigation over a scanned file's code: bracket matching, call arguments,
/// identifiers, literals and enclosing function bodies, all skipping comments and strings
/// through the lexer's regions. Works for the JS family and Python (brackets) alike.
public enum ByteNav {
    // MARK: - Regions

    /// Index of the first region that ends after `offset` (regions are sorted and disjoint).
    @inline(__always)
    static func regionIndex(_ regions: [Region], after offset: Int) -> Int {
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(regions[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The non-code region containing `offset`, if any.
    public static func region(_ f: ScannedFile, at offset: Int) -> Region? {
        let r = regionIndex(f.regions, after: offset)
        guard r < f.regions.count, Int(f.regions[r].start) <= offset else { return nil }
        return f.regions[r]
    }

    // MARK: - Trivia

    /// First offset at or after `from` that is neither white space nor inside a comment.
    public static func skipTrivia(_ f: ScannedFile, _ from: Int) -> Int {
        let b = f.bytes
        var i = from
        var r = regionIndex(f.regions, after: i)
        while i < b.count {
            if r < f.regions.count, Int(f.regions[r].start) <= i {
                if f.regions[r].kind == .comment { i = Int(f.regions[r].end); r += 1; continue }
                return i
            }
            if ByteClass.isSpace(b[i]) { i += 1; continue }
            return i
        }
        return b.count
    }

    /// Last offset before `before` that is neither white space nor inside a comment, or nil.
    public static func prevSignificant(_ f: ScannedFile, _ before: Int) -> Int? {
        let b = f.bytes
        var i = min(before, b.count) - 1
        while i >= 0 {
            if ByteClass.isSpace(b[i]) { i -= 1; continue }
            if let reg = region(f, at: i), reg.kind == .comment { i = Int(reg.start) - 1; continue }
            return i
        }
        return nil
    }

    // MARK: - Brackets

    @inline(__always) static func isOpen(_ c: UInt8) -> Bool { c == 0x28 || c == 0x5B || c == 0x7B }
    @inline(__always) static func isClose(_ c: UInt8) -> Bool { c == 0x29 || c == 0x5D || c == 0x7D }

    /// Offset of the bracket closing the `(`, `[` or `{` at `open`, counting only code bytes.
    public static func matchingClose(_ f: ScannedFile, _ open: Int, limit: Int? = nil) -> Int? {
        let b = f.bytes
        guard open < b.count, isOpen(b[open]) else { return nil }
        let end = min(limit ?? b.count, b.count)
        var depth = 0
        var i = open
        var r = regionIndex(f.regions, after: i)
        while i < end {
            if r < f.regions.count, Int(f.regions[r].start) <= i {
                i = max(i + 1, Int(f.regions[r].end))
                r += 1
                continue
            }
            let c = b[i]
            if isOpen(c) {
                depth += 1
            } else if isClose(c) {
                depth -= 1
                if depth == 0 { return i }
                if depth < 0 { return nil }
            }
            i += 1
        }
        return nil
    }

    /// Offset of the bracket opening the one closed at `close`, scanning backwards over code bytes.
    public static func matchingOpen(_ f: ScannedFile, _ close: Int) -> Int? {
        let b = f.bytes
        guard close < b.count, isClose(b[close]) else { return nil }
        var depth = 0
        var i = close
        while i >= 0 {
            if let reg = region(f, at: i) { i = Int(reg.start) - 1; continue }
            let c = b[i]
            if isClose(c) {
                depth += 1
            } else if isOpen(c) {
                depth -= 1
                if depth == 0 { return i }
            }
            i -= 1
        }
        return nil
    }

    /// The top-level arguments of the call whose `(` is at `open`, trimmed of white space and comments.
    public static func callArgs(_ f: ScannedFile, open: Int) -> [Range<Int>] {
        guard let close = matchingClose(f, open) else { return [] }
        return splitTopLevel(f, (open + 1)..<close, separator: 0x2C)
    }

    /// Splits a range at top-level occurrences of `separator` in code, trimming each part.
    public static func splitTopLevel(_ f: ScannedFile, _ range: Range<Int>, separator: UInt8) -> [Range<Int>] {
        let b = f.bytes
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        var i = range.lowerBound
        var r = regionIndex(f.regions, after: i)
        while i < range.upperBound {
            if r < f.regions.count, Int(f.regions[r].start) <= i {
                i = max(i + 1, Int(f.regions[r].end))
                r += 1
                continue
            }
            let c = b[i]
            if isOpen(c) { depth += 1 } else if isClose(c) { depth -= 1 } else if c == separator && depth == 0 {
                parts.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        parts.append(start..<range.upperBound)
        return parts.map { trim(f, $0) }.filter { !$0.isEmpty }
    }

    /// A range without leading and trailing white space and comments.
    public static func trim(_ f: ScannedFile, _ range: Range<Int>) -> Range<Int> {
        let lo = skipTrivia(f, range.lowerBound)
        guard lo < range.upperBound else { return lo..<lo }
        var hi = range.upperBound
        while hi > lo {
            if ByteClass.isSpace(f.bytes[hi - 1]) { hi -= 1; continue }
            if let reg = region(f, at: hi - 1), reg.kind == .comment, Int(reg.start) >= lo { hi = Int(reg.start); continue }
            break
        }
        return lo..<hi
    }

    // MARK: - Identifiers

    /// The identifier (`[A-Za-z0-9_$]+`) ending just before `end`, skipping white space.
    public static func identifier(endingBefore end: Int, in f: ScannedFile) -> Range<Int>? {
        guard let last = prevSignificant(f, end), ByteClass.isIdentifier(f.bytes[last]) else { return nil }
        var s = last
        while s > 0 && ByteClass.isIdentifier(f.bytes[s - 1]) { s -= 1 }
        return s..<(last + 1)
    }

    /// The identifier starting at `start` (possibly empty).
    public static func identifier(at start: Int, in f: ScannedFile) -> Range<Int> {
        var e = start
        while e < f.bytes.count && ByteClass.isIdentifier(f.bytes[e]) { e += 1 }
        return start..<e
    }

    /// The dotted member path ending before `end` (`req.body.email`, `this.db?.query`), as text with `?.` folded to `.`.
    public static func memberPath(endingBefore end: Int, in f: ScannedFile) -> (range: Range<Int>, text: String)? {
        guard let id = identifier(endingBefore: end, in: f) else { return nil }
        var start = id.lowerBound
        while let dot = prevSignificant(f, start), f.bytes[dot] == 0x2E {
            var before = dot
            if before > 0 && f.bytes[before - 1] == 0x3F { before -= 1 }
            guard let prev = identifier(endingBefore: before, in: f) else { break }
            start = prev.lowerBound
        }
        let text = codeText(f, start..<id.upperBound).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "?.", with: ".")
        return (start..<id.upperBound, text)
    }

    /// The dotted member path starting at `start` (`req.body.email`), as text.
    public static func memberPath(startingAt start: Int, in f: ScannedFile) -> (range: Range<Int>, text: String) {
        var e = identifier(at: start, in: f).upperBound
        while true {
            var j = skipTrivia(f, e)
            if j + 1 < f.bytes.count && f.bytes[j] == 0x3F && f.bytes[j + 1] == 0x2E { j += 1 }
            guard j < f.bytes.count, f.bytes[j] == 0x2E else { break }
            let k = skipTrivia(f, j + 1)
            let id = identifier(at: k, in: f)
            guard !id.isEmpty else { break }
            e = id.upperBound
        }
        let text = codeText(f, start..<e).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "?.", with: ".")
        return (start..<e, text)
    }

    /// Whether the bytes at `offset` spell `word` (case-sensitive) as a whole identifier.
    public static func isWord(_ f: ScannedFile, _ offset: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard offset >= 0, offset + w.count <= f.bytes.count else { return false }
        for k in 0..<w.count where f.bytes[offset + k] != w[k] { return false }
        if offset > 0 && ByteClass.isIdentifier(f.bytes[offset - 1]) { return false }
        if offset + w.count < f.bytes.count && ByteClass.isIdentifier(f.bytes[offset + w.count]) { return false }
        return true
    }

    // MARK: - Literals

    /// What an expression range is, as far as string-building goes.
    public enum LiteralShape: Sendable, Equatable {
        /// One quoted string, or a template / f-string without substitutions.
        case plain(String)
        /// A JS template literal with `${…}` substitutions (the substitution ranges).
        case template([Range<Int>])
        /// A Python f-string with `{…}` fields.
        case fString
        /// String literals joined with `+` to non-literals.
        case concatenation
        /// A string literal followed by `%` formatting or `.format(` (Python).
        case formatted
        /// Anything else.
        case other
    }

    /// The shape of the expression in `range`.
    public static func shape(_ f: ScannedFile, _ range: Range<Int>) -> LiteralShape {
        let r = trim(f, range)
        guard !r.isEmpty else { return .other }
        let b = f.bytes
        if let reg = region(f, at: r.lowerBound), reg.kind == .string {
            let regEnd = Int(reg.end)
            let first = b[r.lowerBound]
            if first == 0x60 {
                guard let (subs, end) = templateParts(f, startRegion: regionIndex(f.regions, after: r.lowerBound)) else { return .other }
                if end >= r.upperBound {
                    return subs.isEmpty ? .plain(f.string((r.lowerBound + 1)..<max(r.lowerBound + 1, end - 1))) : .template(subs)
                }
                return tail(f, afterLiteral: end, r)
            }
            if regEnd >= r.upperBound {
                let text = f.string(r)
                if f.language == .python, let q = text.firstIndex(where: { $0 == "'" || $0 == "\"" }) {
                    let prefix = text[text.startIndex..<q].lowercased()
                    if prefix.contains("f") && text.contains("{") { return .fString }
                    return .plain(unquote(String(text[q...])))
                }
                return .plain(unquote(text))
            }
            if f.language == .python, let s = shapePythonPrefix(f, r, regEnd) { return s }
            return tail(f, afterLiteral: regEnd, r)
        }
        // An expression that starts with code but contains `+` with a string operand.
        if containsTopLevel(f, r, 0x2B) && hasStringOperand(f, r) { return .concatenation }
        return .other
    }

    /// The substitutions of the template literal whose first segment is region `k`, and the offset just past
    /// its closing backtick. Nested templates inside substitutions are skipped.
    static func templateParts(_ f: ScannedFile, startRegion k0: Int) -> ([Range<Int>], Int)? {
        let regions = f.regions
        let b = f.bytes
        guard k0 < regions.count else { return nil }
        func endsOpen(_ reg: Region) -> Bool {
            Int(reg.end) - Int(reg.start) >= 2 && b[Int(reg.end) - 2] == 0x24 && b[Int(reg.end) - 1] == 0x7B
        }
        func endsTick(_ reg: Region, opening: Bool) -> Bool {
            b[Int(reg.end) - 1] == 0x60 && (!opening || Int(reg.end) - Int(reg.start) >= 2)
        }
        let first = regions[k0]
        guard b[Int(first.start)] == 0x60 else { return nil }
        if !endsOpen(first) { return ([], Int(first.end)) }
        var subs: [Range<Int>] = []
        var subStart = Int(first.end)
        var nested = 0
        var k = k0 + 1
        while k < regions.count {
            let reg = regions[k]
            k += 1
            guard reg.kind == .string else { continue }
            let s0 = b[Int(reg.start)]
            if s0 == 0x60 {
                if endsOpen(reg) { nested += 1 }
                continue
            }
            guard s0 == 0x7D else { continue }
            if nested > 0 {
                if endsTick(reg, opening: false) { nested -= 1 }
                continue
            }
            subs.append(subStart..<Int(reg.start))
            if endsOpen(reg) {
                subStart = Int(reg.end)
                continue
            }
            return (subs, Int(reg.end))
        }
        return nil
    }

    private static func shapePythonPrefix(_ f: ScannedFile, _ r: Range<Int>, _ regEnd: Int) -> LiteralShape? {
        let text = f.string(r.lowerBound..<regEnd)
        if let q = text.firstIndex(where: { $0 == "'" || $0 == "\"" }), text[text.startIndex..<q].lowercased().contains("f"), text.contains("{") {
            return .fString
        }
        return nil
    }

    private static func tail(_ f: ScannedFile, afterLiteral end: Int, _ r: Range<Int>) -> LiteralShape {
        let j = skipTrivia(f, end)
        guard j < r.upperBound else { return .other }
        let c = f.bytes[j]
        if c == 0x2B { return .concatenation }
        if c == 0x25 && f.language == .python { return .formatted }
        if c == 0x2E, f.language == .python, isWord(f, skipTrivia(f, j + 1), "format") { return .formatted }
        return .other
    }

    private static func containsTopLevel(_ f: ScannedFile, _ range: Range<Int>, _ c: UInt8) -> Bool {
        splitTopLevel(f, range, separator: c).count > 1
    }

    private static func hasStringOperand(_ f: ScannedFile, _ range: Range<Int>) -> Bool {
        splitTopLevel(f, range, separator: 0x2B).contains { part in
            if let reg = region(f, at: part.lowerBound), reg.kind == .string { return true }
            return false
        }
    }

    /// The contents of a quoted literal, quotes removed (no unescaping beyond that).
    public static func unquote(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, let l = s.last, f == l, f == "'" || f == "\"" || f == "`" else { return s }
        return String(s.dropFirst().dropLast())
    }

    /// The string value when `range` is exactly one plain literal.
    public static func stringValue(_ f: ScannedFile, _ range: Range<Int>) -> String? {
        if case .plain(let s) = shape(f, range) { return s }
        return nil
    }

    /// Every string literal value inside `range` (code between them is ignored).
    public static func stringValues(_ f: ScannedFile, _ range: Range<Int>) -> [String] {
        var out: [String] = []
        var r = regionIndex(f.regions, after: range.lowerBound)
        while r < f.regions.count, Int(f.regions[r].start) < range.upperBound {
            let reg = f.regions[r]
            if reg.kind == .string, Int(reg.start) >= range.lowerBound {
                var text = f.string(Int(reg.start)..<Int(reg.end))
                if f.language == .python, let q = text.firstIndex(where: { $0 == "'" || $0 == "\"" }) { text = String(text[q...]) }
                if text.hasPrefix("\"\"\"") || text.hasPrefix("'''") { text = String(text.dropFirst(2).dropLast(2)) }
                out.append(unquote(text))
            }
            r += 1
        }
        return out
    }

    // MARK: - Searching

    /// Offsets of `literal` inside `range`, in code only unless `filter` says otherwise.
    public static func find(_ f: ScannedFile, _ literal: String, in range: Range<Int>, filter: RegionFilter = .code,
                            caseInsensitive: Bool = false, wordStart: Bool = false, wordEnd: Bool = false) -> [Int] {
        let needle = Array(literal.utf8)
        let b = f.bytes
        let lo = max(0, range.lowerBound), hi = min(b.count, range.upperBound)
        guard let first = needle.first, hi - lo >= needle.count else { return [] }
        let f0 = ByteClass.lower(first)
        var out: [Int] = []
        var i = lo
        while i <= hi - needle.count {
            let c = b[i]
            if caseInsensitive ? ByteClass.lower(c) != f0 : c != first { i += 1; continue }
            var ok = true
            for k in 1..<needle.count {
                let x = b[i + k], y = needle[k]
                if caseInsensitive ? ByteClass.lower(x) != ByteClass.lower(y) : x != y { ok = false; break }
            }
            if ok, !wordStart || i == 0 || !ByteClass.isIdentifier(b[i - 1]),
               !wordEnd || i + needle.count >= b.count || !ByteClass.isIdentifier(b[i + needle.count]),
               filter.accepts(f.kind(at: i)) {
                out.append(i)
            }
            i += 1
        }
        return out
    }

    /// Whether `literal` occurs in `range` (code only by default).
    public static func contains(_ f: ScannedFile, _ literal: String, in range: Range<Int>, filter: RegionFilter = .code,
                                caseInsensitive: Bool = false, wordStart: Bool = false) -> Bool {
        !find(f, literal, in: range, filter: filter, caseInsensitive: caseInsensitive, wordStart: wordStart).isEmpty
    }

    /// Whether any of `literals` occurs in `range`.
    public static func containsAny(_ f: ScannedFile, _ literals: [String], in range: Range<Int>, filter: RegionFilter = .code,
                                   caseInsensitive: Bool = false, wordStart: Bool = false) -> String? {
        literals.first { contains(f, $0, in: range, filter: filter, caseInsensitive: caseInsensitive, wordStart: wordStart) }
    }

    /// The code text of a range with comments removed and white space folded (for small ranges).
    public static func codeText(_ f: ScannedFile, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        let lo = max(0, range.lowerBound), hi = min(f.bytes.count, range.upperBound)
        guard lo < hi else { return "" }
        out.reserveCapacity(hi - lo)
        var i = lo
        var r = regionIndex(f.regions, after: i)
        var lastSpace = true
        while i < hi {
            if r < f.regions.count, Int(f.regions[r].start) <= i {
                let reg = f.regions[r]
                let e = min(hi, Int(reg.end))
                if reg.kind != .comment { out.append(contentsOf: f.bytes[i..<e]); lastSpace = false }
                i = max(i + 1, e)
                r += 1
                continue
            }
            let c = f.bytes[i]
            if ByteClass.isSpace(c) {
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// After `name` in `const name: Type = value`, the offset of the `=` (skipping the annotation), or nil.
    public static func assignmentOperator(_ f: ScannedFile, after nameEnd: Int) -> Int? {
        let b = f.bytes
        var j = skipTrivia(f, nameEnd)
        if j < b.count, b[j] == 0x3A {
            j += 1
            var angle = 0
            while j < b.count {
                if let reg = region(f, at: j) { j = Int(reg.end); continue }
                let c = b[j]
                if isOpen(c) { guard let close = matchingClose(f, j) else { return nil }; j = close + 1; continue }
                if c == 0x3C { angle += 1 } else if c == 0x3E, j > 0, b[j - 1] != 0x3D { angle -= 1 }
                if c == 0x3D && angle <= 0 && j + 1 < b.count && b[j + 1] != 0x3D && b[j + 1] != 0x3E { return j }
                if c == 0x3B || c == 0x0A && angle <= 0 { return nil }
                j += 1
            }
            return nil
        }
        guard j + 1 < b.count, b[j] == 0x3D, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { return nil }
        return j
    }

    // MARK: - Statements and functions

    /// The start of the statement containing `offset`: just after the previous `;`, `{` or `}` at the same depth,
    /// or the start of the line for Python.
    public static func statementStart(_ f: ScannedFile, _ offset: Int) -> Int {
        if f.language == .python { return f.lineRange(f.location(of: offset).line).lowerBound }
        var i = offset - 1
        var depth = 0
        while i >= 0 {
            if let reg = region(f, at: i) { i = Int(reg.start) - 1; continue }
            let c = f.bytes[i]
            if isClose(c) { depth += 1 } else if isOpen(c) {
                if depth == 0 { return i + 1 }
                depth -= 1
            } else if c == 0x3B && depth == 0 { return i + 1 }
            i -= 1
        }
        return 0
    }

    /// The end of the statement containing `offset`: the next `;` at depth 0, the close of the enclosing
    /// block, or a line break after a complete expression.
    public static func statementEnd(_ f: ScannedFile, _ offset: Int) -> Int {
        if f.language == .python { return pythonLogicalLineEnd(f, offset) }
        let b = f.bytes
        var i = offset
        var depth = 0
        var r = regionIndex(f.regions, after: i)
        while i < b.count {
            if r < f.regions.count, Int(f.regions[r].start) <= i { i = max(i + 1, Int(f.regions[r].end)); r += 1; continue }
            let c = b[i]
            if isOpen(c) { depth += 1 } else if isClose(c) {
                if depth == 0 { return i }
                depth -= 1
            } else if c == 0x3B && depth == 0 { return i }
            else if c == 0x0A && depth == 0 {
                // A line break ends the statement unless the next line continues the expression.
                let n = skipTrivia(f, i)
                if n >= b.count { return i }
                let d = b[n]
                if d != 0x2E && d != 0x2B && d != 0x3F && d != 0x3A && d != 0x7C && d != 0x26 && d != 0x2C && d != 0x29 && d != 0x5D,
                   let p = prevSignificant(f, i), ![0x3D, 0x2B, 0x28, 0x2C, 0x3A, 0x3F, 0x7C, 0x26, 0x3E].contains(b[p]) {
                    return i
                }
            }
            i += 1
        }
        return b.count
    }

    /// The end of a Python logical line (brackets and backslash continuations joined).
    static func pythonLogicalLineEnd(_ f: ScannedFile, _ offset: Int) -> Int {
        let b = f.bytes
        var i = offset
        var depth = 0
        var r = regionIndex(f.regions, after: i)
        while i < b.count {
            if r < f.regions.count, Int(f.regions[r].start) <= i { i = max(i + 1, Int(f.regions[r].end)); r += 1; continue }
            let c = b[i]
            if isOpen(c) { depth += 1 } else if isClose(c) { depth = max(0, depth - 1) } else if c == 0x0A && depth == 0 && !(i > 0 && b[i - 1] == 0x5C) {
                return i
            }
            i += 1
        }
        return b.count
    }

    /// Indentation (spaces, tabs count 8) of the line containing `offset`.
    public static func indent(_ f: ScannedFile, lineOf offset: Int) -> Int {
        let r = f.lineRange(f.location(of: offset).line)
        var n = 0
        for i in r {
            let c = f.bytes[i]
            if c == 0x20 { n += 1 } else if c == 0x09 { n += 8 } else { break }
        }
        return n
    }

    /// End of the Python block whose header line contains `offset`: the start of the first later
    /// non-blank code line indented no deeper than the header.
    public static func pythonBlockEnd(_ f: ScannedFile, headerAt offset: Int) -> Int {
        let base = indent(f, lineOf: offset)
        let headerEnd = pythonLogicalLineEnd(f, offset)
        var line = f.location(of: headerEnd).line + 1
        var lastContentEnd = headerEnd
        while line <= f.lineCount {
            let r = f.lineRange(line)
            var j = r.lowerBound
            var width = 0
            while j < r.upperBound && (f.bytes[j] == 0x20 || f.bytes[j] == 0x09) { width += f.bytes[j] == 0x09 ? 8 : 1; j += 1 }
            let blank = j >= r.upperBound
            if !blank, f.kind(at: r.lowerBound) != .string || Lexer.kind(at: max(0, r.lowerBound - 1), in: f.regions) != .string {
                let kind = f.kind(at: j)
                if kind != .comment && width <= base { return lastContentEnd }
                if kind != .comment { lastContentEnd = r.upperBound }
            }
            line += 1
        }
        return f.bytes.count
    }

    /// Spans `{…}` of function bodies in a JS-family file (declarations, methods, arrows), sorted by start.
    public static func jsFunctionBodies(_ f: ScannedFile) -> [Range<Int>] {
        let b = f.bytes
        var out: [Range<Int>] = []
        var stack: [(open: Int, isFunction: Bool)] = []
        var lastParen = (open: -1, close: -1)
        var parenStack: [Int] = []
        var i = 0
        var r = 0
        let regions = f.regions
        while i < b.count {
            if r < regions.count, Int(regions[r].start) <= i { i = max(i + 1, Int(regions[r].end)); r += 1; continue }
            let c = b[i]
            switch c {
            case 0x28: parenStack.append(i)
            case 0x29: lastParen = (parenStack.popLast() ?? -1, i)
            case 0x7B:
                stack.append((i, isFunctionBrace(f, i, lastParen: lastParen)))
            case 0x7D:
                if let top = stack.popLast(), top.isFunction { out.append(top.open..<(i + 1)) }
            default: break
            }
            i += 1
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static let blockKeywords: Set<String> = ["if", "for", "while", "switch", "catch", "with", "else", "do", "try", "finally", "return"]

    private static func isFunctionBrace(_ f: ScannedFile, _ brace: Int, lastParen: (open: Int, close: Int)) -> Bool {
        guard let p = prevSignificant(f, brace) else { return false }
        let b = f.bytes
        if b[p] == 0x3E && p > 0 && b[p - 1] == 0x3D { return true }  // `=>`
        guard lastParen.open >= 0, lastParen.close < brace else { return false }
        if p != lastParen.close {
            // A return type annotation: `): Promise<X> {`.
            guard brace - lastParen.close < 160 else { return false }
            let c = skipTrivia(f, lastParen.close + 1)
            guard c < brace, b[c] == 0x3A else { return false }
            for k in c..<brace where b[k] == 0x7B || b[k] == 0x3B || b[k] == 0x7D { return false }
        }
        guard let id = identifier(endingBefore: lastParen.open, in: f) else { return false }
        return !blockKeywords.contains(f.string(id))
    }

    /// The innermost span in `spans` (sorted by start) that contains `offset`.
    public static func innermost(_ spans: [Range<Int>], containing offset: Int) -> Range<Int>? {
        var best: Range<Int>?
        for s in spans {
            if s.lowerBound > offset { break }
            if s.contains(offset), best == nil || s.count < best!.count { best = s }
        }
        return best
    }

    /// The outermost span in `spans` that contains `offset`.
    public static func outermost(_ spans: [Range<Int>], containing offset: Int) -> Range<Int>? {
        for s in spans {
            if s.lowerBound > offset { break }
            if s.contains(offset) { return s }
        }
        return nil
    }
}
