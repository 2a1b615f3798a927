/// Session names that CloudTrail shows in the assumed-role ARN: `switchboard-<operator>` unless the profile or
/// the command line names one, cut to STS's 64 characters of `[\w+=,.@-]`.
public enum SessionNaming {
    public static func name(operator user: String) -> String {
        sanitize("switchboard-" + user)
    }

    public static func sanitize(_ text: String) -> String {
        let allowed = Set("+=,.@-_")
        let cleaned = String(
            text.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) ? $0 : "-" }.prefix(64)
        )
        return cleaned.count >= 2 ? cleaned : "switchboard"
    }
}
