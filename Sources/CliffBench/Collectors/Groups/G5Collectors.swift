/// The implemented collectors of group G5.
public enum G5Collectors {
    public static let all: [any Collector] = []
}
