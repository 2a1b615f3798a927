import TUICore

/// Keys written as words, for snapshots and tests: `4 Enter j j r y`, `/ p r o d Esc`. Single characters stand
/// for themselves; `Space` is a space.
public enum KeyScript {
    public struct ParseError: Error, CustomStringConvertible {
        public var token: String
        public var description: String {
            "unknown key \"\(token)\"; use single characters or Enter, Esc, Tab, BTab, Up, Down, Left, Right, "
                + "PgUp, PgDn, Home, End, Backspace, Space, C-x"
        }
    }

    public static func parse(_ script: String) throws -> [Key] {
        try script.split(separator: " ").map { token in
            let word = String(token)
            if word.count == 1, let c = word.first { return .char(c) }
            switch word.lowercased() {
            case "enter": return .enter
            case "esc", "escape": return .escape
            case "tab": return .tab
            case "btab", "s-tab": return .backTab
            case "up": return .up
            case "down": return .down
            case "left": return .left
            case "right": return .right
            case "pgup": return .pageUp
            case "pgdn": return .pageDown
            case "home": return .home
            case "end": return .end
            case "backspace", "bs": return .backspace
            case "space": return .char(" ")
            default:
                if word.count == 3, word.lowercased().hasPrefix("c-"), let c = word.last { return .ctrl(c) }
                throw ParseError(token: word)
            }
        }
    }
}
