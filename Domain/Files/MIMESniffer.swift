/// Detects a file's type from its first bytes, as PocketBase does before trusting a name or header
/// (it uses the mimetype library; this covers the formats clients upload most).
public enum MIMESniffer {
    public struct Detected: Sendable, Equatable {
        public let mimeType: String
        /// With the dot (`.png`), or `""` when there is no usual extension.
        public let fileExtension: String
    }

    private static let signatures: [(prefix: [UInt8], offset: Int, mime: String, ext: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png", ".png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg", ".jpg"),
        (Array("GIF87a".utf8), 0, "image/gif", ".gif"),
        (Array("GIF89a".utf8), 0, "image/gif", ".gif"),
        (Array("%PDF-".utf8), 0, "application/pdf", ".pdf"),
        ([0x1F, 0x8B], 0, "application/gzip", ".gz"),
        (Array("BM".utf8), 0, "image/bmp", ".bmp"),
        ([0x00, 0x00, 0x01, 0x00], 0, "image/x-icon", ".ico"),
        (Array("OggS".utf8), 0, "audio/ogg", ".ogg"),
        (Array("ID3".utf8), 0, "audio/mpeg", ".mp3"),
        (Array("ftyp".utf8), 4, "video/mp4", ".mp4"),
        (Array("PK\u{03}\u{04}".utf8), 0, "application/zip", ".zip"),
        (Array("7z".utf8) + [0xBC, 0xAF, 0x27, 0x1C], 0, "application/x-7z-compressed", ".7z"),
        (Array("wOFF".utf8), 0, "font/woff", ".woff"),
        (Array("wOF2".utf8), 0, "font/woff2", ".woff2"),
    ]

    public static func detect(_ bytes: [UInt8]) -> Detected {
        for signature in signatures where matches(bytes, signature.prefix, at: signature.offset) {
            return Detected(mimeType: signature.mime, fileExtension: signature.ext)
        }
        if matches(bytes, Array("RIFF".utf8), at: 0), matches(bytes, Array("WEBP".utf8), at: 8) {
            return Detected(mimeType: "image/webp", fileExtension: ".webp")
        }
        if matches(bytes, Array("RIFF".utf8), at: 0), matches(bytes, Array("WAVE".utf8), at: 8) {
            return Detected(mimeType: "audio/wav", fileExtension: ".wav")
        }
        let head = bytes.prefix(512)
        guard !head.contains(0), isUTF8(Array(head)) else {
            return Detected(mimeType: "application/octet-stream", fileExtension: "")
        }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<svg") || (trimmed.hasPrefix("<?xml") && text.contains("<svg")) {
            return Detected(mimeType: "image/svg+xml", fileExtension: ".svg")
        }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") {
            return Detected(mimeType: "text/html; charset=utf-8", fileExtension: ".html")
        }
        if trimmed.hasPrefix("<?xml") {
            return Detected(mimeType: "text/xml; charset=utf-8", fileExtension: ".xml")
        }
        if (trimmed.hasPrefix("{") || trimmed.hasPrefix("[")), (try? JSONParser.parse(bytes)) != nil {
            return Detected(mimeType: "application/json", fileExtension: ".json")
        }
        return Detected(mimeType: "text/plain; charset=utf-8", fileExtension: ".txt")
    }

    private static func matches(_ bytes: [UInt8], _ prefix: [UInt8], at offset: Int) -> Bool {
        guard bytes.count >= offset + prefix.count else { return false }
        return zip(bytes[offset...], prefix).allSatisfy { $0 == $1 }
    }

    /// True when the bytes are valid UTF-8 (a cut multi-byte sequence at the end is tolerated).
    private static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput: return true
            case .error: return bytes.count - consumed < 4 && consumed > 0
            }
        }
    }
}
