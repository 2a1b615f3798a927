import ArgumentParser
import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICore

/// One frame without a terminal: for scripts, docs and `screenshots/`.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render one screen to stdout as text, JSON or SVG, with no terminal."
    )

    @OptionGroup var estate: EstateOptions
    @OptionGroup var look: LookOptions

    @Option(name: .long, help: "overview, accounts, runners or pipelines.")
    var screen: String = "overview"

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .long, help: "text, json or svg.")
    var format: String = "text"

    @Option(name: .long, help: "Simulated time since the demo's start (e.g. 90s, 15m, 2h).")
    var at: String = "0s"

    @Option(name: .long, help: "Keys to press before the frame is taken, e.g. \"4 Enter j\".")
    var keys: String = ""

    func run() async throws {
        guard let screenID = ScreenID(rawValue: screen) else {
            throw UsageError("--screen \(screen): use overview, accounts, runners, pipelines, trust, identity or audit")
        }
        let frameSize = try UsageError.frameSize(size)
        guard ["text", "json", "svg"].contains(format) else {
            throw UsageError("--format \(format): use text, json or svg")
        }
        guard let offset = DurationText.parse(at), offset >= 0, offset <= 3650 * 86400 else {
            throw UsageError("--at \(at): write a duration from 0s to 3650d, such as 90s, 15m or 2h")
        }
        let keyList: [Key]
        do {
            keyList = try KeyScript.parse(keys)
        } catch {
            throw UsageError("--keys: \(error)")
        }
        // The demo's time is its epoch plus --at; a real estate's is now.
        let (config, built, clock) = try estate.build(demoStart: DemoBackend.epoch.addingTimeInterval(offset)) {
            ManualClock($0)
        }
        let theme = look.resolve(config: config, unicode: true)
        var state = await StateLoader.load(estate: built, size: frameSize, clock: clock)
        let environment = ProcessInfo.processInfo.environment
        let audit = ConsoleCommand.auditLog(for: built, environment: environment)
        let operatorName = OperatorName.current(environment: environment)
        // Audit entries carry real time; the demo's clock only drives the estate.
        let auditClock: any WallClock =
            built.backends.allSatisfy { $0.kind == "demo" } ? clock : OffsetClock(start: Date())
        try await StateLoader.open(
            screenID,
            on: &state,
            estate: built,
            audit: audit,
            clock: auditClock,
            operatorName: operatorName
        )
        try await StateLoader.press(
            keyList,
            on: &state,
            estate: built,
            audit: audit,
            clock: auditClock,
            operatorName: operatorName
        )
        switch format {
        case "json":
            FileHandle.standardOutput.write(try ScreenData.json(for: screenID, state: state))
            print()
        case "svg":
            let buffer = Renderer.render(state, theme: theme)
            print(
                SVGExporter(foreground: theme.canvas.foreground, background: theme.canvas.background)
                    .render(buffer),
                terminator: ""
            )
        default:
            print(Renderer.render(state, theme: theme).lines.joined(separator: "\n"))
        }
    }
}
