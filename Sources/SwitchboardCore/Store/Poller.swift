import Foundation
import Synchronization

/// One loop per source, each on its own interval with backoff. A source's refreshes never overlap, and a slow
/// or failing source never holds up another or the UI.
public final class Poller: Sendable {
    private let estate: Estate
    private let intervals: PollIntervals
    private let store: Store
    private let kicks: Mutex<[FeedID: AsyncStream<Void>.Continuation]> = Mutex([:])
    private let tasks: Mutex<[Task<Void, Never>]> = Mutex([])

    public init(estate: Estate, intervals: PollIntervals, store: Store) {
        self.estate = estate
        self.intervals = intervals
        self.store = store
    }

    /// The feeds this estate can fill.
    public var feeds: [FeedID] {
        FeedID.allCases.filter { fetcher(for: $0) != nil }
    }

    public func start() {
        for feed in feeds {
            guard let fetch = fetcher(for: feed) else { continue }
            let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            kicks.withLock { $0[feed] = continuation }
            let backoff = Backoff(interval: intervals[feed])
            let store = self.store
            let task = Task.detached {
                var timer: Task<Void, Never>?
                continuation.yield()
                for await _ in stream {
                    timer?.cancel()
                    if Task.isCancelled { break }
                    do {
                        let value = try await fetch()
                        await store.record(value)
                    } catch {
                        await store.recordFailure(feed, message: Poller.describe(error))
                    }
                    let failures = await store.status(of: feed).consecutiveFailures
                    let delay = backoff.delay(afterFailures: failures, unit: Double.random(in: 0..<1))
                    timer = Task {
                        try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                        if !Task.isCancelled { continuation.yield() }
                    }
                }
                timer?.cancel()
            }
            tasks.withLock { $0.append(task) }
        }
    }

    /// Polls `feed` now instead of at its next turn (after an action, say).
    public func refreshNow(_ feed: FeedID) {
        _ = kicks.withLock { $0[feed]?.yield() }
    }

    public func stop() {
        kicks.withLock { kicks in
            for continuation in kicks.values { continuation.finish() }
            kicks.removeAll()
        }
        tasks.withLock { tasks in
            for task in tasks { task.cancel() }
            tasks.removeAll()
        }
    }

    private func fetcher(for feed: FeedID) -> (@Sendable () async throws -> FeedValue)? {
        switch feed {
        case .organization:
            guard let source = estate.organization else { return nil }
            return { .organization(try await source.organization()) }
        case .identity:
            guard let source = estate.identity else { return nil }
            return { .identity(try await source.identityInventory()) }
        case .runners:
            guard let source = estate.runners else { return nil }
            return { .runners(try await source.runners()) }
        case .pipelines:
            guard let source = estate.pipelines else { return nil }
            return { .pipelines(try await source.pipelines()) }
        }
    }

    /// An error as one sentence for the header. Backends word their own errors (`BackendError`, checked for
    /// secrets); anything else shows only its type, since its text could carry a URL with a token in it.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? BackendError { return error.message }
        return "unexpected \(type(of: error)); the backend should have reported it as a BackendError"
    }
}
