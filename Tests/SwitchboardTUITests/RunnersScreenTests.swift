import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore
import Testing

/// What the Runners screen says beyond GitLab's statuses: pods, runners GitLab still calls online that have
/// gone quiet, failure signals of a pool, and backends whose part is shown as last read.
@Suite struct RunnersScreenTests {
    static let now = Fixtures.start

    static func runner(_ id: Int, contacted: TimeInterval, pods: Int? = nil, alive: Int? = nil) -> Runner {
        Runner(
            id: id,
            description: "small-runner-\(id)",
            tags: ["small"],
            status: .online,
            paused: false,
            executor: "kubernetes",
            version: "17.5.2",
            concurrency: 4,
            runningJobs: 0,
            contactedAt: now.addingTimeInterval(-contacted),
            pods: pods,
            podsAlive: alive
        )
    }

    static let inventory = RunnerInventory(
        pools: [
            RunnerPool(
                name: "small",
                tags: ["small"],
                runners: [
                    runner(1, contacted: 3, pods: 4, alive: 3),
                    runner(2, contacted: 47 * 60),
                    runner(3, contacted: 5, pods: 2, alive: 2),
                ],
                queuedJobs: 0,
                failureSignals: ["runner_system_failure": 2, "stuck_or_timeout_failure": 1]
            ),
            RunnerPool(
                name: "big",
                tags: ["big"],
                runners: [runner(4, contacted: 1)],
                queuedJobs: 0,
                failureSignals: ["stuck_or_timeout_failure": 3]
            ),
        ],
        agentTemplates: [],
        staleParts: ["gitlab": "GitLab answered 503 Service Unavailable after 3 attempts"]
    )

    static func state(width: Int = 160) async -> AppState {
        var state = await Fixtures.state(size: Size(width: width, height: 30))
        _ = Update.apply(.loaded(.runners(inventory), at: now), to: &state)
        state.open(.runners)
        return state
    }

    /// The line of `text` holding `needle`, with the column where it starts.
    static func find(_ needle: String, in buffer: Buffer) -> (x: Int, y: Int)? {
        for (y, line) in buffer.lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            return (DisplayWidth.of(String(line[..<range.lowerBound])), y)
        }
        return nil
    }

    @Test func runnerRowsShowPodsAndQuietRunners() async throws {
        let state = await Self.state()
        let theme = Fixtures.theme
        let buffer = Renderer.render(state, theme: theme)
        let text = buffer.lines.joined(separator: "\n")
        #expect(text.contains("3/4 pods · kubernetes · small"))
        #expect(text.contains("2/2 pods · kubernetes · small"))
        #expect(text.contains("last seen 47m ago · kubernetes · small"))
        let short = try #require(Self.find("3/4 pods", in: buffer))
        #expect(buffer[short.x, short.y].style == theme.warn)
        let healthy = try #require(Self.find("2/2 pods", in: buffer))
        #expect(buffer[healthy.x, healthy.y].style == theme.dim)
        let quiet = try #require(Self.find("last seen 47m ago", in: buffer))
        #expect(buffer[quiet.x, quiet.y].style == theme.warn)
        // Runner 4 was seen a second ago: nothing to say.
        let line = try #require(buffer.lines.first { $0.contains("small-runner-4") })
        #expect(!line.contains("last seen") && !line.contains("pods"))
    }

    @Test func poolRowsShowFailureSignals() async throws {
        let state = await Self.state(width: 200)
        let theme = Fixtures.theme
        let buffer = Renderer.render(state, theme: theme)
        let small = try #require(buffer.lines.first { $0.contains("pool small") })
        #expect(small.contains("0/12 ⚠ runner_system_failure ×2, stuck_or_timeout_failure ×1 · no qu"))
        let smallSignals = try #require(Self.find("⚠ runner_system_failure", in: buffer))
        #expect(buffer[smallSignals.x, smallSignals.y].style == theme.error)
        let bigSignals = try #require(Self.find("⚠ stuck_or_timeout_failure ×3", in: buffer))
        #expect(buffer[bigSignals.x, bigSignals.y].style == theme.warn)
        let ascii = Renderer.render(state, theme: .named(.mono, ascii: true)).lines.joined(separator: "\n")
        #expect(ascii.contains("! runner_system_failure x2, stuck_or_timeout_failure x1"))
        #expect(ascii.contains("! gitlab stale"))
    }

    @Test func staleBackendsAreNamedInTheTitleAndARow() async throws {
        let wide = await Self.state()
        let lines = Renderer.render(wide, theme: Fixtures.theme).lines
        #expect(lines[2].hasPrefix("┌ Runners "))
        #expect(lines[2].contains(" ⚠ gitlab stale: GitLab answered 503 Service Unavailable after 3 attempts ┐"))
        let row = try #require(lines.first { $0.contains("⚠ gitlab stale") && $0.hasPrefix("│") })
        #expect(row.contains("last read") && row.contains("GitLab answered 503"))
        // Narrow: the title keeps the name and drops the reason.
        let narrow = await Self.state(width: 80)
        let title = Renderer.render(narrow, theme: Fixtures.theme).lines[2]
        #expect(title.contains(" ⚠ gitlab stale ┐"))
        #expect(!title.contains("503"))
    }

    @Test(arguments: [
        ("stale", ["stale:gitlab"]),
        ("runner_system_failure", ["pool:small"]),
        ("stuck_or_timeout", ["pool:small", "pool:big"]),
        ("last seen", ["runner:2"]),
        ("3/4 pods", ["runner:1"]),
    ])
    func filterFindsTheNewWords(_ needle: String, _ ids: [String]) async throws {
        var state = await Self.state()
        try await Fixtures.press("/ " + needle.map { $0 == " " ? "Space" : String($0) }.joined(separator: " "), &state)
        let shown = state.runners.list.visible.map { state.runners.list.model[$0].id }
        for id in ids { #expect(shown.contains(id)) }
        let leaves = shown.filter { !$0.hasPrefix("grp:") && !ids.contains($0) }
        // Only the matches and the pools holding matched runners remain.
        #expect(leaves.allSatisfy { $0.hasPrefix("pool:") })
    }
}
