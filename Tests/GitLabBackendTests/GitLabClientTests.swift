import Foundation
import HTTPTransport
import Synchronization
import Testing

@testable import GitLabBackend

/// The client against a scripted GitLab: pagination, rate limits, retries, redirects and error bodies.
struct GitLabClientTests {
    static let token = GitLabToken("glpat-secret-value")

    static func client(_ handler: @escaping InMemoryHTTPClient.Handler) -> (GitLabClient, InMemoryHTTPClient) {
        let http = InMemoryHTTPClient(handler: handler)
        var client = GitLabClient(
            api: try! GitLabClient.apiURL("https://gitlab.test"),
            token: token,
            http: http,
            budget: RateBudget()
        )
        client.sleep = { _ in }
        return (client, http)
    }

    static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, text: text)
    }

    @Test func followsLinkHeaderPagesAndSendsTheToken() async throws {
        let (client, http) = Self.client { request in
            let target = request.url.target
            if target.contains("page=2") {
                return Self.json(#"[{"id": 3, "path_with_namespace": "g/c"}]"#)
            }
            let next =
                "<https://gitlab.test/api/v4/groups/g/projects?per_page=100&page=2>; rel=\"next\", "
                + "<https://gitlab.test/api/v4/groups/g/projects?per_page=100&page=2>; rel=\"last\""
            return Self.json(
                #"[{"id": 1, "path_with_namespace": "g/a"}, {"id": 2, "path_with_namespace": "g/b"}]"#,
                headers: [("Link", next), ("x-next-page", "2")]
            )
        }
        let projects = try await client.all(APIProject.self, "/groups/g/projects", route: "GET /groups/:id/projects")
        #expect(projects.map(\.id) == [1, 2, 3])
        #expect(http.requests.count == 2)
        #expect(http.requests[0].url.target == "/api/v4/groups/g/projects?per_page=100")
        #expect(http.requests.allSatisfy { $0.header("PRIVATE-TOKEN") == "glpat-secret-value" })
        #expect(client.calls.byRoute["GET /groups/:id/projects"] == 2)
    }

    @Test func fallsBackToXNextPageKeepingTheQuery() async throws {
        let (client, http) = Self.client { request in
            let page = request.url.query.split(separator: "&").first { $0.hasPrefix("page=") }.map { $0.dropFirst(5) }
            switch page {
            case nil: return Self.json(#"[{"id": 1, "path_with_namespace": "a"}]"#, headers: [("X-Next-Page", "2")])
            case "2": return Self.json(#"[{"id": 2, "path_with_namespace": "b"}]"#, headers: [("X-Next-Page", "")])
            default: return Self.json("[]")
            }
        }
        let items = try await client.all(APIProject.self, "/projects", [("archived", "false")], route: "r")
        #expect(items.map(\.id) == [1, 2])
        #expect(http.requests[1].url.target == "/api/v4/projects?archived=false&per_page=100&page=2")
    }

    @Test func refusesANextLinkToAnotherHost() async throws {
        let (client, http) = Self.client { _ in
            Self.json(#"[]"#, headers: [("Link", "<https://evil.test/api/v4/projects?page=2>; rel=\"next\"")])
        }
        await #expect(throws: GitLabError.self) {
            _ = try await client.all(APIProject.self, "/projects", route: "r")
        }
        #expect(http.requests.count == 1)
    }

    @Test func stopsAPaginationLoop() async throws {
        let (client, _) = Self.client { _ in
            Self.json(#"[]"#, headers: [("Link", "<https://gitlab.test/api/v4/projects?per_page=100>; rel=\"next\"")])
        }
        let error = await #expect(throws: GitLabError.self) {
            _ = try await client.all(APIProject.self, "/projects", route: "r")
        }
        #expect(error?.message.contains("circle") == true)
    }

    @Test func waitsOutA429WithRetryAfterThenSucceeds() async throws {
        let waits = Mutex<[Double]>([])
        let count = Mutex(0)
        let http = InMemoryHTTPClient { _ in
            let n = count.withLock { value -> Int in
                value += 1
                return value
            }
            if n == 1 {
                return HTTPResponse(status: 429, headers: [("Retry-After", "3")], text: "Retry later")
            }
            return Self.json(#"{"id": 7, "path_with_namespace": "p"}"#, headers: [("RateLimit-Remaining", "1999")])
        }
        var client = GitLabClient(
            api: try GitLabClient.apiURL("https://gitlab.test/"),
            token: Self.token,
            http: http,
            budget: RateBudget()
        )
        client.sleep = { seconds in waits.withLock { $0.append(seconds) } }
        let project = try await client.get(APIProject.self, "/projects/7", route: "r")
        #expect(project.id == 7)
        #expect(http.requests.count == 2)
        let waited = waits.withLock { $0 }
        #expect(waited.count == 1 && waited[0] > 2 && waited[0] <= 3)
    }

    @Test func aLongRetryAfterFailsAtOnceWithoutSpendingRequests() async throws {
        let budget = RateBudget()
        await budget.record(HTTPResponse(status: 429, headers: [("Retry-After", "600")], text: "Retry later"))
        let http = InMemoryHTTPClient { _ in Self.json("{}") }
        let client = GitLabClient(
            api: try GitLabClient.apiURL("https://gitlab.test"),
            token: Self.token,
            http: http,
            budget: budget
        )
        let error = await #expect(throws: GitLabError.self) {
            _ = try await client.get(APIProject.self, "/projects/1", route: "r")
        }
        #expect(error?.message.contains("rate limit") == true)
        #expect(http.requests.isEmpty)
    }

    @Test func pacesRequestsWhenTheBudgetRunsLow() async {
        let now = Date(timeIntervalSince1970: 1_000)
        let budget = RateBudget(now: { now })
        await budget.record(
            HTTPResponse(
                status: 200,
                headers: [("RateLimit-Limit", "2000"), ("RateLimit-Remaining", "100"), ("RateLimit-Reset", "1030")]
            )
        )
        #expect(await budget.delayBeforeNextRequest() == 0.3)
        await budget.record(HTTPResponse(status: 200, headers: [("RateLimit-Remaining", "1500")]))
        #expect(await budget.delayBeforeNextRequest() == 0)
    }

    @Test func retriesServerErrorsOnReadsButNeverRepostsAnAction() async throws {
        let (client, http) = Self.client { request in
            HTTPResponse(
                status: 502,
                headers: [("Content-Type", "text/html")],
                text: "<html><body><h1>502 Bad Gateway</h1></body></html>"
            )
        }
        let read = await #expect(throws: GitLabError.self) {
            _ = try await client.get(APIProject.self, "/projects/1", route: "r")
        }
        #expect(http.requests.count == 3)
        #expect(read?.message.contains("an HTML page: 502 Bad Gateway") == true)
        _ = await #expect(throws: GitLabError.self) {
            _ = try await client.post(APIJob.self, "/projects/1/jobs/2/retry", route: "p")
        }
        #expect(http.requests.count == 4)
    }

    @Test func followsAMovedProjectOnTheSameHostOnly() async throws {
        let (client, http) = Self.client { request in
            switch request.url.path {
            case "/api/v4/projects/old%2Fname":
                return HTTPResponse(
                    status: 301,
                    headers: [("Location", "https://gitlab.test/api/v4/projects/new%2Fname")]
                )
            case "/api/v4/projects/new%2Fname":
                return Self.json(#"{"id": 9, "path_with_namespace": "new/name"}"#)
            default:
                return HTTPResponse(status: 301, headers: [("Location", "https://elsewhere.test/api/v4/x")])
            }
        }
        let moved = try await client.get(APIProject.self, "/projects/\(GitLabClient.encode("old/name"))", route: "r")
        #expect(moved.path_with_namespace == "new/name")
        #expect(http.requests.last?.header("PRIVATE-TOKEN") == "glpat-secret-value")
        let error = await #expect(throws: GitLabError.self) {
            _ = try await client.get(APIProject.self, "/projects/3", route: "r")
        }
        #expect(error?.message.contains("will not follow") == true)
        #expect(!http.requests.contains { $0.url.host == "elsewhere.test" })
    }

    @Test(arguments: [
        (401, #"{"message":"401 Unauthorized"}"#, "refused the token"),
        (
            403,
            #"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api"}"#,
            "lacks a scope (GitLab wants api)"
        ),
        (403, #"{"message":"403 Forbidden"}"#, "manage_runner or api scope and the group's Owner role"),
        (404, #"{"message":"404 Project Not Found"}"#, "404 Project Not Found"),
        (404, #"{"error":"404 Not Found"}"#, "404 Not Found"),
        (400, #"{"message":{"bio":["is too long (maximum is 255 characters)"]}}"#, "bio is too long"),
        (
            429, #"{"message":{"error":"This endpoint has been requested too many times. Try again later."}}"#,
            "requested too many times"
        ),
        (409, "Conflict: pipeline locked", "Conflict: pipeline locked"),
        (503, "<html><head><title>Maintenance</title></head></html>", "an HTML page: Maintenance"),
    ])
    func errorBodiesBecomeOneSentence(status: Int, body: String, expected: String) async throws {
        let (client, _) = Self.client { _ in HTTPResponse(status: status, text: body) }
        let error = await #expect(throws: GitLabError.self) {
            _ = try await client.get(APIProject.self, "/groups/g/runners", route: "GET /groups/:id/runners")
        }
        let message = error?.message ?? ""
        #expect(message.contains(expected), "\(message)")
        #expect(message.contains("gitlab.test"))
        #expect(!message.contains("glpat-secret-value"))
    }

    @Test func bearerStyleSendsAnAuthorizationHeader() async throws {
        let http = InMemoryHTTPClient { _ in Self.json(#"{"id": 1, "path_with_namespace": "p"}"#) }
        let client = GitLabClient(
            api: try GitLabClient.apiURL("https://gitlab.test"),
            token: GitLabToken("oauth-value", style: .bearer),
            http: http,
            budget: RateBudget()
        )
        _ = try await client.get(APIProject.self, "/projects/1", route: "r")
        #expect(http.requests[0].header("Authorization") == "Bearer oauth-value")
        #expect(http.requests[0].header("PRIVATE-TOKEN") == nil)
        #expect("\(GitLabToken("oauth-value"))" == "‹token›")
    }

    @Test func malformedAnswersNameTheField() async throws {
        let (client, _) = Self.client { _ in Self.json(#"[{"id": "x", "path_with_namespace": "p"}]"#) }
        let error = await #expect(throws: GitLabError.self) {
            _ = try await client.all(APIProject.self, "/projects", route: "r")
        }
        #expect(error?.message.contains("[0].id") == true, "\(error?.message ?? "")")
    }
}
