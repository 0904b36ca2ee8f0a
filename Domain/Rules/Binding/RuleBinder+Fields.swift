/// Identifier resolution: fields, relation hops, back-relations, `@collection` and
/// `@request.auth` joins (PocketBase 0.28.4's resolver runner).
extension RuleBinder {
    /// PocketBase's limit of relation hops in one path.
    static let maxNestedRelations = 6

    /// `@request.auth.*` names read from the auth record itself, without a join.
    static let plainAuthFields: Set<String> = [
        "@request.auth.id", "@request.auth.collectionId", "@request.auth.collectionName",
        "@request.auth.email", "@request.auth.emailVisibility", "@request.auth.verified",
    ]

    /// The state of one identifier's walk through the schema.
    struct Walk {
        var fieldName: String
        var props: [String]
        var collectionName: String
        var alias: String
        var allowsHidden: Bool
        var nullifiesMissing: Bool
        var multiMatch = false
        let baseAlias: String
        let multiMatchTable: String
        let multiMatchBase: String
        var multiMatchAlias: String
        var multiMatchJoins: [BoundJoin] = []

        func result(_ expression: BoundFieldExpression, multiMatchValue: BoundFieldExpression, isJSON: Bool = false,
                    guard visibility: BoundColumn? = nil) -> BoundOperand {
            let match = multiMatch
                ? BoundMultiMatch(baseAlias: baseAlias, table: multiMatchTable, alias: multiMatchBase,
                                  joins: multiMatchJoins, value: multiMatchValue)
                : nil
            return .field(BoundField(expression: expression, isJSON: isJSON, multiMatch: match, visibilityGuard: visibility))
        }
    }

    /// Resolves one identifier (PocketBase's `RecordFieldResolver.Resolve`), registering joins.
    mutating func resolve(_ name: String) throws(RuleBindError) -> BoundOperand {
        guard RuleIdentifierSyntax.isAllowed(name) else {
            throw RuleBindError("failed to resolve field \(GoQuote.string(name))")
        }
        let props = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let baseAlias = RuleIdentifierSyntax.columnify(collection.name)
        let isSystem = props[0] == "@collection" || props[0] == "@request"
        var walk = Walk(fieldName: name, props: props, collectionName: collection.name, alias: baseAlias,
                        allowsHidden: options.allowsHiddenFields || isSystem,
                        nullifiesMissing: props[0] == "@request", baseAlias: baseAlias,
                        multiMatchTable: baseAlias, multiMatchBase: "__mm_" + baseAlias,
                        multiMatchAlias: "__mm_" + baseAlias)

        if props[0] == "@collection" {
            return try collectionField(&walk)
        }
        if props[0] == "@request" {
            guard environment.hasRequest else { return .null }
            if name.hasPrefix("@request.auth.") {
                return try authField(&walk)
            }
            if name.hasPrefix("@request.body."), props.count > 2 {
                let (fieldName, modifier) = try RuleIdentifierSyntax.splitModifier(props[2])
                if let field = collection.field(named: fieldName) {
                    if case .relation(let relation) = field, props.count > 3 {
                        return try bodyRelationField(relation, &walk)
                    }
                    if props.count == 3, let modifier, modifier != .isset {
                        return try bodyModifier(modifier, field: field, &walk)
                    }
                }
            }
            return try staticRequestValue(Array(props.dropFirst()))
        }
        return try activeProps(&walk)
    }

    /// The collection named by a relation or path (the bound collection first).
    func loadCollection(_ idOrName: String) -> Collection? {
        if idOrName == collection.name || idOrName == collection.id { return collection }
        if let found = schema.collection(idOrName) { return found }
        if let auth = environment.auth?.collection, auth.id == idOrName || auth.name == idOrName { return auth }
        return nil
    }

    private mutating func collectionField(_ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        guard walk.props.count >= 3 else {
            throw RuleBindError("invalid @collection field path in \(GoQuote.string(walk.fieldName))")
        }
        let parts = walk.props[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let target = loadCollection(parts[0]) else {
            throw RuleBindError("failed to load collection \(GoQuote.string(walk.props[1])) from field path "
                + GoQuote.string(walk.fieldName))
        }
        walk.collectionName = target.name
        walk.alias = parts.count == 2 && !parts[1].isEmpty
            ? RuleIdentifierSyntax.columnify("__collection_alias_" + parts[1])
            : RuleIdentifierSyntax.columnify("__collection_" + target.name)
        walk.multiMatch = true
        let table = RuleIdentifierSyntax.columnify(target.name)
        joins.register(BoundJoin(alias: walk.alias, source: .table(table)))
        walk.multiMatchAlias = "__mm" + walk.alias
        walk.multiMatchJoins.append(BoundJoin(alias: walk.multiMatchAlias, source: .table(table)))
        walk.props.removeFirst(2)
        return try activeProps(&walk)
    }

    private mutating func authField(_ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        guard let auth = environment.auth else { return .null }
        if Self.plainAuthFields.contains(walk.fieldName) {
            return try staticRequestValue(Array(walk.props.dropFirst()))
        }
        walk.collectionName = auth.collection.name
        walk.alias = "__auth_" + RuleIdentifierSyntax.columnify(auth.collection.name)
        let table = RuleIdentifierSyntax.columnify(auth.collection.name)
        joins.register(BoundJoin(alias: walk.alias, source: .table(table), condition: .idEqualsValue(auth.id)))
        walk.multiMatchAlias = "__mm_" + walk.alias
        walk.multiMatchJoins.append(BoundJoin(alias: walk.multiMatchAlias, source: .table(table),
                                              condition: .idEqualsValue(auth.id)))
        walk.props.removeFirst(2)
        return try activeProps(&walk)
    }

    private mutating func bodyRelationField(_ relation: RelationField, _ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        guard let target = loadCollection(relation.collectionID) else {
            throw RuleBindError("failed to load collection \(GoQuote.string(relation.collectionID)) from data field "
                + GoQuote.string(relation.base.name))
        }
        let ids = Self.uniqueStrings(environment.body[relation.base.name] ?? .null)
        guard !ids.isEmpty else { return .null }
        walk.collectionName = target.name
        walk.alias = RuleIdentifierSyntax.columnify("__data_" + target.name + "_" + relation.base.name)
        joins.register(BoundJoin(alias: walk.alias, source: .table(target.name), condition: .idIn(ids)))
        if relation.isMultiple { walk.multiMatch = true }
        walk.multiMatchAlias = RuleIdentifierSyntax.columnify("__data_mm_" + target.name + "_" + relation.base.name)
        walk.multiMatchJoins.append(BoundJoin(alias: walk.multiMatchAlias, source: .table(target.name),
                                              condition: .idIn(ids)))
        walk.props.removeFirst(3)
        return try activeProps(&walk)
    }

    /// Walks the remaining props: relation hops, back-relations and json paths, then the last field.
    mutating func activeProps(_ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        let total = walk.props.count
        for (index, prop) in walk.props.enumerated() {
            guard let current = loadCollection(walk.collectionName) else {
                throw RuleBindError("failed to resolve field \(GoQuote.string(prop))")
            }
            if index == total - 1 {
                return try lastProp(prop, in: current, &walk)
            }
            let field = current.field(named: prop)
            if let field, field.isHidden, !walk.allowsHidden {
                throw RuleBindError("non-filterable field \(GoQuote.string(prop))")
            }
            if let field, field.storage == .json || field.storage == .geoPoint {
                let path = walk.props[(index + 1)...].map { part -> BoundJSONPathItem in
                    RuleIdentifierSyntax.isInteger(part)
                        ? .index(RuleIdentifierSyntax.columnify(part)) : .key(RuleIdentifierSyntax.columnify(part))
                }
                let column = RuleIdentifierSyntax.columnify(prop)
                return walk.result(.jsonExtract(BoundColumn(walk.alias, column), path: path),
                                   multiMatchValue: .jsonExtract(BoundColumn(walk.multiMatchAlias, column), path: path),
                                   isJSON: true)
            }
            if index >= Self.maxNestedRelations {
                throw RuleBindError("max nested relations reached for field \(GoQuote.string(prop))")
            }
            guard let field else {
                if let missing = try backRelation(prop, from: current, &walk) { return missing }
                continue
            }
            guard case .relation(let relation) = field else {
                throw RuleBindError("field \(GoQuote.string(prop)) is not a valid relation")
            }
            guard let target = loadCollection(relation.collectionID) else {
                throw RuleBindError("failed to load field \(GoQuote.string(prop)) collection")
            }
            // PocketBase 0.28.4: `author.id` is `author` for single relations (no join).
            if !relation.isMultiple, index == total - 2, walk.props[index + 1] == "id" {
                return try lastProp(relation.base.name, in: current, &walk)
            }
            let column = RuleIdentifierSyntax.columnify(relation.base.name)
            let table = RuleIdentifierSyntax.columnify(target.name)
            let newAlias = walk.alias + "_" + column
            if relation.isMultiple {
                let itemsAlias = walk.alias + "_" + column + "_je"
                joins.register(BoundJoin(alias: itemsAlias, source: .items(of: BoundColumn(walk.alias, column))))
                joins.register(BoundJoin(alias: newAlias, source: .table(table),
                                         condition: .idEquals(.itemValue(alias: itemsAlias))))
            } else {
                joins.register(BoundJoin(alias: newAlias, source: .table(table),
                                         condition: .idEquals(.column(BoundColumn(walk.alias, column)))))
            }
            walk.collectionName = target.name
            walk.alias = newAlias
            if relation.isMultiple { walk.multiMatch = true }
            let mmAlias = walk.multiMatchAlias + "_" + column
            if relation.isMultiple {
                let mmItems = walk.multiMatchAlias + "_" + column + "_je"
                walk.multiMatchJoins.append(BoundJoin(alias: mmItems,
                                                      source: .items(of: BoundColumn(walk.multiMatchAlias, column))))
                walk.multiMatchJoins.append(BoundJoin(alias: mmAlias, source: .table(table),
                                                      condition: .idEquals(.itemValue(alias: mmItems))))
            } else {
                walk.multiMatchJoins.append(BoundJoin(
                    alias: mmAlias, source: .table(table),
                    condition: .idEquals(.column(BoundColumn(walk.multiMatchAlias, column)))))
            }
            walk.multiMatchAlias = mmAlias
        }
        throw RuleBindError("failed to resolve field \(GoQuote.string(walk.fieldName))")
    }

    /// A `collection_via_field` hop; returns NULL when a missing back-relation is tolerated.
    private mutating func backRelation(_ prop: String, from current: Collection,
                                       _ walk: inout Walk) throws(RuleBindError) -> BoundOperand? {
        func missing(_ message: String) throws(RuleBindError) -> BoundOperand {
            if walk.nullifiesMissing { return .null }
            throw RuleBindError(message)
        }
        guard let (collectionName, fieldName) = RuleIdentifierSyntax.backRelation(prop) else {
            return try missing("failed to resolve field \(GoQuote.string(prop))")
        }
        guard let back = loadCollection(collectionName) else {
            return try missing("failed to load back relation field \(GoQuote.string(prop)) collection")
        }
        guard let backField = back.field(named: fieldName) else {
            return try missing("missing back relation field \(GoQuote.string(fieldName))")
        }
        guard case .relation(let relation) = backField else {
            return try missing("invalid back relation field \(GoQuote.string(fieldName))")
        }
        if backField.isHidden, !walk.allowsHidden {
            throw RuleBindError("non-filterable back relation field \(GoQuote.string(backField.name))")
        }
        guard relation.collectionID == current.id else {
            return try missing("invalid collection reference of a back relation field \(GoQuote.string(backField.name))")
        }
        let prop = RuleIdentifierSyntax.columnify(prop)
        let column = RuleIdentifierSyntax.columnify(relation.base.name)
        let table = RuleIdentifierSyntax.columnify(back.name)
        let isMultiple = relation.isMultiple || !Self.hasSingleColumnUniqueIndex(back.indexes, column: relation.base.name)

        let newAlias = walk.alias + "_" + prop
        joins.register(BoundJoin(alias: newAlias, source: .table(table), condition: isMultiple
            ? .otherIDInItems(other: walk.alias, column: column, itemsAlias: walk.alias + "_" + prop + "_je")
            : .columnEqualsID(column: column, other: walk.alias)))
        walk.collectionName = table
        walk.alias = newAlias

        if isMultiple { walk.multiMatch = true }
        let mmAlias = walk.multiMatchAlias + "_" + prop
        walk.multiMatchJoins.append(BoundJoin(alias: mmAlias, source: .table(table), condition: isMultiple
            ? .otherIDInItems(other: walk.multiMatchAlias, column: column,
                              itemsAlias: walk.multiMatchAlias + "_" + prop + "_je")
            : .columnEqualsID(column: column, other: walk.multiMatchAlias)))
        walk.multiMatchAlias = mmAlias
        return nil
    }

    /// The final field of a path, with its modifier.
    private mutating func lastProp(_ prop: String, in current: Collection, _ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        let (name, modifier) = try RuleIdentifierSyntax.splitModifier(prop)
        guard let field = current.field(named: name) else {
            if walk.nullifiesMissing { return .null }
            throw RuleBindError("unknown field \(GoQuote.string(name))")
        }
        if field.isHidden, !walk.allowsHidden {
            throw RuleBindError("non-filterable field \(GoQuote.string(name))")
        }
        let column = BoundColumn(walk.alias, RuleIdentifierSyntax.columnify(field.name))
        let mmColumn = BoundColumn(walk.multiMatchAlias, column.name)
        let multiValued: Bool? = switch field.storage {
        case .multiple(let isMulti): isMulti
        default: nil
        }

        if modifier == .length, multiValued != nil {
            return walk.result(.arrayLength(column), multiMatchValue: .arrayLength(mmColumn))
        }
        if modifier == .each, let isMulti = multiValued {
            let itemsAlias = walk.alias + "_" + column.name + "_je"
            joins.register(BoundJoin(alias: itemsAlias, source: .items(of: column)))
            if isMulti { walk.multiMatch = true }
            let mmItems = walk.multiMatchAlias + "_" + column.name + "_je"
            if walk.multiMatch {
                walk.multiMatchJoins.append(BoundJoin(alias: mmItems, source: .items(of: mmColumn)))
            }
            return walk.result(.itemValue(alias: itemsAlias), multiMatchValue: .itemValue(alias: mmItems))
        }

        var expression = BoundFieldExpression.column(column)
        var mmValue = BoundFieldExpression.column(mmColumn)
        var visibility: BoundColumn?
        if field.name == "email", !walk.allowsHidden, current.isAuth {
            visibility = BoundColumn(walk.alias, "emailVisibility")
        }
        let isJSON = field.storage == .json
        if isJSON {
            expression = .jsonExtract(column, path: [])
            mmValue = .jsonExtract(mmColumn, path: [])
        }
        if modifier == .lower {
            expression = .lower(expression)
            mmValue = .lower(mmValue)
        }
        return walk.result(expression, multiMatchValue: mmValue, isJSON: isJSON, guard: visibility)
    }

    /// PocketBase's `FindSingleColumnUniqueIndex`: a unique index on exactly this column.
    static func hasSingleColumnUniqueIndex(_ indexes: [String], column: String) -> Bool {
        indexes.contains { definition in
            let spec = IndexSpec(parsing: definition)
            return spec.unique && spec.columns.count == 1
                && SchemaSnapshot.foldASCII(spec.columns[0].name) == SchemaSnapshot.foldASCII(column)
        }
    }
}
