import Foundation

extension FakeGitLab {
    /// A project's environment (`staging`, `production`).
    public struct Environment: Sendable, Hashable {
        public var id: Int
        public var projectID: Int
        public var name: String
        public var externalURL: String?

        public init(id: Int, projectID: Int, name: String, externalURL: String? = nil) {
            self.id = id
            self.projectID = projectID
            self.name = name
            self.externalURL = externalURL
        }
    }

    /// The record of one job deploying to an environment. Its status follows the job's (`created` while the
    /// job waits, `running`, `success`, `failed`, `canceled`, `skipped`).
    public struct Deployment: Sendable, Hashable {
        public var id: Int
        public var iid: Int
        public var projectID: Int
        public var environmentID: Int
        public var jobID: Int
        public var createdAt: Date
        public var updatedAt: Date

        public init(id: Int, iid: Int, projectID: Int, environmentID: Int, jobID: Int, createdAt: Date, updatedAt: Date)
        {
            self.id = id
            self.iid = iid
            self.projectID = projectID
            self.environmentID = environmentID
            self.jobID = jobID
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }
    }
}
