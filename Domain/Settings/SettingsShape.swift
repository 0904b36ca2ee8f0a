/// The JSON shape of PocketBase's settings, and how a client's partial update is loaded into it.
///
/// Loading follows Go's `json.Unmarshal` into the current settings, as PocketBase 0.28.4 does:
/// unknown keys are ignored, `null` leaves a value unchanged (an array becomes empty), a value of
/// another JSON type (or a non-integer number for an integer) rejects the whole body, and array
/// elements are decoded *into* the element already at their index, so a key missing from an
/// element keeps the previous element's value.
public indirect enum SettingsShape: Sendable {
    case string
    /// A string stored but never returned, and left out when empty (`json:",omitempty"`).
    case secret
    case bool
    case integer
    case stringList
    case object([(key: String, shape: SettingsShape)])
    case list(SettingsShape)

    /// Why a value could not be loaded.
    public struct LoadError: Error, Equatable, Sendable {
        /// The path of the offending value, as keys and indexes.
        public let path: [String]
    }

    /// The whole settings document.
    public static let settings: SettingsShape = {
        let s3: SettingsShape = .object([
            ("enabled", .bool), ("bucket", .string), ("region", .string), ("endpoint", .string),
            ("accessKey", .string), ("secret", .secret), ("forcePathStyle", .bool),
        ])
        let rule: SettingsShape = .object([
            ("label", .string), ("audience", .string), ("duration", .integer), ("maxRequests", .integer),
        ])
        return .object([
            ("smtp", .object([
                ("enabled", .bool), ("port", .integer), ("host", .string), ("username", .string),
                ("password", .secret), ("authMethod", .string), ("tls", .bool), ("localName", .string),
            ])),
            ("backups", .object([("cron", .string), ("cronMaxKeep", .integer), ("s3", s3)])),
            ("s3", s3),
            ("meta", .object([
                ("appName", .string), ("appURL", .string), ("senderName", .string),
                ("senderAddress", .string), ("hideControls", .bool),
            ])),
            ("rateLimits", .object([("rules", .list(rule)), ("enabled", .bool)])),
            ("trustedProxy", .object([("headers", .stringList), ("useLeftmostIP", .bool)])),
            ("batch", .object([
                ("enabled", .bool), ("maxRequests", .integer), ("timeout", .integer), ("maxBodySize", .integer),
            ])),
            ("logs", .object([("maxDays", .integer), ("minLevel", .integer), ("logIP", .bool), ("logAuthId", .bool)])),
        ])
    }()

    /// The Go zero value of the shape.
    public var zero: JSONValue {
        switch self {
        case .string, .secret: .string("")
        case .bool: .bool(false)
        case .integer: .number(0)
        case .stringList, .list: .array([])
        case .object(let members):
            .object(JSONObject(members.compactMap { member in
                if case .secret = member.shape { return nil }
                return (member.key, member.shape.zero)
            }))
        }
    }

    /// `value` loaded into `existing`; the result holds only the shape's keys, in the shape's order.
    public func load(_ value: JSONValue, into existing: JSONValue, path: [String] = []) throws(LoadError) -> JSONValue {
        if value.isNull {
            switch self {
            case .stringList, .list: return .array([])
            default: return normalized(existing)
            }
        }
        switch (self, value) {
        case (.string, .string), (.bool, .bool):
            return value
        case (.secret, .string(let text)):
            return .string(text)
        case (.integer, .number(let n)):
            // Go refuses a fraction or a number beyond int64 for an int field.
            // (-2^63 itself is refused too: as a double it cannot be told from -2^63 - 1.)
            guard n == n.rounded(), n > -9.223372036854775808e18, n < 9.223372036854775808e18 else {
                throw LoadError(path: path)
            }
            return value
        case (.stringList, .array(let items)):
            guard items.allSatisfy({ $0.stringValue != nil }) else { throw LoadError(path: path) }
            return value
        case (.list(let element), .array(let items)):
            let previous = existing.arrayValue ?? []
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() {
                let base = index < previous.count ? previous[index] : element.zero
                result.append(try element.load(item, into: base, path: path + [String(index)]))
            }
            return .array(result)
        case (.object(let members), .object(let patch)):
            let current = existing.objectValue ?? JSONObject()
            var result = JSONObject()
            for member in members {
                let base = current[member.key] ?? member.shape.zero
                let loaded: JSONValue
                if let submitted = patch[member.key] {
                    loaded = try member.shape.load(submitted, into: base, path: path + [member.key])
                } else {
                    loaded = member.shape.normalized(base)
                }
                if case .secret = member.shape, loaded.stringValue?.isEmpty ?? true { continue }
                result[member.key] = loaded
            }
            return .object(result)
        default:
            throw LoadError(path: path)
        }
    }

    /// A stored value reduced to the shape (its zero value when the stored one has another type).
    public func normalized(_ value: JSONValue) -> JSONValue {
        switch (self, value) {
        case (.string, .string), (.secret, .string), (.bool, .bool), (.integer, .number):
            return value
        case (.stringList, .array(let items)):
            return .array(items.filter { $0.stringValue != nil })
        case (.list(let element), .array(let items)):
            return .array(items.map { element.normalized($0) })
        case (.object(let members), .object(let object)):
            var result = JSONObject()
            for member in members {
                guard let stored = object[member.key] else {
                    if case .secret = member.shape { continue }
                    result[member.key] = member.shape.zero
                    continue
                }
                let normal = member.shape.normalized(stored)
                if case .secret = member.shape, normal.stringValue?.isEmpty ?? true { continue }
                result[member.key] = normal
            }
            return .object(result)
        default:
            return zero
        }
    }
}
