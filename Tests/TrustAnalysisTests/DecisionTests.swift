import SwitchboardCore
import Testing
import TrustAnalysis

/// One test per rule of the decision list, from AWS's documented evaluation logic.
@Suite struct DecisionTests {
    static let a = Build.a
    static let b = Build.b
    let org = Build.twoAccounts

    func verdict(_ roles: [Role], from: String, to: String, organization: Organization? = nil) -> AssumeDecision? {
        Build.graph(roles, organization: organization ?? org).explain(from: from, to: to)
    }

    var caller: Role { Build.ec2Caller(Self.a, mayAssume: "arn:aws:iam::*:role/*") }

    @Test func crossAccountNeedsTheTrustAndTheCallersIdentityPolicy() throws {
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Build.arn(Self.a, "caller"))))
        let allowed = try #require(verdict([caller, target], from: caller.arn, to: target.arn))
        #expect(allowed.verdict == .allowed)
        #expect(allowed.identityStatement?.contains("inline policy inline-0") == true)
        let mute = Build.role(Self.a, "caller", trust: caller.trustPolicy.json)
        let denied = try #require(verdict([mute, target], from: mute.arn, to: target.arn))
        #expect(denied.verdict == .denied)
        #expect(denied.steps.contains { $0.rule == "D5" && $0.outcome == .fail })
    }

    @Test func trustMustAdmitEvenWithAnIdentityAllow() throws {
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Build.arn(Self.a, "someone-else"))))
        let decision = try #require(verdict([caller, target], from: caller.arn, to: target.arn))
        #expect(decision.verdict == .denied)
        #expect(decision.steps.contains { $0.rule == "D4" && $0.outcome == .fail })
    }

    @Test func accountTrustDelegatesToTheCallersIdentityPolicy() throws {
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        #expect(verdict([caller, target], from: caller.arn, to: target.arn)?.verdict == .allowed)
        let rootForm = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS("arn:aws:iam::\(Self.a):root")))
        let mute = Build.role(Self.a, "caller", trust: caller.trustPolicy.json)
        #expect(verdict([mute, rootForm], from: mute.arn, to: rootForm.arn)?.verdict == .denied)
    }

    @Test func sameAccountTrustNamingTheRoleNeedsNoIdentityAllow() throws {
        let mute = Build.role(Self.a, "caller", trust: caller.trustPolicy.json)
        let byName = Build.role(Self.a, "target", trust: Build.doc(Build.trustAWS(mute.arn)))
        let decision = try #require(verdict([mute, byName], from: mute.arn, to: byName.arn))
        #expect(decision.verdict == .allowed)
        #expect(decision.steps.contains { $0.rule == "D6" && $0.outcome == .pass })
        let byAccount = Build.role(Self.a, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        #expect(verdict([mute, byAccount], from: mute.arn, to: byAccount.arn)?.verdict == .denied)
    }

    @Test func explicitDenyBeatsAllowWherEverItIs() throws {
        let target = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS(Self.a),
                Build.trustAWS(Build.arn(Self.a, "caller"), effect: "Deny")
            )
        )
        let decision = try #require(verdict([caller, target], from: caller.arn, to: target.arn))
        #expect(decision.verdict == .denied)
        #expect(
            decision.steps.contains {
                $0.rule == "D1" && $0.outcome == .fail && $0.statement?.contains("trust policy") == true
            }
        )
        let plain = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        let denying = Build.role(
            Self.a,
            "caller",
            trust: caller.trustPolicy.json,
            policies: [
                Build.doc(Build.allowAssume("*"), Build.allowAssume(plain.arn, effect: "Deny"))
            ]
        )
        #expect(verdict([denying, plain], from: denying.arn, to: plain.arn)?.verdict == .denied)
    }

    @Test func scpsCutMemberAccountsButNotTheManagementAccount() throws {
        let denySTS = ServiceControlPolicy(
            id: "p-nosts",
            name: "no-sts",
            description: "",
            document: .init(json: Build.doc(#"{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}"#))
        )
        let org = Build.organization(
            [(Self.a, .nonProduction), (Self.b, .production)],
            ouSCPs: [Build.fullAccess, denySTS]
        )
        let target = Build.role(
            Self.b,
            "target",
            trust: Build.doc(Build.trustAWS(Self.a), Build.trustAWS("999999999999"))
        )
        let denied = try #require(verdict([caller, target], from: caller.arn, to: target.arn, organization: org))
        #expect(denied.verdict == .denied)
        #expect(denied.steps.contains { $0.rule == "D1" && $0.statement?.contains("SCP no-sts") == true })
        let manager = Build.role(
            "999999999999",
            "admin",
            trust: caller.trustPolicy.json,
            policies: [Build.doc(Build.allowAssume("*"))]
        )
        #expect(verdict([manager, target], from: manager.arn, to: target.arn, organization: org)?.verdict == .allowed)
    }

    @Test func anOULevelWithoutAnAllowingSCPCutsTheEdge() throws {
        let onlyS3 = ServiceControlPolicy(
            id: "p-s3",
            name: "s3-only",
            description: "",
            document: .init(json: Build.doc(#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#))
        )
        let org = Build.organization([(Self.a, .nonProduction), (Self.b, .production)], ouSCPs: [onlyS3])
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        let decision = try #require(verdict([caller, target], from: caller.arn, to: target.arn, organization: org))
        #expect(decision.verdict == .denied)
        #expect(decision.steps.contains { $0.rule == "D2" && $0.detail.contains("workload") })
    }

    @Test func anSCPOnTheAccountItselfIsOneMoreLevel() throws {
        let onlyS3 = ServiceControlPolicy(
            id: "p-s3",
            name: "s3-only",
            description: "",
            document: .init(json: Build.doc(#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#))
        )
        var org = Build.organization([(Self.a, .nonProduction), (Self.b, .production)])
        org.root.children[0].accounts[0].policyIDs = [onlyS3.id]  // the caller's account
        org.policies.append(onlyS3)
        #expect(org.policies(onPathOf: Self.a).map(\.id).contains("p-s3"))
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        let decision = try #require(verdict([caller, target], from: caller.arn, to: target.arn, organization: org))
        #expect(decision.verdict == .denied)
        #expect(decision.steps.contains { $0.rule == "D2" && $0.detail.contains("acct-") })
    }

    @Test func permissionsBoundaryCutsEvenInTheSameAccountByName() throws {
        let bounded = Build.role(
            Self.a,
            "caller",
            trust: caller.trustPolicy.json,
            policies: [Build.doc(Build.allowAssume("*"))],
            boundary: Build.doc(#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#)
        )
        let byName = Build.role(Self.a, "target", trust: Build.doc(Build.trustAWS(bounded.arn)))
        let decision = try #require(verdict([bounded, byName], from: bounded.arn, to: byName.arn))
        #expect(decision.verdict == .denied)
        #expect(decision.steps.contains { $0.detail.contains("permissions boundary") && $0.outcome == .fail })
    }

    @Test func undecidableConditionsBecomeRequirementsNeverVerdicts() throws {
        let withExternalID = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS(Self.a, condition: #"{"StringEquals":{"sts:ExternalId":"s3cr3t"}}"#)
            )
        )
        let decision = try #require(verdict([caller, withExternalID], from: caller.arn, to: withExternalID.arn))
        #expect(decision.verdict == .conditional)
        #expect(decision.requirements.map(\.clause.key) == ["sts:ExternalId"])
        let graph = Build.graph([caller, withExternalID], organization: org)
        #expect(graph.edges(from: caller.arn).map(\.to) == [withExternalID.arn])
    }

    @Test func mfaAsJSONBooleanOrStringIsTheSameRequirement() throws {
        for value in ["true", "\"true\""] {
            let target = Build.role(
                Self.b,
                "target",
                trust: Build.doc(
                    Build.trustAWS(Self.a, condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\(value)}}")
                )
            )
            let decision = try #require(verdict([caller, target], from: caller.arn, to: target.arn))
            #expect(decision.verdict == .conditional)
            #expect(decision.requirements.first?.clause.values == ["true"])
        }
    }

    @Test func principalOrgIDIsKnownFromTheOrganisation() throws {
        let inside = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS("*", condition: "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"\(Build.org)\"}}")
            )
        )
        #expect(verdict([caller, inside], from: caller.arn, to: inside.arn)?.verdict == .allowed)
        let other = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS("*", condition: #"{"StringEquals":{"aws:PrincipalOrgID":"o-elsewhere"}}"#)
            )
        )
        #expect(verdict([caller, other], from: caller.arn, to: other.arn)?.verdict == .denied)
    }

    @Test func servicePrincipalsNeedOnlyTheTrust() throws {
        let task = Build.role(
            Self.a,
            "task",
            trust: Build.doc(
                #"{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}"#
            )
        )
        let graph = Build.graph([task], organization: org)
        #expect(graph.edges(to: task.arn).map(\.from) == ["ecs-tasks.amazonaws.com"])
        #expect(graph.explain(from: "ec2.amazonaws.com", to: task.arn)?.verdict == .denied)
    }

    @Test func theRootUserCannotAssumeRoles() throws {
        let target = Build.role(Self.b, "target", trust: Build.doc(Build.trustAWS(Self.a)))
        let decision = try #require(verdict([caller, target], from: "arn:aws:iam::\(Self.a):root", to: target.arn))
        #expect(decision.verdict == .denied)
        #expect(decision.steps.contains { $0.rule == "D0" && $0.outcome == .fail })
    }

    @Test func principalsTheInventoryDoesNotKnowAreNodesNotSilence() {
        let target = Build.role(
            Self.b,
            "target",
            trust: Build.doc(
                Build.trustAWS("AROADELETEDROLE12345"),
                Build.trustAWS("arn:aws:iam::444444444444:root")
            )
        )
        let graph = Build.graph([target], organization: org)
        let sources = Set(graph.edges(to: target.arn).map(\.from))
        #expect(sources == ["AROADELETEDROLE12345", "arn:aws:iam::444444444444:root"])
        #expect(graph.nodes["AROADELETEDROLE12345"]?.label.contains("deleted") == true)
        #expect(graph.nodes["arn:aws:iam::444444444444:root"]?.label.contains("outside the organisation") == true)
        #expect(graph.edges(to: target.arn).allSatisfy { $0.decision.verdict == .conditional })
    }
}
