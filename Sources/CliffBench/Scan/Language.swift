/// The languages the scanner tells apart, detected from the file name.
public enum Language: String, Sendable, Codable, CaseIterable {
    case javascript, jsx, typescript, tsx, python, sql, html, css, json, yaml, toml, env, dockerfile, markdown
    case vue, svelte, shell, text

    /// The lexer family that tells code from comments and strings.
    public var lexFamily: LexFamily {
        switch self {
        case .javascript, .jsx, .typescript, .tsx: .cLike
        case .css: .css
        case .python: .python
        case .sql: .sql
        case .html, .markdown, .vue, .svelte: .markup
        case .json: .json
        case .yaml, .toml, .env, .dockerfile, .shell: .hash
        case .text: .plain
        }
    }

    /// JavaScript or TypeScript, with or without JSX.
    public var isJSFamily: Bool { self == .javascript || self == .jsx || self == .typescript || self == .tsx }
    public var isTypeScript: Bool { self == .typescript || self == .tsx }
    /// Languages whose files hold program logic (for size, complexity and duplication).
    public var isProgram: Bool { isJSFamily || self == .python || self == .vue || self == .svelte }

    /// Detects the language from a path's last component, or nil when the file is not one we scan.
    public static func detect(path: String) -> Language? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile") { return .dockerfile }
        if lower == ".env" || lower.hasPrefix(".env.") || lower.hasSuffix(".env") { return .env }
        if lower == "procfile" || lower == ".gitignore" || lower == ".dockerignore" || lower == "makefile" { return .text }
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "js", "mjs", "cjs": return .javascript
        case "jsx": return .jsx
        case "ts", "mts", "cts": return .typescript
        case "tsx": return .tsx
        case "py", "pyi": return .python
        case "sql": return .sql
        case "html", "htm", "ejs", "hbs", "handlebars", "njk", "jinja", "jinja2", "j2", "liquid": return .html
        case "css", "scss", "sass", "less": return .css
        case "json", "jsonc", "json5": return .json
        case "yml", "yaml": return .yaml
        case "toml": return .toml
        case "md", "mdx", "markdown": return .markdown
        case "vue": return .vue
        case "svelte": return .svelte
        case "sh", "bash", "zsh": return .shell
        case "txt", "cfg", "ini", "conf", "rules", "prisma", "graphql", "gql", "example", "sample", "template", "lock":
            return .text
        default: return nil
        }
    }
}

/// Lexer families: languages that share comment and string syntax.
public enum LexFamily: Sendable {
    /// JS/TS/JSX/TSX: `//`, `/* */`, '…', "…", `…${}…`, regex literals.
    case cLike
    /// CSS: `/* */` and quoted strings.
    case css
    /// Python: `#`, '…', "…", '''…''', """…""", prefixes r/b/f/u.
    case python
    /// SQL: `--`, `/* */`, '…', "…" identifiers, $tag$…$tag$ bodies.
    case sql
    /// HTML, Markdown, Vue and Svelte: `<!-- -->`; embedded scripts are lexed as cLike.
    case markup
    /// JSON: strings only (comments allowed for jsonc).
    case json
    /// YAML, TOML, env files, Dockerfile, shell: `#` comments and quoted strings.
    case hash
    /// No structure: everything is code.
    case plain
}
