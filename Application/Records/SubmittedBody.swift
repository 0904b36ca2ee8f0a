public import PocketDomain

/// A client's request body as the records use cases take it: the values by key, and the uploaded
/// files by key in the order they came (keys may carry modifiers such as `documents+`).
public struct SubmittedBody: Sendable, Equatable {
    public var values: JSONObject
    public var files: [(key: String, file: UploadedFile)]

    public init(values: JSONObject = JSONObject(), files: [(key: String, file: UploadedFile)] = []) {
        self.values = values
        self.files = files
    }

    public static func == (lhs: SubmittedBody, rhs: SubmittedBody) -> Bool {
        lhs.values == rhs.values && lhs.files.map(\.key) == rhs.files.map(\.key)
            && lhs.files.map(\.file) == rhs.files.map(\.file)
    }
}
