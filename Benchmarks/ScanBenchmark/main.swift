import CliffBench
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `cliffbench-bench patterns`: the rules' ripgrep equivalents, one per line.
/// `cliffbench-bench scan DIR [--jobs N]`: the whole static tier (discovery, walk, read, lex, match,
/// every collector, SQLite writes to a throw-away database) over a corpus, as one JSON line.
/// `cliffbench-bench stages DIR`: one thread, files in memory; each stage (lex, match, file setup,
/// per-file inspect, per-app evaluate) timed against an FNV-1a pass over the same bytes in the same process.
enum Stages {
    static func time(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return best
    }

    static func run(corpus: String) {
        guard let apps = try? CorpusDiscovery.discover(corpus: corpus).apps else { usage() }
        var perApp: [[(String, [UInt8])]] = []
        for a in apps {
            var files: [(String, [UInt8])] = []
            for e in AppWalker().walk(root: a.root).files {
                if case .text(let b) = FileReader.read(path: e.absolutePath, maxSize: 2 << 20) { files.append((e.path, b)) }
            }
            perApp.append(files)
        }
        let files = perApp.flatMap { $0 }
        let bytes = files.reduce(0) { $0 + $1.1.count }
        let matcher = CollectorRegistry.matcher
        var sink = 0
        let reference = time { for (_, b) in files { var h = FNV1a64(); for c in b { h.add(c) }; sink &+= Int(truncatingIfNeeded: h.value) } }
        let langs = files.map { Language.detect(path: $0.0) ?? .text }
        let lex = time { for (i, (_, b)) in files.enumerated() { sink &+= Lexer.regions(b, family: langs[i].lexFamily).count } }
        let regions = files.enumerated().map { Lexer.regions($0.element.1, family: langs[$0.offset].lexFamily) }
        let match = time { for (i, (_, b)) in files.enumerated() { sink &+= matcher.match(b, language: langs[i], regions: regions[i]).count } }
        let joined = files.flatMap(\.1)
        let joinedRegions = Lexer.regions(joined, family: .cLike)
        let matchOne = time { sink &+= matcher.match(joined, language: .typescript, regions: joinedRegions).count }
        var scannedApps: [[ScannedFile]] = []
        let setup = time {
            scannedApps = perApp.map { app in app.map { ScannedFile(path: $0.0, language: Language.detect(path: $0.0) ?? .text, bytes: $0.1, matcher: matcher) } }
        }
        let scanned = scannedApps.flatMap { $0 }
        let info = AppInfo(builder: "b", task: "t")
        var perCollector: [(String, Double)] = []
        for c in CollectorRegistry.all {
            let t = time { for f in scanned { if c.inspect(f, app: info) != nil { sink &+= 1 } } }
            perCollector.append((c.id, t))
        }
        // Each app gets its own fresh context with its files' reports, as in a run; collectors evaluate
        // once, in registry order, so shared per-app models are paid by the first collector that asks.
        let contexts = scannedApps.map { app in
            var reports: [String: [(file: ScannedFile, report: FileReport)]] = [:]
            for f in app { for c in CollectorRegistry.all { if let r = c.inspect(f, app: info) { reports[c.id, default: []].append((f, r)) } } }
            return AppContext(info: info, files: app, skipped: [], matcher: matcher, reports: reports)
        }
        var evaluate: [(String, Double)] = []
        for c in CollectorRegistry.all {
            let t0 = DispatchTime.now().uptimeNanoseconds
            for ctx in contexts { sink &+= c.evaluate(ctx).findings.count }
            evaluate.append((c.id, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9))
        }
        let mb = Double(bytes) / 1e6
        func line(_ name: String, _ t: Double) -> String {
            "\(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", mb / t)) MB/s   \(String(format: "%6.2f", t / reference))x reference"
        }
        print("\(files.count) files, \(String(format: "%.1f", mb)) MB, one thread, best of 3 (sink \(sink % 10))")
        print(line("FNV-1a reference", reference))
        print(line("lex", lex))
        print(line("match (\(matcher.rules.count) rules)", match))
        print(line("match, one buffer", matchOne))
        print(line("file setup (all)", setup))
        print(line("inspect, all collectors", perCollector.reduce(0) { $0 + $1.1 }))
        print(line("evaluate, all collectors", evaluate.reduce(0) { $0 + $1.1 }))
        for (id, t) in perCollector.sorted(by: { $0.1 > $1.1 }).prefix(8) where t > reference * 0.05 { print(line("inspect \(id)", t)) }
        for (id, t) in evaluate.sorted(by: { $0.1 > $1.1 }).prefix(8) where t > reference * 0.05 { print(line("evaluate \(id)", t)) }
    }
}

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
case "stages":
    guard args.count >= 2 else { usage() }
    Stages.run(corpus: args[1])
default:
    usage()
}
