/// Roles and compute bindings across the estate: the input of the trust analyser.
public struct IdentityInventory: Codable, Sendable, Hashable {
    public var roles: [Role]
    public var bindings: [ComputeBinding]

    public init(roles: [Role], bindings: [ComputeBinding]) {
        self.roles = roles
        self.bindings = bindings
    }

    public func roles(inAccount accountID: String) -> [Role] { roles.filter { $0.accountID == accountID } }
}
