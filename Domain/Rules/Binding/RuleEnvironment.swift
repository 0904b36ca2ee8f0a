/// The request facts a rule may read through `@request.*`, plus the clock for the datetime macros.
///
/// Values are taken as given: the caller converts body values to their fields' types (and applies
/// `count+`/`labels-` modifiers) before binding, lowercases header names with `-` → `_` after Go's
/// canonicalisation, and keeps only the first value of a repeated query parameter.
public struct RuleEnvironment: Sendable, Equatable {
    /// The authenticated caller: its record values and collection.
    public struct Auth: Sendable, Equatable {
        /// Every value of the auth record, hidden ones included (PocketBase unhides them for rules).
        public var values: JSONObject
        /// The auth record's collection.
        public var collection: Collection

        public init(values: JSONObject, collection: Collection) {
            self.values = values
            self.collection = collection
        }

        /// The auth record's id.
        public var id: String { values["id"]?.stringValue ?? "" }
    }

    /// The caller, or nil for guests.
    public var auth: Auth?
    /// The submitted body, already converted to the fields' types.
    public var body: JSONObject
    /// Query parameters (first value of each).
    public var query: [String: String]
    /// Headers under PocketBase's names (`x_token`).
    public var headers: [String: String]
    /// The HTTP method (`GET`).
    public var method: String
    /// `default`, `expand`, `realtime`, `protectedFile`, `oauth2`, `otp`, `password`…
    public var context: String
    /// The instant the datetime macros (`@now`, `@todayStart`…) are computed from.
    public var now: DateTime
    /// False while validating a rule on collection save: PocketBase has no request then, so every
    /// `@request.*` identifier is NULL.
    public var hasRequest: Bool

    public init(auth: Auth? = nil, body: JSONObject = JSONObject(), query: [String: String] = [:],
                headers: [String: String] = [:], method: String = "GET", context: String = "default",
                now: DateTime, hasRequest: Bool = true) {
        self.auth = auth
        self.body = body
        self.query = query
        self.headers = headers
        self.method = method
        self.context = context
        self.now = now
        self.hasRequest = hasRequest
    }

    /// The environment of rule validation: no request at all (every `@request.*` is NULL).
    public static func validation(now: DateTime = DateTime(unixMilliseconds: 0)) -> RuleEnvironment {
        RuleEnvironment(now: now, hasRequest: false)
    }
}
