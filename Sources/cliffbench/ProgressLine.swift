import CliffBench
import Foundation
import Logging

/// A live progress line on a terminal; plain, throttled log lines otherwise.
final class ProgressLine: @unchecked Sendable {
    private let interactive: Bool
    private let logger: Logger
    private let lock = NSLock()
    private var lastLog = Date.distantPast
    private var wrote = false

    init(interactive: Bool, logger: Logger) {
        self.interactive = interactive
        self.logger = logger
    }

    func update(_ p: RunProgress) {
        lock.withLock {
            let eta = p.eta.map { Self.duration($0) } ?? "--:--"
            let text = "[\(p.appsDone)/\(p.appsTotal) apps] \(p.filesScanned) files, \(Int(p.filesPerSecond)) files/s, ETA \(eta)  \(p.lastApp)"
            if interactive {
                let clipped = text.count > 110 ? String(text.prefix(109)) + "…" : text
                FileHandle.standardError.write(Data(("\r\u{1B}[2K" + clipped).utf8))
                wrote = true
            } else if p.appsTotal <= 50 || p.appsDone == p.appsTotal || Date().timeIntervalSince(lastLog) >= 2 {
                logger.info("\(text)")
                lastLog = Date()
            }
        }
    }

    func finish() {
        lock.withLock {
            if interactive && wrote { FileHandle.standardError.write(Data("\n".utf8)) }
            wrote = false
        }
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
