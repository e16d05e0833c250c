import Foundation

/// Raw HTTP client calls (`fetch`, axios, got, ky, ofetch, Python `requests`/`httpx`/`aiohttp`/
/// `urlopen`): where they start, their argument span and what their URL argument is.
enum OutboundCalls {
    struct Call {
        /// Offset of the client name (`fetch`, `axios`, `requests`).
        var offset: Int
        /// The argument span, `(` to `)` inclusive.
        var span: Range<Int>
        var client: String
        /// Offset of the first argument.
        var firstArg: Int
    }

    static let literals = ["fetch(", "axios", "got(", "got.", "ky(", "ky.", "requests.", "httpx.", "aiohttp.", "urlopen(", "$fetch(", "ofetch("]

    private static let methods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "request", "options"]

    /// The call whose client name starts at `offset`, or nil when the text there is not an HTTP call
    /// (`axios.create(`, `supabase.functions.fetch`, a variable named `got`).
    static func call(_ f: ScannedFile, at offset: Int) -> Call? {
        let b = f.bytes
        let id = G3Scan.identifier(b, around: offset)
        guard id.range.lowerBound == offset || (offset > 0 && b[offset] == 0x24) else { return nil }
        var name = id.text
        var end = id.range.upperBound
        if b[offset] == 0x24 { name = "$fetch"; end = offset + 6 }
        if offset > 0 && b[offset - 1] == 0x2E {
            guard let recv = G3Scan.identifier(before: offset - 1, in: b)?.text, ["globalThis", "window", "self"].contains(recv) else { return nil }
        }
        switch name {
        case "fetch", "$fetch", "ofetch", "urlopen", "got", "ky", "axios", "requests", "httpx", "aiohttp":
            break
        default:
            return nil
        }
        var p = G3Scan.skipSpaces(b, end)
        guard p < b.count else { return nil }
        if b[p] == 0x2E {
            let m = G3Scan.identifier(b, around: p + 1)
            guard methods.contains(m.text.lowercased()) else { return nil }
            p = G3Scan.skipSpaces(b, m.range.upperBound)
        } else if ["requests", "httpx", "aiohttp"].contains(name) {
            return nil
        }
        if p < b.count && b[p] == 0x3C {
            var k = p
            var depth = 0
            while k < b.count && k < p + 200 {
                if b[k] == 0x3C { depth += 1 }
                if b[k] == 0x3E { depth -= 1; if depth == 0 { break } }
                k += 1
            }
            p = G3Scan.skipSpaces(b, k + 1)
        }
        guard p < b.count, b[p] == 0x28 else { return nil }
        return Call(offset: offset, span: G3Scan.callSpan(f, paren: p), client: name, firstArg: G3Scan.skipSpaces(b, p + 1))
    }

    /// The innermost HTTP call in `within` that starts before `offset` and whose arguments contain it.
    static func callStart(_ f: ScannedFile, before offset: Int, within: Range<Int>) -> Call? {
        var best: Call?
        for lit in literals {
            var from = within.lowerBound
            while let o = G3Scan.find(f, lit, in: from..<offset, regions: .code) {
                from = o + 1
                guard let c = call(f, at: o), c.span.contains(offset) else { continue }
                if best == nil || c.offset > best!.offset { best = c }
            }
        }
        return best
    }

    enum Target: Equatable {
        case thirdParty(String)
        case own
        case unknown
    }

    /// Platform variables whose URLs point at the app itself or its own backend platform.
    static let ownBases = ["APP_URL", "SITE_URL", "BASE_URL", "NEXTAUTH_URL", "VERCEL_URL", "PUBLIC_URL", "ORIGIN", "HOST", "SUPABASE_URL",
                           "API_BASE", "API_URL", "BACKEND_URL", "SERVER_URL", "FRONTEND_URL", "PORT", "LOCALHOST", "APP_ORIGIN"]

    /// What the call's URL argument points at: a third-party host, the app itself, or unknown.
    static func target(_ f: ScannedFile, _ c: Call) -> Target {
        let b = f.bytes
        let a = c.firstArg
        guard a < b.count else { return .unknown }
        if b[a] == 0x22 || b[a] == 0x27 || b[a] == 0x60 {
            return classify(resolveHead(f, urlText(f, from: a)))
        }
        if b[a] == 0x66 && a + 1 < b.count && (b[a + 1] == 0x22 || b[a + 1] == 0x27) { // Python f-string
            return classify(resolveHead(f, urlText(f, from: a + 1)))
        }
        let id = G3Scan.identifier(b, around: a)
        guard id.range.lowerBound == a, !id.text.isEmpty else { return .unknown }
        // `url` or `API + '/path'` where the identifier is assigned in the file
        if let v = G3Scan.assignedValue(f, name: id.text) {
            let t = v.text.trimmingCharacters(in: .whitespaces)
            if let q = t.first, q == "\"" || q == "'" || q == "`" { return classify(resolveHead(f, String(t.dropFirst()))) }
            if t.hasPrefix("f\"") || t.hasPrefix("f'") { return classify(String(t.dropFirst(2))) }
            if t.contains("process.env") || t.contains("Deno.env") || t.contains("import.meta.env") || t.contains("os.environ") || t.contains("getenv") {
                return classify(t)
            }
            if t.hasPrefix("new URL(") { return classify(String(t.dropFirst(8))) }
        }
        return .unknown
    }

    /// A URL template that starts with `${name}` (or Python `{name}`): the name's value when the file
    /// assigns it a string, so `${API_BASE}/x` with `const API_BASE = "https://…"` resolves.
    private static func resolveHead(_ f: ScannedFile, _ text: String) -> String {
        var t = Substring(text)
        if t.hasPrefix("${") { t = t.dropFirst(2) } else if t.hasPrefix("{") { t = t.dropFirst(1) } else { return text }
        let name = String(t.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" })
        guard !name.isEmpty, t.dropFirst(name.count).first == "}" else { return text }
        guard let v = G3Scan.assignedValue(f, name: name) else { return text }
        let val = v.text.trimmingCharacters(in: .whitespaces)
        if let q = val.first, q == "\"" || q == "'" || q == "`" { return String(val.dropFirst()) }
        if val.contains("env") || val.contains("getenv") { return "${" + val }
        return text
    }

    private static func urlText(_ f: ScannedFile, from a: Int) -> String {
        let b = f.bytes
        var e = a + 1
        while e < b.count && e < a + 300 && b[e] != b[a] && b[e] != 0x0A { e += 1 }
        return f.string((a + 1)..<e)
    }

    /// The first run of `[A-Z0-9_]` of three or more characters starting with a letter.
    private static func envName(_ s: String) -> String? {
        var cur = ""
        for ch in s {
            if ch.isASCII && (ch.isUppercase || ch.isNumber || ch == "_") && !(cur.isEmpty && !ch.isLetter) {
                cur.append(ch)
            } else {
                if cur.count >= 3 && !["ENV", "PROCESS", "DENO", "GET"].contains(cur) { return cur }
                cur = ""
            }
        }
        return cur.count >= 3 ? cur : nil
    }

    private static func classify(_ raw: String) -> Target {
        let t = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \"'`"))
        let l = t.lowercased()
        if l.hasPrefix("/") || l.hasPrefix("./") || l.hasPrefix("?") { return .own }
        if l.hasPrefix("http://localhost") || l.hasPrefix("http://127.0.0.1") || l.hasPrefix("http://0.0.0.0") || l.hasPrefix("https://localhost")
            || l.hasPrefix("http://[::1]") { return .own }
        if l.hasPrefix("http://") || l.hasPrefix("https://") {
            let hostPart = l.drop(while: { $0 != "/" }).dropFirst(2)
            let host = String(hostPart.prefix { $0 != "/" && $0 != "?" && $0 != ":" && $0 != "$" && $0 != "{" })
            if host.isEmpty { return .unknown }
            if host.hasSuffix(".supabase.co") || host.hasSuffix(".supabase.in") { return .own }
            return .thirdParty(host)
        }
        if l.contains("env") {
            guard var name = envName(t) else { return .unknown }
            for p in ["VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "PUBLIC_", "NUXT_PUBLIC_"] where name.hasPrefix(p) {
                name = String(name.dropFirst(p.count))
            }
            return ownBases.contains(name) ? .own : .thirdParty(name)
        }
        return .unknown
    }
}

