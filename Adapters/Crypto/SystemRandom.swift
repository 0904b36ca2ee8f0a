public import PocketDomain
internal import COpenSSL

/// Cryptographically secure randomness from OpenSSL's `RAND_bytes`, drawn without modulo bias.
///
/// PocketBase 0.28.4 draws each character with `crypto/rand.Int`, so every symbol is equally
/// likely; rejection sampling here keeps that property.
public struct SystemRandom: RandomStringGenerator {
    /// A generator backed by OpenSSL's default CSPRNG.
    public init() {}

    /// `count` random bytes. Stops the process if the CSPRNG fails: continuing would hand out
    /// guessable secrets.
    public func bytes(count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let status = out.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        precondition(status == 1, "RAND_bytes failed: no secure randomness available")
        return out
    }

    /// A string of `length` symbols, each drawn uniformly from `alphabet` (ASCII, not empty).
    public func string(length: Int, alphabet: [UInt8]) -> String {
        guard length > 0 else { return "" }
        precondition(!alphabet.isEmpty, "cannot draw from an empty alphabet")
        precondition(alphabet.count <= Int(UInt32.max), "alphabet too large")
        let size = UInt32(alphabet.count)
        // 2^32 mod size: words below it would make the first symbols more likely (as arc4random_uniform).
        let threshold = (0 &- size) % size
        var out: [UInt8] = []
        out.reserveCapacity(length)
        while out.count < length {
            for word in words(count: length - out.count) where word >= threshold && out.count < length {
                out.append(alphabet[Int(word % size)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func words(count: Int) -> [UInt32] {
        let raw = bytes(count: count * 4)
        return (0..<count).map { index in
            let base = index * 4
            return UInt32(raw[base]) << 24 | UInt32(raw[base + 1]) << 16 | UInt32(raw[base + 2]) << 8
                | UInt32(raw[base + 3])
        }
    }
}
