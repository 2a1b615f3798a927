import Foundation
import SwitchboardCore
import Testing

@testable import GitLabBackend

struct SettingsTests {
    static func options(_ values: [String: String], file: String = "/tmp/switchboard-test.yaml") -> BackendOptions {
        BackendOptions(
            kind: "gitlab",
            name: "gl",
            file: file,
            values: values.mapValues { BackendOptions.Value(text: $0, line: 7, column: 3) }
        )
    }

    @Test func tokenFromTheEnvironmentAndDefaults() throws {
        let settings = try GitLabSettings(
            options: Self.options(["groups": "platform"]),
            environment: ["GITLAB_TOKEN": "t0k"]
        )
        #expect(settings.token.value == "t0k")
        #expect(settings.url == "https://gitlab.com")
        #expect(settings.pools.map(\.name) == ["small", "medium", "big"])
        #expect(settings.runnerScope == .group)
        #expect(settings.notices.isEmpty)
    }

    @Test func aMissingTokenNamesTheVariableAndTheLine() {
        let error = #expect(throws: ConfigError.self) {
            try GitLabSettings(options: Self.options(["groups": "g", "token_env": "MY_GL"]), environment: [:])
        }
        #expect(error?.description.contains("/tmp/switchboard-test.yaml:7:3: backends.gl.token_env") == true)
        #expect(error?.description.contains("$MY_GL is not set") == true)
    }

    @Test func tokenFromACommandAndItsFailure() throws {
        let settings = try GitLabSettings(
            options: Self.options(["projects": "a/b", "token_command": "printf 'from-cmd\\nsecond'"]),
            environment: [:]
        )
        #expect(settings.token.value == "from-cmd")
        #expect(settings.runnerScope == .user)
        let error = #expect(throws: ConfigError.self) {
            try GitLabSettings(options: Self.options(["projects": "a/b", "token_command": "exit 3"]), environment: [:])
        }
        #expect(error?.description.contains("exited with status 3") == true)
    }

    @Test func aTokenInTheFileWarnsAboutItsMode() throws {
        let path = NSTemporaryDirectory() + "gl-\(UUID().uuidString).yaml"
        FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = try GitLabSettings(
            options: Self.options(["groups": "g", "token": "inline-secret"], file: path),
            environment: [:]
        )
        #expect(settings.notices.count == 1)
        #expect(settings.notices[0].contains("mode 644, readable by other users; chmod 600"))
        #expect(!settings.notices[0].contains("inline-secret"))
    }

    @Test func poolsAndMistakes() throws {
        let settings = try GitLabSettings(
            options: Self.options(["groups": "g", "pools": "small, gpu=big+cuda"]),
            environment: ["GITLAB_TOKEN": "t"]
        )
        #expect(
            settings.pools == [PoolSpec(name: "small", tags: ["small"]), PoolSpec(name: "gpu", tags: ["big", "cuda"])]
        )
        #expect(settings.pools[1].serves(jobTags: ["cuda"]))
        #expect(!settings.pools[1].serves(jobTags: ["cuda", "arm"]))
        #expect(!settings.pools[1].serves(jobTags: []))
        for (values, expected) in [
            (["groups": "g", "pools": "x=+"], "names no tag"),
            (["groups": "g", "auth": "basic"], "use private-token or bearer"),
            (["token_env": "X"], "name at least one group or project"),
            (["groups": "g", "token": "a", "token_env": "X"], "give one of"),
            (["groups": "g", "url": "gitlab.example.com"], "http:// or https://"),
            (["projects": "a", "runner_scope": "group"], "group needs groups"),
        ] {
            let error = #expect(throws: ConfigError.self) {
                try GitLabSettings(options: Self.options(values), environment: ["GITLAB_TOKEN": "t", "X": "t"])
            }
            #expect(error?.description.contains(expected) == true, "\(error?.description ?? "") lacks \(expected)")
        }
    }
}
