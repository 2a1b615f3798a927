import TUICore
import Testing

@Suite struct WidgetTests {
    @Test func blockDrawsBorderAndTitle() {
        var buffer = Buffer(width: 12, height: 3)
        buffer.render(Block(title: "Pools", trailingTitle: Line([]), symbols: .unicode), in: buffer.area)
        #expect(buffer.lines == ["┌ Pools ───┐", "│          │", "└──────────┘"])
        var ascii = Buffer(width: 6, height: 2)
        ascii.render(Block(symbols: .ascii), in: ascii.area)
        #expect(ascii.lines == ["+----+", "+----+"])
    }

    @Test func gaugeShowsTheValueAsText() {
        var buffer = Buffer(width: 14, height: 1)
        buffer.render(Gauge(ratio: 0.5, label: "3/6", symbols: .unicode), in: buffer.area)
        #expect(buffer.lines == ["█████░░░░░ 3/6"])
        var ascii = Buffer(width: 8, height: 1)
        ascii.render(Gauge(ratio: 1.5, label: "9/6", symbols: .ascii), in: ascii.area)
        #expect(ascii.lines == ["#### 9/6"])
    }

    @Test func tableRendersOnlyTheVisibleSliceWithSelection() {
        var asked: [Int] = []
        var buffer = Buffer(width: 16, height: 4)
        let table = Table(
            columns: [Column("NAME", .fill(1)), Column("N", .length(3), alignRight: true)],
            rowCount: 1000,
            selected: 11,
            offset: 10,
            headerStyle: .plain,
            selectedStyle: Style(modifiers: .reverse)
        ) { row in
            asked.append(row)
            return [Span("row \(row) with a long name"), Span("\(row % 100)")]
        }
        buffer.render(table, in: buffer.area)
        #expect(buffer.lines == ["NAME           N", "row 10 with…  10", "row 11 with…  11", "row 12 with…  12"])
        #expect(asked == [10, 11, 12])
        #expect(buffer[0, 2].style.modifiers.contains(.reverse))
        #expect(!buffer[0, 1].style.modifiers.contains(.reverse))
    }

    @Test func truncationUsesEllipsisAndRespectsWideCharacters() {
        #expect(DisplayWidth.truncate("production", to: 6) == "produ…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(DisplayWidth.fit("ab", to: 4, alignRight: true) == "  ab")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func layoutNeverExceedsItsArea() {
        let sizes = Layout.sizes([.length(5), .fill(1), .percentage(50), .min(3)], total: 20)
        #expect(sizes.reduce(0, +) == 20)
        #expect(Layout.sizes([.length(30), .fill(1)], total: 10) == [10, 0])
        #expect(Layout.sizes([.fill(1), .fill(1)], total: 0) == [0, 0])
    }

    @Test func scrollStateKeepsSelectionVisible() {
        var scroll = ScrollState()
        scroll.move(by: 25, count: 100)
        scroll.keepVisible(count: 100, height: 10)
        #expect(scroll.selected == 25 && scroll.offset == 16)
        scroll.move(by: -20, count: 100)
        scroll.keepVisible(count: 100, height: 10)
        #expect(scroll.offset == 5)
        scroll.keepVisible(count: 3, height: 10)
        #expect(scroll.selected == 2 && scroll.offset == 0)
    }

    @Test func svgHasOneTextPerStyleRunAndEscapes() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("a<b", x: 0, y: 0, style: Style(foreground: .red))
        buffer.write("日", x: 4, y: 0)
        let svg = SVGExporter(foreground: "#ffffff", background: "#000000").render(buffer)
        #expect(svg.contains(">a&lt;b</text>"))
        #expect(svg.contains("fill=\"#cd3131\""))
        #expect(svg.contains(">日</text>"))
        #expect(svg.contains("font-size=\"16.61\""))
    }
}
