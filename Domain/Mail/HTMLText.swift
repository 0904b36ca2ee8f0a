/// PocketBase 0.28.4's rudimentary HTML to plain text conversion for the text part of a mail:
/// whitespace runs become one space, block elements start a new line, `<br>` always does, list
/// items get `- `, links become `[text](href)`, and `style`, `script`, form controls and the like
/// are dropped.
public enum HTMLText {
    /// Go's `html.EscapeString`: `<`, `>`, `&`, `'` and `"` as entities.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "'": out += "&#39;"
            case "\"": out += "&#34;"
            default: out.append(c)
            }
        }
        return out
    }

    static let skipped: Set<String> = [
        "style", "script", "iframe", "applet", "object", "svg", "img",
        "button", "form", "textarea", "input", "select", "option", "template",
    ]
    static let inline: Set<String> = ["a", "span", "small", "strike", "strong", "sub", "sup", "em", "b", "u", "i"]
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    static let rawText: Set<String> = ["style", "script", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    public static func plainText(fromHTML html: String) -> String {
        var converter = Converter()
        converter.run(Array(html.unicodeScalars))
        return converter.output.trimmingWhitespace()
    }

    private struct Converter {
        var output = ""
        var link: (text: String, href: String)?
        var canAddNewLine = false

        mutating func write(_ text: String) {
            if link != nil { link!.text += text } else { output += text }
        }

        mutating func text(_ raw: String) {
            var collapsed = ""
            var inSpace = false
            for c in raw.unicodeScalars {
                if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                    if !inSpace { collapsed += " " }
                    inSpace = true
                } else {
                    collapsed.unicodeScalars.append(c)
                    inSpace = false
                }
            }
            if !canAddNewLine { collapsed = String(collapsed.drop { $0 == " " }) }
            if !collapsed.isEmpty {
                write(collapsed)
                canAddNewLine = true
            }
        }

        mutating func open(_ tag: String, attributes: [String: String]) {
            if tag == "br" {
                write("\r\n")
                canAddNewLine = false
            } else if canAddNewLine, !HTMLText.inline.contains(tag) {
                write("\r\n")
                canAddNewLine = false
            }
            if tag == "li" { write("- ") }
            if tag == "a" { link = ("", attributes["href"] ?? "") }
        }

        mutating func close(_ tag: String) {
            guard tag == "a", let current = link else { return }
            link = nil
            var label = current.text.trimmingWhitespace()
            if label.isEmpty { label = "LINK" }
            output += "[" + label + "]"
            if !current.href.isEmpty { output += "(" + current.href + ")" }
        }

        mutating func run(_ s: [Unicode.Scalar]) {
            var i = 0
            var pendingText = ""
            func flush(_ c: inout Converter) {
                if !pendingText.isEmpty { c.text(HTMLText.decodeEntities(pendingText)) }
                pendingText = ""
            }
            while i < s.count {
                guard s[i] == "<" else { pendingText.unicodeScalars.append(s[i]); i += 1; continue }
                // Comments, doctypes and processing instructions produce nothing.
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    flush(&self)
                    if Self.starts(s, i, "<!--") {
                        i = Self.find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    } else {
                        i = (s[i...].firstIndex(of: ">") ?? s.count - 1) + 1
                    }
                    continue
                }
                let isClose = i + 1 < s.count && s[i + 1] == "/"
                let nameStart = isClose ? i + 2 : i + 1
                guard nameStart < s.count, s[nameStart].properties.isAlphabetic else {
                    pendingText.unicodeScalars.append(s[i]); i += 1; continue
                }
                flush(&self)
                let end = Self.tagEnd(s, from: nameStart)
                let inner = String(String.UnicodeScalarView(s[nameStart..<min(end, s.count)]))
                i = min(end + 1, s.count)
                let (name, attributes) = Self.parseTag(inner)
                if isClose {
                    close(name)
                    continue
                }
                if HTMLText.skipped.contains(name) {
                    if !HTMLText.void.contains(name), !inner.hasSuffix("/") {
                        i = Self.skipElement(s, from: i, name: name)
                    }
                    continue
                }
                open(name, attributes: attributes)
                if HTMLText.rawText.contains(name) {
                    // The raw text of e.g. <title> is one text node.
                    let closeAt = Self.find(s, from: i, "</" + name) ?? s.count
                    text(String(String.UnicodeScalarView(s[i..<closeAt])))
                    i = closeAt
                }
            }
            flush(&self)
            if link != nil { close("a") }
        }

        static func starts(_ s: [Unicode.Scalar], _ i: Int, _ prefix: String) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard i + p.count <= s.count else { return false }
            for k in 0..<p.count where Character(s[i + k]).lowercased() != Character(p[k]).lowercased() { return false }
            return true
        }

        static func find(_ s: [Unicode.Scalar], from: Int, _ needle: String) -> Int? {
            var i = from
            while i < s.count {
                if starts(s, i, needle) { return i }
                i += 1
            }
            return nil
        }

        /// The index of the `>` closing a tag, skipping quoted attribute values.
        static func tagEnd(_ s: [Unicode.Scalar], from: Int) -> Int {
            var quote: Unicode.Scalar?
            var i = from
            while i < s.count {
                let c = s[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == ">" {
                    return i
                }
                i += 1
            }
            return s.count
        }

        /// Skips to after the end tag of a dropped element, counting nested elements of its name.
        static func skipElement(_ s: [Unicode.Scalar], from: Int, name: String) -> Int {
            if HTMLText.rawText.contains(name) {
                guard let close = find(s, from: from, "</" + name) else { return s.count }
                return min(tagEnd(s, from: close) + 1, s.count)
            }
            var depth = 1
            var i = from
            while i < s.count {
                if starts(s, i, "</" + name) {
                    depth -= 1
                    i = min(tagEnd(s, from: i) + 1, s.count)
                    if depth == 0 { return i }
                } else if starts(s, i, "<" + name) {
                    depth += 1
                    i = min(tagEnd(s, from: i) + 1, s.count)
                } else {
                    i += 1
                }
            }
            return s.count
        }

        /// The lower-cased tag name and its attributes (values entity-decoded).
        static func parseTag(_ inner: String) -> (String, [String: String]) {
            let scalars = Array(inner.unicodeScalars)
            var i = 0
            var name = ""
            while i < scalars.count, !isSpace(scalars[i]), scalars[i] != "/" {
                name.unicodeScalars.append(scalars[i]); i += 1
            }
            var attributes: [String: String] = [:]
            while i < scalars.count {
                while i < scalars.count, isSpace(scalars[i]) || scalars[i] == "/" { i += 1 }
                var key = ""
                while i < scalars.count, !isSpace(scalars[i]), scalars[i] != "=", scalars[i] != "/" {
                    key.unicodeScalars.append(scalars[i]); i += 1
                }
                while i < scalars.count, isSpace(scalars[i]) { i += 1 }
                var value = ""
                if i < scalars.count, scalars[i] == "=" {
                    i += 1
                    while i < scalars.count, isSpace(scalars[i]) { i += 1 }
                    if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
                        let q = scalars[i]; i += 1
                        while i < scalars.count, scalars[i] != q { value.unicodeScalars.append(scalars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < scalars.count, !isSpace(scalars[i]) { value.unicodeScalars.append(scalars[i]); i += 1 }
                    }
                }
                if !key.isEmpty, attributes[key.lowercased()] == nil {
                    attributes[key.lowercased()] = HTMLText.decodeEntities(value)
                }
            }
            return (name.lowercased(), attributes)
        }

        static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "euro": "€",
    ]

    /// Decodes `&name;`, `&#NN;` and `&#xNN;` references (unknown names stay as written).
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(32).firstIndex(of: ";") {
                let name = after[..<semi]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let n = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(n).map { String(Character($0)) }
                } else if name.hasPrefix("#"), let n = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(n).map { String(Character($0)) }
                } else {
                    decoded = namedEntities[String(name)]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0C}" || $0 == "\u{0B}" }
        var s = Substring(self)
        while let f = s.first, isSpace(f) { s.removeFirst() }
        while let l = s.last, isSpace(l) { s.removeLast() }
        return String(s)
    }
}
