/// A node of the trust graph: anything that can be, or can act as, a principal.
public struct PrincipalNode: Hashable, Sendable, Identifiable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case role
        case accountRoot = "account-root"
        case service
        case federated
        case anyone
        /// A trust names it, but the inventory does not have it (a deleted role, an account outside the org).
        case external
        /// Compute that hands out a role without `sts:AssumeRole` in a policy (instance profile, kube2iam, ECS).
        case compute
    }

    public var id: String
    public var kind: Kind
    public var accountID: String?
    public var label: String

    public init(id: String, kind: Kind, accountID: String?, label: String) {
        self.id = id
        self.kind = kind
        self.accountID = accountID
        self.label = label
    }
}
