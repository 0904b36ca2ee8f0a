/// The collection actions PocketBase 0.28.4 rate-limits by collection (`posts:create`,
/// `*:auth`…) instead of by path: the records routes and the auth routes of a collection.
struct CollectionAction: Equatable {
    /// The `{collection}` path segment.
    let collection: String
    /// The rate-limit tags, e.g. `["authWithPassword", "auth"]`.
    let tags: [String]
    /// The route's pattern, so that each endpoint counts on its own.
    let route: String

    /// The action of a request, or nil when the path is not one of them.
    init?(method: String, path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // "", "api", "collections", name, action[, id]
        guard parts.count >= 5, parts.count <= 6, parts[0].isEmpty, parts[1] == "api", parts[2] == "collections",
              !parts[3].isEmpty
        else { return nil }
        let action = String(parts[4])
        let hasID = parts.count == 6
        if hasID && (action != "records" || parts[5].isEmpty) { return nil }
        let tags: [String]?
        if action == "records" {
            switch (method, hasID) {
            case ("GET", false): tags = ["list"]
            case ("GET", true): tags = ["view"]
            case ("POST", false): tags = ["create"]
            case ("PATCH", true): tags = ["update"]
            case ("DELETE", true): tags = ["delete"]
            default: tags = nil
            }
        } else {
            tags = Self.authActions[method + " " + action]
        }
        guard let tags else { return nil }
        collection = String(parts[3])
        self.tags = tags
        route = method + " /api/collections/{collection}/" + action + (hasID ? "/{id}" : "")
    }

    private static let authActions: [String: [String]] = [
        "GET auth-methods": ["listAuthMethods"],
        "POST auth-refresh": ["authRefresh"],
        "POST auth-with-password": ["authWithPassword", "auth"],
        "POST auth-with-oauth2": ["authWithOAuth2", "auth"],
        "POST request-otp": ["requestOTP"],
        "POST auth-with-otp": ["authWithOTP", "auth"],
        "POST request-password-reset": ["requestPasswordReset"],
        "POST confirm-password-reset": ["confirmPasswordReset"],
        "POST request-verification": ["requestVerification"],
        "POST confirm-verification": ["confirmVerification"],
        "POST request-email-change": ["requestEmailChange"],
        "POST confirm-email-change": ["confirmEmailChange"],
    ]
}
