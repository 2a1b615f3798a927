import SwitchboardCore

extension DemoIdentity {
    /// The node role, the kube2iam runner role, and a delegated role in every account the runners deploy to.
    mutating func gitLabRoles() -> [Role] {
        let cicd = organization.cicd
        let nodeARN = roleARN(cicd, Self.nodeRoleName)
        let runnerARN = roleARN(cicd, Self.runnerRoleName)
        let ecrRead = [
            "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
        ]
        let node = Role(
            accountID: cicd.id,
            name: Self.nodeRoleName,
            roleID: nextRoleID(),
            description: "EKS worker nodes of the GitLab runner cluster",
            trustPolicy: DemoPolicy.trust(sid: "EC2Nodes", principal: DemoPolicy.service("ec2.amazonaws.com")),
            inlinePolicies: [
                NamedPolicy(
                    name: "kube2iam-assume-runner-role",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "AssumeRunnerRole",
                            actions: ["sts:AssumeRole"],
                            resources: [runnerARN]
                        )
                    ])
                )
            ],
            attachedPolicies: [
                NamedPolicy(
                    name: "AmazonEKSWorkerNodePolicy",
                    arn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "WorkerNode",
                            actions: ["ec2:DescribeInstances", "ec2:DescribeRouteTables", "eks:DescribeCluster"],
                            resources: ["*"]
                        )
                    ])
                ),
                NamedPolicy(
                    name: "AmazonEC2ContainerRegistryReadOnly",
                    arn: "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(sid: "ECRRead", actions: ecrRead, resources: ["*"])
                    ])
                ),
            ],
            tags: ["cluster": "gitlab-runners"]
        )
        let repositories = "arn:aws:ecr:eu-central-1:\(cicd.id):repository/*"
        let runner = Role(
            accountID: cicd.id,
            name: Self.runnerRoleName,
            roleID: nextRoleID(),
            description: "GitLab runner pods (kube2iam annotation iam.amazonaws.com/role)",
            trustPolicy: DemoPolicy.trust(sid: "EKSNodesViaKube2iam", principal: DemoPolicy.aws(nodeARN)),
            inlinePolicies: [
                NamedPolicy(
                    name: "gitlab-runner",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "AssumeDelegatedRoles",
                            actions: ["sts:AssumeRole"],
                            resources: ["arn:aws:iam::*:role/cicd/delegated-role"]
                        ),
                        DemoPolicy.statement(
                            sid: "RunnerCacheObjects",
                            actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                            resources: ["arn:aws:s3:::\(cacheBucket)/*"]
                        ),
                        DemoPolicy.statement(
                            sid: "RunnerCacheBucket",
                            actions: ["s3:ListBucket"],
                            resources: ["arn:aws:s3:::\(cacheBucket)"]
                        ),
                        DemoPolicy.statement(
                            sid: "PushImages",
                            actions: ecrRead + [
                                "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                "ecr:CompleteLayerUpload",
                            ],
                            resources: [repositories]
                        ),
                    ])
                )
            ],
            tags: ["kube2iam": "gitlab-runner"]
        )
        let targets = [organization.admin, cicd, organization.development, organization.production]
        let delegated = (targets + organization.teamAccounts).map { delegatedRole(in: $0, runnerARN: runnerARN) }
        return [node, runner] + delegated
    }

    private mutating func delegatedRole(in account: Account, runnerARN: String) -> Role {
        let stateBucket = "arn:aws:s3:::terraform-state-\(account.id)"
        return Role(
            accountID: account.id,
            path: Self.delegatedPath,
            name: Self.delegatedName,
            roleID: nextRoleID(),
            description: "Deployments from the GitLab runners in the CI/CD account",
            trustPolicy: DemoPolicy.trust(sid: "GitLabRunners", principal: DemoPolicy.aws(runnerARN)),
            inlinePolicies: [
                NamedPolicy(
                    name: "deploy",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "DeployServices",
                            actions: [
                                "ecs:*", "ecr:*", "apigateway:*", "logs:*", "cloudwatch:*", "elasticloadbalancing:*",
                            ],
                            resources: ["*"]
                        ),
                        DemoPolicy.statement(
                            sid: "TerraformState",
                            actions: [
                                "s3:GetObject", "s3:PutObject", "s3:ListBucket", "dynamodb:PutItem", "dynamodb:GetItem",
                            ],
                            resources: [stateBucket, stateBucket + "/*"]
                        ),
                        DemoPolicy.statement(
                            sid: "PassServiceRoles",
                            actions: ["iam:PassRole"],
                            resources: ["arn:aws:iam::\(account.id):role/ecs-*"]
                        ),
                    ])
                )
            ],
            tags: ["managed-by": "terraform"]
        )
    }
}
