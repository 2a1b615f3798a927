import Foundation

extension FakeGitLab.State {
    public typealias Status = FakeGitLab.Status

    /// Why an action was refused, with GitLab's status code and message.
    public struct Refusal: Error, Sendable, Hashable {
        public var status: Int
        public var message: String
    }

    /// Moves a job to `status` at `now`, keeping its timestamps, durations, deployment and pipeline coherent
    /// the way GitLab does (queued time when it starts, duration when it finishes), then processes the pipeline
    /// as GitLab would: a finished stage releases the next, a failure or cancellation skips later stages.
    public mutating func setStatus(
        ofJob id: Int,
        to status: Status,
        at now: Date,
        failureReason: String? = nil,
        runner: (runnerID: Int, managerID: Int?)? = nil
    ) {
        guard jobs[id] != nil else { return }
        apply(status, toJob: id, at: now, failureReason: failureReason)
        if let runner {
            jobs[id]?.runnerID = runner.runnerID
            jobs[id]?.runnerManagerID = runner.managerID
        }
        touch(job: id, at: now)
    }

    /// The job's own fields for a new status, nothing else.
    mutating func apply(_ status: Status, toJob id: Int, at now: Date, failureReason: String? = nil) {
        guard var job = jobs[id] else { return }
        job.status = status
        job.failureReason = status == .failed ? (failureReason ?? job.failureReason ?? "script_failure") : nil
        switch status {
        case .created, .pending, .manual, .scheduled, .waitingForResource, .preparing:
            job.startedAt = nil
            job.finishedAt = nil
            job.duration = nil
            job.queuedDuration = nil
            if status == .pending { job.queuedAt = now }
        case .running, .canceling, .waitingForCallback:
            if job.startedAt == nil {
                job.startedAt = now
                job.queuedDuration = max(0, now.timeIntervalSince(job.queuedAt ?? job.createdAt))
            }
            job.finishedAt = nil
            job.duration = nil
        case .success, .failed, .canceled, .skipped:
            job.finishedAt = now
            job.duration = job.startedAt.map { now.timeIntervalSince($0) }
        }
        job.updatedAt = now
        jobs[id] = job
    }

    /// Marks the job, its deployment and its pipeline as changed at `now`, and processes the pipeline.
    public mutating func touch(job id: Int, at now: Date) {
        guard let job = jobs[id] else { return }
        jobs[id]?.updatedAt = now
        if let deployment = deployment(ofJob: id) { deployments[deployment.id]?.updatedAt = now }
        releaseStages(job.pipelineID, at: now)
        refreshPipeline(job.pipelineID, at: now)
    }

    /// Recomputes a pipeline's status, timestamps and durations from its current jobs, as GitLab's composite
    /// status does; `updated_at` becomes `now` (or, for seeding, the latest job event when `now` is nil). A
    /// child pipeline's change reaches the bridge that triggered it and that bridge's pipeline.
    public mutating func refreshPipeline(_ id: Int, at now: Date?) {
        guard var pipeline = pipelines[id] else { return }
        let current = jobs(inPipeline: id).filter { !$0.retried }
        guard !current.isEmpty else { return }
        pipeline.status = Self.compositeStatus(current)
        let starts = current.compactMap(\.startedAt)
        pipeline.startedAt = starts.min()
        if pipeline.status.isFinished || pipeline.status == .manual {
            pipeline.finishedAt = current.compactMap(\.finishedAt).max()
        } else {
            pipeline.finishedAt = nil
        }
        if let start = pipeline.startedAt, let end = pipeline.finishedAt {
            pipeline.duration = Int(end.timeIntervalSince(start).rounded())
        } else {
            pipeline.duration = nil
        }
        pipeline.queuedDuration = pipeline.startedAt.map { max(0, $0.timeIntervalSince(pipeline.createdAt)) }
        let events = current.flatMap { [$0.createdAt, $0.startedAt, $0.finishedAt].compactMap { $0 } }
        pipeline.updatedAt = now ?? max(pipeline.createdAt, events.max() ?? pipeline.createdAt)
        pipelines[id] = pipeline
        if let bridge = jobs.values.first(where: { $0.isBridge && $0.downstreamPipelineID == id && !$0.retried }),
            bridge.status != pipeline.status
        {
            jobs[bridge.id]?.status = pipeline.status
            jobs[bridge.id]?.startedAt = pipeline.startedAt
            jobs[bridge.id]?.finishedAt = pipeline.finishedAt
            jobs[bridge.id]?.duration = pipeline.duration.map(Double.init)
            jobs[bridge.id]?.updatedAt = pipeline.updatedAt
            refreshPipeline(bridge.pipelineID, at: now)
        }
    }

    /// GitLab's `Gitlab::Ci::Status::Composite`: failed jobs allowed to fail count as success with warnings,
    /// manual jobs allowed to fail are ignored.
    static func compositeStatus(_ jobs: [FakeGitLab.Job]) -> Status {
        var kinds: Set<String> = []
        for job in jobs {
            if job.allowFailure && job.status == .failed {
                kinds.insert("success_with_warnings")
            } else if job.allowFailure && job.status == .manual {
                kinds.insert("ignored")
            } else {
                kinds.insert(job.status.rawValue)
            }
        }
        func only(_ allowed: Set<String>) -> Bool { kinds.isSubset(of: allowed) }
        func any(_ wanted: Set<String>) -> Bool { !kinds.isDisjoint(with: wanted) }
        if only(["skipped", "ignored"]) { return .skipped }
        if only(["success", "skipped", "success_with_warnings", "ignored"]) { return .success }
        if only(["created", "success_with_warnings", "ignored"]) { return .created }
        if only(["preparing", "success_with_warnings", "ignored"]) { return .preparing }
        if only(["canceled", "success", "skipped", "success_with_warnings", "ignored"]) { return .canceled }
        if only(["pending", "created", "skipped", "success_with_warnings", "ignored"]) { return .pending }
        if any(["running", "pending", "canceling", "waiting_for_callback"]) { return .running }
        if any(["waiting_for_resource"]) { return .waitingForResource }
        if any(["manual"]) { return .manual }
        if any(["scheduled"]) { return .scheduled }
        if any(["preparing"]) { return .preparing }
        if any(["created"]) { return .running }
        return .failed
    }

    // MARK: Actions (what the POST endpoints do)

    /// `POST /jobs/:id/retry`: a new job (new id, same name, stage, tags and environment) replaces the finished
    /// one, which becomes `retried`; later stages skipped by the failure are created again. The new job is
    /// `pending` when the stages before it are done (else `created`, until they are).
    public mutating func retryJob(_ id: Int, at now: Date) throws(Refusal) -> FakeGitLab.Job {
        guard let old = jobs[id], old.status.isRetryable, !old.retried else {
            throw Refusal(status: 403, message: "403 Forbidden - Job is not retryable")
        }
        jobs[id]?.retried = true
        let new = FakeGitLab.Job(
            id: nextJobID,
            pipelineID: old.pipelineID,
            projectID: old.projectID,
            name: old.name,
            stage: old.stage,
            status: .created,
            tagList: old.tagList,
            allowFailure: old.allowFailure,
            isAction: old.isAction,
            createdAt: now,
            environment: old.environment,
            isBridge: old.isBridge,
            updatedAt: now
        )
        add(new)
        let stages = stages(ofPipeline: old.pipelineID)
        let position = stages.firstIndex(of: old.stage) ?? 0
        for job in jobs(inPipeline: old.pipelineID)
        where !job.retried && job.status == .skipped && (stages.firstIndex(of: job.stage) ?? 0) > position {
            apply(job.isAction ? .manual : .created, toJob: job.id, at: now)
        }
        touch(job: new.id, at: now)
        return jobs[new.id]!
    }

    /// `POST /jobs/:id/cancel`: an active, created or scheduled job becomes `canceled`.
    public mutating func cancelJob(_ id: Int, at now: Date) throws(Refusal) -> FakeGitLab.Job {
        guard let job = jobs[id], job.status.isCancelable else {
            throw Refusal(status: 403, message: "403 Forbidden - Job is not cancelable")
        }
        setStatus(ofJob: job.id, to: .canceled, at: now)
        return jobs[id]!
    }

    /// `POST /jobs/:id/play`: a `manual` or `scheduled` job becomes `pending`; a finished manual job is retried.
    public mutating func playJob(_ id: Int, at now: Date) throws(Refusal) -> FakeGitLab.Job {
        guard let job = jobs[id], job.isAction || job.status == .manual || job.status == .scheduled else {
            throw Refusal(status: 400, message: "400 Bad request - Unplayable Job")
        }
        switch job.status {
        case .manual, .scheduled:
            setStatus(ofJob: id, to: .pending, at: now)
            return jobs[id]!
        case let status where status.isRetryable && !job.retried:
            let new = try retryJob(id, at: now)
            if new.status == .manual { setStatus(ofJob: new.id, to: .pending, at: now) }
            return jobs[new.id]!
        default:
            throw Refusal(status: 400, message: "400 Bad request - Unplayable Job")
        }
    }

    /// `POST /pipelines/:id/retry`: retries the pipeline's failed and canceled jobs (none: nothing happens).
    @discardableResult
    public mutating func retryPipeline(_ id: Int, at now: Date) -> [FakeGitLab.Job] {
        var made: [FakeGitLab.Job] = []
        for job in jobs(inPipeline: id) where !job.retried && [.failed, .canceled].contains(job.status) {
            if let new = try? retryJob(job.id, at: now) { made.append(new) }
        }
        return made
    }

    /// `POST /pipelines/:id/cancel`: cancels every cancelable job; always succeeds.
    public mutating func cancelPipeline(_ id: Int, at now: Date) {
        let cancelable = jobs(inPipeline: id).filter { !$0.retried && $0.status.isCancelable }
        for job in cancelable { apply(.canceled, toJob: job.id, at: now) }
        if let last = cancelable.last { touch(job: last.id, at: now) }
    }
}
