import Foundation

/// A backend offers any subset of these capabilities; the estate takes each from the first backend offering it
/// (runner pools are merged from every backend that reports them).
public protocol Backend: Sendable {
    /// The name the config gives it (shown in the header).
    var name: String { get }
    /// The config `kind:` that made it (`demo`, `aws`, `gitlab`…).
    var kind: String { get }
    /// How often this backend's feeds should be polled when the config does not say (API costs differ).
    var defaultIntervals: [FeedID: TimeInterval] { get }
    /// Things the operator should know from the start (a token kept in plain text, say), each one sentence.
    var notices: [String] { get }
}

extension Backend {
    public var defaultIntervals: [FeedID: TimeInterval] { [:] }
    public var notices: [String] { [] }
}

/// The AWS organisation: OUs, accounts, SCPs.
public protocol OrganizationSource: Backend {
    func organization() async throws -> Organization
}

/// Roles, their policies and compute bindings per account.
public protocol IdentitySource: Backend {
    func identityInventory() async throws -> IdentityInventory
}

/// Runner pools and agent templates.
public protocol RunnerSource: Backend {
    func runners() async throws -> RunnerInventory
}

/// Pipelines with their stages and jobs, and job logs.
public protocol PipelineSource: Backend {
    func pipelines() async throws -> [Pipeline]
    /// The log lines of `jobID` from line `offset` on.
    func log(jobID: Int, from offset: Int) async throws -> LogChunk
}

/// Acting on jobs.
public protocol JobActions: Backend {
    /// Retries a failed or canceled job; returns the new attempt.
    func retry(jobID: Int) async throws -> Job
    /// Cancels a job that has not finished; returns it as it now stands.
    func cancel(jobID: Int) async throws -> Job
    /// Starts a manual job; returns it as it now stands.
    func play(jobID: Int) async throws -> Job
    /// Retries every failed or canceled job of a pipeline; returns the pipeline as it now stands.
    func retryPipeline(pipelineID: Int) async throws -> Pipeline
}

/// Profiles, role assumption and the caller's identity.
public protocol CredentialBroker: Backend {
    func profiles() async throws -> [ProfileSummary]
    /// Sessions held now, soonest expiry first.
    func sessions() async -> [SessionSummary]
    func callerIdentity() async throws -> CallerSummary
    /// What `a` assumes for an account (a profile name or a role ARN), or nil when nothing is configured.
    func assumeTarget(forAccount account: String) -> String?
    /// Assumes `target` (a profile name or a role ARN) hop by hop, reporting each step; throws `AssumeFailure`.
    func assume(
        _ target: String,
        mfaCode: String?,
        progress: @escaping @Sendable (AssumeProgress) -> Void
    ) async throws -> SessionSummary
    /// Re-assumes sessions close to expiry whose source needs no prompt; returns the new sessions.
    func refreshExpiring() async -> [SessionSummary]
}
