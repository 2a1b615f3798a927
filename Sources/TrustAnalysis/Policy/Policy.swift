import Foundation

/// A parsed IAM policy document.
public struct Policy: Hashable, Sendable {
    public var origin: PolicyOrigin
    public var version: String?
    public var statements: [Statement]

    public init(origin: PolicyOrigin, version: String? = "2012-10-17", statements: [Statement]) {
        self.origin = origin
        self.version = version
        self.statements = statements
    }

    /// Parses a document as IAM returns it: JSON, or URL-encoded JSON (what the IAM API sends). Errors name
    /// the policy and the JSON path of what is wrong.
    public static func parse(_ text: String, origin: PolicyOrigin) throws(PolicyError) -> Policy {
        var source = text
        if text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "%") {
            source = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let decoded = source.removingPercentEncoding else {
                throw PolicyError(origin: origin, path: "$", message: "malformed URL encoding")
            }
            source = decoded
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(source)
        } catch {
            throw PolicyError(origin: origin, path: "$", message: "not JSON: \(error.message) at byte \(error.offset)")
        }
        return try PolicyReader(origin: origin).policy(json)
    }
}

/// Turns JSON into a `Policy`, strictly: what IAM would reject is an error at its path.
private struct PolicyReader {
    let origin: PolicyOrigin

    func fail(_ path: String, _ message: String) -> PolicyError {
        PolicyError(origin: origin, path: path, message: message)
    }

    func policy(_ json: JSONValue) throws(PolicyError) -> Policy {
        guard case .object(let members) = json else { throw fail("$", "must be a JSON object") }
        var version: String?
        var statements: [Statement]?
        for member in members {
            let path = "$.\(member.key)"
            switch member.key {
            case "Version":
                guard case .string(let v) = member.value else { throw fail(path, "must be a string") }
                guard v == "2012-10-17" || v == "2008-10-17" else {
                    throw fail(path, "\"\(v)\" is not a policy language version (2012-10-17)")
                }
                version = v
            case "Id":
                guard case .string = member.value else { throw fail(path, "must be a string") }
            case "Statement":
                switch member.value {
                case .object: statements = [try statement(member.value, index: 0, path: path)]
                case .array(let items):
                    var list: [Statement] = []
                    for (i, item) in items.enumerated() {
                        list.append(try statement(item, index: i, path: "\(path)[\(i)]"))
                    }
                    statements = list
                default: throw fail(path, "must be an object or an array of statements, not \(member.value.typeName)")
                }
            default:
                throw fail(path, "unknown element; a policy has Version, Id and Statement")
            }
        }
        guard let statements else { throw fail("$", "has no Statement") }
        return Policy(origin: origin, version: version, statements: statements)
    }

    func statement(_ json: JSONValue, index: Int, path: String) throws(PolicyError) -> Statement {
        guard case .object(let members) = json else { throw fail(path, "a statement must be an object") }
        let result = Statement(
            origin: origin,
            index: index,
            sid: nil,
            effect: .allow,
            action: nil,
            notAction: nil,
            resource: nil,
            notResource: nil,
            principal: nil,
            notPrincipal: nil,
            conditions: []
        )
        var sawEffect = false
        for member in members {
            // Paths are only spelled out when something is wrong: most documents are fine.
            func here() -> String { "\(path).\(member.key)" }
            switch member.key {
            case "Sid":
                guard case .string(let sid) = member.value else { throw fail(here(), "must be a string") }
                result.sid = sid
            case "Effect":
                guard case .string(let text) = member.value, let effect = Effect(rawValue: text) else {
                    throw fail(here(), "must be \"Allow\" or \"Deny\"")
                }
                result.effect = effect
                sawEffect = true
            case "Action": result.action = PatternSet(try strings(member.value, here()), caseInsensitive: true)
            case "NotAction": result.notAction = PatternSet(try strings(member.value, here()), caseInsensitive: true)
            case "Resource": result.resource = PatternSet(try strings(member.value, here()))
            case "NotResource": result.notResource = PatternSet(try strings(member.value, here()))
            case "Principal": result.principal = try principal(member.value, here())
            case "NotPrincipal": result.notPrincipal = try principal(member.value, here())
            case "Condition": result.conditions = try conditions(member.value, here())
            default:
                throw fail(here(), "unknown element in a statement")
            }
        }
        guard sawEffect else { throw fail(path, "has no Effect") }
        guard (result.action == nil) != (result.notAction == nil) else {
            throw fail(path, "needs exactly one of Action and NotAction")
        }
        if result.resource != nil && result.notResource != nil {
            throw fail(path, "has both Resource and NotResource")
        }
        if result.principal != nil && result.notPrincipal != nil {
            throw fail(path, "has both Principal and NotPrincipal")
        }
        return result
    }

    func strings(_ json: JSONValue, _ path: @autoclosure () -> String) throws(PolicyError) -> [String] {
        switch json {
        case .string(let s): return [s]
        case .array(let items):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else {
                    throw fail("\(path())[\(i)]", "must be a string, not \(item.typeName)")
                }
                out.append(s)
            }
            return out
        default:
            throw fail(path(), "must be a string or an array of strings, not \(json.typeName)")
        }
    }

    func principal(_ json: JSONValue, _ path: @autoclosure () -> String) throws(PolicyError) -> PrincipalSet {
        if case .string(let s) = json {
            guard s == "*" else { throw fail(path(), "a string principal must be \"*\"; use {\"AWS\": \"…\"}") }
            return PrincipalSet(isAnyone: true)
        }
        guard case .object(let members) = json else { throw fail(path(), "must be \"*\" or an object") }
        var set = PrincipalSet()
        for member in members {
            func here() -> String { "\(path()).\(member.key)" }
            let values = try strings(member.value, here())
            switch member.key {
            case "AWS":
                set.aws += values
                if values.contains("*") { set.isAnyone = true }
            case "Service": set.service += values
            case "Federated": set.federated += values
            case "CanonicalUser": set.canonicalUser += values
            default: throw fail(here(), "unknown principal type; use AWS, Service, Federated or CanonicalUser")
            }
        }
        return set
    }

    func conditions(_ json: JSONValue, _ path: @autoclosure () -> String) throws(PolicyError) -> [ConditionClause] {
        guard case .object(let operators) = json else { throw fail(path(), "must be an object of operators") }
        var clauses: [ConditionClause] = []
        for entry in operators {
            let here = "\(path()).\(entry.key)"
            guard case .object(let keys) = entry.value else { throw fail(here, "must be an object of condition keys") }
            for key in keys {
                let keyPath = "\(here).\(key.key)"
                var values: [String] = []
                switch key.value {
                case .array(let items):
                    for (i, item) in items.enumerated() {
                        guard let text = item.scalarText else {
                            throw fail("\(keyPath)[\(i)]", "must be a string, number or boolean, not \(item.typeName)")
                        }
                        values.append(text)
                    }
                default:
                    guard let text = key.value.scalarText else {
                        throw fail(keyPath, "must be a string, number, boolean or an array of them")
                    }
                    values = [text]
                }
                guard let clause = ConditionClause(operatorName: entry.key, key: key.key, values: values) else {
                    throw fail(here, "unknown condition operator \"\(entry.key)\"")
                }
                clauses.append(clause)
            }
        }
        return clauses
    }
}
