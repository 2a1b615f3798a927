/// A rectangle of cells, origin top-left.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var right: Int { x + width }
    public var bottom: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func inset(by n: Int) -> Rect { inset(horizontal: n, vertical: n) }

    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x)
        let y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(right, other.right) - x0, height: min(bottom, other.bottom) - y0)
    }

    /// A rectangle of at most `width`×`height` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

}
