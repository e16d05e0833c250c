import ArgumentParser
import CliffBench
import Foundation

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "List the metric catalog: what each metric measures and whether it is implemented.")

    @Option(name: .long, help: "table, markdown or json.")
    var format: ReportFormat = .table

    func run() throws {
        let implemented = Dictionary(uniqueKeysWithValues: CollectorRegistry.all.map { ($0.id, $0.descriptor) })
        func status(_ e: MetricCatalog.Entry) -> String {
            if Scoring.hoursMetrics.contains(e.id) { return "scoring (hours)" }
            guard let d = implemented[e.id] else { return "not yet" }
            return d.implemented == e.methods ? "yes (\(d.implemented.letters))" : "part (\(d.implemented.letters) of \(e.methods.letters))"
        }
        let entries = MetricCatalog.entries
        switch format {
        case .json:
            let arr: [[String: Any]] = entries.map { e in
                ["id": e.id, "slug": e.slug, "group": e.group.rawValue, "kind": e.kind == .primary ? "primary" : "diagnostic",
                 "methods": e.methods.letters, "implemented": implemented[e.id]?.implemented.letters ?? "", "measures": e.measures,
                 "severity": implemented[e.id]?.severity.name ?? "", "status": status(e)]
            }
            let data = try JSONSerialization.data(withJSONObject: ["catalog_version": MetricCatalog.version, "metrics": arr], options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .markdown:
            for g in MetricGroup.allCases {
                print("\n## \(g.rawValue) \(g.title)\n| id | P/D | M | implemented | measures |\n|---|---|---|---|---|")
                for e in entries where e.group == g {
                    print("| \(e.id) \(e.slug) | \(e.kind.rawValue) | \(e.methods.letters) | \(status(e)) | \(e.measures) |")
                }
            }
        case .table, .csv:
            let done = entries.filter { implemented[$0.id] != nil }.count
            print("Metric catalog v\(MetricCatalog.version): \(entries.count) metrics, \(done) with a collector (S = static, T = task, R = runtime, A = pair, J = judge)\n")
            for g in MetricGroup.allCases {
                print("\(g.rawValue) \(g.title)")
                for e in entries where e.group == g {
                    let name = "\(e.id) \(e.slug)".padding(toLength: 34, withPad: " ", startingAt: 0)
                    let st = status(e).padding(toLength: 16, withPad: " ", startingAt: 0)
                    print("  \(name) \(e.kind.rawValue)  \(e.methods.letters.padding(toLength: 7, withPad: " ", startingAt: 0)) \(st) \(e.measures)")
                }
                print("")
            }
        }
    }
}
