#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading one file produced.
public enum ReadOutcome: Sendable {
    /// The whole file; invalid UTF-8 is kept as is.
    case text([UInt8])
    /// binary, tooLarge, unreadable (also for a directory), special, or symlink (never followed).
    case skipped(SkipReason, detail: String)
}

/// Reads source files as bytes with POSIX calls.
public enum FileReader {
    static let sniffLength = 8 * 1024

    /// Reads a file as bytes with open/fstat/read (O_NOFOLLOW|O_NONBLOCK, so a FIFO never blocks); rejects files over
    /// `maxSize` before reading; a NUL byte in the first 8 KiB means binary. A directory is `.unreadable` ("Is a directory").
    public static func read(path: String, maxSize: Int64) -> ReadOutcome {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .skipped(.unreadable, detail: errnoDescription(errno)) }
        if let rejected = reject(mode: st.st_mode, size: Int64(st.st_size), maxSize: maxSize) { return rejected }

        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let err = errno
            if err == ELOOP { return .skipped(.symlink, detail: "symlink not followed") }
            return .skipped(.unreadable, detail: errnoDescription(err))
        }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { return .skipped(.unreadable, detail: errnoDescription(errno)) }
        if let rejected = reject(mode: st.st_mode, size: Int64(st.st_size), maxSize: maxSize) { return rejected }

        let capacity = Int(st.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let n = posixRead(fd, buffer.baseAddress! + count, capacity - count)
                if n > 0 {
                    count += n
                } else if n == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { return .skipped(.unreadable, detail: errnoDescription(failure)) }
        if let offset = nulOffset(bytes) { return .skipped(.binary, detail: "NUL byte at offset \(offset)") }
        return .text(bytes)
    }

    /// True for the known binary extensions (png, jpg, woff2, pdf, zip, wasm, sqlite, lockb, pyc, …), case-insensitive.
    public static func hasBinaryExtension(_ path: String) -> Bool {
        var ext: [UInt8] = []
        for byte in path.utf8.reversed() {
            if byte == UInt8(ascii: ".") {
                guard !ext.isEmpty, ext.count <= 6 else { return false }
                ext.reverse()
                return binaryExtensions.contains(String(decoding: ext, as: UTF8.self))
            }
            if byte == UInt8(ascii: "/") || ext.count > 6 { return false }
            ext.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return false
    }

    private static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tiff",
        "woff", "woff2", "ttf", "otf", "eot", "pdf",
        "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "jar", "class",
        "so", "dylib", "dll", "exe", "wasm",
        "mp3", "mp4", "mov", "webm", "ogg", "wav",
        "sqlite", "db", "lockb", "pyc",
    ]

    private static func reject(mode: mode_t, size: Int64, maxSize: Int64) -> ReadOutcome? {
        switch mode & S_IFMT {
        case S_IFREG:
            if size > maxSize { return .skipped(.tooLarge, detail: "\(size) bytes, over the \(maxSize)-byte cap") }
            return nil
        case S_IFDIR:
            return .skipped(.unreadable, detail: errnoDescription(EISDIR))
        case S_IFLNK:
            return .skipped(.symlink, detail: "symlink not followed")
        default:
            return .skipped(.special, detail: fileTypeName(mode))
        }
    }

    private static func nulOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, !raw.isEmpty else { return nil }
            guard let hit = memchr(base, 0, min(raw.count, sniffLength)) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    static func fileTypeName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "regular file"
        case S_IFDIR: return "directory"
        case S_IFLNK: return "symlink"
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "unknown file type"
        }
    }

    static func errnoDescription(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return String(cString: message)
    }
}

@inline(__always) private func posixRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
