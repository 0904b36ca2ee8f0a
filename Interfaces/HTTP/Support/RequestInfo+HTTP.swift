public import Hummingbird
public import PocketApplication
public import PocketDomain

extension RequestInfo {
    /// The rule facts of an HTTP request: its caller, first query values and headers by rule name.
    public init(request: Request, context: PocketRequestContext, body: JSONObject = JSONObject()) {
        let query = URLEncodedForm.firstValues(ofQuery: request.uri.query)
        var headers: [String: String] = [:]
        for field in request.headers where headers[RequestInfo.ruleHeaderName(field.name.canonicalName)] == nil {
            headers[RequestInfo.ruleHeaderName(field.name.canonicalName)] = field.value
        }
        self.init(auth: context.auth, query: query, headers: headers, method: request.method.rawValue, body: body)
        self.remoteIP = context.realIP
    }
}
