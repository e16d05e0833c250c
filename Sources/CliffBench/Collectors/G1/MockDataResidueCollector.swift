import Foundation

/// G1.D2: mock, fixture and placeholder data reachable from shipped code.
///
/// - imports of mock/fixture/dummy/fake/stub/sample-data/demo-data/seed modules (or of names such
///   as `mockTickets`, `dummyUsers`) from non-test client or server code; a dynamic import behind
///   a development-mode guard (the usual MSW setup) is fine;
/// - hard-coded record lists named as samples (`SAMPLE_DOCTORS`, `fakeOrders`, `demoData`) and
///   record lists used as the fallback when real data is empty (`data.length ? data : X`);
/// - `faker` (@faker-js/faker, Python Faker, mimesis) used outside seeds and tests;
/// - lorem ipsum, placeholder people (John/Jane Doe, `@example.com`, `555-` phone numbers,
///   `123 Main St`) and placeholder-image services (via.placeholder.com, placehold.co, picsum.photos,
///   unsplash.it, pravatar, …) in shipped code — but not in input `placeholder` hints.
/// Seed scripts, tests, stories, fixtures folders, docs and unused mock files are not shipped and
/// never count. Score from findings (medium for mock data users see, low for text/image placeholders).
public struct MockDataResidueCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G1.D2", slug: "mock-data-residue", kind: .diagnostic, methods: "S",
        measures: "mock, fixture, lorem-ipsum or placeholder data reachable from shipped code",
        severity: .medium, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.5),
        triggering: [
            CollectorExample([
                "src/data/mockTickets.ts": "export const mockTickets = [\n  { id: 't1', subject: 'Late order', status: 'open' },\n]\n",
                "src/pages/Inbox.tsx": """
                    import { useEffect, useState } from 'react'
                    import { supabase } from '@/lib/supabase'
                    import { mockTickets } from ↓'@/data/mockTickets'
                    export default function Inbox() {
                      const [tickets, setTickets] = useState<any[]>([])
                      useEffect(() => { supabase.from('tickets').select('*').then(({ data }) => setTickets(data?.length ? data : mockTickets)) }, [])
                      return <ul>{tickets.map((t) => <li key={t.id}>{t.subject}</li>)}</ul>
                    }
                    """,
            ], note: "a mock module shipped as the fallback inbox"),
            CollectorExample("src/pages/Book.tsx", """
                import { useEffect, useState } from 'react'
                // fallback so the page never looks empty
                const ↓SAMPLE_DOCTORS = [
                  { id: '1', name: 'Dr. Ananya Kulkarni', specialty: 'General Physician', fee: 500 },
                  { id: '2', name: 'Dr. Rohan Deshpande', specialty: 'Paediatrics', fee: 700 },
                ]
                export default function Book() {
                  const [doctors, setDoctors] = useState(SAMPLE_DOCTORS)
                  useEffect(() => { fetch('/api/doctors').then((r) => r.json()).then((d) => setDoctors(d.length ? d : SAMPLE_DOCTORS)) }, [])
                  return <ul>{doctors.map((d) => <li key={d.id}><img src={"https://↓placehold.co/80x80"} />{d.name}</li>)}</ul>
                }
                """, note: "sample doctors shown when the API returns none, and a placeholder image"),
            CollectorExample([
                "data/store.js": "let customers = [\n  { id: 1, name: '↓John Doe', email: 'john@example.com' },\n]\nlet tickets = [{ id: 2, subject: 'Lorem ipsum dolor sit amet' }]\nmodule.exports = { customers, tickets }\n",
                "routes/customers.js": "const { customers } = require('../data/store')\nmodule.exports = (req, res) => res.json(customers)\n",
            ], note: "placeholder people and lorem ipsum in the server's data"),
            CollectorExample("src/components/UserList.tsx", """
                import { faker } from ↓'@faker-js/faker'
                export const users = Array.from({ length: 20 }, () => ({ name: faker.person.fullName() }))
                """, note: "faker in shipped code"),
            CollectorExample([
                "lib/db.ts": "import { drizzle } from 'drizzle-orm/node-postgres'\nimport { Pool } from 'pg'\nexport const db = drizzle(new Pool())\n",
                "app/analytics/page.tsx": """
                    const ↓stats = [
                      { title: 'Occupancy', value: '87%', change: '+4.1% from last month' },
                      { title: 'Bookings', value: '1,284', change: '+12.5% from last month' },
                      { title: 'Revenue', value: '$48,920', change: '+8.2% from last month' },
                    ]
                    const ↓recentBookings = [
                      { guest: 'Olivia Martin', email: 'olivia@mail.test', room: 'Skyline Suite', amount: 1999 },
                      { guest: 'Jackson Lee', email: 'jackson@mail.test', room: 'Harbor Room', amount: 39 },
                      { guest: 'Isabella Nguyen', email: 'isa@mail.test', room: 'Garden Loft', amount: 299 },
                    ]
                    export default function Analytics() {
                      return <div>{stats.map((s) => <p key={s.title}>{s.value}</p>)}{recentBookings.map((b) => <p key={b.email}>{b.guest}</p>)}</div>
                    }
                    """,
            ], note: "KPI tiles and recent records invented in a page of an app with a database, not named as mock"),
            CollectorExample("src/components/Bell.tsx", """
                import { useEffect, useState } from 'react'
                const ↓MESSAGES = ['Sam commented on Ship v2', 'Priya assigned you a task', 'Alex closed Q3 roadmap']
                export function Bell() {
                  const [items, setItems] = useState<string[]>([])
                  useEffect(() => {
                    const id = setInterval(() => setItems((prev) => [MESSAGES[Math.floor(Math.random() * MESSAGES.length)], ...prev]), 15000)
                    return () => clearInterval(id)
                  }, [])
                  return <span>{items.length}</span>
                }
                """, note: "the made-up events a timer shows as live notifications"),
        ],
        nonTriggering: [
            CollectorExample([
                "prisma/seed.ts": "import { faker } from '@faker-js/faker'\nconst users = [{ name: 'John Doe', email: 'john@example.com' }]\n",
                "src/__tests__/inbox.test.tsx": "import { mockTickets } from '../data/mockTickets'\ntest('x', () => expect(mockTickets).toHaveLength(3))\n",
                "src/data/mockTickets.ts": "export const mockTickets = [{ id: 1, subject: 'Lorem ipsum' }]\n",
            ], note: "seed scripts and tests may use fakes; the mock module is not imported by shipped code"),
            CollectorExample("src/pages/Signup.tsx", """
                export default function Signup() {
                  return (
                    <form>
                      <input type="email" placeholder="jane@example.com" />
                      <input placeholder="(555) 123-4567" />
                      {/* TODO: replace lorem ipsum copy */}
                    </form>
                  )
                }
                """, note: "placeholder hints in inputs and a comment"),
            CollectorExample([
                "src/main.tsx": "async function enableMocking() {\n  if (!import.meta.env.DEV) return\n  const { worker } = await import('./mocks/browser')\n  return worker.start()\n}\nenableMocking()\n",
                "src/mocks/browser.ts": "import { setupWorker } from 'msw/browser'\nexport const worker = setupWorker()\n",
                "README.md": "Lorem ipsum placeholder text; contact john@example.com.\n",
            ], note: "MSW mocking behind a development guard, and placeholder text in docs"),
            CollectorExample([
                "lib/db.ts": "import { drizzle } from 'drizzle-orm/node-postgres'\nimport { Pool } from 'pg'\nexport const db = drizzle(new Pool())\n",
                "app/layout.tsx": """
                    const navItems = [
                      { href: '/rooms', label: 'Rooms', icon: 'bed' },
                      { href: '/bookings', label: 'Bookings', icon: 'calendar' },
                      { href: '/analytics', label: 'Analytics', icon: 'chart' },
                    ]
                    const plans = [
                      { name: 'Free', price: 0, features: ['1 room'] },
                      { name: 'Pro', price: 12, features: ['10 rooms'] },
                      { name: 'Team', price: 40, features: ['Unlimited'] },
                    ]
                    export default function Layout({ children }: { children: React.ReactNode }) {
                      return <div><nav>{navItems.map((i) => <a key={i.href} href={i.href}>{i.label}</a>)}</nav>{plans.map((p) => <p key={p.name}>{p.price}</p>)}{children}</div>
                    }
                    """,
                "app/pricing/page.tsx": "const tiers = [\n  { id: 'a', name: 'Basic', amount: 5, status: 'live' },\n  { id: 'b', name: 'Plus', amount: 9, status: 'live' },\n  { id: 'c', name: 'Max', amount: 19, status: 'live' },\n]\nexport default function Pricing() { return <ul>{tiers.map((t) => <li key={t.id}>{t.name}</li>)}</ul> }\n",
            ], note: "navigation and pricing constants in an app with a database"),
        ])

    public var rules: [PatternRule] {
        let code: Set<Language> = [.javascript, .jsx, .typescript, .tsx, .vue, .svelte, .html, .python, .css]
        return [
            PatternRule(id: "G1.D2/lorem", literals: ["lorem ipsum"], caseSensitive: false, regions: .live, languages: code,
                        regexEquivalent: #"(?i)lorem ipsum"#),
            PatternRule(id: "G1.D2/person", literals: ["John Doe", "Jane Doe", "John Smith", "Jane Smith", "@example.com", "@example.org", "@example.net",
                                                        "@test.com", "123 Main St", "555-", "(555)"],
                        regions: .live, languages: code,
                        regexEquivalent: #"John Doe|Jane Doe|John Smith|Jane Smith|@example\.(com|org|net)|@test\.com|123 Main St|(\(555\)|\b555-)\s?\d"#),
            PatternRule(id: "G1.D2/image", literals: ["via.placeholder.com", "placeholder.com/", "placehold.co", "placehold.it", "picsum.photos",
                                                       "unsplash.it", "source.unsplash.com", "dummyimage.com", "placekitten.com", "loremflickr.com",
                                                       "fakeimg.pl", "i.pravatar.cc", "randomuser.me/api/portraits", "placeimg.com", "lorempixel.com",
                                                       // v0's sized stand-ins for real images and its stock avatar.
                                                       "placeholder.svg?height=", "placeholder.svg?width=", "placeholder.svg?text=", "/placeholder-user.jpg"],
                        caseSensitive: false, regions: .live, languages: code,
                        regexEquivalent: #"(?i)(via\.placeholder\.com|placehold\.(co|it)|picsum\.photos|unsplash\.it|source\.unsplash\.com|dummyimage\.com|placekitten\.com|loremflickr\.com|fakeimg\.pl|i\.pravatar\.cc|randomuser\.me/api/portraits|placeimg\.com|lorempixel\.com|placeholder\.svg\?(height|width|text)=|/placeholder-user\.jpg)"#),
        ]
    }

    private static let mockWords: Set<String> = ["mock", "mocks", "mocked", "fixture", "fixtures", "dummy", "fake", "fakes", "stub", "stubs"]
    private static let sampleWords: Set<String> = ["sample", "samples", "demo", "placeholder", "seed", "seeds", "example"]
    private static let dataWords: Set<String> = ["data", "db", "database", "records", "items", "list", "entries", "content", "api", "store"]

    /// Whether a module path or identifier names mock data: `mockTickets`, `__mocks__/x`, `sample-data`, `seed`.
    static func isMockName(_ s: String) -> Bool {
        let words = ProdText.words(s)
        guard let first = words.first else { return false }
        if words.contains(where: { mockWords.contains($0) }) { return true }
        if sampleWords.contains(first) && first != "example" {
            if words.count == 1 { return first == "seed" || first == "seeds" || first == "samples" }
            return words.dropFirst().contains { dataWords.contains($0) || G1Data.entityNouns.contains(ProdText.singular($0)) }
        }
        return false
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty else { return .notMeasured(d.id, "no shipped program files") }
        var findings: [Finding] = []
        var importedMockFiles = Set<String>()
        var mockImports = 0

        // Mock modules and faker imported by shipped code.
        for f in profile.programFiles where !Self.isMockPath(f.path) {
            for imp in profile.imports[f.path] ?? [] {
                let m = imp.module
                if m == "@faker-js/faker" || m.hasPrefix("@faker-js/faker/") || m == "faker" || m == "mimesis" || (imp.python && m.hasPrefix("faker")) {
                    findings.append(Finding.at(d, rule: "faker-in-app", file: f, offset: imp.offset, severity: .medium,
                        message: "\(f.path) ships a fake-data generator (\(imp.spec)) in application code: users see invented names and numbers, and the library bloats the bundle. Keep faker in seed scripts and tests only."))
                    continue
                }
                guard imp.isLocal || imp.python else { continue }
                let target = profile.resolve(imp.spec, from: f.path, language: f.language)
                let specMock = Self.isMockPath(target ?? imp.spec) || Self.isMockName((imp.spec.split(separator: "/").last.map(String.init) ?? imp.spec))
                let mockNames = imp.names.filter { Self.isMockName($0) }
                guard specMock || !mockNames.isEmpty else { continue }
                // `import type { Product } from './mockData'` is erased at build time: no data ships.
                if !imp.python && !imp.dynamic && Self.typeOnly(f, imp) { continue }
                if imp.dynamic && devGuarded(f, near: imp.offset) { continue }
                if let t = target { importedMockFiles.insert(t) }
                mockImports += 1
                let shown = mockNames.first ?? imp.names.first
                let fallback = shown.map { usedAsFallback(f, name: $0) } ?? false
                findings.append(Finding.at(d, rule: "mock-import", file: f, offset: imp.offset, severity: .medium,
                    message: "Shipped code imports mock data from \(imp.spec)\(shown.map { " (`\($0)`)" } ?? "")\(fallback ? ", shown to users whenever the real data is empty or fails to load" : ""). Users can't tell invented records from real ones. Delete the mock module from the app (keep fixtures in tests) and render an empty or error state instead."))
            }
        }

        let appHasBackend = !profile.realStores.isEmpty || profile.hasLongRunningServer || profile.hasFrameworkServer
        var invented = 0
        // Hard-coded record lists named as samples, or used as the fallback for real data.
        for f in profile.programFiles where f.language.isJSFamily && !Self.isMockPath(f.path) && !importedMockFiles.contains(f.path) {
            for arr in G1Components.entityArrays(f) {
                guard let name = arr.name, arr.context == .binding || arr.context == .property else { continue }
                let named = Self.isMockName(name)
                let fallback = usedAsFallback(f, name: name)
                guard named || fallback else {
                    // Not named as mock, but invented records or figures rendered as real in an app with a backend.
                    guard appHasBackend, !profile.serverSide.contains(f.path), let (kind, _) = G1Components.shownAsReal(arr, in: f, profile: profile) else { continue }
                    invented += 1
                    findings.append(Finding.at(d, rule: "invented-display", file: f, offset: nameOffset(f, name: name, before: arr.shape.open), severity: .medium,
                        message: "`\(name)` is a hard-coded list of \(arr.shape.objects) invented \(kind.noun) that shipped UI shows as real data, although the app has a backend: users and reviewers take the made-up \(kind == .records ? "names and amounts" : "numbers") for facts. Replace it with data from the API, or remove the panel."))
                    continue
                }
                let off = nameOffset(f, name: name, before: arr.shape.open)
                findings.append(Finding.at(d, rule: "sample-records", file: f, offset: off, severity: .medium,
                    message: "`\(name)` is a hard-coded list of \(arr.shape.entityObjects) invented records\(fallback ? " shown whenever the real data is empty or fails to load" : "") in shipped code. Users (and testers) take them for real data and real problems stay hidden. Remove it and render an empty state."))
            }
        }

        // Constant lists a timer draws invented notifications or activity from.
        for f in profile.programFiles where !profile.serverSide.contains(f.path) && !Self.isMockPath(f.path) {
            for feed in G1Components.simulatedFeeds(f) {
                guard let src = feed.source, !findings.contains(where: { $0.path == f.path && $0.line == f.location(of: src.offset).line }) else { continue }
                invented += 1
                findings.append(Finding.at(d, rule: "invented-feed", file: f, offset: src.offset, severity: .medium,
                    message: "`\(src.name)` is a list of made-up events that a timer (line \(f.location(of: feed.timer).line)) shows to users as live notifications or activity. Nobody did these things; real events never appear. Remove it and feed the UI from real events."))
            }
        }

        // Text, people and images.
        func perFile(_ rule: String, _ kind: String, severity: Severity, message: @escaping (ScannedFile, Int, String) -> String,
                     accept: (ScannedFile, Int, Int) -> Bool) {
            var byFile: [String: (ScannedFile, Int, Int, String)] = [:]
            var order: [String] = []
            for (f, hit) in app.hits(rule) where shipped(f, profile, importedMockFiles) {
                let o = Int(hit.offset)
                guard accept(f, o, Int(hit.length)), !inPlaceholderHint(f, o) else { continue }
                let text = f.string(o..<(o + Int(hit.length)))
                if var e = byFile[f.path] { e.2 += 1; byFile[f.path] = e } else { byFile[f.path] = (f, o, 1, text); order.append(f.path) }
            }
            for p in order {
                let (f, o, n, text) = byFile[p]!
                findings.append(Finding.at(d, rule: kind, file: f, offset: o, severity: severity, message: message(f, n, text)))
            }
        }
        perFile("G1.D2/lorem", "lorem-ipsum", severity: .low, message: { f, n, _ in
            "Lorem ipsum filler\(n > 1 ? " (\(n) places)" : "") in shipped \(profile.serverSide.contains(f.path) ? "server data" : "UI") (\(f.path)). Replace it with real copy or remove it before launch."
        }, accept: { _, _, _ in true })
        perFile("G1.D2/person", "placeholder-person", severity: .low, message: { f, n, text in
            "Placeholder contact data (`\(text.trimmingCharacters(in: CharacterSet(charactersIn: "( ")))`\(n > 1 ? " and \(n - 1) more" : "")) in shipped code (\(f.path)): invented people, reserved example.com addresses or 555 numbers end up in front of users or in outgoing mail. Remove them or move them to seeds and tests."
        }, accept: { f, o, len in
            let b = f.bytes
            let lit = f.string(o..<(o + len))
            if lit == "555-" || lit == "(555)" {
                if o > 0 && ByteClass.isDigit(b[o - 1]) { return false }
                var j = o + len
                while j < b.count && (b[j] == 0x20) { j += 1 }
                return j < b.count && ByteClass.isDigit(b[j])
            }
            return true
        })
        perFile("G1.D2/image", "placeholder-image", severity: .low, message: { f, n, text in
            "Placeholder image service `\(text)`\(n > 1 ? " (\(n) places)" : "") in shipped code (\(f.path)): users see stock or random pictures, and the app breaks if the service is down. Use real assets or a neutral built-in fallback."
        }, accept: { _, _, _ in true })

        let value = FindingScore.score(findings)
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: [
            Evidence("shipped program files", profile.programFiles.count), Evidence("mock modules imported by shipped code", mockImports),
            Evidence("unnamed invented lists shown as real", invented),
            Evidence("findings", findings.count),
        ])
    }

    /// `import type { A } from 'x'` or `import { type A, type B } from 'x'`: only types, erased from the bundle.
    static func typeOnly(_ f: ScannedFile, _ imp: ProdImport) -> Bool {
        guard let start = f.find("import", in: .code).last(where: { $0 < imp.offset && $0 >= imp.offset - 600 }) else { return false }
        let stmt = f.string(start..<imp.offset)
        guard stmt.range(of: ";") == nil, stmt.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("from") else { return false }
        let rest = stmt.dropFirst("import".count).trimmingCharacters(in: .whitespacesAndNewlines)
        if rest.hasPrefix("type ") || rest.hasPrefix("type{") { return true }
        guard rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") else { return false }
        let names = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return !names.isEmpty && names.allSatisfy { $0.hasPrefix("type ") }
    }

    /// A path inside a mocks/fixtures folder or a mock-named module.
    static func isMockPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        for dir in parts.dropLast() where ["mocks", "__mocks__", "mock", "fixtures", "__fixtures__", "stubs", "fakes", "mock-data", "mockdata", "dummy"].contains(dir.lowercased()) {
            return true
        }
        guard let last = parts.last else { return false }
        let base = last.split(separator: ".").first.map(String.init) ?? last
        return isMockName(base)
    }

    private func shipped(_ f: ScannedFile, _ profile: ProdAppProfile, _ imported: Set<String>) -> Bool {
        guard ProdAppProfile.isShipped(f), ProdAppProfile.isProgram(f) || f.language == .css else { return false }
        if Self.isMockPath(f.path) { return imported.contains(f.path) }
        return true
    }

    /// An input hint: `placeholder="…"`, `placeholder: "…"`, `placeholder={'…'}` just before the string.
    private func inPlaceholderHint(_ f: ScannedFile, _ o: Int) -> Bool {
        let start = Int(ProdText.regionIndex(f, containing: o).map { f.regions[$0].start } ?? Int32(o))
        let line = f.lineRange(f.location(of: start).line)
        let from = max(line.lowerBound, start - 40)
        let before = f.string(from..<start).lowercased()
        return before.prodHas("placeholder") || before.prodHas("aria-") || before.prodHas("example:") || before.prodHas("hint")
    }

    /// `x ? data : NAME`, `data || NAME`, `data ?? NAME` — the list stands in for missing real data.
    private func usedAsFallback(_ f: ScannedFile, name: String) -> Bool {
        let b = f.bytes
        for o in ProdText.all(f, name, filter: .code) {
            let e = o + name.utf8.count
            if e < b.count && ProdText.isIdent(b[e]) { continue }
            let p = ProdText.prevNonSpace(b, before: o)
            guard p >= 1 else { continue }
            if b[p] == 0x3A {
                let stmt = f.lineRange(f.location(of: p).line)
                if G1Data.ternaryBefore(f, stmt.lowerBound..<p) { return true }
            }
            if (b[p] == 0x7C && b[p - 1] == 0x7C) || (b[p] == 0x3F && b[p - 1] == 0x3F) { return true }
        }
        return false
    }

    private func devGuarded(_ f: ScannedFile, near o: Int) -> Bool {
        let line = f.location(of: o).line
        let from = f.lineRange(max(1, line - 6)).lowerBound
        let text = f.string(from..<f.lineRange(line).upperBound)
        return text.prodHas("DEV") || text.prodHas("NODE_ENV") || text.prodHas("development") || text.prodHas("VITE_USE_MOCKS") || text.prodHas("MOCK")
    }

    private func nameOffset(_ f: ScannedFile, name: String, before open: Int) -> Int {
        let line = f.lineRange(f.location(of: open).line)
        return f.find(name, in: .code).last { $0 >= line.lowerBound && $0 < open } ?? (f.find(name, in: .code).last { $0 < open } ?? open)
    }
}
