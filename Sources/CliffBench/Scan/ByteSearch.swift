#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Byte-level UTF-8 substring test. Inside this module it takes precedence over Foundation's
    /// locale-aware `StringProtocol.contains`, which profiling showed at a quarter of the static
    /// tier's CPU; collectors search code, where equal bytes are what matter.
    @inline(__always)
    func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        var hay = self
        var needle = other
        return hay.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let first = Int32(nb[0])
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    guard let p = memchr(hb + i, first, last - i + 1) else { return false }
                    let at = hb.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + at, nb, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}
