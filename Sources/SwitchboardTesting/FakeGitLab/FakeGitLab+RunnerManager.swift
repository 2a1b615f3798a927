import Foundation

extension FakeGitLab {
    /// One gitlab-runner process behind a runner (with the Helm chart: one pod). Ids are unique across runners.
    public struct RunnerManager: Sendable, Hashable {
        public var id: Int
        /// `s_` and 12 hex digits when gitlab-runner made it up.
        public var systemID: String
        public var version: String
        public var revision: String
        public var platform: String
        public var architecture: String
        public var createdAt: Date
        public var contactedAt: Date?
        public var ipAddress: String
        public var status: RunnerStatus

        public init(
            id: Int,
            systemID: String,
            version: String = "17.5.1",
            revision: String = "5a021a1c",
            platform: String = "linux",
            architecture: String = "amd64",
            createdAt: Date,
            contactedAt: Date?,
            ipAddress: String = "10.20.0.1",
            status: RunnerStatus = .online
        ) {
            self.id = id
            self.systemID = systemID
            self.version = version
            self.revision = revision
            self.platform = platform
            self.architecture = architecture
            self.createdAt = createdAt
            self.contactedAt = contactedAt
            self.ipAddress = ipAddress
            self.status = status
        }
    }
}
