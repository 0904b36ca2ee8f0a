/// A parsed `sort` query parameter such as `-created,+title,@random`.
///
/// PocketBase 0.28.4 rules: entries are split on `,` and trimmed of Unicode white space; one
/// leading `-` means descending, otherwise one leading `+` is dropped and the order is ascending;
/// only that single prefix is removed (`--a` names the field `-a`, which then fails to resolve);
/// `@random` and `@rowid` are special only in that exact lower-case spelling; more than 8 entries,
/// a name over 255 bytes or an empty name (`a,`, `-`, ` `) is an error. Field names are not checked
/// further here: the binder rejects what it cannot resolve (` n`, `(n)`, `n desc`, `@request.x`).
public struct SortSpec: Sendable, Hashable {
    /// Most entries accepted.
    public static let maxFields = 8
    /// Longest name accepted, in UTF-8 bytes.
    public static let maxNameBytes = 255

    public var fields: [SortField]

    public init(fields: [SortField] = []) {
        self.fields = fields
    }

    /// Parses a `sort` parameter. An empty text gives no fields (PocketBase ignores `sort=`);
    /// a text of only spaces is one empty entry and so an error.
    public init(parsing text: String) throws(SortSyntaxError) {
        guard !text.isEmpty else {
            self.init()
            return
        }
        // Split and strip on Unicode scalars, as Go does on bytes: a "," or "-" followed by a
        // combining mark is still a separator or a prefix.
        let entries = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        if entries.count > Self.maxFields {
            throw SortSyntaxError("max sort expressions limit reached")
        }
        var fields: [SortField] = []
        for entry in entries {
            var scalars = Self.trimmingSpace(entry)
            var direction = SortDirection.ascending
            if scalars.first == "-" {
                scalars.removeFirst()
                direction = .descending
            } else if scalars.first == "+" {
                scalars.removeFirst()
            }
            let name = String(scalars)
            if name.utf8.count > Self.maxNameBytes {
                throw SortSyntaxError("max sort field length limit reached")
            }
            switch name {
            case "": throw SortSyntaxError("invalid sort field \"\"")
            case "@random": fields.append(SortField(.random, direction))
            case "@rowid": fields.append(SortField(.rowID, direction))
            default: fields.append(SortField(.field(name), direction))
            }
        }
        self.init(fields: fields)
    }

    /// Go's `strings.TrimSpace` (Unicode white space at both ends).
    private static func trimmingSpace(_ scalars: Substring.UnicodeScalarView) -> String.UnicodeScalarView {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "".unicodeScalars }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String.UnicodeScalarView(scalars[first...last])
    }
}
