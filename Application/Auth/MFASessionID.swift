public import PocketDomain

/// The `mfaId` a sign-in request carries to complete a pending MFA session.
///
/// PocketBase 0.28.4 reads it from the query string first, then from the body, and only once the
/// first checks passed, so a body value that is not a string fails late ("Failed to read MFA Id.").
public enum MFASessionID: Sendable, Equatable {
    /// No `mfaId`: a first factor.
    case none
    case id(String)
    /// The body's `mfaId` could not be read as a string.
    case unreadable

    /// The id from the query value (preferred when not empty) or the body's `mfaId` member.
    public init(query: String?, body: JSONValue?) {
        if let query, !query.isEmpty {
            self = .id(query)
            return
        }
        switch body {
        case nil, .null?: self = .none
        case .string(let s)?: self = s.isEmpty ? .none : .id(s)
        default: self = .unreadable
        }
    }
}

/// Thrown instead of a token when the sign-in was a valid first factor: the client must sign in
/// again with another method and this `mfaID` (PocketBase 0.28.4 answers 401 `{"mfaId": …}`).
public struct MFARequired: Error, Sendable, Equatable {
    public let mfaID: String

    public init(mfaID: String) {
        self.mfaID = mfaID
    }
}
