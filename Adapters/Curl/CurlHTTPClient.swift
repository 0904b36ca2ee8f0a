public import PocketApplication

/// ``HTTPClient`` over libcurl: each request on a thread of its own, with its timeout and a
/// 10-second connect limit; redirects are not followed.
public struct CurlHTTPClient: HTTPClient {
    public init() {}

    /// Only `http` and `https` URLs are sent (libcurl would also read `file://` and more).
    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        let scheme = request.url.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw CurlError(code: -1, message: "unsupported URL scheme")
        }
        var transfer = CurlRequest(url: request.url)
        transfer.method = request.method == "GET" ? nil : request.method
        transfer.headers = request.headers
        transfer.body = request.body
        transfer.timeout = request.timeout
        transfer.connectTimeout = min(.seconds(10), request.timeout)
        let response = try await Curl.transfer(transfer)
        return OutboundResponse(status: response.status, contentType: response.header("Content-Type") ?? "",
                                body: response.body)
    }
}
