import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct RunnerTests {
    @Test func poolsAtScaleOne() async throws {
        let inventory = try await DemoFixture().backend.runners()
        #expect(inventory.pools.map(\.name) == ["small", "medium", "big"])
        #expect(inventory.pools.map(\.runners.count) == [6, 4, 3])
        #expect(inventory.pools.map { $0.runners.first?.concurrency } == [4, 2, 1])
        let runners = inventory.pools.flatMap(\.runners)
        #expect(runners.filter { $0.status == .stale }.count == 1)
        #expect(runners.filter(\.paused).count == 1)
        #expect(runners.allSatisfy { $0.executor == "kubernetes" && $0.contactedAt != nil })
        #expect(Set(runners.map(\.id)).count == runners.count)
        for pool in inventory.pools {
            #expect(pool.tags == [pool.name])
            #expect(pool.runners.allSatisfy { $0.tags.contains(pool.name) })
            #expect(pool.runners.allSatisfy { $0.description.hasPrefix("\(pool.name)-gitlab-runner-") })
        }
    }

    @Test func runningJobsAgreeWithTheFeed() async throws {
        let fixture = DemoFixture()
        for _ in 0..<40 {
            let jobs = try await fixture.jobs()
            let inventory = try await fixture.backend.runners()
            var running: [Int: Int] = [:]
            for job in jobs where job.status == .running {
                running[try #require(job.runnerID), default: 0] += 1
            }
            let runners = inventory.pools.flatMap(\.runners)
            for runner in runners {
                #expect(runner.runningJobs == running[runner.id, default: 0])
            }
            #expect(running.keys.allSatisfy { id in runners.contains { $0.id == id } })
            for pool in inventory.pools {
                let queued = jobs.filter { $0.status == .pending && $0.tags.contains(pool.name) }.count
                #expect(pool.queuedJobs == queued)
                let ids = Set(pool.runners.map(\.id))
                #expect(jobs.filter { $0.tags == [pool.name] }.compactMap(\.runnerID).allSatisfy(ids.contains))
            }
            fixture.clock.advance(by: 377)
        }
    }

    @Test func runnersDropOutNowAndThen() async throws {
        let fixture = DemoFixture()
        var sawOffline = false
        var sawOnlineAgain = false
        var offlineIDs: Set<Int> = []
        for _ in 0..<(24 * 20) {
            let runners = try await fixture.backend.runners().pools.flatMap(\.runners)
            for runner in runners where runner.status == .offline {
                sawOffline = true
                offlineIDs.insert(runner.id)
                #expect(runner.runningJobs == 0)
            }
            if runners.contains(where: { offlineIDs.contains($0.id) && $0.status == .online }) { sawOnlineAgain = true }
            fixture.clock.advance(by: 180)
        }
        #expect(sawOffline && sawOnlineAgain)
    }

    @Test func agentsComeAndGo() async throws {
        let fixture = DemoFixture()
        let first = try await fixture.backend.runners().agentTemplates
        #expect(first.map(\.label) == ["AgentAccountDevelopment", "AgentAccountProduction", "AgentAccountAdmin"])
        #expect(first.allSatisfy { $0.cluster == "jenkins-agents" && $0.taskDefinition.hasPrefix("jenkins-agent-") })
        let organization = try await fixture.backend.organization()
        let jenkins = try #require(organization.accounts.first { $0.name == "jenkins" })
        var seen: Set<String> = []
        for _ in 0..<48 {
            for template in try await fixture.backend.runners().agentTemplates {
                #expect(template.taskRoleARN.hasPrefix("arn:aws:iam::\(jenkins.id):role/deploy-role-agent-"))
                for agent in template.agents {
                    #expect(agent.taskARN.hasPrefix("arn:aws:ecs:eu-central-1:\(jenkins.id):task/jenkins-agents/"))
                    #expect(agent.taskARN.split(separator: "/").last?.count == 32)
                    #expect(agent.status == "RUNNING" && agent.startedAt <= fixture.now && agent.job != nil)
                    seen.insert(agent.taskARN)
                }
            }
            fixture.clock.advance(by: 300)
        }
        #expect(seen.count > 10)
    }
}
