/// The drawing characters: Unicode box drawing, or plain ASCII when the locale is not UTF-8 or `--ascii` asks.
public struct Symbols: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var branch: String
    public var lastBranch: String
    public var expanded: String
    public var collapsed: String
    public var gaugeFull: String
    public var gaugeEmpty: String
    public var ellipsis: String
    public var selection: String

    public static let unicode = Symbols(
        horizontal: "─",
        vertical: "│",
        topLeft: "┌",
        topRight: "┐",
        bottomLeft: "└",
        bottomRight: "┘",
        branch: "├─",
        lastBranch: "└─",
        expanded: "▾",
        collapsed: "▸",
        gaugeFull: "█",
        gaugeEmpty: "░",
        ellipsis: "…",
        selection: "▶"
    )

    public static let ascii = Symbols(
        horizontal: "-",
        vertical: "|",
        topLeft: "+",
        topRight: "+",
        bottomLeft: "+",
        bottomRight: "+",
        branch: "|-",
        lastBranch: "`-",
        expanded: "v",
        collapsed: ">",
        gaugeFull: "#",
        gaugeEmpty: ".",
        ellipsis: "~",
        selection: ">"
    )
}
