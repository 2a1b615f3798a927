import Foundation
import SwitchboardCore

/// What is known of the watched projects' pipelines between polls, and the decisions of incremental polling:
/// which pipelines need their jobs read again (new, changed `updated_at`, still active, or acted on), from when
/// to list each project next, and which pipelines to keep. Pure: the backend does the I/O.
struct PipelineTracker: Sendable {
    struct Tracked: Sendable {
        var pipeline: APIPipeline
        var project: String
        var jobs: [APIJob] = []
        var bridges: [APIJob] = []
        /// The `updated_at` the jobs were last read for.
        var jobsReadFor: Date?
        /// False until the jobs are read, and again after an action on the pipeline.
        var jobsRead = false
        /// The pipeline whose trigger job started this one.
        var parentID: Int?
        /// Bumped by every action on the pipeline: a read that started before it must not undo what it did.
        var generation = 0

        /// New, changed or acted on: its jobs, trigger jobs and project's deployments are read.
        var needsFullRead: Bool { !jobsRead || jobsReadFor != pipeline.updated_at }
    }

    /// Listing overlaps the previous one by this much, so a pipeline updated while the last listing ran is not
    /// missed (its `updated_at` is then compared, so the overlap costs no job reads).
    static let overlap: TimeInterval = 30

    private(set) var pipelines: [Int: Tracked] = [:]
    /// Per project id: the newest `updated_at` seen (GitLab's clock, so the local clock's skew does not matter).
    private(set) var cursors: [Int: Date] = [:]
    /// Job id → deployment environment, from the projects' deployments.
    private(set) var environments: [Int: String] = [:]
    /// Per project id: the newest deployment `updated_at` seen.
    private(set) var deploymentCursors: [Int: Date] = [:]
    /// Projects whose deployments could not be read (no access): their jobs' environments are unknown.
    private(set) var deploymentsUnreadable: Set<Int> = []
    /// Where jobs of pipelines no longer kept lived (job id → project, pipeline), so an action or a log on a
    /// pipeline still open on screen works; bounded.
    private(set) var formerJobs: [Int: (project: Int, pipeline: Int)] = [:]
    static let formerJobsKept = 5_000
    let keepPerProject: Int

    init(keepPerProject: Int) { self.keepPerProject = keepPerProject }

    /// `updated_after` for the next listing of a project, or nil for a first listing.
    func listedSince(project: Int) -> Date? {
        cursors[project].map { $0.addingTimeInterval(-Self.overlap) }
    }

    func deploymentsSince(project: Int) -> Date? {
        deploymentCursors[project].map { $0.addingTimeInterval(-Self.overlap) }
    }

    /// Takes in a project's listing (moving its cursor on).
    mutating func merge(listed: [APIPipeline], project: Int, path: String) {
        for pipeline in listed {
            if let updated = pipeline.updated_at { cursors[project] = max(cursors[project] ?? updated, updated) }
            if var known = pipelines[pipeline.id] {
                known.pipeline = pipeline
                pipelines[pipeline.id] = known
            } else {
                pipelines[pipeline.id] = Tracked(pipeline: pipeline, project: path)
            }
        }
    }

    /// The pipelines whose jobs to read now: never read, changed since, or still running.
    var needingJobs: [Int] {
        pipelines.values.filter { $0.needsFullRead || $0.pipeline.status.isActive }.map(\.pipeline.id).sorted()
    }

    /// Whether a pipeline must be read in full (jobs, trigger jobs, its project's deployments): it is new,
    /// changed or acted on. A pipeline that is only still running needs its jobs alone.
    func needsFullRead(_ id: Int) -> Bool { pipelines[id]?.needsFullRead ?? false }

    /// Takes in a pipeline's jobs and (when read) trigger jobs; trigger jobs' downstream pipelines become
    /// tracked too.
    /// `generation` is the pipeline's when the read started: a read overtaken by an action is dropped.
    mutating func setJobs(
        pipeline id: Int,
        jobs: [APIJob],
        bridges freshBridges: [APIJob]?,
        projectPaths: [Int: String],
        generation: Int
    ) {
        guard var tracked = pipelines[id], tracked.generation == generation else { return }
        tracked.jobs = jobs
        if let freshBridges { tracked.bridges = freshBridges }
        tracked.jobsRead = true
        tracked.jobsReadFor = tracked.pipeline.updated_at
        // A pipeline known only through its trigger job is not listed: its status follows its jobs.
        if tracked.parentID != nil, !jobs.isEmpty {
            let latest = Self.latestAttempts(jobs).map(\.job)
            tracked.pipeline.status = Pipeline.aggregate(latest.map(\.status))
            let times = latest.flatMap { [$0.created_at, $0.started_at, $0.finished_at] }.compactMap { $0 }
            if let newest = times.max() {
                tracked.pipeline.updated_at = max(tracked.pipeline.updated_at ?? newest, newest)
                tracked.jobsReadFor = tracked.pipeline.updated_at
            }
        }
        pipelines[id] = tracked
        for bridge in freshBridges ?? [] {
            guard let downstream = bridge.downstream_pipeline else { continue }
            let projectID = downstream.project_id ?? tracked.pipeline.project_id
            let listed = APIPipeline(
                id: downstream.id,
                iid: nil,
                project_id: projectID,
                status: downstream.status ?? .unknown,
                source: "parent_pipeline",
                ref: downstream.ref ?? tracked.pipeline.ref,
                sha: downstream.sha ?? tracked.pipeline.sha,
                created_at: pipelines[downstream.id]?.pipeline.created_at ?? bridge.created_at,
                updated_at: downstream.updated_at ?? bridge.finished_at ?? bridge.started_at ?? bridge.created_at
            )
            // A downstream pipeline its own project's listing shows (multi-project) keeps that listing's data.
            if let known = pipelines[downstream.id], known.parentID == nil { continue }
            var child =
                pipelines[downstream.id]
                ?? Tracked(pipeline: listed, project: projectPaths[projectID] ?? "project \(projectID)")
            if child.pipeline.updated_at.map({ $0 <= (listed.updated_at ?? $0) }) ?? true {
                child.pipeline = listed
            }
            child.parentID = id
            pipelines[downstream.id] = child
        }
    }

    /// Forgets a pipeline GitLab no longer has (deleted since it was listed).
    mutating func remove(pipeline id: Int) {
        for job in pipelines[id]?.jobs ?? [] { environments[job.id] = nil }
        pipelines[id] = nil
    }

    /// Adds a job an action created or changed (a retry's new attempt, a played job).
    mutating func record(job: APIJob, pipeline id: Int) {
        guard var tracked = pipelines[id] else { return }
        if let index = tracked.jobs.firstIndex(where: { $0.id == job.id }) {
            tracked.jobs[index] = job
        } else {
            tracked.jobs.append(job)
        }
        pipelines[id] = tracked
        actedOn(id)
    }

    /// Takes in the pipeline an action on it answered with (a pipeline retry).
    mutating func replace(pipeline: APIPipeline) {
        pipelines[pipeline.id]?.pipeline = pipeline
        actedOn(pipeline.id)
    }

    /// After an action: its jobs are read again, and no read begun before it may land.
    private mutating func actedOn(_ id: Int) {
        pipelines[id]?.jobsRead = false
        pipelines[id]?.generation += 1
    }

    mutating func deploymentsUnreadable(project: Int) { deploymentsUnreadable.insert(project) }

    /// Takes in a project's deployments (which job deploys where), moving its deployments cursor on.
    mutating func merge(deployments: [APIDeployment], project: Int) {
        for deployment in deployments {
            if let job = deployment.deployable?.id, let name = deployment.environment?.name { environments[job] = name }
        }
        if let newest = deployments.compactMap(\.updated_at).max() {
            deploymentCursors[project] = max(deploymentCursors[project] ?? newest, newest)
        }
    }

    /// Keeps the newest `keepPerProject` top-level pipelines of each project, every active one, and their
    /// downstream pipelines; forgets the rest (and their jobs' environments).
    mutating func prune() {
        var keep: Set<Int> = []
        let topLevel = pipelines.values.filter { $0.parentID == nil }
        for (_, group) in Dictionary(grouping: topLevel, by: \.pipeline.project_id) {
            let newest = group.sorted { a, b in
                (a.pipeline.updated_at ?? .distantPast, a.pipeline.id) > (
                    b.pipeline.updated_at ?? .distantPast, b.pipeline.id
                )
            }
            for (rank, tracked) in newest.enumerated() where rank < keepPerProject || tracked.pipeline.status.isActive {
                keep.insert(tracked.pipeline.id)
            }
        }
        var grew = true
        while grew {
            grew = false
            for tracked in pipelines.values where !keep.contains(tracked.pipeline.id) {
                if let parent = tracked.parentID, keep.contains(parent) {
                    keep.insert(tracked.pipeline.id)
                    grew = true
                }
            }
        }
        let dropped = pipelines.keys.filter { !keep.contains($0) }
        for id in dropped {
            guard let tracked = pipelines[id] else { continue }
            for job in tracked.jobs + tracked.bridges {
                formerJobs[job.id] = (tracked.pipeline.project_id, id)
            }
            pipelines[id] = nil
        }
        if formerJobs.count > Self.formerJobsKept {
            for id in formerJobs.keys.sorted().prefix(formerJobs.count - Self.formerJobsKept) { formerJobs[id] = nil }
        }
        // Environments only of jobs still shown (deployments also name jobs of pipelines never kept).
        let shown = Set(pipelines.values.flatMap { $0.jobs.map(\.id) })
        environments = environments.filter { shown.contains($0.key) }
    }

    /// Where a job lives, and its status as last read.
    func locate(job id: Int) -> (project: Int, pipeline: Int, job: APIJob)? {
        for tracked in pipelines.values {
            if let job = tracked.jobs.first(where: { $0.id == id }) ?? tracked.bridges.first(where: { $0.id == id }) {
                return (tracked.pipeline.project_id, tracked.pipeline.id, job)
            }
        }
        return nil
    }

    /// Every job's latest attempt, across pipelines (for queues and failure signals).
    var latestJobs: [APIJob] { pipelines.values.flatMap { Self.latestAttempts($0.jobs).map(\.job) } }

    // MARK: The model

    /// The pipelines, newest first.
    func model() -> [Pipeline] {
        pipelines.values.map(pipelineModel).sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
    }

    func pipelineModel(_ tracked: Tracked) -> Pipeline {
        let api = tracked.pipeline
        let attempts = Self.latestAttempts(tracked.jobs + tracked.bridges)
        var stageOrder: [String: Int] = [:]
        for job in tracked.jobs + tracked.bridges {
            let stage = job.stage ?? "test"
            stageOrder[stage] = min(stageOrder[stage] ?? job.id, job.id)
        }
        let byStage = Dictionary(grouping: attempts) { $0.job.stage ?? "test" }
        let stages = byStage.keys.sorted { (stageOrder[$0] ?? 0, $0) < (stageOrder[$1] ?? 0, $1) }.map { name in
            Stage(
                name: name,
                jobs: (byStage[name] ?? []).sorted { $0.firstID < $1.firstID }.map {
                    jobModel($0.job, attempt: $0.attempt, project: api.project_id)
                }
            )
        }
        let created = api.created_at ?? api.updated_at ?? Date(timeIntervalSince1970: 0)
        return Pipeline(
            id: api.id,
            project: tracked.project,
            ref: api.ref ?? "",
            sha: api.sha ?? "",
            source: api.source ?? "",
            status: api.status,
            createdAt: created,
            updatedAt: api.updated_at ?? created,
            stages: stages
        )
    }

    func jobModel(_ job: APIJob, attempt: Int, project: Int) -> Job {
        Job(
            id: job.id,
            name: job.name,
            stage: job.stage ?? "test",
            status: job.status,
            tags: job.tag_list ?? [],
            runnerID: job.runner?.id,
            isManual: job.status == .manual,
            environment: environment(of: job, project: project),
            attempt: attempt,
            createdAt: job.created_at ?? Date(timeIntervalSince1970: 0),
            startedAt: job.started_at,
            finishedAt: job.finished_at,
            failureReason: job.status == .failed ? job.failure_reason : nil
        )
    }

    /// The job's deployment environment; where the project's deployments cannot be read, a job whose name or
    /// stage says production is taken to deploy there (`production?`), so acting on it still asks for the word.
    func environment(of job: APIJob, project: Int) -> String? {
        if let known = environments[job.id] { return known }
        guard deploymentsUnreadable.contains(project) else { return nil }
        return Job.namesProduction(job.name + " " + (job.stage ?? "")) ? "production?" : nil
    }

    /// The newest attempt of each (stage, name), its attempt number, and the id of the first attempt (which
    /// keeps the job's place in its stage).
    static func latestAttempts(_ jobs: [APIJob]) -> [(job: APIJob, attempt: Int, firstID: Int)] {
        let groups = Dictionary(grouping: jobs) { "\($0.stage ?? "")\u{1F}\($0.name)" }
        return groups.values.compactMap { group in
            guard let latest = group.max(by: { $0.id < $1.id }), let first = group.min(by: { $0.id < $1.id }) else {
                return nil
            }
            return (latest, group.count, first.id)
        }
    }
}
