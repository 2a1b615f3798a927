/// One step of the decision list, naming the statement that decided it.
public struct DecisionStep: Hashable, Sendable, Codable {
    public enum Outcome: String, Hashable, Sendable, Codable {
        case pass, fail, depends, skip
    }

    /// The rule of the decision list (`D1` explicit deny … `D6` same account).
    public var rule: String
    public var outcome: Outcome
    public var detail: String
    public var statement: String?
}

/// Whether a principal may assume a role, with what it still depends on and, when traced, why.
public struct AssumeDecision: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable, Codable {
        case allowed
        /// Allowed if the requirements hold (an external id, MFA, tags, …).
        case conditional
        case denied
    }

    public var verdict: Verdict
    public var requirements: [Requirement]
    /// Things the inventory cannot check (a caller whose policies it does not have).
    public var notes: [String]
    /// The trust statement that admits the caller, and the identity statement that lets it ask. Kept as
    /// statements (shared references) and spelled out only when shown: a large graph has many edges.
    public var admittedBy: Statement?
    public var permittedBy: Statement?

    public var trustStatement: String? { admittedBy?.reference }
    public var identityStatement: String? { permittedBy?.reference }
    public var steps: [DecisionStep]

    init() {
        verdict = .allowed
        requirements = []
        notes = []
        steps = []
    }
}
