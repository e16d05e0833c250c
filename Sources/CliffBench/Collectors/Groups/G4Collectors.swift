/// The implemented collectors of group G4.
public enum G4Collectors {
    public static let all: [any Collector] = [
        SecretExposureCollector(),
        ConcurrencyCollector(),
        LoadBehaviourCollector(),
        RLSPoliciesCollector(),
        InjectionCollector(),
        ClientSideAuthCollector(),
        CSRFCollector(),
        RateLimitingCollector(),
        JWTHandlingCollector(),
        PasswordStorageCollector(),
        TransportHeadersCollector(),
        TokenStorageCollector(),
        AccessControlCollector(),
    ]
}
