import SwitchboardCore
import TUICore

/// The Accounts screen: the OU tree and what each row stands for.
public struct AccountsViewState: Sendable {
    public var list = TreeListState()
    public var rows: [AccountsRow] = []
    public var hasLoaded = false

    public var selectedRow: AccountsRow? { list.selectedIndex.map { rows[$0] } }
}

/// The Runners screen.
public struct RunnersViewState: Sendable {
    public var list = TreeListState()
    public var rows: [RunnersRow] = []
    public var hasLoaded = false

    public var selectedRow: RunnersRow? { list.selectedIndex.map { rows[$0] } }
}

/// The Pipelines screen: the list, an open pipeline, an open job log.
public struct PipelinesViewState: Sendable {
    public enum Level: Sendable, Hashable {
        case list
        case pipeline(Int)
        case log(jobID: Int, pipelineID: Int)
    }

    public var level: Level = .list
    public var list = TreeListState()
    public var jobs = TreeListState()
    public var jobRows: [JobsRow] = []
    public var logView: LogViewState?
    /// Where Esc goes from the open pipeline when it was opened from another screen (the Overview).
    public var returnTo: ScreenID?
    /// The open pipeline as last seen, kept if it drops out of the feed's window.
    public var openPipeline: Pipeline?

    public var openPipelineID: Int? {
        switch level {
        case .list: return nil
        case .pipeline(let id): return id
        case .log(_, let id): return id
        }
    }
}

/// The Overview screen: the failing pipelines it lists.
public struct OverviewViewState: Sendable {
    /// Indices into the pipelines of those that failed, newest first.
    public var failing: [Int] = []
    public var filter = ""
    public var scroll = ScrollState()
    public var summary = OverviewSummary()
}
