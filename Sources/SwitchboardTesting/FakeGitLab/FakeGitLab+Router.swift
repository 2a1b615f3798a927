extension FakeGitLab {
    /// The route table: which handler answers which method and path under `/api/v4`, and what it requires.
    enum Router {
        enum Access: Sendable {
            /// `api` or `read_api`.
            case read
            /// `api`.
            case write
            /// `api` or `manage_runner`.
            case runners
            /// As `runners`, and an admin token.
            case admin
        }

        /// Throws only `Answer`.
        typealias Handler = @Sendable (Exchange, inout State) throws -> Response

        struct Route: Sendable {
            var method: String
            /// `GET /projects/:id/pipelines/:id/jobs`: every parameter is `:id`, as Switchboard's call counter
            /// names routes.
            var name: String
            var segments: [String]
            var access: Access
            var handler: Handler

            init(_ method: String, _ template: String, _ access: Access, _ handler: @escaping Handler) {
                self.method = method
                self.name = "\(method) \(template)"
                self.segments = template.split(separator: "/").map(String.init)
                self.access = access
                self.handler = handler
            }
        }

        struct Match {
            var route: Route?
            /// Decoded values of the `:id` segments, in order.
            var params: [String]
            /// The path exists for another method.
            var pathExists: Bool
        }

        /// Literal routes before parameterised ones (`/runners/all` before `/runners/:id`).
        static let routes: [Route] = runnerRoutes + projectRoutes + pipelineRoutes + jobRoutes + deploymentRoutes

        static func match(method: String, path: String) -> Match {
            let prefix = "/api/v4/"
            guard path.hasPrefix(prefix) else { return Match(route: nil, params: [], pathExists: false) }
            let segments = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            let wanted = method == "HEAD" ? "GET" : method
            var pathExists = false
            for route in routes where route.segments.count == segments.count {
                var params: [String] = []
                let fits = zip(route.segments, segments).allSatisfy { template, segment in
                    if template.hasPrefix(":") {
                        params.append(FakeGitLabQuery.decode(String(segment), plusIsSpace: false))
                        return !segment.isEmpty
                    }
                    return template == segment
                }
                guard fits else { continue }
                if route.method == wanted { return Match(route: route, params: params, pathExists: true) }
                pathExists = true
            }
            return Match(route: nil, params: [], pathExists: pathExists)
        }
    }

    /// A handler's early answer (an error, a redirect).
    struct Answer: Error {
        var response: Response

        init(_ response: Response) { self.response = response }
    }
}
