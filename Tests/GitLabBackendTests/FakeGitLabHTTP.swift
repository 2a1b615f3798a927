import Foundation
import HTTPTransport
import SwitchboardCore
import SwitchboardTesting

@testable import GitLabBackend

/// The fake GitLab answering in memory, as if over the wire: the Host header is added (the fake's links are
/// built from it), a dropped connection becomes `HTTPError.closed`, a slow answer past the timeout a timeout.
struct FakeGitLabHTTP: HTTPClient {
    let gitlab: FakeGitLab

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = gitlab.handle(
            FakeGitLab.Request(
                method: request.method,
                target: request.url.target,
                headers: [("Host", request.url.hostHeader)] + request.headers,
                body: request.body
            )
        )
        switch answer.behaviour {
        case .dropConnection:
            throw HTTPError(.closed, target: request.url.hostHeader, "connection reset")
        case .delay(let seconds) where seconds >= request.timeout:
            throw HTTPError(.timeout, target: request.url.hostHeader, "\(Int(request.timeout)) s")
        default:
            return HTTPResponse(status: answer.status, headers: answer.headers, body: answer.body)
        }
    }
}

/// A GitLab backend on the seeded fake, its clock the fake's, with no real waits.
enum FakeBackend {
    static let url = "http://gitlab.test"

    static func make(
        _ gitlab: FakeGitLab,
        token: FakeGitLab.Token = FakeGitLabEstate.operatorToken,
        groups: [String] = ["platform"],
        projects: [String] = [],
        scope: GitLabSettings.RunnerScope? = nil,
        keep: Int = 5,
        http: (any HTTPClient)? = nil,
        sleeps: (@Sendable (TimeInterval) -> Void)? = nil
    ) -> GitLabBackend {
        let settings = GitLabSettings(
            name: "gitlab",
            url: url,
            token: GitLabToken(token.value),
            groups: groups,
            projects: projects,
            runnerScope: scope,
            pipelinesPerProject: keep
        )
        var client = GitLabClient(
            api: try! GitLabClient.apiURL(url),
            token: settings.token,
            http: http ?? FakeGitLabHTTP(gitlab: gitlab),
            budget: RateBudget(now: { gitlab.now })
        )
        client.sleep = { seconds in sleeps?(seconds) }
        return GitLabBackend(settings: settings, client: client, now: { gitlab.now })
    }
}
