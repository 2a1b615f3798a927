import Foundation
import SwitchboardCore

/// Reads the runner pools: each pool's runners by tag (group, instance or user scope), then per live runner its
/// managers (one per pod with the Helm chart) and the jobs it runs. Details (`tag_list`, `version`) change
/// rarely, so they are read when a runner first appears, when its status changes, and every ten minutes.
struct RunnerReader: Sendable {
    struct Detail: Sendable {
        var runner: APIRunner
        var readAt: Date
        var listedStatus: String?
    }

    static let detailLifetime: TimeInterval = 600
    /// A pod that has not contacted GitLab for this long is not counted alive (GitLab's `online` allows 2 hours).
    static let aliveWithin: TimeInterval = 600
    /// Failures older than this no longer count against a pool.
    static let signalWindow: TimeInterval = 3_600
    static let poolFailureReasons: Set<String> = [
        "no_matching_runner", "stuck_or_timeout_failure", "runner_system_failure", "runner_unsupported",
        "scheduler_failure", "job_execution_server_timeout", "stuck_pending_with_matching_runners",
        "stuck_pending_no_matching_runners", "no_updates_running",
    ]

    let settings: GitLabSettings
    let client: GitLabClient

    /// What one runner's own calls said.
    struct Reading: Sendable {
        var detail: Detail?
        var managers: [APIRunnerManager]?
        var running: Int
        /// The managers call answered 404 (an older GitLab, or a runner deleted since the listing).
        var managersMissing: Bool
    }

    /// Every pool's runners; a runner with the tags of several pools is in the first.
    func listPools() async throws(GitLabError) -> [(spec: PoolSpec, runners: [APIRunner])] {
        let groups = settings.groups.map(GitLabClient.encode)
        var pools: [(spec: PoolSpec, runners: [APIRunner])] = []
        var assigned: Set<Int> = []
        for spec in settings.pools {
            let listed = try await list(spec, groups: groups)
            pools.append((spec, listed.filter { assigned.insert($0.id).inserted }))
        }
        return pools
    }

    /// One runner's details (when `cached` is missing, stale or for another status), and, while it is live, its
    /// managers (unless the instance has shown it has none) and the jobs it runs.
    func read(
        _ listed: APIRunner,
        cached: Detail?,
        askManagers: Bool,
        at time: Date
    ) async throws(GitLabError)
        -> Reading
    {
        var detail = cached
        if detail == nil || detail?.listedStatus != listed.status
            || time.timeIntervalSince(detail?.readAt ?? .distantPast) > Self.detailLifetime
        {
            let read = try? await client.get(APIRunner.self, "/runners/\(listed.id)", route: "GET /runners/:id")
            detail = read.map { Detail(runner: $0, readAt: time, listedStatus: listed.status) } ?? detail
        }
        let live = listed.liveness == .online || listed.liveness == .offline
        var reading = Reading(detail: detail, managers: nil, running: 0, managersMissing: false)
        guard live else { return reading }
        if askManagers {
            do throws(GitLabError) {
                reading.managers = try await client.get(
                    [APIRunnerManager].self,
                    "/runners/\(listed.id)/managers",
                    route: "GET /runners/:id/managers"
                )
            } catch  where error.status == 404 {
                reading.managersMissing = true
            }
        }
        reading.running = try await client.all(
            APIJob.self,
            "/runners/\(listed.id)/jobs",
            [("status", "running")],
            route: "GET /runners/:id/jobs",
            limit: 1_000
        ).count
        return reading
    }

    /// The listing for one pool: which endpoint, by scope.
    func list(_ pool: PoolSpec, groups: [String]) async throws(GitLabError) -> [APIRunner] {
        let tags = ("tag_list", pool.tags.joined(separator: ","))
        switch settings.runnerScope {
        case .instance:
            return try await client.all(APIRunner.self, "/runners/all", [tags], route: "GET /runners/all")
        case .user:
            return try await client.all(APIRunner.self, "/runners", [tags], route: "GET /runners")
        case .group:
            var found: [APIRunner] = []
            for group in groups {
                found += try await client.all(
                    APIRunner.self,
                    "/groups/\(group)/runners",
                    [("type", "group_type"), tags],
                    route: "GET /groups/:id/runners"
                )
            }
            return found
        }
    }

    /// One runner as the model shows it.
    static func model(
        listed: APIRunner,
        detail: APIRunner?,
        managers: [APIRunnerManager]?,
        running: Int,
        concurrent: Int,
        now: Date
    ) -> Runner {
        let contacted = ([detail?.contacted_at] + (managers ?? []).map(\.contacted_at)).compactMap { $0 }.max()
        let alive = managers.map { list in
            list.filter { manager in
                guard let at = manager.contacted_at else { return false }
                return now.timeIntervalSince(at) <= aliveWithin
            }.count
        }
        let platform = managers?.first.flatMap { manager in
            [manager.platform, manager.architecture].compactMap { $0 }.joined(separator: "/")
        }
        let versions = (managers ?? []).compactMap(\.version).filter { !$0.isEmpty }
        let version = detail?.version.flatMap { $0.isEmpty ? nil : $0 } ?? versions.max() ?? "-"
        let liveness = listed.liveness
        let podsUp = alive ?? (liveness == .online ? 1 : 0)
        return Runner(
            id: listed.id,
            description: listed.description ?? listed.name ?? "runner \(listed.id)",
            tags: detail?.tag_list ?? [],
            status: liveness,
            paused: listed.isPaused,
            executor: platform.flatMap { $0.isEmpty ? nil : $0 } ?? (listed.runner_type ?? "runner"),
            version: version,
            concurrency: podsUp * concurrent,
            runningJobs: running,
            contactedAt: contacted,
            pods: managers?.count,
            podsAlive: alive
        )
    }

    /// Failures of the last hour that point at a pool, by reason, for the pools whose tags the job asked for.
    static func signals(for pool: PoolSpec, jobs: [APIJob], now: Date) -> [String: Int]? {
        var counts: [String: Int] = [:]
        for job in jobs where job.status == .failed {
            guard let reason = job.failure_reason, poolFailureReasons.contains(reason),
                let finished = job.finished_at ?? job.created_at, now.timeIntervalSince(finished) <= signalWindow
            else { continue }
            let tags = job.tag_list ?? []
            // A job no runner matched names tags no pool has all of; it counts where any of its tags points.
            let matches =
                reason == "no_matching_runner" || reason.hasPrefix("stuck_pending_no")
                ? tags.contains(where: pool.tags.contains) : pool.serves(jobTags: tags)
            if matches { counts[reason, default: 0] += 1 }
        }
        return counts.isEmpty ? nil : counts
    }

    /// Pending jobs the pool could take.
    static func queue(for pool: PoolSpec, jobs: [APIJob]) -> Int {
        jobs.filter { $0.status == .pending && pool.serves(jobTags: $0.tag_list ?? []) }.count
    }
}
