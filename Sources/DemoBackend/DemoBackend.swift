import Foundation
import SwitchboardCore

/// The embedded demo estate: a Control Tower organisation, both CI trust paths (GitLab runners on EKS with kube2iam,
/// Jenkins agents on ECS), three runner pools and a stream of pipelines that progress, fail and get retried over
/// simulated time. Deterministic: the same seed, scale, clock time and sequence of retries and cancels give the same
/// answers. Pipelines are a pure function of the time and the recorded actions, so any moment is instant to compute.
public actor DemoBackend: OrganizationSource, IdentitySource, RunnerSource, PipelineSource, JobActions {
    public static let defaultSeed: UInt64 = 42
    /// The start of simulated time: 2026-03-02T09:00:00Z.
    public static let epoch: Date = DemoTime.epoch

    public nonisolated let name: String
    public nonisolated let kind = "demo"
    public nonisolated let seed: UInt64
    public nonisolated let scale: Int

    let clock: any WallClock
    private let simulation: DemoSimulation
    let layout: DemoOrganization
    private let agents: DemoAgents
    private var identity: IdentityInventory?
    /// Recorded retries and cancels, by pipeline id, in time order.
    private var actions: [Int: [DemoAction]] = [:]
    /// The pipeline and job index of every retry's new job id.
    private var retried: [Int: (pipelineID: Int, index: Int)] = [:]
    private var nextRetryID = DemoSimulation.retryIDBase
    private var cached: DemoSnapshot?
    /// Simulated sessions, by the profile or role ARN they were assumed for.
    var sessionsByTarget: [String: SessionSummary] = [:]

    public init(seed: UInt64 = DemoBackend.defaultSeed, scale: Int = 1, clock: any WallClock, name: String = "demo") {
        self.name = name
        self.seed = seed
        self.scale = max(1, scale)
        self.clock = clock
        simulation = DemoSimulation(seed: seed, scale: self.scale)
        layout = DemoOrganization(seed: seed, scale: self.scale)
        agents = DemoAgents(seed: seed, scale: self.scale, organization: layout)
    }

    // MARK: OrganizationSource, IdentitySource, RunnerSource

    public func organization() async throws -> Organization { layout.organization }

    public func identityInventory() async throws -> IdentityInventory {
        if let identity { return identity }
        var builder = DemoIdentity(seed: seed, organization: layout, agents: agents)
        let inventory = builder.inventory()
        identity = inventory
        return inventory
    }

    public func runners() async throws -> RunnerInventory {
        let snapshot = currentSnapshot()
        return RunnerInventory(
            pools: snapshot.pools(fleet: simulation.fleet),
            agentTemplates: agents.templates(at: snapshot.time)
        )
    }

    // MARK: PipelineSource

    public func pipelines() async throws -> [Pipeline] { currentSnapshot().pipelines }

    public func log(jobID: Int, from offset: Int) async throws -> LogChunk {
        let found = try locate(jobID: jobID)
        let log = DemoLog(found: found, simulation: simulation, layout: layout)
        return log.chunk(from: offset)
    }

    // MARK: JobActions

    public func retry(jobID: Int) async throws -> Job {
        let found = try locate(jobID: jobID)
        if !found.isLatest, let latest = found.run.attempts[found.jobIndex].last {
            throw BackendError(.invalidState, "Job #\(jobID) was already retried as job #\(latest.id).")
        }
        guard found.status.isRetryable else {
            throw BackendError(
                .invalidState,
                "Job #\(jobID) is \(found.status.label); only failed or canceled jobs can be retried."
            )
        }
        let newID = nextRetryID
        nextRetryID += 1
        retried[newID] = (found.run.id, found.jobIndex)
        record(DemoAction(jobIndex: found.jobIndex, kind: .retry(newJobID: newID), time: found.time), on: found.run.id)
        return try locate(jobID: newID).job
    }

    public func cancel(jobID: Int) async throws -> Job {
        let found = try locate(jobID: jobID)
        guard found.status.isCancelable else {
            throw BackendError(
                .invalidState,
                "Job #\(jobID) is \(found.status.label); only created, pending or running jobs can be canceled."
            )
        }
        record(DemoAction(jobIndex: found.jobIndex, kind: .cancel, time: found.time), on: found.run.id)
        return try locate(jobID: jobID).job
    }

    public func play(jobID: Int) async throws -> Job {
        let found = try locate(jobID: jobID)
        guard found.status == .manual else {
            throw BackendError(
                .invalidState,
                "Job #\(jobID) is \(found.status.label); only manual jobs waiting to be started can be played."
            )
        }
        record(DemoAction(jobIndex: found.jobIndex, kind: .play, time: found.time), on: found.run.id)
        return try locate(jobID: jobID).job
    }

    public func retryPipeline(pipelineID: Int) async throws -> Pipeline {
        guard let pipeline = currentSnapshot().pipelines.first(where: { $0.id == pipelineID }) else {
            throw BackendError(.notFound, "Pipeline #\(pipelineID) is not among the demo estate's recent pipelines.")
        }
        let retryable = pipeline.jobs.filter(\.status.isRetryable)
        guard !retryable.isEmpty else {
            throw BackendError(
                .invalidState,
                "Pipeline #\(pipelineID) has no failed or canceled job to retry (it is \(pipeline.status.label))."
            )
        }
        for job in retryable { _ = try await retry(jobID: job.id) }
        guard let updated = currentSnapshot().pipelines.first(where: { $0.id == pipelineID }) else {
            throw BackendError(.notFound, "Pipeline #\(pipelineID) left the demo estate's recent pipelines.")
        }
        return updated
    }

    // MARK: Internals

    private func now() -> Double { DemoTime.seconds(clock.now()) }

    /// The snapshot at the clock's time, reused while neither the time nor the actions change.
    private func currentSnapshot() -> DemoSnapshot {
        let time = now()
        if let cached, cached.time == time { return cached }
        let snapshot = DemoSnapshot(simulation: simulation, actions: actions, now: time)
        cached = snapshot
        return snapshot
    }

    private func record(_ action: DemoAction, on pipelineID: Int) {
        var list = actions[pipelineID, default: []]
        let position = list.lastIndex { $0.time <= action.time }.map { $0 + 1 } ?? 0
        list.insert(action, at: position)
        actions[pipelineID] = list
        cached = nil
    }

    /// Finds a job (any attempt) as it stands now.
    private func locate(jobID: Int) throws -> DemoLocatedJob {
        let notFound = BackendError(.notFound, "Job #\(jobID) does not exist in the demo estate.")
        guard let pipelineID = retried[jobID]?.pipelineID ?? simulation.firstAttempt(jobID: jobID)?.pipelineID else {
            throw notFound
        }
        let snapshot = currentSnapshot()
        let time = snapshot.time
        let run: DemoPipelineRun
        if let index = snapshot.runIndex[pipelineID] {
            run = snapshot.runs[index]
        } else {
            let recorded = actions[pipelineID].map { $0.filter { $0.time <= time } } ?? []
            guard let older = simulation.run(id: pipelineID, actions: recorded, now: time) else { throw notFound }
            run = older
        }
        guard let (job, attempt) = run.locate(jobID: jobID) else { throw notFound }
        return DemoLocatedJob(simulation: simulation, run: run, jobIndex: job, attemptIndex: attempt, time: time)
    }
}
