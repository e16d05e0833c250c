/// G2.P3: data access stays in a server or data layer, and modules do not import each other in cycles.
///
/// - **Data access in UI components**: a UI file (JSX, Vue or Svelte, running in the browser) that
///   calls the database directly — Supabase `.from()`/`.rpc()` on a Supabase client, Firestore reads
///   and writes, Prisma/Drizzle/pg calls, `fetch` to a Supabase `/rest/v1/` URL — is one medium
///   finding per file (at the first call, naming the calls), which is how a Supabase SPA that talks to
///   the database from every page shows up. Not flagged: the same calls in hooks, services or other
///   non-UI modules (a data layer), `supabase.auth` and `supabase.functions.invoke` (auth and server
///   functions), files of the app's data layer even when they render JSX (context providers, stores,
///   hooks, services, `lib/`/`utils/` modules: see `isDataLayer`), Next.js server components (`app/`
///   without `'use client'`), and Next/Remix
///   server-only functions (`getServerSideProps`, `loader`, `action`, …).
/// - **Import cycles**: strongly connected components of the runtime import graph (relative imports,
///   tsconfig `paths` and `@/` aliases, Python packages resolved to app files; `import type` left
///   out), one low finding per cycle at the import that starts it.
///
/// Config literals scattered through code are G7.D2's (config-separation), not repeated here.
///
/// Score: share of UI files free of direct data access (100 when the app has no UI files), times
/// 0.96 per import cycle. Not measured when the app has no authored program code.
public struct ArchitectureCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.P3", slug: "architecture", kind: .primary, methods: "S",
        measures: "data access only in a server/data layer, never in UI components; no import cycles; config separate from code",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample([
                "src/integrations/supabase/client.ts": """
                    import { createClient } from "@supabase/supabase-js";
                    export const supabase = createClient(import.meta.env.VITE_SUPABASE_URL, import.meta.env.VITE_SUPABASE_ANON_KEY);
                    """,
                "src/pages/Orders.tsx": """
                    import { useEffect, useState } from "react";
                    import { supabase } from "@/integrations/supabase/client";
                    export default function Orders() {
                      const [orders, setOrders] = useState([]);
                      useEffect(() => {
                        ↓supabase.from("orders").select("*").then(({ data }) => setOrders(data ?? []));
                      }, []);
                      const pay = async (id: string) => {
                        await supabase.from("orders").update({ status: "paid", total: 0 }).eq("id", id);
                      };
                      return <ul>{orders.map((o) => <li key={o.id} onClick={() => pay(o.id)}>{o.total}</li>)}</ul>;
                    }
                    """,
            ], note: "a Supabase SPA page that reads and writes tables from the component"),
            CollectorExample([
                "src/lib/cart.ts": """
                    ↓import { formatTotal } from "./format";
                    export const cart = { items: [] as number[], total: () => formatTotal(cart.items) };
                    """,
                "src/lib/format.ts": """
                    import { cart } from "./cart";
                    export const formatTotal = (xs: number[]) => `${xs.length} items of ${cart.items.length}`;
                    """,
            ], note: "two modules importing each other"),
            CollectorExample([
                "src/firebase.js": "import { getFirestore } from 'firebase/firestore';\nexport const db = getFirestore();\n",
                "src/components/TaskList.jsx": """
                    import { collection, getDocs, addDoc } from "firebase/firestore";
                    import { db } from "../firebase";
                    export function TaskList() {
                      const load = async () => (await ↓getDocs(collection(db, "tasks"))).docs;
                      const add = (t) => addDoc(collection(db, "tasks"), t);
                      return <button onClick={() => add({ title: "x" })}>Add</button>;
                    }
                    """,
            ], note: "Firestore reads and writes in a component"),
            CollectorExample([
                "tsconfig.json": "{ \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@/*\": [\"./src/*\"] } } }",
                "src/store/session.ts": """
                    import { api } from "@/services/api";
                    export const session = { token: "", refresh: () => api.post("/refresh") };
                    """,
                "src/services/api.ts": """
                    ↓import { session } from "@/store/session";
                    export const api = { post: (url: string) => fetch(url, { headers: { Authorization: session.token } }) };
                    """,
            ], note: "a cycle through tsconfig path aliases"),
        ],
        nonTriggering: [
            CollectorExample([
                "src/hooks/useOrders.ts": """
                    import { supabase } from "@/integrations/supabase/client";
                    export function useOrders() {
                      return useQuery({ queryKey: ["orders"], queryFn: async () => (await supabase.from("orders").select("*")).data });
                    }
                    """,
                "src/pages/Orders.tsx": """
                    import { supabase } from "@/integrations/supabase/client";
                    import { useOrders } from "@/hooks/useOrders";
                    export default function Orders() {
                      const { data } = useOrders();
                      const signOut = () => supabase.auth.signOut();
                      const pay = (id: string) => supabase.functions.invoke("pay", { body: { id } });
                      // supabase.from("orders") used to live here
                      const ids = Array.from(new Set(data?.map((o) => o.id)));
                      return <ul onClick={signOut}>{ids.map((id) => <li key={id} onClick={() => pay(id)}>{id}</li>)}</ul>;
                    }
                    """,
            ], note: "data access in a hook; auth and edge-function calls in the component; a comment"),
            CollectorExample([
                "src/context/CartContext.tsx": """
                    import { createContext, useEffect, useState } from "react";
                    import { supabase } from "@/integrations/supabase/client";
                    export const CartContext = createContext(null);
                    export function CartProvider({ children }) {
                      const [items, setItems] = useState([]);
                      useEffect(() => { supabase.from("cart_items").select("*").then(({ data }) => setItems(data ?? [])); }, []);
                      return <CartContext.Provider value={{ items }}>{children}</CartContext.Provider>;
                    }
                    """,
            ], note: "a context provider is the SPA's data layer"),
            CollectorExample([
                "next.config.js": "module.exports = {};\n",
                "app/posts/page.tsx": """
                    import { prisma } from "@/lib/prisma";
                    export default async function Posts() {
                      const posts = await prisma.post.findMany({ orderBy: { createdAt: "desc" } });
                      return <ul>{posts.map((p) => <li key={p.id}>{p.title}</li>)}</ul>;
                    }
                    """,
                "pages/legacy.tsx": """
                    export async function getServerSideProps() {
                      return { props: { n: await prisma.user.count() } };
                    }
                    export default function Legacy({ n }) { return <p>{n}</p>; }
                    """,
            ], note: "Next.js server components and getServerSideProps run on the server"),
            CollectorExample([
                "src/lib/a.ts": "import type { B } from \"./b\";\nexport const a = (b: B) => b.name;\n",
                "src/lib/b.ts": "import { a } from \"./a\";\nexport interface B { name: string }\nexport const viaA = (b: B) => a(b);\n",
            ], note: "a type-only import does not make a runtime cycle"),
            CollectorExample([
                "server/routes.ts": """
                    import { db } from "./db";
                    export async function listOrders(userId: string) { return db.select().from(orders).where(eq(orders.userId, userId)); }
                    """,
                "server/db.ts": "export const db = drizzle(pool);\n",
            ], note: "database calls in server code"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let model = AppCodeModel(app)
        guard !model.files.isEmpty else {
            return .notMeasured(d.id, "no authored program files (JS/TS/Python) to measure",
                                evidence: [Evidence("excluded files", model.excludedSummary())])
        }
        var findings: [Finding] = []
        let next = isNextApp(app)
        let ui = model.files.filter { f in
            f.isUI && (f.role == .client || f.role == .shared) && !(next && isServerComponent(f)) && !Self.isDataLayer(f.path)
        }
        var dirty = 0
        var sites = 0
        for f in ui {
            let calls = f.dataAccess.filter { !$0.serverOnly }
            guard let first = calls.first, let file = app.file(f.path) else { continue }
            dirty += 1
            sites += calls.count
            var apis: [String] = []
            for c in calls where !apis.contains(c.api) { apis.append(c.api) }
            let shown = apis.prefix(3).joined(separator: ", ") + (apis.count > 3 ? ", …" : "")
            let supabase = calls.contains { $0.api.lowercased().contains("supabase") || $0.api.contains(".from(") || $0.api.contains("rest/v1") }
            let risk = supabase
                ? "Every query then runs in the browser with only Row Level Security between a user and the data, and business rules (totals, status changes, permissions) live in the component, where they can be bypassed and cannot be reused or tested."
                : "Business rules and queries then live in the view, where they are bypassed by any other client and cannot be reused or tested."
            findings.append(Finding.at(d, rule: "data-access-in-ui", file: file, offset: first.offset,
                message: "UI component file \(f.path) calls the database directly (\(calls.count) call\(calls.count == 1 ? "" : "s"): \(shown)). \(risk) Move data access into a data layer — hooks or services that call server endpoints, edge functions or RPCs enforcing the rules on the server."))
        }

        let configs = TSConfigSet.of(app)
        let resolver = ImportResolver(files: Set(model.files.map(\.path)), aliases: configs.aliases())
        let graph = ImportGraph.build(model.files, resolver: resolver)
        let cycles = graph.cycles()
        for comp in cycles {
            let start = comp[0]
            let path = graph.shortestCycle(from: start, within: comp)
            guard path.count > 1, let file = app.file(graph.nodes[start]) else { continue }
            let nextNode = path[1]
            let offset = graph.edges[start].first { $0.to == nextNode }?.offset ?? 0
            let names = (path + [start]).map { graph.nodes[$0] }.joined(separator: " → ")
            let more = comp.count > path.count ? " (\(comp.count) files are tangled in this cycle)" : ""
            findings.append(Finding.at(d, rule: "import-cycle", file: file, offset: offset, severity: .low,
                message: "Import cycle: \(names)\(more). Modules in a cycle load in an order that depends on which one is imported first, so a value can be undefined at startup, and none of them can be understood or tested alone. Move the shared piece into its own module or invert one dependency."))
        }

        let share = ui.isEmpty ? 100 : FindingScore.share(ui.count - dirty, of: ui.count)
        var value = share
        for _ in cycles { value *= 1 - FindingScore.weight(.low) }
        var edges = 0
        for e in graph.edges { edges += e.count }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.round1(value)), findings: findings, evidence: [
            Evidence("program files", model.files.count), Evidence("UI component files", ui.count),
            Evidence("UI files with direct data access", dirty), Evidence("direct data-access calls in UI", sites),
            Evidence("data-access calls outside UI", model.files.reduce(0) { $0 + $1.dataAccess.count } - sites),
            Evidence("internal imports", edges), Evidence("import cycles", cycles.count),
            Evidence("files in cycles", cycles.reduce(0) { $0 + $1.count }),
        ])
    }

    static let dataLayerFolders: Set<String> = [
        "context", "contexts", "provider", "providers", "store", "stores", "state", "hooks", "services", "service", "api",
        "lib", "utils", "data", "queries", "repositories", "actions",
    ]

    /// A React data layer, even when the file renders JSX: a context provider, a store, a hook or a
    /// service module (`src/context/AuthContext.tsx`, `src/hooks/useOrders.tsx`, `src/lib/…`,
    /// `AuthProvider.tsx`), where a SPA is supposed to keep its data access.
    static func isDataLayer(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        for dir in parts.dropLast() where dataLayerFolders.contains(dir.lowercased()) { return true }
        guard let name = parts.last else { return false }
        let stem = name.split(separator: ".").first.map(String.init) ?? ""
        if stem.hasSuffix("Context") || stem.hasSuffix("Provider") || stem.hasSuffix("Store") { return true }
        return stem.count > 3 && stem.hasPrefix("use") && stem.dropFirst(3).first?.isUppercase == true
    }

    private func isNextApp(_ app: AppContext) -> Bool {
        for name in ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"] where !app.files(named: name).isEmpty { return true }
        for pkg in app.files(named: "package.json") where pkg.contains("\"next\":") { return true }
        return false
    }

    /// A Next.js App Router file without `'use client'`: a server component.
    private func isServerComponent(_ f: FileCodeAnalysis) -> Bool {
        guard f.directive != "use client" else { return false }
        let parts = f.path.split(separator: "/")
        return parts.dropLast().contains("app")
    }
}
