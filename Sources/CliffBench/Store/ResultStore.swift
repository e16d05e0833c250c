import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// A run as stored.
public struct StoredRun: Sendable, Hashable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: String
    public var harnessVersion: String
    public var catalogVersion: String
    public var configHash: String
    public var configJSON: String
    public var corpus: String
    public var tasks: String
    public var pid: Int32
    public var host: String
    public var appsTotal: Int
    public var appsDone: Int

    /// Whether the process that owns a `running` run is still alive on this host.
    public var ownerAlive: Bool {
        guard status == "running", host == ResultStore.hostName else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// complete, running, or incomplete (killed, interrupted or failed before every app was stored).
    public var state: String {
        if status == "complete" { return "complete" }
        if ownerAlive { return "running" }
        return "incomplete"
    }
}

/// One app row of a run.
public struct StoredApp: Sendable, Hashable {
    public var id: Int64
    public var key: String
    public var builder: String
    public var task: String
    public var trial: String
    public var root: String
    public var status: String
    public var filesScanned: Int
    public var bytesScanned: Int64
    public var entriesSkipped: Int
    public var scanMillis: Int
    public var manifestJSON: String?

    /// The app's manifest as stored when the run was created.
    public var manifest: AppManifest? {
        manifestJSON.flatMap { try? JSONDecoder().decode(AppManifest.self, from: Data($0.utf8)) }
    }
}

/// One metric value of one app.
public struct StoredMetric: Sendable, Hashable {
    public var appID: Int64
    public var metricID: String
    public var value: Double?
    public var notMeasuredReason: String?
    public var methods: String
}

/// The SQLite results database: runs, apps, metric values, findings, evidence (WAL, one transaction per app).
public final class ResultStore: Sendable {
    let pool: DatabasePool

    public static let hostName: String = ProcessInfo.processInfo.hostName

    public init(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Two processes creating the same database at once can meet a lock the busy timeout does
        // not cover (switching to WAL): retry a few times before giving up.
        var attempt = 0
        while true {
            do {
                let p = try DatabasePool(path: path, configuration: config)
                try StoreSchema.migrator.migrate(p)
                pool = p
                break
            } catch let e as DatabaseError where (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) && attempt < 20 {
                attempt += 1
                usleep(100_000)
            } catch {
                throw StoreError(message: "cannot open results database \(path): \(error)")
            }
        }
    }

    /// Apps stored and total of a run, read without migrating or writing (for monitors and tests
    /// that watch a database another process is writing); nil when it cannot be read yet.
    public static func progress(of path: String, run: Int64) -> (done: Int, total: Int)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        guard let q = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? q.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done, COUNT(*) AS total FROM apps WHERE run_id = ?
                """, arguments: [run]) else { return nil }
            let total: Int = row["total"] ?? 0
            return total == 0 ? nil : (row["done"] ?? 0, total)
        }
    }

    /// Records a new run with its app list (all pending) and the discovery issues.
    public func createRun(config: RunRecordConfig, apps: [DiscoveredApp], issues: [DiscoveryIssue]) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO runs (started_at, status, harness_version, catalog_version, config_hash, config_json, corpus, tasks, pid, host, apps_total)
                VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ResultStore.now(), config.harnessVersion, config.catalogVersion, config.configHash, config.configJSON,
                                 config.corpus, config.tasks, Int(getpid()), ResultStore.hostName, apps.count])
            let runID = db.lastInsertedRowID
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for a in apps {
                let manifest = try a.manifest.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                try db.execute(sql: """
                    INSERT INTO apps (run_id, app_key, builder, task, trial, root, manifest_json, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
                    """, arguments: [runID, a.key, a.builder, a.task, a.trial, a.root, manifest])
            }
            for i in issues {
                try db.execute(sql: "INSERT INTO run_issues (run_id, path, message) VALUES (?, ?, ?)", arguments: [runID, i.path, i.message])
            }
            return runID
        }
    }

    /// Takes over an unfinished run for this process (resume).
    public func claim(run id: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET status = 'running', pid = ?, host = ?, finished_at = NULL WHERE id = ?",
                           arguments: [Int(getpid()), ResultStore.hostName, id])
        }
    }

    public func pendingApps(run id: Int64) throws -> [StoredApp] {
        try apps(run: id).filter { $0.status == "pending" }
    }

    /// Stores one app's results and marks it done, all in one transaction.
    public func save(appID: Int64, scan: AppScanResult) throws {
        try pool.write { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM apps WHERE id = ?", arguments: [appID])
            guard status == "pending" else { throw StoreError(message: "app \(appID) is not pending (\(status ?? "missing"))") }
            // Prepared once per transaction: parsing the SQL for every row cost more than the inserts.
            let skipped = try db.cachedStatement(sql: "INSERT OR REPLACE INTO skipped_entries (app_id, path, reason, is_directory, size, detail) VALUES (?, ?, ?, ?, ?, ?)")
            let value = try db.cachedStatement(sql: "INSERT INTO metric_values (app_id, metric_id, value, not_measured_reason, methods) VALUES (?, ?, ?, ?, ?)")
            let evidence = try db.cachedStatement(sql: "INSERT OR REPLACE INTO metric_evidence (app_id, metric_id, key, value) VALUES (?, ?, ?, ?)")
            let finding = try db.cachedStatement(sql: """
                INSERT INTO findings (app_id, metric_id, rule, severity, path, line, col, message, evidence, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for s in scan.skipped {
                try skipped.execute(arguments: [appID, s.path, s.reason.rawValue, s.isDirectory, s.size, s.detail])
            }
            for r in scan.results {
                switch r.value {
                case .measured(let v):
                    try value.execute(arguments: [appID, r.metricID, v, nil as String?, r.methods])
                case .notMeasured(let reason):
                    try value.execute(arguments: [appID, r.metricID, nil as Double?, reason, r.methods])
                }
                for e in r.evidence {
                    try evidence.execute(arguments: [appID, r.metricID, e.key, e.value])
                }
                for f in r.findings {
                    try finding.execute(arguments: [appID, f.metricID, f.rule, f.severity.rawValue, f.path, f.line, f.column, f.message, f.evidence, f.fingerprint])
                }
            }
            try db.execute(sql: """
                UPDATE apps SET status = 'done', files_scanned = ?, bytes_scanned = ?, entries_skipped = ?, scan_ms = ?, scanned_at = ? WHERE id = ?
                """, arguments: [scan.filesScanned, scan.bytesScanned, scan.skipped.count, Int(scan.seconds * 1000), ResultStore.now(), appID])
        }
    }

    /// Ends a run. `complete` is refused while any app is still pending.
    public func finish(run id: Int64, status: String) throws {
        try pool.write { db in
            if status == "complete" {
                let pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM apps WHERE run_id = ? AND status = 'pending'", arguments: [id]) ?? 0
                guard pending == 0 else { throw StoreError(message: "run \(id) still has \(pending) pending apps") }
            }
            try db.execute(sql: "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", arguments: [status, ResultStore.now(), id])
        }
    }

    public func run(_ id: Int64) throws -> StoredRun? {
        try pool.read { db in try Row.fetchOne(db, sql: Self.runSQL + " WHERE r.id = ? GROUP BY r.id", arguments: [id]).map(Self.storedRun) }
    }

    /// The newest run; with `completeOnly`, the newest complete one.
    public func latestRun(completeOnly: Bool) throws -> StoredRun? {
        try pool.read { db in
            let filter = completeOnly ? " WHERE r.status = 'complete'" : ""
            return try Row.fetchOne(db, sql: Self.runSQL + filter + " GROUP BY r.id ORDER BY r.id DESC LIMIT 1").map(Self.storedRun)
        }
    }

    public func runs() throws -> [StoredRun] {
        try pool.read { db in try Row.fetchAll(db, sql: Self.runSQL + " GROUP BY r.id ORDER BY r.id").map(Self.storedRun) }
    }

    public func issues(run id: Int64) throws -> [DiscoveryIssue] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, message FROM run_issues WHERE run_id = ? ORDER BY path", arguments: [id])
                .map { DiscoveryIssue(path: $0["path"], message: $0["message"]) }
        }
    }

    public func apps(run id: Int64) throws -> [StoredApp] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM apps WHERE run_id = ? ORDER BY app_key", arguments: [id]).map { r in
                StoredApp(id: r["id"], key: r["app_key"], builder: r["builder"], task: r["task"], trial: r["trial"], root: r["root"],
                          status: r["status"], filesScanned: r["files_scanned"] ?? 0, bytesScanned: r["bytes_scanned"] ?? 0,
                          entriesSkipped: r["entries_skipped"] ?? 0, scanMillis: r["scan_ms"] ?? 0,
                          manifestJSON: r["manifest_json"])
            }
        }
    }

    public func metrics(run id: Int64) throws -> [StoredMetric] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.* FROM metric_values m JOIN apps a ON a.id = m.app_id WHERE a.run_id = ? ORDER BY a.app_key, m.metric_id
                """, arguments: [id]).map { r in
                StoredMetric(appID: r["app_id"], metricID: r["metric_id"], value: r["value"], notMeasuredReason: r["not_measured_reason"], methods: r["methods"])
            }
        }
    }

    /// Findings of a run, optionally of one app.
    public func findings(run id: Int64, appID: Int64? = nil) throws -> [(appID: Int64, finding: Finding)] {
        try pool.read { db in
            var sql = "SELECT f.* FROM findings f JOIN apps a ON a.id = f.app_id WHERE a.run_id = ?"
            var args: StatementArguments = [id]
            if let appID {
                sql += " AND f.app_id = ?"
                args += [appID]
            }
            sql += " ORDER BY a.app_key, f.metric_id, f.path, f.line, f.col, f.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map { r in
                var f = Finding(metricID: r["metric_id"], rule: r["rule"], severity: Severity(rawValue: r["severity"]) ?? .info, path: r["path"],
                                line: r["line"], column: r["col"], message: r["message"], evidence: r["evidence"])
                f.fingerprint = r["fingerprint"]
                return (r["app_id"], f)
            }
        }
    }

    /// Raw row counts per table, for tests and diagnostics.
    public func rowCounts(run id: Int64) throws -> [String: Int] {
        try pool.read { db in
            var out: [String: Int] = [:]
            for t in ["metric_values", "findings", "metric_evidence", "skipped_entries"] {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t) x JOIN apps a ON a.id = x.app_id WHERE a.run_id = ?", arguments: [id])
            }
            out["apps"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM apps WHERE run_id = ?", arguments: [id])
            return out
        }
    }

    private static let runSQL = """
        SELECT r.*, SUM(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS apps_done FROM runs r LEFT JOIN apps a ON a.run_id = r.id
        """

    private static func storedRun(_ r: Row) -> StoredRun {
        StoredRun(id: r["id"], startedAt: r["started_at"], finishedAt: r["finished_at"], status: r["status"], harnessVersion: r["harness_version"],
                  catalogVersion: r["catalog_version"], configHash: r["config_hash"], configJSON: r["config_json"], corpus: r["corpus"],
                  tasks: r["tasks"], pid: Int32(truncatingIfNeeded: r["pid"] as Int), host: r["host"], appsTotal: r["apps_total"],
                  appsDone: r["apps_done"] ?? 0)
    }

    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// What identifies a run's configuration.
public struct RunRecordConfig: Sendable {
    public var harnessVersion: String
    public var catalogVersion: String
    public var configHash: String
    public var configJSON: String
    public var corpus: String
    public var tasks: String
}

public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
