#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One text file of an app after the per-file pass: bytes, lexed regions, rule hits, role.
public final class ScannedFile: Sendable {
    /// App-relative, "/" separated.
    public let path: String
    public let language: Language
    public let bytes: [UInt8]
    /// Non-code spans, sorted.
    public let regions: [Region]
    /// Hits of the shared matcher's rules, in offset order.
    public let hits: [RuleHit]
    public let role: FileRole
    /// Byte offset of the start of each line; lineStarts[0] == 0.
    public let lineStarts: [Int32]
    /// The matcher whose rules `hits` refers to.
    public let matcher: PatternMatcher
    private let cache = SharedCache()

    public init(path: String, language: Language, bytes: [UInt8], matcher: PatternMatcher) {
        self.path = path
        self.language = language
        self.bytes = bytes
        let regions = Lexer.regions(bytes, family: language.lexFamily)
        self.regions = regions
        self.hits = matcher.match(bytes, language: language, regions: regions)
        self.lineStarts = ScannedFile.lineStarts(of: bytes)
        self.role = FileRole.classify(path: path, language: language, bytes: bytes)
        self.matcher = matcher
    }

    /// A structure derived from this file alone (a JS block structure, a token stream), built once
    /// however many collectors ask for it, in `inspect` or in `evaluate`.
    public func shared<T: Sendable>(_ key: String, _ build: () -> T) -> T {
        cache.value(key, build)
    }

    /// Drops the shared structures (called when the file's app is released).
    func releaseShared() { cache.removeAll() }

    /// This file's hits of one rule (usable in a collector's per-file `inspect`).
    public func hits(_ ruleID: String) -> [RuleHit] {
        guard let idx = matcher.index(of: ruleID) else { preconditionFailure("rule \(ruleID) is not registered by any collector") }
        let r = Int32(idx)
        return hits.filter { $0.rule == r }
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int32] {
        var starts: [Int32] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var p = UnsafeRawPointer(base)
            let end = UnsafeRawPointer(base + buf.count)
            while p < end, let nl = memchr(p, 0x0A, end - p) {
                let next = UnsafeRawPointer(nl) + 1
                starts.append(Int32(next - UnsafeRawPointer(base)))
                p = next
            }
        }
        return starts
    }

    public var lineCount: Int {
        if bytes.isEmpty { return 0 }
        return bytes.last == 0x0A ? lineStarts.count - 1 : lineStarts.count
    }

    /// 1-based line and column (in bytes) of an offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - Int(lineStarts[lo]) + 1)
    }

    /// Byte range of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Text of a 1-based line (invalid UTF-8 repaired).
    public func lineText(_ line: Int) -> String { string(lineRange(line)) }

    /// Text of the line containing an offset.
    public func lineText(at offset: Int) -> String { lineText(location(of: offset).line) }

    public func string(_ range: Range<Int>) -> String {
        let r = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
        guard !r.isEmpty else { return "" }
        return String(decoding: bytes[r], as: UTF8.self)
    }

    /// The whole file as text, for the few collectors that parse structure (JSON, TOML).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func kind(at offset: Int) -> RegionKind { Lexer.kind(at: offset, in: regions) }

    /// Offsets where `literal` occurs in the accepted regions.
    public func find(_ literal: String, in filter: RegionFilter = .any, caseInsensitive: Bool = false, wordStart: Bool = false) -> [Int] {
        search(literal, filter, caseInsensitive, wordStart, firstOnly: false)
    }

    /// Whether `literal` occurs anywhere in the accepted regions (stops at the first occurrence).
    public func contains(_ literal: String, in filter: RegionFilter = .any, caseInsensitive: Bool = false) -> Bool {
        !search(literal, filter, caseInsensitive, false, firstOnly: true).isEmpty
    }

    private func search(_ literal: String, _ filter: RegionFilter, _ caseInsensitive: Bool, _ wordStart: Bool, firstOnly: Bool) -> [Int] {
        let needle = Array(literal.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return [] }
        var out: [Int] = []
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count, m = needle.count
            var i = 0
            while i <= n - m {
                if caseInsensitive {
                    if ByteClass.lower(buf[i]) != ByteClass.lower(first) { i += 1; continue }
                } else if buf[i] != first {
                    guard let p = memchr(buf.baseAddress! + i, Int32(first), n - m - i + 1) else { break }
                    i = buf.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                }
                var ok = true
                for j in 1..<m {
                    let a = buf[i + j], b = needle[j]
                    if caseInsensitive ? ByteClass.lower(a) != ByteClass.lower(b) : a != b { ok = false; break }
                }
                if ok && (!wordStart || i == 0 || !ByteClass.isIdentifier(buf[i - 1])) && filter.accepts(Lexer.kind(at: i, in: regions)) {
                    out.append(i)
                    if firstOnly { return }
                }
                i += 1
            }
        }
        return out
    }
}
