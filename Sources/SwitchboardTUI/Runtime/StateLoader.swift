import Foundation
import SwitchboardCore
import Synchronization
import TUICore

extension StateLoader {
    /// Presses `keys` on `state` as the runtime would, answering log fetches, identity loads, assumptions,
    /// audit reads and confirmed job actions at once (snapshots and tests have no loop to answer them later;
    /// actions are audited as in the console). Feed refreshes are left for the caller. Returns every effect the
    /// keys asked for.
    @discardableResult
    public static func press(
        _ keys: [Key],
        on state: inout AppState,
        estate: Estate?,
        audit: any AuditLog = InMemoryAuditLog(),
        clock: (any WallClock)? = nil,
        operatorName: String = "operator"
    ) async throws
        -> [Effect]
    {
        let work = Work(estate: estate, audit: audit, clock: clock, operatorName: operatorName)
        var all: [Effect] = []
        for key in keys {
            all += try await answer(Update.apply(.key(key), to: &state), on: &state, work: work)
        }
        return all
    }

    /// Opens a screen and answers what it loads on arrival.
    public static func open(
        _ screen: ScreenID,
        on state: inout AppState,
        estate: Estate?,
        audit: any AuditLog = InMemoryAuditLog(),
        clock: (any WallClock)? = nil,
        operatorName: String = "operator"
    ) async throws {
        let previous = state.screen
        state.open(screen)
        let work = Work(estate: estate, audit: audit, clock: clock, operatorName: operatorName)
        _ = try await answer(state.arrivalEffects(from: previous), on: &state, work: work)
    }

    /// Where answers come from: the estate, the audit log, the clock entries are stamped with, who acts.
    struct Work {
        var estate: Estate?
        var audit: any AuditLog
        var clock: (any WallClock)?
        var operatorName: String
    }

    /// Runs effects in place, and the effects their results ask for, until none are left.
    static func answer(_ effects: [Effect], on state: inout AppState, work source: Work) async throws -> [Effect] {
        let estate = source.estate
        var all = effects
        var pending = effects
        var rounds = 0
        while !pending.isEmpty && rounds < 8 {
            rounds += 1
            var next: [Effect] = []
            for effect in pending {
                var actions: [Action] = []
                switch effect {
                case .fetchLog(let jobID, let from):
                    guard let logs = estate?.pipelines else { continue }
                    actions = [.log(try await logs.log(jobID: jobID, from: from))]
                case .loadIdentity, .assume, .loadAudit, .refreshSessions, .retry, .cancel, .play, .retryPipeline:
                    guard let estate else { continue }
                    let collected = Collected()
                    let fixed = source.clock
                    let now: @Sendable () -> Date = { fixed?.now() ?? Date() }
                    let work = EffectWork(
                        estate: estate,
                        audit: source.audit,
                        operatorName: source.operatorName,
                        now: now
                    )
                    await work.perform(effect) { collected.append($0) }
                    actions = collected.actions
                default:
                    continue
                }
                for action in actions { next += Update.apply(action, to: &state) }
            }
            all += next
            pending = next
        }
        return all
    }
}

/// Actions posted by work run in place, in order.
private final class Collected: Sendable {
    private let storage = Mutex<[Action]>([])
    func append(_ action: Action) { storage.withLock { $0.append(action) } }
    var actions: [Action] { storage.withLock { $0 } }
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
