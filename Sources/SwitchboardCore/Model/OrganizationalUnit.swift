/// A node of the organisation tree: the root or an OU, with its accounts, child OUs and attached SCP ids.
public struct OrganizationalUnit: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var accounts: [Account]
    public var children: [OrganizationalUnit]
    public var policyIDs: [String]

    public init(
        id: String,
        name: String,
        accounts: [Account] = [],
        children: [OrganizationalUnit] = [],
        policyIDs: [String] = []
    ) {
        self.id = id
        self.name = name
        self.accounts = accounts
        self.children = children
        self.policyIDs = policyIDs
    }
}
