/// Runs slow synchronous work (bcrypt, file IO) away from the threads that serve requests.
///
/// Contract: runs `work` exactly once on a thread where blocking is allowed and returns its result
/// or error; never runs it on the caller's event loop.
public protocol BlockingRunner: Sendable {
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T
}
