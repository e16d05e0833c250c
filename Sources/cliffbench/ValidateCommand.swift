import ArgumentParser
import CliffBench
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Score the collectors on the labelled fixture corpus (TPR, FPR, TPR-FPR per metric and group).",
        discussion: """
            Fixture apps live in <fixtures>/<app>/. A comment `expect: G4.D1` above a line says a G4.D1 finding must be \
            reported on that line; `ok: G4.D1` says none may be. labels.toml in an app gives app-level verdicts: \
            expect = [...], ok = [...], not_measured = [...]. An app named <name>@<amr> is scanned as a modification \
            of the app <name> (pair tier). Exits non-zero when a metric is below its floor.
            """)

    @Option(name: .long, help: "Labelled fixture corpus.")
    var fixtures: String = "validation/apps"

    @Option(name: .long, help: "Per-metric floors (metric, min TPR, max FPR).")
    var floors: String = "validation/floors.tsv"

    @Option(name: .long, help: "Also write the scorecard as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Only these metric ids (comma separated).")
    var metrics: String?

    func run() throws {
        var collectors = CollectorRegistry.all
        if let m = metrics {
            let wanted = Set(m.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            collectors = collectors.filter { wanted.contains($0.id) }
            guard !collectors.isEmpty else { throw ValidationError("no implemented collector among \(m)") }
        }
        let report = try Validator.run(fixtures: fixtures, collectors: collectors)
        print(report.renderTable(), terminator: "")
        if let json {
            try report.renderJSON().write(toFile: json, atomically: true, encoding: .utf8)
        }
        var fl = try ValidationFloor.read(floors)
        if metrics != nil { fl = fl.filter { f in collectors.contains { $0.id == f.key } } }
        let below = report.belowFloors(fl)
        if !below.isEmpty {
            print("\nBelow the recorded floors:\n" + below.map { "  " + $0 }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        print("\nAll \(fl.count) metrics with a floor meet it.")
    }
}
