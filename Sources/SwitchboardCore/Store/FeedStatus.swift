import Foundation

/// How fresh a feed is: when it last succeeded, and the error since, if any. Data stays when a refresh fails.
public struct FeedStatus: Sendable, Hashable {
    public var updatedAt: Date?
    public var lastAttemptAt: Date?
    public var lastError: String?
    public var consecutiveFailures: Int

    public init(
        updatedAt: Date? = nil,
        lastAttemptAt: Date? = nil,
        lastError: String? = nil,
        consecutiveFailures: Int = 0
    ) {
        self.updatedAt = updatedAt
        self.lastAttemptAt = lastAttemptAt
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
    }

    /// Never loaded yet.
    public var isLoading: Bool { updatedAt == nil && lastError == nil }
    /// The last refresh failed: what is shown is older than it should be.
    public var isStale: Bool { lastError != nil }

    public mutating func recordSuccess(at time: Date) {
        updatedAt = time
        lastAttemptAt = time
        lastError = nil
        consecutiveFailures = 0
    }

    public mutating func recordFailure(_ message: String, at time: Date) {
        lastAttemptAt = time
        lastError = message
        consecutiveFailures += 1
    }
}

/// A feed's change, as the store hands it to the UI.
public struct FeedEvent: Sendable, Hashable {
    public var feed: FeedID
    public var value: FeedValue?
    public var status: FeedStatus

    public init(feed: FeedID, value: FeedValue?, status: FeedStatus) {
        self.feed = feed
        self.value = value
        self.status = status
    }
}
