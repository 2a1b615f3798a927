import Foundation
import SwitchboardCore
import TUICore

/// The audit log, newest first: every assumption and job action, with its outcome.
extension Frame {
    mutating func drawAudit(_ body: Rect) {
        let view = state.auditView
        let inner = panel(
            "Audit log",
            feed: nil,
            in: body,
            trailing: [Span(view.location, style: theme.dim)]
        )
        if let error = view.error {
            buffer.write(
                "\(theme.symbol(for: .failed)) \(error)",
                x: inner.x + 1,
                y: inner.y,
                maxWidth: inner.width - 1,
                style: theme.error
            )
            return
        }
        guard !view.screen.rows.isEmpty else {
            let text =
                view.hasLoaded
                ? "Nothing yet: assumptions and job actions are recorded here." : "Loading\(symbols.ellipsis)"
            buffer.write(text, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: theme.dim)
            return
        }
        let rows = view.screen.rows
        let theme = self.theme
        let wide = inner.width >= 120
        var columns = [
            Column("TIME", .length(8)), Column("ACTION", .length(7)), Column("OUTCOME", .length(8)),
            Column("TARGET", .fill(3)), Column("DETAIL", .fill(3)),
        ]
        if wide { columns.insert(contentsOf: [Column("OPERATOR", .length(10)), Column("SESSION", .fill(2))], at: 3) }
        drawList(view.screen.list, columns: columns, in: inner) { index, _ in
            let entry = rows[index]
            let style: Style =
                switch entry.outcome {
                case .ok: theme.ok
                case .failed: theme.error
                case .refused: theme.warn
                }
            var spans = [
                Span(Self.clockTime(entry.time), style: theme.dim), Span(entry.action),
                Span(entry.outcome.rawValue, style: style), Span(entry.target),
                Span(entry.detail ?? "", style: theme.dim),
            ]
            if wide {
                spans.insert(
                    contentsOf: [Span(entry.operator, style: theme.dim), Span(entry.session ?? "", style: theme.dim)],
                    at: 3
                )
            }
            return spans
        }
    }

    /// `HH:MM:SS` in UTC, as CloudTrail shows event times.
    static func clockTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return [parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0].map { $0 < 10 ? "0\($0)" : "\($0)" }
            .joined(separator: ":")
    }
}
