#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits of one app walk.
public struct WalkOptions: Sendable {
    public var maxFileSize: Int64 = 2 * 1024 * 1024
    public var honorGitignore: Bool = true

    public init(maxFileSize: Int64 = 2 * 1024 * 1024, honorGitignore: Bool = true) {
        self.maxFileSize = maxFileSize
        self.honorGitignore = honorGitignore
    }
}

/// A regular file the walker will hand to the reader.
public struct WalkEntry: Sendable, Hashable {
    /// App-relative, "/" separated.
    public var path: String
    /// The resolved root joined with `path`; for a followed symlink, the real path of its target.
    public var absolutePath: String
    public var size: Int64

    public init(path: String, absolutePath: String, size: Int64) {
        self.path = path
        self.absolutePath = absolutePath
        self.size = size
    }
}

/// Everything one walk found, sorted by path in byte order.
public struct WalkResult: Sendable {
    public var files: [WalkEntry]
    public var skipped: [SkippedEntry]
    /// Directories listed, the root included.
    public var directories: Int

    public init(files: [WalkEntry] = [], skipped: [SkippedEntry] = [], directories: Int = 0) {
        self.files = files
        self.skipped = skipped
        self.directories = directories
    }
}

/// Walks one app tree with opendir/readdir/lstat, skipping VCS, dependency, build-output and gitignored paths.
public struct AppWalker: Sendable {
    private let options: WalkOptions

    public init(options: WalkOptions = WalkOptions()) {
        self.options = options
    }

    /// Walks one app tree. Never throws: every problem becomes a SkippedEntry. If root itself is not a readable
    /// directory, returns an empty result with one SkippedEntry for "." explaining why.
    public func walk(root: String) -> WalkResult {
        func unwalkable(_ detail: String, isDirectory: Bool = true, size: Int64? = nil) -> WalkResult {
            let entry = SkippedEntry(
                path: ".", reason: .unreadable, isDirectory: isDirectory, size: size, detail: detail)
            return WalkResult(skipped: [entry])
        }
        guard let rootReal = realPath(root) else {
            return unwalkable("\(root): \(FileReader.errnoDescription(errno))")
        }
        var st = stat()
        guard stat(rootReal, &st) == 0 else {
            return unwalkable("\(root): \(FileReader.errnoDescription(errno))")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            let detail = "\(root): not a directory (\(FileReader.fileTypeName(st.st_mode)))"
            return unwalkable(detail, isDirectory: false, size: Int64(st.st_size))
        }

        var walk = TreeWalk(options: options, root: rootReal)
        walk.run()
        if !isSorted(walk.files.lazy.map(\.path)) { walk.files.sort { bytesPrecede($0.path, $1.path) } }
        if !isSorted(walk.skipped.lazy.map(\.path)) { walk.skipped.sort { bytesPrecede($0.path, $1.path) } }
        return WalkResult(files: walk.files, skipped: walk.skipped, directories: walk.directories)
    }
}

// Depth-first in byte order of the full paths: each directory's entries are sorted by name, a directory's name
// counting as "name/", so output comes out sorted; only a skipped directory can land after a sibling like
// "name.zip", which `walk(root:)` detects and re-sorts.
private struct TreeWalk {
    struct Frame {
        var prefix: String
        var absolutePrefix: String
        var ignore: GitIgnore
        var nextToPackageJSON: Bool
        var entries: [Listed]
        var next = 0
    }

    struct Listed {
        var name: String
        var mode: mode_t
        var size: Int64
        // The first 8 bytes of the sort name, big-endian, so most comparisons are one integer compare.
        var sortPrefix: UInt64
        var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
    }

    let options: WalkOptions
    let root: String
    var files: [WalkEntry] = []
    var skipped: [SkippedEntry] = []
    var directories = 0

    init(options: WalkOptions, root: String) {
        self.options = options
        self.root = root
    }

    mutating func run() {
        var frames: [Frame] = []
        if let frame = openFrame(path: "", absolutePath: root, ignore: GitIgnore()) { frames.append(frame) }
        while let top = frames.indices.last {
            guard frames[top].next < frames[top].entries.count else {
                frames.removeLast()
                continue
            }
            let entry = frames[top].entries[frames[top].next]
            frames[top].next += 1
            if let subdirectory = visit(entry, in: frames[top]) {
                frames.append(subdirectory)
            }
        }
    }

    private mutating func openFrame(path: String, absolutePath: String, ignore inherited: GitIgnore) -> Frame? {
        let prefix = path.isEmpty ? "" : path + "/"
        let absolutePrefix = absolutePath == "/" ? "/" : absolutePath + "/"
        guard let listed = list(path: path, absolutePath: absolutePath, prefix: prefix) else { return nil }
        directories += 1
        let entries = listed.indices.sorted { a, b in
            let x = listed[a].sortPrefix
            let y = listed[b].sortPrefix
            return x != y ? x < y : TreeWalk.precedes(listed[a], listed[b])
        }.map { listed[$0] }

        var ignore = inherited
        if options.honorGitignore,
            let file = entries.first(where: { $0.name == ".gitignore" }), file.mode & S_IFMT == S_IFREG,
            case .text(let bytes) = FileReader.read(path: absolutePrefix + ".gitignore", maxSize: options.maxFileSize)
        {
            ignore.add(contents: String(decoding: bytes, as: UTF8.self), directory: path)
        }
        let nextToPackageJSON = path.isEmpty || entries.contains { $0.name == "package.json" }
        return Frame(
            prefix: prefix, absolutePrefix: absolutePrefix, ignore: ignore,
            nextToPackageJSON: nextToPackageJSON, entries: entries)
    }

    // Records one entry; returns the frame of a directory to descend into.
    private mutating func visit(_ entry: Listed, in parent: Frame) -> Frame? {
        let path = parent.prefix + entry.name
        let absolutePath = parent.absolutePrefix + entry.name
        let type = entry.mode & S_IFMT
        let isDirectory = type == S_IFDIR
        let size: Int64? = type == S_IFREG ? entry.size : nil

        if isDirectory, TreeWalk.vcsNames.contains(entry.name) {
            skip(path, .vcs, directory: true, detail: "version control metadata")
            return nil
        }
        let category =
            isDirectory
            ? self.category(entry.name, absolutePath: absolutePath, nextToPackageJSON: parent.nextToPackageJSON) : nil
        if !parent.ignore.isEmpty, let hit = parent.ignore.decidingRule(path, isDirectory: isDirectory),
            !hit.rule.negated
        {
            let file = hit.directory.isEmpty ? ".gitignore" : hit.directory + "/.gitignore"
            var detail = "matched by \"\(hit.rule.line)\" in \(file)"
            if let category { detail += " (\(category.detail))" }
            skip(path, .gitignored, directory: isDirectory, size: size, detail: detail)
            return nil
        }
        switch type {
        case S_IFDIR:
            if let category {
                skip(path, category.reason, directory: true, detail: category.detail)
                return nil
            }
            return openFrame(path: path, absolutePath: absolutePath, ignore: parent.ignore)
        case S_IFREG:
            addFile(path, absolutePath: absolutePath, size: entry.size)
        case S_IFLNK:
            followSymlink(path, absolutePath: absolutePath)
        default:
            skip(path, .special, detail: FileReader.fileTypeName(entry.mode))
        }
        return nil
    }

    // Byte order of the names, a directory's name compared as "name/".
    private static func precedes(_ a: Listed, _ b: Listed) -> Bool {
        let aDirectory = a.isDirectory
        let bDirectory = b.isDirectory
        let ordered = a.name.utf8.withContiguousStorageIfAvailable { x in
            b.name.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                if order != 0 { return order < 0 }
                let slash = UInt8(ascii: "/")
                let nextA: Int = x.count > common ? Int(x[common]) : (aDirectory ? Int(slash) : -1)
                let nextB: Int = y.count > common ? Int(y[common]) : (bDirectory ? Int(slash) : -1)
                return nextA < nextB
            }
        }
        if let ordered, let ordered { return ordered }
        var x = Array(a.name.utf8)
        var y = Array(b.name.utf8)
        if aDirectory { x.append(UInt8(ascii: "/")) }
        if bDirectory { y.append(UInt8(ascii: "/")) }
        return x.lexicographicallyPrecedes(y)
    }

    // Reads one directory's entries with their lstat; nil (and a skipped entry) when it cannot be opened.
    private mutating func list(path: String, absolutePath: String, prefix: String) -> [Listed]? {
        let shownPath = path.isEmpty ? "." : path
        let fd = open(absolutePath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            skip(shownPath, .unreadable, directory: true, detail: FileReader.errnoDescription(errno))
            return nil
        }
        guard let stream = fdopendir(fd) else {
            skip(shownPath, .unreadable, directory: true, detail: FileReader.errnoDescription(errno))
            close(fd)
            return nil
        }
        defer { closedir(stream) }
        let streamFD = dirfd(stream)

        var entries: [Listed] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 {
                    skip(
                        shownPath, .unreadable, directory: true,
                        detail: "listing stopped: \(FileReader.errnoDescription(errno))")
                }
                break
            }
            let namePointer = UnsafeRawPointer(entry).advanced(by: TreeWalk.nameOffset).assumingMemoryBound(
                to: CChar.self)
            let nameBytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(namePointer).assumingMemoryBound(to: UInt8.self), count: strlen(namePointer))
            if nameBytes.count == 1 && nameBytes[0] == UInt8(ascii: ".") { continue }
            if nameBytes.count == 2 && nameBytes[0] == UInt8(ascii: ".") && nameBytes[1] == UInt8(ascii: ".") {
                continue
            }

            let name = String(decoding: nameBytes, as: UTF8.self)
            var info = stat()
            guard fstatat(streamFD, namePointer, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                skip(prefix + name, .unreadable, detail: FileReader.errnoDescription(errno))
                continue
            }
            guard name.utf8.elementsEqual(nameBytes) else {
                skip(
                    prefix + name, .unreadable, directory: info.st_mode & S_IFMT == S_IFDIR,
                    detail: "file name is not valid UTF-8")
                continue
            }
            var sortPrefix: UInt64 = 0
            var used = 0
            for byte in nameBytes.prefix(8) {
                sortPrefix = sortPrefix << 8 | UInt64(byte)
                used += 1
            }
            if used < 8 && info.st_mode & S_IFMT == S_IFDIR {
                sortPrefix = sortPrefix << 8 | UInt64(UInt8(ascii: "/"))
                used += 1
            }
            sortPrefix <<= UInt64(8 * (8 - used))
            entries.append(Listed(name: name, mode: info.st_mode, size: Int64(info.st_size), sortPrefix: sortPrefix))
        }
        return entries
    }

    private mutating func addFile(_ path: String, absolutePath: String, size: Int64) {
        if FileReader.hasBinaryExtension(path) {
            skip(path, .binary, size: size, detail: "binary file extension")
        } else if size > options.maxFileSize {
            skip(path, .tooLarge, size: size, detail: "\(size) bytes, over the \(options.maxFileSize)-byte cap")
        } else {
            files.append(WalkEntry(path: path, absolutePath: absolutePath, size: size))
        }
    }

    private mutating func followSymlink(_ path: String, absolutePath: String) {
        let target = readLink(absolutePath)
        guard let resolved = realPath(absolutePath) else {
            let error = errno
            let detail: String
            switch error {
            case ELOOP: detail = "symlink loop: \(target)"
            case ENOENT, ENOTDIR: detail = "dangling symlink: \(target)"
            default: detail = "symlink cannot be resolved (\(FileReader.errnoDescription(error))): \(target)"
            }
            skip(path, .symlink, detail: detail)
            return
        }
        guard root == "/" || resolved == root || resolved.hasPrefix(root + "/") else {
            skip(path, .symlink, detail: "symlink resolves outside the app: \(target)")
            return
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else {
            skip(path, .unreadable, detail: FileReader.errnoDescription(errno))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            addFile(path, absolutePath: resolved, size: Int64(info.st_size))
        case S_IFDIR:
            skip(path, .symlink, directory: true, detail: "symlink to a directory, not followed: \(target)")
        default:
            skip(path, .special, detail: "symlink to a \(FileReader.fileTypeName(info.st_mode)): \(target)")
        }
    }

    private func category(_ name: String, absolutePath: String, nextToPackageJSON: Bool) -> (
        reason: SkipReason, detail: String
    )? {
        if TreeWalk.dependencyNames.contains(name) {
            return (.dependencies, "dependencies directory")
        }
        if name == "env" {
            var info = stat()
            if lstat(absolutePath + "/pyvenv.cfg", &info) == 0 { return (.dependencies, "Python virtual environment") }
            return nil
        }
        if TreeWalk.buildOutputNames.contains(name) || (name == "out" && nextToPackageJSON) {
            return (.buildOutput, "build output directory")
        }
        return nil
    }

    private mutating func skip(
        _ path: String, _ reason: SkipReason, directory: Bool = false, size: Int64? = nil, detail: String
    ) {
        skipped.append(SkippedEntry(path: path, reason: reason, isDirectory: directory, size: size, detail: detail))
    }

    static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    static let vcsNames: Set<String> = [".git", ".hg", ".svn"]
    static let dependencyNames: Set<String> = [
        "node_modules", "bower_components", "jspm_packages", ".venv", "venv", "site-packages", ".pnpm-store",
    ]
    static let buildOutputNames: Set<String> = [
        ".next", ".nuxt", ".svelte-kit", ".vercel", ".netlify", ".turbo", ".parcel-cache", ".cache", "dist", "build",
        "coverage", "__pycache__", ".pytest_cache", ".mypy_cache", ".output", "storybook-static",
    ]
}

private func bytesPrecede(_ a: String, _ b: String) -> Bool {
    let ordered = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
    return (ordered ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
}

private func isSorted<S: Sequence>(_ paths: S) -> Bool where S.Element == String {
    var previous: String?
    for path in paths {
        if let previous, !bytesPrecede(previous, path) { return false }
        previous = path
    }
    return true
}

private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

private func readLink(_ path: String) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return "?" }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
