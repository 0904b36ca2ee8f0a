/// A stored `_params` value: plain JSON is kept as a blob, encrypted data as text.
public enum ParamValue: Sendable, Equatable {
    case blob([UInt8])
    case text(String)

    public var bytes: [UInt8] {
        switch self {
        case .blob(let b): b
        case .text(let t): Array(t.utf8)
        }
    }
}

/// The key-value rows of `_params` (settings live under the id `settings`).
///
/// Contract: `setParam` inserts or replaces the row and keeps its `created`; it is atomic.
public protocol ParamStore: Sendable {
    func param(_ id: String) throws -> ParamValue?
    func setParam(_ id: String, _ value: ParamValue) throws
}
