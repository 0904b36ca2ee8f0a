/// Decodes a body's auth options over existing ones, as Go unmarshals into the embedded options
/// struct: only submitted keys change, nested objects merge, `null` leaves structs untouched.
enum AuthOptionsInput {
    static let keys = [
        "authRule", "manageRule", "authAlert", "oauth2", "passwordAuth", "mfa", "otp", "authToken",
        "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken", "verificationTemplate",
        "resetPasswordTemplate", "confirmEmailChangeTemplate",
    ]

    static func apply(_ body: JSONObject, to options: inout AuthOptions) throws(CollectionInputError) {
        for (key, value) in GoJSON.members(body, keys: keys) {
            switch key {
            case "authRule": options.authRule = try GoJSON.optionalString(value, key)
            case "manageRule": options.manageRule = try GoJSON.optionalString(value, key)
            case "authAlert":
                guard let o = try GoJSON.object(value, key) else { continue }
                for (k, v) in GoJSON.members(o, keys: ["enabled", "emailTemplate"]) {
                    if k == "enabled" { options.authAlert.enabled = try GoJSON.bool(v, key) ?? options.authAlert.enabled }
                    else { try template(v, "\(key).\(k)", &options.authAlert.emailTemplate) }
                }
            case "oauth2": try oauth2(value, &options.oauth2)
            case "passwordAuth":
                guard let o = try GoJSON.object(value, key) else { continue }
                for (k, v) in GoJSON.members(o, keys: ["enabled", "identityFields"]) {
                    if k == "enabled" {
                        options.passwordAuth.enabled = try GoJSON.bool(v, key) ?? options.passwordAuth.enabled
                    } else {
                        options.passwordAuth.identityFields = try GoJSON.strings(v, "\(key).\(k)") ?? []
                    }
                }
            case "mfa":
                guard let o = try GoJSON.object(value, key) else { continue }
                for (k, v) in GoJSON.members(o, keys: ["enabled", "duration", "rule"]) {
                    switch k {
                    case "enabled": options.mfa.enabled = try GoJSON.bool(v, key) ?? options.mfa.enabled
                    case "duration": options.mfa.duration = try GoJSON.int(v, key) ?? options.mfa.duration
                    default: options.mfa.rule = try GoJSON.string(v, key) ?? options.mfa.rule
                    }
                }
            case "otp":
                guard let o = try GoJSON.object(value, key) else { continue }
                for (k, v) in GoJSON.members(o, keys: ["enabled", "duration", "length", "emailTemplate"]) {
                    switch k {
                    case "enabled": options.otp.enabled = try GoJSON.bool(v, key) ?? options.otp.enabled
                    case "duration": options.otp.duration = try GoJSON.int(v, key) ?? options.otp.duration
                    case "length": options.otp.length = try GoJSON.int(v, key) ?? options.otp.length
                    default: try template(v, "\(key).\(k)", &options.otp.emailTemplate)
                    }
                }
            case "authToken": try token(value, key, &options.authToken)
            case "passwordResetToken": try token(value, key, &options.passwordResetToken)
            case "emailChangeToken": try token(value, key, &options.emailChangeToken)
            case "verificationToken": try token(value, key, &options.verificationToken)
            case "fileToken": try token(value, key, &options.fileToken)
            case "verificationTemplate": try template(value, key, &options.verificationTemplate)
            case "resetPasswordTemplate": try template(value, key, &options.resetPasswordTemplate)
            default: try template(value, key, &options.confirmEmailChangeTemplate)
            }
        }
    }

    private static func token(_ value: JSONValue, _ path: String, _ token: inout TokenConfig) throws(CollectionInputError) {
        guard let o = try GoJSON.object(value, path) else { return }
        for (k, v) in GoJSON.members(o, keys: ["secret", "duration"]) {
            if k == "secret" { token.secret = try GoJSON.string(v, path) ?? token.secret }
            else { token.duration = try GoJSON.int(v, path) ?? token.duration }
        }
    }

    private static func template(_ value: JSONValue, _ path: String, _ template: inout EmailTemplate) throws(CollectionInputError) {
        guard let o = try GoJSON.object(value, path) else { return }
        for (k, v) in GoJSON.members(o, keys: ["subject", "body"]) {
            if k == "subject" { template.subject = try GoJSON.string(v, path) ?? template.subject }
            else { template.body = try GoJSON.string(v, path) ?? template.body }
        }
    }

    private static let mappedKeys = ["id", "name", "username", "avatarURL"]
    private static let providerStringKeys = ["name", "clientId", "clientSecret", "authURL", "tokenURL", "userInfoURL",
                                             "displayName"]

    private static func oauth2(_ value: JSONValue, _ config: inout OAuth2Config) throws(CollectionInputError) {
        guard let o = try GoJSON.object(value, "oauth2") else { return }
        for (k, v) in GoJSON.members(o, keys: ["providers", "mappedFields", "enabled"]) {
            switch k {
            case "enabled": config.enabled = try GoJSON.bool(v, "oauth2.enabled") ?? config.enabled
            case "mappedFields":
                guard let m = try GoJSON.object(v, "oauth2.mappedFields") else { continue }
                var mapped = JSONObject()
                for key in mappedKeys { mapped[key] = config.mappedFields[key] ?? "" }
                for (mk, mv) in GoJSON.members(m, keys: mappedKeys) {
                    if let s = try GoJSON.string(mv, "oauth2.mappedFields.\(mk)") { mapped[mk] = .string(s) }
                }
                config.mappedFields = mapped
            default:
                switch v {
                case .null: config.providers = nil
                case .array(let items):
                    // Go decodes a slice element over the one already at that index, so a provider's
                    // client secret (never sent back by the API) survives an update.
                    let old = config.providers ?? []
                    var providers: [JSONValue] = []
                    for (i, item) in items.enumerated() {
                        let previous = i < old.count ? old[i].objectValue : nil
                        providers.append(.object(try provider(item, over: previous, "oauth2.providers.\(i)")))
                    }
                    config.providers = providers
                default: throw GoJSON.fail("oauth2.providers", "array")
                }
            }
        }
    }

    private static func provider(_ value: JSONValue, over previous: JSONObject?, _ path: String) throws(CollectionInputError) -> JSONObject {
        var p = JSONObject()
        p["pkce"] = previous?["pkce"] ?? .null
        for key in providerStringKeys { p[key] = previous?[key] ?? "" }
        p["extra"] = previous?["extra"] ?? .null
        guard let o = try GoJSON.object(value, path) else { return p }
        for (k, v) in GoJSON.members(o, keys: ["pkce", "extra"] + providerStringKeys) {
            switch k {
            case "pkce":
                if case .null = v { p["pkce"] = .null } else { p["pkce"] = .bool(try GoJSON.bool(v, path)!) }
            case "extra": p["extra"] = try GoJSON.mergeMap(v, into: p["extra"], path)
            default: if let s = try GoJSON.string(v, path) { p[k] = .string(s) }
            }
        }
        if p["clientSecret"] == "" { p["clientSecret"] = nil }
        return p
    }
}
