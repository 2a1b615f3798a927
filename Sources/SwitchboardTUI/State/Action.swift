import Foundation
import SwitchboardCore
import TUICore

/// Everything that can happen to the console. Keys, data and the results of effects all arrive as actions.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    case tick(Date)
    case feed(FeedEvent)
    case log(LogChunk)
    case logFailed(jobID: Int, message: String)
    case jobActionSucceeded(Confirmation.Kind, previousJobID: Int, job: Job)
    case jobActionFailed(Confirmation.Kind, jobID: Int, message: String)
    /// Every failed or canceled job of the pipeline was retried; the pipeline as it now stands.
    case pipelineRetried(Pipeline)
    case pipelineRetryFailed(pipelineID: Int, message: String)
    case identityLoaded(IdentitySnapshot)
    case assumeProgress(target: String, AssumeProgress)
    case assumeFinished(target: String, Result<SessionSummary, AssumeFailure>)
    case sessionsRefreshed([SessionSummary])
    case auditLoaded(entries: [AuditEntry], location: String, error: String?)
}

extension Action {
    /// A successful refresh of a feed at `time`, as the store would report it.
    public static func loaded(_ value: FeedValue, at time: Date) -> Action {
        .feed(FeedEvent(feed: value.feed, value: value, status: FeedStatus(updatedAt: time, lastAttemptAt: time)))
    }
}

/// Work the runtime does on the state machine's behalf; results come back as actions.
public enum Effect: Sendable, Hashable {
    case retry(jobID: Int)
    case cancel(jobID: Int)
    /// Starts a manual job.
    case play(jobID: Int)
    /// Retries every failed or canceled job of a pipeline.
    case retryPipeline(pipelineID: Int)
    case fetchLog(jobID: Int, from: Int)
    case refresh(FeedID)
    /// Profiles, sessions and the caller's identity for the Identity screen.
    case loadIdentity
    case assume(AssumeRequest, mfaCode: String?)
    /// Re-assumes sessions about to expire (where no prompt is needed).
    case refreshSessions
    case loadAudit
    case quit
}

/// What to assume: a profile or role ARN as the operator chose it, or "the configured role" of an account.
public enum AssumeRequest: Sendable, Hashable, CustomStringConvertible {
    case target(String)
    case account(id: String, name: String)

    public var description: String {
        switch self {
        case .target(let text): text
        case .account(_, let name): name
        }
    }
}
