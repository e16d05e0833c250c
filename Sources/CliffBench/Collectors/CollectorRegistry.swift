/// Every implemented collector, group by group. Each group folder owns its list.
public enum CollectorRegistry {
    public static let all: [any Collector] =
        G1Collectors.all + G2Collectors.all + G3Collectors.all + G4Collectors.all + G5Collectors.all
        + G6Collectors.all + G7Collectors.all

    /// The matcher compiled from every collector's rules.
    public static let matcher = PatternMatcher(rules: all.flatMap(\.rules))

    public static func collector(_ id: String) -> (any Collector)? { all.first { $0.id == id } }
}
