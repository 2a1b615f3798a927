import Foundation
import SwitchboardCore
import TUICore

/// Draws the whole console for a state. Pure: the same state and theme give the same buffer.
public enum Renderer {
    public static func render(_ state: AppState, theme: Theme) -> Buffer {
        var frame = Frame(state: state, theme: theme, buffer: Buffer(size: state.size))
        frame.draw()
        return frame.buffer
    }
}

extension Frame {
    mutating func draw() {
        let area = buffer.area
        guard !area.isEmpty else { return }
        if state.isTooSmall {
            drawTooSmall(area)
            return
        }
        let rows = Layout.vertical([.length(1), .length(1), .fill(1), .length(1), .length(1)], in: area)
        drawHeader(rows[0])
        drawTabs(rows[1])
        switch state.screen {
        case .overview: drawOverview(rows[2])
        case .accounts: drawAccounts(rows[2])
        case .runners: drawRunners(rows[2])
        case .pipelines: drawPipelines(rows[2])
        case .trust: drawTrust(rows[2])
        case .identity: drawIdentity(rows[2])
        case .audit: drawAudit(rows[2])
        }
        drawStatusLine(rows[3])
        drawKeys(rows[4])
        switch state.mode {
        case .help: drawHelp(rows[2])
        case .confirm(let confirmation): drawConfirm(confirmation, in: rows[2])
        case .mfa(let prompt): drawMFA(prompt, in: rows[2])
        default: break
        }
    }

    private mutating func drawTooSmall(_ area: Rect) {
        let min = AppState.minimumSize
        let lines = [
            "Terminal too small",
            "\(state.size.width)x\(state.size.height), need \(min.width)x\(min.height)",
            "q quits",
        ]
        let top = max(0, (area.height - lines.count) / 2)
        for (i, text) in lines.enumerated() where top + i < area.height {
            let width = DisplayWidth.of(text)
            buffer.write(text, x: max(0, (area.width - width) / 2), y: top + i, style: i == 0 ? theme.warn : theme.dim)
        }
    }

    private mutating func drawHeader(_ area: Rect) {
        buffer.fill(area, style: theme.header)
        // Most important first, so a narrow terminal cuts the least useful part: the feeds and their error
        // badges come before the backend's name.
        var spans = [
            Span(" Switchboard ", style: theme.header),
            Span("\(symbols.vertical) \(state.estateName) ", style: theme.header),
        ]
        if state.readOnly { spans.append(Span("\(symbols.vertical) READ-ONLY ", style: theme.header)) }
        spans.append(Span("\(symbols.vertical) ", style: theme.header))
        for feed in FeedID.allCases {
            guard let status = state.feeds[feed] else { continue }
            if status.isStale {
                let mark = symbols == .ascii ? "!" : "✘"
                let age = status.updatedAt.map { "stale " + DurationText.age(state.now.timeIntervalSince($0)) }
                spans.append(Span(" \(mark) \(feed.label) \(age ?? "down") ", style: theme.error))
                spans.append(Span(" ", style: theme.header))
            } else {
                let age = status.updatedAt.map { DurationText.age(state.now.timeIntervalSince($0)) } ?? "…"
                spans.append(Span("\(feed.label) \(age) ", style: theme.header))
            }
        }
        spans.append(Span("\(symbols.vertical) backend \(state.backendSummary) ", style: theme.header))
        buffer.write(Line(spans), x: area.x, y: area.y, maxWidth: area.width)
    }

    private mutating func drawTabs(_ area: Rect) {
        var x = area.x
        // Padded tabs when they fit, tight ones on a narrow terminal.
        let padded = ScreenID.allCases.reduce(0) { $0 + DisplayWidth.of($1.title) + 5 } <= area.width
        for screen in ScreenID.allCases {
            let active = screen == state.screen
            let text =
                active
                ? "[\(screen.number) \(screen.title)]"
                : padded ? " \(screen.number) \(screen.title) " : "\(screen.number) \(screen.title)"
            x += buffer.write(
                text,
                x: x,
                y: area.y,
                maxWidth: area.right - x,
                style: active ? theme.tabActive : theme.tabInactive
            )
            x += 1
        }
        let crumb = breadcrumb
        let width = DisplayWidth.of(crumb)
        if !crumb.isEmpty, x + width + 1 < area.right {
            buffer.write(crumb, x: area.right - width - 1, y: area.y, style: theme.dim)
        }
    }

    private var breadcrumb: String {
        guard state.screen == .pipelines else { return "" }
        let sep = symbols == .ascii ? " > " : " › "
        switch state.pipelineView.level {
        case .list:
            return ""
        case .pipeline(let id):
            return "pipelines" + sep + "#\(id)"
        case .log(let jobID, let pipelineID):
            let name = state.pipelineView.openPipeline?.job(id: jobID)?.name ?? "#\(jobID)"
            return "pipelines" + sep + "#\(pipelineID)" + sep + name
        }
    }

    private mutating func drawStatusLine(_ area: Rect) {
        let prompt: (String, String)?
        switch state.mode {
        case .filter(let text): prompt = ("/", text)
        case .command(let text): prompt = (":", text)
        default: prompt = nil
        }
        if let (sign, text) = prompt {
            let line = Line([Span(sign, style: theme.key), Span(text), Span(cursor, style: theme.key)])
            buffer.write(line, x: area.x, y: area.y, maxWidth: area.width)
            return
        }
        if let flash = state.flash {
            let style: Style
            switch flash.level {
            case .info: style = theme.info
            case .success: style = theme.ok
            case .error: style = theme.error
            }
            buffer.write(flash.text, x: area.x, y: area.y, maxWidth: area.width, style: style)
            return
        }
        var x = area.x
        let filter = state.currentFilter
        if !filter.isEmpty {
            x += buffer.write(
                Line([
                    Span("filter ", style: theme.dim), Span("/\(filter)", style: theme.key),
                    Span("  Esc clears  ", style: theme.dim),
                ]),
                x: x,
                y: area.y,
                maxWidth: area.width
            )
        }
        // A failing feed says why on this line until it recovers; the header only carries its badge.
        for feed in FeedID.allCases {
            guard let status = state.feeds[feed], let error = status.lastError, x < area.right else { continue }
            let text = "\(symbols == .ascii ? "!" : "✘") \(feed.rawValue): \(error) (retrying)  "
            x += buffer.write(text, x: x, y: area.y, maxWidth: area.right - x, style: theme.error)
        }
    }

    private var cursor: String { symbols == .ascii ? "_" : "▏" }

    private mutating func drawKeys(_ area: Rect) {
        var x = area.x
        for hint in Keymap.hints(for: state) {
            let width = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3
            if x + width > area.right { break }
            x += buffer.write("<\(hint.key)>", x: x, y: area.y, style: theme.key)
            x += buffer.write(" \(hint.label)  ", x: x, y: area.y, maxWidth: area.right - x, style: theme.dim)
        }
    }

    private mutating func drawHelp(_ body: Rect) {
        let rows = Keymap.help.reduce(0) { $0 + $1.keys.count + 1 }
        let box = body.centered(width: 72, height: rows + 2)
        buffer.fill(box)
        let inner = panel("Help", feed: nil, in: box, trailing: [Span("Esc closes", style: theme.dim)])
        var y = inner.y
        for section in Keymap.help {
            guard y < inner.bottom else { break }
            buffer.write(section.section, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: theme.title)
            y += 1
            for hint in section.keys where y < inner.bottom {
                buffer.write(DisplayWidth.fit(hint.key, to: 20), x: inner.x + 2, y: y, maxWidth: 20, style: theme.key)
                buffer.write(hint.label, x: inner.x + 23, y: y, maxWidth: max(0, inner.width - 23))
                y += 1
            }
        }
    }

    private mutating func drawConfirm(_ confirmation: Confirmation, in body: Rect) {
        let box = body.centered(width: 72, height: confirmation.typedWord == nil ? 7 : 9)
        buffer.fill(box)
        let wording = ConfirmWording(confirmation.kind)
        let inner = panel(wording.panelTitle, feed: nil, in: box)
        guard inner.height > 0 else { return }
        let width = inner.width - 2
        let title = DisplayWidth.fit(confirmation.title, to: width, ellipsis: symbols.ellipsis)
        buffer.write(title, x: inner.x + 1, y: inner.y, maxWidth: width, style: theme.title)
        let detail = DisplayWidth.fit(confirmation.detail, to: width, ellipsis: symbols.ellipsis)
        buffer.write(detail, x: inner.x + 1, y: inner.y + 1, maxWidth: width, style: theme.dim)
        if let word = confirmation.typedWord {
            let warning = "\(theme.warningMark) \(wording.productionWarning)"
            buffer.write(warning, x: inner.x + 1, y: inner.y + 3, maxWidth: inner.width - 2, style: theme.warn)
            buffer.write(
                Line([
                    Span("Type "), Span(word, style: theme.key), Span(" to confirm: "),
                    Span(confirmation.typed), Span(cursor, style: theme.key),
                ]),
                x: inner.x + 1,
                y: inner.y + 4,
                maxWidth: inner.width - 2
            )
            buffer.write(
                "Enter confirms · Esc \(wording.keep)",
                x: inner.x + 1,
                y: inner.y + 6,
                maxWidth: inner.width - 2,
                style: theme.dim
            )
        } else {
            buffer.write(
                Line([
                    Span("y", style: theme.key), Span(" \(wording.verb)    "), Span("n", style: theme.key),
                    Span(" / "), Span("Esc", style: theme.key), Span(" keep as is"),
                ]),
                x: inner.x + 1,
                y: inner.y + 3,
                maxWidth: inner.width - 2
            )
        }
    }

    private mutating func drawMFA(_ prompt: MFAPrompt, in body: Rect) {
        let box = body.centered(width: 66, height: 7)
        buffer.fill(box)
        let inner = panel("MFA code", feed: nil, in: box)
        guard inner.height > 0 else { return }
        buffer.write(
            "Assume \(prompt.request)",
            x: inner.x + 1,
            y: inner.y,
            maxWidth: inner.width - 2,
            style: theme.title
        )
        buffer.write(prompt.serial, x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, style: theme.dim)
        let masked = String(repeating: symbols == .ascii ? "*" : "•", count: prompt.code.count)
        buffer.write(
            Line([Span("Code: "), Span(masked), Span(cursor, style: theme.key)]),
            x: inner.x + 1,
            y: inner.y + 3,
            maxWidth: inner.width - 2
        )
    }
}

/// What the confirmation box says for each kind of action.
private struct ConfirmWording {
    var panelTitle: String
    /// After `y`.
    var verb: String
    var productionWarning = "This deploys to production."
    /// After `Esc` when a word must be typed.
    var keep = "keeps the job as it is"

    init(_ kind: Confirmation.Kind) {
        switch kind {
        case .retry:
            (panelTitle, verb) = ("Retry job", "retry")
        case .cancel:
            (panelTitle, verb) = ("Cancel job", "cancel it")
        case .play:
            (panelTitle, verb) = ("Play manual job", "start it")
        case .retryPipeline:
            (panelTitle, verb) = ("Retry pipeline", "retry")
            keep = "keeps the pipeline as it is"
        case .assume:
            (panelTitle, verb) = ("Assume role", "assume")
            productionWarning = "This opens a session in production."
            keep = "leaves it"
        }
    }
}
