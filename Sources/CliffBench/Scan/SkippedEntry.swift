/// Why a path was not scanned. Recorded, because committed build output and node_modules are facts some metrics need.
public enum SkipReason: String, Sendable, Codable, CaseIterable {
    /// .git, .hg, .svn directories.
    case vcs
    /// node_modules, bower_components, jspm_packages, .venv, venv, env (with pyvenv.cfg), site-packages, .pnpm-store.
    case dependencies
    /// .next, dist, build, coverage, __pycache__ and the like; "out" only at the top level or next to a package.json.
    case buildOutput
    /// Matched by a .gitignore of the app.
    case gitignored
    /// A NUL byte in the first 8 KiB, or a known binary extension.
    case binary
    /// Over the size cap; never read whole.
    case tooLarge
    /// A symlink that is not followed: to a directory, outside the app root, dangling or looping.
    case symlink
    /// open/read failed; the detail carries strerror.
    case unreadable
    /// FIFO, socket, character or block device.
    case special
    /// The app's total byte budget was spent (applied by the caller, not the walker).
    case appBudget
}

/// A path that was not scanned, and why.
public struct SkippedEntry: Sendable, Hashable, Codable {
    /// App-relative, "/" separated; "." for the app root itself.
    public var path: String
    public var reason: SkipReason
    public var isDirectory: Bool
    /// File size when known.
    public var size: Int64?
    /// Human-readable, e.g. "symlink resolves outside the app: ../../etc/passwd".
    public var detail: String

    public init(path: String, reason: SkipReason, isDirectory: Bool = false, size: Int64? = nil, detail: String = "") {
        self.path = path
        self.reason = reason
        self.isDirectory = isDirectory
        self.size = size
        self.detail = detail
    }
}
