extension FakeGitLab.Exchange {
    /// A pipeline as the list shows it.
    func pipelineJSON(_ pipeline: FakeGitLab.Pipeline, _ state: FakeGitLab.State) -> FakeJSON {
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
            "web_url": pipelineURL(pipeline, state),
            "name": pipeline.name,
        ]
    }

    /// `GET /pipelines/:id` and the actions' answers: the list fields plus timings (`duration` whole seconds,
    /// `queued_duration` a float), the user, `committed_at` (with an offset) and `detailed_status`.
    func pipelineDetailJSON(_ pipeline: FakeGitLab.Pipeline, _ state: FakeGitLab.State) -> FakeJSON {
        let status = pipeline.status
        let (text, label) = Self.statusWords[status] ?? (status.rawValue.capitalized, status.rawValue)
        let icon = status == .manual ? "status_manual" : "status_" + status.rawValue
        let path = "/" + (state.projects[pipeline.projectID]?.pathWithNamespace ?? "") + "/-/pipelines/\(pipeline.id)"
        return [
            "id": pipeline.id,
            "iid": pipeline.iid,
            "project_id": pipeline.projectID,
            "name": pipeline.name,
            "sha": pipeline.sha,
            "ref": pipeline.ref,
            "status": status.rawValue,
            "source": pipeline.source,
            "created_at": pipeline.createdAt,
            "updated_at": pipeline.updatedAt,
            "web_url": pipelineURL(pipeline, state),
            "before_sha": Self.parentSHA(pipeline.sha),
            "tag": false,
            "yaml_errors": FakeJSON.null,
            "user": userJSON,
            "started_at": pipeline.startedAt,
            "finished_at": pipeline.finishedAt,
            "committed_at": FakeJSON.time(pipeline.createdAt.addingTimeInterval(-90), offset: 3600),
            "duration": pipeline.duration,
            "queued_duration": pipeline.queuedDuration,
            "coverage": FakeJSON.null,
            "detailed_status": [
                "icon": icon,
                "text": text,
                "label": label,
                "group": status.rawValue,
                "tooltip": label,
                "has_details": true,
                "details_path": path,
                "illustration": FakeJSON.null,
                "favicon": "/assets/ci_favicons/favicon_\(icon).png",
            ] as FakeJSON,
            "archived": false,
        ]
    }

    static let statusWords: [FakeGitLab.Status: (String, String)] = [
        .created: ("Created", "created"),
        .waitingForResource: ("Waiting", "waiting for resource"),
        .preparing: ("Preparing", "preparing"),
        .pending: ("Pending", "pending"),
        .running: ("Running", "running"),
        .success: ("Passed", "passed"),
        .failed: ("Failed", "failed"),
        .canceled: ("Canceled", "canceled"),
        .skipped: ("Skipped", "skipped"),
        .manual: ("Blocked", "waiting for manual action"),
        .scheduled: ("Scheduled", "waiting for delayed job"),
    ]
}
