/// The implemented collectors of group G7 (G7.P4 Effort-to-Fix is computed by scoring, in hours).
public enum G7Collectors {
    public static let all: [any Collector] = [
        DeployabilityCollector(),
        DurabilityCollector(),
        ObservabilityCollector(),
        HealthEndpointCollector(),
        ConfigSeparationCollector(),
        CIPipelineCollector(),
        GracefulShutdownCollector(),
        DocsRunbookCollector(),
        MigrationsRollbackCollector(),
    ]
}
