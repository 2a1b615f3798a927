import SwitchboardCore
import TUICore

/// GitLab runner pools with their runners, and Jenkins ECS agent templates with their agents.
extension Frame {
    mutating func drawRunners(_ body: Rect) {
        let list = state.runners.list
        // Accounts whose ECS/EKS could not be read are named in the title; the Accounts screen says why.
        let unreadable = (state.runnerInventory?.unreadable ?? [:]).keys.sorted()
            .map { id in state.organization?.account(id: id)?.name ?? id }
        let inner = panel(
            "Runners",
            feed: .runners,
            in: body,
            trailing: unreadable.isEmpty
                ? []
                : [
                    Span(
                        "\(theme.symbol(for: .failed)) not read: \(unreadable.joined(separator: ", "))",
                        style: theme.warn
                    )
                ]
        )
        guard state.runnerInventory != nil else { return placeholder(for: .runners, in: inner) }
        let rows = state.runners.rows
        let theme = self.theme
        let frame = self
        let wide = inner.width >= 120
        var columns = [
            Column("NAME", .fill(3)), Column("STATUS", .length(12)),
            Column(
                "JOBS",
                .length(7),
                alignRight: true
            ), Column("DETAIL", .fill(2)),
        ]
        if wide { columns += [Column("VERSION", .length(9)), Column("SEEN", .length(5), alignRight: true)] }
        drawList(list, columns: columns, in: inner) { index, node in
            let label = { (text: String) in frame.treeLabel(node, text, expanded: list.expanded) }
            switch rows[index] {
            case .gitlabGroup(let pools, let runners):
                return [
                    Span(label("GitLab runners"), style: theme.title), Span("\(pools) pools", style: theme.dim),
                    Span(""), Span("\(runners) runners", style: theme.dim),
                ]
            case .pool(let pool) where pool.runners.isEmpty && pool.nodeGroup != nil:
                // The AWS side alone: the node group the pool's pods run on.
                let group = pool.nodeGroup!
                return [
                    Span(label("pool " + pool.name), style: theme.title),
                    Span(group.status.lowercased(), style: group.status == "ACTIVE" ? theme.ok : theme.warn),
                    Span("\(group.desiredSize)"),
                    Span(
                        "EKS \(group.cluster)/\(group.name) · \(group.desiredSize) nodes (\(group.minSize)–\(group.maxSize)) · "
                            + group.instanceTypes.joined(separator: ","),
                        style: theme.dim
                    ),
                ]
            case .pool(let pool):
                let style = pool.onlineCount == pool.runners.count ? theme.ok : theme.warn
                let queue = pool.queuedJobs == 0 ? "no queue" : "\(pool.queuedJobs) queued"
                return [
                    Span(label("pool " + pool.name), style: theme.title),
                    Span("\(pool.onlineCount)/\(pool.runners.count) online", style: style),
                    Span("\(pool.busy)/\(pool.capacity)"),
                    Span(
                        "\(queue) · tags \(pool.tags.joined(separator: ","))",
                        style: pool.queuedJobs > pool.capacity ? theme.error : theme.dim
                    ),
                ]
            case .runner(let runner, _):
                return [
                    Span(label("#\(runner.id) \(runner.description)")), theme.badge(runner),
                    Span("\(runner.runningJobs)/\(runner.concurrency)"),
                    Span("\(runner.executor) · \(runner.tags.joined(separator: ","))", style: theme.dim),
                    Span(runner.version, style: theme.dim), Span(frame.age(runner.contactedAt), style: theme.dim),
                ]
            case .jenkinsGroup(let templates, let agents):
                return [
                    Span(label("Jenkins ECS agents"), style: theme.title),
                    Span("\(templates) templates", style: theme.dim), Span("\(agents)"),
                    Span("agents running", style: theme.dim),
                ]
            case .template(let template):
                return [
                    Span(label(template.label), style: theme.title),
                    Span("\(template.agents.count) running", style: template.agents.isEmpty ? theme.dim : theme.ok),
                    Span("\(template.agents.count)"),
                    Span(
                        template.taskDefinition
                            + (template.targetAccountID.isEmpty ? "" : " → \(template.targetAccountID)")
                            + (template.logGroup.map { " · logs \($0)" } ?? ""),
                        style: theme.dim
                    ),
                ]
            case .agent(let agent, _):
                return [
                    Span(label(agent.name)),
                    Span(
                        "\(theme.symbol(for: .running)) \(agent.status.lowercased())",
                        style: theme.info
                    ), Span(""), Span(agent.job ?? "idle", style: theme.dim), Span(""),
                    Span(frame.age(agent.startedAt), style: theme.dim),
                ]
            }
        }
    }
}
