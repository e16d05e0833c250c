import Foundation

/// Where a file's code runs, as the G3 collectors judge it: from its role, from Next.js server
/// components, and, for files the path alone cannot place (`lib/`, `utils/`, CommonJS helpers),
/// from which side imports them.
enum CodeSide: Sendable, Equatable {
    case server, client, both
    /// App code nothing known imports (e.g. a Next `lib/` helper with no importer found).
    case unknown
    /// Not app code: tests, docs, config, schema, scripts.
    case none

    var isApp: Bool { self != .none }
    /// Runs in the browser bundle for certain.
    var isClientOnly: Bool { self == .client }
    /// May run on the server (server, both, or an unplaced helper).
    var mayRunOnServer: Bool { self == .server || self == .both || self == .unknown }
}

/// Case-insensitive substring tests on a file path, on its UTF-8 bytes (no Foundation bridging),
/// as if the path started with "/" so "/dir/" needles also match a top-level folder.
enum G3Path {
    static let notAppCode: [[UInt8]] = ["/fixtures/", "/examples/", "/example/", "/stories/", ".stories.", "/mocks/", "/storybook/",
                                        ".example.", ".sample.", ".template.", "_bak.", ".bak.", "-bak.", "_backup", "-backup", ".backup",
                                        "_old.", ".old.", "-old.", " copy", "(copy)", "_copy.", ".orig."].map { Array($0.utf8) }

    static func has(_ path: String, _ needle: [UInt8]) -> Bool {
        var path = path
        return path.withUTF8 { buf in
            let n = buf.count + 1, m = needle.count
            guard m <= n else { return false }
            @inline(__always) func at(_ i: Int) -> UInt8 { i == 0 ? 0x2F : ByteClass.lower(buf[i - 1]) }
            var i = 0
            while i <= n - m {
                var j = 0
                while j < m && at(i + j) == needle[j] { j += 1 }
                if j == m { return true }
                i += 1
            }
            return false
        }
    }

    static func has(_ path: String, _ needle: String) -> Bool { has(path, Array(needle.utf8)) }

    static func hasAny(_ path: String, _ needles: [[UInt8]]) -> Bool { needles.contains { has(path, $0) } }

    static func hasAny(_ path: String, _ needles: [String]) -> Bool { needles.contains { has(path, Array($0.utf8)) } }

    static func hasSuffix(_ path: String, _ suffix: String) -> Bool {
        let p = Array(path.utf8), s = Array(suffix.utf8)
        guard s.count <= p.count else { return false }
        for k in 0..<s.count where ByteClass.lower(p[p.count - s.count + k]) != s[k] { return false }
        return true
    }

    /// Whether the path (with its virtual leading "/") starts with `prefix`.
    static func hasPrefix(_ path: String, _ prefix: String) -> Bool {
        let p = [0x2F] + Array(path.utf8), s = Array(prefix.utf8)
        guard s.count <= p.count else { return false }
        for k in 0..<s.count where ByteClass.lower(p[k]) != s[k] { return false }
        return true
    }

    /// The last path component, lower-cased.
    static func name(_ path: String) -> String {
        (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    }
}

/// Byte-level helpers shared by the G3 collectors. All offsets are byte offsets into `file.bytes`.
enum G3Scan {
    static func isCodeFile(_ f: ScannedFile) -> Bool {
        f.language.isProgram || f.language == .html
    }

    /// Whether the file is part of the app (not a test, doc, fixture, mock or config file).
    static func isAppCode(_ f: ScannedFile) -> Bool {
        guard isCodeFile(f) else { return false }
        switch f.role {
        case .test, .docs, .config, .schema: return false
        default: break
        }
        return f.shared("G3Scan.isAppCode") { !G3Path.hasAny(f.path, G3Path.notAppCode) && !G3Path.hasSuffix(f.path, ".d.ts") }
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func skipSpaces(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j < b.count && isSpace(b[j]) { j += 1 }
        return j
    }

    static func skipSpacesBack(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j >= 0 && isSpace(b[j]) { j -= 1 }
        return j
    }

    /// The identifier that contains or starts at `offset` (letters, digits, `_`, `$`).
    static func identifier(_ b: [UInt8], around offset: Int) -> (text: String, range: Range<Int>) {
        var s = min(offset, b.count)
        while s > 0 && ByteClass.isIdentifier(b[s - 1]) { s -= 1 }
        var e = offset
        while e < b.count && ByteClass.isIdentifier(b[e]) { e += 1 }
        return (String(decoding: b[s..<e], as: UTF8.self), s..<e)
    }

    /// The identifier that ends right before `offset` (skipping spaces), if any.
    static func identifier(before offset: Int, in b: [UInt8]) -> (text: String, range: Range<Int>)? {
        let e = skipSpacesBack(b, offset - 1)
        guard e >= 0, ByteClass.isIdentifier(b[e]) else { return nil }
        return identifier(b, around: e)
    }

    /// Index of the first region whose end is after `offset`.
    static func regionIndex(_ f: ScannedFile, from offset: Int) -> Int {
        var lo = 0, hi = f.regions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(f.regions[mid].end) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The offset of the bracket closing the one at `open` (`(`, `[` or `{`), skipping comments,
    /// strings and regex literals; nil when unbalanced.
    static func matching(_ f: ScannedFile, open: Int, limit: Int? = nil) -> Int? {
        let b = f.bytes
        guard open < b.count else { return nil }
        let o = b[open]
        let c: UInt8
        switch o {
        case 0x28: c = 0x29
        case 0x5B: c = 0x5D
        case 0x7B: c = 0x7D
        default: return nil
        }
        let end = min(b.count, limit ?? b.count)
        var depth = 0
        var i = open
        var r = regionIndex(f, from: open)
        let regions = f.regions
        while i < end {
            if r < regions.count && i >= Int(regions[r].start) {
                if i < Int(regions[r].end) {
                    i = Int(regions[r].end)
                }
                r += 1
                continue
            }
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

    /// The argument span `(`…`)` of a call whose name ends right before `paren` (the `(`).
    static func callSpan(_ f: ScannedFile, paren: Int) -> Range<Int> {
        if let close = matching(f, open: paren, limit: paren + 20_000) { return paren..<(close + 1) }
        return paren..<min(f.bytes.count, paren + 400)
    }

    /// The first `(` at or after `offset` on code, within `within` bytes.
    static func nextParen(_ f: ScannedFile, from offset: Int, within: Int = 200) -> Int? {
        let b = f.bytes
        var i = offset
        let end = min(b.count, offset + within)
        while i < end {
            if b[i] == 0x28 && f.kind(at: i) == .code { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `range` of the file (ASCII case folded when asked), in the accepted regions.
    static func contains(_ f: ScannedFile, _ needle: String, in range: Range<Int>, caseInsensitive: Bool = false,
                         regions: RegionFilter = .any) -> Bool {
        find(f, needle, in: range, caseInsensitive: caseInsensitive, regions: regions) != nil
    }

    static func find(_ f: ScannedFile, _ needle: String, in range: Range<Int>, caseInsensitive: Bool = false,
                     regions: RegionFilter = .any) -> Int? {
        let n = Array(needle.utf8)
        let lo = max(0, range.lowerBound), hi = min(f.bytes.count, range.upperBound)
        guard let first = n.first, hi - lo >= n.count else { return nil }
        let folded = caseInsensitive ? n.map(ByteClass.lower) : n
        let a = folded[0]
        let b0: UInt8 = caseInsensitive && ByteClass.isAlpha(first) ? (a & ~0x20) : a
        return f.bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            var i = lo
            let last = hi - n.count
            while i <= last {
                let c = base[i]
                if c == a || c == b0 {
                    var j = 1
                    while j < n.count {
                        let x = caseInsensitive ? ByteClass.lower(base[i + j]) : base[i + j]
                        if x != folded[j] { break }
                        j += 1
                    }
                    if j == n.count && (regions == .any || regions.accepts(f.kind(at: i))) { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// Whether any of `needles` occurs in `range`.
    static func containsAny(_ f: ScannedFile, _ needles: [String], in range: Range<Int>, caseInsensitive: Bool = true,
                            regions: RegionFilter = .any) -> Bool {
        let lo = max(0, range.lowerBound), hi = min(f.bytes.count, range.upperBound)
        guard lo < hi else { return false }
        // One pass over the range for all needles: a table of the needles' first bytes picks the candidates.
        let folded = needles.map { caseInsensitive ? Array($0.utf8).map(ByteClass.lower) : Array($0.utf8) }.filter { !$0.isEmpty }
        var first = [Bool](repeating: false, count: 256)
        for n in folded {
            first[Int(n[0])] = true
            if caseInsensitive && ByteClass.isAlpha(n[0]) { first[Int(n[0] & ~0x20)] = true }
        }
        return f.bytes.withUnsafeBufferPointer { buf in
            for i in lo..<hi where first[Int(buf[i])] {
                let c0 = caseInsensitive ? ByteClass.lower(buf[i]) : buf[i]
                for n in folded where n[0] == c0 && i + n.count <= hi {
                    var j = 1
                    while j < n.count && (caseInsensitive ? ByteClass.lower(buf[i + j]) : buf[i + j]) == n[j] { j += 1 }
                    if j == n.count && (regions == .any || regions.accepts(f.kind(at: i))) { return true }
                }
            }
            return false
        }
    }

    static func whole(_ f: ScannedFile) -> Range<Int> { 0..<f.bytes.count }

    /// A rule's hits with the matched text re-checked against the rule's literals (ASCII case
    /// folded), so a hash collision in the matcher's prefilter never reaches a finding.
    static func hits(_ app: AppContext, _ ruleID: String) -> [(file: ScannedFile, hit: RuleHit)] {
        let all = app.hits(ruleID)
        guard let i = app.matcher.index(of: ruleID) else { return all }
        let rule = app.matcher.rules[i]
        guard !rule.caseSensitive else { return all }
        let lits = rule.literals.map { Array($0.utf8).map(ByteClass.lower) }
        return all.filter { f, h in
            let o = Int(h.offset), n = Int(h.length)
            guard o + n <= f.bytes.count else { return false }
            return f.bytes.withUnsafeBufferPointer { buf in
                lits.contains { lit in
                    guard lit.count == n else { return false }
                    for k in 0..<n where ByteClass.lower(buf[o + k]) != lit[k] { return false }
                    return true
                }
            }
        }
    }

    /// The text of a string literal starting at `offset` (at its opening quote), without quotes; for
    /// template literals, the text up to the first `${` or closing backtick.
    static func stringLiteral(_ b: [UInt8], at offset: Int) -> (text: String, isTemplate: Bool)? {
        guard offset < b.count else { return nil }
        let q = b[offset]
        guard q == 0x22 || q == 0x27 || q == 0x60 else { return nil }
        var i = offset + 1
        while i < b.count && b[i] != q && b[i] != 0x0A {
            if b[i] == 0x5C { i += 2; continue }
            i += 1
        }
        let end = min(i, b.count)
        return (String(decoding: b[(offset + 1)..<max(offset + 1, end)], as: UTF8.self), q == 0x60)
    }

    /// The span of the statement around `offset`: from the previous `;`, `{` or `}` on code (or
    /// line start two lines up) to the next `;` or line end, clipped to `radius` bytes each way.
    static func statement(_ f: ScannedFile, around offset: Int, radius: Int = 300) -> Range<Int> {
        let b = f.bytes
        var s = offset
        let lo = max(0, offset - radius)
        while s > lo {
            let c = b[s - 1]
            if (c == 0x3B || c == 0x7B || c == 0x7D) && f.kind(at: s - 1) == .code { break }
            s -= 1
        }
        var e = offset
        let hi = min(b.count, offset + radius)
        while e < hi {
            let c = b[e]
            if c == 0x3B && f.kind(at: e) == .code { break }
            e += 1
        }
        return s..<e
    }

    /// The body of the `{`…`}` block (or Python indented block) of the function whose name is at
    /// `nameRange`, when the name is being defined there; nil when it is a call or a declaration.
    static func functionBody(_ f: ScannedFile, nameRange: Range<Int>) -> Range<Int>? {
        if f.language == .python { return pythonBody(f, nameRange: nameRange) }
        let b = f.bytes
        let before = precedingWord(b, nameRange.lowerBound)
        var i = skipSpaces(b, nameRange.upperBound)
        guard i < b.count else { return nil }
        var isDefinition = before == "function"
        if b[i] == 0x3D && (i + 1 >= b.count || (b[i + 1] != 0x3D && b[i + 1] != 0x3E)) {
            i = skipSpaces(b, i + 1)
            if startsWith(b, i, "async") { i = skipSpaces(b, i + 5) }
            if startsWith(b, i, "function") {
                i = skipSpaces(b, i + 8)
                if i < b.count && b[i] == 0x2A { i = skipSpaces(b, i + 1) }
                while i < b.count && ByteClass.isIdentifier(b[i]) { i += 1 }
                i = skipSpaces(b, i)
            }
            isDefinition = true
        } else if b[i] == 0x3A && before != "case" && before != "?" {
            let j = skipSpaces(b, i + 1)
            if startsWith(b, j, "async") || (j < b.count && b[j] == 0x28) || startsWith(b, j, "function") {
                i = j
                if startsWith(b, i, "async") { i = skipSpaces(b, i + 5) }
                if startsWith(b, i, "function") { i = skipSpaces(b, i + 8) }
                isDefinition = true
            } else {
                return nil
            }
        }
        if i < b.count && b[i] == 0x3C, let close = angleClose(b, i) { i = skipSpaces(b, close + 1) }
        guard i < b.count else { return nil }
        var afterParams: Int
        if b[i] == 0x28 {
            guard let close = matching(f, open: i, limit: i + 4_000) else { return nil }
            afterParams = skipSpaces(b, close + 1)
        } else if ByteClass.isIdentifier(b[i]) && isDefinition {
            var j = i
            while j < b.count && ByteClass.isIdentifier(b[j]) { j += 1 }
            afterParams = skipSpaces(b, j)
        } else {
            return nil
        }
        if afterParams < b.count && b[afterParams] == 0x3A {
            var j = afterParams + 1
            var depth = 0
            while j < b.count && j < afterParams + 400 {
                let c = b[j]
                if c == 0x3C || c == 0x28 || c == 0x5B { depth += 1 }
                if c == 0x3E || c == 0x29 || c == 0x5D { depth -= 1 }
                if depth <= 0 && (c == 0x7B || (c == 0x3D && j + 1 < b.count && b[j + 1] == 0x3E)) {
                    if c == 0x7B && depth == 0 {
                        let prev = skipSpacesBack(b, j - 1)
                        if prev >= 0 && (b[prev] == 0x3C || b[prev] == 0x7C || b[prev] == 0x26 || b[prev] == 0x3A || b[prev] == 0x2C) {
                            j += 1
                            continue
                        }
                    }
                    break
                }
                j += 1
            }
            afterParams = skipSpaces(b, j)
        }
        guard afterParams < b.count else { return nil }
        if b[afterParams] == 0x3D && afterParams + 1 < b.count && b[afterParams + 1] == 0x3E {
            let j = skipSpaces(b, afterParams + 2)
            guard j < b.count else { return nil }
            if b[j] == 0x7B, let close = matching(f, open: j) { return j..<(close + 1) }
            var e = j
            var depth = 0
            while e < b.count {
                let c = b[e]
                if f.kind(at: e) == .code {
                    if c == 0x28 || c == 0x5B || c == 0x7B { depth += 1 }
                    if c == 0x29 || c == 0x5D || c == 0x7D {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    if depth == 0 && (c == 0x3B || c == 0x2C || c == 0x0A) { break }
                }
                e += 1
            }
            return j..<e
        }
        guard b[afterParams] == 0x7B else { return nil }
        let isMethod = before == "async" || before == "static" || before == "get" || before == "set"
            || before == "public" || before == "private" || before == "protected"
            || lineStartsAt(b, nameRange.lowerBound)
        guard isDefinition || isMethod else { return nil }
        if !isDefinition, ["if", "for", "while", "switch", "catch", "with", "return"].contains(identifier(b, around: nameRange.lowerBound).text) {
            return nil
        }
        guard let close = matching(f, open: afterParams) else { return nil }
        return afterParams..<(close + 1)
    }

    private static func angleClose(_ b: [UInt8], _ open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < b.count && i < open + 300 {
            if b[i] == 0x3C { depth += 1 }
            if b[i] == 0x3E {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    private static func pythonBody(_ f: ScannedFile, nameRange: Range<Int>) -> Range<Int>? {
        let b = f.bytes
        guard precedingWord(b, nameRange.lowerBound) == "def" else { return nil }
        let line = f.location(of: nameRange.lowerBound).line
        let indent = indentation(f, line: line)
        var headerEnd = nameRange.upperBound
        if let p = nextParen(f, from: nameRange.upperBound, within: 4), let close = matching(f, open: p) { headerEnd = close }
        let headerLine = f.location(of: headerEnd).line
        var last = headerLine
        var l = headerLine + 1
        while l <= f.lineCount {
            let r = f.lineRange(l)
            let text = b[r]
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { l += 1; continue }
            if indentation(f, line: l) <= indent { break }
            last = l
            l += 1
        }
        let start = f.lineRange(headerLine).upperBound
        let end = f.lineRange(last).upperBound
        return start..<max(start, end)
    }

    static func indentation(_ f: ScannedFile, line: Int) -> Int {
        let r = f.lineRange(line)
        var n = 0
        for i in r {
            let c = f.bytes[i]
            if c == 0x20 { n += 1 } else if c == 0x09 { n += 4 } else { break }
        }
        return n
    }

    static func lineStartsAt(_ b: [UInt8], _ offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0 && (b[i] == 0x20 || b[i] == 0x09) { i -= 1 }
        return i < 0 || b[i] == 0x0A
    }

    /// The word (identifier or single punctuation) right before `offset`, skipping spaces.
    static func precedingWord(_ b: [UInt8], _ offset: Int) -> String {
        let e = skipSpacesBack(b, offset - 1)
        guard e >= 0 else { return "" }
        if ByteClass.isIdentifier(b[e]) { return identifier(b, around: e).text }
        return String(UnicodeScalar(b[e]))
    }

    static func startsWith(_ b: [UInt8], _ i: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= b.count else { return false }
        for k in 0..<w.count where b[i + k] != w[k] { return false }
        return i + w.count == b.count || !ByteClass.isIdentifier(b[i + w.count])
    }

    /// Names of the functions called in `range` (the identifier before each `(` on code), with
    /// the receiver chain's last identifier when there is one (`console.log` → ("console", "log")).
    static func calls(_ f: ScannedFile, in range: Range<Int>) -> [(receiver: String, name: String, offset: Int)] {
        let b = f.bytes
        var out: [(String, String, Int)] = []
        var i = max(0, range.lowerBound)
        let end = min(b.count, range.upperBound)
        var r = regionIndex(f, from: i)
        let regions = f.regions
        while i < end {
            if r < regions.count && i >= Int(regions[r].start) {
                if i < Int(regions[r].end) { i = Int(regions[r].end) }
                r += 1
                continue
            }
            if b[i] == 0x28 {
                var e = i - 1
                while e >= 0 && (b[e] == 0x20 || b[e] == 0x09) { e -= 1 }
                if e >= 0 && b[e] == 0x3E, e > 0, b[e - 1] != 0x3D {
                    // generic call `fn<T>(`: skip the type arguments
                    var d = 0
                    var k = e
                    while k > range.lowerBound {
                        if b[k] == 0x3E { d += 1 }
                        if b[k] == 0x3C { d -= 1; if d == 0 { break } }
                        k -= 1
                    }
                    e = k - 1
                }
                if e >= 0 && ByteClass.isIdentifier(b[e]) {
                    let id = identifier(b, around: e)
                    var recv = ""
                    var s = id.range.lowerBound - 1
                    if s >= 0 && b[s] == 0x3F { s -= 1 }
                    if s >= 0 && b[s] == 0x2E {
                        var t = s - 1
                        if t >= 0 && b[t] == 0x29 { recv = ")" } else if t >= 0 {
                            while t >= 0 && (b[t] == 0x20 || b[t] == 0x0A) { t -= 1 }
                            if t >= 0 && ByteClass.isIdentifier(b[t]) { recv = identifier(b, around: t).text }
                        }
                        if recv.isEmpty { recv = "." }
                    }
                    out.append((recv, id.text, id.range.lowerBound))
                }
            }
            i += 1
        }
        return out
    }

    /// The value text assigned to `name` in the file (`const name = …`, `name = …` in Python),
    /// up to the end of the line; nil when not found.
    static func assignedValue(_ f: ScannedFile, name: String) -> (offset: Int, text: String)? {
        guard !name.isEmpty else { return nil }
        let b = f.bytes
        for off in f.find(name, in: .code, wordStart: true) {
            let e = off + name.utf8.count
            guard e < b.count, !ByteClass.isIdentifier(b[e]) else { continue }
            var j = skipSpaces(b, e)
            if j < b.count && b[j] == 0x3A {
                // TypeScript annotation `name: Type =`
                var k = j
                while k < b.count && b[k] != 0x3D && b[k] != 0x0A && b[k] != 0x3B { k += 1 }
                j = k
            }
            guard j < b.count, b[j] == 0x3D, j + 1 < b.count, b[j + 1] != 0x3D, b[j + 1] != 0x3E else { continue }
            let v = skipSpaces(b, j + 1)
            var le = v
            while le < b.count && b[le] != 0x0A { le += 1 }
            return (v, String(decoding: b[v..<le], as: UTF8.self))
        }
        return nil
    }
}

/// Enclosing blocks, try/catch fallbacks and callers, for judging how a call site fails.
enum G3Flow {
    /// Offsets of the unmatched `{` that enclose `offset`, innermost first (code only).
    static func enclosingBraces(_ f: ScannedFile, _ offset: Int, limit: Int = 60_000) -> [Int] {
        let b = f.bytes
        var out: [Int] = []
        var depth = 0
        var i = min(offset, b.count) - 1
        let lo = max(0, offset - limit)
        var r = G3Scan.regionIndex(f, from: i) 
        if r >= f.regions.count { r = f.regions.count - 1 }
        while i >= lo {
            while r >= 0 && Int(f.regions[r].start) > i { r -= 1 }
            if r >= 0 && i < Int(f.regions[r].end) && i >= Int(f.regions[r].start) {
                i = Int(f.regions[r].start) - 1
                r -= 1
                continue
            }
            let c = b[i]
            if c == 0x7D { depth += 1 } else if c == 0x7B {
                if depth == 0 { out.append(i) } else { depth -= 1 }
            }
            i -= 1
        }
        return out
    }

    /// The name of the innermost named function (declaration, method, or arrow assigned to a
    /// name) whose body contains `offset`; Python `def` by indentation.
    static func enclosingFunctionName(_ f: ScannedFile, _ offset: Int) -> String? {
        let b = f.bytes
        if f.language == .python {
            let line = f.location(of: offset).line
            let ind = G3Scan.indentation(f, line: line)
            var l = line - 1
            while l >= 1 {
                let t = f.lineText(l).trimmingCharacters(in: .whitespaces)
                if (t.hasPrefix("def ") || t.hasPrefix("async def ")) && G3Scan.indentation(f, line: l) < ind {
                    let rest = t.hasPrefix("def ") ? t.dropFirst(4) : t.dropFirst(10)
                    return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                }
                l -= 1
            }
            return nil
        }
        for open in enclosingBraces(f, offset) {
            var j = G3Scan.skipSpacesBack(b, open - 1)
            guard j >= 0 else { continue }
            if j >= 1 && b[j] == 0x3E && b[j - 1] == 0x3D { j = G3Scan.skipSpacesBack(b, j - 2) }
            else if b[j] != 0x29 {
                // return type annotation `): Promise<T> {`
                var k = j
                while k > max(0, j - 200) && b[k] != 0x29 && b[k] != 0x0A && b[k] != 0x3B { k -= 1 }
                guard k >= 0, b[k] == 0x29 else { continue }
                j = k
            }
            var nameEnd = j
            if j >= 0 && b[j] == 0x29 {
                var depth = 0
                var k = j
                while k >= 0 {
                    if f.kind(at: k) == .code {
                        if b[k] == 0x29 { depth += 1 }
                        if b[k] == 0x28 { depth -= 1; if depth == 0 { break } }
                    }
                    k -= 1
                }
                guard k > 0 else { continue }
                nameEnd = G3Scan.skipSpacesBack(b, k - 1)
            } else if j >= 0 && ByteClass.isIdentifier(b[j]) {
                nameEnd = G3Scan.identifier(b, around: j).range.lowerBound - 1
                nameEnd = G3Scan.skipSpacesBack(b, nameEnd)
            }
            guard nameEnd >= 0 else { continue }
            if ByteClass.isIdentifier(b[nameEnd]) {
                let id = G3Scan.identifier(b, around: nameEnd)
                if ["if", "for", "while", "switch", "catch", "with"].contains(id.text) { continue }
                if id.text == "async" || id.text == "function" {
                    let e = G3Scan.skipSpacesBack(b, id.range.lowerBound - 1)
                    if e >= 0 && b[e] == 0x3D, let n = G3Scan.identifier(before: e, in: b) { return n.text }
                    if e >= 0 && b[e] == 0x3A, let n = G3Scan.identifier(before: e, in: b) { return n.text }
                    continue
                }
                let pre = G3Scan.precedingWord(b, id.range.lowerBound)
                if pre == "function" || pre == "async" || G3Scan.lineStartsAt(b, id.range.lowerBound) || pre == "static" { return id.text }
                // a call's callback `foo(async () => {`: keep looking outward
                continue
            }
            if b[nameEnd] == 0x3D, let n = G3Scan.identifier(before: nameEnd, in: b) { return n.text }
            if b[nameEnd] == 0x3A, let n = G3Scan.identifier(before: nameEnd, in: b) { return n.text }
        }
        return nil
    }

    /// Whether a failure at `offset` is caught and turned into a fallback: inside a `try` whose
    /// `catch` returns, answers or assigns something (not only rethrows or logs), or chained to
    /// `.catch(`. Python: `try:` / `except` with the same test.
    static func hasFallback(_ f: ScannedFile, at offset: Int) -> Bool {
        let b = f.bytes
        if f.language == .python {
            let line = f.location(of: offset).line
            let ind = G3Scan.indentation(f, line: line)
            var l = line - 1
            while l >= 1 {
                let t = f.lineText(l).trimmingCharacters(in: .whitespaces)
                let li = G3Scan.indentation(f, line: l)
                if t == "try:" && li < ind {
                    var k = line + 1
                    while k <= f.lineCount {
                        let u = f.lineText(k).trimmingCharacters(in: .whitespaces)
                        if G3Scan.indentation(f, line: k) == li && u.hasPrefix("except") {
                            var body = ""
                            var m = k + 1
                            while m <= f.lineCount && (G3Scan.indentation(f, line: m) > li || f.lineText(m).trimmingCharacters(in: .whitespaces).isEmpty) {
                                body += f.lineText(m).lowercased() + "\n"
                                m += 1
                            }
                            return body.contains("return") || body.contains("=") && !body.contains("raise")
                        }
                        k += 1
                    }
                    return false
                }
                if li < ind && (t.hasPrefix("def ") || t.hasPrefix("async def ")) { return false }
                l -= 1
            }
            return false
        }
        let stmt = G3Scan.statement(f, around: offset, radius: 1_500)
        if G3Scan.contains(f, ".catch(", in: offset..<stmt.upperBound, regions: .code) { return true }
        for open in enclosingBraces(f, offset) {
            let j = G3Scan.skipSpacesBack(b, open - 1)
            guard j >= 2, G3Scan.identifier(b, around: j).text == "try" else { continue }
            guard let close = G3Scan.matching(f, open: open) else { return false }
            var k = G3Scan.skipSpaces(b, close + 1)
            guard G3Scan.startsWith(b, k, "catch") else { return false }
            k = G3Scan.skipSpaces(b, k + 5)
            if k < b.count && b[k] == 0x28, let pc = G3Scan.matching(f, open: k) { k = G3Scan.skipSpaces(b, pc + 1) }
            guard k < b.count, b[k] == 0x7B, let cc = G3Scan.matching(f, open: k) else { return false }
            let body = k..<(cc + 1)
            let substantive = G3Scan.containsAny(f, ["return", "res.", "json", "response", "fallback", "=", "set", "yield"], in: body, regions: [.code])
            return substantive && !G3Scan.contains(f, "throw", in: body, regions: .code)
                || G3Scan.containsAny(f, ["fallback", "return "], in: body, regions: .code)
        }
        return false
    }

    /// Whether the failure of the call at `offset` has a fallback, either around the call itself
    /// or around every place (at least one) that calls the enclosing function, one level up.
    static func hasFallbackOrCaller(_ f: ScannedFile, at offset: Int, app: AppContext) -> Bool {
        if hasFallback(f, at: offset) { return true }
        guard let name = enclosingFunctionName(f, offset), name.count > 2 else { return false }
        var callers = 0, covered = 0
        for g in app.files where G3Scan.isAppCode(g) {
            guard g.path == f.path || g.contains(name, in: .code) else { continue }
            for o in g.find(name, in: .code, wordStart: true) {
                let e = o + name.utf8.count
                guard e < g.bytes.count else { continue }
                let after = G3Scan.skipSpaces(g.bytes, e)
                guard after < g.bytes.count, g.bytes[after] == 0x28 else { continue }
                let id = G3Scan.identifier(g.bytes, around: o)
                if id.text != name || G3Scan.functionBody(g, nameRange: id.range) != nil { continue }
                callers += 1
                if hasFallback(g, at: o) { covered += 1 }
            }
        }
        return callers > 0 && covered == callers
    }
}

/// A module specifier found by an import rule: `import x from "spec"`, `require("spec")`,
/// `import("spec")`, Python `import spec` / `from spec import x`.
struct ModuleRef: Sendable {
    let spec: String
    let offset: Int
    /// The npm package a specifier names (`stripe`, `@aws-sdk/client-s3`), with Deno's `npm:` and
    /// CDN URL forms unwrapped; nil for relative and alias paths.
    let package: String?
    /// The specifier without version and CDN prefix, keeping subpaths (`firebase/storage`, `ai/react`).
    let fullPath: String

    init(spec: String, offset: Int) {
        self.spec = spec
        self.offset = offset
        let pkg = ModuleRef.package(of: spec)
        package = pkg
        fullPath = ModuleRef.fullPath(spec, package: pkg)
    }

    static func package(of raw: String) -> String? {
        var s = Substring(raw)
        for p in ["npm:", "node:", "jsr:", "https://esm.sh/", "http://esm.sh/", "https://cdn.skypack.dev/", "https://esm.run/",
                  "https://unpkg.com/", "https://cdn.jsdelivr.net/npm/", "https://deno.land/x/"] where s.hasPrefix(p) {
            s = s.dropFirst(p.count)
            break
        }
        if s.hasPrefix("http://") || s.hasPrefix("https://") { return nil }
        if let q = s.firstIndex(of: "?") { s = s[..<q] }
        if s.hasPrefix(".") || s.hasPrefix("/") || s.hasPrefix("@/") || s.hasPrefix("~/") || s.hasPrefix("$") || s.hasPrefix("#") || s.isEmpty {
            return nil
        }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        func stripVersion(_ x: Substring) -> Substring {
            if let at = x.lastIndex(of: "@"), at != x.startIndex { return x[..<at] }
            return x
        }
        if s.hasPrefix("@") {
            guard parts.count >= 2 else { return String(s) }
            return String(parts[0]) + "/" + String(stripVersion(parts[1]))
        }
        return String(stripVersion(parts[0]))
    }

    private static func fullPath(_ spec: String, package: String?) -> String {
        guard let pkg = package else { return spec }
        var s = Substring(spec)
        if let q = s.firstIndex(of: "?") { s = s[..<q] }
        guard let r = s.range(of: pkg.split(separator: "/").last.map(String.init) ?? pkg) else { return pkg }
        var rest = s[r.upperBound...]
        if rest.hasPrefix("@") { rest = rest.drop(while: { $0 != "/" }) }
        return pkg + rest
    }

    /// Literals that anchor module references, for a collector's import rule.
    static func rule(_ id: String) -> [PatternRule] {
        [
            PatternRule(id: id, literals: ["from \"", "from '", "require(", "import(", "import \"", "import '"], regions: .code,
                        languages: [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html], wordStart: true,
                        regexEquivalent: #"\b(from\s*["'][^"']+["']|require\(\s*["'][^"']+["']\)|import\(\s*["'][^"']+["']\)|import\s+["'][^"']+["'])"#),
            PatternRule(id: id + "-py", literals: ["import ", "from "], regions: .code, languages: [.python], wordStart: true,
                        regexEquivalent: #"^\s*(from\s+[\w.]+\s+import|import\s+[\w.]+)"#),
        ]
    }

    /// Parses the specifier at a hit of the rule made by `rule(_:)`.
    static func parse(_ f: ScannedFile, hit: RuleHit) -> [ModuleRef] {
        let b = f.bytes
        let o = Int(hit.offset)
        if f.language == .python {
            guard G3Scan.lineStartsAt(b, o) else { return [] }
            let isFrom = b[o] == 0x66
            var i = G3Scan.skipSpaces(b, o + Int(hit.length))
            var out: [ModuleRef] = []
            while i < b.count {
                let s = i
                while i < b.count && (ByteClass.isIdentifier(b[i]) || b[i] == 0x2E) { i += 1 }
                guard i > s else { break }
                out.append(ModuleRef(spec: String(decoding: b[s..<i], as: UTF8.self).replacingOccurrences(of: ".", with: "/"), offset: s))
                if isFrom { break }
                while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
                if G3Scan.startsWith(b, i, "as") {
                    i += 2
                    while i < b.count && (b[i] == 0x20 || ByteClass.isIdentifier(b[i])) { i += 1 }
                }
                guard i < b.count, b[i] == 0x2C else { break }
                i = G3Scan.skipSpaces(b, i + 1)
            }
            return out
        }
        var i = o + Int(hit.length)
        if b[i - 1] != 0x22 && b[i - 1] != 0x27 {
            i = G3Scan.skipSpaces(b, i)
        } else {
            i -= 1
        }
        guard i < b.count, b[i] == 0x22 || b[i] == 0x27 || b[i] == 0x60, let lit = G3Scan.stringLiteral(b, at: i) else { return [] }
        return [ModuleRef(spec: lit.text, offset: i)]
    }
}

/// The app's module graph (from one import rule's hits) and the side each file runs on.
/// `shared` builds it once per app with every file's side decided, after which it is read-only.
final class SideMap: @unchecked Sendable {
    /// Unowned: the shared map lives in the app's cache, and a strong reference back would keep every app alive.
    unowned let app: AppContext
    private(set) var imports: [String: [ModuleRef]] = [:]
    private var sides: [String: CodeSide] = [:]
    private var built = false
    private let ruleID: String
    let isNext: Bool

    init(_ app: AppContext, importRule: String) {
        self.app = app
        self.ruleID = importRule
        var next = false
        for f in app.files where f.path.split(separator: "/").count <= 2 {
            let name = f.path.split(separator: "/").last.map(String.init) ?? ""
            if name.hasPrefix("next.config") { next = true }
            if name == "package.json" && f.contains("\"next\":") { next = true }
        }
        isNext = next
        for (f, h) in G3Scan.hits(app, importRule) + G3Scan.hits(app, importRule + "-py") {
            imports[f.path, default: []] += ModuleRef.parse(f, hit: h)
        }
    }

    /// The app's map, shared by the G3 collectors. All their import rules match the same literals,
    /// so whichever collector asks first builds it from its own rule.
    static func shared(_ app: AppContext, importRule: String) -> SideMap {
        app.shared("G3.SideMap") {
            let m = SideMap(app, importRule: importRule)
            for f in app.files { _ = m.side(f) }
            return m
        }
    }

    /// npm packages (or Python modules, "/"-joined) the file imports.
    func packages(_ f: ScannedFile) -> [(ref: ModuleRef, package: String)] {
        (imports[f.path] ?? []).compactMap { r in
            if f.language == .python { return (r, r.spec) }
            return r.package.map { (r, $0) }
        }
    }

    func side(_ f: ScannedFile) -> CodeSide {
        if let s = sides[f.path] { return s }
        let b = base(f)
        switch b {
        case .server, .strongClient, .other, .none:
            let s = b.side
            sides[f.path] = s
            return s
        case .weakClient, .shared:
            // Only files the path cannot place need the import graph.
            if !built { build() }
            return sides[f.path] ?? b.side
        }
    }

    private enum Base { case server, strongClient, weakClient, shared, other, none
        var side: CodeSide {
            switch self {
            case .server: .server
            case .strongClient, .weakClient: .client
            case .shared: .unknown
            case .other, .none: .none
            }
        }
    }

    private func base(_ f: ScannedFile) -> Base {
        guard G3Scan.isAppCode(f) else { return .none }
        let path = f.path
        let name = G3Path.name(path)
        if name.hasPrefix("+server.") || name.hasPrefix("+page.server.") || name.hasPrefix("+layout.server.") { return .server }
        switch f.role {
        case .server: return .server
        case .shared: return .shared
        case .other:
            if G3Path.hasAny(path, ["/public/", "/static/", "/assets/"]) { return .strongClient }
            return .other
        case .client:
            if isNext && isServerComponent(f, path: path, name: name) { return .server }
            if FileRole.directive(f.bytes) == "use client" { return .strongClient }
            switch f.language {
            case .jsx, .tsx, .vue, .svelte, .html: return .strongClient
            default: break
            }
            if G3Path.hasAny(path, ["/components/", "/pages/", "/hooks/", "/views/"]) { return .strongClient }
            return .weakClient
        default: return .none
        }
    }

    private func isServerComponent(_ f: ScannedFile, path: String, name: String) -> Bool {
        guard G3Path.hasPrefix(path, "/app/") || G3Path.hasPrefix(path, "/src/app/") else { return false }
        guard FileRole.directive(f.bytes) != "use client" else { return false }
        let stem = name.split(separator: ".").first.map(String.init) ?? ""
        return ["page", "layout", "template", "default", "not-found", "head", "sitemap", "robots", "opengraph-image"].contains(stem)
    }

    private func build() {
        built = true
        var byStem: [String: String] = [:]
        for f in app.files where G3Scan.isCodeFile(f) {
            var stem = f.path
            if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
            byStem[stem] = f.path
            if stem.hasSuffix("/index") { byStem[String(stem.dropLast(6))] = f.path }
        }
        var edges: [String: [String]] = [:]
        for (path, refs) in imports {
            for r in refs where r.package == nil {
                if let t = resolve(r.spec, from: path, byStem) { edges[path, default: []].append(t) }
            }
        }
        var bases: [String: Base] = [:]
        for f in app.files { bases[f.path] = base(f) }
        func reach(_ roots: [String]) -> Set<String> {
            var seen = Set(roots)
            var queue = roots
            var head = 0
            while head < queue.count {
                let p = queue[head]
                head += 1
                for t in edges[p] ?? [] where seen.insert(t).inserted { queue.append(t) }
            }
            return seen
        }
        let serverReach = reach(bases.filter { $0.value == .server }.map(\.key).sorted())
        let clientReach = reach(bases.filter { $0.value == .strongClient }.map(\.key).sorted())
        for (path, b) in bases {
            switch b {
            case .server: sides[path] = .server
            case .strongClient: sides[path] = .client
            case .none, .other: sides[path] = CodeSide.none
            case .weakClient, .shared:
                let s = serverReach.contains(path), c = clientReach.contains(path)
                if s && c { sides[path] = .both } else if s { sides[path] = .server } else if c { sides[path] = .client } else {
                    sides[path] = b == .weakClient ? .client : .unknown
                }
            }
        }
    }

    private func resolve(_ spec: String, from importer: String, _ byStem: [String: String]) -> String? {
        var s = spec
        if let q = s.firstIndex(of: "?") { s = String(s[..<q]) }
        var candidates: [String] = []
        if s.hasPrefix("./") || s.hasPrefix("../") || s == "." || s == ".." {
            var parts = importer.split(separator: "/").map(String.init)
            parts.removeLast()
            for c in s.split(separator: "/") {
                if c == "." { continue }
                if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
                parts.append(String(c))
            }
            candidates.append(parts.joined(separator: "/"))
        } else if s.hasPrefix("@/") || s.hasPrefix("~/") {
            let rest = String(s.dropFirst(2))
            candidates += ["src/" + rest, rest, "app/" + rest]
        } else if s.hasPrefix("$lib/") {
            candidates.append("src/lib/" + s.dropFirst(5))
        } else {
            return nil
        }
        for c in candidates {
            var stem = c
            for ext in [".js", ".ts", ".tsx", ".jsx", ".mjs", ".cjs"] where stem.hasSuffix(ext) {
                stem = String(stem.dropLast(ext.count))
            }
            if let t = byStem[stem] { return t }
        }
        return nil
    }
}

/// Environment variables a file reads: `process.env.X`, `process.env["X"]`, `import.meta.env.X`,
/// `Deno.env.get("X")`, `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, `env("X")`.
enum EnvRefs {
    static func rule(_ id: String) -> PatternRule {
        PatternRule(id: id, literals: ["process.env", "import.meta.env", "Deno.env.get(", "os.environ", "os.getenv(", "Bun.env"],
                    regions: .code, regexEquivalent: #"(process\.env|import\.meta\.env|Bun\.env)(\.[A-Z_][A-Z0-9_]*|\[["'][A-Z_][A-Z0-9_]*["']\])|Deno\.env\.get\(["'][A-Z_][A-Z0-9_]*["']\)|os\.(environ(\.get\()?\[?["'][A-Z_][A-Z0-9_]*|getenv\(["'][A-Z_][A-Z0-9_]*)"#)
    }

    /// The variable name read at a hit of `rule(_:)`, if it is a literal name.
    static func name(_ f: ScannedFile, hit: RuleHit) -> String? {
        let b = f.bytes
        var i = Int(hit.offset) + Int(hit.length)
        if i < b.count && b[i] == 0x2E && b[i - 1] != 0x28 {
            i += 1
            if G3Scan.startsWith(b, i, "get") { i += 3 }
        }
        if i < b.count && (b[i] == 0x28 || b[i] == 0x5B) { i += 1 }
        i = G3Scan.skipSpaces(b, i)
        if i < b.count && (b[i] == 0x22 || b[i] == 0x27) { i += 1 }
        let s = i
        while i < b.count && (ByteClass.isIdentifier(b[i])) { i += 1 }
        guard i > s else { return nil }
        let n = String(decoding: b[s..<i], as: UTF8.self)
        guard n.first.map({ $0.isUppercase || $0 == "_" }) == true else { return nil }
        return n
    }
}

/// Names listed in the app's env example files (`.env.example`, `.env.sample`, `.env.template`, …).
struct EnvExample {
    var files: [ScannedFile] = []
    var names: Set<String> = []

    init(_ app: AppContext) {
        for f in app.files {
            let name = (f.path.split(separator: "/").last.map(String.init) ?? "").lowercased()
            let isExample = (name.hasPrefix(".env") || name.hasPrefix("env.") || name.hasSuffix(".env"))
                && ["example", "sample", "template", "dist", "defaults"].contains(where: { name.contains($0) })
                || name == "example.env" || name == "sample.env"
            guard isExample else { continue }
            files.append(f)
            for line in 1...max(1, f.lineCount) {
                var t = f.lineText(line).trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("#") {
                    t = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
                if t.hasPrefix("export ") { t = String(t.dropFirst(7)) }
                guard let eq = t.firstIndex(of: "=") else { continue }
                let key = t[..<eq].trimmingCharacters(in: .whitespaces)
                if !key.isEmpty && key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(key) }
            }
        }
    }
}
