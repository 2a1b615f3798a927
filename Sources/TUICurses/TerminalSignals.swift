import Glibc
import Synchronization

/// Async-signal-safe state shared with the signal handlers: a stop flag, the wake pipe, and what restores
/// the terminal when the process dies from a trap.
enum TerminalSignals {
    static let stopSignal = Atomic<Int32>(0)
    static let wakeFD = Atomic<Int32>(-1)

    /// Saved before curses starts; read only by the crash handler. Written once, before handlers exist.
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var hasSavedTermios = false
    /// `sgr0 cnorm rmkx rmcup`, computed before the crash handler can run.
    nonisolated(unsafe) static var resetBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var resetCount = 0

    /// SIGINT and SIGTERM ask the loop to stop; installed before `newterm` so ncurses leaves them to us.
    static func installStopHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                TerminalSignals.stopSignal.store(sig, ordering: .relaxed)
                let fd = TerminalSignals.wakeFD.load(ordering: .relaxed)
                if fd >= 0 {
                    var byte: UInt8 = 1
                    _ = write(fd, &byte, 1)
                }
            }
            sigemptyset(&action.sa_mask)
            // SA_RESTART: a signal in the middle of ncurses' output must not cut an escape sequence short
            // (poll is never restarted, so the loop still wakes).
            action.sa_flags = Int32(SA_RESTART)
            sigaction(sig, &action, nil)
        }
    }

    /// What was installed before the crash handlers (Swift's backtracer), by signal number.
    nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    /// Traps (SIGILL on x86-64 for a Swift precondition) and SIGQUIT restore the terminal first, then hand the
    /// signal to whatever handled it before (Swift's backtracer), so the reason is printed on the normal screen.
    static func installCrashHandlers() {
        for sig in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGQUIT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if TerminalSignals.hasSavedTermios { tcsetattr(0, TCSANOW, &TerminalSignals.savedTermios) }
                if let bytes = TerminalSignals.resetBytes { _ = write(1, bytes, TerminalSignals.resetCount) }
                // A trap is handed, at once (SA_NODEFER), to what handled it before: Swift's backtracer prints
                // why on the restored screen. Whatever that handler does after, the process then dies the
                // ordinary way, so a crash never leaves it running. SIGQUIT dies directly.
                if sig != SIGQUIT {
                    sigaction(sig, TerminalSignals.previousActions + Int(sig), nil)
                    raise(sig)
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_NODEFER)
            sigaction(sig, &action, previousActions + Int(sig))
        }
    }
}
