public import PocketApplication
internal import Synchronization

/// A `ParamStore` kept in a dictionary: `setParam` replaces the row, as the contract asks.
public final class InMemoryParamStore: ParamStore {
    private let rows: Mutex<[String: ParamValue]>

    /// A store holding `rows` (empty by default).
    public init(_ rows: [String: ParamValue] = [:]) {
        self.rows = Mutex(rows)
    }

    public func param(_ id: String) throws -> ParamValue? { rows.withLock { $0[id] } }

    public func setParam(_ id: String, _ value: ParamValue) throws { rows.withLock { $0[id] = value } }

    /// Every stored row, for assertions.
    public var snapshot: [String: ParamValue] { rows.withLock { $0 } }
}
