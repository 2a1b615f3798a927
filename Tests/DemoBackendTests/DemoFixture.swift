import DemoBackend
import Foundation
import SwitchboardCore

/// A demo backend on a manual clock at `DemoBackend.epoch + offset`.
struct DemoFixture {
    let clock: ManualClock
    let backend: DemoBackend

    init(seed: UInt64 = DemoBackend.defaultSeed, scale: Int = 1, at offset: TimeInterval = 0) {
        clock = ManualClock(DemoBackend.epoch.addingTimeInterval(offset))
        backend = DemoBackend(seed: seed, scale: scale, clock: clock)
    }

    var now: Date { clock.now() }

    func jobs() async throws -> [Job] { try await backend.pipelines().flatMap(\.jobs) }

    /// The job with `id` in the feed, if it is there.
    func job(_ id: Int) async throws -> Job? { try await jobs().first { $0.id == id } }

    /// Advances the clock in `step`s until `condition` holds (at most `limit` seconds); returns whether it did.
    func advance(
        by step: TimeInterval = 5,
        limit: TimeInterval = 3_600,
        until condition: () async throws -> Bool
    ) async rethrows -> Bool {
        var waited: TimeInterval = 0
        while waited <= limit {
            if try await condition() { return true }
            clock.advance(by: step)
            waited += step
        }
        return false
    }

    /// The whole log of a job as it stands.
    func fullLog(_ id: Int) async throws -> LogChunk { try await backend.log(jobID: id, from: 0) }
}

/// Every policy document of an estate: SCPs, trust, inline, attached policies.
func allPolicyDocuments(_ organization: Organization, _ identity: IdentityInventory) -> [(String, PolicyDocument)] {
    var out = organization.policies.map { ("SCP \($0.name)", $0.document) }
    for role in identity.roles {
        out.append(("trust of \(role.arn)", role.trustPolicy))
        for policy in role.inlinePolicies + role.attachedPolicies {
            out.append(("\(policy.name) of \(role.arn)", policy.document))
        }
    }
    return out
}
