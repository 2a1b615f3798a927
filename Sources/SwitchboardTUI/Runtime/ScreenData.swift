import Foundation
import SwitchboardCore

/// The data behind a screen as JSON, for scripts: what `snapshot --format json` prints.
public enum ScreenData {
    struct OverviewData: Encodable {
        struct Unit: Encodable {
            var name: String
            var accounts: Int
        }
        struct Pool: Encodable {
            var name: String
            var online: Int
            var runners: Int
            var busy: Int
            var capacity: Int
            var queuedJobs: Int
        }
        struct Failing: Encodable {
            var id: Int
            var project: String
            var ref: String
            var failedJobs: [String]
        }
        var estate: String
        var accounts: Int
        var organizationalUnits: [Unit]
        var pools: [Pool]
        var agentTemplates: Int
        var runningAgents: Int
        var failingPipelines: [Failing]
        var feeds: [String: FeedData]
    }

    struct FeedData: Encodable {
        var updatedAt: Date?
        var stale: Bool
        var error: String?
    }

    public static func json(for screen: ScreenID, state: AppState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        switch screen {
        case .overview: return try encoder.encode(overview(state))
        case .accounts: return try encoder.encode(state.organization)
        case .runners: return try encoder.encode(state.runnerInventory)
        case .pipelines: return try encoder.encode(state.pipelines)
        case .trust: return try encoder.encode(state.trust.findings)
        case .identity: return try encoder.encode(IdentityData(state.identityView.snapshot))
        case .audit: return try encoder.encode(state.auditView.screen.rows)
        }
    }

    static func overview(_ state: AppState) -> OverviewData {
        let summary = state.overview.summary
        let units = summary.units.map { OverviewData.Unit(name: $0.name, accounts: $0.accounts) }
        let pools = (state.runnerInventory?.pools ?? []).map {
            OverviewData.Pool(
                name: $0.name,
                online: $0.onlineCount,
                runners: $0.runners.count,
                busy: $0.busy,
                capacity: $0.capacity,
                queuedJobs: $0.queuedJobs
            )
        }
        let templates = state.runnerInventory?.agentTemplates ?? []
        let failing = state.overview.failing.map { state.pipelines[$0] }.map {
            OverviewData.Failing(
                id: $0.id,
                project: $0.project,
                ref: $0.ref,
                failedJobs: $0.jobs.filter { $0.status == .failed }.map(\.name)
            )
        }
        var feeds: [String: FeedData] = [:]
        for (feed, status) in state.feeds {
            feeds[feed.rawValue] = FeedData(updatedAt: status.updatedAt, stale: status.isStale, error: status.lastError)
        }
        return OverviewData(
            estate: state.estateName,
            accounts: summary.accounts,
            organizationalUnits: units,
            pools: pools,
            agentTemplates: templates.count,
            runningAgents: templates.reduce(0) { $0 + $1.agents.count },
            failingPipelines: failing,
            feeds: feeds
        )
    }
}

/// The Identity screen as JSON: profiles, sessions (never credentials) and the caller.
struct IdentityData: Encodable {
    var profiles: [ProfileSummary]
    var sessions: [SessionSummary]
    var caller: CallerSummary?
    var callerError: String?

    init(_ snapshot: IdentitySnapshot?) {
        profiles = snapshot?.profiles ?? []
        sessions = snapshot?.sessions ?? []
        caller = snapshot?.caller
        callerError = snapshot?.callerError
    }
}
