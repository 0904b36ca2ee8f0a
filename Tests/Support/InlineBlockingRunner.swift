public import PocketApplication
internal import Synchronization

/// A `BlockingRunner` that runs the work on the calling task (fine for fast fakes) and counts runs.
public final class InlineBlockingRunner: BlockingRunner {
    private let runs = Mutex(0)

    public init() {}

    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        runs.withLock { $0 += 1 }
        return try work()
    }

    /// How many times `run` was called.
    public var runCount: Int { runs.withLock { $0 } }
}
