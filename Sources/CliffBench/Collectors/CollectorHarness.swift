import Foundation

/// Runs a collector's examples through the real scan path (files written to a temporary
/// folder, walked, read, lexed, matched), as SwiftLint runs a rule's examples.
public enum CollectorHarness {
    /// Where an example's `↓` marker asks for a finding.
    public struct Marker: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var column: Int
        public var description: String { "\(path):\(line):\(column)" }
    }

    public struct Outcome: Sendable {
        public var result: MetricResult
        public var markers: [Marker]
    }

    /// The verdict on one example: nil when it behaves, else what is wrong.
    public static func check(_ collector: any Collector, example: CollectorExample, triggering: Bool) -> String? {
        let outcome: Outcome
        do {
            outcome = try run(collector, example: example)
        } catch {
            return "could not run: \(error)"
        }
        let findings = outcome.result.findings
        if triggering {
            if findings.isEmpty {
                return "expected a finding, got none (value \(outcome.result.value))"
            }
            if case .measured(let v) = outcome.result.value, v >= 100 {
                return "has findings but scores 100"
            }
            for m in outcome.markers {
                let hit = findings.contains { $0.path == m.path && $0.line == m.line && ($0.column == m.column || m.column == 0) }
                if !hit {
                    let at = findings.map { "\($0.path ?? "-"):\($0.line):\($0.column) \($0.rule)" }.joined(separator: ", ")
                    return "expected a finding at \(m), got: \(at)"
                }
            }
            for f in findings where f.message.isEmpty {
                return "finding \(f.rule) has no message"
            }
        } else if !findings.isEmpty {
            let at = findings.map { "\($0.path ?? "-"):\($0.line):\($0.column) \($0.rule): \($0.message)" }.joined(separator: "; ")
            return "expected no finding, got: \(at)"
        }
        return nil
    }

    public static func run(_ collector: any Collector, example: CollectorExample) throws -> Outcome {
        let fm = FileManager.default
        let top = fm.temporaryDirectory.appendingPathComponent("cliffbench-example-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: top) }
        let root = top + "/after"
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        var beforeRoot: String?
        if let before = example.before {
            beforeRoot = top + "/before"
            for (path, text) in before {
                let full = beforeRoot! + "/" + path
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: full, contents: Data(text.utf8)) else { throw CorpusError(message: "could not write \(full)") }
            }
        }
        var markers: [Marker] = []
        for (path, raw) in example.files {
            let (text, ms) = stripMarkers(raw)
            markers += ms.map { Marker(path: path, line: $0.line, column: $0.column) }
            let full = root + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: full, contents: Data(text.utf8)) else {
                throw CorpusError(message: "could not write \(full)")
            }
        }
        var manifest: AppManifest?
        if let m = example.files[AppManifest.fileName] { manifest = try AppManifest.parse(m) }
        let scanner = AppScanner(collectors: [collector])
        let scan = scanner.scan(root: root, info: AppInfo(builder: "example", task: example.before == nil ? "example" : "example@amr", manifest: manifest),
                                before: beforeRoot)
        guard let result = scan.results.first else { throw CorpusError(message: "collector returned no result") }
        return Outcome(result: result, markers: markers.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) })
    }

    /// Removes `↓` markers, returning the text and the 1-based line/byte column each marked.
    static func stripMarkers(_ text: String) -> (String, [(line: Int, column: Int)]) {
        var out = ""
        var marks: [(Int, Int)] = []
        var line = 1, col = 1
        for ch in text {
            if ch == "↓" {
                marks.append((line, col))
                continue
            }
            out.append(ch)
            if ch == "\n" {
                line += 1
                col = 1
            } else {
                col += ch.utf8.count
            }
        }
        return (out, marks)
    }
}
