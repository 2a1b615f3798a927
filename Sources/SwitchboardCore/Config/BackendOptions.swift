import Foundation

/// One backend entry of the config: its kind, name and the other keys with where they were written.
public struct BackendOptions: Sendable, Hashable {
    public struct Value: Sendable, Hashable {
        public var text: String
        public var line: Int?
        public var column: Int?

        public init(text: String, line: Int? = nil, column: Int? = nil) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    public var kind: String
    public var name: String
    public var file: String
    public var values: [String: Value]

    public init(kind: String, name: String, file: String, values: [String: Value] = [:]) {
        self.kind = kind
        self.name = name
        self.file = file
        self.values = values
    }

    public func string(_ key: String) -> String? { values[key]?.text }

    /// A list written as a YAML list or as one comma-separated value.
    public func list(_ key: String) -> [String] {
        guard let text = values[key]?.text else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard let n = Int(value.text), range.contains(n) else {
            throw error(key, "\"\(value.text)\" is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return n
    }

    public func error(_ key: String, _ message: String) -> ConfigError {
        let value = values[key]
        return ConfigError(
            file: file,
            line: value?.line,
            column: value?.column,
            key: "backends.\(name).\(key)",
            message: message
        )
    }
}
