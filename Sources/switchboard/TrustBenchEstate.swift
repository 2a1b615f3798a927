import SwitchboardCore

/// A synthetic estate for the trust benchmark: `accounts` member accounts of `rolesPerAccount` roles each,
/// shaped like the seeds (a delegated role for the GitLab runner role, a deploy role for the Jenkins account,
/// application roles trusting services and each other), with real policy JSON.
enum TrustBenchEstate {
    static func make(accounts: Int, rolesPerAccount: Int) -> (IdentityInventory, Organization) {
        let cicd = "100000000001"
        let jenkins = "100000000002"
        let runner = "arn:aws:iam::\(cicd):role/cicd-kube2iam-gitlab_runner_role"
        var roles: [Role] = [
            role(
                cicd,
                "cicd-kube2iam-gitlab_runner_role",
                trust: trust(aws: "arn:aws:iam::\(cicd):role/eks-node"),
                policy: allow("sts:AssumeRole", "arn:aws:iam::*:role/cicd/delegated-role")
            ),
            role(cicd, "eks-node", trust: trust(service: "ec2.amazonaws.com"), policy: allow("sts:AssumeRole", runner)),
        ]
        var members: [Account] = []
        for index in 0..<accounts {
            let id = String(200_000_000_000 + index)
            members.append(
                Account(
                    id: id,
                    name: "team-\(index)",
                    email: "aws+\(index)@example.com",
                    environment: index % 2 == 0 ? .production : .nonProduction
                )
            )
            roles.append(role(id, "delegated-role", path: "/cicd/", trust: trust(aws: runner), policy: allow("*", "*")))
            roles.append(
                role(
                    id,
                    "deploy-role",
                    trust: trust(aws: "arn:aws:iam::\(jenkins):root"),
                    policy: allow("*", "*"),
                    maxSession: 43200
                )
            )
            roles.append(
                role(
                    jenkins,
                    "deploy-role-agent-\(index)",
                    trust: trust(service: "ecs-tasks.amazonaws.com"),
                    policy: allow("sts:AssumeRole", "arn:aws:iam::\(id):role/deploy-role")
                )
            )
            for app in 0..<max(0, rolesPerAccount - 3) {
                let trustDoc =
                    app % 3 == 0
                    ? trust(service: "lambda.amazonaws.com")
                    : trust(aws: "arn:aws:iam::\(id):role/app-\((app + 1) % max(1, rolesPerAccount - 3))")
                let policy =
                    app % 4 == 0
                    ? allow("sts:AssumeRole", "arn:aws:iam::\(id):role/app-*")
                    : allow("s3:GetObject", "arn:aws:s3:::bucket-\(index)/*")
                roles.append(role(id, "app-\(app)", trust: trustDoc, policy: policy))
            }
        }
        let scp = ServiceControlPolicy(
            id: "p-FullAWSAccess",
            name: "FullAWSAccess",
            description: "",
            document: .init(
                json: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
            )
        )
        let workload = OrganizationalUnit(id: "ou-work", name: "workload", accounts: members, policyIDs: [scp.id])
        let root = OrganizationalUnit(
            id: "r-bench",
            name: "Root",
            accounts: [
                Account(id: cicd, name: "cicd", email: "c@example.com", environment: .shared),
                Account(id: jenkins, name: "jenkins", email: "j@example.com", environment: .shared),
            ],
            children: [workload],
            policyIDs: [scp.id]
        )
        let organization = Organization(id: "o-bench", managementAccountID: "100000000000", root: root, policies: [scp])
        let bindings = [ComputeBinding(kind: .kube2iam, source: "small", roleARN: runner)]
        return (IdentityInventory(roles: roles, bindings: bindings), organization)
    }

    private static func role(
        _ account: String,
        _ name: String,
        path: String = "/",
        trust: String,
        policy: String,
        maxSession: Int = 3600
    ) -> Role {
        let suffix = String(UInt64(bitPattern: Int64((account + name).hashValue & 0x7FFF_FFFF_FFFF)), radix: 36)
            .uppercased()
        return Role(
            accountID: account,
            path: path,
            name: name,
            roleID: "AROA" + suffix,
            trustPolicy: .init(json: trust),
            inlinePolicies: [NamedPolicy(name: "main", document: .init(json: policy))],
            maxSessionDuration: maxSession
        )
    }

    private static func trust(aws: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":""# + aws
            + #""},"Action":"sts:AssumeRole"}]}"#
    }

    private static func trust(service: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":""# + service
            + #""},"Action":"sts:AssumeRole"}]}"#
    }

    private static func allow(_ action: String, _ resource: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":""# + action + #"","Resource":""# + resource
            + #""}]}"#
    }
}
