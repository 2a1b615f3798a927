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
        var state = await Fixtures.state(size: size)
        state.open(screen)
        try expectGolden(Fixtures.text(state), "\(screen.rawValue)-\(size).txt")
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
