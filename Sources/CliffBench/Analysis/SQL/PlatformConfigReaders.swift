import Foundation

/// Reads `[functions.<name>]` sections of supabase/config.toml (a small line-based read).
enum SupabaseConfigReader {
    static func functions(_ f: ScannedFile) -> [EdgeFunctionConfig] {
        var out: [EdgeFunctionConfig] = []
        var current: Int?
        for line in 1...max(1, f.lineCount) {
            let r = f.lineRange(line)
            var t = f.string(r)
            if let h = t.firstIndex(of: "#"), !t[..<h].contains("\"") { t = String(t[..<h]) }
            let trimmed = t.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                current = nil
                let inner = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                if inner.hasPrefix("functions.") {
                    let name = String(inner.dropFirst("functions.".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    out.append(EdgeFunctionConfig(name: name, verifyJWT: true, source: SchemaSource(path: f.path, offset: r.lowerBound)))
                    current = out.count - 1
                }
                continue
            }
            guard let c = current, trimmed.hasPrefix("verify_jwt") else { continue }
            let value = trimmed.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let lead = t.utf8.count - t.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
            out[c].verifyJWT = value != "false"
            out[c].source = SchemaSource(path: f.path, offset: r.lowerBound + lead)
        }
        return out
    }
}

/// Finds Firebase rules that open data: Firestore/Storage `allow …: if true;` (or no condition, or the
/// test-mode date rule, or any signed-in user on a wildcard path) and Realtime Database `".read": true`.
enum FirebaseRulesReader {
    static func firestore(_ f: ScannedFile) -> [FirebaseRule] {
        let b = f.bytes
        var out: [FirebaseRule] = []
        var stack: [String?] = []  // match path per open brace, nil for other braces
        var pendingMatch: String?
        var i = 0
        let n = b.count
        func word(at k: Int) -> String? {
            guard k < n, ByteClass.isAlpha(b[k]), k == 0 || !ByteClass.isIdentifier(b[k - 1]) else { return nil }
            var e = k
            while e < n && ByteClass.isIdentifier(b[e]) { e += 1 }
            return String(decoding: b[k..<e], as: UTF8.self)
        }
        while i < n {
            let c = b[i]
            if c == 0x2F && i + 1 < n && b[i + 1] == 0x2F {
                while i < n && b[i] != 0x0A { i += 1 }
                continue
            }
            if c == 0x2F && i + 1 < n && b[i + 1] == 0x2A {
                i += 2
                while i + 1 < n && !(b[i] == 0x2A && b[i + 1] == 0x2F) { i += 1 }
                i += 2
                continue
            }
            if c == 0x22 || c == 0x27 {
                i += 1
                while i < n && b[i] != c && b[i] != 0x0A { i += 1 }
                i += 1
                continue
            }
            if c == 0x7B { stack.append(pendingMatch); pendingMatch = nil; i += 1; continue }
            if c == 0x7D { if !stack.isEmpty { stack.removeLast() }; i += 1; continue }
            guard let w = word(at: i) else { i += 1; continue }
            if w == "match" {
                // The block's `{` follows white space; `{id}` wildcards in the path follow `/`.
                var e = i + 5
                while e < n && !(b[e] == 0x7B && (b[e - 1] == 0x20 || b[e - 1] == 0x09)) && b[e] != 0x0A { e += 1 }
                pendingMatch = String(decoding: b[(i + 5)..<e], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                i = e
                continue
            }
            if w == "allow" {
                var e = i + 5
                while e < n && b[e] != 0x3B && b[e] != 0x7D { e += 1 }
                let stmt = String(decoding: b[(i + 5)..<e], as: UTF8.self)
                let parts = stmt.split(separator: ":", maxSplits: 1)
                let ops = parts.first.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } } ?? []
                var cond = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                if cond.hasPrefix("if") { cond = String(cond.dropFirst(2)).trimmingCharacters(in: .whitespacesAndNewlines) }
                let path = stack.compactMap { $0 }.joined()
                if let exposure = exposure(of: cond, hasCondition: parts.count > 1) {
                    let read = ops.contains { ["read", "get", "list"].contains($0) }
                    let write = ops.contains { ["write", "create", "update", "delete"].contains($0) }
                    out.append(FirebaseRule(exposure: exposure, read: read, write: write, matchPath: path,
                                            wildcard: isRootWildcard(path), source: SchemaSource(path: f.path, offset: i)))
                }
                i = e
                continue
            }
            i += w.utf8.count
        }
        return out
    }

    /// `{document=**}` right under the database root, or `{allPaths=**}` right under the bucket: every document or file.
    static func isRootWildcard(_ path: String) -> Bool {
        var p = path.replacingOccurrences(of: " ", with: "")
        for prefix in ["/databases/{database}/documents", "/b/{bucket}/o"] where p.hasPrefix(prefix) {
            p = String(p.dropFirst(prefix.count))
        }
        guard let seg = p.split(separator: "/").first else { return false }
        return seg.hasPrefix("{") && seg.contains("=**}")
    }

    private static func exposure(of cond: String, hasCondition: Bool) -> FirebaseRule.Exposure? {
        if !hasCondition { return .everyone }
        let c = cond.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        if c == "true" || c == "(true)" { return .everyone }
        if c.hasPrefix("request.time<timestamp.date(") || c.hasPrefix("request.time<") && !c.contains("&&") && !c.contains("auth") { return .testMode }
        if ["request.auth!=null", "request.auth.uid!=null", "(request.auth!=null)", "request.auth!=null&&true"].contains(c) { return .anyUser }
        return nil
    }

    static func realtimeDatabase(_ f: ScannedFile) -> [FirebaseRule] {
        let b = f.bytes
        var out: [FirebaseRule] = []
        var stack: [String] = []
        var lastString: (String, Int)?
        var pendingKey: (String, Int)?
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x22 {
                var e = i + 1
                while e < n && b[e] != 0x22 {
                    if b[e] == 0x5C { e += 1 }
                    e += 1
                }
                lastString = (String(decoding: b[(i + 1)..<min(e, n)], as: UTF8.self), i)
                i = e + 1
                continue
            }
            switch c {
            case 0x3A:
                pendingKey = lastString
                lastString = nil
                if let (key, at) = pendingKey, key == ".read" || key == ".write" {
                    var v = i + 1
                    while v < n && ByteClass.isSpace(b[v]) { v += 1 }
                    var value = ""
                    if v < n && b[v] == 0x22 {
                        var e = v + 1
                        while e < n && b[e] != 0x22 { e += 1 }
                        value = String(decoding: b[(v + 1)..<min(e, n)], as: UTF8.self)
                    } else {
                        var e = v
                        while e < n && ByteClass.isAlpha(b[e]) { e += 1 }
                        value = String(decoding: b[v..<e], as: UTF8.self)
                    }
                    let compact = value.replacingOccurrences(of: " ", with: "")
                    var exposure: FirebaseRule.Exposure?
                    if compact == "true" { exposure = .everyone } else if ["auth!=null", "auth!==null", "auth.uid!=null", "auth.uid!==null"].contains(compact) { exposure = .anyUser }
                    if let x = exposure {
                        let path = "/" + stack.filter { !$0.isEmpty && $0 != "rules" }.joined(separator: "/")
                        out.append(FirebaseRule(exposure: x, read: key == ".read", write: key == ".write", matchPath: path,
                                                wildcard: stack.filter { !$0.isEmpty && $0 != "rules" && !$0.hasPrefix("$") }.isEmpty,
                                                source: SchemaSource(path: f.path, offset: at)))
                    }
                }
            case 0x7B:
                stack.append(pendingKey?.0 ?? "")
                pendingKey = nil
            case 0x7D:
                if !stack.isEmpty { stack.removeLast() }
            case 0x2C:
                pendingKey = nil
                lastString = nil
            default:
                break
            }
            i += 1
        }
        return out
    }
}
