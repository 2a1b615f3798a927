import SwitchboardCore

/// One attempt of a job found by id, with its pipeline as it stands at `time`.
struct DemoLocatedJob: Sendable {
    let project: DemoProject
    let spec: DemoJobSpec
    let run: DemoPipelineRun
    let jobIndex: Int
    let attemptIndex: Int
    let time: Double
    let status: JobStatus
    let fleet: DemoRunnerFleet

    init(simulation: DemoSimulation, run: DemoPipelineRun, jobIndex: Int, attemptIndex: Int, time: Double) {
        project = simulation.projects[run.projectIndex]
        spec = project.jobs[jobIndex]
        fleet = simulation.fleet
        self.run = run
        self.jobIndex = jobIndex
        self.attemptIndex = attemptIndex
        self.time = time
        status = run.status(job: jobIndex, attempt: attemptIndex, at: time)
    }

    var attempt: DemoAttempt { run.attempts[jobIndex][attemptIndex] }

    /// Whether a later attempt replaced this one.
    var isLatest: Bool { attemptIndex == run.attempts[jobIndex].count - 1 }

    /// The attempt as a `Job`.
    var job: Job { DemoPipelineRun.job(attempt, spec: spec, project: project, status: status, fleet: fleet, now: time) }
}
