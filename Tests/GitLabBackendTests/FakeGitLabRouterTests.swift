import Foundation
import SwitchboardTesting
import Testing

/// Calls the fake's router directly (no sockets) and decodes what it answers.
enum FakeGitLabCall {
    static let host = "gitlab.test:8443"

    static func send(
        _ gitlab: FakeGitLab,
        _ method: String,
        _ target: String,
        token: String? = FakeGitLabEstate.operatorToken.value,
        bearer: Bool = false
    ) -> FakeGitLab.Response {
        var headers: [(name: String, value: String)] = [("Host", host)]
        if let token { headers.append(bearer ? ("Authorization", "Bearer \(token)") : ("PRIVATE-TOKEN", token)) }
        return gitlab.handle(FakeGitLab.Request(method: method, target: target, headers: headers))
    }

    static func get(
        _ gitlab: FakeGitLab,
        _ target: String,
        token: String? = FakeGitLabEstate.operatorToken.value
    )
        -> FakeGitLab.Response
    {
        send(gitlab, "GET", target, token: token)
    }

    static func post(_ gitlab: FakeGitLab, _ target: String) -> FakeGitLab.Response { send(gitlab, "POST", target) }

    static func object(_ response: FakeGitLab.Response) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    static func array(_ response: FakeGitLab.Response) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [[String: Any]] ?? []
    }

    static func ids(_ response: FakeGitLab.Response) -> [Int] { array(response).compactMap { $0["id"] as? Int } }

    /// The URL of `rel="<relation>"` in a Link header.
    static func link(_ response: FakeGitLab.Response, _ relation: String) -> String? {
        guard let header = response.header("Link") else { return nil }
        for part in header.components(separatedBy: ", ") where part.hasSuffix("rel=\"\(relation)\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { continue }
            return String(part[part.index(after: open)..<close])
        }
        return nil
    }

    /// The target of an absolute URL on `host`.
    static func target(_ url: String) -> String { String(url.dropFirst("http://\(host)".count)) }
}

struct FakeGitLabRouterTests {
    typealias Call = FakeGitLabCall
    let gitlab = FakeGitLabEstate.gitlab()

    @Test func offsetPaginationHeadersAndLinksAcrossPages() throws {
        var target = "/api/v4/groups/10/runners?type=group_type&per_page=2"
        var seen: [Int] = []
        var pages = 0
        while pages < 10 {
            let response = Call.get(gitlab, target)
            pages += 1
            #expect(response.status == 200)
            #expect(response.header("x-page") == String(pages))
            #expect(response.header("x-per-page") == "2")
            #expect(response.header("x-total") == "7")
            #expect(response.header("x-total-pages") == "4")
            #expect(response.header("x-prev-page") == (pages == 1 ? "" : String(pages - 1)))
            #expect(
                Call.link(response, "first")
                    == "http://\(Call.host)/api/v4/groups/10/runners?type=group_type&per_page=2&page=1"
            )
            #expect(Call.link(response, "last")?.hasSuffix("page=4") == true)
            #expect((Call.link(response, "prev") != nil) == (pages > 1))
            seen += Call.ids(response)
            guard let next = Call.link(response, "next") else {
                #expect(response.header("x-next-page") == "")
                break
            }
            #expect(response.header("x-next-page") == String(pages + 1))
            #expect(next.hasPrefix("http://\(Call.host)/api/v4/groups/10/runners?type=group_type&per_page=2&page="))
            target = Call.target(next)
        }
        #expect(pages == 4)
        #expect(seen == [222, 221, 212, 211, 203, 202, 201])
    }

    @Test func perPageIsCappedAtOneHundredAndDefaultsToTwenty() {
        let big = FakeGitLab(state: FakeGitLabEstate.scaled(), configuration: .init(tokens: FakeGitLabEstate.tokens))
        let capped = Call.get(big, "/api/v4/groups/10/runners?per_page=500")
        #expect(capped.header("x-per-page") == "100")
        #expect(Call.array(capped).count == 60)
        let plain = Call.get(big, "/api/v4/groups/10/projects")
        #expect(plain.header("x-per-page") == "20")
        #expect(Call.array(plain).count == 20)
        #expect(plain.header("x-total") == "50")
        #expect(Call.link(plain, "next") == "http://\(Call.host)/api/v4/groups/10/projects?page=2&per_page=20")
    }

    @Test func withoutTheLinkHeaderOnlyXNextPageLeads() {
        gitlab.configuration.sendsLinkHeader = false
        let response = Call.get(gitlab, "/api/v4/groups/10/runners?per_page=3")
        #expect(response.header("Link") == nil)
        #expect(response.header("x-next-page") == "2")
        #expect(response.header("x-total") == "8")
    }

    @Test func countsAndLastAreLeftOutAboveTheCountLimit() {
        gitlab.configuration.countLimit = 5
        let response = Call.get(gitlab, "/api/v4/groups/10/runners?per_page=3")
        #expect(response.header("x-total") == nil)
        #expect(response.header("x-total-pages") == nil)
        #expect(Call.link(response, "last") == nil)
        #expect(Call.link(response, "next") != nil)
        #expect(response.header("x-next-page") == "2")
    }

    @Test func projectJobsKeysetPaginationFollowsTheCursorToTheEnd() {
        var target = "/api/v4/projects/103/jobs?pagination=keyset&per_page=3&order_by=id&sort=desc"
        var seen: [Int] = []
        var pages = 0
        while pages < 10 {
            let response = Call.get(gitlab, target)
            #expect(response.status == 200)
            #expect(response.header("x-total") == nil)
            pages += 1
            seen += Call.ids(response)
            guard let next = Call.link(response, "next") else { break }
            #expect(next.contains("pagination=keyset"))
            #expect(next.contains("cursor="))
            target = Call.target(next)
        }
        let all = gitlab.state.jobs.values.filter { $0.projectID == 103 && !$0.isBridge }.map(\.id).sorted(by: >)
        #expect(seen == all)
        #expect(pages == (all.count + 2) / 3)
        let ascending = Call.get(gitlab, "/api/v4/projects/103/jobs?pagination=keyset&order_by=id&sort=asc")
        #expect(ascending.status == 405)
    }

    @Test func projectJobsFilterByScopeArraysAndOmitCounts() {
        let response = Call.get(gitlab, "/api/v4/projects/103/jobs?scope%5B%5D=pending&scope[]=running")
        #expect(Call.ids(response) == [10_232, 10_231, 10_222, 10_221])
        #expect(response.header("x-total") == nil)
        #expect(response.header("x-next-page") == "")
        let bad = Call.get(gitlab, "/api/v4/projects/103/jobs?scope[]=sleeping")
        #expect(bad.status == 400)
        #expect(Call.object(bad)["error"] as? String == "scope does not have a valid value")
    }

    @Test func authenticationFailuresHaveGitLabsShapes() {
        let none = Call.get(gitlab, "/api/v4/projects/101", token: nil)
        #expect(none.status == 401)
        #expect(none.text == #"{"message":"401 Unauthorized"}"#)
        #expect(Call.get(gitlab, "/api/v4/projects/101", token: "glpat-wrong").status == 401)
        let bearer = Call.send(gitlab, "GET", "/api/v4/projects/101", bearer: true)
        #expect(bearer.status == 200)

        let reader = FakeGitLabEstate.readOnlyToken.value
        #expect(Call.get(gitlab, "/api/v4/projects/101/pipelines", token: reader).status == 200)
        let scope = Call.get(gitlab, "/api/v4/groups/10/runners", token: reader)
        #expect(scope.status == 403)
        let body = Call.object(scope)
        #expect(body["error"] as? String == "insufficient_scope")
        #expect(
            body["error_description"] as? String
                == "The request requires higher privileges than provided by the access token."
        )
        #expect(body["scope"] as? String == "api")
        #expect(Call.post(gitlab, "/api/v4/projects/101/jobs/10023/retry").status == 201)
        #expect(Call.send(gitlab, "POST", "/api/v4/projects/101/jobs/10021/retry", token: reader).status == 403)

        let runners = FakeGitLabEstate.runnerToken.value
        #expect(Call.get(gitlab, "/api/v4/runners?tag_list=small", token: runners).status == 200)
        #expect(Call.get(gitlab, "/api/v4/projects/101", token: runners).status == 403)

        let all = Call.get(gitlab, "/api/v4/runners/all")
        #expect(all.status == 403)
        #expect(all.text == #"{"message":"403 Forbidden"}"#)
        let admin = Call.get(gitlab, "/api/v4/runners/all?per_page=100", token: FakeGitLabEstate.adminToken.value)
        #expect(Call.ids(admin).contains(231))

        let kinds = gitlab.requests.map(\.auth)
        #expect(kinds.first == FakeGitLab.AuthKind.none)
        #expect(kinds.contains(.bearer) && kinds.contains(.privateToken))
        let printed = gitlab.requests.map(String.init(describing:)).joined()
        for token in FakeGitLabEstate.tokens { #expect(!printed.contains(token.value)) }
    }

    @Test func unknownRoutesAndProjectsAnswer404() {
        let route = Call.get(gitlab, "/api/v4/projects/101/wikis/nothing")
        #expect(route.status == 404)
        #expect(route.text == #"{"error":"404 Not Found"}"#)
        let project = Call.get(gitlab, "/api/v4/projects/platform%2Fnowhere/pipelines")
        #expect(project.status == 404)
        #expect(project.text == #"{"message":"404 Project Not Found"}"#)
        #expect(gitlab.count("GET (unknown)") == 1)
        #expect(gitlab.count("GET /projects/:id/pipelines") == 1)
    }

    @Test func theBudgetRunsOutInto429AndRefillsNextMinute() {
        gitlab.configuration.rateLimitPerMinute = 3
        let answers = (0..<4).map { _ in Call.get(gitlab, "/api/v4/projects/101") }
        #expect(answers.prefix(3).map(\.status) == [200, 200, 200])
        #expect(answers.prefix(3).map { $0.header("RateLimit-Remaining") } == ["2", "1", "0"])
        #expect(answers[0].header("RateLimit-Limit") == "3")
        #expect(answers[0].header("RateLimit-Name") == "throttle_authenticated_api")
        #expect(answers[0].header("RateLimit-Reset") == String(Int(FakeGitLabEstate.epoch.timeIntervalSince1970) + 60))
        let refused = answers[3]
        #expect(refused.status == 429)
        #expect(refused.text == "Retry later\n")
        #expect(refused.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(refused.header("Retry-After") == "60")
        #expect(refused.header("RateLimit-Observed") == "4")
        gitlab.advanceTime(by: 60)
        #expect(Call.get(gitlab, "/api/v4/projects/101").status == 200)
    }

    @Test func projectJobsHaveTheirOwnLimit() {
        gitlab.configuration.projectJobsLimitPerMinute = 2
        let statuses = (0..<3).map { _ in Call.get(gitlab, "/api/v4/projects/101/jobs").status }
        #expect(statuses == [200, 200, 429])
        let body = Call.get(gitlab, "/api/v4/projects/101/jobs")
        #expect(body.text.contains("This endpoint has been requested too many times"))
        #expect(Call.get(gitlab, "/api/v4/projects/101/pipelines").status == 200)
    }

    @Test(arguments: FakeGitLab.ThrottleBody.allCases)
    func injected429sCarryRetryAfterAndTheirBody(_ body: FakeGitLab.ThrottleBody) {
        gitlab.inject(.tooManyRequests(retryAfter: 7, body: body), on: .prefix("/projects/101"), times: 2)
        #expect(Call.get(gitlab, "/api/v4/projects/102").status == 200)
        let first = Call.get(gitlab, "/api/v4/projects/101/pipelines")
        let second = Call.get(gitlab, "/api/v4/projects/101")
        let third = Call.get(gitlab, "/api/v4/projects/101")
        #expect([first.status, second.status, third.status] == [Int]([429, 429, 200]))
        #expect(first.header("Retry-After") == "7")
        switch body {
        case .plain: #expect(first.text == "Retry later\n")
        case .json:
            let message = Call.object(first)["message"] as? [String: Any]
            #expect(message?["error"] as? String == "This endpoint has been requested too many times. Try again later.")
        case .html: #expect(first.header("Content-Type") == "text/html" && first.text.contains("<html>"))
        }
        #expect(gitlab.armedFaults == 0)
    }

    @Test func injectedErrorsSlownessAndDrops() {
        gitlab.inject(.error(status: 502, body: .badGateway), on: .route("GET /projects/:id/pipelines"))
        let gateway = Call.get(gitlab, "/api/v4/projects/101/pipelines")
        #expect(gateway.status == 502)
        #expect(gateway.text == "<html><body><h1>502 Bad Gateway</h1></body></html>")
        gitlab.inject(.error(status: 400, body: .fieldErrors(["description": ["is too long"]])))
        #expect(Call.get(gitlab, "/api/v4/projects/101").text == #"{"message":{"description":["is too long"]}}"#)
        gitlab.inject(.error(status: 409, body: .message("409 Conflict")))
        #expect(Call.get(gitlab, "/api/v4/projects/101").text == #"{"message":"409 Conflict"}"#)
        gitlab.inject(.error(status: 400, body: .error("ref is missing")))
        #expect(Call.get(gitlab, "/api/v4/projects/101").text == #"{"error":"ref is missing"}"#)
        gitlab.inject(.slow(seconds: 2.5), on: .predicate { $0.target.contains("/jobs/") })
        let slow = Call.get(gitlab, "/api/v4/projects/101/jobs/10033")
        #expect(slow.status == 200 && slow.behaviour == .delay(seconds: 2.5))
        gitlab.inject(.dropConnection)
        #expect(Call.get(gitlab, "/api/v4/projects/101").behaviour == .dropConnection)
        #expect(Call.get(gitlab, "/api/v4/projects/101").behaviour == .normal)
    }

    @Test func aMovedProjectRedirectsOnTheSameHost() {
        gitlab.withState { $0.moveProject(102, to: "platform/api-gateway") }
        let moved = Call.get(gitlab, "/api/v4/projects/platform%2Fapi/pipelines?per_page=5&ref=main")
        #expect(moved.status == 301)
        let location = moved.header("Location") ?? ""
        #expect(location == "http://\(Call.host)/api/v4/projects/platform%2Fapi-gateway/pipelines?per_page=5&ref=main")
        let followed = Call.get(gitlab, Call.target(location))
        #expect(followed.status == 200)
        #expect(Call.ids(followed) == [1013, 1012, 1011])
        #expect(Call.get(gitlab, "/api/v4/projects/102").status == 200)
    }

    @Test func pipelinesFilterByUpdatedAfterAndHideChildren() throws {
        let all = Call.get(gitlab, "/api/v4/projects/104/pipelines")
        #expect(Call.ids(all) == [1034, 1032, 1031])
        let children = Call.get(gitlab, "/api/v4/projects/104/pipelines?source=parent_pipeline")
        #expect(Call.ids(children) == [1033])
        let state = gitlab.state
        let cut = try #require(state.pipelines[1011]?.updatedAt)
        let stamp = ISO8601DateFormatter().string(from: cut)
        let recent = Call.get(
            gitlab,
            "/api/v4/projects/102/pipelines?updated_after=\(stamp)&order_by=updated_at&sort=desc"
        )
        let expected = state.pipelines.values.filter { $0.projectID == 102 && $0.updatedAt > cut }
            .sorted { $0.updatedAt > $1.updatedAt }.map(\.id)
        #expect(Call.ids(recent) == expected)
        #expect(!expected.contains(1011) && expected.count == 3)
        let failed = Call.get(gitlab, "/api/v4/projects/101/pipelines?status=failed")
        #expect(Call.ids(failed) == [1002])
        let ascending = Call.get(gitlab, "/api/v4/projects/101/pipelines?sort=asc&ref=main")
        #expect(Call.ids(ascending) == [1001, 1002])
        #expect(Call.get(gitlab, "/api/v4/projects/101/pipelines?order_by=colour").status == 400)
        #expect(Call.get(gitlab, "/api/v4/projects/101/pipelines?updated_after=yesterday").status == 400)
    }

    @Test func numbersAndTimesHaveGitLabsTypes() throws {
        let pipeline = Call.get(gitlab, "/api/v4/projects/101/pipelines/1001").text
        #expect(pipeline.contains(#""duration":208,"#))
        #expect(pipeline.range(of: #""queued_duration":[0-9]+\.[0-9]+"#, options: .regularExpression) != nil)
        #expect(pipeline.range(of: #""committed_at":"[^"]+\.[0-9]{3}\+01:00""#, options: .regularExpression) != nil)
        #expect(pipeline.contains(#""created_at":"2026-11-23T07:00:00.000Z""#))
        #expect(pipeline.contains(#""detailed_status":{"icon":"status_success","text":"Passed""#))
        let job = Call.get(gitlab, "/api/v4/projects/102/jobs/10113").text
        #expect(job.contains(#""duration":33.0,"#))
        #expect(job.range(of: #""created_at":"[^"]+\+01:00""#, options: .regularExpression) != nil)
        #expect(!job.contains("failure_reason"))
        let failed = Call.object(Call.get(gitlab, "/api/v4/projects/102/jobs/10122"))
        #expect(failed["failure_reason"] as? String == "runner_system_failure")
        let pending = Call.object(Call.get(gitlab, "/api/v4/projects/102/jobs/10141"))
        #expect(pending["runner"] is NSNull && pending["started_at"] is NSNull && pending["duration"] is NSNull)
        #expect((pending["queued_duration"] as? Double ?? 0) > 0)
    }

    @Test func pipelineJobsHideRetriedOnesAndBridges() throws {
        let jobs = Call.get(gitlab, "/api/v4/projects/103/pipelines/1021/jobs")
        #expect(Call.ids(jobs) == [10_215, 10_214, 10_212, 10_211])
        let retried = Call.get(gitlab, "/api/v4/projects/103/pipelines/1021/jobs?include_retried=true")
        #expect(Call.ids(retried) == [10_215, 10_214, 10_213, 10_212, 10_211])
        let failed = Call.get(gitlab, "/api/v4/projects/103/pipelines/1021/jobs?scope[]=failed")
        #expect(Call.ids(failed) == [10_214])
        #expect(Call.ids(Call.get(gitlab, "/api/v4/projects/104/pipelines/1032/jobs")) == [10_324, 10_323, 10_321])
        let bridges = Call.array(Call.get(gitlab, "/api/v4/projects/104/pipelines/1032/bridges"))
        #expect(bridges.count == 1)
        let downstream = try #require(bridges.first?["downstream_pipeline"] as? [String: Any])
        #expect(downstream["id"] as? Int == 1033)
        #expect(downstream["project_id"] as? Int == 104)
        #expect(downstream["status"] as? String == "success")
        #expect(downstream["web_url"] as? String == "http://\(Call.host)/platform/deploy-config/-/pipelines/1033")
        let waiting = Call.array(Call.get(gitlab, "/api/v4/projects/104/pipelines/1034/bridges"))
        #expect(waiting.first?["downstream_pipeline"] is NSNull)
        #expect(Call.get(gitlab, "/api/v4/projects/101/pipelines/1032/jobs").status == 404)
    }

    @Test func runnerFiltersDetailsManagersAndJobs() throws {
        #expect(Call.ids(Call.get(gitlab, "/api/v4/groups/10/runners?tag_list=big")) == [222, 221])
        #expect(Call.ids(Call.get(gitlab, "/api/v4/groups/platform/runners?tag_list=big,arm64")).isEmpty)
        #expect(Call.ids(Call.get(gitlab, "/api/v4/runners?status=offline")) == [203])
        #expect(Call.ids(Call.get(gitlab, "/api/v4/runners?paused=true")) == [212])
        #expect(Call.ids(Call.get(gitlab, "/api/v4/groups/10/runners?type=instance_type")) == [231])
        #expect(Call.get(gitlab, "/api/v4/runners?type=pool").status == 400)
        let never = Call.array(Call.get(gitlab, "/api/v4/runners?status=never_contacted"))
        #expect(never.first?["online"] is NSNull)

        let detail = Call.object(Call.get(gitlab, "/api/v4/runners/221"))
        #expect(detail["tag_list"] as? [String] == ["big"])
        #expect(detail["version"] as? String == "17.5.1")
        #expect(detail["maximum_timeout"] as? Int == 3600)
        #expect(detail["access_level"] as? String == "not_protected")
        #expect(detail["run_untagged"] as? Bool == false && detail["locked"] as? Bool == false)
        #expect(detail["contacted_at"] as? String == "2026-11-23T08:59:57.000Z")

        let managers = Call.get(gitlab, "/api/v4/runners/221/managers")
        #expect(managers.header("x-total") == nil && managers.header("Link") == nil)
        let pods = Call.array(managers)
        #expect(pods.count == 4)
        let silent = try #require(pods.first { $0["id"] as? Int == FakeGitLabEstate.Seed.silentPod })
        #expect(silent["status"] as? String == "offline")
        #expect(silent["contacted_at"] as? String == "2026-11-23T06:00:00.000Z")
        #expect((silent["system_id"] as? String)?.hasPrefix("s_") == true)

        let running = Call.array(Call.get(gitlab, "/api/v4/runners/202/jobs?status=running"))
        #expect(running.map { $0["id"] as? Int } == [10_033])
        let pipeline = try #require(running.first?["pipeline"] as? [String: Any])
        #expect(pipeline["id"] as? Int == 1003 && pipeline["ref"] as? String == "feature/vpc-endpoints")
        #expect((pipeline["sha"] as? String)?.count == 40 && pipeline["status"] as? String == "running")
        let project = try #require(running.first?["project"] as? [String: Any])
        #expect(project["path_with_namespace"] as? String == "platform/infrastructure")
    }

    @Test func theTraceIsServedWholeAsPlainText() throws {
        let response = Call.get(gitlab, "/api/v4/projects/101/jobs/10033/trace")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        let expected = try #require(gitlab.state.traces[10_033])
        #expect(response.body == Array(expected.utf8))
        for marker in ["\u{1b}[32;1m", "section_start:", "section_end:", "\r\u{1b}[0K", "[MASKED]", "  47%\r"] {
            #expect(response.text.contains(marker))
        }
        gitlab.withState { $0.appendTrace("more\n", toJob: 10_033) }
        #expect(Call.get(gitlab, "/api/v4/projects/101/jobs/10033/trace").text == expected + "more\n")
        let none = Call.get(gitlab, "/api/v4/projects/101/jobs/10034/trace")
        #expect(none.status == 404 && none.text == #"{"message":"404 Not Found"}"#)
        #expect(Call.get(gitlab, "/api/v4/projects/102/jobs/10033/trace").status == 404)
    }

    @Test func deploymentsCarryEnvironmentAndDeployable() throws {
        let all = Call.array(Call.get(gitlab, "/api/v4/projects/104/deployments?order_by=updated_at&sort=desc"))
        #expect(all.map { $0["id"] as? Int } == [603, 601, 602])
        let production = Call.array(Call.get(gitlab, "/api/v4/projects/104/deployments?environment=production"))
        let deployment = try #require(production.first)
        #expect(production.count == 1)
        #expect(deployment["status"] as? String == "created")
        let environment = try #require(deployment["environment"] as? [String: Any])
        #expect(environment["name"] as? String == "production")
        #expect(environment["external_url"] as? String == "https://platform.example.com")
        let deployable = try #require(deployment["deployable"] as? [String: Any])
        #expect(deployable["id"] as? Int == FakeGitLabEstate.Seed.manualJob)
        #expect(deployable["status"] as? String == "manual")
        #expect((deployable["pipeline"] as? [String: Any])?["id"] as? Int == 1032)
        let succeeded = Call.ids(Call.get(gitlab, "/api/v4/projects/104/deployments?status=success"))
        #expect(succeeded == [601])
    }

    @Test func groupProjectsAndProjectsByPath() {
        let direct = Call.get(gitlab, "/api/v4/groups/10/projects")
        #expect(Call.ids(direct) == [106, 104, 103, 102, 101])
        let tree = Call.get(
            gitlab,
            "/api/v4/groups/platform/projects?include_subgroups=true&archived=false&simple=true"
        )
        #expect(Call.ids(tree) == [105, 104, 103, 102, 101])
        #expect(Call.array(tree).first?["archived"] == nil)
        let project = Call.object(Call.get(gitlab, "/api/v4/projects/platform%2Fapi"))
        #expect(project["id"] as? Int == 102)
        #expect(project["archived"] as? Bool == false)
        #expect((project["namespace"] as? [String: Any])?["full_path"] as? String == "platform")
        #expect(Call.get(gitlab, "/api/v4/groups/99/projects").text == #"{"message":"404 Group Not Found"}"#)
    }
}
