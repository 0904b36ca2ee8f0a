public import PocketDomain
internal import Synchronization

/// Loads, serves and saves the application settings, encrypted at rest when a key is configured.
public final class SettingsService: Sendable {
    /// The `_params` id of the settings row.
    public static let paramID = "settings"

    private let params: any ParamStore
    private let cipher: any SecretCipher
    private let encryptionKey: String?
    private let encryptionEnvName: String
    private let state = Mutex((settings: AppSettings.defaults, revision: 0))

    /// `encryptionKey` is the 32-character value of the variable named by `--encryptionEnv`
    /// (`encryptionEnvName`), or nil.
    public init(params: any ParamStore, cipher: any SecretCipher, encryptionKey: String?, encryptionEnvName: String = "") {
        self.params = params
        self.cipher = cipher
        self.encryptionKey = encryptionKey.flatMap { $0.isEmpty ? nil : $0 }
        self.encryptionEnvName = encryptionEnvName
    }

    /// The settings in force.
    public var current: AppSettings { state.withLock { $0.settings } }

    /// Counts the changes of the settings in force (each load or save), so that state derived from
    /// them (rate limit windows) knows when to start afresh.
    public var revision: Int { state.withLock { $0.revision } }

    /// Reads the stored settings, or stores the defaults in a fresh data directory.
    ///
    /// Throws when the stored value is neither readable JSON nor decryptable with the key (PocketBase
    /// 0.28.4 refuses to start then).
    public func load() throws {
        guard let stored = try params.param(Self.paramID) else {
            try save(AppSettings.defaults)
            return
        }
        let settings = try decode(stored)
        state.withLock { $0 = (settings, $0.revision + 1) }
    }

    /// Applies a client's partial update, validates and stores it; returns the new settings.
    public func update(_ patch: JSONObject) throws -> AppSettings {
        let merged: AppSettings
        do {
            merged = try SettingsPatch.apply(patch, to: current)
        } catch .invalidTypes {
            throw ApplicationError.loadFailed
        } catch .invalid(let errors) {
            throw ApplicationError.badRequest("An error occurred while saving the new settings.", errors)
        }
        try save(merged)
        return merged
    }

    private func save(_ settings: AppSettings) throws {
        let plain = JSONWriter.bytes(.object(settings.json))
        if let key = encryptionKey {
            try params.setParam(Self.paramID, .text(try cipher.encrypt(plain, key: key)))
        } else {
            try params.setParam(Self.paramID, .blob(plain))
        }
        state.withLock { $0 = (settings, $0.revision + 1) }
    }

    private func decode(_ stored: ParamValue) throws -> AppSettings {
        if let key = encryptionKey, case .text(let text) = stored,
           let plain = try? cipher.decrypt(text, key: key),
           case .object(let object)? = try? JSONParser.parse(plain) {
            return AppSettings(json: object)
        }
        if case .object(let object)? = try? JSONParser.parse(stored.bytes) {
            return AppSettings(json: object)
        }
        throw ApplicationError.internalError(
            "invalid settings db data or missing encryption key \"\(encryptionEnvName)\"")
    }
}
