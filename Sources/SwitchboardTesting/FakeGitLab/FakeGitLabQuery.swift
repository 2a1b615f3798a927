/// A query string as sent: each parameter keeps its raw text (to rebuild `Link` URLs exactly) beside its
/// decoded name and value (`scope%5B%5D=running` is `scope[]` = `running`; `+` is a space).
struct FakeGitLabQuery: Sendable {
    struct Item: Sendable {
        var raw: String
        var name: String
        var value: String
    }

    var items: [Item]

    init(_ query: String) {
        items = query.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(pieces[0]))
            let value = pieces.count > 1 ? Self.decode(String(pieces[1])) : ""
            return Item(raw: String(part), name: name, value: value)
        }
    }

    func value(_ name: String) -> String? { items.first { $0.name == name }?.value }

    /// Every value of an array parameter, sent as `name[]=a&name[]=b` or `name=a`.
    func values(_ name: String) -> [String] {
        items.filter { $0.name == name || $0.name == name + "[]" }.map(\.value)
    }

    /// The raw query with `replacements` set (in place if present, appended otherwise) and `removing` dropped.
    func rebuilt(setting replacements: [(String, String)], removing: Set<String> = []) -> String {
        var parts: [String] = []
        var pending = replacements
        for item in items where !removing.contains(item.name) {
            if let index = pending.firstIndex(where: { $0.0 == item.name }) {
                parts.append("\(item.name)=\(pending[index].1)")
                pending.remove(at: index)
            } else if !replacements.contains(where: { $0.0 == item.name }) {
                parts.append(item.raw)
            }
        }
        parts += pending.map { "\($0.0)=\($0.1)" }
        return parts.joined(separator: "&")
    }

    static func decode(_ text: String, plusIsSpace: Bool = true) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") && plusIsSpace {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]),
                let low = hex(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes all but RFC 3986's unreserved characters (`platform/api` → `platform%2Fapi`).
    static func encode(_ text: String) -> String {
        let hexDigits = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 15)])
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
