import Foundation
import SwitchboardCore
import TUICore

/// The UI loop: waits for a key, a resize, news from the pollers or the next clock second; feeds each to
/// `Update`; runs the effects; redraws only when something changed. Idle, it sleeps in the terminal.
public final class ConsoleRuntime {
    public private(set) var state: AppState
    private let terminal: any Terminal
    private let theme: Theme
    private let clock: any WallClock
    private let estate: Estate
    private let poller: Poller
    private let mailbox: Mailbox
    private let effects: EffectRunner
    private let stopRequested: @Sendable () -> Bool
    /// For benchmarks: return after the first frame that shows every feed's data.
    public var exitAfterFirstFullFrame = false
    /// Hands freed heap pages back to the system: after the first frame that shows every feed's data, then
    /// every `trimInterval` seconds (polls allocate and free; glibc keeps what they freed otherwise).
    public var trimMemory: (() -> Void)?
    public var trimInterval: TimeInterval = 30
    private var reportedFullyLoaded = false
    private var lastTrim = Date.distantPast

    public init(
        estate: Estate,
        intervals: PollIntervals,
        terminal: any Terminal,
        theme: Theme,
        clock: any WallClock,
        readOnly: Bool,
        audit: any AuditLog = InMemoryAuditLog(),
        operatorName: String = "operator",
        stopRequested: @escaping @Sendable () -> Bool = { false }
    ) {
        self.terminal = terminal
        self.theme = theme
        self.clock = clock
        self.estate = estate
        self.stopRequested = stopRequested
        let mailbox = Mailbox(wake: terminal.waker)
        self.mailbox = mailbox
        let store = Store(clock: clock) { event in mailbox.post(.feed(event)) }
        let poller = Poller(estate: estate, intervals: intervals, store: store)
        self.poller = poller
        self.effects = EffectRunner(
            estate: estate,
            poller: poller,
            mailbox: mailbox,
            audit: audit,
            operatorName: operatorName
        )
        state = AppState(
            estateName: estate.name,
            backendSummary: estate.backendSummary,
            feeds: poller.feeds,
            size: terminal.size,
            now: clock.now(),
            readOnly: readOnly
        )
        // What a backend wants known from the start (a token kept in plain text) stays up for a while.
        let notices = estate.backends.flatMap(\.notices)
        if let first = notices.first {
            let more = notices.count > 1 ? " (+\(notices.count - 1) more on stderr)" : ""
            state.flash = Flash(first + more, level: .error, until: clock.now().addingTimeInterval(20))
        }
    }

    /// Runs until the operator quits or a stop is requested (SIGINT, SIGTERM).
    public func run() {
        poller.start()
        defer { poller.stop() }
        draw()
        var lastSecond = Int(clock.now().timeIntervalSince1970)
        while !state.shouldQuit, !stopRequested() {
            let now = clock.now()
            let toNextSecond = 1000 - Int((now.timeIntervalSince1970 * 1000).truncatingRemainder(dividingBy: 1000))
            let event = terminal.nextEvent(timeoutMilliseconds: max(10, toNextSecond))
            var dirty = false
            switch event {
            case .key(let key):
                dispatch(.key(key))
                dirty = true
            case .resize(let size):
                dispatch(.resize(size))
                dirty = true
            case .wake, nil:
                break
            }
            for action in mailbox.drain() {
                dispatch(action)
                dirty = true
            }
            let second = Int(clock.now().timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                dispatch(.tick(clock.now()))
                dirty = true
            }
            if dirty { draw() }
            if !reportedFullyLoaded, isFullyLoaded {
                reportedFullyLoaded = true
                if exitAfterFirstFullFrame { break }
                trim()
            } else if reportedFullyLoaded, clock.now().timeIntervalSince(lastTrim) >= trimInterval {
                trim()
            }
        }
    }

    private func trim() {
        lastTrim = clock.now()
        trimMemory?()
    }

    private var isFullyLoaded: Bool { state.feeds.values.allSatisfy { $0.updatedAt != nil || $0.lastError != nil } }

    private func dispatch(_ action: Action) {
        for effect in Update.apply(action, to: &state) { effects.run(effect) }
    }

    private func draw() {
        terminal.present(Renderer.render(state, theme: theme))
    }
}
