import SwitchboardCore
import TUICore

/// A row of the Runners tree: GitLab pools and their runners, Jenkins agent templates and their agents.
public enum RunnersRow: Sendable {
    case gitlabGroup(pools: Int, runners: Int)
    case pool(RunnerPool)
    case runner(Runner, pool: String)
    case jenkinsGroup(templates: Int, agents: Int)
    case template(AgentTemplate)
    case agent(Agent, template: String)

    public static let gitlabID = "grp:gitlab"
    public static let jenkinsID = "grp:jenkins"

    public static func build(_ inventory: RunnerInventory) -> (TreeModel, [RunnersRow]) {
        var model = TreeModel()
        var rows: [RunnersRow] = []
        let runnerCount = inventory.pools.reduce(0) { $0 + $1.runners.count }
        let gitlab = model.append(id: gitlabID, parent: nil, searchText: "gitlab runners")
        rows.append(.gitlabGroup(pools: inventory.pools.count, runners: runnerCount))
        for pool in inventory.pools {
            let index = model.append(id: "pool:" + pool.name, parent: gitlab, searchText: "pool " + pool.name)
            rows.append(.pool(pool))
            for runner in pool.runners {
                let text = [
                    "#\(runner.id)", runner.description, runner.status.rawValue, runner.paused ? "paused" : "",
                    runner.tags.joined(separator: " "), runner.version, pool.name,
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
