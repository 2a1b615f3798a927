import Foundation

extension FakeGitLab.State {
    /// One step of CI progress in the project's newest pipeline, so incremental polling sees a change: the
    /// first running job of the earliest unfinished stage succeeds, else its first pending job starts on a
    /// matching runner (or fails `no_matching_runner`), else its created jobs become pending; a finished stage
    /// releases the next (or skips the rest after a failure). When nothing is left to do, a new pipeline (the
    /// next commit, same jobs) starts. The pipeline's `updated_at` becomes `now`. Answers its id.
    @discardableResult
    public mutating func advance(project id: Int, at now: Date) -> Int? {
        guard projects[id] != nil else { return nil }
        let own = pipelines.values.filter { $0.projectID == id && !$0.isChild }.sorted { $0.id < $1.id }
        guard let newest = own.last else { return nil }
        let current = jobs(inPipeline: newest.id).filter { !$0.retried && !$0.isBridge }
        let waiting: Set<Status> = [.created, .pending, .running, .waitingForResource, .preparing]
        guard current.contains(where: { waiting.contains($0.status) }) else {
            return startPipeline(after: newest, at: now)
        }
        let stages = stages(ofPipeline: newest.id)
        for stage in stages {
            let inStage = current.filter { $0.stage == stage }
            if let running = inStage.first(where: { $0.status == .running }) {
                appendTrace("\u{1b}[32;1mJob succeeded\u{1b}[0;m\n", toJob: running.id)
                setStatus(ofJob: running.id, to: .success, at: now)
                break
            }
            if let pending = inStage.first(where: { $0.status == .pending }) {
                start(pending, at: now)
                break
            }
            if let created = inStage.first(where: { waiting.contains($0.status) }) {
                setStatus(ofJob: created.id, to: .pending, at: now)
                break
            }
        }
        return newest.id
    }

    /// A pending job starts on a runner whose tags it matches (online, not paused), or fails if none has them.
    private mutating func start(_ job: FakeGitLab.Job, at now: Date) {
        let candidates = runners.values.filter {
            $0.status == .online && !$0.paused && Set(job.tagList).isSubset(of: $0.tagList)
        }
        .sorted { $0.id < $1.id }
        guard !candidates.isEmpty else {
            setStatus(ofJob: job.id, to: .failed, at: now, failureReason: "no_matching_runner")
            return
        }
        let runner = candidates[job.id % candidates.count]
        let pods = runner.managers.filter { $0.status == .online }
        let pod = pods.isEmpty ? nil : pods[job.id % pods.count]
        setTrace(
            "\u{1b}[0KRunning with gitlab-runner \(runner.version) (\(runner.revision))\u{1b}[0;m\n"
                + "\u{1b}[0K  on \(runner.description) \(pod?.systemID ?? "")\u{1b}[0;m\n"
                + "$ ./ci/\(job.name).sh\n",
            forJob: job.id
        )
        setStatus(ofJob: job.id, to: .running, at: now, runner: (runner.id, pod?.id))
    }

    /// GitLab's processing, simplified: once every job of the stages before it is done, a stage's created
    /// jobs are queued (actions become `manual`); after a failure that is not allowed, or a cancellation,
    /// they are skipped. Changes job fields only; the caller refreshes the pipeline.
    mutating func releaseStages(_ pipeline: Int, at now: Date) {
        let current = jobs(inPipeline: pipeline).filter { !$0.retried && !$0.isBridge }
        var broken = false
        for stage in stages(ofPipeline: pipeline) {
            let inStage = current.filter { $0.stage == stage }
            let created = inStage.filter { $0.status == .created }
            for job in created {
                let next: Status = broken ? .skipped : job.isAction ? .manual : .pending
                apply(next, toJob: job.id, at: now)
                if next == .skipped { jobs[job.id]?.finishedAt = nil }
            }
            if !created.isEmpty && !broken { return }
            let done = inStage.allSatisfy { $0.status.isFinished || ($0.status == .manual && $0.allowFailure) }
            if !done && !broken { return }
            if inStage.contains(where: { [.failed, .canceled].contains($0.status) && !$0.allowFailure }) {
                broken = true
            }
        }
    }

    /// The next commit's pipeline: the same jobs, the first stage pending.
    private mutating func startPipeline(after previous: FakeGitLab.Pipeline, at now: Date) -> Int {
        let id = nextPipelineID
        let iid = (pipelines.values.filter { $0.projectID == previous.projectID }.map(\.iid).max() ?? 0) + 1
        add(
            FakeGitLab.Pipeline(
                id: id,
                iid: iid,
                projectID: previous.projectID,
                status: .pending,
                source: "push",
                ref: previous.ref,
                sha: FakeGitLabEstate.sha(id),
                name: previous.name,
                commitTitle: "Change \(iid)",
                createdAt: now
            )
        )
        let templates = jobs(inPipeline: previous.id).filter { !$0.retried && !$0.isBridge }
        let first = templates.first?.stage
        for template in templates {
            add(
                FakeGitLab.Job(
                    id: nextJobID,
                    pipelineID: id,
                    projectID: template.projectID,
                    name: template.name,
                    stage: template.stage,
                    status: template.stage == first ? (template.isAction ? .manual : .pending) : .created,
                    tagList: template.tagList,
                    allowFailure: template.allowFailure,
                    isAction: template.isAction,
                    createdAt: now,
                    queuedAt: now,
                    environment: template.environment,
                    updatedAt: now
                )
            )
        }
        refreshPipeline(id, at: now)
        return id
    }
}
