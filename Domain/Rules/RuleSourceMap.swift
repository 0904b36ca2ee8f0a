/// Turns UTF-8 byte offsets of one source text into ``RuleSourcePosition``s.
///
/// Lookups usually move forward (tokens come in order), so the map keeps the last answer and
/// walks on from it; going backwards restarts from the top of the text.
struct RuleSourceMap {
    private let bytes: [UInt8]
    private var cursor = RuleSourcePosition(offset: 0, line: 1, column: 1)

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The position of `offset` (clamped to the text).
    mutating func position(at offset: Int) -> RuleSourcePosition {
        let target = min(max(offset, 0), bytes.count)
        if target < cursor.offset {
            cursor = RuleSourcePosition(offset: 0, line: 1, column: 1)
        }
        var (index, line, column) = (cursor.offset, cursor.line, cursor.column)
        while index < target {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        // A target inside a multi-byte scalar belongs to the scalar's column.
        cursor = RuleSourcePosition(offset: target, line: line, column: column)
        return cursor
    }

    /// The range `start..<end`.
    mutating func range(_ start: Int, _ end: Int) -> RuleSourceRange {
        let first = position(at: start)
        return RuleSourceRange(start: first, end: position(at: end))
    }
}
