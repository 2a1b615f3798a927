/// A horizontal bar for a ratio, followed by a text label so the value never depends on colour.
public struct Gauge: Widget {
    public var ratio: Double
    public var label: String
    public var symbols: Symbols
    public var filledStyle: Style
    public var emptyStyle: Style

    public init(ratio: Double, label: String, symbols: Symbols, filledStyle: Style = .plain, emptyStyle: Style = .plain)
    {
        self.ratio = ratio
        self.label = label
        self.symbols = symbols
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let labelWidth = DisplayWidth.of(label)
        let barWidth = max(0, area.width - labelWidth - 1)
        let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
        let filled = Int((Double(barWidth) * clamped).rounded())
        for i in 0..<barWidth {
            let isFilled = i < filled
            buffer.write(
                isFilled ? symbols.gaugeFull : symbols.gaugeEmpty,
                x: area.x + i,
                y: area.y,
                style: isFilled ? filledStyle : emptyStyle
            )
        }
        buffer.write(label, x: area.x + barWidth + (barWidth > 0 ? 1 : 0), y: area.y, maxWidth: area.width - barWidth)
    }
}
