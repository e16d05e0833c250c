/// A function-like unit of code: a function, method, arrow function, React component or Python `def`.
public struct CodeUnit: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// `function f() {}`, `function* g()`, `export default function () {}`.
        case function
        /// `(a) => …`, `a => …`, `async () => …`.
        case arrow
        /// Class and object-literal methods, getters, setters, constructors.
        case method
        /// Python `def` / `async def`.
        case def
    }

    /// `handleSubmit`, `Cart.total`, `useEffect callback`, `onClick handler`, `default export`.
    public var name: String
    public var kind: Kind
    /// Byte offset of the unit's name (or of its header's first token when it has none).
    public var offset: Int
    public var startLine: Int
    public var endLine: Int
    /// Token range of the whole unit (header and body), inclusive.
    public var firstToken: Int
    public var lastToken: Int
    public var parameters: Int
    /// McCabe cyclomatic complexity of the unit's own code (nested units excluded); see `FunctionFinder`.
    public var complexity: Int
    /// Non-blank, non-comment lines from the first to the last line of the unit, nested units included.
    public var linesOfCode: Int
    /// Lines of code whose first token belongs to this unit and not to a nested one.
    public var ownLinesOfCode: Int
    /// A function named in PascalCase that renders JSX (or is wrapped in `forwardRef`/`memo`).
    public var isComponent: Bool
    /// A callback or otherwise unnamed function (named after its callee or JSX attribute).
    public var isAnonymous: Bool
    /// Index of the innermost enclosing unit, or -1.
    public var parent: Int
    /// A callback whose body is JSX (`items.map((x) => (<Card>…</Card>))`): an inline component.
    public var rendersMarkup: Bool = false
}

/// Finds function-like units in a token stream and measures them.
///
/// **Units.** JS/TS: `function` declarations and expressions, arrow functions (block or expression
/// bodies), class and object-literal methods (with `async`/`static`/`get`/`set`/access modifiers and
/// decorators), and Python `def`s (bodies by indentation). Every function is its own unit, as ESLint's
/// `complexity` rule and SonarQube count them: an arrow passed as an argument (`items.map(x => …)`,
/// `useEffect(() => …)`) or as a JSX handler is an anonymous unit named after its callee
/// ("useEffect callback", "onClick handler"); `const X = forwardRef((…) => …)`, `memo`, `useCallback`
/// and `useMemo` name the callback after the variable. Arrow types in type positions (interfaces,
/// `type` aliases, parameter and variable annotations) are not units. Python lambdas stay part of
/// their enclosing unit.
///
/// **Cyclomatic complexity** (McCabe's *modified* variant, as Lizard's `-m` and radon count it; per
/// unit, decision points of nested units excluded): 1 + one for each `if` (so `else if` counts once,
/// `else` not at all), `for` (`for…in`/`of` included), `while`, `do` (its trailing `while` not
/// counted again), `switch` (once, however many `case`s: a switch that maps a status to a label is
/// one decision with many outcomes, not many decisions — the branching inside its cases still counts),
/// `catch`, `&&`, `||`, `??`, `&&=`, `||=`, `??=`, and each ternary `?` (not `?.`, and not the
/// TypeScript optional marker in `a?: T`). Python: 1 + `if` (comprehension and conditional-expression
/// `if`s included), `elif`, `for` (comprehension `for`s included), `while`, `except`, `and`, `or`.
/// Words in comments, strings and JSX text never count.
///
/// **Lines of code**: non-blank, non-comment lines (Python docstrings excluded). **Parameters**:
/// top-level entries of the parameter list (a destructured object is one), without Python's leading
/// `self`/`cls` and bare `*` or `/` markers.
public enum FunctionFinder {
    public static func units(_ code: TokenizedCode, bytes: [UInt8], language: Language) -> [CodeUnit] {
        guard !code.tokens.isEmpty else { return [] }
        var finder = Finder(t: code.tokens, bytes: bytes, language: language, jsx: code.jsxElements)
        if language == .python {
            finder.findPython()
        } else {
            finder.findJS()
        }
        finder.measure(code)
        return finder.units
    }

    /// Bracket partners: `match[i]` is the index of the bracket closing (or opening) token `i`, or -1.
    public static func brackets(_ t: [CodeToken]) -> [Int32] {
        var match = [Int32](repeating: -1, count: t.count)
        var stack: [Int32] = []
        stack.reserveCapacity(64)
        t.withUnsafeBufferPointer { tb in
            for k in 0..<tb.count {
                let c = tb[k].code
                guard c.rawValue >= TokenCode.lparen.rawValue && c.rawValue <= TokenCode.rbracket.rawValue else { continue }
                if c == .lparen || c == .lbrace || c == .lbracket {
                    stack.append(Int32(k))
                    continue
                }
                let want: TokenCode = c == .rparen ? .lparen : (c == .rbrace ? .lbrace : .lbracket)
                var d = stack.count - 1
                while d >= 0 && stack.count - d <= 4 && tb[Int(stack[d])].code != want { d -= 1 }
                guard d >= 0 && stack.count - d <= 4 else { continue }
                let o = Int(stack[d])
                match[o] = Int32(k)
                match[k] = Int32(o)
                stack.removeLast(stack.count - d)
            }
        }
        return match
    }

    static let wrappers: Set<String> = ["forwardRef", "memo", "useCallback", "useMemo", "observer"]
}

private struct Finder {
    let t: [CodeToken]
    let bytes: [UInt8]
    let language: Language
    let match: [Int32]
    let jsx: [Int32: Int32]
    var units: [CodeUnit] = []
    /// Token indices of `while`s that close a `do … while`.
    var doWhiles: Set<Int> = []

    init(t: [CodeToken], bytes: [UInt8], language: Language, jsx: [Int32: Int32]) {
        self.t = t
        self.bytes = bytes
        self.language = language
        self.jsx = jsx
        self.match = FunctionFinder.brackets(t)
    }

    /// Index just past the JSX element opening at `j`, if `j` opens one.
    @inline(__always) func pastElement(_ j: Int) -> Int? {
        guard t[j].flags.contains(.jsxOpen), let e = jsx[Int32(j)], Int(e) > j else { return nil }
        return Int(e) + 1
    }

    // MARK: token helpers

    @inline(__always) func punct(_ k: Int, _ h: TokenCode) -> Bool {
        k >= 0 && k < t.count && t[k].kind == .punctuation && t[k].code == h
    }

    @inline(__always) func word(_ k: Int, _ h: TokenCode) -> Bool {
        k >= 0 && k < t.count && (t[k].kind == .keyword || t[k].kind == .identifier) && t[k].code == h && !t[k].flags.contains(.member)
    }

    @inline(__always) func ident(_ k: Int) -> Bool { k >= 0 && k < t.count && t[k].kind == .identifier }

    @inline(__always) func nameLike(_ k: Int) -> Bool {
        k >= 0 && k < t.count && (t[k].kind == .identifier || t[k].kind == .keyword)
    }

    func text(_ k: Int) -> String {
        let s = Int(t[k].offset), e = min(bytes.count, s + Int(t[k].length))
        var str = String(decoding: bytes[s..<e], as: UTF8.self)
        if t[k].kind == .string, str.count >= 2 { str = String(str.dropFirst().dropLast()) }
        return str
    }

    @inline(__always) func m(_ k: Int) -> Int { Int(match[k]) }

    // MARK: JS / TS

    enum Tag: UInt8 { case none, classBody, typeBody, params }
    struct Open { var idx: Int; var tag: Tag; var name: Int }

    mutating func findJS() {
        var opens: [Open] = []
        opens.reserveCapacity(64)
        var handledParen = -1
        var pendingClass: (name: Int, depth: Int)?
        var pendingInterface: Int?
        var typeAliasEnd = -1
        let count = t.count
        var k = 0
        while k < count {
            let tok = t[k]
            let member = tok.flags.contains(.member)
            switch tok.kind {
            case .keyword where !member:
                let h = tok.code
                if h == TokenCode.kFunction {
                    if let p = functionKeyword(k, opens.last) { handledParen = p }
                } else if h == TokenCode.kClass {
                    pendingClass = (ident(k + 1) && !word(k + 1, TokenCode.kExtends) ? k + 1 : -1, opens.count)
                } else if h == TokenCode.kInterface {
                    pendingInterface = opens.count
                } else if h == TokenCode.kDo, punct(k + 1, TokenCode.lbrace), m(k + 1) > 0, word(m(k + 1) + 1, TokenCode.kWhile) {
                    doWhiles.insert(m(k + 1) + 1)
                } else if h == TokenCode.kAsync, ident(k + 1), punct(k + 2, TokenCode.arrow), !inType(k, typeAliasEnd, opens.last) {
                    arrow(headerStart: k, paramsOpen: k + 1, paramsClose: k + 1, arrowAt: k + 2, enclosing: opens.last)
                    k += 1
                }
            case .identifier where !member:
                if tok.code == TokenCode.kType, isStatementStart(k), ident(k + 1) {
                    typeAliasEnd = statementEnd(from: k + 2)
                } else if punct(k + 1, TokenCode.arrow), !inType(k, typeAliasEnd, opens.last) {
                    arrow(headerStart: k, paramsOpen: k, paramsClose: k, arrowAt: k + 1, enclosing: opens.last)
                }
            case .punctuation where tok.length == 1:
                let h = tok.code
                if h == TokenCode.lparen {
                    var tag = Tag.none
                    if k == handledParen {
                        tag = .params
                    } else if paren(k, enclosing: opens.last, typeAliasEnd: typeAliasEnd) {
                        tag = .params
                    }
                    opens.append(Open(idx: k, tag: tag, name: -1))
                } else if h == TokenCode.lbrace {
                    var open = Open(idx: k, tag: .none, name: -1)
                    if let pc = pendingClass, pc.depth == opens.count {
                        open.tag = .classBody
                        open.name = pc.name
                        pendingClass = nil
                    } else if let pi = pendingInterface, pi == opens.count {
                        open.tag = .typeBody
                        pendingInterface = nil
                    } else if k <= typeAliasEnd {
                        open.tag = .typeBody
                    } else if punct(k - 1, TokenCode.colon), isTypeColon(k - 1, enclosing: opens.last) {
                        open.tag = .typeBody
                    } else if let e = opens.last, e.tag == .typeBody {
                        open.tag = .typeBody
                    }
                    opens.append(open)
                } else if h == TokenCode.lbracket {
                    opens.append(Open(idx: k, tag: opens.last?.tag == .typeBody ? .typeBody : .none, name: -1))
                } else if h == TokenCode.rparen || h == TokenCode.rbrace || h == TokenCode.rbracket {
                    let o = m(k)
                    if o >= 0, let d = opens.lastIndex(where: { $0.idx == o }) {
                        opens.removeLast(opens.count - d)
                    }
                }
            default:
                break
            }
            k += 1
        }
    }

    func isStatementStart(_ k: Int) -> Bool {
        if k == 0 || t[k].flags.contains(.lineStart) { return true }
        return punct(k - 1, TokenCode.semicolon) || punct(k - 1, TokenCode.lbrace) || punct(k - 1, TokenCode.rbrace)
            || word(k - 1, TokenCode.kExport) || word(k - 1, TokenCode.kDeclare)
    }

    /// Whether the token at `k` sits in a type position (type alias, interface, type literal).
    func inType(_ k: Int, _ typeAliasEnd: Int, _ enclosing: Open?) -> Bool {
        if k <= typeAliasEnd { return true }
        if enclosing?.tag == .typeBody { return true }
        if k >= 1 && punct(k - 1, TokenCode.colon) && isTypeColon(k - 1, enclosing: enclosing) { return true }
        return false
    }

    /// A `:` that starts a type annotation (in a parameter list, a class field, `const x: T`), not an
    /// object property or a ternary branch.
    func isTypeColon(_ c: Int, enclosing: Open?) -> Bool {
        if let e = enclosing, e.tag == .params || e.tag == .classBody || e.tag == .typeBody { return true }
        if c >= 2 && ident(c - 1) && (word(c - 2, TokenCode.kConst) || word(c - 2, TokenCode.kLet) || word(c - 2, TokenCode.kVar)) { return true }
        return false
    }

    /// End of a statement that starts before `from`: the token before a `;` or before a line that
    /// cannot continue it, brackets skipped.
    func statementEnd(from: Int) -> Int {
        var j = from
        while j < t.count {
            if j > from, t[j].line > t[j - 1].line, isStatementKeyword(j) || canEnd(j - 1) && !canContinue(j) { return j - 1 }
            let tok = t[j]
            if let past = pastElement(j) { j = past; continue }
            if tok.kind == .punctuation {
                if punct(j, TokenCode.semicolon) { return j - 1 }
                if (punct(j, TokenCode.lparen) || punct(j, TokenCode.lbrace) || punct(j, TokenCode.lbracket)) && m(j) > j {
                    j = m(j) + 1
                    continue
                }
                if punct(j, TokenCode.rparen) || punct(j, TokenCode.rbrace) || punct(j, TokenCode.rbracket) { return j - 1 }
            }
            j += 1
        }
        return t.count - 1
    }

    /// End of an expression (a concise arrow body) starting at `from`.
    func expressionEnd(from: Int) -> Int {
        var j = from
        while j < t.count {
            if j > from, t[j].line > t[j - 1].line {
                if isStatementKeyword(j) { return j - 1 }
                if canEnd(j - 1) && !canContinue(j) { return j - 1 }
            }
            let tok = t[j]
            if let past = pastElement(j) { j = past; continue }
            if tok.kind == .punctuation {
                if (punct(j, TokenCode.lparen) || punct(j, TokenCode.lbrace) || punct(j, TokenCode.lbracket)) {
                    if m(j) > j { j = m(j) + 1; continue }
                    return t.count - 1
                }
                if punct(j, TokenCode.rparen) || punct(j, TokenCode.rbrace) || punct(j, TokenCode.rbracket)
                    || punct(j, TokenCode.comma) || punct(j, TokenCode.semicolon) {
                    return max(from, j - 1)
                }
            }
            j += 1
        }
        return t.count - 1
    }

    func isStatementKeyword(_ j: Int) -> Bool {
        guard t[j].kind == .keyword else { return false }
        let h = t[j].code
        return h == TokenCode.kConst || h == TokenCode.kLet || h == TokenCode.kVar || h == TokenCode.kFunction
            || h == TokenCode.kExport || h == TokenCode.kImport || h == TokenCode.kReturn || h == TokenCode.kIf
            || h == TokenCode.kFor || h == TokenCode.kWhile || h == TokenCode.kClass || h == TokenCode.kSwitch
            || h == TokenCode.kTry || h == TokenCode.kThrow || h == TokenCode.kInterface || h == TokenCode.kDo
    }

    /// A token that can end an expression (an operand or a closing bracket).
    func canEnd(_ j: Int) -> Bool {
        let tok = t[j]
        switch tok.kind {
        case .identifier, .number, .string: return true
        case .keyword:
            let h = tok.code
            return h == TokenCode.kThis || h == TokenCode.kTrue || h == TokenCode.kFalse || h == TokenCode.kNull || h == TokenCode.kSuper
                || h == TokenCode.kVoid
        case .punctuation:
            let h = tok.code
            return h == TokenCode.rparen || h == TokenCode.rbracket || h == TokenCode.rbrace || h == TokenCode.gt
                || h == TokenCode.increment || h == TokenCode.decrement
        }
    }

    /// A token that continues the expression of the previous line (a binary or member operator).
    func canContinue(_ j: Int) -> Bool {
        let tok = t[j]
        if tok.kind == .keyword {
            let h = tok.code
            return h == TokenCode.kInstanceof || h == TokenCode.kIn || h == TokenCode.kSatisfies
        }
        if tok.kind == .identifier { return tok.code == TokenCode.kAs || tok.code == TokenCode.kSatisfies }
        guard tok.kind == .punctuation else { return false }
        let h = tok.code
        if h == TokenCode.lparen || h == TokenCode.lbracket || h == TokenCode.lbrace || h == TokenCode.rparen
            || h == TokenCode.rbrace || h == TokenCode.rbracket || h == TokenCode.semicolon || h == TokenCode.bang
            || h == TokenCode.increment || h == TokenCode.decrement || h == TokenCode.at || h == TokenCode.hash {
            return false
        }
        return true
    }

    /// `function [*] [name] [<T>] (params) [: T] { body }`. Returns the parameter list's `(`.
    mutating func functionKeyword(_ k: Int, _ enclosing: Open?) -> Int? {
        var j = k + 1
        if punct(j, TokenCode.star) { j += 1 }
        var nameTok = -1
        if nameLike(j) && !punct(j, TokenCode.lparen) {
            nameTok = j
            j += 1
        }
        if punct(j, TokenCode.lt) { j = skipAngles(j) }
        guard punct(j, TokenCode.lparen), m(j) > j else { return nil }
        let p = j, q = m(j)
        guard let body = bodyAfter(q), punct(body, TokenCode.lbrace), m(body) > body else { return j }
        let hs = word(k - 1, TokenCode.kAsync) ? k - 1 : k
        var name: String
        var anon = false
        var wrapped = false
        var nameAt = nameTok
        if nameTok >= 0 {
            name = text(nameTok)
        } else {
            let c = contextName(hs, enclosing: enclosing)
            name = c.name
            anon = c.anonymous
            nameAt = c.nameTok
            wrapped = c.wrapper
        }
        add(name: name, kind: .function, nameTok: nameAt, headerStart: hs, paramsOpen: p, paramsClose: q, last: m(body),
            anonymous: anon, wrapped: wrapped)
        return p
    }

    /// After a parameter list's `)`: the `{` of a body (past a return type), or the `=>` of an arrow.
    func bodyAfter(_ q: Int) -> Int? {
        if punct(q + 1, TokenCode.lbrace) || punct(q + 1, TokenCode.arrow) { return q + 1 }
        guard punct(q + 1, TokenCode.colon) else { return nil }
        var j = q + 2
        var angle = 0
        var afterOperator = true
        var steps = 0
        while j < t.count && steps < 256 {
            steps += 1
            let tok = t[j]
            if tok.kind != .punctuation {
                afterOperator = false
                j += 1
                continue
            }
            let h = tok.code
            if h == TokenCode.lparen || h == TokenCode.lbracket {
                guard m(j) > j else { return nil }
                j = m(j) + 1
                afterOperator = false
                continue
            }
            if h == TokenCode.lbrace {
                if afterOperator || angle > 0 {
                    guard m(j) > j else { return nil }
                    j = m(j) + 1
                    afterOperator = false
                    continue
                }
                return j
            }
            if h == TokenCode.arrow {
                if angle == 0 && !afterOperator { return j }
                afterOperator = true
            } else if h == TokenCode.lt {
                angle += 1
                afterOperator = true
            } else if h == TokenCode.gt {
                angle -= 1
                if angle < 0 { return nil }
                afterOperator = false
            } else if h == TokenCode.pipe || h == TokenCode.amp || h == TokenCode.dot || h == TokenCode.question || h == TokenCode.colon {
                afterOperator = true
            } else if h == TokenCode.comma {
                if angle == 0 { return nil }
                afterOperator = true
            } else {
                return nil
            }
            j += 1
        }
        return nil
    }

    func skipAngles(_ lt: Int) -> Int {
        var depth = 0
        var j = lt
        while j < t.count && j - lt < 64 {
            if punct(j, TokenCode.lt) { depth += 1 } else if punct(j, TokenCode.gt) {
                depth -= 1
                if depth == 0 { return j + 1 }
            } else if punct(j, TokenCode.lbrace) || punct(j, TokenCode.lparen) || punct(j, TokenCode.lbracket), m(j) > j {
                j = m(j)
            } else if punct(j, TokenCode.semicolon) {
                return lt
            }
            j += 1
        }
        return lt
    }

    /// Index of the `<` matching the `>` at `gt`, or nil.
    func openingAngle(_ gt: Int) -> Int? {
        var depth = 0
        var j = gt
        while j >= 0 && gt - j < 64 {
            if punct(j, TokenCode.gt) { depth += 1 } else if punct(j, TokenCode.lt) {
                depth -= 1
                if depth == 0 { return j }
            } else if (punct(j, TokenCode.rparen) || punct(j, TokenCode.rbrace) || punct(j, TokenCode.rbracket)) && m(j) >= 0 && m(j) < j {
                j = m(j)
            } else if punct(j, TokenCode.semicolon) {
                return nil
            }
            j -= 1
        }
        return nil
    }

    /// A `(` that is not part of a `function` header: an arrow's parameters or a method's. Returns
    /// whether it opened a parameter list.
    mutating func paren(_ p: Int, enclosing: Open?, typeAliasEnd: Int) -> Bool {
        let q = m(p)
        guard q > p, let after = bodyAfter(q) else { return false }
        if punct(after, TokenCode.arrow) {
            var hs = p
            if punct(p - 1, TokenCode.gt), let lt = openingAngle(p - 1), !ident(lt - 1) { hs = lt }
            if word(hs - 1, TokenCode.kAsync) { hs -= 1 }
            if after != q + 1 && punct(p - 1, TokenCode.question) { return false }  // `c ? (a) : b => …`
            if inType(hs, typeAliasEnd, enclosing) { return false }
            arrow(headerStart: hs, paramsOpen: p, paramsClose: q, arrowAt: after, enclosing: enclosing)
            return true
        }
        // A method: `name(…) {`, with modifiers before the name.
        guard punct(after, TokenCode.lbrace), m(after) > after, enclosing?.tag != .typeBody else { return false }
        var n = p - 1
        if punct(n, TokenCode.gt) {
            guard let lt = openingAngle(n) else { return false }
            n = lt - 1
        }
        guard n >= 0 else { return false }
        var nameStart = n
        var name: String
        let tok = t[n]
        switch tok.kind {
        case .identifier:
            name = text(n)
        case .keyword:
            if isControlKeyword(tok.code) { return false }
            name = text(n)
        case .string, .number:
            name = text(n)
        case .punctuation:
            guard punct(n, TokenCode.rbracket), m(n) >= 0 else { return false }
            nameStart = m(n)
            name = "[computed]"
        }
        var b = nameStart - 1
        while b >= 0 && isModifier(b) { b -= 1 }
        guard methodContext(b) else { return false }
        if let e = enclosing, e.tag == .classBody, e.name >= 0 { name = text(e.name) + "." + name }
        add(name: name, kind: .method, nameTok: n, headerStart: b + 1, paramsOpen: p, paramsClose: q, last: m(after),
            anonymous: false, wrapped: false)
        return true
    }

    func isControlKeyword(_ h: TokenCode) -> Bool {
        h == TokenCode.kIf || h == TokenCode.kFor || h == TokenCode.kWhile || h == TokenCode.kSwitch || h == TokenCode.kCatch
            || h == TokenCode.kWith || h == TokenCode.kFunction || h == TokenCode.kReturn || h == TokenCode.kTypeof
            || h == TokenCode.kNew || h == TokenCode.kAwait || h == TokenCode.kYield || h == TokenCode.kDo || h == TokenCode.kElse
            || h == TokenCode.kIn || h == TokenCode.kOf || h == TokenCode.kInstanceof || h == TokenCode.kVoid
            || h == TokenCode.kThrow || h == TokenCode.kCase || h == TokenCode.kImport || h == TokenCode.kSuper || h == TokenCode.kThis
    }

    func isModifier(_ b: Int) -> Bool {
        let tok = t[b]
        if tok.kind == .punctuation { return tok.code == TokenCode.star || tok.code == TokenCode.hash }
        guard tok.kind == .identifier || tok.kind == .keyword, !tok.flags.contains(.member) else { return false }
        let h = tok.code
        return h == TokenCode.kAsync || h == TokenCode.kStatic || h == TokenCode.kGet || h == TokenCode.kSet || h == TokenCode.kPublic
            || h == TokenCode.kPrivate || h == TokenCode.kProtected || h == TokenCode.kReadonly || h == TokenCode.kOverride
            || h == TokenCode.kAbstract || h == TokenCode.kDeclare || h == TokenCode.kAccessor
    }

    /// What may precede a method's modifiers and name: a member separator, a body start, or a decorator.
    func methodContext(_ b: Int) -> Bool {
        if b < 0 { return true }
        let tok = t[b]
        guard tok.kind == .punctuation else {
            return ident(b) && punct(b - 1, TokenCode.at)  // `@Decorator method() {}`
        }
        let h = tok.code
        if h == TokenCode.lbrace || h == TokenCode.rbrace || h == TokenCode.semicolon || h == TokenCode.comma { return true }
        if h == TokenCode.rparen, m(b) >= 2 {  // `@Get(':id') method() {}`
            var s = m(b) - 1
            while s >= 2 && punct(s - 1, TokenCode.dot) && ident(s - 2) { s -= 2 }
            return ident(s) && punct(s - 1, TokenCode.at)
        }
        return false
    }

    mutating func arrow(headerStart hs: Int, paramsOpen p: Int, paramsClose q: Int, arrowAt a: Int, enclosing: Open?) {
        let last: Int
        if punct(a + 1, TokenCode.lbrace), m(a + 1) > a + 1 {
            last = m(a + 1)
        } else {
            last = expressionEnd(from: a + 1)
        }
        let c = contextName(hs, enclosing: enclosing)
        add(name: c.name, kind: .arrow, nameTok: c.nameTok, headerStart: hs, paramsOpen: p, paramsClose: q, last: max(a, last),
            anonymous: c.anonymous, wrapped: c.wrapper)
    }

    /// A name for an anonymous function from where it stands.
    func contextName(_ hs: Int, enclosing: Open?) -> (name: String, nameTok: Int, anonymous: Bool, wrapper: Bool) {
        let b = hs - 1
        guard b >= 0 else { return ("anonymous function", -1, true, false) }
        if punct(b, TokenCode.assign), let n = declaredName(b) { return (text(n), n, false, false) }
        if punct(b, TokenCode.colon), b >= 2, nameLike(b - 1) || t[b - 1].kind == .string,
           punct(b - 2, TokenCode.lbrace) || punct(b - 2, TokenCode.comma) {
            return (text(b - 1), b - 1, false, false)
        }
        if punct(b, TokenCode.lparen) || punct(b, TokenCode.comma), let e = enclosing, punct(e.idx, TokenCode.lparen) {
            var callee = e.idx - 1
            if punct(callee, TokenCode.gt), let lt = openingAngle(callee) { callee = lt - 1 }
            if ident(callee) {
                let calleeName = text(callee)
                if FunctionFinder.wrappers.contains(calleeName) {
                    var s = callee
                    while s >= 2 && punct(s - 1, TokenCode.dot) && ident(s - 2) { s -= 2 }
                    if punct(s - 1, TokenCode.assign), let n = declaredName(s - 1) { return (text(n), n, false, true) }
                    if punct(s - 1, TokenCode.lparen), let n = wrappedName(s - 1) { return (text(n), n, false, true) }
                }
                return ("\(calleeName) callback", -1, true, false)
            }
            return ("callback", -1, true, false)
        }
        if punct(b, TokenCode.lbrace), punct(b - 1, TokenCode.assign), nameLike(b - 2) {
            return ("\(text(b - 2)) handler", -1, true, false)
        }
        if word(b, TokenCode.kDefault) { return ("default export", -1, false, false) }
        return ("anonymous function", -1, true, false)
    }

    /// `const X = memo(forwardRef((…) => …))`: the variable around nested wrapper calls.
    func wrappedName(_ lp: Int) -> Int? {
        var callee = lp - 1
        if punct(callee, TokenCode.gt), let lt = openingAngle(callee) { callee = lt - 1 }
        guard ident(callee), FunctionFinder.wrappers.contains(text(callee)) else { return nil }
        var s = callee
        while s >= 2 && punct(s - 1, TokenCode.dot) && ident(s - 2) { s -= 2 }
        return punct(s - 1, TokenCode.assign) ? declaredName(s - 1) : nil
    }

    /// The name assigned by the `=` at `eq`: `const x =`, `x =`, `this.x =`, `const X: T<U> =`.
    func declaredName(_ eq: Int) -> Int? {
        let n = eq - 1
        guard n >= 0 else { return nil }
        if nameLike(n) && t[n].kind != .keyword || t[n].flags.contains(.member) {
            // `a.b.c =`: a member assignment when the chain starts a statement (not `x: React.FC =`).
            var b = n - 1
            if t[n].flags.contains(.member) {
                var head = n
                while head >= 2 && t[head].flags.contains(.member) && (punct(head - 1, .dot) || punct(head - 1, .optionalDot)) { head -= 2 }
                b = head - 1
                if b < 0 || t[head].flags.contains(.lineStart) || punct(b, .semicolon) || punct(b, .lbrace) || punct(b, .rbrace) { return n }
            } else {
                if b < 0 || t[n].flags.contains(.lineStart) { return n }
                if word(b, TokenCode.kConst) || word(b, TokenCode.kLet) || word(b, TokenCode.kVar) || isModifier(b) { return n }
                if punct(b, TokenCode.comma) || punct(b, TokenCode.lbrace) || punct(b, TokenCode.rbrace) || punct(b, TokenCode.semicolon)
                    || punct(b, TokenCode.lparen) { return n }
            }
        }
        var j = eq - 1
        var depth = 0
        var steps = 0
        while j >= 0 && steps < 48 {
            steps += 1
            let tok = t[j]
            if tok.kind == .punctuation {
                let h = tok.code
                if h == TokenCode.rparen || h == TokenCode.rbracket || h == TokenCode.rbrace || h == TokenCode.gt {
                    depth += 1
                } else if h == TokenCode.lparen || h == TokenCode.lbracket || h == TokenCode.lbrace || h == TokenCode.lt {
                    if depth == 0 { return nil }
                    depth -= 1
                } else if depth == 0 && h == TokenCode.colon {
                    return ident(j - 1) ? j - 1 : nil
                } else if depth == 0 && (h == TokenCode.semicolon || h == TokenCode.assign || h == TokenCode.arrow) {
                    return nil
                }
            }
            j -= 1
        }
        return nil
    }

    mutating func add(name: String, kind: CodeUnit.Kind, nameTok: Int, headerStart: Int, paramsOpen: Int, paramsClose: Int,
                      last: Int, anonymous: Bool, wrapped: Bool) {
        var first = min(headerStart, nameTok >= 0 ? nameTok : headerStart)
        // Declaration keywords and modifiers on the same line belong to the unit: `export const X =`.
        while first > 0 && t[first - 1].line == t[first].line && isDeclarationPrefix(first - 1) { first -= 1 }
        let params: Int
        if paramsOpen == paramsClose {
            params = 1
        } else {
            params = parameterCount(paramsOpen, paramsClose)
        }
        let at = nameTok >= 0 ? nameTok : headerStart
        var component = false
        if language != .python, let c = name.utf8.first, c >= 0x41 && c <= 0x5A, !name.contains(".") {
            if wrapped {
                component = true
            } else if !jsx.isEmpty {
                var j = first
                while j <= last && !t[j].flags.contains(.jsxOpen) { j += 1 }
                component = j <= last
            }
        }
        var markup = false
        if anonymous && kind == .arrow && !jsx.isEmpty {
            var j = paramsClose + 1
            while j <= last && j - paramsClose < 24 && !punct(j, TokenCode.arrow) { j += 1 }
            j += 1
            while j <= last && punct(j, TokenCode.lparen) { j += 1 }
            markup = j <= last && t[j].flags.contains(.jsxOpen)
        }
        units.append(CodeUnit(name: name, kind: kind, offset: Int(t[at].offset), startLine: Int(t[first].line),
                              endLine: endLine(last), firstToken: first, lastToken: last, parameters: params, complexity: 1,
                              linesOfCode: 0, ownLinesOfCode: 0, isComponent: component, isAnonymous: anonymous, parent: -1,
                              rendersMarkup: markup))
    }

    func isDeclarationPrefix(_ k: Int) -> Bool {
        let tok = t[k]
        guard tok.kind == .keyword || tok.kind == .identifier, !tok.flags.contains(.member) else { return false }
        let h = tok.code
        return h == TokenCode.kConst || h == TokenCode.kLet || h == TokenCode.kVar || h == TokenCode.kExport || h == TokenCode.kDefault
            || (language != .python && isModifier(k))
    }

    func endLine(_ last: Int) -> Int {
        let tok = t[last]
        guard tok.kind == .string else { return Int(tok.line) }
        var line = Int(tok.line)
        let s = Int(tok.offset), e = min(bytes.count, s + Int(tok.length))
        for k in s..<e where bytes[k] == 0x0A { line += 1 }
        return line
    }

    func parameterCount(_ open: Int, _ close: Int) -> Int {
        var count = 0
        var segStart = open + 1
        var j = open + 1
        var angle = 0
        let python = language == .python
        func closeSegment(_ end: Int) {
            guard end > segStart else { return }
            if python {
                if end - segStart == 1 && (punct(segStart, TokenCode.star) || punct(segStart, TokenCode.slash)) { return }
                if count == 0 && segStart == open + 1 && end - segStart <= 3 && (word(segStart, TokenCode.kSelf) || word(segStart, TokenCode.kCls)) {
                    return
                }
            }
            count += 1
        }
        while j < close {
            if (punct(j, TokenCode.lparen) || punct(j, TokenCode.lbrace) || punct(j, TokenCode.lbracket)) && m(j) > j && m(j) < close {
                j = m(j) + 1
                continue
            }
            if !python {
                if punct(j, TokenCode.lt) { angle += 1 } else if punct(j, TokenCode.gt) { angle = max(0, angle - 1) }
            }
            if punct(j, TokenCode.comma) && angle == 0 {
                closeSegment(j)
                segStart = j + 1
            }
            j += 1
        }
        closeSegment(close)
        return count
    }

    // MARK: Python

    mutating func findPython() {
        // Logical line starts: first token of a physical line, outside brackets, not after a backslash.
        var depth = 0
        var starts: [Int] = []
        for k in 0..<t.count {
            let tok = t[k]
            if tok.flags.contains(.lineStart) && depth == 0 && !(k > 0 && punct(k - 1, TokenCode.backslash)) {
                starts.append(k)
            }
            if tok.kind == .punctuation && tok.length == 1 {
                let h = tok.code
                if h == TokenCode.lparen || h == TokenCode.lbracket || h == TokenCode.lbrace { depth += 1 } else if h == TokenCode.rparen || h == TokenCode.rbracket || h == TokenCode.rbrace {
                    depth = max(0, depth - 1)
                }
            }
        }
        struct Block { var isClass: Bool; var name: String; var last: Int }
        var blocks: [Block] = []
        for (si, k) in starts.enumerated() {
            while let b = blocks.last, b.last < k { blocks.removeLast() }
            var d = k
            if word(d, TokenCode.kAsync) { d += 1 }
            let isDef = word(d, TokenCode.kDef)
            let isClass = word(d, TokenCode.kClass)
            guard (isDef || isClass), ident(d + 1) else { continue }
            let indent = self.indent(k)
            // Header colon: the first `:` outside brackets after the name.
            var j = d + 2
            while j < t.count && !punct(j, TokenCode.colon) {
                if (punct(j, TokenCode.lparen) || punct(j, TokenCode.lbracket)) && m(j) > j { j = m(j) }
                j += 1
            }
            guard j < t.count else { continue }
            var last = t.count - 1
            var s = si + 1
            while s < starts.count {
                let ks = starts[s]
                if ks > j && self.indent(ks) <= indent { last = ks - 1; break }
                s += 1
            }
            var name = text(d + 1)
            if isDef {
                if let b = blocks.last, b.isClass { name = b.name + "." + name }
                let p = d + 2
                let q = punct(p, TokenCode.lparen) && m(p) > p ? m(p) : p
                add(name: name, kind: .def, nameTok: d + 1, headerStart: k, paramsOpen: p, paramsClose: q == p ? p : q,
                    last: max(j, last), anonymous: false, wrapped: false)
                if q == p { units[units.count - 1].parameters = 0 }
            }
            blocks.append(Block(isClass: isClass, name: name, last: max(j, last)))
        }
    }

    func indent(_ k: Int) -> Int {
        var s = Int(t[k].offset)
        var n = 0
        while s > 0 && bytes[s - 1] != 0x0A { s -= 1; n += 1 }
        return n
    }

    // MARK: Measures

    mutating func measure(_ code: TokenizedCode) {
        guard !units.isEmpty else { return }
        units.sort { ($0.firstToken, -$0.lastToken) < ($1.firstToken, -$1.lastToken) }
        // Prefix sums of code lines.
        var prefix = [Int32](repeating: 0, count: code.codeLine.count + 1)
        for l in 0..<code.codeLine.count { prefix[l + 1] = prefix[l] + Int32(code.codeLine[l]) }
        func loc(_ a: Int, _ b: Int) -> Int {
            let lo = max(0, min(a, code.codeLine.count)), hi = max(lo, min(b + 1, code.codeLine.count))
            return Int(prefix[hi] - prefix[lo])
        }
        for u in units.indices { units[u].linesOfCode = loc(units[u].startLine, units[u].endLine) }

        // Token spans in plain arrays: the sweep must not touch the units' strings.
        let count = units.count
        let firsts = units.map(\.firstToken), lasts = units.map(\.lastToken)
        var parents = [Int](repeating: -1, count: count)
        var complexity = [Int](repeating: 1, count: count)
        var own = [Int](repeating: 0, count: count)
        var stack: [Int] = []
        var next = 0
        let python = language == .python
        let codeLine = code.codeLine
        t.withUnsafeBufferPointer { tb in
            for k in 0..<tb.count {
                while let top = stack.last, lasts[top] < k { stack.removeLast() }
                while next < count && firsts[next] <= k {
                    while let top = stack.last, lasts[top] < firsts[next] { stack.removeLast() }
                    parents[next] = stack.last ?? -1
                    stack.append(next)
                    next += 1
                }
                guard let owner = stack.last else { continue }
                let tok = tb[k]
                if tok.flags.contains(.lineStart) {
                    let l = Int(tok.line)
                    if l < codeLine.count && codeLine[l] != 0 { own[owner] += 1 }
                }
                if tok.code != .none && (python ? isPythonDecision(tok) : isJSDecision(k, tok)) { complexity[owner] += 1 }
            }
        }
        for u in 0..<count {
            units[u].parent = parents[u]
            units[u].complexity = complexity[u]
            units[u].ownLinesOfCode = own[u]
        }
    }

    @inline(__always) func isJSDecision(_ k: Int, _ tok: CodeToken) -> Bool {
        switch tok.code {
        case .kIf, .kFor, .kDo, .kSwitch, .kCatch:
            return tok.kind == .keyword && !tok.flags.contains(.member)
        case .kWhile:
            return tok.kind == .keyword && !tok.flags.contains(.member) && !doWhiles.contains(k)
        case .and, .or, .nullish, .andAssign, .orAssign, .nullishAssign:
            return true
        case .question:
            guard k + 1 < t.count else { return false }
            switch t[k + 1].code {
            case .colon, .comma, .rparen, .assign, .rbracket, .semicolon: return false
            default: return true
            }
        default:
            return false
        }
    }

    @inline(__always) func isPythonDecision(_ tok: CodeToken) -> Bool {
        guard tok.kind == .keyword else { return false }
        switch tok.code {
        case .kIf, .kElif, .kFor, .kWhile, .kExcept, .kAndWord, .kOrWord: return true
        default: return false
        }
    }
}
