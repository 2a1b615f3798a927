extension FakeGitLab.Router {
    static let projectRoutes: [Route] = [
        Route("GET", "/groups/:id/projects", .read) { exchange, state in
            try exchange.groupProjects(state)
        },
        Route("GET", "/projects/:id", .read) { exchange, state in
            .json(exchange.projectJSON(try exchange.project(state), state, simple: false))
        },
    ]
}

extension FakeGitLab.Exchange {
    /// `GET /groups/:id/projects` with `include_subgroups`, `archived`, `simple`; newest first.
    func groupProjects(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let group = try group(state)
        let groups = try bool("include_subgroups") == true ? state.groupTree(group.id) : [group.id]
        let archived = try bool("archived")
        let simple = try bool("simple") ?? false
        let projects = state.projects.values.filter { project in
            groups.contains(project.groupID) && (archived == nil || project.archived == archived)
        }
        return try paginated(projects.sorted { $0.id > $1.id }) { projectJSON($0, state, simple: simple) }
    }
}
