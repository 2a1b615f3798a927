/// The backends a config composes into one estate, each capability taken from the first backend that has it;
/// runner pools come from every backend that reports them, merged by pool name.
public struct Estate: Sendable {
    public var name: String
    public var backends: [any Backend]
    public var organization: (any OrganizationSource)?
    public var identity: (any IdentitySource)?
    public var runners: (any RunnerSource)?
    public var pipelines: (any PipelineSource)?
    public var jobActions: (any JobActions)?
    public var credentials: (any CredentialBroker)?

    public init(name: String, backends: [any Backend]) {
        self.name = name
        self.backends = backends
        organization = backends.lazy.compactMap { $0 as? any OrganizationSource }.first
        identity = backends.lazy.compactMap { $0 as? any IdentitySource }.first
        let runnerSources = backends.compactMap { $0 as? any RunnerSource }
        runners = runnerSources.count > 1 ? MergedRunnerSource(runnerSources) : runnerSources.first
        pipelines = backends.lazy.compactMap { $0 as? any PipelineSource }.first
        jobActions = backends.lazy.compactMap { $0 as? any JobActions }.first
        credentials = backends.lazy.compactMap { $0 as? any CredentialBroker }.first
    }

    /// `demo`, or the kinds joined with `+`.
    public var backendSummary: String { backends.map(\.kind).joined(separator: "+") }
}
