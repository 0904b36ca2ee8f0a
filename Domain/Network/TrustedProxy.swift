/// The `trustedProxy` settings: which request headers carry the client's address when the server
/// sits behind a proxy, and which address of their list counts.
public struct TrustedProxy: Sendable, Hashable {
    /// Header names, tried in order (`X-Forwarded-For`, `CF-Connecting-IP`, …).
    public var headers: [String]
    /// Take the first valid address of a list instead of the last.
    public var useLeftmostIP: Bool

    public init(headers: [String] = [], useLeftmostIP: Bool = false) {
        self.headers = headers
        self.useLeftmostIP = useLeftmostIP
    }

    /// The client's address (PocketBase 0.28.4's `RealIP`): for each configured header that is
    /// present, the last of its values (the one the proxy controls) is split at commas and its
    /// rightmost (or, with `useLeftmostIP`, leftmost) valid IP wins, expanded as Go writes it.
    /// With no such header, or none holding a valid address, the peer's address.
    ///
    /// `values(name)` gives every value of a header, in order, matching the name case-insensitively.
    public func clientIP(remoteIP: String, values: (String) -> [String]) -> String {
        for name in headers {
            guard let last = values(name).last, !last.isEmpty else { continue }
            let candidates = last.split(separator: ",", omittingEmptySubsequences: false)
            let ordered = useLeftmostIP ? Array(candidates) : candidates.reversed()
            for candidate in ordered {
                let trimmed = candidate.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
                if let ip = IPAddressText.expanded(String(trimmed)) { return ip }
            }
        }
        return remoteIP
    }
}

extension AppSettings {
    /// The `trustedProxy` section as a value.
    public var trustedProxy: TrustedProxy {
        let section = value(at: "trustedProxy")
        return TrustedProxy(headers: section["headers"].arrayValue?.compactMap(\.stringValue) ?? [],
                            useLeftmostIP: section["useLeftmostIP"].boolValue ?? false)
    }
}
