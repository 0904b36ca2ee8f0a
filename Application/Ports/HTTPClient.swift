/// An outbound HTTP request (to an OAuth2 provider, for example).
public struct OutboundRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Header lines, `Name: value`.
    public var headers: [String]
    public var body: [UInt8]?
    /// The limit of the whole exchange.
    public var timeout: Duration

    public init(method: String = "GET", url: String, headers: [String] = [], body: [UInt8]? = nil,
                timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the first header line of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        for line in headers {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return String(parts[1].drop { $0 == " " })
            }
        }
        return nil
    }
}

/// What the server answered, whatever the status.
public struct OutboundResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String = "", body: [UInt8] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Sends HTTP requests to other servers.
///
/// Contract: every request ends within its `timeout`; a transport failure (no connection,
/// timeout, bad URL) throws, an HTTP error status is a response.
public protocol HTTPClient: Sendable {
    func send(_ request: OutboundRequest) async throws -> OutboundResponse
}
