/// A selection in a list and the first row shown, kept so the selection stays in view.
public struct ScrollState: Hashable, Sendable {
    public var selected: Int
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to `count`.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else {
            selected = 0
            offset = 0
            return
        }
        selected = min(count - 1, max(0, selected + delta))
    }

    public mutating func moveToStart() { selected = 0 }

    public mutating func moveToEnd(count: Int) { selected = max(0, count - 1) }

    /// Clamps to `count` and scrolls so the selection is one of the `height` rows shown.
    public mutating func keepVisible(count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        guard height > 0 else {
            offset = selected
            return
        }
        if selected < offset { offset = selected }
        if selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(0, count - height)))
    }
}
