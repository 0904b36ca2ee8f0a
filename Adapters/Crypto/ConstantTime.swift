internal import COpenSSL

/// Comparisons whose duration does not depend on where two secrets first differ.
enum ConstantTime {
    /// True when both byte strings are equal; only their lengths leak through timing.
    static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        // CRYPTO_memcmp is written so the optimizer cannot turn it back into an early-exit loop.
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }

    /// True when both byte sequences are equal; only their lengths leak through timing.
    static func equals(_ lhs: some Sequence<UInt8>, _ rhs: some Sequence<UInt8>) -> Bool {
        equals(Array(lhs), Array(rhs))
    }
}
