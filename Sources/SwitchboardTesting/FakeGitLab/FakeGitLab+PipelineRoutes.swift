import Foundation

extension FakeGitLab.Router {
    static let pipelineRoutes: [Route] = [
        Route("GET", "/projects/:id/pipelines", .read) { exchange, state in
            try exchange.listPipelines(state)
        },
        Route("GET", "/projects/:id/pipelines/:id", .read) { exchange, state in
            let pipeline = try exchange.pipeline(state, of: try exchange.project(state))
            return .json(exchange.pipelineDetailJSON(pipeline, state))
        },
        Route("GET", "/projects/:id/pipelines/:id/jobs", .read) { exchange, state in
            try exchange.pipelineJobs(state, bridges: false)
        },
        Route("GET", "/projects/:id/pipelines/:id/bridges", .read) { exchange, state in
            try exchange.pipelineJobs(state, bridges: true)
        },
        Route("POST", "/projects/:id/pipelines/:id/retry", .write) { exchange, state in
            let pipeline = try exchange.pipeline(state, of: try exchange.project(state))
            state.retryPipeline(pipeline.id, at: exchange.now)
            return .json(exchange.pipelineDetailJSON(state.pipelines[pipeline.id]!, state), status: 201)
        },
        Route("POST", "/projects/:id/pipelines/:id/cancel", .write) { exchange, state in
            let pipeline = try exchange.pipeline(state, of: try exchange.project(state))
            state.cancelPipeline(pipeline.id, at: exchange.now)
            return .json(exchange.pipelineDetailJSON(state.pipelines[pipeline.id]!, state))
        },
    ]

    static let pipelineStatuses = [
        "created", "waiting_for_resource", "preparing", "pending", "running", "success", "failed", "canceled",
        "skipped", "manual", "scheduled",
    ]

    static let pipelineSources = [
        "push", "web", "trigger", "schedule", "api", "external", "pipeline", "chat", "webide",
        "merge_request_event", "external_pull_request_event", "parent_pipeline", "ondemand_dast_scan",
        "ondemand_dast_validation", "security_orchestration_policy", "container_registry_push",
        "pipeline_execution_policy_schedule", "unknown",
    ]
}

extension FakeGitLab.Exchange {
    /// `GET /projects/:id/pipelines`: GitLab's filters (`updated_after`/`updated_before` are strict), child
    /// pipelines only with `source=parent_pipeline`, `order_by` id|status|ref|updated_at|user_id, `sort`.
    func listPipelines(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let project = try project(state)
        let status = try choice("status", FakeGitLab.Router.pipelineStatuses)
        let scope = try choice("scope", ["running", "pending", "finished", "branches", "tags"])
        let source = try choice("source", FakeGitLab.Router.pipelineSources)
        let order = try choice("order_by", ["id", "status", "ref", "updated_at", "user_id"], default: "id")!
        let ascending = try choice("sort", ["asc", "desc"], default: "desc") == "asc"
        let updatedAfter = try date("updated_after")
        let updatedBefore = try date("updated_before")
        let createdAfter = try date("created_after")
        let createdBefore = try date("created_before")
        let ref = query.value("ref")
        let sha = query.value("sha")
        let name = query.value("name")
        let pipelines = state.pipelines.values.filter { pipeline in
            guard pipeline.projectID == project.id else { return false }
            if let source { if pipeline.source != source { return false } } else if pipeline.isChild { return false }
            if let status, pipeline.status.rawValue != status { return false }
            switch scope {
            case "running"?: if pipeline.status != .running { return false }
            case "pending"?: if pipeline.status != .pending { return false }
            case "finished"?: if !pipeline.status.isFinished { return false }
            case "tags"?: return false
            default: break
            }
            if let ref, pipeline.ref != ref { return false }
            if let sha, pipeline.sha != sha { return false }
            if let name, pipeline.name != name { return false }
            if let updatedAfter, !(pipeline.updatedAt > updatedAfter) { return false }
            if let updatedBefore, !(pipeline.updatedAt < updatedBefore) { return false }
            if let createdAfter, !(pipeline.createdAt > createdAfter) { return false }
            if let createdBefore, !(pipeline.createdAt < createdBefore) { return false }
            return true
        }
        let sorted = pipelines.sorted { a, b in
            let before: Bool
            switch order {
            case "updated_at" where a.updatedAt != b.updatedAt: before = a.updatedAt < b.updatedAt
            case "status" where a.status != b.status: before = a.status.rawValue < b.status.rawValue
            case "ref" where a.ref != b.ref: before = a.ref < b.ref
            default: before = a.id < b.id
            }
            return ascending ? before : !before
        }
        return try paginated(sorted) { pipelineJSON($0, state) }
    }

    /// A pipeline's jobs (no bridges; retried ones only with `include_retried=true`) or its bridges; `scope`
    /// filters by status; newest first.
    func pipelineJobs(_ state: FakeGitLab.State, bridges: Bool) throws(FakeGitLab.Answer) -> Response {
        let pipeline = try pipeline(state, of: try project(state))
        let includeRetried = try bool("include_retried") ?? false
        let scope = try statuses("scope")
        let jobs = state.jobs(inPipeline: pipeline.id).filter { job in
            job.isBridge == bridges && (includeRetried || !job.retried) && (scope?.contains(job.status) ?? true)
        }
        return try paginated(jobs.reversed()) { jobJSON($0, state) }
    }
}
