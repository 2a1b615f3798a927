import Foundation

extension FakeGitLab {
    /// Everything the fake GitLab knows. A value: seed it with the `add` methods, script changes through
    /// `FakeGitLab.withState`, and read it back with `FakeGitLab.state`.
    public struct State: Sendable, Equatable {
        public var groups: [Int: Group] = [:]
        public var projects: [Int: Project] = [:]
        public var pipelines: [Int: Pipeline] = [:]
        public var jobs: [Int: Job] = [:]
        public var runners: [Int: Runner] = [:]
        /// Job id → the whole log as the runner sent it (ANSI colours, section markers, `\r`, `[MASKED]`).
        public var traces: [Int: String] = [:]
        public var environments: [Int: Environment] = [:]
        public var deployments: [Int: Deployment] = [:]
        /// A project's former paths (`platform/old-name` → id): requests by that path get a 301.
        public var movedProjects: [String: Int] = [:]
        /// The next ids handed out for jobs, pipelines, deployments and environments made at run time.
        public var nextJobID = 1
        public var nextPipelineID = 1
        public var nextDeploymentID = 1
        public var nextEnvironmentID = 1

        public init() {}

        // MARK: Seeding

        public mutating func add(_ group: Group) { groups[group.id] = group }

        public mutating func add(_ project: Project) { projects[project.id] = project }

        public mutating func add(_ runner: Runner) { runners[runner.id] = runner }

        public mutating func add(_ pipeline: Pipeline) {
            pipelines[pipeline.id] = pipeline
            nextPipelineID = max(nextPipelineID, pipeline.id + 1)
        }

        /// Adds a job; one with an `environment` also gets that environment (made if new) and a deployment.
        public mutating func add(_ job: Job) {
            jobs[job.id] = job
            nextJobID = max(nextJobID, job.id + 1)
            if job.environment != nil { recordDeployment(of: job) }
        }

        public mutating func add(_ environment: Environment) {
            environments[environment.id] = environment
            nextEnvironmentID = max(nextEnvironmentID, environment.id + 1)
        }

        public mutating func setTrace(_ text: String, forJob id: Int) { traces[id] = text }

        public mutating func appendTrace(_ text: String, toJob id: Int) { traces[id, default: ""] += text }

        /// Renames a project; its old path keeps answering with a 301 to the new one (GitLab 16.7+).
        public mutating func moveProject(_ id: Int, to newPath: String) {
            guard let old = projects[id]?.pathWithNamespace else { return }
            movedProjects[old] = id
            movedProjects[newPath] = nil
            projects[id]?.pathWithNamespace = newPath
        }

        // MARK: Lookups

        /// By numeric id or full path (already percent-decoded).
        public func project(_ idOrPath: String) -> Project? {
            if let id = Int(idOrPath) { return projects[id] }
            return projects.values.first { $0.pathWithNamespace == idOrPath }
        }

        public func group(_ idOrPath: String) -> Group? {
            if let id = Int(idOrPath) { return groups[id] }
            return groups.values.first { $0.fullPath == idOrPath }
        }

        /// The group and every group below it.
        public func groupTree(_ id: Int) -> Set<Int> {
            var tree: Set<Int> = [id]
            var grew = true
            while grew {
                grew = false
                for group in groups.values where group.parentID.map(tree.contains) == true && !tree.contains(group.id) {
                    tree.insert(group.id)
                    grew = true
                }
            }
            return tree
        }

        /// A pipeline's jobs (bridges included), oldest first.
        public func jobs(inPipeline id: Int) -> [Job] {
            jobs.values.filter { $0.pipelineID == id }.sorted { $0.id < $1.id }
        }

        /// The pipeline's stages in the order their first jobs were made.
        public func stages(ofPipeline id: Int) -> [String] {
            var seen: [String] = []
            for job in jobs(inPipeline: id) where !seen.contains(job.stage) { seen.append(job.stage) }
            return seen
        }

        public func manager(_ id: Int?) -> (Runner, RunnerManager)? {
            guard let id else { return nil }
            for runner in runners.values {
                if let manager = runner.managers.first(where: { $0.id == id }) { return (runner, manager) }
            }
            return nil
        }

        public func deployment(ofJob id: Int) -> Deployment? { deployments.values.first { $0.jobID == id } }

        mutating func recordDeployment(of job: Job) {
            guard let name = job.environment, deployment(ofJob: job.id) == nil else { return }
            let environment =
                environments.values.first { $0.projectID == job.projectID && $0.name == name }
                ?? {
                    let made = Environment(id: nextEnvironmentID, projectID: job.projectID, name: name)
                    add(made)
                    return made
                }()
            let iid = deployments.values.filter { $0.projectID == job.projectID }.map(\.iid).max().map { $0 + 1 } ?? 1
            let id = nextDeploymentID
            nextDeploymentID += 1
            deployments[id] = Deployment(
                id: id,
                iid: iid,
                projectID: job.projectID,
                environmentID: environment.id,
                jobID: job.id,
                createdAt: job.createdAt,
                updatedAt: job.updatedAt
            )
        }
    }
}
