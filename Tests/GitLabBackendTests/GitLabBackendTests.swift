import Foundation
import HTTPTransport
import SwitchboardCore
import SwitchboardTesting
import Synchronization
import Testing

@testable import GitLabBackend

/// The GitLab backend against the seeded fake GitLab: what it reads, how little it asks for on later polls,
/// what it does, and how it fails.
struct GitLabBackendTests {
    typealias Seed = FakeGitLabEstate.Seed

    @Test func passesTheBackendConformanceSuite() async {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try? await backend.pipelines()
        let failures = await BackendConformance.run(backend)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func readsTheWatchedProjectsPipelinesWithTheirJobs() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let pipelines = try await FakeBackend.make(gitlab).pipelines()
        let projects = Set(pipelines.map(\.project))
        #expect(projects.contains("platform/infrastructure"))
        #expect(projects.contains("platform/shared/ci-templates"))
        #expect(!projects.contains("platform/legacy-scripts"), "archived projects are left out")
        let failed = try #require(pipelines.flatMap(\.jobs).first { $0.id == Seed.scriptFailureJob })
        #expect(failed.status == .failed && failed.failureReason == "script_failure")
        let running = try #require(pipelines.flatMap(\.jobs).first { $0.id == Seed.runningJob })
        #expect(running.status == .running && running.runnerID != nil)
        // The deploy job's environment comes from the project's deployments.
        let deploy = try #require(pipelines.flatMap(\.jobs).first { $0.id == Seed.manualJob })
        #expect(deploy.status == .manual && deploy.isManual)
        #expect(deploy.environment == "production" && deploy.deploysToProduction)
        // The child pipeline behind the trigger job is followed.
        let child = try #require(pipelines.first { $0.id == Seed.childPipeline })
        #expect(child.source == "parent_pipeline")
        #expect(pipelines.flatMap(\.jobs).contains { $0.id == Seed.bridgeJob })
        // A retried job shows its newest attempt, numbered.
        let renderer = try #require(pipelines.first { $0.jobs.contains { $0.id == 10_215 } })
        #expect(!renderer.jobs.contains { $0.id == Seed.retriedJob })
        #expect(renderer.job(id: 10_215)?.attempt == 2)
        // Stages in the order GitLab made them.
        let infrastructure = try #require(pipelines.first { $0.id == 1002 })
        #expect(infrastructure.stages.count >= 2)
        #expect(Set(pipelines.map(\.id)).count == pipelines.count)
    }

    @Test func laterPollsAskOnlyForWhatChanged() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        let projects = 5  // platform's unarchived projects
        gitlab.resetRequests()
        gitlab.advanceTime(by: 20)
        let again = try await backend.pipelines()
        let active = again.filter { $0.status.isActive }.count
        #expect(gitlab.count("GET /groups/:id/projects") == 0, "the project list is read every 10 minutes")
        #expect(gitlab.count("GET /projects/:id/pipelines") == projects)
        // Finished pipelines are not read again; running ones have their jobs read (jobs move without the
        // pipeline's updated_at changing), nothing more.
        #expect(gitlab.count("GET /projects/:id/pipelines/:id/jobs") == active)
        #expect(gitlab.count("GET /projects/:id/pipelines/:id/bridges") == 0)
        #expect(gitlab.count("GET /projects/:id/deployments") == 0)
        let listing = try #require(gitlab.requests.first { $0.route == "GET /projects/:id/pipelines" })
        #expect(listing.target.contains("updated_after="))
        #expect(listing.target.contains("order_by=updated_at"))

        // A change: the project's newest pipeline moves on, and exactly that pipeline's jobs are read.
        gitlab.resetRequests()
        gitlab.advanceTime(by: 20)
        let changed = try #require(gitlab.advance(project: Seed.infrastructure))
        let after = try await backend.pipelines()
        let jobReads = gitlab.requests.filter { $0.route == "GET /projects/:id/pipelines/:id/jobs" }.map(\.target)
        #expect(jobReads.contains { $0.contains("/pipelines/\(changed)/jobs") })
        let bridgeReads = gitlab.requests.filter { $0.route == "GET /projects/:id/pipelines/:id/bridges" }
        #expect(bridgeReads.map(\.target).allSatisfy { $0.contains("/pipelines/\(changed)/bridges") })
        #expect(bridgeReads.count == 1)
        #expect(gitlab.count("GET /projects/:id/deployments") == 1)
        #expect(after.first { $0.id == changed }?.updatedAt == gitlab.now)
    }

    @Test func runnerPoolsFromTagsWithPodsQueuesAndSignals() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        let inventory = try await backend.runners()
        #expect(inventory.pools.map(\.name) == ["small", "medium", "big"])
        let small = try #require(inventory.pools.first { $0.name == "small" })
        #expect(small.runners.map(\.id).sorted() == Seed.smallRunners)
        let stale = try #require(small.runners.first { $0.id == Seed.staleRunner })
        #expect(stale.status == .stale && stale.pods == nil)
        let medium = try #require(inventory.pools.first { $0.name == "medium" })
        #expect(medium.runners.first { $0.id == Seed.pausedRunner }?.paused == true)
        let big = try #require(inventory.pools.first { $0.name == "big" })
        let bigA = try #require(big.runners.first { $0.id == 221 })
        #expect(bigA.pods == 4 && bigA.podsAlive == 3)
        #expect(bigA.concurrency == 3 * 10)
        #expect(bigA.tags.contains("big"))
        #expect(big.queuedJobs == Seed.pendingBigJobs.count)
        #expect(big.failureSignals?["no_matching_runner"] == 1)
        let mediumSignals = medium.failureSignals ?? [:]
        #expect(mediumSignals["runner_system_failure"] == 1)
        #expect(inventory.pools.flatMap(\.runners).contains { $0.runningJobs > 0 })
        // Details are not read again on the next poll; managers and running jobs are.
        gitlab.resetRequests()
        _ = try await backend.runners()
        #expect(gitlab.count("GET /runners/:id") == 0)
        #expect(gitlab.count("GET /runners/:id/managers") > 0)
    }

    @Test func atStartBothFeedsShareOnePipelinesPoll() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        async let inventory = backend.runners()
        async let pipelines = backend.pipelines()
        let (pools, list) = try await (inventory, pipelines)
        #expect(!pools.pools.isEmpty && !list.isEmpty)
        #expect(gitlab.count("GET /projects/:id/pipelines") == 5)
        _ = try await backend.pipelines()
        #expect(gitlab.count("GET /projects/:id/pipelines") == 5, "a poll a moment ago is reused")
        _ = try await backend.retry(jobID: Seed.scriptFailureJob)
        _ = try await backend.pipelines()
        #expect(gitlab.count("GET /projects/:id/pipelines") == 10, "after an action the next poll reads again")
    }

    @Test func retryRoundTrip() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        let job = try await backend.retry(jobID: Seed.scriptFailureJob)
        #expect(job.id != Seed.scriptFailureJob && job.status == .pending && job.attempt == 2)
        let posts = gitlab.requests.filter { $0.method == "POST" }
        #expect(posts.map(\.target) == ["/api/v4/projects/\(Seed.infrastructure)/jobs/\(Seed.scriptFailureJob)/retry"])
        gitlab.advanceTime(by: 20)
        let pipelines = try await backend.pipelines()
        let now = try #require(pipelines.flatMap(\.jobs).first { $0.id == job.id })
        #expect(now.status == .pending && now.attempt == 2)
        #expect(!pipelines.flatMap(\.jobs).contains { $0.id == Seed.scriptFailureJob })
    }

    @Test func playCancelAndPipelineRetry() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        let played = try await backend.play(jobID: Seed.manualJob)
        #expect(played.id == Seed.manualJob && played.status == .pending)
        let canceled = try await backend.cancel(jobID: Seed.runningJob)
        #expect(canceled.status == .canceled || canceled.status == .canceling)
        let pipeline = try await backend.retryPipeline(pipelineID: 1012)
        #expect(pipeline.id == 1012 && pipeline.status.isActive)
        #expect(gitlab.count("POST /projects/:id/pipelines/:id/retry") == 1)
        // Refused before asking GitLab: wrong state, unknown job.
        let posts = gitlab.requests.filter { $0.method == "POST" }.count
        await #expect(throws: BackendError.self) { _ = try await backend.play(jobID: Seed.scriptFailureJob) }
        let unknown = await #expect(throws: BackendError.self) { _ = try await backend.retry(jobID: 99_999) }
        #expect(unknown?.code == .notFound)
        #expect(gitlab.requests.filter { $0.method == "POST" }.count == posts)
    }

    @Test func anActionGitLabRefusesSaysWhy() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        gitlab.inject(
            .error(status: 403, body: .message("403 Forbidden")),
            on: .route("POST /projects/:id/jobs/:id/retry")
        )
        let error = await #expect(throws: BackendError.self) {
            _ = try await backend.retry(jobID: Seed.scriptFailureJob)
        }
        #expect(error?.code == .notAllowed)
        #expect(error?.message.contains("Developer or above") == true)
    }

    @Test func jobLogsAreCleanAndReadByTail() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        let first = try await backend.log(jobID: Seed.runningJob, from: 0)
        #expect(!first.isComplete)
        let text = first.lines.joined(separator: "\n")
        #expect(!text.contains("\u{1b}") && !text.contains("section_start") && !text.contains("\r"))
        #expect(text.contains("[MASKED]"))
        gitlab.withState { $0.appendTrace("\u{1b}[36mstep two\u{1b}[0m\nstep three\n", toJob: Seed.runningJob) }
        let next = try await backend.log(jobID: Seed.runningJob, from: first.offset + first.lines.count)
        #expect(next.offset == first.offset + first.lines.count)
        #expect(next.lines.suffix(2) == ["step two", "step three"])
        let missing = await #expect(throws: BackendError.self) { _ = try await backend.log(jobID: 12_345_678, from: 0) }
        #expect(missing?.code == .notFound)
    }

    @Test func waitsOutRateLimitsAndRetriesDroppedConnections() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let waits = Mutex<[TimeInterval]>([])
        let backend = FakeBackend.make(gitlab) { seconds in waits.withLock { $0.append(seconds) } }
        // Each listing may be answered 429 once or twice and still succeed (three tries).
        gitlab.inject(.tooManyRequests(retryAfter: 2, body: .plain), on: .route("GET /projects/:id/pipelines"))
        gitlab.inject(.tooManyRequests(retryAfter: 2, body: .json), on: .route("GET /projects/:id/pipelines"))
        gitlab.inject(.tooManyRequests(retryAfter: 2, body: .html), on: .route("GET /projects/:id/deployments"))
        gitlab.inject(.dropConnection, on: .route("GET /groups/:id/projects"))
        gitlab.inject(.error(status: 502, body: .badGateway), on: .route("GET /projects/:id/pipelines/:id/jobs"))
        let pipelines = try await backend.pipelines()
        #expect(!pipelines.isEmpty)
        #expect(gitlab.armedFaults == 0)
        #expect(gitlab.countsByStatus[429] == 3)
        #expect(waits.withLock { $0.filter { $0 > 1 } }.count >= 3)
    }

    @Test func aTokenWithoutTheRunnerScopeFailsTheRunnersFeedOnly() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab, token: FakeGitLabEstate.readOnlyToken)
        let pipelines = try await backend.pipelines()
        #expect(!pipelines.isEmpty)
        let error = await #expect(throws: BackendError.self) { _ = try await backend.runners() }
        #expect(error?.code == .notAllowed)
        #expect(error?.message.contains("lacks a scope") == true)
        #expect(error?.message.contains("manage_runner") == true)
        #expect(error?.message.contains("glpat") == false)
    }

    @Test func aBadTokenIsNamedAsTheProblem() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab, token: FakeGitLab.Token("glpat-wrong"))
        let error = await #expect(throws: BackendError.self) { _ = try await backend.pipelines() }
        #expect(error?.message.contains("refused the token") == true)
        #expect(error?.message.contains("glpat-wrong") == false)
    }

    @Test func aMovedProjectIsFollowedAndAMissingOneLeftOut() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        gitlab.withState { $0.moveProject(Seed.infrastructure, to: "platform/infra") }
        let backend = FakeBackend.make(gitlab, groups: [], projects: ["platform/infrastructure", "platform/gone"])
        let error = await #expect(throws: BackendError.self) { _ = try await backend.pipelines() }
        #expect(error?.message.contains("platform/gone") == true || error?.code == .notFound)
        let moved = FakeBackend.make(gitlab, groups: [], projects: ["platform/infrastructure"])
        let pipelines = try await moved.pipelines()
        #expect(pipelines.contains { $0.project == "platform/infra" })
    }

    @Test func adminScopeListsEveryInstanceRunner() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab, token: FakeGitLabEstate.adminToken, scope: .instance)
        let inventory = try await backend.runners()
        #expect(gitlab.count("GET /runners/all") == 3)
        #expect(gitlab.count("GET /groups/:id/runners") == 0)
        #expect(!inventory.pools.flatMap(\.runners).isEmpty)
    }
}

/// The backend over real sockets: the fake GitLab server on 127.0.0.1 and the socket client.
struct GitLabOverSocketsTests {
    @Test func readsOverTheWireAndRetriesASlowAnswer() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let server = FakeGitLabServer(gitlab: gitlab)
        try server.start()
        defer { server.stop() }
        let settings = GitLabSettings(
            url: server.url,
            token: GitLabToken(FakeGitLabEstate.operatorToken.value),
            groups: ["platform"],
            timeout: 1
        )
        let backend = try GitLabBackend(settings: settings, http: SocketHTTPClient(), now: { gitlab.now })
        // One listing answers too late: that try times out, the next succeeds.
        gitlab.inject(.slow(seconds: 1.5), on: .route("GET /groups/:id/projects"))
        let started = ContinuousClock.now
        let pipelines = try await backend.pipelines()
        #expect(ContinuousClock.now - started >= .seconds(1))
        #expect(pipelines.contains { $0.id == FakeGitLabEstate.Seed.childPipeline })
        #expect(gitlab.count("GET /groups/:id/projects") == 2)
        let inventory = try await backend.runners()
        #expect(inventory.pools.flatMap(\.runners).count == 7)
        // Every request carried the token in PRIVATE-TOKEN, none in the URL.
        #expect(gitlab.requests.allSatisfy { !$0.target.contains("glpat") })
    }
}
