import Dispatch

/// HTTP/1.1 over TCP, and over TLS (the system's OpenSSL, loaded on first use) for `https`. GET and HEAD reuse
/// an idle connection to the same server when there is one (keep-alive; a connection the server has dropped
/// meanwhile is replaced by a new one, once); other methods get a connection of their own, closed after. Each
/// exchange runs on a Dispatch worker thread so no Swift concurrency thread ever blocks, and is bounded by the
/// request's timeout from connect to the last byte.
public struct SocketHTTPClient: HTTPClient {
    /// A PEM bundle to trust instead of the system's store (`AWS_CA_BUNDLE`, a private CA).
    public var caBundle: String?
    public var maxBodyBytes: Int
    public var userAgent: String
    /// Keep connections for the next GET or HEAD to the same server.
    public var keepAlive = true
    let pool = ConnectionPool()

    public init(caBundle: String? = nil, maxBodyBytes: Int = 64 << 20, userAgent: String = "switchboard") {
        self.caBundle = caBundle
        self.maxBodyBytes = maxBodyBytes
        self.userAgent = userAgent
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { () throws(HTTPError) in try exchange(request) })
            }
        }
    }

    /// The blocking exchange (also what benchmarks and tests can call directly).
    public func exchange(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let deadline = ContinuousClock.now + .milliseconds(Int(request.timeout * 1000))
        let url = request.url
        let server = "\(url.scheme)://\(url.hostHeader)"
        let reusable = keepAlive && (request.method == "GET" || request.method == "HEAD")
        if reusable, let idle = pool.take(server) {
            do {
                return try roundTrip(request, on: idle, server: server, reusable: true, deadline: deadline)
            } catch  where error.kind != .timeout {
                // The server closed it while idle (or answered it badly): a new connection, once.
            }
        }
        let socket = try SocketStream.connect(host: url.host, port: url.port, deadline: deadline)
        let stream: any ByteStream =
            url.scheme == "https"
            ? try TLSStream(socket: socket, host: url.host, caBundle: caBundle, deadline: deadline) : socket
        return try roundTrip(request, on: stream, server: server, reusable: reusable, deadline: deadline)
    }

    /// Idle connections held for reuse (for tests).
    public var idleConnections: Int { pool.count }

    private func roundTrip(
        _ request: HTTPRequest,
        on stream: any ByteStream,
        server: String,
        reusable: Bool,
        deadline: ContinuousClock.Instant
    ) throws(HTTPError) -> HTTPResponse {
        var keep = false
        defer { keep ? pool.put(stream, for: server) : stream.close() }
        try stream.write(HTTPWire.serialize(request, userAgent: userAgent, keepAlive: reusable), deadline: deadline)
        var reader = HTTPWire.Reader(stream: stream, deadline: deadline, target: request.url.hostHeader)
        let response = try HTTPWire.readResponse(&reader, method: request.method, maxBody: maxBodyBytes)
        keep = reusable && reader.reusable
        return response
    }
}
