import Foundation

/// G1.D6: did the builder ask clarifying questions before building? Reads the generation
/// transcript the app's `cliffbench.toml` names (`[generation] transcript`), in any of these forms:
///
/// - Markdown/text turns opened by a speaker label at the start of a line: `**Builder:**`,
///   `**User**:`, `Assistant: …`, `## Agent`; builder labels are builder, assistant, agent, AI,
///   bot, model and builder names (Lovable, Bolt, v0, Replit, Claude, GPT, Copilot, Cursor, Devin);
///   user labels are user, human, me, customer, client, prompt.
/// - JSON: an array of messages (or `{messages|conversation|turns: […]}`) with `role`/`author`/`from`
///   and `content`/`text` (a string or an array of parts); JSON Lines with one message per line.
///
/// Code generation starts at the first builder turn that contains a fenced code block, a tool log
/// line (`> Created …`, `> Installed …`), a file-edit note (`*[edited 17 files]*`), a builder
/// artifact tag (`<boltArtifact`, `<lov-write`) or a tool call. Questions are counted in builder
/// text before that point: sentences ending in `?` and requests such as "Would you like",
/// "Should I", "Do you want", "Which … do you prefer", "Can you clarify". Score: 0 questions → 20
/// (with a finding), 1 → 60, 2 or more → 100. No transcript → not measured.
public struct ClarificationsCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G1.D6", slug: "clarifications", kind: .diagnostic, methods: "S",
        measures: "clarifying questions the builder asked, from the generation transcript when the corpus has one",
        severity: .medium, remediation: RemediationCost(baseHours: 1, perFindingHours: 0),
        triggering: [
            CollectorExample([
                "cliffbench.toml": "[generation]\ntranscript = \"transcript.md\"\n",
                "transcript.md": """
                    **User:** Build a clinic booking app with staff, patients and invoices.

                    **Agent:** I'll build this as a Node.js + Express app. Starting now.

                    > Created index.js, routes/appointments.js

                    **User:** the appointments disappear when I redeploy

                    **Agent:** They are stored in memory. Would you like me to add PostgreSQL?
                    """,
            ], note: "no question before building; the later question does not count"),
            CollectorExample([
                "cliffbench.toml": "[generation]\ntranscript = \"log.json\"\n",
                "log.json": #"[{"role":"user","content":"Build a support inbox with AI replies"},{"role":"assistant","content":"Here is the app:\n```tsx\nexport default function App() { return null }\n```\nShould I add dark mode?"}]"#,
            ], note: "JSON transcript: code first, question after"),
            CollectorExample([
                "cliffbench.toml": "[generation]\ntranscript = \"transcript.md\"\n",
                "transcript.md": """
                    ## User
                    Build a habit tracker for teams.

                    ## Builder
                    Great idea! Here's my plan: a dashboard, streaks and reminders. I'm going with Supabase for storage.

                    *[created 12 files]*
                    """,
            ], note: "heading-style turns, a plan but no question"),
        ],
        nonTriggering: [
            CollectorExample([
                "cliffbench.toml": "[generation]\ntranscript = \"transcript.md\"\n",
                "transcript.md": """
                    **User:** Build a clinic booking app.

                    **Builder:** Before I design the schema, a few questions:

                    1. **Sign-in.** Magic link or email and password?
                    2. **Fees.** Is the fee GST-exclusive?

                    **User:** Magic link; exclusive.

                    **Builder:** Thanks.

                    *[created 24 files]*
                    """,
            ], note: "two clarifying questions before any code"),
            CollectorExample([
                "cliffbench.toml": "[generation]\ntranscript = \"chat.jsonl\"\n",
                "chat.jsonl": """
                    {"role":"user","content":"Make me an expense tracker"}
                    {"role":"assistant","content":"Do you want multi-currency support? And which chart style do you prefer: bars or lines?"}
                    {"role":"user","content":"single currency, bars"}
                    {"role":"assistant","content":[{"type":"text","text":"Building it now."},{"type":"tool_use","name":"write_file"}]}
                    """,
            ], note: "JSON Lines with content parts and a tool call"),
            CollectorExample([
                "cliffbench.toml": "[generation]\nbuilder_version = \"1.0\"\n",
                "src/App.tsx": "export default function App() { return null }\n",
            ], note: "no transcript in the corpus: not measured, so no finding"),
        ])

    private enum Role { case user, builder, other }

    private struct Turn {
        var role: Role
        var text: String
        /// The turn carried a tool call (JSON transcripts).
        var toolCall: Bool
    }

    private static let builderNames = ["builder", "assistant", "agent", "ai", "bot", "model", "lovable", "bolt", "v0", "replit", "replit agent",
                                       "claude", "gpt", "chatgpt", "copilot", "cursor", "windsurf", "devin", "gemini", "codex", "base44", "same"]
    private static let userNames = ["user", "human", "me", "customer", "client", "prompt", "founder", "you"]
    private static let otherNames = ["system", "tool", "function", "log"]

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        guard var path = app.info.manifest?.transcript, !path.isEmpty else {
            return .notMeasured(d.id, "no generation transcript in the corpus")
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard let file = app.file(path) else {
            let skip = app.skipped.first { $0.path == path }
            return .notMeasured(d.id, "cliffbench.toml names the transcript \(path), but it is not among the scanned files"
                + (skip.map { " (skipped: \($0.reason.rawValue))" } ?? ""))
        }
        let turns = parse(file)
        let builderTurns = turns.filter { $0.role == .builder }
        guard !builderTurns.isEmpty else {
            return .notMeasured(d.id, "the transcript \(path) has no builder turns in a recognised format (speaker labels such as **Builder:**, Assistant:, ## Agent, or JSON messages with a role)",
                                evidence: [Evidence("turns", turns.count)])
        }

        var questions: [String] = []
        var sawCode = false
        var builderTurnsRead = 0
        let anyCode = builderTurns.contains { codeStart(in: $0.text) != nil || $0.toolCall }
        for t in turns where t.role == .builder {
            builderTurnsRead += 1
            var text = t.text
            if let cut = codeStart(in: text) {
                text = String(text[..<cut])
                sawCode = true
            } else if t.toolCall {
                sawCode = true
            }
            questions += questionsIn(text)
            if sawCode || !anyCode { break }
        }

        let n = questions.count
        let score: Double = n == 0 ? 20 : (n == 1 ? 60 : 100)
        var findings: [Finding] = []
        if n == 0 {
            findings.append(app.appFinding(d, rule: "no-clarifying-questions", path: file.path,
                message: "The builder started generating code without asking a single clarifying question, so every ambiguous part of the request (roles, data rules, payments, hosting) was decided silently. Compare the app against the task's requirements and confirm each assumption it made."))
        }
        var evidence = [Evidence("transcript", file.path), Evidence("turns", turns.count), Evidence("builder turns read", builderTurnsRead),
                        Evidence("clarifying questions before code", n)]
        if !anyCode { evidence.append(Evidence("code output", "no code-output marker found; only the builder's first turn was read")) }
        if let q = questions.first { evidence.append(Evidence("first question", Finding.clip(q))) }
        return MetricResult(metricID: d.id, value: .measured(score), findings: findings, evidence: evidence)
    }

    // MARK: - Parsing

    private func parse(_ f: ScannedFile) -> [Turn] {
        let text = f.text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            if let obj = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) {
                let turns = jsonTurns(obj)
                if !turns.isEmpty { return turns }
            }
            var lines: [Turn] = []
            for line in trimmed.split(separator: "\n") {
                if let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) { lines += jsonTurns(obj) }
            }
            if !lines.isEmpty { return lines }
        }
        return markdownTurns(text)
    }

    private func jsonTurns(_ obj: Any) -> [Turn] {
        if let arr = obj as? [Any] { return arr.flatMap { jsonTurns($0) } }
        guard let d = obj as? [String: Any] else { return [] }
        for key in ["messages", "conversation", "turns", "transcript", "chat"] {
            if let inner = d[key] as? [Any] { return inner.flatMap { jsonTurns($0) } }
        }
        let roleName = (d["role"] ?? d["author"] ?? d["from"] ?? d["speaker"] ?? d["sender"]).flatMap { v -> String? in
            if let s = v as? String { return s }
            if let o = v as? [String: Any] { return o["role"] as? String ?? o["name"] as? String }
            return nil
        }
        guard let name = roleName else { return [] }
        var text = ""
        var tool = d["tool_calls"] != nil || d["function_call"] != nil
        func add(_ c: Any?) {
            if let s = c as? String {
                text += s + "\n"
            } else if let parts = c as? [Any] {
                for p in parts {
                    if let s = p as? String { text += s + "\n"; continue }
                    guard let po = p as? [String: Any] else { continue }
                    let type = (po["type"] as? String ?? "").lowercased()
                    if type.contains("tool") || type.contains("function") || type == "code" || type.contains("file") { tool = true }
                    if let s = po["text"] as? String { text += s + "\n" }
                }
            } else if let o = c as? [String: Any] {
                add(o["text"] ?? o["parts"])
            }
        }
        add(d["content"] ?? d["text"] ?? d["message"] ?? d["value"])
        return [Turn(role: role(name), text: text, toolCall: tool)]
    }

    private func markdownTurns(_ text: String) -> [Turn] {
        var turns: [Turn] = []
        var current: Turn?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).replacingOccurrences(of: "\r", with: "")
            if let (r, rest) = header(line) {
                if let c = current { turns.append(c) }
                current = Turn(role: r, text: rest.isEmpty ? "" : rest + "\n", toolCall: false)
            } else if current != nil {
                current!.text += line + "\n"
            }
        }
        if let c = current { turns.append(c) }
        return turns
    }

    /// A speaker label at the start of a line: `**Name:** rest`, `**Name**: rest`, `## Name`, `Name: rest`.
    private func header(_ line: String) -> (Role, String)? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if t.hasPrefix("**") {
            let body = t.dropFirst(2)
            guard let close = body.range(of: "**") else { return nil }
            var name = String(body[..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            var rest = String(body[close.upperBound...])
            if name.hasSuffix(":") {
                name.removeLast()
            } else if rest.hasPrefix(":") {
                rest.removeFirst()
            } else {
                return nil
            }
            guard let r = knownRole(name) else { return nil }
            return (r, rest.trimmingCharacters(in: .whitespaces))
        }
        if t.hasPrefix("#") {
            let name = t.drop { $0 == "#" }.trimmingCharacters(in: CharacterSet(charactersIn: " :*"))
            guard let r = knownRole(name) else { return nil }
            return (r, "")
        }
        if let colon = t.firstIndex(of: ":"), t.distance(from: t.startIndex, to: colon) <= 24 {
            let name = String(t[..<colon])
            guard name.split(separator: " ").count <= 3, let r = knownRole(name) else { return nil }
            return (r, String(t[t.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private func knownRole(_ raw: String) -> Role? {
        var n = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " *_`[]"))
        if let p = n.firstIndex(of: "(") { n = n[..<p].trimmingCharacters(in: .whitespaces) }
        if Self.builderNames.contains(n) || Self.builderNames.contains(where: { n.hasPrefix($0 + " ") && n.split(separator: " ").count <= 2 }) { return .builder }
        if Self.userNames.contains(n) { return .user }
        if Self.otherNames.contains(n) { return .other }
        return nil
    }

    private func role(_ name: String) -> Role { knownRole(name) ?? .other }

    /// Where code generation starts within a builder turn's text.
    private func codeStart(in text: String) -> String.Index? {
        var idx = text.startIndex
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = raw.trimmingCharacters(in: .whitespaces).lowercased()
            let tl = t.trimmingCharacters(in: CharacterSet(charactersIn: "*_"))
            if t.hasPrefix("```") || t.hasPrefix("~~~") || t.hasPrefix("<boltartifact") || t.hasPrefix("<boltaction") || t.hasPrefix("<lov-")
                || t.hasPrefix("<dyad-") || t.hasPrefix("<file ") || t.hasPrefix("<antartifact")
                || ["[edited ", "[created ", "[wrote ", "[generated ", "[modified ", "[updated "].contains(where: { tl.hasPrefix($0) })
                || ["> created", "> edited", "> wrote", "> installed", "> ran ", "> updated", "> modified", "> generated", "> writing", "> editing", "> creating"].contains(where: { t.hasPrefix($0) })
                || ["created file", "editing file", "writing file", "wrote file"].contains(where: { tl.hasPrefix($0) }) {
                return idx
            }
            idx = text.index(idx, offsetBy: raw.count, limitedBy: text.endIndex) ?? text.endIndex
            if idx < text.endIndex { idx = text.index(after: idx) }
        }
        return nil
    }

    private static let requestPhrases = ["would you like", "should i ", "do you want", "do you prefer", "would you prefer", "can you clarify",
                                         "could you clarify", "please clarify", "please confirm", "let me know which", "let me know whether",
                                         "which do you prefer", "could you tell me", "can you tell me", "could you confirm", "can you confirm"]

    /// Question sentences in prose: ends with `?`, or a request for a decision.
    private func questionsIn(_ text: String) -> [String] {
        var out: [String] = []
        var inFence = false
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence || line.hasPrefix(">") { continue }
            var sentence = ""
            var chars = Array(line)
            chars.append(" ")
            var i = 0
            while i < chars.count {
                let c = chars[i]
                sentence.append(c)
                let end = (c == "?" || c == "." || c == "!") && (i + 1 >= chars.count || chars[i + 1] == " " || chars[i + 1] == "*" || chars[i + 1] == ")")
                if end || i == chars.count - 1 {
                    let s = sentence.trimmingCharacters(in: CharacterSet(charactersIn: " *_`-0123456789.)("))
                    let lower = " " + s.lowercased()
                    if s.hasSuffix("?") || sentence.prodHas("?") && c == "?" || Self.requestPhrases.contains(where: { lower.prodHas(" " + $0) }) {
                        if !s.isEmpty && s.count > 3 { out.append(s) }
                    }
                    sentence = ""
                }
                i += 1
            }
        }
        return out
    }
}
