import Foundation

/// Evaluates condition clauses against a request context with IAM's rules for missing keys, `…IfExists`,
/// `Null`, negated operators and `ForAnyValue:` / `ForAllValues:`.
public enum ConditionEvaluator {
    /// All clauses must hold (IAM ANDs them); one that fails decides; undecidable ones are collected.
    public static func evaluate(_ clauses: [ConditionClause], in context: RequestContext) -> ConditionOutcome {
        var pending: [ConditionClause] = []
        for clause in clauses {
            switch evaluate(clause, in: context) {
            case true?: continue
            case false?: return .fails(clause)
            case nil: pending.append(clause)
            }
        }
        return pending.isEmpty ? .holds : .depends(pending)
    }

    /// True, false, or nil when the context cannot tell.
    public static func evaluate(_ clause: ConditionClause, in context: RequestContext) -> Bool? {
        let lookup = context.lookup(clause.key)
        if clause.op == .null {
            guard let wanted = clause.values.first?.lowercased() else { return false }
            switch lookup {
            case .unknown: return nil
            case .absent: return wanted == "true"
            case .values(let values): return (values.isEmpty) == (wanted == "true")
            }
        }
        switch lookup {
        case .unknown:
            return nil
        case .absent:
            if clause.ifExists { return true }
            switch clause.qualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case .none: return clause.op.isNegated
            }
        case .values(let requestValues):
            if requestValues.isEmpty {
                if clause.ifExists || clause.qualifier == .forAllValues { return true }
                return clause.qualifier == .none && clause.op.isNegated
            }
            switch clause.qualifier {
            case .forAllValues:
                return requestValues.allSatisfy { single($0, clause) }
            case .forAnyValue, .none:
                if clause.op.isNegated && clause.qualifier == .none {
                    return requestValues.allSatisfy { single($0, clause) }
                }
                return requestValues.contains { single($0, clause) }
            }
        }
    }

    /// One request value against the clause's policy values.
    static func single(_ value: String, _ clause: ConditionClause) -> Bool {
        let policyValues = clause.values
        switch clause.op {
        case .stringEquals, .binaryEquals: return policyValues.contains(value)
        case .stringNotEquals: return !policyValues.contains(value)
        case .stringEqualsIgnoreCase: return policyValues.contains { $0.lowercased() == value.lowercased() }
        case .stringNotEqualsIgnoreCase: return !policyValues.contains { $0.lowercased() == value.lowercased() }
        case .stringLike: return policyValues.contains { Glob.matches($0, value) }
        case .stringNotLike: return !policyValues.contains { Glob.matches($0, value) }
        case .arnEquals, .arnLike: return policyValues.contains { arnMatches($0, value) }
        case .arnNotEquals, .arnNotLike: return !policyValues.contains { arnMatches($0, value) }
        case .bool: return policyValues.contains { $0.lowercased() == value.lowercased() }
        case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan,
            .numericGreaterThanEquals:
            guard let v = Double(value) else { return false }
            let numbers = policyValues.compactMap(Double.init)
            return compare(v, numbers, clause.op)
        case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
            .dateGreaterThanEquals:
            guard let v = date(value) else { return false }
            return compare(v, policyValues.compactMap(date), clause.op)
        case .ipAddress: return policyValues.contains { ipMatches(cidr: $0, value) }
        case .notIpAddress: return !policyValues.contains { ipMatches(cidr: $0, value) }
        case .null: return false
        }
    }

    private static func compare(_ v: Double, _ against: [Double], _ op: ConditionClause.Operator) -> Bool {
        switch op {
        case .numericEquals, .dateEquals: return against.contains(v)
        case .numericNotEquals, .dateNotEquals: return !against.contains(v)
        case .numericLessThan, .dateLessThan: return against.contains { v < $0 }
        case .numericLessThanEquals, .dateLessThanEquals: return against.contains { v <= $0 }
        case .numericGreaterThan, .dateGreaterThan: return against.contains { v > $0 }
        case .numericGreaterThanEquals, .dateGreaterThanEquals: return against.contains { v >= $0 }
        default: return false
        }
    }

    /// ARNs match segment by segment; each of the six may use wildcards.
    static func arnMatches(_ pattern: String, _ arn: String) -> Bool {
        let p = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let a = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard p.count == 6, a.count == 6 else { return Glob.matches(pattern, arn) }
        return zip(p, a).allSatisfy { Glob.matches(String($0), String($1)) }
    }

    /// Epoch seconds or ISO 8601.
    static func date(_ text: String) -> Double? {
        if let seconds = Double(text) { return seconds }
        return (try? Date(text, strategy: .iso8601))?.timeIntervalSince1970
            ?? (try? Date(text + "T00:00:00Z", strategy: .iso8601))?.timeIntervalSince1970
    }

    /// IPv4 CIDR (or a single address); other forms compare as text.
    static func ipMatches(cidr: String, _ address: String) -> Bool {
        let parts = cidr.split(separator: "/")
        guard let first = parts.first, let network = ipv4(String(first)), let value = ipv4(address) else {
            return cidr == address
        }
        let bits = parts.count > 1 ? Int(parts[1]) ?? 32 : 32
        guard (0...32).contains(bits) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return network & mask == value & mask
    }

    private static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        return octets.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
