/// Plans the attempts of one job from its seeds and the actions recorded on it. About 3.5 % of first attempts fail;
/// a failure is either flaky (a retry passes) or real (every retry fails the same way).
struct DemoJobPlanner {
    static let failureRate = 0.035
    static let productionFailureRate = 0.05
    static let flakyShare = 0.55

    let simulation: DemoSimulation
    let pipelineKey: UInt64
    let pipelineID: Int
    let spec: DemoJobSpec
    let index: Int

    /// The attempts, oldest first: the first one, then one per recorded retry.
    func attempts(createdAt: Double, stageReady: Double?, actions: [DemoAction]) -> [DemoAttempt] {
        var queuedAt = stageReady
        if spec.isManual, let ready = stageReady {
            var play = SeededRandom(pipelineKey, UInt64(index), 0x706C_6179)
            queuedAt = play.chance(0.4) ? ready + play.double(in: 120...1_200) : nil
        }
        var chain = [
            attempt(
                number: 1,
                id: simulation.jobID(pipelineID: pipelineID, index: index),
                createdAt: createdAt,
                readyAt: stageReady,
                queuedAt: queuedAt
            )
        ]
        for action in actions where action.jobIndex == index {
            switch action.kind {
            case .cancel:
                if chain[chain.count - 1].canceledAt == nil { chain[chain.count - 1].canceledAt = action.time }
            case .play:
                let last = chain[chain.count - 1]
                guard let ready = last.readyAt, ready <= action.time, last.canceledAt == nil,
                    last.queuedAt.map({ $0 > action.time }) ?? true
                else { break }
                chain[chain.count - 1] = attempt(
                    number: last.number,
                    id: last.id,
                    createdAt: last.createdAt,
                    readyAt: ready,
                    queuedAt: action.time
                )
            case .retry(let newJobID):
                let ready = stageReady.map { max($0, action.time) }
                chain.append(
                    attempt(
                        number: chain.count + 1,
                        id: newJobID,
                        createdAt: action.time,
                        readyAt: ready,
                        queuedAt: ready
                    )
                )
            }
        }
        return chain
    }

    private func attempt(number: Int, id: Int, createdAt: Double, readyAt: Double?, queuedAt: Double?) -> DemoAttempt {
        var random = SeededRandom(pipelineKey, UInt64(index), UInt64(number))
        let wait = 4 + 80 * random.unit()
        let duration = random.double(in: spec.duration)
        var attempt = DemoAttempt(
            id: id,
            jobIndex: index,
            number: number,
            createdAt: createdAt,
            readyAt: readyAt,
            queuedAt: queuedAt,
            fullDuration: duration
        )
        guard let queuedAt else { return attempt }
        let start = simulation.fleet.firstAvailability(pool: spec.pool, from: queuedAt + wait)
        attempt.startAt = start
        attempt.endAt = start + duration
        if let failure = failure(attempt: number) {
            attempt.failureReason = failure.reason
            attempt.endAt = start + duration * failure.fraction
        }
        return attempt
    }

    /// Whether attempt `number` fails, why, and how far into its run.
    private func failure(attempt number: Int) -> (reason: String, fraction: Double)? {
        var random = SeededRandom(pipelineKey, UInt64(index), 0xFA11)
        let rate = spec.isManual ? Self.productionFailureRate : Self.failureRate
        guard random.chance(rate) else { return nil }
        let flaky = random.chance(Self.flakyShare)
        if flaky && number > 1 { return nil }
        let pick = random.unit()
        let fraction = random.double(in: 0.3...0.95)
        if !flaky || pick < 0.45 { return ("script_failure", fraction) }
        if pick < 0.8 { return ("runner_system_failure", fraction * 0.6) }
        return ("stuck_or_timeout_failure", 1)
    }
}
