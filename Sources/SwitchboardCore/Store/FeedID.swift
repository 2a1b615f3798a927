/// The feeds the console polls, each from its own source on its own interval.
public enum FeedID: String, Codable, Sendable, CaseIterable, Comparable {
    case organization
    case identity
    case runners
    case pipelines

    public static func < (a: FeedID, b: FeedID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// A short label for the header.
    public var label: String {
        switch self {
        case .organization: return "org"
        case .identity: return "iam"
        case .runners: return "runners"
        case .pipelines: return "pipelines"
        }
    }
}
