/// Why no credentials came back from a source, as a sentence with the next step. Never holds a secret.
public struct CredentialError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var message: String

    public init(source: String, _ message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
