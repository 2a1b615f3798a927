import Foundation

/// Runner pools from several backends as one inventory: GitLab reports a pool's runners, AWS the node group
/// its pods run on, so pools of the same name are merged. A backend whose part fails is shown as last read and
/// named in `staleParts`; only when every part fails (with nothing read before) does the feed fail.
public actor MergedRunnerSource: RunnerSource {
    public nonisolated let name: String
    public nonisolated let kind: String
    public nonisolated let parts: [any RunnerSource]
    private var lastGood: [Int: RunnerInventory] = [:]

    public init(_ parts: [any RunnerSource]) {
        self.parts = parts
        name = parts.map(\.name).joined(separator: "+")
        kind = parts.map(\.kind).joined(separator: "+")
    }

    /// The soonest any part wants polling.
    public nonisolated var defaultIntervals: [FeedID: TimeInterval] {
        parts.reduce(into: [:]) { result, part in
            for (feed, interval) in part.defaultIntervals { result[feed] = min(result[feed] ?? interval, interval) }
        }
    }

    public func runners() async throws -> RunnerInventory {
        let results = await withTaskGroup(of: (Int, Result<RunnerInventory, any Error>).self) { group in
            for (index, part) in parts.enumerated() {
                group.addTask {
                    do { return (index, .success(try await part.runners())) } catch { return (index, .failure(error)) }
                }
            }
            var results: [Int: Result<RunnerInventory, any Error>] = [:]
            for await (index, result) in group { results[index] = result }
            return results
        }
        var inventories: [RunnerInventory] = []
        var stale: [String: String] = [:]
        var firstError: (any Error)?
        for index in parts.indices {
            switch results[index] {
            case .success(let inventory)?:
                lastGood[index] = inventory
                inventories.append(inventory)
            case .failure(let error)?:
                firstError = firstError ?? error
                stale[parts[index].name] = Poller.describe(error)
                if let previous = lastGood[index] { inventories.append(previous) }
            case nil:
                break
            }
        }
        if inventories.isEmpty, let firstError { throw firstError }
        var merged = Self.merge(inventories)
        if !stale.isEmpty { merged.staleParts = (merged.staleParts ?? [:]).merging(stale) { $1 } }
        return merged
    }

    /// Pools of the same name become one: runners from every part, the first node group and failure counts
    /// summed; the queue is the largest any part saw (each counts the same pending jobs).
    public static func merge(_ inventories: [RunnerInventory]) -> RunnerInventory {
        var pools: [RunnerPool] = []
        var templates: [AgentTemplate] = []
        var unreadable: [String: String] = [:]
        var stale: [String: String] = [:]
        for inventory in inventories {
            templates += inventory.agentTemplates
            unreadable.merge(inventory.unreadable ?? [:]) { $1 }
            stale.merge(inventory.staleParts ?? [:]) { $1 }
            for pool in inventory.pools {
                guard let index = pools.firstIndex(where: { $0.name == pool.name }) else {
                    pools.append(pool)
                    continue
                }
                let seen = Set(pools[index].runners.map(\.id))
                pools[index].runners += pool.runners.filter { !seen.contains($0.id) }
                pools[index].tags += pool.tags.filter { !pools[index].tags.contains($0) }
                pools[index].queuedJobs = max(pools[index].queuedJobs, pool.queuedJobs)
                pools[index].nodeGroup = pools[index].nodeGroup ?? pool.nodeGroup
                if let signals = pool.failureSignals {
                    pools[index].failureSignals = (pools[index].failureSignals ?? [:]).merging(
                        signals,
                        uniquingKeysWith: +
                    )
                }
            }
        }
        return RunnerInventory(
            pools: pools,
            agentTemplates: templates,
            unreadable: unreadable.isEmpty ? nil : unreadable,
            staleParts: stale.isEmpty ? nil : stale
        )
    }
}
