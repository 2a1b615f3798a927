import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct PipelineTests {
    @Test func feedIsWindowedAndNewestFirst() async throws {
        let fixture = DemoFixture(at: 5_000)
        let pipelines = try await fixture.backend.pipelines()
        let perProject = Dictionary(grouping: pipelines, by: \.project).mapValues(\.count)
        #expect(perProject.count == 5)
        #expect(perProject.values.allSatisfy { $0 == 20 })
        #expect(pipelines.allSatisfy { $0.createdAt <= fixture.now })
        #expect(zip(pipelines, pipelines.dropFirst()).allSatisfy { $0.createdAt >= $1.createdAt })
        #expect(Set(pipelines.map(\.id)).count == pipelines.count)
        let jobIDs = pipelines.flatMap(\.jobs).map(\.id)
        #expect(Set(jobIDs).count == jobIDs.count)
    }

    @Test func pipelineStatusAggregatesJobs() async throws {
        let pipelines = try await DemoFixture().backend.pipelines()
        for pipeline in pipelines {
            #expect(pipeline.status == Pipeline.aggregate(pipeline.jobs.map(\.status)))
            #expect(pipeline.updatedAt >= pipeline.createdAt)
        }
        #expect(pipelines.contains { $0.status == .manual })
    }

    @Test func jobsCarryPoolsEnvironmentsAndManualDeploys() async throws {
        let jobs = try await DemoFixture().jobs()
        let pools: Set<String> = ["small", "medium", "big"]
        #expect(jobs.allSatisfy { $0.tags.count == 1 && pools.contains($0.tags[0]) })
        #expect(Set(jobs.map { $0.tags[0] }) == pools)
        let production = jobs.filter { $0.stage == "deploy-production" }
        #expect(!production.isEmpty)
        #expect(production.allSatisfy { $0.isManual && $0.environment == "production" && $0.deploysToProduction })
        #expect(jobs.filter { $0.stage == "deploy-development" }.allSatisfy { $0.environment == "development" })
        #expect(jobs.filter { !$0.stage.hasPrefix("deploy") }.allSatisfy { $0.environment == nil && !$0.isManual })
    }

    @Test func timelinesAreConsistent() async throws {
        let fixture = DemoFixture(at: 2_000)
        for job in try await fixture.jobs() {
            switch job.status {
            case .created, .skipped, .manual:
                #expect(job.startedAt == nil && job.finishedAt == nil && job.runnerID == nil)
            case .pending:
                #expect(job.startedAt == nil && job.runnerID == nil)
            case .running:
                #expect(job.startedAt != nil && job.finishedAt == nil && job.runnerID != nil)
            case .success, .failed:
                let started = try #require(job.startedAt)
                let finished = try #require(job.finishedAt)
                #expect(started >= job.createdAt && finished > started && finished <= fixture.now)
                #expect(job.runnerID != nil)
                #expect((job.status == .failed) == (job.failureReason != nil))
            default:
                break
            }
        }
    }

    @Test func laterStagesWaitForEarlierOnes() async throws {
        for pipeline in try await DemoFixture(at: 777).backend.pipelines() {
            for (earlier, later) in zip(pipeline.stages, pipeline.stages.dropFirst()) {
                let started = later.jobs.filter { $0.startedAt != nil }
                guard !started.isEmpty else { continue }
                #expect(earlier.jobs.allSatisfy { $0.status == .success })
                let earlierEnd = earlier.jobs.compactMap(\.finishedAt).max()
                #expect(started.allSatisfy { ($0.startedAt ?? .distantPast) >= (earlierEnd ?? .distantFuture) })
            }
            if pipeline.jobs.contains(where: { $0.status == .failed && $0.stage != pipeline.stages.last?.name }) {
                let failedStage = pipeline.stages.firstIndex { $0.jobs.contains { $0.status == .failed } } ?? 0
                let later = pipeline.stages.dropFirst(failedStage + 1).flatMap(\.jobs)
                #expect(later.allSatisfy { $0.status == .skipped })
            }
        }
    }

    @Test func failuresRunningAndPendingJobsAreUsuallyVisible() async throws {
        let fixture = DemoFixture()
        var running = 0
        var pending = 0
        let samples = 60
        for _ in 0..<samples {
            let jobs = try await fixture.jobs()
            #expect(jobs.contains { $0.status == .failed })
            if jobs.contains(where: { $0.status == .running }) { running += 1 }
            if jobs.contains(where: { $0.status == .pending }) { pending += 1 }
            fixture.clock.advance(by: 613)
        }
        #expect(running >= samples * 9 / 10)
        #expect(pending >= samples / 2)
        let atEpoch = try await DemoFixture().jobs()
        #expect(atEpoch.contains { $0.status == .failed })
        #expect(atEpoch.contains { $0.status == .running })
        #expect(atEpoch.contains { $0.status == .pending })
    }

    @Test func failureReasonsVary() async throws {
        let fixture = DemoFixture()
        var reasons: Set<String> = []
        for _ in 0..<12 {
            reasons.formUnion(try await fixture.jobs().compactMap(\.failureReason))
            fixture.clock.advance(by: 3_600)
        }
        #expect(reasons == ["script_failure", "runner_system_failure", "stuck_or_timeout_failure"])
    }

    @Test func jobsProgressOverTime() async throws {
        let fixture = DemoFixture()
        let firstIDs = Set(try await fixture.backend.pipelines().map(\.id))
        var pendingID: Int?
        _ = try await fixture.advance {
            pendingID = try await fixture.jobs().first { $0.status == .pending }?.id
            return pendingID != nil
        }
        let id = try #require(pendingID)
        let ran = try await fixture.advance { try await fixture.job(id)?.status == .running }
        #expect(ran)
        let running = try #require(try await fixture.job(id))
        #expect(running.startedAt != nil && running.runnerID != nil)
        let finished = try await fixture.advance {
            let status = try await fixture.job(id)?.status
            return status == .success || status == .failed
        }
        #expect(finished)
        fixture.clock.advance(by: 1_800)
        let laterIDs = Set(try await fixture.backend.pipelines().map(\.id))
        #expect(!laterIDs.subtracting(firstIDs).isEmpty)
    }
}
