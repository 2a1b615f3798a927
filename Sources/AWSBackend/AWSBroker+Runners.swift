import Foundation
import SwitchboardCore

/// The `kind: aws` backend's compute side: Jenkins agents on ECS and GitLab runner node groups on EKS in the
/// configured accounts and regions, and the bindings (task definition → task role, node group → node role)
/// the trust graph starts its chains from.
extension AWSBroker: RunnerSource {
    public func runners() async throws -> RunnerInventory {
        let compute = try await computeRead()
        let inventory = recentInventory.get(maxAge: .infinity)
        let templates = compute.templates.map { template in
            var named = template
            if named.targetAccountID.isEmpty, let inventory {
                named.targetAccountID = Self.deployTarget(of: template.taskRoleARN, in: inventory) ?? ""
            }
            return named
        }
        return RunnerInventory(
            pools: compute.pools,
            agentTemplates: templates,
            unreadable: compute.unreadable.isEmpty ? nil : compute.unreadable
        )
    }

    /// The account a task role deploys to: the other account of the roles its policies let it assume
    /// (`sts:AssumeRole` on `arn:aws:iam::TARGET:role/…`), when there is exactly one.
    static func deployTarget(of roleARN: String, in inventory: IdentityInventory) -> String? {
        guard let role = inventory.roles.first(where: { $0.arn == roleARN }) else { return nil }
        let texts = (role.inlinePolicies + role.attachedPolicies).map(\.document.json)
            .filter { $0.contains("sts:AssumeRole") }
        var accounts = Set<String>()
        for text in texts {
            var rest = Substring(text)
            while let range = rest.range(of: "arn:aws:iam::") {
                let digits = rest[range.upperBound...].prefix { $0.isNumber }
                if digits.count == 12, String(digits) != role.accountID { accounts.insert(String(digits)) }
                rest = rest[range.upperBound...]
            }
        }
        return accounts.count == 1 ? accounts.first : nil
    }

    /// One read of every compute account and region (reused for a minute by the identity poll's bindings).
    func computeRead() async throws -> ComputeReader.Result {
        if let recent = recentCompute.get(maxAge: 60) { return recent }
        let (_, profile) = try await baseCredentials()
        let organization = try await recentOrFreshOrganization(maxAge: 300)
        let wanted = Set(settings.computeAccounts)
        let accounts = organization.accounts.filter {
            $0.status == "ACTIVE" && (wanted.isEmpty || wanted.contains($0.name) || wanted.contains($0.id))
        }
        let regions =
            settings.regions.isEmpty
            ? [environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? profile?["region"] ?? "us-east-1"]
            : settings.regions
        let clients = try regions.map { region in
            (
                try regionalClient("ecs", region: region, profile: profile, json: "AmazonEC2ContainerServiceV20141113"),
                try regionalClient("eks", region: region, profile: profile, json: nil)
            )
        }
        var merged = ComputeReader.Result()
        var failures: [String] = []
        for (account, result) in try await eachAccount(
            accounts,
            organization: organization,
            { account, keys in
                var found = ComputeReader.Result()
                for (ecs, eks) in clients {
                    let part = try await ComputeReader(ecs: ecs, eks: eks, credentials: keys, account: account.id)
                        .read()
                    found.pools += part.pools
                    found.templates += part.templates
                    found.bindings += part.bindings
                }
                return found
            }
        ) {
            switch result {
            case .success(let found):
                merged.pools += found.pools
                merged.templates += found.templates
                merged.bindings += found.bindings
            case .failure(let error):
                failures.append("\(account.name): \(error)")
                merged.unreadable[account.id] = "ECS/EKS: \(error)"
            }
        }
        if merged.pools.isEmpty && merged.templates.isEmpty, let first = failures.first {
            throw BackendError(.unavailable, first + (failures.count > 1 ? " (and \(failures.count - 1) more)" : ""))
        }
        merged.pools.sort { $0.name < $1.name }
        merged.templates.sort { $0.label < $1.label }
        recentCompute.set(merged)
        return merged
    }

    func regionalClient(
        _ service: String,
        region: String,
        profile: AWSProfile?,
        json: String?
    ) throws -> AWSServiceClient {
        let (url, signingRegion) = try ServiceEndpoint.resolve(
            service: service,
            envName: service.uppercased(),
            globalHost: "\(service).\(region).amazonaws.com",
            region: region,
            environment: environment,
            profile: profile
        )
        return AWSServiceClient(
            service: service,
            url: url,
            region: signingRegion,
            kind: json.map { .json(targetPrefix: $0, version: "1.1") } ?? .restJSON,
            http: http
        )
    }
}
