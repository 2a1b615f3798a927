import Foundation
import SwitchboardCore
import TUICore

/// Profiles with their sessions' countdowns, who the console is, and an assumption walking its chain.
extension Frame {
    mutating func drawIdentity(_ body: Rect) {
        let columns = Layout.horizontal([.percentage(55), .fill(1)], in: body)
        let view = state.identityView
        let source = view.snapshot?.source ?? ""
        let inner = panel(
            "Profiles",
            feed: nil,
            in: columns[0],
            trailing: [Span(source, style: theme.dim)]
        )
        if let snapshot = view.snapshot {
            if let error = snapshot.profilesError {
                buffer.write(
                    "\(theme.symbol(for: .failed)) \(error)",
                    x: inner.x + 1,
                    y: inner.y,
                    maxWidth: inner.width - 1,
                    style: theme.error
                )
            } else if view.screen.rows.isEmpty {
                buffer.write(
                    "No profiles: add [profile NAME] sections to the AWS config file.",
                    x: inner.x + 1,
                    y: inner.y,
                    maxWidth: inner.width - 1,
                    style: theme.dim
                )
            } else {
                drawProfiles(inner)
            }
        } else {
            let text = state.identityView.isLoading ? "Loading profiles\(symbols.ellipsis)" : "No identity backend."
            buffer.write(text, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: theme.dim)
        }
        let right = Layout.vertical([.length(5), .fill(1)], in: columns[1])
        drawCaller(right[0])
        if let run = view.run {
            drawRun(run, in: right[1])
        } else {
            drawProfileDetail(right[1])
        }
    }

    /// `59m59s`, `expired`, or `-` without a session.
    func remaining(_ session: SessionSummary?) -> Span {
        guard let session else { return Span("-", style: theme.dim) }
        guard let expiration = session.expiration else { return Span("no expiry", style: theme.dim) }
        let left = expiration.timeIntervalSince(state.now)
        if left <= 0 { return Span("expired", style: theme.error) }
        return Span(DurationText.clock(left), style: left < 300 ? theme.warn : theme.ok)
    }

    private mutating func drawProfiles(_ inner: Rect) {
        let view = state.identityView
        let rows = view.screen.rows
        let theme = self.theme
        let frame = self
        drawList(
            view.screen.list,
            columns: [
                Column("PROFILE", .fill(2)), Column("ACCOUNT", .length(12)), Column("SESSION", .length(8)),
                Column("CHAIN", .fill(3)),
            ],
            in: inner
        ) { index, _ in
            switch rows[index] {
            case .profile(let profile):
                let chain = ([ChainText.short(profile.chain.first ?? "")] + profile.chain.dropFirst())
                    .joined(separator: frame.symbols == .ascii ? " > " : " → ")
                return [
                    Span(profile.name, style: profile.problem == nil ? .plain : theme.error),
                    Span(profile.account ?? "", style: theme.dim), frame.remaining(view.session(for: profile.name)),
                    Span(profile.problem ?? chain, style: profile.problem == nil ? theme.dim : theme.error),
                ]
            case .session(let session):
                return [
                    Span(ARNText.name(session.target)), Span(session.account, style: theme.dim),
                    frame.remaining(session), Span(session.target, style: theme.dim),
                ]
            }
        }
    }

    private mutating func drawCaller(_ area: Rect) {
        let inner = panel("You are", feed: nil, in: area)
        guard inner.height > 0 else { return }
        guard let snapshot = state.identityView.snapshot else { return }
        if let caller = snapshot.caller {
            // The ARN is what matters: it may take two lines; the account and user id take what is left.
            let arnLines = Array(DisplayWidth.wrap(caller.arn, to: max(10, inner.width - 1)).prefix(inner.height - 1))
            for (offset, line) in arnLines.enumerated() {
                buffer.write(line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 1, style: theme.title)
            }
            buffer.write(
                "account \(accountLabel(caller.account))" + (caller.userID.isEmpty ? "" : " · \(caller.userID)"),
                x: inner.x + 1,
                y: inner.y + arnLines.count,
                maxWidth: inner.width - 1,
                style: theme.dim
            )
        } else if let error = snapshot.callerError {
            buffer.write(
                "\(theme.symbol(for: .failed)) \(error)",
                x: inner.x + 1,
                y: inner.y,
                maxWidth: inner.width - 1,
                style: theme.error
            )
        }
    }

    private mutating func drawRun(_ run: AssumeRun, in area: Rect) {
        let status: Span
        if run.session != nil {
            status = Span("done", style: theme.ok)
        } else if run.failure != nil {
            status = Span("failed", style: theme.error)
        } else {
            status = Span("assuming\(symbols.ellipsis)", style: theme.info)
        }
        let inner = panel("Assume \(run.target)", feed: nil, in: area, trailing: [status])
        var lines: [Line] = []
        let ok = theme.symbol(for: .success)
        for step in run.steps {
            switch step {
            case .base(let source):
                lines.append(Line([Span("\(ok) ", style: theme.ok), Span("credentials from \(source)")]))
            case .hopStarted(let index, let total, let arn):
                lines.append(
                    Line([Span("\(symbols.ellipsis) ", style: theme.info), Span("\(index)/\(total) \(roleLabel(arn))")])
                )
            case .hopDone(let index, let total, let assumed, let note):
                if !lines.isEmpty { lines.removeLast() }
                let session = ARNText.name(assumed)
                lines.append(
                    Line([
                        Span("\(ok) ", style: theme.ok), Span("\(index)/\(total) \(roleLabel(assumed))"),
                        Span(" as \(session)", style: theme.dim),
                    ])
                )
                if let note { lines.append(Line("    \(note)", style: theme.warn)) }
            case .verified(let arn):
                lines.append(Line([Span("\(ok) ", style: theme.ok), Span("GetCallerIdentity: \(arn)")]))
            }
        }
        if let session = run.session {
            lines.append(Line(""))
            lines.append(Line([Span("Session ", style: theme.title), Span(session.sessionName)]))
            lines.append(Line([Span("expires in "), remaining(session), Span(" · region \(session.region)")]))
            for note in session.notes { lines.append(Line(note, style: theme.warn)) }
        }
        if let failure = run.failure {
            if !lines.isEmpty, case .hopStarted? = run.steps.last {
                lines[lines.count - 1] = Line([
                    Span("\(theme.symbol(for: .failed)) ", style: theme.error),
                    lines[lines.count - 1].spans.last ?? Span(""),
                ])
            }
            lines.append(Line(""))
            if state.failedHop != nil {
                lines.append(Line([Span("e", style: theme.key), Span(" shows why, on the Trust screen")]))
            }
            lines += DisplayWidth.wrap(failure.message, to: max(10, inner.width - 2)).map {
                Line($0, style: theme.error)
            }
        }
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 1)
        }
    }

    private mutating func drawProfileDetail(_ area: Rect) {
        let inner = panel("Details", feed: nil, in: area)
        guard let row = state.identityView.screen.selectedRow else { return }
        var lines: [Line] = []
        func field(_ name: String, _ value: String, _ style: Style = .plain) {
            lines.append(Line([Span(DisplayWidth.fit(name, to: 10), style: theme.dim), Span(value, style: style)]))
        }
        switch row {
        case .profile(let profile):
            field("profile", profile.name, theme.title)
            if let role = profile.roleARN { field("role", role) }
            if let account = profile.account { field("account", accountLabel(account)) }
            field("chain", profile.chain.joined(separator: symbols == .ascii ? " > " : " → "))
            if let region = profile.region { field("region", region) }
            if let serial = profile.mfaSerial { field("MFA", serial, theme.warn) }
            if let problem = profile.problem { field("problem", problem, theme.error) }
            if let session = state.identityView.session(for: profile.name) { sessionFields(session, into: field) }
        case .session(let session):
            field("role", session.target, theme.title)
            field("account", accountLabel(session.account))
            sessionFields(session, into: field)
        }
        lines.append(Line(""))
        lines.append(Line([Span("Enter", style: theme.key), Span(" assumes, hop by hop", style: theme.dim)]))
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + offset, maxWidth: inner.width - 1)
        }
    }

    private func sessionFields(_ session: SessionSummary, into field: (String, String, Style) -> Void) {
        field("session", session.arn, .plain)
        let left = remaining(session)
        field("expires", left.text, left.style)
    }

    /// `delegated-role in development` for a role or assumed-role ARN (the account's name when known).
    func roleLabel(_ arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 5 else { return arn }
        let account = String(parts[4])
        let resource = parts[5...].joined(separator: ":").split(separator: "/").map(String.init)
        let role = resource.first == "assumed-role" && resource.count > 1 ? resource[1] : (resource.last ?? "")
        let name = state.organization?.accounts.first { $0.id == account }?.name ?? account
        return "\(role) in \(name)"
    }

    /// `222222222222 (development, prod)` when the organisation knows the account.
    func accountLabel(_ id: String) -> String {
        guard let account = state.organization?.accounts.first(where: { $0.id == id }) else { return id }
        return "\(id) (\(account.name), \(Self.shortEnvironment(account.environment)))"
    }
}

/// Where a chain starts, in a list's few columns: `Ec2InstanceMetadata` → `IMDS`.
enum ChainText {
    static func short(_ base: String) -> String {
        switch base {
        case "Ec2InstanceMetadata": "IMDS"
        case "EcsContainer": "ECS task"
        case "Environment": "env"
        default: base.hasPrefix("keys of profile ") ? "keys" : base
        }
    }
}

/// The last part of an ARN's resource: `arn:…:role/cicd/delegated-role` → `delegated-role`.
enum ARNText {
    static func name(_ arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }
}
