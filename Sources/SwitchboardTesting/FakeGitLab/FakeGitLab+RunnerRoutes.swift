import Foundation

extension FakeGitLab.Router {
    static let runnerRoutes: [Route] = [
        Route("GET", "/runners/all", .admin) { exchange, state in
            try exchange.runners(Array(state.runners.values))
        },
        Route("GET", "/runners", .runners) { exchange, state in
            try exchange.runners(state.runners.values.filter { $0.runnerType != .instance })
        },
        Route("GET", "/groups/:id/runners", .runners) { exchange, state in
            try exchange.groupRunners(state)
        },
        Route("GET", "/runners/:id", .runners) { exchange, state in
            .json(exchange.runnerDetailJSON(try exchange.runner(state), state))
        },
        Route("GET", "/runners/:id/managers", .runners) { exchange, state in
            .json(.array(try exchange.runner(state).managers.sorted { $0.id < $1.id }.map(exchange.managerJSON)))
        },
        Route("GET", "/runners/:id/jobs", .runners) { exchange, state in
            try exchange.runnerJobs(state)
        },
    ]
}

extension FakeGitLab.Exchange {
    /// Runners available to the group: its own and its ancestors' group runners, and instance runners.
    func groupRunners(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let group = try group(state)
        var ancestors: Set<Int> = [group.id]
        var parent = group.parentID
        while let id = parent, ancestors.insert(id).inserted { parent = state.groups[id]?.parentID }
        return try runners(
            state.runners.values.filter { runner in
                runner.runnerType == .instance || !ancestors.isDisjoint(with: runner.groupIDs)
            }
        )
    }

    /// A runner list with GitLab's filters: `type`, `status` (`offline` includes `stale`), `paused`,
    /// `tag_list` (a runner must have every tag), `version_prefix`; newest first.
    func runners(_ candidates: [FakeGitLab.Runner]) throws(FakeGitLab.Answer) -> Response {
        let type = try choice("type", FakeGitLab.RunnerType.allCases.map(\.rawValue))
        let status = try choice("status", ["online", "offline", "stale", "never_contacted", "active", "paused"])
        let paused = try bool("paused")
        let tags = Set(
            (query.value("tag_list") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        )
        .subtracting([""])
        let version = query.value("version_prefix") ?? ""
        let list = candidates.filter { runner in
            if let type, runner.runnerType.rawValue != type { return false }
            if let paused, runner.paused != paused { return false }
            switch status {
            case "offline"?: if runner.status != .offline && runner.status != .stale { return false }
            case "active"?: if runner.paused { return false }
            case "paused"?: if !runner.paused { return false }
            case let wanted?: if runner.status.rawValue != wanted { return false }
            case nil: break
            }
            return tags.isSubset(of: runner.tagList) && runner.version.hasPrefix(version)
        }
        return try paginated(list.sorted { $0.id > $1.id }, render: runnerJSON)
    }

    /// `GET /runners/:id/jobs`: `status` (running, success, failed, canceled), `system_id` (one manager),
    /// `order_by=id`, `sort` (default desc); each job with its pipeline and project.
    func runnerJobs(_ state: FakeGitLab.State) throws(FakeGitLab.Answer) -> Response {
        let runner = try runner(state)
        let status = try choice("status", ["running", "success", "failed", "canceled"])
        _ = try choice("order_by", ["id"])
        let ascending = try choice("sort", ["asc", "desc"], default: "desc") == "asc"
        var manager: Int?
        if let system = query.value("system_id"), !system.isEmpty {
            manager = runner.managers.first { $0.systemID == system }?.id ?? -1
        }
        let jobs = state.jobs.values.filter { job in
            job.runnerID == runner.id && !job.isBridge && (status == nil || job.status.rawValue == status)
                && (manager == nil || job.runnerManagerID == manager)
        }
        .sorted { ascending ? $0.id < $1.id : $0.id > $1.id }
        return try paginated(jobs) { jobJSON($0, state, projectDetail: true) }
    }
}
