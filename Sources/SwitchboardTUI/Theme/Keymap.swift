/// The keys, in one place: the footer shows those that work in the current context, the help overlay all.
public enum Keymap {
    public struct Hint: Sendable, Hashable {
        public var key: String
        public var label: String
    }

    static func hint(_ key: String, _ label: String) -> Hint { Hint(key: key, label: label) }

    /// What works right now, most useful first (the footer cuts from the end).
    public static func hints(for state: AppState) -> [Hint] {
        switch state.mode {
        case .filter: return [hint("type", "filter"), hint("Enter", "keep"), hint("Esc", "clear"), hint("↑↓", "move")]
        case .command: return [hint("Enter", "run"), hint("Tab", "complete"), hint("Esc", "cancel")]
        case .help: return [hint("Esc", "close"), hint("?", "close")]
        case .mfa: return [hint("digits", "MFA code"), hint("Enter", "assume"), hint("Esc", "cancel")]
        case .confirm(let c):
            return c.typedWord == nil
                ? [hint("y", "confirm"), hint("n", "keep"), hint("Esc", "keep")]
                : [hint("type", c.typedWord ?? ""), hint("Enter", "confirm"), hint("Esc", "keep")]
        case .normal:
            break
        }
        var hints: [Hint] = []
        switch state.screen {
        case .overview:
            hints = [hint("↑↓", "move"), hint("Enter", "open pipeline")]
        case .accounts:
            hints = [hint("↑↓", "move"), hint("Enter", "expand"), hint("t", "trust"), hint("a", "assume")]
        case .runners:
            hints = [hint("↑↓", "move"), hint("Enter", "expand"), hint("t", "trust")]
        case .trust:
            if state.trust.explanation != nil { return [hint("Esc", "close")] }
            switch state.trust.selectedRow {
            case .finding?: hints = [hint("↑↓", "move"), hint("Enter", "chains"), hint("s", "sort")]
            case .reach?:
                hints = [
                    hint("↑↓", "move"), hint("Enter", "hops"), hint("e", "explain"), hint("t", "focus"),
                    hint("a", "assume"),
                ]
            case .hop?: hints = [hint("↑↓", "move"), hint("e", "explain"), hint("t", "focus"), hint("a", "assume")]
            case nil: hints = []
            }
            if case .principal = state.trust.focus { hints += [hint("d", "direction"), hint("Esc", "back")] }
        case .identity:
            hints = [hint("↑↓", "move"), hint("Enter", "assume")]
            if state.failedHop != nil { hints.append(hint("e", "explain refusal")) }
        case .audit:
            hints = [hint("↑↓", "move")]
        case .pipelines:
            switch state.pipelineView.level {
            case .list:
                hints = [hint("↑↓", "move"), hint("Enter", "open")]
            case .pipeline:
                hints = [hint("↑↓", "move"), hint("Enter", "log"), hint("Esc", "back")]
            case .log:
                hints = [hint("↑↓", "scroll"), hint("g/G", "top/end"), hint("Esc", "back")]
            }
            if let job = state.selectedJob {
                if job.status.isRetryable { hints.append(hint("r", "retry")) }
                if job.status.isCancelable { hints.append(hint("c", "cancel")) }
                if job.status == .manual { hints.append(hint("p", "play")) }
            }
            if let pipeline = state.selectedPipeline, pipeline.hasRetryableJob {
                hints.append(hint("R", "retry pipeline"))
            }
        }
        let escGoesBack = state.screen == .pipelines && state.pipelineView.level != .list
        if !state.currentFilter.isEmpty && !escGoesBack { hints.append(hint("Esc", "clear filter")) }
        hints += [
            hint("/", "filter"), hint("?", "help"), hint("q", "quit"), hint(":", "command"), hint("Tab", "screen"),
        ]
        return hints
    }

    /// Every key, by section, for the help overlay (it fits an 80x24 terminal: 18 lines at most, labels of
    /// 47 columns).
    public static let help: [(section: String, keys: [Hint])] = [
        (
            "Move",
            [
                hint("↑ ↓  k j", "select"), hint("PgUp PgDn  ^U ^D", "page"), hint("g G  Home End", "first, last"),
                hint("→ ←  l h  Space", "expand, collapse, toggle"),
            ]
        ),
        (
            "Go",
            [
                hint("Enter", "open: pipeline, job log, chains"), hint("Esc", "back, clear filter"),
                hint("Tab  S-Tab", "next, previous screen"),
                hint("1 … 7", "screens in tab order (6 identity, 7 audit)"),
                hint(":name", ":trust :from R :to R :explain A B :q"),
            ]
        ),
        (
            "Act",
            [
                hint("r  c  p", "job: retry failed, cancel running, play manual"),
                hint("R", "pipeline: retry its failed and canceled jobs"),
                hint("t", "trust chains of the selection"), hint("a  Enter", "assume: account, role, profile"),
                hint("e  d  s", "Trust: explain, direction, sort"),
                hint("/  ?  q", "filter (any case), this help, quit"),
            ]
        ),
    ]
}
