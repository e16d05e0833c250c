import Foundation

/// An opening JSX/HTML/Vue/Svelte tag read at byte level: its name, attributes (with `{…}` expressions,
/// quoted values and spreads) and where it ends.
struct MarkupTag {
    enum Value: Equatable {
        case none
        case text(String)
        case expr(String)
    }

    struct Attribute {
        /// As written, with Vue's `:`/`v-bind:` prefix removed.
        var name: String
        var value: Value
    }

    var name: String
    var start: Int
    /// Index just past the closing `>`.
    var end: Int
    var selfClosing: Bool
    var attributes: [Attribute]
    /// Spread attributes (`{...props}`): the expressions spread.
    var spreads: [String]

    func attr(_ name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    func has(_ name: String) -> Bool { attr(name) != nil }

    /// A non-empty static or dynamic value of the attribute.
    func nonEmpty(_ name: String) -> Bool {
        guard let a = attr(name) else { return false }
        switch a.value {
        case .none: return false
        case .text(let t): return !t.trimmingCharacters(in: .whitespaces).isEmpty
        case .expr(let e): return !e.trimmingCharacters(in: .whitespaces).isEmpty && e != "\"\"" && e != "''"
        }
    }

    func text(_ name: String) -> String? {
        guard let a = attr(name) else { return nil }
        switch a.value {
        case .text(let t): return t
        case .expr(let e): return e
        case .none: return ""
        }
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        ByteClass.isIdentifier(c) || c == 0x2D || c == 0x2E || c == 0x3A
    }

    /// Parses the tag whose `<` is at `lt`; nil when it is not a well-formed opening tag within 8 KB.
    static func parse(_ b: [UInt8], at lt: Int) -> MarkupTag? {
        guard lt + 1 < b.count, b[lt] == 0x3C, ByteClass.isAlpha(b[lt + 1]) else { return nil }
        var i = lt + 1
        while i < b.count && isNameByte(b[i]) { i += 1 }
        let name = G6Scan.text(b, (lt + 1)..<i)
        var attrs: [Attribute] = []
        var spreads: [String] = []
        let limit = min(b.count, lt + 8192)
        while i < limit {
            i = G6Scan.skipSpace(b, i, limit: limit)
            guard i < limit else { return nil }
            let c = b[i]
            if c == 0x3E { return MarkupTag(name: name, start: lt, end: i + 1, selfClosing: false, attributes: attrs, spreads: spreads) }
            if c == 0x2F {
                if i + 1 < limit && b[i + 1] == 0x3E {
                    return MarkupTag(name: name, start: lt, end: i + 2, selfClosing: true, attributes: attrs, spreads: spreads)
                }
                i += 1
                continue
            }
            if c == 0x7B {
                guard let close = braceEnd(b, i, limit: limit) else { return nil }
                let inner = trimmedText(b, (i + 1)..<close)
                if inner.hasPrefix("...") {
                    spreads.append(String(inner.dropFirst(3)))
                } else if !inner.isEmpty, inner.utf8.allSatisfy({ ByteClass.isIdentifier($0) }) {
                    attrs.append(Attribute(name: inner, value: .expr(inner)))
                }
                i = close + 1
                continue
            }
            guard c != 0x3C else { return nil }
            let ns = i
            while i < limit && !G6Scan.isSpace(b[i]) && b[i] != 0x3D && b[i] != 0x3E && b[i] != 0x2F && b[i] != 0x7B { i += 1 }
            guard i > ns else { i += 1; continue }
            var an = G6Scan.text(b, ns..<i)
            if an.hasPrefix("v-bind:") { an = String(an.dropFirst(7)) } else if an.hasPrefix(":") { an = String(an.dropFirst()) }
            var j = G6Scan.skipSpace(b, i, limit: limit)
            guard j < limit, b[j] == 0x3D else {
                attrs.append(Attribute(name: an, value: .none))
                continue
            }
            j = G6Scan.skipSpace(b, j + 1, limit: limit)
            guard j < limit else { return nil }
            let v = b[j]
            if v == 0x22 || v == 0x27 {
                var k = j + 1
                while k < limit && b[k] != v {
                    if b[k] == 0x24 && k + 1 < limit && b[k + 1] == 0x7B, let e = braceEnd(b, k + 1, limit: limit) { k = e + 1; continue }
                    k += 1
                }
                guard k < limit else { return nil }
                attrs.append(Attribute(name: an, value: .text(G6Scan.text(b, (j + 1)..<k))))
                i = k + 1
            } else if v == 0x7B {
                guard let close = braceEnd(b, j, limit: limit) else { return nil }
                attrs.append(Attribute(name: an, value: .expr(trimmedText(b, (j + 1)..<close))))
                i = close + 1
            } else {
                var k = j
                while k < limit && !G6Scan.isSpace(b[k]) && b[k] != 0x3E { k += 1 }
                attrs.append(Attribute(name: an, value: .text(G6Scan.text(b, j..<k))))
                i = k
            }
        }
        return nil
    }

    /// The text of `r` without the ASCII white space at both ends.
    static func trimmedText(_ b: [UInt8], _ r: Range<Int>) -> String {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && G6Scan.isSpace(b[lo]) { lo += 1 }
        while hi > lo && G6Scan.isSpace(b[hi - 1]) { hi -= 1 }
        return G6Scan.text(b, lo..<hi)
    }

    /// Index of the `}` closing the `{` at `open`, skipping strings and template literals.
    static func braceEnd(_ b: [UInt8], _ open: Int, limit: Int) -> Int? {
        var depth = 0
        var i = open
        while i < limit {
            let c = b[i]
            switch c {
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { return i }
            case 0x22, 0x27:
                var k = i + 1
                while k < limit && b[k] != c && b[k] != 0x0A { if b[k] == 0x5C { k += 1 }; k += 1 }
                i = k
            case 0x60:
                var k = i + 1
                while k < limit && b[k] != 0x60 {
                    if b[k] == 0x5C { k += 2; continue }
                    if b[k] == 0x24 && k + 1 < limit && b[k + 1] == 0x7B, let e = braceEnd(b, k + 1, limit: limit) { k = e + 1; continue }
                    k += 1
                }
                i = k
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Offset of the `</name` closing this element (same-name nesting counted), or nil.
    func closeOffset(_ b: [UInt8], limit: Int = 16_384) -> Int? {
        guard !selfClosing else { return nil }
        let open = Array("<\(name)".utf8), close = Array("</\(name)".utf8)
        var depth = 1
        var i = end
        let hi = min(b.count, end + limit)
        while i < hi {
            if b[i] == 0x3C {
                if G6Scan.hasLiteral(b, at: i, "</\(name)"), i + close.count < b.count, !MarkupTag.isNameByte(b[i + close.count]) {
                    depth -= 1
                    if depth == 0 { return i }
                } else if G6Scan.hasLiteral(b, at: i, "<\(name)"), i + open.count < b.count, !MarkupTag.isNameByte(b[i + open.count]) {
                    depth += 1
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether the children between `range` give an accessible name: text, an image with alt, an
    /// element with aria-label/title, or an expression that is not just markup.
    static func childrenHaveText(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if G6Scan.isSpace(c) { i += 1; continue }
            if c == 0x3C {
                if i + 1 < range.upperBound && b[i + 1] == 0x2F {
                    i = (G6Scan.firstIndex(b, of: ">", in: i..<range.upperBound) ?? range.upperBound) + 1
                    continue
                }
                if let t = MarkupTag.parse(b, at: i) {
                    if t.nonEmpty("aria-label") || t.nonEmpty("alt") || t.nonEmpty("title") || t.has("aria-labelledby") { return true }
                    if t.name == "title" { return true }
                    i = t.end
                    continue
                }
                return true
            }
            if c == 0x7B {
                guard let close = braceEnd(b, i, limit: range.upperBound) else { return true }
                let inner = trimmedText(b, (i + 1)..<close)
                i = close + 1
                if inner.isEmpty || inner.hasPrefix("/*") { continue }
                if inner.contains("<") {
                    var outside = ""
                    var depth = 0
                    for ch in inner {
                        if ch == "<" { depth += 1 } else if ch == ">" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(ch) }
                    }
                    if outside.contains("\"") || outside.contains("'") || outside.contains("`") { return true }
                    continue
                }
                if inner.lowercased().contains("icon") { continue }
                return true
            }
            return true
        }
        return false
    }
}
