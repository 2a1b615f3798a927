import Synchronization

/// Sends requests. Backends take one of these, so tests hand them the in-memory twin below and production
/// the socket client.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// The in-memory twin: answers from a handler and records every request it was sent.
public final class InMemoryHTTPClient: HTTPClient {
    public typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse
    private let handler: Handler
    private let sent = Mutex<[HTTPRequest]>([])

    public init(handler: @escaping Handler) { self.handler = handler }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return try handler(request)
    }

    public var requests: [HTTPRequest] { sent.withLock { $0 } }
}
