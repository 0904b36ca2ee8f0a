/// PocketBase 0.28.4's collection validation (`core/collection_validate.go`) as a pure function:
/// the same error tree, codes and nesting (`fields.1.name`, `indexes.0`, `passwordAuth.identityFields`).
///
/// Checks that need the database stay with the caller and merge into the result: the view query
/// (`viewQuery: validation_invalid_view_query`, and the view's fields inferred from it), and index
/// names used by tables that are not collections.
public enum CollectionValidator {
    /// Tables PocketBase keeps beside the collections; a collection may not take their names.
    public static let internalTables: Set<String> = ["_collections", "_params", "_migrations"]

    /// Validates `collection` (as `CollectionInput` built it) against its stored version `old` (nil on
    /// create) and every stored collection `existing`.
    ///
    /// - `rawType`: the submitted type when `CollectionInput` reported `.unknownType`.
    /// - `ruleProblem`: checks one non-empty rule (list/view/create/update/delete, `authRule`,
    ///   `manageRule`, `mfa.rule`) and returns its error (`validation_invalid_rule`), if any.
    public static func validate(_ collection: Collection, old: Collection?, existing: [Collection],
                                rawType: String? = nil, internalTables: Set<String> = internalTables,
                                ruleProblem: (String) -> ValidationError?) -> FieldErrors {
        withoutActuallyEscaping(ruleProblem) { ruleProblem in
            let context = Context(new: collection, old: old, existing: existing, rawType: rawType,
                                  internalTables: internalTables, ruleProblem: ruleProblem)
            var errors = context.baseErrors()
            errors.merge(context.optionErrors())
            return errors
        }
    }

    struct Context {
        let new: Collection
        let old: Collection?
        let existing: [Collection]
        let rawType: String?
        let internalTables: Set<String>
        let ruleProblem: (String) -> ValidationError?

        var isNew: Bool { old == nil }
        var typeName: String { rawType ?? new.kind.rawValue }
        var kind: CollectionKind? { rawType == nil ? new.kind : nil }
        var isView: Bool { kind == .view }
        var isAuth: Bool { kind == .auth }

        func baseErrors() -> FieldErrors {
            var errors = FieldErrors()
            if let e = idError() { errors.add("id", e) }
            if let old, new.system != old.system {
                errors.add("system", ValidationError(code: "validation_collection_system_flag_change",
                                                     message: "System collection state cannot be changed."))
            }
            if let e = typeError() { errors.add("type", e) }
            if let e = nameError() { errors.add("name", e) }
            if let e = fieldsError() { errors.add("fields", e) }
            let rules: [(String, String?, String?, Bool)] = [
                ("listRule", new.rules.list, old?.rules.list, false),
                ("viewRule", new.rules.view, old?.rules.view, false),
                ("createRule", new.rules.create, old?.rules.create, true),
                ("updateRule", new.rules.update, old?.rules.update, true),
                ("deleteRule", new.rules.delete, old?.rules.delete, true),
            ]
            for (key, rule, oldRule, mustBeNilForViews) in rules {
                if mustBeNilForViews, isView, rule != nil { errors.add(key, Rules.mustBeNil); continue }
                if let e = ruleError(rule, old: oldRule) { errors.add(key, e) }
            }
            if let e = indexesError() { errors.add("indexes", e) }
            return errors
        }

        func optionErrors() -> FieldErrors {
            switch kind {
            case .auth: return authErrors()
            case .view:
                var errors = FieldErrors()
                if (new.viewQuery ?? "").isEmpty { errors.add("viewQuery", Rules.required) }
                return errors
            default: return FieldErrors()
            }
        }

        private func idError() -> ValidationError? {
            guard !new.id.isEmpty else { return Rules.required }
            if let old { return new.id == old.id ? nil : Rules.mismatch }
            if let e = Rules.length(new.id, min: 1, max: 100) { return e }
            if !Rules.isWord(new.id) { return Rules.match }
            if existing.contains(where: { $0.id == new.id }) {
                return ValidationError(code: "validation_invalid_or_existing_id",
                                       message: "The model id is invalid or already exists.")
            }
            return nil
        }

        private func typeError() -> ValidationError? {
            if typeName.isEmpty { return Rules.required }
            if kind == nil { return Rules.inInvalid }
            if let old, typeName != old.kind.rawValue {
                return ValidationError(code: "validation_collection_type_change", message: "Collection type cannot be changed.")
            }
            return nil
        }

        private func nameError() -> ValidationError? {
            let name = new.name
            if name.isEmpty { return Rules.required }
            if let e = Rules.length(name, min: 1, max: 255) { return e }
            if name.lowercased().contains("_via_") { return Rules.via }
            if !Rules.isWord(name) { return Rules.match }
            if let old, old.system, name != old.name {
                return ValidationError(code: "validation_collection_system_name_change",
                                       message: "System collection name cannot be changed.")
            }
            let lower = name.lowercased()
            let excludedID = old?.id ?? "pbc_\(CRC32.checksum(typeName))"
            let nameTaken = existing.contains { $0.id != excludedID && $0.name.lowercased() == lower }
            if nameTaken {
                return ValidationError(code: "validation_collection_name_exists",
                                       message: "Collection name must be unique (case insensitive).")
            }
            if existing.contains(where: { $0.id == name }) {
                return ValidationError(code: "validation_collection_name_id_duplicate",
                                       message: "The name must not match an existing collection id.")
            }
            if (old?.name ?? "") != name, !existing.contains(where: { $0.name.lowercased() == lower }),
               internalTables.contains(where: { $0.lowercased() == lower }) {
                return ValidationError(code: "validation_collection_name_invalid",
                                       message: "The name shouldn't match with an existing internal table.")
            }
            return nil
        }

        func ruleError(_ rule: String?, old oldRule: String?) -> ValidationError? {
            if let rule, !rule.isEmpty, let problem = ruleProblem(rule) { return problem }
            if let old, old.system, rule != oldRule {
                return ValidationError(code: "validation_collection_system_rule_change",
                                       message: "System collection API rule cannot be changed.")
            }
            return nil
        }
    }
}
