/// `~/.aws/config` and `~/.aws/credentials` (or `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`) read with
/// botocore's rules: `[default]` and `[profile NAME]` in the config file (a header that does not split into
/// exactly those is not a profile), `[NAME]` in the credentials file, credentials-file keys winning, and no
/// inheritance between profiles.
public struct SharedConfig: Sendable, Hashable {
    public var profiles: [String: AWSProfile]
    public var configPath: String
    public var credentialsPath: String

    public init(profiles: [String: AWSProfile], configPath: String, credentialsPath: String) {
        self.profiles = profiles
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// The two files' paths for this environment, `~` expanded.
    public static func paths(environment: [String: String]) -> (config: String, credentials: String) {
        let home = environment["HOME"] ?? ""
        func expand(_ path: String) -> String { path.hasPrefix("~/") ? home + path.dropFirst() : path }
        return (
            expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config"),
            expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        )
    }

    /// Reads both files through `read` (nil when a file does not exist: that is not an error).
    public static func load(
        environment: [String: String],
        read: (String) -> String?
    ) throws(INIFile.ParseError) -> SharedConfig {
        let (configPath, credentialsPath) = paths(environment: environment)
        var profiles: [String: AWSProfile] = [:]
        if let text = read(configPath) {
            for section in try INIFile.parse(text, path: configPath).sections {
                guard let name = profileName(configHeader: section.header) else { continue }
                profiles[name] = AWSProfile(
                    name: name,
                    settings: section.values.mapValues {
                        AWSProfile.Setting(value: $0.text, file: configPath, line: $0.line)
                    },
                    file: configPath,
                    line: section.line
                )
            }
        }
        if let text = read(credentialsPath) {
            for section in try INIFile.parse(text, path: credentialsPath).sections {
                let name = section.header
                var profile =
                    profiles[name]
                    ?? AWSProfile(name: name, settings: [:], file: credentialsPath, line: section.line)
                for (key, value) in section.values {
                    profile.settings[key] = AWSProfile.Setting(
                        value: value.text,
                        file: credentialsPath,
                        line: value.line
                    )
                }
                profiles[name] = profile
            }
        }
        return SharedConfig(profiles: profiles, configPath: configPath, credentialsPath: credentialsPath)
    }

    /// `default` → "default"; `profile NAME` (shell-split, so `profile "my name"` works) → NAME; anything
    /// else (`sso-session`, `services`, a typo) → not a profile.
    static func profileName(configHeader header: String) -> String? {
        let tokens = ShellWords.split(header)
        if tokens == ["default"] { return "default" }
        if tokens.count == 2, tokens[0] == "profile" { return tokens[1] }
        return nil
    }
}

/// POSIX-shell-like word splitting (quotes and backslashes), as Python's shlex does for section headers.
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in text {
            if escaping {
                current.append(character)
                escaping = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaping = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inWord = true
            case "\\":
                escaping = true
                inWord = true
            case " ", "\t":
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
