/// Plain text of an HTML fragment cut to about `max` characters, as PocketBase's `:excerpt` does:
/// tags stripped, whitespace collapsed, block elements separated by a space, the contents of
/// scripts, styles, media and form controls left out, "..." added only when it cuts.
public enum HTMLExcerpt {
    static let excludedTags: Set<String> = ["head", "style", "script", "iframe", "embed", "applet", "object", "svg",
                                            "img", "picture", "dialog", "template", "button", "form", "textarea",
                                            "input", "select", "option"]
    static let inlineTags: Set<String> = ["a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code",
                                          "em", "i", "label", "q", "small", "span", "strong", "strike", "sub", "sup",
                                          "time"]
    static let voidTags: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                        "source", "track", "wbr"]

    /// Work is linear in `html` whatever `max` is: the output's length is counted as it grows, and
    /// the `>` closing a tag is searched for once per stretch of text, not once per `<`.
    public static func make(_ html: String, max: Int, withEllipsis: Bool) -> String {
        var out = ""
        var outCount = 0
        let limit = max.saturatingAdding(2)
        // The first `>` at or after some earlier position, or where none is left.
        var knownClose: String.Index?
        var noCloseFrom: String.Index?
        func close(from start: String.Index) -> String.Index? {
            if let noCloseFrom, start >= noCloseFrom { return nil }
            if let knownClose, knownClose >= start { return knownClose }
            knownClose = html[start...].firstIndex(of: ">")
            if knownClose == nil { noCloseFrom = start }
            return knownClose
        }
        var previousSpace = false
        var skipping: [String] = []
        var index = html.startIndex
        func appendSpace() {
            if !previousSpace { out.append(" "); outCount += 1; previousSpace = true }
        }
        while index < html.endIndex, outCount <= limit {
            if html[index] == "<", let close = close(from: index) {
                let inner = html[html.index(after: index)..<close]
                index = html.index(after: close)
                if inner.hasPrefix("!") || inner.hasPrefix("?") { continue }
                let isClosing = inner.hasPrefix("/")
                let name = inner.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if excludedTags.contains(name) {
                    if isClosing {
                        if skipping.last == name { skipping.removeLast() }
                    } else if !voidTags.contains(name), !inner.hasSuffix("/") {
                        skipping.append(name)
                    }
                    continue
                }
                if skipping.isEmpty, !inlineTags.contains(name), !name.isEmpty { appendSpace() }
                continue
            }
            let next = html[index...].firstIndex(of: "<") ?? html.endIndex
            let chunk = html[index..<next]
            index = next == index ? html.index(after: index) : next
            guard skipping.isEmpty else { continue }
            var text = ""
            var lastWasSpace = false
            for c in HTMLText.decodeEntities(String(chunk)) {
                if c.isWhitespace {
                    if !lastWasSpace { text.append(" ") }
                    lastWasSpace = true
                } else {
                    text.append(c)
                    lastWasSpace = false
                }
            }
            if previousSpace { text = String(text.drop { $0 == " " }) }
            if !text.isEmpty {
                previousSpace = text.hasSuffix(" ")
                out += text
                outCount += text.count
            }
        }
        var result = out.trimmingSpaces()
        if result.count > max {
            result = String(result.prefix(max)).trimmingSpaces()
            if withEllipsis { result += "..." }
        }
        return result
    }
}
