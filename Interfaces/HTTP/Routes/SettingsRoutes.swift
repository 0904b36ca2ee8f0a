public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `GET|PATCH /api/settings`, for superusers only; secrets never leave the server.
public struct SettingsRoutes: Sendable {
    private let settings: SettingsService

    public init(settings: SettingsService) {
        self.settings = settings
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.get("/api/settings") { _, context in
            _ = try context.requireSuperuser()
            return JSONResponse.make(settings.current.publicJSON)
        }
        router.patch("/api/settings") { request, context in
            _ = try context.requireSuperuser()
            let patch = try await RequestBody.object(from: request)
            return JSONResponse.make(try settings.update(patch).publicJSON)
        }
    }
}
