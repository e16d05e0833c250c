import ArgumentParser
import CliffBench
import Foundation

struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Rank the builders of a stored run.",
        discussion: "Without --run, shows the latest complete run (or the latest run, marked incomplete, when none is complete).")

    @Option(name: .customLong("run"), help: "Run id (see `cliffbench runs`).")
    var runID: Int64?

    @Option(name: .long, help: "table, markdown, csv or json.")
    var format: ReportFormat = .table

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        let chosen: StoredRun
        if let id = runID {
            guard let r = try store.run(id) else { throw ValidationError("no run \(id) in \(database.db); see `cliffbench runs`") }
            chosen = r
        } else if let r = try store.latestRun(completeOnly: true) ?? store.latestRun(completeOnly: false) {
            chosen = r
        } else {
            throw ValidationError("\(database.db) holds no run yet; run `cliffbench run` first")
        }
        print(try LeaderboardReport(store: store, run: chosen).render(format), terminator: "")
    }
}

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List the stored runs and their state.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.open()
        let runs = try store.runs()
        if runs.isEmpty {
            print("no runs in \(database.db)")
            return
        }
        print("id  state       apps       started                   harness  corpus")
        for r in runs {
            let apps = "\(r.appsDone)/\(r.appsTotal)"
            print("\(String(r.id).padding(toLength: 4, withPad: " ", startingAt: 0))\(r.state.padding(toLength: 12, withPad: " ", startingAt: 0))\(apps.padding(toLength: 11, withPad: " ", startingAt: 0))\(r.startedAt.padding(toLength: 26, withPad: " ", startingAt: 0))\(r.harnessVersion.padding(toLength: 9, withPad: " ", startingAt: 0))\(r.corpus)")
        }
    }
}
