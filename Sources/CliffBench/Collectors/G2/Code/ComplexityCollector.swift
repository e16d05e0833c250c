/// G2.D1: functions whose cyclomatic complexity (McCabe's modified variant: a `switch` is one decision
/// however many `case`s it has) is above 10 (low) or 20 (medium), in the
/// app's authored JS/TS/Python code (tests, generated files and shadcn/ui excluded; see `AppCodeModel`).
/// Every function, method, arrow callback and Python `def` is its own unit, and the decision points
/// counted are documented on `FunctionFinder`; comments, strings and JSX text never count.
///
/// Score: the size-weighted share of function code under the threshold — 100 × (1 − complex lines /
/// function lines), where a unit's lines are its own lines of code (nested functions excluded) and
/// units above 20 weigh double. Not measured when the app has no authored program files or no functions.
///
/// This collector is also the anchor of the shared code analysis: its per-file pass runs
/// `CodeAnalysis.analyze` once per file for all G2 code collectors (see `CodeFacts`).
public struct ComplexityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.D1", slug: "complexity", kind: .diagnostic, methods: "S",
        measures: "functions above a cyclomatic-complexity threshold",
        severity: .low, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.5),
        triggering: [
            CollectorExample("src/lib/pricing.ts", """
                export function ↓priceFor(plan: string, seats: number, coupon?: string, annual = false): number {
                  let price = 0;
                  if (plan === "free") price = 0;
                  else if (plan === "starter") price = 9;
                  else if (plan === "pro") price = 29;
                  else if (plan === "team") price = 49;
                  else if (plan === "business") price = 99;
                  if (seats > 10 && plan !== "free") price *= 0.9;
                  if (seats > 50 || plan === "business") price *= 0.85;
                  if (annual) price = price * 12 * 0.8;
                  if (coupon === "HALF") price /= 2;
                  return price > 0 ? Math.round(price) : 0;
                }
                """, note: "a pricing function with 12 decision points"),
            CollectorExample("src/pages/Orders.tsx", """
                export const ↓Orders = ({ orders, user, loading, error, filter }: Props) => {
                  if (loading) return <Spinner />;
                  if (error) return <ErrorState message={error.message ?? "Failed"} />;
                  const visible = filter ? orders.filter(matches(filter)) : orders;
                  return (
                    <div>
                      {user && user.isAdmin && <AdminBar />}
                      {visible.length === 0 ? <Empty /> : <List items={visible} />}
                      {user?.plan === "pro" || user?.trial ? <ProBadge /> : null}
                      {orders.length > 100 && !filter && <Paginate />}
                      {error || loading ? null : <Footer />}
                    </div>
                  );
                };
                """, note: "a component branching in JSX: && chains and ternaries count, optional chaining does not"),
            CollectorExample("app/services/shipping.py", """
                def ↓shipping_cost(order, country, express=False):
                    if not order.items:
                        return 0
                    if country == "US":
                        base = 5
                    elif country in ("CA", "MX"):
                        base = 8
                    elif country in EU and order.total > 100:
                        base = 0
                    elif country in EU:
                        base = 12
                    else:
                        base = 20
                    extra = sum(i.weight for i in order.items if i.heavy or i.fragile)
                    if express and base:
                        base *= 2
                    return base + extra
                """, note: "a Python elif chain with boolean operators and a comprehension"),
        ],
        nonTriggering: [
            CollectorExample("src/lib/pricing.ts", """
                const PRICES: Record<string, number> = { free: 0, starter: 9, pro: 29, team: 49, business: 99 };
                export function priceFor(plan: string, seats: number): number {
                  const base = PRICES[plan] ?? 0;
                  return seats > 10 ? base * 0.9 : base;
                }
                // if this, or that, and if else: words in comments are not branches
                export const label = "if you want, or else && || ?? ? :";
                """, note: "a lookup table instead of a branch chain; keywords in comments and strings"),
            CollectorExample("src/lib/status.ts", """
                export function statusLabel(status: OrderStatus): string {
                  switch (status) {
                    case "pending": return "Pending";
                    case "paid": return "Paid";
                    case "packed": return "Packed";
                    case "shipped": return "Shipped";
                    case "delivered": return "Delivered";
                    case "returned": return "Returned";
                    case "refunded": return "Refunded";
                    case "cancelled": return "Cancelled";
                    case "on_hold": return "On hold";
                    case "failed": return "Payment failed";
                    case "disputed": return "Disputed";
                    default: return status;
                  }
                }
                """, note: "a long switch that maps values to labels is one decision with many outcomes"),
            CollectorExample("src/components/Faq.tsx", """
                export function Faq() {
                  return (
                    <section>
                      <p>What if I cancel? Can I pause or switch plans, and do I get a refund?</p>
                      <p>If you cancel, or if payment fails, we'll keep your data for 30 days & you can export it?</p>
                      <p>Is it free? Yes, if you stay under 3 projects or 2 seats and don't need SSO?</p>
                      <p>For teams: if you need SSO or audit logs, contact us and we'll set it up while you wait.</p>
                    </section>
                  );
                }
                """, note: "if/or/and/for/while and question marks in JSX text are prose, not branches"),
            CollectorExample([
                "src/lib/pricing.test.ts": """
                    test("prices", () => {
                      for (const p of plans) { if (p.a && p.b || p.c) { if (p.d) { if (p.e ?? p.f) { expect(p.g ? 1 : 2).toBe(1) } } } }
                      for (const q of plans) { if (q.a && q.b || q.c) { if (q.d) { if (q.e ?? q.f) { expect(q.g ? 1 : 2).toBe(1) } } } }
                    });
                    """,
                "src/types/api.d.ts": """
                    declare function parse(a: string, b?: number): Result;
                    """,
            ], note: "tests and declaration files are not authored app code"),
            CollectorExample([
                "components.json": "{ \"style\": \"default\" }",
                "src/components/ui/sidebar.tsx": """
                    export function Sidebar({ a, b, c, d, e, f, g }: Props) {
                      const x = a && b || c ? d ?? e : f && g || a;
                      const y = b && c || d ? e ?? f : g && a || b;
                      if (a) { if (b) { if (c) { return x || y } } }
                      return <div>{x && y}</div>
                    }
                    """,
                "src/App.tsx": "export default function App() { return <Sidebar /> }",
            ], note: "shadcn/ui components are generated from the registry, not written by the builder"),
        ])

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        CodeFacts.inspect(file)
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        guard !model.files.isEmpty else {
            return .notMeasured(d.id, "no authored program files (JS/TS/Python) to measure",
                                evidence: [Evidence("excluded files", model.excludedSummary())])
        }
        var findings: [Finding] = []
        var units = 0, complex = 0, veryComplex = 0
        var totalWeight = 0.0, complexWeight = 0.0
        var sum = 0
        var worst: (cc: Int, name: String, path: String)?
        for a in model.files {
            guard let file = app.file(a.path) else { continue }
            for u in a.units {
                units += 1
                sum += u.complexity
                let w = Double(max(u.ownLinesOfCode, 0))
                totalWeight += w
                if worst == nil || u.complexity > worst!.cc { worst = (u.complexity, u.displayName(in: a.units), a.path) }
                guard u.complexity > CodeThresholds.complexity else { continue }
                complex += 1
                let high = u.complexity > CodeThresholds.complexityHigh
                if high { veryComplex += 1 }
                complexWeight += high ? 2 * w : w
                let what = u.isComponent ? "Component" : (u.kind == .method ? "Method" : "Function")
                let advice = u.isComponent
                    ? "Move data loading and state logic into hooks and split conditional rendering into small subcomponents"
                    : "Split it: extract each branch's work into a named function, or replace conditional chains with a lookup table or early returns"
                findings.append(Finding.at(d, rule: high ? "very-complex-function" : "complex-function", file: file, offset: u.offset,
                    severity: high ? .medium : .low,
                    message: "\(what) `\(u.displayName(in: a.units))` has cyclomatic complexity \(u.complexity) (threshold \(CodeThresholds.complexity)\(high ? ", very complex above \(CodeThresholds.complexityHigh)" : "")): \(u.complexity - 1) decision points in \(u.linesOfCode) lines, each a path that needs a test and a place for regressions to hide. \(advice), so each piece stays at \(CodeThresholds.complexity) or below."))
            }
        }
        guard units > 0 else {
            return .notMeasured(d.id, "no functions found in \(model.files.count) program files",
                                evidence: [Evidence("program files", model.files.count), Evidence("lines of code", model.linesOfCode)])
        }
        let value: Double
        if totalWeight > 0 {
            value = FindingScore.round1(100 * max(0, 1 - complexWeight / totalWeight))
        } else {
            value = FindingScore.share(units - complex, of: units)
        }
        var evidence = [
            Evidence("program files", model.files.count), Evidence("lines of code", model.linesOfCode),
            Evidence("functions", units), Evidence("functions above \(CodeThresholds.complexity)", complex),
            Evidence("functions above \(CodeThresholds.complexityHigh)", veryComplex),
            Evidence("mean complexity", String(format: "%.1f", Double(sum) / Double(units))),
            Evidence("share of function code above threshold", String(format: "%.1f%%", totalWeight > 0 ? 100 * complexWeight / totalWeight : 0)),
            Evidence("excluded files", model.excludedSummary()),
        ]
        if let w = worst { evidence.append(Evidence("most complex", "\(w.name) in \(w.path): \(w.cc)")) }
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: evidence)
    }
}
