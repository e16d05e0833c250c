/// G2.D2: the share of authored lines of code that sit in duplicated blocks, found CPD-style on
/// normalised tokens (identifiers → ID, literals → LIT, so renamed copies match; imports left out;
/// data-only runs such as record arrays ignored; see `CloneDetector`) with a 50-token window and
/// blocks of at least 10 lines of code (SonarQube's minimum), within and across files. Tests, generated files and
/// shadcn/ui are not counted (see `AppCodeModel`), nor ORM schema modules, whose repetition is their
/// column declarations' (see `FileCodeAnalysis.schemaModule`).
///
/// One finding per duplicated block, at its first occurrence (path order), naming the copies.
/// Score: Lighthouse-style log-normal over the duplicated-lines percentage, 5% → 90 and 15% → 50.
/// SonarQube's gate is 3% for its exact-name, 100-token detector; normalising names and a 50-token
/// window find about 1.5–2.5× as many duplicated lines on the same code (measured on seven Lovable,
/// Bolt, v0 and Replit apps), so the control points sit correspondingly higher.
/// Not measured when the app has no authored program code.
public struct DuplicationCollector: Collector {
    public init() {}

    public static let p10Percent = 5.0
    public static let medianPercent = 15.0

    public let descriptor = MetricDescriptor(
        id: "G2.D2", slug: "duplication", kind: .diagnostic, methods: "S",
        measures: "duplicated-lines ratio (token based, names and literals normalised)",
        severity: .low, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.25),
        triggering: [
            CollectorExample([
                "src/pages/Customers.tsx": """
                    ↓export default function Customers() {
                      const [customers, setCustomers] = useState<Customer[]>([]);
                      const [loading, setLoading] = useState(true);
                      useEffect(() => {
                        fetch("/api/customers")
                          .then((res) => res.json())
                          .then((data) => { setCustomers(data.items); setLoading(false); })
                          .catch(() => setLoading(false));
                      }, []);
                      if (loading) return <Spinner />;
                      return <Table rows={customers} title="Customers" />;
                    }
                    """,
                "src/pages/Invoices.tsx": """
                    export default function Invoices() {
                      const [invoices, setInvoices] = useState<Invoice[]>([]);
                      const [busy, setBusy] = useState(true);
                      useEffect(() => {
                        fetch("/api/invoices")
                          .then((r) => r.json())
                          .then((json) => { setInvoices(json.items); setBusy(false); })
                          .catch(() => setBusy(false));
                      }, []);
                      if (busy) return <Spinner />;
                      return <Table rows={invoices} title="Invoices" />;
                    }
                    """,
            ], note: "a copy-pasted page with renamed variables and different literals"),
            CollectorExample("server/routes.js", """
                ↓app.post("/api/orders", async (req, res) => {
                  const user = await getUser(req.headers.authorization);
                  if (!user) {
                    return res.status(401).json({ error: "unauthorized" });
                  }
                  const body = req.body;
                  if (!body || typeof body.total !== "number") {
                    return res.status(400).json({ error: "invalid" });
                  }
                  const row = await db.insert(orders).values({ ...body, userId: user.id }).returning();
                  res.status(201).json(row);
                });
                app.post("/api/refunds", async (req, res) => {
                  const account = await getUser(req.headers.authorization);
                  if (!account) {
                    return res.status(401).json({ error: "unauthorized" });
                  }
                  const payload = req.body;
                  if (!payload || typeof payload.amount !== "number") {
                    return res.status(400).json({ error: "bad request" });
                  }
                  const created = await db.insert(refunds).values({ ...payload, userId: account.id }).returning();
                  res.status(201).json(created);
                });
                """, note: "two route handlers copied within one file"),
            CollectorExample([
                "app/reports/sales.py": """
                    def sales_report(db, start, end):
                        rows = db.execute("select * from sales where day between ? and ?", (start, end)).fetchall()
                        total = 0
                        out = []
                        for row in rows:
                            if row["amount"] is None:
                                continue
                            total += row["amount"]
                            out.append({"day": row["day"], "amount": row["amount"], "running": total})
                        out.sort(key=lambda r: r["day"])
                        return {"rows": out, "total": total, "count": len(out)}
                    """,
                "app/reports/refunds.py": """
                    ↓def refunds_report(conn, a, b):
                        items = conn.execute("select * from refunds where day between ? and ?", (a, b)).fetchall()
                        acc = 0
                        result = []
                        for it in items:
                            if it["value"] is None:
                                continue
                            acc += it["value"]
                            result.append({"day": it["day"], "value": it["value"], "running": acc})
                        result.sort(key=lambda r: r["day"])
                        return {"rows": result, "total": acc, "count": len(result)}
                    """,
            ], note: "a duplicated Python report function"),
        ],
        nonTriggering: [
            CollectorExample([
                "src/pages/Customers.tsx": """
                    export default function Customers() {
                      const { rows, loading } = useResource<Customer>("/api/customers");
                      if (loading) return <Spinner />;
                      return <Table rows={rows} title="Customers" />;
                    }
                    """,
                "src/pages/Invoices.tsx": """
                    export default function Invoices() {
                      const { rows, loading } = useResource<Invoice>("/api/invoices");
                      return loading ? <Spinner /> : <InvoiceGrid rows={rows} onExport={exportCsv} />;
                    }
                    """,
                "src/hooks/useResource.ts": """
                    export function useResource<T>(url: string) {
                      const [rows, setRows] = useState<T[]>([]);
                      const [loading, setLoading] = useState(true);
                      useEffect(() => {
                        fetch(url).then((r) => r.json()).then((d) => setRows(d.items)).finally(() => setLoading(false));
                      }, [url]);
                      return { rows, loading };
                    }
                    """,
            ], note: "the shared logic extracted into a hook"),
            CollectorExample("src/data/products.ts", """
                export const products = [
                  { id: 1, name: "Desk", price: 199, category: "office", stock: 4, rating: 4.5 },
                  { id: 2, name: "Chair", price: 99, category: "office", stock: 12, rating: 4.1 },
                  { id: 3, name: "Lamp", price: 39, category: "home", stock: 30, rating: 4.8 },
                  { id: 4, name: "Shelf", price: 79, category: "home", stock: 7, rating: 3.9 },
                  { id: 5, name: "Rug", price: 149, category: "home", stock: 2, rating: 4.2 },
                  { id: 6, name: "Clock", price: 29, category: "home", stock: 18, rating: 4.0 },
                  { id: 7, name: "Plant", price: 19, category: "home", stock: 40, rating: 4.7 },
                  { id: 8, name: "Mirror", price: 89, category: "home", stock: 5, rating: 4.4 },
                ];
                """, note: "an array of records repeats a shape, not logic"),
            CollectorExample([
                "components.json": "{ \"style\": \"default\" }",
                "src/components/ui/card.tsx": """
                    const Card = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(({ className, ...props }, ref) => (
                      <div ref={ref} className={cn("rounded-lg border bg-card text-card-foreground shadow-sm", className)} {...props} />
                    ));
                    Card.displayName = "Card";
                    const CardHeader = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(({ className, ...props }, ref) => (
                      <div ref={ref} className={cn("flex flex-col space-y-1.5 p-6", className)} {...props} />
                    ));
                    CardHeader.displayName = "CardHeader";
                    const CardTitle = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(({ className, ...props }, ref) => (
                      <div ref={ref} className={cn("text-2xl font-semibold leading-none", className)} {...props} />
                    ));
                    CardTitle.displayName = "CardTitle";
                    const CardContent = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(({ className, ...props }, ref) => (
                      <div ref={ref} className={cn("p-6 pt-0", className)} {...props} />
                    ));
                    CardContent.displayName = "CardContent";
                    """,
                "src/App.tsx": "export default function App() { return <Card /> }",
            ], note: "shadcn/ui's near-identical wrappers are generated, not authored"),
            CollectorExample([
                "src/lib/a.test.ts": """
                    it("adds", () => {
                      const cart = new Cart();
                      cart.add({ sku: "a", qty: 1, price: 10 });
                      cart.add({ sku: "b", qty: 2, price: 5 });
                      expect(cart.total()).toBe(20);
                      expect(cart.count()).toBe(3);
                      expect(cart.items().length).toBe(2);
                    });
                    it("adds again", () => {
                      const cart = new Cart();
                      cart.add({ sku: "c", qty: 1, price: 10 });
                      cart.add({ sku: "d", qty: 2, price: 5 });
                      expect(cart.total()).toBe(20);
                      expect(cart.count()).toBe(3);
                      expect(cart.items().length).toBe(2);
                    });
                    """,
                "src/lib/cart.ts": "export class Cart { items() { return [] } }",
            ], note: "repetitive tests are not counted"),
        ])

    /// Where a block's report starts. A copy is extended backwards as far as both places agree, which
    /// often takes in the tail of the function before each copy (`res.json(rows); });`, `return
    /// jsonify(…)`): the report starts after the last function that ends inside the block, at its
    /// first line of code that does not merely close brackets.
    static func firstStatementLine(_ file: ScannedFile, _ lines: ClosedRange<Int>, codeLine: [UInt8], units: [CodeUnit] = []) -> Int {
        var l = lines.lowerBound
        var after = l
        for u in units where u.startLine < lines.lowerBound && u.endLine >= lines.lowerBound && u.endLine < lines.upperBound {
            after = max(after, u.endLine + 1)
        }
        if after > l && codeLines(codeLine, after...lines.upperBound) >= CodeThresholds.cloneMinLines / 2 { l = after }
        while l < lines.upperBound {
            let isCode = l < codeLine.count && codeLine[l] != 0
            if isCode && !closesOnly(file, l) { return l }
            l += 1
        }
        return lines.lowerBound
    }

    static func codeLines(_ code: [UInt8], _ r: ClosedRange<Int>) -> Int {
        var c = 0
        for l in r where l < code.count && code[l] != 0 { c += 1 }
        return c
    }

    /// Whether a line holds only closing brackets and separators.
    static func closesOnly(_ file: ScannedFile, _ line: Int) -> Bool {
        let r = file.lineRange(line)
        for i in r {
            switch file.bytes[i] {
            case 0x7D, 0x29, 0x5D, 0x3B, 0x2C, 0x20, 0x09, 0x0D, 0x0A: continue  // } ) ] ; , whitespace
            default: return false
            }
        }
        return true
    }

    /// The first non-blank byte of a line.
    static func lineStart(_ file: ScannedFile, _ line: Int) -> Int {
        let r = file.lineRange(line)
        var i = r.lowerBound
        while i < r.upperBound && (file.bytes[i] == 0x20 || file.bytes[i] == 0x09) { i += 1 }
        return i
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        guard !model.files.isEmpty, model.linesOfCode > 0 else {
            return .notMeasured(d.id, "no authored program files (JS/TS/Python) to measure",
                                evidence: [Evidence("excluded files", model.excludedSummary())])
        }
        let report = model.clones(of: app)
        var findings: [Finding] = []
        // One finding per first occurrence, naming every copy.
        var groups: [String: (block: CloneBlock, others: [String])] = [:]
        var order: [String] = []
        for b in report.blocks {
            let key = "\(b.first):\(b.firstLines.lowerBound)"
            let other = "\(model.files[b.second].path):\(b.secondLines.lowerBound)–\(b.secondLines.upperBound)"
            if groups[key] == nil {
                groups[key] = (b, [other])
                order.append(key)
            } else if !groups[key]!.others.contains(other) {
                groups[key]!.others.append(other)
            }
        }
        for key in order {
            guard let g = groups[key], let file = app.file(model.files[g.block.first].path) else { continue }
            let b = g.block
            let start = Self.firstStatementLine(file, b.firstLines, codeLine: model.files[b.first].codeLine, units: model.files[b.first].units)
            let lines = b.firstLines.upperBound - start + 1
            let copies = "are duplicated at \(g.others.joined(separator: ", "))"
            findings.append(Finding.at(d, rule: "duplicated-block", file: file, offset: Self.lineStart(file, start),
                severity: b.linesOfCode >= 40 ? .medium : .low,
                message: "Lines \(start)–\(b.firstLines.upperBound) (\(lines) lines, \(b.tokens) tokens) \(copies), identical up to names and literals. A fix or rule change made in one copy will be missed in the other; extract the shared logic into one function, hook or component and call it from both places."))
        }
        let percent = 100 * report.ratio
        let value = FindingScore.logNormal(percent, p10: Self.p10Percent, median: Self.medianPercent)
        let filesWithDup = report.duplicatedLines.filter { $0 > 0 }.count
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("program files", model.files.count), Evidence("lines of code", report.totalLines),
            Evidence("duplicated lines", report.duplicated), Evidence("duplicated lines ratio", String(format: "%.1f%%", percent)),
            Evidence("duplicated blocks", report.blocks.count), Evidence("files with duplication", filesWithDup),
            Evidence("window (tokens)", CodeThresholds.cloneWindow), Evidence("excluded files", model.excludedSummary()),
        ])
    }
}
