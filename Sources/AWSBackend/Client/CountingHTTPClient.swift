import HTTPTransport
import Synchronization

/// Counts the AWS calls that pass through it, by operation (`X-Amz-Target`'s operation, or the query
/// protocol's `Action`), for the benchmark's calls-per-poll figures.
public final class CountingHTTPClient: HTTPClient {
    let inner: any HTTPClient
    private let counts = Mutex<[String: Int]>([:])

    public init(_ inner: any HTTPClient) { self.inner = inner }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let operation: String
        if let target = request.header("X-Amz-Target") {
            operation = String(target.split(separator: ".").last ?? "")
        } else {
            let body = String(decoding: request.body, as: UTF8.self)
            operation =
                body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) }
                ?? "\(request.method) \(request.url.path)"
        }
        counts.withLock { $0[operation, default: 0] += 1 }
        return try await inner.send(request)
    }

    public var byOperation: [String: Int] { counts.withLock { $0 } }
    public var total: Int { counts.withLock { $0.values.reduce(0, +) } }

    public func reset() { counts.withLock { $0 = [:] } }
}
