import Foundation
import SwitchboardCore
import Testing
@testable import DemoBackend

@Test func explore() async throws {
    let clock = ManualClock(DemoBackend.epoch)
    let backend = DemoBackend(clock: clock)
    for offset: TimeInterval in [0, 600, 3600, 21_600] {
        clock.set(DemoBackend.epoch + offset)
        let pipelines = try await backend.pipelines()
        let jobs = pipelines.flatMap(\.jobs)
        var counts: [JobStatus: Int] = [:]
        for job in jobs { counts[job.status, default: 0] += 1 }
        print("t+\(offset): pipelines \(pipelines.count) jobs \(jobs.count)", counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" })
        var pcounts: [JobStatus: Int] = [:]
        for p in pipelines { pcounts[p.status, default: 0] += 1 }
        print("  pipelines:", pcounts.map { "\($0.key.rawValue)=\($0.value)" })
        let inv = try await backend.runners()
        for pool in inv.pools {
            print("  pool \(pool.name) queued \(pool.queuedJobs) busy \(pool.busy) cap \(pool.capacity)", pool.runners.map { "\($0.status.rawValue)\($0.paused ? "P" : ""):\($0.runningJobs)/\($0.concurrency)" })
        }
        print("  agents", inv.agentTemplates.map { "\($0.label):\($0.agents.count)" })
    }
    clock.set(DemoBackend.epoch)
    let pipelines = try await backend.pipelines()
    for p in pipelines.prefix(6) {
        print(p.id, p.project, p.ref, p.source, p.status.rawValue, p.createdAt, p.updatedAt)
        for s in p.stages {
            print("   ", s.name, s.jobs.map { "\($0.id) \($0.name) \($0.status.rawValue) r\($0.runnerID.map(String.init) ?? "-") \($0.failureReason ?? "")" })
        }
    }
    if let running = pipelines.flatMap(\.jobs).first(where: { $0.status == .running }) {
        let log = try await backend.log(jobID: running.id, from: 0)
        print(log.lines.joined(separator: "\n"))
    }
    if let failed = pipelines.flatMap(\.jobs).first(where: { $0.status == .failed }) {
        let log = try await backend.log(jobID: failed.id, from: 0)
        print(log.lines.suffix(30).joined(separator: "\n"))
    }
    let org = try await backend.organization()
    print(org.id, org.root.id, org.accounts.map { "\($0.name)=\($0.id)" })
    let inv = try await backend.identityInventory()
    print(inv.roles.map(\.arn).joined(separator: "\n"))
    print(inv.roles[1].inlinePolicies[0].document.json)
    print(inv.bindings)
}
