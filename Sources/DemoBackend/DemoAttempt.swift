import SwitchboardCore

/// One attempt of a job and its planned timeline (seconds from the epoch). The status at a given time follows from
/// the timeline: created until its stage is reached, pending from `queuedAt`, running from `startAt`, finished at
/// `endAt` (or at `canceledAt`).
struct DemoAttempt: Sendable {
    let id: Int
    let jobIndex: Int
    let number: Int
    let createdAt: Double
    /// When its stage was reached; nil while an earlier stage blocks it.
    var readyAt: Double?
    /// When it was queued: `readyAt`, or when someone played it (manual jobs); nil while it waits for that.
    var queuedAt: Double?
    var startAt: Double?
    /// The planned finish, of a pass or of a failure.
    var endAt: Double?
    /// How long it runs when it passes (the log is written in proportion).
    var fullDuration: Double
    var failureReason: String?
    var canceledAt: Double?
    /// Index into the runner fleet, once a runner picked it up.
    var runner: Int?

    /// Whether it was picked up by a runner (before any cancel).
    func hasStarted(by now: Double) -> Bool {
        guard let startAt, startAt <= now else { return false }
        if let canceledAt { return startAt < canceledAt }
        return true
    }

    /// When it stops holding a runner.
    var releasedAt: Double? {
        guard let endAt else { return nil }
        guard let canceledAt else { return endAt }
        return min(endAt, canceledAt)
    }

    /// Its status at `now`; `blockedAt` is when an earlier stage failed (or was canceled), if it did.
    func status(at now: Double, blockedAt: Double) -> JobStatus {
        if let canceledAt, canceledAt <= now { return .canceled }
        guard let readyAt else { return now >= blockedAt ? .skipped : .created }
        if now < readyAt { return .created }
        guard let queuedAt, queuedAt <= now else { return .manual }
        guard let startAt, let endAt, startAt <= now else { return .pending }
        if now < endAt { return .running }
        return failureReason == nil ? .success : .failed
    }

    /// When it finished, as of `now`.
    func finishedAt(at now: Double, status: JobStatus) -> Double? {
        switch status {
        case .canceled: return canceledAt
        case .success, .failed: return endAt
        default: return nil
        }
    }
}
