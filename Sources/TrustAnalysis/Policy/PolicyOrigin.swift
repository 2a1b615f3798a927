/// Where a policy comes from, so every decision can name the statement that made it.
public struct PolicyOrigin: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case trust
        case inline
        case managed
        case boundary
        case scp
    }

    /// The role ARN the policy belongs to, or the SCP's id.
    public var owner: String
    public var name: String
    public var kind: Kind

    public init(owner: String, name: String, kind: Kind) {
        self.owner = owner
        self.name = name
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .trust: return "\(owner) trust policy"
        case .inline: return "\(owner) inline policy \(name)"
        case .managed: return "\(owner) managed policy \(name)"
        case .boundary: return "\(owner) permissions boundary \(name)"
        case .scp: return "SCP \(name) (\(owner))"
        }
    }
}

/// A policy that cannot be read: which one, where in it (a JSON path), and what is wrong.
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    public var origin: PolicyOrigin
    public var path: String
    public var message: String

    public var description: String { "\(origin): \(path): \(message)" }
}
