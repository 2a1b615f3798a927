extension FakeGitLab {
    /// A job's or pipeline's status, with GitLab's spelling as the raw value.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case created
        case waitingForResource = "waiting_for_resource"
        case preparing
        case pending
        case running
        case success
        case failed
        case canceled
        case canceling
        case skipped
        case manual
        case scheduled
        case waitingForCallback = "waiting_for_callback"

        /// Waiting for or holding a runner.
        public var isActive: Bool {
            [.waitingForResource, .preparing, .pending, .running, .canceling, .waitingForCallback].contains(self)
        }

        public var isFinished: Bool { [.success, .failed, .canceled, .skipped].contains(self) }

        /// GitLab retries finished jobs only (`Ci::Build#retryable?`).
        public var isRetryable: Bool { [.success, .failed, .canceled].contains(self) }

        public var isCancelable: Bool { isActive || self == .created || self == .scheduled }
    }

    /// What GitLab calls a runner's (or a runner manager's) `status`.
    public enum RunnerStatus: String, Sendable, Hashable, CaseIterable {
        case online
        case offline
        case stale
        case neverContacted = "never_contacted"
    }

    public enum RunnerType: String, Sendable, Hashable, CaseIterable {
        case instance = "instance_type"
        case group = "group_type"
        case project = "project_type"
    }
}
