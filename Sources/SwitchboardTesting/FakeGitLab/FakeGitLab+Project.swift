import Foundation

extension FakeGitLab {
    public struct Project: Sendable, Hashable {
        public var id: Int
        public var pathWithNamespace: String
        public var groupID: Int
        public var description: String?
        public var defaultBranch: String
        public var archived: Bool
        public var createdAt: Date

        public init(
            id: Int,
            pathWithNamespace: String,
            groupID: Int,
            description: String? = nil,
            defaultBranch: String = "main",
            archived: Bool = false,
            createdAt: Date
        ) {
            self.id = id
            self.pathWithNamespace = pathWithNamespace
            self.groupID = groupID
            self.description = description
            self.defaultBranch = defaultBranch
            self.archived = archived
            self.createdAt = createdAt
        }

        public var path: String { String(pathWithNamespace.split(separator: "/").last ?? "") }

        public var namespacePath: String { pathWithNamespace.split(separator: "/").dropLast().joined(separator: "/") }
    }
}
