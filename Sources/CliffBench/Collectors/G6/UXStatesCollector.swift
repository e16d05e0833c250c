import Foundation

/// G6.D1: components that load data show a loading state, an error state and (when they render a list)
/// an empty state.
///
/// A data-loading component is a UI file (JSX/TSX, Vue, Svelte, or browser JS that writes innerHTML)
/// that reads data on its own — `useQuery`/`useSWR`/`useInfiniteQuery`, `fetch`/axios/an `api` helper
/// without a mutating method, a Supabase `.from(…).select`, Firestore reads — outside event handlers
/// (reads inside `submit`/`handle…`/`on…` are part of an action), or calls an app hook that does, or is a
/// Next.js server page that awaits data. States are read from the code: loading (`isLoading`/`isPending`,
/// a `loading` state, Skeleton/Spinner/Loader, "Loading…" text, `<Suspense fallback>`, a route
/// `loading.tsx`); error (`isError`, `error &&`/`error ?`/`{error}`, `if (error)` that renders or sets
/// state — not one that only logs —, `status === "error"`, `role="alert"`, toasts in a failure path, a
/// route `error.tsx`, a global React Query `onError` — error handling inside an event handler such as
/// `deleteService` or `changeRole` is about that action, not the load); empty (`.length === 0`, `!items.length`,
/// `.length ? … : …`, "No … yet" text, `{:else}`) — a fallback to mock data is not an empty state. Score:
/// share of data-loading components with every state they need. Not measured when no component loads data.
public struct UXStatesCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G6.D1", slug: "ux-states", kind: .diagnostic, methods: "S",
        measures: "empty, loading and error states",
        severity: .medium, remediation: RemediationCost(baseHours: 0.75, perFindingHours: 0.5),
        triggering: [
            CollectorExample("src/pages/MyAppointments.tsx", """
                import { useQuery } from "@tanstack/react-query";
                import { supabase } from "@/lib/supabase";
                export default function MyAppointments() {
                  const { data = [] } = ↓useQuery({
                    queryKey: ["appointments"],
                    queryFn: async () => (await supabase.from("appointments").select("*")).data ?? [],
                  });
                  return <ul>{data.map((a) => <li key={a.id}>{a.date}</li>)}</ul>;
                }
                """, note: "a list query with no loading, empty or error state"),
            CollectorExample("src/pages/Inbox.tsx", """
                import { useEffect, useState } from "react";
                import { supabase } from "@/lib/supabase";
                import { mockTickets } from "@/data/mockTickets";
                export default function Inbox() {
                  const [tickets, setTickets] = useState([]);
                  const [loading, setLoading] = useState(true);
                  useEffect(() => {
                    supabase↓.from("tickets").select("*").then(({ data, error }) => {
                      if (error) console.log(error);
                      setTickets(data?.length ? data : mockTickets);
                      setLoading(false);
                    });
                  }, []);
                  if (loading) return <p>Loading…</p>;
                  return <div>{tickets.map((t) => <p key={t.id}>{t.subject}</p>)}</div>;
                }
                """, note: "logs the error instead of showing it, and falls back to mock data instead of an empty state"),
            CollectorExample([
                "src/hooks/useDoctors.ts": """
                    import useSWR from "swr";
                    export function useDoctors() {
                      return useSWR("/api/doctors", (u) => fetch(u).then((r) => r.json()));
                    }
                    """,
                "src/components/DoctorList.tsx": """
                    import { useDoctors } from "@/hooks/useDoctors";
                    export function DoctorList() {
                      const { data, isLoading } = ↓useDoctors();
                      if (isLoading) return <Spinner />;
                      return <div>{data.map((d) => <p key={d.id}>{d.name}</p>)}</div>;
                    }
                    """,
            ], note: "data loaded through an app hook: no error and no empty state"),
            CollectorExample("src/pages/admin/Services.tsx", """
                import { useEffect, useState } from "react";
                import { toast } from "sonner";
                import { supabase } from "@/lib/supabase";
                export default function Services() {
                  const [services, setServices] = useState([]);
                  const [loading, setLoading] = useState(true);
                  const loadServices = async () => {
                    const { data, error } = await supabase↓.from("services").select("*");
                    if (error) console.error(error);
                    setServices(data ?? []);
                    setLoading(false);
                  };
                  const deleteService = async (id) => {
                    const { error } = await supabase.from("services").delete().eq("id", id);
                    if (error) return toast.error("Could not delete");
                  };
                  useEffect(() => { loadServices(); }, []);
                  if (loading) return <p>Loading…</p>;
                  if (services.length === 0) return <p>No services yet.</p>;
                  return <ul>{services.map((s) => <li key={s.id} onClick={() => deleteService(s.id)}>{s.name}</li>)}</ul>;
                }
                """, note: "the only error toast belongs to the delete handler; a failed load is just logged"),
        ],
        nonTriggering: [
            CollectorExample("src/pages/Tickets.tsx", """
                import { useQuery } from "@tanstack/react-query";
                export default function Tickets() {
                  const { data, isLoading, isError, refetch } = useQuery({ queryKey: ["t"], queryFn: () => fetch("/api/tickets").then((r) => r.json()) });
                  if (isLoading) return <Skeleton className="h-20" />;
                  if (isError) return <p role="alert">Could not load tickets. <button onClick={() => refetch()}>Retry</button></p>;
                  if (data.length === 0) return <p>No tickets yet.</p>;
                  return <ul>{data.map((t) => <li key={t.id}>{t.subject}</li>)}</ul>;
                }
                """, note: "all three states"),
            CollectorExample("src/pages/Login.tsx", """
                import { supabase } from "@/lib/supabase";
                export default function Login() {
                  const submit = async (e) => {
                    e.preventDefault();
                    const { data } = await supabase.from("agents").select("*").eq("id", e.target.id.value).single();
                    await fetch("/api/login", { method: "POST", body: JSON.stringify(data) });
                  };
                  return <form onSubmit={submit}><button>Sign in</button></form>;
                }
                """, note: "reads and writes inside an event handler are an action, not a data-loading view"),
            CollectorExample([
                "app/orders/page.tsx": """
                    import { prisma } from "@/lib/db";
                    export default async function OrdersPage() {
                      const orders = await prisma.order.findMany({ take: 20 });
                      if (orders.length === 0) return <p>No orders yet.</p>;
                      return <ul>{orders.map((o) => <li key={o.id}>{o.total}</li>)}</ul>;
                    }
                    """,
                "app/orders/loading.tsx": "export default function Loading() { return <p>Loading orders…</p>; }\n",
                "app/error.tsx": "\"use client\";\nexport default function Error({ reset }) { return <button onClick={reset}>Try again</button>; }\n",
            ], note: "a Next.js server page with route loading.tsx and error.tsx"),
            CollectorExample("src/lib/api.ts", """
                // fetch("/api/tickets") from components
                export const getTickets = () => fetch("/api/tickets").then((r) => r.json());
                """, note: "a data helper without markup is not a component"),
        ])

    public var rules: [PatternRule] {
        let langs: Set<Language> = [.jsx, .tsx, .javascript, .typescript, .vue, .svelte]
        return [
            PatternRule(id: "G6.D1/fetch", literals: ["useQuery(", "useQuery<", "useSWR(", "useSWR<", "useInfiniteQuery(", "useSuspenseQuery(", "fetch(",
                                                      "axios.", "axios(", "getDocs(", "getDoc(", "onSnapshot(", "useFetch(", "$fetch(",
                                                      "useLiveQuery(", "useCollection(", "api(", "api<", "api.get(", "{#await"],
                        regions: .code, languages: langs, wordStart: true,
                        regexEquivalent: #"\b(useQuery|useSWR|useInfiniteQuery|useSuspenseQuery|fetch|getDocs?|onSnapshot|useFetch|useLiveQuery|useCollection|api)\s*[(<]|\baxios[.(]"#),
            PatternRule(id: "G6.D1/select", literals: [".from("], regions: .code, languages: langs,
                        regexEquivalent: #"\.from\(\s*['"`]\w+['"`]\s*\)\s*\.select\("#),
            PatternRule(id: "G6.D1/service-read", literals: [".findMany(", ".findFirst(", ".findUnique(", "pool.query(", "db.query(", "client.query(", "sql`"],
                        regions: .code, languages: langs,
                        regexEquivalent: #"\.(findMany|findFirst|findUnique)\(|\b(pool|db|client)\.query\(|\bsql`"#),
            PatternRule(id: "G6.D1/async-page", literals: ["export default async function"], regions: .code, languages: [.jsx, .tsx, .javascript, .typescript],
                        regexEquivalent: #"export\s+default\s+async\s+function"#),
        ]
    }

    private struct States {
        var loading = false, error = false, empty = false
        var mock: String?
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let hits = G6Hits(app, metric: d.id, rules: ["fetch", "select", "service-read", "async-page"])

        // App hooks and service functions that load data (`useTickets`, `getUserBookings`).
        var fetchHooks = Set<String>()
        for path in hits.paths {
            guard let f = hits.files[path], G6Scan.isAppCode(f) else { continue }
            let reads = hits.hits(path, "fetch") + hits.hits(path, "select") + hits.hits(path, "service-read")
            guard !reads.isEmpty else { continue }
            let functions = G6Function.all(in: f)
            let sites = readSites(f, reads, functions)
            guard !sites.isEmpty else { continue }
            let component = isComponent(f)
            for fn in functions where sites.contains(where: { fn.body.contains($0) }) {
                let hook = fn.name.hasPrefix("use") && fn.name.utf8.dropFirst(3).first.map({ $0 >= 0x41 && $0 <= 0x5A }) == true
                let service = !component && fn.name.utf8.count >= 6 && fn.name.utf8.first.map({ $0 >= 0x61 && $0 <= 0x7A }) == true
                if hook || service { fetchHooks.insert(fn.name) }
            }
        }
        let globalError = app.files.contains { f in
            G6Scan.isAppCode(f) && (f.contains("QueryCache(", in: .code) || f.contains("SWRConfig", in: .code) || f.contains("MutationCache(", in: .code))
                && f.contains("onError", in: .code)
        }

        var components = 0, complete = 0
        var findings: [Finding] = []
        let uiLanguages: Set<Language> = [.jsx, .tsx, .javascript, .vue, .svelte]
        for f in app.files where uiLanguages.contains(f.language) {
            let path = f.path
            let fetchHits = hits.hits(path, "fetch") + hits.hits(path, "select") + hits.hits(path, "service-read")
            var hookCalls = fetchHooks.isEmpty ? [] : calls(f, to: fetchHooks)
            let pageHits = hits.hits(path, "async-page")
            guard !fetchHits.isEmpty || !hookCalls.isEmpty || !pageHits.isEmpty, isComponent(f) else { continue }
            let functions = G6Function.all(in: f)
            hookCalls = hookCalls.filter { !isInAction(functions, $0) }
            var reads = readSites(f, fetchHits, functions) + hookCalls
            let viaQuery = hookCalls.contains { G6Scan.hasLiteral(f.bytes, at: $0, "use") } || fetchHits.contains { ["useQuery(", "useQuery<", "useInfiniteQuery(", "useSuspenseQuery(", "useSWR(", "useSWR<"].contains(G6Scan.text(f.bytes, $0.offset..<($0.offset + $0.length))) }
            let serverPage = isServerPage(f, pageHits)
            if let s = serverPage { reads.append(s) }
            guard let first = reads.min() else { continue }
            components += 1

            var st = detect(f, functions)
            if serverPage != nil {
                st.loading = st.loading || routeFile(app, f.path, "loading")
                st.error = st.error || routeFile(app, f.path, "error") || routeFile(app, f.path, "global-error")
            }
            if viaQuery && globalError { st.error = true }
            let list = rendersList(f)
            var missing: [String] = []
            if !st.loading { missing.append("loading") }
            if !st.error { missing.append("error") }
            if list && !st.empty { missing.append("empty") }
            if missing.isEmpty && st.mock == nil { complete += 1; continue }

            let name = componentName(f.path)
            var message = "\(name) loads data but shows no \(join(missing)) state"
            if missing.isEmpty { message = "\(name) loads a list" }
            var parts: [String] = []
            if missing.contains("loading") { parts.append("users see a blank or stale screen while the request runs") }
            if missing.contains("error") { parts.append("a failed request leaves them with nothing and no way to retry") }
            if missing.contains("empty") { parts.append("an empty list renders as a blank area with no explanation") }
            if let mock = st.mock {
                parts.append("when the list is empty it shows mock data (\(mock)) instead of an empty state, so real users see fake records")
            }
            message += ": " + parts.joined(separator: "; ") + ". Render "
            var fixes: [String] = []
            if missing.contains("loading") { fixes.append("a loading indicator (isLoading → Skeleton/Spinner)") }
            if missing.contains("error") { fixes.append("an error message with a retry") }
            if missing.contains("empty") || st.mock != nil { fixes.append("an empty message (\"No … yet\") with the next action") }
            message += fixes.joined(separator: ", ") + "."
            let severity: Severity = (missing.contains("error") && list) || st.mock != nil ? .medium : .low
            findings.append(Finding.at(d, rule: st.mock != nil ? "mock-fallback" : "missing-states", file: f, offset: first, severity: severity, message: message))
        }

        guard components > 0 else { return .notMeasured(d.id, "no component loads data (no query hook, fetch, Supabase select or server page awaiting data)") }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.share(complete, of: components)), findings: findings, evidence: [
            Evidence("data-loading components", components), Evidence("components with every state", complete),
            Evidence("app hooks that load data", fetchHooks.count),
        ])
    }

    // MARK: What a component reads

    private static let actionPrefixes = ["handle", "on", "submit", "save", "send", "login", "signin", "signup", "register", "book", "pay", "cancel",
                                         "delete", "remove", "create", "add", "update", "approve", "reply", "confirm", "checkout", "upload", "logout",
                                         "change", "rename", "archive", "toggle", "edit", "invite", "assign", "reject", "publish"]

    /// Offsets of calls that read data outside event handlers.
    private func readSites(_ f: ScannedFile, _ fetchHits: [(rule: String, offset: Int, length: Int)], _ functions: [G6Function]) -> [Int] {
        let b = f.bytes
        var out: [Int] = []
        for h in fetchHits {
            let lit = G6Scan.text(b, h.offset..<(h.offset + h.length))
            if h.offset > 0 && b[h.offset - 1] == 0x2E && !lit.contains(".") { continue }
            if let p = G6Scan.identBefore(b, h.offset), p.name == "function" || p.name == "async" { continue }
            switch lit {
            case ".from(":
                let a = G6Scan.skipSpace(b, h.offset + 6)
                guard G6Scan.quoted(b, at: a) != nil, let close = G6Scan.closing(f, open: h.offset + 5) else { continue }
                if let r = G6Scan.identBefore(b, h.offset), ["Array", "storage", "Buffer", "Object"].contains(r.name) { continue }
                let calls = DataModel.chain(f, from: close + 1, maxCalls: 3).calls
                guard calls.first?.name == "select" else { continue }
            case "fetch(", "api(", "api<", "axios(":
                var open = h.offset + h.length - 1
                if lit == "api<" { guard let p = G6Scan.firstIndex(b, of: "(", in: open..<min(b.count, open + 300)) else { continue }; open = p }
                if let close = G6Scan.closing(f, open: open), isMutation(b, (open + 1)..<close) { continue }
            case "pool.query(", "db.query(", "client.query(", "sql`":
                let window = h.offset..<min(b.count, h.offset + 200)
                if ["insert ", "update ", "delete "].contains(where: { G6Scan.contains(b, $0, in: window, foldCase: true) }) { continue }
            case "axios.":
                let m = G6Scan.text(b, (h.offset + 6)..<G6Scan.identEnd(b, h.offset + 6))
                guard m == "get" || m == "request" else { continue }
            default: break
            }
            if isInAction(functions, h.offset) { continue }
            out.append(h.offset)
        }
        return out
    }

    /// Whether `offset` sits in an event handler (`submit`, `handleX`, `onX`, `saveX`…) rather than a loader.
    private func isInAction(_ functions: [G6Function], _ offset: Int) -> Bool {
        guard let fn = G6Function.enclosing(functions, offset), let c = fn.name.utf8.first, !(c >= 0x41 && c <= 0x5A) else { return false }
        let n = fn.name.lowercased()
        return Self.actionPrefixes.contains(where: { n.hasPrefix($0) }) && !n.hasPrefix("onmount")
    }

    /// Offsets of calls to any of `names` in code (`name(` or `Service.name(`), definitions excluded.
    private func calls(_ f: ScannedFile, to names: Set<String>) -> [Int] {
        let b = f.bytes
        var out: [Int] = []
        // Length and first byte of the names, checked before an identifier becomes a String.
        var firsts = [Bool](repeating: false, count: 256)
        var lengths = Set<Int>()
        for n in names { if let c = n.utf8.first { firsts[Int(c)] = true }; lengths.insert(n.utf8.count) }
        var cursor = RegionCursor(f.regions, from: 0)
        var i = 0
        while i < b.count {
            if let skip = cursor.skip(i) { i = skip; continue }
            let c = b[i]
            guard ByteClass.isAlpha(c) || c == 0x5F, i == 0 || !G6Scan.isIdent(b[i - 1]) else { i += 1; continue }
            let e = G6Scan.identEnd(b, i)
            if e - i >= 4, e < b.count, b[e] == 0x28 || b[e] == 0x3C, firsts[Int(c)], lengths.contains(e - i), names.contains(G6Scan.text(b, i..<e)) {
                if let p = G6Scan.identBefore(b, i), ["function", "const", "let", "var", "async"].contains(p.name) {} else { out.append(i) }
            }
            i = e
        }
        return out
    }

    private func isMutation(_ b: [UInt8], _ args: Range<Int>) -> Bool {
        guard let m = G6Scan.firstIndex(b, of: "method", in: args, wordStart: true) else { return false }
        let window = m..<min(args.upperBound, m + 40)
        return ["POST", "PUT", "PATCH", "DELETE", "post", "put", "patch", "delete"].contains { G6Scan.contains(b, $0, in: window) }
    }

    private func isComponent(_ f: ScannedFile) -> Bool {
        switch G6Scan.role(f) {
        case .client, .shared, .other: break
        case .server: guard f.language == .tsx || f.language == .jsx else { return false }
        default: return false
        }
        switch f.language {
        case .jsx, .tsx, .vue, .svelte: return f.contains("<", in: .code)
        case .javascript: return f.contains("innerHTML", in: .code) || f.contains("</", in: .code)
        default: return false
        }
    }

    /// A Next.js app-router page that is a server component awaiting data.
    private func isServerPage(_ f: ScannedFile, _ hits: [(rule: String, offset: Int, length: Int)]) -> Int? {
        let name = G6Scan.fileName(f.path)
        guard name.hasPrefix("page."), ("/" + f.path).contains("/app/"), FileRole.directive(f.bytes) != "use client", let h = hits.first else { return nil }
        let awaits = f.find("await ", in: .code, wordStart: true)
        return awaits.first { $0 > h.offset }
    }

    /// Whether `name.tsx|jsx|js` exists in the page's folder or an ancestor inside `app/`.
    private func routeFile(_ app: AppContext, _ path: String, _ name: String) -> Bool {
        var dir = G6Scan.directory(path)
        while !dir.isEmpty {
            for ext in ["tsx", "jsx", "js", "ts"] where app.file("\(dir)/\(name).\(ext)") != nil { return true }
            if dir.hasSuffix("/app") || dir == "app" { break }
            dir = G6Scan.directory(dir)
        }
        return false
    }

    private func rendersList(_ f: ScannedFile) -> Bool {
        f.contains(".map(", in: .code) || f.contains("v-for", in: .any) || f.contains("{#each", in: .any) || f.contains("<FlatList", in: .any)
    }

    // MARK: States

    private func detect(_ f: ScannedFile, _ functions: [G6Function]) -> States {
        let b = f.bytes
        var st = States()

        for marker in ["<Skeleton", "<Spinner", "<Loader", "Loader2", "<CircularProgress", "<ActivityIndicator", "<Spin ", "aria-busy", "<Suspense", "{#await",
                       "\"loading\"", "'loading'", "\"pending\"", "'pending'", "<LoadingSpinner", "<LoadingState", "<PageLoader"] where f.contains(marker, in: .live) {
            st.loading = true
            break
        }
        if !st.loading && !f.find("Loading", in: .live, wordStart: true).isEmpty { st.loading = true }
        if !st.loading {
            for id in identifiers(f) where id.count >= 2 {
                let n = id.name.lowercased()
                if n.hasPrefix("isloading") || n.hasPrefix("ispending") || n.hasPrefix("isfetching") || n == "isinitialloading" || n.hasPrefix("loading") || n == "pending" || n == "fetching" {
                    st.loading = true
                    break
                }
            }
        }
        if !st.loading && (f.contains(".isLoading", in: .code) || f.contains(".isPending", in: .code)) { st.loading = true }

        st.error = detectError(f, functions)

        for marker in ["EmptyState", "<Empty", "{:else}", "ListEmptyComponent", "isEmpty", "Nothing ", "nothing here", "no results", "No results"] where f.contains(marker, in: .live) {
            st.empty = true
            break
        }
        if !st.empty {
            for i in f.find("No ", in: .live, wordStart: true) where i + 3 < b.count && ByteClass.isAlpha(b[i + 3]) {
                st.empty = true
                break
            }
        }
        for i in f.find(".length", in: .code) {
            let e = i + 7
            guard e >= b.count || !G6Scan.isIdent(b[e]) else { continue }
            let j = G6Scan.skipSpace(b, e)
            var isEmptyCheck = false
            for op in ["=== 0", "== 0", "< 1", "<= 0", "===0", "==0"] where G6Scan.hasLiteral(b, at: j, op) { isEmptyCheck = true }
            var ternary = j < b.count && b[j] == 0x3F && (j + 1 >= b.count || b[j + 1] != 0x2E && b[j + 1] != 0x3F)
            for op in ["> 0", ">= 1", ">0"] where G6Scan.hasLiteral(b, at: j, op) {
                let k = G6Scan.skipSpace(b, j + op.utf8.count)
                if k < b.count && b[k] == 0x3F { ternary = true }
            }
            var negated = false
            var s = i
            while s > 0 && (G6Scan.isIdent(b[s - 1]) || b[s - 1] == 0x2E || b[s - 1] == 0x3F) { s -= 1 }
            if s > 0 && b[s - 1] == 0x21 { negated = true }
            guard isEmptyCheck || ternary || negated else { continue }
            let window = i..<min(b.count, i + 160)
            if let m = mockName(f, window) {
                st.mock = m
                continue
            }
            st.empty = true
        }
        if st.mock == nil {
            for op in ["||", "??"] {
                for i in f.find(op, in: .code) {
                    if let m = mockName(f, (i + 2)..<min(b.count, i + 40)) { st.mock = m }
                }
            }
        }
        return st
    }

    private func mockName(_ f: ScannedFile, _ window: Range<Int>) -> String? {
        let b = f.bytes
        for w in ["mock", "sample", "demo", "fake", "dummy"] {
            guard let i = G6Scan.firstIndex(b, of: w, in: window, foldCase: true), f.kind(at: i) == .code else { continue }
            let s = G6Scan.identStart(b, endingAt: i)
            let e = G6Scan.identEnd(b, i)
            let name = G6Scan.text(b, s..<e)
            if !name.isEmpty && !name.lowercased().hasPrefix("set") { return name }
        }
        return nil
    }

    /// Error handling is credited to the component's loading unless it sits in an event handler: a toast
    /// when a delete fails says nothing about a list that failed to load.
    private func detectError(_ f: ScannedFile, _ functions: [G6Function]) -> Bool {
        let b = f.bytes
        for marker in ["role=\"alert\"", "role='alert'", "<Alert", "<ErrorBoundary", "<ErrorMessage", "<ErrorState", "{:catch", "\"error\"", "'error'"] where f.contains(marker, in: .live) {
            if marker.hasSuffix("error\"") || marker.hasSuffix("error'") {
                // a status compared with "error": status === "error"
                for i in f.find(marker, in: .any) {
                    guard let p = G6Scan.prevNonSpace(b, before: i), b[p] == 0x3D else { continue }
                    return true
                }
                continue
            }
            return true
        }
        for id in identifiers(f) {
            let n = id.name.lowercased()
            if n == "iserror" { return true }
            guard n == "error" || n == "err" || (n.hasSuffix("error") && !n.hasPrefix("set") && !n.hasPrefix("on") && !n.hasPrefix("handle") && n != "typeerror" && n != "rangeerror") else { continue }
            for i in id.offsets {
                if i > 0 && b[i - 1] == 0x2E { continue }
                if isInAction(functions, i) { continue }
                var e = i + id.name.utf8.count
                for member in ["?.message", ".message", "?.msg"] where G6Scan.hasLiteral(b, at: e, member) { e += member.utf8.count }
                let j = G6Scan.skipSpace(b, e)
                if G6Scan.hasLiteral(b, at: j, "&&") { return true }
                if j < b.count && b[j] == 0x3F && (j + 1 >= b.count || (b[j + 1] != 0x2E && b[j + 1] != 0x3F)) { return true }
                if let p = G6Scan.prevNonSpace(b, before: i), b[p] == 0x7B, j < b.count && b[j] == 0x7D { return true }
                if let p = G6Scan.prevNonSpace(b, before: i), b[p] == 0x28, p >= 2, let q = G6Scan.prevNonSpace(b, before: p), q >= 1, G6Scan.hasLiteral(b, at: q - 1, "if"),
                   j < b.count, b[j] == 0x29 {
                    var k = G6Scan.skipSpace(b, j + 1)
                    if k < b.count && b[k] == 0x7B { k = G6Scan.skipSpace(b, k + 1) }
                    for good in ["return", "set", "toast", "alert(", "notify", "message.error", "showError", "navigate"] where G6Scan.hasLiteral(b, at: k, good) {
                        if good == "return" {
                            let r = G6Scan.skipSpace(b, k + 6)
                            if r < b.count && (b[r] == 0x3C || b[r] == 0x28 || G6Scan.hasLiteral(b, at: r, "toast") || G6Scan.hasLiteral(b, at: r, "alert") || G6Scan.hasLiteral(b, at: r, "set")) { return true }
                            continue
                        }
                        return true
                    }
                }
            }
        }
        for marker in ["toast.error(", "toast({", "alert(", "message.error(", "enqueueSnackbar(", "notification.error(", "toast.error`"] {
            for i in f.find(marker, in: .code, wordStart: !marker.hasPrefix("toast")) where !isInAction(functions, i) {
                let window = max(0, i - 200)..<i
                if ["catch", "error", "err", "!res.ok", "!response.ok", ".ok)", "failed"].contains(where: { G6Scan.contains(b, $0, in: window) }) { return true }
            }
        }
        return false
    }

    /// Code identifiers of a file with their offsets.
    private func identifiers(_ f: ScannedFile) -> [(name: String, offsets: [Int], count: Int)] {
        let b = f.bytes
        var map: [String: [Int]] = [:]
        var cursor = RegionCursor(f.regions, from: 0)
        var i = 0
        while i < b.count {
            if let skip = cursor.skip(i) { i = skip; continue }
            let c = b[i]
            if ByteClass.isAlpha(c) || c == 0x5F {
                let e = G6Scan.identEnd(b, i)
                let len = e - i
                if (i == 0 || !G6Scan.isIdent(b[i - 1])) && len >= 3 && len <= 32 && Self.isStateName(b, i..<e) {
                    map[G6Scan.text(b, i..<e), default: []].append(i)
                }
                i = e
                continue
            }
            i += 1
        }
        return map.map { ($0.key, $0.value, $0.value.count) }
    }

    /// Names a loading or error flag goes by, ASCII case folded: is…, loading…, pending, fetching, err…, …error.
    private static func isStateName(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        func has(_ lit: StaticString, at start: Int) -> Bool {
            let n = lit.utf8CodeUnitCount
            guard start >= r.lowerBound, start + n <= r.upperBound else { return false }
            let p = lit.utf8Start
            for k in 0..<n where ByteClass.lower(b[start + k]) != p[k] { return false }
            return true
        }
        let n = r.count, s = r.lowerBound
        return has("is", at: s) || has("loading", at: s) || has("err", at: s) || has("error", at: r.upperBound - 5)
            || (n == 7 && has("pending", at: s)) || (n == 8 && has("fetching", at: s))
    }

    private func componentName(_ path: String) -> String {
        let name = G6Scan.fileName(path)
        let base = name.split(separator: ".").first.map(String.init) ?? name
        if ["page", "index", "+page", "route"].contains(base) { return path }
        return "\(base) (\(path))"
    }

    private func join(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
