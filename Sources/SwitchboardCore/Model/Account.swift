/// What an account is for: the guardrails (typed confirmations, findings) key off this.
public enum Environment: String, Codable, Sendable, CaseIterable {
    case production
    case nonProduction = "non-production"
    case shared
    case management
}

/// An AWS account. Ids are strings: they are 12 digits and may start with 0.
public struct Account: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var email: String
    public var status: String
    public var environment: Environment
    /// SCPs attached to the account itself (a last level below its OUs'); nil when none are.
    public var policyIDs: [String]?

    public init(
        id: String,
        name: String,
        email: String,
        status: String = "ACTIVE",
        environment: Environment,
        policyIDs: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.status = status
        self.environment = environment
        self.policyIDs = policyIDs
    }
}
