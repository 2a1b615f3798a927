import SwitchboardCore

extension DemoPipelineRun {
    /// The pipeline as GitLab shows it at `now`: each job's latest attempt.
    func pipeline(project: DemoProject, fleet: DemoRunnerFleet, now: Double) -> Pipeline {
        var stages: [Stage] = []
        var updated = createdAt
        var stageJobs: [Job] = []
        for index in 0..<jobCount {
            let spec = project.jobs[index]
            if index > 0, spec.stage != project.jobs[index - 1].stage {
                stages.append(Stage(name: project.stages[spec.stage - 1], jobs: stageJobs))
                stageJobs = []
            }
            guard let latest = attempts[index].last else { continue }
            let status = statuses[index]
            let job = Self.job(latest, spec: spec, project: project, status: status, fleet: fleet, now: now)
            updated = max(updated, Self.lastEvent(latest, status: status, blockedAt: blockedAt[index], now: now))
            stageJobs.append(job)
        }
        if jobCount > 0 {
            stages.append(Stage(name: project.stages[project.jobs[jobCount - 1].stage], jobs: stageJobs))
        }
        return Pipeline(
            id: id,
            project: project.path,
            ref: ref,
            sha: sha,
            source: source,
            status: Pipeline.aggregate(statuses),
            createdAt: DemoTime.date(createdAt),
            updatedAt: DemoTime.date(updated),
            stages: stages
        )
    }

    /// The attempt as a `Job` at `now`.
    static func job(
        _ attempt: DemoAttempt,
        spec: DemoJobSpec,
        project: DemoProject,
        status: JobStatus,
        fleet: DemoRunnerFleet,
        now: Double
    ) -> Job {
        let started = attempt.hasStarted(by: now)
        let finished = attempt.finishedAt(at: now, status: status)
        return Job(
            id: attempt.id,
            name: spec.name,
            stage: project.stages[spec.stage],
            status: status,
            tags: fleet.poolTags[spec.pool],
            runnerID: started ? attempt.runner.map { fleet.entries[$0].id } : nil,
            isManual: spec.isManual,
            environment: spec.environment,
            attempt: attempt.number,
            createdAt: DemoTime.date(attempt.createdAt),
            startedAt: started ? attempt.startAt.map(DemoTime.date) : nil,
            finishedAt: finished.map(DemoTime.date),
            failureReason: status == .failed ? attempt.failureReason : nil
        )
    }

    /// The latest moment at or before `now` when the attempt changed.
    private static func lastEvent(_ attempt: DemoAttempt, status: JobStatus, blockedAt: Double, now: Double) -> Double {
        let limit = min(now, attempt.canceledAt ?? now)
        var latest = attempt.createdAt
        for time in [attempt.readyAt, attempt.queuedAt, attempt.startAt, attempt.endAt, attempt.canceledAt] {
            if let time, time <= limit { latest = max(latest, time) }
        }
        if status == .skipped { latest = max(latest, blockedAt) }
        return latest
    }
}
