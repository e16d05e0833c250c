import Dispatch
import Foundation

/// How the G2 code collectors share one analysis per file.
///
/// The anchor collector (G2.D1 complexity) runs `CodeAnalysis.analyze` in its parallel per-file
/// `inspect` and keeps the result as its `FileReport` payload; G2.D2, D3, D4, P3 and P4 read those
/// payloads in `evaluate` through `analyses(_:)`. When the anchor is not among the collectors of a run
/// (a single collector's examples, a subset run), `analyses(_:)` computes the same analysis itself,
/// in parallel, so every collector sees identical facts either way.
public enum CodeFacts {
    public static let anchorID = "G2.D1"

    /// Program files the analysis covers: JS/TS/JSX/TSX, Vue/Svelte and Python, except tests,
    /// build/tool configuration, docs and schema files.
    public static func isAnalyzable(_ file: ScannedFile) -> Bool {
        guard file.language.isProgram else { return false }
        switch file.role {
        case .test, .config, .docs, .schema: return false
        default: return true
        }
    }

    /// The anchor's per-file pass.
    public static func inspect(_ file: ScannedFile) -> FileReport? {
        guard isAnalyzable(file) else { return nil }
        let a = CodeAnalysis.analyze(file)
        return FileReport(measures: ["linesOfCode": Double(a.linesOfCode), "functions": Double(a.units.count)], payload: a)
    }

    /// The analysis of every analysable file, in path order.
    public static func analyses(_ app: AppContext) -> [FileCodeAnalysis] {
        let reports = app.reports(for: anchorID)
        if !reports.isEmpty { return reports.compactMap { $0.report.payload as? FileCodeAnalysis } }
        let files = app.files.filter(isAnalyzable)
        guard !files.isEmpty else { return [] }
        let lock = NSLock()
        nonisolated(unsafe) var out = [FileCodeAnalysis?](repeating: nil, count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let a = CodeAnalysis.analyze(files[i])
            lock.lock()
            out[i] = a
            lock.unlock()
        }
        return out.compactMap { $0 }
    }
}

/// The app's authored program code: analysable files minus generated and vendored ones.
///
/// Left out, and listed in evidence: TypeScript declarations, minified/bundled files, generated
/// Supabase/Prisma/GraphQL types, files whose header says they are generated, and — when the app
/// uses shadcn/ui (a `components.json`, or `components/ui/` files built on Radix or
/// class-variance-authority) — the shadcn components in `components/ui/` and the `use-toast`/`use-mobile`
/// hooks its CLI writes. Those are copied verbatim from the shadcn registry into every app of a
/// builder such as Lovable (often more lines than the app's own code) and are structurally
/// near-identical wrappers; counting them would measure the registry, not the builder, and would
/// make every shadcn app look duplicated.
public struct AppCodeModel: Sendable {
    public var files: [FileCodeAnalysis]
    public var excluded: [(path: String, reason: String)]
    public var usesShadcn: Bool
    public var linesOfCode: Int

    /// The app's model, built once per app however many collectors ask.
    public init(_ app: AppContext) {
        self = AppCodeCache.shared.entry(for: app).model {
            AppCodeModel(CodeFacts.analyses(app), hasShadcnConfig: app.files.contains {
                $0.path == "components.json" || $0.path.hasSuffix("/components.json")
            })
        }
    }

    public init(_ all: [FileCodeAnalysis], hasShadcnConfig: Bool) {
        let kitImports = all.contains { f in
            f.uiKitCandidate && f.imports.contains { $0.specifier.hasPrefix("@radix-ui/") || $0.specifier == "class-variance-authority" }
        }
        usesShadcn = hasShadcnConfig || kitImports
        var kept: [FileCodeAnalysis] = []
        var excluded: [(String, String)] = []
        for f in all {
            if let why = f.excluded {
                excluded.append((f.path, why))
            } else if usesShadcn && f.uiKitCandidate {
                excluded.append((f.path, "shadcn/ui component generated from the registry"))
            } else {
                kept.append(f)
            }
        }
        files = kept
        self.excluded = excluded
        linesOfCode = kept.reduce(0) { $0 + $1.linesOfCode }
    }

    public var units: Int { files.reduce(0) { $0 + $1.units.count } }

    public func excludedSummary() -> String {
        guard !excluded.isEmpty else { return "none" }
        var byReason: [String: Int] = [:]
        for e in excluded { byReason[e.reason, default: 0] += 1 }
        return byReason.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
    }

    /// Clone detection over the authored files.
    public func clones() -> CloneReport {
        CloneDetector.detect(files.map { $0.schemaModule ? CloneDetector.Input(stream: CloneStream(), codeLine: [0])
                                                         : CloneDetector.Input(stream: $0.clones, codeLine: $0.codeLine) },
                             window: CodeThresholds.cloneWindow, minLines: CodeThresholds.cloneMinLines)
    }

    /// Clone detection for `app`, computed once however many collectors ask (G2.D2 and G2.P4).
    public func clones(of app: AppContext) -> CloneReport {
        AppCodeCache.shared.entry(for: app).clones { clones() }
    }
}

extension TSConfigSet {
    /// The app's tsconfig files, read once per app (G2.D4 and G2.P3 both use them).
    public static func of(_ app: AppContext) -> TSConfigSet {
        AppCodeCache.shared.entry(for: app).tsconfigs { TSConfigSet(app) }
    }
}

/// What the G2 code collectors derive from a whole app, computed once per app and held while the
/// app's context lives (weakly referenced): the first collector to ask computes, a concurrent one
/// waits for that result.
final class AppCodeCache: @unchecked Sendable {
    static let shared = AppCodeCache()

    final class Entry: @unchecked Sendable {
        weak var app: AppContext?
        private let modelLock = NSLock(), clonesLock = NSLock(), tsconfigsLock = NSLock()
        private var modelValue: AppCodeModel?
        private var clonesValue: CloneReport?
        private var tsconfigsValue: TSConfigSet?
        init(_ app: AppContext) { self.app = app }

        func model(_ make: () -> AppCodeModel) -> AppCodeModel {
            modelLock.lock()
            defer { modelLock.unlock() }
            if let v = modelValue { return v }
            let v = make()
            modelValue = v
            return v
        }

        func clones(_ make: () -> CloneReport) -> CloneReport {
            clonesLock.lock()
            defer { clonesLock.unlock() }
            if let v = clonesValue { return v }
            let v = make()
            clonesValue = v
            return v
        }

        func tsconfigs(_ make: () -> TSConfigSet) -> TSConfigSet {
            tsconfigsLock.lock()
            defer { tsconfigsLock.unlock() }
            if let v = tsconfigsValue { return v }
            let v = make()
            tsconfigsValue = v
            return v
        }
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    func entry(for app: AppContext) -> Entry {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.app == nil }
        if let e = entries.first(where: { $0.app === app }) { return e }
        let e = Entry(app)
        entries.append(e)
        return e
    }
}

/// Size and complexity thresholds shared by G2.D1, G2.D3 and G2.P4.
public enum CodeThresholds {
    /// Cyclomatic complexity above which a function is complex (SonarQube and ESLint default: 10).
    public static let complexity = 10
    /// Above this, very complex.
    public static let complexityHigh = 20
    /// Lines of code above which a file is oversized.
    public static let fileLines = 400
    /// Lines of code above which a (non-component) function is oversized.
    public static let functionLines = 80
    /// Lines of code above which a React component is oversized (JSX markup makes components longer).
    public static let componentLines = 200
    /// Tokens in a clone-detection window.
    public static let cloneWindow = 50
    /// Lines of code a duplicated block must span (SonarQube's minimum for most languages).
    public static let cloneMinLines = 10
}

/// SQALE-style technical-debt model (SonarQube's shape; the constants are ours), in minutes.
///
/// SonarQube charges a fixed few minutes per issue (10 per duplicated block, 5 + 1 per complexity
/// point) because hundreds of other rules carry most of its debt. With only complexity, duplication
/// and size as sources, those constants rated every one of seven real Lovable, Bolt, v0 and Replit
/// apps A (debt ratios 0.1–0.8%, values 96.6–99.6) although their G2.D1–D3 values ranged from 22 to
/// 100: a constant that rewards every app alike. Here the cost grows with what has to be
/// refactored — the points of complexity above the threshold, the lines of a duplicated block, the
/// lines of a file or unit beyond its size limit — at rates of a careful refactoring (about an hour
/// and a half for a function of complexity 22, an hour for a 20-line copy, a day to split a
/// 900-line file).
public enum DebtModel {
    /// Development cost of one line of code (SonarQube's default).
    public static let minutesPerLine = 30.0
    /// A function above the complexity threshold: a fixed cost plus a cost per point over it.
    public static let complexityBase = 30.0
    public static let complexityPerPoint = 5.0
    /// Each duplicated block: a fixed cost plus a cost per line of code of the copy.
    public static let duplicatedBlockBase = 15.0
    public static let duplicatedBlockPerLine = 2.0
    /// Splitting an oversized file, function or component: a fixed cost plus a cost per line of
    /// code beyond the threshold.
    public static let oversizedFile = 60.0
    public static let oversizedUnit = 30.0
    public static let oversizedPerExcessLine = 1.0
    public static let ratingBounds: [(letter: String, max: Double)] = [("A", 0.05), ("B", 0.10), ("C", 0.20), ("D", 0.50)]

    public static func rating(_ ratio: Double) -> String {
        for b in ratingBounds where ratio <= b.max { return b.letter }
        return "E"
    }

    /// 0–100 from the debt ratio: piecewise linear through the rating bounds, so each letter owns a
    /// band of 20 points — A 100–80 (0–5%), B 80–60 (5–10%), C 60–40 (10–20%), D 40–20 (20–50%),
    /// E 20–0 (50–100%, 0 beyond).
    public static func score(_ ratio: Double) -> Double {
        let knots: [(Double, Double)] = [(0, 100), (0.05, 80), (0.10, 60), (0.20, 40), (0.50, 20), (1.0, 0)]
        guard ratio > 0 else { return 100 }
        for k in 1..<knots.count where ratio <= knots[k].0 {
            let (x0, y0) = knots[k - 1], (x1, y1) = knots[k]
            return FindingScore.round1(y0 + (ratio - x0) / (x1 - x0) * (y1 - y0))
        }
        return 0
    }

    /// Minutes to bring one function's complexity under the threshold.
    public static func complexityMinutes(_ cc: Int) -> Double {
        cc > CodeThresholds.complexity ? complexityBase + complexityPerPoint * Double(cc - CodeThresholds.complexity) : 0
    }

    /// Minutes to extract one duplicated block of `lines` lines of code into shared code.
    public static func duplicationMinutes(lines: Int) -> Double {
        duplicatedBlockBase + duplicatedBlockPerLine * Double(max(0, lines))
    }

    /// Minutes to split a file of `lines` lines of code under the file threshold (0 when it is under).
    public static func oversizedFileMinutes(_ lines: Int) -> Double {
        lines > CodeThresholds.fileLines ? oversizedFile + oversizedPerExcessLine * Double(lines - CodeThresholds.fileLines) : 0
    }

    /// Minutes to split a unit of `lines` lines of code under `threshold` (0 when it is under).
    public static func oversizedUnitMinutes(_ lines: Int, threshold: Int) -> Double {
        lines > threshold ? oversizedUnit + oversizedPerExcessLine * Double(lines - threshold) : 0
    }
}

extension CodeUnit {
    /// The size threshold that applies: components, and callbacks that only return JSX (inline
    /// components such as a `map` rendering a card), get more room than plain functions.
    public var sizeThreshold: Int { isComponent || rendersMarkup ? CodeThresholds.componentLines : CodeThresholds.functionLines }

    /// `handleSubmit`, or `useEffect callback in Dashboard` for an anonymous unit.
    public func displayName(in units: [CodeUnit]) -> String {
        guard isAnonymous, parent >= 0, parent < units.count else { return name }
        var p = parent
        while p >= 0 && units[p].isAnonymous { p = units[p].parent }
        return p >= 0 ? "\(name) in \(units[p].name)" : name
    }
}
