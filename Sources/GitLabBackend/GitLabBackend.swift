import Foundation
import HTTPTransport
import SwitchboardCore

/// `kind: gitlab`: runner pools by tag, the watched projects' pipelines polled incrementally, job logs, and
/// retry, cancel and play, over GitLab's REST API v4.
public actor GitLabBackend: RunnerSource, PipelineSource, JobActions {
    public nonisolated let name: String
    public nonisolated var kind: String { "gitlab" }
    public nonisolated let settings: GitLabSettings
    public nonisolated let client: GitLabClient
    let now: @Sendable () -> Date

    var tracker: PipelineTracker
    var traces = TraceReader()
    var details: [Int: RunnerReader.Detail] = [:]
    var managersUnsupported = false
    /// Watched projects: id → path, and when the list was read.
    var projects: [Int: String] = [:]
    var projectsReadAt: Date?
    /// Projects that answered 403/404, left out until the project list is read again.
    var skipped: Set<Int> = []
    /// What each group's and configured project's last good read found, kept when a later read fails.
    var groupProjects: [String: [Int: String]] = [:]
    var configuredProjects: [String: (id: Int, path: String)] = [:]
    var inFlight: Task<Void, any Error>?
    /// Whether a pipelines poll has succeeded (runner queues and failure signals come from its jobs).
    var pipelinesRead = false
    /// Actions taken (a poll running across one must not be reused as if it saw it).
    var actions = 0
    /// The last good row of each runner, shown (as last read) when its own calls fail.
    var lastRunners: [Int: Runner] = [:]
    /// When the last pipelines poll finished; cleared by actions, whose effects the next poll must read.
    var polledAt: Date?
    static let reuseWindow: TimeInterval = 2

    static let projectListLifetime: TimeInterval = 600

    public init(
        settings: GitLabSettings,
        http: any HTTPClient,
        now: @escaping @Sendable () -> Date = { Date() }
    )
        throws
    {
        var client = GitLabClient(api: try GitLabClient.apiURL(settings.url), token: settings.token, http: http)
        client.timeout = settings.timeout
        self.init(settings: settings, client: client, now: now)
    }

    /// A backend with a client built by the caller (tests inject budgets, counters and sleeps).
    init(settings: GitLabSettings, client: GitLabClient, now: @escaping @Sendable () -> Date) {
        name = settings.name
        self.settings = settings
        self.client = client
        self.now = now
        tracker = PipelineTracker(keepPerProject: settings.pipelinesPerProject)
    }

    public nonisolated var defaultIntervals: [FeedID: TimeInterval] { [.runners: 60, .pipelines: 20] }

    public nonisolated var notices: [String] { settings.notices }

    // MARK: PipelineSource

    public func pipelines() async throws -> [Pipeline] {
        try await refreshPipelines()
        return tracker.model()
    }

    /// One poll of the watched pipelines; a poll already under way is joined rather than repeated (the runners
    /// feed asks for one at start, for its queues, while the pipelines feed asks too).
    func refreshPipelines() async throws {
        if let inFlight { return try await inFlight.value }
        // A poll that finished a moment ago (the runners feed's, at start) is as good as a new one.
        if let polledAt, abs(now().timeIntervalSince(polledAt)) < Self.reuseWindow { return }
        let actionsBefore = actions
        let poll = Task {
            // A project that fails is named at the end; the others are read all the same (and kept for the
            // next answer), so one broken project never stops the rest.
            var problems: [GitLabError] = []
            do throws(GitLabError) {
                problems += try await self.refreshProjects()
                problems += await self.listPipelines()
                try await self.readJobs()
            } catch {
                problems.append(error)
            }
            self.tracker.prune()
            if let first = problems.first {
                let message = problems.map(\.message).joined(separator: "; ")
                throw GitLabError(status: first.status, message: message).backendError
            }
        }
        inFlight = poll
        defer { inFlight = nil }
        try await poll.value
        pipelinesRead = true
        // An action during the poll: the poll may predate it, so the next ask polls again.
        if actions == actionsBefore { polledAt = now() }
    }

    public func log(jobID: Int, from offset: Int) async throws -> LogChunk {
        let (project, _, job) = try await locate(jobID)
        let raw: [UInt8]
        do {
            raw = try await client.text(
                "/projects/\(project)/jobs/\(jobID)/trace",
                route: "GET /projects/:id/jobs/:id/trace"
            )
        } catch let error where error.status == 404 {
            // No log yet (GitLab 404s a job that never ran, or whose log was erased): an empty log, as its UI.
            return LogChunk(jobID: jobID, offset: offset, lines: [], isComplete: !job.status.isActive)
        } catch {
            throw error.backendError
        }
        let finished = !job.status.isActive
        let (start, lines) = traces.lines(jobID: jobID, raw: raw, from: offset, finished: finished)
        return LogChunk(jobID: jobID, offset: start, lines: lines, isComplete: finished)
    }

    // MARK: JobActions

    public func retry(jobID: Int) async throws -> Job {
        try await act(
            on: jobID,
            verb: "retry",
            allowed: [.failed, .canceled, .success],
            "finished jobs can be retried"
        )
    }

    public func cancel(jobID: Int) async throws -> Job {
        let unfinished = Set(JobStatus.allCases.filter(\.isCancelable))
        return try await act(on: jobID, verb: "cancel", allowed: unfinished, "unfinished jobs can be canceled")
    }

    public func play(jobID: Int) async throws -> Job {
        try await act(on: jobID, verb: "play", allowed: [.manual], "manual jobs waiting to be started can be played")
    }

    public func retryPipeline(pipelineID: Int) async throws -> Pipeline {
        guard let tracked = tracker.pipelines[pipelineID] else {
            throw BackendError(.notFound, "Pipeline #\(pipelineID) is not among the pipelines Switchboard watches.")
        }
        let project = tracked.pipeline.project_id
        do {
            let pipeline = try await client.post(
                APIPipeline.self,
                "/projects/\(project)/pipelines/\(pipelineID)/retry",
                route: "POST /projects/:id/pipelines/:id/retry"
            )
            tracker.replace(pipeline: pipeline)
            acted()
        } catch {
            throw Self.actionError(error)
        }
        // GitLab has done it: a failure to read the result now is not the action's (the next poll reads it).
        try? await readJobs(of: [pipelineID])
        guard let updated = tracker.pipelines[pipelineID] else {
            throw BackendError(.notFound, "Pipeline #\(pipelineID) left the watched pipelines.")
        }
        return tracker.pipelineModel(updated)
    }

    private func act(on jobID: Int, verb: String, allowed: Set<JobStatus>, _ rule: String) async throws -> Job {
        let (project, pipeline, job) = try await locate(jobID)
        guard allowed.contains(job.status) else {
            throw BackendError(.invalidState, "Job #\(jobID) is \(job.status.label); only \(rule).")
        }
        let previous =
            tracker.pipelines[pipeline].map { PipelineTracker.latestAttempts($0.jobs) }?
            .first { $0.job.name == job.name && $0.job.stage == job.stage }?.attempt ?? 1
        let result: APIJob
        do {
            result = try await client.post(
                APIJob.self,
                "/projects/\(project)/jobs/\(jobID)/\(verb)",
                route: "POST /projects/:id/jobs/:id/\(verb)"
            )
        } catch {
            throw Self.actionError(error)
        }
        tracker.record(job: result, pipeline: result.pipeline?.id ?? pipeline)
        acted()
        return tracker.jobModel(result, attempt: result.id == jobID ? previous : previous + 1, project: project)
    }

    /// After an action: the next ask polls again, and a poll under way now is not reused.
    private func acted() {
        polledAt = nil
        actions += 1
    }

    /// Where a job lives and its status: from the watched pipelines, or, for a pipeline no longer kept but
    /// still open on screen, asked of GitLab.
    private func locate(_ jobID: Int) async throws -> (project: Int, pipeline: Int, job: APIJob) {
        if let found = tracker.locate(job: jobID) { return found }
        guard let former = tracker.formerJobs[jobID] else { throw Self.unknownJob(jobID) }
        do {
            let job = try await client.get(
                APIJob.self,
                "/projects/\(former.project)/jobs/\(jobID)",
                route: "GET /projects/:id/jobs/:id"
            )
            return (former.project, former.pipeline, job)
        } catch {
            throw error.backendError
        }
    }

    static func unknownJob(_ id: Int) -> BackendError {
        BackendError(
            .notFound,
            "Job #\(id) is not in a pipeline Switchboard watches; it may have aged out of the list."
        )
    }

    /// GitLab answers 403 for a job in the wrong state ("Job is not retryable"): that is a state, not access.
    static func actionError(_ error: GitLabError) -> BackendError {
        let lowered = error.message.lowercased()
        if error.status == 403,
            ["not retryable", "unplayable", "not playable", "cannot be canceled", "not cancelable"].contains(
                where: lowered.contains
            )
        {
            return BackendError(.invalidState, error.message)
        }
        return error.backendError
    }

    // MARK: Polling pipelines

    /// Newest change first, and only what changed after `since` when given (incremental listings).
    static func updatedSince(_ since: Date?) -> [(String, String)] {
        [("order_by", "updated_at"), ("sort", "desc")]
            + (since.map { [("updated_after", GitLabDate.format($0))] } ?? [])
    }

    /// 403 or 404: not there for this token (a project so answering is left out until the project list is
    /// read again; its deployments so answering are taken as unreadable).
    static func refusedOrMissing(_ error: GitLabError) -> Bool { error.status == 403 || error.status == 404 }

    /// A project's failure for the feed's message, saying when it is left out.
    static func problem(_ project: String, _ error: GitLabError) -> GitLabError {
        GitLabError(
            status: error.status,
            message: "\(project)\(refusedOrMissing(error) ? " left out for 10 min" : ""): \(error.message)"
        )
    }

    /// Reads the groups' project lists (and resolves the configured projects) every ten minutes. A group or
    /// project that cannot be read keeps what was known of it and is returned as a problem; a cancelled read
    /// throws.
    func refreshProjects() async throws(GitLabError) -> [GitLabError] {
        if let readAt = projectsReadAt, now().timeIntervalSince(readAt) < Self.projectListLifetime { return [] }
        var found: [Int: String] = [:]
        var problems: [GitLabError] = []
        for group in settings.groups {
            do throws(GitLabError) {
                let listed = try await client.all(
                    APIProject.self,
                    "/groups/\(GitLabClient.encode(group))/projects",
                    [("include_subgroups", "true"), ("archived", "false"), ("simple", "true"), ("order_by", "id")],
                    route: "GET /groups/:id/projects"
                )
                var mine: [Int: String] = [:]
                for project in listed where project.archived != true { mine[project.id] = project.path_with_namespace }
                groupProjects[group] = mine
                found.merge(mine) { $1 }
            } catch {
                if error == GitLabClient.cancelled { throw error }
                problems.append(GitLabError(status: error.status, message: "group \(group): \(error.message)"))
                found.merge(groupProjects[group] ?? [:]) { $1 }
            }
        }
        for path in settings.projects {
            do throws(GitLabError) {
                let project = try await client.get(
                    APIProject.self,
                    "/projects/\(GitLabClient.encode(path))",
                    route: "GET /projects/:id"
                )
                found[project.id] = project.path_with_namespace
                configuredProjects[path] = (project.id, project.path_with_namespace)
            } catch {
                if error == GitLabClient.cancelled { throw error }
                problems.append(Self.problem("project \(path)", error))
                if !Self.refusedOrMissing(error), let known = configuredProjects[path] { found[known.id] = known.path }
            }
        }
        projects = found
        projectsReadAt = now()
        skipped = []
        return problems
    }

    /// Lists each project's pipelines updated since the last listing (the newest few at first); returns the
    /// projects that failed (those answering 403/404 are left out until the project list is read again).
    func listPipelines() async -> [GitLabError] {
        let watched = projects.keys.filter { !skipped.contains($0) }.sorted()
        let plans = watched.map { id in (id: id, since: tracker.listedSince(project: id)) }
        let keep = settings.pipelinesPerProject
        let client = self.client
        let results = await concurrently(plans, limit: settings.concurrency) { plan throws(GitLabError) in
            try await client.all(
                APIPipeline.self,
                "/projects/\(plan.id)/pipelines",
                Self.updatedSince(plan.since),
                route: "GET /projects/:id/pipelines",
                limit: plan.since == nil ? keep : 500
            )
        }
        var problems: [GitLabError] = []
        for (plan, result) in zip(plans, results) {
            let path = projects[plan.id] ?? "project \(plan.id)"
            switch result {
            case .success(let listed):
                tracker.merge(listed: listed, project: plan.id, path: path)
            case .failure(let error):
                if Self.refusedOrMissing(error) { skipped.insert(plan.id) }
                problems.append(Self.problem(path, error))
            }
        }
        return problems
    }

    /// Reads the jobs of every pipeline that needs it; for new or changed ones also their trigger jobs
    /// (downstream pipelines found on the way are read too) and their projects' deployments (which job deploys
    /// where). A pipeline that is only still running costs one call.
    func readJobs(of only: [Int]? = nil) async throws(GitLabError) {
        var rounds = 0
        var pending = only ?? tracker.needingJobs
        var processed: Set<Int> = []
        var firstError: GitLabError?
        while !pending.isEmpty && rounds < 3 {
            rounds += 1
            let targets = pending.compactMap { id in
                tracker.pipelines[id].map {
                    (
                        id: id, project: $0.pipeline.project_id, generation: $0.generation,
                        full: only != nil || tracker.needsFullRead(id)
                    )
                }
            }
            let client = self.client
            let results = await concurrently(targets, limit: settings.concurrency) { target throws(GitLabError) in
                let base = "/projects/\(target.project)/pipelines/\(target.id)"
                let jobs = try await client.all(
                    APIJob.self,
                    base + "/jobs",
                    [("include_retried", "true")],
                    route: "GET /projects/:id/pipelines/:id/jobs"
                )
                guard target.full else { return (jobs, [APIJob]?.none) }
                let bridges = try await client.all(
                    APIJob.self,
                    base + "/bridges",
                    route: "GET /projects/:id/pipelines/:id/bridges"
                )
                return (jobs, Optional(bridges))
            }
            if let error = await readDeployments(projects: Set(targets.filter(\.full).map(\.project))) {
                firstError = firstError ?? error
            }
            for (target, result) in zip(targets, results) {
                switch result {
                case .success(let (jobs, bridges)):
                    tracker.setJobs(
                        pipeline: target.id,
                        jobs: jobs,
                        bridges: bridges,
                        projectPaths: projects,
                        generation: target.generation
                    )
                case .failure(let error) where error.status == 404:
                    tracker.remove(pipeline: target.id)  // deleted since it was listed
                case .failure(let error):
                    firstError = firstError ?? error
                }
            }
            // An action's follow-up reads its pipeline only; a poll goes on to downstream pipelines it found.
            if only != nil { break }
            processed.formUnion(pending)
            pending = tracker.needingJobs.filter { !processed.contains($0) }
        }
        if let firstError { throw firstError }
    }

    /// Which jobs deploy to which environment, from the deployments updated since the last read. A project
    /// whose deployments cannot be read (no access, or more changed than one read takes) has its
    /// production-named jobs treated as production deploys. Returns the first other failure.
    func readDeployments(projects ids: Set<Int>) async -> GitLabError? {
        let plans = ids.sorted().map { (id: $0, since: tracker.deploymentsSince(project: $0)) }
        let client = self.client
        let limit = 100
        let results = await concurrently(plans, limit: settings.concurrency) { plan throws(GitLabError) in
            try await client.all(
                APIDeployment.self,
                "/projects/\(plan.id)/deployments",
                Self.updatedSince(plan.since),
                route: "GET /projects/:id/deployments",
                limit: limit
            )
        }
        var firstError: GitLabError?
        for (plan, result) in zip(plans, results) {
            switch result {
            case .success(let deployments):
                tracker.merge(deployments: deployments, project: plan.id)
                if deployments.count >= limit { tracker.deploymentsUnreadable(project: plan.id) }
            case .failure(let error) where Self.refusedOrMissing(error):
                tracker.deploymentsUnreadable(project: plan.id)
            case .failure(let error):
                firstError = firstError ?? error
            }
        }
        return firstError
    }

    // MARK: RunnerSource

    public func runners() async throws -> RunnerInventory {
        // Queues and failure signals come from the watched pipelines' jobs: read them first if never read.
        if !pipelinesRead { try? await refreshPipelines() }
        let reader = RunnerReader(settings: settings, client: client)
        let pools: [(spec: PoolSpec, runners: [APIRunner])]
        do throws(GitLabError) {
            pools = try await reader.listPools()
        } catch {
            throw error.backendError
        }
        let time = now()
        let everyRunner = pools.flatMap(\.runners)
        let cached = details
        let askManagers = !managersUnsupported
        let results = await concurrently(everyRunner, limit: settings.concurrency) { listed throws(GitLabError) in
            try await reader.read(listed, cached: cached[listed.id], askManagers: askManagers, at: time)
        }
        var failures: [String] = []
        var byID: [Int: Runner] = [:]
        var asked = 0
        var missing = 0
        for (listed, result) in zip(everyRunner, results) {
            switch result {
            case .success(let reading):
                if let detail = reading.detail { details[listed.id] = detail }
                if reading.managers != nil || reading.managersMissing { asked += 1 }
                if reading.managersMissing { missing += 1 }
                byID[listed.id] = RunnerReader.model(
                    listed: listed,
                    detail: reading.detail?.runner,
                    managers: reading.managers,
                    running: reading.running,
                    concurrent: settings.concurrent,
                    now: time
                )
            case .failure(let error):
                failures.append("runner #\(listed.id): \(error.message)")
                // Its last good row, as last read, rather than zeros.
                byID[listed.id] =
                    lastRunners[listed.id]
                    ?? RunnerReader.model(
                        listed: listed,
                        detail: details[listed.id]?.runner,
                        managers: nil,
                        running: 0,
                        concurrent: settings.concurrent,
                        now: time
                    )
            }
        }
        // An instance without the managers endpoint answers 404 for every runner; one runner deleted since the
        // listing answers 404 alone.
        if asked > 1 && missing == asked { managersUnsupported = true }
        if failures.count == everyRunner.count, let first = failures.first, !everyRunner.isEmpty {
            throw BackendError(.unavailable, first)
        }
        lastRunners = byID
        let jobs = tracker.latestJobs
        let models = pools.map { pool in
            RunnerPool(
                name: pool.spec.name,
                tags: pool.spec.tags,
                runners: pool.runners.compactMap { byID[$0.id] },
                queuedJobs: RunnerReader.queue(for: pool.spec, jobs: jobs),
                failureSignals: RunnerReader.signals(for: pool.spec, jobs: jobs, now: time)
            )
        }
        let stale =
            failures.isEmpty
            ? nil
            : [name: "\(failures.count) of \(everyRunner.count) runners as last read (\(failures[0]))"]
        return RunnerInventory(pools: models, agentTemplates: [], staleParts: stale)
    }
}
