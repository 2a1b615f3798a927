extension FakeGitLab {
    /// A GitLab group (namespace), e.g. `platform` or `platform/shared`.
    public struct Group: Sendable, Hashable {
        public var id: Int
        public var fullPath: String
        public var parentID: Int?

        public init(id: Int, fullPath: String, parentID: Int? = nil) {
            self.id = id
            self.fullPath = fullPath
            self.parentID = parentID
        }

        public var path: String { String(fullPath.split(separator: "/").last ?? "") }
    }
}
