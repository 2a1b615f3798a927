/// A GitLab project and its pipeline definition. Pipeline `n` of a project is created at
/// `firstPipeline + phase + n * interval + jitter(n)`, with the jitter under half an interval, so consecutive
/// pipelines come four to twelve minutes apart and the latest one before any time is found in O(1).
struct DemoProject: Sendable {
    enum Template: Sendable, CaseIterable {
        case terraform
        case images
        case service
        case frontend
        case etl
    }

    static let interval = 480.0
    static let maxJitter = 240.0
    /// The first pipeline of every project, in seconds from the epoch: history goes back this far.
    static let firstPipeline = -36 * 3_600.0
    static let deployStages = ["deploy-development", "deploy-production"]

    let index: Int
    let path: String
    let template: Template
    let gitLabID: Int
    let phase: Double
    let stages: [String]
    let jobs: [DemoJobSpec]
    /// Jobs of a pipeline that does not deploy (merge requests): the jobs before the deploy stages.
    let buildJobCount: Int

    init(index: Int, path: String, template: Template, seed: UInt64) {
        self.index = index
        self.path = path
        self.template = template
        var random = SeededRandom(seed, 0x7072_6F6A, UInt64(index))
        gitLabID = 4_000 + index * 7 + random.int(in: 0...6)
        phase = random.double(in: 0...(Self.interval - 1))
        let definition = Self.definition(template)
        stages = definition.stages + Self.deployStages
        let deployStage = definition.stages.count
        let deployJob = definition.deployJob
        jobs =
            definition.jobs + [
                DemoJobSpec(
                    "\(deployJob)-development",
                    stage: deployStage,
                    pool: 0,
                    kind: definition.deployKind,
                    environment: "development",
                    duration: 60...200,
                    image: definition.deployImage
                ),
                DemoJobSpec(
                    "\(deployJob)-production",
                    stage: deployStage + 1,
                    pool: 0,
                    kind: definition.deployKind,
                    environment: "production",
                    isManual: true,
                    duration: 60...240,
                    image: definition.deployImage
                ),
            ]
        buildJobCount = definition.jobs.count
    }

    /// The creation time of pipeline `number` (seconds from the epoch).
    func createdAt(_ number: Int, seed: UInt64) -> Double {
        let jitter = SeededRandom.unit(SeededRandom.hash(seed, 0x6A69_7474, UInt64(index), UInt64(number)))
        return Self.firstPipeline + phase + Double(number) * Self.interval + jitter * Self.maxJitter
    }

    /// The number of the latest pipeline created at or before `time`, if any.
    func latestPipeline(at time: Double, seed: UInt64) -> Int? {
        let guess = Int(((time - Self.firstPipeline - phase) / Self.interval).rounded(.down))
        if guess < 0 { return nil }
        if createdAt(guess, seed: seed) <= time { return guess }
        return guess >= 1 ? guess - 1 : nil
    }

    /// The catalogue: five projects, and with `scale` k > 1 another 2(k-1) team projects.
    static func catalogue(seed: UInt64, scale: Int) -> [DemoProject] {
        var projects = [
            DemoProject(index: 0, path: "platform/infrastructure", template: .terraform, seed: seed),
            DemoProject(index: 1, path: "platform/runner-images", template: .images, seed: seed),
            DemoProject(index: 2, path: "payments/api", template: .service, seed: seed),
            DemoProject(index: 3, path: "web/frontend", template: .frontend, seed: seed),
            DemoProject(index: 4, path: "data/etl", template: .etl, seed: seed),
        ]
        let extra = max(0, scale - 1) * 2
        let kinds: [(Template, String)] = [(.service, "api"), (.frontend, "web"), (.etl, "etl"), (.terraform, "infra")]
        for number in 0..<extra {
            let (template, name) = kinds[number % kinds.count]
            let path = "\(DemoOrganization.teamName(number / kinds.count + 1))/\(name)"
            projects.append(DemoProject(index: projects.count, path: path, template: template, seed: seed))
        }
        return projects
    }
}
