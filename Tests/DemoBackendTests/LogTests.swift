import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct LogTests {
    @Test func logGrowsWithProgressAndCompletes() async throws {
        let fixture = DemoFixture()
        var runningID: Int?
        _ = try await fixture.advance {
            runningID = try await fixture.jobs().first { $0.status == .running && $0.tags == ["big"] }?.id
            return runningID != nil
        }
        let id = try #require(runningID)
        let early = try await fixture.fullLog(id)
        #expect(!early.isComplete)
        #expect(early.lines.first?.hasPrefix("Running with gitlab-runner 17.5.2") == true)
        #expect(early.lines.contains("Preparing the \"kubernetes\" executor"))
        fixture.clock.advance(by: 60)
        let later = try await fixture.fullLog(id)
        #expect(later.lines.count > early.lines.count)
        #expect(Array(later.lines.prefix(early.lines.count)) == early.lines)
        let done = try await fixture.advance(by: 30) {
            let status = try await fixture.job(id)?.status
            return status == .success || status == .failed
        }
        #expect(done)
        let final = try await fixture.fullLog(id)
        #expect(final.isComplete)
        if final.lines.last == "Job succeeded" {
            #expect(final.lines.count >= 2_000)
        } else {
            #expect(final.lines.last?.hasPrefix("ERROR: Job failed") == true)
        }
        let tail = try await fixture.backend.log(jobID: id, from: 150)
        #expect(tail.offset == 150)
        #expect(tail.lines == Array(final.lines.dropFirst(150)))
        let past = try await fixture.backend.log(jobID: id, from: final.lines.count + 10)
        #expect(past.lines.isEmpty && past.isComplete)
    }

    @Test func logsMatchTheJobState() async throws {
        let fixture = DemoFixture()
        for job in try await fixture.jobs() {
            let log = try await fixture.fullLog(job.id)
            switch job.status {
            case .created, .manual:
                #expect(log.lines.isEmpty && !log.isComplete)
            case .skipped:
                #expect(log.lines.isEmpty && log.isComplete)
            case .pending:
                #expect((1...2).contains(log.lines.count) && !log.isComplete)
            case .running:
                #expect(log.lines.count > 2 && !log.isComplete)
            case .success:
                #expect(log.isComplete && log.lines.last == "Job succeeded")
            case .failed:
                #expect(log.isComplete && log.lines.last?.hasPrefix("ERROR: Job failed") == true)
                if job.failureReason == "script_failure" {
                    #expect(log.lines.last == "ERROR: Job failed: exit code 1")
                }
            default:
                break
            }
        }
    }

    @Test func logsNeverCarrySecrets() async throws {
        let fixture = DemoFixture(at: 4_321)
        let key = try Regex("(AKIA|ASIA)[A-Z0-9]{16}")
        var lines = 0
        for job in try await fixture.jobs() {
            for line in try await fixture.fullLog(job.id).lines {
                lines += 1
                #expect(line.firstMatch(of: key) == nil, "\(line)")
                #expect(!line.localizedCaseInsensitiveContains("BEGIN RSA PRIVATE KEY"))
            }
        }
        #expect(lines > 10_000)
    }

    @Test func unknownJobHasNoLog() async throws {
        await #expect(throws: BackendError.self) { try await DemoFixture().backend.log(jobID: 42, from: 0) }
    }
}
