import Foundation
import GitLabBackend
import HTTPTransport
import SwitchboardCore

extension BenchCommand {
    /// Poll cycles of the `kind: gitlab` backend of --config: a first (cold) cycle, one with nothing changed,
    /// and, with --advance, one after the server changed some pipelines. Prints wall time and API calls by route,
    /// and what the default intervals cost per minute against the server's rate limit.
    func benchGitLab() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let config else { throw UsageError("--gitlab needs --config FILE with a kind: gitlab backend") }
        let registry = EstateOptions.registry(clock: OffsetClock(start: Date()))
        let loaded = try ConfigLoader(registry: registry).load(path: config)
        guard let options = loaded.backends.first(where: { $0.kind == "gitlab" }) else {
            throw UsageError("\(config) has no kind: gitlab backend")
        }
        let backend = try GitLabBackend.make(options: options, environment: environment)
        let calls = backend.client.calls
        var perMinute: [String: Int] = [:]
        func cycle(_ label: String) async throws {
            // Polls closer together than this reuse the last one (as the two feeds do at start).
            try await Task.sleep(for: .milliseconds(2_500))
            calls.reset()
            let start = ContinuousClock.now
            let pipelines = try await backend.pipelines()
            let pipelineCalls = calls.total
            let inventory = try await backend.runners()
            let elapsed = start.duration(to: .now)
            let runnerCalls = calls.total - pipelineCalls
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let runners = inventory.pools.reduce(0) { $0 + $1.runners.count }
            print(
                "\(label): \(String(format: "%.0f", ms)) ms, \(calls.total) calls (pipelines \(pipelineCalls), "
                    + "runners \(runnerCalls)); \(pipelines.count) pipelines, \(pipelines.flatMap(\.jobs).count) jobs, "
                    + "\(inventory.pools.count) pools, \(runners) runners"
            )
            for (route, count) in calls.byRoute.sorted(by: { $0.key < $1.key }) { print("  \(route): \(count)") }
            let intervals = backend.defaultIntervals
            let pipelineRate = 60 / (intervals[.pipelines] ?? 20)
            let runnerRate = 60 / (intervals[.runners] ?? 60)
            if label.hasPrefix("first") { return }  // once per start, not a rate
            perMinute[label] = Int((Double(pipelineCalls) * pipelineRate + Double(runnerCalls) * runnerRate).rounded())
        }
        try await cycle("first poll (cold)")
        try await cycle("next poll, nothing changed")
        if let advance {
            let url = try HTTPURL(advance)
            let answer = try await SocketHTTPClient().send(HTTPRequest(method: "POST", url: url))
            guard answer.isSuccess else { throw UsageError("--advance \(advance) answered \(answer.status)") }
            try await cycle("next poll, after changes")
        }
        let limit = await RateBudget.shared(for: backend.client.api).limit
        for (label, rate) in perMinute.sorted(by: { $0.key < $1.key }) {
            let share = limit.map {
                String(format: " = %.1f%% of RateLimit-Limit %d/min", Double(rate) * 100 / Double($0), $0)
            }
            print("at the default intervals, every poll like '\(label)': \(rate) calls/min\(share ?? "")")
        }
    }
}
