import Dispatch

/// HTTP/1.1 over TCP, and over TLS (the system's OpenSSL, loaded on first use) for `https`. One connection
/// per request (`Connection: close`); each exchange runs on a Dispatch worker thread so no Swift concurrency
/// thread ever blocks, and is bounded by the request's timeout from connect to the last byte.
public struct SocketHTTPClient: HTTPClient {
    /// A PEM bundle to trust instead of the system's store (`AWS_CA_BUNDLE`, a private CA).
    public var caBundle: String?
    public var maxBodyBytes: Int
    public var userAgent: String

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
        let socket = try SocketStream.connect(host: url.host, port: url.port, deadline: deadline)
        let stream: any ByteStream =
            url.scheme == "https"
            ? try TLSStream(socket: socket, host: url.host, caBundle: caBundle, deadline: deadline) : socket
        defer { stream.close() }
        try stream.write(HTTPWire.serialize(request, userAgent: userAgent), deadline: deadline)
        var reader = HTTPWire.Reader(stream: stream, deadline: deadline, target: url.hostHeader)
        return try HTTPWire.readResponse(&reader, method: request.method, maxBody: maxBodyBytes)
    }
}
