/// Small helpers for ARNs as IAM writes them.
public enum ARN {
    /// The account of `arn:aws:iam::123456789012:role/x` (or `…:root`); nil for other strings.
    public static func account(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[4].isEmpty else { return nil }
        return String(parts[4])
    }

    /// `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION` for this account and role, in any partition.
    public static func isSession(_ arn: String, account: String, role: String) -> Bool {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[2] == "sts" && parts[4] == account
            && parts[5].hasPrefix("assumed-role/\(role)/")
    }

    /// The last path component of a role ARN (`cicd/delegated-role` → `delegated-role`).
    public static func name(of arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}
