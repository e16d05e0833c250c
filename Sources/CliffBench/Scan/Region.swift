/// What a span of bytes is, as far as the lexer can tell.
public enum RegionKind: UInt8, Sendable {
    case code = 0
    case comment = 1
    case string = 2
    /// A regular-expression literal (JS).
    case regex = 3
}

/// Which kinds of region a rule or a search accepts.
public struct RegionFilter: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let code = RegionFilter(rawValue: 1 << 0)
    public static let comment = RegionFilter(rawValue: 1 << 1)
    public static let string = RegionFilter(rawValue: 1 << 2)
    public static let regex = RegionFilter(rawValue: 1 << 3)
    public static let any: RegionFilter = [.code, .comment, .string, .regex]
    /// Code and string literals: everything but comments.
    public static let live: RegionFilter = [.code, .string, .regex]

    public func accepts(_ kind: RegionKind) -> Bool {
        switch kind {
        case .code: contains(.code)
        case .comment: contains(.comment)
        case .string: contains(.string)
        case .regex: contains(.regex)
        }
    }
}

/// A non-code span: `[start, end)` byte offsets. Everything outside the spans is code.
public struct Region: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var kind: RegionKind
    public init(start: Int, end: Int, kind: RegionKind) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.kind = kind
    }
}
