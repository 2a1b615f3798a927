/// A hop that compute makes without `sts:AssumeRole` in a policy: an instance profile gives a node its role,
/// a kube2iam annotation gives a pod a role, an ECS task definition gives a task its role.
public struct ComputeBinding: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case instanceProfile = "instance-profile"
        case kube2iam
        case ecsTaskDefinition = "ecs-task-definition"
    }

    public var kind: Kind
    /// What holds the role: an instance profile ARN, a runner pool, a task definition ARN.
    public var source: String
    public var roleARN: String

    public init(kind: Kind, source: String, roleARN: String) {
        self.kind = kind
        self.source = source
        self.roleARN = roleARN
    }
}
