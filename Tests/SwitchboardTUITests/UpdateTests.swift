import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import Testing

/// The state machine without a terminal: keys in, state and effects out.
@Suite struct UpdateTests {
    @Test func tabsDigitsAndCommandsSwitchScreens() async throws {
        var state = await Fixtures.state()
        #expect(state.screen == .overview)
        try await Fixtures.press("Tab", &state)
        #expect(state.screen == .accounts)
        try await Fixtures.press("BTab BTab", &state)
        #expect(state.screen == .audit)
        try await Fixtures.press("BTab BTab", &state)
        #expect(state.screen == .trust)
        try await Fixtures.press("BTab", &state)
        #expect(state.screen == .pipelines)
        try await Fixtures.press("6", &state)
        #expect(state.screen == .identity)
        try await Fixtures.press(": w h o a m i Enter", &state)
        #expect(state.screen == .identity)
        try await Fixtures.press(": a u d i t Enter", &state)
        #expect(state.screen == .audit)
        try await Fixtures.press("3", &state)
        #expect(state.screen == .runners)
        try await Fixtures.press(": p i p e Enter", &state)
        #expect(state.screen == .pipelines)
        try await Fixtures.press(": n o p e Enter", &state)
        #expect(state.flash?.text.contains("Unknown command :nope") == true)
        #expect(try await Fixtures.press(": q Enter", &state) == [.quit])
        #expect(state.shouldQuit)
    }

    @Test func filterNarrowsLiveCaseInsensitivelyAndEscClears() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("4", &state)
        let all = state.pipelineView.list.count
        try await Fixtures.press("/ I N F R A", &state)
        let filtered = state.pipelineView.list.count
        #expect(filtered > 0 && filtered < all)
        for index in state.pipelineView.list.visible {
            #expect(state.pipelines[index].project.lowercased().contains("infra"))
        }
        #expect(state.mode == .filter("INFRA"))
        try await Fixtures.press("Enter", &state)
        #expect(state.mode == .normal && state.pipelineView.list.filter == "INFRA")
        try await Fixtures.press("Esc", &state)
        #expect(state.pipelineView.list.count == all)
    }

    @Test func accountsTreeFoldsAndShowsDetails() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("2", &state)
        let open = state.accounts.list.count
        #expect(open == (state.organization?.accounts.count ?? 0) + 1 + (state.organization?.root.children.count ?? 0))
        try await Fixtures.press("Enter", &state)
        #expect(state.accounts.list.count == 1)
        try await Fixtures.press("l j", &state)
        guard case .unit = state.accounts.selectedRow else {
            Issue.record("expected an OU below the root")
            return
        }
        try await Fixtures.press("/ l o g - a r c h Enter G", &state)
        guard case .account(let account, let path, _) = state.accounts.selectedRow else {
            Issue.record("the filter did not select an account")
            return
        }
        #expect(account.name == "log-archive")
        #expect(path.last == "core")
    }

    @Test func retryAsksFirstAndThenSendsTheEffect() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        try await Fixtures.press("1 Enter", &state, backend: backend)
        guard let job = state.selectedJob, job.status == .failed else {
            Issue.record("the failing pipeline did not open on its failed job")
            return
        }
        #expect(try await Fixtures.press("r", &state).isEmpty)
        guard case .confirm(let confirmation) = state.mode else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.jobID == job.id)
        let effects = try await Fixtures.press(
            confirmation.typedWord == nil ? "y" : "p r o d u c t i o n Enter",
            &state
        )
        #expect(effects == [.retry(jobID: job.id)])
        let retried = try await backend.retry(jobID: job.id)
        let after = Update.apply(.jobActionSucceeded(.retry, previousJobID: job.id, job: retried), to: &state)
        #expect(after.contains(.refresh(.pipelines)))
        #expect(state.selectedJob?.id == retried.id)
        #expect(state.selectedJob?.status == .pending)
        #expect(state.flash?.text.contains("retried as #\(retried.id)") == true)
    }

    @Test func productionRetryNeedsTheWordTyped() async throws {
        var state = await Fixtures.state()
        let job = Job(
            id: 999_001,
            name: "deploy-production",
            stage: "deploy-production",
            status: .failed,
            tags: ["small"],
            runnerID: nil,
            isManual: true,
            environment: "production",
            attempt: 1,
            createdAt: Fixtures.start,
            startedAt: nil,
            finishedAt: nil,
            failureReason: "script_failure"
        )
        var pipeline = state.pipelines[0]
        pipeline.stages.append(Stage(name: "deploy-production", jobs: [job]))
        pipeline.status = .failed
        state.setPipelinesForTesting([pipeline] + state.pipelines.dropFirst())
        try await Fixtures.press("4 g Enter G", &state)
        #expect(state.selectedJob?.id == job.id)
        try await Fixtures.press("r", &state)
        #expect(try await Fixtures.press("y Enter", &state).isEmpty)
        guard case .confirm = state.mode else {
            Issue.record("`y` alone confirmed a production retry")
            return
        }
        try await Fixtures.press("Backspace", &state)
        #expect(try await Fixtures.press("p r o d u c t i o n Enter", &state) == [.retry(jobID: job.id)])
    }

    @Test func readOnlyRefusesActions() async throws {
        var state = await Fixtures.state()
        state.readOnly = true
        try await Fixtures.press("1 Enter r", &state)
        #expect(state.mode == .normal)
        #expect(state.flash?.text.contains("Read-only") == true)
    }

    @Test func cancelOnlyForUnfinishedJobs() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("1 Enter", &state)
        try await Fixtures.press("c", &state)
        #expect(state.mode == .normal)
        #expect(state.flash?.text.contains("only unfinished jobs can be canceled") == true)
    }

    @Test func failedRefreshKeepsDataAndMarksItStale() async throws {
        var state = await Fixtures.state()
        let before = state.pipelines
        var status = state.feeds[.pipelines]!
        status.recordFailure("connection refused", at: Fixtures.start.addingTimeInterval(30))
        _ = Update.apply(.feed(FeedEvent(feed: .pipelines, value: nil, status: status)), to: &state)
        _ = Update.apply(.tick(Fixtures.start.addingTimeInterval(95)), to: &state)
        #expect(state.pipelines == before)
        let text = Fixtures.text(state)
        #expect(text.contains("✘ pipelines stale 1m"))
        #expect(text.contains("✘ pipelines: connection refused (retrying)"))
        #expect(text.contains("⚠ stale 1m"))
    }

    @Test func logOpensFollowsAndEscGoesBack() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 100, height: 30), clock: clock)
        let effects = try await Fixtures.press("1 Enter Enter", &state, backend: backend)
        #expect(effects.contains { if case .fetchLog = $0 { return true } else { return false } })
        guard let view = state.pipelineView.logView else {
            Issue.record("no log open")
            return
        }
        #expect(view.log.received > 0 && view.follow)
        try await Fixtures.press("k", &state)
        #expect(state.pipelineView.logView?.follow == false || view.log.received <= state.logHeight)
        try await Fixtures.press("Esc", &state)
        #expect(state.pipelineView.logView == nil)
        guard case .pipeline = state.pipelineView.level else {
            Issue.record("Esc did not go back to the pipeline")
            return
        }
        try await Fixtures.press("Esc", &state)
        #expect(state.pipelineView.level == .list)
    }

    @Test func escReturnsToTheOverviewAfterOpeningAFailingPipelineFromIt() async throws {
        var state = await Fixtures.state()
        try await Fixtures.press("1 j Enter", &state)
        #expect(state.screen == .pipelines)
        try await Fixtures.press("Enter Esc", &state)
        #expect(state.screen == .pipelines && state.pipelineView.logView == nil)
        try await Fixtures.press("Esc", &state)
        #expect(state.screen == .overview)
        try await Fixtures.press("Enter 4 Esc", &state)
        #expect(state.screen == .pipelines && state.pipelineView.level == .list)
    }

    @Test func theOverviewHighlightFollowsItsPipelineAcrossRefreshes() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        try await Fixtures.press("1 j j", &state)
        let chosen = try #require(state.overview.selectedPipelineID)
        for _ in 0..<30 {
            clock.advance(by: 60)
            let pipelines = try await backend.pipelines()
            _ = Update.apply(.loaded(.pipelines(pipelines), at: clock.now()), to: &state)
            let position = state.overview.scroll.selected
            guard
                let id = state.overview.failing.indices.contains(position)
                    ? state.pipelines[state.overview.failing[position]].id : nil
            else { continue }
            if state.overview.failing.contains(where: { state.pipelines[$0].id == chosen }) {
                #expect(id == chosen)
            }
        }
    }

    @Test func belowTheMinimumSizeOnlyQuitAndEscAct() async throws {
        var state = await Fixtures.state(size: Size(width: 40, height: 10))
        #expect(try await Fixtures.press("1 Enter r y Enter / x", &state).isEmpty)
        #expect(state.mode == .normal && state.screen == .overview)
        #expect(try await Fixtures.press("q", &state) == [.quit])
    }

    @Test func aRetryShowsOnAnOpenPipelineThatLeftTheFeed() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        try await Fixtures.press("1 Enter", &state)
        let job = try #require(state.selectedJob)
        let openID = try #require(state.pipelineView.openPipelineID)
        state.setPipelinesForTesting(state.pipelines.filter { $0.id != openID })
        let retried = try await backend.retry(jobID: job.id)
        _ = Update.apply(.jobActionSucceeded(.retry, previousJobID: job.id, job: retried), to: &state)
        #expect(state.selectedJob?.id == retried.id)
        #expect(state.selectedJob?.status == .pending)
    }

    @Test(
        arguments: [
            ("production", true), ("prod", true), ("aws/production", true), ("eu-prod-1", true), ("live", true),
            ("development", false), ("preprod-like", false), (nil, false), ("product-docs", false), ("prod2", true),
        ] as [(String?, Bool)]
    )
    func productionIsRecognisedByItsUsualNames(environment: String?, expected: Bool) {
        let job = Job(
            id: 1,
            name: "deploy",
            stage: "deploy",
            status: .failed,
            tags: [],
            runnerID: nil,
            isManual: false,
            environment: environment,
            attempt: 1,
            createdAt: Fixtures.start,
            startedAt: nil,
            finishedAt: nil,
            failureReason: nil
        )
        #expect(job.deploysToProduction == expected)
    }

    @Test func everySizeRendersWithoutCrashing() async throws {
        var state = await Fixtures.state()
        for width in [0, 1, 2, 5, 20, 59, 60, 61, 80, 200] {
            for height in [0, 1, 2, 3, 10, 15, 16, 17, 24, 60] {
                for screen in ScreenID.allCases {
                    _ = Update.apply(.resize(Size(width: width, height: height)), to: &state)
                    state.open(screen)
                    let buffer = Renderer.render(state, theme: Fixtures.theme)
                    #expect(buffer.width == width && buffer.height == height)
                }
            }
        }
        _ = Update.apply(.resize(Size(width: 30, height: 8)), to: &state)
        #expect(Fixtures.text(state).contains("Terminal too small"))
    }

    @Test func selectionSurvivesARefresh() async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: Size(width: 120, height: 40), clock: clock)
        try await Fixtures.press("4 j j j", &state)
        let selected = state.pipelineView.list.selectedNode?.id
        clock.advance(by: 600)
        let pipelines = try await backend.pipelines()
        _ = Update.apply(.loaded(.pipelines(pipelines), at: clock.now()), to: &state)
        if pipelines.contains(where: { "pl:\($0.id)" == selected }) {
            #expect(state.pipelineView.list.selectedNode?.id == selected)
        }
    }
}
