import Foundation
import SwitchboardCore
import Testing

/// A backend's preferred intervals apply where the config file sets none.
@Suite struct IntervalsTests {
    struct SlowRunners: RunnerSource {
        var name = "aws"
        var kind = "aws"
        var defaultIntervals: [FeedID: TimeInterval] { [.runners: 60] }
        func runners() async throws -> RunnerInventory { RunnerInventory(pools: [], agentTemplates: []) }
    }

    @Test func backendDefaultsUnlessTheFileSaysOtherwise() throws {
        let estate = Estate(name: "x", backends: [SlowRunners()])
        var config = SwitchboardConfig(estateName: "x", backends: [])
        #expect(config.intervals(for: estate).runners == 60)
        #expect(config.intervals(for: estate).pipelines == PollIntervals.defaults.pipelines)
        config.intervals.runners = 20
        config.explicitIntervals = [.runners]
        #expect(config.intervals(for: estate).runners == 20)

        var registry = BackendRegistry()
        registry.register(.init(kind: "aws", keys: []) { _ in SlowRunners() })
        let parsed = try ConfigLoader(registry: registry).parse(
            "backends:\n  - kind: aws\npoll:\n  pipelines: 20s\n",
            file: "c.yaml"
        )
        #expect(parsed.explicitIntervals == [.pipelines])
        #expect(parsed.intervals(for: estate).runners == 60 && parsed.intervals(for: estate).pipelines == 20)
    }
}
