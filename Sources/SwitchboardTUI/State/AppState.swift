import Foundation
import SwitchboardCore
import TUICore

/// Everything the console shows, as a value. `Update.apply` is the only thing that changes it.
public struct AppState: Sendable {
    public var estateName: String
    public var backendSummary: String
    public var size: Size
    public var now: Date
    public var screen: ScreenID = .overview
    public var mode: InputMode = .normal
    public var flash: Flash?
    public var readOnly: Bool
    public var shouldQuit = false

    public var organization: Organization?
    public var identity: IdentityInventory?
    public var runnerInventory: RunnerInventory?
    public var pipelines: [Pipeline] = []
    public var pipelineIndex: [Int: Int] = [:]
    /// The feeds this estate has, and how fresh each is.
    public var feeds: [FeedID: FeedStatus]

    public var overview = OverviewViewState()
    public var accounts = AccountsViewState()
    public var runners = RunnersViewState()
    public var pipelineView = PipelinesViewState()
    public var trust = TrustViewState()
    public var identityView = IdentityViewState()
    public var auditView = AuditViewState()

    /// Below this the console shows a notice instead of screens.
    public static let minimumSize = Size(width: 60, height: 16)

    public init(
        estateName: String,
        backendSummary: String,
        feeds: [FeedID],
        size: Size,
        now: Date,
        readOnly: Bool = false
    ) {
        self.estateName = estateName
        self.backendSummary = backendSummary
        self.size = size
        self.now = now
        self.readOnly = readOnly
        self.feeds = Dictionary(uniqueKeysWithValues: feeds.map { ($0, FeedStatus()) })
    }

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Rows of a list body on every screen: the frame less header, tabs, status, keys, border and column header.
    public var listHeight: Int { max(1, size.height - 7) }

    /// Lines of a log body: as a list, without the column header.
    public var logHeight: Int { max(1, size.height - 6) }

    /// Rows of the failing-pipelines table on the Overview.
    public var overviewListHeight: Int { max(1, size.height - 4 - OverviewLayout.topHeight(for: self) - 3) }

    public func pipeline(id: Int) -> Pipeline? { pipelineIndex[id].map { pipelines[$0] } }

}

/// Sizes of the Overview's panels, shared by the renderer and the state machine.
public enum OverviewLayout {
    public static func topHeight(for state: AppState) -> Int {
        let body = max(0, state.size.height - 4)
        let pools = state.runnerInventory?.pools.count ?? 3
        let units = state.organization.map { 1 + $0.root.children.count } ?? 3
        let wanted = max(pools + 4, units + 5) + 2
        return min(wanted, max(6, body / 2))
    }
}
