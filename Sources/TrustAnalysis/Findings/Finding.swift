/// How bad a finding is; `--fail-on` compares against this order.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Something in the trust graph an operator should know, with the evidence that shows it.
public struct Finding: Hashable, Sendable, Codable, Identifiable {
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        case wildcardPrincipal = "wildcard-principal"
        case accountRootTrust = "account-root-trust"
        case adminReachableFromCI = "admin-reachable-from-ci"
        case nodeRoleBypass = "node-role-bypass"
        case nonProductionReachesProduction = "non-production-reaches-production"
        case externalTrustWithoutGuard = "external-trust-without-guard"
        case trustRewrite = "trust-rewrite"
        case longSessionOnlyChained = "long-session-only-chained"
        case unreadablePolicy = "unreadable-policy"
    }

    public var rule: Rule
    public var severity: Severity
    /// The role (or principal) the finding is about.
    public var subject: String
    public var title: String
    public var evidence: [String]

    /// Unique among a graph's findings: the rule, the subject and what the finding says.
    public var id: String { rule.rawValue + " " + subject + " " + title + " " + (evidence.first ?? "") }
}
