/// A grid of cells that widgets draw into. It never touches a terminal: a terminal flushes the difference
/// between two buffers, tests compare it with a picture, the SVG export draws it.
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, filledWith cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: cell, count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    /// A buffer from literal lines, for tests: each line is padded to the widest.
    public init(lines: [String]) {
        let width = lines.map { DisplayWidth.of($0) }.max() ?? 0
        self.init(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { write(line, x: 0, y: y) }
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    public var size: Size { Size(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `maxWidth` columns and the buffer. A wide character that does not
    /// fit whole is left out. Returns the columns written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol,
        x: Int,
        y: Int,
        maxWidth: Int? = nil,
        style: Style = .plain
    )
        -> Int
    {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 { put(character, width: w, x: column, y: y, style: style) }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes spans one after another; returns the columns written.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line.spans {
            if used >= maxWidth { break }
            used += write(span.text, x: x + used, y: y, maxWidth: maxWidth - used, style: span.style)
        }
        return used
    }

    private mutating func put(_ character: Character, width w: Int, x: Int, y: Int, style: Style) {
        clearWideNeighbours(x: x, y: y)
        self[x, y] = Cell(character, style: style)
        if w == 2 {
            if x + 1 < width {
                clearWideNeighbours(x: x + 1, y: y)
                self[x + 1, y] = Cell(" ", style: style, isContinuation: true)
            }
        }
    }

    /// Overwriting half of a wide character blanks the other half.
    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// Fills `rect` with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { self[x, y] = Cell(" ", style: style) }
        }
    }

    /// Lays `style` over the cells of `rect`, keeping their symbols.
    public mutating func apply(_ style: Style, to rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { self[x, y].style = self[x, y].style.patched(with: style) }
        }
    }

    /// The text of row `y`, continuation cells left out, trailing blanks kept.
    public func text(ofRow y: Int) -> String {
        var out = ""
        out.reserveCapacity(width)
        for x in 0..<width where !self[x, y].isContinuation { out.append(self[x, y].symbol) }
        return out
    }

    /// Every row as text with trailing blanks trimmed: what golden files store.
    public var lines: [String] {
        (0..<height).map { y in
            var line = text(ofRow: y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous` (everything when the sizes differ), in row order.
    public func diff(from previous: Buffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        let full = previous == nil || previous!.width != width || previous!.height != height
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                if full || previous!.cells[i] != cells[i] { changes.append((x, y, cells[i])) }
            }
        }
        return changes
    }
}
