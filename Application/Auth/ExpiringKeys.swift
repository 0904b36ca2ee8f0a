internal import PocketDomain
internal import Synchronization

/// Keys that lapse after a while: PocketBase 0.28.4's in-memory resend guards (one verification
/// or password-reset mail per record every 2 minutes). Kept in memory, like PocketBase's store.
public final class ExpiringKeys: Sendable {
    private let clock: any Clock
    private let expiries = Mutex<[String: Int64]>([:])

    public init(clock: any Clock) {
        self.clock = clock
    }

    /// Whether the key is set and has not lapsed.
    public func contains(_ key: String) -> Bool {
        let now = clock.now().unixMilliseconds
        return expiries.withLock { ($0[key] ?? .min) > now }
    }

    /// Sets the key for `seconds` from now.
    public func insert(_ key: String, seconds: Int64) {
        let now = clock.now().unixMilliseconds
        expiries.withLock { expiries in
            if expiries.count > 10_000 { expiries = expiries.filter { $0.value > now } }
            expiries[key] = now + seconds * 1000
        }
    }

    public func remove(_ key: String) {
        _ = expiries.withLock { $0.removeValue(forKey: key) }
    }
}
