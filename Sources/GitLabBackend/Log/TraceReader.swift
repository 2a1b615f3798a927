/// Turns the whole log GitLab sends every time into the lines from an offset on, keeping per job only where the
/// last read stopped (bytes and lines), never the log itself: a follow reads the new tail only.
struct TraceReader: Sendable {
    struct Cursor: Sendable, Hashable {
        /// Bytes of the raw log consumed, up to the end of the last complete line.
        var bytes: Int
        /// Lines produced from them (section markers and empty progress lines excluded).
        var lines: Int
    }

    /// The most lines one answer carries; a longer tail starts later (the view keeps a bounded tail anyway).
    static let maxLines = 5_000
    /// Jobs whose read position is remembered.
    static let remembered = 32

    private var cursors: [Int: Cursor] = [:]
    private var order: [Int] = []

    /// Lines of `raw` from line `offset` on; the last line counts only once it ends, unless `finished`.
    mutating func lines(jobID: Int, raw: [UInt8], from offset: Int, finished: Bool) -> (offset: Int, lines: [String]) {
        var start = 0
        var produced = 0
        if let cursor = cursors[jobID], cursor.lines <= offset, cursor.bytes <= raw.count {
            start = cursor.bytes
            produced = cursor.lines
        }
        var lines: [String] = []
        var lineStart = start
        var index = start
        func take(_ end: Int) {
            guard let line = TraceText.clean(raw[lineStart..<end]) else { return }
            if produced >= offset {
                lines.append(line)
                if lines.count > Self.maxLines * 2 { lines.removeFirst(lines.count - Self.maxLines) }
            }
            produced += 1
        }
        while let newline = raw[index...].firstIndex(of: 10) {
            take(newline)
            lineStart = newline + 1
            index = lineStart
        }
        remember(jobID, Cursor(bytes: lineStart, lines: produced))
        if finished && lineStart < raw.count { take(raw.count) }
        if lines.count > Self.maxLines {
            lines.removeFirst(lines.count - Self.maxLines)
        }
        return (max(offset, produced - lines.count), lines)
    }

    private mutating func remember(_ jobID: Int, _ cursor: Cursor) {
        if cursors.updateValue(cursor, forKey: jobID) == nil { order.append(jobID) }
        if order.count > Self.remembered { cursors[order.removeFirst()] = nil }
    }
}
