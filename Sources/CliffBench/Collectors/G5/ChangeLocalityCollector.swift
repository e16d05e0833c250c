import Foundation

/// G5.D2: how much of the app a modification touched, relative to what was asked.
///
/// Pair tier. Files are compared by path (moves detected by identical bytes); corpus metadata
/// (manifest, transcript, labels) and lockfiles are left out. Lines are counted with `LineDiff`, a
/// multiset of trimmed-line hashes. The extent is judged on program files (client/server/shared
/// code, generated code excluded); changes that only reformat a file or edit its comments
/// (`CodeShape`) are counted apart as noise.
///
/// Findings:
/// - the modification touched most of the app (medium): existing code was edited (lines removed or
///   replaced, not only added) in more than half of the existing program files (at least 3 of at
///   least 4; deleted and moved files count), or more than 60% of the existing program lines (of at
///   least 60) were removed or replaced. Files that only gained lines do not count: a feature that
///   adds a route, a repository method and a button to five of ten files is cross-cutting, not a rewrite;
/// - formatting- or comment-only churn (low, one finding per area, the first two folders of a path);
/// - when the request's scope is known (an `[[amrs]]` entry of the task spec: see `ChangeScope`),
///   program files changed in code (5 changed lines or more: smaller wiring edits are not judged)
///   whose path and changed lines never mention the request's subject (low, one finding per area).
///
/// The value is the finding score; the extent (files and lines touched, shares) is in the evidence.
/// Not measured without a before-version, or when the modification changed no file.
public struct ChangeLocalityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G5.D2", slug: "change-locality", kind: .diagnostic, methods: "A", implemented: "A",
        measures: "files and lines touched relative to the request's scope",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample(
                LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "Login"], rewritten: ["Navbar", "DoctorCard", "Footer", "Invoices"]),
                before: LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "Login"]),
                note: "a reschedule request that rewrote four of six components"),
            CollectorExample(
                ["server/app.js": LocalityExamples.component("Routes", lines: 40, variant: "v2"),
                 "server/db.js": LocalityExamples.component("Db", lines: 20) + LocalityExamples.component("DbNext", lines: 20, variant: "v2")],
                before: ["server/app.js": LocalityExamples.component("Routes", lines: 40),
                         "server/db.js": LocalityExamples.component("Db", lines: 20) + LocalityExamples.component("DbNext", lines: 20)],
                note: "three quarters of the existing lines replaced in a two-file server"),
            CollectorExample(
                ["src/pages/MyAppointments.tsx": LocalityExamples.component("MyAppointments", lines: 10) + "export const reschedule = (id: string) => api(`/api/bookings/${id}/reschedule`)\n",
                 "src/pages/Login.tsx": LocalityExamples.component("Login", lines: 10),
                 "src/components/Navbar.tsx": LocalityExamples.reformatted(LocalityExamples.component("Navbar", lines: 10)),
                 "src/components/Footer.tsx": LocalityExamples.reformatted(LocalityExamples.component("Footer", lines: 10)),
                 "src/App.tsx": LocalityExamples.component("App", lines: 10)],
                before: ["src/pages/MyAppointments.tsx": LocalityExamples.component("MyAppointments", lines: 10),
                         "src/pages/Login.tsx": LocalityExamples.component("Login", lines: 10),
                         "src/components/Navbar.tsx": LocalityExamples.component("Navbar", lines: 10),
                         "src/components/Footer.tsx": LocalityExamples.component("Footer", lines: 10),
                         "src/App.tsx": LocalityExamples.component("App", lines: 10)],
                note: "two components reformatted (quotes, semicolons, indentation) alongside a small feature"),
        ],
        nonTriggering: [
            CollectorExample(
                LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "MyAppointments"], extra: ["MyAppointments"])
                    .merging(["src/components/RescheduleDialog.tsx": LocalityExamples.component("RescheduleDialog", lines: 12)]) { a, _ in a },
                before: LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "MyAppointments"]),
                note: "one component extended and one added"),
            CollectorExample(
                LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "MyAppointments"],
                                     extra: ["Navbar", "Calendar", "Invoices", "MyAppointments"]),
                before: LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar", "Invoices", "MyAppointments"]),
                note: "a cross-cutting feature that only adds lines to four of six files"),
            CollectorExample(
                LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar"], extra: ["Calendar"])
                    .merging(["package-lock.json": "{\n  \"lockfileVersion\": 3,\n  \"packages\": { \"node_modules/date-fns\": { \"version\": \"3.6.0\" } }\n}\n",
                              "package.json": "{ \"name\": \"clinic\", \"dependencies\": { \"date-fns\": \"3.6.0\", \"react\": \"18.3.1\" } }\n",
                              "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true, \"jsx\": \"react-jsx\" } }\n"]) { a, _ in a },
                before: LocalityExamples.app(["Navbar", "DoctorCard", "Footer", "Calendar"])
                    .merging(["package-lock.json": "{\n  \"lockfileVersion\": 3,\n  \"packages\": {}\n}\n",
                              "package.json": "{ \"name\": \"clinic\", \"dependencies\": { \"react\": \"18.3.1\" } }\n",
                              "tsconfig.json": "{ \"compilerOptions\": { \"strict\": true } }\n"]) { a, _ in a },
                note: "lockfile and config churn around a one-file change"),
            CollectorExample(
                LocalityExamples.app(["Navbar", "DoctorCard", "Calendar", "Invoices"], extra: ["Calendar"])
                    .merging(["cliffbench.toml": "[generation]\nbuilder_version = \"2\"\ntranscript = \"transcript.md\"\n",
                              "transcript.md": "User: let patients reschedule\nBuilder: done, rewrote everything\n",
                              "src/integrations/supabase/types.ts": LocalityExamples.component("Types", lines: 30, variant: "v2"),
                              "supabase/migrations/20240601000000_reschedule.sql": "alter table public.appointments add column rescheduled_from timestamptz;\n"]) { a, _ in a },
                before: LocalityExamples.app(["Navbar", "DoctorCard", "Calendar", "Invoices"])
                    .merging(["cliffbench.toml": "[generation]\nbuilder_version = \"1\"\ntranscript = \"transcript.md\"\n",
                              "transcript.md": "User: build a clinic app\n",
                              "src/integrations/supabase/types.ts": LocalityExamples.component("Types", lines: 30)]) { a, _ in a },
                note: "corpus metadata, regenerated database types and a migration are not churn"),
            CollectorExample(
                ["src/App.tsx": LocalityExamples.component("App", lines: 8, variant: "v2"), "src/main.tsx": LocalityExamples.component("Main", lines: 4, variant: "v2"),
                 "src/index.css": "body { margin: 0 }\n"],
                before: ["src/App.tsx": LocalityExamples.component("App", lines: 8), "src/main.tsx": LocalityExamples.component("Main", lines: 4),
                         "src/index.css": "body { margin: 0 }\n"],
                note: "an app too small for shares to mean anything"),
        ])

    public func evaluate(_ app: AppContext) -> MetricResult {
        guard let before = app.before else {
            return .notMeasured(descriptor.id, "not a modification request: the corpus has no before version of this app")
        }
        return evaluate(app, before: before, scope: ChangeScope.forApp(app.info))
    }

    func evaluate(_ app: AppContext, before: AppContext, scope: ChangeScope?) -> MetricResult {
        let d = descriptor
        let diff = PairDiff(after: app, before: before) { !G5Paths.isCorpusMetadata($0, app.info) && !G5Paths.isLockfile($0) }
        guard !diff.isEmpty else {
            return .notMeasured(d.id, "the modification changed no file (corpus metadata and lockfiles aside)")
        }

        let beforeProgram = before.files.filter(G5Paths.isProgram)
        let beforeLines = beforeProgram.reduce(0) { $0 + LineDiff.multiset($1).total }
        var substantive: [PairDiff.Pair] = []
        var formatting: [ScannedFile] = []
        for p in diff.modified where G5Paths.isProgram(p.after) || G5Paths.isProgram(p.before) {
            if CodeShape.codeChanged(p.before, p.after) { substantive.append(p) } else { formatting.append(p.after) }
        }
        let deletedProgram = diff.deleted.filter(G5Paths.isProgram)
        let movedProgram = diff.moved.filter { G5Paths.isProgram($0.after) }
        let addedProgram = diff.added.filter(G5Paths.isProgram)
        var lines = LineDiff.Counts()
        var edited = 0
        for p in substantive {
            let c = LineDiff.compare(before: p.before, after: p.after)
            lines.added += c.added
            lines.removed += c.removed
            if c.removed > 0 { edited += 1 }
        }
        let touched = edited + deletedProgram.count + movedProgram.count
        for f in deletedProgram { lines.removed += LineDiff.multiset(f).total }
        for f in addedProgram { lines.added += LineDiff.multiset(f).total }
        let fileShare = beforeProgram.isEmpty ? 0 : Double(touched) / Double(beforeProgram.count)
        let lineShare = beforeLines == 0 ? 0 : Double(lines.removed) / Double(beforeLines)

        var findings: [Finding] = []
        let byFiles = beforeProgram.count >= 4 && touched >= 3 && fileShare > 0.5
        let byLines = beforeLines >= 60 && lineShare > 0.6
        if byFiles || byLines {
            findings.append(app.appFinding(d, rule: "touched-most-of-the-app", severity: .medium,
                message: "The modification touched most of the app: it edited existing code in \(touched) of \(beforeProgram.count) program files (\(percent(fileShare))) and removed or replaced \(percent(lineShare)) of the existing program lines. A change this wide for one request is hard to review and likely to break features nobody asked to change; it suggests the app was regenerated or restyled rather than edited. Ask for the smallest change that does what was requested."))
        }
        for (area, files) in Dictionary(grouping: formatting, by: { G5Paths.group($0.path) }).sorted(by: { $0.key < $1.key }) {
            findings.append(app.appFinding(d, rule: "formatting-churn", path: files[0].path, severity: .low,
                message: "\(area): \(files.count) file\(files.count == 1 ? "" : "s") (\(names(files))) changed only in formatting or comments. Unrelated churn buries the real change in review and causes merge conflicts: keep reformatting out of feature changes."))
        }
        var outOfScope = 0
        if let scope {
            var unrelated: [ScannedFile] = []
            for p in substantive {
                let c = LineDiff.compare(before: p.before, after: p.after)
                if c.added + c.removed >= 5 && !scope.covers(path: p.after.path, after: p.after, before: p.before) { unrelated.append(p.after) }
            }
            for f in addedProgram where LineDiff.multiset(f).total >= 5 && !scope.covers(path: f.path, after: f, before: nil) { unrelated.append(f) }
            outOfScope = unrelated.count
            for (area, files) in Dictionary(grouping: unrelated, by: { G5Paths.group($0.path) }).sorted(by: { $0.key < $1.key }) {
                findings.append(app.appFinding(d, rule: "out-of-scope-change", path: files[0].path, severity: .low,
                    message: "\(area): \(files.count) file\(files.count == 1 ? "" : "s") (\(names(files))) changed although neither the path nor the changed lines mention what the request is about (\(scope.words.prefix(6).joined(separator: ", "))). Changes outside the request's scope risk regressions nobody will look for: revert them or justify them."))
            }
        }

        var evidence = [Evidence("files added", diff.added.count), Evidence("files deleted", diff.deleted.count),
                        Evidence("files modified", diff.modified.count), Evidence("files moved", diff.moved.count),
                        Evidence("files unchanged", diff.unchanged), Evidence("files not comparable (scanned in one version only)", diff.incomparable.count),
                        Evidence("program files before", beforeProgram.count), Evidence("program files changed in code", substantive.count),
                        Evidence("program files with existing lines edited, deleted or moved", touched),
                        Evidence("program files changed in form only", formatting.count),
                        Evidence("program lines added", lines.added), Evidence("program lines removed", lines.removed),
                        Evidence("program lines before", beforeLines),
                        Evidence("share of program files touched", percent(fileShare)), Evidence("share of program lines replaced", percent(lineShare))]
        if let scope {
            evidence.append(Evidence("request scope words", scope.words.joined(separator: " ")))
            evidence.append(Evidence("program files out of scope", outOfScope))
        } else {
            evidence.append(Evidence("request scope", "unknown (no [[amrs]] entry for this request); judged by extent only"))
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), methods: "A", findings: findings, evidence: evidence)
    }

    private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    private func names(_ files: [ScannedFile]) -> String {
        files.prefix(3).map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }.joined(separator: ", ") + (files.count > 3 ? ", …" : "")
    }
}

/// What a modification request is about, as word stems from its description and feature ids;
/// a changed file is in scope when its path or one of its changed lines mentions a stem. Words
/// that name the task's entities and roles ("patient", "appointment", "staff") are dropped: they
/// appear all over the app and would put every file in scope.
struct ChangeScope {
    let words: [String]
    private let stems: [[UInt8]]

    private static let stopwords: Set<String> = [
        "the", "and", "for", "with", "can", "get", "their", "they", "when", "from", "that", "this", "into", "will", "should", "must",
        "able", "user", "users", "page", "pages", "app", "data", "list", "show", "view", "add", "new", "allow", "make", "also", "each",
        "have", "has", "are", "was", "were", "not", "any", "all", "them", "then", "than", "its", "our", "your", "you", "who", "what",
        "which", "there", "been", "being", "only", "more", "some", "such", "other", "about", "after", "before", "instead", "every",
    ]

    /// The scope of the request this app answers. The task spec does not carry its `[[amrs]]`
    /// table yet, so this is nil and the collector judges by extent only; once `TaskSpec` has
    /// `amrs` (id, description, features), build it from the entry whose id follows `@` in
    /// `info.task`: `ChangeScope(text: description + features, generic: spec.entities + spec.roles)`.
    /// The scope of the request the app answers, from the task spec's `[[amrs]]` entry.
    static func forApp(_ info: AppInfo) -> ChangeScope? {
        guard let spec = info.taskSpec, let amr = spec.amr(forTask: info.task) else { return nil }
        return ChangeScope(text: ([amr.description] + amr.features).joined(separator: " "), generic: spec.entities + spec.roles)
    }

    private static func stem(_ w: String) -> String { w.count <= 5 ? w : String(w.prefix(max(5, w.count - 3))) }

    init?(text: String, generic: [String] = []) {
        let genericStems = Set(generic.map { Self.stem($0.lowercased()) })
        var seen = Set<String>()
        var words: [String] = []
        var stems: [[UInt8]] = []
        for raw in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let w = String(raw)
            let stem = Self.stem(w)
            guard w.count >= 4, !Self.stopwords.contains(w), !genericStems.contains(stem), seen.insert(w).inserted else { continue }
            words.append(w)
            stems.append(Array(stem.utf8))
        }
        guard !stems.isEmpty else { return nil }
        self.words = words
        self.stems = stems
    }

    func covers(path: String, after: ScannedFile, before: ScannedFile?) -> Bool {
        if mentions(Array(path.lowercased().utf8)[...]) { return true }
        for line in LineDiff.unmatchedLines(of: after, against: before) where mentions(after.bytes[after.lineRange(line)]) { return true }
        if let before {
            for line in LineDiff.unmatchedLines(of: before, against: after) where mentions(before.bytes[before.lineRange(line)]) { return true }
        }
        return false
    }

    func mentions(_ text: ArraySlice<UInt8>) -> Bool {
        let lower = text.map(ByteClass.lower)
        for s in stems where s.count <= lower.count {
            var i = 0
            while i + s.count <= lower.count {
                if lower[i] == s[0] && lower[i..<(i + s.count)].elementsEqual(s) { return true }
                i += 1
            }
        }
        return false
    }
}

/// Generated example apps for the change-locality examples (the metric needs apps of some size).
enum LocalityExamples {
    /// A component of `lines` distinct lines; another `variant` gives different lines throughout.
    static func component(_ name: String, lines: Int, variant: String = "v1") -> String {
        var out = "export function \(name)() {\n"
        for i in 1...max(1, lines - 3) {
            out += "  const \(name.lowercased())\(i) = useValue('\(name.lowercased())-\(variant)-\(i)')\n"
        }
        out += "  return null\n}\n"
        return out
    }

    /// The same code re-quoted, with semicolons and four-space indentation: a formatter's rewrite.
    static func reformatted(_ code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line).replacingOccurrences(of: "'", with: "\"")
            if l.hasPrefix("  ") { l = "    " + l.drops(2) }
            if l.hasSuffix(")") || l.hasSuffix("null") { l += ";" }
            return l
        }.joined(separator: "\n")
    }

    /// Components under src/components, each 12 lines; `rewritten` ones get new lines throughout,
    /// `extra` ones get two more lines.
    static func app(_ names: [String], rewritten: Set<String> = [], extra: Set<String> = []) -> [String: String] {
        var files: [String: String] = [:]
        for n in names {
            var code = component(n, lines: 12, variant: rewritten.contains(n) ? "v2" : "v1")
            if extra.contains(n) { code += "export const \(n.lowercased())Reschedule = () => openDialog('reschedule')\nexport const \(n.lowercased())Window = 2\n" }
            files["src/components/\(n).tsx"] = code
        }
        return files
    }
}

private extension String {
    func drops(_ n: Int) -> String { String(dropFirst(n)) }
}
