/// A column of a table: a title, a width rule and an alignment.
public struct Column: Sendable {
    public var title: String
    public var width: Constraint
    public var alignRight: Bool

    public init(_ title: String, _ width: Constraint, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A table that asks for the rows it shows only: a 50,000-row table costs what its visible slice costs.
public struct Table: Widget {
    public var columns: [Column]
    public var rowCount: Int
    public var selected: Int?
    public var offset: Int
    public var headerStyle: Style
    public var selectedStyle: Style
    public var ellipsis: String
    public var row: (Int) -> [Span]

    public init(
        columns: [Column],
        rowCount: Int,
        selected: Int?,
        offset: Int,
        headerStyle: Style,
        selectedStyle: Style,
        ellipsis: String = "…",
        row: @escaping (Int) -> [Span]
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.selected = selected
        self.offset = offset
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.ellipsis = ellipsis
        self.row = row
    }

    /// The number of body rows that fit in `area` (one row goes to the header).
    public static func bodyHeight(for area: Rect) -> Int { max(0, area.height - 1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let widths = Layout.sizes(columns.map(\.width), total: area.width - max(0, columns.count - 1))
        var x = area.x
        for (i, column) in columns.enumerated() {
            let text = DisplayWidth.fit(column.title, to: widths[i], alignRight: column.alignRight, ellipsis: ellipsis)
            buffer.write(text, x: x, y: area.y, maxWidth: widths[i], style: headerStyle)
            x += widths[i] + 1
        }
        let height = Table.bodyHeight(for: area)
        for line in 0..<height {
            let index = offset + line
            guard index < rowCount else { break }
            let y = area.y + 1 + line
            let cells = row(index)
            let isSelected = index == selected
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectedStyle) }
            var cx = area.x
            for (i, column) in columns.enumerated() where i < cells.count {
                let span = cells[i]
                let style = isSelected ? span.style.patched(with: selectedStyle) : span.style
                let text = DisplayWidth.fit(span.text, to: widths[i], alignRight: column.alignRight, ellipsis: ellipsis)
                buffer.write(text, x: cx, y: y, maxWidth: widths[i], style: style)
                cx += widths[i] + 1
            }
        }
    }
}
