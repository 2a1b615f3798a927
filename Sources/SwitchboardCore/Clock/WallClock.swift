import Foundation
import Synchronization

/// Where "now" comes from. Injected so the demo estate and the store are deterministic in tests.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}

/// A clock that runs from `start` at the system clock's pace: the demo estate in the live console.
public struct OffsetClock: WallClock {
    public let start: Date
    public let origin: Date

    public init(start: Date, origin: Date = Date()) {
        self.start = start
        self.origin = origin
    }

    public func now() -> Date { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
}
