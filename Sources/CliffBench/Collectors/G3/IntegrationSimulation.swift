/// Recognises integrations that only pretend: stub senders and chargers, log lines and toasts
/// that claim a send, payment status set without a provider. Shared by G3.P1 (integration reality)
/// and G3.P3 (AI stubs).
enum IntegrationSimulation {
    // MARK: Function names

    /// Splits an identifier into lowercase words (`sendBookingEmail` → send, booking, email).
    static func words(_ name: String) -> [String] {
        let u = Array(name.utf8)
        if u.allSatisfy({ $0 < 0x80 }) { return asciiWords(u) }
        let cs = Array(name)
        var out: [String] = []
        var cur = ""
        for (i, ch) in cs.enumerated() {
            if ch == "_" || ch == "$" || ch == "-" {
                if !cur.isEmpty { out.append(cur) }
                cur = ""
                continue
            }
            if ch.isUppercase && !cur.isEmpty && i > 0 {
                let prev = cs[i - 1]
                let nextLower = i + 1 < cs.count && cs[i + 1].isLowercase
                if prev.isLowercase || prev.isNumber || (prev.isUppercase && nextLower) {
                    out.append(cur)
                    cur = ""
                }
            }
            cur.append(Character(ch.lowercased()))
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// `words` on ASCII bytes.
    private static func asciiWords(_ u: [UInt8]) -> [String] {
        @inline(__always) func upper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
        @inline(__always) func lower(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
        var out: [String] = []
        var cur: [UInt8] = []
        for i in u.indices {
            let ch = u[i]
            if ch == 0x5F || ch == 0x24 || ch == 0x2D {
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
                cur.removeAll(keepingCapacity: true)
                continue
            }
            if upper(ch) && !cur.isEmpty && i > 0 {
                let prev = u[i - 1]
                let nextLower = i + 1 < u.count && lower(u[i + 1])
                if lower(prev) || prev &- 0x30 < 10 || (upper(prev) && nextLower) {
                    out.append(String(decoding: cur, as: UTF8.self))
                    cur.removeAll(keepingCapacity: true)
                }
            }
            cur.append(upper(ch) ? ch | 0x20 : ch)
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }

    /// The integration a function name claims to perform, judged by its verb and noun.
    /// Names that say the function pretends (`simulatePayment`, `fakeSendEmail`, `mockCharge`).
    static func confesses(_ name: String) -> Bool {
        ["simulate", "fake", "mock", "dummy"].contains(words(name).first ?? "")
    }

    /// First words `kind(ofFunction:)` can accept, as bytes: a name that starts with none of them is no integration.
    private static let leadingWords: [[UInt8]] = (stubVerbs + ["start", "do", "get", "fetch", "query", "run"]).map { Array($0.utf8) }

    /// Whether the name (leading `_`, `$`, `-` skipped, ASCII case folded) starts with one of `leadingWords`.
    private static func mayName(_ name: String) -> Bool {
        let b = Array(name.utf8)
        var s = 0
        while s < b.count && (b[s] == 0x5F || b[s] == 0x24 || b[s] == 0x2D) { s += 1 }
        return leadingWords.contains { w in
            guard s + w.count <= b.count else { return false }
            for k in 0..<w.count where ByteClass.lower(b[s + k]) != w[k] { return false }
            return true
        }
    }

    private static let reactions: Set<String> = ["succeeded", "success", "completed", "complete", "failed", "failure", "created", "updated", "deleted",
                              "canceled", "cancelled", "event", "events", "webhook", "received", "changed", "expired", "refunded", "error",
                              "status", "intent", "method", "methods", "history", "details", "info", "data", "list", "modal", "dialog",
                              "page", "button", "change", "select", "click", "input", "settings", "preferences", "toggle", "open", "close"]
    private static let senders: Set<String> = ["send", "notify", "deliver", "dispatch", "queue", "trigger"]
    private static let payVerbs: Set<String> = ["process", "handle", "make", "create", "charge", "pay", "submit", "complete", "confirm", "capture",
                              "initiate", "start", "do", "execute"]
    private static let payNouns: Set<String> = ["payment", "payments", "charge", "checkout", "pay", "purchase", "card"]
    private static let aiVerbs: Set<String> = ["generate", "ask", "draft", "summarize", "summarise", "suggest", "call", "get", "fetch", "chat", "query", "run"]
    private static let aiNames: Set<String> = ["ai", "gpt", "llm", "openai", "claude", "gemini", "completion", "chatgpt", "model"]
    private static let aiOutputs: Set<String> = ["reply", "response", "summary", "draft", "suggestion", "suggestions", "answer", "caption", "description", "insights"]

    static func kind(ofFunction name: String) -> IntegrationKind? {
        guard mayName(name) else { return nil }
        var w = words(name)
        if ["simulate", "fake", "mock", "dummy"].contains(w.first ?? "") {
            w.removeFirst()
            let rest = Set(w)
            if !rest.isDisjoint(with: ["sms", "whatsapp", "text"]) { return .sms }
            if !rest.isDisjoint(with: ["email", "emails", "mail", "notification", "notifications", "reminder"]) { return .email }
            if !rest.isDisjoint(with: ["payment", "payments", "charge", "checkout", "pay", "purchase", "transaction"]) { return .payments }
            if !rest.isDisjoint(with: ["ai", "gpt", "llm", "completion", "reply", "response", "summary"]) { return .ai }
            if !rest.isDisjoint(with: ["upload", "uploads", "storage"]) { return .storage }
            return nil
        }
        guard let verb = w.first else { return nil }
        let rest = Set(w.dropFirst())
        if !rest.isDisjoint(with: Self.reactions) && verb != "send" { return nil }
        if Self.senders.contains(verb) {
            if !rest.isDisjoint(with: ["sms", "whatsapp", "text"]) { return .sms }
            if !rest.isDisjoint(with: ["email", "emails", "mail", "mails", "notification", "notifications", "reminder", "reminders",
                                        "confirmation", "invite", "invitation", "welcome", "receipt", "newsletter", "digest", "magic",
                                        "reset", "verification", "alert", "alerts"]) {
                return .email
            }
            return nil
        }
        if name == "charge" || name == "pay" || name == "checkout" { return .payments }
        if Self.payVerbs.contains(verb) && (!rest.isDisjoint(with: Self.payNouns) || verb == "pay" && !rest.isEmpty && !rest.contains("load")) {
            return .payments
        }
        if Self.aiVerbs.contains(verb) {
            if !rest.isDisjoint(with: Self.aiNames) { return .ai }
            if ["generate", "draft", "summarize", "summarise", "suggest", "ask"].contains(verb) && !rest.isDisjoint(with: Self.aiOutputs) { return .ai }
        }
        return nil
    }

    /// Verbs that start the names of functions worth checking; the rule anchors on them at a word start.
    static let stubVerbs = ["send", "notify", "deliver", "dispatch", "process", "handle", "make", "charge", "pay", "submit", "complete",
                            "confirm", "capture", "initiate", "generate", "ask", "draft", "summarize", "summarise", "suggest", "call",
                            "create", "chat", "checkout", "trigger", "queue", "execute", "simulate", "fake", "mock", "dummy"]

    /// Whether the identifier at `range` is being defined there (`function x`, `const x =`, `def x`,
    /// `async x(`, a method or property at the start of a line), judged before parsing its body.
    static func isDefinitionSite(_ f: ScannedFile, _ range: Range<Int>) -> Bool {
        let b = f.bytes
        let before = G3Scan.precedingWord(b, range.lowerBound)
        if ["function", "const", "let", "var", "async", "def", "static", "public", "private", "protected"].contains(before) { return true }
        if range.lowerBound > 0 && b[range.lowerBound - 1] == 0x2E { return false }
        return G3Scan.lineStartsAt(b, range.lowerBound) || before == "{" || before == ","
    }

    // MARK: Bodies

    private static let quietReceivers: Set<String> = [
        "console", "logger", "log", "logging", "math", "json", "date", "object", "array", "string", "number", "promise", "toast",
        "localstorage", "sessionstorage", "uuid", "time", "random", "datetime", "intl", "crypto",
    ]
    private static let capableNames = ["send", "mail", "deliver", "dispatch", "post", "request", "fetch", "invoke", "publish", "enqueue", "queue",
                                       "insert", "create", "upsert", "save", "charge", "capture", "pay", "checkout", "rpc", "emit", "notify",
                                       "write", "put", "exec", "submit", "transmit", "upload", "generate", "complete", "chat", "stream", "call",
                                       "query", "from", "axios", "got", "http", "navigate", "redirect", "open", "assign", "mutate", "run"]
    private static let capableReceivers = ["client", "api", "transport", "mail", "resend", "sendgrid", "postmark", "stripe", "twilio", "supabase",
                                           "db", "prisma", "http", "axios", "queue", "sns", "ses", "s3", "openai", "anthropic", "model", "service",
                                           "provider", "gateway", "sdk", "router", "location", "window", "functions", "storage"]

    /// Whether a call could perform or hand off the integration's work (a transport, an HTTP or SDK
    /// call, a database write, navigation, a parent's callback); logging, formatting, sleeping and
    /// local UI state cannot.
    /// Logging, formatting, sleeping, local UI state and response writing: calls a stub is made of.
    static func isQuiet(receiver: String, name: String) -> Bool {
        let r = receiver.lowercased(), n = name.lowercased()
        if quietReceivers.contains(r) || ["toast", "console", "logger"].contains(where: { r.hasSuffix($0) }) { return true }
        if ["log", "print", "debug", "trace", "format", "settimeout", "sleep", "delay", "wait", "tostring", "stringify", "parse",
            "tofixed", "tolocale", "padstart", "slice", "substring", "split", "join", "map", "filter", "foreach", "reduce", "find",
            "includes", "replace", "trim", "lower", "upper", "keys", "values", "entries", "random", "floor", "round", "ceil", "now",
            "uuid", "nanoid", "randomuuid", "jsonify", "str", "int", "len", "dict", "resolve", "toast", "alert", "success", "error", "warn",
            "info", "promise", "date"].contains(where: { n.hasPrefix($0) }) {
            return true
        }
        if r == "res" || r == "response" || r == "nextresponse" { return true }
        let scalars = Array(name.unicodeScalars)
        return scalars.count > 3 && name.hasPrefix("set") && scalars[3].properties.isUppercase
    }

    private static func awaited(_ f: ScannedFile, callAt offset: Int) -> Bool {
        var s = offset
        let b = f.bytes
        // walk back over the receiver chain `a.b?.c`
        while s > 0 && (ByteClass.isIdentifier(b[s - 1]) || b[s - 1] == 0x2E || b[s - 1] == 0x3F) { s -= 1 }
        return G3Scan.precedingWord(b, s) == "await"
    }

    static func isCapable(receiver: String, name: String) -> Bool {
        let r = receiver.lowercased(), n = name.lowercased()
        if isQuiet(receiver: receiver, name: name) { return false }
        let scalars = Array(name.unicodeScalars)
        if scalars.count > 2, name.hasPrefix("on"), scalars[2].properties.isUppercase { return true }
        return capableNames.contains { n.contains($0) } || capableReceivers.contains { r.contains($0) }
    }

    /// Whether a function body only pretends to perform `kind`: nothing but logging, sleeping, UI
    /// state and canned return values, and at least one sign of pretence (a log, a sleep, a
    /// success value, a "mock"/"demo" note, or an empty body). Bodies that throw are honest.
    static func isSimulated(_ f: ScannedFile, body: Range<Int>, kind: IntegrationKind, name: String = "") -> Bool {
        if confesses(name) { return true }
        // A stub that reports failure ("not configured", success: false) is honest, not a simulation.
        if G3Scan.containsAny(f, ["success: false", "success:false", "ok: false", "not configured", "not implemented"], in: body),
           !G3Scan.containsAny(f, ["success: true", "success:true", "ok: true"], in: body) {
            return false
        }
        if G3Scan.contains(f, "throw ", in: body, regions: .code) || f.language == .python && G3Scan.contains(f, "raise ", in: body, regions: .code) {
            return false
        }
        for c in G3Scan.calls(f, in: body) {
            if isCapable(receiver: c.receiver, name: c.name) { return false }
            // An awaited call that is not a sleep or a log hands the work to something we cannot see.
            if awaited(f, callAt: c.offset), !isQuiet(receiver: c.receiver, name: c.name) { return false }
        }
        if G3Scan.containsAny(f, ["fetch", "axios", "yield ", "http"], in: body, regions: .code) { return false }
        let markers: [String]
        if kind == .ai {
            markers = ["settimeout", "sleep(", "delay(", "math.random", "random.choice", "mock", "fake", "simulat", "demo", "canned", "placeholder", "todo", "hardcoded", "hard-coded"]
        } else {
            markers = ["console.", "logger.", "print(", "settimeout", "sleep(", "delay(", "math.random", "toast", "alert(", "success", "'sent'",
                       "\"sent\"", "return true", "simulat", "mock", "fake", "demo", "todo", "placeholder", "coming soon", "stub", "pretend"]
        }
        if G3Scan.containsAny(f, markers, in: body) { return true }
        return kind != .ai && isEmptyBody(f, body)
    }

    private static func isEmptyBody(_ f: ScannedFile, _ body: Range<Int>) -> Bool {
        var i = body.lowerBound
        while i < body.upperBound {
            let c = f.bytes[i]
            if !(G3Scan.isSpace(c) || c == 0x7B || c == 0x7D || c == 0x3A) && f.kind(at: i) == .code {
                if f.language == .python && G3Scan.startsWith(f.bytes, i, "pass") { i += 4; continue }
                return false
            }
            i += 1
        }
        return true
    }

    // MARK: Claims

    /// Strings that claim an integration ran, by kind (nil: decide from the surrounding line).
    static let claims: [(text: String, kind: IntegrationKind?)] = [
        ("email sent", .email), ("sending email", .email), ("sent email", .email), ("mail sent", .email),
        ("sending confirmation email", .email), ("reminder sent", .email), ("email would be sent", .email),
        ("sms sent", .sms), ("sending sms", .sms), ("sent sms", .sms), ("text message sent", .sms),
        ("payment processed", .payments), ("payment successful", .payments), ("payment complete", .payments),
        ("payment succeeded", .payments), ("paid successfully", .payments), ("payment confirmed", .payments),
        ("pay_demo", .payments), ("pay_mock", .payments), ("pay_fake", .payments), ("txn_demo", .payments), ("txn_mock", .payments),
        ("test_pay_", .payments), ("mock_pay", .payments), ("fake_pay", .payments), ("demo_pay", .payments), ("fake_txn", .payments),
        ("invitation sent", .email), ("invitations sent", .email), ("invite sent", .email), ("notification sent", nil),
        ("card charged", .payments),
        ("simulat", nil), ("demo mode", nil), ("mock payment", .payments), ("fake payment", .payments), ("would send", nil),
    ]

    static func claimKind(_ f: ScannedFile, hit: RuleHit) -> IntegrationKind? {
        let lit = f.string(Int(hit.offset)..<Int(hit.offset + hit.length)).lowercased()
        guard let entry = claims.first(where: { $0.text == lit }) else { return nil }
        if let k = entry.kind { return k }
        let line = f.lineText(at: Int(hit.offset)).lowercased()
        if line.contains("sms") || line.contains("whatsapp") { return .sms }
        if line.contains("email") || line.contains("mail") { return .email }
        if line.contains("pay") || line.contains("charge") || line.contains("checkout") { return .payments }
        return nil
    }

    /// Whether the claim at `offset` sits where a user or operator would read it as done: a log,
    /// a toast or alert, a response body, or a fake transaction id.
    static func isClaimContext(_ f: ScannedFile, offset: Int, literal: String) -> Bool {
        if literal.contains("pay_") || literal.contains("txn") || literal.hasSuffix("_pay") { return true }
        let line = f.lineText(at: offset).lowercased()
        if ["console.", "logger.", "log(", "print(", "toast", "alert(", "message:", "res.json", "response(", "jsonify", "json(",
            "status:", "success", "logging."].contains(where: { line.contains($0) }) { return true }
        // `toast({\n  title: "Invitation sent",` — the call opens a line or two above.
        guard line.contains("title:") || line.contains("description:") else { return false }
        return G3Scan.containsAny(f, ["toast(", "toast.", "alert("], in: max(0, offset - 160)..<offset, regions: .code)
    }

    /// Whether a file hands `kind` off to something else (a provider, an HTTP call, an edge
    /// function, a helper named for the job), so a claim in it may be true.
    static func delegates(_ f: ScannedFile, kind: IntegrationKind, imports: [ModuleRef] = [], excluding: Range<Int>? = nil) -> Bool {
        let all = G3Scan.whole(f)
        let importStems: [String]
        switch kind {
        case .email: importStems = ["mail", "email", "notif", "remind"]
        case .sms: importStems = ["sms", "whatsapp"]
        case .payments: importStems = ["pay", "checkout", "billing", "stripe", "razorpay", "paddle"]
        case .ai, .storage: importStems = []
        }
        if imports.contains(where: { r in r.package == nil && importStems.contains { r.spec.lowercased().contains($0) } }) { return true }
        if G3Scan.containsAny(f, ["fetch(", "axios", ".invoke(", "functions.", "httpx", "requests.", "mutate", "useMutation", "$fetch", "ky."], in: all, regions: .code) {
            return true
        }
        let stems: [String]
        switch kind {
        case .email: stems = ["mail", "email", "notif", "remind", "resend", "sendgrid", "postmark", "transporter", "smtp"]
        case .sms: stems = ["sms", "twilio", "whatsapp", "text"]
        case .payments: stems = ["pay", "charge", "checkout", "stripe", "razorpay", "paddle", "billing"]
        case .ai, .storage: stems = []
        }
        for c in G3Scan.calls(f, in: all) {
            if let ex = excluding, ex.contains(c.offset) { continue }
            let name = c.name.lowercased(), recv = c.receiver.lowercased()
            if recv == "console" || recv == "logger" || recv == "toast" || name == "log" { continue }
            if stems.contains(where: { name.contains($0) || recv.contains($0) }) { return true }
        }
        return false
    }

    /// Promise and timer callbacks run on behalf of the function that registers them.
    private static let climbCallees: Set<String> = ["then", "catch", "finally", "settimeout", "starttransition", "foreach", "map", "all", "allsettled", "race"]
    private static let networkCalls = ["fetch(", "axios", ".invoke(", "functions.", ".rpc(", "mutate", "$fetch", "ky.", "apirequest(", "httpx", "requests.",
                                       "xmlhttprequest", "sendbeacon", "emailjs", "fetcher(", "usefetcher", "trpc.", "socket.emit", "ws.send"]
    private static let remoteModules = ["action", "/api", "server", "mail", "notif", "invite", "remind", "sms", "pay", "billing", "checkout",
                                        "service", "queue", "jobs", "function", "rpc", "trpc", "mutation", "hooks/use"]
    private static let clientReceivers = ["api", "client", "service", "http", "trpc", "server", "action", "backend", "functions"]

    /// Whether the function that shows a claim (climbing out of `.then`/timer callbacks) hands the work
    /// off: an HTTP call, an edge function or RPC, a mutation, an imported function (a server action or
    /// API helper), a call named for the job, or a local function that does one of these. nil when the
    /// claim is not inside a JS/TS function (judge the file instead).
    static func scopeDelegates(_ f: ScannedFile, kind: IntegrationKind, at offset: Int) -> Bool? {
        guard f.language != .python, f.language.isProgram else { return nil }
        let s = Hygiene.JSStructure.of(f)
        let code = Hygiene.Code(f)
        guard var blk = s.enclosingFunction(offset) else { return nil }
        while let c = blk.callOpen, let callee = Hygiene.callee(code, callOpen: c),
              climbCallees.contains(String(callee.text.split(separator: ".").last ?? "").lowercased()),
              let outer = s.enclosingFunction(blk.headerStart) {
            blk = outer
        }
        // Bindings imported from modules that do remote work (server actions, API clients, senders);
        // an auth or formatting helper imported from lib/ hands nothing off.
        var imported: [Range<Int>] = []
        let all = 0..<f.bytes.count
        for o in code.allCode("import", in: all, wordStart: true, wordEnd: true) where G3Scan.lineStartsAt(f.bytes, o) {
            let end = min(f.bytes.count, o + 600)
            guard let from = code.firstCode(" from", in: o..<end), let q = code.nextToken(from + 5),
                  let spec = code.region(containing: q), spec.kind == .string,
                  G3Scan.containsAny(f, remoteModules, in: Int(spec.start)..<Int(spec.end), regions: .string) else { continue }
            imported.append(o..<from)
        }
        return delegatesIn(f, code, s, kind: kind, blk.body, imported: imported, depth: 2)
    }

    private static func delegatesIn(_ f: ScannedFile, _ code: Hygiene.Code, _ s: Hygiene.JSStructure, kind: IntegrationKind, _ range: Range<Int>,
                                    imported: [Range<Int>], depth: Int) -> Bool {
        if G3Scan.containsAny(f, networkCalls, in: range, regions: .code) { return true }
        let stems: [String]
        switch kind {
        case .email: stems = ["mail", "email", "notif", "remind", "resend", "sendgrid", "postmark", "transporter", "smtp", "invite", "invitation"]
        case .sms: stems = ["sms", "twilio", "whatsapp", "text", "notif"]
        case .payments: stems = ["pay", "charge", "checkout", "stripe", "razorpay", "paddle", "billing"]
        case .ai, .storage: stems = []
        }
        let b = f.bytes
        for c in G3Scan.calls(f, in: range) {
            let name = c.name.lowercased(), recv = c.receiver.lowercased()
            if recv == "console" || recv == "logger" || recv.hasSuffix("toast") || name == "log" || name.hasPrefix("toast") { continue }
            if isQuiet(receiver: c.receiver, name: c.name) { continue }
            if stems.contains(where: { name.contains($0) || recv.contains($0) }) { return true }
            if clientReceivers.contains(where: { recv.contains($0) }) { return true }
            guard c.receiver.isEmpty else { continue }
            // A parent's callback prop (`onInvite(email)`) does the work elsewhere.
            let u = Array(c.name.utf8)
            if u.count > 2, u[0] == 0x6F, u[1] == 0x6E, u[2] &- 0x41 < 26 { return true }
            if imported.contains(where: { code.firstCode(c.name, in: $0, wordStart: true, wordEnd: true) != nil }) { return true }
            if depth > 0 {
                for o in code.allCode(c.name, in: 0..<b.count, wordStart: true, wordEnd: true) where o != c.offset {
                    if let body = G3Scan.functionBody(f, nameRange: o..<(o + u.count)), !body.contains(c.offset),
                       delegatesIn(f, code, s, kind: kind, body, imported: imported, depth: depth - 1) { return true }
                }
            }
        }
        return false
    }

    // MARK: Paid status

    static let paidLiterals = ["'paid'", "\"paid\"", "`paid`", "paid: true", "paid = true", "paid=true", "ispaid: true", "is_paid: true",
                               "ispaid = true", "is_paid = true", "\"paid\": true", "'paid': true", "paid_at: new date"]

    /// Whether the paid literal at `offset` writes a payment status (not a comparison, filter or type).
    static func isPaidWrite(_ f: ScannedFile, offset: Int, length: Int) -> Bool {
        let b = f.bytes
        let lit = f.string(offset..<(offset + length)).lowercased()
        let quoted = lit.hasPrefix("'") || lit.hasPrefix("\"") || lit.hasPrefix("`")
        if quoted && !lit.contains(":") {
            var i = offset - 1
            while i >= 0 && (b[i] == 0x20 || b[i] == 0x09) { i -= 1 }
            guard i >= 0 else { return false }
            let op = b[i]
            guard op == 0x3A || op == 0x3D else { return false }
            if op == 0x3D && i > 0 && (b[i - 1] == 0x3D || b[i - 1] == 0x21 || b[i - 1] == 0x3C || b[i - 1] == 0x3E) { return false }
            let after = G3Scan.skipSpaces(b, offset + length)
            if after < b.count && b[after] == 0x7C { return false }
            if i > 0 && b[i - 1] == 0x7C { return false }
            var k = i - 1
            while k >= 0 && (b[k] == 0x20 || b[k] == 0x22 || b[k] == 0x27) { k -= 1 }
            guard k >= 0 else { return false }
            let key = G3Scan.identifier(b, around: k).text.lowercased()
            guard key.contains("status") || key == "state" || key.hasSuffix("paymentstate") else { return false }
            let line = f.lineText(at: offset).trimmingCharacters(in: .whitespaces).lowercased()
            if line.hasPrefix("type ") || line.hasPrefix("export type") || line.hasPrefix("interface") || line.hasPrefix("case ") { return false }
            if op == 0x3D && k >= 0 {
                // `obj.status = 'paid'`, SQL `set status = 'paid'`, Python `invoice.status = "paid"`
                let ks = G3Scan.identifier(b, around: k).range.lowerBound
                if ks > 0 && b[ks - 1] == 0x2E { return true }
                let pre = f.string(max(0, ks - 8)..<ks).lowercased()
                if pre.contains("set ") || pre.contains(",") { return true }
                return false
            }
        }
        let ctx = max(0, offset - 240)..<offset
        let reads = ["where", ".eq(", ".match(", "filter", "find", "select", "count", ".neq(", "query("]
        let writes = [".update(", ".insert(", ".upsert(", "data:", "updatedoc(", "setdoc(", "update ", ".save(", "set status", "$set",
                      ".set(", "updateone(", "updatemany(", "findbyidandupdate(", ".patch(", "method: \"patch\"", "method: 'patch'"]
        let ctxText = f.string(ctx).lowercased()
        guard let w = writes.compactMap({ ctxText.range(of: $0, options: .backwards)?.lowerBound }).max() else {
            return isStateSetter(f, before: offset)
        }
        if let r = reads.compactMap({ ctxText.range(of: $0, options: .backwards)?.lowerBound }).max(), r > w {
            return false
        }
        return true
    }

    private static func isStateSetter(_ f: ScannedFile, before offset: Int) -> Bool {
        let ctx = f.string(max(0, offset - 200)..<offset)
        guard let r = ctx.range(of: "set", options: .backwards) else { return false }
        let tail = ctx[r.upperBound...]
        guard let c = tail.first, c.isUppercase else { return false }
        return tail.contains("(") && (tail.contains("map(") || tail.contains("..."))
    }
}
