import Foundation

/// G7.D3: a CI pipeline that lints, tests and builds. Reads GitHub Actions workflows, GitLab CI,
/// Bitbucket Pipelines, CircleCI, Azure Pipelines, Travis, Drone, Woodpecker, Buildkite and
/// Jenkinsfiles (comments ignored), resolves `npm run x`/`yarn x`/`pnpm x` through the app's
/// package.json scripts (so `npm run ci` that chains lint, test and build counts), rejects npm's
/// placeholder `test` script, and checks that GitHub workflows with tests run on push or pull
/// requests. Score: CI present 25, lint 20, tests 35 (half when they never run on push/PR),
/// build 20. No CI at all is the failure itself: high finding, value 0.
public struct CIPipelineCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D3", slug: "ci-pipeline", kind: .diagnostic, methods: "S",
        measures: "CI that lints, tests and builds",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample(["package.json": #"{"scripts":{"build":"vite build","test":"vitest run"}}"#, "src/main.ts": "export {}\n"],
                             note: "no CI configuration at all"),
            CollectorExample([".github/workflows/deploy.yml": """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm ci
                      - run: npm run build
                      # - run: npm test
                """, "package.json": #"{"scripts":{"build":"vite build","test":"vitest run"}}"#, "src/main.ts": "export {}\n"],
                note: "builds and deploys but never lints or tests (the test step is commented out)"),
            CollectorExample([".github/workflows/ci.yml": """
                on: [push, pull_request]
                jobs:
                  ci:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm install
                      - run: npm run lint
                      - run: ↓npm test
                      - run: npm run build
                """, "package.json": #"{"scripts":{"build":"node build.js","lint":"eslint .","test":"echo \"Error: no test specified\" && exit 1"}}"#, "index.js": "module.exports = {}\n"],
                note: "CI runs npm's placeholder test script"),
            CollectorExample([".github/workflows/nightly.yml": """
                on:
                  schedule:
                    - cron: '0 3 * * *'
                  workflow_dispatch:
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm ci && npm run lint && npm test && npm run build
                """, "package.json": #"{"scripts":{"build":"tsc","lint":"eslint .","test":"jest"}}"#, "src/index.ts": "export {}\n"],
                note: "tests only run nightly or by hand, never on a push or pull request"),
        ],
        nonTriggering: [
            CollectorExample([".github/workflows/ci.yml": """
                name: ci
                on:
                  push:
                    branches: [main]
                  pull_request:
                jobs:
                  verify:
                    runs-on: ubuntu-24.04
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm ci
                      - name: Lint and type-check
                        run: npm run lint
                      - run: npm test
                      - run: npm run build
                """, "package.json": #"{"scripts":{"lint":"eslint . && tsc --noEmit","test":"vitest run","build":"vite build"}}"#, "src/main.ts": "export {}\n"],
                note: "lint, test and build on push and pull requests"),
            CollectorExample([".gitlab-ci.yml": """
                stages: [verify]
                verify:
                  image: node:20
                  script:
                    - npm ci
                    - npm run ci
                """, "package.json": #"{"scripts":{"ci":"npm run lint && npm run test && npm run build","lint":"biome check .","test":"vitest run","build":"next build"}}"#, "app/page.tsx": "export default function P() { return null }\n"],
                note: "GitLab CI calling a package script that chains lint, test and build"),
            CollectorExample([".github/workflows/python.yml": """
                on:
                  pull_request:
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pip install -r requirements.txt
                      - run: ruff check .
                      - run: pytest -q
                      - run: docker build -t api .
                """, "app/main.py": "print('hi')\n"], note: "a Python service linted with ruff, tested with pytest, built as an image"),
        ])

    /// Package-manager invocations (`npm test`, `npm run build`) are resolved through package.json instead.
    private static let testMarks = ["bun test", "vitest",
                                    "jest", "pytest", "python -m unittest", "go test", "cargo test", "playwright test", "cypress run", "deno test",
                                    "mocha", "npx ava", "tox", "nox ", "make test", "rspec", "phpunit"]
    private static let lintMarks = ["lint", "eslint", "ruff", "flake8", "pylint", "tsc --noemit", "tsc -noemit", "tsc -p", "type-check", "typecheck",
                                    "mypy", "biome", "prettier --check", "black --check", "stylelint", "svelte-check", "vue-tsc", "pyright"]
    private static let buildMarks = ["next build", "vite build",
                                     "docker build", "docker/build-push-action", "python -m build", "tsc -b", "tsc --build", "go build", "cargo build",
                                     "make build", "docker compose build", "webpack", "esbuild", "rollup -c", "react-scripts build", "nuxt build",
                                     "astro build", "remix build", "expo export"]

    private struct Pipeline {
        var file: ScannedFile
        var system: String
        var text: String
        var lint = false, test = false, build = false
        var testOffset: Int?
        var placeholderTest: Int?
        var onPushOrPR = true
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty else { return .notMeasured(d.id, "no program files: nothing for a pipeline to build") }
        var pipes: [Pipeline] = []
        for f in app.files {
            guard let system = ciSystem(f.path) else { continue }
            pipes.append(analyse(f, system: system, profile: profile))
        }
        guard !pipes.isEmpty else {
            return MetricResult(metricID: d.id, value: .measured(0), findings: [
                app.appFinding(d, rule: "no-ci", severity: .high,
                    message: "No CI pipeline (.github/workflows, .gitlab-ci.yml, bitbucket-pipelines.yml, …). Nothing stops a change that breaks the build or the tests from being deployed: add a workflow that installs, lints, tests and builds on every push and pull request."),
            ], evidence: [Evidence("ci files", 0)])
        }
        let lint = pipes.contains { $0.lint }
        let test = pipes.contains { $0.test }
        let build = pipes.contains { $0.build }
        let testOnPush = pipes.contains { $0.test && $0.onPushOrPR }
        var findings: [Finding] = []
        for p in pipes {
            if let o = p.placeholderTest {
                findings.append(Finding.at(d, rule: "placeholder-test-script", file: p.file, offset: o, severity: .medium,
                    message: "CI runs `npm test`, but the package's test script is npm's placeholder (`echo \"Error: no test specified\" && exit 1`): the step either fails every run or is ignored. Add real tests and a test script that runs them."))
            }
        }
        let first = pipes[0].file
        if !test {
            if findings.isEmpty {
                findings.append(app.appFinding(d, rule: "ci-without-tests", path: first.path, severity: .medium,
                    message: "The CI pipeline never runs tests, so regressions reach production unnoticed. Add a test step (`npm test`, `vitest run`, `pytest`) that fails the build."))
            }
        } else if !testOnPush, let p = pipes.first(where: { $0.test }) {
            findings.append(Finding.at(d, rule: "tests-not-on-push", file: p.file, offset: p.testOffset ?? 0, severity: .medium,
                message: "Tests run only on a schedule or by hand; no workflow runs them on push or pull_request, so a breaking change can merge. Trigger the test job on `push` and `pull_request`."))
        }
        if !lint {
            findings.append(app.appFinding(d, rule: "ci-without-lint", path: first.path, severity: .low,
                message: "The CI pipeline does not lint or type-check (`eslint`, `tsc --noEmit`, `ruff`). Add the step so type errors and obvious bugs fail the build."))
        }
        if !build {
            findings.append(app.appFinding(d, rule: "ci-without-build", path: first.path, severity: .low,
                message: "The CI pipeline never builds the app, so a change that breaks the production build is only found at deploy time. Add `npm run build` (or the image build) to the pipeline."))
        }
        var score = 25.0 + (lint ? 20 : 0) + (build ? 20 : 0)
        if test { score += testOnPush ? 35 : 17.5 }
        return MetricResult(metricID: d.id, value: .measured(score), findings: findings, evidence: [
            Evidence("ci files", pipes.map(\.file.path).joined(separator: ", ")),
            Evidence("systems", Set(pipes.map(\.system)).sorted().joined(separator: ", ")),
            Evidence("lints", lint ? "yes" : "no"), Evidence("tests", test ? (testOnPush ? "yes, on push/PR" : "yes, not on push/PR") : "no"),
            Evidence("builds", build ? "yes" : "no"),
        ])
    }

    private func ciSystem(_ path: String) -> String? {
        let p = path.lowercased()
        if p.hasPrefix(".github/workflows/") && (p.hasSuffix(".yml") || p.hasSuffix(".yaml")) { return "GitHub Actions" }
        switch p {
        case ".gitlab-ci.yml", ".gitlab-ci.yaml": return "GitLab CI"
        case "bitbucket-pipelines.yml": return "Bitbucket Pipelines"
        case ".circleci/config.yml", ".circleci/config.yaml": return "CircleCI"
        case "azure-pipelines.yml", "azure-pipelines.yaml": return "Azure Pipelines"
        case ".travis.yml": return "Travis CI"
        case ".drone.yml": return "Drone"
        case ".woodpecker.yml": return "Woodpecker"
        case "jenkinsfile": return "Jenkins"
        case ".buildkite/pipeline.yml": return "Buildkite"
        default: break
        }
        if p.hasPrefix(".woodpecker/") && p.hasSuffix(".yml") { return "Woodpecker" }
        return nil
    }

    private func analyse(_ f: ScannedFile, system: String, profile: ProdAppProfile) -> Pipeline {
        var live = [UInt8]()
        live.reserveCapacity(f.bytes.count)
        var offsets = [Int]()
        var i = 0
        var ri = 0
        let rs = f.regions
        while i < f.bytes.count {
            if ri < rs.count && i >= Int(rs[ri].start) {
                if rs[ri].kind == .comment && i < Int(rs[ri].end) {
                    i = Int(rs[ri].end)
                    ri += 1
                    continue
                }
                if i >= Int(rs[ri].end) { ri += 1; continue }
            }
            live.append(ByteClass.lower(f.bytes[i]))
            offsets.append(i)
            i += 1
        }
        let text = String(decoding: live, as: UTF8.self)
        var p = Pipeline(file: f, system: system, text: text)
        func classify(_ cmd: String, depth: Int) {
            let c = " " + cmd.lowercased() + " "
            if Self.testMarks.contains(where: { c.prodHas($0) }) { p.test = true }
            if Self.lintMarks.contains(where: { c.prodHas($0) }) { p.lint = true }
            if Self.buildMarks.contains(where: { c.prodHas($0) }) { p.build = true }
            guard depth < 3 else { return }
            for name in scriptNames(in: cmd) {
                for pkg in profile.packages {
                    guard let script = pkg.scripts[name] else { continue }
                    let s = script.lowercased()
                    if name == "test" || name.hasPrefix("test:") {
                        if s.prodHas("no test specified") || (s.hasPrefix("echo") && !s.prodHas("&& vitest") && !s.prodHas("&& jest")) { continue }
                        p.test = true
                    }
                    if name.contains("lint") || name.contains("typecheck") || name.contains("type-check") { p.lint = true }
                    if name == "build" || name.hasPrefix("build:") { p.build = true }
                    classify(script, depth: depth + 1)
                }
            }
        }
        classify(text, depth: 0)
        if p.test, let r = text.range(of: "npm test") ?? text.range(of: "npm run test") ?? text.range(of: "pytest") ?? text.range(of: "vitest") ?? text.range(of: "jest") {
            let idx = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            if idx < offsets.count { p.testOffset = offsets[idx] }
        }
        if !p.test, let r = text.range(of: "npm test") ?? text.range(of: "npm run test") {
            let idx = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            let placeholder = profile.packages.contains { ($0.scripts["test"] ?? "").lowercased().contains("no test specified") }
            if placeholder && idx < offsets.count { p.placeholderTest = offsets[idx] }
        }
        if system == "GitHub Actions" { p.onPushOrPR = githubTriggers(text) }
        if system == "Bitbucket Pipelines" { p.onPushOrPR = text.prodHas("default:") || text.prodHas("branches:") || text.prodHas("pull-requests:") }
        return p
    }

    /// Script names invoked by `npm run x`, `npm test`, `yarn x`, `pnpm x`, `bun run x`.
    private func scriptNames(in cmd: String) -> [String] {
        var out: [String] = []
        let words = cmd.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "&" || $0 == ";" || $0 == "|" || $0 == "\"" || $0 == "'" })
            .map(String.init)
        var i = 0
        while i < words.count {
            let w = words[i]
            if ["npm", "yarn", "pnpm", "bun"].contains(w), i + 1 < words.count {
                var n = words[i + 1]
                if n == "run" || n == "run-script" {
                    n = i + 2 < words.count ? words[i + 2] : ""
                } else if w == "npm" && !["test", "t", "start"].contains(n) || w == "bun" && n != "test"
                            || ["install", "ci", "i", "add", "exec", "dlx", "x"].contains(n) {
                    n = ""
                }
                if n == "t" { n = "test" }
                if !n.isEmpty { out.append(n) }
            }
            i += 1
        }
        return out
    }

    /// Whether a GitHub workflow's `on:` includes push or pull_request (pull_request_target counts).
    private func githubTriggers(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var inOn = false
        var collected = ""
        for line in lines {
            let isTop = !(line.first?.isWhitespace ?? true) && !line.hasPrefix("-")
            if isTop {
                if inOn { break }
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("on:") || t.hasPrefix("\"on\":") || t.hasPrefix("'on':") || t.hasPrefix("true:") {
                    inOn = true
                    collected += t.drop { $0 != ":" }.dropFirst() + "\n"
                }
                continue
            }
            if inOn { collected += line + "\n" }
        }
        guard inOn else { return true }
        return collected.prodHas("push") || collected.prodHas("pull_request") || collected.prodHas("merge_group")
    }
}
