/// Roles and compute bindings across the estate: the input of the trust analyser.
public struct IdentityInventory: Codable, Sendable, Hashable {
    public var roles: [Role]
    public var bindings: [ComputeBinding]
    /// Accounts whose roles could not be read, with why (their read role refused, a region disabled…): the
    /// rest of the inventory stands without them.
    public var unreadable: [String: String]?

    public init(roles: [Role], bindings: [ComputeBinding], unreadable: [String: String]? = nil) {
        self.roles = roles
        self.bindings = bindings
        self.unreadable = unreadable
    }

    public func roles(inAccount accountID: String) -> [Role] { roles.filter { $0.accountID == accountID } }
}
