/// The implemented collectors of group G1.
public enum G1Collectors {
    public static let all: [any Collector] = [
        FrontendOnlyFeaturesCollector(),
        MockDataResidueCollector(),
        ClarificationsCollector(),
    ]
}
