public import Hummingbird
public import PocketApplication
internal import Logging

/// Records every request in the request logs (method, URL, status, time, caller), errors included.
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext
    private let logs: RequestLogs

    public init(logs: RequestLogs) {
        self.logs = logs
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            log(request, context, status: Int(ErrorMapping.response(for: error, logger: context.logger).status.code),
                start: start)
            throw error
        }
        log(request, context, status: Int(response.status.code), start: start)
        return response
    }

    private func log(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logs.record(method: request.method.rawValue, uri: request.uri.description, status: status,
                    executionMilliseconds: ms, referer: request.headers[.referer] ?? "",
                    userAgent: request.headers[.userAgent] ?? "", auth: context.auth, remoteIP: context.remoteIP, userIP: context.realIP,
                    isError: status >= 400)
    }
}
