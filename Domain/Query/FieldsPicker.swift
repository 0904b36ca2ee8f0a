/// The `fields` query parameter: which keys of a response to keep (`id,title,expand.author.name`,
/// `*`), with optional modifiers such as `body:excerpt(200,true)`. A later mention of a key wins over
/// an earlier one (PocketBase 0.28.4 keeps them in a map).
public struct FieldsPicker: Sendable, Equatable {
    /// Why a `fields` value cannot be used.
    public struct SyntaxError: Error, Equatable, Sendable {
        public let message: String
    }

    /// A modifier applied to a picked value.
    public enum Modifier: Sendable, Equatable {
        case excerpt(max: Int, withEllipsis: Bool)
    }

    private var entries: [(path: String, modifier: Modifier?)] = []

    public static func == (lhs: FieldsPicker, rhs: FieldsPicker) -> Bool {
        lhs.entries.map(\.path) == rhs.entries.map(\.path) && lhs.entries.map(\.modifier) == rhs.entries.map(\.modifier)
    }

    /// Nothing picked: everything is kept.
    public var isEmpty: Bool { entries.isEmpty }

    /// A path given twice keeps its last entry, in the last one's place. A `:` with nothing after
    /// it (`id:`, `:`) is an invalid modifier (PocketBase 0.28.4 fails such a request after its
    /// headers, with an empty 200).
    public init(parsing text: String) throws(SyntaxError) {
        var parsed: [(path: String, modifier: Modifier?)] = []
        for raw in IndexSpec.split(text, separator: ",") {
            let item = raw.trimmingSpaces()
            guard !item.isEmpty else { continue }
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let modifier = parts.count > 1 ? try Self.modifier(parts[1]) : nil
            parsed.append((parts[0], modifier))
        }
        // Last occurrence wins, found from the end in one pass (a long list stays linear).
        var seen = Set<String>()
        for entry in parsed.reversed() where seen.insert(entry.path).inserted { entries.append(entry) }
        entries.reverse()
    }

    private init(entries: [(path: String, modifier: Modifier?)]) { self.entries = entries }

    /// Keeps only the picked keys of an object (recursing into objects and arrays of objects).
    public func apply(to value: JSONValue) -> JSONValue {
        guard !entries.isEmpty else { return value }
        switch value {
        case .object(let object): return .object(pick(object))
        case .array(let items):
            guard case .object? = items.first else { return value }
            return .array(items.map { item in
                if case .object(let object) = item { return .object(pick(object)) }
                return item
            })
        default: return value
        }
    }

    private func pick(_ object: JSONObject) -> JSONObject {
        var fields = entries
        if let star = entries.first(where: { $0.path == "*" }) {
            for key in object.keys where !fields.contains(where: { ($0.path + ".").hasPrefix(key + ".") }) {
                fields.append((key, star.modifier))
            }
        }
        var result = JSONObject()
        for (key, value) in object {
            let matching = fields.filter { ($0.path + ".").hasPrefix(key + ".") }
            guard !matching.isEmpty else { continue }
            if let exact = matching.last(where: { $0.path == key }) {
                result[key] = exact.modifier.map { $0.apply(to: value) } ?? value
                continue
            }
            let nested = FieldsPicker(entries: matching.map { (String($0.path.dropFirst(key.count + 1)), $0.modifier) })
            result[key] = nested.apply(to: value)
        }
        return result
    }

    private static func modifier(_ text: String) throws(SyntaxError) -> Modifier {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw SyntaxError(message: "invalid modifier \(text)")
        }
        let name = String(text[..<open])
        let arguments = text[text.index(after: open)..<text.index(before: text.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard name == "excerpt" else { throw SyntaxError(message: "missing or invalid modifier \(name)") }
        guard (1...2).contains(arguments.count), let max = Int(arguments[0]), max > 0 else {
            throw SyntaxError(message: "invalid excerpt arguments - expected (max, withEllipsis?)")
        }
        let ellipsis = arguments.count > 1 && ["1", "true", "t", "TRUE", "True", "T"].contains(arguments[1])
        return .excerpt(max: max, withEllipsis: ellipsis)
    }
}

extension FieldsPicker.Modifier {
    /// Applies the modifier; non-string values pass unchanged.
    public func apply(to value: JSONValue) -> JSONValue {
        switch self {
        case .excerpt(let max, let withEllipsis):
            guard case .string(let html) = value else { return value }
            return .string(HTMLExcerpt.make(html, max: max, withEllipsis: withEllipsis))
        }
    }
}
