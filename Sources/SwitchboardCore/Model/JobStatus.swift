/// One status that GitLab's and Jenkins' job and pipeline states map onto. Unknown states decode as `.unknown`.
public enum JobStatus: String, Codable, Sendable, CaseIterable {
    case created
    case waitingForResource = "waiting_for_resource"
    case preparing
    case pending
    case running
    case success
    case failed
    case canceled
    case canceling
    case skipped
    case manual
    case scheduled
    case unknown

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        self = JobStatus(rawValue: raw) ?? .unknown
    }

    /// Still to finish.
    public var isActive: Bool {
        switch self {
        case .created, .waitingForResource, .preparing, .pending, .running, .canceling: return true
        default: return false
        }
    }

    public var isRetryable: Bool { self == .failed || self == .canceled }
    public var isCancelable: Bool { isActive && self != .canceling }

    /// A short word for the status, so it never rests on colour alone.
    public var label: String {
        switch self {
        case .waitingForResource: return "waiting"
        default: return rawValue
        }
    }
}
