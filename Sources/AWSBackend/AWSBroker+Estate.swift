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
        let (credentials, profile) = try await baseCredentials()
        let organization: Organization
        if let recent = recentOrganization.get(maxAge: 60) {
            organization = recent
        } else {
            organization = try await self.organization()
        }
        let iam = try serviceClient("iam", envName: "IAM", host: "iam.amazonaws.com", profile: profile, json: nil)
        let sts = STSClient(
            endpoint: try STSEndpoint.resolve(environment: environment, profile: profile),
            http: http
        )
        let accounts = organization.accounts.filter { $0.status == "ACTIVE" }
        let readRole = settings.readRole
        let management = organization.managementAccountID
        var roles: [Role] = []
        var unreadable: [String: String] = [:]
        await withTaskGroup(of: (String, Result<[Role], any Error>).self) { group in
            var next = accounts.makeIterator()
            func add(_ account: Account) {
                group.addTask {
                    do {
                        var keys = credentials
                        if account.id != management {
                            let call = STSRequest.AssumeRole(
                                roleARN: "arn:aws:iam::\(account.id):role/\(readRole)",
                                sessionName: "switchboard-read"
                            )
                            do {
                                keys = try await sts.assumeRole(call, with: credentials).credentials
                            } catch {
                                throw BackendError(.unavailable, "read role \(readRole): \(error)")
                            }
                        }
                        return (
                            account.id,
                            .success(try await IAMReader(client: iam, credentials: keys).roles(account: account.id))
                        )
                    } catch {
                        return (account.id, .failure(error))
                    }
                }
            }
            for _ in 0..<settings.concurrency { if let account = next.next() { add(account) } }
            for await (id, result) in group {
                switch result {
                case .success(let found): roles += found
                case .failure(let error): unreadable[id] = "\(error)"
                }
                if let account = next.next() { add(account) }
            }
        }
        // Compute bindings start the trust graph's chains (node group → node role, task definition → task role);
        // without them the roles still stand.
        let bindings = (try? await computeRead().bindings) ?? []
        return IdentityInventory(
            roles: roles.sorted { $0.arn < $1.arn },
            bindings: bindings,
            unreadable: unreadable.isEmpty ? nil : unreadable
        )
    }
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
