/// The job's own output: a fixed opening (the commands), a long middle made line by line, a fixed close; plus
/// the closing lines of a pass or a failure. Line `i` depends only on (job, i).
struct DemoLogScript {
    let context: DemoLogContext
    let opening: [String]
    let closing: [String]

    init(context: DemoLogContext) {
        self.context = context
        let parts = Self.parts(context)
        let room = max(0, context.bodyLength - 1)
        opening = Array(parts.opening.prefix(room))
        closing = Array(parts.closing.prefix(max(0, room - opening.count)))
    }

    func body(_ index: Int) -> String {
        if index < opening.count { return opening[index] }
        let fromEnd = context.bodyLength - index
        if fromEnd <= closing.count { return closing[closing.count - fromEnd] }
        var random = SeededRandom(context.key, UInt64(index))
        return middle(index - opening.count, random: &random)
    }

    func successFooter() -> [String] {
        [
            "Saving cache for successful job",
            "Creating cache \(context.cacheKey)-protected...",
            "Uploading cache.zip to s3://\(context.cacheBucket)/runner/project/\(context.project.gitLabID)/",
            "Created cache",
            "Cleaning up project directory and file based variables",
            "Job succeeded",
        ]
    }

    func failureFooter(reason: String, attempt: DemoAttempt) -> [String] {
        let cleanup = "Cleaning up project directory and file based variables"
        switch reason {
        case "runner_system_failure":
            return [
                "WARNING: Event retrieved from the cluster: Node is draining for a scale-down",
                cleanup,
                "ERROR: Job failed (system failure): pod \"gitlab-runner/\(context.pod)\" is disrupted: "
                    + "reason \"EvictionByEvictionAPI\"",
            ]
        case "stuck_or_timeout_failure":
            let minutes = Int((attempt.fullDuration / 60).rounded(.down))
            return ["ERROR: Job failed: execution took longer than \(max(1, minutes))m0s seconds"]
        default:
            return scriptError() + [cleanup, "ERROR: Job failed: exit code 1"]
        }
    }
}
