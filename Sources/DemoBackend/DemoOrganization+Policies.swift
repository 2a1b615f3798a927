import SwitchboardCore

extension DemoOrganization {
    /// The regions workloads may use.
    static let allowedRegions = ["eu-central-1", "eu-west-1"]

    /// The SCPs: FullAWSAccess (first; attached everywhere, as AWS does), the core guardrails, the workload
    /// guardrails.
    static func policies(_ random: inout SeededRandom) -> [ServiceControlPolicy] {
        func policyID() -> String { "p-" + random.string(8, from: SeededRandom.lowerAlphanumerics) }
        let full = ServiceControlPolicy(
            id: "p-FullAWSAccess",
            name: "FullAWSAccess",
            description: "Allows access to every operation",
            document: DemoPolicy.document([
                DemoPolicy.statement(sid: "FullAWSAccess", actions: ["*"], resources: ["*"])
            ])
        )
        let core = ServiceControlPolicy(
            id: policyID(),
            name: "core-guardrails",
            description: "Keeps CloudTrail and AWS Config running and the account in the organisation",
            document: DemoPolicy.document([
                DemoPolicy.statement(
                    sid: "DenyCloudTrailChanges",
                    effect: "Deny",
                    actions: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"],
                    resources: ["*"]
                ),
                DemoPolicy.statement(
                    sid: "DenyConfigChanges",
                    effect: "Deny",
                    actions: [
                        "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder",
                        "config:DeleteDeliveryChannel",
                    ],
                    resources: ["*"]
                ),
                DemoPolicy.statement(
                    sid: "DenyLeavingOrganization",
                    effect: "Deny",
                    actions: ["organizations:LeaveOrganization"],
                    resources: ["*"]
                ),
            ])
        )
        let regionCondition = JSONValue.object([
            ("StringNotEquals", .object([("aws:RequestedRegion", .strings(allowedRegions))]))
        ])
        let workload = ServiceControlPolicy(
            id: policyID(),
            name: "workload-guardrails",
            description: "Keeps workloads in the EU regions and forbids IAM users",
            document: DemoPolicy.document([
                DemoPolicy.statement(
                    sid: "DenyOutsideAllowedRegions",
                    effect: "Deny",
                    notActions: [
                        "iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*",
                        "budgets:*", "waf:*",
                    ],
                    resources: ["*"],
                    condition: regionCondition
                ),
                DemoPolicy.statement(
                    sid: "DenyIAMUsers",
                    effect: "Deny",
                    actions: ["iam:CreateUser", "iam:CreateAccessKey"],
                    resources: ["*"]
                ),
                DemoPolicy.statement(
                    sid: "DenyLeavingOrganization",
                    effect: "Deny",
                    actions: ["organizations:LeaveOrganization"],
                    resources: ["*"]
                ),
            ])
        )
        return [full, core, workload]
    }
}
