import Foundation
import SwitchboardCore
import TUICore

/// A row of the Runners tree: backends shown as last read, GitLab pools and their runners, Jenkins agent
/// templates and their agents.
public enum RunnersRow: Sendable {
    /// A backend whose part of the inventory failed to refresh: what is shown of it is its last read.
    case stalePart(backend: String, reason: String)
    case gitlabGroup(pools: Int, runners: Int)
    case pool(RunnerPool)
    case runner(Runner, pool: String)
    case jenkinsGroup(templates: Int, agents: Int)
    case template(AgentTemplate)
    case agent(Agent, template: String)

    public static let gitlabID = "grp:gitlab"
    public static let jenkinsID = "grp:jenkins"

    /// The rows of `inventory`; `now` dates the "last seen" of runners in what `/` matches.
    public static func build(_ inventory: RunnerInventory, now: Date) -> (TreeModel, [RunnersRow]) {
        var model = TreeModel()
        var rows: [RunnersRow] = []
        for (backend, reason) in (inventory.staleParts ?? [:]).sorted(by: { $0.key < $1.key }) {
            model.append(id: "stale:" + backend, parent: nil, searchText: "\(backend) stale last read \(reason)")
            rows.append(.stalePart(backend: backend, reason: reason))
        }
        let runnerCount = inventory.pools.reduce(0) { $0 + $1.runners.count }
        let gitlab = model.append(id: gitlabID, parent: nil, searchText: "gitlab runners")
        rows.append(.gitlabGroup(pools: inventory.pools.count, runners: runnerCount))
        for pool in inventory.pools {
            var text = "pool " + pool.name
            for signal in failureSignals(of: pool) { text += " \(signal.reason) \(signal.count)" }
            let index = model.append(id: "pool:" + pool.name, parent: gitlab, searchText: text)
            rows.append(.pool(pool))
            for runner in pool.runners {
                let text = [
                    "#\(runner.id)", runner.description, runner.status.rawValue, runner.paused ? "paused" : "",
                    runner.tags.joined(separator: " "), runner.version, pool.name, pods(of: runner) ?? "",
                    lastSeen(of: runner, now: now) ?? "",
                ].joined(separator: " ")
                model.append(id: "runner:\(runner.id)", parent: index, searchText: text)
                rows.append(.runner(runner, pool: pool.name))
            }
        }
        let agentCount = inventory.agentTemplates.reduce(0) { $0 + $1.agents.count }
        let jenkins = model.append(id: jenkinsID, parent: nil, searchText: "jenkins ecs agents")
        rows.append(.jenkinsGroup(templates: inventory.agentTemplates.count, agents: agentCount))
        for template in inventory.agentTemplates {
            let text = [template.label, template.taskDefinition, template.taskRoleARN, template.targetAccountID]
                .joined(separator: " ")
            let index = model.append(id: "tmpl:" + template.label, parent: jenkins, searchText: text)
            rows.append(.template(template))
            for agent in template.agents {
                model.append(
                    id: "agent:" + agent.taskARN,
                    parent: index,
                    searchText: [agent.name, agent.status, agent.job ?? "", template.label].joined(separator: " ")
                )
                rows.append(.agent(agent, template: template.label))
            }
        }
        return (model, rows)
    }
}

/// What a runner row says beyond GitLab's own status, and what a pool row says about recent failures.
extension RunnersRow {
    /// How long an `online` runner may go without contact before its row says so: GitLab keeps a runner
    /// `online` for two hours after its last contact, while a healthy one checks in every few seconds.
    public static let unseenAfter: TimeInterval = 600

    /// `3/4 pods` (pods alive of those sharing the registration), `4 pods`, or nil when the backend cannot tell.
    public static func pods(of runner: Runner) -> String? {
        guard let pods = runner.pods else { return nil }
        guard let alive = runner.podsAlive else { return "\(pods) pods" }
        return "\(alive)/\(pods) pods"
    }

    /// Whether some of the runner's pods have stopped contacting GitLab.
    public static func isShortOfPods(_ runner: Runner) -> Bool {
        guard let pods = runner.pods, let alive = runner.podsAlive else { return false }
        return alive < pods
    }

    /// `last seen 47m ago` for a runner GitLab calls online that has not been in contact for `unseenAfter`.
    public static func lastSeen(of runner: Runner, now: Date) -> String? {
        guard runner.status == .online, let contacted = runner.contactedAt else { return nil }
        let age = now.timeIntervalSince(contacted)
        guard age >= unseenAfter else { return nil }
        return "last seen \(DurationText.age(age)) ago"
    }

    /// The pool's failure signals, most frequent first.
    public static func failureSignals(of pool: RunnerPool) -> [(reason: String, count: Int)] {
        guard let signals = pool.failureSignals, !signals.isEmpty else { return [] }
        return signals.filter { $0.value > 0 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { (reason: $0.key, count: $0.value) }
    }

    /// Failure reasons that mean the pool itself failed jobs or could not take them, rather than a job going
    /// wrong on it: shown as errors, the others as warnings.
    public static let poolFaults: Set<String> = ["runner_system_failure", "no_matching_runner"]
}
