import SwitchboardCore
import TUICore

/// GitLab runner pools with their runners, and Jenkins ECS agent templates with their agents.
extension Frame {
    mutating func drawRunners(_ body: Rect) {
        let list = state.runners.list
        let inner = panel("Runners", feed: .runners, in: body, trailing: titleNotes(width: body.width - 15))
        guard state.runnerInventory != nil else { return placeholder(for: .runners, in: inner) }
        let rows = state.runners.rows
        let theme = self.theme
        let frame = self
        let now = state.now
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
            case .stalePart(let backend, let reason):
                return [
                    Span(label("\(theme.warningMark) \(backend) stale"), style: theme.warn),
                    Span("last read", style: theme.warn), Span(""), Span(reason, style: theme.warn),
                ]
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
                return [
                    Span(label("pool " + pool.name), style: theme.title),
                    Span("\(pool.onlineCount)/\(pool.runners.count) online", style: style),
                    Span("\(pool.busy)/\(pool.capacity)"), frame.poolDetail(pool),
                ]
            case .runner(let runner, _):
                let unseen = RunnersRow.lastSeen(of: runner, now: now)
                let warn = unseen != nil || RunnersRow.isShortOfPods(runner)
                var detail = "\(runner.executor) · \(runner.tags.joined(separator: ","))"
                if let pods = RunnersRow.pods(of: runner) { detail = pods + " · " + detail }
                if let unseen { detail = unseen + " · " + detail }
                return [
                    Span(label("#\(runner.id) \(runner.description)")), theme.badge(runner),
                    Span("\(runner.runningJobs)/\(runner.concurrency)"),
                    Span(detail, style: warn ? theme.warn : theme.dim), Span(runner.version, style: theme.dim),
                    Span(frame.age(runner.contactedAt), style: unseen == nil ? theme.dim : theme.warn),
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

    /// The title's notes, cut to `width`: backends shown as last read (with why, when it fits) and accounts
    /// whose compute could not be read (the Accounts screen says why).
    private func titleNotes(width: Int) -> [Span] {
        let inventory = state.runnerInventory
        let stale = (inventory?.staleParts ?? [:]).sorted { $0.key < $1.key }
        let unreadable = (inventory?.unreadable ?? [:]).keys.sorted()
            .map { id in state.organization?.account(id: id)?.name ?? id }
        guard !stale.isEmpty || !unreadable.isEmpty, width > 0 else { return [] }
        let notRead =
            unreadable.isEmpty ? [] : ["\(theme.symbol(for: .failed)) not read: \(unreadable.joined(separator: ", "))"]
        let mark = theme.warningMark
        let explained = stale.map { "\(mark) \($0.key) stale: \($0.value)" } + notRead
        let named = (stale.isEmpty ? [] : ["\(mark) \(stale.map(\.key).joined(separator: ", ")) stale"]) + notRead
        let long = explained.joined(separator: " · ")
        let text =
            DisplayWidth.of(long) <= width
            ? long : DisplayWidth.fit(named.joined(separator: " · "), to: width, ellipsis: symbols.ellipsis)
        return [Span(text.trimmingCharacters(in: .whitespaces), style: theme.warn)]
    }

    /// Failure signals (`RunnersRow.failureSignals`) as `reason ×count, …`.
    func signalText(_ signals: [(reason: String, count: Int)]) -> String {
        signals.map { "\($0.reason) \(theme.timesMark)\($0.count)" }.joined(separator: ", ")
    }

    /// A pool's failure signals, queue and tags; the signals come first, as they matter most when present.
    func poolDetail(_ pool: RunnerPool) -> Span {
        let queue = pool.queuedJobs == 0 ? "no queue" : "\(pool.queuedJobs) queued"
        var text = "\(queue) · tags \(pool.tags.joined(separator: ","))"
        var style = pool.queuedJobs > pool.capacity ? theme.error : theme.dim
        let signals = RunnersRow.failureSignals(of: pool)
        if !signals.isEmpty {
            text = "\(theme.warningMark) \(signalText(signals)) · " + text
            if style != theme.error {
                style = signals.contains { RunnersRow.poolFaults.contains($0.reason) } ? theme.error : theme.warn
            }
        }
        return Span(text, style: style)
    }
}
