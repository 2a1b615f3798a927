/// Maps a config `kind:` to what builds that backend, with the keys it accepts.
public struct BackendRegistry: Sendable {
    public struct Entry: Sendable {
        public var kind: String
        /// Worked out when a config names this kind, not before: registering a kind runs none of its code (an
        /// idle demo console then keeps the AWS and GitLab code out of memory).
        private let allowedKeys: @Sendable () -> Set<String>
        public var make: @Sendable (BackendOptions) throws -> any Backend

        public init(
            kind: String,
            keys: @autoclosure @escaping @Sendable () -> Set<String>,
            make: @escaping @Sendable (BackendOptions) throws -> any Backend
        ) {
            self.kind = kind
            allowedKeys = keys
            self.make = make
        }

        public var keys: Set<String> { allowedKeys() }
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    public mutating func register(_ entry: Entry) { entries[entry.kind] = entry }

    public var kinds: [String] { entries.keys.sorted() }

    public func entry(for kind: String) -> Entry? { entries[kind] }

    /// Builds every backend of the config into one estate.
    public func makeEstate(_ config: SwitchboardConfig) throws -> Estate {
        let backends = try config.backends.map { options -> any Backend in
            guard let entry = entries[options.kind] else {
                throw ConfigError(
                    file: options.file,
                    key: "backends.\(options.name).kind",
                    message: "unknown kind \"\(options.kind)\"; known kinds: \(kinds.joined(separator: ", "))"
                )
            }
            return try entry.make(options)
        }
        return Estate(name: config.estateName, backends: backends)
    }
}
