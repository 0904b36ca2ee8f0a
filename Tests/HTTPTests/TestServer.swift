import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketBootstrap
import PocketDomain
import PocketHTTP

/// A real application over a temporary data directory, served over real HTTP for one test.
struct TestServer {
    static let email = "su@example.com"
    static let password = "supersecret123"

    let app: PocketApp
    let directory: String

    /// A fresh data directory with one superuser.
    static func make(encryptionKey: String? = nil, mailer: (any Mailer)? = nil) throws -> TestServer {
        let directory = NSTemporaryDirectory() + "pocketswift-http-" + UUID().uuidString
        var environment: [String: String] = [:]
        if let encryptionKey { environment["TEST_KEY"] = encryptionKey }
        let app = try PocketApp(configuration: AppConfiguration(
            dataDirectory: directory, encryptionEnv: encryptionKey == nil ? "" : "TEST_KEY", environment: environment),
            mailer: mailer)
        try app.superusers.upsert(email: email, password: password)
        return TestServer(app: app, directory: directory)
    }

    /// Runs `body` against the API served over HTTP on a free port.
    /// `oauth2HTTP` answers the OAuth2 providers' endpoints (libcurl when nil).
    func run(options: APIOptions = APIOptions(), oauth2HTTP: (any HTTPClient)? = nil,
             _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        defer {
            app.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let router = APIRouter.build(services: APIServices(auth: app.auth, settings: app.settings, collections: app.collections, records: app.records,
                                                           diagnostics: app.diagnostics, rateLimiter: app.rateLimiter, files: app.files,
                                                           oauth2: oauth2HTTP.map { OAuth2Service(auth: app.auth, records: app.records, http: $0) }
                                                               ?? app.oauth2),
                                     options: options)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live, body)
    }
}

extension TestResponse {
    /// The body parsed as a JSON object (empty when it is not one).
    var json: JSONValue {
        (try? JSONParser.parse(Array(body.readableBytesView))) ?? .null
    }
}

/// JSON request headers, optionally with a token.
func jsonHeaders(token: String? = nil) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = token }
    return headers
}

/// Signs in the test superuser and returns the token.
func superuserToken(_ client: some TestClientProtocol) async throws -> String {
    let body = #"{"identity":"\#(TestServer.email)","password":"\#(TestServer.password)"}"#
    let response = try await client.execute(uri: "/api/collections/_superusers/auth-with-password", method: .post,
                                            headers: jsonHeaders(), body: ByteBuffer(string: body))
    return response.json["token"].stringValue ?? ""
}
