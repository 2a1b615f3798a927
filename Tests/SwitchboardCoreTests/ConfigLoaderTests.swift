import SwitchboardCore
import Testing

@Suite struct ConfigLoaderTests {
    struct Fake: Backend {
        var name: String
        var kind: String { "demo" }
    }

    var loader: ConfigLoader {
        var registry = BackendRegistry()
        registry.register(.init(kind: "demo", keys: ["seed", "scale"]) { Fake(name: $0.name) })
        return ConfigLoader(registry: registry)
    }

    @Test func readsAFullConfig() throws {
        let config = try loader.parse(
            """
            estate: acme
            backends:
              - kind: demo
                seed: 7
            poll:
              runners: 15s
              pipelines: 1m
            ui:
              theme: light
              ascii: true
            """,
            file: "config.yaml"
        )
        #expect(config.estateName == "acme")
        #expect(config.backends.map(\.kind) == ["demo"])
        #expect(config.backends.first?.string("seed") == "7")
        #expect(config.intervals.runners == 15 && config.intervals.pipelines == 60)
        #expect(config.intervals.organization == PollIntervals.defaults.organization)
        #expect(config.theme == "light" && config.ascii == true)
    }

    @Test(arguments: [
        ("backends:\n  - kind: demo\n    colour: red\n", "config.yaml:3:5: backends[0].colour: unknown key"),
        (
            "backends:\n  - kind: demo\npoll:\n  runners: fast\n",
            "config.yaml:4:12: poll.runners: \"fast\" is not a duration"
        ),
        ("backends:\n  - kind: demo\npoll:\n  runners: 0s\n", "config.yaml:4:12: poll.runners: \"0s\" is out of range"),
        ("backends:\n  - kind: gitlab\n", "config.yaml:2:11: backends[0].kind: unknown kind \"gitlab\""),
        ("backends: [\n", "config.yaml:2:1: malformed YAML"),
        ("estate: x\n", "config.yaml: backends: no backends"),
        ("", "config.yaml: the file is empty"),
        ("backends:\n  - kind: demo\nthemes: dark\n", "config.yaml:3:1: themes: unknown key"),
        ("backends:\n  - kind: demo\nui:\n  theme: pink\n", "config.yaml:4:10: ui.theme: \"pink\" is not a theme"),
    ])
    func badInputNamesFileLineAndKey(yaml: String, expected: String) {
        do {
            _ = try loader.parse(yaml, file: "config.yaml")
            Issue.record("accepted: \(yaml)")
        } catch let error as ConfigError {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: ConfigError.self) { try loader.load(path: "/nonexistent/switchboard.yaml") }
    }
}
