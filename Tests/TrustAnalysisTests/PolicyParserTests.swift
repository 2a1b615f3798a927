import Testing
import TrustAnalysis

@Suite struct PolicyParserTests {
    let origin = PolicyOrigin(owner: "arn:aws:iam::111111111111:role/r", name: "trust", kind: .trust)

    @Test func statementAsObjectOrArrayAndValuesAsStringOrList() throws {
        let single = try Policy.parse(
            #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"}}"#,
            origin: origin
        )
        #expect(single.statements.count == 1)
        #expect(single.statements[0].principal?.isAnyone == true)
        let list = try Policy.parse(
            #"{"Statement":[{"Sid":"A","Effect":"Deny","NotAction":["iam:*","sts:*"],"NotResource":"arn:*"}]}"#,
            origin: origin
        )
        #expect(list.statements[0].sid == "A" && list.statements[0].effect == .deny)
        #expect(list.statements[0].notAction?.patterns == ["iam:*", "sts:*"])
        #expect(list.statements[0].covers(action: "s3:GetObject"))
        #expect(!list.statements[0].covers(action: "STS:AssumeRole"))
    }

    @Test func principalForms() throws {
        let policy = try Policy.parse(
            #"""
            {"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{
              "AWS":["arn:aws:iam::111111111111:role/a","222222222222","arn:aws:iam::333333333333:root","AROAEXAMPLEID123456"],
              "Service":"ecs-tasks.amazonaws.com","Federated":"arn:aws:iam::111111111111:oidc-provider/gitlab.com"}}]}
            """#,
            origin: origin
        )
        let principal = try #require(policy.statements[0].principal)
        #expect(principal.aws.count == 4 && !principal.isAnyone)
        #expect(principal.service == ["ecs-tasks.amazonaws.com"])
        #expect(principal.federated == ["arn:aws:iam::111111111111:oidc-provider/gitlab.com"])
        let star = try Policy.parse(
            #"{"Statement":[{"Effect":"Allow","Action":"*","Principal":{"AWS":"*"}}]}"#,
            origin: origin
        )
        #expect(star.statements[0].principal?.isAnyone == true)
    }

    @Test func conditionValuesTrueAndQuotedTrueAreTheSame() throws {
        let a = try Policy.parse(
            #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":true},"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}]}"#,
            origin: origin
        )
        let b = try Policy.parse(
            #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}"#,
            origin: origin
        )
        #expect(a.statements[0].conditions == b.statements[0].conditions)
        #expect(a.statements[0].conditions.first?.values == ["true"])
    }

    @Test func operatorsWithQualifiersAndIfExists() throws {
        let policy = try Policy.parse(
            #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["env*"]},"Null":{"aws:TokenIssueTime":"false"}}}]}"#,
            origin: origin
        )
        let clauses = policy.statements[0].conditions
        #expect(clauses[0].qualifier == .forAnyValue && clauses[0].op == .stringLike && clauses[0].ifExists)
        #expect(clauses[1].op == .null)
    }

    @Test func urlEncodedDocumentsAsTheIAMAPIReturnsThem() throws {
        let encoded =
            "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
        let policy = try Policy.parse(encoded, origin: origin)
        #expect(policy.statements[0].principal?.service == ["ec2.amazonaws.com"])
    }

    @Test(arguments: [
        (#"{"Statement":[{"Effect":"Allow","Action":"a"},{"Effect":"Maybe","Action":"a"}]}"#, "$.Statement[1].Effect"),
        (#"{"Statement":[{"Effect":"Allow"}]}"#, "$.Statement[0]"),
        (
            #"{"Statement":[{"Effect":"Allow","Action":"a","Principal":{"AWS":[1]}}]}"#,
            "$.Statement[0].Principal.AWS[0]"
        ),
        (
            #"{"Statement":[{"Effect":"Allow","Action":"a","Condition":{"StringSortOf":{"k":"v"}}}]}"#,
            "$.Statement[0].Condition.StringSortOf"
        ),
        (#"{"Statement":[{"Effect":"Allow","Action":"a","Principal":"someone"}]}"#, "$.Statement[0].Principal"),
        (#"{"Statement":[{"Effect":"Allow","Action":"a"}],"Extra":1}"#, "$.Extra"),
        (#"{"Statement":[{"Effect":"Allow","Action":"a",}]}"#, "$"),
        (#"{"Version":"2020-01-01","Statement":[]}"#, "$.Version"),
    ])
    func malformedDocumentsNameTheRoleAndPath(json: String, path: String) {
        do {
            _ = try Policy.parse(json, origin: origin)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.path == path, "\(error)")
            #expect(error.description.hasPrefix("arn:aws:iam::111111111111:role/r trust policy: \(path): "))
        }
    }

    @Test(arguments: [
        ("sts:AssumeRole", "sts:assumerole", true, true), ("sts:Assume*", "sts:AssumeRoleWithSAML", false, true),
        ("s3:Get?bject", "s3:GetObject", false, true), ("s3:Get?bject", "s3:GetObjects", false, false),
        ("arn:aws:iam::*:role/cicd/*", "arn:aws:iam::123:role/cicd/delegated-role", false, true),
        ("arn:aws:iam::*:role/cicd/*", "arn:aws:iam::123:role/deploy-role", false, false),
        ("*", "", false, true), ("a*b*c", "aXbYc", false, true), ("a*b*c", "aXbY", false, false),
    ])
    func wildcards(pattern: String, value: String, ignoringCase: Bool, expected: Bool) {
        #expect(Glob.matches(pattern, value, ignoringCase: ignoringCase) == expected)
    }
}

@Suite struct PolicyCacheTests {
    @Test func aSharedDocumentIsParsedOnceButEachCopyNamesItsOwnRole() throws {
        let cache = PolicyCache()
        let text = #"{"Statement":[{"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"}]}"#
        let a = try cache.policy(
            text,
            origin: PolicyOrigin(owner: "arn:aws:iam::1:role/a", name: "admin", kind: .managed)
        )
        let b = try cache.policy(
            text,
            origin: PolicyOrigin(owner: "arn:aws:iam::2:role/b", name: "admin", kind: .managed)
        )
        #expect(a.statements[0].reference.hasPrefix("arn:aws:iam::1:role/a managed policy admin"))
        #expect(b.statements[0].reference.hasPrefix("arn:aws:iam::2:role/b managed policy admin"))
        #expect(a.statements[0].action == b.statements[0].action)
    }

    @Test func aMalformedDocumentNamesTheRoleThatHasIt() {
        let cache = PolicyCache()
        let origin = PolicyOrigin(owner: "arn:aws:iam::3:role/c", name: "trust", kind: .trust)
        #expect(throws: PolicyError.self) { try cache.policy("{", origin: origin) }
        do {
            _ = try cache.policy("{", origin: origin)
        } catch {
            #expect(error.origin == origin)
        }
    }
}
