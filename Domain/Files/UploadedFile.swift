/// A file a client uploaded in a multipart body, before it is named and stored.
public struct UploadedFile: Sendable, Equatable {
    /// The name the client gave (`filename=` of the part).
    public let originalName: String
    public let bytes: [UInt8]

    public init(originalName: String, bytes: [UInt8]) {
        self.originalName = originalName
        self.bytes = bytes
    }

    /// The content type sniffed from the bytes (never the client's claim).
    public var mimeType: String { MIMESniffer.detect(bytes).mimeType }
}
