import AWSBackend
import ArgumentParser
import DemoBackend
import Foundation
import GitLabBackend
import SwitchboardCore
import SwitchboardTUI

/// Where the estate comes from: a config file or the built-in demo, and the demo's knobs.
struct EstateOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (default: $XDG_CONFIG_HOME/switchboard/config.yaml if it exists).")
    var config: String?

    @Option(name: .long, help: "Seed of the demo estate (same seed, same estate).")
    var seed: UInt64?

    @Option(name: .long, help: "Grow the demo estate by this factor (250: ~2,000 accounts, 5,000 runners).")
    var scale: Int?

    func validate() throws {
        if let scale, !(1...1000).contains(scale) {
            throw ValidationError("--scale \(scale): use a factor from 1 to 1000")
        }
    }

    /// The config to run: the file given, else the default file if present, else the demo.
    func loadConfig(registry: BackendRegistry) throws -> SwitchboardConfig {
        let loader = ConfigLoader(registry: registry)
        if let config { return try loader.load(path: config) }
        let environment = ProcessInfo.processInfo.environment
        if let path = SwitchboardConfig.defaultPath(environment: environment),
            FileManager.default.fileExists(atPath: path)
        {
            return try loader.load(path: path)
        }
        return .demo
    }

    /// The config, its estate and the clock the estate runs on: the demo's own time from `demoStart`, or, for an
    /// estate without the demo, the wall clock's now. Backends' notices (a token kept in the file) go to stderr.
    func build<Clock: WallClock>(
        demoStart: Date,
        clock makeClock: (Date) -> Clock
    ) throws -> (config: SwitchboardConfig, estate: Estate, clock: Clock) {
        let config = try loadConfig(registry: registry(clock: makeClock(demoStart)))
        let clock = makeClock(config.hasDemo ? demoStart : Date())
        let built = try registry(clock: clock).makeEstate(config)
        for notice in built.backends.flatMap(\.notices) {
            FileHandle.standardError.write(Data("switchboard: \(notice)\n".utf8))
        }
        return (config, built, clock)
    }

    /// The backend kinds this build knows, with command-line overrides applied to the demo.
    func registry(clock: any WallClock) -> BackendRegistry {
        Self.registry(clock: clock, seed: seed, scale: scale)
    }

    /// Every backend kind this build knows; `seed` and `scale` override the demo's config.
    static func registry(
        clock: any WallClock,
        seed seedOverride: UInt64? = nil,
        scale scaleOverride: Int? = nil
    )
        -> BackendRegistry
    {
        var registry = BackendRegistry()
        registry.register(
            .init(kind: "demo", keys: ["seed", "scale"]) { options in
                let seed =
                    try seedOverride ?? options.string("seed").map { text -> UInt64 in
                        guard let value = UInt64(text) else {
                            throw options.error("seed", "\"\(text)\" is not a whole number ≥ 0")
                        }
                        return value
                    } ?? DemoBackend.defaultSeed
                let scale = try scaleOverride ?? options.int("scale", in: 1...1000) ?? 1
                return DemoBackend(seed: seed, scale: scale, clock: clock, name: options.name)
            }
        )
        let environment = ProcessInfo.processInfo.environment
        // Written here rather than taken from the backends' own `registryEntry`, so that registering runs no
        // AWS or GitLab code until a config names that kind.
        registry.register(
            .init(kind: "aws", keys: AWSSettings.keys) { options in
                try AWSBroker.make(options: options, environment: environment, clock: clock)
            }
        )
        registry.register(
            .init(kind: "gitlab", keys: GitLabSettings.keys) { options in
                try GitLabBackend.make(options: options, environment: environment)
            }
        )
        return registry
    }
}

/// How the console looks.
struct LookOptions: ParsableArguments {
    @Option(name: .long, help: "Colour theme: dark, light or mono (NO_COLOR also selects mono).")
    var theme: String?

    @Flag(name: .long, help: "Draw lines and symbols with ASCII only.")
    var ascii = false

    func validate() throws {
        if let theme, Theme.Name(rawValue: theme) == nil {
            throw ValidationError("--theme \(theme): use dark, light or mono")
        }
    }

    func resolve(config: SwitchboardConfig, unicode: Bool) -> Theme {
        let requested = (theme ?? config.theme).flatMap(Theme.Name.init(rawValue:))
        return Theme.resolve(
            requested: requested,
            environment: ProcessInfo.processInfo.environment,
            ascii: ascii || (config.ascii ?? false) || !unicode
        )
    }
}
