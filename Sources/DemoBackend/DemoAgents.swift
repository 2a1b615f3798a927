import SwitchboardCore

/// The Jenkins side: one ECS agent template per deploy target (label `AgentAccountX`, task definition
/// `jenkins-agent-x:rev`, a task role that may assume only that account's `deploy-role`), and the agents (ECS tasks)
/// that builds start and stop over simulated time.
struct DemoAgents: Sendable {
    struct Template: Sendable {
        let target: String
        let label: String
        let account: Account
        let taskRoleName: String
        let family: String
        let revision: Int
        let jobs: [String]
    }

    static let region = "eu-central-1"
    static let cluster = "jenkins-agents"
    static let slotLength = 300.0
    static let longestRun = 14 * 60.0

    let seed: UInt64
    let jenkinsAccountID: String
    let templates: [Template]
    /// Parallel build lanes per template: more at larger scales.
    let lanes: Int

    init(seed: UInt64, scale: Int, organization: DemoOrganization) {
        self.seed = seed
        jenkinsAccountID = organization.jenkins.id
        lanes = 1 + max(0, scale - 1) / 25
        var random = SeededRandom(seed, 0x6A65_6E6B)
        let jobs: [String: [String]] = [
            "development": ["deploy-network-stack", "deploy-payments-api", "refresh-dev-data", "deploy-etl-jobs"],
            "production": ["deploy-payments-api", "deploy-web-frontend", "rotate-db-credentials"],
            "admin": ["terraform-apply-shared", "update-transit-gateway", "backup-terraform-state"],
        ]
        templates = organization.deployTargets.map { target, account in
            let title = target.prefix(1).uppercased() + target.dropFirst()
            return Template(
                target: target,
                label: "AgentAccount\(title)",
                account: account,
                taskRoleName: "deploy-role-agent-\(target)",
                family: "jenkins-agent-\(target)",
                revision: random.int(in: 3...14),
                jobs: jobs[target] ?? ["deploy"]
            )
        }
    }

    func taskRoleARN(_ template: Template) -> String {
        "arn:aws:iam::\(jenkinsAccountID):role/\(template.taskRoleName)"
    }

    func taskDefinitionARN(_ template: Template) -> String {
        "arn:aws:ecs:\(Self.region):\(jenkinsAccountID):task-definition/\(template.family):\(template.revision)"
    }

    /// The templates with the agents running at `time`.
    func templates(at time: Double) -> [AgentTemplate] {
        templates.enumerated().map { index, template in
            AgentTemplate(
                label: template.label,
                taskDefinition: "\(template.family):\(template.revision)",
                taskRoleARN: taskRoleARN(template),
                targetAccountID: template.account.id,
                cluster: Self.cluster,
                agents: agents(template, index: index, at: time)
            )
        }
    }

    /// Each lane may start one agent per five-minute slot; it runs four to fourteen minutes.
    private func agents(_ template: Template, index: Int, at time: Double) -> [Agent] {
        let current = Int((time / Self.slotLength).rounded(.down))
        let lookBack = Int((Self.longestRun / Self.slotLength).rounded(.up))
        var agents: [Agent] = []
        for slot in (current - lookBack)...current {
            for lane in 0..<lanes {
                var random = SeededRandom(seed, UInt64(index), UInt64(hashing: slot), UInt64(lane))
                guard random.chance(0.4) else { continue }
                let start = Double(slot) * Self.slotLength + random.double(in: 0...(Self.slotLength - 1))
                let end = start + random.double(in: 240...Self.longestRun)
                guard start <= time, time < end else { continue }
                let job = random.pick(template.jobs)
                let build = max(1, 1_200 + slot / 3 + lane)
                let task = random.string(32, from: SeededRandom.hexDigits)
                agents.append(
                    Agent(
                        taskARN: "arn:aws:ecs:\(Self.region):\(jenkinsAccountID):task/\(Self.cluster)/\(task)",
                        name: "\(template.label)-" + random.string(5, from: SeededRandom.lowerAlphanumerics),
                        status: "RUNNING",
                        startedAt: DemoTime.date(start),
                        job: "\(job) #\(build)"
                    )
                )
            }
        }
        return agents.sorted { $0.startedAt < $1.startedAt }
    }
}
