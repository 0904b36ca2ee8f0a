public import Hummingbird
public import PocketDomain
internal import NIOCore

/// Builds responses whose body is JSON written by `JSONWriter`.
public enum JSONResponse {
    public static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = JSONWriter.bytes(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    public static func make(_ object: JSONObject, status: HTTPResponse.Status = .ok) -> Response {
        make(.object(object), status: status)
    }

    /// PocketBase's error shape `{data, message, status}`.
    public static func error(status: Int, message: String, data: JSONObject = JSONObject()) -> Response {
        make(JSONObject([("data", .object(data)), ("message", .string(message)), ("status", .number(Double(status)))]),
             status: HTTPResponse.Status(code: status))
    }

    /// 204 with no body.
    public static func noContent() -> Response { Response(status: .noContent) }
}
