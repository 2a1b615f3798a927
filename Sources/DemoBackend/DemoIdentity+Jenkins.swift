import SwitchboardCore

extension DemoIdentity {
    /// The Jenkins controller, one task role per agent template, and `deploy-role` in each target account.
    mutating func jenkinsRoles() -> [Role] {
        let jenkins = organization.jenkins
        let taskRoleARNs = agents.templates.map(agents.taskRoleARN)
        let controller = Role(
            accountID: jenkins.id,
            name: "jenkins-controller-role",
            roleID: nextRoleID(),
            description: "The Jenkins controller: starts agent tasks through the Amazon ECS plugin",
            trustPolicy: DemoPolicy.trust(sid: "JenkinsInstance", principal: DemoPolicy.service("ec2.amazonaws.com")),
            inlinePolicies: [
                NamedPolicy(
                    name: "ecs-agents",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "RunAgents",
                            actions: [
                                "ecs:RunTask", "ecs:StopTask", "ecs:DescribeTasks", "ecs:ListTasks",
                                "ecs:DescribeTaskDefinition", "ecs:ListClusters", "ecs:DescribeContainerInstances",
                            ],
                            resources: ["*"]
                        ),
                        DemoPolicy.statement(sid: "PassTaskRoles", actions: ["iam:PassRole"], resources: taskRoleARNs),
                    ])
                )
            ]
        )
        var roles = [controller]
        for template in agents.templates {
            roles.append(taskRole(template))
        }
        for template in agents.templates {
            roles.append(deployRole(in: template.account, jenkins: jenkins))
        }
        return roles
    }

    private mutating func taskRole(_ template: DemoAgents.Template) -> Role {
        let jenkins = organization.jenkins
        let title = template.label.dropFirst("AgentAccount".count)
        return Role(
            accountID: jenkins.id,
            name: template.taskRoleName,
            roleID: nextRoleID(),
            description: "Task role of the Jenkins agents labelled \(template.label)",
            trustPolicy: DemoPolicy.trust(sid: "ECSTasks", principal: DemoPolicy.service("ecs-tasks.amazonaws.com")),
            inlinePolicies: [
                NamedPolicy(
                    name: "AllowAssumeRoleAccount\(title)",
                    document: DemoPolicy.document([
                        DemoPolicy.statement(
                            sid: "AssumeDeployRole\(title)",
                            actions: ["sts:AssumeRole"],
                            resources: ["arn:aws:iam::\(template.account.id):role/\(Self.deployRoleName)"]
                        ),
                        DemoPolicy.statement(
                            sid: "AgentLogs",
                            actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            resources: [
                                "arn:aws:logs:\(DemoAgents.region):\(jenkins.id):log-group:/ecs/jenkins-agents:*"
                            ]
                        ),
                    ])
                )
            ],
            tags: ["jenkins-label": template.label]
        )
    }

    private mutating func deployRole(in account: Account, jenkins: Account) -> Role {
        Role(
            accountID: account.id,
            name: Self.deployRoleName,
            roleID: nextRoleID(),
            description: "Deployments from the Jenkins agents in the Jenkins account",
            trustPolicy: DemoPolicy.trust(
                sid: "JenkinsAccount",
                principal: DemoPolicy.aws("arn:aws:iam::\(jenkins.id):root")
            ),
            attachedPolicies: [DemoPolicy.administratorAccess],
            maxSessionDuration: 43_200,
            tags: ["managed-by": "cloudformation"]
        )
    }
}
