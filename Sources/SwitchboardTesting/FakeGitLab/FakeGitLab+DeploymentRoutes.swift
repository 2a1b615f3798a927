extension FakeGitLab.Router {
    static let deploymentRoutes: [Route] = [
        Route("GET", "/projects/:id/deployments", .read) { exchange, state in
            try exchange.deployments(state)
        }
    ]
}

extension FakeGitLab.Exchange {
    /// `GET /projects/:id/deployments`: `environment` (name), `status`, `updated_after`/`updated_before`,
    /// `order_by` id|iid|created_at|updated_at|ref, `sort` (default asc).
    func deployments(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let project = try project(state)
        let order = try choice(
            "order_by",
            ["id", "iid", "created_at", "updated_at", "finished_at", "ref"],
            default: "id"
        )!
        let ascending = try choice("sort", ["asc", "desc"], default: "asc") == "asc"
        let status = try choice(
            "status",
            ["created", "running", "success", "failed", "canceled", "skipped", "blocked"]
        )
        let environment = query.value("environment")
        let updatedAfter = try date("updated_after")
        let updatedBefore = try date("updated_before")
        let list = state.deployments.values.filter { deployment in
            guard deployment.projectID == project.id else { return false }
            if let environment, state.environments[deployment.environmentID]?.name != environment { return false }
            if let status, Self.deploymentStatus(state.jobs[deployment.jobID]?.status) != status { return false }
            if let updatedAfter, !(deployment.updatedAt > updatedAfter) { return false }
            if let updatedBefore, !(deployment.updatedAt < updatedBefore) { return false }
            return true
        }
        let sorted = list.sorted { a, b in
            let before: Bool
            switch order {
            case "updated_at" where a.updatedAt != b.updatedAt: before = a.updatedAt < b.updatedAt
            case "created_at" where a.createdAt != b.createdAt: before = a.createdAt < b.createdAt
            case "iid": before = a.iid < b.iid
            default: before = a.id < b.id
            }
            return ascending ? before : !before
        }
        return try paginated(sorted) { deploymentJSON($0, state) }
    }
}
