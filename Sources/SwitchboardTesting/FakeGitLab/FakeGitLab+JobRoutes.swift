import Foundation

extension FakeGitLab.Router {
    static let jobRoutes: [Route] = [
        Route("GET", "/projects/:id/jobs", .read) { exchange, state in
            try exchange.projectJobs(state)
        },
        Route("GET", "/projects/:id/jobs/:id", .read) { exchange, state in
            let job = try exchange.job(state, of: try exchange.project(state))
            guard !job.isBridge else { throw FakeGitLab.Answer(.message(404, "404 Job Not Found")) }
            return .json(exchange.jobJSON(job, state))
        },
        Route("GET", "/projects/:id/jobs/:id/trace", .read) { exchange, state in
            let job = try exchange.job(state, of: try exchange.project(state), notFound: "404 Not Found")
            guard let trace = state.traces[job.id] else { throw FakeGitLab.Answer(.notFound) }
            var response = FakeGitLab.Response.plain(trace, status: 200)
            response.addHeaders([("Content-Disposition", "infile; filename=\"\(job.id).log\"")])
            return response
        },
        Route("POST", "/projects/:id/jobs/:id/retry", .write) { exchange, state in
            try exchange.act(&state, status: 201) { state, id, now throws(FakeGitLab.State.Refusal) in
                try state.retryJob(id, at: now)
            }
        },
        Route("POST", "/projects/:id/jobs/:id/cancel", .write) { exchange, state in
            try exchange.act(&state, status: 201) { state, id, now throws(FakeGitLab.State.Refusal) in
                try state.cancelJob(id, at: now)
            }
        },
        Route("POST", "/projects/:id/jobs/:id/play", .write) { exchange, state in
            try exchange.act(&state, status: 200) { state, id, now throws(FakeGitLab.State.Refusal) in
                try state.playJob(id, at: now)
            }
        },
    ]
}

extension FakeGitLab.Exchange {
    /// `GET /projects/:id/jobs`: every job of the project, retried ones included, newest first, `scope`
    /// filtering by status; offset pagination without counts, or keyset with `pagination=keyset`.
    func projectJobs(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let project = try project(state)
        let scope = try statuses("scope")
        let jobs = state.jobs.values.filter { job in
            job.projectID == project.id && !job.isBridge && (scope?.contains(job.status) ?? true)
        }
        .sorted { $0.id > $1.id }
        if query.value("pagination") == "keyset" {
            return try keysetPaginated(jobs) { jobJSON($0, state) }
        }
        return try paginated(jobs, counted: false) { jobJSON($0, state) }
    }

    /// A job action: finds the job in the project, runs it, answers the job JSON or GitLab's refusal.
    func act(
        _ state: inout FakeGitLab.State,
        status: Int,
        _ action: (inout FakeGitLab.State, Int, Date) throws(FakeGitLab.State.Refusal) -> FakeGitLab.Job
    ) throws(FakeGitLab.Answer) -> Response {
        let job = try job(state, of: try project(state))
        do {
            let result = try action(&state, job.id, now)
            return .json(jobJSON(result, state), status: status)
        } catch {
            throw FakeGitLab.Answer(.message(error.status, error.message))
        }
    }
}
