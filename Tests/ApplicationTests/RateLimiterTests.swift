import PocketApplication
import PocketDomain
import PocketTestSupport
import Synchronization
import Testing

@Suite("RateLimiter")
struct RateLimiterTests {
    final class Seconds: Sendable {
        let value = Mutex<Int64>(1_000)
        func advance(_ by: Int64) { value.withLock { $0 += by } }
    }

    func make(_ rules: JSONValue, enabled: Bool = true) throws -> (RateLimiter, SettingsService, Seconds) {
        let settings = SettingsService(params: InMemoryParamStore(), cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try settings.load()
        _ = try settings.update(patch(["rateLimits": ["enabled": .bool(enabled), "rules": rules]]))
        let clock = Seconds()
        return (RateLimiter(settings: settings, now: { clock.value.withLock { $0 } }), settings, clock)
    }

    @Test("a fixed window allows maxRequests per duration and per client")
    func window() throws {
        let (limiter, _, clock) = try make([["label": "/api/", "duration": 10, "maxRequests": 2]])
        let allow = { (client: String) in
            limiter.allowsRequest(method: "GET", path: "/api/health", caller: .guest, client: client)
        }
        #expect([allow("a"), allow("a"), allow("a"), allow("b")] == [true, true, false, true])
        clock.advance(9)
        #expect(!allow("a"))
        clock.advance(10)
        #expect(allow("a"))
    }

    @Test("audiences: @guest skips authenticated callers, superusers are never limited")
    func audiences() throws {
        let (limiter, _, _) = try make([["label": "/api/health", "audience": "@guest", "duration": 60, "maxRequests": 1]])
        for caller in [RateLimitCaller.authenticated, .superuser] {
            for _ in 0..<3 { #expect(limiter.allowsRequest(method: "GET", path: "/api/health", caller: caller, client: "a")) }
        }
        #expect(limiter.allowsRequest(method: "GET", path: "/api/health", caller: .guest, client: "a"))
        #expect(!limiter.allowsRequest(method: "GET", path: "/api/health", caller: .guest, client: "a"))
    }

    @Test("disabled limits never refuse")
    func disabled() throws {
        let (limiter, _, _) = try make([["label": "/api/", "duration": 60, "maxRequests": 1]], enabled: false)
        for _ in 0..<3 { #expect(limiter.allowsRequest(method: "GET", path: "/api/x", caller: .guest, client: "a")) }
    }

    @Test("collection actions match <name>:<tag>, then *:<tag>, each endpoint counting on its own")
    func collectionActions() throws {
        let (limiter, _, _) = try make([["label": "*:create", "duration": 60, "maxRequests": 1]])
        let posts = Collection(id: "pbc_1", name: "posts", kind: .base)
        let create = {
            limiter.allowsCollectionAction(collection: posts, tags: ["create"], route: "/api/collections/:collection/records",
                                           method: "POST", path: "/api/collections/posts/records", caller: .guest, client: "a")
        }
        #expect(create())
        #expect(!create())
        #expect(limiter.allowsCollectionAction(collection: posts, tags: ["list"], route: "/api/collections/:collection/records",
                                               method: "GET", path: "/api/collections/posts/records", caller: .guest, client: "a"))
    }

    @Test("saving the settings starts every window afresh")
    func reset() throws {
        let (limiter, settings, _) = try make([["label": "/api/", "duration": 60, "maxRequests": 1]])
        #expect(limiter.allowsRequest(method: "GET", path: "/api/x", caller: .guest, client: "a"))
        #expect(!limiter.allowsRequest(method: "GET", path: "/api/x", caller: .guest, client: "a"))
        _ = try settings.update(patch(["meta": ["appName": "Other"]]))
        #expect(limiter.allowsRequest(method: "GET", path: "/api/x", caller: .guest, client: "a"))
    }
}
