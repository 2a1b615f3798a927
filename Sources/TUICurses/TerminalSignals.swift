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

    /// Traps (SIGILL on x86-64 for a Swift precondition) restore the terminal, then die as they would have.
    static func installCrashHandlers() {
        for sig in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if TerminalSignals.hasSavedTermios { tcsetattr(0, TCSANOW, &TerminalSignals.savedTermios) }
                if let bytes = TerminalSignals.resetBytes { _ = write(1, bytes, TerminalSignals.resetCount) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
    }
}
