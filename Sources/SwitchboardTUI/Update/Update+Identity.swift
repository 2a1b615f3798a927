import Foundation
import SwitchboardCore
import TUICore
import TrustAnalysis

/// The Identity and Audit screens, and assuming roles from them, from Accounts and from Trust.
extension AppState {
    /// Loads what a screen shows when the operator arrives on it.
    func arrivalEffects(from previous: ScreenID) -> [Effect] {
        guard screen != previous else { return [] }
        switch screen {
        case .identity: return identityView.isLoading ? [] : [.loadIdentity]
        case .audit: return [.loadAudit]
        default: return []
        }
    }

    mutating func applyIdentity(_ snapshot: IdentitySnapshot) {
        identityView.isLoading = false
        identityView.snapshot = snapshot
        let (model, rows) = IdentityRow.build(snapshot)
        identityView.screen.load(model, rows: rows, height: listHeight)
    }

    mutating func applyAudit(entries: [AuditEntry], location: String, error: String?) {
        auditView.location = location
        auditView.error = error
        auditView.hasLoaded = true
        let (model, rows) = AuditRows.build(entries)
        auditView.screen.load(model, rows: rows, height: listHeight)
    }

    mutating func assumeProgress(target: String, _ step: AssumeProgress) {
        guard var run = identityView.run, run.target == target else { return }
        run.steps.append(step)
        identityView.run = run
    }

    mutating func assumeFinished(target: String, _ result: Result<SessionSummary, AssumeFailure>) -> [Effect] {
        if var run = identityView.run, run.target == target {
            switch result {
            case .success(let session): run.session = session
            case .failure(let failure): run.failure = failure
            }
            identityView.run = run
        }
        switch result {
        case .success(let session):
            let left = session.expiration.map { " for " + DurationText.clock($0.timeIntervalSince(now)) } ?? ""
            flash("Assumed \(session.arn)\(left).", level: .success)
        case .failure(let failure):
            flash("Assume \(target) failed: \(failure.message)", level: .error)
        }
        return [.loadIdentity, .loadAudit]
    }

    mutating func sessionsRefreshed(_ sessions: [SessionSummary]) {
        guard var snapshot = identityView.snapshot, !sessions.isEmpty else { return }
        for session in sessions {
            snapshot.sessions.removeAll { $0.target == session.target }
            snapshot.sessions.append(session)
        }
        identityView.snapshot = snapshot
    }

    /// Enter on the Identity screen: assume the selected profile (or renew a role session).
    mutating func assumeSelectedProfile() -> [Effect] {
        guard let row = identityView.screen.selectedRow else {
            flash("No profile selected: the Identity screen lists ~/.aws/config's profiles.", level: .info)
            return []
        }
        switch row {
        case .profile(let profile):
            if let problem = profile.problem {
                flash("Profile \(profile.name) cannot be used: \(problem)", level: .error)
                return []
            }
            guard profile.roleARN != nil else {
                flash("Profile \(profile.name) has its own keys: there is no role to assume.", level: .info)
                return []
            }
            return requestAssume(.target(profile.name), account: profile.account, mfaSerial: profile.mfaSerial)
        case .session(let session):
            return requestAssume(.target(session.target), account: session.account, mfaSerial: nil)
        }
    }

    /// `a` on Accounts (the selected account) or Trust (the selected role).
    mutating func assumeFromSelection() -> [Effect] {
        switch screen {
        case .accounts:
            guard case .account(let account, _, _)? = accounts.selectedRow else {
                flash("Select an account to assume its deploy or delegated role.", level: .info)
                return []
            }
            return requestAssume(.account(id: account.id, name: account.name), account: account.id, mfaSerial: nil)
        case .trust:
            guard let arn = trustSelectedRoleARN else {
                flash("Select a role (a chain or a hop) to assume it.", level: .info)
                return []
            }
            return requestAssume(.target(arn), account: Self.account(of: arn), mfaSerial: nil)
        case .identity:
            return assumeSelectedProfile()
        default:
            return []
        }
    }

    /// The role under the Trust screen's selection: a chain's end, a hop's target, a finding's subject.
    var trustSelectedRoleARN: String? {
        let id: String?
        switch trust.selectedRow {
        case .reach(let reach)?: id = reach.node.id
        case .hop(let edge, _)?: id = edge.to
        case .finding(let finding)?: id = finding.subject
        case nil: id = nil
        }
        guard let id, id.hasPrefix("arn:"), id.contains(":role/") else { return nil }
        return id
    }

    static func account(of arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 4 && !parts[4].isEmpty ? String(parts[4]) : nil
    }

    /// The failed hop of the last assumption as (caller role, target role), when STS refused it.
    public var failedHop: (from: String, to: String)? {
        guard let run = identityView.run, let failure = run.failure, failure.stsCode == "AccessDenied",
            let target = failure.roleARN
        else { return nil }
        let started = run.steps.compactMap { step -> String? in
            if case .hopStarted(_, _, let arn) = step { return arn }
            return nil
        }
        guard let index = started.lastIndex(of: target), index > 0 else { return nil }
        return (started[index - 1], target)
    }

    /// `e` after a refused hop: the Trust screen's decision list for that edge.
    mutating func explainFailedHop() {
        guard let hop = failedHop else {
            flash("Nothing to explain: `e` explains a hop that STS refused.", level: .info)
            return
        }
        ensureTrust()
        if let graph = trust.graph, (try? PrincipalResolver(graph: graph).resolve(hop.to)) == nil {
            flash(
                "\(hop.to) is not in the identity inventory: the role does not exist, and STS answers "
                    + "AccessDenied for a missing role too.",
                level: .error
            )
            return
        }
        switchScreen(to: .trust)
        explain([hop.from, hop.to])
    }

    /// Read-only refuses; production asks for the word; MFA asks for the code; else the assumption starts.
    mutating func requestAssume(_ request: AssumeRequest, account: String?, mfaSerial: String?) -> [Effect] {
        if refusedReadOnly("assuming roles") { return [] }
        let production =
            account.flatMap { id in organization?.accounts.first { $0.id == id } }?.environment == .production
        if production {
            mode = .confirm(
                Confirmation(
                    kind: .assume,
                    subject: .assume(request),
                    title: "Assume \(request)?",
                    detail: account.map { "production account \($0)" + (mfaSerial == nil ? "" : " · MFA") } ?? "",
                    typedWord: "production"
                )
            )
            return []
        }
        if let mfaSerial {
            mode = .mfa(MFAPrompt(request: request, serial: mfaSerial))
            return []
        }
        return startAssume(request, mfaCode: nil)
    }

    /// After a production confirmation: the MFA prompt if the profile needs one, else the assumption.
    mutating func confirmedAssume(_ request: AssumeRequest) -> [Effect] {
        if case .target(let name) = request,
            let serial = identityView.snapshot?.profiles.first(where: { $0.name == name })?.mfaSerial
        {
            mode = .mfa(MFAPrompt(request: request, serial: serial))
            return []
        }
        return startAssume(request, mfaCode: nil)
    }

    mutating func startAssume(_ request: AssumeRequest, mfaCode: String?) -> [Effect] {
        mode = .normal
        identityView.run = AssumeRun(target: request.description)
        if screen != .identity {
            screen = .identity
            if identityView.snapshot == nil { identityView.isLoading = true }
        }
        flash("Assuming \(request)…", level: .info)
        return [.assume(request, mfaCode: mfaCode)] + (identityView.isLoading ? [.loadIdentity] : [])
    }

    mutating func handleMFA(_ key: Key, _ prompt: MFAPrompt) -> [Effect] {
        var updated = prompt
        switch key {
        case .escape:
            mode = .normal
            flash("Assume \(prompt.request) not sent.", level: .info)
            return []
        case .backspace:
            updated.code = String(updated.code.dropLast())
        case .char(let c) where c.isASCII && c.isNumber && updated.code.count < 6:
            updated.code.append(c)
        case .enter:
            guard updated.code.count == 6 else {
                flash("Enter the 6 digits your MFA device shows, or Esc.", level: .error)
                return []
            }
            return startAssume(prompt.request, mfaCode: updated.code)
        default:
            break
        }
        mode = .mfa(updated)
        return []
    }
}
