import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketDomain
import PocketTestSupport
import Testing

@Suite("OAuth2 routes")
struct OAuth2RoutesTests {
    private let path = "/api/collections/users/auth-with-oauth2"

    /// A provider at `http://idp.test` that accepts any code for one user.
    private static let idp = FakeHTTPClient { request in
        switch request.url {
        case "http://idp.test/token":
            OutboundResponse(status: 200, contentType: "application/json",
                             body: Array(#"{"access_token":"at-9","token_type":"Bearer","expires_in":60}"#.utf8))
        case "http://idp.test/userinfo":
            OutboundResponse(status: 200, contentType: "application/json", body: Array(
                #"{"sub":"grace-1","email":"grace@example.com","email_verified":true,"name":"Grace"}"#.utf8))
        default:
            nil
        }
    }

    private func enableOIDC(_ client: some TestClientProtocol) async throws {
        let body = #"{"oauth2":{"enabled":true,"providers":[{"name":"oidc","clientId":"cid","clientSecret":"sec","#
            + #""authURL":"http://idp.test/authorize","tokenURL":"http://idp.test/token","#
            + #""userInfoURL":"http://idp.test/userinfo"}]}}"#
        let response = try await client.execute(uri: "/api/collections/users", method: .patch,
                                                headers: jsonHeaders(token: try await superuserToken(client)),
                                                body: ByteBuffer(string: body))
        #expect(response.status == .ok)
    }

    private func oauth(_ client: some TestClientProtocol, query: String = "",
                       body: String = #"{"provider":"oidc","code":"c1","redirectURL":"http://app.test/cb"}"#)
        async throws -> TestResponse {
        try await client.execute(uri: path + query, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: body))
    }

    @Test("a sign-in answers {meta, record, token}; ?fields picks from the whole body")
    func success() async throws {
        try await TestServer.make().run(oauth2HTTP: Self.idp) { client in
            try await enableOIDC(client)
            let response = try await oauth(client)
            #expect(response.status == .ok)
            #expect(response.json.objectValue?.keys == ["meta", "record", "token"])
            #expect(response.json["meta"]["isNew"] == true)
            #expect(response.json["meta"]["email"] == "grace@example.com")
            #expect(response.json["meta"]["accessToken"] == "at-9")
            #expect(response.json["record"]["email"] == "grace@example.com")
            #expect(response.json["record"]["name"] == "Grace")
            #expect(response.json["record"]["verified"] == true)

            let picked = try await oauth(client, query: "?fields=meta.isNew,record.name")
            #expect(picked.json == ["meta": ["isNew": false], "record": ["name": "Grace"]])
        }
    }

    @Test("OAuth2 off is a 403 before the body is read; a non-object createData cannot be loaded")
    func refusals() async throws {
        try await TestServer.make().run(oauth2HTTP: Self.idp) { client in
            let off = try await oauth(client, body: "{")
            #expect(off.status == .forbidden)
            #expect(off.json["message"] == "The collection is not configured to allow OAuth2 authentication.")
            try await enableOIDC(client)
            let bad = try await oauth(client, body: #"{"provider":"oidc","code":"c","redirectURL":"r","createData":[1]}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.json == ["data": [:], "message": "An error occurred while loading the submitted data.",
                                 "status": 400])
        }
    }
}
