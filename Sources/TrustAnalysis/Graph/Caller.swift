/// Who asks to assume a role.
public enum Caller: Hashable, Sendable {
    /// A session of a role in the inventory (by ARN).
    case role(String)
    /// The root user of an account (by id).
    case accountRoot(String)
    case service(String)
    case federated(String)
    /// Anyone at all: what a `"Principal": "*"` trust admits.
    case anyone
    /// A principal a trust names that the inventory does not have.
    case external(String)

    /// The graph node this caller is.
    public var nodeID: String {
        switch self {
        case .role(let arn): return arn
        case .accountRoot(let id): return "arn:aws:iam::\(id):root"
        case .service(let name): return name
        case .federated(let provider): return provider
        case .anyone: return "*"
        case .external(let id): return id
        }
    }
}

/// How a statement's principal names a caller.
enum PrincipalMatch: Int, Comparable {
    case none = 0
    case anyone
    case account
    case exact

    static func < (a: PrincipalMatch, b: PrincipalMatch) -> Bool { a.rawValue < b.rawValue }
}

extension PrincipalSet {
    /// How this set names `caller`; `roleID` and `roleName` identify a role caller's unique id and name.
    func match(_ caller: Caller, accountID: String?, roleID: String?, roleName: String?) -> PrincipalMatch {
        var best = PrincipalMatch.none
        switch caller {
        case .service(let name):
            return service.contains { $0.lowercased() == name.lowercased() } ? .exact : .none
        case .federated(let provider):
            return federated.contains(provider) ? .exact : .none
        case .anyone:
            return isAnyone ? .anyone : .none
        case .role, .accountRoot, .external:
            if isAnyone { best = .anyone }
            let id = caller.nodeID
            for entry in aws {
                if entry == id || (roleID != nil && entry == roleID) { return .exact }
                // Any partition (aws, aws-cn, aws-us-gov): the account and the resource decide.
                if let accountID,
                    entry == accountID || (entry.hasSuffix(":root") && ARN.account(of: entry) == accountID)
                {
                    best = max(best, .account)
                }
                if let accountID, let roleName, ARN.isSession(entry, account: accountID, role: roleName) {
                    best = max(best, .exact)
                }
            }
            return best
        }
    }
}

extension Statement {
    /// How this statement's `Principal` (or `NotPrincipal`) names the caller.
    func principalMatch(_ caller: Caller, accountID: String?, roleID: String?, roleName: String?) -> PrincipalMatch {
        if let principal { return principal.match(caller, accountID: accountID, roleID: roleID, roleName: roleName) }
        if let notPrincipal {
            // A role session escapes a NotPrincipal only when it names the session (assumed-role ARN) and the
            // account both; naming the role ARN alone does not exempt its sessions (IAM's NotPrincipal rules).
            if case .role = caller, let accountID, let roleName {
                let session = notPrincipal.aws.contains { ARN.isSession($0, account: accountID, role: roleName) }
                let account = notPrincipal.aws.contains {
                    $0 == accountID || ($0.hasSuffix(":root") && ARN.account(of: $0) == accountID)
                }
                return session && account ? .none : .anyone
            }
            let named = notPrincipal.match(caller, accountID: accountID, roleID: roleID, roleName: roleName)
            return named == .none ? .anyone : .none
        }
        return .none
    }
}
