/// G2.D3: authored files over 400 lines of code, functions over 80, and React components over 200
/// (JSX markup makes components legitimately longer, so a component between 80 and 200 lines is not
/// flagged; a callback that only returns JSX, such as a `map` rendering a card, is an inline
/// component and gets the same room). Lines of code are non-blank, non-comment lines; tests, generated files and shadcn/ui are
/// not counted (see `AppCodeModel`), and an ORM schema module is not sized as a file (its length is
/// the data model's; see `FileCodeAnalysis.schemaModule`). A nested callback is measured on its own as well as inside its
/// enclosing function.
///
/// Score: the share of lines of code that live in an oversized file or unit, through a log-normal
/// curve (5% → 90, 30% → 50). Not measured when the app has no authored program code.
public struct OversizedUnitsCollector: Collector {
    public init() {}

    public static let p10Percent = 5.0
    public static let medianPercent = 30.0

    public let descriptor = MetricDescriptor(
        id: "G2.D3", slug: "oversized-units", kind: .diagnostic, methods: "S",
        measures: "files and functions above size thresholds",
        severity: .low, remediation: RemediationCost(baseHours: 1, perFindingHours: 1),
        triggering: [
            CollectorExample("src/lib/helpers.ts", "↓" + OversizedUnitsCollector.manyFunctions(count: 60, prefix: "helper"),
                             note: "a 480-line grab-bag module"),
            CollectorExample("server/checkout.js", "export async function ↓checkout(req, res) {\n"
                             + OversizedUnitsCollector.statements(90) + "  res.json({ ok: true });\n}\n",
                             note: "a 90-line request handler"),
            CollectorExample("src/pages/Dashboard.tsx", "export default function ↓Dashboard() {\n  const [tab, setTab] = useState(0);\n  return (\n    <div>\n"
                             + OversizedUnitsCollector.jsxRows(220) + "    </div>\n  );\n}\n",
                             note: "a 226-line component"),
            CollectorExample("app/etl.py", "def ↓run_pipeline(rows):\n" + OversizedUnitsCollector.pythonStatements(85) + "    return rows\n",
                             note: "an 86-line Python function"),
        ],
        nonTriggering: [
            CollectorExample("src/lib/helpers.ts", OversizedUnitsCollector.manyFunctions(count: 40, prefix: "helper"),
                             note: "320 lines in 40 small functions"),
            CollectorExample("src/pages/Settings.tsx", "export default function Settings() {\n  return (\n    <div>\n"
                             + OversizedUnitsCollector.jsxRows(150) + "    </div>\n  );\n}\n",
                             note: "a 156-line component is under the component threshold"),
            CollectorExample([
                "src/integrations/supabase/types.ts": "export type Json = string | number\n" + OversizedUnitsCollector.typeLines(600),
                "src/lib/cart.test.ts": "describe('cart', () => {\n" + OversizedUnitsCollector.statements(500) + "})\n",
                "src/main.tsx": "createRoot(document.getElementById('root')!).render(<App />)\n",
            ], note: "generated Supabase types and a long test file are not authored app code"),
            CollectorExample("server/checkout.js", "export async function checkout(req, res) {\n"
                             + OversizedUnitsCollector.comments(120) + OversizedUnitsCollector.statements(40) + "  res.json({ ok: true });\n}\n",
                             note: "comments and blank lines do not count as lines of code"),
        ])

    static func statements(_ n: Int) -> String {
        (0..<n).map { "  const v\($0) = await step\($0 % 7)(req.body, \($0));\n" }.joined()
    }

    static func pythonStatements(_ n: Int) -> String {
        (0..<n).map { "    rows = transform_\($0 % 9)(rows, \($0))\n" }.joined()
    }

    static func comments(_ n: Int) -> String {
        (0..<n).map { $0 % 2 == 0 ? "  // step \($0): validate the input before charging\n" : "\n" }.joined()
    }

    static func jsxRows(_ n: Int) -> String {
        (0..<n).map { "      <Row label=\"Item \($0)\" onSelect={() => setTab(\($0))} />\n" }.joined()
    }

    static func typeLines(_ n: Int) -> String {
        (0..<n).map { "export type Row\($0) = { id: string; value: number }\n" }.joined()
    }

    static func manyFunctions(count: Int, prefix: String) -> String {
        (0..<count).map { i in
            "export function \(prefix)\(i)(input: string): string {\n  const trimmed = input.trim();\n  if (!trimmed) return \"\";\n"
                + "  const parts = trimmed.split(\",\");\n  const out = parts.map((p) => p.toUpperCase());\n  return out.join(\"-\");\n}\n\n"
        }.joined()
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        guard !model.files.isEmpty, model.linesOfCode > 0 else {
            return .notMeasured(d.id, "no authored program files (JS/TS/Python) to measure",
                                evidence: [Evidence("excluded files", model.excludedSummary())])
        }
        var findings: [Finding] = []
        var oversizedLines = 0
        var bigFiles = 0, bigFunctions = 0, bigComponents = 0
        var largestFile = (loc: 0, path: "")
        var largestUnit = (loc: 0, name: "")
        for a in model.files {
            guard let file = app.file(a.path) else { continue }
            if a.linesOfCode > largestFile.loc { largestFile = (a.linesOfCode, a.path) }
            var marks = [UInt8](repeating: 0, count: a.codeLine.count)
            if a.linesOfCode > CodeThresholds.fileLines && !a.schemaModule {
                bigFiles += 1
                for l in marks.indices { marks[l] = 1 }
                let named = a.units.filter { !$0.isAnonymous }.count
                let unitsNote = named == 0 ? "" : " across \(named) functions"
                // At the first line of code, after any header comment or directive prologue.
                let first = a.codeLine.firstIndex { $0 != 0 } ?? 1
                findings.append(Finding.at(d, rule: "oversized-file", file: file, offset: first < a.codeLine.count ? DuplicationCollector.lineStart(file, first) : 0,
                    severity: a.linesOfCode > 2 * CodeThresholds.fileLines ? .medium : .low,
                    message: "\(a.path) has \(a.linesOfCode) lines of code\(unitsNote) (threshold \(CodeThresholds.fileLines)). Files this large mix several responsibilities, collide in every change and are hard to review; split it by concern (components, hooks, services, utilities) into modules under \(CodeThresholds.fileLines) lines."))
            }
            for u in a.units {
                if u.linesOfCode > largestUnit.loc { largestUnit = (u.linesOfCode, "\(u.displayName(in: a.units)) in \(a.path)") }
                let limit = u.sizeThreshold
                guard u.linesOfCode > limit else { continue }
                if u.isComponent || u.rendersMarkup { bigComponents += 1 } else { bigFunctions += 1 }
                for l in u.startLine...max(u.startLine, u.endLine) where l < marks.count { marks[l] = 1 }
                let what = u.isComponent ? "Component" : (u.rendersMarkup ? "Inline component" : (u.kind == .method ? "Method" : "Function"))
                let advice = u.isComponent || u.rendersMarkup
                    ? "Extract sections into child components and move state and data loading into hooks"
                    : "Extract its steps into well-named helper functions"
                findings.append(Finding.at(d, rule: u.isComponent || u.rendersMarkup ? "oversized-component" : "oversized-function", file: file, offset: u.offset,
                    severity: u.linesOfCode > 2 * limit ? .medium : .low,
                    message: "\(what) `\(u.displayName(in: a.units))` spans \(u.linesOfCode) lines of code (threshold \(limit)). Units this long do several things at once and cannot be tested or changed in isolation. \(advice), each under \(limit) lines."))
            }
            for l in marks.indices where marks[l] != 0 && l < a.codeLine.count && a.codeLine[l] != 0 { oversizedLines += 1 }
        }
        let share = 100 * Double(oversizedLines) / Double(model.linesOfCode)
        let value = FindingScore.logNormal(share, p10: Self.p10Percent, median: Self.medianPercent)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("program files", model.files.count), Evidence("lines of code", model.linesOfCode),
            Evidence("functions", model.units),
            Evidence("files over \(CodeThresholds.fileLines) lines", bigFiles),
            Evidence("functions over \(CodeThresholds.functionLines) lines", bigFunctions),
            Evidence("components over \(CodeThresholds.componentLines) lines", bigComponents),
            Evidence("lines in oversized files or units", String(format: "%d (%.1f%%)", oversizedLines, share)),
            Evidence("largest file", "\(largestFile.path): \(largestFile.loc)"),
            Evidence("largest function", largestUnit.loc > 0 ? "\(largestUnit.name): \(largestUnit.loc)" : "none"),
            Evidence("schema modules (not sized as files)", model.files.filter(\.schemaModule).count),
            Evidence("excluded files", model.excludedSummary()),
        ])
    }
}
