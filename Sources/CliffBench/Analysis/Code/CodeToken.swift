/// The lexical class of a code token.
public enum CodeTokenKind: UInt8, Sendable {
    case identifier, keyword, number, string, punctuation
}

/// One token of program code: 24 bytes, no text. Comments are not tokens; a string, template or
/// regex literal (or a run of JSX text) is one `.string` token.
public struct CodeToken: Sendable, Hashable {
    /// Byte offset of the token's first byte in the file.
    public var offset: Int32
    public var length: Int32
    /// 1-based line of the token's first byte.
    public var line: Int32
    public var kind: CodeTokenKind
    public var flags: Flags
    /// FNV-1a 64 of the token's bytes: the normal form of keywords and punctuation, and the exact
    /// spelling of identifiers and literals (`normalised` folds those to their class).
    public var hash: UInt64

    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first token on its physical line.
        public static let lineStart = Flags(rawValue: 1 << 0)
        /// A `<` that opens a JSX element or fragment.
        public static let jsxOpen = Flags(rawValue: 1 << 1)
        /// A run of JSX text (a `.string` token).
        public static let jsxText = Flags(rawValue: 1 << 2)
        /// A Python statement that is only a string (docstring): not a line of code.
        public static let docstring = Flags(rawValue: 1 << 3)
        /// Follows `.` or `?.`: a property name even when spelled like a keyword.
        public static let member = Flags(rawValue: 1 << 4)
        /// A JSX element or attribute name (`div`, `Button`, `className`, `onClick`).
        public static let jsxName = Flags(rawValue: 1 << 5)
    }

    public init(offset: Int32, length: Int32, line: Int32, kind: CodeTokenKind, flags: Flags, hash: UInt64) {
        self.offset = offset
        self.length = length
        self.line = line
        self.kind = kind
        self.flags = flags
        self.hash = hash
    }

    /// Hash of the normalised form used for clone detection: identifiers (variables, parameters,
    /// properties, declared names) → `ID`, number and string literals (and `true`/`false`/`null`/
    /// `None`…) → `LIT`; keywords, punctuation and JSX element and attribute names — the vocabulary of
    /// the markup — as spelled. A copy with renamed variables, fields and texts still matches; two
    /// unrelated JSX trees of the same shape (`<div className>` vs `<Button variant>`) do not.
    @inline(__always) public var normalised: UInt64 {
        switch kind {
        case .identifier: return flags.contains(.jsxName) ? hash : CodeHash.identifierClass
        case .number, .string: return CodeHash.literalClass
        case .keyword: return CodeHash.isLiteralKeyword(hash) ? CodeHash.literalClass : hash
        case .punctuation: return hash
        }
    }

    @inline(__always) public var end: Int { Int(offset) + Int(length) }

    /// Whether the token's bytes are exactly `word` (by hash and length).
    @inline(__always) public func `is`(_ h: UInt64) -> Bool { hash == h }
}

/// FNV-1a 64 hashes of the spellings the analysis looks for.
public enum CodeHash {
    @inline(__always) public static func of(_ s: StaticString) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let p = s.utf8Start
        for i in 0..<s.utf8CodeUnitCount { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always) public static func of(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always) static func of(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        return h
    }

    public static let identifierClass: UInt64 = 0x4944_0000_0000_0001  // "ID"
    public static let literalClass: UInt64 = 0x4c49_5400_0000_0002  // "LIT"

    /// `true`, `false`, `null`, `None`, `True`, `False`.
    @inline(__always) static func isLiteralKeyword(_ h: UInt64) -> Bool {
        h == 0x5b5c98ef514dbfa5 || h == 0xb5fae2c14238b978 || h == 0x5b9bc4ba528108e4
            || h == 0x669b18c6d2d9c95b || h == 0x85ea99fb52be3385 || h == 0x7254ca27b16ae2d8
    }

    // Spellings the analysis looks for, as FNV-1a 64 constants (checked against `of(_:)` by the tests).
    public static let lparen: UInt64 = 0xaf63a54c86018f17  // "("
    public static let rparen: UInt64 = 0xaf63a44c86018d64  // ")"
    public static let lbrace: UInt64 = 0xaf63f64c860218ba  // "{"
    public static let rbrace: UInt64 = 0xaf63f04c86020e88  // "}"
    public static let lbracket: UInt64 = 0xaf64164c86024f1a  // "["
    public static let rbracket: UInt64 = 0xaf64104c860244e8  // "]"
    public static let lt: UInt64 = 0xaf63b14c8601a37b  // "<"
    public static let gt: UInt64 = 0xaf63b34c8601a6e1  // ">"
    public static let comma: UInt64 = 0xaf63a14c8601884b  // ","
    public static let semicolon: UInt64 = 0xaf63b64c8601abfa  // ";"
    public static let colon: UInt64 = 0xaf63b74c8601adad  // ":"
    public static let dot: UInt64 = 0xaf63a34c86018bb1  // "."
    public static let optionalDot: UInt64 = 0x080cf807b4cb5f00  // "?."
    public static let arrow: UInt64 = 0x08068807b4c63502  // "=>"
    public static let assign: UInt64 = 0xaf63b04c8601a1c8  // "="
    public static let question: UInt64 = 0xaf63b24c8601a52e  // "?"
    public static let star: UInt64 = 0xaf63a74c8601927d  // "*"
    public static let at: UInt64 = 0xaf63fd4c8602249f  // "@"
    public static let and: UInt64 = 0x07bf2207b489850d  // "&&"
    public static let or: UInt64 = 0x08e34c07b581a8a5  // "||"
    public static let nullish: UInt64 = 0x080d0907b4cb7be3  // "??"
    public static let andAssign: UInt64 = 0xb34c0317c5ad5090  // "&&="
    public static let orAssign: UInt64 = 0x9be2c9196b517a48  // "||="
    public static let nullishAssign: UInt64 = 0x79a2361835c37a3a  // "??="
    public static let pipe: UInt64 = 0xaf63f14c8602103b  // "|"
    public static let amp: UInt64 = 0xaf639b4c86017e19  // "&"
    public static let slash: UInt64 = 0xaf63a24c860189fe  // "/"
    public static let hash: UInt64 = 0xaf639e4c86018332  // "#"
    public static let backslash: UInt64 = 0xaf64114c8602469b  // "\\"
    public static let thinArrow: UInt64 = 0x07d00807b497cc12  // "->"
    public static let spread: UInt64 = 0xf7d93e17ec4b1219  // "..."
    public static let minus: UInt64 = 0xaf63a04c86018698  // "-"
    public static let bang: UInt64 = 0xaf639c4c86017fcc  // "!"
    public static let or2: UInt64 = 0x08b05407b5565ca4  // "or"
    public static let and2: UInt64 = 0xe6f79719051ff286  // "and"
    public static let kFunction: UInt64 = 0x02284cbb38b9cf89  // "function"
    public static let kAsync: UInt64 = 0x7268f9bc90cbb82f  // "async"
    public static let kAwait: UInt64 = 0x030ad89d85a5364d  // "await"
    public static let kClass: UInt64 = 0xd11655952fcbab9f  // "class"
    public static let kIf: UInt64 = 0x08b73007b55c3e26  // "if"
    public static let kElse: UInt64 = 0x7f2b6c605332dd30  // "else"
    public static let kFor: UInt64 = 0xdcb27818fed9da90  // "for"
    public static let kWhile: UInt64 = 0xce87a3885811296e  // "while"
    public static let kDo: UInt64 = 0x08915907b53bb494  // "do"
    public static let kCase: UInt64 = 0xb55e6190e8792fd1  // "case"
    public static let kCatch: UInt64 = 0xc1b2e33b13ec076c  // "catch"
    public static let kSwitch: UInt64 = 0xa5a87ac5b0b379b1  // "switch"
    public static let kWith: UInt64 = 0xa66b06f655a0c2e9  // "with"
    public static let kReturn: UInt64 = 0xc5c7b983377cad5f  // "return"
    public static let kConst: UInt64 = 0x65c9718e19e3df34  // "const"
    public static let kLet: UInt64 = 0x127284191dcc577a  // "let"
    public static let kVar: UInt64 = 0x690418194ed15d3e  // "var"
    public static let kImport: UInt64 = 0xf4d30088534a1af4  // "import"
    public static let kExport: UInt64 = 0xedb2d39755161f73  // "export"
    public static let kFrom: UInt64 = 0x7f845078d7a5c0b5  // "from"
    public static let kRequire: UInt64 = 0x9336e4b8d1137564  // "require"
    public static let kDefault: UInt64 = 0xebada5168620c5fe  // "default"
    public static let kType: UInt64 = 0xa79439ef7bfa9c2d  // "type"
    public static let kInterface: UInt64 = 0xa0bc8eb4d76a3890  // "interface"
    public static let kAs: UInt64 = 0x089c5507b545b54d  // "as"
    public static let kExtends: UInt64 = 0x56e726912608920e  // "extends"
    public static let kNew: UInt64 = 0x2138d5192571b731  // "new"
    public static let kTypeof: UInt64 = 0x6904003f4c35b8c0  // "typeof"
    public static let kYield: UInt64 = 0x2924163ad747d0ee  // "yield"
    public static let kThis: UInt64 = 0x2587bcef32493841  // "this"
    public static let kSuper: UInt64 = 0xd0d708b40e957634  // "super"
    public static let kVoid: UInt64 = 0x3173c900e37ae1df  // "void"
    public static let kAny: UInt64 = 0xe6f7b419052023cd  // "any"
    public static let kStatic: UInt64 = 0xc534816d6d11e97b  // "static"
    public static let kGet: UInt64 = 0xd4e26318faaa79f7  // "get"
    public static let kSet: UInt64 = 0x823b87195ce20e23  // "set"
    public static let kPublic: UInt64 = 0xf4b72165f60f5b60  // "public"
    public static let kPrivate: UInt64 = 0xc5a11c2dd9ab8cec  // "private"
    public static let kProtected: UInt64 = 0x38fe7925726e5cbd  // "protected"
    public static let kReadonly: UInt64 = 0x9e0e972928236e97  // "readonly"
    public static let kOverride: UInt64 = 0xc5726f7f4345bb1d  // "override"
    public static let kAbstract: UInt64 = 0xc8beca9cc149b9f3  // "abstract"
    public static let kDeclare: UInt64 = 0x517eab08b2394165  // "declare"
    public static let kAccessor: UInt64 = 0x463c3859bbaaf89a  // "accessor"
    public static let kDef: UInt64 = 0xca9a1a18f461e4cc  // "def"
    public static let kElif: UInt64 = 0x7f096f605315fbe3  // "elif"
    public static let kExcept: UInt64 = 0x6e815727576f5930  // "except"
    public static let kLambda: UInt64 = 0x826b4caaf325324a  // "lambda"
    public static let kSelf: UInt64 = 0x2d19e518d40792b7  // "self"
    public static let kCls: UInt64 = 0xf60804190d03ba4b  // "cls"
    public static let kIn: UInt64 = 0x08b73807b55c4bbe  // "in"
    public static let kOf: UInt64 = 0x08b06007b5567108  // "of"
    public static let kThrow: UInt64 = 0x5a5fe3720c9584cf  // "throw"
    public static let kTry: UInt64 = 0x570ac119447423ee  // "try"
    public static let kEnum: UInt64 = 0x915ea6605dc15d80  // "enum"
    public static let kNamespace: UInt64 = 0xdc1c4a04cb5c6da0  // "namespace"
    public static let kModule: UInt64 = 0x43e6a23362b6dadd  // "module"
    public static let kTrue: UInt64 = 0x5b5c98ef514dbfa5  // "true"
    public static let kFalse: UInt64 = 0xb5fae2c14238b978  // "false"
    public static let kNull: UInt64 = 0x5b9bc4ba528108e4  // "null"
    public static let kUndefined: UInt64 = 0x22a0e850add468a3  // "undefined"
    public static let kInstanceof: UInt64 = 0x3bc74dd14c6ef5f3  // "instanceof"
    public static let kSatisfies: UInt64 = 0x24892d161593a5ba  // "satisfies"
    public static let kDelete: UInt64 = 0xf3fe6b5fdb85d50a  // "delete"
}
