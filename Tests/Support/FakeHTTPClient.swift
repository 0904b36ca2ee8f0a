public import PocketApplication
internal import Synchronization

/// An `HTTPClient` that records every request and answers with `respond` (a transport failure
/// when it returns nil).
public final class FakeHTTPClient: HTTPClient {
    public struct TransportFailure: Error, Equatable {}

    private let handler: @Sendable (OutboundRequest) -> OutboundResponse?
    private let sent = Mutex<[OutboundRequest]>([])

    public init(respond: @escaping @Sendable (OutboundRequest) -> OutboundResponse?) {
        handler = respond
    }

    /// The requests sent so far, in order.
    public var requests: [OutboundRequest] { sent.withLock { $0 } }

    public func send(_ request: OutboundRequest) async throws -> OutboundResponse {
        sent.withLock { $0.append(request) }
        guard let response = handler(request) else { throw TransportFailure() }
        return response
    }
}

/// A `FileStorage` in memory.
public final class InMemoryFileStorage: FileStorage {
    private let files = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public var keys: [String] { files.withLock { $0.keys.sorted() } }

    public func put(_ bytes: [UInt8], at key: String, contentType: String) throws {
        files.withLock { $0[key] = bytes }
    }

    public func get(_ key: String) throws -> [UInt8]? { files.withLock { $0[key] } }

    public func exists(_ key: String) throws -> Bool { files.withLock { $0[key] != nil } }

    public func delete(_ key: String) throws { _ = files.withLock { $0.removeValue(forKey: key) } }

    public func deletePrefix(_ prefix: String) throws {
        files.withLock { $0 = $0.filter { !$0.key.hasPrefix(prefix) } }
    }
}
