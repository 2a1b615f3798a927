/// "`from` may become `to`": by `sts:AssumeRole` (with its decision) or by a compute hop.
public struct TrustEdge: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case assumeRole = "sts:AssumeRole"
        case assumeRoleWithWebIdentity = "sts:AssumeRoleWithWebIdentity"
        case assumeRoleWithSAML = "sts:AssumeRoleWithSAML"
        case instanceProfile = "instance profile"
        case kube2iam = "kube2iam annotation"
        case ecsTaskRole = "ECS task role"
    }

    public var from: String
    public var to: String
    public var kind: Kind
    public var decision: AssumeDecision

    public var isConditional: Bool { decision.verdict == .conditional }
}
