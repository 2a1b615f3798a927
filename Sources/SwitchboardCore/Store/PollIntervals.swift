import Foundation

/// How often each feed is polled, in seconds.
public struct PollIntervals: Sendable, Hashable {
    public var organization: TimeInterval
    public var identity: TimeInterval
    public var runners: TimeInterval
    public var pipelines: TimeInterval

    public init(organization: TimeInterval, identity: TimeInterval, runners: TimeInterval, pipelines: TimeInterval) {
        self.organization = organization
        self.identity = identity
        self.runners = runners
        self.pipelines = pipelines
    }

    /// Slow for what rarely changes, brisk for CI: a console must not load the APIs it watches.
    public static let defaults = PollIntervals(organization: 300, identity: 600, runners: 15, pipelines: 10)

    public subscript(feed: FeedID) -> TimeInterval {
        get {
            switch feed {
            case .organization: return organization
            case .identity: return identity
            case .runners: return runners
            case .pipelines: return pipelines
            }
        }
        set {
            switch feed {
            case .organization: organization = newValue
            case .identity: identity = newValue
            case .runners: runners = newValue
            case .pipelines: pipelines = newValue
            }
        }
    }
}
