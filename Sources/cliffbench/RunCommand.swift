import ArgumentParser
import CliffBench
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Scan a corpus and store the run in SQLite.",
        discussion: """
            With no arguments, evaluates the bundled sample corpus (tasks/sample-corpus, task specs in tasks/specs) \
            into results/cliffbench.sqlite. Each app is stored in one transaction; a run that is killed stays \
            incomplete and `--resume RUN` finishes it without duplicating or losing rows.
            """)

    @Option(name: .long, help: "Corpus folder of <builder>/<task-id>/[<trial>/] app trees.")
    var corpus: String = "tasks/sample-corpus"

    @Option(name: .long, help: "Task suite folder (its specs/ subfolder, or the folder itself, holds <task-id>.toml files).")
    var tasks: String = "tasks"

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "Apps scanned at once (files within an app are scanned in parallel too).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Files larger than this many bytes are skipped and recorded as too large.")
    var maxFileSize: Int64 = 2 * 1024 * 1024

    @Option(name: .long, help: "Bytes read per app at most; later files are recorded as skipped.")
    var appByteBudget: Int64 = 128 * 1024 * 1024

    @Flag(name: .long, help: "Scan files the apps' .gitignore files exclude.")
    var noGitignore = false

    @Option(name: .long, help: "Resume this incomplete run (see `cliffbench runs`).")
    var resume: Int64?

    @Flag(name: .long, help: "Do not print the leaderboard after the run.")
    var noLeaderboard = false

    @OptionGroup var log: LogOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxFileSize >= 1 else { throw ValidationError("--max-file-size must be positive") }
        guard appByteBudget >= 1 else { throw ValidationError("--app-byte-budget must be positive") }
    }

    func run() throws {
        let logger = log.bootstrap()
        let options = RunOptions(
            corpus: corpus, tasks: tasks, database: database.db, jobs: jobs,
            scan: ScanOptions(maxFileSize: maxFileSize, honorGitignore: !noGitignore, appByteBudget: appByteBudget), resume: resume)
        let coordinator = RunCoordinator(options: options, logger: logger)
        let signals = SignalStopper(coordinator)
        let progress = ProgressLine(interactive: isatty(STDERR_FILENO) == 1, logger: logger)
        let summary: RunSummary
        do {
            summary = try coordinator.run { progress.update($0) }
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        signals.cancel()
        let mb = Double(summary.bytesScanned) / 1_048_576
        logger.info("run \(summary.runID) \(summary.status): \(summary.appsScanned) apps, \(summary.filesScanned) files, \(String(format: "%.1f", mb)) MB, \(summary.findings) findings in \(String(format: "%.2f", summary.seconds)) s")
        if summary.status != "complete" {
            FileHandle.standardError.write(Data("run \(summary.runID) stopped before every app was stored; finish it with `cliffbench run --resume \(summary.runID)`\n".utf8))
            throw ExitCode(130)
        }
        if !noLeaderboard {
            let store = try ResultStore(path: database.db)
            if let run = try store.run(summary.runID) {
                print(try LeaderboardReport(store: store, run: run).render(.table), terminator: "")
            }
        }
    }
}

/// On SIGINT or SIGTERM, lets the apps being scanned finish and marks the run interrupted.
final class SignalStopper: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ coordinator: RunCoordinator) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler {
                FileHandle.standardError.write(Data("\nstopping after the apps in progress…\n".utf8))
                coordinator.requestStop()
            }
            s.resume()
            sources.append(s)
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
