/// The character sets PocketBase draws random ids, keys and secrets from.
public enum Alphabet {
    /// Record ids: `[a-z0-9]`.
    public static let lowerAlphanumeric: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    /// Token keys and secrets: `[a-zA-Z0-9]`.
    public static let alphanumeric: [UInt8] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    /// OTP passwords: digits.
    public static let digits: [UInt8] = Array("0123456789".utf8)
}

/// Draws random strings; the adapter behind it supplies the randomness.
public protocol RandomStringGenerator: Sendable {
    /// A string of `length` characters, each drawn uniformly from `alphabet`.
    func string(length: Int, alphabet: [UInt8]) -> String
}

extension RandomStringGenerator {
    /// A new 15-character record id.
    public func recordID() -> String { string(length: 15, alphabet: Alphabet.lowerAlphanumeric) }
    /// A new 50-character token key or secret.
    public func secret(length: Int = 50) -> String { string(length: length, alphabet: Alphabet.alphanumeric) }
}
