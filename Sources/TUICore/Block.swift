/// A bordered box with a title; `inner(_:)` is the area left for its content.
public struct Block: Widget {
    public var title: Line
    public var trailingTitle: Line
    public var symbols: Symbols
    public var borderStyle: Style
    public var fillStyle: Style?

    public init(
        title: Line = Line([]),
        trailingTitle: Line = Line([]),
        symbols: Symbols,
        borderStyle: Style = .plain,
        fillStyle: Style? = nil
    ) {
        self.title = title
        self.trailingTitle = trailingTitle
        self.symbols = symbols
        self.borderStyle = borderStyle
        self.fillStyle = fillStyle
    }

    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        if let fillStyle { buffer.fill(area, style: fillStyle) }
        let s = symbols
        let top = area.y
        let bottom = area.bottom - 1
        for x in (area.x + 1)..<(area.right - 1) {
            buffer.write(s.horizontal, x: x, y: top, style: borderStyle)
            buffer.write(s.horizontal, x: x, y: bottom, style: borderStyle)
        }
        for y in (top + 1)..<bottom {
            buffer.write(s.vertical, x: area.x, y: y, style: borderStyle)
            buffer.write(s.vertical, x: area.right - 1, y: y, style: borderStyle)
        }
        buffer.write(s.topLeft, x: area.x, y: top, style: borderStyle)
        buffer.write(s.topRight, x: area.right - 1, y: top, style: borderStyle)
        buffer.write(s.bottomLeft, x: area.x, y: bottom, style: borderStyle)
        buffer.write(s.bottomRight, x: area.right - 1, y: bottom, style: borderStyle)
        let room = area.width - 4
        if room > 0, !title.spans.isEmpty {
            buffer.write(Line([Span(" ")] + title.spans + [Span(" ")]), x: area.x + 1, y: top, maxWidth: room + 2)
        }
        let trailingWidth = trailingTitle.width + 2
        if !trailingTitle.spans.isEmpty, trailingWidth + title.width + 4 <= area.width - 2 {
            buffer.write(
                Line([Span(" ")] + trailingTitle.spans + [Span(" ")]),
                x: area.right - 1 - trailingWidth,
                y: top,
                maxWidth: trailingWidth
            )
        }
    }
}
