import SwitchboardCore

/// One pipeline worked out at a time `now`: a pure function of its seeds, `now`, and the actions recorded on it up to
/// `now`. Stage i is reached when every job of stage i-1 passed (their latest attempts); a failed or canceled job
/// blocks the later stages, whose jobs turn `skipped` once it has; a retry that passes unblocks them again.
struct DemoPipelineRun: Sendable {
    static let jobsPerPipeline = 16

    let projectIndex: Int
    let number: Int
    let id: Int
    let createdAt: Double
    let ref: String
    let sha: String
    let source: String
    let jobCount: Int
    /// Every attempt of every job, oldest first.
    var attempts: [[DemoAttempt]]
    /// The status of each job's latest attempt at `now`.
    var statuses: [JobStatus]
    /// When an earlier stage blocked each job's stage (infinity when none did).
    var blockedAt: [Double]

    init(simulation: DemoSimulation, project: DemoProject, number: Int, actions: [DemoAction], now: Double) {
        let seed = simulation.seed
        let key = SeededRandom.hash(seed, 0x7069_7065, UInt64(project.index), UInt64(hashing: number))
        projectIndex = project.index
        self.number = number
        id = simulation.pipelineID(project: project.index, number: number)
        createdAt = project.createdAt(number, seed: seed)
        var random = SeededRandom(key, 0x7265_66)
        let kind = random.unit()
        let deploys = kind < 0.8
        ref = deploys ? "main" : "feature/" + random.pick(Self.topics) + "-\(random.int(in: 100...999))"
        source = kind < 0.72 ? "push" : (deploys ? "schedule" : "merge_request_event")
        sha = random.string(40, from: SeededRandom.hexDigits)
        jobCount = deploys ? project.jobs.count : project.buildJobCount

        var attempts: [[DemoAttempt]] = []
        var statuses: [JobStatus] = []
        var blockedAt: [Double] = []
        attempts.reserveCapacity(jobCount)
        var stageReady: Double? = createdAt
        var blocked = Double.infinity
        var job = 0
        var stage = 0
        while job < jobCount {
            var stageEnd = stageReady ?? 0
            var stageBlock = Double.infinity
            while job < jobCount, project.jobs[job].stage == stage {
                let planner = DemoJobPlanner(
                    simulation: simulation,
                    pipelineKey: key,
                    pipelineID: id,
                    spec: project.jobs[job],
                    index: job
                )
                let chain = planner.attempts(createdAt: createdAt, stageReady: stageReady, actions: actions)
                if let latest = chain.last {
                    if let canceled = latest.canceledAt {
                        stageBlock = min(stageBlock, canceled)
                    } else if let end = latest.endAt {
                        if latest.failureReason != nil {
                            stageBlock = min(stageBlock, end)
                        } else {
                            stageEnd = max(stageEnd, end)
                        }
                    }
                    statuses.append(latest.status(at: now, blockedAt: blocked))
                } else {
                    statuses.append(.created)
                }
                attempts.append(chain)
                blockedAt.append(blocked)
                job += 1
            }
            if stageBlock < .infinity {
                blocked = min(blocked, stageBlock)
                stageReady = nil
            } else if stageReady != nil {
                stageReady = stageEnd
            }
            stage += 1
        }
        self.attempts = attempts
        self.statuses = statuses
        self.blockedAt = blockedAt
    }

    static let topics = [
        "vpc-endpoints", "ecs-autoscaling", "retry-webhooks", "node-upgrade", "cache-warmup", "tf-provider-bump",
        "invoice-export", "dark-mode", "checkout-latency", "s3-lifecycle", "runner-tags", "sso-groups",
    ]

    /// The attempt with `jobID`, as (job index, attempt index).
    func locate(jobID: Int) -> (job: Int, attempt: Int)? {
        for (job, chain) in attempts.enumerated() {
            if let attempt = chain.firstIndex(where: { $0.id == jobID }) { return (job, attempt) }
        }
        return nil
    }

    /// The status of an attempt at `now` (older attempts keep the status they ended with).
    func status(job: Int, attempt: Int, at now: Double) -> JobStatus {
        attempts[job][attempt].status(at: now, blockedAt: blockedAt[job])
    }
}
