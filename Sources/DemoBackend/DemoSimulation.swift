/// The static side of the simulated CI: projects, runners, id ranges. Everything time-dependent is computed from it
/// by pure functions of (time, recorded actions).
struct DemoSimulation: Sendable {
    /// How many of each project's latest pipelines the feed shows.
    static let window = 20
    /// Retries get ids from here on, in the order they are made.
    static let retryIDBase = 900_000_000

    let seed: UInt64
    let projects: [DemoProject]
    let fleet: DemoRunnerFleet
    let pipelineIDBase: Int

    init(seed: UInt64, scale: Int) {
        self.seed = seed
        projects = DemoProject.catalogue(seed: seed, scale: scale)
        fleet = DemoRunnerFleet(seed: seed, scale: scale)
        pipelineIDBase = 1_000_000 + Int(SeededRandom.hash(seed, 0x6964) % 900_000)
    }

    func pipelineID(project: Int, number: Int) -> Int { pipelineIDBase + number * projects.count + project }

    func jobID(pipelineID: Int, index: Int) -> Int { pipelineID * DemoPipelineRun.jobsPerPipeline + index }

    /// The (project, number) of a pipeline id, if it is one.
    func pipeline(id: Int) -> (project: DemoProject, number: Int)? {
        let offset = id - pipelineIDBase
        guard offset >= 0 else { return nil }
        return (projects[offset % projects.count], offset / projects.count)
    }

    /// The pipeline and job index of a first attempt's id.
    func firstAttempt(jobID: Int) -> (pipelineID: Int, index: Int)? {
        guard jobID > 0, jobID < Self.retryIDBase else { return nil }
        return (jobID / DemoPipelineRun.jobsPerPipeline, jobID % DemoPipelineRun.jobsPerPipeline)
    }

    /// Pipeline `id` worked out at `now`, if it exists by then.
    func run(id: Int, actions: [DemoAction], now: Double) -> DemoPipelineRun? {
        guard let (project, number) = pipeline(id: id), project.createdAt(number, seed: seed) <= now else { return nil }
        return DemoPipelineRun(simulation: self, project: project, number: number, actions: actions, now: now)
    }
}
