/// Writes indented JSON as Go's `json.MarshalIndent` with a prefix does (HTML left unescaped), for
/// the migration files both servers read.
public enum JSONPrettyPrinter {
    public static func string(_ value: JSONValue, prefix: String = "", indent: String = "  ",
                              sortKeys: Bool = true) -> String {
        var out = ""
        write(value, into: &out, level: 0, prefix: prefix, indent: indent, sortKeys: sortKeys)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, level: Int, prefix: String,
                              indent: String, sortKeys: Bool) {
        func newline(_ depth: Int) {
            out += "\n" + prefix + String(repeating: indent, count: depth)
        }
        switch value {
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                write(item, into: &out, level: level + 1, prefix: prefix, indent: indent, sortKeys: sortKeys)
            }
            newline(level)
            out += "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{}"; return }
            out += "{"
            let ordered = sortKeys ? object.sortedByKey() : object
            var first = true
            for (key, item) in ordered {
                if !first { out += "," }
                first = false
                newline(level + 1)
                out += JSONWriter.string(.string(key)) + ": "
                write(item, into: &out, level: level + 1, prefix: prefix, indent: indent, sortKeys: sortKeys)
            }
            newline(level)
            out += "}"
        default:
            out += JSONWriter.string(value)
        }
    }
}
