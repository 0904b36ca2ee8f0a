public import Hummingbird
internal import Logging

/// The outermost API middleware: every thrown error becomes PocketBase's error shape, and an
/// unmatched GET or HEAD falls through to the static files (`pb_public`), as in PocketBase 0.28.4.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    private let staticFiles: StaticFiles?

    public init(staticFiles: StaticFiles?) {
        self.staticFiles = staticFiles
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.coreContext.endpointPath.value == "NotFound" {
            guard request.method == .get || request.method == .head else {
                return JSONResponse.error(status: 404, message: "The requested resource wasn't found.")
            }
            if let staticFiles, let response = try await staticFiles.response(for: request) { return response }
            return JSONResponse.error(status: 404, message: "File not found.")
        } catch {
            return ErrorMapping.response(for: error, logger: context.logger)
        }
    }
}
