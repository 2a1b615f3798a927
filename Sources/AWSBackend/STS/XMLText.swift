/// Reads the few fields the STS query protocol returns. Its responses are small, flat and well known; a
/// full XML parser (FoundationXML and libxml2) would cost the console memory at start for no gain.
enum XMLText {
    /// The text of the first `<tag>…</tag>` (namespace prefixes and attributes allowed), entities decoded.
    static func value(of tag: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(tag)>") ?? xml.range(of: "<\(tag) ")
        else { return nil }
        guard let startOfText = xml[open.lowerBound...].firstIndex(of: ">").map({ xml.index(after: $0) }),
            let close = xml.range(of: "</\(tag)>", range: startOfText..<xml.endIndex)
        else { return nil }
        return decode(String(xml[startOfText..<close.lowerBound]))
    }

    static func decode(_ text: String) -> String { XMLNode.decodeEntities(text) }
}
