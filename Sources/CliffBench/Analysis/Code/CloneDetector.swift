/// One duplicated block: a run of at least `window` normalised tokens that occurs twice.
public struct CloneBlock: Sendable, Hashable {
    /// Index (in the detector's input) of the file with the earlier occurrence (path order, then offset).
    public var first: Int
    public var firstLines: ClosedRange<Int>
    public var firstOffset: Int
    public var second: Int
    public var secondLines: ClosedRange<Int>
    public var secondOffset: Int
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
/// 1. A polynomial rolling hash over every window of `window` tokens (default 50).
/// 2. A hash table maps each window hash to its first occurrence; a later window with the same hash
///    is verified token by token (a window continuing the previous verified match compares only its
///    new last token), so hash collisions never count.
/// 3. Consecutive matching windows merge into one block pair; the duplicated token ranges of both
///    occurrences are marked, and their lines of code counted once each.
///
/// Not counted: windows that overlap their own match (a pattern repeating itself within a window),
/// declarative windows whose tokens are more than 90% names, literals, calls and member accesses
/// (identifiers, literals and `{ } [ ] ( ) , : . ?.` — arrays of records, fixture data, ORM column
/// lists such as `id: varchar("id").primaryKey()`, zod field chains: repeated declarations, not
/// repeated logic; statements need keywords or operators), and blocks of fewer than `minLines`
/// lines of code.
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

    static let base: UInt64 = 0x0000_0100_0000_01b3
    static let dataTokens: [UInt64] = [CodeHash.identifierClass, CodeHash.literalClass, CodeHash.lbrace, CodeHash.rbrace,
                                       CodeHash.lbracket, CodeHash.rbracket, CodeHash.comma, CodeHash.colon,
                                       CodeHash.lparen, CodeHash.rparen, CodeHash.dot, CodeHash.optionalDot]

    public static func detect(_ files: [Input], window: Int = 50, minLines: Int = 10, maxDataShare: Double = 0.9) -> CloneReport {
        var report = CloneReport()
        report.duplicatedLines = [Int](repeating: 0, count: files.count)
        for f in files { report.totalLines += f.codeLine.reduce(0) { $0 + Int($1) } }
        let n = max(2, window)
        var windows = 0
        for f in files where f.stream.hashes.count >= n { windows += f.stream.hashes.count - n + 1 }
        guard windows > 0 else { return report }

        var table = WindowTable(capacity: windows)
        var pow: UInt64 = 1  // base^(n-1)
        for _ in 0..<(n - 1) { pow = pow &* base }
        let minStructural = Int((Double(n) * (1 - maxDataShare)).rounded(.up))
        var dupLines = files.map { [UInt8](repeating: 0, count: $0.codeLine.count) }

        struct Run { var g: Int; var i0: Int; var j0: Int; var len: Int }
        func close(_ r: Run, _ f: Int) {
            let a = files[f].stream, b = files[r.g].stream
            let aLast = r.i0 + r.len - 1 + n - 1, bLast = r.j0 + r.len - 1 + n - 1
            let aLines = Int(a.lines[r.i0])...Int(a.lines[aLast])
            let bLines = Int(b.lines[r.j0])...Int(b.lines[bLast])
            let loc = codeLines(files[f].codeLine, aLines)
            guard loc >= minLines, codeLines(files[r.g].codeLine, bLines) >= minLines else { return }
            report.blocks.append(CloneBlock(first: r.g, firstLines: bLines, firstOffset: Int(b.offsets[r.j0]), second: f,
                                            secondLines: aLines, secondOffset: Int(a.offsets[r.i0]), tokens: r.len + n - 1,
                                            linesOfCode: loc))
            mark(&dupLines[f], aLines)
            mark(&dupLines[r.g], bLines)
        }

        for f in files.indices {
            let h = files[f].stream.hashes
            let count = h.count
            guard count >= n else { continue }
            // Prefix counts of structural (non-data) tokens.
            var structural = [Int32](repeating: 0, count: count + 1)
            for k in 0..<count { structural[k + 1] = structural[k] + (dataTokens.contains(h[k]) ? 0 : 1) }
            var rolling: UInt64 = 0
            for k in 0..<n { rolling = rolling &* base &+ h[k] }
            var run: Run?
            var i = 0
            while true {
                var matched = false
                if Int(structural[i + n] - structural[i]) >= minStructural {
                    let key = rolling
                    if let loc = table.get(key) {
                        let g = Int(loc >> 32), j = Int(loc & 0xFFFF_FFFF)
                        let overlaps = g == f && i - j < n
                        if !overlaps {
                            let continues = run.map { $0.g == g && $0.i0 + $0.len == i && $0.j0 + $0.len == j } ?? false
                            let other = files[g].stream.hashes
                            let same = continues ? other[j + n - 1] == h[i + n - 1] : equal(h, i, other, j, n)
                            if same {
                                matched = true
                                if continues {
                                    run!.len += 1
                                } else {
                                    if let r = run { close(r, f) }
                                    run = Run(g: g, i0: i, j0: j, len: 1)
                                }
                            }
                        }
                    } else {
                        table.put(key, UInt64(f) << 32 | UInt64(i))
                    }
                }
                if !matched, let r = run {
                    close(r, f)
                    run = nil
                }
                if i + n >= count { break }
                rolling = (rolling &- h[i] &* pow) &* base &+ h[i + n]
                i += 1
            }
            if let r = run { close(r, f) }
        }
        for f in files.indices {
            let marks = dupLines[f], code = files[f].codeLine
            var c = 0
            for l in 0..<min(marks.count, code.count) where marks[l] != 0 && code[l] != 0 { c += 1 }
            report.duplicatedLines[f] = c
            report.duplicated += c
        }
        return report
    }

    @inline(__always) static func equal(_ a: [UInt64], _ i: Int, _ b: [UInt64], _ j: Int, _ n: Int) -> Bool {
        for k in 0..<n where a[i + k] != b[j + k] { return false }
        return true
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

/// Open addressing: window hash → packed (file, position) of its first occurrence.
struct WindowTable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private var used: [Bool]
    private let mask: Int

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    @inline(__always) func get(_ key: UInt64) -> UInt64? {
        var s = slot(key)
        while used[s] {
            if keys[s] == key { return values[s] }
            s = (s + 1) & mask
        }
        return nil
    }

    @inline(__always) mutating func put(_ key: UInt64, _ value: UInt64) {
        var s = slot(key)
        while used[s] {
            if keys[s] == key { return }
            s = (s + 1) & mask
        }
        used[s] = true
        keys[s] = key
        values[s] = value
    }
}
