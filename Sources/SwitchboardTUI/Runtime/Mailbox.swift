import Synchronization

/// Where workers leave actions for the UI loop, which owns the terminal and the state.
public final class Mailbox: Sendable {
    private let queue = Mutex<[Action]>([])
    private let wake: @Sendable () -> Void

    public init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    public func post(_ action: Action) {
        queue.withLock { $0.append(action) }
        wake()
    }

    public func drain() -> [Action] {
        queue.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
