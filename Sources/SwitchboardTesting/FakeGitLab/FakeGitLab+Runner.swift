import Foundation

extension FakeGitLab {
    /// A runner: one registration (one token) that any number of managers (pods of the Helm chart) share.
    public struct Runner: Sendable, Hashable {
        public var id: Int
        public var description: String
        public var runnerType: RunnerType
        public var paused: Bool
        public var status: RunnerStatus
        public var tagList: [String]
        public var version: String
        public var revision: String
        public var platform: String
        public var architecture: String
        public var contactedAt: Date?
        public var createdAt: Date
        /// The groups of a `group_type` runner.
        public var groupIDs: [Int]
        /// The projects of a `project_type` runner.
        public var projectIDs: [Int]
        public var managers: [RunnerManager]
        public var maximumTimeout: Int?
        /// `not_protected` or `ref_protected`.
        public var accessLevel: String
        public var runUntagged: Bool
        public var locked: Bool
        public var maintenanceNote: String?

        public init(
            id: Int,
            description: String,
            runnerType: RunnerType = .group,
            paused: Bool = false,
            status: RunnerStatus = .online,
            tagList: [String],
            version: String = "17.5.1",
            revision: String = "5a021a1c",
            platform: String = "linux",
            architecture: String = "amd64",
            contactedAt: Date?,
            createdAt: Date,
            groupIDs: [Int] = [],
            projectIDs: [Int] = [],
            managers: [RunnerManager] = [],
            maximumTimeout: Int? = 3600,
            accessLevel: String = "not_protected",
            runUntagged: Bool = false,
            locked: Bool = false,
            maintenanceNote: String? = nil
        ) {
            self.id = id
            self.description = description
            self.runnerType = runnerType
            self.paused = paused
            self.status = status
            self.tagList = tagList
            self.version = version
            self.revision = revision
            self.platform = platform
            self.architecture = architecture
            self.contactedAt = contactedAt
            self.createdAt = createdAt
            self.groupIDs = groupIDs
            self.projectIDs = projectIDs
            self.managers = managers
            self.maximumTimeout = maximumTimeout
            self.accessLevel = accessLevel
            self.runUntagged = runUntagged
            self.locked = locked
            self.maintenanceNote = maintenanceNote
        }
    }
}
