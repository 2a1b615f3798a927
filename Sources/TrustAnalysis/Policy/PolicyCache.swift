import Synchronization

/// Parsed documents by their text: an estate attaches the same managed policy, and writes the same trust, to
/// many roles, and a document read once need not be read again. Thread-safe.
public final class PolicyCache: Sendable {
    private let parsed = Mutex<[String: Policy]>([:])

    public init() {}

    /// The policy for `text` under `origin`, parsed at most once per distinct text.
    public func policy(_ text: String, origin: PolicyOrigin) throws(PolicyError) -> Policy {
        if let known = parsed.withLock({ $0[text] }) { return known.rehomed(to: origin) }
        let policy = try Policy.parse(text, origin: origin)
        parsed.withLock { $0[text] = policy }
        return policy
    }
}

extension Policy {
    /// The same statements, belonging to another role or policy.
    func rehomed(to origin: PolicyOrigin) -> Policy {
        if origin == self.origin { return self }
        return Policy(origin: origin, version: version, statements: statements.map { $0.copy(origin: origin) })
    }
}

extension Statement {
    func copy(origin: PolicyOrigin) -> Statement {
        Statement(
            origin: origin,
            index: index,
            sid: sid,
            effect: effect,
            action: action,
            notAction: notAction,
            resource: resource,
            notResource: notResource,
            principal: principal,
            notPrincipal: notPrincipal,
            conditions: conditions
        )
    }
}
