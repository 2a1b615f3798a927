import SwitchboardCore
import TUICore

/// A row of the Identity screen: a profile, or a session assumed for a role ARN that no profile names.
public enum IdentityRow: Sendable {
    case profile(ProfileSummary)
    case session(SessionSummary)

    public var target: String {
        switch self {
        case .profile(let profile): profile.name
        case .session(let session): session.target
        }
    }

    public static func build(_ snapshot: IdentitySnapshot) -> (TreeModel, [IdentityRow]) {
        var model = TreeModel()
        var rows: [IdentityRow] = []
        for profile in snapshot.profiles {
            let text = [
                profile.name, profile.roleARN ?? "", profile.account ?? "", profile.chain.joined(separator: " "),
            ]
            model.append(id: "profile:" + profile.name, parent: nil, searchText: text.joined(separator: " "))
            rows.append(.profile(profile))
        }
        let names = Set(snapshot.profiles.map(\.name))
        for session in snapshot.sessions where !names.contains(session.target) {
            model.append(id: "session:" + session.target, parent: nil, searchText: session.target + " " + session.arn)
            rows.append(.session(session))
        }
        return (model, rows)
    }
}

/// Audit entries, newest first.
public enum AuditRows {
    public static func build(_ entries: [AuditEntry]) -> (TreeModel, [AuditEntry]) {
        var model = TreeModel()
        let newestFirst = Array(entries.reversed())
        for (index, entry) in newestFirst.enumerated() {
            let text = [entry.action, entry.target, entry.outcome.rawValue, entry.operator, entry.session ?? ""]
            model.append(id: "audit:\(index)", parent: nil, searchText: text.joined(separator: " "))
        }
        return (model, newestFirst)
    }
}
