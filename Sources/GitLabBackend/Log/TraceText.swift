/// GitLab job logs as plain lines: ANSI colour and cursor sequences removed, `\r` progress overwrites resolved
/// to what a terminal would finally show, section markers (`section_start:1700000000:name[…]\r\e[0K`) turned into
/// their header text or dropped, and everything else (`[MASKED]` included) kept as written.
public enum TraceText {
    /// Cleans one raw line (without its `\n`).
    public static func clean<C: Collection>(_ raw: C) -> String? where C.Element == UInt8 {
        var bytes = Array(raw)
        if bytes.last == 13 { bytes.removeLast() }  // CRLF
        // A carriage return starts the line over: keep what follows the last one that has text after it.
        if let cr = bytes.lastIndex(of: 13) {
            let after = Array(bytes[(cr + 1)...])
            let before = Array(bytes[..<cr])
            if isSectionMarker(before) && visible(after).isEmpty { return nil }
            bytes = visible(after).isEmpty ? lastVisibleSegment(before) : after
        }
        if isSectionMarker(bytes) { return nil }
        return String(decoding: stripEscapes(bytes), as: UTF8.self)
    }

    private static func lastVisibleSegment(_ bytes: [UInt8]) -> [UInt8] {
        let segments = bytes.split(separator: 13, omittingEmptySubsequences: false)
        return Array(segments.last { !visible(Array($0)).isEmpty } ?? [])
    }

    private static func visible(_ bytes: [UInt8]) -> [UInt8] {
        stripEscapes(bytes).filter { $0 != 32 && $0 != 9 }
    }

    /// `section_start:<unix time>:<name>` or `section_end:…` (optionally `[options]`), nothing else.
    private static func isSectionMarker(_ bytes: [UInt8]) -> Bool {
        let text = stripEscapes(bytes)
        for prefix in ["section_start:", "section_end:"] where text.starts(with: Array(prefix.utf8)) {
            let rest = text.dropFirst(prefix.utf8.count)
            guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return false }
            return !rest[..<colon].isEmpty && rest[..<colon].allSatisfy { (48...57).contains($0) }
                && !rest[rest.index(after: colon)...].contains(32)
        }
        return false
    }

    /// Removes CSI (`ESC [ … final`), OSC (`ESC ] … BEL/ST`) and two-byte escapes, and other control bytes but tab.
    static func stripEscapes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 27 {
                i += 1
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: "[") {
                    i += 1
                    while i < bytes.count, !(64...126).contains(bytes[i]) { i += 1 }
                    i += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    while i < bytes.count, bytes[i] != 7, !(bytes[i] == 27) { i += 1 }
                    i += bytes.count > i && bytes[i] == 27 ? 2 : 1
                } else {
                    i += 1
                }
                continue
            }
            if byte < 32 && byte != 9 || byte == 127 {
                i += 1
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }
}
