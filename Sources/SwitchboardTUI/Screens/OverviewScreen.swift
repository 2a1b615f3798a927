import Foundation
import SwitchboardCore
import TUICore

/// Health at a glance: accounts per OU, runner pools as gauges with their queues, failing pipelines.
extension Frame {
    mutating func drawOverview(_ body: Rect) {
        let top = OverviewLayout.topHeight(for: state)
        let parts = Layout.vertical([.length(top), .fill(1)], in: body)
        let columns = Layout.horizontal([.percentage(40), .fill(1)], in: parts[0])
        drawOrganizationSummary(columns[0])
        drawPoolSummary(columns[1])
        drawFailing(parts[1])
    }

    private mutating func drawOrganizationSummary(_ area: Rect) {
        let inner = panel("Organisation", feed: .organization, in: area)
        guard let organization = state.organization else { return placeholder(for: .organization, in: inner) }
        let summary = state.overview.summary
        var lines = summary.units.map { countLine($0.name, $0.accounts, depth: $0.depth) }
        lines.append(Line([]))
        lines.append(
            Line([
                Span("\(summary.accounts)", style: theme.title), Span(" accounts · "),
                Span("\(organization.policies.count)", style: theme.title), Span(" SCPs"),
            ])
        )
        let envText = Environment.allCases.compactMap { env in
            summary.environments[env].map { "\(Frame.shortEnvironment(env)) \($0)" }
        }.joined(separator: " · ")
        lines.append(Line(envText, style: theme.dim))
        buffer.render(Paragraph(lines), in: inner.inset(horizontal: 1, vertical: 0))
    }

    private func countLine(_ name: String, _ count: Int, depth: Int) -> Line {
        let label = String(repeating: "  ", count: depth) + name
        return Line([
            Span(DisplayWidth.fit(label, to: 14)),
            Span(
                " \(count) account\(count == 1 ? "" : "s")",
                style: theme.dim
            ),
        ])
    }

    private mutating func drawPoolSummary(_ area: Rect) {
        let inner = panel("Runner pools", feed: .runners, in: area)
        guard let inventory = state.runnerInventory else { return placeholder(for: .runners, in: inner) }
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard content.width > 20 else { return }
        let nameWidth = 8
        let queueWidth = 10
        let gaugeWidth = max(8, (content.width - nameWidth - queueWidth - 2) / 2)
        buffer.write(DisplayWidth.fit("pool", to: nameWidth), x: content.x, y: content.y, style: theme.columnHeader)
        buffer.write(
            DisplayWidth.fit("online", to: gaugeWidth),
            x: content.x + nameWidth,
            y: content.y,
            style: theme.columnHeader
        )
        buffer.write(
            DisplayWidth.fit("busy/capacity", to: gaugeWidth),
            x: content.x + nameWidth + gaugeWidth + 1,
            y: content.y,
            style: theme.columnHeader
        )
        buffer.write(
            "queued",
            x: content.x + nameWidth + 2 * gaugeWidth + 2,
            y: content.y,
            maxWidth: queueWidth,
            style: theme.columnHeader
        )
        var y = content.y + 1
        for pool in inventory.pools where y < content.bottom {
            let online = pool.onlineCount
            let total = pool.runners.count
            let onlineStyle = online == total ? theme.ok : (online == 0 ? theme.error : theme.warn)
            buffer.write(DisplayWidth.fit(pool.name, to: nameWidth), x: content.x, y: y)
            buffer.render(
                Gauge(
                    ratio: total == 0 ? 0 : Double(online) / Double(total),
                    label: DisplayWidth.fit("\(online)/\(total)", to: 7, alignRight: true),
                    symbols: symbols,
                    filledStyle: onlineStyle,
                    emptyStyle: theme.gaugeEmpty
                ),
                in: Rect(x: content.x + nameWidth, y: y, width: gaugeWidth - 1, height: 1)
            )
            let capacity = pool.capacity
            let busyStyle = pool.busy >= capacity ? theme.warn : theme.info
            buffer.render(
                Gauge(
                    ratio: capacity == 0 ? 1 : Double(pool.busy) / Double(capacity),
                    label: DisplayWidth.fit("\(pool.busy)/\(capacity)", to: 7, alignRight: true),
                    symbols: symbols,
                    filledStyle: busyStyle,
                    emptyStyle: theme.gaugeEmpty
                ),
                in: Rect(x: content.x + nameWidth + gaugeWidth + 1, y: y, width: gaugeWidth - 1, height: 1)
            )
            let queueStyle = pool.queuedJobs == 0 ? theme.dim : (pool.queuedJobs > capacity ? theme.error : theme.warn)
            buffer.write(
                "\(pool.queuedJobs) job\(pool.queuedJobs == 1 ? "" : "s")",
                x: content.x + nameWidth + 2 * gaugeWidth + 2,
                y: y,
                maxWidth: queueWidth,
                style: queueStyle
            )
            y += 1
        }
        // Failures of the last hour that point at a pool (GitLab's failure_reason), one line for them all.
        let signals = inventory.pools.compactMap { pool -> String? in
            let listed = RunnersRow.failureSignals(of: pool)
            return listed.isEmpty ? nil : "\(pool.name): \(signalText(listed))"
        }
        if !signals.isEmpty, y < content.bottom {
            buffer.write(
                "\(theme.warningMark) " + signals.joined(separator: " · "),
                x: content.x,
                y: y,
                maxWidth: content.width,
                style: theme.warn
            )
            y += 1
        }
        guard y + 1 < content.bottom else { return }
        let agents = inventory.agentTemplates.reduce(0) { $0 + $1.agents.count }
        buffer.write(
            Line([
                Span("jenkins ", style: theme.title),
                Span(
                    "\(inventory.agentTemplates.count) ECS agent templates · \(agents) agent\(agents == 1 ? "" : "s") running",
                    style: theme.dim
                ),
            ]),
            x: content.x,
            y: y + 1,
            maxWidth: content.width
        )
    }

    private mutating func drawFailing(_ area: Rect) {
        let counts = state.overview.summary.pipelineStatuses
        let summary = [JobStatus.running, .pending, .failed].map { "\($0.label) \(counts[$0] ?? 0)" }
            .joined(separator: " · ")
        let inner = panel(
            "Failing pipelines (\(state.overview.failing.count))",
            feed: .pipelines,
            in: area,
            trailing: [Span(summary, style: theme.dim)]
        )
        if state.pipelines.isEmpty, state.feeds[.pipelines]?.updatedAt == nil {
            return placeholder(for: .pipelines, in: inner)
        }
        if state.overview.failing.isEmpty {
            let text =
                state.overview.filter.isEmpty ? "No failing pipelines." : "No failing pipeline matches the filter."
            buffer.write("\(theme.symbol(for: .success)) \(text)", x: inner.x + 1, y: inner.y, style: theme.ok)
            return
        }
        let pipelines = state.pipelines
        let failing = state.overview.failing
        let now = state.now
        let theme = self.theme
        buffer.render(
            Table(
                columns: [
                    Column("STATUS", .length(10)), Column("PIPELINE", .length(9)), Column("PROJECT", .min(16)),
                    Column("REF", .length(14)), Column("FAILED JOBS", .fill(2)),
                    Column(
                        "AGE",
                        .length(4),
                        alignRight: true
                    ),
                ],
                rowCount: failing.count,
                selected: state.screen == .overview ? state.overview.scroll.selected : nil,
                offset: state.overview.scroll.offset,
                headerStyle: theme.columnHeader,
                selectedStyle: theme.selected,
                ellipsis: symbols.ellipsis
            ) { row in
                let pipeline = pipelines[failing[row]]
                let failed = pipeline.jobs.filter { $0.status == .failed }.map(\.name).joined(separator: ", ")
                return [
                    theme.badge(pipeline.status), Span("#\(pipeline.id)"), Span(pipeline.project),
                    Span(pipeline.ref, style: theme.dim), Span(failed, style: theme.error),
                    Span(DurationText.age(now.timeIntervalSince(pipeline.updatedAt)), style: theme.dim),
                ]
            },
            in: inner
        )
    }
}
