import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct DeterminismTests {
    @Test func sameSeedAndTimeGiveTheSameEstate() async throws {
        let one = DemoFixture(at: 1_234)
        let two = DemoFixture(at: 1_234)
        #expect(try await one.backend.organization() == two.backend.organization())
        #expect(try await one.backend.identityInventory() == two.backend.identityInventory())
        #expect(try await one.backend.runners() == two.backend.runners())
        let pipelines = try await one.backend.pipelines()
        #expect(try await pipelines == two.backend.pipelines())
        let job = try #require(pipelines.flatMap(\.jobs).first { $0.status == .success })
        #expect(try await one.fullLog(job.id) == two.fullLog(job.id))
    }

    @Test func sameActionsGiveTheSameResults() async throws {
        let one = DemoFixture()
        let two = DemoFixture()
        let failed = try #require(try await one.jobs().first { $0.status == .failed })
        let retriedOne = try await one.backend.retry(jobID: failed.id)
        let retriedTwo = try await two.backend.retry(jobID: failed.id)
        #expect(retriedOne == retriedTwo)
        one.clock.advance(by: 900)
        two.clock.advance(by: 900)
        #expect(try await one.backend.pipelines() == two.backend.pipelines())
    }

    @Test func differentSeedsGiveDifferentIDs() async throws {
        let one = DemoFixture(seed: 42)
        let two = DemoFixture(seed: 7)
        let accountsOne = try await one.backend.organization().accounts.map(\.id)
        let accountsTwo = try await two.backend.organization().accounts.map(\.id)
        #expect(Set(accountsOne).isDisjoint(with: accountsTwo))
        let rolesOne = try await one.backend.identityInventory().roles.map(\.roleID)
        let rolesTwo = try await two.backend.identityInventory().roles.map(\.roleID)
        #expect(Set(rolesOne).isDisjoint(with: rolesTwo))
        let pipelinesOne = try await one.backend.pipelines().map(\.id)
        let pipelinesTwo = try await two.backend.pipelines().map(\.id)
        #expect(pipelinesOne != pipelinesTwo)
        let runnersOne = try await one.backend.runners().pools.flatMap(\.runners).map(\.id)
        let runnersTwo = try await two.backend.runners().pools.flatMap(\.runners).map(\.id)
        #expect(runnersOne != runnersTwo)
    }

    @Test func farAheadIsComputedDirectly() async throws {
        let fixture = DemoFixture(at: 30 * 86_400)
        let started = ContinuousClock.now
        let pipelines = try await fixture.backend.pipelines()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(pipelines.count == 100)
        #expect(pipelines.allSatisfy { $0.createdAt <= fixture.now })
    }

    @Test func identifiesItself() {
        let fixture = DemoFixture()
        #expect(fixture.backend.kind == "demo")
        #expect(fixture.backend.name == "demo")
        #expect(DemoBackend.epoch == ISO8601DateFormatter().date(from: "2026-03-02T09:00:00Z"))
    }
}
