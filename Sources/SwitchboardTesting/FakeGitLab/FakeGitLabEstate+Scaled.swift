import Foundation

extension FakeGitLabEstate {
    /// A large estate for benchmarks, in group `platform` (10): `pools` runner pools (tags `small`, `medium`,
    /// `big`, then `pool-3`…), `runnersPerPool` runners each (ids from 10000, 2–4 pods; every tenth offline,
    /// every seventeenth paused, every fifth with a pod silent for 3 h), `projects` projects
    /// `platform/service-000`… (ids from 1000) with `pipelinesPerProject` pipelines (ids from 100000) of
    /// `jobsPerPipeline` jobs (ids from 1000000) over four stages. Each project's newest pipeline is running
    /// (half done, one job running, the rest of its stage pending, later stages created); one older pipeline in
    /// three failed (`script_failure`).
    public static func scaled(
        pools: Int = 3,
        runnersPerPool: Int = 20,
        projects: Int = 50,
        pipelinesPerProject: Int = 5,
        jobsPerPipeline: Int = 8,
        now: Date = epoch
    ) -> FakeGitLab.State {
        var b = Builder(now: now)
        b.state.add(FakeGitLab.Group(id: Seed.group, fullPath: "platform"))
        let names = ["small", "medium", "big"]
        let tags = (0..<max(1, pools)).map { $0 < names.count ? names[$0] : "pool-\($0)" }
        var runnerID = 10_000
        for tag in tags {
            for index in 0..<max(0, runnersPerPool) {
                let offline = index % 10 == 9
                let pods = (0..<(2 + index % 3)).map { pod -> (contactedAgo: Double?, version: String) in
                    let silent = offline || (index % 5 == 4 && pod == 0)
                    return (silent ? 10_800 : Double((index * 7 + pod * 13) % 60), index % 4 == 3 ? "17.4.0" : "17.5.1")
                }
                b.runner(
                    runnerID,
                    "\(tag)-\(index)",
                    tags: [tag],
                    status: offline ? .offline : .online,
                    paused: index % 17 == 16,
                    groups: [Seed.group],
                    pods: pods
                )
                runnerID += 1
            }
        }
        let stages = ["build", "test", "package", "deploy"]
        let perPipeline = max(1, jobsPerPipeline)
        var pipelineID = 100_000
        var jobID = 1_000_000
        for index in 0..<max(0, projects) {
            let projectID = 1_000 + index
            let tag = tags[index % tags.count]
            let name = "service-" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
            b.state.add(
                FakeGitLab.Project(
                    id: projectID,
                    pathWithNamespace: "platform/" + name,
                    groupID: Seed.group,
                    description: "Service \(index) (pool \(tag))",
                    createdAt: b.ago(86_400 * 200)
                )
            )
            let count = max(0, pipelinesPerProject)
            for number in 0..<count {
                let newest = number == count - 1
                let failing = !newest && (index + number) % 3 == 0
                let minutes = Double((count - number) * 60 + index % 30 + perPipeline)
                b.pipeline(
                    pipelineID,
                    iid: number + 1,
                    project: projectID,
                    minutesAgo: newest ? minutes - 60 : minutes,
                    title: "Change \(number + 1) to \(name)"
                )
                let cut = perPipeline / 2
                let cutStage = stages[cut * stages.count / perPipeline]
                for job in 0..<perPipeline {
                    let stage = stages[job * stages.count / perPipeline]
                    let start = Double(job * 40 + 5)
                    let run = Double(20 + (job * 37 + index * 11) % 120)
                    var status = FakeGitLab.Status.success
                    var failure: String?
                    if newest {
                        status = job < cut ? .success : job == cut ? .running : stage == cutStage ? .pending : .created
                    } else if failing && job == cut {
                        status = .failed
                        failure = "script_failure"
                    } else if failing && job > cut && stage != cutStage {
                        status = .skipped
                    }
                    let ran = [.success, .failed, .running].contains(status)
                    b.job(
                        job,
                        of: pipelineID,
                        "\(stage)-\(job)",
                        stage: stage,
                        status,
                        tags: [tag],
                        start: ran ? start : nil,
                        run: ran ? run : nil,
                        failure: failure,
                        id: jobID
                    )
                    jobID += 1
                }
                pipelineID += 1
            }
        }
        var state = b.finish()
        state.nextJobID = max(state.nextJobID, jobID)
        state.nextPipelineID = max(state.nextPipelineID, pipelineID)
        return state
    }
}
