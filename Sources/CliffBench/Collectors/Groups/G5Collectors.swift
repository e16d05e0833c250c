/// The implemented collectors of group G5 (pair tier: they need a before and an after app).
public enum G5Collectors {
    public static let all: [any Collector] = [
        ChangeLocalityCollector(),
        MigrationSafetyCollector(),
        TestEvolutionCollector(),
    ]
}
