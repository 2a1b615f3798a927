import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct JobActionTests {
    @Test func retryMakesANewPendingAttempt() async throws {
        let fixture = DemoFixture()
        let pipelines = try await fixture.backend.pipelines()
        let failed = try #require(pipelines.flatMap(\.jobs).first { $0.status == .failed })
        let retried = try await fixture.backend.retry(jobID: failed.id)
        #expect(retried.id != failed.id)
        #expect(retried.attempt == failed.attempt + 1)
        #expect(retried.status == .pending)
        #expect(retried.name == failed.name && retried.stage == failed.stage)
        #expect(retried.createdAt == fixture.now)
        let jobs = try await fixture.jobs()
        #expect(jobs.contains(retried))
        #expect(!jobs.contains { $0.id == failed.id })
        await #expect(throws: BackendError.self) { try await fixture.backend.retry(jobID: failed.id) }
    }

    @Test func flakyFailuresPassOnRetryAndUnblockTheRest() async throws {
        let fixture = DemoFixture()
        // The newest pipelines of each project, which stay in the feed while the retries run.
        let recent = Dictionary(grouping: try await fixture.backend.pipelines(), by: \.project).values
            .flatMap { $0.prefix(12) }
        let failed = recent.flatMap(\.jobs).filter { $0.status == .failed }
        #expect(failed.count >= 10)
        var retries: [Int: Int] = [:]
        for job in failed {
            retries[try await fixture.backend.retry(jobID: job.id).id] = job.id
        }
        fixture.clock.advance(by: 1_200)
        let after = try await fixture.backend.pipelines()
        let outcomes = after.flatMap(\.jobs).filter { retries[$0.id] != nil }
        #expect(outcomes.count == failed.count)
        #expect(outcomes.allSatisfy { $0.attempt == 2 && ($0.status == .success || $0.status == .failed) })
        #expect(outcomes.contains { $0.status == .success })
        #expect(outcomes.contains { $0.status == .failed })
        // A pipeline whose only failure passed on retry goes on: its later stages are no longer skipped.
        let unblocked = after.filter { pipeline in
            pipeline.jobs.contains { retries[$0.id] != nil && $0.status == .success }
                && !pipeline.jobs.contains { $0.status == .failed }
        }
        #expect(!unblocked.isEmpty)
        for pipeline in unblocked {
            #expect(!pipeline.jobs.contains { $0.status == .skipped })
        }
    }

    @Test func retryingAnActiveOrUnknownJobFails() async throws {
        let fixture = DemoFixture()
        let running = try #require(try await fixture.jobs().first { $0.status == .running })
        do {
            _ = try await fixture.backend.retry(jobID: running.id)
            Issue.record("retry of a running job succeeded")
        } catch let error as BackendError {
            #expect(error.code == .invalidState)
            #expect(error.message == "Job #\(running.id) is running; only failed or canceled jobs can be retried.")
        }
        let success = try #require(try await fixture.jobs().first { $0.status == .success })
        await #expect(
            throws: BackendError(
                .invalidState,
                "Job #\(success.id) is success; only failed or canceled jobs can be retried."
            )
        ) {
            try await fixture.backend.retry(jobID: success.id)
        }
        for id in [-1, 0, 12, 899_999_999, 900_000_000] {
            do {
                _ = try await fixture.backend.retry(jobID: id)
                Issue.record("retry of unknown job \(id) succeeded")
            } catch let error as BackendError {
                #expect(error.code == .notFound)
            }
            do {
                _ = try await fixture.backend.cancel(jobID: id)
                Issue.record("cancel of unknown job \(id) succeeded")
            } catch let error as BackendError {
                #expect(error.code == .notFound)
            }
        }
    }

    @Test func cancelStopsAJobAndSkipsLaterStages() async throws {
        let fixture = DemoFixture()
        var candidate: Pipeline?
        _ = try await fixture.advance(by: 20) {
            candidate = try await fixture.backend.pipelines().first { pipeline in
                pipeline.stages.count > 2 && pipeline.stages[0].jobs.contains { $0.status == .running }
            }
            return candidate != nil
        }
        let pipeline = try #require(candidate)
        let running = try #require(pipeline.stages[0].jobs.first { $0.status == .running })
        let canceled = try await fixture.backend.cancel(jobID: running.id)
        #expect(canceled.id == running.id)
        #expect(canceled.status == .canceled)
        #expect(canceled.finishedAt == fixture.now)
        #expect(canceled.startedAt == running.startedAt)
        fixture.clock.advance(by: 900)
        let after = try #require(try await fixture.backend.pipelines().first { $0.id == pipeline.id })
        #expect(after.job(id: running.id)?.status == .canceled)
        #expect(after.stages.dropFirst().flatMap(\.jobs).allSatisfy { $0.status == .skipped })
        #expect([.canceled, .failed].contains(after.status))
        await #expect(throws: BackendError.self) { try await fixture.backend.cancel(jobID: running.id) }
        let again = try await fixture.backend.retry(jobID: running.id)
        #expect(again.attempt == 2 && again.status == .pending)
    }

    @Test func cancelOfAFinishedJobFails() async throws {
        let fixture = DemoFixture()
        let success = try #require(try await fixture.jobs().first { $0.status == .success })
        do {
            _ = try await fixture.backend.cancel(jobID: success.id)
            Issue.record("cancel of a finished job succeeded")
        } catch let error as BackendError {
            #expect(error.code == .invalidState)
        }
    }

    @Test func cancelOfAPendingJobLeavesNoStart() async throws {
        let fixture = DemoFixture()
        var pending: Job?
        _ = try await fixture.advance {
            pending = try await fixture.jobs().first { $0.status == .pending }
            return pending != nil
        }
        let job = try #require(pending)
        let canceled = try await fixture.backend.cancel(jobID: job.id)
        #expect(canceled.status == .canceled && canceled.startedAt == nil && canceled.runnerID == nil)
        fixture.clock.advance(by: 600)
        #expect(try await fixture.job(job.id)?.status == .canceled)
    }

    @Test func playStartsAManualJob() async throws {
        let fixture = DemoFixture()
        let manual = try #require(try await fixture.jobs().first { $0.status == .manual })
        let played = try await fixture.backend.play(jobID: manual.id)
        #expect(played.id == manual.id && played.attempt == manual.attempt && played.name == manual.name)
        #expect(played.status == .pending || played.status == .running)
        #expect(try await fixture.job(manual.id)?.status == played.status)
        // From there it runs like any other job, and cannot be played again.
        let finished = try await fixture.advance(by: 30) {
            guard let job = try await fixture.job(manual.id) else { return true }
            return job.status == .success || job.status == .failed
        }
        #expect(finished)
        await #expect(throws: BackendError.self) { try await fixture.backend.play(jobID: manual.id) }
    }

    @Test func playOfAJobThatIsNotManualFails() async throws {
        let fixture = DemoFixture()
        let jobs = try await fixture.jobs()
        for status in [JobStatus.running, .failed, .success] {
            let job = try #require(jobs.first { $0.status == status })
            await #expect(
                throws: BackendError(
                    .invalidState,
                    "Job #\(job.id) is \(status.label); only manual jobs waiting to be started can be played."
                )
            ) {
                try await fixture.backend.play(jobID: job.id)
            }
        }
        do {
            _ = try await fixture.backend.play(jobID: 12)
            Issue.record("play of an unknown job succeeded")
        } catch let error as BackendError {
            #expect(error.code == .notFound)
        }
    }

    @Test func retryPipelineRetriesEveryFailedOrCanceledJob() async throws {
        let fixture = DemoFixture()
        let pipeline = try #require(try await fixture.backend.pipelines().first { $0.status == .failed })
        let retryable = pipeline.jobs.filter(\.status.isRetryable)
        let kept = pipeline.jobs.filter { !$0.status.isRetryable && $0.status != .skipped }
        let updated = try await fixture.backend.retryPipeline(pipelineID: pipeline.id)
        #expect(updated.id == pipeline.id)
        #expect(updated.status.isActive)
        for old in retryable {
            let attempt = try #require(updated.jobs.first { $0.name == old.name })
            #expect(attempt.id != old.id && attempt.attempt == old.attempt + 1 && attempt.status.isActive)
            #expect(updated.job(id: old.id) == nil)
        }
        for job in kept { #expect(updated.job(id: job.id)?.status == job.status) }
        #expect(try await fixture.backend.pipelines().first { $0.id == pipeline.id } == updated)
    }

    @Test func retryPipelineWithNothingToRetryFails() async throws {
        let fixture = DemoFixture()
        let pipelines = try await fixture.backend.pipelines()
        let clean = try #require(pipelines.first { !$0.jobs.contains(where: \.status.isRetryable) })
        do {
            _ = try await fixture.backend.retryPipeline(pipelineID: clean.id)
            Issue.record("retry of a pipeline with nothing to retry succeeded")
        } catch let error as BackendError {
            #expect(error.code == .invalidState)
            #expect(error.message.contains("has no failed or canceled job to retry"))
        }
        do {
            _ = try await fixture.backend.retryPipeline(pipelineID: -1)
            Issue.record("retry of an unknown pipeline succeeded")
        } catch let error as BackendError {
            #expect(error.code == .notFound)
        }
    }
}
