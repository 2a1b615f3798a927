import Testing
import TrustAnalysis

/// IAM's documented rules for conditions, key present, absent, or undecidable.
@Suite struct ConditionTests {
    static let present = RequestContext(
        known: [
            "aws:PrincipalOrgID": ["o-abc"], "aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["300"],
            "aws:SourceIp": ["10.1.2.3"], "aws:PrincipalArn": ["arn:aws:iam::111111111111:role/ci/runner"],
            "aws:TagKeys": ["env", "team"], "aws:CurrentTime": ["2026-06-01T00:00:00Z"],
        ],
        absent: ["sts:ExternalId", "aws:SourceIdentity"]
    )

    static func clause(_ op: String, _ key: String, _ values: [String]) -> ConditionClause {
        ConditionClause(operatorName: op, key: key, values: values)!
    }

    @Test(arguments: [
        ("StringEquals", "aws:PrincipalOrgID", ["o-abc"], true as Bool?),
        ("StringEquals", "aws:principalorgid", ["o-ABC"], false),
        ("StringEqualsIgnoreCase", "aws:PrincipalOrgID", ["O-ABC"], true),
        ("StringNotEquals", "aws:PrincipalOrgID", ["o-abc"], false),
        ("StringLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/ci/*"], true),
        ("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::111111111111:role/ci/*"], true),
        ("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::222222222222:role/*"], true),
        ("Bool", "aws:MultiFactorAuthPresent", ["true"], true),
        ("Bool", "aws:MultiFactorAuthPresent", ["false"], false),
        ("NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], true),
        ("NumericGreaterThanEquals", "aws:MultiFactorAuthAge", ["3600"], false),
        ("DateLessThan", "aws:CurrentTime", ["2027-01-01T00:00:00Z"], true),
        ("DateGreaterThan", "aws:CurrentTime", ["2027-01-01T00:00:00Z"], false),
        ("IpAddress", "aws:SourceIp", ["10.0.0.0/8"], true),
        ("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], false),
        ("IpAddress", "aws:SourceIp", ["192.168.0.0/16"], false),
        ("ForAnyValue:StringEquals", "aws:TagKeys", ["team"], true),
        ("ForAllValues:StringEquals", "aws:TagKeys", ["team"], false),
        ("ForAllValues:StringEquals", "aws:TagKeys", ["team", "env", "owner"], true),
        // Absent keys: positive operators fail, negated ones and IfExists hold, Null tells presence.
        ("StringEquals", "sts:ExternalId", ["secret"], false),
        ("StringNotEquals", "sts:ExternalId", ["secret"], true),
        ("StringEqualsIfExists", "sts:ExternalId", ["secret"], true),
        ("Null", "sts:ExternalId", ["true"], true),
        ("Null", "aws:PrincipalOrgID", ["true"], false),
        ("ForAnyValue:StringEquals", "aws:SourceIdentity", ["x"], false),
        ("ForAllValues:StringEquals", "aws:SourceIdentity", ["x"], true),
        ("BoolIfExists", "aws:SourceIdentity", ["true"], true),
        // Keys the inventory cannot decide stay undecided.
        ("StringEquals", "aws:PrincipalTag/team", ["platform"], nil),
        ("Null", "aws:RequestTag/x", ["false"], nil),
    ])
    func evaluates(op: String, key: String, values: [String], expected: Bool?) {
        #expect(ConditionEvaluator.evaluate(Self.clause(op, key, values), in: Self.present) == expected)
    }

    @Test func aBlockIsAnAndOfItsClauses() {
        let holds = Self.clause("StringEquals", "aws:PrincipalOrgID", ["o-abc"])
        let fails = Self.clause("Bool", "aws:MultiFactorAuthPresent", ["false"])
        let unknown = Self.clause("StringEquals", "aws:PrincipalTag/team", ["platform"])
        #expect(ConditionEvaluator.evaluate([holds], in: Self.present) == .holds)
        #expect(ConditionEvaluator.evaluate([holds, unknown], in: Self.present) == .depends([unknown]))
        #expect(ConditionEvaluator.evaluate([unknown, fails], in: Self.present) == .fails(fails))
        #expect(ConditionEvaluator.evaluate([], in: Self.present) == .holds)
    }

    @Test func unknownOperatorsAreRejected() {
        #expect(ConditionClause(operatorName: "StringSortOf", key: "k", values: []) == nil)
        #expect(ConditionClause(operatorName: "Maybe:StringEquals", key: "k", values: []) == nil)
        #expect(ConditionClause(operatorName: "NullIfExists", key: "k", values: []) == nil)
    }
}
