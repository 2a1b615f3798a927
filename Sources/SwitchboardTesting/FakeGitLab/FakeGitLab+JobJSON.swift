import Foundation

extension FakeGitLab.Exchange {
    /// A job in GitLab's `Entities::Ci::Job` shape. Durations are live for jobs still queued or running;
    /// `failure_reason` appears only on failed jobs; `runner` and `runner_manager` are null until one ran it.
    /// With `projectDetail` (the runner jobs endpoint) `project` carries the project's id and paths.
    func jobJSON(_ job: FakeGitLab.Job, _ state: FakeGitLab.State, projectDetail: Bool = false) -> FakeJSON {
        let pipeline = state.pipelines[job.pipelineID]
        let project = state.projects[job.projectID]
        var fields: [(String, FakeJSON)] = [
            ("id", .int(job.id)),
            ("status", .string(job.status.rawValue)),
            ("stage", .string(job.stage)),
            ("name", .string(job.name)),
            ("ref", pipeline.map { .string($0.ref) } ?? .null),
            ("tag", .bool(false)),
            ("coverage", job.coverage.fakeJSON),
            ("allow_failure", .bool(job.allowFailure)),
            ("created_at", .time(job.createdAt)),
            ("started_at", .time(job.startedAt)),
            ("finished_at", .time(job.finishedAt)),
            ("erased_at", .null),
            ("duration", liveDuration(job).fakeJSON),
            ("queued_duration", liveQueuedDuration(job).fakeJSON),
            ("user", userJSON),
            ("commit", pipeline.map { commitJSON($0, state) } ?? .null),
            ("pipeline", pipeline.map(pipelineRefJSON) ?? .null),
            ("web_url", .string(base + "/" + (project?.pathWithNamespace ?? "") + "/-/jobs/\(job.id)")),
        ]
        if projectDetail, let project {
            fields.append(("project", projectRefJSON(project)))
        } else {
            fields.append(("project", ["ci_job_token_scope_enabled": false]))
        }
        if job.isBridge {
            let downstream = job.downstreamPipelineID.flatMap { state.pipelines[$0] }
            fields.append(("downstream_pipeline", downstream.map { pipelineRefJSON($0, state) } ?? .null))
        } else {
            let placed = state.manager(job.runnerManagerID)
            fields += [
                ("artifacts", .array([])),
                ("runner", job.runnerID.flatMap { state.runners[$0] }.map(runnerJSON) ?? .null),
                ("runner_manager", placed.map { managerJSON($0.1) } ?? .null),
                ("artifacts_expire_at", .null),
                ("archived", .bool(false)),
                ("tag_list", job.tagList.fakeJSON),
            ]
        }
        if job.status == .failed { fields.append(("failure_reason", job.failureReason.fakeJSON)) }
        return .object(fields)
    }

    func liveDuration(_ job: FakeGitLab.Job) -> Double? {
        if let duration = job.duration { return duration }
        guard let started = job.startedAt, job.finishedAt == nil else { return nil }
        return max(0, now.timeIntervalSince(started))
    }

    func liveQueuedDuration(_ job: FakeGitLab.Job) -> Double? {
        if let queued = job.queuedDuration { return queued }
        guard job.status == .pending else { return nil }
        return max(0, now.timeIntervalSince(job.queuedAt ?? job.createdAt))
    }

    /// `pipeline{…}` inside a job; with `state`, the bridges' `downstream_pipeline{…}` (with `web_url`).
    func pipelineRefJSON(_ pipeline: FakeGitLab.Pipeline) -> FakeJSON {
        [
            "id": pipeline.id,
            "iid": pipeline.iid,
            "project_id": pipeline.projectID,
            "sha": pipeline.sha,
            "ref": pipeline.ref,
            "status": pipeline.status.rawValue,
            "source": pipeline.source,
            "created_at": pipeline.createdAt,
            "updated_at": pipeline.updatedAt,
        ]
    }

    func pipelineRefJSON(_ pipeline: FakeGitLab.Pipeline, _ state: FakeGitLab.State) -> FakeJSON {
        guard case .object(var fields) = pipelineRefJSON(pipeline) else { return .null }
        fields.append(("web_url", .string(pipelineURL(pipeline, state))))
        return .object(fields)
    }

    func pipelineURL(_ pipeline: FakeGitLab.Pipeline, _ state: FakeGitLab.State) -> String {
        base + "/" + (state.projects[pipeline.projectID]?.pathWithNamespace ?? "") + "/-/pipelines/\(pipeline.id)"
    }

    /// The commit a pipeline ran on. Its dates carry a `+01:00` offset, as in GitLab's own examples.
    func commitJSON(_ pipeline: FakeGitLab.Pipeline, _ state: FakeGitLab.State) -> FakeJSON {
        let committed = pipeline.createdAt.addingTimeInterval(-90)
        let project = state.projects[pipeline.projectID]?.pathWithNamespace ?? ""
        return [
            "id": pipeline.sha,
            "short_id": String(pipeline.sha.prefix(8)),
            "created_at": FakeJSON.time(committed, offset: 3600),
            "parent_ids": [FakeJSON.string(Self.parentSHA(pipeline.sha))],
            "title": pipeline.commitTitle,
            "message": pipeline.commitTitle + "\n",
            "author_name": "Platform Engineer",
            "author_email": "platform@example.com",
            "authored_date": FakeJSON.time(committed, offset: 3600),
            "committer_name": "Platform Engineer",
            "committer_email": "platform@example.com",
            "committed_date": FakeJSON.time(committed, offset: 3600),
            "web_url": base + "/" + project + "/-/commit/" + pipeline.sha,
        ]
    }

    static func parentSHA(_ sha: String) -> String { String(sha.reversed()) }

    var userJSON: FakeJSON {
        [
            "id": 7,
            "username": "ci-operator",
            "name": "CI Operator",
            "state": "active",
            "locked": false,
            "avatar_url": FakeJSON.null,
            "web_url": base + "/ci-operator",
        ]
    }
}
