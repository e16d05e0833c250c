import Foundation

/// G7.P1 (static part): is a way to build and start the app in production declared? Looks at
/// package.json `build`/`start`/`preview` scripts, Dockerfiles (CMD/ENTRYPOINT, non-root USER,
/// pinned base tags, .dockerignore), compose files, Procfiles and platform configs (vercel.json,
/// netlify.toml, fly.toml, render.yaml, railway.json/toml, app.yaml, nixpacks.toml, wrangler.toml,
/// firebase.json hosting, serverless.yml, Kubernetes manifests, `.replit` with a `[deployment]`
/// section, …). What counts depends on the app: a server (Express, Next.js, FastAPI, …) needs a
/// production start command; a static SPA needs a build and somewhere to serve it — `vite preview`
/// is not a production server. The `[runtime]` section of cliffbench.toml is the harness's own
/// recipe, not the app's, and never counts. No deploy path at all is a high finding and scores 0;
/// otherwise the score falls with each finding.
public struct DeployabilityCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G7.P1", slug: "deployability", kind: .primary, methods: "S,R",
        measures: "build and start declared (Dockerfile, compose, Procfile, platform config); from a clean copy the app starts and answers its health check in time",
        severity: .medium, remediation: RemediationCost(baseHours: 2, perFindingHours: 1),
        triggering: [
            CollectorExample([
                "package.json": #"{"scripts":{"dev":"vite","build":"vite build",↓"preview":"vite preview"},"devDependencies":{"vite":"5.4.1"}}"#,
                "src/main.tsx": "import { createRoot } from 'react-dom/client'\ncreateRoot(document.getElementById('root')!).render(null)\n",
                "cliffbench.toml": "[runtime]\nstart = \"npm run preview\"\nport = 4173\n",
            ], note: "a Vite SPA whose only server is `vite preview`; the harness recipe does not count"),
            CollectorExample([
                "package.json": #"{"scripts":{↓"start":"nodemon index.js"},"dependencies":{"express":"4.21.1"}}"#,
                "index.js": "const express = require('express')\nconst app = express()\napp.listen(process.env.PORT || 3000)\n",
            ], note: "the production start command is a file watcher"),
            CollectorExample([
                "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
                "requirements.txt": "fastapi\nuvicorn\n",
            ], note: "a Python API with no Procfile, Dockerfile or platform config: no deploy path"),
            CollectorExample([
                "Dockerfile": "↓FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"dist/server.js\"]\n",
                "package.json": #"{"scripts":{"build":"tsc","start":"node dist/server.js"},"dependencies":{"express":"4.21.1"}}"#,
                "src/server.ts": "import express from 'express'\nexpress().listen(3000)\n",
            ], note: "a floating `latest` base image, running as root, no .dockerignore"),
        ],
        nonTriggering: [
            CollectorExample([
                "Dockerfile": "FROM node:20.18-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20.18-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD [\"node\", \"dist/server.js\"]\n",
                ".dockerignore": "node_modules\n.env\n",
                "package.json": #"{"scripts":{"build":"tsc","start":"node dist/server.js","dev":"tsx watch src/server.ts"},"dependencies":{"express":"4.21.1"}}"#,
                "src/server.ts": "import express from 'express'\nexpress().listen(Number(process.env.PORT))\n",
            ], note: "multi-stage image, pinned base, non-root, .dockerignore"),
            CollectorExample([
                "package.json": #"{"scripts":{"dev":"next dev","build":"next build","start":"next start"},"dependencies":{"next":"14.2.15"}}"#,
                "app/page.tsx": "export default function Page() { return <main>Hello</main> }\n",
            ], note: "Next.js with build and start scripts"),
            CollectorExample([
                "package.json": #"{"scripts":{"dev":"vite","build":"vite build","preview":"vite preview"},"devDependencies":{"vite":"5.4.1"}}"#,
                "netlify.toml": "[build]\ncommand = \"npm run build\"\npublish = \"dist\"\n\n[[redirects]]\nfrom = \"/*\"\nto = \"/index.html\"\nstatus = 200\n",
                "src/main.tsx": "import { createRoot } from 'react-dom/client'\ncreateRoot(document.getElementById('root')!).render(null)\n",
            ], note: "a Vite SPA published by Netlify; preview is only for local checks"),
            CollectorExample([
                "Procfile": "web: gunicorn app:app --bind 0.0.0.0:$PORT\n",
                "app.py": "from flask import Flask\napp = Flask(__name__)\n",
                "requirements.txt": "flask\ngunicorn\n",
            ], note: "Flask under gunicorn from a Procfile"),
        ])

    private static let platformFiles: [(name: String, label: String, mustContain: String?)] = [
        ("vercel.json", "Vercel", nil), ("netlify.toml", "Netlify", nil), ("_redirects", "Netlify redirects", nil), ("fly.toml", "Fly.io", nil),
        ("render.yaml", "Render", nil), ("render.yml", "Render", nil), ("railway.json", "Railway", nil), ("railway.toml", "Railway", nil),
        ("app.yaml", "Google App Engine", "runtime"), ("nixpacks.toml", "Nixpacks", nil), ("amplify.yml", "AWS Amplify", nil),
        ("wrangler.toml", "Cloudflare", nil), ("wrangler.jsonc", "Cloudflare", nil), ("wrangler.json", "Cloudflare", nil),
        ("firebase.json", "Firebase Hosting", "hosting"), ("serverless.yml", "Serverless Framework", nil), ("apprunner.yaml", "AWS App Runner", nil),
        ("staticwebapp.config.json", "Azure Static Web Apps", nil), (".replit", "Replit Deployments", "[deployment]"),
        ("dockerrun.aws.json", "Elastic Beanstalk", nil), (".platform.app.yaml", "Platform.sh", nil), ("zeabur.json", "Zeabur", nil),
        ("koyeb.yaml", "Koyeb", nil), ("captain-definition", "CapRover", nil), ("chart.yaml", "Helm chart", nil), ("app.json", "Heroku", "buildpacks"),
        ("deno.json", "Deno Deploy", "deploy"),
    ]

    private static let devStarts: [(String, String)] = [
        ("nodemon", "nodemon restarts on file changes"), ("next dev", "`next dev` is the development server"),
        ("ts-node-dev", "ts-node-dev is a development watcher"), ("tsx watch", "`tsx watch` is a development watcher"),
        ("node --watch", "`node --watch` is a development watcher"), ("react-scripts start", "`react-scripts start` is the development server"),
        ("webpack serve", "webpack-dev-server is a development server"), ("webpack-dev-server", "webpack-dev-server is a development server"),
        ("--reload", "`--reload` runs a development reloader"), ("flask run", "`flask run` is Flask's development server"),
        ("runserver", "`manage.py runserver` is Django's development server"), ("nuxt dev", "`nuxt dev` is the development server"),
        ("remix dev", "`remix dev` is the development server"), ("astro dev", "`astro dev` is the development server"),
        ("vue-cli-service serve", "`vue-cli-service serve` is the development server"), ("ng serve", "`ng serve` is the development server"),
        ("vite preview", "`vite preview` is a local preview server, not a production server"),
    ]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let profile = ProdAppProfile.of(app)
        guard !profile.programFiles.isEmpty else { return .notMeasured(d.id, "no program files: nothing to build or start") }
        var findings: [Finding] = []
        var paths: [String] = []

        let dockerfiles = app.files.filter { $0.language == .dockerfile }
        let composes = app.files.filter {
            let n = ($0.path.split(separator: "/").last ?? "").lowercased()
            return ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"].contains(n)
        }
        let procfiles = app.files.filter { ($0.path.split(separator: "/").last ?? "").lowercased() == "procfile" }
        var platforms: [(ScannedFile, String)] = []
        for f in app.files {
            let n = (f.path.split(separator: "/").last ?? "").lowercased()
            if let p = Self.platformFiles.first(where: { $0.name == n }), p.mustContain.map({ f.contains($0, caseInsensitive: true) }) ?? true {
                platforms.append((f, p.label))
            } else if (f.language == .yaml) && f.path.split(separator: "/").count <= 3 && f.contains("kind: Deployment") && f.contains("apiVersion:") {
                platforms.append((f, "Kubernetes"))
            } else if f.path == ".do/app.yaml" {
                platforms.append((f, "DigitalOcean App Platform"))
            }
        }
        paths += dockerfiles.map { "Dockerfile (\($0.path))" } + composes.map { "compose (\($0.path))" } + procfiles.map { "Procfile (\($0.path))" }
            + platforms.map { "\($1) (\($0.path))" }

        let server = profile.hasLongRunningServer || profile.hasFrameworkServer
        let pythonServer = profile.serverStarts.contains { $0.python }
        let hasUI = profile.programFiles.contains { f in
            !profile.serverSide.contains(f.path) && (f.language == .tsx || f.language == .jsx || f.language == .vue || f.language == .svelte || f.language == .html)
        }
        let hostDeclared = !dockerfiles.isEmpty || !composes.isEmpty || !procfiles.isEmpty || !platforms.isEmpty

        var startOK = false
        var startDeclared = false
        var buildDeclared = false
        for pkg in profile.packages {
            if let b = pkg.scripts["build"], !b.lowercased().hasPrefix("echo") { buildDeclared = true; paths.append("build script (\(pkg.path))") }
            guard let s = pkg.scripts["start"] else { continue }
            startDeclared = true
            let l = " " + s.lowercased() + " "
            let off = pkg.offset(ofKey: "start") ?? 0
            if let dev = Self.devStarts.first(where: { l.contains($0.0) }) {
                findings.append(Finding.at(d, rule: dev.0 == "vite preview" ? "preview-as-start" : "dev-server-start", file: pkg.file, offset: off, severity: .medium,
                    message: "The `start` script runs `\(s)`: \(dev.1). In production it restarts on file changes, serves unoptimised code or falls over under load. Build once and start the compiled app (`node dist/server.js`, `next start`, a static host)."))
            } else if l.contains(" vite ") && !l.contains("vite build") {
                findings.append(Finding.at(d, rule: "dev-server-start", file: pkg.file, offset: off, severity: .medium,
                    message: "The `start` script runs the Vite development server (`\(s)`). Serve the `vite build` output from a static host or a real web server instead."))
            } else {
                startOK = true
                paths.append("start script (\(pkg.path))")
            }
        }
        for f in procfiles {
            guard let web = f.text.split(separator: "\n").first(where: { $0.lowercased().hasPrefix("web:") }) else { continue }
            startDeclared = true
            let l = web.lowercased()
            if let dev = Self.devStarts.first(where: { l.contains($0.0) }) {
                findings.append(Finding.at(d, rule: "dev-server-start", file: f, offset: f.find(String(web)).first ?? 0, severity: .medium,
                    message: "The Procfile's web process runs a development server: \(dev.1). Run the app under a production server (gunicorn/uvicorn workers, `node dist/…`)."))
            } else {
                startOK = true
            }
        }
        var dockerStart = false
        for f in dockerfiles {
            let (fs, hasStart) = dockerfileFindings(f, app)
            findings += fs
            if hasStart { dockerStart = true }
        }

        let deployPath: Bool
        if server || pythonServer {
            deployPath = startDeclared || dockerStart || !composes.isEmpty || !platforms.isEmpty
            if profile.hasFrameworkServer && startDeclared && !buildDeclared && !dockerStart {
                findings.append(app.appFinding(d, rule: "no-build-script", path: profile.rootPackage?.path, severity: .medium,
                    message: "No `build` script: the \(profile.frameworks.joined(separator: "/")) app cannot produce a production build from a clean checkout, so its `start` fails. Add a `build` script."))
            }
        } else if hasUI {
            let nodeBuilt = !profile.packages.isEmpty
            deployPath = !nodeBuilt || buildDeclared || hostDeclared
            if deployPath && nodeBuilt && !hostDeclared {
                if let pkg = profile.packages.first(where: { ($0.scripts["preview"] ?? "").contains("preview") }), !startDeclared {
                    findings.append(Finding.at(d, rule: "preview-only", file: pkg.file, offset: pkg.offset(ofKey: "preview") ?? 0, severity: .medium,
                        message: "The only way to serve this SPA is `\(pkg.scripts["preview"] ?? "vite preview")`, which is a local preview server, not a production server (no compression tuning, no caching headers, no SPA rewrites you control, not hardened). Deploy `dist/` to a static host (vercel.json, netlify.toml, an nginx Dockerfile) with a rewrite of unknown paths to index.html."))
                } else if !startDeclared {
                    findings.append(app.appFinding(d, rule: "no-host-config", path: profile.rootPackage?.path, severity: .low,
                        message: "The SPA builds, but nothing declares where the build is served (no Dockerfile, vercel.json, netlify.toml, firebase.json, …). Add a host config with a rewrite of client-side routes to index.html, or deep links will 404."))
                }
            } else if !nodeBuilt && !hostDeclared {
                findings.append(app.appFinding(d, rule: "no-host-config", severity: .low,
                    message: "A static site with no host configuration. Declare where it is served (a static host config or an nginx Dockerfile)."))
            }
        } else {
            deployPath = startOK || hostDeclared || buildDeclared
        }

        if !deployPath {
            let what = pythonServer ? "how to run the Python server in production (a Procfile `web: gunicorn …`/`uvicorn …`, a Dockerfile CMD or a platform config)"
                : server ? "a production start command (`start` script, Dockerfile CMD, Procfile or platform config)"
                : hasUI ? "a build script or a host configuration" : "a build or start command"
            findings.insert(app.appFinding(d, rule: "no-deploy-path", severity: .high,
                message: "No deploy path: the app declares neither \(what). Nobody can ship it from a clean checkout without reverse-engineering it; add a Dockerfile or platform config with explicit build and start steps."), at: 0)
        }

        var evidence = [Evidence("app kind", server || pythonServer ? "server (\((profile.serverStarts.map(\.kind) + profile.frameworks).prodUniqued().joined(separator: ", ")))" : hasUI ? "static front end" : "other"),
                        Evidence("deploy paths", paths.isEmpty ? "none" : paths.prodUniqued().joined(separator: "; "))]
        if let rt = app.info.manifest?.runtime {
            evidence.append(Evidence("harness recipe (cliffbench.toml [runtime], not counted)",
                                     [rt.build.map { "build: \($0)" }, rt.start.map { "start: \($0)" }].compactMap { $0 }.joined(separator: "; ")))
        }
        let value = deployPath ? FindingScore.score(findings) : 0
        return MetricResult(metricID: d.id, value: .measured(value), findings: findings, evidence: evidence)
    }

    /// Findings for one Dockerfile, and whether it declares how the container starts.
    private func dockerfileFindings(_ f: ScannedFile, _ app: AppContext) -> ([Finding], Bool) {
        let d = descriptor
        var out: [Finding] = []
        var froms: [(offset: Int, image: String)] = []
        var lastUser: String?
        var hasCmd = false
        var copiesAll = false
        for line in 1...max(1, f.lineCount) {
            let r = f.lineRange(line)
            let s = ProdText.skipSpace(f.bytes, from: r.lowerBound)
            guard s < r.upperBound, f.kind(at: s) == .code else { continue }
            let text = f.string(s..<r.upperBound)
            let upper = text.uppercased()
            let words = text.split(separator: " ").map(String.init)
            if upper.hasPrefix("FROM ") {
                let image = words.dropFirst().first { !$0.hasPrefix("--") } ?? ""
                froms.append((s, image))
                lastUser = nil
            } else if upper.hasPrefix("USER ") {
                lastUser = words.count > 1 ? words[1] : nil
            } else if upper.hasPrefix("CMD") || upper.hasPrefix("ENTRYPOINT") {
                hasCmd = true
            } else if upper.hasPrefix("COPY ") || upper.hasPrefix("ADD ") {
                let args = words.dropFirst().filter { !$0.hasPrefix("--") }
                if args.count >= 2 && (args.first == "." || args.first == "./") { copiesAll = true }
            }
        }
        guard let final = froms.last else { return ([], false) }
        let stageNames = Set(f.text.split(separator: "\n").compactMap { line -> String? in
            let w = line.split(separator: " ")
            guard w.count >= 4, w[0].uppercased() == "FROM", w[w.count - 2].uppercased() == "AS" else { return nil }
            return String(w[w.count - 1]).lowercased()
        })
        let finalImage = final.image.lowercased()
        let serverImages = ["nginx", "httpd", "caddy", "traefik", "nginxinc/", "busybox:httpd"]
        let providesCmd = serverImages.contains { finalImage.hasPrefix($0) }
        if !hasCmd && !providesCmd {
            out.append(Finding.at(d, rule: "docker-no-cmd", file: f, offset: final.offset, severity: .medium,
                message: "\(f.path) has no CMD or ENTRYPOINT, so the image does not say how the app starts (it falls back to the base image's default). Add `CMD [\"node\", \"dist/server.js\"]` or the equivalent."))
        }
        for from in froms {
            let img = from.image.lowercased()
            if img == "scratch" || img.contains("$") || stageNames.contains(img) { continue }
            let nameAndTag = img.split(separator: "@").first.map(String.init) ?? img
            let lastComponent = nameAndTag.split(separator: "/").last.map(String.init) ?? nameAndTag
            if img.contains("@sha256:") { continue }
            if !lastComponent.contains(":") || lastComponent.hasSuffix(":latest") {
                out.append(Finding.at(d, rule: "docker-floating-tag", file: f, offset: from.offset, severity: .low,
                    message: "`FROM \(from.image)` floats on the `latest` tag, so the same commit builds a different image next month (a new Node/Python major can break it). Pin a version such as `node:20.18-alpine`."))
            }
        }
        let nonRootBase = finalImage.contains("distroless") && finalImage.contains("nonroot") || finalImage.contains("unprivileged") || finalImage.hasPrefix("cgr.dev/")
        if !providesCmd && !nonRootBase && (lastUser == nil || lastUser == "root" || lastUser == "0") {
            out.append(Finding.at(d, rule: "docker-root", file: f, offset: final.offset, severity: .low,
                message: "The container runs as root (no `USER` in the final stage). A compromised dependency then owns the whole container: add `USER node` (or another unprivileged user) before CMD."))
        }
        if copiesAll {
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            if !app.hasPath(dir.isEmpty ? ".dockerignore" : dir + "/.dockerignore") {
                out.append(Finding.at(d, rule: "docker-no-dockerignore", file: f, offset: final.offset, severity: .low,
                    message: "`COPY . .` without a .dockerignore copies node_modules, build output, .git and any .env file into the image (leaking secrets and bloating it). Add a .dockerignore."))
            }
        }
        return (out, hasCmd || providesCmd)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func prodUniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
