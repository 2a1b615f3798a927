import SwitchboardCore

/// The `kind: aws` entry of the switchboard config, as far as identity goes:
///
/// ```yaml
/// - kind: aws
///   profile: cicd-admin                 # whose identity the console starts as (default: AWS_PROFILE / default chain)
///   allowed_account_ids: [111111111111]  # sessions in any other account are refused and discarded
///   session_cache: memory                # or disk: 0600 in $XDG_STATE_HOME/switchboard/sessions.json
///   assume_role: cicd/delegated-role     # what `a` assumes in the selected account
///   assume_via: runner                   # the profile `a` starts from (default: profile)
///   read_role: OrganizationAccountAccessRole   # entered in each member account to read its roles
///   concurrency: 4                       # accounts read at once
///   regions: [eu-central-1]              # where ECS and EKS are read (default: the profile's region)
///   compute_accounts: [cicd, jenkins]    # accounts whose ECS/EKS are read (default: every active one)
/// ```
public struct AWSSettings: Sendable, Hashable {
    public enum CacheMode: String, Sendable, Hashable { case memory, disk }

    public var name: String
    public var profile: String?
    public var allowedAccountIDs: [String]
    public var sessionCache: CacheMode
    public var assumeRole: String
    public var assumeVia: String?
    /// The role read in every member account (`read_role`), by path and name.
    public var readRole: String
    /// How many accounts are read at once.
    public var concurrency: Int
    /// Regions where ECS and EKS are read (default: the base profile's region).
    public var regions: [String]
    /// Accounts (names or ids) where ECS and EKS are read (default: every active account).
    public var computeAccounts: [String]

    public static let keys: Set<String> = [
        "profile", "allowed_account_ids", "session_cache", "assume_role", "assume_via", "read_role", "concurrency",
        "regions",
        "compute_accounts",
    ]

    public init(
        name: String = "aws",
        profile: String? = nil,
        allowedAccountIDs: [String] = [],
        sessionCache: CacheMode = .memory,
        assumeRole: String = "cicd/delegated-role",
        assumeVia: String? = nil,
        readRole: String = "OrganizationAccountAccessRole",
        concurrency: Int = 4,
        regions: [String] = [],
        computeAccounts: [String] = []
    ) {
        self.name = name
        self.profile = profile
        self.allowedAccountIDs = allowedAccountIDs
        self.sessionCache = sessionCache
        self.assumeRole = assumeRole
        self.assumeVia = assumeVia
        self.readRole = readRole
        self.concurrency = concurrency
        self.regions = regions
        self.computeAccounts = computeAccounts
    }

    public init(options: BackendOptions) throws {
        name = options.name
        profile = options.string("profile")
        allowedAccountIDs = options.list("allowed_account_ids")
        for id in allowedAccountIDs where id.count != 12 || !id.allSatisfy(\.isASCIIDigit) {
            throw options.error(
                "allowed_account_ids",
                "\"\(id)\" is not a 12-digit account id (quote ids that start with 0)"
            )
        }
        let cache = options.string("session_cache") ?? "memory"
        guard let mode = CacheMode(rawValue: cache) else {
            throw options.error("session_cache", "\"\(cache)\": use memory or disk")
        }
        sessionCache = mode
        assumeRole = options.string("assume_role") ?? "cicd/delegated-role"
        guard !assumeRole.isEmpty, !assumeRole.hasPrefix("/"), !assumeRole.contains(":") else {
            throw options.error("assume_role", "write the role's path and name, like cicd/delegated-role")
        }
        assumeVia = options.string("assume_via")
        readRole = options.string("read_role") ?? "OrganizationAccountAccessRole"
        guard !readRole.isEmpty, !readRole.hasPrefix("/"), !readRole.contains(":") else {
            throw options.error("read_role", "write the role's path and name, like OrganizationAccountAccessRole")
        }
        concurrency = try options.int("concurrency", in: 1...32) ?? 4
        regions = options.list("regions")
        for region in regions where region.isEmpty || !region.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
        {
            throw options.error("regions", "\"\(region)\" is not a region name like eu-central-1")
        }
        computeAccounts = options.list("compute_accounts")
    }

    /// The ARN `a` assumes in an account.
    public func roleARN(account: String) -> String { "arn:aws:iam::\(account):role/\(assumeRole)" }
}
