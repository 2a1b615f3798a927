/// An INI file as botocore's configparser reads it: `[section]` headers, `key = value` or `key: value`,
/// keys lower-cased, full-line `#` and `;` comments, indented lines either continuing a value or, after an
/// empty value, forming a nested block (`s3 =` then `  max_concurrent_requests = 20`). Every value keeps the
/// line it came from, so errors can point at it.
public struct INIFile: Sendable, Hashable {
    public struct Value: Sendable, Hashable {
        public var text: String
        public var line: Int
        /// Sub-keys of a nested block (`s3 =` followed by indented `key = value` lines).
        public var nested: [String: String]
    }

    public struct Section: Sendable, Hashable {
        public var header: String
        public var line: Int
        public var values: [String: Value]
    }

    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public var path: String
    public var sections: [Section]

    public static func parse(_ text: String, path: String) throws(ParseError) -> INIFile {
        var sections: [Section] = []
        var seen: [String: Int] = [:]
        var currentKey: String?
        var nestedOpen = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                nestedOpen = false
                continue
            }
            if trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indented = line.first == " " || line.first == "\t"
            if indented, let key = currentKey, !sections.isEmpty {
                let index = sections.count - 1
                guard var value = sections[index].values[key] else { continue }
                if nestedOpen || value.text.isEmpty, let (subKey, subValue) = Self.split(trimmed) {
                    value.nested[subKey.lowercased()] = subValue
                    nestedOpen = true
                } else {
                    value.text += (value.text.isEmpty ? "" : "\n") + trimmed
                }
                sections[index].values[key] = value
                continue
            }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    throw ParseError(file: path, line: number, message: "section header \(trimmed) has no closing ]")
                }
                let header = String(trimmed.dropFirst().dropLast()).trimmingSpaces
                if let first = seen[header] {
                    throw ParseError(
                        file: path,
                        line: number,
                        message: "section [\(header)] appears again (first on line \(first)); merge the two"
                    )
                }
                seen[header] = number
                sections.append(Section(header: header, line: number, values: [:]))
                currentKey = nil
                nestedOpen = false
                continue
            }
            guard !sections.isEmpty else {
                throw ParseError(file: path, line: number, message: "a setting before any [section] header")
            }
            guard let (key, value) = Self.split(trimmed) else {
                // The line itself is not quoted: in a credentials file it could be a stray secret.
                throw ParseError(file: path, line: number, message: "expected `key = value`")
            }
            let name = key.lowercased()
            if let earlier = sections[sections.count - 1].values[name] {
                throw ParseError(
                    file: path,
                    line: number,
                    message:
                        "\(name) is set twice in [\(sections[sections.count - 1].header)] (also on line \(earlier.line))"
                )
            }
            sections[sections.count - 1].values[name] = Value(text: value, line: number, nested: [:])
            currentKey = name
            nestedOpen = false
        }
        return INIFile(path: path, sections: sections)
    }

    /// `key = value` or `key: value`, split at the first of either.
    private static func split(_ line: String) -> (String, String)? {
        guard let index = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = String(line[..<index]).trimmingSpaces
        guard !key.isEmpty else { return nil }
        return (key, String(line[line.index(after: index)...]).trimmingSpaces)
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
