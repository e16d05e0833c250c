import GRDB

/// Versioned migrations of the results database. Never edit an applied migration: add one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-runs-apps-metrics-findings") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
                    harness_version TEXT NOT NULL,
                    catalog_version TEXT NOT NULL,
                    config_hash TEXT NOT NULL,
                    config_json TEXT NOT NULL,
                    corpus TEXT NOT NULL,
                    tasks TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    apps_total INTEGER NOT NULL,
                    note TEXT
                );
                CREATE TABLE run_issues (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    message TEXT NOT NULL
                );
                CREATE TABLE apps (
                    id INTEGER PRIMARY KEY,
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    app_key TEXT NOT NULL,
                    builder TEXT NOT NULL,
                    task TEXT NOT NULL,
                    trial TEXT NOT NULL,
                    root TEXT NOT NULL,
                    manifest_json TEXT,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
                    files_scanned INTEGER,
                    bytes_scanned INTEGER,
                    entries_skipped INTEGER,
                    scan_ms INTEGER,
                    scanned_at TEXT,
                    UNIQUE (run_id, app_key)
                );
                CREATE INDEX apps_run_status ON apps(run_id, status);
                CREATE TABLE skipped_entries (
                    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    is_directory INTEGER NOT NULL,
                    size INTEGER,
                    detail TEXT NOT NULL,
                    PRIMARY KEY (app_id, path)
                ) WITHOUT ROWID;
                CREATE TABLE metric_values (
                    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
                    metric_id TEXT NOT NULL,
                    value REAL CHECK (value IS NULL OR (value >= 0 AND value <= 100)),
                    not_measured_reason TEXT,
                    methods TEXT NOT NULL,
                    PRIMARY KEY (app_id, metric_id),
                    CHECK ((value IS NULL) <> (not_measured_reason IS NULL))
                ) WITHOUT ROWID;
                CREATE TABLE metric_evidence (
                    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
                    metric_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (app_id, metric_id, key)
                ) WITHOUT ROWID;
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
                    metric_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    severity INTEGER NOT NULL,
                    path TEXT,
                    line INTEGER NOT NULL,
                    col INTEGER NOT NULL,
                    message TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    UNIQUE (app_id, fingerprint)
                );
                CREATE INDEX findings_metric ON findings(app_id, metric_id);
                """)
        }
        return m
    }
}
