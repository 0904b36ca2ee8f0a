public import Hummingbird

/// In `--dev` mode, prints one line per request (method, path, status, duration) to the console.
public struct DevLogMiddleware<Context: RequestContext>: RouterMiddleware {
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        write("\(request.method) \(request.uri.path) status=\(response.status.code) duration=\(Int(ms))ms")
        return response
    }
}
