/// Recognises integrations that only pretend: stub senders and chargers, log lines and toasts
/// that claim a send, payment status set without a provider. Shared by G3.P1 (integration reality)
/// and G3.P3 (AI stubs).
enum IntegrationSimulation {
    // MARK: Function names

    /// Splits an identifier into lowercase words (`sendBookingEmail` → send, booking, email).
    static func words(_ name: String) -> [String] {
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

    /// The integration a function name claims to perform, judged by its verb and noun.
    static func kind(ofFunction name: String) -> IntegrationKind? {
        let w = words(name)
        guard let verb = w.first else { return nil }
        let rest = Set(w.dropFirst())
        let senders: Set<String> = ["send", "notify", "deliver", "dispatch", "queue", "trigger"]
        if senders.contains(verb) {
            if !rest.isDisjoint(with: ["sms", "whatsapp", "text"]) { return .sms }
            if !rest.isDisjoint(with: ["email", "emails", "mail", "mails", "notification", "notifications", "reminder", "reminders",
                                        "confirmation", "invite", "invitation", "welcome", "receipt", "newsletter", "digest"]) {
                return .email
            }
            return nil
        }
        let payVerbs: Set<String> = ["process", "handle", "make", "create", "charge", "pay", "submit", "complete", "confirm", "capture",
                                     "initiate", "start", "do", "execute"]
        let payNouns: Set<String> = ["payment", "payments", "charge", "checkout", "pay", "purchase", "card"]
        if name == "charge" || name == "pay" || name == "checkout" { return .payments }
        if payVerbs.contains(verb) && (!rest.isDisjoint(with: payNouns) || verb == "pay" && !rest.isEmpty && !rest.contains("load")) {
            return .payments
        }
        let aiVerbs: Set<String> = ["generate", "ask", "draft", "summarize", "summarise", "suggest", "call", "get", "fetch", "chat", "query", "run"]
        let aiNames: Set<String> = ["ai", "gpt", "llm", "openai", "claude", "gemini", "completion", "chatgpt", "model"]
        let aiOutputs: Set<String> = ["reply", "response", "summary", "draft", "suggestion", "suggestions", "answer", "caption", "description", "insights"]
        if aiVerbs.contains(verb) {
            if !rest.isDisjoint(with: aiNames) { return .ai }
            if ["generate", "draft", "summarize", "summarise", "suggest", "ask"].contains(verb) && !rest.isDisjoint(with: aiOutputs) { return .ai }
        }
        return nil
    }

    static let stubVerbs = ["send", "notify", "deliver", "dispatch", "process", "handle", "make", "charge", "pay", "submit", "complete",
                            "confirm", "capture", "initiate", "generate", "ask", "draft", "summarize", "call", "get", "create", "chat"]

    /// Literals for a rule that finds candidate function definitions (`function sendX`, `const sendX`, `async sendX(`, `def send_x`).
    static func definitionLiterals() -> [String] {
        var out: [String] = []
        for kw in ["function ", "const ", "let ", "var ", "async ", "def "] {
            for v in stubVerbs { out.append(kw + v) }
        }
        out += ["charge(", "pay(", "checkout("]
        return out
    }

    // MARK: Bodies

    private static let benignReceivers: Set<String> = [
        "console", "logger", "log", "logging", "math", "json", "date", "object", "array", "string", "number", "promise", "toast",
        "localstorage", "sessionstorage", "crypto", "uuid", "res", "nextresponse", "response", "time", "random", "datetime", "router",
        "window", "document", "navigation", "queryclient", "process", "asyncio", "uuid4", "self", "this", "app",
    ]
    private static let benignNames: Set<String> = [
        "log", "info", "warn", "error", "debug", "trace", "print", "settimeout", "sleep", "delay", "wait", "promise", "resolve",
        "random", "floor", "round", "ceil", "now", "toisostring", "tostring", "tolocalestring", "tolocaledatestring", "stringify",
        "slice", "substring", "substr", "tofixed", "padstart", "map", "filter", "foreach", "join", "replace", "trim", "tolowercase",
        "touppercase", "split", "includes", "keys", "values", "entries", "assign", "string", "number", "boolean", "date", "uuid",
        "uuidv4", "v4", "randomuuid", "nanoid", "setitem", "getitem", "push", "toast", "success", "alert", "format", "len", "str",
        "int", "dict", "jsonify", "json", "status", "navigate", "refresh", "reload", "invalidatequeries", "response", "nextresponse",
        "choice", "randint", "uniform", "tojson", "redirect", "render", "ok", "resolve", "reject", "error", "sum", "reduce", "find",
        "some", "every", "encodeuricomponent", "tolocaletimestring", "gettime", "uuid4", "hex", "timedelta", "utcnow", "getenv",
    ]

    /// Whether a call in a stub body does nothing an integration needs (logging, sleeping, UI state).
    static func isBenign(receiver: String, name: String, file: ScannedFile) -> Bool {
        let r = receiver.lowercased(), n = name.lowercased()
        if r == "res" || r == "response" || r == "nextresponse" {
            return ["json", "status", "send", "end", "redirect"].contains(n)
        }
        if benignReceivers.contains(r) && r != "self" && r != "this" && r != "app" { return true }
        if r.isEmpty || r == "." || r == ")" {
            if benignNames.contains(n) { return true }
        } else if ["toast", "console", "logger"].contains(where: { r.hasSuffix($0) }) {
            return true
        } else if ["map", "filter", "foreach", "join", "slice", "push", "tofixed", "tostring", "toisostring", "includes", "split",
                   "replace", "trim", "tolowercase", "touppercase", "find", "reduce", "some", "every", "format", "padstart"].contains(n) {
            return true
        }
        let scalars = Array(name.unicodeScalars)
        if scalars.count > 3, name.hasPrefix("set"), scalars[3].properties.isUppercase { return true }
        if scalars.count > 2, name.hasPrefix("on"), scalars[2].properties.isUppercase { return true }
        return false
    }

    /// Whether a function body only pretends to perform `kind`: nothing but logging, sleeping, UI
    /// state and canned return values, and at least one sign of pretence (a log, a sleep, a
    /// success value, a "mock"/"demo" note, or an empty body). Bodies that throw are honest.
    static func isSimulated(_ f: ScannedFile, body: Range<Int>, kind: IntegrationKind) -> Bool {
        if G3Scan.contains(f, "throw ", in: body, regions: .code) || f.language == .python && G3Scan.contains(f, "raise ", in: body, regions: .code) {
            return false
        }
        for c in G3Scan.calls(f, in: body) where !isBenign(receiver: c.receiver, name: c.name, file: f) {
            return false
        }
        if G3Scan.containsAny(f, ["fetch", "axios", "await ", "yield ", "http"], in: body, regions: .code),
           !G3Scan.containsAny(f, ["settimeout", "sleep", "delay", "promise"], in: body, regions: .code) {
            return false
        }
        let markers: [String]
        if kind == .ai {
            markers = ["settimeout", "sleep(", "delay(", "math.random", "random.choice", "mock", "fake", "simulat", "demo", "canned", "placeholder", "todo", "hardcoded", "hard-coded"]
        } else {
            markers = ["console.", "logger.", "print(", "settimeout", "sleep(", "delay(", "math.random", "toast", "alert(", "success", "sent",
                       "true", "simulat", "mock", "fake", "demo", "todo", "placeholder", "coming soon", "stub", "pretend", "not implemented"]
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
        if literal.hasPrefix("pay_") || literal.hasPrefix("txn_") { return true }
        let line = f.lineText(at: offset).lowercased()
        return ["console.", "logger.", "log(", "print(", "toast", "alert(", "message:", "res.json", "response(", "jsonify", "json(",
                "status:", "success", "logging."].contains { line.contains($0) }
    }

    /// Whether a file hands `kind` off to something else (a provider, an HTTP call, an edge
    /// function, a helper named for the job), so a claim in it may be true.
    static func delegates(_ f: ScannedFile, kind: IntegrationKind, excluding: Range<Int>? = nil) -> Bool {
        let all = G3Scan.whole(f)
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
