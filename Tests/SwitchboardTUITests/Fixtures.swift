import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore

/// The fixed estate the UI tests run on: the demo at the default seed, ten minutes in.
enum Fixtures {
    static let start = DemoBackend.epoch.addingTimeInterval(600)

    static func estate(clock: ManualClock, seed: UInt64 = DemoBackend.defaultSeed) -> (Estate, DemoBackend) {
        let backend = DemoBackend(seed: seed, clock: clock)
        return (Estate(name: "demo", backends: [backend]), backend)
    }

    static func state(size: Size = Size(width: 120, height: 40), at offset: TimeInterval = 0) async -> AppState {
        let clock = ManualClock(start.addingTimeInterval(offset))
        return await StateLoader.load(estate: estate(clock: clock).0, size: size, clock: clock)
    }

    static let theme = Theme.named(.dark, ascii: false)

    static func text(_ state: AppState, theme: Theme = theme) -> String {
        Renderer.render(state, theme: theme).lines.joined(separator: "\n")
    }

    /// Applies keys written as a script (`4 Enter j`), answering log fetches, identity and audit from `backend`.
    @discardableResult
    static func press(
        _ script: String,
        _ state: inout AppState,
        backend: DemoBackend? = nil,
        audit: any AuditLog = InMemoryAuditLog()
    ) async throws -> [Effect] {
        let estate = backend.map { Estate(name: "demo", backends: [$0]) }
        let clock = ManualClock(state.now)
        return try await StateLoader.press(
            try KeyScript.parse(script),
            on: &state,
            estate: estate,
            audit: audit,
            clock: clock
        )
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")
}
