import Synchronization

/// Counts requests by route (`GET /projects/:id/pipelines`), for the benchmark and the tests' call budgets.
public final class CallCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    public init() {}

    func count(_ route: String) { counts.withLock { $0[route, default: 0] += 1 } }

    public var byRoute: [String: Int] { counts.withLock { $0 } }
    public var total: Int { counts.withLock { $0.values.reduce(0, +) } }
    public func reset() { counts.withLock { $0.removeAll() } }
}
