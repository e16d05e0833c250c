import Foundation

/// G2.D7: whether the app's dependencies are reproducible, intentional and free of known advisories.
/// Reads every package.json (JSONSerialization) and requirements*.txt / pyproject.toml (line based):
/// a committed lockfile per manifest (package-lock, yarn, pnpm, bun, poetry, uv, Pipfile.lock, or fully
/// `==`-pinned requirements; lockfiles skipped as too large or binary still count, gitignored ones do
/// not); unpinned specifiers (`*`, `latest`, `>=` without an upper bound, unpinned git or tarball URLs);
/// packages in both dependencies and devDependencies; runtime dependencies no file imports (imports,
/// requires, CSS @import/@plugin, config files and npm scripts all count; type packages, CLIs, build
/// tooling, database drivers loaded by an ORM and known peer dependencies are never reported); and
/// versions on the offline advisory list (data/advisories.tsv) — the lockfile's resolved versions when a
/// package-lock.json could be read, else the lowest version the declared range allows. Not measured when
/// the app has no dependency manifest.
public struct DependencyHygieneCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G2.D7", slug: "dependency-hygiene", kind: .diagnostic, methods: "S",
        measures: "lockfile, pinned versions, unused or duplicate deps, versions on a shipped offline advisory list",
        severity: .low, remediation: RemediationCost(baseHours: 0.5, perFindingHours: 0.25),
        triggering: [
            CollectorExample(["package.json": """
                {
                  "dependencies": {
                    "express": "^4.21.1",
                    ↓"left-pad": "^1.3.0",
                    ↓"uuid": "latest"
                  }
                }
                """, "index.js": "const express = require('express')\nconst { v4 } = require('uuid')\n"],
                note: "no lockfile, an unused dependency, an unpinned version"),
            CollectorExample(["package.json": """
                {
                  "dependencies": {
                    ↓"lodash": "^4.17.15",
                    "axios": "1.7.9"
                  }
                }
                """, "package-lock.json": #"{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/lodash": { "version": "4.17.20" }, "node_modules/axios": { "version": "1.7.9" } } }"#,
                "src/util.js": "import _ from 'lodash'\nimport axios from 'axios'\n"],
                note: "a locked version on the advisory list"),
            CollectorExample(["package.json": """
                {
                  "dependencies": { "react": "^18.3.1" },
                  "devDependencies": { ↓"react": "^18.3.1", "vite": "^5.4.10" }
                }
                """, "yarn.lock": "# yarn lockfile v1\n", "src/main.tsx": "import React from 'react'\n"],
                note: "a dependency declared twice"),
            CollectorExample(["requirements.txt": "flask\n↓requests>=2.0\n", "app.py": "import flask\nimport requests\n"],
                             note: "unpinned Python requirements, no lock, and a version range on the advisory list"),
        ],
        nonTriggering: [
            CollectorExample(["package.json": """
                {
                  "scripts": { "dev": "vite", "build": "tsc && vite build" },
                  "dependencies": { "react": "^18.3.1", "react-dom": "^18.3.1", "tailwindcss-animate": "^1.0.7", "date-fns": "^3.6.0", "react-day-picker": "^8.10.1" },
                  "devDependencies": { "@types/react": "^18.3.3", "typescript": "^5.5.3", "vite": "^5.4.10", "tailwindcss": "^3.4.11" }
                }
                """, "package-lock.json": #"{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/react": { "version": "18.3.1" } } }"#,
                "src/main.tsx": "import { createRoot } from 'react-dom/client'\nimport { DayPicker } from 'react-day-picker'\n",
                "tailwind.config.ts": "export default { plugins: [require('tailwindcss-animate')] }\n"],
                note: "a Lovable-style manifest: tooling, config-only plugins and peer dependencies are used"),
            CollectorExample(["requirements.txt": "flask==3.0.3\nrequests==2.32.3\n", "app.py": "import flask\nimport requests\n"],
                             note: "fully pinned requirements"),
            CollectorExample(["package.json": #"{ "dependencies": { "express": "4.21.1", "pg": "8.13.0", "sequelize": "6.37.3" } }"#,
                              "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
                              "server.js": "const express = require('express')\nconst { Sequelize } = require('sequelize')\n"],
                             note: "a driver loaded by the ORM, a pnpm lockfile"),
        ])

    /// Packages a file imports (or names in config), by package name.
    struct Imports: Sendable { var names: Set<String> }

    public func inspect(_ file: ScannedFile, app: AppInfo) -> FileReport? {
        guard file.language.isProgram || file.language == .css || file.language == .html || file.language == .json && file.role == .config
                && !file.path.hasSuffix("package.json") && !file.path.hasSuffix("package-lock.json") else { return nil }
        var names = Set<String>()
        let code = Hygiene.Code(file)
        let b = file.bytes
        let config = file.role == .config
        for region in file.regions where region.kind == .string {
            let s = Int(region.start), e = Int(region.end)
            guard e - s >= 3 else { continue }
            let content = file.string((s + 1)..<(e - 1))
            if config {
                if let n = Self.packageName(content) { names.insert(n) }
                continue
            }
            guard let p = code.prevToken(s) else { continue }
            var importing = false
            if ByteClass.isIdentifier(b[p]), let w = code.identifier(endingAt: p + 1) {
                let word = code.text(w)
                importing = word == "from" || word == "import" || (file.language == .css && ["plugin", "use", "forward", "source"].contains(word))
            } else if b[p] == 0x28, let q = code.prevToken(p), let w = code.identifier(endingAt: q + 1) {
                let word = code.text(w)
                importing = ["require", "import", "mock", "resolve", "requireActual", "url"].contains(word)
            }
            if importing, let n = Self.packageName(content) { names.insert(n) }
        }
        if file.language == .python {
            for line in 1...max(1, file.lineCount) {
                let t = file.lineText(line).trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("import ") || t.hasPrefix("from ") {
                    let mod = t.split(separator: " ").dropFirst().first.map { String($0.split(separator: ".").first ?? "") } ?? ""
                    if !mod.isEmpty { names.insert(mod.lowercased()) }
                }
            }
        }
        return names.isEmpty ? nil : FileReport(payload: Imports(names: names))
    }

    /// `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; nil for relative paths, aliases and URLs.
    static func packageName(_ spec: String) -> String? {
        let s = spec.trimmingCharacters(in: .whitespaces)
        guard let first = s.first, !s.contains(" "), !s.contains("://"), s.count < 120 else { return nil }
        if first == "." || first == "/" || first == "#" || first == "~" || s.hasPrefix("@/") || s.hasPrefix("node:") || s.hasPrefix("virtual:") || s.hasPrefix("$") { return nil }
        let parts = s.split(separator: "/")
        if first == "@" {
            guard parts.count >= 2 else { return nil }
            return parts[0] + "/" + parts[1]
        }
        guard let head = parts.first, head.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { return nil }
        return String(head)
    }

    private static let lockNames = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"]
    private static let pyLockNames = ["poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let manifests = NpmManifest.load(app)
        let requirementFiles = app.files.filter { f in
            let name = (f.path.split(separator: "/").last.map(String.init) ?? "").lowercased()
            return name.hasPrefix("requirements") && name.hasSuffix(".txt") && f.role != .test
        }
        let pyprojects = app.files(named: "pyproject.toml")
        guard !manifests.isEmpty || !requirementFiles.isEmpty || !pyprojects.isEmpty || !app.files(named: "Pipfile").isEmpty else {
            return .notMeasured(d.id, "no dependency manifest (package.json, requirements.txt, pyproject.toml or Pipfile)")
        }
        var used = Set<String>()
        for (_, report) in app.reports(for: d.id) {
            if let i = report.payload as? Imports { used.formUnion(i.names) }
        }

        var findings: [Finding] = []
        var appFindings: [Finding] = []
        var total = 0
        var problemDeps = Set<String>()
        var counts: [String: Int] = [:]
        var advisoryKeys = Set<String>()
        var lockedVersionsRead = false

        for m in manifests {
            let all = m.allDependencies
            total += all.count
            // Lockfile.
            let lock = lockfile(app, dir: m.dir, names: Self.lockNames)
            if !lock.present {
                appFindings.append(app.appFinding(d, rule: "no-lockfile", path: m.path, severity: .medium,
                    message: lock.ignored
                        ? "\(m.path)'s lockfile is gitignored, so every install resolves versions afresh: builds are not reproducible and a compromised or broken release is picked up silently. Commit the lockfile and install with npm ci."
                        : "\(m.path) has no committed lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lockb): every install resolves versions afresh, so builds are not reproducible and a compromised or broken release is picked up silently. Commit the lockfile and install with npm ci."))
                counts["manifests without lockfile", default: 0] += 1
            }
            // Unpinned specifiers.
            for (name, spec) in all.sorted(by: { $0.key < $1.key }) {
                let section = m.dependencies[name] != nil ? "dependencies" : m.devDependencies[name] != nil ? "devDependencies" : "optionalDependencies"
                let kind = NpmSpec.kind(spec)
                var problem: (Severity, String)?
                switch kind {
                case .wildcard, .latest:
                    problem = (.medium, "\"\(name)\": \"\(spec)\" accepts any version, including the next breaking major or a hijacked release. Pin a range such as ^x.y.z and commit the lockfile.")
                case .unbounded:
                    problem = (.low, "\"\(name)\": \"\(spec)\" has no upper bound, so a new major version installs without review. Use a caret range (^x.y.z).")
                case .git, .url:
                    if !(kind == .git && NpmSpec.gitIsPinned(spec)) {
                        problem = (.low, "\"\(name)\" comes from \(kind == .git ? "a git reference" : "a URL") without a pinned commit, so its content can change under the same specifier. Publish or pin it to a commit hash or tag.")
                    }
                default: break
                }
                if let (sev, msg) = problem {
                    findings.append(finding(m, name, section, rule: "unpinned-version", severity: sev, message: msg))
                    problemDeps.insert(m.path + ":" + name)
                    counts["unpinned", default: 0] += 1
                }
            }
            // Declared in both sections.
            for name in m.dependencies.keys.sorted() where m.devDependencies[name] != nil {
                findings.append(finding(m, name, "devDependencies", rule: "duplicate-dependency", severity: .low,
                    message: "\"\(name)\" is declared in both dependencies and devDependencies; which version installs depends on the tool. Keep it in one section."))
                problemDeps.insert(m.path + ":" + name)
                counts["duplicate", default: 0] += 1
            }
            // Never imported (only judged when the manifest's directory holds enough code to tell).
            let scripts = m.scripts.values.joined(separator: "\n")
            let ownCode = app.files.filter { $0.language.isProgram && (m.dir.isEmpty || $0.path.hasPrefix(m.dir + "/")) }.count
            let enoughCode = ownCode > 0 && !(ownCode < 5 && m.dependencies.count > 3 * ownCode)
            if !enoughCode { counts["unused check skipped (too little code)", default: 0] += 1 }
            for name in m.dependencies.keys.sorted() where enoughCode && !isUsed(name, used: used, scripts: scripts, manifest: m, app: app) {
                findings.append(finding(m, name, "dependencies", rule: "unused-dependency", severity: .low,
                    message: "\"\(name)\" is a runtime dependency that no file imports, requires or configures: it adds install time, bundle risk and attack surface for nothing. Remove it (or move it to devDependencies if a tool needs it)."))
                problemDeps.insert(m.path + ":" + name)
                counts["unused", default: 0] += 1
            }
            // Advisories: the lockfile's resolved versions when readable, else the declared ranges.
            var lockVersions: NpmLock?
            if let lf = app.file(m.sibling("package-lock.json")) ?? app.file(m.sibling("npm-shrinkwrap.json")), let parsed = NpmLock(lf) {
                lockVersions = parsed
                lockedVersionsRead = true
                for (name, versions) in parsed.versions.sorted(by: { $0.key < $1.key }) {
                    for v in versions.sorted() {
                        guard let sv = Semver(v) else { continue }
                        for a in Advisory.matching(ecosystem: "npm", package: name, version: sv) where advisoryKeys.insert(m.path + name + a.id).inserted {
                            let direct = all[name] != nil
                            let msg = "\(name)@\(v) (resolved in \(lf.path)\(direct ? "" : ", a transitive dependency")) is affected by \(a.id) (\(a.severity)): \(a.summary). Affected: \(a.affected.text). Upgrade \(direct ? "it" : "the package that pulls it in, or add an override,") to a fixed version and regenerate the lockfile."
                            if direct {
                                findings.append(finding(m, name, m.dependencies[name] != nil ? "dependencies" : "devDependencies", rule: "vulnerable-version", severity: a.findingSeverity, message: msg))
                            } else {
                                let off = Hygiene.Code(lf).rawFind("\"node_modules/\(name)\"", in: 0..<lf.bytes.count) ?? 0
                                findings.append(Finding.at(d, rule: "vulnerable-version", file: lf, offset: off, severity: a.findingSeverity, message: msg))
                            }
                            counts["advisories", default: 0] += 1
                        }
                    }
                }
            }
            if lockVersions == nil {
                for (name, spec) in all.sorted(by: { $0.key < $1.key }) {
                    guard let low = NpmSpec.minimum(spec) else { continue }
                    for a in Advisory.matching(ecosystem: "npm", package: name, version: low) where advisoryKeys.insert(m.path + name + a.id).inserted {
                        let section = m.dependencies[name] != nil ? "dependencies" : m.devDependencies[name] != nil ? "devDependencies" : "optionalDependencies"
                        findings.append(finding(m, name, section, rule: "vulnerable-version", severity: a.findingSeverity,
                            message: "\"\(name)\": \"\(spec)\" allows \(low), which is affected by \(a.id) (\(a.severity)): \(a.summary). Affected: \(a.affected.text). Checked against the declared range (no package-lock.json version was read); raise the minimum to a fixed version."))
                        counts["advisories", default: 0] += 1
                    }
                }
            }
        }

        // Python manifests.
        let pyReqs = requirementFiles.flatMap { PyRequirement.fromRequirements($0) } + pyprojects.flatMap { PyRequirement.fromPyproject($0) }
        if !pyReqs.isEmpty {
            total += pyReqs.count
            let pyLock = Self.pyLockNames.contains { n in app.files(named: n).count > 0 || app.hasPath(n) }
            let allPinned = !requirementFiles.isEmpty && pyReqs.allSatisfy { $0.isPinned }
            if !pyLock && !allPinned {
                let path = requirementFiles.first?.path ?? pyprojects.first?.path
                appFindings.append(app.appFinding(d, rule: "no-lockfile", path: path, severity: .medium,
                    message: "Python dependencies are neither locked (poetry.lock, uv.lock, Pipfile.lock) nor pinned with ==, so each install can resolve different versions. Pin them (pip-compile or uv lock) and commit the result."))
                counts["manifests without lockfile", default: 0] += 1
                for r in pyReqs where r.spec.isEmpty || (!r.isPinned && !r.spec.contains("<") && !r.spec.contains("~=")) {
                    findings.append(Finding.at(d, rule: "unpinned-version", file: r.file, offset: r.offset, severity: .low,
                        message: "\(r.name)\(r.spec.isEmpty ? " has no version specifier" : " \(r.spec) has no upper bound") and there is no lockfile: a new major release installs without review. Pin it (==) or lock the environment."))
                    problemDeps.insert(r.file.path + ":" + r.name)
                    counts["unpinned", default: 0] += 1
                }
            }
            for r in pyReqs {
                guard let low = r.minimum else { continue }
                for a in Advisory.matching(ecosystem: "PyPI", package: r.name, version: low) where advisoryKeys.insert(r.file.path + r.name + a.id).inserted {
                    findings.append(Finding.at(d, rule: "vulnerable-version", file: r.file, offset: r.offset, severity: a.findingSeverity,
                        message: "\(r.name)\(r.spec) \(r.isPinned ? "pins" : "allows") \(low), which is affected by \(a.id) (\(a.severity)): \(a.summary). Affected: \(a.affected.text).\(r.isPinned ? "" : " Checked against the declared specifier's lower bound.") Upgrade to a fixed version."))
                    counts["advisories", default: 0] += 1
                }
            }
        }

        let lockPart = appFindings.isEmpty ? 1.0 : 0.7
        let declPart = total > 0 ? max(0, 1 - Double(problemDeps.count) / Double(total)) : 1
        let advisoryPart = FindingScore.score(findings.filter { $0.rule == "vulnerable-version" }) / 100
        let value = FindingScore.round1(100 * lockPart * (0.6 + 0.4 * declPart) * advisoryPart)
        var evidence = [Evidence("manifests", manifests.count + requirementFiles.count + pyprojects.count), Evidence("declared dependencies", total),
                        Evidence("advisory list entries", Advisory.all.count),
                        Evidence("versions checked against", lockedVersionsRead ? "package-lock.json" : "declared ranges")]
        for key in ["manifests without lockfile", "unpinned", "duplicate", "unused", "advisories", "unused check skipped (too little code)"] where key != "unused check skipped (too little code)" || counts[key] != nil { evidence.append(Evidence(key, counts[key, default: 0])) }
        return MetricResult(metricID: d.id, value: .measured(value), findings: appFindings + findings, evidence: evidence)
    }

    private func finding(_ m: NpmManifest, _ name: String, _ section: String, rule: String, severity: Severity, message: String) -> Finding {
        let off = m.offset(of: name, in: section) ?? 0
        return Finding.at(descriptor, rule: rule, file: m.file, offset: off, severity: severity, message: message)
    }

    /// A lockfile next to the manifest or in an ancestor (workspace root) that git would commit.
    private func lockfile(_ app: AppContext, dir: String, names: [String]) -> (present: Bool, ignored: Bool) {
        var dirs = [dir]
        var d = dir
        while let slash = d.lastIndex(of: "/") {
            d = String(d[..<slash])
            dirs.append(d)
        }
        if !dir.isEmpty { dirs.append("") }
        var ignored = false
        for base in dirs {
            for n in names {
                let path = base.isEmpty ? n : base + "/" + n
                if app.file(path) != nil { return (true, false) }
                if let s = app.skipped.first(where: { $0.path == path }) {
                    if s.reason == .gitignored { ignored = true } else { return (true, false) }
                }
            }
        }
        return (false, ignored)
    }

    /// Packages that are tooling, CLIs, types or loaded by another package rather than imported.
    private static let toolingPrefixes = ["@types/", "eslint", "@eslint/", "@typescript-eslint/", "prettier", "@vitejs/", "vite-", "vite", "@tailwindcss/",
                                          "tailwind", "postcss", "@babel/", "babel-", "webpack", "@vitest/", "@testing-library/", "@playwright/", "@swc/",
                                          "@next/", "eslint-", "stylelint", "@commitlint/", "@storybook/", "@remix-run/dev", "@tanstack/eslint", "rollup", "@rollup/"]
    private static let toolingNames: Set<String> = [
        "typescript", "tslib", "autoprefixer", "nodemon", "ts-node", "tsx", "concurrently", "cross-env", "dotenv-cli", "npm-run-all", "rimraf", "husky",
        "lint-staged", "serve", "http-server", "pm2", "prisma", "drizzle-kit", "supabase", "vercel", "netlify-cli", "wrangler", "esbuild", "jest", "vitest",
        "mocha", "chai", "playwright", "cypress", "sharp", "next", "react-scripts", "lovable-tagger", "terser", "sass", "less", "node-sass", "expo",
        "turbo", "nx", "lerna", "patch-package", "bufferutil", "utf-8-validate", "encoding", "fsevents", "nuxt", "@sveltejs/kit", "svelte", "astro",
        "tsup", "tsc-alias", "ts-jest", "supertest", "msw", "jsdom", "happy-dom", "gunicorn", "uvicorn", "@craco/craco", "react-app-rewired",
        "tailwindcss-animate", "tw-animate-css", "pg-hstore", "@prisma/client", "react-native", "electron", "electron-builder", "@capacitor/cli",
    ]
    private static let ormDrivers: Set<String> = ["pg", "mysql", "mysql2", "sqlite3", "better-sqlite3", "tedious", "mariadb", "oracledb", "pg-native", "pg-query-stream"]
    private static let orms = ["sequelize", "knex", "typeorm", "objection", "bookshelf", "mikro-orm", "@mikro-orm/core", "kysely", "drizzle-orm", "waterline"]
    /// Peer dependency → packages that require it to be installed alongside.
    private static let peers: [String: [String]] = [
        "date-fns": ["react-day-picker", "date-fns-tz", "@date-io/date-fns", "react-datepicker"],
        "react-is": ["recharts", "styled-components", "prop-types", "@mui/material"],
        "@emotion/react": ["@mui/material", "@mui/joy", "@chakra-ui/react"], "@emotion/styled": ["@mui/material", "@chakra-ui/react"],
        "framer-motion": ["@chakra-ui/react"], "@popperjs/core": ["bootstrap", "react-popper"], "react-dom": ["next", "react"],
        "react": ["next", "react-dom"], "scheduler": ["react-dom"],
    ]

    private func isUsed(_ name: String, used: Set<String>, scripts: String, manifest m: NpmManifest, app: AppContext) -> Bool {
        if used.contains(name) || used.contains(name.lowercased()) { return true }
        if Self.toolingNames.contains(name) || Self.toolingPrefixes.contains(where: { name.hasPrefix($0) }) { return true }
        if name.contains("eslint") || name.contains("prettier") || name.hasSuffix("-cli") || name.contains("webpack") || name.contains("babel") { return true }
        let bin = name.split(separator: "/").last.map(String.init) ?? name
        if scripts.contains(name) || scripts.range(of: bin) != nil && bin.count > 3 { return true }
        if Self.ormDrivers.contains(name), Self.orms.contains(where: { m.allDependencies[$0] != nil }) { return true }
        if let hosts = Self.peers[name], hosts.contains(where: { m.allDependencies[$0] != nil }) { return true }
        // React with the automatic JSX runtime needs no import.
        if name == "react", app.files.contains(where: { $0.language == .tsx || $0.language == .jsx }) { return true }
        return false
    }
}
