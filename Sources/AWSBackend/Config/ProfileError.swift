/// A profile that cannot give credentials. The message is botocore's own, so it can be searched for, plus
/// where the profile is written.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case profileNotFound = "ProfileNotFound"
        case invalidConfig = "InvalidConfigError"
        case partialCredentials = "PartialCredentialsError"
        case infiniteLoop = "InfiniteLoopConfigError"
        case noCredentials = "NoCredentialsError"
    }

    public var kind: Kind
    public var message: String
    public var location: String?

    public var description: String { message + (location.map { " (\($0))" } ?? "") }
}
