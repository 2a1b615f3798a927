import DemoBackend
import Foundation
import SwitchboardCore
import Testing
import TrustAnalysis

/// The seeds' two chains end to end on the demo estate, and every finding rule.
@Suite struct ChainAndFindingTests {
    static func demo() async throws -> (IdentityInventory, Organization) {
        let backend = DemoBackend(clock: ManualClock(DemoBackend.epoch))
        return (try await backend.identityInventory(), try await backend.organization())
    }

    static func account(_ organization: Organization, _ name: String) -> String {
        organization.accounts.first { $0.name == name }!.id
    }

    @Test func gitlabChainNodeRoleToRunnerRoleToDelegatedRole() async throws {
        let (identity, organization) = try await Self.demo()
        let graph = TrustGraph(identity: identity, organization: organization)
        let cicd = Self.account(organization, "cicd")
        let production = Self.account(organization, "production")
        let profile = "instance-profile:arn:aws:iam::\(cicd):instance-profile/eks-node-instance-profile"
        let target = "arn:aws:iam::\(production):role/cicd/delegated-role"
        let reach = try #require(graph.reachable(from: profile).first { $0.node.id == target })
        #expect(
            reach.path.map { ARN.name(of: $0.to) } == [
                "eks-node-instance-role", "cicd-kube2iam-gitlab_runner_role", "delegated-role",
            ]
        )
        #expect(reach.path.map(\.kind) == [.instanceProfile, .assumeRole, .assumeRole])
        // The node role itself may not skip the runner role.
        let node = "arn:aws:iam::\(cicd):role/eks-node-instance-role"
        #expect(graph.explain(from: node, to: target)?.verdict == .denied)
        #expect(graph.reaching(to: target).contains { $0.node.id == "kube2iam:small" })
    }

    @Test func jenkinsChainTaskRoleToDeployRole() async throws {
        let (identity, organization) = try await Self.demo()
        let graph = TrustGraph(identity: identity, organization: organization)
        let jenkins = Self.account(organization, "jenkins")
        let development = Self.account(organization, "development")
        let production = Self.account(organization, "production")
        let taskRole = "arn:aws:iam::\(jenkins):role/deploy-role-agent-development"
        let devDeploy = "arn:aws:iam::\(development):role/deploy-role"
        let prodDeploy = "arn:aws:iam::\(production):role/deploy-role"
        let reach = try #require(graph.reachable(from: "ecs-tasks.amazonaws.com").first { $0.node.id == devDeploy })
        #expect(reach.path.map(\.to) == [taskRole, devDeploy])
        let explanation = try #require(graph.explain(from: taskRole, to: devDeploy))
        #expect(explanation.verdict == .allowed)
        #expect(explanation.trustStatement?.contains("deploy-role trust policy") == true)
        // Each agent role reaches its own target only.
        let denied = try #require(graph.explain(from: taskRole, to: prodDeploy))
        #expect(denied.verdict == .denied)
        #expect(denied.steps.contains { $0.rule == "D5" && $0.outcome == .fail })
    }

    @Test func demoFindingsIncludeDeployRoleRootTrustAndAdminFromCI() async throws {
        let (identity, organization) = try await Self.demo()
        let findings = FindingsAnalyzer(graph: TrustGraph(identity: identity, organization: organization)).findings()
        let production = Self.account(organization, "production")
        let deploy = "arn:aws:iam::\(production):role/deploy-role"
        let rules = Set(findings.filter { $0.subject == deploy }.map(\.rule))
        #expect(rules == [.accountRootTrust, .adminReachableFromCI, .longSessionOnlyChained])
        let rootTrust = try #require(findings.first { $0.subject == deploy && $0.rule == .accountRootTrust })
        #expect(rootTrust.evidence.contains { $0.contains("can use it: deploy-role-agent-production") })
        #expect(!findings.contains { $0.rule == .nodeRoleBypass || $0.rule == .wildcardPrincipal })
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
    }

    @Test func theKube2iamBypassIsCritical() async throws {
        var (identity, organization) = try await Self.demo()
        let cicd = Self.account(organization, "cicd")
        let production = Self.account(organization, "production")
        let node = "arn:aws:iam::\(cicd):role/eks-node-instance-role"
        // The shortcut the seeds warn about: the node role may assume the delegated roles itself.
        for index in identity.roles.indices {
            if identity.roles[index].arn == node {
                identity.roles[index].inlinePolicies.append(
                    NamedPolicy(
                        name: "shortcut",
                        document: .init(json: Build.doc(Build.allowAssume("arn:aws:iam::*:role/cicd/delegated-role")))
                    )
                )
            }
            if identity.roles[index].name == "delegated-role" && identity.roles[index].accountID == production {
                identity.roles[index].trustPolicy = .init(json: Build.doc(Build.trustAWS(node)))
            }
        }
        let findings = FindingsAnalyzer(graph: TrustGraph(identity: identity, organization: organization)).findings()
        let bypass = try #require(findings.first { $0.rule == .nodeRoleBypass })
        #expect(bypass.severity == .critical && bypass.subject == node)
        #expect(findings.first?.rule == .nodeRoleBypass)
    }

    @Test func wildcardExternalNonProductionAndRewriteFindings() {
        let a = "111111111111"
        let b = "222222222222"
        let org = Build.organization([(a, .nonProduction), (b, .production)])
        let dev = Build.role(
            a,
            "dev-ci",
            trust: Build.doc(
                #"{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}"#
            ),
            policies: [
                Build.doc(
                    Build.allowAssume("*"),
                    #"{"Effect":"Allow","Action":"iam:UpdateAssumeRolePolicy","Resource":"arn:aws:iam::*:role/*"}"#
                )
            ]
        )
        let open = Build.role(b, "open", trust: Build.doc(Build.trustAWS("*")))
        let guarded = Build.role(
            b,
            "guarded",
            trust: Build.doc(
                Build.trustAWS("*", condition: "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"\(Build.org)\"}}")
            )
        )
        let vendor = Build.role(b, "vendor", trust: Build.doc(Build.trustAWS("arn:aws:iam::555555555555:root")))
        let vendorGuarded = Build.role(
            b,
            "vendor-guarded",
            trust: Build.doc(
                Build.trustAWS("555555555555", condition: #"{"StringEquals":{"sts:ExternalId":"x"}}"#)
            )
        )
        let findings = FindingsAnalyzer(
            graph: Build.graph([dev, open, guarded, vendor, vendorGuarded], organization: org)
        )
        .findings()
        let by = { (rule: Finding.Rule) in Set(findings.filter { $0.rule == rule }.map { ARN.name(of: $0.subject) }) }
        #expect(by(.wildcardPrincipal) == ["open"])
        #expect(by(.externalTrustWithoutGuard) == ["vendor"])
        #expect(by(.nonProductionReachesProduction) == ["dev-ci"])
        #expect(by(.trustRewrite) == ["dev-ci"])
        #expect(findings.first?.severity == .critical)
    }
}
