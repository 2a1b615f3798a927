/// Gives every started attempt a runner of its pool, in order of start: a runner that is online for the whole run
/// and has a free slot, probing from a hashed position; failing that the least busy one that is online. Each choice
/// depends only on jobs that started earlier, so a job keeps its runner from one call to the next.
enum DemoRunnerAssignment {
    private struct Participant {
        let run: Int
        let job: Int
        let attempt: Int
        let id: Int
        let pool: Int
        let start: Double
        let plannedEnd: Double
        let release: Double
    }

    private static let maxProbes = 48

    static func assign(_ runs: inout [DemoPipelineRun], simulation: DemoSimulation, now: Double) {
        var participants: [Participant] = []
        for (runIndex, run) in runs.enumerated() {
            let project = simulation.projects[run.projectIndex]
            for (job, chain) in run.attempts.enumerated() {
                for (attemptIndex, attempt) in chain.enumerated() where attempt.hasStarted(by: now) {
                    guard let start = attempt.startAt, let end = attempt.endAt, let release = attempt.releasedAt
                    else { continue }
                    participants.append(
                        Participant(
                            run: runIndex,
                            job: job,
                            attempt: attemptIndex,
                            id: attempt.id,
                            pool: project.jobs[job].pool,
                            start: start,
                            plannedEnd: end,
                            release: release
                        )
                    )
                }
            }
        }
        let starts = participants.indices.sorted {
            let a = participants[$0]
            let b = participants[$1]
            return a.start != b.start ? a.start < b.start : a.id < b.id
        }
        let releases = participants.indices.sorted {
            let a = participants[$0]
            let b = participants[$1]
            return a.release != b.release ? a.release < b.release : a.id < b.id
        }
        let fleet = simulation.fleet
        var load = [Int](repeating: 0, count: fleet.entries.count)
        var assigned = [Int](repeating: -1, count: participants.count)
        var next = 0
        for index in starts {
            let participant = participants[index]
            while next < releases.count, participants[releases[next]].release <= participant.start {
                let runner = assigned[releases[next]]
                if runner >= 0 { load[runner] -= 1 }
                next += 1
            }
            let runner = pick(participant, fleet: fleet, load: load, seed: simulation.seed)
            assigned[index] = runner
            load[runner] += 1
            runs[participant.run].attempts[participant.job][participant.attempt].runner = runner
        }
    }

    private static func pick(_ job: Participant, fleet: DemoRunnerFleet, load: [Int], seed: UInt64) -> Int {
        let pool = fleet.byPool[job.pool]
        let offset = Int(SeededRandom.hash(seed, 0x7069_636B, UInt64(job.id)) % UInt64(pool.count))
        let probes = min(pool.count, maxProbes)
        var fallback: Int?
        for step in 0..<probes {
            let runner = pool[(offset + step) % pool.count]
            guard fleet.canTake(runner, from: job.start, to: job.plannedEnd) else { continue }
            if load[runner] < fleet.entries[runner].concurrency { return runner }
            if fallback.map({ load[runner] < load[$0] }) ?? true { fallback = runner }
        }
        if let fallback { return fallback }
        for step in 0..<probes {
            let runner = pool[(offset + step) % pool.count]
            if !fleet.entries[runner].isPaused, fleet.isOnline(runner, at: job.start) { return runner }
        }
        return pool[offset]
    }
}
