import Foundation

extension FakeGitLab {
    /// A job, or a bridge (trigger job) when `isBridge`. A job superseded by its retry keeps its id and gets
    /// `retried = true`: hidden from a pipeline's jobs unless `include_retried=true`.
    public struct Job: Sendable, Hashable {
        public var id: Int
        public var pipelineID: Int
        public var projectID: Int
        public var name: String
        public var stage: String
        public var status: Status
        public var tagList: [String]
        /// Only reported while the job is failed.
        public var failureReason: String?
        public var allowFailure: Bool
        /// `when: manual` (or delayed): playable while `manual`/`scheduled`.
        public var isAction: Bool
        public var createdAt: Date
        /// When it last became `pending` (its queued time counts from here); nil means `createdAt`.
        public var queuedAt: Date?
        public var startedAt: Date?
        public var finishedAt: Date?
        /// Float seconds; nil while it has not finished (the answer then shows the live value).
        public var duration: Double?
        public var queuedDuration: Double?
        public var runnerID: Int?
        /// The id of the runner manager (pod) that ran it.
        public var runnerManagerID: Int?
        /// The environment it deploys to: such a job has a deployment record.
        public var environment: String?
        public var isBridge: Bool
        public var downstreamPipelineID: Int?
        public var retried: Bool
        public var coverage: Double?
        /// When anything about the job last changed (not in the job's JSON; drives deployments' `updated_at`).
        public var updatedAt: Date

        public init(
            id: Int,
            pipelineID: Int,
            projectID: Int,
            name: String,
            stage: String,
            status: Status,
            tagList: [String] = [],
            failureReason: String? = nil,
            allowFailure: Bool = false,
            isAction: Bool = false,
            createdAt: Date,
            queuedAt: Date? = nil,
            startedAt: Date? = nil,
            finishedAt: Date? = nil,
            duration: Double? = nil,
            queuedDuration: Double? = nil,
            runnerID: Int? = nil,
            runnerManagerID: Int? = nil,
            environment: String? = nil,
            isBridge: Bool = false,
            downstreamPipelineID: Int? = nil,
            retried: Bool = false,
            coverage: Double? = nil,
            updatedAt: Date? = nil
        ) {
            self.id = id
            self.pipelineID = pipelineID
            self.projectID = projectID
            self.name = name
            self.stage = stage
            self.status = status
            self.tagList = tagList
            self.failureReason = failureReason
            self.allowFailure = allowFailure
            self.isAction = isAction
            self.createdAt = createdAt
            self.queuedAt = queuedAt
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.duration = duration
            self.queuedDuration = queuedDuration
            self.runnerID = runnerID
            self.runnerManagerID = runnerManagerID
            self.environment = environment
            self.isBridge = isBridge
            self.downstreamPipelineID = downstreamPipelineID
            self.retried = retried
            self.coverage = coverage
            self.updatedAt = updatedAt ?? [finishedAt, startedAt, createdAt].compactMap { $0 }.max()!
        }
    }
}
