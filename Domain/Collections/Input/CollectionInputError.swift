/// Why a submitted collection body could not be loaded.
public enum CollectionInputError: Error, Equatable, Sendable {
    /// A value of the wrong JSON type or an unknown field type. The API answers 400 "Failed to load the
    /// submitted data due to invalid formatting." with empty data; `detail` is for logs only.
    case invalidFormat(detail: String)
    /// A create body whose `type` or `name` is not a string: PocketBase reads those two first and
    /// answers 400 "Failed to load the collection type data due to invalid formatting." (empty data).
    case invalidTypeData(detail: String)
    /// The body named a collection type PocketBase does not know. `collection` is what was loaded
    /// anyway (with `.base` standing in for the kind and no default fields added), so validation can
    /// still report every problem; pass `rawType` to `CollectionValidator.validate`.
    case unknownType(rawType: String, collection: Collection)
}
