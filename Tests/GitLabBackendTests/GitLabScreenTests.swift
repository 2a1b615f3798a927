import Foundation
import SwitchboardCore
import SwitchboardTUI
import SwitchboardTesting
import TUICore
import Testing

@testable import GitLabBackend

/// The console's screens on GitLab data (the seeded fake at its fixed time), as golden files, and the retry
/// round trip through the keys. Re-record with SWITCHBOARD_RECORD=1.
struct GitLabScreenTests {
    typealias Seed = FakeGitLabEstate.Seed
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 50)]
    static let theme = Theme.named(.dark, ascii: false)
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func loaded(_ gitlab: FakeGitLab, size: Size) async -> (AppState, Estate, ManualClock) {
        let estate = Estate(name: "acme", backends: [FakeBackend.make(gitlab)])
        let clock = ManualClock(gitlab.now)
        return (await StateLoader.load(estate: estate, size: size, clock: clock), estate, clock)
    }

    static func text(_ state: AppState) -> String {
        Renderer.render(state, theme: theme).lines.joined(separator: "\n") + "\n"
    }

    /// Keys pressed as the console would, job actions and log fetches answered at once.
    static func press(
        _ keys: String,
        _ state: inout AppState,
        _ estate: Estate,
        _ clock: any WallClock,
        audit: any AuditLog = InMemoryAuditLog()
    ) async throws {
        try await StateLoader.press(try KeyScript.parse(keys), on: &state, estate: estate, audit: audit, clock: clock)
    }

    static func expectGolden(_ state: AppState, _ name: String) throws {
        if let mismatch = try Golden.check(text(state), name: name, directory: directory) {
            Issue.record("\(mismatch)")
        }
    }

    @Test(arguments: [ScreenID.overview, .runners, .pipelines], sizes)
    func screen(_ screen: ScreenID, size: Size) async throws {
        let (state, estate, clock) = await Self.loaded(FakeGitLabEstate.gitlab(), size: size)
        var opened = state
        try await StateLoader.open(screen, on: &opened, estate: estate, clock: clock)
        try Self.expectGolden(opened, "gitlab-\(screen.rawValue)-\(size).txt")
    }

    @Test(arguments: sizes)
    func runnersExpanded(size: Size) async throws {
        var (state, estate, clock) = await Self.loaded(FakeGitLabEstate.gitlab(), size: size)
        try await StateLoader.open(.runners, on: &state, estate: estate, clock: clock)
        try await Self.press("/ b i g Enter", &state, estate, clock)
        try Self.expectGolden(state, "gitlab-runners-big-\(size).txt")
        let text = Self.text(state)
        #expect(text.contains("3/4 pods"))
    }

    /// Open the failed pipeline, read the failed job's log, retry it with `r y`: the fake records the POST,
    /// the screen shows the new attempt pending, the next poll agrees.
    @Test func retryRoundTripThroughTheKeys() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        var (state, estate, clock) = await Self.loaded(gitlab, size: Size(width: 160, height: 50))
        let audit = InMemoryAuditLog()
        try await StateLoader.open(.pipelines, on: &state, estate: estate, clock: clock)
        state.pipelineView.list.select(id: "pl:1002", height: state.listHeight)
        try await Self.press("Enter", &state, estate, clock, audit: audit)
        state.pipelineView.jobs.select(id: "job:plan", height: state.listHeight)
        #expect(state.selectedJob?.id == Seed.scriptFailureJob)
        try await Self.press("Enter", &state, estate, clock, audit: audit)
        try Self.expectGolden(state, "gitlab-joblog-160x50.txt")
        try await Self.press("r y", &state, estate, clock, audit: audit)
        #expect(gitlab.count("POST /projects/:id/jobs/:id/retry") == 1)
        let retried = try #require(state.selectedJob)
        #expect(retried.id != Seed.scriptFailureJob && retried.status == .pending && retried.attempt == 2)
        #expect(state.flash?.text.contains("retried as #\(retried.id)") == true)
        let entries = try audit.recent(limit: 10)
        #expect(entries.contains { $0.action == "retry" && $0.target == "job #\(Seed.scriptFailureJob)" })
        let pipelines = try await estate.pipelines!.pipelines()
        #expect(pipelines.flatMap(\.jobs).first { $0.id == retried.id }?.status == .pending)
    }

    @Test func playingTheProductionDeployAsksForTheWord() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        var (state, estate, clock) = await Self.loaded(gitlab, size: Size(width: 120, height: 40))
        try await StateLoader.open(.pipelines, on: &state, estate: estate, clock: clock)
        state.pipelineView.list.select(id: "pl:1032", height: state.listHeight)
        try await Self.press("Enter", &state, estate, clock)
        state.pipelineView.jobs.select(id: "job:deploy:production", height: state.listHeight)
        #expect(state.selectedJob?.id == Seed.manualJob)
        try await Self.press("p y Enter Esc", &state, estate, clock)
        #expect(gitlab.count("POST /projects/:id/jobs/:id/play") == 0)
        #expect(state.mode == .normal)
        try await Self.press("p p r o d u c t i o n Enter", &state, estate, clock)
        #expect(gitlab.count("POST /projects/:id/jobs/:id/play") == 1)
    }
}
