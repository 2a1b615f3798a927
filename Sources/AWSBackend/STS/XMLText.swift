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

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16),
                    let s = Unicode.Scalar(code)
                {
                    out.unicodeScalars.append(s)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let s = Unicode.Scalar(code) {
                    out.unicodeScalars.append(s)
                } else {
                    out += rest[amp...semi]
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
