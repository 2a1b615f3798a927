import Foundation
import SwitchboardCore
import TUICore

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
