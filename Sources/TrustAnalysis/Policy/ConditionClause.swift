/// One test of a `Condition` block: an operator, a context key and the values it is compared with.
public struct ConditionClause: Hashable, Sendable, CustomStringConvertible {
    /// The operators IAM documents, without `IfExists` and set qualifiers.
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators hold when the key is missing, and when no value matches.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }
    }

    public enum SetQualifier: String, Hashable, Sendable {
        case none = ""
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    public var op: Operator
    public var ifExists: Bool
    public var qualifier: SetQualifier
    /// The key as written (`aws:PrincipalOrgID`); compared case-insensitively.
    public var key: String
    /// The values as IAM compares them: JSON `true` and `"true"` are both `true`.
    public var values: [String]

    public init(op: Operator, ifExists: Bool = false, qualifier: SetQualifier = .none, key: String, values: [String]) {
        self.op = op
        self.ifExists = ifExists
        self.qualifier = qualifier
        self.key = key
        self.values = values
    }

    /// Parses `ForAnyValue:StringLikeIfExists` and the like; nil for an operator IAM does not have.
    public init?(operatorName: String, key: String, values: [String]) {
        var name = Substring(operatorName)
        var qualifier = SetQualifier.none
        if let colon = name.firstIndex(of: ":") {
            guard let q = SetQualifier(rawValue: String(name[..<colon])), q != .none else { return nil }
            qualifier = q
            name = name[name.index(after: colon)...]
        }
        var ifExists = false
        if name.hasSuffix("IfExists") {
            ifExists = true
            name = name.dropLast("IfExists".count)
        }
        guard let op = Operator(rawValue: String(name)), !(op == .null && ifExists) else { return nil }
        self.init(op: op, ifExists: ifExists, qualifier: qualifier, key: key, values: values)
    }

    /// A condition that refuses callers who do not present the key: a positive operator, not `…IfExists`,
    /// not `ForAllValues`, with a value other than a bare `*`. Negated operators, `Null` and `IfExists`
    /// hold when the key is absent, so they guard nothing.
    public var isGuard: Bool {
        if op.isNegated || op == .null || ifExists || qualifier == .forAllValues { return false }
        if (op == .stringLike || op == .arnLike) && values.allSatisfy({ $0 == "*" }) { return false }
        return !values.isEmpty
    }

    public var operatorName: String {
        (qualifier == .none ? "" : qualifier.rawValue + ":") + op.rawValue + (ifExists ? "IfExists" : "")
    }

    public var description: String {
        let shown = values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
        return "\(operatorName) \(key) \(shown)"
    }
}
