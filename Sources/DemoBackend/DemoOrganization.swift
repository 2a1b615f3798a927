import SwitchboardCore

/// The demo organisation: a Control Tower landing zone (core OU with audit and log archive, workload OU with
/// development and production), the admin, CI/CD and Jenkins accounts, and with `scale` > 1 team OUs of
/// extra workload accounts. Built once per backend; everything else looks accounts up here.
struct DemoOrganization: Sendable {
    let organization: Organization
    let management: Account
    let audit: Account
    let logArchive: Account
    let development: Account
    let production: Account
    let admin: Account
    let cicd: Account
    let jenkins: Account
    let teamAccounts: [Account]

    /// Accounts per team OU when the estate is scaled up.
    static let accountsPerTeam = 20

    init(seed: UInt64, scale: Int) {
        var ids = AccountIDs(seed: seed)
        func account(_ name: String, _ environment: Environment, leadingZero: Bool = false) -> Account {
            Account(
                id: ids.next(leadingZero: leadingZero),
                name: name,
                email: "aws+\(name)@example.com",
                environment: environment
            )
        }
        management = account("management", .management)
        audit = account("audit", .shared)
        logArchive = account("log-archive", .shared, leadingZero: true)
        development = account("development", .nonProduction)
        production = account("production", .production)
        admin = account("admin", .shared)
        cicd = account("cicd", .shared)
        jenkins = account("jenkins", .shared)

        let extra = 8 * max(0, scale - 1)
        let teamAccounts = (0..<extra).map { index in
            let team = index / Self.accountsPerTeam + 1
            let slot = index % Self.accountsPerTeam
            let isProduction = slot % 2 == 1
            let name = "\(Self.teamName(team))-\(Self.pad(slot / 2 + 1, 2))-\(isProduction ? "prod" : "dev")"
            return account(name, isProduction ? .production : .nonProduction)
        }
        self.teamAccounts = teamAccounts

        var names = SeededRandom(seed, 0x6F72_67)
        let rootSuffix = names.string(4, from: SeededRandom.lowerAlphanumerics)
        let orgID = "o-" + names.string(10, from: SeededRandom.lowerAlphanumerics)
        func ouID() -> String { "ou-\(rootSuffix)-" + names.string(8, from: SeededRandom.lowerAlphanumerics) }
        let policies = DemoOrganization.policies(&names)
        let full = policies[0].id

        let perTeam = Self.accountsPerTeam
        var teams: [OrganizationalUnit] = []
        for start in stride(from: 0, to: teamAccounts.count, by: perTeam) {
            teams.append(
                OrganizationalUnit(
                    id: ouID(),
                    name: Self.teamName(start / perTeam + 1),
                    accounts: Array(teamAccounts[start..<min(start + perTeam, teamAccounts.count)]),
                    policyIDs: [full]
                )
            )
        }
        let core = OrganizationalUnit(
            id: ouID(),
            name: "core",
            accounts: [audit, logArchive],
            policyIDs: [full, policies[1].id]
        )
        let workload = OrganizationalUnit(
            id: ouID(),
            name: "workload",
            accounts: [development, production],
            children: teams,
            policyIDs: [full, policies[2].id]
        )
        let root = OrganizationalUnit(
            id: "r-" + rootSuffix,
            name: "Root",
            accounts: [management, admin, cicd, jenkins],
            children: [core, workload],
            policyIDs: [full]
        )
        organization = Organization(id: orgID, managementAccountID: management.id, root: root, policies: policies)
    }

    /// Member accounts that deploy targets live in, by the short name the CI uses.
    var deployTargets: [(target: String, account: Account)] {
        [("development", development), ("production", production), ("admin", admin)]
    }

    static func teamName(_ team: Int) -> String { "team-" + pad(team, 3) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Unique 12-digit account ids drawn from the seed.
private struct AccountIDs {
    var random: SeededRandom
    var used: Set<String> = []

    init(seed: UInt64) { random = SeededRandom(seed, 0x6163_6374) }

    mutating func next(leadingZero: Bool) -> String {
        while true {
            let first = leadingZero ? 0 : random.int(in: 1...9)
            let rest = random.int(in: 0...99_999_999_999)
            let id = String(first) + DemoOrganization.pad(rest, 11)
            if used.insert(id).inserted { return id }
        }
    }
}
