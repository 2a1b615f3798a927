import SwitchboardCore
import TUICore

/// The symbol, word and style of each status: the word and symbol carry it, colour only repeats it.
extension Theme {
    public func symbol(for status: JobStatus) -> String {
        let ascii = symbols == .ascii
        switch status {
        case .success: return ascii ? "+" : "✔"
        case .failed: return ascii ? "x" : "✘"
        case .running, .canceling: return ascii ? "*" : "●"
        case .pending, .preparing, .waitingForResource: return ascii ? "." : "◌"
        case .created, .scheduled: return ascii ? "o" : "○"
        case .canceled: return ascii ? "/" : "⊘"
        case .skipped: return ascii ? "-" : "»"
        case .manual: return ascii ? ">" : "▷"
        case .unknown: return "?"
        }
    }

    /// Marks a warning: stale data, a production action, failure signals.
    public var warningMark: String { symbols == .ascii ? "!" : "⚠" }

    /// Between a thing and how many times it happened: `runner_system_failure ×2`.
    public var timesMark: String { symbols == .ascii ? "x" : "×" }

    public func style(for status: JobStatus) -> Style {
        switch status {
        case .success: return ok
        case .failed: return error
        case .running, .canceling: return info
        case .pending, .preparing, .waitingForResource: return warn
        case .manual: return key
        case .created, .scheduled, .canceled, .skipped, .unknown: return dim
        }
    }

    public func badge(_ status: JobStatus) -> Span {
        Span("\(symbol(for: status)) \(status.label)", style: style(for: status))
    }

    public func badge(_ runner: Runner) -> Span {
        let ascii = symbols == .ascii
        if runner.paused { return Span((ascii ? "= " : "‖ ") + "paused", style: warn) }
        switch runner.status {
        case .online: return Span((ascii ? "+ " : "● ") + "online", style: ok)
        case .offline: return Span((ascii ? "x " : "○ ") + "offline", style: error)
        case .stale: return Span((ascii ? "? " : "◌ ") + "stale", style: warn)
        case .neverContacted: return Span("- never contacted", style: dim)
        }
    }
}
