import CliffBench
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `cliffbench-bench patterns`: the rules' ripgrep equivalents, one per line.
/// `cliffbench-bench scan DIR [--jobs N]`: the whole static tier (discovery, walk, read, lex, match,
/// every collector, SQLite writes to a throw-away database) over a corpus, as one JSON line.
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: cliffbench-bench patterns | scan CORPUS [--jobs N]\n".utf8))
    exit(2)
}

let args = Array(CommandLine.arguments.dropFirst())
guard let verb = args.first else { usage() }
switch verb {
case "patterns":
    for r in CollectorRegistry.all.flatMap(\.rules) { print(r.regexEquivalent) }
case "scan":
    guard args.count >= 2 else { usage() }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let i = args.firstIndex(of: "--jobs"), i + 1 < args.count, let n = Int(args[i + 1]), n > 0 { jobs = n }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cliffbench-bench-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let options = RunOptions(corpus: args[1], tasks: args[1], database: dir + "/bench.sqlite", jobs: jobs)
    do {
        let s = try RunCoordinator(options: options).run()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let mb = Double(s.bytesScanned) / 1_000_000
        let line: [String: Any] = [
            "bytes": s.bytesScanned, "files": s.filesScanned, "apps": s.appsScanned, "seconds": s.seconds,
            "mb_per_s": mb / s.seconds, "files_per_s": Double(s.filesScanned) / s.seconds, "findings": s.findings,
            "peak_rss_mb": Double(usage.ru_maxrss) / 1024, "jobs": jobs, "rules": CollectorRegistry.matcher.rules.count,
            "collectors": CollectorRegistry.all.count,
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } catch {
        FileHandle.standardError.write(Data("scan failed: \(error)\n".utf8))
        exit(1)
    }
default:
    usage()
}
