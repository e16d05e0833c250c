/// The implemented collectors of group G3.
public enum G3Collectors {
    public static let all: [any Collector] = [
        IntegrationRealityCollector(),
        BackgroundJobsCollector(),
        AIIntegrationCollector(),
        WebhookVerificationCollector(),
        OutboundResilienceCollector(),
        UploadRestrictionsCollector(),
        AuthLifecycleCollector(),
        IntegrationConfigCollector(),
    ]
}
