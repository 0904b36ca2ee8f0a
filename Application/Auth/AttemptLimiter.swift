internal import PocketDomain
internal import Synchronization

/// Counts attempts per key and client in fixed windows, as PocketBase 0.28.4's rate limiter does:
/// a client gets `maxAttempts` allowances; the count starts over once `window` seconds have passed
/// since its last allowed attempt.
public final class AttemptLimiter: Sendable {
    private struct Window {
        var available: Int
        var lastAllowed: Int64
    }

    private let maxAttempts: Int
    private let window: Int64
    private let clock: any Clock
    private let windows = Mutex<[String: Window]>([:])

    public init(maxAttempts: Int, window: Int64, clock: any Clock) {
        self.maxAttempts = maxAttempts
        self.window = window
        self.clock = clock
    }

    /// Takes one allowance for `client` under `key`; false when they are used up.
    ///
    /// An empty client (the address is unknown) is always allowed, as in PocketBase.
    public func consume(key: String, client: String) -> Bool {
        guard !client.isEmpty else { return true }
        let now = clock.now().unixSeconds
        let id = key + "\u{0}" + client
        return windows.withLock { windows in
            // Forget clients idle for long (PocketBase keeps them for the window plus 30 minutes).
            if windows.count > 1_000 {
                windows = windows.filter { now - $0.value.lastAllowed <= window + 1_800 }
            }
            var entry = windows[id] ?? Window(available: 0, lastAllowed: 0)
            if now - entry.lastAllowed >= window { entry.available = maxAttempts }
            guard entry.available > 0 else {
                windows[id] = entry
                return false
            }
            entry.available -= 1
            entry.lastAllowed = now
            windows[id] = entry
            return true
        }
    }
}
