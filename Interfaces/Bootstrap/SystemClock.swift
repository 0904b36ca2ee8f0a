public import PocketApplication
public import PocketDomain
internal import Foundation

/// The wall clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> DateTime {
        DateTime(unixMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
