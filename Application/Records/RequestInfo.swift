public import PocketDomain

/// The facts of one API request that rules and visibility depend on.
public struct RequestInfo: Sendable {
    public var auth: AuthContext?
    /// Query parameters, the first value of each.
    public var query: [String: String]
    /// Headers under PocketBase's rule names (`x_token`).
    public var headers: [String: String]
    public var method: String
    /// The submitted body, converted to the fields' types before rules read it.
    public var body: JSONObject
    /// `default`, `expand`, …
    public var context: String
    /// The client's address (login alerts fingerprint it); empty when unknown.
    public var remoteIP: String = ""

    public init(auth: AuthContext? = nil, query: [String: String] = [:], headers: [String: String] = [:],
                method: String = "GET", body: JSONObject = JSONObject(), context: String = "default") {
        self.auth = auth
        self.query = query
        self.headers = headers
        self.method = method
        self.body = body
        self.context = context
    }

    public var isSuperuser: Bool { auth?.isSuperuser ?? false }

    /// The rule environment of this request at `now`.
    public func environment(now: DateTime) -> RuleEnvironment {
        RuleEnvironment(auth: auth.map { RuleEnvironment.Auth(values: $0.record.values, collection: $0.collection) },
                        body: body, query: query, headers: headers, method: method, context: context, now: now)
    }

    /// PocketBase's name for a header in rules: Go's canonical form, lowercased, `-` → `_`.
    public static func ruleHeaderName(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }
}
