import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import SwitchboardTesting
import Synchronization
import TUICore
import Testing

/// The loop with a terminal in memory: it draws, reacts to keys, and quits.
@Suite struct RuntimeTests {
    struct Broken: PipelineSource {
        var name: String { "broken" }
        var kind: String { "broken" }
        func pipelines() async throws -> [Pipeline] { throw BackendError(.unavailable, "GitLab answered 503") }
        func log(jobID: Int, from offset: Int) async throws -> LogChunk {
            throw BackendError(.unavailable, "GitLab answered 503")
        }
    }

    @Test func drawsHandlesKeysAndQuits() {
        let clock = ManualClock(Fixtures.start)
        let terminal = TestTerminal(
            size: Size(width: 100, height: 30),
            events: [.key(.char("2")), .resize(Size(width: 90, height: 25)), .key(.char("q"))]
        )
        let runtime = ConsoleRuntime(
            estate: Fixtures.estate(clock: clock).0,
            intervals: .defaults,
            terminal: terminal,
            theme: Fixtures.theme,
            clock: clock,
            readOnly: false
        )
        runtime.run()
        #expect(runtime.state.shouldQuit)
        #expect(runtime.state.screen == .accounts)
        #expect(terminal.lastFrame?.size == Size(width: 90, height: 25))
        #expect(terminal.frames.count >= 3)
    }

    @Test func aFailingBackendLeavesTheConsoleRunning() {
        let clock = ManualClock(Fixtures.start)
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let estate = Estate(name: "mixed", backends: [Broken(), DemoBackend(clock: clock)])
        let seen = Mutex(false)
        let deadline = ContinuousClock.now + .seconds(30)
        terminal.onPresent = { buffer in
            let text = buffer.lines.joined(separator: "\n")
            if text.contains("GitLab answered 503") && text.contains("Runner pools") && text.contains("small") {
                seen.withLock { $0 = true }
            }
        }
        let runtime = ConsoleRuntime(
            estate: estate,
            intervals: .defaults,
            terminal: terminal,
            theme: Fixtures.theme,
            clock: clock,
            readOnly: false,
            stopRequested: { seen.withLock { $0 } || ContinuousClock.now > deadline }
        )
        runtime.run()
        let text = terminal.lastFrameText
        #expect(text.contains("✘ pipelines down"))
        #expect(text.contains("✘ pipelines: GitLab answered 503 (retrying)"))
        #expect(text.contains("Runner pools"))
        #expect(runtime.state.runnerInventory != nil)
    }
}
