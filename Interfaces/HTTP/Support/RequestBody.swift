public import Hummingbird
public import PocketDomain
public import PocketApplication
internal import MultipartKit
internal import NIOCore

/// Reads a request body into a JSON object, from JSON, urlencoded or multipart forms, with
/// PocketBase's size limit and messages.
public enum RequestBody {
    /// PocketBase 0.28.4's default body limit: 32 MiB.
    public static let defaultLimit = 32 << 20

    /// The body's members; form values are strings (arrays when a key repeats).
    public static func object(from request: Request, limit: Int = defaultLimit) async throws -> JSONObject {
        try await submitted(from: request, limit: limit).values
    }

    /// `submitted`, with malformed bodies answered by `message` (each route family has its own).
    public static func submitted(from request: Request, limit: Int, malformedMessage message: String,
                                 inferringFormValues infer: Bool = false) async throws -> SubmittedBody {
        do {
            return try await submitted(from: request, limit: limit, inferringFormValues: infer)
        } catch let error as ApplicationError where error == .loadFailed {
            throw ApplicationError.badRequest(message)
        }
    }

    /// The body's members and uploaded files. In multipart bodies the `@jsonPayload` part (JSON) is
    /// merged over the plain parts, and wins over a plain part of the same name (PocketBase 0.28.4).
    ///
    /// `infer` types form values as PocketBase does where it binds a body into a map (records and
    /// their rules): `true`/`false` become bools and plain decimal numbers become numbers.
    public static func submitted(from request: Request, limit: Int = defaultLimit,
                                 inferringFormValues infer: Bool = false) async throws -> SubmittedBody {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge)
        }
        let bytes = Array(buffer.readableBytesView)
        // PocketBase 0.28.4 binds nothing from an empty body, whatever its Content-Type.
        if bytes.isEmpty { return SubmittedBody() }
        if contentType.hasPrefix("application/json") {
            guard case .object(let object)? = try? JSONParser.parse(bytes) else { throw ApplicationError.loadFailed }
            return SubmittedBody(values: object)
        }
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            return SubmittedBody(values: try withJSONPayload(URLEncodedForm.parse(String(decoding: bytes, as: UTF8.self)),
                                                             infer: infer))
        }
        if contentType.hasPrefix("multipart/form-data") {
            guard let boundary = boundary(of: request.headers[.contentType] ?? "") else { throw ApplicationError.loadFailed }
            let parts = try multipartParts(bytes, boundary: boundary)
            return SubmittedBody(values: try withJSONPayload(parts.fields, infer: infer), files: parts.files)
        }
        throw ApplicationError.badRequest("Unsupported Content-Type.")
    }

    /// Form fields as values, with the `@jsonPayload` field's object merged over them.
    private static func withJSONPayload(_ fields: [(String, String)], infer: Bool) throws -> JSONObject {
        var values = formObject(fields.filter { $0.0 != jsonPayloadKey }, infer: infer)
        for (key, text) in fields where key == jsonPayloadKey {
            guard case .object(let payload)? = try? JSONParser.parse(text) else { throw ApplicationError.loadFailed }
            for (name, value) in payload { values[name] = value }
        }
        return values
    }

    /// The pairs as members in first-seen key order; a repeated key becomes an array. Values are
    /// gathered per key first, so many repeats of one key cost linear time.
    static func formObject(_ pairs: [(String, String)], infer: Bool) -> JSONObject {
        var order: [String] = []
        var values: [String: [JSONValue]] = [:]
        for (key, text) in pairs {
            let value = infer ? inferredValue(text) : .string(text)
            if values[key]?.append(value) == nil {
                order.append(key)
                values[key] = [value]
            }
        }
        var object = JSONObject()
        for key in order {
            let items = values[key] ?? []
            object[key] = items.count == 1 ? items[0] : .array(items)
        }
        return object
    }

    /// PocketBase 0.28.4's typing of a form value bound into a map: `true`/`false` as bools, and a
    /// text of digits, `-` and `.` as a number when the number prints back as exactly that text.
    public static func inferredValue(_ text: String) -> JSONValue {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            guard let first = text.utf8.first, first == UInt8(ascii: "-") || (48...57).contains(first),
                  text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || (48...57).contains($0) }),
                  let number = Double(text), number.isFinite, GoNumberFormat.string(number) == text
            else { return .string(text) }
            return .number(number)
        }
    }

    /// The `boundary` parameter of a multipart Content-Type, or nil when it is missing, empty or
    /// longer than RFC 2046's 70 characters (MultipartKit traps on an empty boundary, and matching
    /// costs grow with its length).
    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let trimmed = part.drop { $0 == " " || $0 == "\t" }
            if trimmed.lowercased().hasPrefix("boundary=") {
                var value = trimmed.dropFirst("boundary=".count)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                guard (1...70).contains(value.utf8.count) else { return nil }
                return String(value)
            }
        }
        return nil
    }

    /// The multipart key PocketBase reads as a JSON object of values.
    static let jsonPayloadKey = "@jsonPayload"

    /// The text fields and the file parts of a multipart body, in order.
    static func multipartParts(_ bytes: [UInt8], boundary: String) throws
        -> (fields: [(String, String)], files: [(key: String, file: UploadedFile)]) {
        let parser = MultipartParser(boundary: boundary)
        var fields: [(String, String)] = []
        var files: [(key: String, file: UploadedFile)] = []
        var name: String?
        var fileName: String?
        var body: [UInt8] = []
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            name = dispositionParameter("name", in: value)
            fileName = dispositionParameter("filename", in: value)
        }
        parser.onBody = { buffer in body.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            if let name {
                if let fileName {
                    files.append((name, UploadedFile(originalName: fileName, bytes: body)))
                } else {
                    fields.append((name, String(decoding: body, as: UTF8.self)))
                }
            }
            name = nil
            fileName = nil
            body = []
        }
        do {
            try parser.execute(bytes)
        } catch {
            throw ApplicationError.loadFailed
        }
        return (fields, files)
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
