import Foundation

/// The console's configuration: which backends make the estate, how often to poll, how to look.
public struct SwitchboardConfig: Sendable, Hashable {
    public var file: String?
    public var estateName: String
    public var backends: [BackendOptions]
    public var intervals: PollIntervals
    public var theme: String?
    public var ascii: Bool?

    public init(
        file: String? = nil,
        estateName: String,
        backends: [BackendOptions],
        intervals: PollIntervals = .defaults,
        theme: String? = nil,
        ascii: Bool? = nil
    ) {
        self.file = file
        self.estateName = estateName
        self.backends = backends
        self.intervals = intervals
        self.theme = theme
        self.ascii = ascii
    }

    /// No config file: the built-in demo estate.
    public static let demo = SwitchboardConfig(
        estateName: "demo",
        backends: [BackendOptions(kind: "demo", name: "demo", file: "(built-in)")]
    )

    /// `$XDG_CONFIG_HOME/switchboard/config.yaml`, else `~/.config/switchboard/config.yaml`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/switchboard/config.yaml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/switchboard/config.yaml" }
        return nil
    }
}
