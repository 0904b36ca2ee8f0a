public import PocketDomain
internal import PocketCurl

/// A failed S3 call: the HTTP status and S3's error code and message when it sent them, or the
/// transport's error (status 0).
public struct S3Error: Error, Sendable, CustomStringConvertible {
    public let status: Int
    public let code: String
    public let message: String

    public var description: String {
        status == 0 ? message : "S3 responded with status \(status)" + (code.isEmpty ? "" : ": \(code)")
            + (message.isEmpty ? "" : " - \(message)")
    }
}

/// The S3 calls PocketBase needs (put, get, head, delete, list by prefix), signed with SigV4 by
/// libcurl. Path-style addressing (`endpoint/bucket/key`) when `forcePathStyle`, virtual-hosted
/// (`bucket.endpoint/key`) otherwise. Calls block the calling thread up to `timeout`.
public struct S3Client: Sendable {
    public let settings: S3Settings
    public let timeout: Duration
    private let scheme: String
    private let host: String

    public init(settings: S3Settings, timeout: Duration = .seconds(30)) throws(S3Error) {
        self.settings = settings
        self.timeout = timeout
        var endpoint = settings.endpoint
        if !endpoint.contains("://") { endpoint = "https://" + endpoint }
        guard let separator = endpoint.firstRange(of: "://") else {
            throw S3Error(status: 0, code: "", message: "invalid S3 endpoint \(settings.endpoint)")
        }
        scheme = String(endpoint[..<separator.lowerBound])
        var rest = endpoint[separator.upperBound...]
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, scheme == "http" || scheme == "https" else {
            throw S3Error(status: 0, code: "", message: "invalid S3 endpoint \(settings.endpoint)")
        }
        host = String(rest)
    }

    /// Stores an object.
    public func putObject(_ key: String, bytes: [UInt8], contentType: String) throws(S3Error) {
        _ = try call("PUT", key: key, body: bytes, headers: ["Content-Type: " + contentType])
    }

    /// An object's bytes, or nil when there is no such key.
    public func getObject(_ key: String) throws(S3Error) -> [UInt8]? {
        let response = try call("GET", key: key, allowMissing: true)
        return response.status == 404 ? nil : response.body
    }

    /// True when the key exists.
    public func headObject(_ key: String) throws(S3Error) -> Bool {
        try call("HEAD", key: key, allowMissing: true).status != 404
    }

    /// Deletes an object (a missing key is not an error).
    public func deleteObject(_ key: String) throws(S3Error) {
        _ = try call("DELETE", key: key, allowMissing: true)
    }

    /// Every key under `prefix`, following continuation tokens (ListObjectsV2).
    public func listObjects(prefix: String) throws(S3Error) -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = [(String, String)]()
            if let token { query.append(("continuation-token", token)) }
            query.append(("list-type", "2"))
            query.append(("prefix", prefix))
            let response = try call("GET", key: nil, query: query)
            let xml = String(decoding: response.body, as: UTF8.self)
            keys += Self.elements("Key", in: xml).map(HTMLText.decodeEntities)
            token = Self.elements("IsTruncated", in: xml).first == "true"
                ? Self.elements("NextContinuationToken", in: xml).first.map(HTMLText.decodeEntities) : nil
        } while token != nil
        return keys
    }

    /// Checks that the bucket exists and the credentials reach it.
    public func headBucket() throws(S3Error) {
        _ = try call("HEAD", key: nil)
    }

    // MARK: requests

    func url(key: String?, query: [(String, String)]) -> String {
        var base = forcePathStyle ? "\(scheme)://\(host)/\(Self.encode(settings.bucket))"
            : "\(scheme)://\(settings.bucket).\(host)"
        if let key { base += "/" + key.split(separator: "/", omittingEmptySubsequences: false).map { Self.encode(String($0)) }.joined(separator: "/") }
        else if !query.isEmpty || !forcePathStyle { base += "/" }
        if !query.isEmpty {
            base += "?" + query.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        }
        return base
    }

    private var forcePathStyle: Bool {
        // Hosts that are IP addresses or `localhost` cannot take a bucket sub-domain.
        settings.forcePathStyle || host.hasPrefix("localhost") || host.hasPrefix("127.") || host.hasPrefix("[")
    }

    private func call(_ method: String, key: String?, query: [(String, String)] = [], body: [UInt8]? = nil,
                      headers: [String] = [], allowMissing: Bool = false) throws(S3Error) -> CurlResponse {
        var request = CurlRequest(url: url(key: key, query: query))
        request.method = method == "GET" ? nil : method
        request.body = body
        request.username = settings.accessKey
        request.password = settings.secret
        request.awsSigV4 = "aws:amz:\(settings.region):s3"
        // libcurl 7.88 signs the payload but does not send its hash; S3 requires the header.
        request.headers = headers + ["x-amz-content-sha256: " + SHA256.hex(body ?? [])]
        if body == nil, method == "PUT" { request.headers.append("Content-Length: 0") }
        request.timeout = timeout
        let response: CurlResponse
        do {
            response = try Curl.perform(request)
        } catch {
            throw S3Error(status: 0, code: "", message: error.message)
        }
        if response.status == 404, allowMissing { return response }
        guard (200..<300).contains(response.status) else {
            let xml = String(decoding: response.body, as: UTF8.self)
            throw S3Error(status: response.status, code: Self.elements("Code", in: xml).first ?? "",
                          message: Self.elements("Message", in: xml).first.map(HTMLText.decodeEntities) ?? "")
        }
        return response
    }

    /// The text of every `<name>…</name>` element (S3's XML is flat enough for this).
    static func elements(_ name: String, in xml: String) -> [String] {
        var values: [String] = []
        var rest = Substring(xml)
        while let open = rest.firstRange(of: "<" + name + ">") {
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "</" + name + ">") else { break }
            values.append(String(after[..<close.lowerBound]))
            rest = after[close.upperBound...]
        }
        return values
    }

    /// RFC 3986 encoding of everything but the unreserved characters, as SigV4 canonicalizes.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
            }
        }
        return out
    }
}
