/// The harness version stored with every run.
public enum CliffBenchVersion {
    public static let current = "0.1.0"
}
