/// Allow or Deny.
public enum Effect: String, Hashable, Sendable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement of a policy, with where it came from.
public struct Statement: Hashable, Sendable {
    public var origin: PolicyOrigin
    public var index: Int
    public var sid: String?
    public var effect: Effect
    public var action: PatternSet?
    public var notAction: PatternSet?
    public var resource: PatternSet?
    public var notResource: PatternSet?
    public var principal: PrincipalSet?
    public var notPrincipal: PrincipalSet?
    public var conditions: [ConditionClause]

    /// `deploy-role trust policy, statement "TrustJenkins"` or `… statement #2`.
    public var reference: String {
        "\(origin), statement " + (sid.map { "\"\($0)\"" } ?? "#\(index)")
    }

    /// Whether the statement covers `action` (case-insensitive, wildcards).
    public func covers(action name: String) -> Bool {
        if let action { return action.matches(name, ignoringCase: true) }
        if let notAction { return !notAction.matches(name, ignoringCase: true) }
        return false
    }

    /// Whether the statement covers `resource`; a statement with neither element (a trust policy) covers all.
    public func covers(resource arn: String) -> Bool {
        if let resource { return resource.matches(arn, ignoringCase: false) }
        if let notResource { return !notResource.matches(arn, ignoringCase: false) }
        return true
    }
}
