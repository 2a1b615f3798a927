import Foundation

/// Simulated time: seconds since `DemoBackend.epoch`, as `Double`, converted to `Date` only at the edges.
enum DemoTime {
    /// 2026-03-02T09:00:00Z.
    static let epoch = Date(timeIntervalSince1970: 1_772_442_000)

    static func date(_ seconds: Double) -> Date { epoch.addingTimeInterval(seconds) }

    static func seconds(_ date: Date) -> Double { date.timeIntervalSince(epoch) }
}
