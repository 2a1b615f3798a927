import Foundation
import SwitchboardCore

// The shapes GitLab's REST v4 answers come in, as far as Switchboard reads them. Every field that GitLab
// documents as nullable, deprecated or version-dependent is optional; statuses decode as open enums.

struct APIProject: Decodable, Sendable {
    var id: Int
    var path_with_namespace: String
    var archived: Bool?
}

struct APIPipeline: Decodable, Sendable {
    var id: Int
    var iid: Int?
    var project_id: Int
    var status: JobStatus
    var source: String?
    var ref: String?
    var sha: String?
    var created_at: Date?
    var updated_at: Date?
}

struct APIPipelineRef: Decodable, Sendable {
    var id: Int
    var project_id: Int?
    var ref: String?
    var sha: String?
    var status: JobStatus?
    var updated_at: Date?
}

struct APIRunnerRef: Decodable, Sendable {
    var id: Int
    var description: String?
}

/// A job's `project`: only `/runners/:id/jobs` carries the id and path; elsewhere it is
/// `{"ci_job_token_scope_enabled": false}`.
struct APIProjectRef: Decodable, Sendable {
    var id: Int?
    var path_with_namespace: String?
}

struct APIJob: Decodable, Sendable {
    var id: Int
    var name: String
    var stage: String?
    var status: JobStatus
    var tag_list: [String]?
    var failure_reason: String?
    var allow_failure: Bool?
    var created_at: Date?
    var started_at: Date?
    var finished_at: Date?
    var duration: Double?
    var queued_duration: Double?
    var runner: APIRunnerRef?
    var pipeline: APIPipelineRef?
    var project: APIProjectRef?
    /// Bridges (trigger jobs) only: the pipeline they started.
    var downstream_pipeline: APIPipelineRef?
}

struct APIRunner: Decodable, Sendable {
    var id: Int
    var description: String?
    var name: String?
    var paused: Bool?
    var active: Bool?
    var runner_type: String?
    var online: Bool?
    var status: String?
    // Detail only (`GET /runners/:id`).
    var tag_list: [String]?
    var version: String?
    var contacted_at: Date?
    var platform: String?
    var architecture: String?

    /// GitLab's status, with the legacy `active`/`paused` values mapped through `online`.
    var liveness: RunnerStatus {
        if let status, let known = RunnerStatus(rawValue: status) { return known }
        return online == true ? .online : .offline
    }

    var isPaused: Bool { paused ?? (active.map { !$0 } ?? (status == "paused")) }
}

struct APIRunnerManager: Decodable, Sendable {
    var id: Int?
    var system_id: String?
    var version: String?
    var platform: String?
    var architecture: String?
    var status: String?
    var contacted_at: Date?
}

struct APIDeployment: Decodable, Sendable {
    struct Environment: Decodable, Sendable { var name: String }
    struct Deployable: Decodable, Sendable { var id: Int }
    var id: Int
    var status: String?
    var updated_at: Date?
    var environment: Environment?
    var deployable: Deployable?
}

/// The decoder for every answer: GitLab's dates in any offset, nulls as nil.
enum GitLabJSON {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = GitLabDate.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "\"\(text.prefix(40))\" is not an ISO 8601 time"
                )
            }
            return date
        }
        return decoder
    }

    /// A decoding failure as a short phrase naming the field.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(type(of: error))" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the answer" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type)"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .keyNotFound(let key, let context):
            return "\(path(context)) lacks \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return "it could not be decoded"
        }
    }
}
