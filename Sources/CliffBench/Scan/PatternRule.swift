/// A rule the shared matcher runs over every file in one pass: literal anchors, where they
/// count, and in which languages. Collectors confirm the hits they care about afterwards.
public struct PatternRule: Sendable {
    /// Unique, "<metric>/<name>", e.g. "G4.P1/jwt".
    public var id: String
    /// Any of these literals anchors a hit (ASCII; at least 3 bytes each).
    public var literals: [String]
    public var caseSensitive: Bool
    /// The region kinds in which a hit counts.
    public var regions: RegionFilter
    /// Languages the rule runs on; nil for every language.
    public var languages: Set<Language>?
    /// The byte before the hit must not be an identifier byte (letter, digit, `_`, `$`).
    public var wordStart: Bool
    /// The same rule as a ripgrep regex, for the benchmark's reference run only.
    public var regexEquivalent: String

    public init(
        id: String, literals: [String], caseSensitive: Bool = true, regions: RegionFilter = .live,
        languages: Set<Language>? = nil, wordStart: Bool = false, regexEquivalent: String
    ) {
        self.id = id
        self.literals = literals
        self.caseSensitive = caseSensitive
        self.regions = regions
        self.languages = languages
        self.wordStart = wordStart
        self.regexEquivalent = regexEquivalent
    }
}

/// A place where a rule's literal occurs in a file, after the rule's region and language filters.
public struct RuleHit: Sendable, Hashable {
    /// Index of the rule in the compiled set.
    public var rule: Int32
    /// Byte offset of the literal's first byte.
    public var offset: Int32
    /// Length of the literal that matched.
    public var length: Int32
}
