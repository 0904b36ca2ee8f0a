/// The application settings PocketBase keeps in `_params` under the id `settings`.
///
/// Kept as PocketBase's JSON object (sections `smtp`, `backups`, `s3`, `meta`, `rateLimits`,
/// `trustedProxy`, `batch`, `logs`); `SettingsShape` says which keys and types a client may set.
public struct AppSettings: Sendable, Equatable {
    public private(set) var json: JSONObject

    /// The stored paths that are secrets: kept in the database, never returned by the API.
    public static let secretPaths: [[String]] = [["smtp", "password"], ["s3", "secret"], ["backups", "s3", "secret"]]

    public init(json: JSONObject) {
        var merged = AppSettings.defaults.json
        for (key, value) in json {
            if case .object(let section) = value, case .object(let base)? = merged[key] {
                merged[key] = .object(Self.deepMerge(base, section))
            } else {
                merged[key] = value
            }
        }
        self.json = merged
    }

    private init(defaults: JSONObject) { self.json = defaults }

    /// PocketBase 0.28.4's settings of a fresh data directory.
    public static let defaults: AppSettings = {
        let s3: JSONValue = ["enabled": false, "bucket": "", "region": "", "endpoint": "", "accessKey": "",
                             "forcePathStyle": false]
        func rule(_ label: String, _ duration: Int, _ max: Int) -> JSONValue {
            ["label": .string(label), "audience": "", "duration": .number(Double(duration)),
             "maxRequests": .number(Double(max))]
        }
        return AppSettings(defaults: JSONObject([
            ("smtp", ["enabled": false, "port": 587, "host": "smtp.example.com", "username": "", "authMethod": "",
                      "tls": false, "localName": ""]),
            ("backups", ["cron": "", "cronMaxKeep": 3, "s3": s3]),
            ("s3", s3),
            ("meta", ["appName": "Acme", "appURL": "http://localhost:8090", "senderName": "Support",
                      "senderAddress": "support@example.com", "hideControls": false]),
            ("rateLimits", ["rules": [rule("*:auth", 3, 2), rule("*:create", 5, 20), rule("/api/batch", 1, 3),
                                      rule("/api/", 10, 300)],
                            "enabled": false]),
            ("trustedProxy", ["headers": [], "useLeftmostIP": false]),
            ("batch", ["enabled": false, "maxRequests": 50, "timeout": 3, "maxBodySize": 0]),
            ("logs", ["maxDays": 5, "minLevel": 0, "logIP": true, "logAuthId": false]),
        ]))
    }()

    /// The settings as the API returns them: every secret left out.
    public var publicJSON: JSONObject {
        var copy = json
        for path in Self.secretPaths { Self.remove(path[...], from: &copy) }
        return copy
    }

    /// A value by path (`["meta", "appName"]`); `.null` when missing.
    public func value(at path: String...) -> JSONValue {
        var current: JSONValue = .object(json)
        for key in path { current = current[key] }
        return current
    }

    public var appName: String { value(at: "meta", "appName").stringValue ?? "" }
    public var appURL: String { value(at: "meta", "appURL").stringValue ?? "" }

    /// Applies a client's partial update: objects merge key by key, anything else replaces.
    public func merging(_ patch: JSONObject) -> AppSettings {
        AppSettings(json: Self.deepMerge(json, patch))
    }

    static func deepMerge(_ base: JSONObject, _ patch: JSONObject) -> JSONObject {
        var result = base
        for (key, value) in patch {
            if case .object(let inner) = value, case .object(let existing)? = result[key] {
                result[key] = .object(deepMerge(existing, inner))
            } else {
                result[key] = value
            }
        }
        return result
    }

    private static func remove(_ path: ArraySlice<String>, from object: inout JSONObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = nil
        } else if case .object(var inner)? = object[first] {
            remove(path.dropFirst(), from: &inner)
            object[first] = .object(inner)
        }
    }
}
