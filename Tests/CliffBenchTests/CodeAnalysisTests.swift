import XCTest
@testable import CliffBench

final class CodeAnalysisTests: XCTestCase {
    func file(_ path: String, _ text: String) -> ScannedFile {
        ScannedFile(path: path, language: Language.detect(path: path) ?? .text, bytes: Array(text.utf8), matcher: PatternMatcher(rules: []))
    }

    func testScratch() throws {
        let path = ProcessInfo.processInfo.environment["SCRATCH"] ?? ""
        guard !path.isEmpty else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let f = file(ProcessInfo.processInfo.environment["SCRATCH_NAME"] ?? "src/a.tsx", text)
        let code = CodeTokenizer.tokenize(f)
        var s = ""
        for t in code.tokens { s += "[\(t.line)]\(f.string(Int(t.offset)..<t.end))\(t.kind == .string ? "S" : "")\(t.flags.contains(.jsxOpen) ? "J" : "") " }
        print(s)
        let a = CodeAnalysis.analyze(f)
        for u in a.units { print(u.displayName(in: a.units), u.kind, "lines \(u.startLine)-\(u.endLine)", "cc", u.complexity, "params", u.parameters, "loc", u.linesOfCode, "own", u.ownLinesOfCode, u.isComponent ? "COMPONENT" : "") }
        print("imports", a.imports.map { "\($0.specifier)\($0.typeOnly ? "(type)" : "")" }, "data", a.dataAccess.map(\.api), "any", a.anyOffsets.count, "loc", a.linesOfCode)
    }
}

extension CodeAnalysisTests {
    func testPrintExamples() throws {
        guard ProcessInfo.processInfo.environment["PRINT_EXAMPLES"] != nil else { return }
        for c in CollectorRegistry.all {
            for (label, exs) in [("T", c.descriptor.triggering), ("N", c.descriptor.nonTriggering)] {
                for ex in exs {
                    let o = try CollectorHarness.run(c, example: ex)
                    print("\(c.descriptor.id) \(label) [\(ex.note)] value=\(o.result.value)")
                    for f in o.result.findings { print("   \(f.path ?? "-"):\(f.line):\(f.column) \(f.severity.name) \(f.rule): \(f.message.prefix(160))") }
                    if label == "T" || ProcessInfo.processInfo.environment["EVIDENCE"] != nil {
                        print("   ev: " + o.result.evidence.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
                    }
                }
            }
        }
    }
}
