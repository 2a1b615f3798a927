import SwitchboardCore
import TrustAnalysis

/// Small builders for inventories in tests: documents written out as JSON, as IAM holds them.
enum Build {
    static let org = "o-test123456"

    static func role(
        _ account: String,
        _ name: String,
        trust: String,
        policies: [String] = [],
        boundary: String? = nil,
        path: String = "/",
        maxSession: Int = 3600
    ) -> Role {
        Role(
            accountID: account,
            path: path,
            name: name,
            roleID: "AROA"
                + String(name.uppercased().filter(\.isLetter).prefix(13)).padding(
                    toLength: 13,
                    withPad: "X",
                    startingAt: 0
                )
                + String(account.suffix(4)),
            trustPolicy: PolicyDocument(json: trust),
            inlinePolicies: policies.enumerated().map {
                NamedPolicy(name: "inline-\($0.offset)", document: .init(json: $0.element))
            },
            permissionsBoundary: boundary.map { NamedPolicy(name: "boundary", arn: nil, document: .init(json: $0)) },
            maxSessionDuration: maxSession
        )
    }

    /// `{"Version":…,"Statement":[…]}` from statement bodies.
    static func doc(_ statements: String...) -> String {
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
    }

    static func trustAWS(_ principal: String, condition: String? = nil, effect: String = "Allow") -> String {
        let cond = condition.map { ",\"Condition\":\($0)" } ?? ""
        return
            "{\"Effect\":\"\(effect)\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"sts:AssumeRole\"\(cond)}"
    }

    static func allowAssume(_ resource: String, effect: String = "Allow", condition: String? = nil) -> String {
        let cond = condition.map { ",\"Condition\":\($0)" } ?? ""
        return "{\"Effect\":\"\(effect)\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"\(resource)\"\(cond)}"
    }

    static func arn(_ account: String, _ name: String) -> String { "arn:aws:iam::\(account):role/\(name)" }

    /// A role named "caller" on an instance (trusting ec2.amazonaws.com) allowed sts:AssumeRole on `resource`.
    static func ec2Caller(_ account: String, mayAssume resource: String) -> Role {
        role(
            account,
            "caller",
            trust: doc(#"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"#),
            policies: [doc(allowAssume(resource))]
        )
    }

    /// Two member accounts: `a` non-production, `b` production.
    static let a = "111111111111"
    static let b = "222222222222"
    static let twoAccounts = organization([(a, .nonProduction), (b, .production)])

    /// An organisation with `accounts` (id → environment) under one OU, SCPs by id on root and OU.
    static func organization(
        _ accounts: [(String, Environment)],
        management: String = "999999999999",
        rootSCPs: [ServiceControlPolicy] = [fullAccess],
        ouSCPs: [ServiceControlPolicy] = [fullAccess]
    ) -> Organization {
        let members = accounts.map {
            Account(id: $0.0, name: "acct-\($0.0.suffix(3))", email: "x@example.com", environment: $0.1)
        }
        let ou = OrganizationalUnit(id: "ou-1", name: "workload", accounts: members, policyIDs: ouSCPs.map(\.id))
        let root = OrganizationalUnit(
            id: "r-1",
            name: "Root",
            accounts: [Account(id: management, name: "management", email: "m@example.com", environment: .management)],
            children: [ou],
            policyIDs: rootSCPs.map(\.id)
        )
        var policies: [ServiceControlPolicy] = []
        for scp in rootSCPs + ouSCPs where !policies.contains(where: { $0.id == scp.id }) { policies.append(scp) }
        return Organization(id: org, managementAccountID: management, root: root, policies: policies)
    }

    static let fullAccess = ServiceControlPolicy(
        id: "p-FullAWSAccess",
        name: "FullAWSAccess",
        description: "",
        document: .init(json: doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
    )

    static func graph(_ roles: [Role], organization: Organization? = nil, bindings: [ComputeBinding] = []) -> TrustGraph
    {
        TrustGraph(identity: IdentityInventory(roles: roles, bindings: bindings), organization: organization)
    }
}
