import Foundation
import SwitchboardTesting
import Testing

/// The seeded and scaled estates hold what their documentation promises.
struct FakeGitLabEstateTests {
    @Test func seedsAreDeterministicAndCoverEveryPipelineState() {
        let state = FakeGitLabEstate.seeds()
        #expect(state == FakeGitLabEstate.seeds())
        let expected: [Int: FakeGitLab.Status] = [
            1001: .success, 1002: .failed, 1003: .running,
            1011: .success, 1012: .failed, 1013: .canceled, 1014: .pending,
            1021: .success, 1022: .running, 1023: .pending,
            1031: .skipped, 1032: .manual, 1033: .success, 1034: .waitingForResource,
            1041: .scheduled, 1042: .created, 1051: .success,
        ]
        #expect(state.pipelines.mapValues(\.status) == expected)
        #expect(state.jobs[FakeGitLabEstate.Seed.scriptFailureJob]?.failureReason == "script_failure")
        #expect(state.jobs[FakeGitLabEstate.Seed.runnerSystemFailureJob]?.failureReason == "runner_system_failure")
        #expect(state.jobs[FakeGitLabEstate.Seed.noMatchingRunnerJob]?.failureReason == "no_matching_runner")
        #expect(state.jobs[FakeGitLabEstate.Seed.manualJob]?.environment == "production")
        #expect(FakeGitLabEstate.Seed.pendingBigJobs.allSatisfy { state.jobs[$0]?.status == .pending })
        #expect(state.jobs[FakeGitLabEstate.Seed.runningJob]?.runnerID == 202)
    }

    @Test func seedsPlaceJobsOnlyOnLiveRunnersWithTheirTags() {
        let state = FakeGitLabEstate.seeds()
        for job in state.jobs.values where job.runnerID != nil {
            let runner = state.runners[job.runnerID!]!
            #expect(Set(job.tagList).isSubset(of: runner.tagList))
            #expect(runner.status == .online && !runner.paused)
            #expect(job.runnerManagerID != FakeGitLabEstate.Seed.silentPod)
        }
        let noRunner = state.jobs.values.filter { $0.startedAt != nil && $0.runnerID == nil && !$0.isBridge }
        #expect(noRunner.isEmpty)
        let pools = ["small": 3, "medium": 2, "big": 2]
        for (tag, count) in pools {
            #expect(state.runners.values.filter { $0.tagList.contains(tag) }.count == count)
        }
        #expect(
            state.runners.values.filter { $0.runnerType == .group }.allSatisfy { (2...4).contains($0.managers.count) }
        )
    }

    @Test func scaledEstateHasTheRequestedSize() {
        let state = FakeGitLabEstate.scaled(
            pools: 3,
            runnersPerPool: 20,
            projects: 50,
            pipelinesPerProject: 5,
            jobsPerPipeline: 8
        )
        #expect(state.runners.count == 60)
        #expect(state.projects.count == 50)
        #expect(state.pipelines.count == 250)
        #expect(state.jobs.count == 2_000)
        let newest = Dictionary(grouping: state.pipelines.values, by: \.projectID).values.map {
            $0.max { $0.id < $1.id }!
        }
        #expect(newest.allSatisfy { $0.status == .running })
        #expect(state.pipelines.values.contains { $0.status == .failed })
        let gitlab = FakeGitLab(state: state, configuration: .init(tokens: FakeGitLabEstate.tokens))
        let page = FakeGitLabCall.get(gitlab, "/api/v4/groups/10/runners?tag_list=medium&per_page=100")
        #expect(FakeGitLabCall.ids(page).count == 20)
    }

    @Test func shasAreFortyHexDigitsAndDistinct() {
        let shas = (1...500).map(FakeGitLabEstate.sha)
        #expect(Set(shas).count == 500)
        #expect(shas.allSatisfy { $0.count == 40 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(shas.map { $0.prefix(8) }).count == 500)
    }
}
