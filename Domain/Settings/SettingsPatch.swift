/// Applies a client's settings update as PocketBase 0.28.4 does: the body is loaded into the
/// current settings (see `SettingsShape`), then the whole result is validated.
public enum SettingsPatch {
    /// Why a patch cannot be applied.
    public enum Problem: Error, Equatable, Sendable {
        /// A value of the wrong JSON type: the body could not be loaded.
        case invalidTypes
        /// The merged settings break a rule.
        case invalid(FieldErrors)
    }

    /// The merged settings, or the problem. Secrets absent from the patch keep their stored value.
    public static func apply(_ patch: JSONObject, to current: AppSettings) throws(Problem) -> AppSettings {
        let loaded: JSONValue
        do {
            loaded = try SettingsShape.settings.load(.object(patch), into: .object(current.json))
        } catch {
            throw .invalidTypes
        }
        let merged = AppSettings(json: loaded.objectValue ?? JSONObject())
        let errors = SettingsValidator.validate(merged)
        guard errors.isEmpty else { throw .invalid(errors) }
        return merged
    }
}
