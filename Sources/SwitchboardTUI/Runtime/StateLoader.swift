import Foundation
import SwitchboardCore
import TUICore

extension StateLoader {
    /// Presses `keys` on `state` as the runtime would, answering log fetches from `logs` at once (snapshots and
    /// tests have no loop to answer them later). Returns every effect the keys asked for.
    @discardableResult
    public static func press(
        _ keys: [Key],
        on state: inout AppState,
        logs: (any PipelineSource)?
    ) async throws
        -> [Effect]
    {
        var all: [Effect] = []
        for key in keys {
            let effects = Update.apply(.key(key), to: &state)
            all += effects
            for case .fetchLog(let jobID, let from) in effects {
                guard let logs else { continue }
                _ = Update.apply(.log(try await logs.log(jobID: jobID, from: from)), to: &state)
            }
        }
        return all
    }
}

/// Fills a state from an estate once, without a poller: for snapshots, benchmarks and golden tests.
public enum StateLoader {
    public static func load(estate: Estate, size: Size, clock: any WallClock, readOnly: Bool = false) async -> AppState
    {
        let store = Store(clock: clock)
        let poller = Poller(estate: estate, intervals: .defaults, store: store)
        var state = AppState(
            estateName: estate.name,
            backendSummary: estate.backendSummary,
            feeds: poller.feeds,
            size: size,
            now: clock.now(),
            readOnly: readOnly
        )
        for feed in poller.feeds {
            do {
                switch feed {
                case .organization: await store.record(.organization(try await estate.organization!.organization()))
                case .identity: await store.record(.identity(try await estate.identity!.identityInventory()))
                case .runners: await store.record(.runners(try await estate.runners!.runners()))
                case .pipelines: await store.record(.pipelines(try await estate.pipelines!.pipelines()))
                }
            } catch {
                await store.recordFailure(feed, message: Poller.describe(error))
            }
            let event = FeedEvent(feed: feed, value: await store.value(of: feed), status: await store.status(of: feed))
            _ = Update.apply(.feed(event), to: &state)
        }
        return state
    }
}
