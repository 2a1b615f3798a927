/// The latest value of one feed.
public enum FeedValue: Sendable, Hashable {
    case organization(Organization)
    case identity(IdentityInventory)
    case runners(RunnerInventory)
    case pipelines([Pipeline])

    public var feed: FeedID {
        switch self {
        case .organization: return .organization
        case .identity: return .identity
        case .runners: return .runners
        case .pipelines: return .pipelines
        }
    }
}
