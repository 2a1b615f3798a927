import CNcursesw
import Glibc
import TUICore

/// A real terminal through ncurses: the only type that imports it. Owned by the UI loop's thread.
public final class CursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case unusableTerminal(String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "standard input and output must be a terminal; for a picture without one, use "
                    + "`switchboard snapshot`"
            case .unusableTerminal(let term):
                return "TERM=\(term) cannot address the cursor; set TERM to your terminal (e.g. xterm-256color)"
            }
        }
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Buffer?
    private var pairs: [Int: Int32] = [:]
    private let colorCount: Int32
    private let wakePipe: (read: Int32, write: Int32)
    private var ended = false
    /// Whether the locale lets ncursesw draw Unicode (else use ASCII line drawing).
    public let supportsUnicode: Bool

    public var stopSignal: Int32 { TerminalSignals.stopSignal.load(ordering: .relaxed) }

    public init() throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        supportsUnicode = Self.setUpLocale()
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        wakePipe = (fds[0], fds[1])
        TerminalSignals.wakeFD.store(fds[1], ordering: .relaxed)
        if tcgetattr(0, &TerminalSignals.savedTermios) == 0 { TerminalSignals.hasSavedTermios = true }
        TerminalSignals.installStopHandlers()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = newterm(nil, fdopen(1, "w"), fdopen(0, "r")) else {
            throw StartError.unusableTerminal(term.isEmpty ? "(unset)" : term)
        }
        self.screen = screen
        set_term(screen)
        guard sb_tigetstr("cup") != nil, let window = sb_stdscr() else {
            endwin()
            delscreen(screen)
            throw StartError.unusableTerminal(term)
        }
        self.window = window
        Self.prepareResetBytes()
        TerminalSignals.installCrashHandlers()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        let colors = tigetnum("colors")
        colorCount = colors > 0 ? colors : 0
        if has_colors() {
            start_color()
            use_default_colors()
        }
    }

    deinit { end() }

    /// Restores the terminal. Safe to call twice.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        delscreen(screen)
        if TerminalSignals.hasSavedTermios { tcsetattr(0, TCSANOW, &TerminalSignals.savedTermios) }
        TerminalSignals.wakeFD.store(-1, ordering: .relaxed)
        close(wakePipe.read)
        close(wakePipe.write)
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Writes to the wake pipe while it is open; after `end()` the descriptor reads -1 and a late poller or
    /// effect task writes nowhere instead of to a closed (or reused) descriptor.
    public var waker: @Sendable () -> Void {
        {
            let fd = TerminalSignals.wakeFD.load(ordering: .relaxed)
            guard fd >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    public func present(_ buffer: Buffer) {
        let changes = buffer.diff(from: previous)
        let resized = previous?.size != buffer.size
        previous = buffer
        if changes.isEmpty { return }
        if resized { werase(window) }
        var wide = [wchar_t](repeating: 0, count: 6)
        var cchar = cchar_t()
        for change in changes where !change.cell.isContinuation {
            var count = 0
            for scalar in change.cell.symbol.unicodeScalars where count < 5 {
                wide[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            wide[count] = 0
            let (attributes, pair) = attributes(for: change.cell.style)
            if setcchar(&cchar, wide, attributes, Int16(clamping: pair), nil) == ERR {
                wide[0] = wchar_t(UInt8(ascii: "?"))
                wide[1] = 0
                setcchar(&cchar, wide, attributes, Int16(clamping: pair), nil)
            }
            mvwadd_wch(window, Int32(change.y), Int32(change.x), &cchar)
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        if let event = readKey() { return event }
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(
                fd: wakePipe.read,
                events: Int16(POLLIN),
                revents: 0
            ),
        ]
        let result = poll(&fds, 2, Int32(timeoutMilliseconds ?? -1))
        if result < 0 {
            // A signal: SIGWINCH (ncurses queues KEY_RESIZE) or a stop request.
            return readKey() ?? .wake
        }
        if fds[1].revents != 0 {
            var sink = [UInt8](repeating: 0, count: 256)
            while read(wakePipe.read, &sink, sink.count) > 0 {}
            return readKey() ?? .wake
        }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            // The terminal went away: stop rather than spin on a dead descriptor.
            TerminalSignals.stopSignal.store(SIGHUP, ordering: .relaxed)
            return .wake
        }
        if fds[0].revents != 0 { return readKey() }
        return nil
    }

    private func readKey() -> TerminalEvent? {
        wtimeout(window, 0)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE { return .resize(size) }
            return Self.decodeKeyCode(Int32(character)).map(TerminalEvent.key)
        }
        if result == OK { return Self.decodeCharacter(UInt32(character)).map(TerminalEvent.key) }
        return nil
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_F0 + 1...KEY_F0 + 24: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default: return Unicode.Scalar(value).map { .char(Character($0)) }
        }
    }

    private func attributes(for style: Style) -> (attr_t, Int32) {
        var attributes = sb_A_NORMAL
        if style.modifiers.contains(.bold) { attributes |= sb_A_BOLD }
        if style.modifiers.contains(.dim) { attributes |= sb_A_DIM }
        if style.modifiers.contains(.reverse) { attributes |= sb_A_REVERSE }
        if style.modifiers.contains(.underline) { attributes |= sb_A_UNDERLINE }
        guard colorCount >= 8 else { return (attributes, 0) }
        var foreground = Int32(style.foreground?.paletteIndex ?? -1)
        var background = Int32(style.background?.paletteIndex ?? -1)
        if colorCount < 16 {
            if foreground >= 8 && foreground < 16 {
                foreground -= 8
                attributes |= sb_A_BOLD
            }
            if background >= 8 && background < 16 { background -= 8 }
        }
        if foreground >= colorCount { foreground = -1 }
        if background >= colorCount { background = -1 }
        if foreground == -1 && background == -1 { return (attributes, 0) }
        let key = Int(foreground + 1) * 1024 + Int(background + 1)
        if let pair = pairs[key] { return (attributes, pair) }
        let pair = alloc_pair(foreground, background)
        pairs[key] = max(0, pair)
        return (attributes, max(0, pair))
    }

    /// Takes the user's locale. When its codeset is not UTF-8 the terminal may not show Unicode either, so the
    /// console draws with ASCII; ncursesw still needs a UTF-8 LC_CTYPE to pass other text, so take C.UTF-8.
    private static func setUpLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return false
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static func prepareResetBytes() {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = sb_tigetstr(capability) {
                bytes += Array(String(cString: value).utf8)
            }
        }
        bytes += Array("\r\n".utf8)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        TerminalSignals.resetBytes = storage
        TerminalSignals.resetCount = bytes.count
    }
}

extension CursesTerminal {
    /// True once SIGINT, SIGTERM or SIGHUP arrived; the UI loop checks it between events.
    public static let stopRequested: @Sendable () -> Bool = {
        TerminalSignals.stopSignal.load(ordering: .relaxed) != 0
    }
}

extension CursesTerminal {
    /// Caps glibc's malloc arenas (one per thread by default): call first thing, before threads start.
    public static func limitMallocArenas(to count: Int32) { sb_limit_malloc_arenas(count) }

    /// Returns the heap pages start-up freed to the system (glibc's `malloc_trim`).
    public static func trimMalloc() { sb_trim_malloc() }
}
