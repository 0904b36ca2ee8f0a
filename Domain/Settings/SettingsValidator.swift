/// PocketBase 0.28.4's validation of the whole settings document, section by section, with its
/// error codes, messages and nesting (`rateLimits.rules.0.label`).
///
/// Each field reports its first failing rule; `required` fails on Go's zero value (`""`, `0`);
/// `min`, `in`, `match`, `is.URL`, `is.Host` and `is.Email` skip zero values.
public enum SettingsValidator {
    public static func validate(_ settings: AppSettings) -> FieldErrors {
        let json = settings.json
        var errors = FieldErrors()
        func section(_ name: String, _ check: (JSONObject) -> FieldErrors) {
            let nested = check(json[name]?.objectValue ?? JSONObject())
            if !nested.isEmpty { errors.add(name, ValidationError(code: "validation_invalid", message: "", nested: nested)) }
        }
        section("meta", meta)
        section("logs", logs)
        section("smtp", smtp)
        section("s3", s3)
        section("backups", backups)
        section("batch", batch)
        section("rateLimits", rateLimits)
        return errors
    }

    // MARK: sections

    static func meta(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        e.add("appName", first(required(o.string("appName")), length(o.string("appName"), 1, 255)))
        e.add("appURL", first(required(o.string("appURL")), url(o.string("appURL"))))
        e.add("senderName", first(required(o.string("senderName")), length(o.string("senderName"), 1, 255)))
        let sender = o.string("senderAddress")
        e.add("senderAddress", first(sender.isEmpty || EmailAddress.isValid(sender) ? nil : .invalidEmail, required(sender)))
        return e
    }

    static func logs(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        e.add("maxDays", min(o.int("maxDays"), 0))
        return e
    }

    static func smtp(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        let enabled = o.bool("enabled")
        let host = o.string("host")
        e.add("host", first(enabled ? required(host) : nil, self.host(host)))
        e.add("port", first(enabled ? required(o.int("port")) : nil, min(o.int("port"), 0)))
        e.add("authMethod", oneOf(o.string("authMethod"), ["LOGIN", "PLAIN"]))
        e.add("localName", self.host(o.string("localName")))
        return e
    }

    static func s3(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        let enabled = o.bool("enabled")
        e.add("endpoint", first(url(o.string("endpoint")), enabled ? required(o.string("endpoint")) : nil))
        for key in ["bucket", "region", "accessKey", "secret"] where enabled {
            e.add(key, required(o.string(key)))
        }
        return e
    }

    static func backups(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        let s3Errors = s3(o["s3"]?.objectValue ?? JSONObject())
        if !s3Errors.isEmpty { e.add("s3", ValidationError(code: "validation_invalid", message: "", nested: s3Errors)) }
        let cron = o.string("cron")
        if !cron.isEmpty {
            do {
                _ = try CronSchedule(cron)
            } catch {
                e.add("cron", ValidationError(code: "validation_invalid_cron", message: sentence(error.message)))
            }
        }
        e.add("cronMaxKeep", first(cron.isEmpty ? nil : required(o.int("cronMaxKeep")), min(o.int("cronMaxKeep"), 1)))
        return e
    }

    static func batch(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        let enabled = o.bool("enabled")
        e.add("maxRequests", first(enabled ? required(o.int("maxRequests")) : nil, min(o.int("maxRequests"), 0)))
        e.add("timeout", first(enabled ? required(o.int("timeout")) : nil, min(o.int("timeout"), 0)))
        e.add("maxBodySize", min(o.int("maxBodySize"), 0))
        return e
    }

    static func rateLimits(_ o: JSONObject) -> FieldErrors {
        var e = FieldErrors()
        let rules = (o["rules"]?.arrayValue ?? []).map(RateLimitRule.init(json:))
        if o.bool("enabled"), rules.isEmpty {
            e.add("rules", .required)
            return e
        }
        // ozzo's `When` validates the elements before the uniqueness rule runs (PocketBase 0.28.4).
        var elements = FieldErrors()
        for (index, rule) in rules.enumerated() {
            let ruleErrors = self.rule(rule)
            if !ruleErrors.isEmpty {
                elements.add(String(index), ValidationError(code: "validation_invalid", message: "", nested: ruleErrors))
            }
        }
        if elements.isEmpty, let conflict = firstConflict(rules) {
            elements.add(String(conflict), ValidationError(code: "validation_invalid", message: "", nested: FieldErrors(
                "label", ValidationError(
                    code: "validation_conflicting_rate_limit_rule",
                    message: "Rate limit rule configuration with label \(rules[conflict].label) already exists or conflicts with another rule.",
                    params: JSONObject([("label", .string(rules[conflict].label))])))))
        }
        if !elements.isEmpty { e.add("rules", ValidationError(code: "validation_invalid", message: "", nested: elements)) }
        return e
    }

    static func rule(_ rule: RateLimitRule) -> FieldErrors {
        var e = FieldErrors()
        e.add("label", first(required(rule.label), RateLimitRule.isValidLabel(rule.label) || rule.label.isEmpty ? nil : match))
        e.add("maxRequests", first(required(rule.maxRequests), min(rule.maxRequests, 1)))
        e.add("duration", first(required(rule.duration), min(rule.duration, 1)))
        e.add("audience", oneOf(rule.audience, RateLimitRule.Audience.allCases.map(\.rawValue)))
        return e
    }

    /// The index of the first rule whose `label@@audience` key is a prefix of an earlier one's, or
    /// the other way round (PocketBase 0.28.4 compares prefixes, so `/api/` for everyone conflicts
    /// with `/api/` for `@guest`).
    static func firstConflict(_ rules: [RateLimitRule]) -> Int? {
        var keys: [String] = []
        for (index, rule) in rules.enumerated() {
            let key = rule.label + "@@" + rule.audience
            if keys.contains(where: { $0.hasPrefix(key) || key.hasPrefix($0) }) { return index }
            keys.append(key)
        }
        return nil
    }

    // MARK: rules

    static func first(_ errors: ValidationError?...) -> ValidationError? {
        errors.lazy.compactMap { $0 }.first
    }

    static func required(_ text: String) -> ValidationError? { text.isEmpty ? .required : nil }
    static func required(_ n: Int) -> ValidationError? { n == 0 ? .required : nil }

    static func min(_ n: Int, _ threshold: Int) -> ValidationError? {
        guard n != 0, n < threshold else { return nil }
        return ValidationError(code: "validation_min_greater_equal_than_required",
                               message: "Must be no less than \(threshold).",
                               params: JSONObject([("threshold", .number(Double(threshold)))]))
    }

    static func length(_ text: String, _ minimum: Int, _ maximum: Int) -> ValidationError? {
        let count = text.unicodeScalars.count
        guard count != 0, count < minimum || count > maximum else { return nil }
        return .outOfRange(min: minimum, max: maximum)
    }

    static func url(_ text: String) -> ValidationError? {
        text.isEmpty || GoURL.isValid(text) ? nil : ValidationError(code: "validation_is_url", message: "Must be a valid URL.")
    }

    static func host(_ text: String) -> ValidationError? {
        text.isEmpty || HostName.isValid(text)
            ? nil : ValidationError(code: "validation_is_host", message: "Must be a valid IP address or DNS name.")
    }

    static func oneOf(_ text: String, _ allowed: [String]) -> ValidationError? {
        text.isEmpty || allowed.contains(text) ? nil : .notInList
    }

    static let match = ValidationError(code: "validation_match_invalid", message: "Must be in a valid format.")

    /// PocketBase's sentence case: first letter upper-cased, a period appended.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let upper = first.uppercased() + text.dropFirst()
        return upper.hasSuffix(".") ? upper : upper + "."
    }
}

extension FieldErrors {
    /// Adds the failure when there is one.
    mutating func add(_ field: String, _ error: ValidationError?) {
        if let error { add(field, error) }
    }
}
