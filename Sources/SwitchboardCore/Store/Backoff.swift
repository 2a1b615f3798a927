import Foundation

/// The delay before the next poll: the interval while healthy, doubling per consecutive failure up to `cap`,
/// with ±10 % jitter so many consoles do not poll in step.
public struct Backoff: Sendable, Hashable {
    public var interval: TimeInterval
    public var cap: TimeInterval

    public init(interval: TimeInterval, cap: TimeInterval? = nil) {
        self.interval = interval
        self.cap = cap ?? max(interval, min(interval * 16, 600))
    }

    /// `unit` is a number in 0..<1 (random in production, fixed in tests).
    public func delay(afterFailures failures: Int, unit: Double) -> TimeInterval {
        let base = failures == 0 ? interval : min(cap, interval * pow(2, Double(min(failures, 20))))
        return base * (0.9 + 0.2 * unit)
    }
}
