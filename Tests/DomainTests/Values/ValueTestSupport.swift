@testable import PocketDomain

/// A field read from PocketBase's JSON, for value tables.
func valueField(_ json: JSONValue) -> Field {
    guard let object = json.objectValue, let field = Field(json: object) else { fatalError("bad field JSON \(json)") }
    return field
}

/// The code of the first failure of a value normalized by the field (nil when valid).
func failureCode(_ field: Field, _ raw: JSONValue, context: FieldValueContext = .creating) -> String? {
    field.validate(field.normalize(raw), context: context)?.code
}
