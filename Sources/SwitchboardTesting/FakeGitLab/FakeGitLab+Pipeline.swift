import Foundation

extension FakeGitLab {
    /// A pipeline. `status`, the timestamps and the durations are recomputed from its jobs whenever one of them
    /// changes (`State.refreshPipeline`); a pipeline without jobs keeps what it was given.
    public struct Pipeline: Sendable, Hashable {
        public var id: Int
        public var iid: Int
        public var projectID: Int
        public var status: Status
        /// `push`, `schedule`, `merge_request_event`, `web`, `api`, `parent_pipeline` (a child: hidden from
        /// the list unless asked for by `source=parent_pipeline`) …
        public var source: String
        public var ref: String
        public var sha: String
        public var name: String?
        public var commitTitle: String
        public var createdAt: Date
        public var updatedAt: Date
        public var startedAt: Date?
        public var finishedAt: Date?
        /// Whole seconds, as GitLab has it for pipelines.
        public var duration: Int?
        public var queuedDuration: Double?

        public init(
            id: Int,
            iid: Int,
            projectID: Int,
            status: Status = .created,
            source: String = "push",
            ref: String = "main",
            sha: String,
            name: String? = nil,
            commitTitle: String = "Update the pipeline",
            createdAt: Date,
            updatedAt: Date? = nil,
            startedAt: Date? = nil,
            finishedAt: Date? = nil,
            duration: Int? = nil,
            queuedDuration: Double? = nil
        ) {
            self.id = id
            self.iid = iid
            self.projectID = projectID
            self.status = status
            self.source = source
            self.ref = ref
            self.sha = sha
            self.name = name
            self.commitTitle = commitTitle
            self.createdAt = createdAt
            self.updatedAt = updatedAt ?? createdAt
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.duration = duration
            self.queuedDuration = queuedDuration
        }

        public var isChild: Bool { source == "parent_pipeline" }
    }
}
