/// All rules' literals compiled into one Aho–Corasick automaton over ASCII-case-folded
/// byte classes, so a file is matched against every rule in a single pass.
public final class PatternMatcher: Sendable {
    public let rules: [PatternRule]
    private let ruleIndex: [String: Int]

    /// Byte → input class (case folded; bytes in no literal share class 0).
    private let classOf: [UInt8]
    private let classCount: Int
    /// Dense DFA: transitions[state * classCount + class].
    private let transitions: [Int32]
    /// For each state, the range into `outputs` of literals ending there.
    private let outputStart: [Int32]
    private let outputEnd: [Int32]
    private let outputs: [Int32]
    /// 1 where a literal ends in the state.
    private let accepting: [UInt8]
    /// Per literal: its rule, length and exact bytes (for case-sensitive confirmation).
    private let literalRule: [Int32]
    private let literalLength: [Int32]
    private let literalBytes: [[UInt8]]
    /// Per rule: language mask (bit per Language case) with all bits set for every language.
    private let ruleLanguages: [UInt32]

    public init(rules: [PatternRule]) {
        self.rules = rules
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() {
            precondition(index[r.id] == nil, "duplicate pattern rule id \(r.id)")
            index[r.id] = i
        }
        ruleIndex = index

        var lits: [[UInt8]] = []
        var litRule: [Int32] = []
        for (ri, r) in rules.enumerated() {
            for l in r.literals {
                let bytes = Array(l.utf8)
                precondition(bytes.count >= 2, "literal too short in rule \(r.id): \(l)")
                lits.append(bytes)
                litRule.append(Int32(ri))
            }
        }
        literalBytes = lits
        literalRule = litRule
        literalLength = lits.map { Int32($0.count) }

        @inline(__always) func fold(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }
        var cls = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for l in lits {
            for b in l {
                let f = fold(b)
                if cls[Int(f)] == 0 {
                    cls[Int(f)] = next
                    next += 1
                }
            }
        }
        for b in 65...90 { cls[b] = cls[b | 0x20] }
        classOf = cls
        let nc = Int(next)
        classCount = nc

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: nc)]
        var out: [[Int32]] = [[]]
        for (li, l) in lits.enumerated() {
            var s = 0
            for b in l {
                let c = Int(cls[Int(fold(b))])
                if goto[s][c] < 0 {
                    goto.append([Int32](repeating: -1, count: nc))
                    out.append([])
                    goto[s][c] = Int32(goto.count - 1)
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(li))
        }
        // Failure links, breadth first, completing the DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<nc {
            let t = goto[0][c]
            if t < 0 {
                goto[0][c] = 0
            } else {
                fail[Int(t)] = 0
                queue.append(Int(t))
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            out[s].append(contentsOf: out[Int(fail[s])])
            for c in 0..<nc {
                let t = goto[s][c]
                if t < 0 {
                    goto[s][c] = goto[Int(fail[s])][c]
                } else {
                    fail[Int(t)] = goto[Int(fail[s])][c]
                    queue.append(Int(t))
                }
            }
        }
        var flat = [Int32]()
        flat.reserveCapacity(goto.count * nc)
        for row in goto { flat.append(contentsOf: row) }
        transitions = flat
        var starts = [Int32](), ends = [Int32](), all = [Int32]()
        for o in out {
            starts.append(Int32(all.count))
            all.append(contentsOf: o)
            ends.append(Int32(all.count))
        }
        outputStart = starts
        outputEnd = ends
        accepting = zip(starts, ends).map { $0 == $1 ? 0 : 1 }
        outputs = all

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
        guard !literalBytes.isEmpty, let base = bytes.baseAddress else { return [] }
        let langBit: UInt32 = 1 << UInt32(Language.allCases.firstIndex(of: language) ?? 0)
        var hits: [RuleHit] = []
        let n = bytes.count
        let nc = classCount
        transitions.withUnsafeBufferPointer { tr in
            classOf.withUnsafeBufferPointer { cls in
                accepting.withUnsafeBufferPointer { acc in
                    var state = 0
                    var i = 0
                    while i < n {
                        state = Int(tr[state &* nc &+ Int(cls[Int(base[i])])])
                        if acc[state] != 0 {
                            collect(state: state, end: i, base: base, langBit: langBit, regions: regions, into: &hits)
                        }
                        i &+= 1
                    }
                }
            }
        }
        if hits.count > 1 {
            hits.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.rule < $1.rule }
        }
        return hits
    }

    public func match(_ bytes: [UInt8], language: Language, regions: [Region]) -> [RuleHit] {
        bytes.withUnsafeBufferPointer { match($0, language: language, regions: regions) }
    }

    private func collect(
        state: Int, end: Int, base: UnsafePointer<UInt8>, langBit: UInt32, regions: [Region], into hits: inout [RuleHit]
    ) {
        for k in Int(outputStart[state])..<Int(outputEnd[state]) {
            let li = Int(outputs[k])
            let ri = Int(literalRule[li])
            guard ruleLanguages[ri] & langBit != 0 else { continue }
            let len = Int(literalLength[li])
            let start = end - len + 1
            let rule = rules[ri]
            if rule.caseSensitive {
                let lit = literalBytes[li]
                var same = true
                for j in 0..<len where base[start + j] != lit[j] {
                    same = false
                    break
                }
                if !same { continue }
            }
            if rule.wordStart && start > 0 && ByteClass.isIdentifier(base[start - 1]) { continue }
            if rule.regions != .any && !rule.regions.accepts(Lexer.kind(at: start, in: regions)) { continue }
            let hit = RuleHit(rule: Int32(ri), offset: Int32(start), length: Int32(len))
            if let last = hits.last, last.rule == hit.rule, last.offset == hit.offset { continue }
            hits.append(hit)
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
