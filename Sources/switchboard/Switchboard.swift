import ArgumentParser

struct Switchboard: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal console for the platform engineer on call in a multi-account AWS estate with CI/CD.",
        discussion: """
            With no config, the console opens on the built-in demo estate. Keys: ? for help, q to quit.
            Config: --config FILE, else $XDG_CONFIG_HOME/switchboard/config.yaml if it exists.
            The console's own options (--config, --seed, --scale, --theme, --ascii, --read-only):
            switchboard help console.
            """,
        version: version,
        subcommands: [
            ConsoleCommand.self, SnapshotCommand.self, TrustCommand.self, AssumeCommand.self, WhoamiCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
