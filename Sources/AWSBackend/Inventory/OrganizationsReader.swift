import Foundation
import SwitchboardCore

/// Reads the organisation with the Organizations API (JSON 1.1): the organisation, its root, the OU tree
/// (recursively), the accounts under each parent, and the SCPs attached to the root, each OU and each account,
/// every list followed through `NextToken`.
public struct OrganizationsReader: Sendable {
    let client: AWSServiceClient
    let credentials: AWSCredentials

    public init(client: AWSServiceClient, credentials: AWSCredentials) {
        self.client = client
        self.credentials = credentials
    }

    /// The number of API calls the last `read` made (for the benchmark).
    public final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        public init() {}
        func add() { lock.withLock { value += 1 } }
        public var calls: Int { lock.withLock { value } }
    }

    func call(
        _ operation: String,
        _ input: [String: Any],
        counter: Counter?
    ) async throws(AWSServiceClient.Failure)
        -> [String: Any]
    {
        counter?.add()
        return try await client.json(operation, input, credentials: credentials)
    }

    /// Every page of a list operation, joined.
    func all(
        _ operation: String,
        _ input: [String: Any],
        key: String,
        counter: Counter?
    ) async throws(AWSServiceClient.Failure) -> [[String: Any]] {
        var items: [[String: Any]] = []
        var token: String?
        var tokens = PageTokens("Organizations \(operation)")
        repeat {
            var page = input
            if let token { page["NextToken"] = token }
            let answer = try await call(operation, page, counter: counter)
            items += answer[key] as? [[String: Any]] ?? []
            token = try tokens.next(answer["NextToken"] as? String)
        } while token != nil
        return items
    }

    public func read(counter: Counter? = nil) async throws(AWSServiceClient.Failure) -> Organization {
        let described = try await call("DescribeOrganization", [:], counter: counter)
        guard let organization = described["Organization"] as? [String: Any],
            let id = organization["Id"] as? String
        else { throw .malformed("Organizations answered DescribeOrganization without an Organization") }
        let management = (organization["MasterAccountId"] as? String) ?? ""
        let roots = try await all("ListRoots", [:], key: "Roots", counter: counter)
        guard let root = roots.first, let rootID = root["Id"] as? String else {
            throw .malformed("Organizations listed no root")
        }
        var policies: [String: ServiceControlPolicy] = [:]
        let tree = try await unit(
            id: rootID,
            name: (root["Name"] as? String) ?? "Root",
            path: [],
            management: management,
            policies: &policies,
            counter: counter
        )
        return Organization(
            id: id,
            managementAccountID: management,
            root: tree,
            policies: policies.values.sorted { $0.id < $1.id }
        )
    }

    private func unit(
        id: String,
        name: String,
        path: [String],
        management: String,
        policies: inout [String: ServiceControlPolicy],
        counter: Counter?
    ) async throws(AWSServiceClient.Failure) -> OrganizationalUnit {
        let here = path + [name]
        var unit = OrganizationalUnit(id: id, name: name)
        unit.policyIDs = try await attachedPolicies(target: id, policies: &policies, counter: counter)
        for account in try await all("ListAccountsForParent", ["ParentId": id], key: "Accounts", counter: counter) {
            guard let accountID = account["Id"] as? String else { continue }
            let accountName = (account["Name"] as? String) ?? accountID
            let own = try await attachedPolicies(target: accountID, policies: &policies, counter: counter)
            unit.accounts.append(
                Account(
                    id: accountID,
                    name: accountName,
                    email: (account["Email"] as? String) ?? "",
                    status: (account["Status"] as? String) ?? "ACTIVE",
                    environment: Self.environment(
                        account: accountName,
                        id: accountID,
                        path: here,
                        management: management
                    ),
                    policyIDs: own.isEmpty ? nil : own
                )
            )
        }
        let children = try await all(
            "ListOrganizationalUnitsForParent",
            ["ParentId": id],
            key: "OrganizationalUnits",
            counter: counter
        )
        for child in children {
            guard let childID = child["Id"] as? String else { continue }
            unit.children.append(
                try await self.unit(
                    id: childID,
                    name: (child["Name"] as? String) ?? childID,
                    path: here,
                    management: management,
                    policies: &policies,
                    counter: counter
                )
            )
        }
        unit.accounts.sort { $0.name < $1.name }
        unit.children.sort { $0.name < $1.name }
        return unit
    }

    private func attachedPolicies(
        target: String,
        policies: inout [String: ServiceControlPolicy],
        counter: Counter?
    ) async throws(AWSServiceClient.Failure) -> [String] {
        let listed = try await all(
            "ListPoliciesForTarget",
            ["TargetId": target, "Filter": "SERVICE_CONTROL_POLICY"],
            key: "Policies",
            counter: counter
        )
        var ids: [String] = []
        for summary in listed {
            guard let policyID = summary["Id"] as? String else { continue }
            ids.append(policyID)
            if policies[policyID] != nil { continue }
            let described = try await call("DescribePolicy", ["PolicyId": policyID], counter: counter)
            let policy = described["Policy"] as? [String: Any]
            let details = policy?["PolicySummary"] as? [String: Any] ?? summary
            policies[policyID] = ServiceControlPolicy(
                id: policyID,
                name: (details["Name"] as? String) ?? policyID,
                description: (details["Description"] as? String) ?? "",
                document: PolicyDocument(json: (policy?["Content"] as? String) ?? "{}")
            )
        }
        return ids
    }

    /// What an account is for, from where it sits and what it is called (the guardrails key off it):
    /// the management account; `production`/`prod` in its name or OU path; the core/security/shared OUs;
    /// else non-production.
    static func environment(account: String, id: String, path: [String], management: String) -> Environment {
        if id == management { return .management }
        let words = ([account] + path).map { $0.lowercased() }
        if words.contains(where: { $0.contains("prod") && !$0.contains("nonprod") && !$0.contains("non-prod") }) {
            return .production
        }
        if path.contains(where: { ["core", "security", "shared", "infrastructure"].contains($0.lowercased()) })
            || ["cicd", "admin", "jenkins", "network", "networking"].contains(account.lowercased())
        {
            return .shared
        }
        return .nonProduction
    }
}
