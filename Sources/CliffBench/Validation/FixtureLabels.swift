import Foundation
import TOMLKit

/// The labels of one fixture app, Semgrep style: `expect: ID` above a line that must be
/// found, `ok: ID` above a line that must not, and app-level verdicts in `labels.toml`.
public struct FixtureLabels: Sendable {
    public struct LineLabel: Sendable, Hashable {
        public var metricID: String
        public var path: String
        /// The labelled line: the next line after the label that is not itself a label.
        public var line: Int
        public var expectFinding: Bool
    }

    public var lines: [LineLabel] = []
    /// Metrics the app as a whole must have at least one finding for.
    public var appExpect: Set<String> = []
    /// Metrics the app as a whole must have no finding for.
    public var appOK: Set<String> = []
    /// Metrics that must come out as not measured.
    public var notMeasured: Set<String> = []

    public static let fileName = "labels.toml"

    /// Every metric this app labels.
    public var metrics: Set<String> {
        Set(lines.map(\.metricID)).union(appExpect).union(appOK).union(notMeasured)
    }

    /// Reads line labels from every text file under `root` and the app's labels.toml.
    public static func read(appRoot root: String) throws -> FixtureLabels {
        var labels = FixtureLabels()
        let fm = FileManager.default
        if let data = fm.contents(atPath: root + "/" + fileName) {
            let table: TOMLTable
            do {
                table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
            } catch let e as TOMLParseError {
                throw CorpusError(message: "\(root)/\(fileName): invalid TOML at line \(e.source.begin.line): \(e.description)")
            }
            func ids(_ key: String) throws -> Set<String> {
                guard let v = table[key] else { return [] }
                guard let a = v.array else { throw CorpusError(message: "\(root)/\(fileName): \(key) must be an array of metric ids") }
                return Set(try a.map {
                    guard let s = $0.string, MetricCatalog.entry(s) != nil else {
                        throw CorpusError(message: "\(root)/\(fileName): \(key) holds an unknown metric id \($0)")
                    }
                    return s
                })
            }
            labels.appExpect = try ids("expect")
            labels.appOK = try ids("ok")
            labels.notMeasured = try ids("not_measured")
        }
        guard let e = fm.enumerator(atPath: root) else { return labels }
        for case let rel as String in e {
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, rel != fileName,
                  let data = fm.contents(atPath: full), data.count < 4_000_000, !data.contains(0) else { continue }
            labels.lines += try lineLabels(String(decoding: data, as: UTF8.self), path: rel)
        }
        labels.lines.sort { ($0.path, $0.line, $0.metricID) < ($1.path, $1.line, $1.metricID) }
        return labels
    }

    /// `expect: G4.D1` / `ok: G4.D1, G2.D8` in a comment (`//`, `#`, `--`, `/*`, `<!--`, `{/*`).
    static func lineLabels(_ text: String, path: String) throws -> [LineLabel] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [LineLabel] = []
        var pending: [(String, Bool)] = []
        for (i, raw) in lines.enumerated() {
            if let (ids, expect) = try parseLabel(raw, path: path, line: i + 1) {
                pending += ids.map { ($0, expect) }
                continue
            }
            for (id, expect) in pending { out.append(LineLabel(metricID: id, path: path, line: i + 1, expectFinding: expect)) }
            pending = []
        }
        if !pending.isEmpty { throw CorpusError(message: "\(path): a label at the end of the file labels no line") }
        return out
    }

    private static func parseLabel(_ raw: String, path: String, line: Int) throws -> ([String], Bool)? {
        var t = raw.trimmingCharacters(in: .whitespaces)
        var stripped = false
        for opener in ["{/*", "//", "/*", "<!--", "--", "#"] where t.hasPrefix(opener) {
            t = String(t.dropFirst(opener.count)).trimmingCharacters(in: .whitespaces)
            stripped = true
            break
        }
        guard stripped else { return nil }
        for closer in ["*/}", "*/", "-->"] where t.hasSuffix(closer) {
            t = String(t.dropLast(closer.count)).trimmingCharacters(in: .whitespaces)
        }
        let expect: Bool
        if t.hasPrefix("expect:") {
            expect = true
        } else if t.hasPrefix("ok:") {
            expect = false
        } else {
            return nil
        }
        let body = t.drop { $0 != ":" }.dropFirst()
        let ids = body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw CorpusError(message: "\(path):\(line): label names no metric") }
        for id in ids where MetricCatalog.entry(id) == nil {
            throw CorpusError(message: "\(path):\(line): unknown metric id \(id)")
        }
        return (ids, expect)
    }
}
