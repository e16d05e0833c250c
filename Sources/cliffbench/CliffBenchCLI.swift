import ArgumentParser
import CliffBench
import Foundation
import Logging

@main
struct CliffBenchCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cliffbench",
        abstract: "Measure the production-readiness cliff of apps made by AI app builders.",
        discussion: """
            A corpus holds <builder>/<task-id>/ app trees (or <builder>/<task-id>/<trial>/ for repeated generations). \
            `cliffbench run` scans them with every collector and stores the run in SQLite; `cliffbench leaderboard` \
            ranks the builders from what was stored.
            """,
        version: CliffBenchVersion.current,
        subcommands: [RunCommand.self, LeaderboardCommand.self, MetricsCommand.self, RunsCommand.self, FindingsCommand.self, ValidateCommand.self],
        defaultSubcommand: nil)
}

/// Options shared by the commands that read the results database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "Results database.")
    var db: String = "results/cliffbench.sqlite"

    func open() throws -> ResultStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no results database at \(db); run `cliffbench run` first")
        }
        return try ResultStore(path: db)
    }
}

/// The log level flag.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func bootstrap() -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = level
            return h
        }
        return Logger(label: "cliffbench")
    }
}

extension ReportFormat: ExpressibleByArgument {}
