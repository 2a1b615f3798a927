import SwitchboardCore
import Testing
import TrustAnalysis

/// Cases a review found wrong, each pinned down.
@Suite struct ReviewFixTests {
    static let a = Build.a
    static let b = Build.b
    let org = Build.twoAccounts

    var caller: Role { Build.ec2Caller(Self.a, mayAssume: "*") }

    @Test func explainAgreesWithTheGraphForComputeAndOutsideNodes() throws {
        let runner = Build.role(Self.a, "runner", trust: Build.doc(Build.trustAWS(Build.arn(Self.a, "node"))))
        let vendor = Build.role(Self.b, "vendor", trust: Build.doc(Build.trustAWS("333333333333")))
        let graph = Build.graph(
            [runner, vendor],
            organization: org,
            bindings: [ComputeBinding(kind: .kube2iam, source: "small", roleARN: runner.arn)]
        )
        #expect(graph.explain(from: "kube2iam:small", to: runner.arn)?.verdict == .allowed)
        let outside = "arn:aws:iam::333333333333:root"
        #expect(graph.edges(to: vendor.arn).map(\.from) == [outside])
        #expect(graph.explain(from: outside, to: vendor.arn)?.verdict == .conditional)
    }

    @Test func aDenyWithNotPrincipalNamingOnlyTheRoleStillDeniesItsSessions() throws {
        let target = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS(caller.arn),
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"\(caller.arn)\"},\"Action\":\"sts:AssumeRole\"}"
            )
        )
        #expect(
            Build.graph([caller, target], organization: org).explain(from: caller.arn, to: target.arn)?.verdict
                == .denied
        )
        let sessionAndAccount = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS(caller.arn),
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:sts::\(Self.a):assumed-role/caller/s\",\"\(Self.a)\"]},"
                    + "\"Action\":\"sts:AssumeRole\"}"
            )
        )
        #expect(
            Build.graph([caller, sessionAndAccount], organization: org)
                .explain(from: caller.arn, to: sessionAndAccount.arn)?.verdict == .allowed
        )
    }

    @Test func conditionsOnAnOutsiderStayRequirements() {
        let vendor = Build.role(
            Self.b,
            "vendor",
            trust: Build.doc(
                Build.trustAWS(
                    "333333333333",
                    condition: #"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::333333333333:role/ci-*"}}"#
                )
            )
        )
        let edges = Build.graph([vendor], organization: org).edges(to: vendor.arn)
        #expect(edges.count == 1)
        #expect(edges.first?.decision.requirements.map(\.clause.key) == ["aws:PrincipalArn"])
    }

    @Test func oddConditionValuesDoNotCrash() {
        let clause = ConditionClause(operatorName: "IpAddress", key: "aws:SourceIp", values: ["/", ""])!
        #expect(ConditionEvaluator.evaluate(clause, in: RequestContext(known: ["aws:SourceIp": ["10.0.0.1"]])) == false)
        #expect(Glob.matches("caf?", "café"))
        #expect(!Glob.matches("caf?", "caféé"))
    }

    @Test func findingsSeeThroughConditionsThatGuardNothing() {
        let negated = Build.role(
            Self.b,
            "negated",
            trust: Build.doc(
                Build.trustAWS("333333333333", condition: #"{"StringNotEquals":{"aws:PrincipalOrgID":"o-ours"}}"#)
            )
        )
        let notPrincipal = Build.role(
            Self.b,
            "everyone-but",
            trust: Build.doc(
                #"{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}"#
            )
        )
        let ifExists = Build.role(
            Self.b,
            "if-exists",
            trust: Build.doc(
                Build.trustAWS("*", condition: #"{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-test123456"}}"#)
            )
        )
        let findings = FindingsAnalyzer(graph: Build.graph([negated, notPrincipal, ifExists], organization: org))
            .findings()
        let by = { (rule: Finding.Rule) in Set(findings.filter { $0.rule == rule }.map { ARN.name(of: $0.subject) }) }
        #expect(by(.externalTrustWithoutGuard) == ["negated"])
        #expect(by(.wildcardPrincipal) == ["everyone-but", "if-exists"])
        #expect(Set(findings.map(\.id)).count == findings.count)
    }

    @Test func aDeniedRewriteIsNoFinding() {
        let role = Build.role(
            Self.a,
            "iam-admin",
            trust: caller.trustPolicy.json,
            policies: [
                Build.doc(
                    #"{"Effect":"Allow","Action":"iam:*","Resource":"*"}"#,
                    #"{"Effect":"Deny","Action":"iam:UpdateAssumeRolePolicy","Resource":"*"}"#
                )
            ]
        )
        let other = Build.role(Self.a, "other", trust: caller.trustPolicy.json)
        let findings = FindingsAnalyzer(graph: Build.graph([role, other], organization: org)).findings()
        #expect(!findings.contains { $0.rule == .trustRewrite })
    }

    @Test func samlIsTheProviderKindNotASubstring() {
        let provider = "arn:aws:iam::\(Self.a):oidc-provider/samlidp.example.com"
        let role = Build.role(
            Self.a,
            "web",
            trust: Build.doc(
                "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"\(provider)\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}"
            )
        )
        let edges = Build.graph([role], organization: org).edges(to: role.arn)
        #expect(edges.map(\.kind) == [.assumeRoleWithWebIdentity])
    }

    @Test func requirementsDoNotDependOnStatementOrder() {
        let x = Build.allowAssume("*", condition: #"{"StringEquals":{"aws:RequestTag/x":"1"}}"#)
        let y = Build.allowAssume("*", condition: #"{"StringEquals":{"aws:RequestTag/y":"1"}}"#)
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        let requirements = [[x, y], [y, x]].map { order -> [String] in
            let role = Build.role(
                Self.a,
                "caller",
                trust: caller.trustPolicy.json,
                policies: ["{\"Statement\":[" + order.joined(separator: ",") + "]}"]
            )
            return Build.graph([role, target], organization: org).edges(to: target.arn).flatMap {
                $0.decision.requirements.map(\.description)
            }
        }
        #expect(requirements[0] == requirements[1] && !requirements[0].isEmpty)
    }

    @Test func otherPartitionsMatchByAccount() {
        let govCaller = Build.role(
            Self.a,
            "caller",
            trust: caller.trustPolicy.json,
            policies: [Build.doc(Build.allowAssume("*"))]
        )
        let target = Build.role(
            Self.b,
            "target",
            trust: Build.doc(Build.trustAWS("arn:aws-us-gov:iam::\(Self.a):root"))
        )
        #expect(
            Build.graph([govCaller, target], organization: org).explain(from: govCaller.arn, to: target.arn)?.verdict
                == .allowed
        )
    }
}
