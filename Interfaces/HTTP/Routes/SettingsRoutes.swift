public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `GET|PATCH /api/settings` and the `test/email` and `test/s3` checks, for superusers only;
/// secrets never leave the server.
public struct SettingsRoutes: Sendable {
    private let settings: SettingsService
    private let diagnostics: SettingsDiagnostics?
    private let bodyLimit: Int

    public init(settings: SettingsService, diagnostics: SettingsDiagnostics? = nil,
                bodyLimit: Int = RequestBody.defaultLimit) {
        self.settings = settings
        self.diagnostics = diagnostics
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
        guard let diagnostics else { return }
        router.post("/api/settings/test/email") { request, context in
            _ = try context.requireSuperuser()
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try await diagnostics.sendTestEmail(email: try Self.string(body, "email"),
                                                template: try Self.string(body, "template"),
                                                collection: try Self.string(body, "collection"))
            return Response(status: .noContent)
        }
        router.post("/api/settings/test/s3") { request, context in
            _ = try context.requireSuperuser()
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try await diagnostics.testS3(filesystem: try Self.string(body, "filesystem"))
            return Response(status: .noContent)
        }
    }

    /// A string member of a form body: "" when missing or null, PocketBase's load error otherwise.
    static func string(_ body: JSONObject, _ key: String) throws -> String {
        switch body[key] {
        case nil, .null?: return ""
        case .string(let text)?: return text
        default: throw ApplicationError.loadFailed
        }
    }
}
