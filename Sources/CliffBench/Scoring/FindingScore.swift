import Foundation

/// Turns findings and ratios into 0–100 scores (higher is better).
public enum FindingScore {
    /// Share of the score one finding of each severity takes away; findings compound
    /// multiplicatively, so many lows never cost as much as one critical.
    public static func weight(_ s: Severity) -> Double {
        switch s {
        case .critical: 0.6
        case .high: 0.3
        case .medium: 0.12
        case .low: 0.04
        case .info: 0
        }
    }

    /// 100 × Π(1 − weight) over the findings, rounded to one decimal.
    public static func score(_ findings: [Finding]) -> Double {
        var v = 100.0
        for f in findings { v *= 1 - weight(f.severity) }
        return round1(v)
    }

    /// Share of `good` out of `total`, as 0–100.
    public static func share(_ good: Int, of total: Int) -> Double {
        guard total > 0 else { return 100 }
        return round1(100 * Double(good) / Double(total))
    }

    /// Lighthouse-style log-normal curve: `value` at `median` scores 50, at `p10` scores 90;
    /// lower raw values are better.
    public static func logNormal(_ value: Double, p10: Double, median: Double) -> Double {
        guard value > 0 else { return 100 }
        let mu = log(median)
        let sigma = (log(median) - log(p10)) / 1.2815515655446004 // z(0.9)
        guard sigma > 0 else { return value <= median ? 100 : 0 }
        let z = (log(value) - mu) / sigma
        let s = 0.5 * erfc(z / 2.0.squareRoot())
        return round1(100 * s)
    }

    public static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}
