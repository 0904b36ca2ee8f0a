extension CollectionValidator.Context {
    /// The auth options' errors (`collectionAuthOptions.validate`): struct checks first; only when
    /// they all pass, the MFA and identity-field checks.
    func authErrors() -> FieldErrors {
        let options = new.auth ?? AuthOptions()
        let oldOptions = old?.auth
        var errors = FieldErrors()
        if let e = ruleError(options.authRule, old: old == nil ? nil : oldOptions?.authRule) { errors.add("authRule", e) }
        if options.manageRule == "" {
            errors.add("manageRule", Rules.nilOrNotEmpty)
        } else if let e = ruleError(options.manageRule, old: oldOptions?.manageRule) {
            errors.add("manageRule", e)
        }
        add("authAlert", Self.nested(["emailTemplate": Self.templateErrors(options.authAlert.emailTemplate)]), to: &errors)
        if options.passwordAuth.enabled, options.passwordAuth.identityFields.isEmpty {
            errors.add("passwordAuth", Rules.tree(FieldErrors("identityFields", Rules.required)))
        }
        if options.oauth2.enabled { add("oauth2", providersErrors(options.oauth2.providers ?? []), to: &errors) }
        var otp = FieldErrors()
        if options.otp.enabled {
            if let e = Self.requiredRange(options.otp.duration, min: 10, max: 86_400) { otp.add("duration", e) }
            if let e = Self.requiredRange(options.otp.length, min: 4, max: nil) { otp.add("length", e) }
        }
        let otpTemplate = Self.templateErrors(options.otp.emailTemplate)
        if !otpTemplate.isEmpty { otp.add("emailTemplate", Rules.tree(otpTemplate)) }
        add("otp", otp, to: &errors)
        if options.mfa.enabled, let e = Self.requiredRange(options.mfa.duration, min: 10, max: 86_400) {
            errors.add("mfa", Rules.tree(FieldErrors("duration", e)))
        }
        let tokens = [("authToken", options.authToken), ("passwordResetToken", options.passwordResetToken),
                      ("emailChangeToken", options.emailChangeToken), ("verificationToken", options.verificationToken),
                      ("fileToken", options.fileToken)]
        for (key, token) in tokens {
            var e = FieldErrors()
            if token.secret.isEmpty {
                e.add("secret", Rules.required)
            } else if let l = Rules.length(token.secret, min: 30, max: 255) {
                e.add("secret", l)
            }
            if let d = Self.requiredRange(token.duration, min: 10, max: 94_670_856) { e.add("duration", d) }
            add(key, e, to: &errors)
        }
        add("verificationTemplate", Self.templateErrors(options.verificationTemplate), to: &errors)
        add("resetPasswordTemplate", Self.templateErrors(options.resetPasswordTemplate), to: &errors)
        add("confirmEmailChangeTemplate", Self.templateErrors(options.confirmEmailChangeTemplate), to: &errors)
        guard errors.isEmpty else { return errors }

        if options.mfa.enabled {
            let enabled = [options.passwordAuth.enabled, options.oauth2.enabled, options.otp.enabled].filter { $0 }.count
            if enabled < 2 {
                return FieldErrors("mfa", Rules.tree(FieldErrors("enabled", ValidationError(
                    code: "validation_mfa_not_enough_auths", message: "MFA requires at least 2 auth methods to be enabled."))))
            }
            if !options.mfa.rule.isEmpty,
               let e = ruleError(options.mfa.rule, old: old == nil ? nil : (oldOptions?.mfa.rule ?? "")) {
                return FieldErrors("mfa", Rules.tree(FieldErrors("rule", e)))
            }
        }
        if options.passwordAuth.enabled {
            for name in options.passwordAuth.identityFields {
                let params = JSONObject([("fieldName", .string(name))])
                let error: ValidationError
                if !new.fields.contains(where: { $0.name == name }) {
                    error = ValidationError(code: "validation_missing_field", message: "Invalid or missing field \(name).",
                                            params: params)
                } else if !IndexSpec.hasSingleColumnUniqueIndex(new.indexes, column: name) {
                    error = ValidationError(code: "validation_missing_unique_constraint",
                                            message: "The field \(name) doesn't have a UNIQUE constraint.", params: params)
                } else {
                    continue
                }
                return FieldErrors("passwordAuth", Rules.tree(FieldErrors("identityFields", error)))
            }
        }
        return FieldErrors()
    }

    private func add(_ key: String, _ nested: FieldErrors, to errors: inout FieldErrors) {
        if !nested.isEmpty { errors.add(key, Rules.tree(nested)) }
    }

    private static func nested(_ members: KeyValuePairs<String, FieldErrors>) -> FieldErrors {
        var errors = FieldErrors()
        for (key, value) in members where !value.isEmpty { errors.add(key, Rules.tree(value)) }
        return errors
    }

    private static func templateErrors(_ template: EmailTemplate) -> FieldErrors {
        var errors = FieldErrors()
        if template.subject.isEmpty { errors.add("subject", Rules.required) }
        if template.body.isEmpty { errors.add("body", Rules.required) }
        return errors
    }

    /// `Required, Min(min), Max(max)` on an integer.
    private static func requiredRange(_ value: Int, min: Int, max: Int?) -> ValidationError? {
        value == 0 ? Rules.required : Rules.range(value, min: min, max: max)
    }

    /// OAuth2 providers (only checked while OAuth2 is enabled): duplicates, then each provider.
    private func providersErrors(_ providers: [JSONValue]) -> FieldErrors {
        var seen: Set<String> = []
        for (i, provider) in providers.enumerated() {
            let name = provider["name"].stringValue ?? ""
            guard !name.isEmpty else { continue }
            if seen.contains(name) {
                return FieldErrors("providers", Rules.tree(FieldErrors(String(i), Rules.tree(FieldErrors("name", ValidationError(
                    code: "validation_duplicated_provider", message: "The provider \(name) is already registered.",
                    params: JSONObject([("name", .string(name))])))))))
            }
            seen.insert(name)
        }
        var each = FieldErrors()
        for (i, provider) in providers.enumerated() {
            var e = FieldErrors()
            for key in ["name", "clientId", "clientSecret"] where (provider[key].stringValue ?? "").isEmpty {
                e.add(key, Rules.required)
            }
            let name = provider["name"].stringValue ?? ""
            if !name.isEmpty, OAuth2ProviderCatalog.spec(named: name) == nil {
                e.add("name", ValidationError(code: "validation_missing_provider",
                                              message: "Invalid or missing provider with name \(name).",
                                              params: JSONObject([("name", .string(name))])))
            }
            for key in ["authURL", "tokenURL", "userInfoURL"] {
                let url = provider[key].stringValue ?? ""
                if !url.isEmpty, !GoURL.isValid(url) {
                    e.add(key, ValidationError(code: "validation_is_url", message: "Must be a valid URL."))
                }
            }
            if !e.isEmpty { each.add(String(i), Rules.tree(e)) }
        }
        return each.isEmpty ? FieldErrors() : FieldErrors("providers", Rules.tree(each))
    }
}
