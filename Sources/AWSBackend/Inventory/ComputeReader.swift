import Foundation
import SwitchboardCore

/// Reads where CI runs in one account and region: Jenkins agents on ECS (clusters, each family's latest task
/// definition with its task role and log group, running tasks with their `jenkins.label` tag) and GitLab
/// runner node groups on EKS (clusters, node groups with their labels, sizes and node role). Also the compute
/// bindings the trust graph needs: task definition → task role, node group → node role.
public struct ComputeReader: Sendable {
    public struct Result: Sendable {
        public var pools: [RunnerPool] = []
        public var templates: [AgentTemplate] = []
        public var bindings: [ComputeBinding] = []
        /// Accounts whose compute could not be read, by id, with why.
        public var unreadable: [String: String] = [:]
    }

    let ecs: AWSServiceClient
    let eks: AWSServiceClient
    let credentials: AWSCredentials
    let account: String

    public init(ecs: AWSServiceClient, eks: AWSServiceClient, credentials: AWSCredentials, account: String) {
        self.ecs = ecs
        self.eks = eks
        self.credentials = credentials
        self.account = account
    }

    public func read() async throws(AWSServiceClient.Failure) -> Result {
        var result = Result()
        try await readECS(into: &result)
        try await readEKS(into: &result)
        return result
    }

    /// Every page of an ECS list operation (`nextToken`).
    func ecsAll(
        _ operation: String,
        _ input: [String: Any],
        key: String
    ) async throws(AWSServiceClient.Failure)
        -> [String]
    {
        var items: [String] = []
        var token: String?
        var tokens = PageTokens("ECS \(operation)")
        repeat {
            var page = input
            if let token { page["nextToken"] = token }
            let answer = try await ecs.json(operation, page, credentials: credentials)
            items += answer[key] as? [String] ?? []
            token = try tokens.next(answer["nextToken"] as? String)
        } while token != nil
        return items
    }

    static func tags(_ list: Any?) -> [String: String] {
        var out: [String: String] = [:]
        for tag in list as? [[String: Any]] ?? [] {
            if let key = tag["key"] as? String { out[key] = tag["value"] as? String ?? "" }
        }
        return out
    }

    func readECS(into result: inout Result) async throws(AWSServiceClient.Failure) {
        let clusters = try await ecsAll("ListClusters", [:], key: "clusterArns")
        guard !clusters.isEmpty else { return }
        // The latest ACTIVE revision of each family: what the ECS plugin launches.
        var latest: [String: String] = [:]
        for arn in try await ecsAll(
            "ListTaskDefinitions",
            ["status": "ACTIVE", "sort": "DESC"],
            key: "taskDefinitionArns"
        ) {
            let family = String(arn.split(separator: "/").last?.split(separator: ":").first ?? "")
            if latest[family] == nil { latest[family] = arn }
        }
        var definitions: [String: (family: String, role: String, label: String?, name: String, logGroup: String?)] = [:]
        for (family, arn) in latest {
            let answer = try await ecs.json(
                "DescribeTaskDefinition",
                ["taskDefinition": arn, "include": ["TAGS"]],
                credentials: credentials
            )
            let definition = answer["taskDefinition"] as? [String: Any] ?? [:]
            guard let role = definition["taskRoleArn"] as? String else { continue }
            let revision = definition["revision"] as? Int ?? 0
            let containers = definition["containerDefinitions"] as? [[String: Any]] ?? []
            let logGroup = containers.lazy.compactMap {
                (($0["logConfiguration"] as? [String: Any])?["options"] as? [String: Any])?["awslogs-group"] as? String
            }.first
            definitions[arn] = (
                family, role, Self.tags(answer["tags"])["jenkins.label"], "\(family):\(revision)", logGroup
            )
            result.bindings.append(
                ComputeBinding(kind: .ecsTaskDefinition, source: "\(family):\(revision)", roleARN: role)
            )
        }
        var agentsByDefinition: [String: [Agent]] = [:]
        var clusterOf: [String: String] = [:]
        var labels: [String: String] = [:]
        for cluster in clusters {
            let clusterName = String(cluster.split(separator: "/").last ?? Substring(cluster))
            let taskARNs = try await ecsAll(
                "ListTasks",
                ["cluster": cluster, "desiredStatus": "RUNNING"],
                key: "taskArns"
            )
            for start in stride(from: 0, to: taskARNs.count, by: 100) {
                let batch = Array(taskARNs[start..<min(start + 100, taskARNs.count)])
                let answer = try await ecs.json(
                    "DescribeTasks",
                    ["cluster": cluster, "tasks": batch, "include": ["TAGS"]],
                    credentials: credentials
                )
                for task in answer["tasks"] as? [[String: Any]] ?? [] {
                    guard let taskARN = task["taskArn"] as? String,
                        let definition = task["taskDefinitionArn"] as? String
                    else { continue }
                    let tags = Self.tags(task["tags"])
                    if let label = tags["jenkins.label"] { labels[definition] = label }
                    clusterOf[definition] = clusterName
                    let started =
                        (task["startedAt"] as? Double) ?? (task["createdAt"] as? Double) ?? Date().timeIntervalSince1970
                    agentsByDefinition[definition, default: []].append(
                        Agent(
                            taskARN: taskARN,
                            name: String(taskARN.split(separator: "/").last?.prefix(8) ?? ""),
                            status: (task["lastStatus"] as? String) ?? "UNKNOWN",
                            startedAt: Date(timeIntervalSince1970: started),
                            job: tags["jenkins.job"]
                        )
                    )
                }
            }
        }
        let firstCluster = String(clusters[0].split(separator: "/").last ?? "")
        for (arn, definition) in definitions {
            result.templates.append(
                AgentTemplate(
                    label: definition.label ?? labels[arn] ?? definition.family,
                    taskDefinition: definition.name,
                    taskRoleARN: definition.role,
                    targetAccountID: "",
                    cluster: clusterOf[arn] ?? firstCluster,
                    agents: (agentsByDefinition[arn] ?? []).sorted { $0.startedAt < $1.startedAt },
                    logGroup: definition.logGroup
                )
            )
        }
        result.templates.sort { $0.label < $1.label }
    }

    func readEKS(into result: inout Result) async throws(AWSServiceClient.Failure) {
        var clusters: [String] = []
        var token: String?
        var tokens = PageTokens("EKS ListClusters")
        repeat {
            let answer = try await eks.get(
                "/clusters" + (token.map { "?nextToken=\(Self.encode($0))" } ?? ""),
                credentials: credentials
            )
            clusters += answer["clusters"] as? [String] ?? []
            token = try tokens.next(answer["nextToken"] as? String)
        } while token != nil
        for cluster in clusters {
            var groups: [String] = []
            token = nil
            var groupTokens = PageTokens("EKS ListNodegroups")
            repeat {
                let path =
                    "/clusters/\(Self.encode(cluster))/node-groups"
                    + (token.map { "?nextToken=\(Self.encode($0))" } ?? "")
                let answer = try await eks.get(path, credentials: credentials)
                groups += answer["nodegroups"] as? [String] ?? []
                token = try groupTokens.next(answer["nextToken"] as? String)
            } while token != nil
            for group in groups {
                let answer = try await eks.get(
                    "/clusters/\(Self.encode(cluster))/node-groups/\(Self.encode(group))",
                    credentials: credentials
                )
                let detail = answer["nodegroup"] as? [String: Any] ?? [:]
                let labels = detail["labels"] as? [String: String] ?? [:]
                let scaling = detail["scalingConfig"] as? [String: Any] ?? [:]
                let role = (detail["nodeRole"] as? String) ?? ""
                let nodeGroup = NodeGroup(
                    cluster: cluster,
                    name: group,
                    status: (detail["status"] as? String) ?? "UNKNOWN",
                    instanceTypes: detail["instanceTypes"] as? [String] ?? [],
                    minSize: scaling["minSize"] as? Int ?? 0,
                    desiredSize: scaling["desiredSize"] as? Int ?? 0,
                    maxSize: scaling["maxSize"] as? Int ?? 0,
                    nodeRoleARN: role,
                    accountID: account,
                    region: eks.region
                )
                let pool = labels["pool"] ?? labels["gitlab-runner-pool"] ?? group
                result.pools.append(
                    RunnerPool(name: pool, tags: [pool], runners: [], queuedJobs: 0, nodeGroup: nodeGroup)
                )
                if !role.isEmpty {
                    result.bindings.append(
                        ComputeBinding(kind: .instanceProfile, source: "eks:\(cluster)/\(group)", roleARN: role)
                    )
                }
            }
        }
        result.pools.sort { $0.name < $1.name }
    }

    static func encode(_ text: String) -> String { SigV4Signer.encodeComponent(text) }
}
