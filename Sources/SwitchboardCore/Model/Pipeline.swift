import Foundation

/// A CI job: one attempt of it (a retry makes a new job with a new id).
public struct Job: Codable, Sendable, Hashable, Identifiable {
    public var id: Int
    public var name: String
    public var stage: String
    public var status: JobStatus
    public var tags: [String]
    public var runnerID: Int?
    public var isManual: Bool
    /// The deployment environment (`development`, `production`) when the job deploys.
    public var environment: String?
    public var attempt: Int
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var failureReason: String?

    public init(
        id: Int,
        name: String,
        stage: String,
        status: JobStatus,
        tags: [String],
        runnerID: Int?,
        isManual: Bool,
        environment: String?,
        attempt: Int,
        createdAt: Date,
        startedAt: Date?,
        finishedAt: Date?,
        failureReason: String?
    ) {
        self.id = id
        self.name = name
        self.stage = stage
        self.status = status
        self.tags = tags
        self.runnerID = runnerID
        self.isManual = isManual
        self.environment = environment
        self.attempt = attempt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.failureReason = failureReason
    }

    /// Whether the environment is production by any usual name: `production`, `prod`, `aws/production`,
    /// `eu-prod-1`, `live`.
    public var deploysToProduction: Bool { environment.map(Self.namesProduction) ?? false }

    /// Whether `text` names production by any of those words (an environment, or a job's name and stage).
    public static func namesProduction(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.contains { word in
            ["prod", "production", "prd", "live"].contains(word)
                || (word.hasPrefix("prod") && word.dropFirst(4).allSatisfy(\.isNumber))
        }
    }

    /// Seconds run so far (or in all, once finished).
    public func duration(at now: Date) -> TimeInterval? {
        guard let startedAt else { return nil }
        return (finishedAt ?? now).timeIntervalSince(startedAt)
    }
}

/// A stage of a pipeline with its jobs, in order.
public struct Stage: Codable, Sendable, Hashable {
    public var name: String
    public var jobs: [Job]

    public init(name: String, jobs: [Job]) {
        self.name = name
        self.jobs = jobs
    }

    public var status: JobStatus { Pipeline.aggregate(jobs.map(\.status)) }
}

/// A pipeline run of one project on one ref.
public struct Pipeline: Codable, Sendable, Hashable, Identifiable {
    public var id: Int
    public var project: String
    public var ref: String
    public var sha: String
    public var source: String
    public var status: JobStatus
    public var createdAt: Date
    public var updatedAt: Date
    public var stages: [Stage]

    public init(
        id: Int,
        project: String,
        ref: String,
        sha: String,
        source: String,
        status: JobStatus,
        createdAt: Date,
        updatedAt: Date,
        stages: [Stage]
    ) {
        self.id = id
        self.project = project
        self.ref = ref
        self.sha = sha
        self.source = source
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.stages = stages
    }

    public var jobs: [Job] { stages.flatMap(\.jobs) }

    public func job(id: Int) -> Job? { jobs.first { $0.id == id } }

    /// GitLab's way of summing job states into a stage or pipeline state.
    public static func aggregate(_ statuses: [JobStatus]) -> JobStatus {
        if statuses.isEmpty { return .created }
        if statuses.contains(.running) || statuses.contains(.canceling) { return .running }
        if statuses.contains(.pending) || statuses.contains(.preparing) || statuses.contains(.waitingForResource) {
            return .pending
        }
        if statuses.contains(.failed) { return .failed }
        if statuses.contains(.canceled) { return .canceled }
        if statuses.allSatisfy({ $0 == .skipped }) { return .skipped }
        if statuses.contains(.manual) { return .manual }
        if statuses.contains(.created) || statuses.contains(.scheduled) {
            return statuses.contains(.success) ? .running : .created
        }
        return .success
    }
}
