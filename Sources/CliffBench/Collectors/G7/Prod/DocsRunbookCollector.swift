import Foundation

/// G7.D6: the README as a runbook. Finds the app's top-level README, recognises framework and
/// builder templates (Vite, create-next-app, Create React App, Lovable, Bolt/StackBlitz, v0, …) and
/// ignores their boilerplate sections, then looks for setup/install, run, deploy and environment
/// sections — by heading or by a clear paragraph or command block (`npm install`, `npm run dev`,
/// `docker build`, `.env`). Troubleshooting/runbook/rollback sections earn a bonus. Score: 20 for a
/// README that is not a template plus 20 per section (the bonus can make up a missing one).
/// No README at all is the failure itself (medium finding, value 0). An app that reads no
/// environment variables does not need an environment section.
public struct DocsRunbookCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.D6", slug: "docs-runbook", kind: .diagnostic, methods: "S",
        measures: "README with setup, run, deploy and environment",
        severity: .low, remediation: RemediationCost(baseHours: 1, perFindingHours: 0.5),
        triggering: [
            CollectorExample(["package.json": #"{"scripts":{"dev":"vite","build":"vite build"}}"#, "src/main.ts": "console.log(import.meta.env.VITE_API_URL)\n"],
                             note: "no README at all"),
            CollectorExample(["README.md": """
                ↓# React + TypeScript + Vite

                This template provides a minimal setup to get React working in Vite with HMR and some ESLint rules.

                ## Expanding the ESLint configuration

                If you are developing a production application, we recommend updating the configuration.
                """, "src/main.tsx": "export {}\n"], note: "the Vite template README"),
            CollectorExample(["README.md": "# Clinic booking\n\nBook appointments with doctors.\n\n## Run\n\n```\nnpm install\nnode index.js\n```\n",
                              "index.js": "const key = process.env.STRIPE_SECRET_KEY\n"],
                             note: "setup and run only: no deploy and no environment section although the app reads env variables"),
            CollectorExample(["README.md": """
                ↓# Welcome to your Lovable project

                ## Project info

                **URL**: https://lovable.dev/projects/123

                ## How can I edit this code?

                ```sh
                npm i
                npm run dev
                ```

                ## How can I deploy this project?

                Simply open Lovable and click on Share -> Publish.
                """], note: "Lovable boilerplate: its install and deploy sections do not count"),
        ],
        nonTriggering: [
            CollectorExample(["README.md": """
                # CareSlot

                ## Setup
                ```bash
                npm install
                cp .env.example .env
                ```
                ## Run
                `npm run dev` starts the API and the web app.
                ## Deploy
                Build the image with `docker build -t careslot .` and run it behind a load balancer.
                ## Environment
                | Variable | Purpose |
                |---|---|
                | `DATABASE_URL` | Postgres connection |
                """, "server.js": "const url = process.env.DATABASE_URL\n"], note: "a complete README with headings"),
            CollectorExample(["README.md": """
                Todo API
                ========

                Getting started: clone the repo, then

                    pip install -r requirements.txt
                    uvicorn app.main:app --reload

                To deploy, push to main: Render builds the image from render.yaml.

                Configuration lives in a .env file (see .env.example for every variable).
                """, "app/main.py": "import os\nDB = os.environ['DATABASE_URL']\n"], note: "setext title and clear paragraphs instead of headings"),
            CollectorExample(["README.md": """
                # Unit converter

                ## Getting Started

                ```bash
                npm ci
                npm run dev
                ```

                ## Deployment

                `npm run build` writes `dist/`; the Netlify config in `netlify.toml` publishes it.
                """, "src/convert.ts": "export const km = (mi: number) => mi * 1.609\n"],
                note: "a custom Getting Started section (not the Next template) and no environment variables used, so no env section is needed"),
        ])

    private static let templates: [(signature: String, name: String)] = [
        ("this template provides a minimal setup to get react working in vite", "Vite React template"),
        ("# react + typescript + vite", "Vite React template"), ("# react + vite", "Vite React template"),
        ("this template should help get you started developing with vue 3", "Vite Vue template"),
        ("# svelte + ts + vite", "Vite Svelte template"), ("# vite + react", "Vite React template"),
        ("project bootstrapped with [`create-next-app`]", "create-next-app template"),
        ("bootstrapped with [`create-next-app`]", "create-next-app template"),
        ("this project was bootstrapped with [create react app]", "Create React App template"),
        ("welcome to your lovable project", "Lovable template"),
        ("vite-react-typescript-starter", "Bolt/StackBlitz starter template"),
        ("[edit in stackblitz next generation editor", "StackBlitz template"),
        ("automatically synced with your [v0.dev]", "v0 template"), ("stay in sync with your deployed chats on [v0", "v0 template"),
        ("everything you need to build a svelte project", "SvelteKit template"),
        ("look at the [nuxt documentation]", "Nuxt template"), ("this is an [expo](https://expo.dev) project", "Expo template"),
        ("📖 see the [remix docs]", "Remix template"),
    ]

    /// Headings of template boilerplate whose content never counts.
    private static let templateHeadings: Set<String> = [
        "project info", "how can i edit this code?", "what technologies are used for this project?", "how can i deploy this project?",
        "can i connect a custom domain to my lovable project?", "i want to use a custom domain - is that possible?",
        "getting started", "learn more", "deploy on vercel", "expanding the eslint configuration", "react compiler", "available scripts",
        "npm start", "npm test", "npm run build", "npm run eject", "code splitting", "analyzing the bundle size",
        "making a progressive web app", "advanced configuration", "deployment", "overview", "build your app", "how it works",
        "project setup", "recommended ide setup", "type support for `.vue` imports in ts", "customize configuration",
        "compile and hot-reload for development", "compile and minify for production", "type-check, compile and minify for production",
        "lint with [eslint](https://eslint.org/)", "creating a project", "developing", "building",
    ]

    private struct Section {
        var heading: String
        var headingLine: Int
        var lines: [String]
        var codeLines: [String]
        /// The heading as " word word " (lower case, punctuation folded to spaces).
        var words = ""
        /// Prose and code, lower case.
        var body = ""
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty || app.files.contains(where: { $0.role == .docs }) else {
            return .notMeasured(d.id, "no program files or documentation in the app")
        }
        let readmes = app.files.filter {
            let n = ($0.path.split(separator: "/").last ?? "").lowercased()
            return n == "readme.md" || n == "readme" || n == "readme.txt" || n == "readme.rst" || n == "readme.markdown"
        }.sorted { ($0.path.split(separator: "/").count, $0.path.lowercased().hasSuffix(".md") ? 0 : 1) < ($1.path.split(separator: "/").count, $1.path.lowercased().hasSuffix(".md") ? 0 : 1) }
        let needsEnv = usesEnvironment(app, profile)
        guard let readme = readmes.first else {
            return MetricResult(metricID: d.id, value: .measured(0), findings: [
                app.appFinding(d, rule: "no-readme", severity: .medium,
                    message: "The app has no README. Whoever deploys or is paged for it has no setup, run, deploy or environment instructions: add a README.md covering install, running locally, deploying and every environment variable."),
            ], evidence: [Evidence("readme", "none"), Evidence("environment variables used", needsEnv ? "yes" : "no")])
        }

        let text = readme.text
        let lower = text.lowercased()
        let template = Self.templates.first { lower.prodHas($0.signature) }
        var sections = parse(readme)
        if template != nil {
            sections = sections.filter { !Self.templateHeadings.contains($0.heading.lowercased()) }
            if let first = sections.first, first.headingLine <= 2 || sections.count == 1 && first.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                sections.removeFirst()
            }
        }

        let setup = sections.contains { has($0, headings: ["install", "installation", "setup", "set up", "getting started", "prerequisites", "requirements", "quickstart", "quick start", "local development", "dependencies", "development"], commands: ["npm install", "npm i ", "npm ci", "yarn install", "pnpm install", "pnpm i ", "bun install", "pip install", "poetry install", "uv sync", "pipenv install", "git clone", "npm i\n"]) }
        let run = sections.contains { has($0, headings: ["run", "running", "usage", "start", "starting", "develop", "development", "local development", "getting started", "quickstart", "quick start"], commands: ["npm run dev", "npm start", "npm run start", "yarn dev", "yarn start", "pnpm dev", "pnpm start", "pnpm run dev", "bun dev", "bun run dev", "node ", "docker compose up", "docker-compose up", "docker run", "uvicorn ", "flask run", "flask --app", "python -m flask", "python app.py", "python main.py", "manage.py runserver", "gunicorn ", "make run", "make dev", "deno task", "next dev", "npx vite"]) }
        let deploy = sections.contains { has($0, headings: ["deploy", "deployment", "deploying", "production", "hosting", "release", "publishing", "docker", "shipping"], commands: ["docker build", "fly deploy", "vercel --prod", "vercel deploy", "netlify deploy", "railway up", "gcloud run deploy", "kubectl apply", "git push heroku", "helm install", "helm upgrade", "to deploy", "deploys to", "deployed to", "deploy it", "render.yaml", "fly.toml", "vercel.json", "netlify.toml"]) }
        let env = !needsEnv || sections.contains { has($0, headings: ["environment", "env", "configuration", "config", "variables", "secrets", "settings"], commands: [".env", "environment variable", "env var"]) }
        let troubleshooting = sections.contains { has($0, headings: ["troubleshoot", "troubleshooting", "runbook", "faq", "known issues", "common issues", "common problems", "debugging", "operations", "rollback", "incident", "monitoring", "health check", "logs", "recovery", "backup"], commands: []) }

        var findings: [Finding] = []
        if let t = template {
            let hasOwn = setup || run || deploy || (needsEnv && env)
            findings.append(Finding.at(d, rule: "template-readme", file: readme, offset: 0, severity: .medium,
                message: "The README is the \(t.name)\(hasOwn ? " with a few additions" : "") — boilerplate about the generator, not this app. Replace it with how to install, run, deploy and configure this app; the template's sections are not counted."))
        }
        func missing(_ rule: String, _ what: String) {
            findings.append(app.appFinding(d, rule: rule, path: readme.path, severity: .low, message: what))
        }
        if !setup { missing("no-setup-section", "\(readme.path) does not say how to set the app up (prerequisites, `npm install`/`pip install`, database setup). Add a Setup section a new developer can follow from a clean checkout.") }
        if !run { missing("no-run-section", "\(readme.path) does not say how to run the app (the dev and production start commands). Add a Run section with the exact commands.") }
        if !deploy { missing("no-deploy-section", "\(readme.path) has no deployment instructions. Whoever ships or rolls back the app has to reverse-engineer it: document the target, the build and start commands, and how to roll back.") }
        if !env { missing("no-env-section", "The app reads environment variables but \(readme.path) does not document them. List every variable, what it is for, and whether it is secret (and commit a .env.example).") }

        var score = (template == nil ? 20.0 : 0) + [setup, run, deploy, env].reduce(0) { $0 + ($1 ? 20 : 0) }
        if troubleshooting { score = min(100, score + 10) }
        if !findings.isEmpty { score = min(score, 95) }
        return MetricResult(metricID: d.id, value: .measured(score), findings: findings, evidence: [
            Evidence("readme", readme.path), Evidence("template", template?.name ?? "no"),
            Evidence("setup section", setup ? "yes" : "no"), Evidence("run section", run ? "yes" : "no"),
            Evidence("deploy section", deploy ? "yes" : "no"),
            Evidence("environment section", needsEnv ? (env ? "yes" : "no") : "not needed (no environment variables read)"),
            Evidence("troubleshooting/runbook section", troubleshooting ? "yes" : "no"),
        ])
    }

    private func has(_ s: Section, headings: [String], commands: [String]) -> Bool {
        for k in headings where s.words.prodHas(" " + k + " ") || s.words.prodHas(" " + k + "s ") || s.words.prodHas(" " + k + "ing ") { return true }
        return commands.contains { s.body.prodHas($0) }
    }

    /// Sections by ATX (`## x`) or setext (`x` over `===`/`---`) headings, outside fenced code.
    private func parse(_ f: ScannedFile) -> [Section] {
        let lines = f.text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\r", with: "") }
        var out: [Section] = [Section(heading: "", headingLine: 0, lines: [], codeLines: [])]
        var fence: String?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let t = line.trimmingCharacters(in: .whitespaces)
            if let f = fence {
                if t.hasPrefix(f) { fence = nil } else { out[out.count - 1].codeLines.append(line) }
                i += 1
                continue
            }
            if t.hasPrefix("```") || t.hasPrefix("~~~") {
                fence = String(t.prefix(3))
                i += 1
                continue
            }
            if t.hasPrefix("#") {
                let title = t.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                out.append(Section(heading: title.trimmingCharacters(in: CharacterSet(charactersIn: "#*_` ")), headingLine: i + 1, lines: [], codeLines: []))
                i += 1
                continue
            }
            if i + 1 < lines.count, !t.isEmpty {
                let next = lines[i + 1].trimmingCharacters(in: .whitespaces)
                if next.count >= 3 && (next.allSatisfy { $0 == "=" } || next.allSatisfy { $0 == "-" }) {
                    out.append(Section(heading: t, headingLine: i + 1, lines: [], codeLines: []))
                    i += 2
                    continue
                }
            }
            if line.hasPrefix("    ") || line.hasPrefix("\t") {
                out[out.count - 1].codeLines.append(line)
            } else {
                out[out.count - 1].lines.append(line)
            }
            i += 1
        }
        if out[0].lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) && out[0].codeLines.isEmpty { out.removeFirst() }
        for i in out.indices {
            let folded = String(out[i].heading.lowercased().map { $0.isLetter || $0.isNumber || $0 == "?" || $0 == "." ? $0 : " " })
            out[i].words = " " + folded + " "
            out[i].body = (out[i].lines + out[i].codeLines).joined(separator: "\n").lowercased() + "\n"
        }
        return out
    }

    /// Whether the app reads environment variables or ships an env example.
    private func usesEnvironment(_ app: AppContext, _ profile: ProdAppProfile) -> Bool {
        if app.files.contains(where: { f in
            let n = (f.path.split(separator: "/").last ?? "").lowercased()
            return n.hasPrefix(".env.") && (n.contains("example") || n.contains("sample") || n.contains("template"))
        }) { return true }
        let needles = ProdNeedles(["process.env", "import.meta.env", "os.environ", "os.getenv", "Deno.env.get", "getenv("])
        return profile.programFiles.contains { ProdText.contains($0, needles, in: 0..<$0.bytes.count) }
    }
}
