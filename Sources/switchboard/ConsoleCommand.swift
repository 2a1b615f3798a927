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
        let environment = ProcessInfo.processInfo.environment
        // The demo estate lives in its own time (from its epoch); a real estate in the wall clock's.
        let (config, built, clock) = try estate.build(demoStart: DemoBackend.epoch) { OffsetClock(start: $0) }
        let terminal = try CursesTerminal()
        let theme = look.resolve(config: config, unicode: terminal.supportsUnicode)
        let runtime = ConsoleRuntime(
            estate: built,
            intervals: config.intervals(for: built),
            terminal: terminal,
            theme: theme,
            clock: clock,
            readOnly: readOnly,
            audit: Self.auditLog(for: built, environment: environment),
            operatorName: OperatorName.current(environment: environment),
            stopRequested: CursesTerminal.stopRequested
        )
        runtime.exitAfterFirstFullFrame = exitAfterFirstFrame
        runtime.trimMemory = CursesTerminal.trimMalloc
        runtime.run()
        terminal.end()
        let signal = CursesTerminal.stopRequested() ? terminal.stopSignal : 0
        if signal != 0 { throw ExitCode(128 + signal) }
    }

    /// The audit file in the XDG state directory, except for the demo estate alone: its simulated actions stay
    /// in memory (the Audit screen still shows them) so they never mix with real ones.
    static func auditLog(for estate: Estate, environment: [String: String]) -> any AuditLog {
        guard estate.backends.contains(where: { $0.kind != "demo" }),
            let path = FileAuditLog.defaultPath(environment: environment)
        else { return InMemoryAuditLog() }
        return FileAuditLog(path: path)
    }
}
