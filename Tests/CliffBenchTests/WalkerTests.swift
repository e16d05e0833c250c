import Foundation
import XCTest

@testable import CliffBench

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class WalkerTests: XCTestCase {
    private var root = ""
    private var outside = ""
    private var lockedPaths: [String] = []

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cliffbench-walker-\(UUID().uuidString)")
        root = base.path
        outside = root + ".outside"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for path in lockedPaths { chmod(path, 0o755) }
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: outside)
    }

    // MARK: - Trees

    func testFilesAreSortedByBytesWithSizesAndOddNames() throws {
        try write("b.ts", "hello")
        try write("a/z.ts", "z")
        try write("a b/c d.js", "x")
        try write("a-b.ts", "x")
        try write("a.ts", "x")
        try write("A.ts", "x")
        try write("café/naïve.ts", "naïve")
        try write("日本語.md", "# 日本")
        try write("empty.txt", "")
        try makeDirectory("empty-dir")

        let result = walk()
        XCTAssertEqual(
            result.files.map(\.path),
            [
                "A.ts", "a b/c d.js", "a-b.ts", "a.ts", "a/z.ts", "b.ts", "café/naïve.ts", "empty.txt", "日本語.md",
            ])
        XCTAssertEqual(result.skipped, [])
        XCTAssertEqual(result.directories, 5)
        let byPath = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0) })
        XCTAssertEqual(byPath["b.ts"]?.size, 5)
        XCTAssertEqual(byPath["empty.txt"]?.size, 0)
        XCTAssertEqual(byPath["café/naïve.ts"]?.size, Int64("naïve".utf8.count))
        XCTAssertEqual(byPath["a b/c d.js"]?.absolutePath, realRoot + "/a b/c d.js")

        let naive = try XCTUnwrap(byPath["café/naïve.ts"])
        guard case .text(let bytes) = FileReader.read(path: naive.absolutePath, maxSize: 1024) else {
            return XCTFail("expected text")
        }
        XCTAssertEqual(bytes, Array("naïve".utf8))

        let again = walk()
        XCTAssertEqual(again.files, result.files)
        XCTAssertEqual(again.skipped, result.skipped)
    }

    func testDependencyBuildAndVCSDirectoriesAreRecordedOnce() throws {
        try write("node_modules/react/index.js", "x")
        try write("node_modules/react/package.json", "{}")
        try write(".next/server/page.js", "x")
        try write("dist/app.js", "x")
        try write("dist.zip", "x")
        try write("build/x.js", "x")
        try write("coverage/lcov.info", "x")
        try write(".git/HEAD", "ref: refs/heads/main")
        try write(".git/objects/ab/cdef", "x")
        try write("out/index.html", "x")
        try write("packages/web/package.json", "{}")
        try write("packages/web/node_modules/x.js", "x")
        try write("packages/web/out/index.html", "x")
        try write("src/out/helper.ts", "x")
        try write("py/.venv/bin/python", "x")
        try write("py/env/pyvenv.cfg", "home = /usr/bin")
        try write("tools/env/settings.ts", "x")
        try write("app/__pycache__/x.pyc", "x")

        let result = walk()
        XCTAssertEqual(
            result.files.map(\.path), ["packages/web/package.json", "src/out/helper.ts", "tools/env/settings.ts"])
        let expected: [(String, SkipReason)] = [
            (".git", .vcs),
            (".next", .buildOutput),
            ("app/__pycache__", .buildOutput),
            ("build", .buildOutput),
            ("coverage", .buildOutput),
            ("dist", .buildOutput),
            ("dist.zip", .binary),
            ("node_modules", .dependencies),
            ("out", .buildOutput),
            ("packages/web/node_modules", .dependencies),
            ("packages/web/out", .buildOutput),
            ("py/.venv", .dependencies),
            ("py/env", .dependencies),
        ]
        XCTAssertEqual(result.skipped.map(\.path), expected.map(\.0))
        XCTAssertEqual(result.skipped.map(\.reason), expected.map(\.1))
        XCTAssertEqual(result.skipped.filter { !$0.isDirectory }.map(\.path), ["dist.zip"])
        XCTAssertEqual(walk().skipped, result.skipped)
    }

    func testRootAndNestedGitignore() throws {
        try write(".gitignore", "*.log\n!keep.log\n/secret/\nnode_modules/\n")
        try write("web/.gitignore", "generated/\n*.tmp\n")
        try write("a.log", "x")
        try write("keep.log", "x")
        try write("secret/key.txt", "x")
        try write("secret/deep/x.txt", "x")
        try write("api/secret/s.ts", "x")
        try write("web/app.ts", "x")
        try write("web/generated/x.ts", "x")
        try write("web/generated/y.ts", "x")
        try write("web/a.tmp", "x")
        try write("web/lib/c.log", "x")
        try write("b.tmp", "x")
        try write("node_modules/x/index.js", "x")

        let result = walk()
        XCTAssertEqual(
            result.files.map(\.path),
            [".gitignore", "api/secret/s.ts", "b.tmp", "keep.log", "web/.gitignore", "web/app.ts"])
        XCTAssertEqual(
            result.skipped.map(\.path),
            ["a.log", "node_modules", "secret", "web/a.tmp", "web/generated", "web/lib/c.log"])
        XCTAssertTrue(result.skipped.allSatisfy { $0.reason == .gitignored })
        XCTAssertEqual(result.skipped.map(\.isDirectory), [false, true, true, false, true, false])
        XCTAssertEqual(result.skipped.first?.size, 1)
        let generated = try XCTUnwrap(result.skipped.first { $0.path == "web/generated" })
        XCTAssertEqual(generated.detail, "matched by \"generated/\" in web/.gitignore")
        let modules = try XCTUnwrap(result.skipped.first { $0.path == "node_modules" })
        XCTAssertEqual(modules.detail, "matched by \"node_modules/\" in .gitignore (dependencies directory)")

        let unfiltered = walk(WalkOptions(honorGitignore: false))
        XCTAssertTrue(unfiltered.files.contains { $0.path == "a.log" })
        XCTAssertTrue(unfiltered.files.contains { $0.path == "web/generated/x.ts" })
        XCTAssertEqual(unfiltered.skipped.map(\.path), ["node_modules"])
        XCTAssertEqual(unfiltered.skipped.map(\.reason), [.dependencies])
    }

    // MARK: - Symlinks

    func testSymlinksInsideOutsideDirectoriesLoopsAndDangling() throws {
        try write("real.ts", "real")
        try write("sub/real-dir/a.ts", "a")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "secret".write(toFile: outside + "/secret.txt", atomically: false, encoding: .utf8)
        try link("link-file.ts", to: "real.ts")
        try link("link-abs.ts", to: realRoot + "/real.ts")
        try link("escape.txt", to: "../" + (outside as NSString).lastPathComponent + "/secret.txt")
        try link("dir-link", to: "sub/real-dir")
        try link("sub/up", to: "..")
        try link("loop-a", to: "loop-b")
        try link("loop-b", to: "loop-a")
        try link("dangling.ts", to: "missing.ts")

        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["link-abs.ts", "link-file.ts", "real.ts", "sub/real-dir/a.ts"])
        XCTAssertEqual(result.files.first { $0.path == "link-file.ts" }?.absolutePath, realRoot + "/real.ts")
        XCTAssertEqual(result.files.first { $0.path == "link-file.ts" }?.size, 4)

        XCTAssertEqual(
            result.skipped.map(\.path), ["dangling.ts", "dir-link", "escape.txt", "loop-a", "loop-b", "sub/up"])
        XCTAssertTrue(result.skipped.allSatisfy { $0.reason == .symlink })
        let details = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.path, $0.detail) })
        XCTAssertEqual(details["dangling.ts"], "dangling symlink: missing.ts")
        XCTAssertEqual(details["dir-link"], "symlink to a directory, not followed: sub/real-dir")
        XCTAssertEqual(details["sub/up"], "symlink to a directory, not followed: ..")
        XCTAssertEqual(details["loop-a"], "symlink loop: loop-b")
        XCTAssertEqual(details["loop-b"], "symlink loop: loop-a")
        XCTAssertTrue(details["escape.txt"]?.hasPrefix("symlink resolves outside the app: ../") ?? false)
        XCTAssertEqual(result.skipped.first { $0.path == "dir-link" }?.isDirectory, true)

        guard case .skipped(.symlink, _) = FileReader.read(path: root + "/link-file.ts", maxSize: 1024) else {
            return XCTFail("the reader must not follow symlinks")
        }
    }

    func testRootGivenThroughASymlinkIsWalked() throws {
        try write("src/main.ts", "x")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        XCTAssertEqual(symlink(root, outside + "/app"), 0)
        let result = AppWalker().walk(root: outside + "/app")
        XCTAssertEqual(result.files.map(\.path), ["src/main.ts"])
        XCTAssertEqual(result.files.first?.absolutePath, realRoot + "/src/main.ts")
    }

    // MARK: - Special files and contents

    func testLargeSparseFileIsTooLargeAndNeverRead() throws {
        let path = root + "/big.txt"
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(ftruncate(fd, 50 * 1024 * 1024), 0)
        close(fd)
        try write("small.txt", "ok")

        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["small.txt"])
        XCTAssertEqual(
            result.skipped,
            [
                SkippedEntry(
                    path: "big.txt", reason: .tooLarge, size: 52_428_800,
                    detail: "52428800 bytes, over the 2097152-byte cap")
            ])
        guard case .skipped(.tooLarge, _) = FileReader.read(path: path, maxSize: 2 * 1024 * 1024) else {
            return XCTFail("expected tooLarge")
        }
    }

    func testSizeCapIsInclusive() throws {
        try write("ten.txt", "0123456789")
        try write("eleven.txt", "0123456789X")
        let result = walk(WalkOptions(maxFileSize: 10))
        XCTAssertEqual(result.files.map(\.path), ["ten.txt"])
        XCTAssertEqual(result.skipped.map(\.path), ["eleven.txt"])
        XCTAssertEqual(result.skipped.first?.reason, .tooLarge)
        XCTAssertEqual(result.skipped.first?.size, 11)
        guard case .text(let bytes) = FileReader.read(path: root + "/ten.txt", maxSize: 10) else {
            return XCTFail("expected text")
        }
        XCTAssertEqual(bytes.count, 10)
    }

    func testBinaryByExtensionAndByNulByte() throws {
        try write("logo.PNG", "not really an image")
        try write("data.txt", [0x41, 0x00, 0x42])
        try write("late-nul.txt", [UInt8](repeating: 0x61, count: 9000) + [0x00])

        let result = walk()
        XCTAssertEqual(result.skipped.map(\.path), ["logo.PNG"])
        XCTAssertEqual(result.skipped.first?.reason, .binary)
        XCTAssertEqual(result.skipped.first?.size, 19)
        XCTAssertEqual(result.files.map(\.path), ["data.txt", "late-nul.txt"])

        guard case .skipped(.binary, let detail) = FileReader.read(path: root + "/data.txt", maxSize: 1024) else {
            return XCTFail("expected binary")
        }
        XCTAssertEqual(detail, "NUL byte at offset 1")
        guard case .text(let late) = FileReader.read(path: root + "/late-nul.txt", maxSize: 1 << 20) else {
            return XCTFail("a NUL after the first 8 KiB is not sniffed")
        }
        XCTAssertEqual(late.count, 9001)

        for (path, binary) in [
            ("a/b.WOFF2", true), ("x.tar.gz", true), ("bun.lockb", true), ("app.db", true), ("m.pyc", true),
            ("file.ts", false), ("dir.png/readme.md", false), ("archive.zip.txt", false), ("png", false),
            ("Makefile", false),
        ] {
            XCTAssertEqual(FileReader.hasBinaryExtension(path), binary, path)
        }
    }

    func testInvalidUTF8AndEmptyFilesAreText() throws {
        let invalid: [UInt8] = [0xFF, 0xFE, 0x41, 0xC3, 0x28, 0x0A, 0xED, 0xA0, 0x80]
        try write("invalid.txt", invalid)
        try write("empty.js", "")

        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["empty.js", "invalid.txt"])
        XCTAssertEqual(result.files.map(\.size), [0, Int64(invalid.count)])
        guard case .text(let bytes) = FileReader.read(path: root + "/invalid.txt", maxSize: 1024) else {
            return XCTFail("expected text")
        }
        XCTAssertEqual(bytes, invalid)
        guard case .text(let empty) = FileReader.read(path: root + "/empty.js", maxSize: 1024) else {
            return XCTFail("expected text")
        }
        XCTAssertEqual(empty, [])
    }

    func testFIFOSocketAndLinkToFIFOAreSpecial() throws {
        XCTAssertEqual(mkfifo(root + "/pipe", 0o644), 0)
        try link("pipe-link", to: "pipe")
        let socketPath = root + "/sock"
        let socketFD = try bindUnixSocket(socketPath)
        defer { close(socketFD) }

        let result = walk()
        XCTAssertEqual(result.files, [])
        XCTAssertEqual(result.skipped.map(\.path), ["pipe", "pipe-link", "sock"])
        XCTAssertTrue(result.skipped.allSatisfy { $0.reason == .special })
        XCTAssertEqual(result.skipped.map(\.detail), ["FIFO", "symlink to a FIFO: pipe", "socket"])

        guard case .skipped(.special, let detail) = FileReader.read(path: root + "/pipe", maxSize: 1024) else {
            return XCTFail("expected special")
        }
        XCTAssertEqual(detail, "FIFO")
        guard case .skipped(.special, _) = FileReader.read(path: socketPath, maxSize: 1024) else {
            return XCTFail("expected special")
        }
    }

    func testNonUTF8FileNameIsRecordedNotWalked() throws {
        let name: [UInt8] = Array((root + "/f").utf8) + [0xFF] + Array(".ts".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        try write("ok.ts", "x")

        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["ok.ts"])
        XCTAssertEqual(
            result.skipped,
            [
                SkippedEntry(path: "f\u{FFFD}.ts", reason: .unreadable, detail: "file name is not valid UTF-8")
            ])
    }

    // MARK: - Unreadable

    func testFileRemovedAfterTheWalkAndDirectoryAreUnreadable() throws {
        try write("gone.ts", "x")
        try write("sub/kept.ts", "x")
        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["gone.ts", "sub/kept.ts"])
        let gone = try XCTUnwrap(result.files.first)
        try FileManager.default.removeItem(atPath: gone.absolutePath)

        guard case .skipped(.unreadable, let detail) = FileReader.read(path: gone.absolutePath, maxSize: 1024) else {
            return XCTFail("expected unreadable")
        }
        XCTAssertEqual(detail, String(cString: strerror(ENOENT)))

        guard case .skipped(.unreadable, let directoryDetail) = FileReader.read(path: root + "/sub", maxSize: 1024)
        else {
            return XCTFail("a directory reads as unreadable")
        }
        XCTAssertEqual(directoryDetail, String(cString: strerror(EISDIR)))
    }

    func testPermissionDeniedWhenNotRoot() throws {
        try write("locked.ts", "x")
        try write("locked-dir/inner.ts", "x")
        try write("open.ts", "x")
        if getuid() == 0 {
            throw XCTSkip("running as root, which ignores chmod 000; unreadable is covered by the removed-file test")
        }
        try lock("locked.ts")
        try lock("locked-dir")

        guard case .skipped(.unreadable, let detail) = FileReader.read(path: root + "/locked.ts", maxSize: 1024) else {
            return XCTFail("expected unreadable")
        }
        XCTAssertEqual(detail, String(cString: strerror(EACCES)))
        let result = walk()
        XCTAssertEqual(result.files.map(\.path), ["locked.ts", "open.ts"])
        XCTAssertEqual(
            result.skipped,
            [
                SkippedEntry(
                    path: "locked-dir", reason: .unreadable, isDirectory: true,
                    detail: String(cString: strerror(EACCES)))
            ])
    }

    func testRootThatIsNotADirectory() throws {
        try write("file.ts", "x")

        let missing = AppWalker().walk(root: root + "/missing")
        XCTAssertEqual(missing.files, [])
        XCTAssertEqual(missing.directories, 0)
        XCTAssertEqual(missing.skipped.map(\.path), ["."])
        XCTAssertEqual(missing.skipped.first?.reason, .unreadable)
        XCTAssertEqual(missing.skipped.first?.detail, root + "/missing: " + String(cString: strerror(ENOENT)))

        let file = AppWalker().walk(root: root + "/file.ts")
        XCTAssertEqual(file.files, [])
        XCTAssertEqual(file.skipped.map(\.path), ["."])
        XCTAssertEqual(file.skipped.first?.reason, .unreadable)
        XCTAssertEqual(file.skipped.first?.detail, root + "/file.ts: not a directory (regular file)")
    }

    // MARK: - Helpers

    private var realRoot: String {
        guard let resolved = realpath(root, nil) else { return root }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func walk(_ options: WalkOptions = WalkOptions()) -> WalkResult {
        AppWalker(options: options).walk(root: root)
    }

    private func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    private func write(_ relative: String, _ bytes: [UInt8]) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), relative)
    }

    private func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    }

    private func link(_ relative: String, to target: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        XCTAssertEqual(symlink(target, path), 0, relative)
    }

    private func lock(_ relative: String) throws {
        let path = root + "/" + relative
        XCTAssertEqual(chmod(path, 0), 0)
        lockedPaths.append(path)
    }

    private func bindUnixSocket(_ path: String) throws -> Int32 {
        var address = sockaddr_un()
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { throw XCTSkip("temporary path too long for a Unix socket") }
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        XCTAssertGreaterThanOrEqual(fd, 0)
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        XCTAssertEqual(bound, 0)
        return fd
    }
}
