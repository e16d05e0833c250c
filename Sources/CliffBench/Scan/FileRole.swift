/// Where a file runs or what it is for, from its path and its first bytes.
public enum FileRole: String, Sendable, Codable, CaseIterable {
    /// Shipped to the browser (Vite `src/`, React components, `'use client'`, Next pages).
    case client
    /// Runs on a server (API routes, Express/Fastify/Hono servers, edge and cloud functions, Python views).
    case server
    /// Could end up on either side (Next `lib/`, `utils/`, `types/`).
    case shared
    case test
    /// SQL schema and migrations, Prisma schema, Firebase rules.
    case schema
    /// Build, tooling and environment files.
    case config
    case docs
    /// Anything else (static assets, scripts).
    case other

    /// Whether the file's code can reach the browser bundle.
    public var reachesClient: Bool { self == .client || self == .shared }

    public static func classify(path: String, language: Language, bytes: [UInt8]) -> FileRole {
        let p = PathBytes("/" + path.lowercased())
        let name = p.name

        if isTest(p, name: name) { return .test }
        switch language {
        case .sql: return .schema
        case .markdown: return .docs
        case .env, .dockerfile, .yaml, .toml, .json: return .config
        case .text:
            if name.hasSuffix(".prisma") || name.hasSuffix(".rules") { return .schema }
            return .config
        case .shell: return .other
        default: break
        }
        if name.hasPrefix("vite.config") || name.hasPrefix("next.config") || name.hasPrefix("tailwind.config")
            || name.hasPrefix("postcss.config") || name.hasPrefix("eslint.config") || name.hasPrefix(".eslintrc")
            || name.hasPrefix("vitest.config") || name.hasPrefix("jest.config") || name.hasPrefix("playwright.config")
            || name.hasPrefix("drizzle.config") || name.hasPrefix("babel.config") || name.hasPrefix("svelte.config") {
            return .config
        }
        if language == .python { return .server }
        if language == .html || language == .css { return .client }

        let head = directive(bytes)
        if head == "use client" { return .client }
        if head == "use server" { return .server }

        // Files under public/ are served to the browser as they are.
        if p.contains("/public/") { return .client }
        let serverDirs: [StaticString] = [
            "/app/api/", "/pages/api/", "/src/pages/api/", "/src/app/api/", "/server/", "/backend/", "/api/",
            "/supabase/functions/", "/functions/", "/netlify/functions/", "/lambda/", "/routes/", "/controllers/",
            "/middleware/", "/models/", "/services/server/", "/lib/server/", "/src/server/", "/prisma/", "/db/",
            "/convex/", "/workers/", "/jobs/", "/cron/",
        ]
        if serverDirs.contains(where: { p.contains($0) }) { return .server }
        if name.contains(".server.") || name == "server.js" || name == "server.ts" || name == "server.mjs"
            || name == "app.js" && !p.contains("/src/") || name == "middleware.ts" || name == "middleware.js"
            || name == "route.ts" || name == "route.js" || name == "index.js" && !p.contains("/src/") && p.depth <= 2 {
            return .server
        }
        if p.contains("/scripts/") { return .other }
        if p.contains("/lib/") || p.contains("/utils/") || p.contains("/types/") || p.contains("/shared/") || p.contains("/hooks/") && !p.contains("/src/") {
            return p.contains("/src/") && !p.contains("/src/app/") ? .client : .shared
        }
        return .client
    }

    private static func isTest(_ p: PathBytes, name: PathBytes) -> Bool {
        if p.contains("/__tests__/") || p.contains("/tests/") || p.contains("/test/") || p.contains("/e2e/")
            || p.contains("/cypress/") || p.contains("/__mocks__/") {
            return true
        }
        if name.contains(".test.") || name.contains(".spec.") || name.hasPrefix("test_") && name.hasSuffix(".py")
            || name.hasSuffix("_test.py") || name == "conftest.py" {
            return true
        }
        return false
    }

    /// The string of a leading `'use client'` / `"use server"` directive, if any.
    static func directive(_ bytes: [UInt8]) -> String? {
        var i = 0
        let n = min(bytes.count, 512)
        while i < n {
            let b = bytes[i]
            if ByteClass.isSpace(b) { i += 1; continue }
            if b == 0x2F, i + 1 < n, bytes[i + 1] == 0x2F {
                while i < n && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == 0x2F, i + 1 < n, bytes[i + 1] == 0x2A {
                i += 2
                while i + 1 < n && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                i += 2
                continue
            }
            break
        }
        guard i < n, bytes[i] == 0x27 || bytes[i] == 0x22 else { return nil }
        let q = bytes[i]
        var j = i + 1
        while j < n && bytes[j] != q && bytes[j] != 0x0A { j += 1 }
        guard j < n, bytes[j] == q else { return nil }
        return String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
    }
}

/// A lower-cased path as bytes, for substring checks without Foundation's string search.
struct PathBytes {
    let bytes: [UInt8]
    init(_ s: String) { bytes = Array(s.utf8) }
    init(bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    /// The last path component.
    var name: PathBytes {
        guard let slash = bytes.lastIndex(of: 0x2F) else { return self }
        return PathBytes(bytes: bytes[(slash + 1)...])
    }

    var depth: Int { bytes.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) } }

    func contains(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard n <= bytes.count else { return false }
        return s.withUTF8Buffer { needle in
            guard let first = needle.first else { return true }
            var i = 0
            while i + n <= bytes.count {
                if bytes[i] == first {
                    var j = 1
                    while j < n && bytes[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    func hasPrefix(_ s: StaticString) -> Bool {
        s.withUTF8Buffer { bytes.count >= $0.count && bytes[0..<$0.count].elementsEqual($0) }
    }

    func hasSuffix(_ s: StaticString) -> Bool {
        s.withUTF8Buffer { bytes.count >= $0.count && bytes[(bytes.count - $0.count)...].elementsEqual($0) }
    }

    static func == (a: PathBytes, b: StaticString) -> Bool {
        b.withUTF8Buffer { a.bytes.elementsEqual($0) }
    }
}
