import SwitchboardCore
import TUICore

extension AppState {
    /// What the movement, fold and filter keys act on right now.
    enum Focus {
        case failing
        case tree(WritableKeyPath<AppState, TreeListState>)
        case log
    }

    var focus: Focus {
        switch screen {
        case .overview: return .failing
        case .accounts: return .tree(\.accounts.list)
        case .runners: return .tree(\.runners.list)
        case .trust: return .tree(\.trust.list)
        case .identity: return .tree(\.identityView.screen.list)
        case .audit: return .tree(\.auditView.screen.list)
        case .pipelines:
            switch pipelineView.level {
            case .list: return .tree(\.pipelineView.list)
            case .pipeline: return .tree(\.pipelineView.jobs)
            case .log: return .log
            }
        }
    }

    /// The filter of the list in front of the operator.
    public var currentFilter: String {
        switch focus {
        case .failing: return overview.filter
        case .tree(let list): return self[keyPath: list].filter
        case .log: return pipelineView.logView?.filter ?? ""
        }
    }

    mutating func setFilter(_ text: String) {
        switch focus {
        case .failing:
            overview.filter = text
            rebuildOverview()
        case .tree(let list): updateTree(list) { $0.setFilter(text, height: $1) }
        case .log: updateLog { $0.setFilter(text, height: $1) }
        }
    }

    mutating func rememberOverviewSelection() {
        let position = overview.scroll.selected
        overview.selectedPipelineID =
            overview.failing.indices.contains(position)
            ? pipelines[overview.failing[position]].id : nil
    }

    /// Changes a list given the height it is shown in.
    mutating func updateTree(
        _ list: WritableKeyPath<AppState, TreeListState>,
        _ change: (inout TreeListState, Int) -> Void
    ) {
        let height = listHeight
        change(&self[keyPath: list], height)
    }

    /// Changes the open log, if there is one, given the log's height.
    mutating func updateLog(_ change: (inout LogViewState, Int) -> Void) {
        guard var view = pipelineView.logView else { return }
        change(&view, logHeight)
        pipelineView.logView = view
    }

    mutating func switchScreen(to target: ScreenID) {
        pipelineView.returnTo = nil
        screen = target
        mode = .normal
        if target == .trust { ensureTrust() }
    }

    /// Shows `screen` as its key would (for snapshots and tests that start on a screen).
    public mutating func open(_ target: ScreenID) { switchScreen(to: target) }

    /// Esc: out of a log, out of a pipeline, back along the Trust screen's history, else clears the filter.
    mutating func back() {
        if screen == .trust, trustBack() { return }
        if screen == .pipelines {
            switch pipelineView.level {
            case .log(_, let pipelineID):
                pipelineView.level = .pipeline(pipelineID)
                pipelineView.logView = nil
                return
            case .pipeline:
                pipelineView.level = .list
                if let origin = pipelineView.returnTo { switchScreen(to: origin) }
                return
            case .list:
                break
            }
        }
        if !currentFilter.isEmpty { setFilter("") }
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .failing:
            overview.scroll.move(by: delta, count: overview.failing.count)
            overview.scroll.keepVisible(count: overview.failing.count, height: overviewListHeight)
            rememberOverviewSelection()
        case .tree(let list): updateTree(list) { $0.move(by: delta, height: $1) }
        case .log: updateLog { $0.scroll(by: delta, height: $1) }
        }
    }

    mutating func moveToEdge(end: Bool) {
        switch focus {
        case .failing:
            if end { overview.scroll.moveToEnd(count: overview.failing.count) } else { overview.scroll.moveToStart() }
            overview.scroll.keepVisible(count: overview.failing.count, height: overviewListHeight)
            rememberOverviewSelection()
        case .tree(let list):
            updateTree(list) { list, height in
                if end { list.moveToEnd(height: height) } else { list.moveToStart(height: height) }
            }
        case .log:
            updateLog { view, height in if end { view.toEnd(height: height) } else { view.toStart() } }
        }
    }

    /// → and l: open the selected node.
    mutating func expandSelected() {
        if case .tree(let list) = focus { updateTree(list) { $0.expand(height: $1) } }
    }

    /// ← and h: close the selected node or go to its parent.
    mutating func collapseSelected() {
        if case .tree(let list) = focus { updateTree(list) { $0.collapseOrParent(height: $1) } }
    }

    /// Space: open or close the selected node.
    mutating func toggleSelected() {
        if case .tree(let list) = focus { updateTree(list) { $0.toggle(height: $1) } }
    }

    /// Enter: open what is selected.
    mutating func drillIn() -> [Effect] {
        switch screen {
        case .overview:
            guard overview.failing.indices.contains(overview.scroll.selected) else { return [] }
            let pipeline = pipelines[overview.failing[overview.scroll.selected]]
            screen = .pipelines
            pipelineView.returnTo = .overview
            pipelineView.list.setFilter("", height: listHeight)
            pipelineView.list.select(id: "pl:\(pipeline.id)", height: listHeight)
            openPipeline(pipeline)
        case .accounts:
            accounts.list.toggle(height: listHeight)
        case .runners:
            runners.list.toggle(height: listHeight)
        case .trust:
            trustDrillIn()
        case .identity:
            return assumeSelectedProfile()
        case .audit:
            break
        case .pipelines:
            switch pipelineView.level {
            case .list:
                guard let index = pipelineView.list.selectedIndex else { return [] }
                openPipeline(pipelines[index])
            case .pipeline(let pipelineID):
                guard let index = pipelineView.jobs.selectedIndex else { return [] }
                switch pipelineView.jobRows[index] {
                case .stage:
                    pipelineView.jobs.toggle(height: listHeight)
                case .job(let job):
                    pipelineView.level = .log(jobID: job.id, pipelineID: pipelineID)
                    var view = LogViewState(jobID: job.id, pipelineID: pipelineID)
                    view.isFetching = true
                    pipelineView.logView = view
                    return [.fetchLog(jobID: job.id, from: 0)]
                }
            case .log:
                break
            }
        }
        return []
    }

    mutating func openPipeline(_ pipeline: Pipeline) {
        pipelineView.level = .pipeline(pipeline.id)
        pipelineView.openPipeline = pipeline
        let (model, rows) = PipelineRows.jobs(pipeline)
        var jobs = TreeListState()
        jobs.expanded = Set(pipeline.stages.map { "stage:" + $0.name })
        jobs.replace(model, height: listHeight)
        if let firstInteresting = pipeline.jobs.first(where: { $0.status == .failed || $0.status.isActive }) {
            jobs.select(id: "job:" + firstInteresting.name, height: listHeight)
        }
        pipelineView.jobs = jobs
        pipelineView.jobRows = rows
    }

    /// The job the operator points at: the selected job of an open pipeline, or the job whose log is open.
    public var selectedJob: Job? {
        guard screen == .pipelines else { return nil }
        switch pipelineView.level {
        case .list:
            return nil
        case .pipeline:
            guard let index = pipelineView.jobs.selectedIndex, case .job(let job) = pipelineView.jobRows[index]
            else { return nil }
            return job
        case .log(let jobID, _):
            return pipelineView.openPipeline?.job(id: jobID)
        }
    }

    /// The pipeline the operator points at: the selected one of the Pipelines list, or the open one.
    public var selectedPipeline: Pipeline? {
        guard screen == .pipelines else { return nil }
        switch pipelineView.level {
        case .list: return pipelineView.list.selectedIndex.map { pipelines[$0] }
        case .pipeline, .log: return pipelineView.openPipeline
        }
    }

    /// In read-only mode, says that `what` is disabled and answers true.
    mutating func refusedReadOnly(_ what: String) -> Bool {
        if readOnly { flash("Read-only mode: \(what) is disabled (started with --read-only).", level: .error) }
        return readOnly
    }

    /// `r`, `c`, `p`: asks before retrying, canceling or playing the selected job. Read-only mode refuses;
    /// retrying or playing a production deploy asks for the word typed out.
    mutating func requestJobAction(_ kind: Confirmation.Kind) {
        let verb = kind.rawValue
        guard let job = selectedJob else {
            flash("Select a job to \(verb): open a pipeline with Enter first.", level: .info)
            return
        }
        if refusedReadOnly(verb) { return }
        let project = pipelineView.openPipeline?.project ?? ""
        switch kind {
        case .retry:
            guard job.status.isRetryable else {
                flash(
                    "Job #\(job.id) is \(job.status.label); only failed or canceled jobs can be retried.",
                    level: .error
                )
                return
            }
        case .cancel:
            guard job.status.isCancelable else {
                flash("Job #\(job.id) is \(job.status.label); only unfinished jobs can be canceled.", level: .error)
                return
            }
        case .play:
            guard job.status == .manual else {
                flash(
                    "Job #\(job.id) is \(job.status.label); only manual jobs waiting to be started can be played.",
                    level: .error
                )
                return
            }
        case .assume, .retryPipeline:
            return
        }
        var detail = "\(project) · stage \(job.stage) · \(job.status.label)"
        if let environment = job.environment { detail += " · deploys to \(environment)" }
        // A retry lets GitLab run the later stages it skipped: a production deploy among them counts too.
        let unblocked = kind == .retry ? pipelineView.openPipeline?.productionDeployAfter([job]) : nil
        if let unblocked { detail += " · then \(unblocked.name) deploys to \(unblocked.environment ?? "production")" }
        mode = .confirm(
            Confirmation(
                kind: kind,
                subject: .job(job.id),
                title: "\(kind.title) job #\(job.id) \(job.name)?",
                detail: detail,
                typedWord: (job.deploysToProduction || unblocked != nil) && kind != .cancel ? "production" : nil
            )
        )
    }

    /// `R`: asks before retrying every failed or canceled job of the selected or open pipeline; the word
    /// `production` must be typed when one of them deploys there.
    mutating func requestPipelineRetry() {
        guard let pipeline = selectedPipeline else {
            flash("Select a pipeline to retry: on the Pipelines screen (4).", level: .info)
            return
        }
        if refusedReadOnly("pipeline retry") { return }
        let retryable = pipeline.jobs.filter(\.status.isRetryable)
        guard !retryable.isEmpty else {
            flash(
                "Pipeline #\(pipeline.id) is \(pipeline.status.label); it has no failed or canceled job to retry.",
                level: .error
            )
            return
        }
        let count = retryable.count == 1 ? "1 job" : "\(retryable.count) jobs"
        var detail = retryable.map { "\($0.name) (\($0.status.label))" }.joined(separator: ", ")
        let production = retryable.first(where: \.deploysToProduction) ?? pipeline.productionDeployAfter(retryable)
        if let environment = production?.environment { detail = "deploys to \(environment) · " + detail }
        mode = .confirm(
            Confirmation(
                kind: .retryPipeline,
                subject: .pipeline(pipeline.id),
                title: "Retry \(count) of pipeline #\(pipeline.id) \(pipeline.project) \(pipeline.ref)?",
                detail: detail,
                typedWord: production == nil ? nil : "production"
            )
        )
    }
}

extension Pipeline {
    /// A job in a later stage than the first of `jobs`, skipped or not yet created, that deploys to production:
    /// retrying `jobs` lets GitLab run it.
    func productionDeployAfter(_ jobs: [Job]) -> Job? {
        let stageNames = stages.map(\.name)
        guard let first = jobs.compactMap({ stageNames.firstIndex(of: $0.stage) }).min() else { return nil }
        return stages.dropFirst(first + 1).flatMap(\.jobs).first { job in
            (job.status == .skipped || job.status == .created) && job.deploysToProduction
        }
    }
}
