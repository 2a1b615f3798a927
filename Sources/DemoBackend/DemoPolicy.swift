import SwitchboardCore

/// Builds IAM policy documents (version 2012-10-17, a `Statement` array, a `Sid` on every statement) as real JSON,
/// so the trust analyser reads the demo estate exactly as it would read IAM's answers.
enum DemoPolicy {
    static let version = "2012-10-17"

    static func document(_ statements: [JSONValue]) -> PolicyDocument {
        let root = JSONValue.object([("Version", .string(version)), ("Statement", .array(statements))])
        return PolicyDocument(json: root.rendered())
    }

    static func statement(
        sid: String,
        effect: String = "Allow",
        principal: JSONValue? = nil,
        actions: [String] = [],
        notActions: [String] = [],
        resources: [String] = [],
        condition: JSONValue? = nil
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("Sid", .string(sid)), ("Effect", .string(effect))]
        if let principal { members.append(("Principal", principal)) }
        if !actions.isEmpty { members.append(("Action", .strings(actions))) }
        if !notActions.isEmpty { members.append(("NotAction", .strings(notActions))) }
        if !resources.isEmpty { members.append(("Resource", .strings(resources))) }
        if let condition { members.append(("Condition", condition)) }
        return .object(members)
    }

    /// `{"Service": "ec2.amazonaws.com"}`
    static func service(_ name: String) -> JSONValue { .object([("Service", .string(name))]) }

    /// `{"AWS": "arn:…"}`
    static func aws(_ arn: String) -> JSONValue { .object([("AWS", .string(arn))]) }

    /// A trust policy letting `principal` call `sts:AssumeRole`.
    static func trust(sid: String, principal: JSONValue, condition: JSONValue? = nil) -> PolicyDocument {
        document([statement(sid: sid, principal: principal, actions: ["sts:AssumeRole"], condition: condition)])
    }

    /// `*` on `*`: AWS's `AdministratorAccess`.
    static let administratorAccess = NamedPolicy(
        name: "AdministratorAccess",
        arn: "arn:aws:iam::aws:policy/AdministratorAccess",
        document: document([statement(sid: "AllowEverything", actions: ["*"], resources: ["*"])])
    )
}
