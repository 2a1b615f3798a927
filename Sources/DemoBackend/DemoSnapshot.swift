import SwitchboardCore

/// Everything CI at one moment: the feed (each project's latest pipelines, newest first), the runs behind it with
/// their runner assignments, and what each runner and pool is doing. Pipelines and runners are read from the same
/// snapshot, so runners' running jobs always agree with the feed.
struct DemoSnapshot: Sendable {
    let time: Double
    let pipelines: [Pipeline]
    let runs: [DemoPipelineRun]
    let runIndex: [Int: Int]
    /// Running jobs per runner (index into the fleet).
    let runningByRunner: [Int]
    /// Pending jobs per pool.
    let queuedByPool: [Int]

    init(simulation: DemoSimulation, actions: [Int: [DemoAction]], now: Double) {
        time = now
        let seed = simulation.seed
        var runs: [DemoPipelineRun] = []
        runs.reserveCapacity(simulation.projects.count * DemoSimulation.window)
        for project in simulation.projects {
            guard let latest = project.latestPipeline(at: now, seed: seed) else { continue }
            for number in max(0, latest - DemoSimulation.window + 1)...latest {
                let id = simulation.pipelineID(project: project.index, number: number)
                let recorded = actions[id].map { $0.filter { $0.time <= now } } ?? []
                runs.append(
                    DemoPipelineRun(
                        simulation: simulation,
                        project: project,
                        number: number,
                        actions: recorded,
                        now: now
                    )
                )
            }
        }
        DemoRunnerAssignment.assign(&runs, simulation: simulation, now: now)

        let fleet = simulation.fleet
        var running = [Int](repeating: 0, count: fleet.entries.count)
        var queued = [Int](repeating: 0, count: DemoRunnerFleet.poolNames.count)
        var index: [Int: Int] = [:]
        index.reserveCapacity(runs.count)
        var pipelines: [Pipeline] = []
        pipelines.reserveCapacity(runs.count)
        for (position, run) in runs.enumerated() {
            index[run.id] = position
            let project = simulation.projects[run.projectIndex]
            for (job, status) in run.statuses.enumerated() {
                if status == .running, let runner = run.attempts[job].last?.runner { running[runner] += 1 }
                if status == .pending { queued[project.jobs[job].pool] += 1 }
            }
            pipelines.append(run.pipeline(project: project, fleet: fleet, now: now))
        }
        pipelines.sort { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
        self.pipelines = pipelines
        self.runs = runs
        runIndex = index
        runningByRunner = running
        queuedByPool = queued
    }

    /// The runner inventory at this moment (agents come from elsewhere).
    func pools(fleet: DemoRunnerFleet) -> [RunnerPool] {
        DemoRunnerFleet.poolNames.enumerated().map { pool, name in
            RunnerPool(
                name: name,
                tags: fleet.poolTags[pool],
                runners: fleet.byPool[pool].map { fleet.runner($0, at: time, runningJobs: runningByRunner[$0]) },
                queuedJobs: queuedByPool[pool]
            )
        }
    }
}
