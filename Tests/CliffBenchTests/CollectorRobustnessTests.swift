import Foundation
import XCTest
@testable import CliffBench

/// Every collector over mangled app files (truncated mid-token, spliced, sprinkled with quotes,
/// braces and invalid UTF-8): a collector that traps takes the whole run down, so none may.
final class CollectorRobustnessTests: XCTestCase {
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func sampleFiles() -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for dir in ["tasks/sample-corpus", "validation/apps"] {
            guard let e = FileManager.default.enumerator(atPath: Self.repo + "/" + dir) else { continue }
            for case let rel as String in e where Language.detect(path: rel) != nil {
                if let d = FileManager.default.contents(atPath: Self.repo + "/" + dir + "/" + rel), d.count < 200_000 {
                    let parts = rel.split(separator: "/")
                    out.append((parts.suffix(min(3, parts.count - 1)).joined(separator: "/"), [UInt8](d)))
                }
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    func mangle(_ b: [UInt8], other: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        guard !b.isEmpty else { return other }
        var out = b
        switch rng.below(4) {
        case 0:
            out = Array(b.prefix(rng.below(b.count)))
        case 1:
            let cut = rng.below(b.count)
            let from = other.isEmpty ? 0 : rng.below(other.count)
            out = Array(b.prefix(cut)) + Array(other[from...].prefix(400)) + Array(b[cut...].prefix(400))
        case 2:
            let junk: [UInt8] = [0x22, 0x27, 0x60, 0x7B, 0x7D, 0x28, 0x29, 0x2F, 0x2A, 0x0A, 0x24, 0x5C, 0xFF, 0xC3, 0x3C, 0x3E, 0x3B, 0x23]
            for _ in 0..<1 + rng.below(12) { out.insert(junk[rng.below(junk.count)], at: rng.below(out.count + 1)) }
        default:
            let at = rng.below(b.count)
            out = Array(b[at...]) + Array(b[..<at])
        }
        return out
    }

    func testCollectorsSurviveMangledInput() throws {
        let files = sampleFiles()
        XCTAssertGreaterThan(files.count, 50)
        var rng = SplitMix64(state: 0xC11FF)
        let scanner = AppScanner()
        let fm = FileManager.default
        for round in 0..<48 {
            let root = fm.temporaryDirectory.appendingPathComponent("cliffbench-robust-\(UUID().uuidString)").path
            defer { try? fm.removeItem(atPath: root) }
            for _ in 0..<10 {
                let (path, bytes) = files[rng.below(files.count)]
                let other = files[rng.below(files.count)].1
                let full = root + "/" + path
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                fm.createFile(atPath: full, contents: Data(mangle(bytes, other: other, rng: &rng)))
            }
            let result = scanner.scan(root: root, info: AppInfo(builder: "fuzz", task: "round-\(round)"))
            XCTAssertEqual(result.results.count, CollectorRegistry.all.count)
            for r in result.results {
                if case .measured(let v) = r.value { XCTAssertTrue((0...100).contains(v), "\(r.metricID) scored \(v)") }
                for f in r.findings { XCTAssertFalse(f.message.isEmpty, "\(r.metricID) finding without a message") }
            }
        }
    }
}
