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
    }

    public init(offset: Int32, length: Int32, line: Int32, kind: CodeTokenKind, flags: Flags, hash: UInt64) {
        self.offset = offset
        self.length = length
        self.line = line
        self.kind = kind
        self.flags = flags
        self.hash = hash
    }

    /// Hash of the normalised form used for clone detection: identifiers → `ID`, number and string
    /// literals (and `true`/`false`/`null`/`None`…) → `LIT`, keywords and punctuation as spelled.
    @inline(__always) public var normalised: UInt64 {
        switch kind {
        case .identifier: return CodeHash.identifierClass
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

    static let literalKeywords: [UInt64] = ["true", "false", "null", "None", "True", "False"].map { of($0) }
    @inline(__always) static func isLiteralKeyword(_ h: UInt64) -> Bool { literalKeywords.contains(h) }

    // Punctuation.
    public static let lparen = of("("), rparen = of(")"), lbrace = of("{"), rbrace = of("}")
    public static let lbracket = of("["), rbracket = of("]"), lt = of("<"), gt = of(">")
    public static let comma = of(","), semicolon = of(";"), colon = of(":"), dot = of("."), optionalDot = of("?.")
    public static let arrow = of("=>"), assign = of("="), question = of("?"), star = of("*"), at = of("@")
    public static let and = of("&&"), or = of("||"), nullish = of("??")
    public static let andAssign = of("&&="), orAssign = of("||="), nullishAssign = of("??=")
    public static let pipe = of("|"), amp = of("&"), slash = of("/"), hash = of("#"), backslash = of("\\")
    public static let thinArrow = of("->"), spread = of("..."), minus = of("-"), bang = of("!")
    public static let or2 = of("or"), and2 = of("and")

    // Keywords and contextual words.
    public static let kFunction = of("function"), kAsync = of("async"), kAwait = of("await"), kClass = of("class")
    public static let kIf = of("if"), kElse = of("else"), kFor = of("for"), kWhile = of("while"), kDo = of("do")
    public static let kCase = of("case"), kCatch = of("catch"), kSwitch = of("switch"), kWith = of("with")
    public static let kReturn = of("return"), kConst = of("const"), kLet = of("let"), kVar = of("var")
    public static let kImport = of("import"), kExport = of("export"), kFrom = of("from"), kRequire = of("require")
    public static let kDefault = of("default"), kType = of("type"), kInterface = of("interface"), kAs = of("as")
    public static let kExtends = of("extends"), kNew = of("new"), kTypeof = of("typeof"), kYield = of("yield")
    public static let kThis = of("this"), kSuper = of("super"), kVoid = of("void"), kAny = of("any")
    public static let kStatic = of("static"), kGet = of("get"), kSet = of("set"), kPublic = of("public")
    public static let kPrivate = of("private"), kProtected = of("protected"), kReadonly = of("readonly")
    public static let kOverride = of("override"), kAbstract = of("abstract"), kDeclare = of("declare"), kAccessor = of("accessor")
    public static let kDef = of("def"), kElif = of("elif"), kExcept = of("except"), kLambda = of("lambda")
    public static let kSelf = of("self"), kCls = of("cls"), kIn = of("in"), kOf = of("of"), kThrow = of("throw")
    public static let kTry = of("try"), kEnum = of("enum"), kNamespace = of("namespace"), kModule = of("module")
    public static let kTrue = of("true"), kFalse = of("false"), kNull = of("null"), kUndefined = of("undefined")
    public static let kInstanceof = of("instanceof"), kSatisfies = of("satisfies"), kDelete = of("delete")
}
