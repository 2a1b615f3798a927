import Foundation

/// A JSON value whose object keys stay in the order written, so answers list fields in GitLab's order.
enum FakeJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([FakeJSON])
    case object([(String, FakeJSON)])

    /// A timestamp the way GitLab writes it (milliseconds; `Z`, or `+01:00` for `offset` 3600); null for nil.
    static func time(_ date: Date?, offset: Int = 0) -> FakeJSON {
        date.map { .string(FakeGitLabTime.format($0, offset: offset)) } ?? .null
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out)
        return out
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): out += Array(String(value).utf8)
        case .double(let value): out += Array(Self.number(value).utf8)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(field.0, into: &out)
                out.append(UInt8(ascii: ":"))
                field.1.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Always with a fraction (`12.0`, `0.173`): GitLab's job durations are floats even when whole.
    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = "\(value)"
        return text.contains("e") ? String(format: "%.6f", value) : text
    }

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Values that can sit in a `FakeJSON` object literal: `["id": job.id, "name": job.name]`.
protocol FakeJSONConvertible {
    var fakeJSON: FakeJSON { get }
}

extension FakeJSON: FakeJSONConvertible, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    var fakeJSON: FakeJSON { self }

    init(dictionaryLiteral elements: (String, any FakeJSONConvertible)...) {
        self = .object(elements.map { ($0.0, $0.1.fakeJSON) })
    }

    init(arrayLiteral elements: FakeJSON...) { self = .array(elements) }
}

extension Int: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .int(self) }
}

extension Double: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .double(self) }
}

extension String: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .string(self) }
}

extension Bool: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .bool(self) }
}

extension Date: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .time(self) }
}

extension Optional: FakeJSONConvertible where Wrapped: FakeJSONConvertible {
    var fakeJSON: FakeJSON { self?.fakeJSON ?? .null }
}

extension Array: FakeJSONConvertible where Element: FakeJSONConvertible {
    var fakeJSON: FakeJSON { .array(map(\.fakeJSON)) }
}
