/// An IAM role with every document the trust analyser needs.
public struct Role: Codable, Sendable, Hashable, Identifiable {
    public var arn: String
    public var name: String
    public var path: String
    public var accountID: String
    public var roleID: String
    public var description: String
    public var trustPolicy: PolicyDocument
    public var inlinePolicies: [NamedPolicy]
    public var attachedPolicies: [NamedPolicy]
    public var permissionsBoundary: NamedPolicy?
    public var maxSessionDuration: Int
    public var tags: [String: String]

    public var id: String { arn }

    public init(
        accountID: String,
        path: String = "/",
        name: String,
        roleID: String,
        description: String = "",
        trustPolicy: PolicyDocument,
        inlinePolicies: [NamedPolicy] = [],
        attachedPolicies: [NamedPolicy] = [],
        permissionsBoundary: NamedPolicy? = nil,
        maxSessionDuration: Int = 3600,
        tags: [String: String] = [:]
    ) {
        self.arn = "arn:aws:iam::\(accountID):role\(path)\(name)"
        self.name = name
        self.path = path
        self.accountID = accountID
        self.roleID = roleID
        self.description = description
        self.trustPolicy = trustPolicy
        self.inlinePolicies = inlinePolicies
        self.attachedPolicies = attachedPolicies
        self.permissionsBoundary = permissionsBoundary
        self.maxSessionDuration = maxSessionDuration
        self.tags = tags
    }

    /// The name with its path, as IAM users write it (`cicd/delegated-role`).
    public var qualifiedName: String { String(path.dropFirst()) + name }
}
