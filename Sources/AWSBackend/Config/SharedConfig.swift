import Foundation

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
        // `~` and `$VAR` / `${VAR}`, as botocore expands them.
        func expand(_ path: String) -> String {
            var out = path.hasPrefix("~/") ? home + path.dropFirst() : path
            for (name, value) in environment.sorted(by: { $0.key.count > $1.key.count }) {
                out = out.replacingOccurrences(of: "${\(name)}", with: value)
                    .replacingOccurrences(of: "$\(name)", with: value)
            }
            return out
        }
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
        if header == "default" { return "default" }
        // botocore: a header starting with "profile" that shell-splits into two words names its second word
        // (so `profilex foo` is "foo"); a header that does not split (an open quote) is skipped.
        guard header.hasPrefix("profile"), let tokens = ShellWords.split(header), tokens.count == 2 else { return nil }
        return tokens[1]
    }
}

/// POSIX-shell-like word splitting (quotes and backslashes), as Python's shlex does for section headers.
enum ShellWords {
    /// The words, or nil when a quote is left open (Python's shlex raises then).
    static func split(_ text: String) -> [String]? {
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
        if quote != nil || escaping { return nil }
        if inWord { words.append(current) }
        return words
    }
}
