internal import PocketDomain

/// A stored file ready to be served.
public struct ServedFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public let contentType: String
    /// Shown in the browser (images, media, PDF) rather than downloaded.
    public let isInline: Bool
}

/// `GET /api/files/{collection}/{recordId}/{filename}`: the files of records, in PocketBase's layout.
public struct FileService: Sendable {
    let registry: CollectionRegistry
    let records: any RecordStore
    let files: any FileStorage

    public init(registry: CollectionRegistry, records: any RecordStore, files: any FileStorage) {
        self.registry = registry
        self.records = records
        self.files = files
    }

    /// Content types PocketBase 0.28.4 serves inline.
    static let inlineTypes: Set<String> = [
        "image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp", "image/x-icon", "image/bmp",
        "video/webm", "video/mp4", "video/3gpp", "video/quicktime", "video/x-ms-wmv",
        "audio/basic", "audio/aiff", "audio/mpeg", "audio/midi", "audio/mp3", "audio/wave", "audio/wav",
        "audio/x-wav", "audio/x-mpeg", "audio/x-m4a", "audio/aac", "application/pdf", "application/x-pdf",
    ]

    /// Types named by extension because sniffing cannot tell them.
    static let extensionTypes = [".svg": "image/svg+xml", ".css": "text/css", ".js": "text/javascript",
                                 ".mjs": "text/javascript"]

    /// The file, or PocketBase's 404 for every refusal.
    public func file(collection idOrName: String, recordID: String, name: String, forceDownload: Bool) throws
        -> ServedFile {
        let notFound = ApplicationError.notFound("The requested resource wasn't found.")
        guard let collection = registry.find(idOrName), collection.kind != .view,
              let record = try records.record(in: collection, id: recordID)
        else { throw notFound }
        let field = collection.fields.first { field in
            guard case .file = field else { return false }
            return FileField.names(record[field.name]).contains(name)
        }
        guard case .file(let fileField)? = field else { throw notFound }
        // TODO(#files): protected files need a file token (`?token=`); until then they are never served.
        guard !fileField.protected else { throw notFound }
        guard let bytes = try files.get("\(collection.id)/\(record.id)/\(name)") else { throw notFound }
        let sniffed = MIMESniffer.detect(bytes).mimeType
        let ext = StoredFileName.extractExtension(name).split(separator: ".").last.map { "." + $0 } ?? ""
        return ServedFile(name: name, bytes: bytes, contentType: Self.extensionTypes[String(ext)] ?? sniffed,
                          isInline: !forceDownload && Self.inlineTypes.contains(sniffed))
    }
}
