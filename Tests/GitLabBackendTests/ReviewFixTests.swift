import Foundation
import HTTPTransport
import SwitchboardCore
import SwitchboardTesting
import Synchronization
import Testing

@testable import GitLabBackend

/// The fake GitLab in memory, able to hold back one answer (taken before, delivered when released) to put an
/// action in the middle of a poll.
final class GatedHTTP: HTTPClient {
    struct Gate {
        var match: String?
        var waiting: CheckedContinuation<Void, Never>?
    }

    let inner: FakeGitLabHTTP
    private let gate = Mutex(Gate())

    init(_ gitlab: FakeGitLab) { inner = FakeGitLabHTTP(gitlab: gitlab) }

    func arm(_ match: String) { gate.withLock { $0.match = match } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = try await inner.send(request)
        let hold = gate.withLock { gate -> Bool in
            guard let match = gate.match, request.url.target.contains(match) else { return false }
            gate.match = nil
            return true
        }
        if hold {
            await withCheckedContinuation { continuation in gate.withLock { $0.waiting = continuation } }
        }
        return answer
    }

    var isHolding: Bool { gate.withLock { $0.waiting != nil } }

    func release() {
        gate.withLock { gate in
            defer { gate.waiting = nil }
            return gate.waiting
        }?.resume()
    }
}

/// What a read of the whole change found, each pinned by a test.
struct ReviewFixTests {
    typealias Seed = FakeGitLabEstate.Seed

    @Test func anActionInTheMiddleOfAPollIsNotUndoneByIt() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let http = GatedHTTP(gitlab)
        let backend = FakeBackend.make(gitlab, http: http)
        _ = try await backend.pipelines()
        gitlab.advanceTime(by: 20)
        http.arm("/pipelines/1003/jobs")
        let poll = Task { try await backend.pipelines() }
        while !http.isHolding { try await Task.sleep(for: .milliseconds(2)) }
        let canceled = try await backend.cancel(jobID: Seed.runningJob)
        #expect(canceled.status == .canceled || canceled.status == .canceling)
        http.release()
        let pipelines = try await poll.value
        // The held answer (taken before the cancel) said running: it must not win.
        #expect(pipelines.flatMap(\.jobs).first { $0.id == Seed.runningJob }?.status == canceled.status)
        // And the poll that overlapped the action is not reused: the next ask reads again.
        gitlab.resetRequests()
        _ = try await backend.pipelines()
        #expect(gitlab.count("GET /projects/:id/pipelines") > 0)
    }

    /// A pipeline no longer kept (newer ones pushed it out) can still be open on screen: its jobs still act.
    @Test func aJobOfAPipelineNoLongerKeptCanStillBeRetried() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab, keep: 2)
        #expect(try await backend.pipelines().contains { $0.id == 1002 })
        // An older pipeline of the project changes: it is newer now, and 1002 drops out of the kept two.
        gitlab.advanceTime(by: 20)
        let now = gitlab.now
        gitlab.withState { $0.pipelines[1001]?.updatedAt = now }
        let pipelines = try await backend.pipelines()
        #expect(!pipelines.contains { $0.id == 1002 })
        let job = try await backend.retry(jobID: Seed.scriptFailureJob)
        #expect(job.status == .pending && job.id != Seed.scriptFailureJob)
        #expect(gitlab.count("GET /projects/:id/jobs/:id") == 1)
        #expect(gitlab.count("POST /projects/:id/jobs/:id/retry") == 1)
        let log = try await backend.log(jobID: Seed.scriptFailureJob, from: 0)
        #expect(log.isComplete)
    }

    @Test func aPipelineRetryIsReportedDoneEvenIfReadingItsResultFails() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        gitlab.inject(
            .error(status: 500, body: .message("boom")),
            on: .route("GET /projects/:id/deployments"),
            times: 9
        )
        gitlab.inject(
            .error(status: 500, body: .message("boom")),
            on: .route("GET /projects/:id/pipelines/:id/jobs"),
            times: 9
        )
        gitlab.resetRequests()
        let pipeline = try await backend.retryPipeline(pipelineID: 1012)
        #expect(pipeline.id == 1012)
        #expect(gitlab.count("POST /projects/:id/pipelines/:id/retry") == 1)
        // Only that pipeline's follow-up was read, nothing else.
        #expect(
            gitlab.requests.filter { $0.route == "GET /projects/:id/pipelines/:id/jobs" }.allSatisfy {
                $0.target.contains("/1012/")
            }
        )
    }

    @Test func hostileRateHeadersNeitherCrashNorBlockForever() async {
        let now = Date(timeIntervalSince1970: 1_000)
        let budget = RateBudget(now: { now })
        await budget.record(HTTPResponse(status: 429, headers: [("Retry-After", "1e300")]))
        #expect(await budget.delayBeforeNextRequest() <= 3_600)
        await budget.record(HTTPResponse(status: 429, headers: [("Retry-After", "inf")]))
        await budget.record(
            HTTPResponse(
                status: 200,
                headers: [
                    ("RateLimit-Limit", "9223372036854775807"), ("RateLimit-Remaining", "9223372036854775807"),
                    ("RateLimit-Reset", "1e300"),
                ]
            )
        )
        #expect(await budget.delayBeforeNextRequest() <= 3_600)
        let http = InMemoryHTTPClient { _ in HTTPResponse(status: 429, headers: [("Retry-After", "1e308")], text: "x") }
        var client = GitLabClient(
            api: try! GitLabClient.apiURL("https://gitlab.test"),
            token: GitLabToken("t"),
            http: http,
            budget: RateBudget()
        )
        client.sleep = { _ in }
        await #expect(throws: GitLabError.self) { _ = try await client.get(APIProject.self, "/projects/1", route: "r") }
    }

    @Test func aHangingTokenCommandIsStopped() throws {
        let started = ContinuousClock.now
        #expect(throws: TokenSource.Failure.self) { _ = try TokenSource.run("sleep 30 | cat; echo tok", timeout: 1) }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aDeletedPipelineLeavesTheScreen() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        _ = try await backend.pipelines()
        gitlab.withState { state in
            state.pipelines[1003] = nil
            for (id, job) in state.jobs where job.pipelineID == 1003 { state.jobs[id] = nil }
        }
        gitlab.advanceTime(by: 20)
        let pipelines = try await backend.pipelines()
        #expect(!pipelines.contains { $0.id == 1003 })
        gitlab.resetRequests()
        gitlab.advanceTime(by: 20)
        _ = try await backend.pipelines()
        #expect(!gitlab.requests.contains { $0.target.contains("/pipelines/1003/") })
    }

    @Test func oneBrokenProjectDoesNotHoldUpTheOthers() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        let backend = FakeBackend.make(gitlab)
        gitlab.inject(.error(status: 502, body: .badGateway), on: .prefix("/projects/\(Seed.api)/pipelines"), times: 3)
        let error = await #expect(throws: BackendError.self) { _ = try await backend.pipelines() }
        #expect(error?.message.contains("platform/api") == true)
        // The other projects' pipelines were read in full during that poll.
        #expect(gitlab.requests.contains { $0.target.contains("/projects/\(Seed.infrastructure)/pipelines/1002/jobs") })
        gitlab.advanceTime(by: 20)
        let pipelines = try await backend.pipelines()
        #expect(pipelines.contains { $0.project == "platform/api" })
    }

    @Test func withoutDeploymentsAProductionNamedJobStillAsksForTheWord() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        gitlab.inject(
            .error(status: 403, body: .message("403 Forbidden")),
            on: .route("GET /projects/:id/deployments"),
            times: 50
        )
        let pipelines = try await FakeBackend.make(gitlab).pipelines()
        let deploy = try #require(pipelines.flatMap(\.jobs).first { $0.id == Seed.manualJob })
        #expect(deploy.environment == "production?" && deploy.deploysToProduction)
    }

    @Test func theTokenIsBlankedOutOfWhatGitLabSays() async throws {
        let gitlab = FakeGitLabEstate.gitlab()
        gitlab.inject(
            .error(status: 400, body: .text("bad header PRIVATE-TOKEN: \(FakeGitLabEstate.operatorToken.value)")),
            on: .route("GET /groups/:id/projects")
        )
        let error = await #expect(throws: BackendError.self) { _ = try await FakeBackend.make(gitlab).pipelines() }
        #expect(error?.message.contains("‹token›") == true)
        #expect(error?.message.contains(FakeGitLabEstate.operatorToken.value) == false)
    }

    @Test func plainHTTPAndOddTokensAreRefused() {
        func options(_ values: [String: String]) -> BackendOptions {
            BackendOptions(
                kind: "gitlab",
                name: "gl",
                file: "c.yaml",
                values: values.mapValues { .init(text: $0, line: 3) }
            )
        }
        let plain = #expect(throws: ConfigError.self) {
            try GitLabSettings(
                options: options(["groups": "g", "url": "http://gitlab.corp"]),
                environment: ["GITLAB_TOKEN": "t"]
            )
        }
        #expect(plain?.description.contains("unencrypted") == true)
        #expect(
            (try? GitLabSettings(
                options: options(["groups": "g", "url": "http://127.0.0.1:8080"]),
                environment: ["GITLAB_TOKEN": "t"]
            )) != nil
        )
        let crlf = try? GitLabSettings(options: options(["groups": "g"]), environment: ["GITLAB_TOKEN": "glpat-x\r\n"])
        #expect(crlf?.token.value == "glpat-x")
        #expect(throws: ConfigError.self) {
            try GitLabSettings(options: options(["groups": "g"]), environment: ["GITLAB_TOKEN": "glpat x"])
        }
    }
}
