public import PocketDomain

/// The statements that move a table from one version of its collection to the next.
extension SchemaDDL {
    /// One step of a table change; index steps are kept apart so their failures can be reported
    /// against the collection's `indexes`.
    public enum Step: Sendable, Equatable {
        case statement(String)
        /// `CREATE INDEX` for `indexes[position]`.
        case index(position: Int, name: String, sql: String)
    }

    /// `CREATE INDEX` steps for every index of the collection.
    public func indexSteps(for collection: Collection) -> [Step] {
        collection.indexes.enumerated().compactMap { position, definition in
            var spec = IndexSpec(parsing: definition)
            spec.tableName = collection.name
            return spec.isValid ? .index(position: position, name: spec.indexName, sql: spec.build()) : nil
        }
    }

    /// Creating a collection: its table and indexes, or its view.
    public func createSteps(for collection: Collection) -> [Step] {
        if collection.kind == .view {
            return [.statement(createView(collection))]
        }
        let table = createTable(for: collection).first.map { [Step.statement($0)] } ?? []
        return table + indexSteps(for: collection)
    }

    /// Deleting a collection: its table or view.
    public func deleteSteps(for collection: Collection) -> [Step] {
        [.statement(collection.kind == .view ? dropView(named: collection.name) : dropTable(named: collection.name))]
    }

    /// Changing a collection: drop its old indexes, rename the table, drop, rename, add and convert
    /// columns (data kept), then create the new indexes. A view is dropped and created again.
    public func alterSteps(from old: Collection, to new: Collection) -> [Step] {
        if old.kind == .view || new.kind == .view {
            return [.statement(dropView(named: old.name))] + createSteps(for: new)
        }
        let q = dialect.quoteIdentifier
        var steps: [Step] = old.indexes.compactMap { definition in
            let spec = IndexSpec(parsing: definition)
            return spec.isValid ? .statement("DROP INDEX IF EXISTS \(q(spec.indexName))") : nil
        }
        if old.name != new.name {
            steps.append(.statement("ALTER TABLE \(q(old.name)) RENAME TO \(q(new.name))"))
        }
        let table = q(new.name)
        let newByID = Dictionary(new.fields.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let oldByID = Dictionary(old.fields.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })

        for field in old.fields where newByID[field.id] == nil {
            steps.append(.statement("ALTER TABLE \(table) DROP COLUMN \(q(field.name))"))
        }
        // Renames go through temporary names so two fields may swap names.
        let renamed = new.fields.compactMap { field -> (old: Field, new: Field)? in
            guard let previous = oldByID[field.id], previous.name != field.name else { return nil }
            return (previous, field)
        }
        for pair in renamed {
            steps.append(.statement("ALTER TABLE \(table) RENAME COLUMN \(q(pair.old.name)) TO \(q(temporaryName(pair.new)))"))
        }
        for pair in renamed {
            steps.append(.statement("ALTER TABLE \(table) RENAME COLUMN \(q(temporaryName(pair.new))) TO \(q(pair.new.name))"))
        }
        for field in new.fields {
            guard let previous = oldByID[field.id] else {
                steps.append(.statement("ALTER TABLE \(table) ADD COLUMN \(q(field.name)) \(dialect.columnDefinition(for: field))"))
                continue
            }
            let before = ColumnKind(field: previous), after = ColumnKind(field: field)
            guard before != after, let conversion = convert(q(field.name), from: before, to: after) else { continue }
            // PocketBase 0.28.4 moves a converted column to the end of the table, data converted.
            let temporary = q(temporaryName(field))
            steps.append(.statement("ALTER TABLE \(table) ADD COLUMN \(temporary) \(dialect.columnDefinition(for: after))"))
            steps.append(.statement("UPDATE \(table) SET \(temporary) = \(conversion)"))
            steps.append(.statement("ALTER TABLE \(table) DROP COLUMN \(q(field.name))"))
            steps.append(.statement("ALTER TABLE \(table) RENAME COLUMN \(temporary) TO \(q(field.name))"))
        }
        return steps + indexSteps(for: new)
    }

    /// `CREATE VIEW name AS query`.
    public func createView(_ collection: Collection) -> String {
        "CREATE VIEW \(dialect.quoteIdentifier(collection.name)) AS \(collection.viewQuery ?? "")"
    }

    /// `DROP VIEW IF EXISTS`.
    public func dropView(named name: String) -> String {
        "DROP VIEW IF EXISTS \(dialect.quoteIdentifier(name))"
    }

    private func temporaryName(_ field: Field) -> String { "_pb_tmp_\(field.id)" }

    private func convert(_ column: String, from: ColumnKind, to: ColumnKind) -> String? {
        switch (from, to) {
        case (.text, .jsonArray): dialect.singleToMultipleExpression(column)
        case (.jsonArray, .text): dialect.multipleToSingleExpression(column)
        default: nil
        }
    }
}
