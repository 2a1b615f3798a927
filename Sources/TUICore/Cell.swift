/// One terminal cell. A wide character occupies its cell and marks the next one as a continuation.
public struct Cell: Equatable, Sendable {
    public var symbol: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ symbol: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
