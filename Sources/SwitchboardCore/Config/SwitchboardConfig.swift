import Foundation

/// The console's configuration: which backends make the estate, how often to poll, how to look.
public struct SwitchboardConfig: Sendable, Hashable {
    public var file: String?
    public var estateName: String
    public var backends: [BackendOptions]
    public var intervals: PollIntervals
    /// The feeds whose interval the file sets; the others take their backend's default.
    public var explicitIntervals: Set<FeedID> = []
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

    /// Whether the demo backend is part of the estate (its simulated time then drives the console's clock).
    public var hasDemo: Bool { backends.contains { $0.kind == "demo" } }

    /// No config file: the built-in demo estate.
    public static let demo = SwitchboardConfig(
        estateName: "demo",
        backends: [BackendOptions(kind: "demo", name: "demo", file: "(built-in)")]
    )

    /// The intervals to poll `estate` with: the file's where it sets them, else the serving backend's default
    /// (`kind: aws` polls ECS and EKS once a minute), else the global defaults.
    public func intervals(for estate: Estate) -> PollIntervals {
        var result = intervals
        let servers: [FeedID: (any Backend)?] = [
            .organization: estate.organization, .identity: estate.identity, .runners: estate.runners,
            .pipelines: estate.pipelines,
        ]
        for (feed, backend) in servers where !explicitIntervals.contains(feed) {
            if let preferred = backend?.defaultIntervals[feed] { result[feed] = preferred }
        }
        return result
    }

    /// `$XDG_CONFIG_HOME/switchboard/config.yaml`, else `~/.config/switchboard/config.yaml`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/switchboard/config.yaml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/switchboard/config.yaml" }
        return nil
    }
}
