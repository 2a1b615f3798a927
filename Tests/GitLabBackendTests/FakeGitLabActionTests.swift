import Foundation
import SwitchboardTesting
import Testing

/// The POST endpoints change the fake's state the way GitLab does.
struct FakeGitLabActionTests {
    typealias Call = FakeGitLabCall
    let gitlab = FakeGitLabEstate.gitlab()

    @Test func retryMakesANewPendingJobAndHidesTheOldOne() throws {
        gitlab.advanceTime(by: 30)
        let response = Call.post(gitlab, "/api/v4/projects/101/jobs/10023/retry")
        #expect(response.status == 201)
        let job = Call.object(response)
        #expect(job["id"] as? Int == 20_001)
        #expect(job["status"] as? String == "pending")
        #expect(job["name"] as? String == "plan" && job["stage"] as? String == "plan")
        #expect(job["tag_list"] as? [String] == ["small"])
        #expect(job["failure_reason"] == nil)

        #expect(
            Call.ids(Call.get(gitlab, "/api/v4/projects/101/pipelines/1002/jobs")) == [20_001, 10_024, 10_022, 10_021]
        )
        let all = Call.ids(Call.get(gitlab, "/api/v4/projects/101/pipelines/1002/jobs?include_retried=true"))
        #expect(all == [20_001, 10_024, 10_023, 10_022, 10_021])
        let state = gitlab.state
        #expect(state.jobs[10_023]?.retried == true)
        #expect(state.jobs[10_024]?.status == .created)
        #expect(state.pipelines[1002]?.status == .running)
        #expect(state.pipelines[1002]?.updatedAt == FakeGitLabEstate.epoch.addingTimeInterval(30))

        let stamp = "2026-11-23T09:00:10Z"
        let changed = Call.get(gitlab, "/api/v4/projects/101/pipelines?updated_after=\(stamp)&order_by=updated_at")
        #expect(Call.ids(changed) == [1002])
        #expect(gitlab.count("POST /projects/:id/jobs/:id/retry") == 1)
        #expect(
            gitlab.requests.filter { $0.method == "POST" }.map(\.target) == ["/api/v4/projects/101/jobs/10023/retry"]
        )
    }

    @Test func activeJobsAreNotRetryable() {
        let response = Call.post(gitlab, "/api/v4/projects/101/jobs/10033/retry")
        #expect(response.status == 403)
        #expect(response.text == #"{"message":"403 Forbidden - Job is not retryable"}"#)
        #expect(gitlab.state.jobs.count == FakeGitLabEstate.seeds().jobs.count)
    }

    @Test func cancelStopsARunningJobAndSkipsTheRest() {
        let response = Call.post(gitlab, "/api/v4/projects/101/jobs/10033/cancel")
        #expect(response.status == 201)
        #expect(Call.object(response)["status"] as? String == "canceled")
        let state = gitlab.state
        #expect(state.jobs[10_034]?.status == .skipped)
        #expect(state.pipelines[1003]?.status == .canceled)
        let again = Call.post(gitlab, "/api/v4/projects/101/jobs/10033/cancel")
        #expect(again.status == 403)
        #expect(again.text == #"{"message":"403 Forbidden - Job is not cancelable"}"#)
    }

    @Test func playQueuesAManualJobOnly() {
        let response = Call.post(gitlab, "/api/v4/projects/104/jobs/10324/play")
        #expect(response.status == 200)
        #expect(Call.object(response)["status"] as? String == "pending")
        #expect(gitlab.state.pipelines[1032]?.status == .running)
        let refused = Call.post(gitlab, "/api/v4/projects/101/jobs/10033/play")
        #expect(refused.status == 400)
        #expect(refused.text == #"{"message":"400 Bad request - Unplayable Job"}"#)
        #expect(Call.post(gitlab, "/api/v4/projects/101/jobs/10024/play").status == 400)
        #expect(Call.post(gitlab, "/api/v4/projects/105/jobs/10411/play").status == 200)
    }

    @Test func pipelineRetryRetriesFailedAndCanceledJobs() throws {
        let response = Call.post(gitlab, "/api/v4/projects/102/pipelines/1012/retry")
        #expect(response.status == 201)
        let pipeline = Call.object(response)
        #expect(pipeline["id"] as? Int == 1012)
        #expect(pipeline["status"] as? String == "running")
        let jobs = Call.array(Call.get(gitlab, "/api/v4/projects/102/pipelines/1012/jobs"))
        #expect(jobs.map { $0["status"] as? String } == ["pending", "created", "success"])

        let canceled = Call.object(Call.post(gitlab, "/api/v4/projects/102/pipelines/1013/retry"))
        #expect(canceled["status"] as? String == "running")
        #expect(gitlab.state.jobs.values.filter { $0.pipelineID == 1013 && $0.status == .pending }.count == 1)

        let before = gitlab.state.pipelines[1011]
        #expect(Call.post(gitlab, "/api/v4/projects/102/pipelines/1011/retry").status == 201)
        #expect(gitlab.state.pipelines[1011] == before)
    }

    @Test func actionsOnJobsOfAnotherProjectAre404() {
        let response = Call.post(gitlab, "/api/v4/projects/102/jobs/10023/retry")
        #expect(response.status == 404)
        #expect(Call.post(gitlab, "/api/v4/projects/102/jobs/nine/retry").status == 400)
        #expect(Call.send(gitlab, "DELETE", "/api/v4/projects/102/jobs/10023/retry").status == 405)
    }

    @Test func advancingMovesCIAlongAndShowsUpInIncrementalPolls() throws {
        var seen: [FakeGitLab.Status] = []
        for step in 1...3 {
            gitlab.advanceTime(by: 15)
            #expect(gitlab.advance(project: 101) == 1003)
            seen.append(gitlab.state.pipelines[1003]!.status)
            let since = FakeGitLabEstate.epoch.addingTimeInterval(Double(step) * 15 - 1)
            let stamp = ISO8601DateFormatter().string(from: since)
            #expect(Call.ids(Call.get(gitlab, "/api/v4/projects/101/pipelines?updated_after=\(stamp)")) == [1003])
        }
        let state = gitlab.state
        #expect(state.jobs[10_033]?.status == .success)
        #expect(state.jobs[10_034]?.status == .success)
        #expect(seen == [.running, .running, .success])
        gitlab.advanceTime(by: 15)
        let next = try #require(gitlab.advance(project: 101))
        #expect(next == 2_001)
        let pipeline = try #require(gitlab.state.pipelines[next])
        #expect(pipeline.iid == 44 && pipeline.status == .pending)
        #expect(gitlab.state.jobs(inPipeline: next).map(\.status) == [.pending, .pending, .created, .created])
    }
}
