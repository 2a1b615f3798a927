/// A backend failure, worded for the operator: what went wrong and what to do next. Never carries a secret.
public struct BackendError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case notFound = "not found"
        case notAllowed = "not allowed"
        case unavailable = "unavailable"
        case invalidState = "invalid state"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
