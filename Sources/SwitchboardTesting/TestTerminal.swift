import Foundation
import Synchronization
import TUICore

/// A terminal in memory: records every frame it is shown and replays scripted events.
public final class TestTerminal: Terminal {
    public var size: Size
    public private(set) var frames: [Buffer] = []
    private var events: [TerminalEvent]
    private let wakes = WakeCounter()

    public init(size: Size, events: [TerminalEvent] = []) {
        self.size = size
        self.events = events
    }

    /// Called with every frame presented, on the loop's thread.
    public var onPresent: ((Buffer) -> Void)?

    public var lastFrame: Buffer? { frames.last }

    public var lastFrameText: String { lastFrame?.lines.joined(separator: "\n") ?? "" }

    public func enqueue(_ event: TerminalEvent) { events.append(event) }

    public func present(_ buffer: Buffer) {
        frames.append(buffer)
        onPresent?(buffer)
    }

    /// The next scripted event; when none is left, `nil` after a short nap (tests never wait a whole timeout).
    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        if wakes.count.exchange(0, ordering: .relaxed) > 0 { return .wake }
        guard !events.isEmpty else {
            Thread.sleep(forTimeInterval: 0.002)
            return wakes.count.exchange(0, ordering: .relaxed) > 0 ? .wake : nil
        }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public var waker: @Sendable () -> Void {
        let counter = wakes
        return { counter.count.add(1, ordering: .relaxed) }
    }
}

private final class WakeCounter: Sendable {
    let count = Atomic<Int>(0)
}
