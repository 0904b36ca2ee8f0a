import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import PocketHTTP
import Testing

@Suite("GET /api/health and the fallbacks")
struct HealthRoutesTests {
    @Test("health answers in PocketBase's shape with its security headers")
    func health() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(JSONWriter.string(response.json) == #"{"message":"API is healthy.","code":200,"data":{}}"#)
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
            #expect(response.headers[HTTPField.Name("X-XSS-Protection")!] == "1; mode=block")
        }
    }

    @Test("HEAD has the status and no body")
    func head() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/health", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test("a superuser also sees canBackup, realIP and possibleProxyHeader")
    func superuserData() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            var headers = HTTPFields()
            headers[.authorization] = token
            let plain = try await client.execute(uri: "/api/health", method: .get, headers: headers)
            #expect(plain.json["data"] == ["canBackup": true, "realIP": "127.0.0.1", "possibleProxyHeader": ""])
            headers[HTTPField.Name("X-Forwarded-For")!] = "10.0.0.1"
            let proxied = try await client.execute(uri: "/api/health", method: .get, headers: headers)
            #expect(proxied.json["data"]["possibleProxyHeader"] == "X-Forwarded-For")
        }
    }

    @Test("unmatched GET is 'File not found.', other methods 'The requested resource wasn't found.'")
    func notFound() async throws {
        try await TestServer.make().run { client in
            let get = try await client.execute(uri: "/api/no-such-route", method: .get)
            #expect(get.status == .notFound)
            #expect(get.json == .object(JSONObject([("data", [:]), ("message", "File not found."), ("status", 404)])))
            let post = try await client.execute(uri: "/api/health", method: .post)
            #expect(post.status == .notFound)
            #expect(post.json["message"] == "The requested resource wasn't found.")
            #expect(post.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
        }
    }
}
