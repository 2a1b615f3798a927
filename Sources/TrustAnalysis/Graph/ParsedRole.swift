import SwitchboardCore

/// A role with its documents parsed once.
public struct ParsedRole: Sendable {
    public var role: Role
    public var trust: Policy
    public var identity: [Policy]
    public var boundary: Policy?
    /// Identity statements that mention `sts:AssumeRole` (Allow or Deny): all the evaluator needs to read
    /// when this role is the caller, found once.
    public var assumeStatements: [Statement]

    public var arn: String { role.arn }
    public var accountID: String { role.accountID }

    /// Parses the role's trust policy, identity policies and boundary; the first malformed one is the error.
    public init(_ role: Role) throws(PolicyError) {
        self.role = role
        trust = try Policy.parse(
            role.trustPolicy.json,
            origin: PolicyOrigin(owner: role.arn, name: "trust", kind: .trust)
        )
        var identity: [Policy] = []
        for policy in role.inlinePolicies {
            identity.append(
                try Policy.parse(policy.document.json, origin: .init(owner: role.arn, name: policy.name, kind: .inline))
            )
        }
        for policy in role.attachedPolicies {
            identity.append(
                try Policy.parse(
                    policy.document.json,
                    origin: .init(owner: role.arn, name: policy.name, kind: .managed)
                )
            )
        }
        self.identity = identity
        if let boundary = role.permissionsBoundary {
            self.boundary = try Policy.parse(
                boundary.document.json,
                origin: .init(owner: role.arn, name: boundary.name, kind: .boundary)
            )
        }
        assumeStatements = identity.flatMap(\.statements).filter {
            $0.covers(action: "sts:AssumeRole") || $0.covers(action: "sts:AssumeRoleWithWebIdentity")
        }
    }

    /// Identity statements covering `action` on every resource (`*`): admin-equivalent when the action is `*`.
    public func allowsEverything() -> Statement? {
        identity.flatMap(\.statements).first {
            $0.effect == .allow && $0.action?.isWildcard == true && $0.resource?.isWildcard == true
                && $0.conditions.isEmpty
        }
    }
}
