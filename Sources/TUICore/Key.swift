/// A key press, decoded by the terminal.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}

/// What a terminal hands to the UI loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
    /// Another thread has news for the loop (data arrived, an effect finished, a signal).
    case wake
}
