import Foundation

/// A semantic version (`1.2.3`, `1.2.3-alpha.1`); missing minor/patch read as 0, build metadata ignored.
struct Semver: Comparable, Hashable, Sendable, CustomStringConvertible {
    var major: Int
    var minor: Int
    var patch: Int
    var prerelease: [String]

    init(_ major: Int, _ minor: Int = 0, _ patch: Int = 0, prerelease: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
    }

    /// Parses `1`, `1.2`, `v1.2.3`, `1.2.3-rc.1+build`, and PEP 440 forms like `2.0rc1` or `1.0.post1`
    /// (the suffix becomes a prerelease tag). Returns nil for anything else (`x`, `*`, URLs).
    init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("v") || s.hasPrefix("V") { s = s.dropFirst() }
        if let plus = s.firstIndex(of: "+") { s = s[..<plus] }
        var pre: [String] = []
        if let dash = s.firstIndex(of: "-") {
            pre = s[s.index(after: dash)...].split(separator: ".").map(String.init)
            s = s[..<dash]
        }
        var nums: [Int] = []
        for part in s.split(separator: ".", omittingEmptySubsequences: false) {
            let digits = part.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let n = Int(digits), nums.count < 3 else { return nil }
            nums.append(n)
            let rest = part.dropFirst(digits.count)
            if !rest.isEmpty {
                // PEP 440: 2.0rc1, 1.0b2, 1.0.post1 — a letter suffix on the last number.
                guard rest.first!.isLetter, pre.isEmpty else { return nil }
                if rest.hasPrefix("post") { break }
                pre = [String(rest)]
                break
            }
        }
        guard !nums.isEmpty else { return nil }
        self.init(nums[0], nums.count > 1 ? nums[1] : 0, nums.count > 2 ? nums[2] : 0, prerelease: pre)
    }

    var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease.joined(separator: "."))
    }

    static func < (a: Semver, b: Semver) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        // A version without prerelease tags ranks above any prerelease of it.
        if a.prerelease.isEmpty || b.prerelease.isEmpty { return !a.prerelease.isEmpty && b.prerelease.isEmpty }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            switch (Int(x), Int(y)) {
            case let (i?, j?): return i < j
            case (_?, nil): return true
            case (nil, _?): return false
            default: return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }
}

/// An advisory-style version range: comparators (`<`, `<=`, `>`, `>=`, `=`) joined by spaces are a
/// conjunction, alternatives are joined by `||`.
struct SemverRange: Sendable, CustomStringConvertible {
    enum Op: String, Sendable { case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "=" }
    struct Comparator: Sendable {
        var op: Op
        var version: Semver
        func accepts(_ v: Semver) -> Bool {
            switch op {
            case .lt: v < version
            case .le: v <= version
            case .gt: v > version
            case .ge: v >= version
            case .eq: v == version
            }
        }
    }

    var alternatives: [[Comparator]]
    var text: String

    init?(_ text: String) {
        var alts: [[Comparator]] = []
        for alt in text.components(separatedBy: "||") {
            var set: [Comparator] = []
            for token in alt.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var t = Substring(token)
                var op = Op.eq
                for candidate in [Op.le, .ge, .lt, .gt, .eq] where t.hasPrefix(candidate.rawValue) {
                    op = candidate
                    t = t.dropFirst(candidate.rawValue.count)
                    break
                }
                guard let v = Semver(String(t)) else { return nil }
                set.append(Comparator(op: op, version: v))
            }
            guard !set.isEmpty else { return nil }
            alts.append(set)
        }
        guard !alts.isEmpty else { return nil }
        alternatives = alts
        self.text = text
    }

    func contains(_ v: Semver) -> Bool {
        alternatives.contains { set in set.allSatisfy { $0.accepts(v) } }
    }

    var description: String { text }
}

/// What an npm dependency specifier pins, and the lowest version it allows.
enum NpmSpec {
    enum Kind: Equatable { case exact, range, wildcard, latest, unbounded, git, url, file, alias, workspace, unknown }

    /// Classifies `^4.17.15`, `~1.2`, `4.x`, `*`, `latest`, `>=1.0.0`, `git+https://…`, `user/repo`, `file:…`, `npm:…`.
    static func kind(_ spec: String) -> Kind {
        let s = spec.trimmingCharacters(in: .whitespaces)
        let l = s.lowercased()
        if s.isEmpty || s == "*" || l == "x" { return .wildcard }
        if l == "latest" || l == "next" || l == "canary" || l == "beta" { return .latest }
        if l.hasPrefix("workspace:") || l.hasPrefix("link:") || l.hasPrefix("portal:") || l.hasPrefix("catalog:") { return .workspace }
        if l.hasPrefix("file:") { return .file }
        if l.hasPrefix("npm:") { return .alias }
        if l.hasPrefix("git") || l.hasPrefix("github:") || l.hasPrefix("gitlab:") || l.hasPrefix("bitbucket:") { return .git }
        if l.hasPrefix("http://") || l.hasPrefix("https://") { return .url }
        if !l.contains(" ") && l.contains("/") && !l.hasPrefix("<") && !l.hasPrefix(">") { return .git }
        if Semver(s) != nil && !s.contains("x") && !s.contains("*") && s.split(separator: ".").count == 3 { return .exact }
        for alt in l.components(separatedBy: "||") {
            let parts = alt.split(separator: " ")
            if parts.contains(where: { $0.hasPrefix(">") }) && !parts.contains(where: { $0.hasPrefix("<") }) && !alt.contains(" - ") { return .unbounded }
        }
        return minimum(s) == nil ? .unknown : .range
    }

    /// Whether a git specifier names an exact commit or tag (`#<sha>` or `#v1.2.3`).
    static func gitIsPinned(_ spec: String) -> Bool {
        guard let hash = spec.lastIndex(of: "#") else { return false }
        let ref = spec[spec.index(after: hash)...]
        if ref.hasPrefix("semver:") { return false }
        let isSha = ref.count >= 7 && ref.allSatisfy { $0.isHexDigit }
        return isSha || Semver(String(ref)) != nil
    }

    /// The lowest version a declared range allows (`^4.17.15` → 4.17.15, `>=1.2 <2` → 1.2.0,
    /// `1.x` → 1.0.0, `1.2.3 - 2` → 1.2.3); nil when the range has no lower bound it can read.
    static func minimum(_ spec: String) -> Semver? {
        var best: Semver?
        for alt in spec.components(separatedBy: "||") {
            let a = alt.trimmingCharacters(in: .whitespaces)
            var low: Semver?
            if let dash = a.range(of: " - ") {
                low = lowerOf(String(a[..<dash.lowerBound]))
            } else {
                for token in a.split(separator: " ") {
                    let t = String(token)
                    if t.hasPrefix("<") { continue }
                    if let v = lowerOf(t.hasPrefix(">=") ? String(t.dropFirst(2)) : t.hasPrefix(">") ? String(t.dropFirst()) : t) {
                        if low == nil || v > low! { low = v }
                    }
                }
            }
            if let v = low, best == nil || v < best! { best = v }
        }
        return best
    }

    private static func lowerOf(_ token: String) -> Semver? {
        var t = Substring(token.trimmingCharacters(in: .whitespaces))
        while let c = t.first, c == "^" || c == "~" || c == "=" || c == "v" { t = t.dropFirst() }
        guard let lead = t.first, lead.isNumber else { return nil }
        let cleaned = t.split(separator: ".").map { $0 == "x" || $0 == "X" || $0 == "*" ? "0" : String($0) }.joined(separator: ".")
        guard !cleaned.isEmpty, cleaned.first!.isNumber else { return nil }
        return Semver(cleaned)
    }
}

/// One row of the offline advisory list (data/advisories.tsv, embedded as `AdvisoryData.tsv`).
struct Advisory: Sendable {
    var ecosystem: String
    var package: String
    var affected: SemverRange
    var severity: String
    var id: String
    var summary: String

    /// Severity of a finding about an affected version: critical and high advisories are high (a
    /// vulnerable dependency is exploitable only where the app reaches the affected code), moderate is medium.
    var findingSeverity: Severity {
        switch severity {
        case "critical", "high": .high
        case "moderate": .medium
        default: .low
        }
    }

    /// The embedded list, parsed once.
    static let all: [Advisory] = parse(AdvisoryData.tsv)

    static func parse(_ tsv: String) -> [Advisory] {
        var out: [Advisory] = []
        for line in tsv.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 6, let range = SemverRange(cols[2]) else { continue }
            out.append(Advisory(ecosystem: cols[0], package: cols[1], affected: range, severity: cols[3], id: cols[4], summary: cols[5]))
        }
        return out
    }

    /// Advisories of `ecosystem` whose affected range contains `version` of `package` (PyPI names
    /// compared case-insensitively with `-`/`_` folded).
    static func matching(ecosystem: String, package: String, version: Semver) -> [Advisory] {
        let key = ecosystem == "PyPI" ? normalizePyPI(package) : package
        return all.filter { a in
            a.ecosystem == ecosystem && (ecosystem == "PyPI" ? normalizePyPI(a.package) == key : a.package == key) && a.affected.contains(version)
        }
    }

    static func normalizePyPI(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
    }
}
