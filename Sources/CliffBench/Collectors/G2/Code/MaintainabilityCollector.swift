/// G2.P4: a SQALE-style maintainability rating, as SonarQube computes it: technical debt (minutes
/// to fix complexity above 10, duplicated blocks and oversized files, functions and components, each
/// growing with how much must be refactored; the constants and their calibration are in `DebtModel`) divided by the development cost of the code (30 minutes per line of
/// code) gives the debt ratio; A ≤ 5%, B ≤ 10%, C ≤ 20%, D ≤ 50%, E above. The value maps the ratio
/// continuously onto 0–100 with 20 points per letter (`DebtModel.score`: 0% → 100, 5% → 80, 10% → 60,
/// 20% → 40, 50% → 20, 100% → 0). The facts are those of G2.D1–D3 over the same authored code
/// (tests, generated files and shadcn/ui excluded).
///
/// One app-level finding when the rating is worse than A — the condition SonarQube's default quality
/// gate ("Sonar way") fails on — naming the main debt sources: low for B, medium for C and D, high
/// for E. Not measured when the app has no authored program code.
public struct MaintainabilityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.P4", slug: "maintainability", kind: .primary, methods: "S",
        measures: "SQALE-style rating A–E from complexity, duplication and size debt against a development-cost baseline",
        severity: .medium, remediation: RemediationCost(baseHours: 4, perFindingHours: 0),
        triggering: [
            CollectorExample("src/lib/validate.ts", """
                export function isValidSignup(u: Signup): boolean {
                  return !!u && !!u.name && u.name.length > 1 && u.name.length < 80 && !!u.email && u.email.includes("@")
                    && (u.age ?? 0) >= 18 && (u.country === "US" || u.country === "CA" || u.country === "MX" || u.country === "GB")
                    && (u.plan === "free" || u.plan === "pro" || u.plan === "team") && (!u.coupon || u.coupon.length === 8)
                    && (u.password?.length ?? 0) >= 12 && (u.terms || u.plan === "free") ? true : false;
                }
                """, note: "a five-line function with 21 decision points: debt above 10% of its cost"),
            CollectorExample("app/rules.py", """
                def can_ship(order, user, country, express=False):
                    if order and user and user.active and not user.banned and order.items and order.total > 0:
                        if country in ("US", "CA") or country in EU and order.total > 50 or user.vip and not express:
                            return all(i.stock > 0 and not i.hazard or i.exempt for i in order.items if i.physical or i.kit)
                    elif order and user and user.admin or express and country == "US":
                        return True
                    return False
                """, note: "a dense Python rule function"),
            CollectorExample("src/components/StatusBadge.tsx", """
                export const StatusBadge = ({ s, paid, late, admin }: Props) => <span className={s === "new" ? "blue" : s === "open" ? "green" : s === "hold" ? "amber" : "red"}>
                  {paid && !late ? "Paid" : late && !paid ? "Overdue" : admin || s === "closed" ? "Closed" : s ?? "Unknown"}
                  {admin && (late || !paid) && <Warn level={late ? 2 : paid ? 0 : 1} />}</span>;
                """, note: "a three-line component packed with 15 branches"),
        ],
        nonTriggering: [
            CollectorExample([
                "src/lib/cart.ts": """
                    export function total(items: Item[]): number {
                      return items.reduce((sum, i) => sum + i.price * i.qty, 0);
                    }
                    export function isEmpty(items: Item[]): boolean {
                      return items.length === 0;
                    }
                    """,
                "src/App.tsx": "export default function App() { return <Cart /> }\n",
            ], note: "small, simple functions"),
            CollectorExample([
                "src/lib/validate.test.ts": """
                    it("validates", () => {
                      expect(!!u && !!u.name && u.name.length > 1 && u.name.length < 80 && !!u.email && u.email.includes("@")
                        && (u.age ?? 0) >= 18 && (u.country === "US" || u.country === "CA" || u.country === "MX") ? 1 : 0).toBe(1);
                    });
                    """,
                "src/lib/validate.ts": "export const isAdult = (age: number): boolean => age >= 18;\n",
            ], note: "dense logic in a test does not count"),
            CollectorExample([
                "components.json": "{}",
                "src/components/ui/calendar.tsx": """
                    export function Calendar({ a, b, c, d, e, f, g, h }: Props) {
                      return a && b || c ? d ?? e : f && g || h ? (a ?? b) && (c || d) && (e ?? f) && (g || h) : a && b && c && d;
                    }
                    """,
                "src/App.tsx": "export default function App() { return <Calendar /> }\n",
            ], note: "generated shadcn/ui code does not count"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        guard !model.files.isEmpty, model.linesOfCode > 0 else {
            return .notMeasured(d.id, "no authored program files (JS/TS/Python) to measure",
                                evidence: [Evidence("excluded files", model.excludedSummary())])
        }
        var complexityMinutes = 0.0, complexFunctions = 0
        var sizeMinutes = 0.0, bigFiles = 0, bigFunctions = 0, bigComponents = 0
        for f in model.files {
            if f.linesOfCode > CodeThresholds.fileLines && !f.schemaModule {
                bigFiles += 1
                sizeMinutes += DebtModel.oversizedFileMinutes(f.linesOfCode)
            }
            for u in f.units {
                let m = DebtModel.complexityMinutes(u.complexity)
                if m > 0 {
                    complexFunctions += 1
                    complexityMinutes += m
                }
                if u.linesOfCode > u.sizeThreshold {
                    if u.isComponent || u.rendersMarkup { bigComponents += 1 } else { bigFunctions += 1 }
                    sizeMinutes += DebtModel.oversizedUnitMinutes(u.linesOfCode, threshold: u.sizeThreshold)
                }
            }
        }
        let clones = model.clones(of: app)
        let duplicationMinutes = clones.blocks.reduce(0.0) { $0 + DebtModel.duplicationMinutes(lines: $1.linesOfCode) }
        let debt = complexityMinutes + duplicationMinutes + sizeMinutes
        let devCost = Double(model.linesOfCode) * DebtModel.minutesPerLine
        let ratio = debt / devCost
        let rating = DebtModel.rating(ratio)
        let value = DebtModel.score(ratio)

        var findings: [Finding] = []
        if rating > "A" {
            var sources: [(Double, String)] = [
                (complexityMinutes, "complexity \(Int(complexityMinutes)) min (\(complexFunctions) function\(complexFunctions == 1 ? "" : "s") above \(CodeThresholds.complexity))"),
                (duplicationMinutes, "duplication \(Int(duplicationMinutes)) min (\(clones.blocks.count) duplicated block\(clones.blocks.count == 1 ? "" : "s"), \(String(format: "%.1f", 100 * clones.ratio))% of lines)"),
                (sizeMinutes, "size \(Int(sizeMinutes)) min (\(bigFiles) oversized files, \(bigFunctions) functions, \(bigComponents) components)"),
            ]
            sources = sources.filter { $0.0 > 0 }.sorted { $0.0 > $1.0 }
            findings.append(app.appFinding(d, rule: "maintainability-rating", severity: rating >= "E" ? .high : (rating >= "C" ? .medium : .low),
                message: "Maintainability rating \(rating): \(hours(debt)) of technical debt against \(hours(devCost)) to write the code (debt ratio \(String(format: "%.1f", 100 * ratio))%; A needs ≤ 5%). Main sources: \(sources.map(\.1).joined(separator: "; ")). Changes to this code will be slow and error-prone; pay the debt down starting with the largest source (see G2.D1–D3 for the exact places)."))
        }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("debt ratio", String(format: "%.2f%%", 100 * ratio)), Evidence("rating", rating),
            Evidence("lines of code", model.linesOfCode), Evidence("debt minutes", Int(debt.rounded())),
            Evidence("development cost minutes", Int(devCost)),
            Evidence("complexity debt minutes", Int(complexityMinutes.rounded())),
            Evidence("duplication debt minutes", Int(duplicationMinutes.rounded())),
            Evidence("size debt minutes", Int(sizeMinutes.rounded())),
            Evidence("excluded files", model.excludedSummary()),
        ])
    }

    private func hours(_ minutes: Double) -> String {
        minutes < 120 ? "\(Int(minutes.rounded())) min" : String(format: "%.1f h", minutes / 60)
    }
}
