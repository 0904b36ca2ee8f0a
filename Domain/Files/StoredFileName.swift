/// The name PocketBase 0.28.4 stores an upload under: the original name snake_cased (non-ASCII
/// letters dropped, at most 100 characters, padded with random characters below 3), `_`, ten random
/// `[a-z0-9]` characters, and the original extension (a double one like `.tar.gz` kept, unsafe
/// characters removed, at most 20 characters) or, when there is none, one guessed from the content.
public enum StoredFileName {
    public static func make(original: String, guessedExtension: () -> String,
                            random: any RandomStringGenerator) -> String {
        let originalExtension = extractExtension(original)
        var cleanExtension = String(originalExtension.unicodeScalars.filter(isExtensionCharacter).map(Character.init))
        if cleanExtension.isEmpty { cleanExtension = guessedExtension() }
        if cleanExtension.utf8.count > 20 {
            cleanExtension = "." + String(decoding: Array(cleanExtension.utf8).suffix(20), as: UTF8.self)
        }
        let base = original.hasSuffix(originalExtension) ? String(original.dropLast(originalExtension.count)) : original
        var cleanName = snakeCase(base)
        if cleanName.utf8.count < 3 {
            cleanName += random.string(length: 10, alphabet: Alphabet.lowerAlphanumeric)
        } else if cleanName.utf8.count > 100 {
            cleanName = String(decoding: Array(cleanName.utf8).prefix(100), as: UTF8.self)
        }
        return "\(cleanName)_\(random.string(length: 10, alphabet: Alphabet.lowerAlphanumeric))\(cleanExtension)"
    }

    /// `.gz` of `a.gz`, `.tar.gz` of `a.tar.gz` (the last two dotted parts), `""` without a dot.
    public static func extractExtension(_ name: String) -> String {
        guard let primary = name.lastIndex(of: ".") else { return "" }
        if let secondary = name[..<primary].lastIndex(of: ".") { return String(name[secondary...]) }
        return String(name[primary...])
    }

    /// Word characters and `.*-+=#` survive in an extension.
    static func isExtensionCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isWordCharacter(scalar) || ".*-+=#".unicodeScalars.contains(scalar)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    /// PocketBase's snake case: split at every run of non-word characters or underscores, insert `_`
    /// before an uppercase letter that follows a non-uppercase one, lowercase everything.
    public static func snakeCase(_ text: String) -> String {
        var words: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if isWordCharacter(scalar) && scalar != "_" {
                words[words.count - 1].append(scalar)
            } else if !words[words.count - 1].isEmpty {
                words.append([])
            }
        }
        var result = ""
        for word in words where !word.isEmpty {
            if !result.isEmpty { result += "_" }
            for (i, scalar) in word.enumerated() {
                let isUpper = scalar.properties.isUppercase
                if isUpper, i > 0, !word[i - 1].properties.isUppercase { result += "_" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result.lowercased()
    }
}
