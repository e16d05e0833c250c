extension Lexer {
    /// Deepest nesting of template substitutions tracked; deeper `${` are read as template text.
    static let maxTemplateDepth = 64

    /// Bytes that may change the lexer state in JS/TS code: `"` `'` `/` `` ` `` `{` `}`.
    @inline(__always)
    static func isCLikeSpecial(_ c: UInt8) -> Bool {
        let lo: UInt64 = (1 << 0x22) | (1 << 0x27) | (1 << 0x2F)
        let hi: UInt64 = (1 << (0x60 - 64)) | (1 << (0x7B - 64)) | (1 << (0x7D - 64))
        let mask = c < 64 ? lo : (c < 128 ? hi : 0)
        return (mask >> UInt64(c & 63)) & 1 != 0
    }

    /// JS/TS/JSX/TSX. `base` shifts the emitted offsets (for scripts embedded in markup).
    static func lexCLike(_ p: UnsafePointer<UInt8>, _ n: Int, base: Int, hashbang: Bool, into out: inout [Region]) {
        let firstLocal = out.count
        var i = 0
        if hashbang && n >= 2 && p[0] == Ch.hash && p[1] == Ch.bang {
            let e = lineEnd(p, n, from: 2)
            emit(&out, base, 0, e, .comment)
            i = e
        }
        // Brace depth inside each open `${`, innermost last; allocated on the first substitution.
        var stack: [Int32] = []
        var sp = 0
        // A regex scan that hit a line break at this index: no regex can start before it.
        var noRegexUntil = 0
        while i < n {
            let c = p[i]
            if !isCLikeSpecial(c) {
                i &+= 1
                continue
            }
            switch c {
            case Ch.slash:
                if i + 1 < n {
                    let d = p[i + 1]
                    if d == Ch.slash {
                        let e = lineEnd(p, n, from: i + 2)
                        emit(&out, base, i, e, .comment)
                        i = e
                        continue
                    }
                    if d == Ch.star {
                        let e = blockCommentEnd(p, n, from: i + 2)
                        emit(&out, base, i, e, .comment)
                        i = e
                        continue
                    }
                }
                if i >= noRegexUntil && regexMayStart(p, n, at: i, base: base, firstLocal: firstLocal, out: out) {
                    let (e, ok) = scanRegex(p, n, from: i)
                    if ok {
                        emit(&out, base, i, e, .regex)
                        i = e
                        continue
                    }
                    noRegexUntil = e
                }
                i += 1
            case Ch.quote, Ch.dquote:
                let e = scanLineString(p, n, from: i + 1, quote: c)
                emit(&out, base, i, e, .string)
                i = e
            case Ch.backtick:
                i = scanTemplate(p, n, segmentStart: i, from: i + 1, stack: &stack, sp: &sp, base: base, into: &out)
            case Ch.lbrace:
                if sp > 0 { stack[sp - 1] &+= 1 }
                i += 1
            default:  // `}`
                if sp > 0 {
                    if stack[sp - 1] == 0 {
                        sp -= 1
                        i = scanTemplate(p, n, segmentStart: i, from: i + 1, stack: &stack, sp: &sp, base: base, into: &out)
                    } else {
                        stack[sp - 1] -= 1
                        i += 1
                    }
                } else {
                    i += 1
                }
            }
        }
    }

    /// Scans template text from `from` up to and including the closing backtick or an opening `${`
    /// (which pushes a substitution), emits it as a string region starting at `segmentStart`, and
    /// returns the index where code resumes.
    static func scanTemplate(
        _ p: UnsafePointer<UInt8>, _ n: Int, segmentStart: Int, from: Int,
        stack: inout [Int32], sp: inout Int, base: Int, into out: inout [Region]
    ) -> Int {
        var j = from
        while j < n {
            let c = p[j]
            if c == Ch.backtick {
                emit(&out, base, segmentStart, j + 1, .string)
                return j + 1
            }
            if c == Ch.backslash {
                j += 2
                continue
            }
            if c == Ch.dollar && j + 1 < n && p[j + 1] == Ch.lbrace {
                if sp < maxTemplateDepth {
                    if stack.isEmpty { stack = [Int32](repeating: 0, count: maxTemplateDepth) }
                    stack[sp] = 0
                    sp += 1
                    emit(&out, base, segmentStart, j + 2, .string)
                    return j + 2
                }
                j += 2  // too deep: read the `${` as text
                continue
            }
            j += 1
        }
        emit(&out, base, segmentStart, n, .string)
        return n
    }

    /// Whether a `/` at `i` (not a comment) starts a regex literal, judged by the previous significant token.
    static func regexMayStart(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int, base: Int, firstLocal: Int, out: [Region]) -> Bool {
        var j = i - 1
        var r = out.count - 1
        while true {
            while j >= 0 && isSpace(p[j]) { j -= 1 }
            if j < 0 { return true }
            if r >= firstLocal {
                let reg = out[r]
                if Int(reg.end) - base > j {
                    switch reg.kind {
                    case .comment:
                        j = Int(reg.start) - base - 1
                        r -= 1
                        continue
                    case .string:
                        // A template segment ending in `${` opens an expression; any other literal is an operand.
                        return p[j] == Ch.lbrace
                    default:
                        return false
                    }
                }
            }
            let c = p[j]
            if isIdent(c) {
                var k = j
                while k > 0 && isIdent(p[k - 1]) { k -= 1 }
                if k > 0 && p[k - 1] == Ch.dot { return false }  // member access: `x.return / 2`
                return isRegexKeyword(p + k, j - k + 1)
            }
            switch c {
            case Ch.rparen, Ch.rbracket, Ch.dot:
                return false
            case Ch.rbrace:
                // `{a}/{b}` in JSX text and `<A b={c} />`: not regexes.
                return j != i - 1 && !(i + 1 < n && p[i + 1] == Ch.gt)
            case Ch.lt:
                return j != i - 1  // `</div>`: a closing tag
            default:
                return true
            }
        }
    }

    /// Keywords after which a `/` starts a regex.
    @inline(__always)
    static func isRegexKeyword(_ w: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        switch len {
        case 2: return matches(w, "in") || matches(w, "of") || matches(w, "do")
        case 3: return matches(w, "new")
        case 4: return matches(w, "void") || matches(w, "case") || matches(w, "else")
        case 5: return matches(w, "throw") || matches(w, "yield") || matches(w, "await")
        case 6: return matches(w, "return") || matches(w, "typeof") || matches(w, "delete")
        case 10: return matches(w, "instanceof")
        default: return false
        }
    }

    /// Scans a regex literal starting with the `/` at `i`. Returns its end (after the flags, or `n` at EOF)
    /// and `true`, or the index of the line break that aborted it and `false`.
    static func scanRegex(_ p: UnsafePointer<UInt8>, _ n: Int, from i: Int) -> (Int, Bool) {
        var j = i + 1
        var inClass = false
        while j < n {
            let c = p[j]
            switch c {
            case Ch.backslash:
                if j + 1 < n && (p[j + 1] == Ch.lf || p[j + 1] == Ch.cr) { return (j + 1, false) }
                j += 2
                continue
            case Ch.lf, Ch.cr:
                return (j, false)
            case Ch.lbracket:
                inClass = true
            case Ch.rbracket:
                inClass = false
            case Ch.slash where !inClass:
                j += 1
                while j < n && isIdent(p[j]) { j += 1 }
                return (j, true)
            default:
                break
            }
            j += 1
        }
        return (n, true)
    }
}
