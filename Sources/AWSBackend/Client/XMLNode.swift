import Foundation

/// A small XML reader for AWS query-protocol answers: elements, their text and children; entities and
/// character references decoded; declarations, comments and attributes skipped. Enough for IAM's and STS's
/// documented shapes, without pulling FoundationXML (and libxml2) into the console.
public struct XMLNode: Sendable, Hashable {
    public var name: String
    public var text: String
    public var children: [XMLNode]

    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "XML at byte \(offset): \(reason)" }
    }

    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The text of a child, or nil.
    public func value(_ name: String) -> String? { child(name)?.text }

    /// The `member` elements of a list child (`<Roles><member>…</member></Roles>`).
    public func members(_ name: String) -> [XMLNode] { child(name)?.children.filter { $0.name == "member" } ?? [] }

    /// The first descendant with this name, depth first.
    public func find(_ name: String) -> XMLNode? {
        for child in children {
            if child.name == name { return child }
            if let found = child.find(name) { return found }
        }
        return nil
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and character references decoded; anything else kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&" + entity + ";"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    public static func parse(_ text: String) throws(Malformed) -> XMLNode {
        var parser = Parser(bytes: Array(text.utf8))
        return try parser.document()
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ reason: String) -> Malformed { Malformed(offset: i, reason: reason) }

        mutating func skipMisc() {
            while i < bytes.count {
                if bytes[i] == 60, i + 1 < bytes.count, bytes[i + 1] == 63 || bytes[i + 1] == 33 {  // <? or <!
                    let end: [UInt8] =
                        bytes[i + 1] == 63 ? Array("?>".utf8) : (starts("<!--") ? Array("-->".utf8) : [62])
                    i = (index(of: end, from: i + 2) ?? bytes.count - end.count) + end.count
                } else if bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 {
                    i += 1
                } else {
                    return
                }
            }
        }

        func starts(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            return i + pattern.count <= bytes.count && Array(bytes[i..<i + pattern.count]) == pattern
        }

        func index(of pattern: [UInt8], from start: Int) -> Int? {
            guard pattern.count <= bytes.count else { return nil }
            var j = start
            while j + pattern.count <= bytes.count {
                if bytes[j] == pattern[0] && Array(bytes[j..<j + pattern.count]) == pattern { return j }
                j += 1
            }
            return nil
        }

        mutating func document() throws(Malformed) -> XMLNode {
            skipMisc()
            guard i < bytes.count, bytes[i] == 60 else { throw fail("no root element") }
            return try element(depth: 0)
        }

        mutating func element(depth: Int) throws(Malformed) -> XMLNode {
            guard depth < 256 else { throw fail("elements nested deeper than 256 levels") }
            i += 1  // <
            let nameStart = i
            while i < bytes.count, ![32, 62, 47, 10, 13, 9].contains(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            // Attributes are skipped (quoted values may hold `>`).
            var quote: UInt8?
            while i < bytes.count {
                let byte = bytes[i]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == 34 || byte == 39 {
                    quote = byte
                } else if byte == 62 {
                    break
                }
                i += 1
            }
            guard i < bytes.count else { throw fail("unclosed tag <\(name)") }
            if bytes[i - 1] == 47 {  // <name/>
                i += 1
                return XMLNode(name: name, text: "", children: [])
            }
            i += 1
            var node = XMLNode(name: name, text: "", children: [])
            var text: [UInt8] = []
            while i < bytes.count {
                if bytes[i] == 60 {
                    if starts("</") {
                        guard let close = index(of: [62], from: i) else { throw fail("unclosed </\(name)") }
                        let closing = String(decoding: bytes[i + 2..<close], as: UTF8.self)
                            .trimmingCharacters(in: .whitespaces)
                        guard closing == name else { throw fail("</\(closing)> closes <\(name)>") }
                        i = close + 1
                        node.text = Self.decode(text)
                        return node
                    }
                    if starts("<![CDATA[") {
                        guard let end = index(of: Array("]]>".utf8), from: i) else { throw fail("unclosed CDATA") }
                        text += bytes[i + 9..<end]
                        i = end + 3
                        continue
                    }
                    if starts("<!--") || starts("<?") {
                        skipMisc()
                        continue
                    }
                    node.children.append(try element(depth: depth + 1))
                } else {
                    text.append(bytes[i])
                    i += 1
                }
            }
            throw fail("<\(name)> is never closed")
        }

        static func decode(_ raw: [UInt8]) -> String { decodeEntities(String(decoding: raw, as: UTF8.self)) }
    }
}
