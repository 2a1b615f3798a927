/// What keys mean right now.
public enum InputMode: Sendable, Hashable {
    case normal
    /// Typing a `/` filter; the list narrows on every key.
    case filter(String)
    /// Typing a `:` command.
    case command(String)
    case confirm(Confirmation)
    case help
}
