import Foundation

extension FakeGitLabEstate {
    /// The ids in `seeds()`, named for what they show.
    public enum Seed {
        public static let group = 10
        public static let subgroup = 11
        public static let infrastructure = 101
        public static let api = 102
        public static let renderer = 103
        public static let deployConfig = 104
        public static let ciTemplates = 105
        public static let legacyScripts = 106

        /// Pool `small`: online with 3 pods, online with 2, stale (9 days) with 2.
        public static let smallRunners = [201, 202, 203]
        /// Pool `medium`: online, and one paused.
        public static let mediumRunners = [211, 212]
        /// Pool `big`: 221 has four pods, one silent for 3 hours (manager 2214); 222 runs an older version.
        public static let bigRunners = [221, 222]
        public static let staleRunner = 203
        public static let pausedRunner = 212
        public static let silentPod = 2214
        public static let instanceRunner = 231
        /// A project runner (tag `gpu`) that never made contact: `online` null, no managers.
        public static let neverContactedRunner = 241

        /// `terraform plan` running on small-b (202): ANSI colours, sections, `\r` progress, `[MASKED]`.
        public static let runningJob = 10_033
        public static let scriptFailureJob = 10_023
        public static let runnerSystemFailureJob = 10_122
        /// Tags `big` + `arm64`, which no runner has.
        public static let noMatchingRunnerJob = 10_223
        /// `deploy:production`, manual, environment `production`; its pipeline 1032 is `manual`.
        public static let manualJob = 10_324
        /// `render-tests` failed and was retried (10215 succeeded).
        public static let retriedJob = 10_213
        /// Jobs tagged `big` waiting in the queue.
        public static let pendingBigJobs = [10_222, 10_231, 10_232]
        /// The bridge `trigger-manifests` of pipeline 1032 and the child pipeline it started.
        public static let bridgeJob = 10_322
        public static let childPipeline = 1033
        public static let canceledPipeline = 1013
    }

    /// The estate of DESIGN.md as GitLab sees it, at `now` (default `epoch`):
    ///
    /// - group `platform` (10) with subgroup `platform/shared` (11);
    /// - `platform/infrastructure` (101, terraform, tag `small`): pipelines 1001 success, 1002 failed
    ///   (`plan` script_failure, `apply` skipped), 1003 running (`plan` 10033 with a rich log);
    /// - `platform/api` (102, docker, `medium`): 1011 success, 1012 failed (`build-image` runner_system_failure),
    ///   1013 canceled, 1014 pending (merge request);
    /// - `platform/renderer` (103, compilation, `big`): 1021 success with a retried job and a failure allowed,
    ///   1022 running with a pending job and one failed `no_matching_runner`, 1023 pending;
    /// - `platform/deploy-config` (104, `small`): 1031 skipped (schedule), 1032 manual (bridge 10322 → child
    ///   pipeline 1033, staging deployed, `deploy:production` 10324 manual), 1034 waiting_for_resource;
    /// - `platform/shared/ci-templates` (105): 1041 scheduled, 1042 created;
    /// - `platform/legacy-scripts` (106, archived): 1051 success a year ago;
    /// - runners: pools `small` (201, 202, 203 stale), `medium` (211, 212 paused), `big` (221 with a silent
    ///   pod, 222), an instance runner 231 and a never-contacted project runner 241.
    public static func seeds(now: Date = epoch) -> FakeGitLab.State {
        var b = Builder(now: now)
        b.state.add(FakeGitLab.Group(id: Seed.group, fullPath: "platform"))
        b.state.add(FakeGitLab.Group(id: Seed.subgroup, fullPath: "platform/shared", parentID: Seed.group))
        let projects: [(Int, String, Int, String, Bool)] = [
            (101, "platform/infrastructure", 10, "Terraform for the organisation's accounts", false),
            (102, "platform/api", 10, "The platform API, built and shipped as a container image", false),
            (103, "platform/renderer", 10, "The renderer: long compilations and performance tests", false),
            (104, "platform/deploy-config", 10, "Deployment manifests, rendered by a child pipeline", false),
            (105, "platform/shared/ci-templates", 11, "Shared CI templates", false),
            (106, "platform/legacy-scripts", 10, "Old shell scripts, kept for reference", true),
        ]
        for (id, path, group, description, archived) in projects {
            b.state.add(
                FakeGitLab.Project(
                    id: id,
                    pathWithNamespace: path,
                    groupID: group,
                    description: description,
                    archived: archived,
                    createdAt: b.ago(86_400 * Double(700 - id))
                )
            )
        }
        b.state.add(
            FakeGitLab.Environment(
                id: 501,
                projectID: 104,
                name: "staging",
                externalURL: "https://staging.platform.example.com"
            )
        )
        b.state.add(
            FakeGitLab.Environment(
                id: 502,
                projectID: 104,
                name: "production",
                externalURL: "https://platform.example.com"
            )
        )
        b.state.nextDeploymentID = 601
        seedRunners(&b)
        seedInfrastructure(&b)
        seedAPI(&b)
        seedRenderer(&b)
        seedDeployConfig(&b)
        seedSmallProjects(&b)
        var state = b.finish()
        state.nextJobID = max(state.nextJobID, 20_001)
        state.nextPipelineID = max(state.nextPipelineID, 2_001)
        state.nextDeploymentID = max(state.nextDeploymentID, 701)
        return state
    }

    private static func seedRunners(_ b: inout Builder) {
        let day = 86_400.0
        b.runner(201, "small-a", tags: ["small"], groups: [10], pods: [(12, "17.5.1"), (25, "17.5.1"), (41, "17.5.1")])
        b.runner(202, "small-b", tags: ["small"], groups: [10], pods: [(8, "17.5.1"), (33, "17.5.1")])
        b.runner(
            203,
            "small-legacy",
            tags: ["small"],
            status: .stale,
            groups: [10],
            pods: [(9 * day, "16.11.0"), (9 * day + 3_600, "16.11.0")]
        )
        b.runner(
            211,
            "medium-a",
            tags: ["medium"],
            groups: [10],
            pods: [(5, "17.5.1"), (19, "17.5.1"), (50, "17.5.1")]
        )
        b.runner(212, "medium-b", tags: ["medium"], paused: true, groups: [10], pods: [(14, "17.5.1"), (28, "17.5.1")])
        b.runner(
            221,
            "big-a",
            tags: ["big"],
            groups: [10],
            pods: [(3, "17.5.1"), (17, "17.5.1"), (29, "17.5.1"), (10_800, "17.5.1")]
        )
        b.runner(222, "big-b", tags: ["big"], groups: [10], pods: [(21, "17.4.0"), (44, "17.4.0")])
        b.runner(
            231,
            "shared-linux-small",
            tags: ["saas-linux-small-amd64"],
            type: .instance,
            pods: [(2, "17.6.0"), (6, "17.6.0")]
        )
        b.runner(241, "renderer-gpu", tags: ["gpu"], type: .project, status: .neverContacted, projects: [103], pods: [])
    }

    private static func seedInfrastructure(_ b: inout Builder) {
        let small = ["small"]
        b.pipeline(1001, iid: 41, project: 101, minutesAgo: 120, title: "Add budget alarms to the audit account")
        b.job(1, of: 1001, "fmt", stage: "validate", .success, tags: small, start: 20, run: 12.4)
        b.job(2, of: 1001, "validate", stage: "validate", .success, tags: small, start: 25, run: 18.9)
        b.job(3, of: 1001, "plan", stage: "plan", .success, tags: small, start: 50, run: 64.2)
        b.job(4, of: 1001, "apply", stage: "apply", .success, tags: small, start: 130, run: 97.5)

        b.pipeline(1002, iid: 42, project: 101, minutesAgo: 70, title: "Tighten the SCP on the workload OU")
        b.job(1, of: 1002, "fmt", stage: "validate", .success, tags: small, start: 20, run: 11.8)
        b.job(2, of: 1002, "validate", stage: "validate", .success, tags: small, start: 24, run: 19.3)
        b.job(3, of: 1002, "plan", stage: "plan", .failed, tags: small, start: 49, run: 41.7, failure: "script_failure")
        b.job(4, of: 1002, "apply", stage: "apply", .skipped, tags: small)
        b.state.setTrace(terraformErrorTrace(b.state, job: Seed.scriptFailureJob), forJob: Seed.scriptFailureJob)

        b.pipeline(
            1003,
            iid: 43,
            project: 101,
            ref: "feature/vpc-endpoints",
            minutesAgo: 6,
            title: "Add VPC endpoints for S3 and ECR"
        )
        b.job(1, of: 1003, "fmt", stage: "validate", .success, tags: small, start: 15, run: 12.1)
        b.job(2, of: 1003, "validate", stage: "validate", .success, tags: small, start: 19, run: 20.4)
        b.job(3, of: 1003, "plan", stage: "plan", .running, tags: small, start: 45)
        b.job(4, of: 1003, "apply", stage: "apply", .created, tags: small)
        b.state.setTrace(terraformPlanTrace(b.state, job: Seed.runningJob), forJob: Seed.runningJob)
    }

    private static func seedAPI(_ b: inout Builder) {
        let medium = ["medium"]
        b.pipeline(1011, iid: 310, project: 102, minutesAgo: 180, title: "Bump the base image")
        b.job(1, of: 1011, "unit-tests", stage: "test", .success, tags: medium, start: 30, run: 95.3)
        b.job(2, of: 1011, "build-image", stage: "build", .success, tags: medium, start: 140, run: 212.8)
        b.job(3, of: 1011, "push-image", stage: "publish", .success, tags: medium, start: 360, run: 33.0)

        b.pipeline(1012, iid: 311, project: 102, minutesAgo: 50, title: "Add the /healthz endpoint")
        b.job(1, of: 1012, "unit-tests", stage: "test", .success, tags: medium, start: 28, run: 97.1)
        b.job(
            2,
            of: 1012,
            "build-image",
            stage: "build",
            .failed,
            tags: medium,
            start: 130,
            run: 41.0,
            failure: "runner_system_failure"
        )
        b.job(3, of: 1012, "push-image", stage: "publish", .skipped, tags: medium)
        b.state.setTrace(systemFailureTrace(b.state, job: Seed.runnerSystemFailureJob), forJob: 10_122)

        b.pipeline(1013, iid: 312, project: 102, minutesAgo: 30, title: "Try a multi-stage Dockerfile")
        b.job(1, of: 1013, "unit-tests", stage: "test", .success, tags: medium, start: 25, run: 90.2)
        b.job(2, of: 1013, "build-image", stage: "build", .canceled, tags: medium, start: 120, run: 15.5)
        b.job(3, of: 1013, "push-image", stage: "publish", .canceled, tags: medium)

        b.pipeline(
            1014,
            iid: 313,
            project: 102,
            ref: "refs/merge-requests/7/head",
            source: "merge_request_event",
            minutesAgo: 2,
            title: "Rate-limit the login endpoint"
        )
        b.job(1, of: 1014, "unit-tests", stage: "test", .pending, tags: medium)
        b.job(2, of: 1014, "build-image", stage: "build", .created, tags: medium)
        b.job(3, of: 1014, "push-image", stage: "publish", .created, tags: medium)
    }

    private static func seedRenderer(_ b: inout Builder) {
        let big = ["big"]
        b.pipeline(1021, iid: 86, project: 103, minutesAgo: 300, title: "Vectorise the tone mapper")
        b.job(1, of: 1021, "compile-linux", stage: "build", .success, tags: big, start: 40, run: 1_260.5)
        b.job(2, of: 1021, "compile-windows", stage: "build", .success, tags: big, start: 42, run: 1_431.2)
        b.job(
            3,
            of: 1021,
            "render-tests",
            stage: "test",
            .failed,
            tags: big,
            start: 1_500,
            run: 402.7,
            failure: "script_failure",
            retried: true
        )
        b.job(
            4,
            of: 1021,
            "perf-tests",
            stage: "test",
            .failed,
            tags: big,
            start: 1_510,
            run: 611.0,
            failure: "script_failure",
            allowFailure: true
        )
        b.job(5, of: 1021, "render-tests", stage: "test", .success, tags: big, start: 2_000, run: 388.1)

        b.pipeline(1022, iid: 87, project: 103, minutesAgo: 25, title: "Cache compiled shaders")
        b.job(1, of: 1022, "compile-linux", stage: "build", .running, tags: big, start: 35)
        b.job(2, of: 1022, "compile-windows", stage: "build", .pending, tags: big)
        b.job(
            3,
            of: 1022,
            "compile-arm64",
            stage: "build",
            .failed,
            tags: big + ["arm64"],
            failure: "no_matching_runner"
        )
        b.job(4, of: 1022, "render-tests", stage: "test", .created, tags: big)
        b.job(5, of: 1022, "perf-tests", stage: "test", .created, tags: big)

        b.pipeline(
            1023,
            iid: 88,
            project: 103,
            ref: "feature/shader-cache",
            minutesAgo: 8,
            title: "Shader cache: evict by size"
        )
        b.job(1, of: 1023, "compile-linux", stage: "build", .pending, tags: big)
        b.job(2, of: 1023, "compile-windows", stage: "build", .pending, tags: big)
    }

    private static func seedDeployConfig(_ b: inout Builder) {
        let small = ["small"]
        b.pipeline(1031, iid: 56, project: 104, source: "schedule", minutesAgo: 540, title: "Nightly drift check")
        b.job(1, of: 1031, "drift-check", stage: "test", .skipped, tags: small)

        b.pipeline(1032, iid: 57, project: 104, minutesAgo: 40, title: "Roll out the new ingress class")
        b.pipeline(
            1033,
            iid: 58,
            project: 104,
            source: "parent_pipeline",
            minutesAgo: 39,
            title: "Roll out the new ingress class"
        )
        b.job(1, of: 1032, "validate", stage: "test", .success, tags: small, start: 20, run: 14.2)
        b.job(
            2,
            of: 1032,
            "trigger-manifests",
            stage: "trigger",
            .success,
            start: 40,
            run: 95,
            bridge: true,
            downstream: 1033
        )
        b.job(1, of: 1033, "render-manifests", stage: "build", .success, tags: small, start: 10, run: 22.6)
        b.job(2, of: 1033, "lint-manifests", stage: "test", .success, tags: small, start: 40, run: 9.8)
        b.job(
            3,
            of: 1032,
            "deploy:staging",
            stage: "staging",
            .success,
            tags: small,
            start: 200,
            run: 75.4,
            environment: "staging"
        )
        b.job(
            4,
            of: 1032,
            "deploy:production",
            stage: "production",
            .manual,
            tags: small,
            action: true,
            environment: "production"
        )

        b.pipeline(1034, iid: 59, project: 104, minutesAgo: 4, title: "Raise the API's memory limit")
        b.job(1, of: 1034, "validate", stage: "test", .success, tags: small, start: 18, run: 13.9)
        b.job(2, of: 1034, "deploy:staging", stage: "staging", .waitingForResource, tags: small, environment: "staging")
        b.job(3, of: 1034, "trigger-manifests", stage: "trigger", .created, bridge: true)
    }

    private static func seedSmallProjects(_ b: inout Builder) {
        let small = ["small"]
        b.pipeline(1041, iid: 11, project: 105, source: "schedule", minutesAgo: 20, title: "Weekly publication")
        b.job(1, of: 1041, "publish-templates", stage: "publish", .scheduled, tags: small, action: true)
        b.pipeline(1042, iid: 12, project: 105, minutesAgo: 1, title: "Template for Helm chart linting")
        b.job(1, of: 1042, "lint-templates", stage: "test", .created, tags: small)
        b.pipeline(1051, iid: 3, project: 106, minutesAgo: 400 * 24 * 60, title: "Last change before archiving")
        b.job(1, of: 1051, "shellcheck", stage: "test", .success, tags: small, start: 12, run: 8.2)
    }
}
