/// The shared value rules of select, relation and file fields: a list of unique non-empty names,
/// stored as a JSON array when the field takes several, else as its last item (or `""`).
public enum ListValue {
    /// The names a stored or submitted value holds (PocketBase's `list.ToUniqueStringSlice`).
    public static func items(_ value: JSONValue) -> [String] { GoCast.uniqueStrings(value) }

    /// The stored shape of a list of names.
    public static func stored(_ items: [String], isMultiple: Bool) -> JSONValue {
        isMultiple ? .array(items.map { .string($0) }) : .string(items.last ?? "")
    }
}

extension SelectField: FieldValueRules {
    /// A string is one value (or a JSON array of strings when it holds a `[`), an array converts item
    /// by item; empty values and repeats go; a single select keeps the last.
    public func normalize(_ raw: JSONValue) -> JSONValue {
        ListValue.stored(ListValue.items(raw), isMultiple: isMultiple)
    }

    /// Empty only fails `required`; then at most `max(maxSelect, 1)` values, each one of `values`.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let items = ListValue.items(value)
        if items.isEmpty { return required ? ValueErrors.required : nil }
        let limit = Swift.max(maxSelect, 1)
        if items.count > limit { return ValueErrors.tooManyValues(maxSelect: limit) }
        if let unknown = items.first(where: { !values.contains($0) }) { return ValueErrors.invalidValue(unknown) }
        return nil
    }
}

extension RelationField: FieldValueRules {
    /// Normalized like a select: unique non-empty ids, the last one for a single relation.
    public func normalize(_ raw: JSONValue) -> JSONValue {
        ListValue.stored(ListValue.items(raw), isMultiple: isMultiple)
    }

    /// Empty only fails `required`; then `minSelect` and `max(maxSelect, 1)`. Whether the records
    /// exist (`validation_missing_rel_records`, "Failed to find all relation records with the
    /// provided ids.") needs the store and is the use case's check.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let ids = ListValue.items(value)
        if ids.isEmpty { return required ? ValueErrors.required : nil }
        if minSelect > 0, ids.count < minSelect { return ValueErrors.notEnoughValues(minSelect: minSelect) }
        let limit = Swift.max(maxSelect, 1)
        if ids.count > limit { return ValueErrors.tooManyValues(maxSelect: limit) }
        return nil
    }
}

extension FileField: FieldValueRules {
    /// PocketBase's default file size limit: 5 MiB.
    public static let defaultMaxSize = 5 << 20

    /// Stored file names: an array keeps the items that read as exactly one name (a nested list of
    /// two is skipped, not spoiling the rest as for selects); other values read like a select; repeats
    /// go; a single file field keeps the last name. Uploads are not values here.
    public func normalize(_ raw: JSONValue) -> JSONValue {
        ListValue.stored(Self.names(raw), isMultiple: isMultiple)
    }

    /// The file names a submitted or stored value holds.
    public static func names(_ raw: JSONValue) -> [String] {
        guard case .array(let items) = raw else { return GoCast.uniqueStrings(raw) }
        var collected: [String] = []
        for item in items {
            let inner = names(item)
            if inner.count == 1 { collected.append(inner[0]) }
        }
        return GoCast.nonzeroUniques(collected)
    }

    /// `max(maxSelect, 1)`.
    public var effectiveMaxSelect: Int { Swift.max(maxSelect, 1) }

    /// The name checks with no uploads; see `validate(names:oldNames:uploadCount:)`.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        validate(names: Self.names(value), oldNames: context.oldValue.map(Self.names) ?? [], uploadCount: 0)
    }

    /// Empty (no names, no uploads) only fails `required`; names that were not stored before are
    /// `validation_invalid_file` (clients cannot invent names); then at most `max(maxSelect, 1)`
    /// files in all. The per-upload checks (name, size, MIME type) belong to the upload step.
    public func validate(names: [String], oldNames: [String], uploadCount: Int) -> ValidationError? {
        if names.isEmpty, uploadCount == 0 { return required ? ValueErrors.required : nil }
        let added = names.filter { !oldNames.contains($0) }
        if !added.isEmpty { return ValueErrors.invalidFiles(added) }
        if names.count + uploadCount > effectiveMaxSelect { return ValueErrors.tooManyFiles(maxSelect: effectiveMaxSelect) }
        return nil
    }
}
