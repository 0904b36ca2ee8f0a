internal import PocketDomain

/// The providers of `auth-methods`: for each configured provider PocketBase 0.28.4 knows, a fresh
/// state, a PKCE pair when the provider uses PKCE, and its authorization URL.
enum OAuth2ProviderListing {
    static func providers(of config: OAuth2Config, random: any RandomStringGenerator) -> [JSONValue] {
        (config.providers ?? []).compactMap { json in
            guard let provider = OAuth2ProviderConfig(json: json).resolve() else { return nil }
            let state = random.string(length: 30, alphabet: Alphabet.alphanumeric)
            var verifier = "", challenge = "", method = ""
            if provider.pkce {
                verifier = random.string(length: 43, alphabet: Alphabet.alphanumeric)
                challenge = PKCE.challenge(for: verifier)
                method = "S256"
            }
            let url = provider.authorizationURL(state: state, codeChallenge: provider.pkce ? challenge : nil)
            return .object(JSONObject([
                ("name", .string(provider.name)),
                ("displayName", .string(provider.displayName)),
                ("state", .string(state)),
                ("authURL", .string(url)),
                ("authUrl", .string(url)),
                ("codeVerifier", .string(verifier)),
                ("codeChallenge", .string(challenge)),
                ("codeChallengeMethod", .string(method)),
            ]))
        }
    }
}
