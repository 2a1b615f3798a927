/// What a job's log talks about: the project, the runner and pod, the image, the account it deploys to.
struct DemoLogContext {
    let project: DemoProject
    let spec: DemoJobSpec
    let jobID: Int
    let ref: String
    let sha: String
    let runner: DemoRunnerFleet.Entry
    let registry: String
    let cacheBucket: String
    /// The account a deploy or terraform job works in.
    let accountID: String
    /// The environment a job works on (`development` for jobs that do not deploy).
    let environment: String
    let key: UInt64
    let bodyLength: Int
    let pod: String

    init(found: DemoLocatedJob, runner: DemoRunnerFleet.Entry, layout: DemoOrganization) {
        project = found.project
        spec = found.spec
        jobID = found.attempt.id
        ref = found.run.ref
        sha = found.run.sha
        self.runner = runner
        registry = "\(layout.cicd.id).dkr.ecr.eu-central-1.amazonaws.com"
        cacheBucket = "cicd-\(layout.cicd.id)-gitlab-runner-cache"
        environment = spec.environment ?? "development"
        accountID = environment == "production" ? layout.production.id : layout.development.id
        key = SeededRandom.hash(0x6C6F_67, UInt64(hashing: jobID))
        var random = SeededRandom(key, 0)
        bodyLength = Self.length(spec.kind, random: &random)
        let alphabet = SeededRandom.lowerAlphanumerics
        pod =
            "runner-\(random.string(8, from: alphabet))-project-\(project.gitLabID)-concurrent-0-"
            + random.string(5, from: alphabet)
    }

    var shortSHA: String { String(sha.prefix(8)) }

    var banner: String { "Running with gitlab-runner \(runner.version) (\(DemoLog.revision))" }

    /// The service a deploy job rolls out.
    var service: String { project.path.replacingOccurrences(of: "/", with: "-") }

    var cacheKey: String { "\(spec.name)-\(project.gitLabID)" }

    /// The lines before the job's script: runner, executor, pod, checkout, cache.
    func header() -> [String] {
        [
            banner,
            "  on \(runner.description) (#\(runner.id))",
            "Preparing the \"kubernetes\" executor",
            "Using Kubernetes namespace: gitlab-runner",
            "Using Kubernetes executor with image \(registry)/\(spec.image) ...",
            "Using attach strategy to execute scripts...",
            "Preparing environment",
            "Waiting for pod gitlab-runner/\(pod) to be running, status is Pending",
            "Running on \(pod) via \(runner.description)...",
            "Getting source from Git repository",
            "Fetching changes with git depth set to 20...",
            "Initialized empty Git repository in /builds/\(project.path)/.git/",
            "Created fresh repository.",
            "Checking out \(shortSHA) as detached HEAD (ref is \(ref))...",
            "Skipping Git submodules setup",
            "Restoring cache",
            "Checking cache for \(cacheKey)-protected...",
            "Successfully extracted cache",
            "Executing \"step_script\" stage of the job script",
        ]
    }

    /// How many lines the job's own output has: big jobs write thousands.
    private static func length(_ kind: DemoJobKind, random: inout SeededRandom) -> Int {
        switch kind {
        case .terraformFormat, .lint: return random.int(in: 30...120)
        case .terraformPlan, .terraformApply: return random.int(in: 80...260)
        case .dockerBuild: return random.int(in: 150...450)
        case .imageScan, .deploy: return random.int(in: 40...110)
        case .unitTests: return random.int(in: 120...400)
        case .compile, .browserTests: return random.int(in: 2_000...5_000)
        }
    }
}
