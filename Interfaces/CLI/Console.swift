internal import Foundation

/// Where the command line writes: results to stdout (PocketBase prints even errors there), prompts
/// and diagnostics to stderr.
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// PocketBase's failure line: `Error: …` on stdout.
    static func error(_ message: String) {
        out("Error: \(message)")
    }

    /// Asks a yes/no question on stderr; only `y`/`yes` (any case) on stdin is a yes.
    static func confirm(_ question: String) -> Bool {
        err("\(question) (y/N) ")
        guard let answer = readLine(strippingNewline: true)?.lowercased() else { return false }
        return answer == "y" || answer == "yes"
    }
}
