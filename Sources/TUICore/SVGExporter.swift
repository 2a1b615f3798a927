/// Draws a buffer as SVG: one `<rect>` per background run and one `<text>` per style run. DejaVu Sans Mono's
/// advance is 1233/2048 em, so the font size is chosen to make one advance exactly one cell and columns never drift.
public struct SVGExporter: Sendable {
    public var cellWidth: Double = 10
    public var cellHeight: Double = 20
    public var foreground: String
    public var background: String

    public init(foreground: String, background: String) {
        self.foreground = foreground
        self.background = background
    }

    public func render(_ buffer: Buffer) -> String {
        let fontSize = cellWidth * 2048 / 1233
        let w = Double(buffer.width) * cellWidth
        let h = Double(buffer.height) * cellHeight
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(w))" height="\(fmt(h))" \
            viewBox="0 0 \(fmt(w)) \(fmt(h))">
            <rect width="100%" height="100%" fill="\(background)"/>
            <g font-family="DejaVu Sans Mono, monospace" font-size="\(fmt(fontSize))" xml:space="preserve">

            """
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let style = buffer[x, y].style
                var end = x
                var text = ""
                var startsWide = false
                while end < buffer.width, buffer[end, y].style == style {
                    let cell = buffer[end, y]
                    if !cell.isContinuation {
                        let wide = DisplayWidth.of(cell.symbol) == 2
                        if wide && end > x { break }
                        text.append(cell.symbol)
                        if wide {
                            startsWide = true
                            end += 2
                            break
                        }
                    }
                    end += 1
                }
                out += run(text, x: x, end: min(end, buffer.width), y: y, style: style, wide: startsWide)
                x = min(end, buffer.width)
            }
        }
        out += "</g>\n</svg>\n"
        return out
    }

    private func run(_ text: String, x: Int, end: Int, y: Int, style: Style, wide: Bool) -> String {
        var fg = style.foreground?.hex ?? foreground
        var bg = style.background?.hex
        if style.modifiers.contains(.reverse) {
            let oldFg = fg
            fg = bg ?? background
            bg = oldFg
        }
        var out = ""
        let px = Double(x) * cellWidth
        let py = Double(y) * cellHeight
        if let bg {
            out += "<rect x=\"\(fmt(px))\" y=\"\(fmt(py))\" width=\"\(fmt(Double(end - x) * cellWidth))\" "
            out += "height=\"\(fmt(cellHeight))\" fill=\"\(bg)\"/>\n"
        }
        guard text.contains(where: { $0 != " " }) else { return out }
        var attributes = "x=\"\(fmt(px))\" y=\"\(fmt(py + cellHeight * 0.75))\" fill=\"\(fg)\""
        if style.modifiers.contains(.bold) { attributes += " font-weight=\"bold\"" }
        if style.modifiers.contains(.dim) { attributes += " fill-opacity=\"0.6\"" }
        if style.modifiers.contains(.underline) { attributes += " text-decoration=\"underline\"" }
        if wide { attributes += " textLength=\"\(fmt(2 * cellWidth))\"" }
        return out + "<text \(attributes)>\(escape(text))</text>\n"
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    private func fmt(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
