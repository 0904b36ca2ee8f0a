public import PocketDomain

/// Why a use case refused or failed, in PocketBase's terms; the HTTP layer turns it into
/// `{status, message, data}`.
public enum ApplicationError: Error, Sendable, Equatable {
    case badRequest(String, FieldErrors = FieldErrors())
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case tooManyRequests(String)
    /// The server could not do its part; the message is safe to show.
    case internalError(String)

    /// PocketBase's generic messages.
    public static let loadFailed = ApplicationError.badRequest("An error occurred while loading the submitted data.")
    public static func validation(_ errors: FieldErrors) -> ApplicationError {
        .badRequest("An error occurred while validating the submitted data.", errors)
    }
}
