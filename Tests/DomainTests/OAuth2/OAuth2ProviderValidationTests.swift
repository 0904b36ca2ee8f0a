@testable import PocketDomain
import Testing

@Suite("OAuth2 provider validation")
struct OAuth2ProviderValidationTests {
    typealias F = CollectionFixtures

    func codes(_ providers: JSONValue) throws -> JSONValue {
        try F.errorCodes(["name": "people", "type": "auth", "oauth2": ["enabled": true, "providers": providers]])
    }

    @Test("a known provider with credentials and valid URLs passes")
    func valid() throws {
        #expect(try codes([["name": "oidc", "clientId": "a", "clientSecret": "b", "authURL": "https://idp.test/auth"],
                           ["name": "github", "clientId": "a", "clientSecret": "b"]]) == [:])
    }

    @Test("unknown names and invalid URLs are PocketBase's provider errors")
    func invalid() throws {
        #expect(try codes([["name": "nope", "clientId": "a", "clientSecret": "b"]])
            == ["oauth2": ["providers": ["0": ["name": "validation_missing_provider"]]]])
        #expect(try codes([["name": "oidc", "clientId": "a", "clientSecret": "b", "authURL": "not a url",
                            "userInfoURL": "also bad"]])
            == ["oauth2": ["providers": ["0": ["authURL": "validation_is_url", "userInfoURL": "validation_is_url"]]]])
    }
}
