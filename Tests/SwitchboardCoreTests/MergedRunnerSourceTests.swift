import Foundation
import Synchronization
import Testing

@testable import SwitchboardCore

struct MergedRunnerSourceTests {
    final class Part: RunnerSource, Sendable {
        let name: String
        var kind: String { name }
        let answer = Mutex<Result<RunnerInventory, BackendError>?>(nil)
        init(_ name: String) { self.name = name }
        func runners() async throws -> RunnerInventory { try answer.withLock { $0! }.get() }
        var defaultIntervals: [FeedID: TimeInterval] { [.runners: name == "aws" ? 60 : 30] }
    }

    static func runner(_ id: Int) -> Runner {
        Runner(
            id: id,
            description: "r\(id)",
            tags: ["big"],
            status: .online,
            paused: false,
            executor: "k8s",
            version: "17",
            concurrency: 4,
            runningJobs: 1,
            contactedAt: nil
        )
    }

    static let nodeGroup = NodeGroup(
        cluster: "gitlab-runners",
        name: "big",
        status: "ACTIVE",
        instanceTypes: ["c6i.4xlarge"],
        minSize: 1,
        desiredSize: 2,
        maxSize: 6,
        nodeRoleARN: "arn:aws:iam::111111111111:role/node",
        accountID: "111111111111",
        region: "eu-central-1"
    )

    @Test func poolsOfOneNameMergeAndAFailingPartStaysAsLastRead() async throws {
        let aws = Part("aws")
        let gitlab = Part("gitlab")
        aws.answer.withLock {
            $0 = .success(
                RunnerInventory(
                    pools: [
                        RunnerPool(name: "big", tags: ["big"], runners: [], queuedJobs: 0, nodeGroup: Self.nodeGroup)
                    ],
                    agentTemplates: []
                )
            )
        }
        gitlab.answer.withLock {
            $0 = .success(
                RunnerInventory(
                    pools: [
                        RunnerPool(
                            name: "big",
                            tags: ["big"],
                            runners: [Self.runner(1), Self.runner(2)],
                            queuedJobs: 3,
                            failureSignals: ["runner_system_failure": 2]
                        ),
                        RunnerPool(name: "small", tags: ["small"], runners: [Self.runner(3)], queuedJobs: 0),
                    ],
                    agentTemplates: []
                )
            )
        }
        let merged = MergedRunnerSource([aws, gitlab])
        #expect(merged.defaultIntervals[.runners] == 30)
        let first = try await merged.runners()
        #expect(first.pools.map(\.name) == ["big", "small"])
        #expect(first.pools[0].nodeGroup == Self.nodeGroup)
        #expect(first.pools[0].runners.map(\.id) == [1, 2])
        #expect(first.pools[0].queuedJobs == 3)
        #expect(first.pools[0].failureSignals == ["runner_system_failure": 2])
        #expect(first.staleParts == nil)

        gitlab.answer.withLock { $0 = .failure(BackendError(.unavailable, "GitLab at gitlab.test failed")) }
        let second = try await merged.runners()
        #expect(second.pools[0].runners.map(\.id) == [1, 2])
        #expect(second.staleParts == ["gitlab": "GitLab at gitlab.test failed"])

        aws.answer.withLock { $0 = .failure(BackendError(.unavailable, "AWS down")) }
        let third = try await merged.runners()
        #expect(third.staleParts?.count == 2)

        let fresh = MergedRunnerSource(
            [Part("aws"), Part("gitlab")].map { part in
                part.answer.withLock { $0 = .failure(BackendError(.unavailable, "down")) }
                return part
            }
        )
        await #expect(throws: BackendError.self) { _ = try await fresh.runners() }
    }

    @Test func anEstateWithTwoRunnerSourcesMergesThem() {
        let estate = Estate(name: "e", backends: [Part("aws"), Part("gitlab")])
        #expect(estate.runners is MergedRunnerSource)
        #expect(Estate(name: "e", backends: [Part("aws")]).runners is Part)
    }
}
