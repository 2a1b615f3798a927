import ArgumentParser
import DemoBackend
import Foundation
import SwitchboardCore
import SwitchboardTUI
import TUICurses

/// The interactive console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default)."
    )

    @OptionGroup var estate: EstateOptions
    @OptionGroup var look: LookOptions

    @Flag(name: .long, help: "Disable every action (retry, cancel).")
    var readOnly = false

    @Flag(name: .long, help: .hidden)
    var exitAfterFirstFrame = false

    func run() throws {
        let clock = OffsetClock(start: DemoBackend.epoch)
        let registry = estate.registry(clock: clock)
        let config = try estate.loadConfig(registry: registry)
        let built = try registry.makeEstate(config)
        let terminal = try CursesTerminal()
        let theme = look.resolve(config: config, unicode: terminal.supportsUnicode)
        let runtime = ConsoleRuntime(
            estate: built,
            intervals: config.intervals,
            terminal: terminal,
            theme: theme,
            clock: clock,
            readOnly: readOnly,
            stopRequested: CursesTerminal.stopRequested
        )
        runtime.exitAfterFirstFullFrame = exitAfterFirstFrame
        runtime.run()
        terminal.end()
        let signal = CursesTerminal.stopRequested() ? terminal.stopSignal : 0
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
