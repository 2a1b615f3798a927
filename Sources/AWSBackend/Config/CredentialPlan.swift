/// Where a chain's first credentials come from.
public enum BaseCredentials: Sendable, Hashable {
    /// Static keys in this profile.
    case staticKeys(profile: String)
    /// `credential_source = Environment`.
    case environment
    /// `credential_source = Ec2InstanceMetadata` (IMDSv2).
    case instanceMetadata
    /// `credential_source = EcsContainer`.
    case container
    /// A source profile that gets credentials some way this console does not run (SSO, credential_process…).
    case external(profile: String, method: String)
}

/// One `sts:AssumeRole` of a chain, with what its profile asks for.
public struct AssumeRoleHop: Sendable, Hashable {
    public var profile: String
    public var roleARN: String
    public var sessionName: String?
    public var externalID: String?
    public var mfaSerial: String?
    /// `duration_seconds` when it is a whole number (botocore silently ignores anything else).
    public var durationSeconds: Int?
    /// Where the profile is written.
    public var location: String
}

/// How to get credentials for a profile: a base, then assume-role hops in order.
public struct CredentialPlan: Sendable, Hashable {
    public var profile: String
    public var base: BaseCredentials
    public var hops: [AssumeRoleHop]
    /// Things botocore accepts silently that an operator should see (an ignored `duration_seconds`).
    public var warnings: [String]

    /// Role chaining: every hop after the first, and the first when it starts from role credentials
    /// (instance metadata, a container role), is capped at one hour.
    public func isChained(hop index: Int) -> Bool {
        if index > 0 { return true }
        switch base {
        case .instanceMetadata, .container: return true
        case .external(_, let method): return method == "SSO"
        default: return false
        }
    }
}
