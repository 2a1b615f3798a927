import Foundation
import SwitchboardCore

/// The demo's credentials: the seeds' Terraform profiles (the runner role from instance metadata, then
/// `cicd/delegated-role` in each target account) and simulated assumptions that walk the same hops and
/// answer as STS would, refusals included. Sessions last an hour (role chaining) on the demo's clock; no
/// key material exists anywhere.
extension DemoBackend: CredentialBroker {
    static let operatorSession = "switchboard-demo"

    private func inventory() async -> IdentityInventory {
        (try? await identityInventory()) ?? IdentityInventory(roles: [], bindings: [])
    }

    private func runnerRole(_ inventory: IdentityInventory) -> Role? {
        inventory.roles.first { $0.name == DemoIdentity.runnerRoleName }
    }

    public func profiles() async throws -> [ProfileSummary] {
        let inventory = await inventory()
        guard let runner = runnerRole(inventory) else { return [] }
        let names = Dictionary(layout.organization.accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out = [
            ProfileSummary(
                name: "runner",
                roleARN: runner.arn,
                account: runner.accountID,
                chain: ["Ec2InstanceMetadata", "runner"],
                region: "eu-central-1"
            )
        ]
        for role in inventory.roles where role.name == DemoIdentity.delegatedName {
            let name = names[role.accountID] ?? role.accountID
            out.append(
                ProfileSummary(
                    name: name,
                    roleARN: role.arn,
                    account: role.accountID,
                    chain: ["Ec2InstanceMetadata", "runner", name],
                    region: "eu-central-1"
                )
            )
        }
        return out.sorted { ($0.name == "runner" ? "" : $0.name) < ($1.name == "runner" ? "" : $1.name) }
    }

    public func sessions() async -> [SessionSummary] {
        let now = clock.now()
        return sessionsByTarget.values.filter { ($0.expiration ?? .distantFuture) > now }
            .sorted { ($0.expiration ?? .distantFuture, $0.target) < ($1.expiration ?? .distantFuture, $1.target) }
    }

    public func callerIdentity() async throws -> CallerSummary {
        let cicd = layout.organization.accounts.first { $0.name == "cicd" }?.id ?? ""
        return CallerSummary(
            account: cicd,
            arn: "arn:aws:sts::\(cicd):assumed-role/\(DemoIdentity.nodeRoleName)/i-0a1b2c3d4e5f60718",
            userID: "AROADEMONODEROLE0001:i-0a1b2c3d4e5f60718"
        )
    }

    public nonisolated func assumeTarget(forAccount account: String) -> String? {
        "arn:aws:iam::\(account):role/cicd/\(DemoIdentity.delegatedName)"
    }

    public func assume(
        _ target: String,
        mfaCode: String?,
        progress: @escaping @Sendable (AssumeProgress) -> Void
    ) async throws -> SessionSummary {
        let inventory = await inventory()
        guard let runner = runnerRole(inventory) else { throw AssumeFailure(message: "the demo has no runner role") }
        let profiles = try await profiles()
        let arn = profiles.first { $0.name == target }?.roleARN ?? target
        guard arn.hasPrefix("arn:") else {
            throw AssumeFailure(message: "The config profile (\(target)) could not be found (demo profiles)")
        }
        let hops = arn == runner.arn ? [runner.arn] : [runner.arn, arn]
        progress(.base("Ec2InstanceMetadata"))
        var caller = try await callerIdentity().arn
        for (index, hop) in hops.enumerated() {
            progress(.hopStarted(index: index + 1, of: hops.count, roleARN: hop))
            let role = inventory.roles.first { $0.arn == hop }
            let allowed = role != nil && (hop == runner.arn || role?.name == DemoIdentity.delegatedName)
            guard allowed else {
                throw AssumeFailure(
                    message: "hop \(index + 1) of \(hops.count) (\(hop)): Access denied: a trust policy, identity "
                        + "policy, SCP or permissions boundary refuses this; the Trust screen's explain (e) shows "
                        + "which. (User: \(caller) is not authorized to perform: sts:AssumeRole on resource: \(hop))",
                    stsCode: "AccessDenied",
                    roleARN: hop
                )
            }
            let account = role?.accountID ?? ""
            let name = role?.name ?? "role"
            caller = "arn:aws:sts::\(account):assumed-role/\(name)/\(Self.operatorSession)"
            progress(.hopDone(index: index + 1, of: hops.count, assumedARN: caller, note: nil))
        }
        let account = inventory.roles.first { $0.arn == arn }?.accountID ?? ""
        let session = SessionSummary(
            target: target,
            arn: caller,
            account: account,
            sessionName: Self.operatorSession,
            expiration: clock.now().addingTimeInterval(3600),
            region: "eu-central-1",
            hops: hops
        )
        sessionsByTarget[target] = session
        return session
    }

    public func refreshExpiring() async -> [SessionSummary] {
        let now = clock.now()
        var renewed: [SessionSummary] = []
        for (target, session) in sessionsByTarget {
            guard let expiration = session.expiration, expiration > now, expiration.timeIntervalSince(now) <= 300
            else { continue }
            var fresh = session
            fresh.expiration = now.addingTimeInterval(3600)
            sessionsByTarget[target] = fresh
            renewed.append(fresh)
        }
        return renewed
    }
}
