/// The email syntax check PocketBase applies (ozzo-validation's `is.EmailFormat`, simplified to the
/// cases clients meet: one `@`, a non-empty dot-atom local part and a dotted domain of valid labels).
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64, !parts[1].isEmpty else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")
        guard parts[0].allSatisfy({ localAllowed.contains($0) || !$0.isASCII }),
              !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..")
        else { return false }
        // govalidator's IsEmail (behind ozzo's is.EmailFormat): a dotted domain (one trailing dot
        // allowed) whose labels start and end with a letter or digit, and a top-level label that
        // starts and ends with a letter.
        var domain = parts[1]
        if domain.hasSuffix(".") { domain = domain.dropLast() }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.first?.isLetter == true, top.last?.isLetter == true
        else { return false }
        return labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, label.utf8.count <= 63 else { return false }
            return (first.isLetter || first.isNumber) && (last.isLetter || last.isNumber)
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "~" }
        }
    }
}
