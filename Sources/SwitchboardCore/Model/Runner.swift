import Foundation

/// A GitLab runner's liveness as GitLab reports it.
public enum RunnerStatus: String, Codable, Sendable, CaseIterable {
    case online
    case offline
    case stale
    case neverContacted = "never_contacted"
}

/// A GitLab runner (one registration, possibly several pods).
public struct Runner: Codable, Sendable, Hashable, Identifiable {
    public var id: Int
    public var description: String
    public var tags: [String]
    public var status: RunnerStatus
    public var paused: Bool
    public var executor: String
    public var version: String
    public var concurrency: Int
    public var runningJobs: Int
    public var contactedAt: Date?
    /// The runner processes sharing this registration (with the Helm chart, one per pod), when known.
    public var pods: Int?
    /// Of `pods`, those that contacted GitLab recently (GitLab's `online` only means the last 2 hours).
    public var podsAlive: Int?

    public init(
        id: Int,
        description: String,
        tags: [String],
        status: RunnerStatus,
        paused: Bool,
        executor: String,
        version: String,
        concurrency: Int,
        runningJobs: Int,
        contactedAt: Date?,
        pods: Int? = nil,
        podsAlive: Int? = nil
    ) {
        self.pods = pods
        self.podsAlive = podsAlive
        self.id = id
        self.description = description
        self.tags = tags
        self.status = status
        self.paused = paused
        self.executor = executor
        self.version = version
        self.concurrency = concurrency
        self.runningJobs = runningJobs
        self.contactedAt = contactedAt
    }

    /// Online and not paused: it can take jobs.
    public var isAvailable: Bool { status == .online && !paused }
}

/// A pool of runners selected by job tag (`small`, `medium`, `big`).
public struct RunnerPool: Codable, Sendable, Hashable, Identifiable {
    public var name: String
    public var tags: [String]
    public var runners: [Runner]
    /// Jobs waiting for this pool (pending jobs whose tags it serves).
    public var queuedJobs: Int
    /// The EKS node group the pool's pods run on, when an AWS backend reports it.
    public var nodeGroup: NodeGroup?
    /// Recent job failures that point at the pool rather than the job (`no_matching_runner`,
    /// `stuck_or_timeout_failure`, `runner_system_failure`…), counted by GitLab's `failure_reason`.
    public var failureSignals: [String: Int]?

    public var id: String { name }

    public init(
        name: String,
        tags: [String],
        runners: [Runner],
        queuedJobs: Int,
        nodeGroup: NodeGroup? = nil,
        failureSignals: [String: Int]? = nil
    ) {
        self.nodeGroup = nodeGroup
        self.failureSignals = failureSignals
        self.name = name
        self.tags = tags
        self.runners = runners
        self.queuedJobs = queuedJobs
    }

    public var onlineCount: Int { runners.filter(\.isAvailable).count }
    public var capacity: Int { runners.filter(\.isAvailable).reduce(0) { $0 + $1.concurrency } }
    public var busy: Int { runners.reduce(0) { $0 + $1.runningJobs } }
}

/// A running Jenkins agent: one ECS task.
public struct Agent: Codable, Sendable, Hashable, Identifiable {
    public var taskARN: String
    public var name: String
    public var status: String
    public var startedAt: Date
    public var job: String?

    public var id: String { taskARN }

    public init(taskARN: String, name: String, status: String, startedAt: Date, job: String?) {
        self.taskARN = taskARN
        self.name = name
        self.status = status
        self.startedAt = startedAt
        self.job = job
    }
}

/// A Jenkins ECS agent template: a label, its task definition and the task role that reaches one account.
public struct AgentTemplate: Codable, Sendable, Hashable, Identifiable {
    public var label: String
    public var taskDefinition: String
    public var taskRoleARN: String
    public var targetAccountID: String
    public var cluster: String
    public var agents: [Agent]
    /// The CloudWatch log group the agents write to (`awslogs-group`), when known.
    public var logGroup: String?

    public var id: String { label }

    public init(
        label: String,
        taskDefinition: String,
        taskRoleARN: String,
        targetAccountID: String,
        cluster: String,
        agents: [Agent],
        logGroup: String? = nil
    ) {
        self.logGroup = logGroup
        self.label = label
        self.taskDefinition = taskDefinition
        self.taskRoleARN = taskRoleARN
        self.targetAccountID = targetAccountID
        self.cluster = cluster
        self.agents = agents
    }
}

/// An EKS managed node group: where a runner pool's pods run, and the node role every pod on it can use.
public struct NodeGroup: Codable, Sendable, Hashable {
    public var cluster: String
    public var name: String
    public var status: String
    public var instanceTypes: [String]
    public var minSize: Int
    public var desiredSize: Int
    public var maxSize: Int
    public var nodeRoleARN: String
    public var accountID: String
    public var region: String

    public init(
        cluster: String,
        name: String,
        status: String,
        instanceTypes: [String],
        minSize: Int,
        desiredSize: Int,
        maxSize: Int,
        nodeRoleARN: String,
        accountID: String,
        region: String
    ) {
        self.cluster = cluster
        self.name = name
        self.status = status
        self.instanceTypes = instanceTypes
        self.minSize = minSize
        self.desiredSize = desiredSize
        self.maxSize = maxSize
        self.nodeRoleARN = nodeRoleARN
        self.accountID = accountID
        self.region = region
    }
}

/// Everything that runs CI jobs.
public struct RunnerInventory: Codable, Sendable, Hashable {
    public var pools: [RunnerPool]
    public var agentTemplates: [AgentTemplate]
    /// Accounts (by id) where the compute could not be read, with why; the rest stands without them.
    public var unreadable: [String: String]?
    /// Backends (by name) whose part failed to refresh and is shown as last read, with why.
    public var staleParts: [String: String]?

    public init(
        pools: [RunnerPool],
        agentTemplates: [AgentTemplate],
        unreadable: [String: String]? = nil,
        staleParts: [String: String]? = nil
    ) {
        self.staleParts = staleParts
        self.pools = pools
        self.agentTemplates = agentTemplates
        self.unreadable = unreadable
    }
}
