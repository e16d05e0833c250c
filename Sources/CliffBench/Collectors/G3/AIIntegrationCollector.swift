/// G3.P3: model calls (OpenAI, Anthropic, Gemini, Groq, the Vercel AI SDK, or raw HTTP to a
/// model API) run on the server, with a timeout and with a retry or a fallback, and no model key
/// reaches the browser. Each call site is placed through the import graph; a timeout is an
/// option in the call or the SDK client (`timeout`, `signal`, `abortSignal`); SDKs that retry by
/// default (OpenAI, Anthropic, Groq, AI SDK) count as retrying unless `maxRetries: 0`; otherwise
/// a `try`/`catch` that answers with something, around the call or around every caller of its
/// function, is the fallback. `dangerouslyAllowBrowser` is critical, a client-prefixed model key
/// high. A T5 task (or one listing "ai") with no model call is a high finding. Not measured when
/// the app makes no model call and the task does not ask for AI.
public struct AIIntegrationCollector: Collector {
    public init() {}

    public let descriptor = MetricDescriptor(
        id: "G3.P3", slug: "ai-integration", kind: .primary, methods: "S,T", implemented: "S",
        measures: "(T5 tasks) model calls server-side, with timeout, retry or fallback, no client-exposed key",
        severity: .high, remediation: RemediationCost(baseHours: 3, perFindingHours: 1),
        triggering: [
            CollectorExample("src/lib/openai.ts", """
                import OpenAI from "openai";
                const openai = new OpenAI({
                  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
                  ↓dangerouslyAllowBrowser: true,
                });
                export const draft = (q: string) => openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
                """, note: "the OpenAI SDK in the browser with the key in the bundle"),
            CollectorExample("routes/ai.js", """
                const axios = require('axios');
                router.post('/draft', async (req, res) => {
                  const r = await ↓axios.post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o-mini', messages: [] },
                    { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });
                  res.json({ draft: r.data.choices[0].message.content });
                });
                """, note: "raw HTTP to a model with no timeout and no fallback"),
            CollectorExample("lib/ai.ts", """
                import { openai } from "@ai-sdk/openai";
                import { generateText } from "ai";
                export async function draftReply(thread: string) {
                  const { text } = await ↓generateText({ model: openai("gpt-4o-mini"), prompt: thread });
                  return text;
                }
                """, note: "an AI SDK call that retries by default but has no timeout"),
            CollectorExample("supabase/functions/summarize/index.ts", """
                serve(async (req) => {
                  const r = await ↓fetch("https://ai.gateway.lovable.dev/v1/chat/completions", {
                    method: "POST",
                    headers: { Authorization: `Bearer ${Deno.env.get("LOVABLE_API_KEY")}` },
                    body: JSON.stringify({ model: "google/gemini-2.5-flash", messages: [] }),
                  });
                  return new Response(await r.text());
                });
                """, note: "an edge function calling the Lovable AI gateway without a timeout or fallback"),
        ],
        nonTriggering: [
            CollectorExample("app/api/draft/route.ts", """
                import OpenAI from "openai";
                const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 20_000, maxRetries: 2 });
                export async function POST(req: Request) {
                  try {
                    const c = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });
                    return Response.json({ draft: c.choices[0].message.content });
                  } catch {
                    return Response.json({ draft: "", error: "The assistant is unavailable; write the reply yourself." }, { status: 503 });
                  }
                }
                """, note: "server-side, timeout on the client, SDK retries and a fallback"),
            CollectorExample("supabase/functions/summarize/index.ts", """
                serve(async (req) => {
                  try {
                    const r = await fetch("https://api.anthropic.com/v1/messages", {
                      method: "POST",
                      signal: AbortSignal.timeout(15000),
                      headers: { "x-api-key": Deno.env.get("ANTHROPIC_API_KEY")! },
                      body: await req.text(),
                    });
                    return new Response(await r.text());
                  } catch (e) {
                    return new Response(JSON.stringify({ summary: null, fallback: true }), { status: 200 });
                  }
                });
                """, note: "raw HTTP with an abort signal and a fallback answer"),
            CollectorExample("src/components/Chat.tsx", """
                import { useChat } from "ai/react";
                export function Chat() {
                  const { messages, input, handleSubmit } = useChat({ api: "/api/chat" });
                  return <form onSubmit={handleSubmit}>{messages.length}</form>;
                }
                """, note: "the browser talks to the app's own chat route"),
            CollectorExample("src/pages/Help.tsx", """
                // TODO: const openai = new OpenAI({ dangerouslyAllowBrowser: true })
                export default function Help() { return <p>Our AI assistant is coming soon.</p>; }
                """, note: "a comment and prose, no model call"),
        ])

    private static let aiHosts = IntegrationCatalog.hosts.filter { $0.provider.kind == .ai }
    private static let retryingPackages: Set<String> = ["openai", "@anthropic-ai/sdk", "groq-sdk", "ai", "anthropic", "groq"]
    private static let keyProviders = ["OPENAI", "ANTHROPIC", "CLAUDE", "GEMINI", "GOOGLE_AI", "GOOGLE_GENAI", "GROQ", "MISTRAL", "OPENROUTER",
                                       "PERPLEXITY", "DEEPSEEK", "COHERE", "REPLICATE", "HUGGINGFACE", "HF_TOKEN", "TOGETHER", "XAI_", "LLM_", "AI_API_KEY", "AI_KEY"]

    public var rules: [PatternRule] {
        ModuleRef.rule("G3.P3/import") + [
            PatternRule(id: "G3.P3/call", literals: [".completions.create(", ".responses.create(", ".messages.create(", ".messages.stream(",
                                                     "generateContent(", "generateContentStream(", "generateText(", "streamText(", "generateObject(",
                                                     "streamObject(", "createChatCompletion(", "createCompletion(", ".embeddings.create(",
                                                     ".images.generate(", "ChatCompletion.create(", "generate_content(", "litellm.completion(",
                                                     ".completions.stream(", "embedContent("],
                        regions: .code, languages: [.javascript, .jsx, .typescript, .tsx, .python, .vue, .svelte],
                        regexEquivalent: #"\.(chat\.)?completions\.(create|stream)\(|\.responses\.create\(|\.messages\.(create|stream)\(|generateContent(Stream)?\(|(generate|stream)(Text|Object)\(|createChatCompletion\(|generate_content\("#),
            PatternRule(id: "G3.P3/host", literals: Self.aiHosts.map(\.host), caseSensitive: false, regions: .string,
                        regexEquivalent: #"(?i)"# + Self.aiHosts.map { $0.host.replacingOccurrences(of: ".", with: #"\."#) }.joined(separator: "|")),
            PatternRule(id: "G3.P3/browser-flag", literals: ["dangerouslyAllowBrowser"], regions: .code,
                        regexEquivalent: #"dangerouslyAllowBrowser\s*:\s*true"#),
            PatternRule(id: "G3.P3/client-env", literals: ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_"], regions: .live, wordStart: true,
                        regexEquivalent: #"\b(VITE|NEXT_PUBLIC|REACT_APP|EXPO_PUBLIC)_[A-Z0-9_]*(OPENAI|ANTHROPIC|GEMINI|GROQ|MISTRAL|OPENROUTER)[A-Z0-9_]*"#),
            PatternRule(id: "G3.P3/client-ctor", literals: ["new OpenAI(", "new Anthropic(", "new Groq(", "new GoogleGenerativeAI(", "new GoogleGenAI(",
                                                            "createOpenAI(", "createAnthropic(", "createGoogleGenerativeAI(", "new Mistral(", "OpenAI(", "Anthropic("],
                        regions: .code, regexEquivalent: #"new (OpenAI|Anthropic|Groq|GoogleGenerativeAI|GoogleGenAI|Mistral)\(|create(OpenAI|Anthropic|GoogleGenerativeAI)\("#),
        ]
    }

    private struct Site {
        var file: ScannedFile
        var offset: Int
        var span: Range<Int>
        var viaSDK: String?
    }

    public func evaluate(_ app: AppContext) -> MetricResult {
        let d = descriptor
        let sides = SideMap.shared(app, importRule: "G3.P3/import")
        var findings: [Finding] = []
        var exposedFiles = Set<String>()

        for (f, h) in G3Scan.hits(app, "G3.P3/browser-flag") where G3Scan.isAppCode(f) {
            let o = Int(h.offset)
            let j = G3Scan.skipSpaces(f.bytes, o + Int(h.length))
            guard j < f.bytes.count, f.bytes[j] == 0x3A, G3Scan.startsWith(f.bytes, G3Scan.skipSpaces(f.bytes, j + 1), "true") else { continue }
            guard sides.side(f) != .server else { continue }
            exposedFiles.insert(f.path)
            findings.append(Finding.at(d, rule: "dangerously-allow-browser", file: f, offset: o, severity: .critical,
                message: "The model SDK is told to run in the browser (dangerouslyAllowBrowser), so its API key ships in the bundle: anyone can copy it and spend your quota. Call the model from an API route or edge function and keep the key in the server environment."))
        }
        for (f, h) in G3Scan.hits(app, "G3.P3/client-env") where G3Scan.isAppCode(f) && !exposedFiles.contains(f.path) {
            let name = G3Scan.identifier(f.bytes, around: Int(h.offset)).text.uppercased()
            guard Self.keyProviders.contains(where: { name.contains($0) }), name.contains("KEY") || name.contains("TOKEN") || name.contains("SECRET") else { continue }
            guard !findings.contains(where: { $0.path == f.path && $0.rule == "client-exposed-model-key" }) else { continue }
            findings.append(Finding.at(d, rule: "client-exposed-model-key", file: f, offset: Int(h.offset), severity: .high,
                message: "\(name) is a model provider key behind a browser-exposed prefix; the bundler inlines it into client code. Rename it without the prefix and use it only in server code that proxies the model call."))
            exposedFiles.insert(f.path)
        }

        // Call sites: SDK calls and raw HTTP to model hosts.
        var sites: [Site] = []
        for (f, h) in G3Scan.hits(app, "G3.P3/call") where G3Scan.isAppCode(f) {
            let pkgs = sides.packages(f).map(\.package)
            let aiPkgs = pkgs.filter { IntegrationCatalog.packages[$0]?.kind == .ai || IntegrationCatalog.pythonModules[$0]?.kind == .ai || $0.hasPrefix("google/") }
            let lit = f.string(Int(h.offset)..<Int(h.offset + h.length))
            if lit == ".messages.create(" || lit == ".messages.stream(" {
                guard aiPkgs.contains(where: { $0.contains("anthropic") }) || f.contains("Anthropic", in: .code) else { continue }
            } else if aiPkgs.isEmpty && !f.contains("openai", in: .live, caseInsensitive: true) && !f.contains("gemini", in: .live, caseInsensitive: true) {
                continue
            }
            let paren = Int(h.offset + h.length) - 1
            let nameStart = lit.hasPrefix(".") ? Int(h.offset) + 1 : Int(h.offset)
            sites.append(Site(file: f, offset: nameStart, span: G3Scan.callSpan(f, paren: paren), viaSDK: aiPkgs.first))
        }
        for (f, h) in G3Scan.hits(app, "G3.P3/host") where G3Scan.isAppCode(f) {
            guard IntegrationCatalog.hostProvider(f, hit: h) != nil else { continue }
            for (o, span) in httpCalls(f, usingStringAt: Int(h.offset)) where !sites.contains(where: { $0.file.path == f.path && $0.offset == o }) {
                sites.append(Site(file: f, offset: o, span: span, viaSDK: nil))
            }
        }

        var sdkTimeout = Set<String>(), sdkNoRetry = Set<String>()
        for (f, h) in G3Scan.hits(app, "G3.P3/client-ctor") where G3Scan.isAppCode(f) {
            let paren = Int(h.offset + h.length) - 1
            let span = G3Scan.callSpan(f, paren: paren)
            for (_, pkg) in sides.packages(f) {
                if G3Scan.containsAny(f, ["timeout"], in: span) { sdkTimeout.insert(pkg) }
                if G3Scan.containsAny(f, ["maxRetries: 0", "max_retries=0", "maxretries:0"], in: span) { sdkNoRetry.insert(pkg) }
            }
        }

        var serverSites = 0
        for s in sites {
            let f = s.file
            let side = sides.side(f)
            if side == .client {
                if exposedFiles.contains(f.path) { continue }
                findings.append(Finding.at(d, rule: "browser-model-call", file: f, offset: s.offset, severity: .high,
                    message: "A model is called from browser code (\(f.path)); whatever key authorises it is visible to every visitor, and users can send any prompt on your account. Move the call behind an API route or edge function."))
                exposedFiles.insert(f.path)
                continue
            }
            guard side.isApp else { continue }
            serverSites += 1
            let pkg = s.viaSDK
            let stmt = G3Scan.statement(f, around: s.offset, radius: 600)
            let hasTimeout = G3Scan.containsAny(f, ["timeout", "signal", "abortsignal"], in: s.span)
                || G3Scan.containsAny(f, ["promise.race", "withtimeout", "abortsignal.timeout"], in: stmt)
                || pkg.map { sdkTimeout.contains($0) || sdkTimeoutElsewhere($0, sdkTimeout) } ?? false
            if !hasTimeout {
                findings.append(Finding.at(d, rule: "no-timeout", file: f, offset: s.offset, severity: .medium,
                    message: "This model call has no timeout\(pkg == nil ? "" : " (the \(pkg!) default waits minutes)"). A slow or hung provider ties up the request until the platform kills it and the user sees a spinner, then an error. Pass a timeout or an AbortSignal (e.g. AbortSignal.timeout(20_000)) and answer with a fallback when it fires."))
            }
            let sdkRetries = pkg.map { Self.retryingPackages.contains($0) || $0.hasPrefix("@ai-sdk/") } ?? false
            let noRetryOverride = G3Scan.containsAny(f, ["maxretries: 0", "max_retries=0", "maxretries:0"], in: s.span) || pkg.map { sdkNoRetry.contains($0) } ?? false
            let retries = (sdkRetries && !noRetryOverride) || G3Scan.containsAny(f, ["retry", "retries", "backoff"], in: stmt, regions: .code)
            if !retries && !G3Flow.hasFallbackOrCaller(f, at: s.offset, app: app) {
                findings.append(Finding.at(d, rule: "no-retry-or-fallback", file: f, offset: s.offset, severity: .medium,
                    message: "When this model call fails (rate limit, 5xx, timeout) nothing retries it and nothing answers instead, so the feature just errors. Retry transient failures with backoff and give the user a fallback (an empty draft they can write, a cached answer)."))
            }
        }

        let spec = app.info.taskSpec
        let aiTask = spec.map { $0.tier.uppercased() == "T5" || $0.integrations.contains { IntegrationKind.fromSpec($0) == .ai } } ?? false
        if sites.isEmpty && findings.isEmpty && !aiTask {
            return .notMeasured(d.id, spec == nil ? "the app makes no model call and there is no task spec" : "the app makes no model call and the task (\(spec!.tier)) does not ask for AI")
        }
        if sites.isEmpty && aiTask {
            findings.append(app.appFinding(d, rule: "no-model-call", severity: .high,
                message: "The task is AI-native (\(spec!.tier)\(spec!.integrations.isEmpty ? "" : ", integrations: " + spec!.integrations.joined(separator: ", "))) but the app never calls a model: any \"AI\" output is canned or missing. Call a model provider from the server."))
        }
        return MetricResult(metricID: d.id, value: .measured(FindingScore.score(findings)), findings: findings,
                            evidence: [Evidence("model call sites", sites.count), Evidence("server-side call sites", serverSites),
                                       Evidence("client-exposure findings", findings.filter { $0.severity >= .high && $0.rule != "no-model-call" }.count)])
    }

    private func sdkTimeoutElsewhere(_ pkg: String, _ set: Set<String>) -> Bool {
        pkg.hasPrefix("@ai-sdk/") ? set.contains("ai") : false
    }

    /// HTTP calls (`fetch`, axios, `requests`, `httpx`, got, ky) whose URL is the string at
    /// `offset`, either inline or through a constant assigned that string.
    func httpCalls(_ f: ScannedFile, usingStringAt offset: Int) -> [(Int, Range<Int>)] {
        let stmt = G3Scan.statement(f, around: offset, radius: 400)
        if let call = OutboundCalls.callStart(f, before: offset, within: stmt) {
            return [(call.offset, call.span)]
        }
        let b = f.bytes
        var s = offset
        while s > 0 && f.kind(at: s - 1) == .string { s -= 1 }
        let eq = G3Scan.skipSpacesBack(b, s - 1)
        guard eq >= 0, b[eq] == 0x3D || b[eq] == 0x3A, let name = G3Scan.identifier(before: eq, in: b)?.text else { return [] }
        var out: [(Int, Range<Int>)] = []
        for o in f.find(name, in: .code, wordStart: true) where o > eq {
            let st = G3Scan.statement(f, around: o, radius: 300)
            if let call = OutboundCalls.callStart(f, before: o, within: st), !out.contains(where: { $0.0 == call.offset }) {
                out.append((call.offset, call.span))
            }
        }
        return out
    }
}
