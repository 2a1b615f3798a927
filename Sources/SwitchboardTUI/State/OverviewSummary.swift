import SwitchboardCore

/// The Overview's counts, worked out when data arrives rather than on every frame.
public struct OverviewSummary: Sendable, Hashable {
    public struct UnitCount: Sendable, Hashable {
        public var name: String
        public var depth: Int
        public var accounts: Int
    }

    public var units: [UnitCount] = []
    public var accounts = 0
    public var policies = 0
    public var environments: [Environment: Int] = [:]
    public var pipelineStatuses: [JobStatus: Int] = [:]

    public init() {}

    /// The root (its own accounts) and each top-level OU (everything below it).
    public mutating func count(_ organization: Organization) {
        func total(_ unit: OrganizationalUnit) -> Int {
            unit.accounts.count + unit.children.reduce(0) { $0 + total($1) }
        }
        units = [UnitCount(name: organization.root.name, depth: 0, accounts: organization.root.accounts.count)]
        units += organization.root.children.map { UnitCount(name: $0.name, depth: 1, accounts: total($0)) }
        let all = organization.accounts
        accounts = all.count
        policies = organization.policies.count
        environments = all.reduce(into: [:]) { $0[$1.environment, default: 0] += 1 }
    }

    public mutating func count(_ pipelines: [Pipeline]) {
        pipelineStatuses = pipelines.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }
}
