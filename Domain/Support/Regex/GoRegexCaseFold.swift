/// Simple Unicode case folding for `(?i)`, close to Go's `unicode.SimpleFold` orbits: every scalar
/// has a key (its single-scalar uppercase, lowercased), and scalars with the same key match each
/// other.
///
/// The tables are built once, on first use, from the standard library's case mappings.
enum GoRegexCaseFold {
    /// Go's `minFold` and `maxFold`: no scalar outside this range takes part in folding.
    private static let foldRange: ClosedRange<UInt32> = 0x41...0x1E943

    private struct Tables: Sendable {
        /// Scalars whose key is not themselves.
        var keys: [UInt32: UInt32] = [:]
        /// Every key with two or more members, mapped to all its members.
        var orbits: [UInt32: [UInt32]] = [:]
    }

    private static let tables: Tables = {
        var t = Tables()
        for value in foldRange {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let key = computeKey(scalar)
            guard key != value else { continue }
            t.keys[value] = key
            t.orbits[key, default: [key]].append(value)
        }
        return t
    }()

    /// The fold key of a scalar value.
    static func key(_ value: UInt32) -> UInt32 {
        guard foldRange.contains(value) else { return value }
        return tables.keys[value] ?? value
    }

    /// The scalar values that match `value` under `(?i)`, `value` among them.
    static func orbit(_ value: UInt32) -> [UInt32] {
        guard foldRange.contains(value) else { return [value] }
        return tables.orbits[key(value)] ?? [value]
    }

    private static func computeKey(_ scalar: Unicode.Scalar) -> UInt32 {
        // PocketBase 0.28.4 (Go): dotless ı has no simple fold, though its uppercase is I.
        if scalar.value == 0x131 { return scalar.value }
        let upper = single(scalar.properties.uppercaseMapping) ?? scalar
        let lower = single(upper.properties.lowercaseMapping) ?? upper
        return lower.value
    }

    private static func single(_ text: String) -> Unicode.Scalar? {
        var it = text.unicodeScalars.makeIterator()
        guard let first = it.next(), it.next() == nil else { return nil }
        return first
    }
}
