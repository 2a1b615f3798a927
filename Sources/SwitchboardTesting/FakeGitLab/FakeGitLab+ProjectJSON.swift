extension FakeGitLab.Exchange {
    /// A project; with `simple` the short form `simple=true` asks for.
    func projectJSON(_ project: FakeGitLab.Project, _ state: FakeGitLab.State, simple: Bool) -> FakeJSON {
        let group = state.groups[project.groupID]
        let web = base + "/" + project.pathWithNamespace
        let lastActivity =
            state.pipelines.values.filter { $0.projectID == project.id }.map(\.updatedAt).max() ?? project.createdAt
        var fields: [(String, FakeJSON)] = [
            ("id", .int(project.id)),
            ("description", project.description.fakeJSON),
            ("name", .string(project.path)),
            ("name_with_namespace", .string(project.pathWithNamespace.split(separator: "/").joined(separator: " / "))),
            ("path", .string(project.path)),
            ("path_with_namespace", .string(project.pathWithNamespace)),
            ("created_at", .time(project.createdAt)),
            ("default_branch", .string(project.defaultBranch)),
            ("tag_list", .array([])),
            ("topics", .array([])),
            (
                "ssh_url_to_repo",
                .string("git@\(base.split(separator: "/").last ?? ""):\(project.pathWithNamespace).git")
            ),
            ("http_url_to_repo", .string(web + ".git")),
            ("web_url", .string(web)),
            ("readme_url", .null),
            ("forks_count", .int(0)),
            ("avatar_url", .null),
            ("star_count", .int(0)),
            ("last_activity_at", .time(lastActivity)),
            (
                "namespace",
                [
                    "id": project.groupID,
                    "name": group?.path ?? project.namespacePath,
                    "path": group?.path ?? project.namespacePath,
                    "kind": "group",
                    "full_path": group?.fullPath ?? project.namespacePath,
                    "parent_id": group?.parentID,
                    "avatar_url": FakeJSON.null,
                    "web_url": base + "/groups/" + (group?.fullPath ?? project.namespacePath),
                ]
            ),
        ]
        if !simple {
            fields += [
                ("archived", .bool(project.archived)),
                ("visibility", .string("private")),
                ("empty_repo", .bool(false)),
                ("jobs_enabled", .bool(true)),
                ("ci_config_path", .null),
            ]
        }
        return .object(fields)
    }

    /// A deployment with its environment and deployable job; its status follows the job.
    func deploymentJSON(_ deployment: FakeGitLab.Deployment, _ state: FakeGitLab.State) -> FakeJSON {
        let job = state.jobs[deployment.jobID]
        let pipeline = job.flatMap { state.pipelines[$0.pipelineID] }
        let environment = state.environments[deployment.environmentID]
        return [
            "id": deployment.id,
            "iid": deployment.iid,
            "ref": pipeline?.ref,
            "sha": pipeline?.sha,
            "created_at": deployment.createdAt,
            "updated_at": deployment.updatedAt,
            "status": Self.deploymentStatus(job?.status),
            "user": userJSON,
            "environment": [
                "id": deployment.environmentID,
                "name": environment?.name ?? "",
                "external_url": environment?.externalURL,
            ] as FakeJSON,
            "deployable": job.map { jobJSON($0, state) } ?? .null,
        ]
    }

    static func deploymentStatus(_ status: FakeGitLab.Status?) -> String {
        switch status {
        case .running?: "running"
        case .success?: "success"
        case .failed?: "failed"
        case .canceled?: "canceled"
        case .skipped?: "skipped"
        default: "created"
        }
    }
}
