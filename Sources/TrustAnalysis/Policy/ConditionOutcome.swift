/// A requirement left on an edge: a condition the inventory cannot decide, which must hold (or, for a Deny's
/// condition, must not hold) when the role is assumed.
public struct Requirement: Hashable, Sendable, CustomStringConvertible {
    public var clause: ConditionClause
    /// True when this comes from a Deny: the edge exists unless the condition holds.
    public var mustNotHold: Bool
    /// The statement it comes from.
    public var statement: String

    public var description: String { (mustNotHold ? "unless " : "requires ") + clause.description }
}

/// The result of a `Condition` block: it holds, it does not (and which clause failed), or it depends on what
/// the caller will send.
public enum ConditionOutcome: Hashable, Sendable {
    case holds
    case fails(ConditionClause)
    case depends([ConditionClause])
}
