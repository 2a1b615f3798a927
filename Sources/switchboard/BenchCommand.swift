import ArgumentParser
import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import TrustAnalysis

/// Prints how fast the pure parts are on a large estate: load, frame render, filter keystroke, data refresh.
/// Process-level figures (start-up, idle CPU, RSS) come from `scripts/bench`, which runs the real binary.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure render and filter times on a scaled demo estate and print the figures."
    )

    @Option(name: .long, help: "Demo scale factor (250: ~2,000 accounts, 5,000 runners, 50,000 jobs).")
    var scale: Int = 250

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .long, help: "Frames to render per screen.")
    var frames: Int = 200

    @Flag(name: .long, help: "Measure the trust analysis instead (1,000 accounts x 20 roles).")
    var trust = false

    @Option(name: .long, help: "With --trust: member accounts.")
    var accounts: Int = 1000

    @Option(name: .long, help: "With --trust: roles per account.")
    var rolesPerAccount: Int = 20

    @Flag(name: .long, help: "Measure one full read of the `kind: aws` estate of --config: wall time and API calls.")
    var aws = false

    @Option(name: .long, help: "With --aws or --gitlab: the switchboard config.")
    var config: String?

    @Option(name: .long, help: "With --aws: full reads to time.")
    var cycles: Int = 3

    @Flag(name: .long, help: "Measure poll cycles of the `kind: gitlab` backend of --config: time and API calls.")
    var gitlab = false

    @Option(name: .long, help: "With --gitlab: a URL to POST to between cycles that changes pipelines (the fake's).")
    var advance: String?

    func run() async throws {
        if trust { return benchTrust() }
        if aws { return try await benchAWS() }
        if gitlab { return try await benchGitLab() }
        let frameSize = try UsageError.frameSize(size)
        guard (1...1000).contains(scale) else { throw UsageError("--scale \(scale): use 1 to 1000") }
        let clock = ManualClock(DemoBackend.epoch.addingTimeInterval(1800))
        let backend = DemoBackend(seed: DemoBackend.defaultSeed, scale: scale, clock: clock)
        let estate = Estate(name: "bench", backends: [backend])
        let theme = Theme.named(.dark, ascii: false)

        let loadStart = ContinuousClock.now
        var state = await StateLoader.load(estate: estate, size: frameSize, clock: clock)
        let loadTime = ContinuousClock.now - loadStart
        let jobs = state.pipelines.reduce(0) { $0 + $1.jobs.count }
        let runners = state.runnerInventory?.pools.reduce(0) { $0 + $1.runners.count } ?? 0
        print(
            "estate: scale \(scale): \(state.organization?.accounts.count ?? 0) accounts, \(runners) runners, "
                + "\(state.pipelines.count) pipelines, \(jobs) jobs; frame \(frameSize)"
        )
        print("load (fetch all feeds + build rows): \(ms(loadTime))")

        for screen in ScreenID.allCases {
            state.open(screen)
            let time = measure(frames) { _ = Renderer.render(state, theme: theme) }
            print("frame \(screen.rawValue): \(ms(time)) per frame (mean of \(frames))")
        }

        state.open(.pipelines)
        var previous = Renderer.render(state, theme: theme)
        let scrollTime = measure(frames) {
            _ = Update.apply(.key(.down), to: &state)
            let next = Renderer.render(state, theme: theme)
            _ = next.diff(from: previous)
            previous = next
        }
        print("pipelines: move selection + render + diff: \(ms(scrollTime)) per key")

        for screen in [ScreenID.pipelines, .accounts, .runners] {
            state.open(screen)
            _ = Update.apply(.key(.char("/")), to: &state)
            var perKey: [Duration] = []
            for c in "production" {
                let start = ContinuousClock.now
                _ = Update.apply(.key(.char(c)), to: &state)
                _ = Renderer.render(state, theme: theme)
                perKey.append(ContinuousClock.now - start)
            }
            let worst = perKey.max() ?? .zero
            let mean = perKey.reduce(Duration.zero, +) / perKey.count
            print("filter keystroke on \(screen.rawValue) (update + render): mean \(ms(mean)), worst \(ms(worst))")
            _ = Update.apply(.key(.escape), to: &state)
        }

        let pipelines = try await backend.pipelines()
        let refreshTime = measure(20) {
            _ = Update.apply(.loaded(.pipelines(pipelines), at: clock.now()), to: &state)
        }
        print("pipelines refresh applied to the state: \(ms(refreshTime)) (mean of 20)")
        clock.advance(by: 5)
        let fetchStart = ContinuousClock.now
        _ = try await backend.pipelines()
        print("demo backend pipelines() 5 s later (not cached): \(ms(ContinuousClock.now - fetchStart))")
    }

    /// Inventory → graph → findings on a synthetic estate, and single reachability queries.
    private func benchTrust() {
        let (identity, organization) = TrustBenchEstate.make(accounts: accounts, rolesPerAccount: rolesPerAccount)
        print("trust estate: \(organization.accounts.count) accounts, \(identity.roles.count) roles")
        // Five runs, each on a fresh inventory; the machine is shared, so the median is the figure to read.
        var runs: [(parse: Duration, graph: Duration, findings: Duration)] = []
        var graph: TrustGraph?
        var findingCount = 0
        for _ in 0..<5 {
            graph = nil
            let start = ContinuousClock.now
            let inventory = TrustInventory(identity: identity, organization: organization)
            let parsed = ContinuousClock.now
            let built = TrustGraph(inventory: inventory)
            let graphed = ContinuousClock.now
            findingCount = FindingsAnalyzer(graph: built).findings().count
            let done = ContinuousClock.now
            runs.append((parsed - start, graphed - parsed, done - graphed))
            graph = built
        }
        guard let graph else { return }
        let totals = runs.map { $0.parse + $0.graph + $0.findings }.sorted()
        let median = runs.sorted { $0.parse + $0.graph + $0.findings < $1.parse + $1.graph + $1.findings }[2]
        print("graph: \(graph.nodes.count) nodes, \(graph.edges.count) edges, \(findingCount) findings")
        print(
            "inventory → graph → all findings, 5 runs: median \(ms(totals[2])) (parse \(ms(median.parse)), graph "
                + "\(ms(median.graph)), findings \(ms(median.findings))), fastest \(ms(totals[0])), slowest \(ms(totals[4]))"
        )
        let targets = identity.roles.map(\.arn).enumerated().filter {
            $0.offset % max(1, identity.roles.count / 200) == 0
        }
        .map(\.element)
        var worst = Duration.zero
        let total = targets.reduce(Duration.zero) { sum, arn in
            let t0 = ContinuousClock.now
            _ = graph.reaching(to: arn)
            let t = ContinuousClock.now - t0
            worst = max(worst, t)
            return sum + t
        }
        print("who reaches X (\(targets.count) roles): mean \(ms(total / targets.count)), worst \(ms(worst))")
        let ci = "kube2iam:small"
        for _ in 0..<3 {
            let t0 = ContinuousClock.now
            let reached = graph.reachable(from: ci).count
            print("everything \(ci) reaches (\(reached) nodes): \(ms(ContinuousClock.now - t0))")
        }
    }

    private func measure(_ count: Int, _ body: () -> Void) -> Duration {
        body()
        let start = ContinuousClock.now
        for _ in 0..<count { body() }
        return (ContinuousClock.now - start) / count
    }

    private func ms(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.3f ms", value)
    }
}
