public import PocketApplication
internal import NIOPosix

/// Runs blocking work on NIO's shared thread pool, off the event loops.
public struct ThreadPoolBlockingRunner: BlockingRunner {
    public init() {}

    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
