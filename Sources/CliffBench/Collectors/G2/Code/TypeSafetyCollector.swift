/// G2.D4: how much of TypeScript's safety the app keeps.
///
/// - **Strictness** of each config that type-checks app code (a top-level `tsconfig.json`, or the
///   projects a Vite-style solution file references, `tsconfig.node.json` left out), after local
///   `extends`: `strict`, and `noImplicitAny` / `strictNullChecks` switched off on their own. One
///   finding per weakened config (at the first offending key, or on the file when `strict` is absent).
///   TypeScript without any tsconfig is a finding too (tsc defaults are not strict), except Deno edge
///   functions, which Deno checks strictly by default.
/// - **`any` density**: explicit `any` in type positions (`: any`, `as any`, `<any>`, `any[]`,
///   `Record<string, any>`) in TypeScript code per 1,000 TypeScript lines of code (comments, strings,
///   `.d.ts`, tests, generated files and shadcn/ui excluded); one finding per file.
/// - **Suppressions**: `@ts-ignore` / `@ts-expect-error` (low), `@ts-nocheck` (medium: the whole
///   file unchecked) and `eslint-disable` comments, counted only when the comment starts with the
///   directive (as the tools require), so prose that mentions them does not count.
///
/// Score: 0.4 × strictness (100 when `strict`, `noImplicitAny` and `strictNullChecks` all hold; 35
/// points each for the two flags and 30 for the rest of `strict`) + 0.4 × log-normal of `any` per
/// KLOC (1 → 90, 6 → 50) + 0.2 × log-normal of suppressions per KLOC (0.5 → 90, 4 → 50); when the
/// strictness of an extended package config cannot be read, the other two parts carry the score.
/// Not measured for apps without TypeScript (plain JavaScript or Python): strictness and `any`
/// density do not exist there, and a JavaScript app must not read as perfectly type-safe.
public struct TypeSafetyCollector: Collector {
    public init() {}

    static let programLanguages: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte]

    public let descriptor = MetricDescriptor(
        id: "G2.D4", slug: "type-safety", kind: .diagnostic, methods: "S",
        measures: "TypeScript strict mode, `any` density, ts-ignore / eslint-disable counts",
        severity: .low, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample([
                "tsconfig.json": """
                    { "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }
                    """,
                "tsconfig.app.json": """
                    {
                      "compilerOptions": {
                        "target": "ES2020",
                        ↓"strict": false,
                        "noImplicitAny": false,
                      },
                      "include": ["src"]
                    }
                    """,
                "tsconfig.node.json": "{ \"compilerOptions\": { \"strict\": true }, \"include\": [\"vite.config.ts\"] }",
                "src/main.tsx": "export const root = document.getElementById('root');\n",
            ], note: "a Vite app whose app config turns strict mode off"),
            CollectorExample([
                "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true } }",
                "src/api/orders.ts": """
                    export async function load(id: string): Promise<↓any> {
                      const res = await fetch(`/api/orders/${id}`);
                      const body = (await res.json()) as any;
                      const rows: any[] = body.rows;
                      return rows.map((r: any) => r.value);
                    }
                    """,
            ], note: "explicit any in a strict project"),
            CollectorExample([
                "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true } }",
                "src/legacy/report.ts": """
                    // ↓@ts-nocheck
                    export function total(rows) { return rows.reduce((s, r) => s + r.amount, 0) }
                    """,
                "src/lib/format.ts": """
                    export function format(value: number) {
                      // ↓@ts-ignore
                      return value.toLocaleString(undefined, { style: "currency" });
                    }
                    """,
            ], note: "type checking switched off for a file and for a line"),
            CollectorExample([
                "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true } }",
                "src/App.tsx": """
                    /* ↓eslint-disable */
                    export default function App() { return <div /> }
                    """,
            ], note: "lint rules disabled for a whole file"),
        ],
        nonTriggering: [
            CollectorExample([
                "tsconfig.json": "{\n  // strict mode on\n  \"compilerOptions\": { \"strict\": true, \"noUncheckedIndexedAccess\": true, },\n}\n",
                "src/lib/schema.ts": """
                    import { z } from "zod";
                    // We never use any here; avoid `as any` and @ts-ignore in this module.
                    export const Company = z.object({ name: z.string(), extra: z.any() });
                    const label = "accepts any value";
                    export function many(company: string, anything: unknown): string { return company + String(anything); }
                    """,
            ], note: "strict config with comments and a trailing comma; `any` in comments, strings, identifiers and zod's z.any()"),
            CollectorExample([
                "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true } }",
                "src/types/global.d.ts": "declare module 'legacy-lib' { const x: any; export default x; }\n",
                "src/lib/cart.test.ts": "// @ts-expect-error testing bad input\nexpect(add(null as any)).toThrow();\n",
                "README.md": "Never use `// @ts-ignore` or `/* eslint-disable */`.\n",
                "src/lib/cart.ts": "export const add = (a: number, b = 1): number => a + b;\n",
            ], note: "declarations, tests and docs are not measured"),
            CollectorExample([
                "package.json": "{ \"name\": \"shop\" }",
                "src/App.jsx": "export default function App() { return <div /> }\n",
                "server/index.js": "// eslint-disable-next-line no-console\nconsole.log('up');\n",
            ], note: "a JavaScript app: not measured, no findings"),
            CollectorExample([
                "supabase/functions/notify/index.ts": "Deno.serve(async (req: Request) => new Response(await req.text()));\n",
                "src/App.jsx": "export default function App() { return <div /> }\n",
            ], note: "Deno edge functions are strictly checked without a tsconfig"),
        ])

    public var rules: [PatternRule] {
        [
            PatternRule(id: "G2.D4/ts-directive", literals: ["@ts-ignore", "@ts-nocheck", "@ts-expect-error"], regions: .comment,
                        languages: Self.programLanguages, regexEquivalent: #"(//|/\*)[\s*]*@ts-(ignore|nocheck|expect-error)"#),
            PatternRule(id: "G2.D4/eslint-disable", literals: ["eslint-disable"], regions: .comment,
                        languages: Self.programLanguages, regexEquivalent: #"(//|/\*)[\s*]*eslint-disable"#),
        ]
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        let authored = Set(model.files.map(\.path))
        let tsFiles = model.files.filter(\.isTypeScript)
        let tsLines = tsFiles.reduce(0) { $0 + $1.linesOfCode }
        guard !tsFiles.isEmpty, tsLines > 0 else {
            let py = model.files.contains { $0.language == .python }, js = model.files.contains { $0.language != .python }
            let plain = py && js ? "Python and JavaScript" : (py ? "Python" : "JavaScript")
            let reason = model.files.isEmpty ? "no authored program files" : "no TypeScript: the app is plain \(plain), so strict mode and `any` density do not apply"
            return .notMeasured(d.id, reason, evidence: [Evidence("program files", model.files.count)])
        }
        var findings: [Finding] = []

        // Strictness.
        let configs = TSConfigSet.of(app)
        var strictScores: [Double] = []
        var strictNotes: [String] = []
        let checking = configs.checkingConfigs()
        let denoOnly = tsFiles.allSatisfy { $0.path.hasPrefix("supabase/functions/") || $0.path.contains("/supabase/functions/") }
            || !app.files(named: "deno.json").isEmpty && checking.isEmpty
        if checking.isEmpty {
            if denoOnly {
                strictScores.append(100)
                strictNotes.append("Deno (strict by default)")
            } else {
                strictScores.append(0)
                strictNotes.append("no tsconfig.json")
                findings.append(app.appFinding(d, rule: "no-tsconfig", severity: .medium,
                    message: "The app has \(tsFiles.count) TypeScript files but no tsconfig.json, so the compiler and editors fall back to non-strict defaults (implicit any, unchecked null). Add a tsconfig.json with \"strict\": true."))
            }
        }
        for path in checking {
            let e = configs.effective(path)
            let knownStrictBase = e.externalBases.contains { $0.hasPrefix("@tsconfig/") }
            if e.strict == nil && !e.externalBases.isEmpty && !knownStrictBase {
                strictNotes.append("\(path): extends \(e.externalBases.joined(separator: ", ")) (not readable)")
                continue
            }
            let strict = e.strict ?? knownStrictBase
            let noImplicitAny = e.noImplicitAny ?? strict
            let strictNull = e.strictNullChecks ?? strict
            strictScores.append((strict ? 30 : 0) + (noImplicitAny ? 35 : 0) + (strictNull ? 35 : 0))
            strictNotes.append("\(path): strict \(strict), noImplicitAny \(noImplicitAny), strictNullChecks \(strictNull)")
            var weak: [String] = []
            if !strict { weak.append(e.strict == false ? "\"strict\": false" : "no \"strict\"") }
            if e.noImplicitAny == false { weak.append("\"noImplicitAny\": false") }
            if e.strictNullChecks == false { weak.append("\"strictNullChecks\": false") }
            guard !weak.isEmpty else { continue }
            let message = "\(path) type-checks the app with \(weak.joined(separator: ", ")): values silently become `any` and null/undefined flow unchecked, so the compiler misses the crashes and wrong-type bugs users will hit. Set \"strict\": true and fix the errors it reports (or enable it per folder as you go)."
            let keyOrder = ["strict", "noImplicitAny", "strictNullChecks"]
            let located = keyOrder.compactMap { key -> (String, Int)? in
                guard let where_ = e.setIn[key], let v = flag(key, in: e), !v, let off = configs.configs[where_]?.keyOffsets[key] else { return nil }
                return (where_, off)
            }.first
            if let (cfgPath, off) = located, let file = app.file(cfgPath) {
                findings.append(Finding.at(d, rule: "strict-off", file: file, offset: off, severity: .medium, message: message))
            } else {
                findings.append(app.appFinding(d, rule: "strict-off", path: path, severity: .medium, message: message))
            }
        }

        // any density.
        var anyCount = 0
        for a in tsFiles where !a.anyOffsets.isEmpty {
            anyCount += a.anyOffsets.count
            guard let file = app.file(a.path) else { continue }
            findings.append(Finding.at(d, rule: "explicit-any", file: file, offset: Int(a.anyOffsets[0]), severity: .low,
                message: "\(a.anyOffsets.count) explicit `any` type\(a.anyOffsets.count == 1 ? "" : "s") in \(a.path): every `any` switches type checking off for that value and everything it flows into. Type it (a named interface, `unknown` plus a type guard, or a schema such as zod's inferred types)."))
        }

        // Suppression comments.
        var ignores = 0, nochecks = 0, expects = 0, eslint = 0
        var suppressionLines = 0
        for a in model.files where a.language != .python { suppressionLines += a.linesOfCode }
        for rule in ["G2.D4/ts-directive", "G2.D4/eslint-disable"] {
            for (file, hit) in app.hits(rule) where authored.contains(file.path) {
                let off = Int(hit.offset)
                guard startsComment(file, at: off) else { continue }
                let word = file.string(off..<min(file.bytes.count, off + Int(hit.length)))
                switch word {
                case "@ts-nocheck":
                    nochecks += 1
                    findings.append(Finding.at(d, rule: "ts-nocheck", file: file, offset: off, severity: .medium,
                        message: "`@ts-nocheck` turns type checking off for all of \(file.path). Remove it and fix the reported errors; type errors here reach production unseen."))
                case "@ts-ignore", "@ts-expect-error":
                    if word == "@ts-ignore" { ignores += 1 } else { expects += 1 }
                    findings.append(Finding.at(d, rule: "ts-suppression", file: file, offset: off, severity: .low,
                        message: "`\(word)` hides the type error on the next line instead of fixing it. Fix the types (or narrow with a guard); if a suppression is truly needed, use `@ts-expect-error` with a reason."))
                default:
                    eslint += 1
                    let lineScoped = file.bytes.count > off + 14 && file.string(off..<min(file.bytes.count, off + 19)).hasPrefix("eslint-disable-")
                    findings.append(Finding.at(d, rule: "eslint-disable", file: file, offset: off, severity: .low,
                        message: lineScoped
                            ? "An `eslint-disable` comment silences lint rules on this line; fix the code the rule flags, or keep the disable with a named rule and a reason."
                            : "`eslint-disable` silences lint rules for the rest of \(file.path). Remove it and fix what the linter reports, or disable only named rules on specific lines with a reason."))
                }
            }
        }

        let kloc = Double(tsLines) / 1000
        let density = Double(anyCount) / kloc
        let suppressions = Double(ignores + expects + eslint) + 5 * Double(nochecks)
        let suppressionDensity = suppressions / max(0.001, Double(max(suppressionLines, tsLines)) / 1000)
        let anyScore = FindingScore.logNormal(density, p10: 1, median: 6)
        let suppressionScore = FindingScore.logNormal(suppressionDensity, p10: 0.5, median: 4)
        var value: Double
        if strictScores.isEmpty {
            value = (0.4 * anyScore + 0.2 * suppressionScore) / 0.6
        } else {
            let strictness = strictScores.reduce(0, +) / Double(strictScores.count)
            value = 0.4 * strictness + 0.4 * anyScore + 0.2 * suppressionScore
        }
        value = FindingScore.round1(value)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("TypeScript files", tsFiles.count), Evidence("TypeScript lines of code", tsLines),
            Evidence("configs", strictNotes.isEmpty ? "none" : strictNotes.joined(separator: "; ")),
            Evidence("strictness", strictScores.isEmpty ? "unknown" : String(format: "%.0f", strictScores.reduce(0, +) / Double(strictScores.count))),
            Evidence("explicit any", anyCount), Evidence("any per 1,000 TS lines", String(format: "%.1f", density)),
            Evidence("@ts-ignore", ignores), Evidence("@ts-expect-error", expects), Evidence("@ts-nocheck", nochecks),
            Evidence("eslint-disable", eslint),
        ])
    }

    private func flag(_ key: String, in e: TSConfigSet.Effective) -> Bool? {
        switch key {
        case "strict": return e.strict
        case "noImplicitAny": return e.noImplicitAny
        default: return e.strictNullChecks
        }
    }

    /// Whether the directive at `off` opens its comment (only `//`, `/*`, `*` and spaces before it).
    private func startsComment(_ file: ScannedFile, at off: Int) -> Bool {
        var i = off - 1
        while i >= 0 {
            let b = file.bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x2A { i -= 1; continue }
            if b == 0x2F { return i >= 1 && (file.bytes[i - 1] == 0x2F || file.bytes[i - 1] == 0x2A) || i + 1 < file.bytes.count && file.bytes[i + 1] == 0x2A }
            if b == 0x2D { return i >= 3 && file.bytes[i - 1] == 0x2D && file.bytes[i - 2] == 0x21 && file.bytes[i - 3] == 0x3C }  // <!--
            if b == 0x0A || b == 0x0D {
                // a continuation line of a block comment: `/*\n * @ts-…`
                return file.kind(at: off) == .comment
            }
            return false
        }
        return false
    }
}
