/// One rate limit rule of the settings: at most `maxRequests` per `duration` seconds for the
/// requests its label matches.
///
/// A label is a tag (`users:create`, `*:auth`, `test_a`), an exact path (`/api/health`, with an
/// optional method: `POST /api/batch`) or a path prefix when it ends with `/` (`/api/`).
public struct RateLimitRule: Sendable, Equatable {
    /// Who a rule applies to.
    public enum Audience: String, Sendable, CaseIterable {
        case all = ""
        case guest = "@guest"
        case auth = "@auth"
    }

    public var label: String
    /// The raw audience (`""`, `@guest` or `@auth` once validated).
    public var audience: String
    public var duration: Int
    public var maxRequests: Int

    public init(label: String, audience: String = "", duration: Int, maxRequests: Int) {
        self.label = label
        self.audience = audience
        self.duration = duration
        self.maxRequests = maxRequests
    }

    init(json: JSONValue) {
        label = json["label"].stringValue ?? ""
        audience = json["audience"].stringValue ?? ""
        duration = Int(saturating: json["duration"].numberValue ?? 0)
        maxRequests = Int(saturating: json["maxRequests"].numberValue ?? 0)
    }

    /// PocketBase 0.28.4's label pattern: `WORD /path`, `/path`, `WORD:WORD`, `*:WORD` or `WORD`
    /// (`\w` is ASCII letters, digits and `_`; a path is `/` then `\w`, `/` and `-`).
    public static func isValidLabel(_ label: String) -> Bool {
        let bytes = Array(label.utf8)
        func isWord(_ b: UInt8) -> Bool {
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
        }
        func isPath(_ s: ArraySlice<UInt8>) -> Bool {
            s.first == UInt8(ascii: "/") && s.dropFirst().allSatisfy { isWord($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }
        }
        func isWords(_ s: ArraySlice<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy(isWord) }
        let all = bytes[...]
        if isPath(all) || isWords(all) { return true }
        if let space = bytes.firstIndex(of: UInt8(ascii: " ")) {
            return isWords(all[..<space]) && isPath(all[(space + 1)...])
        }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let head = all[..<colon]
            let tail = all[(colon + 1)...]
            return (isWords(head) || head.elementsEqual("*".utf8)) && isWords(tail)
        }
        return false
    }
}

/// The `rateLimits` section: whether limits apply, and the rules in their configured order.
public struct RateLimitsConfig: Sendable, Equatable {
    public var isEnabled: Bool
    public var rules: [RateLimitRule]

    public init(isEnabled: Bool, rules: [RateLimitRule]) {
        self.isEnabled = isEnabled
        self.rules = rules
    }

    /// The first rule for the labels, tried in order (PocketBase 0.28.4's `FindRateLimitRule`):
    /// for each label an exact match wins; otherwise a prefix rule (one ending in `/`) that
    /// `label + "/"` starts with. Only rules whose audience is in `audiences` count (any when nil).
    public func findRule(labels: [String], audiences: [RateLimitRule.Audience]? = nil) -> RateLimitRule? {
        func allowed(_ rule: RateLimitRule) -> Bool {
            audiences.map { $0.contains { $0.rawValue == rule.audience } } ?? true
        }
        let prefixRules = rules.filter { $0.label.hasSuffix("/") }
        for label in labels {
            if let exact = rules.first(where: { $0.label == label && allowed($0) }) { return exact }
            if let prefix = prefixRules.first(where: { (label + "/").hasPrefix($0.label) && allowed($0) }) {
                return prefix
            }
        }
        return nil
    }
}

extension AppSettings {
    /// The `rateLimits` section as values.
    public var rateLimits: RateLimitsConfig {
        RateLimitsConfig(isEnabled: value(at: "rateLimits", "enabled").boolValue ?? false,
                         rules: (value(at: "rateLimits", "rules").arrayValue ?? []).map(RateLimitRule.init(json:)))
    }
}
