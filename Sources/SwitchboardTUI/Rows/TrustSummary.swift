import Foundation
import SwitchboardCore

/// The principals a trust policy's Allow statements name, shortened for the detail pane (`root`,
/// `ecs-tasks`, `cicd-kube2iam-gitlab_runner_role`). The trust analyser does the real evaluation; this only
/// labels.
enum TrustSummary {
    private struct Document: Decodable {
        var Statement: OneOrMany<Statement>
    }

    private struct Statement: Decodable {
        var Effect: String
        var Principal: Principal?
    }

    private enum Principal: Decodable {
        case any
        case named([String: OneOrMany<String>])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self), text == "*" {
                self = .any
            } else {
                self = .named(try container.decode([String: OneOrMany<String>].self))
            }
        }
    }

    private enum OneOrMany<T: Decodable>: Decodable {
        case one(T)
        case many([T])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let many = try? container.decode([T].self) {
                self = .many(many)
            } else {
                self = .one(try container.decode(T.self))
            }
        }

        var values: [T] {
            switch self {
            case .one(let value): return [value]
            case .many(let values): return values
            }
        }
    }

    /// `arn:aws:iam::123:root` → `123 root`; a role ARN → its name; `ecs-tasks.amazonaws.com` → `ecs-tasks`.
    static func short(_ principal: String) -> String {
        let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn" {
            if parts[5] == "root" { return "\(parts[4]) root" }
            return parts[5].split(separator: "/").last.map(String.init) ?? String(parts[5])
        }
        return principal.replacingOccurrences(of: ".amazonaws.com", with: "")
    }

    static func principals(_ document: PolicyDocument) -> String? {
        guard let parsed = try? JSONDecoder().decode(Document.self, from: Data(document.json.utf8)) else { return nil }
        var names: [String] = []
        for statement in parsed.Statement.values where statement.Effect == "Allow" {
            switch statement.Principal {
            case .any: names.append("*")
            case .named(let map):
                for key in map.keys.sorted() {
                    for principal in map[key]?.values ?? [] { names.append(short(principal)) }
                }
            case nil: break
            }
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
