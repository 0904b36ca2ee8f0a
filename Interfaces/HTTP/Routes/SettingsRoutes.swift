public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `GET|PATCH /api/settings`, for superusers only; secrets never leave the server.
public struct SettingsRoutes: Sendable {
    private let settings: SettingsService
    private let bodyLimit: Int

    public init(settings: SettingsService, bodyLimit: Int = RequestBody.defaultLimit) {
        self.settings = settings
        self.bodyLimit = bodyLimit
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.get("/api/settings") { _, context in
            _ = try context.requireSuperuser()
            return JSONResponse.make(settings.current.publicJSON)
        }
        router.patch("/api/settings") { request, context in
            _ = try context.requireSuperuser()
            let patch = try await RequestBody.object(from: request, limit: bodyLimit)
            return JSONResponse.make(try settings.update(patch).publicJSON)
        }
    }
}
