import TUICore

/// A scrollable, filterable, collapsible list over a `TreeModel`, remembering the selected row by id so a
/// refresh that reorders rows keeps the operator's place.
public struct TreeListState: Sendable {
    public private(set) var model = TreeModel()
    public private(set) var visible: [Int] = []
    public var expanded: Set<String> = []
    public private(set) var filter = ""
    public var scroll = ScrollState()
    private var selectedID: String?

    public init() {}

    public var count: Int { visible.count }

    public var selectedIndex: Int? { visible.isEmpty ? nil : visible[scroll.selected] }

    public var selectedNode: TreeNode? { selectedIndex.map { model[$0] } }

    /// Replaces the rows (new data), keeping expansion, filter and the selected id.
    public mutating func replace(_ model: TreeModel, height: Int) {
        self.model = model
        recompute(height: height)
    }

    public mutating func setFilter(_ text: String, height: Int) {
        filter = text
        recompute(height: height)
    }

    public mutating func move(by delta: Int, height: Int) {
        scroll.move(by: delta, count: count)
        settle(height: height)
    }

    public mutating func moveToStart(height: Int) {
        scroll.moveToStart()
        settle(height: height)
    }

    public mutating func moveToEnd(height: Int) {
        scroll.moveToEnd(count: count)
        settle(height: height)
    }

    /// Selects the row with `id` if it shows.
    public mutating func select(id: String, height: Int) {
        selectedID = id
        recompute(height: height)
    }

    /// Opens or closes the selected node. Returns false when it has no children.
    @discardableResult
    public mutating func toggle(height: Int) -> Bool {
        guard let node = selectedNode, node.hasChildren else { return false }
        if expanded.contains(node.id) { expanded.remove(node.id) } else { expanded.insert(node.id) }
        recompute(height: height)
        return true
    }

    /// Opens the selected node; returns false when there was nothing to open.
    @discardableResult
    public mutating func expand(height: Int) -> Bool {
        guard let node = selectedNode, node.hasChildren, !expanded.contains(node.id) else { return false }
        expanded.insert(node.id)
        recompute(height: height)
        return true
    }

    /// Closes the selected node, or moves to its parent when it is closed or a leaf.
    public mutating func collapseOrParent(height: Int) {
        guard let index = selectedIndex else { return }
        let node = model[index]
        if node.hasChildren, expanded.contains(node.id), filter.isEmpty {
            expanded.remove(node.id)
            recompute(height: height)
        } else if let parent = node.parent {
            select(id: model[parent].id, height: height)
        }
    }

    public mutating func settle(height: Int) {
        scroll.keepVisible(count: count, height: height)
        selectedID = selectedNode?.id
    }

    private mutating func recompute(height: Int) {
        visible = model.visible(expanded: expanded, filter: filter)
        if let selectedID, let position = visible.firstIndex(where: { model[$0].id == selectedID }) {
            scroll.selected = position
        }
        settle(height: height)
    }
}
