import Foundation
import Synchronization

/// An in-memory GitLab (REST v4, the parts Switchboard uses) with its request router: the documented JSON
/// shapes, pagination headers, rate limits, auth failures and scripted faults, answered without sockets by
/// `handle(_:)`. `FakeGitLabServer` puts it on a loopback port. Thread-safe: one lock guards everything.
public final class FakeGitLab: Sendable {
    struct Storage: Sendable {
        var state: State
        var configuration: Configuration
        var clock: @Sendable () -> Date
        var faults: [ArmedFault] = []
        var log: [RecordedRequest] = []
        var countsByRoute: [String: Int] = [:]
        var countsByStatus: [Int: Int] = [:]
        var total = 0
        var windows: [String: RateWindow] = [:]
        var advanceCursor = 0
        var serial = 0
    }

    struct RateWindow: Sendable {
        var minute: Int
        var count: Int
    }

    let storage: Mutex<Storage>

    /// `now` is the clock for everything time-dependent: run-time timestamps, rate windows, live durations.
    public init(
        state: State = State(),
        configuration: Configuration = Configuration(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        storage = Mutex(Storage(state: state, configuration: configuration, clock: now))
    }

    /// Answers one request. Pure apart from the fake's own state: no I/O, no sleeping (a delay or a dropped
    /// connection is returned as the response's `behaviour` for the server to act out).
    public func handle(_ request: Request) -> Response {
        storage.withLock { $0.handle(request) }
    }

    // MARK: State

    public var state: State { storage.withLock { $0.state } }

    /// Changes the state under the lock: `gitlab.withState { $0.setStatus(ofJob: 7, to: .failed, at: now) }`.
    @discardableResult
    public func withState<T: Sendable, E: Error>(_ body: (inout State) throws(E) -> T) throws(E) -> T {
        try storage.withLock { (storage: inout Storage) throws(E) -> T in try body(&storage.state) }
    }

    public var configuration: Configuration {
        get { storage.withLock { $0.configuration } }
        set { storage.withLock { $0.configuration = newValue } }
    }

    // MARK: Clock

    /// The fake's current time.
    public var now: Date {
        let clock = storage.withLock { $0.clock }
        return clock()
    }

    /// Replaces the clock. It is read under the fake's lock, so it must not call back into the fake.
    public func setClock(_ now: @escaping @Sendable () -> Date) { storage.withLock { $0.clock = now } }

    /// Stops the clock at `date`.
    public func setTime(_ date: Date) { setClock { date } }

    /// Stops the clock `seconds` after its current reading.
    public func advanceTime(by seconds: TimeInterval) { setTime(now.addingTimeInterval(seconds)) }

    // MARK: Faults

    /// Plays `fault` on the next `times` requests that `match` selects (before auth and rate limits, as a
    /// proxy or GitLab's throttle would). Faults armed earlier are tried first.
    public func inject(_ fault: Fault, on match: FaultMatch = .any, times: Int = 1) {
        storage.withLock { $0.faults.append(ArmedFault(fault: fault, match: match, remaining: times)) }
    }

    public func clearFaults() { storage.withLock { $0.faults.removeAll() } }

    /// Faults still armed (their remaining counts added up).
    public var armedFaults: Int { storage.withLock { $0.faults.reduce(0) { $0 + $1.remaining } } }

    // MARK: Recorded requests

    /// The most recent requests (up to `Configuration.requestLogLimit`), oldest first.
    public var requests: [RecordedRequest] { storage.withLock { $0.log } }

    /// Requests by route name (`GET /projects/:id/pipelines`; `GET (unknown)` for no route).
    public var countsByRoute: [String: Int] { storage.withLock { $0.countsByRoute } }

    public var countsByStatus: [Int: Int] { storage.withLock { $0.countsByStatus } }

    public var totalRequests: Int { storage.withLock { $0.total } }

    public func count(_ route: String) -> Int { storage.withLock { $0.countsByRoute[route, default: 0] } }

    /// Forgets recorded requests and counts (and the rate windows, so a test starts with a full budget).
    public func resetRequests() {
        storage.withLock {
            $0.log.removeAll()
            $0.countsByRoute.removeAll()
            $0.countsByStatus.removeAll()
            $0.total = 0
            $0.windows.removeAll()
        }
    }
}
