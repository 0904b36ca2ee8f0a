public import PocketApplication
public import PocketDomain

/// The `FileStorage` port over an S3 bucket.
public struct S3FileStorage: FileStorage {
    public let client: S3Client

    public init(client: S3Client) {
        self.client = client
    }

    public init(settings: S3Settings) throws {
        self.client = try S3Client(settings: settings)
    }

    public func put(_ bytes: [UInt8], at key: String, contentType: String) throws {
        try client.putObject(key, bytes: bytes, contentType: contentType)
    }

    public func get(_ key: String) throws -> [UInt8]? {
        try client.getObject(key)
    }

    public func exists(_ key: String) throws -> Bool {
        try client.headObject(key)
    }

    public func delete(_ key: String) throws {
        try client.deleteObject(key)
    }

    public func deletePrefix(_ prefix: String) throws {
        let base = prefix.hasSuffix("/") || prefix.isEmpty ? prefix : prefix + "/"
        for key in try client.listObjects(prefix: base) { try client.deleteObject(key) }
    }
}
