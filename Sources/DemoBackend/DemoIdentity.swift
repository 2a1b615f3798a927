import SwitchboardCore

/// The roles of both CI paths, as IAM would return them:
/// GitLab: EKS node role → (kube2iam) runner role → `cicd/delegated-role` in each deploy target;
/// Jenkins: `ecs-tasks.amazonaws.com` → task role `deploy-role-agent-x` → `deploy-role` in account x;
/// plus Control Tower's execution role in the member accounts.
struct DemoIdentity {
    static let nodeRoleName = "eks-node-instance-role"
    static let runnerRoleName = "cicd-kube2iam-gitlab_runner_role"
    static let delegatedPath = "/cicd/"
    static let delegatedName = "delegated-role"
    static let deployRoleName = "deploy-role"

    let organization: DemoOrganization
    let agents: DemoAgents
    private var roleIDs: SeededRandom

    init(seed: UInt64, organization: DemoOrganization, agents: DemoAgents) {
        self.organization = organization
        self.agents = agents
        roleIDs = SeededRandom(seed, 0x726F_6C65)
    }

    var cacheBucket: String { "cicd-\(organization.cicd.id)-gitlab-runner-cache" }

    func roleARN(_ account: Account, _ name: String, path: String = "/") -> String {
        "arn:aws:iam::\(account.id):role\(path)\(name)"
    }

    mutating func inventory() -> IdentityInventory {
        var roles: [Role] = []
        roles += gitLabRoles()
        roles += jenkinsRoles()
        roles += controlTowerRoles()
        return IdentityInventory(roles: roles, bindings: bindings())
    }

    /// `AROA` and 17 characters, as IAM shows role ids.
    mutating func nextRoleID() -> String { "AROA" + roleIDs.string(17, from: SeededRandom.upperAlphanumerics) }

    private func bindings() -> [ComputeBinding] {
        let cicd = organization.cicd
        var out = [
            ComputeBinding(
                kind: .instanceProfile,
                source: "arn:aws:iam::\(cicd.id):instance-profile/eks-node-instance-profile",
                roleARN: roleARN(cicd, Self.nodeRoleName)
            )
        ]
        for pool in DemoRunnerFleet.poolNames {
            out.append(ComputeBinding(kind: .kube2iam, source: pool, roleARN: roleARN(cicd, Self.runnerRoleName)))
        }
        for template in agents.templates {
            out.append(
                ComputeBinding(
                    kind: .ecsTaskDefinition,
                    source: agents.taskDefinitionARN(template),
                    roleARN: agents.taskRoleARN(template)
                )
            )
        }
        return out
    }

    private mutating func controlTowerRoles() -> [Role] {
        let management = organization.management
        let members = [
            organization.audit, organization.logArchive, organization.development, organization.production,
            organization.admin, organization.cicd, organization.jenkins,
        ]
        return members.map { account in
            Role(
                accountID: account.id,
                name: "AWSControlTowerExecution",
                roleID: nextRoleID(),
                description: "Lets AWS Control Tower in the management account administer this account",
                trustPolicy: DemoPolicy.trust(
                    sid: "ManagementAccount",
                    principal: DemoPolicy.aws("arn:aws:iam::\(management.id):root")
                ),
                attachedPolicies: [DemoPolicy.administratorAccess],
                tags: ["aws-control-tower": "managed-by-control-tower"]
            )
        }
    }
}
