public import Hummingbird
public import PocketDomain
internal import PocketApplication
internal import MultipartKit
internal import NIOCore

/// Reads a request body into a JSON object, from JSON, urlencoded or multipart forms, with
/// PocketBase's size limit and messages.
public enum RequestBody {
    /// PocketBase 0.28.4's default body limit: 32 MiB.
    public static let defaultLimit = 32 << 20

    /// The body's members; form values are strings (arrays when a key repeats).
    public static func object(from request: Request, limit: Int = defaultLimit) async throws -> JSONObject {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge)
        }
        let bytes = Array(buffer.readableBytesView)
        if contentType.hasPrefix("application/json") {
            if bytes.isEmpty { return JSONObject() }
            guard case .object(let object)? = try? JSONParser.parse(bytes) else { throw ApplicationError.loadFailed }
            return object
        }
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            return formObject(URLEncodedForm.parse(String(decoding: bytes, as: UTF8.self)))
        }
        if contentType.hasPrefix("multipart/form-data") {
            guard let boundary = boundary(of: request.headers[.contentType] ?? "") else { throw ApplicationError.loadFailed }
            return formObject(try multipartFields(bytes, boundary: boundary))
        }
        throw ApplicationError.badRequest("Unsupported Content-Type.")
    }

    private static func formObject(_ pairs: [(String, String)]) -> JSONObject {
        var object = JSONObject()
        for (key, value) in pairs {
            switch object[key] {
            case nil: object[key] = .string(value)
            case .array(let items)?: object[key] = .array(items + [.string(value)])
            case let existing?: object[key] = .array([existing, .string(value)])
            }
        }
        return object
    }

    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let trimmed = part.drop { $0 == " " }
            if trimmed.lowercased().hasPrefix("boundary=") {
                var value = trimmed.dropFirst("boundary=".count)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                return String(value)
            }
        }
        return nil
    }

    /// The text fields of a multipart body (file parts are skipped here).
    static func multipartFields(_ bytes: [UInt8], boundary: String) throws -> [(String, String)] {
        let parser = MultipartParser(boundary: boundary)
        var fields: [(String, String)] = []
        var name: String?
        var isFile = false
        var body: [UInt8] = []
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            name = dispositionParameter("name", in: value)
            isFile = dispositionParameter("filename", in: value) != nil
        }
        parser.onBody = { buffer in body.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name, !isFile { fields.append((name, String(decoding: body, as: UTF8.self))) }
            name = nil
            isFile = false
            body = []
        }
        do {
            try parser.execute(bytes)
        } catch {
            throw ApplicationError.loadFailed
        }
        return fields
    }

    static func dispositionParameter(_ key: String, in value: String) -> String? {
        for part in value.split(separator: ";") {
            let trimmed = part.drop { $0 == " " }
            guard trimmed.hasPrefix(key + "=") else { continue }
            var v = trimmed.dropFirst(key.count + 1)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = v.dropFirst().dropLast() }
            return String(v)
        }
        return nil
    }
}
