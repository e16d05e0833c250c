/// .gitignore rules of one app: nested .gitignore files, each scoped to its directory.
public struct GitIgnore: Sendable {
    struct Rule: Sendable {
        var pattern: [UInt8]
        var negated: Bool
        var directoryOnly: Bool
        // No slash in the pattern: matched against the last path component at any depth.
        var matchesName: Bool
        var line: String
    }

    private struct RuleFile: Sendable {
        var directory: [UInt8]
        var depth: Int
        var rules: [Rule]
    }

    // Ordered by directory depth, so later files take precedence over their ancestors.
    private var files: [RuleFile] = []

    public init() {}

    var isEmpty: Bool { files.isEmpty }

    /// Adds the patterns of a .gitignore located in `directory` (app-relative, "" for the root).
    public mutating func add(contents: String, directory: String) {
        let dir = Self.normalize(directory)
        let rules = Self.parse(contents)
        guard !rules.isEmpty else { return }
        if let i = files.firstIndex(where: { $0.directory == dir }) {
            files[i].rules += rules
            return
        }
        let depth = dir.isEmpty ? 0 : dir.reduce(1) { $1 == slash ? $0 + 1 : $0 }
        let at = files.firstIndex(where: { $0.depth > depth }) ?? files.endIndex
        files.insert(RuleFile(directory: dir, depth: depth, rules: rules), at: at)
    }

    /// Whether an app-relative path is ignored: the last matching rule wins, "!" re-includes, and anything under an
    /// ignored directory stays ignored.
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        let bytes = Self.normalize(path)
        guard !bytes.isEmpty, !files.isEmpty else { return false }
        for (i, byte) in bytes.enumerated() where byte == slash {
            if let hit = decidingRule(bytes[..<i], isDirectory: true), !hit.rule.negated { return true }
        }
        guard let hit = decidingRule(bytes[...], isDirectory: isDirectory) else { return false }
        return !hit.rule.negated
    }

    // The rule that decides `path` itself, ignoring its parents, with the directory of its .gitignore.
    func decidingRule(_ path: String, isDirectory: Bool) -> (rule: Rule, directory: String)? {
        decidingRule(Array(path.utf8)[...], isDirectory: isDirectory)
    }

    private func decidingRule(_ path: ArraySlice<UInt8>, isDirectory: Bool) -> (rule: Rule, directory: String)? {
        path.withUnsafeBufferPointer { full -> (rule: Rule, directory: String)? in
            var nameStart = full.count
            while nameStart > 0, full[nameStart - 1] != slash { nameStart -= 1 }
            let name = UnsafeBufferPointer(rebasing: full[nameStart...])
            for file in files.reversed() {
                let dir = file.directory
                var start = 0
                if !dir.isEmpty {
                    guard full.count > dir.count, full[dir.count] == slash,
                        dir.withUnsafeBufferPointer({ d in
                            memcmpEqual(d, UnsafeBufferPointer(rebasing: full[..<d.count]))
                        })
                    else { continue }
                    start = dir.count + 1
                }
                let relative = UnsafeBufferPointer(rebasing: full[start...])
                for rule in file.rules.reversed() {
                    if rule.directoryOnly && !isDirectory { continue }
                    let matched = rule.pattern.withUnsafeBufferPointer { p in
                        Wildmatch.matches(p, rule.matchesName ? name : relative)
                    }
                    if matched { return (rule, String(decoding: dir, as: UTF8.self)) }
                }
            }
            return nil
        }
    }

    private static func normalize(_ path: String) -> [UInt8] {
        var bytes = Array(path.utf8)
        while bytes.count >= 2, bytes[0] == UInt8(ascii: "."), bytes[1] == slash { bytes.removeFirst(2) }
        if bytes == [UInt8(ascii: ".")] { return [] }
        while bytes.first == slash { bytes.removeFirst() }
        while bytes.last == slash { bytes.removeLast() }
        return bytes
    }

    static func parse(_ contents: String) -> [Rule] {
        var rules: [Rule] = []
        var text = Array(contents.utf8)[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        for rawLine in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            trimTrailingSpaces(&line)
            let original = String(decoding: line, as: UTF8.self)
            var negated = false
            if line.first == UInt8(ascii: "!") {
                negated = true
                line.removeFirst()
            }
            var directoryOnly = false
            if line.last == slash {
                directoryOnly = true
                while line.last == slash { line.removeLast() }
            }
            line.removeAll { $0 == 0 }
            guard !line.isEmpty else { continue }
            let matchesName = !line.contains(slash)
            if line.first == slash { line.removeFirst() }
            guard !line.isEmpty else { continue }
            rules.append(
                Rule(
                    pattern: line, negated: negated, directoryOnly: directoryOnly, matchesName: matchesName,
                    line: original))
        }
        return rules
    }

    // Git's rule: trailing spaces go unless the last one is escaped with a backslash.
    private static func trimTrailingSpaces(_ line: inout [UInt8]) {
        var lastSpace: Int?
        var i = 0
        while i < line.count {
            switch line[i] {
            case UInt8(ascii: " "):
                if lastSpace == nil { lastSpace = i }
            case UInt8(ascii: "\\"):
                i += 1
                if i >= line.count { return }
                lastSpace = nil
            default:
                lastSpace = nil
            }
            i += 1
        }
        if let lastSpace { line.removeSubrange(lastSpace...) }
    }
}

private let slash = UInt8(ascii: "/")

private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

// Git's wildmatch (WM_PATHNAME, case-sensitive) over bytes: `*` and `?` stop at "/", `**` spans directories only as a
// whole path component, `[...]` takes ranges, `!`/`^` negation and POSIX classes, `\` escapes.
enum Wildmatch {
    private enum Outcome { case match, noMatch, abortAll, abortToStarStar }

    static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        dowild(pattern, 0, text, 0) == .match
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        return p.withUnsafeBufferPointer { pp in t.withUnsafeBufferPointer { tt in matches(pp, tt) } }
    }

    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
    private static let backslash = UInt8(ascii: "\\")
    private static let open = UInt8(ascii: "[")
    private static let close = UInt8(ascii: "]")

    private static func dowild(
        _ pat: UnsafeBufferPointer<UInt8>, _ pStart: Int, _ text: UnsafeBufferPointer<UInt8>, _ tStart: Int
    ) -> Outcome {
        @inline(__always) func patternAt(_ i: Int) -> UInt8 { i < pat.count ? pat[i] : 0 }
        @inline(__always) func textAt(_ i: Int) -> UInt8 { i < text.count ? text[i] : 0 }
        var p = pStart
        var t = tStart
        while patternAt(p) != 0 {
            var pCh = patternAt(p)
            var tCh = textAt(t)
            if tCh == 0 && pCh != star { return .abortAll }
            switch pCh {
            case question:
                if tCh == slash { return .noMatch }
            case star:
                let matchSlash: Bool
                p += 1
                if patternAt(p) == star {
                    let prev = p - 2
                    p += 1
                    while patternAt(p) == star { p += 1 }
                    if (prev < pStart || pat[prev] == slash)
                        && (patternAt(p) == 0 || patternAt(p) == slash
                            || (patternAt(p) == backslash && patternAt(p + 1) == slash))
                    {
                        if patternAt(p) == slash && dowild(pat, p + 1, text, t) == .match { return .match }
                        matchSlash = true
                    } else {
                        matchSlash = false
                    }
                } else {
                    matchSlash = false
                }
                if patternAt(p) == 0 {
                    if !matchSlash {
                        var i = t
                        while i < text.count {
                            if text[i] == slash { return .noMatch }
                            i += 1
                        }
                    }
                    return .match
                } else if !matchSlash && patternAt(p) == slash {
                    var i = t
                    while i < text.count, text[i] != slash { i += 1 }
                    if i >= text.count { return .noMatch }
                    t = i
                    break
                }
                while true {
                    if tCh == 0 { break }
                    let next = patternAt(p)
                    if !isGlobSpecial(next) {
                        while true {
                            tCh = textAt(t)
                            if tCh == 0 || (!matchSlash && tCh == slash) || tCh == next { break }
                            t += 1
                        }
                        if tCh != next { return .noMatch }
                    }
                    let sub = dowild(pat, p, text, t)
                    if sub != .noMatch {
                        if !matchSlash || sub != .abortToStarStar { return sub }
                    } else if !matchSlash && tCh == slash {
                        return .abortToStarStar
                    }
                    t += 1
                    tCh = textAt(t)
                }
                return .abortAll
            case open:
                p += 1
                pCh = patternAt(p)
                if pCh == UInt8(ascii: "^") { pCh = UInt8(ascii: "!") }
                let negated = pCh == UInt8(ascii: "!")
                if negated {
                    p += 1
                    pCh = patternAt(p)
                }
                var prevCh: UInt8 = 0
                var matched = false
                while true {
                    if pCh == 0 { return .abortAll }
                    if pCh == backslash {
                        p += 1
                        pCh = patternAt(p)
                        if pCh == 0 { return .abortAll }
                        if tCh == pCh { matched = true }
                    } else if pCh == UInt8(ascii: "-") && prevCh != 0 && patternAt(p + 1) != 0
                        && patternAt(p + 1) != close
                    {
                        p += 1
                        pCh = patternAt(p)
                        if pCh == backslash {
                            p += 1
                            pCh = patternAt(p)
                            if pCh == 0 { return .abortAll }
                        }
                        if tCh <= pCh && tCh >= prevCh { matched = true }
                        pCh = 0
                    } else if pCh == open && patternAt(p + 1) == UInt8(ascii: ":") {
                        let s = p + 2
                        var e = s
                        while patternAt(e) != 0 && patternAt(e) != close { e += 1 }
                        if patternAt(e) == 0 { return .abortAll }
                        if e - s - 1 < 0 || patternAt(e - 1) != UInt8(ascii: ":") {
                            // No ":]": the "[" is an ordinary member.
                            p = s - 2
                            pCh = open
                            if tCh == pCh { matched = true }
                        } else {
                            guard let hit = classContains(UnsafeBufferPointer(rebasing: pat[s..<(e - 1)]), tCh) else {
                                return .abortAll
                            }
                            if hit { matched = true }
                            p = e
                            pCh = 0
                        }
                    } else if tCh == pCh {
                        matched = true
                    }
                    prevCh = pCh
                    p += 1
                    pCh = patternAt(p)
                    if pCh == close { break }
                }
                if matched == negated || tCh == slash { return .noMatch }
            case backslash:
                p += 1
                pCh = patternAt(p)
                if tCh != pCh { return .noMatch }
            default:
                if tCh != pCh { return .noMatch }
            }
            p += 1
            t += 1
        }
        return t < text.count ? .noMatch : .match
    }

    @inline(__always) private static func isGlobSpecial(_ c: UInt8) -> Bool {
        c == star || c == question || c == open || c == backslash
    }

    // nil for an unknown class name.
    private static func classContains(_ name: UnsafeBufferPointer<UInt8>, _ c: UInt8) -> Bool? {
        let upper = c >= 0x41 && c <= 0x5A
        let lower = c >= 0x61 && c <= 0x7A
        let digit = c >= 0x30 && c <= 0x39
        let alpha = upper || lower
        let graph = c > 0x20 && c < 0x7F
        switch String(decoding: name, as: UTF8.self) {
        case "alnum": return alpha || digit
        case "alpha": return alpha
        case "blank": return c == 0x20 || c == 0x09
        case "cntrl": return c < 0x20 || c == 0x7F
        case "digit": return digit
        case "graph": return graph
        case "lower": return lower
        case "print": return graph || c == 0x20
        case "punct": return graph && !alpha && !digit
        case "space": return c == 0x20 || (c >= 0x09 && c <= 0x0D)
        case "upper": return upper
        case "xdigit": return digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
        default: return nil
        }
    }
}
