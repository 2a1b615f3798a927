import DemoBackend
import SwitchboardCore
import SwitchboardTesting
import Testing

/// The demo backend keeps every promise of the shared backend conformance suite, at any time and scale.
@Suite struct ConformanceTests {
    @Test(arguments: [0.0, 600, 7200])
    func conforms(at offset: Double) async {
        let clock = ManualClock(DemoBackend.epoch.addingTimeInterval(offset))
        let failures = await BackendConformance.run(DemoBackend(clock: clock))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func conformsAtScale() async {
        let clock = ManualClock(DemoBackend.epoch)
        let failures = await BackendConformance.run(DemoBackend(scale: 20, clock: clock))
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The suite itself must catch a broken backend, or passing it would mean nothing.
    @Test func catchesABrokenBackend() async {
        struct Broken: OrganizationSource, PipelineSource, JobActions {
            var name: String { "broken" }
            var kind: String { "broken" }
            func organization() async throws -> Organization {
                let account = Account(id: "12345", name: "short-id", email: "x@example.com", environment: .shared)
                let root = OrganizationalUnit(
                    id: "r-1",
                    name: "Root",
                    accounts: [account, account],
                    policyIDs: ["p-x"]
                )
                return Organization(id: "o-1", managementAccountID: "12345", root: root, policies: [])
            }
            func pipelines() async throws -> [Pipeline] { [] }
            func log(jobID: Int, from offset: Int) async throws -> LogChunk {
                LogChunk(jobID: jobID, offset: offset, lines: [], isComplete: true)
            }
            func retry(jobID: Int) async throws -> Job { throw BackendError(.invalidState, "no") }
            func cancel(jobID: Int) async throws -> Job { throw BackendError(.invalidState, "no") }
            func play(jobID: Int) async throws -> Job { throw BackendError(.invalidState, "no") }
            func retryPipeline(pipelineID: Int) async throws -> Pipeline { throw BackendError(.invalidState, "no") }
        }
        let failures = await BackendConformance.run(Broken())
        #expect(failures.contains { $0.contains("not 12 digits") })
        #expect(failures.contains { $0.contains("account ids repeat") })
        #expect(failures.contains { $0.contains("unknown policy p-x") })
        #expect(failures.contains { $0.contains("log of an unknown job did not throw") })
        #expect(failures.contains { $0.contains("retry of an unknown job threw invalidState") })
    }
}
