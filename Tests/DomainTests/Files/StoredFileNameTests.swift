@testable import PocketDomain
import Testing

/// Always the same characters, so names are predictable.
private struct ConstantRandom: RandomStringGenerator {
    func string(length: Int, alphabet: [UInt8]) -> String {
        String(repeating: Character(Unicode.Scalar(alphabet[0])), count: length)
    }
}

@Suite("stored file names")
struct StoredFileNameTests {
    private func name(_ original: String, guessed: String = ".bin") -> String {
        StoredFileName.make(original: original, guessedExtension: { guessed }, random: ConstantRandom())
    }

    @Test("snake_cased name, ten random characters, original extension",
          arguments: [
              ("notes.txt", "notes_aaaaaaaaaa.txt"),
              ("My Holiday Photo.JPG", "my_holiday_photo_aaaaaaaaaa.JPG"),
              ("archive.tar.gz", "archive_aaaaaaaaaa.tar.gz"),
              ("camelCaseName.png", "camel_case_name_aaaaaaaaaa.png"),
              ("résumé final.pdf", "r_sum_final_aaaaaaaaaa.pdf"),
          ])
    func names(_ original: String, _ expected: String) {
        #expect(name(original) == expected)
    }

    @Test("short names get random padding; missing extensions are guessed")
    func shortAndGuessed() {
        #expect(name("a.txt") == "aaaaaaaaaaa_aaaaaaaaaa.txt")
        #expect(name("README", guessed: ".txt") == "readme_aaaaaaaaaa.txt")
    }

    @Test("long names are cut to 100 characters")
    func long() {
        let stored = name(String(repeating: "x", count: 150) + ".txt")
        #expect(stored == String(repeating: "x", count: 100) + "_aaaaaaaaaa.txt")
    }
}

@Suite("MIME sniffing")
struct MIMESnifferTests {
    @Test("known signatures and text", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png", ".png"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg", ".jpg"),
        (Array("GIF89a....".utf8), "image/gif", ".gif"),
        (Array("%PDF-1.7".utf8), "application/pdf", ".pdf"),
        (Array("file bytes!".utf8), "text/plain; charset=utf-8", ".txt"),
        (Array("<svg xmlns='http://www.w3.org/2000/svg'></svg>".utf8), "image/svg+xml", ".svg"),
        ([0x00, 0x01, 0x02, 0xFE], "application/octet-stream", ""),
    ] as [([UInt8], String, String)])
    func detect(_ bytes: [UInt8], _ mime: String, _ ext: String) {
        #expect(MIMESniffer.detect(bytes) == MIMESniffer.Detected(mimeType: mime, fileExtension: ext))
    }
}
