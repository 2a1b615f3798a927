import Foundation
import SwitchboardCore

/// What the Identity screen loads in one go.
public struct IdentitySnapshot: Sendable, Hashable {
    public var profiles: [ProfileSummary]
    public var sessions: [SessionSummary]
    public var caller: CallerSummary?
    public var callerError: String?
    public var profilesError: String?
    /// Where the profiles come from (`~/.aws/config` or the demo), for the panel title.
    public var source: String

    public init(
        profiles: [ProfileSummary] = [],
        sessions: [SessionSummary] = [],
        caller: CallerSummary? = nil,
        callerError: String? = nil,
        profilesError: String? = nil,
        source: String = ""
    ) {
        self.profiles = profiles
        self.sessions = sessions
        self.caller = caller
        self.callerError = callerError
        self.profilesError = profilesError
        self.source = source
    }
}

/// One assumption as it walks its chain on screen.
public struct AssumeRun: Sendable, Hashable {
    public var target: String
    public var steps: [AssumeProgress] = []
    public var session: SessionSummary?
    public var failure: AssumeFailure?

    public init(target: String) { self.target = target }

    public var isRunning: Bool { session == nil && failure == nil }
}

/// The Identity screen: profiles with their sessions, the caller, and the assumption in progress.
public struct IdentityViewState: Sendable {
    public var screen = TreeScreenState<IdentityRow>()
    public var snapshot: IdentitySnapshot?
    public var isLoading = false
    public var run: AssumeRun?

    /// The session held for a profile or target, if any.
    public func session(for target: String) -> SessionSummary? {
        snapshot?.sessions.first { $0.target == target }
    }
}

/// The Audit screen: the newest entries of the audit log.
public struct AuditViewState: Sendable {
    public var screen = TreeScreenState<AuditEntry>()
    public var location = ""
    public var error: String?
    public var hasLoaded = false
}
