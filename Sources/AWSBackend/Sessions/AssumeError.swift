/// Why an assumption stopped, naming the hop: "hop 2 of 3 (arn:…:role/cicd/delegated-role): Access denied…".
public struct AssumeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Cause: Sendable, Hashable {
        case profile(ProfileError)
        case credentials(CredentialError)
        case sts(STSClient.Failure)
        case notAllowed(account: String, allowed: [String])
        case needsMFA(serial: String)
    }

    public var cause: Cause
    /// 0 for the base credentials, then 1… for each AssumeRole hop.
    public var hop: Int
    public var hops: Int
    public var roleARN: String?

    public init(_ cause: Cause, hop: Int = 0, hops: Int = 0, roleARN: String? = nil) {
        self.cause = cause
        self.hop = hop
        self.hops = hops
        self.roleARN = roleARN
    }

    public var description: String {
        let place =
            hop == 0 ? "" : "hop \(hop) of \(hops)" + (roleARN.map { " (\($0))" } ?? "") + ": "
        switch cause {
        case .profile(let error): return place + error.description
        case .credentials(let error): return place + error.description
        case .sts(let failure): return place + failure.description
        case .needsMFA(let serial):
            return place + "this role needs an MFA code from \(serial); pass --mfa-code or run in a terminal"
        case .notAllowed(let account, let allowed):
            return "refused: the session is in account \(account), which allowed_account_ids "
                + "(\(allowed.joined(separator: ", "))) does not list; the credentials were discarded"
        }
    }

    /// STS's error code when STS refused, for the audit log and for offering "explain".
    public var stsCode: String? {
        if case .sts(let failure) = cause { return failure.stsCode }
        return nil
    }
}
