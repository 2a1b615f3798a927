import SwitchboardCore
import TUICore

/// A screen that is one tree of rows (Accounts, Runners): the list, what each row stands for, and whether
/// it has loaded once (the first load opens every node).
public struct TreeScreenState<Row: Sendable>: Sendable {
    public var list = TreeListState()
    public var rows: [Row] = []
    public var hasLoaded = false

    public var selectedRow: Row? { list.selectedIndex.map { rows[$0] } }

    /// New data: keeps selection, expansion and filter; the first load expands everything.
    mutating func load(_ model: TreeModel, rows: [Row], height: Int) {
        if !hasLoaded {
            list.expanded = Set(model.nodes.filter(\.hasChildren).map(\.id))
            hasLoaded = true
        }
        self.rows = rows
        list.replace(model, height: height)
    }
}

/// The Accounts screen: the OU tree with accounts as leaves.
public typealias AccountsViewState = TreeScreenState<AccountsRow>

/// The Runners screen: pools and runners, agent templates and agents.
public typealias RunnersViewState = TreeScreenState<RunnersRow>

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
    /// The highlighted pipeline, so a refresh that adds or drops failures keeps the highlight on it.
    public var selectedPipelineID: Int?
}
