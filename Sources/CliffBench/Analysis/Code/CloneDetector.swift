/// One duplicated block: a run of at least `window` normalised tokens that occurs twice.
public struct CloneBlock: Sendable, Hashable {
    /// Index (in the detector's input) of the file with the earlier occurrence (path order, then position).
    public var first: Int
    public var firstLines: ClosedRange<Int>
    public var second: Int
    public var secondLines: ClosedRange<Int>
    /// Normalised tokens in the block.
    public var tokens: Int
    /// Lines of code in the second occurrence.
    public var linesOfCode: Int
}

/// What clone detection found across an app's files.
public struct CloneReport: Sendable {
    public var blocks: [CloneBlock] = []
    /// Per input file: its lines of code that lie in a duplicated block (either occurrence).
    public var duplicatedLines: [Int] = []
    public var totalLines = 0
    public var duplicated = 0
    /// Duplicated lines of code over all lines of code, 0…1.
    public var ratio: Double { totalLines > 0 ? Double(duplicated) / Double(totalLines) : 0 }
}

/// CPD-style clone detection over normalised token streams (identifiers → ID, literals → LIT,
/// keywords and punctuation kept; imports left out), linear in tokens:
///
/// 1. A polynomial rolling hash over every probe of `window − stride + 1` tokens (43 by default).
/// 2. A hash table keeps the probes that start at every `stride`-th token (8) of the text seen so
///    far; every probe of the text being scanned is looked up. A hit is verified token by token (so
///    hash collisions never count), then extended backwards and forwards as far as both copies
///    agree, and scanning resumes after the copy; copies shorter than `window` tokens (50) are
///    dropped. A duplicated run of `window` tokens always contains a kept probe, so every one is
///    found, and keeping one probe in eight keeps the table small enough to stay in cache.
/// 3. The duplicated token ranges of both occurrences are marked, and their lines of code counted
///    once each. Consecutive copies between the same two places that are only split by a small edit
///    are merged into one block (`merged`).
///
/// Not counted: a copy overlapping its own source (a pattern repeating itself), declarative windows
/// whose tokens are more than 90% names, literals, calls and member accesses (identifiers, literals
/// and `{ } [ ] ( ) , : . ?.` — arrays of records, fixture data, ORM column lists such as
/// `id: varchar("id").primaryKey()`, zod field chains: repeated declarations, not repeated logic;
/// statements need keywords or operators), and blocks of fewer than `minLines` lines of code.
public enum CloneDetector {
    public struct Input: Sendable {
        public var stream: CloneStream
        /// Indexed by 1-based line: 1 for a line of code.
        public var codeLine: [UInt8]
        public init(stream: CloneStream, codeLine: [UInt8]) {
            self.stream = stream
            self.codeLine = codeLine
        }
    }

    /// Multiplier of the rolling window hash.
    public static let base: UInt64 = 0x0000_0100_0000_01b3
    /// Set in a stream hash when the token is data (see `CloneStream`).
    public static let dataBit: UInt32 = 0x8000_0000

    /// Every `stride`-th window is kept in the table.
    public static let stride = 8

    public static func detect(_ files: [Input], window: Int = 50, minLines: Int = 10, maxDataShare: Double = 0.9,
                              base: UInt64 = CloneDetector.base) -> CloneReport {
        var report = CloneReport()
        report.duplicatedLines = [Int](repeating: 0, count: files.count)
        for f in files { report.totalLines += f.codeLine.reduce(0) { $0 + Int($1) } }
        let full = max(2, window)
        let n = max(2, full - stride + 1)
        // All streams end to end: file f's tokens start at starts[f]; a window is named by its first token.
        var starts = [Int](repeating: 0, count: files.count + 1)
        var windows = 0
        for (f, file) in files.enumerated() {
            starts[f + 1] = starts[f] + file.stream.hashes.count
            windows += max(0, file.stream.hashes.count - n + 1)
        }
        let total = starts[files.count]
        guard windows > 0, total < Int(UInt32.max) else { return report }
        var all = [UInt32]()
        all.reserveCapacity(total)
        for f in files { all.append(contentsOf: f.stream.hashes) }

        var table = WindowTable(windows: windows / stride + 1)
        var pow: UInt64 = 1  // base^(n-1)
        for _ in 0..<(n - 1) { pow = pow &* base }
        let minStructural = Int((Double(n) * (1 - maxDataShare)).rounded(.up))
        var dupLines = files.map { [UInt8](repeating: 0, count: $0.codeLine.count) }
        func locate(_ global: Int) -> Int {
            var lo = 0, hi = files.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= global { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        /// Records the copy of `[b, b + len)` (file g) found at `[a, a + len)` (file f), global positions.
        @discardableResult
        func record(f: Int, a: Int, g: Int, b: Int, len: Int) -> Bool {
            let sa = files[f].stream, sb = files[g].stream
            var ia = a - starts[f], ib = b - starts[g], len = len
            // Whole lines only: a copy that starts or ends partway through a line in either place
            // (`) ;` left over from the statement before) is trimmed to the lines it fully covers.
            while len > 0 && (ia > 0 && sa.lines[ia] == sa.lines[ia - 1] || ib > 0 && sb.lines[ib] == sb.lines[ib - 1]) {
                ia += 1; ib += 1; len -= 1
            }
            while len > 0 && (ia + len < sa.lines.count && sa.lines[ia + len - 1] == sa.lines[ia + len]
                              || ib + len < sb.lines.count && sb.lines[ib + len - 1] == sb.lines[ib + len]) {
                len -= 1
            }
            guard len >= full else { return false }
            let aLines = Int(sa.lines[ia])...Int(sa.lines[ia + len - 1])
            let bLines = Int(sb.lines[ib])...Int(sb.lines[ib + len - 1])
            let loc = codeLines(files[f].codeLine, aLines)
            guard loc >= minLines, codeLines(files[g].codeLine, bLines) >= minLines else { return false }
            report.blocks.append(CloneBlock(first: g, firstLines: bLines, second: f, secondLines: aLines, tokens: len,
                                            linesOfCode: loc))
            mark(&dupLines[f], aLines)
            mark(&dupLines[g], bLines)
            return true
        }

        var structural = [Int32](repeating: 0, count: total + 1)
        all.withUnsafeBufferPointer { h in
            // Prefix counts of structural (non-data) tokens over all streams.
            structural.withUnsafeMutableBufferPointer { st in
                for k in 0..<total { st[k + 1] = st[k] &+ (h[k] & dataBit == 0 ? 1 : 0) }
            }
            for f in files.indices {
                let s0 = starts[f], end = starts[f + 1]
                guard end - s0 >= n else { continue }
                var gi = s0
                var rolling: UInt64 = 0
                for k in 0..<n { rolling = rolling &* base &+ UInt64(h[gi + k]) }
                var floor = s0  // no copy extends back before this (the end of the previous copy)
                while true {
                    var jumped = false
                    if Int(structural[gi + n] - structural[gi]) >= minStructural {
                        if let global = table.get(rolling), global != gi {
                            let g = locate(global)
                            let sameFile = g == f
                            let distance = gi - global
                            var same = !(sameFile && distance < n)  // a window overlapping its own match is a repeat
                            if same { for k in 0..<n where h[global + k] != h[gi + k] { same = false; break } }
                            if same {
                                // Extend the copy both ways while the tokens agree.
                                var a = gi, b = global, len = n
                                let gStart = starts[g], gEnd = starts[g + 1]
                                while a > floor && b > gStart && h[a - 1] == h[b - 1] && (!sameFile || len < distance) {
                                    a -= 1; b -= 1; len += 1
                                }
                                while a + len < end && b + len < gEnd && h[a + len] == h[b + len] && (!sameFile || len < distance) {
                                    len += 1
                                }
                                // A match too short to count does not fence off the tokens before its
                                // end: a real copy starting inside it may still extend back over them.
                                if record(f: f, a: a, g: g, b: b, len: len) { floor = a + len }
                                gi = a + len
                                jumped = true
                            }
                        } else if (gi - s0) % stride == 0 {
                            table.put(rolling, gi)
                        }
                    }
                    if jumped {
                        guard gi + n <= end else { break }
                        rolling = 0
                        for k in 0..<n { rolling = rolling &* base &+ UInt64(h[gi + k]) }
                        continue
                    }
                    if gi + n >= end { break }
                    rolling = (rolling &- UInt64(h[gi]) &* pow) &* base &+ UInt64(h[gi + n])
                    gi += 1
                }
            }
        }
        report.blocks = merged(report.blocks, files)
        for f in files.indices {
            let marks = dupLines[f], code = files[f].codeLine
            var c = 0
            for l in 0..<min(marks.count, code.count) where marks[l] != 0 && code[l] != 0 { c += 1 }
            report.duplicatedLines[f] = c
            report.duplicated += c
        }
        return report
    }

    /// Consecutive blocks between the same two files whose occurrences follow each other within two
    /// lines on both sides are one copy interrupted by an edit (a changed operator, an extra column):
    /// one block, so one finding and one unit of debt.
    static func merged(_ blocks: [CloneBlock], _ files: [Input]) -> [CloneBlock] {
        var out: [CloneBlock] = []
        out.reserveCapacity(blocks.count)
        for b in blocks {
            if let last = out.last, last.first == b.first, last.second == b.second,
               b.secondLines.lowerBound >= last.secondLines.lowerBound, b.secondLines.lowerBound <= last.secondLines.upperBound + 2,
               b.firstLines.lowerBound >= last.firstLines.lowerBound, b.firstLines.lowerBound <= last.firstLines.upperBound + 2 {
                var m = last
                m.firstLines = last.firstLines.lowerBound...max(last.firstLines.upperBound, b.firstLines.upperBound)
                m.secondLines = last.secondLines.lowerBound...max(last.secondLines.upperBound, b.secondLines.upperBound)
                // Not a run of repeats (A≈B≈C): the merged copies would overlap each other.
                if b.first == b.second && m.firstLines.upperBound >= m.secondLines.lowerBound {
                    out.append(b)
                    continue
                }
                m.tokens = last.tokens + b.tokens
                m.linesOfCode = codeLines(files[b.second].codeLine, m.secondLines)
                out[out.count - 1] = m
            } else {
                out.append(b)
            }
        }
        return out
    }

    static func codeLines(_ code: [UInt8], _ r: ClosedRange<Int>) -> Int {
        var c = 0
        for l in r where l < code.count && code[l] != 0 { c += 1 }
        return c
    }

    static func mark(_ m: inout [UInt8], _ r: ClosedRange<Int>) {
        for l in r where l < m.count { m[l] = 1 }
    }
}

/// Open addressing, load ≤ 0.5: window hash → global index of its first occurrence. A slot packs the
/// hash's top 32 bits (to filter probes) and index + 1 (0 is empty) in one word — 16 bytes a
/// window; the caller verifies every hit token by token.
struct WindowTable {
    private var slots: [UInt64]
    private let mask: Int

    init(windows: Int) {
        var size = 1024
        while size < windows * 2 { size <<= 1 }
        mask = size - 1
        slots = [UInt64](repeating: 0, count: size)
    }

    @inline(__always) private func start(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) func get(_ key: UInt64) -> Int? {
        let tag = key >> 32
        var s = start(key)
        while true {
            let v = slots[s]
            if v == 0 { return nil }
            if v >> 32 == tag { return Int(v & 0xFFFF_FFFF) - 1 }
            s = (s + 1) & mask
        }
    }

    @inline(__always) mutating func put(_ key: UInt64, _ global: Int) {
        let tag = key >> 32
        var s = start(key)
        while slots[s] != 0 {
            if slots[s] >> 32 == tag { return }
            s = (s + 1) & mask
        }
        slots[s] = tag << 32 | UInt64(global + 1)
    }
}
