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
    /// The spelling when it is one the analysis knows (keywords, contextual words, operators), else `.none`.
    public var code: TokenCode
    /// 64-bit hash (`CodeHash.of`) of the token's spelling for names, keywords, punctuation and
    /// numbers; `CodeHash.literalClass` for string, template, regex and JSX-text literals, whose
    /// normal form is the class. `normalised` folds names and numbers to their class too.
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

    public init(offset: Int32, length: Int32, line: Int32, kind: CodeTokenKind, flags: Flags, code: TokenCode = .none, hash: UInt64) {
        self.offset = offset
        self.length = length
        self.line = line
        self.kind = kind
        self.flags = flags
        self.code = code
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
        case .keyword: return code.isLiteralKeyword ? CodeHash.literalClass : hash
        case .punctuation: return hash
        }
    }

    @inline(__always) public var end: Int { Int(offset) + Int(length) }
}

/// Spellings the analysis knows, one byte per token: keywords, contextual words and operators.
public enum TokenCode: UInt8, Sendable, Hashable {
    case none = 0
    case lparen  // (
    case rparen  // )
    case lbrace  // {
    case rbrace  // }
    case lbracket  // [
    case rbracket  // ]
    case lt  // <
    case gt  // >
    case comma  // ,
    case semicolon  // ;
    case colon  // :
    case dot  // .
    case optionalDot  // ?.
    case arrow  // =>
    case assign  // =
    case question  // ?
    case star  // *
    case at  // @
    case and  // &&
    case or  // ||
    case nullish  // ??
    case andAssign  // &&=
    case orAssign  // ||=
    case nullishAssign  // ??=
    case pipe  // |
    case amp  // &
    case slash  // /
    case hash  // #
    case backslash  // \\
    case thinArrow  // ->
    case spread  // ...
    case minus  // -
    case bang  // !
    case increment  // ++
    case decrement  // --
    case kFunction  // function
    case kAsync  // async
    case kAwait  // await
    case kClass  // class
    case kIf  // if
    case kElse  // else
    case kFor  // for
    case kWhile  // while
    case kDo  // do
    case kCase  // case
    case kCatch  // catch
    case kSwitch  // switch
    case kWith  // with
    case kReturn  // return
    case kConst  // const
    case kLet  // let
    case kVar  // var
    case kImport  // import
    case kExport  // export
    case kFrom  // from
    case kRequire  // require
    case kDefault  // default
    case kType  // type
    case kInterface  // interface
    case kAs  // as
    case kExtends  // extends
    case kNew  // new
    case kTypeof  // typeof
    case kYield  // yield
    case kThis  // this
    case kSuper  // super
    case kVoid  // void
    case kAny  // any
    case kStatic  // static
    case kGet  // get
    case kSet  // set
    case kPublic  // public
    case kPrivate  // private
    case kProtected  // protected
    case kReadonly  // readonly
    case kOverride  // override
    case kAbstract  // abstract
    case kDeclare  // declare
    case kAccessor  // accessor
    case kDef  // def
    case kElif  // elif
    case kExcept  // except
    case kLambda  // lambda
    case kSelf  // self
    case kCls  // cls
    case kIn  // in
    case kOf  // of
    case kThrow  // throw
    case kTry  // try
    case kEnum  // enum
    case kNamespace  // namespace
    case kModule  // module
    case kTrue  // true
    case kFalse  // false
    case kNull  // null
    case kUndefined  // undefined
    case kInstanceof  // instanceof
    case kSatisfies  // satisfies
    case kDelete  // delete
    case kKeyof  // keyof
    case kImplements  // implements
    case kBreak  // break
    case kContinue  // continue
    case kDebugger  // debugger
    case kFinally  // finally
    case kPackage  // package
    case kAndWord  // and
    case kOrWord  // or
    case kNot  // not
    case kIs  // is
    case kPass  // pass
    case kRaise  // raise
    case kAssert  // assert
    case kDel  // del
    case kGlobal  // global
    case kNonlocal  // nonlocal
    case kPyNone  // None
    case kPyTrue  // True
    case kPyFalse  // False
    // Names of data-access APIs.
    case nRpc  // rpc
    case nPrisma  // prisma
    case nDb  // db
    case nPool  // pool
    case nKnex  // knex
    case nKysely  // kysely
    case nSql  // sql
    case nFetch  // fetch
    case nQuery  // query
    case nSelect  // select
    case nInsert  // insert
    case nUpdate  // update
    case nExecute  // execute
    case nTransaction  // transaction
    case nSelectFrom  // selectFrom
    case nInsertInto  // insertInto
    case nDeleteFrom  // deleteFrom
    case nUpdateTable  // updateTable
    case nGetDocs  // getDocs
    case nGetDoc  // getDoc
    case nAddDoc  // addDoc
    case nSetDoc  // setDoc
    case nUpdateDoc  // updateDoc
    case nDeleteDoc  // deleteDoc
    case nOnSnapshot  // onSnapshot
    case nRunTransaction  // runTransaction
    case nWriteBatch  // writeBatch
    case nFindMany  // findMany
    case nFindUnique  // findUnique
    case nFindFirst  // findFirst
    case nFindUniqueOrThrow  // findUniqueOrThrow
    case nFindFirstOrThrow  // findFirstOrThrow
    case nCreate  // create
    case nCreateMany  // createMany
    case nUpdateMany  // updateMany
    case nUpsert  // upsert
    case nDeleteMany  // deleteMany
    case nCount  // count
    case nAggregate  // aggregate
    case nGroupBy  // groupBy

    /// `true`, `false`, `null`, `None`, `True`, `False`.
    @inline(__always) public var isLiteralKeyword: Bool {
        switch self {
        case .kTrue, .kFalse, .kNull, .kPyNone, .kPyTrue, .kPyFalse: return true
        default: return false
        }
    }

    /// Reserved words of JavaScript/TypeScript (kind `.keyword`); other known words stay identifiers.
    @inline(__always) public var isJSKeyword: Bool {
        switch self {
        case .kBreak, .kCase, .kCatch, .kClass, .kConst, .kContinue, .kDebugger, .kDefault, .kDelete, .kDo, .kElse, .kExport,
             .kExtends, .kFinally, .kFor, .kFunction, .kIf, .kImport, .kIn, .kInstanceof, .kLet, .kNew, .kReturn, .kSuper,
             .kSwitch, .kThis, .kThrow, .kTry, .kTypeof, .kVar, .kVoid, .kWhile, .kWith, .kYield, .kAsync, .kAwait, .kOf,
             .kTrue, .kFalse, .kNull, .kInterface, .kEnum, .kImplements, .kDeclare, .kAbstract, .kReadonly, .kPrivate,
             .kPublic, .kProtected, .kNamespace, .kKeyof, .kSatisfies, .kStatic:
            return true
        default:
            return false
        }
    }

    /// Python keywords.
    @inline(__always) public var isPythonKeyword: Bool {
        switch self {
        case .kPyFalse, .kPyNone, .kPyTrue, .kAndWord, .kAs, .kAssert, .kAsync, .kAwait, .kBreak, .kClass, .kContinue, .kDef,
             .kDel, .kElif, .kElse, .kExcept, .kFinally, .kFor, .kFrom, .kGlobal, .kIf, .kImport, .kIn, .kIs, .kLambda,
             .kNonlocal, .kNot, .kOrWord, .kPass, .kRaise, .kReturn, .kTry, .kWhile, .kWith, .kYield:
            return true
        default:
            return false
        }
    }

    /// Prisma model methods (`findMany`, `create`, `delete`, …).
    @inline(__always) public var isPrismaMethod: Bool {
        switch self {
        case .nFindMany, .nFindUnique, .nFindFirst, .nFindUniqueOrThrow, .nFindFirstOrThrow, .nCreate, .nCreateMany, .nUpdate,
             .nUpdateMany, .nUpsert, .kDelete, .nDeleteMany, .nCount, .nAggregate, .nGroupBy:
            return true
        default:
            return false
        }
    }

    /// Query-builder and driver calls on a `db`/`pool`/`knex`/`kysely` handle.
    @inline(__always) public var isQueryMethod: Bool {
        switch self {
        case .nSelect, .nInsert, .nUpdate, .kDelete, .nQuery, .nExecute, .nTransaction, .nSelectFrom, .nInsertInto, .nDeleteFrom,
             .nUpdateTable:
            return true
        default:
            return false
        }
    }

    /// Firestore reads and writes.
    @inline(__always) public var isFirestoreCall: Bool {
        switch self {
        case .nGetDocs, .nGetDoc, .nAddDoc, .nSetDoc, .nUpdateDoc, .nDeleteDoc, .nOnSnapshot, .nRunTransaction, .nWriteBatch:
            return true
        default:
            return false
        }
    }

    /// Database handles by their usual names.
    @inline(__always) public var isDatabaseHandle: Bool {
        switch self {
        case .nDb, .nPool, .nKnex, .nKysely: return true
        default: return false
        }
    }

    /// Every known spelling and its code.
    public static let spellings: [(String, TokenCode)] = [
        ("(", .lparen),
        (")", .rparen),
        ("{", .lbrace),
        ("}", .rbrace),
        ("[", .lbracket),
        ("]", .rbracket),
        ("<", .lt),
        (">", .gt),
        (",", .comma),
        (";", .semicolon),
        (":", .colon),
        (".", .dot),
        ("?.", .optionalDot),
        ("=>", .arrow),
        ("=", .assign),
        ("?", .question),
        ("*", .star),
        ("@", .at),
        ("&&", .and),
        ("||", .or),
        ("??", .nullish),
        ("&&=", .andAssign),
        ("||=", .orAssign),
        ("??=", .nullishAssign),
        ("|", .pipe),
        ("&", .amp),
        ("/", .slash),
        ("#", .hash),
        ("\\", .backslash),
        ("->", .thinArrow),
        ("...", .spread),
        ("-", .minus),
        ("!", .bang),
        ("++", .increment),
        ("--", .decrement),
        ("function", .kFunction),
        ("async", .kAsync),
        ("await", .kAwait),
        ("class", .kClass),
        ("if", .kIf),
        ("else", .kElse),
        ("for", .kFor),
        ("while", .kWhile),
        ("do", .kDo),
        ("case", .kCase),
        ("catch", .kCatch),
        ("switch", .kSwitch),
        ("with", .kWith),
        ("return", .kReturn),
        ("const", .kConst),
        ("let", .kLet),
        ("var", .kVar),
        ("import", .kImport),
        ("export", .kExport),
        ("from", .kFrom),
        ("require", .kRequire),
        ("default", .kDefault),
        ("type", .kType),
        ("interface", .kInterface),
        ("as", .kAs),
        ("extends", .kExtends),
        ("new", .kNew),
        ("typeof", .kTypeof),
        ("yield", .kYield),
        ("this", .kThis),
        ("super", .kSuper),
        ("void", .kVoid),
        ("any", .kAny),
        ("static", .kStatic),
        ("get", .kGet),
        ("set", .kSet),
        ("public", .kPublic),
        ("private", .kPrivate),
        ("protected", .kProtected),
        ("readonly", .kReadonly),
        ("override", .kOverride),
        ("abstract", .kAbstract),
        ("declare", .kDeclare),
        ("accessor", .kAccessor),
        ("def", .kDef),
        ("elif", .kElif),
        ("except", .kExcept),
        ("lambda", .kLambda),
        ("self", .kSelf),
        ("cls", .kCls),
        ("in", .kIn),
        ("of", .kOf),
        ("throw", .kThrow),
        ("try", .kTry),
        ("enum", .kEnum),
        ("namespace", .kNamespace),
        ("module", .kModule),
        ("true", .kTrue),
        ("false", .kFalse),
        ("null", .kNull),
        ("undefined", .kUndefined),
        ("instanceof", .kInstanceof),
        ("satisfies", .kSatisfies),
        ("delete", .kDelete),
        ("keyof", .kKeyof),
        ("implements", .kImplements),
        ("break", .kBreak),
        ("continue", .kContinue),
        ("debugger", .kDebugger),
        ("finally", .kFinally),
        ("package", .kPackage),
        ("and", .kAndWord),
        ("or", .kOrWord),
        ("not", .kNot),
        ("is", .kIs),
        ("pass", .kPass),
        ("raise", .kRaise),
        ("assert", .kAssert),
        ("del", .kDel),
        ("global", .kGlobal),
        ("nonlocal", .kNonlocal),
        ("None", .kPyNone),
        ("True", .kPyTrue),
        ("False", .kPyFalse),
        ("rpc", .nRpc),
        ("prisma", .nPrisma),
        ("db", .nDb),
        ("pool", .nPool),
        ("knex", .nKnex),
        ("kysely", .nKysely),
        ("sql", .nSql),
        ("fetch", .nFetch),
        ("query", .nQuery),
        ("select", .nSelect),
        ("insert", .nInsert),
        ("update", .nUpdate),
        ("execute", .nExecute),
        ("transaction", .nTransaction),
        ("selectFrom", .nSelectFrom),
        ("insertInto", .nInsertInto),
        ("deleteFrom", .nDeleteFrom),
        ("updateTable", .nUpdateTable),
        ("getDocs", .nGetDocs),
        ("getDoc", .nGetDoc),
        ("addDoc", .nAddDoc),
        ("setDoc", .nSetDoc),
        ("updateDoc", .nUpdateDoc),
        ("deleteDoc", .nDeleteDoc),
        ("onSnapshot", .nOnSnapshot),
        ("runTransaction", .nRunTransaction),
        ("writeBatch", .nWriteBatch),
        ("findMany", .nFindMany),
        ("findUnique", .nFindUnique),
        ("findFirst", .nFindFirst),
        ("findUniqueOrThrow", .nFindUniqueOrThrow),
        ("findFirstOrThrow", .nFindFirstOrThrow),
        ("create", .nCreate),
        ("createMany", .nCreateMany),
        ("updateMany", .nUpdateMany),
        ("upsert", .nUpsert),
        ("deleteMany", .nDeleteMany),
        ("count", .nCount),
        ("aggregate", .nAggregate),
        ("groupBy", .nGroupBy),
    ]
}

/// The analysis's 64-bit hash of a spelling: a word-at-a-time multiply-xorshift over the bytes and
/// the length. Stable across platforms and releases (unlike `Hasher`), cheap enough to compute for
/// every token while scanning it.
public enum CodeHash {
    public static let identifierClass: UInt64 = 0x4944_0000_0000_0001  // "ID"
    public static let literalClass: UInt64 = 0x4c49_5400_0000_0002  // "LIT"

    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let multiplier: UInt64 = 0xbf58_476d_1ce4_e5b9

    /// Mixes one little-endian word of up to 8 bytes into the state.
    @inline(__always) static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var x = (h ^ word) &* multiplier
        x ^= x >> 29
        return x
    }

    @inline(__always) static func finish(_ h: UInt64, length: Int) -> UInt64 {
        var x = (h ^ UInt64(truncatingIfNeeded: length)) &* seed
        x ^= x >> 32
        return x
    }

    @inline(__always) static func of(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = seed
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = mix(h, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h, word)
        }
        return finish(h, length: n)
    }

    public static func of(_ s: String) -> UInt64 {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return finish(seed, length: 0) }
        return bytes.withUnsafeBufferPointer { of($0.baseAddress!, $0.count) }
    }

    public static func of(_ s: StaticString) -> UInt64 { of(s.utf8Start, s.utf8CodeUnitCount) }
}

/// Open addressing: spelling hash → token code.
struct CodeTable: Sendable {
    private var keys: [UInt64]
    private var codes: [TokenCode]
    private let mask: Int

    static let shared = CodeTable()

    init() {
        var size = 64
        while size < TokenCode.spellings.count * 4 { size <<= 1 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        codes = [TokenCode](repeating: .none, count: size)
        for (spelling, code) in TokenCode.spellings {
            let h = CodeHash.of(spelling)
            var k = Int(truncatingIfNeeded: h >> 40) & mask
            while codes[k] != .none { k = (k + 1) & mask }
            keys[k] = h
            codes[k] = code
        }
    }

    @inline(__always) func code(_ h: UInt64) -> TokenCode {
        var k = Int(truncatingIfNeeded: h >> 40) & mask
        while true {
            let c = codes[k]
            if c == .none { return .none }
            if keys[k] == h { return c }
            k = (k + 1) & mask
        }
    }
}
