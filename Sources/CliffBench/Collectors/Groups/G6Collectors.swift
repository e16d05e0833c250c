/// The implemented collectors of group G6.
public enum G6Collectors {
    public static let all: [any Collector] = [
        DataLifecycleCollector(),
        AuditAndAdminCollector(),
        UXStatesCollector(),
        PrivacyCollector(),
        AccessibilityCollector(),
        NotificationsCollector(),
    ]
}
