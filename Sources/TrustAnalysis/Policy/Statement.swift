/// Allow or Deny.
public enum Effect: String, Hashable, Sendable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement of a policy, with where it came from. A class: the evaluator passes statements around a
/// great deal, and a reference costs one retain where this many fields would cost a dozen. Its fields are set
/// only while the parser builds it (`internal(set)`), so sharing it across threads is safe.
public final class Statement: Hashable, @unchecked Sendable {
    public let origin: PolicyOrigin
    public let index: Int
    public internal(set) var sid: String?
    public internal(set) var effect: Effect
    public internal(set) var action: PatternSet?
    public internal(set) var notAction: PatternSet?
    public internal(set) var resource: PatternSet?
    public internal(set) var notResource: PatternSet?
    public internal(set) var principal: PrincipalSet?
    public internal(set) var notPrincipal: PrincipalSet?
    public internal(set) var conditions: [ConditionClause]

    init(
        origin: PolicyOrigin,
        index: Int,
        sid: String?,
        effect: Effect,
        action: PatternSet?,
        notAction: PatternSet?,
        resource: PatternSet?,
        notResource: PatternSet?,
        principal: PrincipalSet?,
        notPrincipal: PrincipalSet?,
        conditions: [ConditionClause]
    ) {
        self.origin = origin
        self.index = index
        self.sid = sid
        self.effect = effect
        self.action = action
        self.notAction = notAction
        self.resource = resource
        self.notResource = notResource
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.conditions = conditions
    }

    public static func == (a: Statement, b: Statement) -> Bool {
        a === b
            || (a.origin == b.origin && a.index == b.index && a.sid == b.sid && a.effect == b.effect
                && a.action == b.action && a.notAction == b.notAction && a.resource == b.resource
                && a.notResource == b.notResource && a.principal == b.principal && a.notPrincipal == b.notPrincipal
                && a.conditions == b.conditions)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(origin)
        hasher.combine(index)
        hasher.combine(sid)
    }

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
