/// Where a provider's user JSON keeps the standard profile values.
public struct OAuth2ProfileMapping: Sendable, Equatable {
    public var id: OAuth2Value
    public var name: OAuth2Value
    public var username: OAuth2Value
    public var email: OAuth2Email
    public var avatarURL: OAuth2Value

    public init(id: OAuth2Value, name: OAuth2Value = .none, username: OAuth2Value = .none,
                email: OAuth2Email = .none, avatarURL: OAuth2Value = .none) {
        self.id = id
        self.name = name
        self.username = username
        self.email = email
        self.avatarURL = avatarURL
    }

    /// The profile of a provider's user JSON, with the tokens that fetched it.
    public func user(from raw: JSONObject, token: OAuth2Token) -> OAuth2User {
        let json = JSONValue.object(raw)
        return OAuth2User(id: id.resolve(json), name: name.resolve(json), username: username.resolve(json),
                          email: email.resolve(json), avatarURL: avatarURL.resolve(json), rawUser: raw,
                          accessToken: token.accessToken, refreshToken: token.refreshToken, expiry: token.expiry)
    }
}

/// A path into a JSON document: object keys and array indexes.
public enum OAuth2PathStep: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}

/// A profile value read from a provider's user JSON.
public indirect enum OAuth2Value: Sendable, Equatable {
    case none
    /// The value at the path: a string, or a number written as Go prints an int64 id.
    case path([OAuth2PathStep])
    /// The non-empty values at the paths joined with a space, trimmed.
    case joined([[OAuth2PathStep]])
    /// The template with each `{}` replaced by the next path's value (Go's `Sprintf`).
    case format(String, [[OAuth2PathStep]])
    /// Like `format`, but empty when any value is empty.
    case template(String, [[OAuth2PathStep]])
    /// The value only while the flag at the path is true.
    case when([OAuth2PathStep], OAuth2Value)

    public func resolve(_ json: JSONValue) -> String {
        switch self {
        case .none:
            return ""
        case .path(let path):
            return Self.text(at: path, in: json)
        case .joined(let paths):
            return paths.map { Self.text(at: $0, in: json) }.joined(separator: " ").trimming(" ")
        case .when(let flag, let value):
            return OAuth2Email.isTrue(Self.value(at: flag, in: json)) ? value.resolve(json) : ""
        case .template(let template, let paths):
            let values = paths.map { Self.text(at: $0, in: json) }
            guard !values.contains(where: \.isEmpty) else { return "" }
            return Self.fill(template, values)
        case .format(let template, let paths):
            return Self.fill(template, paths.map { Self.text(at: $0, in: json) })
        }
    }

    private static func fill(_ template: String, _ values: [String]) -> String {
        var result = ""
        var next = values.makeIterator()
        var rest = Substring(template)
        while let range = rest.firstRange(of: "{}") {
            result += rest[..<range.lowerBound]
            result += next.next() ?? ""
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func value(at path: [OAuth2PathStep], in json: JSONValue) -> JSONValue {
        var current = json
        for step in path {
            switch step {
            case .key(let key): current = current[key]
            case .index(let index):
                guard let items = current.arrayValue, items.indices.contains(index) else { return .null }
                current = items[index]
            }
        }
        return current
    }

    static func text(at path: [OAuth2PathStep], in json: JSONValue) -> String {
        switch value(at: path, in: json) {
        case .string(let text): return text
        case .number(let number):
            guard number.rounded() == number, abs(number) < 9.2e18 else { return String(number) }
            return String(Int64(number))
        default: return ""
        }
    }
}

/// Where the email is and when it counts as verified (PocketBase 0.28.4 maps only emails the
/// provider vouches for).
public enum OAuth2Email: Sendable, Equatable {
    case none
    /// The email as given.
    case path([OAuth2PathStep])
    /// The email only when every flag at the other paths is true (a bool, or a string
    /// `cast.ToBool` reads as true).
    case verified([OAuth2PathStep], by: [[OAuth2PathStep]])

    public func resolve(_ json: JSONValue) -> String {
        switch self {
        case .none:
            return ""
        case .path(let path):
            return OAuth2Value.text(at: path, in: json)
        case .verified(let path, let flags):
            let vouched = flags.allSatisfy { Self.isTrue(OAuth2Value.value(at: $0, in: json)) }
            return vouched ? OAuth2Value.text(at: path, in: json) : ""
        }
    }

    /// `cast.ToBool`: true, non-zero numbers and the strings `1 t T TRUE true True`.
    static func isTrue(_ value: JSONValue) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .number(let number): return number != 0
        case .string(let text): return ["1", "t", "T", "TRUE", "true", "True"].contains(text)
        default: return false
        }
    }
}
