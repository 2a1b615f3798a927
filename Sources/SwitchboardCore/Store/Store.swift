import Foundation

/// The latest value of every feed with its freshness. Failures keep the last good value.
public actor Store {
    public private(set) var values: [FeedID: FeedValue] = [:]
    public private(set) var statuses: [FeedID: FeedStatus] = [:]
    private let clock: any WallClock
    private let onChange: @Sendable (FeedEvent) -> Void

    public init(clock: any WallClock, onChange: @escaping @Sendable (FeedEvent) -> Void = { _ in }) {
        self.clock = clock
        self.onChange = onChange
    }

    public func record(_ value: FeedValue) {
        let feed = value.feed
        values[feed] = value
        statuses[feed, default: FeedStatus()].recordSuccess(at: clock.now())
        onChange(FeedEvent(feed: feed, value: value, status: statuses[feed]!))
    }

    public func recordFailure(_ feed: FeedID, message: String) {
        statuses[feed, default: FeedStatus()].recordFailure(message, at: clock.now())
        onChange(FeedEvent(feed: feed, value: nil, status: statuses[feed]!))
    }

    public func status(of feed: FeedID) -> FeedStatus { statuses[feed] ?? FeedStatus() }

    public func value(of feed: FeedID) -> FeedValue? { values[feed] }
}
