import Foundation
import SwitchboardCore
import TUICore

/// The organisation tree with a detail pane for the selected OU or account.
extension Frame {
    mutating func drawAccounts(_ body: Rect) {
        let columns = Layout.horizontal([.percentage(55), .fill(1)], in: body)
        let list = state.accounts.list
        let inner = panel(
            "Organisation",
            feed: .organization,
            in: columns[0],
            trailing: [Span("\(state.organization?.accounts.count ?? 0) accounts", style: theme.dim)]
        )
        if state.organization == nil {
            placeholder(for: .organization, in: inner)
        } else {
            let rows = state.accounts.rows
            let theme = self.theme
            let frame = self
            drawList(
                list,
                columns: [Column("NAME", .fill(1)), Column("ACCOUNT ID", .length(12)), Column("ENV", .length(8))],
                in: inner
            ) { index, node in
                switch rows[index] {
                case .unit(let unit, _, let count):
                    return [
                        Span(frame.treeLabel(node, unit.name, expanded: list.expanded), style: theme.title),
                        Span("\(count) accts", style: theme.dim),
                        Span(
                            unit.policyIDs.isEmpty ? "" : "SCP",
                            style: theme.dim
                        ),
                    ]
                case .account(let account, _, _):
                    let envStyle = account.environment == .production ? theme.warn : theme.dim
                    let unreadable = frame.state.identity?.unreadable?[account.id] != nil
                    let name = account.name + (unreadable ? " \(frame.theme.symbol(for: .failed))" : "")
                    return [
                        Span(
                            frame.treeLabel(node, name, expanded: list.expanded),
                            style: unreadable ? theme.error : .plain
                        ),
                        Span(account.id), Span(Self.shortEnvironment(account.environment), style: envStyle),
                    ]
                }
            }
        }
        drawAccountDetail(columns[1])
    }

    static func shortEnvironment(_ environment: Environment) -> String {
        switch environment {
        case .production: return "prod"
        case .nonProduction: return "nonprod"
        case .shared: return "shared"
        case .management: return "mgmt"
        }
    }

    private mutating func drawAccountDetail(_ area: Rect) {
        let inner = panel("Details", feed: nil, in: area)
        guard let organization = state.organization, let row = state.accounts.selectedRow else { return }
        var lines: [Line] = []
        func field(_ name: String, _ value: String, _ style: Style = .plain) {
            lines.append(Line([Span(DisplayWidth.fit(name, to: 12), style: theme.dim), Span(value, style: style)]))
        }
        let policyNames = { (ids: [String]) in
            var seen = Set<String>()
            return ids.filter { seen.insert($0).inserted }.map { organization.policy(id: $0)?.name ?? $0 }
                .joined(separator: ", ")
        }
        switch row {
        case .unit(let unit, let path, let count):
            field("OU", unit.name, theme.title)
            field("Id", unit.id)
            field("Path", (path + [unit.name]).joined(separator: " / "))
            field("Accounts", "\(count)")
            field("SCPs", unit.policyIDs.isEmpty ? "none attached here" : policyNames(unit.policyIDs))
        case .account(let account, let path, let policyIDs):
            field("Account", account.name, theme.title)
            field("Id", account.id)
            field("Email", account.email)
            field("Status", account.status, account.status == "ACTIVE" ? theme.ok : theme.warn)
            field("Environment", account.environment.rawValue, account.environment == .production ? theme.warn : .plain)
            field("OU path", path.joined(separator: " / "))
            field("SCPs", policyIDs.isEmpty ? "none" : policyNames(policyIDs))
            lines.append(Line([]))
            lines.append(Line("Deploy roles", style: theme.title))
            if let reason = state.runnerInventory?.unreadable?[account.id] {
                for part in DisplayWidth.wrap("\(theme.symbol(for: .failed)) \(reason)", to: max(10, inner.width - 4)) {
                    lines.append(Line("  " + part, style: theme.warn))
                }
            }
            if let reason = state.identity?.unreadable?[account.id] {
                // This account alone could not be read: say why, keep the rest of the estate live.
                let text = "\(theme.symbol(for: .failed)) roles unreadable: \(reason)"
                for part in DisplayWidth.wrap(text, to: max(10, inner.width - 4)) {
                    lines.append(Line("  " + part, style: theme.error))
                }
            } else if let identity = state.identity {
                let roles = identity.roles(inAccount: account.id)
                let deploy = roles.filter { $0.name.contains("deploy") || $0.name.contains("delegated") }
                if deploy.isEmpty { lines.append(Line("  none", style: theme.dim)) }
                for role in deploy {
                    let session = "max session \(DurationText.clock(TimeInterval(role.maxSessionDuration)))"
                    lines.append(Line([Span("  " + role.qualifiedName), Span("  " + session, style: theme.dim)]))
                    if let trusted = TrustSummary.principals(role.trustPolicy) {
                        lines.append(Line("    trusts " + trusted, style: theme.dim))
                    }
                }
                lines.append(
                    Line([
                        Span(DisplayWidth.fit("Roles", to: 12), style: theme.dim),
                        Span("\(roles.count) in this account"),
                    ])
                )
            } else {
                lines.append(Line("  identity inventory loading\(symbols.ellipsis)", style: theme.dim))
            }
        }
        buffer.render(Paragraph(lines), in: inner.inset(horizontal: 1, vertical: 0))
    }
}
