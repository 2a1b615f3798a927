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
        if let openID = pipelineView.openPipelineID, let fresh = pipeline(id: openID) {
            pipelineView.openPipeline = fresh
            let (model, rows) = PipelineRows.jobs(fresh)
            pipelineView.jobs.replace(model, height: listHeight)
            pipelineView.jobRows = rows
        }
        rebuildOverview()
    }

    mutating func rebuildAccounts() {
        guard let organization else { return }
        overview.summary.count(organization)
        let (model, rows) = AccountsRow.build(organization)
        accounts.load(model, rows: rows, height: listHeight)
    }

    mutating func rebuildRunners() {
        guard let runnerInventory else { return }
        let (model, rows) = RunnersRow.build(runnerInventory)
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

    /// A retry or cancel went through: show it at once, then ask the feeds for the truth.
    mutating func jobActionSucceeded(_ kind: Confirmation.Kind, previousJobID: Int, job: Job) -> [Effect] {
        switch kind {
        case .retry:
            flash("Job #\(previousJobID) \(job.name) retried as #\(job.id): \(job.status.label).", level: .success)
        case .cancel, .assume:
            flash("Job #\(job.id) \(job.name) is \(job.status.label).", level: .success)
        }
        if let index = pipelines.firstIndex(where: { $0.job(id: previousJobID) != nil }) {
            var updated = pipelines
            updated[index].replaceJob(previousJobID, with: job)
            setPipelines(updated)
        } else if var open = pipelineView.openPipeline, open.job(id: previousJobID) != nil {
            // The pipeline has left the feed's window but is still on screen: show the new attempt there too.
            open.replaceJob(previousJobID, with: job)
            pipelineView.openPipeline = open
            let (model, rows) = PipelineRows.jobs(open)
            pipelineView.jobs.replace(model, height: listHeight)
            pipelineView.jobRows = rows
        }
        return [.refresh(.pipelines), .refresh(.runners)]
    }
}

extension Pipeline {
    /// Puts `job` where job `id` was and recomputes the pipeline's status.
    mutating func replaceJob(_ id: Int, with job: Job) {
        for s in stages.indices {
            if let j = stages[s].jobs.firstIndex(where: { $0.id == id }) { stages[s].jobs[j] = job }
        }
        status = Pipeline.aggregate(stages.map(\.status))
        updatedAt = max(updatedAt, job.createdAt)
    }
}
