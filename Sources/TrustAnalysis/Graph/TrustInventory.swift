import SwitchboardCore

/// The inputs of the analysis, indexed: parsed roles by ARN, unique id and account; each account's SCPs by
/// level of its OU path; the organisation's id. Malformed documents are kept as problems, not dropped silently.
public struct TrustInventory: Sendable {
    public private(set) var roles: [String: ParsedRole] = [:]
    /// Role ARNs in sorted order, so everything built from the inventory is independent of input order.
    public private(set) var roleARNs: [String] = []
    public private(set) var roleIDs: [String: String] = [:]
    public private(set) var rolesByAccount: [String: [String]] = [:]
    public private(set) var accounts: [String: Account] = [:]
    /// For each account, the SCP statements of each level of its path (root, OUs), levels without SCPs left out.
    public private(set) var scpLevels: [String: [(level: String, statements: [Statement])]] = [:]
    public private(set) var organizationID: String?
    public private(set) var managementAccountID: String?
    /// Roles allowed `sts:AssumeRole` on exact role ARNs, by target ARN; and roles whose permission uses
    /// wildcards (or NotResource), by account. Candidates for a trust that names an account or `*` come from
    /// here, so the graph never tries every role against every role.
    public private(set) var exactAssumers: [String: [String]] = [:]
    public private(set) var wildcardAssumers: [String: [String]] = [:]
    public let bindings: [ComputeBinding]
    public private(set) var problems: [PolicyError] = []

    public init(identity: IdentityInventory, organization: Organization?) {
        bindings = identity.bindings
        // Byte order of ARNs (they are ASCII): the same order as String's, without its Unicode work.
        let sorted = identity.roles.sorted { $0.arn.utf8.lexicographicallyPrecedes($1.arn.utf8) }
        roles.reserveCapacity(sorted.count)
        roleARNs.reserveCapacity(sorted.count)
        roleIDs.reserveCapacity(sorted.count)
        for (role, result) in zip(sorted, Self.parseAll(sorted)) {
            do {
                let parsed = try result.get()
                roles[role.arn] = parsed
                roleARNs.append(role.arn)
                roleIDs[role.roleID] = role.arn
                rolesByAccount[role.accountID, default: []].append(role.arn)
                var exact: [String] = []
                var wildcard = false
                for statement in parsed.assumeStatements where statement.effect == .allow {
                    if let patterns = statement.resource?.patterns,
                        patterns.allSatisfy({ !$0.utf8.contains(0x2A) && !$0.utf8.contains(0x3F) })
                    {
                        for pattern in patterns where !exact.contains(pattern) { exact.append(pattern) }
                    } else {
                        wildcard = true
                    }
                }
                for target in exact { exactAssumers[target, default: []].append(role.arn) }
                if wildcard { wildcardAssumers[role.accountID, default: []].append(role.arn) }
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
            // SCPs attached to the account itself are one more level that must allow the call.
            if let own = account.policyIDs, !own.isEmpty {
                scpLevels[account.id, default: []].append((account.name, own.flatMap { parsedSCPs[$0] ?? [] }))
            }
        }
    }

    public func role(_ arn: String) -> ParsedRole? { roles[arn] }

    /// Parses every role's documents, on all cores: parsing is most of the cost of a large inventory.
    private static func parseAll(_ roles: [Role]) -> [Result<ParsedRole, PolicyError>] {
        let cache = PolicyCache()
        return Parallel.map(roles, minimumChunk: 256) { slice in
            slice.map { role in Result { () throws(PolicyError) in try ParsedRole(role, cache: cache) } }
        }
    }

    public func isInOrganization(_ accountID: String) -> Bool { accounts[accountID] != nil }

    /// SCPs bind member accounts only: not the management account.
    public func scpsApply(to accountID: String) -> Bool {
        accounts[accountID] != nil && accountID != managementAccountID
    }
}
