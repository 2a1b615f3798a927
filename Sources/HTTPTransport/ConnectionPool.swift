import Synchronization

/// Idle connections kept for the next request to the same server (HTTP/1.1 keep-alive): a console polling
/// GitLab every few seconds then pays one TCP and TLS handshake per connection, not per request. Connections
/// idle longer than `maxIdle` are closed rather than reused (servers drop them after about a minute, and a
/// dropped one would cost a retry); at most `perServer` wait per server.
final class ConnectionPool: Sendable {
    /// A stream handed from the thread that finished with it to the one that takes it; never used by two at once.
    private struct Idle: @unchecked Sendable {
        let stream: any ByteStream
        let since: ContinuousClock.Instant
    }

    static let maxIdle: Duration = .seconds(15)
    static let perServer = 4

    private let idle = Mutex<[String: [Idle]]>([:])

    /// The most recently used live connection to `server`, if any.
    func take(_ server: String) -> (any ByteStream)? {
        let now = ContinuousClock.now
        var stale: [any ByteStream] = []
        let found = idle.withLock { idle -> (any ByteStream)? in
            var list = idle[server] ?? []
            stale = list.filter { now - $0.since > Self.maxIdle }.map(\.stream)
            list.removeAll { now - $0.since > Self.maxIdle }
            let taken = list.popLast()?.stream
            idle[server] = list.isEmpty ? nil : list
            return taken
        }
        for stream in stale { stream.close() }
        return found
    }

    func put(_ stream: any ByteStream, for server: String) {
        var extra: (any ByteStream)?
        idle.withLock { idle in
            var list = idle[server] ?? []
            list.append(Idle(stream: stream, since: .now))
            if list.count > Self.perServer { extra = list.removeFirst().stream }
            idle[server] = list
        }
        extra?.close()
    }

    /// Idle connections held now (for tests).
    var count: Int { idle.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    deinit {
        idle.withLock { idle in
            for list in idle.values { for entry in list { entry.stream.close() } }
        }
    }
}
