import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct ScaleTests {
    @Test func scale250IsLarge() async throws {
        let fixture = DemoFixture(scale: 250)
        #expect(try await fixture.backend.organization().accounts.count >= 2_000)
        #expect(try await fixture.backend.runners().pools.reduce(0) { $0 + $1.runners.count } >= 5_000)
        let pipelines = try await fixture.backend.pipelines()
        #expect(pipelines.reduce(0) { $0 + $1.jobs.count } >= 45_000)
        let identity = try await fixture.backend.identityInventory()
        #expect(identity.roles.count >= 2_000)
    }

    @Test func scaleOneCallsAreCheap() async throws {
        let fixture = DemoFixture()
        _ = try await fixture.backend.pipelines()
        let started = ContinuousClock.now
        for _ in 0..<20 {
            fixture.clock.advance(by: 1)
            _ = try await fixture.backend.pipelines()
            _ = try await fixture.backend.runners()
        }
        // Generous: debug builds are slower than the 5 ms per call a release build takes.
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
