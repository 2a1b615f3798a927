import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import SwitchboardTesting
import TUICore
import Testing

/// Every screen at 80x24 and 160x50 from a fixed seed and clock. Re-record with SWITCHBOARD_RECORD=1.
@Suite struct GoldenScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 50)]

    @Test(arguments: ScreenID.allCases, sizes)
    func screen(_ screen: ScreenID, size: Size) async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, _) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: size, clock: clock)
        try await StateLoader.open(screen, on: &state, estate: estate, clock: clock)
        try expectGolden(Fixtures.text(state), "\(screen.rawValue)-\(size).txt")
    }

    /// The Identity screen walking a chain that works, one that STS refuses, and the audit log of both.
    @Test(arguments: sizes)
    func assumeAndAudit(size: Size) async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: size, clock: clock)
        let audit = InMemoryAuditLog()
        try await Fixtures.press("6 j j j Enter", &state, backend: backend, audit: audit)
        try expectGolden(Fixtures.text(state), "identity-assumed-\(size).txt")
        try await Fixtures.press("2 j j j a", &state, backend: backend, audit: audit)
        try expectGolden(Fixtures.text(state), "identity-refused-\(size).txt")
        try await Fixtures.press("7", &state, backend: backend, audit: audit)
        try expectGolden(Fixtures.text(state), "audit-after-assume-\(size).txt")
    }

    @Test(arguments: sizes)
    func pipelineAndJobLog(size: Size) async throws {
        let clock = ManualClock(Fixtures.start)
        let (estate, backend) = Fixtures.estate(clock: clock)
        var state = await StateLoader.load(estate: estate, size: size, clock: clock)
        try await Fixtures.press("1 Enter", &state, backend: backend)
        try expectGolden(Fixtures.text(state), "pipeline-\(size).txt")
        try await Fixtures.press("Enter", &state, backend: backend)
        try expectGolden(Fixtures.text(state), "joblog-\(size).txt")
    }

    @Test func helpAndAsciiMono() async throws {
        var state = await Fixtures.state(size: Size(width: 80, height: 24))
        _ = Update.apply(.key(.char("?")), to: &state)
        try expectGolden(Fixtures.text(state), "help-80x24.txt")
        _ = Update.apply(.key(.escape), to: &state)
        try expectGolden(Fixtures.text(state, theme: .named(.mono, ascii: true)), "overview-ascii-80x24.txt")
    }

    private func expectGolden(_ text: String, _ name: String) throws {
        if let mismatch = try Golden.check(text + "\n", name: name, directory: Fixtures.goldenDirectory) {
            Issue.record("\(mismatch)")
        }
    }
}
