#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Lexer {
    // MARK: - CSS

    /// CSS: `/* */` comments and quoted strings.
    static func lexCSS(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        while i < n {
            let c = p[i]
            if c == Ch.slash && i + 1 < n && p[i + 1] == Ch.star {
                let e = blockCommentEnd(p, n, from: i + 2)
                emit(&out, base, i, e, .comment)
                i = e
            } else if c == Ch.quote || c == Ch.dquote {
                let e = scanLineString(p, n, from: i + 1, quote: c)
                emit(&out, base, i, e, .string)
                i = e
            } else {
                i &+= 1
            }
        }
    }

    // MARK: - JSON

    /// JSON: double-quoted strings; `//` and `/* */` comments tolerated (jsonc).
    static func lexJSON(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        while i < n {
            let c = p[i]
            if c == Ch.dquote {
                let e = scanLineString(p, n, from: i + 1, quote: c)
                emit(&out, base, i, e, .string)
                i = e
            } else if c == Ch.slash && i + 1 < n && p[i + 1] == Ch.slash {
                let e = lineEnd(p, n, from: i + 2)
                emit(&out, base, i, e, .comment)
                i = e
            } else if c == Ch.slash && i + 1 < n && p[i + 1] == Ch.star {
                let e = blockCommentEnd(p, n, from: i + 2)
                emit(&out, base, i, e, .comment)
                i = e
            } else {
                i &+= 1
            }
        }
    }

    // MARK: - Python

    /// Python: `#` comments; '…', "…", '''…''', """…""" with r/b/f/u prefixes.
    static func lexPython(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        while i < n {
            let c = p[i]
            if c == Ch.hash {
                let e = lineEnd(p, n, from: i + 1)
                emit(&out, base, i, e, .comment)
                i = e
            } else if c == Ch.quote || c == Ch.dquote {
                let start = pythonPrefixStart(p, quoteAt: i)
                let e: Int
                if i + 2 < n && p[i + 1] == c && p[i + 2] == c {
                    e = scanTripleString(p, n, from: i + 3, quote: c, escapes: true)
                } else {
                    // Even in raw strings a backslash keeps the next quote from closing the string.
                    e = scanLineString(p, n, from: i + 1, quote: c)
                }
                emit(&out, base, start, e, .string)
                i = e
            } else {
                i &+= 1
            }
        }
    }

    /// Start of a Python string literal whose quote is at `q`: before a valid prefix
    /// (r, b, f, u, t, rb, br, fr, rf, in any case) that is not the tail of a longer identifier.
    @inline(__always)
    static func pythonPrefixStart(_ p: UnsafePointer<UInt8>, quoteAt q: Int) -> Int {
        @inline(__always) func letter(_ c: UInt8) -> UInt8? {
            let l = c | 0x20
            return (l == 0x72 || l == 0x62 || l == 0x66 || l == 0x75 || l == 0x74) ? l : nil  // r b f u t
        }
        guard q >= 1, let a = letter(p[q - 1]) else { return q }
        if q == 1 || !isIdent(p[q - 2]) { return q - 1 }
        guard let b = letter(p[q - 2]) else { return q }
        if q >= 3 && isIdent(p[q - 3]) { return q }
        let r: UInt8 = 0x72
        let pairOK = (a == r && (b == 0x62 || b == 0x66)) || (b == r && (a == 0x62 || a == 0x66))
        return pairOK ? q - 2 : q
    }

    // MARK: - SQL

    /// SQL: `--` and nested `/* */` comments, '…' ('' doubling), E'…' (backslash escapes),
    /// "…" identifiers (code), $$…$$ / $tag$…$tag$ bodies (strings).
    static func lexSQL(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        while i < n {
            let c = p[i]
            switch c {
            case Ch.minus where i + 1 < n && p[i + 1] == Ch.minus:
                let e = lineEnd(p, n, from: i + 2)
                emit(&out, base, i, e, .comment)
                i = e
            case Ch.slash where i + 1 < n && p[i + 1] == Ch.star:
                let e = nestedCommentEnd(p, n, from: i + 2)
                emit(&out, base, i, e, .comment)
                i = e
            case Ch.quote:
                let escaped = i >= 1 && (p[i - 1] | 0x20) == 0x65 && (i == 1 || !isIdent(p[i - 2]))  // E'…'
                let e = scanSQLString(p, n, from: i + 1, backslashEscapes: escaped)
                emit(&out, base, escaped ? i - 1 : i, e, .string)
                i = e
            case Ch.dquote:
                // Quoted identifier: code, but its content must not be lexed. Ends at a line break if unterminated.
                var j = i + 1
                while j < n {
                    let d = p[j]
                    if d == Ch.dquote {
                        if j + 1 < n && p[j + 1] == Ch.dquote { j += 2; continue }
                        j += 1
                        break
                    }
                    if d == Ch.lf || d == Ch.cr { break }
                    j += 1
                }
                i = j
            case Ch.dollar:
                if let e = dollarQuoteEnd(p, n, at: i) {
                    emit(&out, base, i, e, .string)
                    i = e
                } else {
                    i += 1
                }
            default:
                i &+= 1
            }
        }
    }

    /// End of a PostgreSQL-style nested block comment whose body starts at `from`.
    static func nestedCommentEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
        var depth = 1
        var j = from
        while j + 1 < n {
            let c = p[j]
            if c == Ch.slash && p[j + 1] == Ch.star {
                depth += 1
                j += 2
            } else if c == Ch.star && p[j + 1] == Ch.slash {
                depth -= 1
                j += 2
                if depth == 0 { return j }
            } else {
                j += 1
            }
        }
        return n
    }

    /// End of a SQL string whose body starts at `from` ('' is an escaped quote; multi-line allowed).
    static func scanSQLString(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, backslashEscapes: Bool) -> Int {
        var j = from
        while j < n {
            let c = p[j]
            if c == Ch.quote {
                if j + 1 < n && p[j + 1] == Ch.quote { j += 2; continue }
                return j + 1
            }
            if c == Ch.backslash && backslashEscapes { j += 2; continue }
            j += 1
        }
        return n
    }

    /// If a dollar quote (`$$` or `$tag$`) opens at `i`, the end of its body's closing delimiter (or `n`).
    static func dollarQuoteEnd(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Int? {
        if i > 0 && isIdent(p[i - 1]) { return nil }  // `a$b$`, `$1$`: part of a name or parameter
        var j = i + 1
        guard j < n else { return nil }
        let first = p[j]
        if first != Ch.dollar {
            // The tag: [A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*
            guard isIdent(first) && first != Ch.dollar && !(first >= 0x30 && first <= 0x39) else { return nil }
            while j < n && isIdent(p[j]) && p[j] != Ch.dollar { j += 1 }
            guard j < n && p[j] == Ch.dollar else { return nil }
        }
        let tagLen = j - i + 1  // including both dollars
        var k = j + 1
        while k < n {
            guard let hit = memchr(p + k, Int32(Ch.dollar), n - k) else { return n }
            let d = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if d + tagLen <= n && memcmp(p + d, p + i, tagLen) == 0 { return d + tagLen }
            k = d + 1
        }
        return n
    }

    // MARK: - Hash family (YAML, TOML, env, Dockerfile, shell)

    /// `#` comments at line start or after blank; one-line '…' and "…"; multi-line '''…''' and """…""".
    static func lexHash(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        while i < n {
            let c = p[i]
            if c == Ch.hash {
                if i == 0 || p[i - 1] == Ch.space || p[i - 1] == Ch.tab || p[i - 1] == Ch.lf || p[i - 1] == Ch.cr {
                    let e = lineEnd(p, n, from: i + 1)
                    emit(&out, base, i, e, .comment)
                    i = e
                } else {
                    i += 1
                }
            } else if c == Ch.quote || c == Ch.dquote {
                // A quote glued to a word (`don't`, `5"`) is text, not a string opener.
                if i > 0 && isAlnum(p[i - 1]) {
                    i += 1
                    continue
                }
                let escapes = c == Ch.dquote
                let e: Int
                if i + 2 < n && p[i + 1] == c && p[i + 2] == c {
                    e = scanTripleString(p, n, from: i + 3, quote: c, escapes: escapes)
                } else {
                    e = scanLineString(p, n, from: i + 1, quote: c, escapes: escapes)
                }
                emit(&out, base, i, e, .string)
                i = e
            } else {
                i &+= 1
            }
        }
    }

    // MARK: - Markup (HTML, Markdown, Vue, Svelte)

    /// `<!-- -->` comments; `<script>` bodies lexed as cLike and `<style>` bodies as CSS.
    static func lexMarkup(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, into out: inout [Region]) {
        var i = 0
        // Once a search for a closing tag fails, later ones would fail too.
        var scriptCloseMissing = false
        var styleCloseMissing = false
        while i < n {
            guard let hit = memchr(p + i, Int32(Ch.lt), n - i) else { return }
            i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let rest = n - i
            if rest >= 4 && matches(p + i, "<!--") {
                var e = n
                var j = i + 4
                while j + 2 < n {
                    guard let h = memchr(p + j, Int32(Ch.minus), n - 2 - j) else { break }
                    let k = p.distance(to: h.assumingMemoryBound(to: UInt8.self))
                    if p[k + 1] == Ch.minus && p[k + 2] == Ch.gt { e = k + 3; break }
                    j = k + 1
                }
                emit(&out, base, i, e, .comment)
                i = e
                continue
            }
            let isScript = !scriptCloseMissing && rest >= 8 && matches(p + i + 1, "script", foldCase: true)
                && isTagNameEnd(p[i + 7])
            let isStyle = !isScript && !styleCloseMissing && rest >= 7 && matches(p + i + 1, "style", foldCase: true)
                && isTagNameEnd(p[i + 6])
            guard isScript || isStyle else {
                i += 1
                continue
            }
            let open = openTagEnd(p, n, from: i + (isScript ? 7 : 6))
            if open >= n { return }
            if p[open - 2] == Ch.slash {  // `<script src="…" />`
                i = open
                continue
            }
            guard let close = closingTag(p, n, from: open, name: isScript ? "script" : "style") else {
                if isScript { scriptCloseMissing = true } else { styleCloseMissing = true }
                i += 1
                continue
            }
            if close > open {
                if isScript {
                    lexCLike(p + open, close - open, base: base + open, hashbang: false, into: &out)
                } else {
                    lexCSS(p + open, close - open, base: base + open, into: &out)
                }
            }
            i = close + 2
        }
    }

    @inline(__always)
    static func isTagNameEnd(_ c: UInt8) -> Bool {
        c == Ch.gt || c == Ch.slash || isSpace(c)
    }

    /// Index just past the `>` ending an open tag whose attributes start at `from` (quoted values skipped), or `n`.
    static func openTagEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
        var j = from
        while j < n {
            let c = p[j]
            if c == Ch.gt { return j + 1 }
            if c == Ch.dquote || c == Ch.quote {
                j += 1
                while j < n && p[j] != c { j += 1 }
            }
            j += 1
        }
        return n
    }

    /// Index of the `<` of the first `</name` (case-insensitive) at or after `from`.
    static func closingTag(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, name: StaticString) -> Int? {
        let len = name.utf8CodeUnitCount + 2
        var j = from
        while j + len <= n {
            guard let hit = memchr(p + j, Int32(Ch.lt), n - j) else { return nil }
            let k = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if k + len > n { return nil }
            if p[k + 1] == Ch.slash && matches(p + k + 2, name, foldCase: true) { return k }
            j = k + 1
        }
        return nil
    }
}
