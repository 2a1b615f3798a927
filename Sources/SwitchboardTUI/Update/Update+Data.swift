import SwitchboardCore
import TUICore

extension AppState {
    /// New data or a failed refresh. A failure only marks the feed stale: the last good data stays.
    mutating func apply(_ event: FeedEvent) {
        feeds[event.feed] = event.status
        guard let value = event.value else { return }
        switch value {
        case .organization(let organization):
            self.organization = organization
            rebuildAccounts()
            invalidateTrust()
        case .identity(let inventory):
            identity = inventory
            invalidateTrust()
        case .runners(let inventory):
            runnerInventory = inventory
            rebuildRunners()
        case .pipelines(let pipelines):
            setPipelines(pipelines)
        }
    }

    /// Replaces the pipelines as a feed would; for tests that need a particular pipeline on screen.
    public mutating func setPipelinesForTesting(_ pipelines: [Pipeline]) { setPipelines(pipelines) }

    mutating func setPipelines(_ pipelines: [Pipeline]) {
        self.pipelines = pipelines
        pipelineIndex = Dictionary(pipelines.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        pipelineView.list.replace(PipelineRows.list(pipelines), height: listHeight)
        if let openID = pipelineView.openPipelineID, let fresh = pipeline(id: openID) { showOpen(fresh) }
        rebuildOverview()
    }

    /// Shows `pipeline` as the open one; the selected job stays (job rows are matched by name).
    mutating func showOpen(_ pipeline: Pipeline) {
        pipelineView.openPipeline = pipeline
        let (model, rows) = PipelineRows.jobs(pipeline)
        pipelineView.jobs.replace(model, height: listHeight)
        pipelineView.jobRows = rows
    }

    mutating func rebuildAccounts() {
        guard let organization else { return }
        overview.summary.count(organization)
        let (model, rows) = AccountsRow.build(organization)
        accounts.load(model, rows: rows, height: listHeight)
    }

    mutating func rebuildRunners() {
        guard let runnerInventory else { return }
        let (model, rows) = RunnersRow.build(runnerInventory, now: now)
        runners.load(model, rows: rows, height: listHeight)
    }

    mutating func rebuildOverview() {
        overview.summary.count(pipelines)
        let needle = overview.filter.lowercased()
        overview.failing = pipelines.indices.filter { index in
            let pipeline = pipelines[index]
            guard pipeline.status == .failed else { return false }
            return needle.isEmpty || "#\(pipeline.id) \(pipeline.project) \(pipeline.ref)".lowercased().contains(needle)
        }
        if let id = overview.selectedPipelineID,
            let position = overview.failing.firstIndex(where: { pipelines[$0].id == id })
        {
            overview.scroll.selected = position
        }
        overview.scroll.keepVisible(count: overview.failing.count, height: overviewListHeight)
        rememberOverviewSelection()
    }

    mutating func applyLog(_ chunk: LogChunk) {
        guard var view = pipelineView.logView, view.jobID == chunk.jobID else { return }
        view.isFetching = false
        view.error = nil
        view.append(chunk, height: logHeight)
        pipelineView.logView = view
    }

    /// A retry, cancel or play went through: show it at once, then ask the feeds for the truth.
    mutating func jobActionSucceeded(_ kind: Confirmation.Kind, previousJobID: Int, job: Job) -> [Effect] {
        switch kind {
        case .retry:
            flash("Job #\(previousJobID) \(job.name) retried as #\(job.id): \(job.status.label).", level: .success)
        case .play:
            flash("Job #\(job.id) \(job.name) started: \(job.status.label).", level: .success)
        case .cancel, .assume, .retryPipeline:
            flash("Job #\(job.id) \(job.name) is \(job.status.label).", level: .success)
        }
        if let index = pipelines.firstIndex(where: { $0.job(id: previousJobID) != nil }) {
            var updated = pipelines
            updated[index].replaceJob(previousJobID, with: job)
            setPipelines(updated)
        } else if var open = pipelineView.openPipeline, open.job(id: previousJobID) != nil {
            // The pipeline has left the feed's window but is still on screen: show the new attempt there too.
            open.replaceJob(previousJobID, with: job)
            showOpen(open)
        }
        // Retried from its log: the log view follows the new attempt, as GitLab's job page does.
        if job.id != previousJobID, case .log(previousJobID, let pipelineID) = pipelineView.level {
            pipelineView.level = .log(jobID: job.id, pipelineID: pipelineID)
            var view = LogViewState(jobID: job.id, pipelineID: pipelineID)
            view.isFetching = true
            pipelineView.logView = view
            return [.refresh(.pipelines), .refresh(.runners), .fetchLog(jobID: job.id, from: 0)]
        }
        return [.refresh(.pipelines), .refresh(.runners)]
    }

    /// A pipeline retry went through: the pipeline as the backend now tells it replaces ours, then the feeds
    /// are asked for the truth.
    mutating func pipelineRetried(_ pipeline: Pipeline) -> [Effect] {
        let open = pipelineView.openPipelineID == pipeline.id ? pipelineView.openPipeline : nil
        let retried = (self.pipeline(id: pipeline.id) ?? open).map { before in
            pipeline.jobs.filter { before.job(id: $0.id) == nil }.count
        }
        let count = retried.map { " \($0) job\($0 == 1 ? "" : "s") retried," } ?? ""
        flash(
            "Pipeline #\(pipeline.id) \(pipeline.project) \(pipeline.ref):\(count) now \(pipeline.status.label).",
            level: .success
        )
        if let index = pipelineIndex[pipeline.id] {
            var updated = pipelines
            updated[index] = pipeline
            setPipelines(updated)
        } else if open != nil {
            showOpen(pipeline)
        }
        return [.refresh(.pipelines), .refresh(.runners)]
    }
}

extension Pipeline {
    /// Whether a pipeline retry has something to do: a failed or canceled job.
    var hasRetryableJob: Bool { stages.contains { $0.jobs.contains { $0.status.isRetryable } } }

    /// Puts `job` where job `id` was and recomputes the pipeline's status.
    mutating func replaceJob(_ id: Int, with job: Job) {
        for s in stages.indices {
            if let j = stages[s].jobs.firstIndex(where: { $0.id == id }) { stages[s].jobs[j] = job }
        }
        status = Pipeline.aggregate(stages.map(\.status))
        updatedAt = max(updatedAt, job.createdAt)
    }
}
