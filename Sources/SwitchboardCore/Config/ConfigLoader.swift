import Foundation
import Yams

/// Reads the YAML config strictly: an unknown key, a wrong type or a bad value is an error naming the file,
/// line and key, so a typo never silently falls back to a default.
public struct ConfigLoader: Sendable {
    public var registry: BackendRegistry

    public init(registry: BackendRegistry) { self.registry = registry }

    public func load(path: String) throws -> SwitchboardConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, message: "cannot read the file (\(Self.reason(error)))")
        }
        return try parse(text, file: path)
    }

    public func parse(_ text: String, file: String) throws -> SwitchboardConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
        guard let root else {
            throw ConfigError(file: file, message: "the file is empty; list at least one backend under `backends:`")
        }
        let top = try mapping(root, key: nil, file: file)
        var config = SwitchboardConfig(file: file, estateName: "estate", backends: [])
        var sawBackends = false
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "estate":
                config.estateName = try scalar(value, key: key, file: file)
            case "backends":
                config.backends = try backends(value, file: file)
                sawBackends = true
            case "poll":
                config.intervals = try intervals(value, file: file)
                config.explicitIntervals = Set(
                    (try mapping(value, key: "poll", file: file)).compactMap {
                        $0.0.string.flatMap(FeedID.init(rawValue:))
                    }
                )
            case "ui":
                try ui(value, into: &config, file: file)
            default:
                throw unknownKey(keyNode, key, known: ["estate", "backends", "poll", "ui"], file: file)
            }
        }
        guard sawBackends, !config.backends.isEmpty else {
            throw ConfigError(file: file, key: "backends", message: "no backends; add one, e.g. `- kind: demo`")
        }
        return config
    }

    private func backends(_ node: Node, file: String) throws -> [BackendOptions] {
        guard case .sequence(let items) = node else {
            throw located(node, key: "backends", file: file, "must be a list of backends (`- kind: demo`)")
        }
        var result: [BackendOptions] = []
        var names = Set<String>()
        for (index, item) in items.enumerated() {
            let entries = try mapping(item, key: "backends[\(index)]", file: file)
            var values: [String: BackendOptions.Value] = [:]
            var kindNode: Node?
            for (keyNode, value) in entries {
                let key = keyNode.string ?? ""
                let text = try scalarOrList(value, key: "backends[\(index)].\(key)", file: file)
                if key == "kind" { kindNode = value }
                values[key] = BackendOptions.Value(text: text, line: value.mark?.line, column: value.mark?.column)
            }
            guard let kind = values["kind"]?.text else {
                throw located(item, key: "backends[\(index)]", file: file, "has no `kind:` (known: \(knownKinds))")
            }
            guard let entry = registry.entry(for: kind) else {
                throw located(
                    kindNode ?? item,
                    key: "backends[\(index)].kind",
                    file: file,
                    "unknown kind \"\(kind)\"; known kinds: \(knownKinds)"
                )
            }
            let name = values["name"]?.text ?? kind
            guard names.insert(name).inserted else {
                throw located(
                    item,
                    key: "backends[\(index)].name",
                    file: file,
                    "a second backend named \"\(name)\"; give each a distinct `name:`"
                )
            }
            let allowed = entry.keys.union(["kind", "name"])
            for (keyNode, _) in entries where !allowed.contains(keyNode.string ?? "") {
                throw unknownKey(
                    keyNode,
                    "backends[\(index)].\(keyNode.string ?? "")",
                    known: allowed.sorted(),
                    file: file
                )
            }
            values["kind"] = nil
            values["name"] = nil
            result.append(BackendOptions(kind: kind, name: name, file: file, values: values))
        }
        return result
    }

    private func intervals(_ node: Node, file: String) throws -> PollIntervals {
        var intervals = PollIntervals.defaults
        for (keyNode, value) in try mapping(node, key: "poll", file: file) {
            let key = keyNode.string ?? ""
            guard let feed = FeedID(rawValue: key) else {
                throw unknownKey(keyNode, "poll.\(key)", known: FeedID.allCases.map(\.rawValue), file: file)
            }
            let text = try scalar(value, key: "poll.\(key)", file: file)
            guard let seconds = DurationText.parse(text) else {
                throw located(
                    value,
                    key: "poll.\(key)",
                    file: file,
                    "\"\(text)\" is not a duration; write it like 30s, 5m or 1h"
                )
            }
            guard seconds >= 1, seconds <= 86400 else {
                throw located(
                    value,
                    key: "poll.\(key)",
                    file: file,
                    "\"\(text)\" is out of range; poll between 1s and 24h"
                )
            }
            intervals[feed] = seconds
        }
        return intervals
    }

    private func ui(_ node: Node, into config: inout SwitchboardConfig, file: String) throws {
        for (keyNode, value) in try mapping(node, key: "ui", file: file) {
            let key = keyNode.string ?? ""
            let text = try scalar(value, key: "ui.\(key)", file: file)
            switch key {
            case "theme":
                guard ["dark", "light", "mono"].contains(text) else {
                    throw located(
                        value,
                        key: "ui.theme",
                        file: file,
                        "\"\(text)\" is not a theme; use dark, light or mono"
                    )
                }
                config.theme = text
            case "ascii":
                guard let flag = Bool(text) else {
                    throw located(value, key: "ui.ascii", file: file, "\"\(text)\" is not true or false")
                }
                config.ascii = flag
            default:
                throw unknownKey(keyNode, "ui.\(key)", known: ["theme", "ascii"], file: file)
            }
        }
    }

    private var knownKinds: String { registry.kinds.joined(separator: ", ") }

    private func mapping(_ node: Node, key: String?, file: String) throws -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else {
            throw located(node, key: key, file: file, "must be a mapping of `key: value` lines")
        }
        return mapping.map { ($0.key, $0.value) }
    }

    private func scalar(_ node: Node, key: String, file: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw located(node, key: key, file: file, "must be a single value, not a list or mapping")
        }
        return scalar.string
    }

    /// A value, or a list of values kept as one comma-separated text (`BackendOptions.list` splits it).
    private func scalarOrList(_ node: Node, key: String, file: String) throws -> String {
        guard case .sequence(let items) = node else { return try scalar(node, key: key, file: file) }
        return try items.enumerated().map { index, item in
            let text = try scalar(item, key: "\(key)[\(index)]", file: file)
            guard !text.contains(",") else {
                throw located(item, key: "\(key)[\(index)]", file: file, "a list item cannot contain a comma")
            }
            return text
        }.joined(separator: ",")
    }

    private func unknownKey(_ node: Node, _ key: String, known: [String], file: String) -> ConfigError {
        located(node, key: key, file: file, "unknown key; expected one of: \(known.joined(separator: ", "))")
    }

    private func located(_ node: Node, key: String?, file: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, column: node.mark?.column, key: key, message: message)
    }

    private static func describe(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)")
        default:
            return ConfigError(file: file, message: "malformed YAML: \(error)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let message = String(validatingCString: strerror(Int32(underlying.code)))
        {
            return message
        }
        return nsError.localizedDescription
    }
}
