/// What a job does, which decides its log.
enum DemoJobKind: Sendable {
    case terraformFormat
    case terraformPlan
    case terraformApply
    case lint
    case dockerBuild
    case imageScan
    case compile
    case unitTests
    case browserTests
    case deploy
}

/// One job of a project's pipeline definition.
struct DemoJobSpec: Sendable {
    let name: String
    let stage: Int
    /// Index into `DemoRunnerFleet.poolNames`.
    let pool: Int
    let kind: DemoJobKind
    let environment: String?
    let isManual: Bool
    /// Seconds from start to finish when it passes.
    let duration: ClosedRange<Double>
    /// The image the job runs in (for the log).
    let image: String

    init(
        _ name: String,
        stage: Int,
        pool: Int,
        kind: DemoJobKind,
        environment: String? = nil,
        isManual: Bool = false,
        duration: ClosedRange<Double>,
        image: String
    ) {
        self.name = name
        self.stage = stage
        self.pool = pool
        self.kind = kind
        self.environment = environment
        self.isManual = isManual
        self.duration = duration
        self.image = image
    }

    var isBig: Bool { pool == 2 }
}
