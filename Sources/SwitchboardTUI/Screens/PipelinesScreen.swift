import Foundation
import SwitchboardCore
import TUICore

/// Pipelines, newest first → one pipeline's stages and jobs → a job's log.
extension Frame {
    mutating func drawPipelines(_ body: Rect) {
        switch state.pipelineView.level {
        case .list: drawPipelineList(body)
        case .pipeline: drawPipelineJobs(body)
        case .log: drawJobLog(body)
        }
    }

    private mutating func drawPipelineList(_ body: Rect) {
        let list = state.pipelineView.list
        let inner = panel(
            "Pipelines",
            feed: .pipelines,
            in: body,
            trailing: [Span("\(list.count) of \(state.pipelines.count)", style: theme.dim)]
        )
        if state.pipelines.isEmpty, state.feeds[.pipelines]?.updatedAt == nil {
            return placeholder(for: .pipelines, in: inner)
        }
        let pipelines = state.pipelines
        let theme = self.theme
        let now = state.now
        let wide = inner.width >= 110
        var columns = [
            Column("STATUS", .length(10)), Column("PIPELINE", .length(9)), Column("PROJECT", .fill(2)),
            Column("REF", .fill(1)), Column("STAGES", .length(7)),
        ]
        if wide { columns += [Column("SOURCE", .length(8)), Column("DURATION", .length(8), alignRight: true)] }
        columns.append(Column("AGE", .length(4), alignRight: true))
        drawList(list, columns: columns, in: inner) { index, _ in
            let pipeline = pipelines[index]
            let stages = pipeline.stages.map { theme.symbol(for: $0.status) }.joined()
            var cells = [
                theme.badge(pipeline.status), Span("#\(pipeline.id)"), Span(pipeline.project),
                Span(pipeline.ref, style: theme.dim), Span(stages, style: theme.style(for: pipeline.status)),
            ]
            if wide {
                let started = pipeline.jobs.compactMap(\.startedAt).min()
                let ended = pipeline.status.isActive ? now : pipeline.updatedAt
                cells.append(Span(pipeline.source, style: theme.dim))
                cells.append(Span(started.map { DurationText.clock(ended.timeIntervalSince($0)) } ?? "-"))
            }
            cells.append(Span(DurationText.age(now.timeIntervalSince(pipeline.createdAt)), style: theme.dim))
            return cells
        }
    }

    private mutating func drawPipelineJobs(_ body: Rect) {
        let list = state.pipelineView.jobs
        guard let pipeline = state.pipelineView.openPipeline else { return }
        let title = "Pipeline #\(pipeline.id) · \(pipeline.project) · \(pipeline.ref)"
        let inner = panel(title, feed: .pipelines, in: body, trailing: [theme.badge(pipeline.status)])
        let rows = state.pipelineView.jobRows
        let theme = self.theme
        let frame = self
        let now = state.now
        drawList(
            list,
            columns: [
                Column("JOB", .fill(2)), Column("STATUS", .length(10)), Column("ID", .length(10)),
                Column("POOL", .length(6)), Column("DURATION", .length(8), alignRight: true),
                Column("DETAIL", .fill(2)),
            ],
            in: inner
        ) { index, node in
            switch rows[index] {
            case .stage(let stage):
                return [
                    Span(frame.treeLabel(node, stage.name, expanded: list.expanded), style: theme.title),
                    theme.badge(stage.status), Span(""), Span(""), Span(""),
                    Span("\(stage.jobs.count) job\(stage.jobs.count == 1 ? "" : "s")", style: theme.dim),
                ]
            case .job(let job):
                var detail: [String] = []
                if let environment = job.environment { detail.append("env \(environment)") }
                if job.isManual { detail.append("manual") }
                if job.attempt > 1 { detail.append("attempt \(job.attempt)") }
                if let reason = job.failureReason, job.status == .failed { detail.append(reason) }
                if let runner = job.runnerID { detail.append("runner #\(runner)") }
                return [
                    Span(frame.treeLabel(node, job.name, expanded: list.expanded)), theme.badge(job.status),
                    Span("#\(job.id)", style: theme.dim),
                    Span(job.tags.first ?? "-", style: theme.dim),
                    Span(job.duration(at: now).map(DurationText.clock) ?? "-"),
                    Span(
                        detail.joined(separator: " · "),
                        style: job.status == .failed ? theme.error : theme.dim
                    ),
                ]
            }
        }
    }

    private mutating func drawJobLog(_ body: Rect) {
        guard let view = state.pipelineView.logView else { return }
        let job = state.pipelineView.openPipeline?.job(id: view.jobID)
        let name = job.map { "\($0.name) #\($0.id)" } ?? "job #\(view.jobID)"
        var trailing: [Span] = []
        if let job { trailing.append(theme.badge(job.status)) }
        let counts = view.filter.isEmpty ? "\(view.log.received) lines" : "\(view.shown.count) of \(view.log.received)"
        trailing.append(Span(" " + counts, style: theme.dim))
        if view.log.dropped > 0 { trailing.append(Span(", oldest \(view.log.dropped) dropped", style: theme.dim)) }
        trailing.append(Span(view.follow ? " · following" : " · paused", style: theme.dim))
        let inner = panel("Log · \(name)", feed: nil, in: body, trailing: trailing)
        if let error = view.error {
            buffer.write(
                "\(theme.symbol(for: .failed)) log unavailable: \(error)",
                x: inner.x + 1,
                y: inner.y,
                maxWidth: inner.width - 1,
                style: theme.error
            )
            return
        }
        if view.log.received == 0 {
            let text = view.isFetching ? "Loading log\(symbols.ellipsis)" : "No output yet."
            buffer.write(text, x: inner.x + 1, y: inner.y, style: theme.dim)
            return
        }
        var lines: [Line] = []
        let end = min(view.shown.count, view.top + inner.height)
        if view.top < end {
            for position in view.top..<end {
                let text = view.log.lines[view.shown[position]]
                lines.append(Line(text, style: Self.logStyle(text, theme: theme)))
            }
        }
        buffer.render(Paragraph(lines), in: inner)
    }

    static func logStyle(_ line: String, theme: Theme) -> Style {
        if line.hasPrefix("ERROR") || line.contains("Job failed") { return theme.error }
        if line.hasPrefix("Job succeeded") { return theme.ok }
        if line.hasPrefix("$ ") { return theme.info }
        if line.hasPrefix("Running with") || line.hasPrefix("Preparing") || line.hasPrefix("Getting source") {
            return theme.dim
        }
        return .plain
    }
}
