import ArgumentParser
import CliffBench
import Foundation

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Print the findings of a stored run, to read them as a reviewer would.")

    @Option(name: .customLong("run"), help: "Run id; the latest run by default.")
    var runID: Int64?

    @Option(name: .long, help: "Only this app (builder/task or builder/task/trial).")
    var app: String?

    @Option(name: .long, help: "Only this metric id, e.g. G4.P1.")
    var metric: String?

    @Option(name: .long, help: "Lowest severity shown: info, low, medium, high, critical.")
    var minSeverity: String = "info"

    @OptionGroup var database: DatabaseOption

    func run() throws {
        guard let floor = Severity(name: minSeverity) else { throw ValidationError("unknown severity \(minSeverity)") }
        let store = try database.open()
        guard let r = try runID.map({ try store.run($0) }) ?? store.latestRun(completeOnly: false) else {
            throw ValidationError("no such run in \(database.db)")
        }
        let apps = Dictionary(uniqueKeysWithValues: try store.apps(run: r.id).map { ($0.id, $0.key) })
        var shown = 0
        for (appID, f) in try store.findings(run: r.id) {
            let key = apps[appID] ?? "?"
            if let a = app, key != a { continue }
            if let m = metric, f.metricID != m { continue }
            if f.severity < floor { continue }
            let loc = f.path.map { $0 + (f.line > 0 ? ":\(f.line):\(f.column)" : "") } ?? "(app)"
            print("\(key)  \(f.metricID)/\(f.rule)  \(f.severity.name)  \(loc)\n    \(f.message)")
            if !f.evidence.isEmpty { print("    > \(f.evidence)") }
            shown += 1
        }
        print("\(shown) findings (run \(r.id))")
    }
}
