import TUICore
import Testing

@Suite struct BufferTests {
    @Test func writesAndClipsText() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.write("hello world", x: 1, y: 0)
        buffer.write("ab", x: 6, y: 1)
        #expect(buffer.lines == [" hello w", "      ab"])
    }

    @Test func wideCharactersTakeTwoCellsAndNeverHalfFit() {
        var buffer = Buffer(width: 7, height: 2)
        let used = buffer.write("日本語", x: 0, y: 0)
        #expect(used == 6)
        buffer.write("a日本", x: 3, y: 1)
        #expect(buffer.lines == ["日本語", "   a日"])
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.text(ofRow: 1) == "   a日 ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(lines: ["日本"])
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x本"])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines == [" xy"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("e\u{301}a", x: 0, y: 0)
        #expect(buffer.lines == ["e\u{301}a"])
        #expect(DisplayWidth.of("e\u{301}a") == 2)
    }

    @Test func diffSendsOnlyChangedCells() {
        var a = Buffer(width: 4, height: 2)
        a.write("abcd", x: 0, y: 0)
        var b = a
        b.write("X", x: 2, y: 1)
        let changes = b.diff(from: a)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 2 && changes.first?.y == 1)
        #expect(b.diff(from: nil).count == 8)
        #expect(b.diff(from: Buffer(width: 3, height: 2)).count == 8)
    }

    @Test func styleRunsAreKept() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("ab", x: 0, y: 0, style: Style(foreground: .red))
        buffer.apply(Style(modifiers: .bold), to: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(buffer[0, 0].style == Style(foreground: .red))
        #expect(buffer[1, 0].style == Style(foreground: .red, modifiers: .bold))
        #expect(buffer[2, 0].style == Style(modifiers: .bold))
    }

    @Test func zeroSizedBuffersAreHarmless() {
        var buffer = Buffer(width: 0, height: 0)
        buffer.write("x", x: 0, y: 0)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(buffer.lines.isEmpty)
    }
}
