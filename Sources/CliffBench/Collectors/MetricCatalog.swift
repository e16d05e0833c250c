/// The metric catalog (`../shared/spec/metrics.md`), as data: every metric, implemented or not.
/// Collectors must agree with their entry (a test checks it); `cliffbench metrics` lists it.
public enum MetricCatalog {
    /// Bumped whenever an id, a method, a threshold or a weight changes meaning.
    /// 1.1.0: ids, groups and methods as in v1 of the catalog; G7.P4 Effort-to-Fix is computed by
    /// scoring from every finding's remediation cost and reported in hours, never as a 0–100 value;
    /// G5 pair metrics read `<task-id>@<amr-id>` apps against their base app; G4.P4's static part
    /// credits row locks, SERIALIZABLE transactions, atomic updates and unique constraints, not a
    /// plain READ COMMITTED transaction around a read-modify-write.
    public static let version = "1.1.0"

    public struct Entry: Sendable, Hashable {
        public var id: String
        public var slug: String
        public var kind: MetricKind
        public var methods: MeasurementMethods
        public var measures: String
        public var group: MetricGroup { MetricGroup(rawValue: String(id.prefix(2)))! }
    }

    public static let entries: [Entry] = [
        Entry(id: "G1.P1", slug: "feature-completeness", kind: .primary, methods: MeasurementMethods(letters: "T"), measures: "share of the task's features with evidence in the UI *and* on the server *and* in persistence"),
        Entry(id: "G1.P2", slug: "canary-pass", kind: .primary, methods: MeasurementMethods(letters: "T"), measures: "share of the task's original canary requirements whose checks pass"),
        Entry(id: "G1.P3", slug: "role-fidelity", kind: .primary, methods: MeasurementMethods(letters: "T"), measures: "share of the task's roles present in the authorization model and gating at least one route or policy"),
        Entry(id: "G1.D1", slug: "frontend-only-features", kind: .diagnostic, methods: MeasurementMethods(letters: "S,T"), measures: "UI features fed by hard-coded arrays, localStorage or fake timers instead of a backend (\"a picture of a tool\")"),
        Entry(id: "G1.D2", slug: "mock-data-residue", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "mock, fixture, lorem-ipsum or placeholder data reachable from shipped code"),
        Entry(id: "G1.D3", slug: "locale-conventions", kind: .diagnostic, methods: MeasurementMethods(letters: "T"), measures: "currency, date and number formats the task's locale demands (e.g. INR, DD/MM/YYYY)"),
        Entry(id: "G1.D4", slug: "contradiction-resolution", kind: .diagnostic, methods: MeasurementMethods(letters: "T"), measures: "the task's deliberately contradicting requirement resolved as the task says"),
        Entry(id: "G1.D5", slug: "entity-coverage", kind: .diagnostic, methods: MeasurementMethods(letters: "T"), measures: "share of the task's entities persisted in a real schema"),
        Entry(id: "G1.D6", slug: "clarifications", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "clarifying questions the builder asked, from the generation transcript when the corpus has one"),
        Entry(id: "G1.D7", slug: "intent-judgement", kind: .diagnostic, methods: MeasurementMethods(letters: "J"), measures: "judged business-intent fidelity"),
        Entry(id: "G2.P1", slug: "schema-design", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "migrations exist; primary keys; declared foreign keys; indexes on FK and filter columns; NOT NULL where required; no JSON blobs for relational data"),
        Entry(id: "G2.P2", slug: "server-side-validation", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "inputs validated on the server (zod/yup/joi/pydantic/DB constraints); prices, totals and permissions computed server-side"),
        Entry(id: "G2.P3", slug: "architecture", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "data access only in a server/data layer, never in UI components; no import cycles; config separate from code"),
        Entry(id: "G2.P4", slug: "maintainability", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "SQALE-style rating A–E from complexity, duplication and size debt against a development-cost baseline"),
        Entry(id: "G2.D1", slug: "complexity", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "functions above a cyclomatic-complexity threshold"),
        Entry(id: "G2.D2", slug: "duplication", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "duplicated-lines ratio (token based, names and literals normalised)"),
        Entry(id: "G2.D3", slug: "oversized-units", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "files and functions above size thresholds"),
        Entry(id: "G2.D4", slug: "type-safety", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "TypeScript strict mode, `any` density, ts-ignore / eslint-disable counts"),
        Entry(id: "G2.D5", slug: "error-handling", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "empty or swallowing catches, promises without rejection handling, no error boundary"),
        Entry(id: "G2.D6", slug: "tests", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "test files, test-to-code ratio, a wired test script, tests that assert nothing"),
        Entry(id: "G2.D7", slug: "dependency-hygiene", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "lockfile, pinned versions, unused or duplicate deps, versions on a shipped offline advisory list"),
        Entry(id: "G2.D8", slug: "residue", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "debug logging, TODO/FIXME, commented-out code, committed build output or node_modules"),
        Entry(id: "G3.P1", slug: "integration-reality", kind: .primary, methods: MeasurementMethods(letters: "S,T"), measures: "each integration the task needs (payments, email/SMS, storage, AI) wired to a real API on the server, not simulated"),
        Entry(id: "G3.P2", slug: "background-jobs", kind: .primary, methods: MeasurementMethods(letters: "S,T"), measures: "scheduled or queued work the task needs (reminders, notifications, processing) has a backend mechanism"),
        Entry(id: "G3.P3", slug: "ai-integration", kind: .primary, methods: MeasurementMethods(letters: "S,T"), measures: "(T5 tasks) model calls server-side, with timeout, retry or fallback, no client-exposed key"),
        Entry(id: "G3.D1", slug: "webhook-verification", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "webhook handlers verify signatures and are idempotent"),
        Entry(id: "G3.D2", slug: "outbound-resilience", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "timeouts and retries with backoff on outbound calls"),
        Entry(id: "G3.D3", slug: "upload-restrictions", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "uploads restricted by size and type, stored with access control"),
        Entry(id: "G3.D4", slug: "auth-lifecycle", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "password reset, email verification, session expiry/refresh"),
        Entry(id: "G3.D5", slug: "integration-config", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "integration endpoints and keys from the environment, documented in an env example"),
        Entry(id: "G4.P1", slug: "secret-exposure", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "no secrets in the repo or the client bundle; Supabase JWT role decoded (anon is public, service_role is critical); VITE_/NEXT_PUBLIC_ prefixes mean client-exposed"),
        Entry(id: "G4.P2", slug: "access-control", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "every user-data table and route gated by identity: RLS on with non-trivial policies; unauthenticated, cross-user (IDOR) and role-escalation probes fail"),
        Entry(id: "G4.P3", slug: "injection", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "SQL/NoSQL built from strings, XSS sinks fed untrusted data, eval/Function, shell commands with input"),
        Entry(id: "G4.P4", slug: "concurrency", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "N parallel writers lose no update, double submits create one record; critical flows use transactions, atomic updates, unique constraints or locks"),
        Entry(id: "G4.P5", slug: "load-behaviour", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "p95 latency and error rate at N concurrent clients; no N+1 loops or unbounded unpaginated queries"),
        Entry(id: "G4.D1", slug: "rls-policies", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "tables without RLS, `USING (true)` policies, SECURITY DEFINER functions, edge functions with JWT verification off"),
        Entry(id: "G4.D2", slug: "client-side-auth", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "identity or role decided in the browser (admin flags in localStorage, passwords in client code, role picked at signup)"),
        Entry(id: "G4.D3", slug: "csrf", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "cookie sessions without CSRF protection or SameSite"),
        Entry(id: "G4.D4", slug: "rate-limiting", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "login/OTP/signup endpoints without rate limiting"),
        Entry(id: "G4.D5", slug: "jwt-handling", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "decode without verify, alg none, hard-coded or weak secrets, no expiry"),
        Entry(id: "G4.D6", slug: "password-storage", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "plaintext, MD5 or SHA-1 instead of bcrypt/scrypt/argon2"),
        Entry(id: "G4.D7", slug: "transport-headers", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "CSP, HSTS, frame-ancestors, nosniff; CORS `*` with credentials"),
        Entry(id: "G4.D8", slug: "token-storage", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "tokens in localStorage; cookies without HttpOnly/Secure/SameSite"),
        Entry(id: "G4.D9", slug: "error-leakage", kind: .diagnostic, methods: MeasurementMethods(letters: "R"), measures: "malformed input answered with 5xx or with stack traces / SQL errors in the body"),
        Entry(id: "G5.P1", slug: "amr-fulfilment", kind: .primary, methods: MeasurementMethods(letters: "A,T"), measures: "the modification request's features and added canaries present afterwards"),
        Entry(id: "G5.P2", slug: "regression-free", kind: .primary, methods: MeasurementMethods(letters: "A"), measures: "no metric regressed and no new high/critical finding after the modification"),
        Entry(id: "G5.P3", slug: "canary-survival", kind: .primary, methods: MeasurementMethods(letters: "A,T"), measures: "original canaries still pass after the modification"),
        Entry(id: "G5.D1", slug: "contradiction-adoption", kind: .diagnostic, methods: MeasurementMethods(letters: "A,T"), measures: "a modification that contradicts the original spec is followed"),
        Entry(id: "G5.D2", slug: "change-locality", kind: .diagnostic, methods: MeasurementMethods(letters: "A"), measures: "files and lines touched relative to the request's scope"),
        Entry(id: "G5.D3", slug: "migration-safety", kind: .diagnostic, methods: MeasurementMethods(letters: "A"), measures: "new migrations added rather than applied ones edited; destructive statements flagged"),
        Entry(id: "G5.D4", slug: "test-evolution", kind: .diagnostic, methods: MeasurementMethods(letters: "A"), measures: "tests added or updated with the change"),
        Entry(id: "G6.P1", slug: "role-workflows", kind: .primary, methods: MeasurementMethods(letters: "T"), measures: "each role's workflows reachable and guarded for that role"),
        Entry(id: "G6.P2", slug: "data-lifecycle", kind: .primary, methods: MeasurementMethods(letters: "S,T"), measures: "per entity: create, read, update, delete, list with pagination/search as the task needs"),
        Entry(id: "G6.P3", slug: "audit-and-admin", kind: .primary, methods: MeasurementMethods(letters: "S,T"), measures: "admin views and an audit trail of sensitive actions"),
        Entry(id: "G6.D1", slug: "ux-states", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "empty, loading and error states"),
        Entry(id: "G6.D2", slug: "privacy", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "PII deletion/export, PII kept out of logs"),
        Entry(id: "G6.D3", slug: "accessibility", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "alt text, form labels, lang attribute, named buttons"),
        Entry(id: "G6.D4", slug: "notifications", kind: .diagnostic, methods: MeasurementMethods(letters: "S,T"), measures: "in-app or email notifications for the business events the task names"),
        Entry(id: "G7.P1", slug: "deployability", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "build and start declared (Dockerfile, compose, Procfile, platform config); from a clean copy the app starts and answers its health check in time"),
        Entry(id: "G7.P2", slug: "durability", kind: .primary, methods: MeasurementMethods(letters: "S,R"), measures: "the write-read-restart-read smoke test: a record written survives a restart; a real store, not localStorage or memory"),
        Entry(id: "G7.P3", slug: "observability", kind: .primary, methods: MeasurementMethods(letters: "S"), measures: "structured logging, error tracking, metrics"),
        Entry(id: "G7.P4", slug: "effort-to-fix", kind: .primary, methods: MeasurementMethods(letters: "S,R,T"), measures: "developer-hours to production quality, with a low–high band, from the versioned cost model over all findings"),
        Entry(id: "G7.D1", slug: "health-endpoint", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "a health/readiness endpoint that answers"),
        Entry(id: "G7.D2", slug: "config-separation", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: ".env ignored by git, an env example, no hard-coded URLs, ports or credentials"),
        Entry(id: "G7.D3", slug: "ci-pipeline", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "CI that lints, tests and builds"),
        Entry(id: "G7.D4", slug: "migrations-rollback", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "versioned migrations with a rollback path"),
        Entry(id: "G7.D5", slug: "graceful-shutdown", kind: .diagnostic, methods: MeasurementMethods(letters: "S,R"), measures: "SIGTERM drains in-flight requests"),
        Entry(id: "G7.D6", slug: "docs-runbook", kind: .diagnostic, methods: MeasurementMethods(letters: "S"), measures: "README with setup, run, deploy and environment"),
    ]

    public static func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
}
