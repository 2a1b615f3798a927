import SwitchboardCore

/// The inputs of the analysis, indexed: parsed roles by ARN, unique id and account; each account's SCPs by
/// level of its OU path; the organisation's id. Malformed documents are kept as problems, not dropped silently.
public struct TrustInventory: Sendable {
    public private(set) var roles: [String: ParsedRole] = [:]
    public private(set) var roleIDs: [String: String] = [:]
    public private(set) var rolesByAccount: [String: [String]] = [:]
    public private(set) var accounts: [String: Account] = [:]
    /// For each account, the SCP statements of each level of its path (root, OUs), levels without SCPs left out.
    public private(set) var scpLevels: [String: [(level: String, statements: [Statement])]] = [:]
    public private(set) var organizationID: String?
    public private(set) var managementAccountID: String?
    public let bindings: [ComputeBinding]
    public private(set) var problems: [PolicyError] = []

    public init(identity: IdentityInventory, organization: Organization?) {
        bindings = identity.bindings
        for role in identity.roles.sorted(by: { $0.arn < $1.arn }) {
            do {
                let parsed = try ParsedRole(role)
                roles[role.arn] = parsed
                roleIDs[role.roleID] = role.arn
                rolesByAccount[role.accountID, default: []].append(role.arn)
            } catch {
                problems.append(error)
            }
        }
        guard let organization else { return }
        organizationID = organization.id
        managementAccountID = organization.managementAccountID
        var parsedSCPs: [String: [Statement]] = [:]
        for scp in organization.policies {
            do {
                let policy = try Policy.parse(
                    scp.document.json,
                    origin: .init(owner: scp.id, name: scp.name, kind: .scp)
                )
                parsedSCPs[scp.id] = policy.statements
            } catch {
                problems.append(error)
            }
        }
        for (account, path) in organization.accountsWithPaths {
            accounts[account.id] = account
            scpLevels[account.id] = path.compactMap { unit in
                guard !unit.policyIDs.isEmpty else { return nil }
                return (unit.name, unit.policyIDs.flatMap { parsedSCPs[$0] ?? [] })
            }
        }
    }

    public func role(_ arn: String) -> ParsedRole? { roles[arn] }

    public func isInOrganization(_ accountID: String) -> Bool { accounts[accountID] != nil }

    /// SCPs bind member accounts only: not the management account.
    public func scpsApply(to accountID: String) -> Bool {
        accounts[accountID] != nil && accountID != managementAccountID
    }
}
