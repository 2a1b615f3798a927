import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import Testing

/// `p` plays a manual job, `R` retries a pipeline's failed and canceled jobs: what they ask, what they refuse,
/// and what comes back.
@Suite struct PlayAndPipelineRetryTests {
    /// The demo's pipelines with one more stage holding `job`, first in the list.
    static func state(adding job: Job, status: JobStatus = .manual) async -> AppState {
        var state = await Fixtures.state()
        var pipeline = state.pipelines[0]
        pipeline.stages.append(Stage(name: job.stage, jobs: [job]))
        pipeline.status = Pipeline.aggregate(pipeline.stages.map(\.status))
        state.setPipelinesForTesting([pipeline] + state.pipelines.dropFirst())
        return state
    }

    static func job(
        id: Int = 999_101,
        name: String = "deploy-development",
        status: JobStatus = .manual,
        environment: String? = "development"
    ) -> Job {
        Job(
            id: id,
            name: name,
            stage: name,
            status: status,
            tags: ["small"],
            runnerID: nil,
            isManual: true,
            environment: environment,
            attempt: 1,
            createdAt: Fixtures.start,
            startedAt: nil,
            finishedAt: nil,
            failureReason: status == .failed ? "script_failure" : nil
        )
    }

    /// Opens `pipeline` on the Pipelines screen and selects its job named `job`, if given.
    static func open(_ pipelineID: Int, job: String? = nil, _ state: inout AppState) async throws {
        try await Fixtures.press("4", &state)
        state.pipelineView.list.select(id: "pl:\(pipelineID)", height: state.listHeight)
        try await Fixtures.press("Enter", &state)
        if let job { state.pipelineView.jobs.select(id: "job:" + job, height: state.listHeight) }
    }

    // MARK: Play

    @Test func playAsksFirstAndSendsTheEffect() async throws {
        let job = Self.job()
        var state = await Self.state(adding: job)
        try await Fixtures.press("4 g Enter G", &state)
        #expect(state.selectedJob?.id == job.id)
        #expect(Keymap.hints(for: state).contains { $0.key == "p" && $0.label == "play" })
        #expect(try await Fixtures.press("p", &state).isEmpty)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.kind == .play)
        #expect(confirmation.jobID == job.id)
        #expect(confirmation.typedWord == nil)
        #expect(confirmation.title == "Play job #\(job.id) deploy-development?")
        #expect(Fixtures.text(state).contains("Play manual job"))
        #expect(try await Fixtures.press("y", &state) == [.play(jobID: job.id)])
        #expect(state.flash?.text == "Starting job #\(job.id)…")
    }

    @Test func playOfAProductionDeployNeedsTheWordTyped() async throws {
        let job = Self.job(id: 999_102, name: "deploy-production", environment: "production")
        var state = await Self.state(adding: job)
        try await Fixtures.press("4 g Enter G p", &state)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.typedWord == "production")
        #expect(Fixtures.text(state).contains("This deploys to production."))
        #expect(try await Fixtures.press("y Enter", &state).isEmpty)
        #expect(state.flash?.text.contains("Type production exactly") == true)
        try await Fixtures.press("Backspace", &state)
        #expect(try await Fixtures.press("p r o d u c t i o n Enter", &state) == [.play(jobID: job.id)])
    }

    @Test func playOnlyForManualJobs() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("1 Enter", &state)
        let failed = try #require(state.selectedJob)
        #expect(!Keymap.hints(for: state).contains { $0.key == "p" })
        try await Fixtures.press("p", &state)
        #expect(state.mode == .normal)
        #expect(
            state.flash?.text
                == "Job #\(failed.id) is failed; only manual jobs waiting to be started can be played."
        )
        try await Fixtures.press("Esc Esc 3 p", &state)
        #expect(state.flash?.text.contains("Select a job to play") == true)
    }

    @Test func playInTheJobLog() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        let pipeline = try #require(state.pipelines.first { $0.jobs.contains { $0.status == .manual } })
        let manual = try #require(pipeline.jobs.first { $0.status == .manual })
        try await Self.open(pipeline.id, job: manual.name, &state)
        try await Fixtures.press("Enter", &state, backend: backend)
        #expect(state.pipelineView.logView?.jobID == manual.id)
        #expect(Keymap.hints(for: state).contains { $0.key == "p" })
        try await Fixtures.press("p", &state)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation in the log")
            return
        }
        #expect(confirmation.jobID == manual.id)
        #expect(confirmation.typedWord == (manual.deploysToProduction ? "production" : nil))
    }

    @Test func aRetryFromTheLogFollowsTheNewAttempt() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        let pipeline = try #require(state.pipelines.first { $0.jobs.contains { $0.status == .failed } })
        let failed = try #require(pipeline.jobs.first { $0.status == .failed })
        try await Self.open(pipeline.id, job: failed.name, &state)
        try await Fixtures.press("Enter", &state, backend: backend)
        #expect(state.pipelineView.logView?.jobID == failed.id)
        try await Fixtures.press("r", &state, backend: backend)
        if failed.deploysToProduction {
            try await Fixtures.press("p r o d u c t i o n Enter", &state, backend: backend)
        } else {
            try await Fixtures.press("y", &state, backend: backend)
        }
        let now = try #require(state.pipelineView.logView?.jobID)
        #expect(now != failed.id)
        #expect(state.pipelineView.level == .log(jobID: now, pipelineID: pipeline.id))
        #expect(state.selectedJob?.id == now)
        #expect(state.selectedJob?.attempt == failed.attempt + 1)
        #expect(Keymap.hints(for: state).contains { $0.key == "c" })
    }

    /// Retrying a failed job lets GitLab run the later stages it skipped: a production deploy there asks for
    /// the word too, for the job and for the pipeline.
    @Test func aRetryThatUnblocksAProductionDeployNeedsTheWord() async throws {
        var state = await Fixtures.state()
        let failed = Self.job(id: 999_201, name: "test", status: .failed, environment: nil)
        let deploy = Self.job(id: 999_202, name: "deploy-production", status: .skipped, environment: "production")
        let pipeline = Pipeline(
            id: 999_200,
            project: "web/frontend",
            ref: "main",
            sha: "abc",
            source: "push",
            status: .failed,
            createdAt: Fixtures.start,
            updatedAt: Fixtures.start,
            stages: [Stage(name: "test", jobs: [failed]), Stage(name: "deploy-production", jobs: [deploy])]
        )
        state.setPipelinesForTesting([pipeline] + state.pipelines)
        try await Self.open(999_200, job: "test", &state)
        try await Fixtures.press("r", &state)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.typedWord == "production")
        #expect(confirmation.detail.contains("then deploy-production deploys to production"))
        try await Fixtures.press("Esc R", &state)
        guard case .confirm(let whole) = state.mode else {
            Issue.record("no pipeline confirmation")
            return
        }
        #expect(whole.typedWord == "production")
    }

    @Test func readOnlyRefusesPlayAndPipelineRetry() async throws {
        var state = await Self.state(adding: Self.job())
        state.readOnly = true
        try await Fixtures.press("4 g Enter G p", &state)
        #expect(state.mode == .normal)
        #expect(state.flash?.text == "Read-only mode: play is disabled (started with --read-only).")
        try await Fixtures.press("R", &state)
        #expect(state.mode == .normal)
        #expect(state.flash?.text == "Read-only mode: pipeline retry is disabled (started with --read-only).")
    }

    // MARK: Pipeline retry

    @Test func pipelineRetryNamesThePipelineAndCountsItsJobs() async throws {
        var state = await Fixtures.state()
        let pipeline = try #require(state.pipelines.first { $0.status == .failed })
        let retryable = pipeline.jobs.filter(\.status.isRetryable)
        try await Fixtures.press("4", &state)
        state.pipelineView.list.select(id: "pl:\(pipeline.id)", height: state.listHeight)
        #expect(state.selectedPipeline?.id == pipeline.id)
        #expect(Keymap.hints(for: state).contains { $0.key == "R" && $0.label == "retry pipeline" })
        try await Fixtures.press("R", &state)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        let count = retryable.count == 1 ? "1 job" : "\(retryable.count) jobs"
        #expect(confirmation.kind == .retryPipeline)
        #expect(confirmation.pipelineID == pipeline.id)
        #expect(confirmation.title == "Retry \(count) of pipeline #\(pipeline.id) \(pipeline.project) \(pipeline.ref)?")
        #expect(confirmation.detail.contains(retryable[0].name))
        #expect(confirmation.typedWord == (retryable.contains(where: \.deploysToProduction) ? "production" : nil))
        #expect(Fixtures.text(state).contains("Retry pipeline"))
        try await Fixtures.press("Esc", &state)
        #expect(state.flash?.text == "Pipeline retry not sent.")
        // Inside the open pipeline too.
        try await Fixtures.press("Enter R", &state)
        guard case .confirm(let inside) = state.mode else {
            Issue.record("no confirmation inside the pipeline")
            return
        }
        #expect(inside.pipelineID == pipeline.id)
        let answer = inside.typedWord == nil ? "y" : "p r o d u c t i o n Enter"
        #expect(try await Fixtures.press(answer, &state) == [.retryPipeline(pipelineID: pipeline.id)])
    }

    @Test func pipelineRetryOfAProductionDeployNeedsTheWordTyped() async throws {
        let job = Self.job(id: 999_103, name: "deploy-production", status: .failed, environment: "production")
        var state = await Self.state(adding: job)
        try await Fixtures.press("4 g R", &state)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.typedWord == "production")
        #expect(confirmation.detail.hasPrefix("deploys to production · "))
        #expect(confirmation.detail.contains("deploy-production (failed)"))
        #expect(try await Fixtures.press("y Enter", &state).isEmpty)
        try await Fixtures.press("Backspace", &state)
        let id = state.pipelines[0].id
        #expect(try await Fixtures.press("p r o d u c t i o n Enter", &state) == [.retryPipeline(pipelineID: id)])
    }

    @Test func pipelineRetryRefusesWhenNothingIsRetryable() async throws {
        var state = await Fixtures.state()
        let pipeline = try #require(state.pipelines.first { !$0.jobs.contains(where: \.status.isRetryable) })
        try await Fixtures.press("4", &state)
        state.pipelineView.list.select(id: "pl:\(pipeline.id)", height: state.listHeight)
        #expect(!Keymap.hints(for: state).contains { $0.key == "R" })
        try await Fixtures.press("R", &state)
        #expect(state.mode == .normal)
        #expect(
            state.flash?.text
                == "Pipeline #\(pipeline.id) is \(pipeline.status.label); it has no failed or canceled job to retry."
        )
        try await Fixtures.press("1 R", &state)
        #expect(state.flash?.text.contains("Select a pipeline to retry") == true)
    }

    @Test func aRetriedPipelineReplacesTheOpenOne() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        try await Fixtures.press("1 Enter", &state)
        let before = try #require(state.pipelineView.openPipeline)
        let retryable = before.jobs.filter(\.status.isRetryable)
        let selectedName = try #require(state.selectedJob?.name)
        let retried = try await backend.retryPipeline(pipelineID: before.id)
        let effects = Update.apply(.pipelineRetried(retried), to: &state)
        #expect(effects == [.refresh(.pipelines), .refresh(.runners)])
        #expect(state.pipeline(id: before.id) == retried)
        #expect(state.pipelineView.openPipeline == retried)
        #expect(state.selectedJob?.name == selectedName)
        #expect(state.selectedJob?.status.isRetryable == false)
        let count = retryable.count == 1 ? "1 job" : "\(retryable.count) jobs"
        #expect(
            state.flash?.text
                == "Pipeline #\(before.id) \(before.project) \(before.ref): \(count) retried, now \(retried.status.label)."
        )
        _ = Update.apply(.pipelineRetryFailed(pipelineID: before.id, message: "GitLab answered 403"), to: &state)
        #expect(state.flash?.text == "Retry of pipeline #\(before.id) failed: GitLab answered 403")
        #expect(state.flash?.level == .error)
    }

    // MARK: Effects and the audit log

    /// Runs `effect` as the console would and returns the first action it posts.
    static func run(_ effect: Effect, estate: Estate, audit: any AuditLog) async throws -> Action {
        let mailbox = Mailbox(wake: {})
        let poller = Poller(estate: estate, intervals: .defaults, store: Store(clock: ManualClock(Fixtures.start)))
        let runner = EffectRunner(
            estate: estate,
            poller: poller,
            mailbox: mailbox,
            audit: audit,
            operatorName: "oncall",
            now: { Fixtures.start }
        )
        runner.run(effect)
        for _ in 0..<1_000 {
            if let action = mailbox.drain().first { return action }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }

    @Test func playIsAuditedAndItsOutcomeShown() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        let manual = try #require(try await backend.pipelines().flatMap(\.jobs).first { $0.status == .manual })
        let audit = InMemoryAuditLog()
        let action = try await Self.run(.play(jobID: manual.id), estate: estate, audit: audit)
        guard case .jobActionSucceeded(.play, let previous, let job) = action else {
            Issue.record("unexpected \(action)")
            return
        }
        #expect(previous == manual.id && job.id == manual.id && job.status != .manual)
        let entry = try #require(try audit.recent(limit: 10).last)
        #expect(entry.action == "play" && entry.target == "job #\(manual.id)" && entry.outcome == .ok)
        #expect(entry.detail == "now #\(manual.id) \(job.status.label)")
        #expect(entry.operator == "oncall" && entry.time == Fixtures.start)
        #expect(Update.apply(action, to: &state) == [.refresh(.pipelines), .refresh(.runners)])
        #expect(state.flash?.text == "Job #\(manual.id) \(manual.name) started: \(job.status.label).")
        #expect(state.pipelines.flatMap(\.jobs).first { $0.id == manual.id }?.status == job.status)

        // Played once, it is no longer manual: the backend says so, the audit log and the flash repeat it.
        let again = try await Self.run(.play(jobID: manual.id), estate: estate, audit: audit)
        guard case .jobActionFailed(.play, manual.id, let message) = again else {
            Issue.record("unexpected \(again)")
            return
        }
        #expect(message.contains("only manual jobs waiting to be started can be played"))
        let failed = try #require(try audit.recent(limit: 10).last)
        #expect(failed.action == "play" && failed.outcome == .failed && failed.detail == message)
        _ = Update.apply(again, to: &state)
        #expect(state.flash?.text == "Play of job #\(manual.id) failed: \(message)")
        #expect(state.flash?.level == .error)
    }

    @Test func pipelineRetryIsAuditedAndItsOutcomeShown() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        let failed = try #require(state.pipelines.first { $0.status == .failed })
        let audit = InMemoryAuditLog()
        let action = try await Self.run(.retryPipeline(pipelineID: failed.id), estate: estate, audit: audit)
        guard case .pipelineRetried(let pipeline) = action else {
            Issue.record("unexpected \(action)")
            return
        }
        #expect(pipeline.id == failed.id && !pipeline.jobs.contains(where: \.status.isRetryable))
        let entry = try #require(try audit.recent(limit: 10).last)
        #expect(entry.action == "retry-pipeline" && entry.target == "pipeline #\(failed.id)")
        #expect(entry.outcome == .ok && entry.detail == "now \(pipeline.status.label)")
        _ = Update.apply(action, to: &state)
        #expect(state.pipeline(id: failed.id) == pipeline)

        let clean = try #require(try await backend.pipelines().first { !$0.jobs.contains(where: \.status.isRetryable) })
        let refused = try await Self.run(.retryPipeline(pipelineID: clean.id), estate: estate, audit: audit)
        guard case .pipelineRetryFailed(clean.id, let message) = refused else {
            Issue.record("unexpected \(refused)")
            return
        }
        #expect(message.contains("has no failed or canceled job to retry"))
        let last = try #require(try audit.recent(limit: 10).last)
        #expect(last.action == "retry-pipeline" && last.outcome == .failed && last.detail == message)
        _ = Update.apply(refused, to: &state)
        #expect(state.flash?.text == "Retry of pipeline #\(clean.id) failed: \(message)")
    }

    @Test func withoutABackendThatActsTheActionFailsPlainly() async throws {
        let estate = Estate(name: "empty", backends: [])
        let audit = InMemoryAuditLog()
        let play = try await Self.run(.play(jobID: 7), estate: estate, audit: audit)
        guard case .jobActionFailed(.play, 7, "no backend in this estate acts on jobs") = play else {
            Issue.record("unexpected \(play)")
            return
        }
        let retry = try await Self.run(.retryPipeline(pipelineID: 8), estate: estate, audit: audit)
        guard case .pipelineRetryFailed(8, "no backend in this estate acts on jobs") = retry else {
            Issue.record("unexpected \(retry)")
            return
        }
    }
}
