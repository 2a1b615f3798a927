import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct IdentityTests {
    private func estate() async throws -> (Organization, IdentityInventory) {
        let backend = DemoFixture().backend
        return (try await backend.organization(), try await backend.identityInventory())
    }

    private func statements(_ document: PolicyDocument) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(document.json.utf8))
        let root = try #require(object as? [String: Any])
        #expect(root["Version"] as? String == "2012-10-17")
        return try #require(root["Statement"] as? [[String: Any]])
    }

    @Test func everyPolicyDocumentIsIAMJSON() async throws {
        let (organization, identity) = try await estate()
        let documents = allPolicyDocuments(organization, identity)
        #expect(documents.count > 30)
        for (label, document) in documents {
            let statements = try statements(document)
            #expect(!statements.isEmpty, "\(label)")
            #expect(statements.allSatisfy { $0["Sid"] is String && $0["Effect"] is String }, "\(label)")
        }
    }

    @Test func gitLabTrustChain() async throws {
        let (organization, identity) = try await estate()
        let byName = Dictionary(grouping: organization.accounts, by: \.name).compactMapValues(\.first)
        let cicd = try #require(byName["cicd"])
        let node = try #require(identity.roles.first { $0.name == "eks-node-instance-role" })
        let runner = try #require(identity.roles.first { $0.name == "cicd-kube2iam-gitlab_runner_role" })
        #expect(node.accountID == cicd.id && runner.accountID == cicd.id)
        #expect(node.trustPolicy.json.contains("ec2.amazonaws.com"))
        #expect(runner.trustPolicy.json.contains(node.arn))
        let nodeAssume = try statements(try #require(node.inlinePolicies.first).document)
        #expect(nodeAssume.first?["Resource"] as? String == runner.arn)
        #expect(runner.inlinePolicies.first?.document.json.contains("arn:aws:iam::*:role/cicd/delegated-role") == true)
        let delegated = identity.roles.filter { $0.qualifiedName == "cicd/delegated-role" }
        let expected = ["admin", "cicd", "development", "production"].compactMap { byName[$0]?.id }
        #expect(Set(delegated.map(\.accountID)) == Set(expected))
        #expect(delegated.allSatisfy { $0.path == "/cicd/" && $0.trustPolicy.json.contains(runner.arn) })
        let kube2iam = identity.bindings.filter { $0.kind == .kube2iam }
        #expect(Set(kube2iam.map(\.source)) == ["small", "medium", "big"])
        #expect(kube2iam.allSatisfy { $0.roleARN == runner.arn })
        let profile = try #require(identity.bindings.first { $0.kind == .instanceProfile })
        #expect(profile.source == "arn:aws:iam::\(cicd.id):instance-profile/eks-node-instance-profile")
        #expect(profile.roleARN == node.arn)
    }

    @Test func jenkinsTrustChain() async throws {
        let (organization, identity) = try await estate()
        let byName = Dictionary(grouping: organization.accounts, by: \.name).compactMapValues(\.first)
        let jenkins = try #require(byName["jenkins"])
        #expect(identity.roles.contains { $0.name == "jenkins-controller-role" && $0.accountID == jenkins.id })
        for target in ["development", "production", "admin"] {
            let account = try #require(byName[target])
            let task = try #require(identity.roles.first { $0.name == "deploy-role-agent-\(target)" })
            #expect(task.accountID == jenkins.id)
            #expect(task.trustPolicy.json.contains("ecs-tasks.amazonaws.com"))
            let assume = try statements(try #require(task.inlinePolicies.first).document)
                .filter { ($0["Action"] as? String) == "sts:AssumeRole" }
            #expect(assume.count == 1)
            #expect(assume.first?["Resource"] as? String == "arn:aws:iam::\(account.id):role/deploy-role")
            let deploy = try #require(identity.roles.first { $0.name == "deploy-role" && $0.accountID == account.id })
            #expect(deploy.maxSessionDuration == 43_200)
            #expect(deploy.trustPolicy.json.contains("arn:aws:iam::\(jenkins.id):root"))
            let admin = try statements(try #require(deploy.attachedPolicies.first).document)
            #expect(admin.first?["Action"] as? String == "*" && admin.first?["Resource"] as? String == "*")
            let binding = try #require(identity.bindings.first { $0.roleARN == task.arn })
            #expect(binding.kind == .ecsTaskDefinition)
            #expect(
                binding.source.hasPrefix(
                    "arn:aws:ecs:eu-central-1:\(jenkins.id):task-definition/jenkins-agent-\(target):"
                )
            )
        }
    }

    @Test func roleIDsLookLikeIAMs() async throws {
        let (_, identity) = try await estate()
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for role in identity.roles {
            #expect(role.roleID.hasPrefix("AROA") && role.roleID.count == 21)
            #expect(role.roleID.allSatisfy(allowed.contains))
        }
        #expect(Set(identity.roles.map(\.roleID)).count == identity.roles.count)
        #expect(Set(identity.roles.map(\.arn)).count == identity.roles.count)
    }
}
