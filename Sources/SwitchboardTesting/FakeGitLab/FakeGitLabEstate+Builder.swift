import Foundation

extension FakeGitLabEstate {
    /// Seeds a `FakeGitLab.State` in terms of "minutes ago" and "seconds after the pipeline started", placing
    /// jobs that ran on a matching runner's pod and giving them a log.
    struct Builder {
        typealias Status = FakeGitLab.Status
        var state = FakeGitLab.State()
        let now: Date

        init(now: Date) { self.now = now }

        func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

        mutating func runner(
            _ id: Int,
            _ description: String,
            tags: [String],
            type: FakeGitLab.RunnerType = .group,
            status: FakeGitLab.RunnerStatus = .online,
            paused: Bool = false,
            groups: [Int] = [],
            projects: [Int] = [],
            pods: [(contactedAgo: Double?, version: String)]
        ) {
            let managers = pods.enumerated().map { index, pod in
                let managerID = id * 10 + index + 1
                return FakeGitLab.RunnerManager(
                    id: managerID,
                    systemID: "s_" + FakeGitLabEstate.sha(managerID).prefix(12),
                    version: pod.version,
                    createdAt: ago(86_400 * 3 + Double(managerID % 97) * 60),
                    contactedAt: pod.contactedAgo.map(ago),
                    ipAddress: "10.20.\(id % 250).\(index + 10)",
                    status: Self.liveness(pod.contactedAgo)
                )
            }
            let latest = managers.max { ($0.contactedAt ?? .distantPast) < ($1.contactedAt ?? .distantPast) }
            state.add(
                FakeGitLab.Runner(
                    id: id,
                    description: description,
                    runnerType: type,
                    paused: paused,
                    status: status,
                    tagList: tags,
                    version: latest?.version ?? "17.5.1",
                    contactedAt: latest?.contactedAt,
                    createdAt: ago(86_400 * 90),
                    groupIDs: groups,
                    projectIDs: projects,
                    managers: managers
                )
            )
        }

        /// GitLab's rule: contact within 2 h is online, within 7 days offline, else stale.
        static func liveness(_ contactedAgo: Double?) -> FakeGitLab.RunnerStatus {
            guard let contactedAgo else { return .neverContacted }
            if contactedAgo < 7_200 { return .online }
            return contactedAgo < 7 * 86_400 ? .offline : .stale
        }

        @discardableResult
        mutating func pipeline(
            _ id: Int,
            iid: Int,
            project: Int,
            ref: String = "main",
            source: String = "push",
            minutesAgo: Double,
            title: String
        ) -> Int {
            state.add(
                FakeGitLab.Pipeline(
                    id: id,
                    iid: iid,
                    projectID: project,
                    source: source,
                    ref: ref,
                    sha: FakeGitLabEstate.sha(id),
                    commitTitle: title,
                    createdAt: ago(minutesAgo * 60)
                )
            )
            return id
        }

        /// Job `number` of `pipeline` gets the id `pipeline * 10 + number`. `start` is seconds after the
        /// pipeline was created (nil: never started); `run` its duration once finished.
        @discardableResult
        mutating func job(
            _ number: Int,
            of pipeline: Int,
            _ name: String,
            stage: String,
            _ status: Status,
            tags: [String] = [],
            start: Double? = nil,
            run: Double? = nil,
            failure: String? = nil,
            allowFailure: Bool = false,
            action: Bool = false,
            environment: String? = nil,
            bridge: Bool = false,
            downstream: Int? = nil,
            retried: Bool = false,
            id explicitID: Int? = nil
        ) -> Int {
            let id = explicitID ?? pipeline * 10 + number
            let owner = state.pipelines[pipeline]!
            let started = start.map { owner.createdAt.addingTimeInterval($0) }
            let finished =
                status.isFinished ? started.flatMap { start in run.map { start.addingTimeInterval($0) } } : nil
            let placed = started != nil && !bridge ? place(id, tags: tags) : nil
            // Failed or canceled before starting (no runner matched, canceled in the queue): finished anyway.
            let ended = started == nil && (status == .failed || status == .canceled) ? owner.createdAt + 2 : nil
            state.add(
                FakeGitLab.Job(
                    id: id,
                    pipelineID: pipeline,
                    projectID: owner.projectID,
                    name: name,
                    stage: stage,
                    status: status,
                    tagList: tags,
                    failureReason: failure,
                    allowFailure: allowFailure,
                    isAction: action,
                    createdAt: owner.createdAt,
                    startedAt: started,
                    finishedAt: finished ?? ended,
                    duration: finished == nil ? nil : run,
                    queuedDuration: start,
                    runnerID: placed?.0,
                    runnerManagerID: placed?.1,
                    environment: environment,
                    isBridge: bridge,
                    downstreamPipelineID: downstream,
                    retried: retried
                )
            )
            if started != nil && !bridge, state.traces[id] == nil {
                state.setTrace(FakeGitLabEstate.plainTrace(state, job: id), forJob: id)
            }
            return id
        }

        /// A matching online, unpaused runner and one of its online pods, chosen by the job's id.
        func place(_ job: Int, tags: [String]) -> (Int, Int?)? {
            let candidates = state.runners.values.filter {
                $0.status == .online && !$0.paused && Set(tags).isSubset(of: $0.tagList)
            }
            .sorted { $0.id < $1.id }
            guard !candidates.isEmpty else { return nil }
            let runner = candidates[job % candidates.count]
            let pods = runner.managers.filter { $0.status == .online }
            return (runner.id, pods.isEmpty ? nil : pods[job % pods.count].id)
        }

        /// Statuses, timestamps and durations of every pipeline from its jobs (children first).
        mutating func finish() -> FakeGitLab.State {
            for pipeline in state.pipelines.values.sorted(by: {
                ($0.isChild ? 0 : 1, $0.id) < ($1.isChild ? 0 : 1, $1.id)
            }) {
                state.refreshPipeline(pipeline.id, at: nil)
            }
            return state
        }
    }
}
