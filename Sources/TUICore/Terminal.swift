/// The screen and keyboard, as the UI loop sees them. `CursesTerminal` drives a real terminal through ncurses;
/// `TestTerminal` records frames and replays scripted keys.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `buffer`, sending only what differs from the last frame.
    func present(_ buffer: Buffer)
    /// Waits up to `timeoutMilliseconds` (forever when nil) for a key, a resize or a wake-up.
    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent?
    /// Something any thread may call to make a waiting `nextEvent` return `.wake`.
    var waker: @Sendable () -> Void { get }
}
