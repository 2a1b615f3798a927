import Foundation
import SwitchboardCore
import TUICore

/// What every screen draws with: the state, the theme and the buffer.
struct Frame {
    let state: AppState
    let theme: Theme
    var buffer: Buffer

    var symbols: Symbols { theme.symbols }

    /// A bordered panel titled `title`, marked stale (with the feed's age) when its feed's last refresh failed.
    /// Returns the inner area.
    mutating func panel(_ title: String, feed: FeedID?, in area: Rect, trailing: [Span] = []) -> Rect {
        var trailingSpans = trailing
        if let feed, let status = state.feeds[feed], status.isStale {
            let age = status.updatedAt.map { " " + DurationText.age(state.now.timeIntervalSince($0)) } ?? ""
            trailingSpans = [Span("\(theme.warningMark) stale\(age)", style: theme.warn)]
        }
        buffer.render(
            Block(
                title: Line(title, style: theme.title),
                trailingTitle: Line(trailingSpans),
                symbols: symbols,
                borderStyle: theme.border
            ),
            in: area
        )
        return area.inset(by: 1)
    }

    /// Writes the placeholder for a feed with no data yet: loading, or the error that keeps it empty.
    mutating func placeholder(for feed: FeedID, in area: Rect) {
        guard !area.isEmpty else { return }
        let status = state.feeds[feed]
        let line: Line
        if let status, let error = status.lastError {
            line = Line("\(theme.symbol(for: .failed)) \(feed.rawValue) unavailable: \(error)", style: theme.error)
        } else if status == nil {
            line = Line("No backend offers \(feed.rawValue) in this estate.", style: theme.dim)
        } else {
            line = Line("Loading \(feed.rawValue)\(symbols.ellipsis)", style: theme.dim)
        }
        buffer.write(line, x: area.x + 1, y: area.y, maxWidth: area.width - 1)
    }

    func age(_ date: Date?) -> String {
        guard let date else { return "-" }
        return DurationText.age(state.now.timeIntervalSince(date))
    }

    /// A tree row's name: indent, fold marker and text.
    func treeLabel(_ node: TreeNode, _ text: String, expanded: Set<String>) -> String {
        let indent = String(repeating: "  ", count: node.depth)
        let marker = node.hasChildren ? (expanded.contains(node.id) ? symbols.expanded : symbols.collapsed) : " "
        return indent + marker + " " + text
    }
}

extension Frame {
    /// A table over a tree list in the theme's styles; `row` gets a node's index and the node, and is asked
    /// only for the rows that show.
    mutating func drawList(
        _ list: TreeListState,
        columns: [Column],
        in area: Rect,
        row: @escaping (_ index: Int, _ node: TreeNode) -> [Span]
    ) {
        buffer.render(
            Table(
                columns: columns,
                rowCount: list.count,
                selected: list.scroll.selected,
                offset: list.scroll.offset,
                headerStyle: theme.columnHeader,
                selectedStyle: theme.selected,
                ellipsis: symbols.ellipsis
            ) { position in
                let index = list.visible[position]
                return row(index, list.model[index])
            },
            in: area
        )
    }
}
