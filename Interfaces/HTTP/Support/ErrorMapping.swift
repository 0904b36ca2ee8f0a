public import Hummingbird
public import PocketApplication
internal import PocketDomain
public import Logging

/// Turns any error a handler throws into PocketBase's `{status, message, data}` response.
public enum ErrorMapping {
    /// PocketBase's message for an unexpected failure.
    public static let genericMessage = "Something went wrong while processing your request."

    public static func response(for error: any Error, logger: Logger) -> Response {
        switch error {
        case let error as ApplicationError:
            return response(for: error)
        case let error as StoreFailure:
            logger.error("request failed", metadata: ["error": "\(error.cause)"])
            return response(for: error.answer)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return JSONResponse.error(status: 404, message: "The requested resource wasn't found.")
            case .contentTooLarge: return JSONResponse.error(status: 413, message: "Request entity too large.")
            case .badRequest: return JSONResponse.error(status: 400, message: genericMessage)
            default: return JSONResponse.error(status: Int(error.status.code), message: genericMessage)
            }
        default:
            logger.error("request failed", metadata: ["error": "\(error)"])
            return JSONResponse.error(status: 400, message: genericMessage)
        }
    }

    public static func response(for error: ApplicationError) -> Response {
        switch error {
        case .badRequest(let message, let errors): JSONResponse.error(status: 400, message: message, data: errors.json)
        case .unauthorized(let message): JSONResponse.error(status: 401, message: message)
        case .forbidden(let message): JSONResponse.error(status: 403, message: message)
        case .notFound(let message): JSONResponse.error(status: 404, message: message)
        case .tooManyRequests(let message): JSONResponse.error(status: 429, message: message)
        case .internalError(let message): JSONResponse.error(status: 500, message: message)
        }
    }
}
