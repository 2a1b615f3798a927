extension FakeGitLab.Exchange {
    /// A runner as the list endpoints show it. `online` is null for a runner that never made contact.
    func runnerJSON(_ runner: FakeGitLab.Runner) -> FakeJSON {
        [
            "id": runner.id,
            "description": runner.description,
            "ip_address": "",
            "active": !runner.paused,
            "paused": runner.paused,
            "is_shared": runner.runnerType == .instance,
            "runner_type": runner.runnerType.rawValue,
            "name": "gitlab-runner",
            "online": runner.status == .neverContacted ? FakeJSON.null : .bool(runner.status == .online),
            "status": runner.status.rawValue,
        ]
    }

    /// `GET /runners/:id`: the list fields plus tags, version, contact time, settings, projects and groups.
    func runnerDetailJSON(_ runner: FakeGitLab.Runner, _ state: FakeGitLab.State) -> FakeJSON {
        guard case .object(var fields) = runnerJSON(runner) else { return .null }
        let projects = runner.projectIDs.compactMap { state.projects[$0] }.map(projectRefJSON)
        let groups: [FakeJSON] = runner.groupIDs.compactMap { state.groups[$0] }.map { group in
            ["id": group.id, "web_url": base + "/groups/" + group.fullPath, "name": group.path]
        }
        fields += [
            ("architecture", .string(runner.architecture)),
            ("platform", .string(runner.platform)),
            ("contacted_at", .time(runner.contactedAt)),
            ("maintenance_note", runner.maintenanceNote.fakeJSON),
            ("projects", .array(projects)),
            ("groups", .array(groups)),
            ("revision", .string(runner.revision)),
            ("tag_list", runner.tagList.fakeJSON),
            ("version", .string(runner.version)),
            ("access_level", .string(runner.accessLevel)),
            ("maximum_timeout", runner.maximumTimeout.fakeJSON),
            ("run_untagged", .bool(runner.runUntagged)),
            ("locked", .bool(runner.locked)),
        ]
        return .object(fields)
    }

    /// A runner manager (pod); its `created_at` is written with a `+00:00` offset, unlike most times.
    func managerJSON(_ manager: FakeGitLab.RunnerManager) -> FakeJSON {
        [
            "id": manager.id,
            "system_id": manager.systemID,
            "version": manager.version,
            "revision": manager.revision,
            "platform": manager.platform,
            "architecture": manager.architecture,
            "created_at": FakeJSON.string(
                FakeGitLabTime.format(manager.createdAt).replacingOccurrences(of: "Z", with: "+00:00")
            ),
            "contacted_at": manager.contactedAt,
            "ip_address": manager.ipAddress,
            "status": manager.status.rawValue,
        ]
    }

    func projectRefJSON(_ project: FakeGitLab.Project) -> FakeJSON {
        [
            "id": project.id,
            "name": project.path,
            "name_with_namespace": project.pathWithNamespace.split(separator: "/").joined(separator: " / "),
            "path": project.path,
            "path_with_namespace": project.pathWithNamespace,
        ]
    }
}
