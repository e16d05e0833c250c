/// All rules' literals behind one trigram prefilter, so a file is matched against every rule in
/// a single pass: a rolling window of the last three case-folded bytes is hashed into an 8 KiB
/// bitset of the literals' first trigrams, and only the rare positions whose bit is set are
/// verified against the literals of that bucket. The loads of consecutive bytes do not depend
/// on each other (unlike a DFA's transition chain), so the loop runs near memory speed.
public final class PatternMatcher: Sendable {
    public let rules: [PatternRule]
    private let ruleIndex: [String: Int]

    /// Byte → ASCII-lower-cased byte.
    private let fold: [UInt8]
    /// 65,536 bits: whether some literal's first trigram hashes there.
    private let bits: [UInt64]
    /// Per hash bucket, the range of `bucketLiterals` holding its literals.
    private let bucketStart: [Int32]
    private let bucketLiterals: [Int32]
    /// Per literal: its rule, where its bytes start in `literalData` (exact bytes, then folded
    /// bytes), its length, and the rule's filters flattened (so verification touches no rule).
    private let literalRule: [Int32]
    private let literalOffset: [Int32]
    private let literalLength: [Int32]
    private let literalFlags: [UInt32]
    private let literalData: [UInt8]
    private var literalCount: Int { literalRule.count }
    /// Per rule: language mask (bit per Language case) with all bits set for every language.
    private let ruleLanguages: [UInt32]

    @inline(__always) static func bucket(_ trigram: UInt32) -> Int { Int((trigram &* 0x9E37_79B1) >> 16) }

    public init(rules: [PatternRule]) {
        self.rules = rules
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() {
            precondition(index[r.id] == nil, "duplicate pattern rule id \(r.id)")
            index[r.id] = i
        }
        ruleIndex = index

        var f = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 { f[b] = (b >= 65 && b <= 90) ? UInt8(b | 0x20) : UInt8(b) }
        fold = f

        var lits: [[UInt8]] = [], folded: [[UInt8]] = [], litRule: [Int32] = []
        for (ri, r) in rules.enumerated() {
            for l in r.literals {
                let bytes = Array(l.utf8)
                precondition(bytes.count >= 3, "literal shorter than 3 bytes in rule \(r.id): \(l)")
                lits.append(bytes)
                folded.append(bytes.map { f[Int($0)] })
                litRule.append(Int32(ri))
            }
        }
        literalRule = litRule
        var data: [UInt8] = [], offsets: [Int32] = [], flags: [UInt32] = []
        for (li, l) in lits.enumerated() {
            offsets.append(Int32(data.count))
            data.append(contentsOf: l)
            data.append(contentsOf: folded[li])
            let r = rules[Int(litRule[li])]
            flags.append(UInt32(r.regions.rawValue) | (r.caseSensitive ? 1 << 8 : 0) | (r.wordStart ? 1 << 9 : 0))
        }
        literalOffset = offsets
        literalLength = lits.map { Int32($0.count) }
        literalFlags = flags
        literalData = data

        var buckets = [[Int32]](repeating: [], count: 65536)
        var b = [UInt64](repeating: 0, count: 1024)
        for (li, l) in folded.enumerated() {
            let tri = UInt32(l[0]) << 16 | UInt32(l[1]) << 8 | UInt32(l[2])
            let k = Self.bucket(tri)
            buckets[k].append(Int32(li))
            b[k >> 6] |= 1 << UInt64(k & 63)
        }
        bits = b
        var starts = [Int32](), flat = [Int32]()
        starts.reserveCapacity(65537)
        for bk in buckets {
            starts.append(Int32(flat.count))
            flat.append(contentsOf: bk)
        }
        starts.append(Int32(flat.count))
        bucketStart = starts
        bucketLiterals = flat

        let langs = Language.allCases
        ruleLanguages = rules.map { r in
            guard let set = r.languages else { return UInt32.max }
            var m: UInt32 = 0
            for (i, l) in langs.enumerated() where set.contains(l) { m |= 1 << UInt32(i) }
            return m
        }
    }

    /// The compiled index of a rule id.
    public func index(of id: String) -> Int? { ruleIndex[id] }

    /// Every hit of every rule in `bytes`, in offset order, filtered by region, language,
    /// case and word start.
    public func match(_ bytes: UnsafeBufferPointer<UInt8>, language: Language, regions: [Region]) -> [RuleHit] {
        guard literalCount > 0, let base = bytes.baseAddress, bytes.count >= 3 else { return [] }
        let langBit: UInt32 = 1 << UInt32(Language.allCases.firstIndex(of: language) ?? 0)
        var hits: [RuleHit] = []
        let n = bytes.count
        // Call-free, branchless inner loop: candidate starts of each 4 KiB chunk are collected
        // first and verified after the chunk, so nothing spills around a call in the hot path.
        let chunk = 4096
        var candidates = [Int32](repeating: 0, count: min(chunk, n))
        var chunkStart = 2
        while chunkStart < n {
            let chunkEnd = min(n, chunkStart + chunk)
            let found: Int = candidates.withUnsafeMutableBufferPointer { cb in
                fold.withUnsafeBufferPointer { fold in
                    bits.withUnsafeBufferPointer { bits in
                        var nc = 0
                        var i = chunkStart
                        while i < chunkEnd {
                            let t = UInt32(fold[Int(base[i &- 2])]) << 16 | UInt32(fold[Int(base[i &- 1])]) << 8 | UInt32(fold[Int(base[i])])
                            let k = Self.bucket(t)
                            cb[nc] = Int32(truncatingIfNeeded: i &- 2)
                            nc &+= Int(truncatingIfNeeded: (bits[k >> 6] >> UInt64(k & 63)) & 1)
                            i &+= 1
                        }
                        return nc
                    }
                }
            }
            for c in 0..<found {
                let start = Int(candidates[c])
                let t = UInt32(fold[Int(base[start])]) << 16 | UInt32(fold[Int(base[start + 1])]) << 8 | UInt32(fold[Int(base[start + 2])])
                verify(bucket: Self.bucket(t), start: start, base: base, count: n, langBit: langBit, regions: regions, into: &hits)
            }
            chunkStart = chunkEnd
        }
        if hits.count > 1 {
            hits.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.rule < $1.rule }
        }
        return hits
    }

    public func match(_ bytes: [UInt8], language: Language, regions: [Region]) -> [RuleHit] {
        bytes.withUnsafeBufferPointer { match($0, language: language, regions: regions) }
    }

    private func verify(
        bucket k: Int, start: Int, base: UnsafePointer<UInt8>, count n: Int, langBit: UInt32, regions: [Region], into hits: inout [RuleHit]
    ) {
        literalData.withUnsafeBufferPointer { data in
            fold.withUnsafeBufferPointer { fold in
                for j in Int(bucketStart[k])..<Int(bucketStart[k + 1]) {
                    let li = Int(bucketLiterals[j])
                    let ri = Int(literalRule[li])
                    guard ruleLanguages[ri] & langBit != 0 else { continue }
                    let len = Int(literalLength[li])
                    guard start + len <= n else { continue }
                    let exact = Int(literalOffset[li])
                    let folded = exact + len
                    // Buckets are hashes of the first trigram, so the trigram itself is compared too.
                    var m = 0
                    while m < len && fold[Int(base[start + m])] == data[folded + m] { m += 1 }
                    guard m == len else { continue }
                    let flags = literalFlags[li]
                    if flags & (1 << 8) != 0 {
                        m = 0
                        while m < len && base[start + m] == data[exact + m] { m += 1 }
                        if m != len { continue }
                    }
                    if flags & (1 << 9) != 0 && start > 0 && ByteClass.isIdentifier(base[start - 1]) { continue }
                    let filter = RegionFilter(rawValue: UInt8(flags & 0xFF))
                    if filter != .any && !filter.accepts(Lexer.kind(at: start, in: regions)) { continue }
                    // One hit per rule and offset; hits arrive in offset order, so only the tail can repeat.
                    var d = hits.count - 1
                    while d >= 0 && hits[d].offset == Int32(start) && hits[d].rule != Int32(ri) { d -= 1 }
                    if d >= 0 && hits[d].offset == Int32(start) { continue }
                    hits.append(RuleHit(rule: Int32(ri), offset: Int32(start), length: Int32(len)))
                }
            }
        }
    }
}

/// Byte classification helpers shared by the scanner and collectors.
public enum ByteClass {
    @inline(__always) public static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == 36
    }
    @inline(__always) public static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == 12 || b == 11
    }
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) public static func isAlpha(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }
}
