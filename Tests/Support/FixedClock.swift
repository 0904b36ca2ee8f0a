public import PocketApplication
public import PocketDomain
internal import Synchronization

/// A clock that stands still until a test moves it.
public final class FixedClock: Clock {
    private let current: Mutex<DateTime>

    /// A clock showing `now` (by default 2024-01-02 03:04:05.678Z).
    public init(_ now: DateTime = DateTime(unixMilliseconds: 1_704_164_645_678)) {
        current = Mutex(now)
    }

    /// The time the clock shows.
    public func now() -> DateTime { current.withLock { $0 } }

    /// Shows `time` from now on.
    public func set(_ time: DateTime) { current.withLock { $0 = time } }

    /// Moves the clock forward by `seconds` (backward when negative).
    public func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }

    /// Moves the clock forward by `milliseconds`.
    public func advance(milliseconds: Int64) {
        current.withLock { $0 = DateTime(unixMilliseconds: $0.unixMilliseconds + milliseconds) }
    }
}
