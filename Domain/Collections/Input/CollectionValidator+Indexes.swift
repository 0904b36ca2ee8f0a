extension CollectionValidator.Context {
    /// The `indexes` checks: parseable, unique names (within the collection and across all other
    /// collections), unique definitions, kept unique indexes on system fields, and auth's required ones.
    func indexesError() -> ValidationError? {
        let indexes = new.indexes
        if isView, !indexes.isEmpty {
            return ValidationError(code: "validation_indexes_not_supported", message: "View collections don't support indexes.")
        }
        var names: Set<String> = []
        var definitions: Set<String> = []
        let skippedTables = [old?.name ?? "", new.name].map { $0.lowercased() }
        for (i, raw) in indexes.enumerated() {
            var spec = IndexSpec(parsing: raw)
            spec.tableName = "validator"
            func at(_ error: ValidationError) -> ValidationError { Rules.tree(FieldErrors(String(i), error)) }
            guard spec.isValid else {
                return at(ValidationError(code: "validation_invalid_index_expression", message: "Invalid CREATE INDEX expression."))
            }
            let lower = spec.indexName.lowercased()
            if names.contains(lower) {
                return at(ValidationError(code: "validation_duplicated_index_name", message: "The index name already exists."))
            }
            names.insert(lower)
            if let user = indexOwner(lower, skipping: skippedTables) {
                return at(ValidationError(code: "validation_existing_index_name",
                                          message: "The index name is already used in \(user) collection.",
                                          params: JSONObject([("usedTableName", .string(user))])))
            }
            spec.schemaName = "validator"
            spec.indexName = "validator"
            let definition = spec.build()
            if definitions.contains(definition) {
                return at(ValidationError(code: "validation_duplicated_index_definition",
                                          message: "The index definition already exists."))
            }
            definitions.insert(definition)
        }
        if let old, let e = systemUniqueIndexError(old) { return e }
        if isAuth {
            for name in ["tokenKey", "email"] where !IndexSpec.hasSingleColumnUniqueIndex(indexes, column: name) {
                return ValidationError(code: "validation_missing_required_unique_index",
                                       message: "Missing required unique index for field \"\(name)\".",
                                       params: JSONObject([("fieldName", .string(name))]))
            }
        }
        return nil
    }

    /// The collection (other than the old and new names) that has an index with this name.
    private func indexOwner(_ lowerName: String, skipping tables: [String]) -> String? {
        for collection in existing where !tables.contains(collection.name.lowercased()) {
            if collection.indexes.contains(where: { IndexSpec(parsing: $0).indexName.lowercased() == lowerName }) {
                return collection.name
            }
        }
        return nil
    }

    /// A UNIQUE index of the stored collection on a system field must survive (ignoring names,
    /// collation, sort order and WHERE).
    private func systemUniqueIndexError(_ old: Collection) -> ValidationError? {
        for oldIndex in old.indexes {
            var oldSpec = IndexSpec(parsing: oldIndex)
            guard oldSpec.unique else { continue }
            for i in oldSpec.columns.indices {
                oldSpec.columns[i].collate = ""
                oldSpec.columns[i].sort = ""
            }
            let oldText = oldSpec.build()
            guard let systemField = oldSpec.columns.lazy.compactMap({ column in
                old.fields.first { $0.isSystem && $0.name.lowercased() == column.name.lowercased() }
            }).first else { continue }
            let kept = new.indexes.contains { raw in
                var spec = IndexSpec(parsing: raw)
                spec.schemaName = oldSpec.schemaName
                spec.indexName = oldSpec.indexName
                spec.tableName = oldSpec.tableName
                spec.whereClause = oldSpec.whereClause
                for i in spec.columns.indices {
                    spec.columns[i].collate = ""
                    spec.columns[i].sort = ""
                }
                return spec.build() == oldText
            }
            if !kept {
                return ValidationError(code: "validation_invalid_unique_system_field_index",
                                       message: "Unique index definition on system fields (\(systemField.name)) is invalid or missing.",
                                       params: JSONObject([("fieldName", .string(systemField.name))]))
            }
        }
        return nil
    }
}
