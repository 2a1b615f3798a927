import SwitchboardCore

/// A job's log, revealed in proportion to its progress: nothing before it is queued, the runner banner while it is
/// pending, then the executor and checkout lines and the job's own output as it runs, and the closing lines once
/// it has finished. Lines are made on demand from (job, line number), so a 5,000-line log costs nothing until read,
/// and a line never changes once shown. Nothing secret-shaped is ever written: credentials show as `[MASKED]`.
struct DemoLog {
    static let revision = "8ce4c9f1"

    let jobID: Int
    let script: DemoLogScript
    let header: [String]
    let footer: [String]
    /// Lines of the job's own output shown now.
    let bodyShown: Int
    /// Lines shown in all.
    let count: Int
    let isComplete: Bool

    init(found: DemoLocatedJob, simulation: DemoSimulation, layout: DemoOrganization) {
        let attempt = found.attempt
        jobID = attempt.id
        let runner = attempt.runner ?? Self.fallbackRunner(found, seed: simulation.seed)
        let context = DemoLogContext(found: found, runner: simulation.fleet.entries[runner], layout: layout)
        script = DemoLogScript(context: context)
        let now = found.time
        let status = found.status
        let started = attempt.hasStarted(by: now)
        header = started ? context.header() : [context.banner]
        let progress: (Double) -> Int = { time in
            guard let start = attempt.startAt, attempt.fullDuration > 0 else { return 0 }
            let fraction = min(1, max(0, (time - start) / attempt.fullDuration))
            return Int((Double(context.bodyLength) * fraction).rounded(.down))
        }
        switch status {
        case .created, .manual, .skipped, .scheduled, .waitingForResource, .unknown:
            bodyShown = 0
            footer = []
            count = 0
            isComplete = status == .skipped
            return
        case .pending, .preparing:
            bodyShown = 0
            footer = []
        case .running, .canceling:
            bodyShown = progress(now)
            footer = []
        case .success:
            bodyShown = context.bodyLength
            footer = script.successFooter()
        case .failed:
            bodyShown = progress(attempt.endAt ?? now)
            footer = script.failureFooter(reason: attempt.failureReason ?? "script_failure", attempt: attempt)
        case .canceled:
            bodyShown = started ? progress(attempt.canceledAt ?? now) : 0
            footer = ["ERROR: Job failed: canceled"]
        }
        count = header.count + bodyShown + footer.count
        isComplete = !status.isActive
    }

    /// Line `index` of the log (0-based, below `count`).
    func line(_ index: Int) -> String {
        if index < header.count { return header[index] }
        let body = index - header.count
        if body < bodyShown { return script.body(body) }
        return footer[body - bodyShown]
    }

    func chunk(from offset: Int) -> LogChunk {
        let start = min(max(0, offset), count)
        return LogChunk(jobID: jobID, offset: start, lines: (start..<count).map(line), isComplete: isComplete)
    }

    /// A runner of the job's pool for jobs too old to be in the feed (whose assignment was not worked out).
    private static func fallbackRunner(_ found: DemoLocatedJob, seed: UInt64) -> Int {
        let pool = found.fleet.byPool[found.spec.pool]
        let available = pool.filter { !found.fleet.entries[$0].isStale && !found.fleet.entries[$0].isPaused }
        let choices = available.isEmpty ? pool : available
        return choices[Int(SeededRandom.hash(seed, UInt64(found.attempt.id)) % UInt64(choices.count))]
    }
}
