/// Why an exchange did not produce an answer. Never carries a request's headers or body.
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case resolve, connect, timeout, tls, closed, malformed, refused
    }

    public var kind: Kind
    /// `host:port` (or the URL) the exchange was with.
    public var target: String
    public var detail: String

    public init(_ kind: Kind, target: String, _ detail: String) {
        self.kind = kind
        self.target = target
        self.detail = detail
    }

    /// Worth trying again: the network, not the request, failed.
    public var isTransient: Bool { [.connect, .timeout, .closed].contains(kind) }

    public var description: String {
        switch kind {
        case .resolve: "cannot resolve \(target): \(detail); check the host name and DNS"
        case .connect: "cannot connect to \(target): \(detail); is the endpoint up and reachable?"
        case .timeout: "no answer from \(target) in time (\(detail))"
        case .tls: "TLS with \(target) failed: \(detail)"
        case .closed: "\(target) closed the connection before answering (\(detail))"
        case .malformed: "\(target) sent something that is not HTTP/1.1: \(detail)"
        case .refused: "refusing \(target): \(detail)"
        }
    }
}
