/// Lines of text from a scroll offset, each cut at the right edge.
public struct Paragraph: Widget {
    public var lines: [Line]
    public var offset: Int
    public var style: Style

    public init(_ lines: [Line], offset: Int = 0, style: Style = .plain) {
        self.lines = lines
        self.offset = offset
        self.style = style
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        for row in 0..<area.height {
            let index = offset + row
            guard index >= 0, index < lines.count else { break }
            buffer.write(lines[index], x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }
}
