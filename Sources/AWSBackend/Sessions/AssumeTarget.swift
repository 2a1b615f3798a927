/// What to assume: a profile of the shared config, or a role ARN reached from a source profile (or, without
/// one, from the default credentials: `AWS_PROFILE`, the environment, `[default]`, the container, the instance).
public enum AssumeTarget: Sendable, Hashable, CustomStringConvertible {
    case profile(String)
    case role(arn: String, via: String?)

    /// A role ARN (`arn:aws:iam::…:role/…`) or else a profile name.
    public init(parsing text: String, via: String? = nil) {
        self = text.hasPrefix("arn:") ? .role(arn: text, via: via) : .profile(text)
    }

    public var description: String {
        switch self {
        case .profile(let name): name
        case .role(let arn, let via): via.map { "\(arn) via \($0)" } ?? arn
        }
    }
}
