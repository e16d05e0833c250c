import Foundation
import TOMLKit

/// The optional `cliffbench.toml` of one app: how it was generated and how to start it.
public struct AppManifest: Sendable, Hashable, Codable {
    public var builderVersion: String?
    /// As written in the manifest (a TOML date or a string).
    public var generatedAt: String?
    /// App-relative path of the generation transcript.
    public var transcript: String?
    public var runtime: RuntimeSpec?

    public init(builderVersion: String? = nil, generatedAt: String? = nil, transcript: String? = nil, runtime: RuntimeSpec? = nil) {
        self.builderVersion = builderVersion
        self.generatedAt = generatedAt
        self.transcript = transcript
        self.runtime = runtime
    }

    /// How the runtime tier starts the app (used by later tiers; stored now).
    public struct RuntimeSpec: Sendable, Hashable, Codable {
        public var install: String?
        public var build: String?
        public var start: String?
        public var port: Int?
        public var health: String?
        public var env: [String: String]
    }

    public static let fileName = "cliffbench.toml"

    /// Parses a manifest; errors name the line and what is wrong.
    public static func parse(_ text: String) throws -> AppManifest {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ManifestError(message: "invalid TOML at line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")
        }
        let known: Set<String> = ["generation", "runtime"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw ManifestError(message: "unknown section [\(unknown)]; expected [generation] and [runtime]")
        }
        var m = AppManifest()
        if let gen = table["generation"] {
            guard let g = gen.table else { throw ManifestError(message: "[generation] must be a table") }
            m.builderVersion = try string(g, "builder_version", in: "generation")
            if let d = g["generated_at"] {
                if let date = d.date {
                    m.generatedAt = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
                } else if let dt = d.dateTime {
                    m.generatedAt = String(format: "%04d-%02d-%02d", dt.date.year, dt.date.month, dt.date.day)
                } else if let s = d.string {
                    m.generatedAt = s
                } else {
                    throw ManifestError(message: "generation.generated_at must be a date (2026-10-14) or a string")
                }
            }
            m.transcript = try string(g, "transcript", in: "generation")
        }
        if let rt = table["runtime"] {
            guard let r = rt.table else { throw ManifestError(message: "[runtime] must be a table") }
            var env: [String: String] = [:]
            if let e = r["env"] {
                guard let et = e.table else { throw ManifestError(message: "runtime.env must be a table of strings") }
                for (k, v) in et {
                    guard let s = v.string else { throw ManifestError(message: "runtime.env.\(k) must be a string") }
                    env[k] = s
                }
            }
            var port: Int?
            if let p = r["port"] {
                guard let i = p.int, (1...65535).contains(i) else { throw ManifestError(message: "runtime.port must be an integer in 1…65535") }
                port = i
            }
            m.runtime = RuntimeSpec(
                install: try string(r, "install", in: "runtime"), build: try string(r, "build", in: "runtime"),
                start: try string(r, "start", in: "runtime"), port: port,
                health: try string(r, "health", in: "runtime"), env: env)
        }
        return m
    }

    private static func string(_ t: TOMLTable, _ key: String, in section: String) throws -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else { throw ManifestError(message: "\(section).\(key) must be a string") }
        return s
    }
}

public struct ManifestError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
