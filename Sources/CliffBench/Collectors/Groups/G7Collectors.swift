/// The implemented collectors of group G7.
public enum G7Collectors {
    public static let all: [any Collector] = [
        ConfigSeparationCollector(),
    ]
}
