internal import CCurl
internal import Foundation

/// One libcurl transfer, described as a value: the URL, what to send and the limits.
public struct CurlRequest: Sendable {
    /// How TLS is used on a plain-text protocol (SMTP): never, when offered (STARTTLS) or always.
    public enum TLSUpgrade: Sendable {
        case none, whenOffered, required
    }

    public var url: String
    /// A custom method (`PUT`, `DELETE`, `HEAD`); nil keeps libcurl's default for the protocol.
    public var method: String?
    public var headers: [String] = []
    /// The bytes sent: as an upload (SMTP) or as the request body (HTTP, hashed by SigV4).
    public var body: [UInt8]?
    public var username: String?
    public var password: String?
    /// SASL options for mail protocols, e.g. `AUTH=PLAIN`.
    public var loginOptions: String?
    public var mailFrom: String?
    public var mailRecipients: [String] = []
    public var tlsUpgrade: TLSUpgrade = .none
    /// libcurl's `CURLOPT_AWS_SIGV4` parameter, e.g. `aws:amz:us-east-1:s3`.
    public var awsSigV4: String?
    public var connectTimeout: Duration = .seconds(10)
    /// The whole transfer's limit.
    public var timeout: Duration = .seconds(30)

    public init(url: String) {
        self.url = url
    }
}

/// What an HTTP transfer answered (status 0 for non-HTTP protocols).
public struct CurlResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The first header of that name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A failed transfer: libcurl's result code and its detailed message.
public struct CurlError: Error, Sendable, CustomStringConvertible {
    public let code: Int
    public let message: String
    public var description: String { message }
}

/// Runs transfers with libcurl's easy interface; every C call of libcurl stays in this type.
public enum Curl {
    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_ALL)) }()

    /// Performs the transfer on the calling thread (it blocks up to `request.timeout`).
    public static func perform(_ request: CurlRequest) throws(CurlError) -> CurlResponse {
        _ = globalInit
        guard let handle = curl_easy_init() else { throw CurlError(code: -1, message: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let state = TransferState(upload: request.body ?? [])
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        let context = unmanaged.toOpaque()

        var lists: [UnsafeMutablePointer<curl_slist>?] = []
        defer { lists.forEach { curl_slist_free_all($0) } }
        func slist(_ items: [String]) -> UnsafeMutablePointer<curl_slist>? {
            var list: UnsafeMutablePointer<curl_slist>?
            for item in items { list = curl_slist_append(list, item) }
            lists.append(list)
            return list
        }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var code: CURLcode = CURLE_OK
        // Strings handed to libcurl are copied by it (CURLOPT_* string options), except the
        // error buffer and POSTFIELDS, which outlive the transfer here.
        errorBuffer.withUnsafeMutableBufferPointer { errors in
            _ = pocket_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress)
            _ = pocket_curl_setopt_string(handle, CURLOPT_URL, request.url)
            _ = pocket_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = pocket_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
            _ = pocket_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(request.timeout))
            _ = pocket_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite)
            _ = pocket_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
            _ = pocket_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlHeader)
            _ = pocket_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
            if let username = request.username { _ = pocket_curl_setopt_string(handle, CURLOPT_USERNAME, username) }
            if let password = request.password { _ = pocket_curl_setopt_string(handle, CURLOPT_PASSWORD, password) }
            if let options = request.loginOptions { _ = pocket_curl_setopt_string(handle, CURLOPT_LOGIN_OPTIONS, options) }
            if !request.headers.isEmpty { _ = pocket_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, slist(request.headers)) }
            if let awsSigV4 = request.awsSigV4 { _ = pocket_curl_setopt_string(handle, CURLOPT_AWS_SIGV4, awsSigV4) }
            switch request.tlsUpgrade {
            case .none: break
            case .whenOffered: _ = pocket_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
            case .required: _ = pocket_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
            }
            let isMail = request.mailFrom != nil
            if let from = request.mailFrom {
                _ = pocket_curl_setopt_string(handle, CURLOPT_MAIL_FROM, from)
                _ = pocket_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, slist(request.mailRecipients))
                _ = pocket_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
                _ = pocket_curl_setopt_callback(handle, CURLOPT_READFUNCTION, curlRead)
                _ = pocket_curl_setopt_pointer(handle, CURLOPT_READDATA, context)
                _ = pocket_curl_setopt_offset(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(state.upload.count))
            }
            if let method = request.method {
                if method == "HEAD" {
                    _ = pocket_curl_setopt_long(handle, CURLOPT_NOBODY, 1)
                } else {
                    _ = pocket_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
                }
            }
            state.upload.withUnsafeBufferPointer { body in
                if !isMail, request.body != nil {
                    // POSTFIELDS (not a read callback) so that SigV4 can hash the payload.
                    _ = pocket_curl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                    _ = pocket_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS,
                                                   UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafePointer(bitPattern: 1)))
                }
                code = curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let summary = String(cString: curl_easy_strerror(code))
            throw CurlError(code: Int(code.rawValue), message: detail.isEmpty ? summary : detail)
        }
        var status = 0
        _ = pocket_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return CurlResponse(status: status, headers: state.headers, body: state.received)
    }

    /// Performs the transfer on a thread of its own, so no task thread blocks on the network.
    public static func transfer(_ request: CurlRequest) async throws(CurlError) -> CurlResponse {
        let result: Result<CurlResponse, CurlError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(CurlError) {
                    continuation.resume(returning: .success(try perform(request)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.start()
        }
        return try result.get()
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// The buffers of one transfer, reached from libcurl's callbacks through their user-data pointer.
private final class TransferState {
    var upload: [UInt8]
    var uploaded = 0
    var received: [UInt8] = []
    var headers: [(name: String, value: String)] = []

    init(upload: [UInt8]) { self.upload = upload }
}

private func curlWrite(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
        state.received.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

private func curlHeader(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") { state.headers.removeAll() }  // a new response (after a redirect or 100)
    if let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        state.headers.append((name, value))
    }
    return length
}

private func curlRead(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = min(size * count, state.upload.count - state.uploaded)
    guard length > 0 else { return 0 }
    state.upload.withUnsafeBufferPointer { source in
        buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            $0.update(from: source.baseAddress! + state.uploaded, count: length)
        }
    }
    state.uploaded += length
    return length
}
