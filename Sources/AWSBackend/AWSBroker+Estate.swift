import Foundation
import HTTPTransport
import SwitchboardCore
import Synchronization

/// The `kind: aws` backend's estate side: the organisation from Organizations with the base credentials
/// (the management or delegated-admin account), and every account's roles through its read role, a few
/// accounts at a time. An account whose read role refuses is reported on that account only.
extension AWSBroker: OrganizationSource, IdentitySource {
    /// The base profile's credentials: its own keys or source, then its role chain if it has one.
    func baseCredentials() async throws -> (AWSCredentials, AWSProfile?) {
        let assumer = try assumer()
        let name = settings.profile ?? assumer.defaultProfile
        let profile = name.flatMap { assumer.config.profiles[$0] }
        if let name {
            let target = AssumeTarget.profile(name)
            if let cached = await cache.session(for: target) { return (cached.credentials, profile) }
            let plan = try Self.lift { () throws(AssumeError) in try assumer.plan(for: target) }
            if plan.hops.isEmpty {
                let credentials = try await Self.liftAsync { () async throws(AssumeError) in
                    try await assumer.baseCredentials(plan.base)
                }
                return (credentials, profile)
            }
            var quiet = assumer
            quiet.audit = nil  // polling is not an operator's action
            let session = try await Self.liftAsync { () async throws(AssumeError) in try await quiet.assume(target) }
            await cache.store(session)
            return (session.credentials, profile)
        }
        let plan = try Self.lift { () throws(AssumeError) in try assumer.plan(for: .role(arn: "-", via: nil)) }
        let credentials = try await Self.liftAsync { () async throws(AssumeError) in
            try await assumer.baseCredentials(plan.base)
        }
        return (credentials, nil)
    }

    func serviceClient(
        _ service: String,
        envName: String,
        host: String,
        profile: AWSProfile?,
        json: String?
    )
        throws -> AWSServiceClient
    {
        let (url, region) = try ServiceEndpoint.resolve(
            service: service,
            envName: envName,
            globalHost: host,
            environment: environment,
            profile: profile
        )
        return AWSServiceClient(
            service: service,
            url: url,
            region: region,
            kind: json.map { .json(targetPrefix: $0, version: "1.1") } ?? .query,
            http: http
        )
    }

    public func organization() async throws -> Organization {
        let (credentials, profile) = try await baseCredentials()
        let client = try serviceClient(
            "organizations",
            envName: "ORGANIZATIONS",
            host: "organizations.us-east-1.amazonaws.com",
            profile: profile,
            json: "AWSOrganizationsV20161128"
        )
        do {
            let organization = try await OrganizationsReader(client: client, credentials: credentials).read()
            recentOrganization.set(organization)
            return organization
        } catch {
            throw BackendError(.unavailable, "Organizations: \(error)")
        }
    }

    public func identityInventory() async throws -> IdentityInventory {
        let (_, profile) = try await baseCredentials()
        let organization = try await recentOrFreshOrganization(maxAge: 60)
        let iam = try serviceClient("iam", envName: "IAM", host: "iam.amazonaws.com", profile: profile, json: nil)
        let accounts = organization.accounts.filter { $0.status == "ACTIVE" }
        var roles: [Role] = []
        var unreadable: [String: String] = [:]
        for (account, result) in try await eachAccount(
            accounts,
            organization: organization,
            { account, keys in
                try await IAMReader(client: iam, credentials: keys).roles(account: account.id)
            }
        ) {
            switch result {
            case .success(let found): roles += found
            case .failure(let error): unreadable[account.id] = "\(error)"
            }
        }
        // Compute bindings start the trust graph's chains (node group → node role, task definition → task role);
        // without them the roles still stand.
        let bindings = (try? await computeRead().bindings) ?? []
        let inventory = IdentityInventory(
            roles: roles.sorted { $0.arn < $1.arn },
            bindings: bindings,
            unreadable: unreadable.isEmpty ? nil : unreadable
        )
        recentInventory.set(inventory)
        return inventory
    }

    func recentOrFreshOrganization(maxAge: TimeInterval) async throws -> Organization {
        if let recent = recentOrganization.get(maxAge: maxAge) { return recent }
        return try await organization()
    }

    /// Runs `body` in every account with its read role's credentials (the base credentials in the management
    /// account), `concurrency` accounts at a time; each account's failure stays with that account. Read-role
    /// sessions are kept while they have more than five minutes left, so the IAM and compute polls share them.
    func eachAccount<T: Sendable>(
        _ accounts: [Account],
        organization: Organization,
        _ body: @escaping @Sendable (Account, AWSCredentials) async throws -> T
    ) async throws -> [(Account, Result<T, any Error>)] {
        let (credentials, profile) = try await baseCredentials()
        let sts = STSClient(endpoint: try STSEndpoint.resolve(environment: environment, profile: profile), http: http)
        let readRole = settings.readRole
        let management = organization.managementAccountID
        let sessions = readSessions
        var out: [(Account, Result<T, any Error>)] = []
        await withTaskGroup(of: (Account, Result<T, any Error>).self) { group in
            var next = accounts.makeIterator()
            func add(_ account: Account) {
                group.addTask {
                    do {
                        var keys = credentials
                        if account.id != management {
                            if let kept = sessions.get(account.id) {
                                keys = kept
                            } else {
                                let call = STSRequest.AssumeRole(
                                    roleARN: "arn:aws:iam::\(account.id):role/\(readRole)",
                                    sessionName: "switchboard-read"
                                )
                                do {
                                    keys = try await sts.assumeRole(call, with: credentials).credentials
                                } catch {
                                    throw BackendError(.unavailable, "read role \(readRole): \(error)")
                                }
                                sessions.set(account.id, keys)
                            }
                        }
                        return (account, .success(try await body(account, keys)))
                    } catch {
                        return (account, .failure(error))
                    }
                }
            }
            for _ in 0..<settings.concurrency { if let account = next.next() { add(account) } }
            for await entry in group {
                out.append(entry)
                if let account = next.next() { add(account) }
            }
        }
        return out.sorted { $0.0.id < $1.0.id }
    }
}

/// Read-role credentials by account, handed out while they have more than five minutes left.
final class ReadSessions: Sendable {
    private let storage = Mutex<[String: AWSCredentials]>([:])

    func get(_ account: String) -> AWSCredentials? {
        storage.withLock { sessions in
            guard let keys = sessions[account], (keys.expiration ?? .distantFuture).timeIntervalSinceNow > 300 else {
                return nil
            }
            return keys
        }
    }

    func set(_ account: String, _ keys: AWSCredentials) { storage.withLock { $0[account] = keys } }
}

/// A value and when it was stored, shared by copies of a struct.
final class RecentValue<Value: Sendable>: Sendable {
    private let storage = Mutex<(Date, Value)?>(nil)

    func set(_ value: Value) { storage.withLock { $0 = (Date(), value) } }

    func get(maxAge: TimeInterval) -> Value? {
        storage.withLock { entry in
            guard let (time, value) = entry, Date().timeIntervalSince(time) <= maxAge else { return nil }
            return value
        }
    }
}
