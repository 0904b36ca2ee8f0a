public import PocketDomain
internal import Synchronization

/// A deterministic `RandomStringGenerator`: the same seed yields the same sequence of strings, and
/// successive calls yield different strings, so tests can predict ids and secrets.
public final class SequentialRandom: RandomStringGenerator {
    private let state: Mutex<UInt64>

    /// A generator starting from `seed`.
    public init(seed: UInt64 = 0) {
        state = Mutex(seed)
    }

    /// `length` characters of `alphabet`, drawn from a SplitMix64 sequence.
    public func string(length: Int, alphabet: [UInt8]) -> String {
        guard !alphabet.isEmpty, length > 0 else { return "" }
        let bytes = state.withLock { state -> [UInt8] in
            (0..<length).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                return alphabet[Int(z % UInt64(alphabet.count))]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
