import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import Testing

@Suite("file uploads and downloads")
struct FileRoutesTests {
    @Test("an uploaded file is stored under PocketBase's name and served with its headers")
    func roundTrip() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let schema = #"{"name":"docs","listRule":"","viewRule":"","createRule":"","fields":[{"name":"f","type":"file","maxSelect":1}]}"#
            let created = try await client.execute(uri: "/api/collections", method: .post, headers: jsonHeaders(token: token),
                                                   body: ByteBuffer(string: schema))
            #expect(created.status == .ok)
            let collectionID = try #require(created.json["id"].stringValue)
            let multipart = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile bytes!\r\n--B--\r\n"
            let record = try await client.execute(uri: "/api/collections/docs/records", method: .post,
                                                  headers: [.contentType: "multipart/form-data; boundary=B"],
                                                  body: ByteBuffer(string: multipart))
            #expect(record.status == .ok)
            let name = try #require(record.json["f"].stringValue)
            #expect(name.hasPrefix("notes_") && name.hasSuffix(".txt") && name.count == "notes_".count + 10 + 4)
            let id = try #require(record.json["id"].stringValue)
            let file = try await client.execute(uri: "/api/files/\(collectionID)/\(id)/\(name)", method: .get)
            #expect(file.status == .ok)
            #expect(String(buffer: file.body) == "file bytes!")
            #expect(file.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(file.headers[.contentDisposition] == "attachment; filename=\(name)")
            #expect(file.headers[.cacheControl] == "max-age=2592000, stale-while-revalidate=86400")
            let missing = try await client.execute(uri: "/api/files/\(collectionID)/\(id)/nope.txt", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
