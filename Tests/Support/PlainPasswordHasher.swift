public import PocketApplication
internal import Synchronization

/// A fast, deterministic `PasswordHasher` for tests: the "hash" is `plain:<cost>:<password>`.
///
/// Never use it outside tests: it stores passwords in clear. `verify` accepts only its own format
/// (any cost) and returns false for anything else, a bcrypt hash included.
public final class PlainPasswordHasher: PasswordHasher {
    private let counts = Mutex((hashes: 0, verifies: 0))

    public init() {}

    public func hash(_ password: String, cost: Int) throws -> String {
        counts.withLock { $0.hashes += 1 }
        return "plain:\(cost):\(password)"
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        counts.withLock { $0.verifies += 1 }
        let parts = hash.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "plain", Int(parts[1]) != nil else { return false }
        return parts[2] == password
    }

    /// How many times `hash` was called.
    public var hashCount: Int { counts.withLock { $0.hashes } }
    /// How many times `verify` was called.
    public var verifyCount: Int { counts.withLock { $0.verifies } }
}
