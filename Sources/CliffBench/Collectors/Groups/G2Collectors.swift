/// The implemented collectors of group G2.
public enum G2Collectors {
    public static let all: [any Collector] = [
        SchemaDesignCollector(),
        ServerValidationCollector(),
        ErrorHandlingCollector(),
        TestsCollector(),
        DependencyHygieneCollector(),
        ResidueCollector(),
        ArchitectureCollector(),
        MaintainabilityCollector(),
        ComplexityCollector(),
        DuplicationCollector(),
        OversizedUnitsCollector(),
        TypeSafetyCollector(),
    ]
}
