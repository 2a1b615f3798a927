import SwitchboardCore

/// A role with its documents parsed once. A class: the graph hands the same parse around without copying it.
public final class ParsedRole: Sendable {
    public let role: Role
    public let trust: Policy
    public let identity: [Policy]
    public let boundary: Policy?
    /// Identity statements that mention `sts:AssumeRole` (Allow or Deny): all the evaluator needs to read
    /// when this role is the caller, found once.
    public let assumeStatements: [Statement]
    /// The identity statement granting `*` on `*` without conditions, if any: admin-equivalent.
    public let adminStatement: Statement?

    public var arn: String { role.arn }
    public var accountID: String { role.accountID }

    /// Parses the role's trust policy, identity policies and boundary; the first malformed one is the error.
    public init(_ role: Role, cache: PolicyCache = PolicyCache()) throws(PolicyError) {
        self.role = role
        trust = try cache.policy(
            role.trustPolicy.json,
            origin: PolicyOrigin(owner: role.arn, name: "trust", kind: .trust)
        )
        var identity: [Policy] = []
        for policy in role.inlinePolicies {
            identity.append(
                try cache.policy(policy.document.json, origin: .init(owner: role.arn, name: policy.name, kind: .inline))
            )
        }
        for policy in role.attachedPolicies {
            identity.append(
                try cache.policy(
                    policy.document.json,
                    origin: .init(owner: role.arn, name: policy.name, kind: .managed)
                )
            )
        }
        self.identity = identity
        if let boundary = role.permissionsBoundary {
            self.boundary = try cache.policy(
                boundary.document.json,
                origin: .init(owner: role.arn, name: boundary.name, kind: .boundary)
            )
        } else {
            self.boundary = nil
        }
        let statements = identity.flatMap(\.statements)
        assumeStatements = statements.filter {
            $0.covers(action: "sts:AssumeRole") || $0.covers(action: "sts:AssumeRoleWithWebIdentity")
        }
        adminStatement = statements.first {
            $0.effect == .allow && $0.action?.isWildcard == true && $0.resource?.isWildcard == true
                && $0.conditions.isEmpty
        }
    }

    /// Admin-equivalent: an identity statement allows `*` on `*` without conditions.
    public func allowsEverything() -> Statement? { adminStatement }
}
