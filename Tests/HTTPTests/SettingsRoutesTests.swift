import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import Testing

@Suite("GET/PATCH /api/settings")
struct SettingsRoutesTests {
    @Test("guests get 401")
    func guests() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/settings", method: .get)
            #expect(response.status == .unauthorized)
        }
    }

    @Test("superusers read the defaults and save a patch; secrets never come back")
    func patch() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let initial = try await client.execute(uri: "/api/settings", method: .get, headers: [.authorization: token])
            #expect(initial.json["meta"]["appName"] == "Acme")
            #expect(initial.json["batch"] == ["enabled": false, "maxRequests": 50, "timeout": 3, "maxBodySize": 0])
            let body = #"{"meta":{"appName":"Disk App"},"smtp":{"password":"pw-at-rest"}}"#
            let saved = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                 body: ByteBuffer(string: body))
            #expect(saved.status == .ok)
            #expect(saved.json["meta"]["appName"] == "Disk App")
            #expect(saved.json["meta"]["appURL"] == "http://localhost:8090")
            #expect(saved.json["smtp"].objectValue?.contains("password") == false)
            let again = try await client.execute(uri: "/api/settings", method: .get, headers: [.authorization: token])
            #expect(again.json["meta"]["appName"] == "Disk App")
        }
    }

    @Test("wrong types and broken rules are 400 with PocketBase's messages")
    func invalid() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let wrongType = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                     body: ByteBuffer(string: #"{"meta":{"appName":5}}"#))
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.json["message"] == "An error occurred while loading the submitted data.")
            let blank = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                 body: ByteBuffer(string: #"{"meta":{"appName":""}}"#))
            #expect(blank.json["message"] == "An error occurred while saving the new settings.")
            #expect(blank.json["data"]["meta"]["appName"]["code"] == "validation_required")
        }
    }
}
