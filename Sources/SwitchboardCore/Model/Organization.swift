/// The AWS organisation: its tree, the management account and the SCPs by id.
public struct Organization: Codable, Sendable, Hashable {
    public var id: String
    public var managementAccountID: String
    public var root: OrganizationalUnit
    public var policies: [ServiceControlPolicy]

    public init(id: String, managementAccountID: String, root: OrganizationalUnit, policies: [ServiceControlPolicy]) {
        self.id = id
        self.managementAccountID = managementAccountID
        self.root = root
        self.policies = policies
    }

    /// Every account with the OU path from the root down to its parent.
    public var accountsWithPaths: [(account: Account, path: [OrganizationalUnit])] {
        var out: [(Account, [OrganizationalUnit])] = []
        func walk(_ unit: OrganizationalUnit, _ path: [OrganizationalUnit]) {
            let here = path + [unit]
            for account in unit.accounts { out.append((account, here)) }
            for child in unit.children { walk(child, here) }
        }
        walk(root, [])
        return out
    }

    public var accounts: [Account] { accountsWithPaths.map(\.account) }

    public func account(id: String) -> Account? { accounts.first { $0.id == id } }

    public func policy(id: String) -> ServiceControlPolicy? { policies.first { $0.id == id } }

    /// The SCPs that apply to an account: those attached anywhere on its OU path.
    public func policies(onPathOf accountID: String) -> [ServiceControlPolicy] {
        guard let entry = accountsWithPaths.first(where: { $0.account.id == accountID }) else { return [] }
        return (entry.path.flatMap(\.policyIDs) + (entry.account.policyIDs ?? [])).compactMap(policy(id:))
    }
}
