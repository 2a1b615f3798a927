/// A runner pool as the config names it: a name and the tags whose runners make it up. Written `small` (the
/// pool is its tag) or `gpu=big+cuda` (a name and a tag set).
public struct PoolSpec: Sendable, Hashable {
    public var name: String
    public var tags: [String]

    public init(name: String, tags: [String]) {
        self.name = name
        self.tags = tags
    }

    public static let defaults = ["small", "medium", "big"].map { PoolSpec(name: $0, tags: [$0]) }

    /// Parses one entry; nil when it names no tag.
    public init?(parsing text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let tags = (parts.count == 2 ? parts[1] : parts[0]).split(separator: "+")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = tags.first, !parts[0].isEmpty else { return nil }
        self.init(name: parts.count == 2 ? parts[0] : first, tags: tags)
    }

    /// A job with these tags can run in this pool: GitLab gives a job to a runner that has every tag of the job.
    public func serves(jobTags: [String]) -> Bool {
        !jobTags.isEmpty && jobTags.allSatisfy(tags.contains)
    }
}
