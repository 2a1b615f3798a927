import Foundation

extension FakeGitLab {
    /// One request on its way through a handler: its parameters, query, clock and the absolute URL base.
    struct Exchange: Sendable {
        var request: Request
        var params: [String]
        var query: FakeGitLabQuery
        var now: Date
        var configuration: Configuration
        /// `http://127.0.0.1:PORT`, from the Host header the client sent.
        var base: String

        init(request: Request, params: [String], now: Date, configuration: Configuration) {
            self.request = request
            self.params = params
            self.query = FakeGitLabQuery(request.query)
            self.now = now
            self.configuration = configuration
            self.base = configuration.scheme + "://" + (request.header("Host") ?? "127.0.0.1")
        }

        // MARK: Parameters

        /// The `index`th path parameter as an integer (Grape: `{"error":"job_id is invalid"}`).
        func id(_ index: Int, _ name: String) throws(Answer) -> Int {
            guard index < params.count, let value = Int(params[index]) else {
                throw Answer(.error(400, "\(name) is invalid"))
            }
            return value
        }

        func int(_ name: String) throws(Answer) -> Int? {
            guard let text = query.value(name), !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw Answer(.error(400, "\(name) is invalid")) }
            return value
        }

        func bool(_ name: String) throws(Answer) -> Bool? {
            guard let text = query.value(name)?.lowercased(), !text.isEmpty else { return nil }
            switch text {
            case "true", "1", "yes", "t": return true
            case "false", "0", "no", "f": return false
            default: throw Answer(.error(400, "\(name) is invalid"))
            }
        }

        func date(_ name: String) throws(Answer) -> Date? {
            guard let text = query.value(name), !text.isEmpty else { return nil }
            guard let date = FakeGitLabTime.parse(text) else { throw Answer(.error(400, "\(name) is invalid")) }
            return date
        }

        /// A parameter restricted to `allowed` values (Grape: `{"error":"status does not have a valid value"}`).
        func choice(_ name: String, _ allowed: [String], default fallback: String? = nil) throws(Answer) -> String? {
            guard let value = query.value(name), !value.isEmpty else { return fallback }
            guard allowed.contains(value) else { throw Answer(.error(400, "\(name) does not have a valid value")) }
            return value
        }

        /// An array parameter whose values must all be statuses (`scope[]=pending&scope[]=running`).
        func statuses(_ name: String) throws(Answer) -> Set<Status>? {
            let values = query.values(name).flatMap { $0.split(separator: ",").map(String.init) }
            guard !values.isEmpty else { return nil }
            var statuses: Set<Status> = []
            for value in values {
                guard let status = Status(rawValue: value) else {
                    throw Answer(.error(400, "\(name) does not have a valid value"))
                }
                statuses.insert(status)
            }
            return statuses
        }

        // MARK: Resources

        /// The project named by the first path parameter (id or path). A former path answers 301 with the
        /// same request on the new path (GitLab 16.7+); an unknown one 404 `Project Not Found`.
        func project(_ state: State) throws(Answer) -> Project {
            let key = params.first ?? ""
            if let project = state.project(key) { return project }
            if Int(key) == nil, let id = state.movedProjects[key], let moved = state.projects[id] {
                let segments = request.path.split(separator: "/", omittingEmptySubsequences: false)
                // "", "api", "v4", "projects", id, rest…
                let rest = segments.dropFirst(5).map { "/" + $0 }.joined()
                var location = base + "/api/v4/projects/" + FakeGitLabQuery.encode(moved.pathWithNamespace) + rest
                if !request.query.isEmpty { location += "?" + request.query }
                var response = Response.message(301, "301 Moved Permanently")
                response.addHeaders([("Location", location)])
                throw Answer(response)
            }
            throw Answer(.message(404, "404 Project Not Found"))
        }

        func group(_ state: State) throws(Answer) -> Group {
            guard let group = state.group(params.first ?? "") else {
                throw Answer(.message(404, "404 Group Not Found"))
            }
            return group
        }

        func pipeline(_ state: State, of project: Project) throws(Answer) -> Pipeline {
            let id = try id(1, "pipeline_id")
            guard let pipeline = state.pipelines[id], pipeline.projectID == project.id else {
                throw Answer(.message(404, "404 Pipeline Not Found"))
            }
            return pipeline
        }

        func job(_ state: State, of project: Project, notFound: String = "404 Job Not Found") throws(Answer) -> Job {
            let id = try id(1, "job_id")
            guard let job = state.jobs[id], job.projectID == project.id else {
                throw Answer(.message(404, notFound))
            }
            return job
        }

        func runner(_ state: State) throws(Answer) -> Runner {
            let id = try id(0, "id")
            guard let runner = state.runners[id] else { throw Answer(.message(404, "404 Runner Not Found")) }
            return runner
        }
    }
}
