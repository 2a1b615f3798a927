import DemoBackend
import Foundation
import SwitchboardCore
import Testing

@Suite struct OrganizationTests {
    @Test func landingZoneLayout() async throws {
        let organization = try await DemoFixture().backend.organization()
        let root = organization.root
        #expect(root.id.hasPrefix("r-"))
        #expect(Set(root.accounts.map(\.name)) == ["management", "admin", "cicd", "jenkins"])
        let core = try #require(root.children.first { $0.name == "core" })
        let workload = try #require(root.children.first { $0.name == "workload" })
        #expect(core.accounts.map(\.name) == ["audit", "log-archive"])
        #expect(workload.accounts.map(\.name) == ["development", "production"])
        #expect(workload.children.isEmpty)
        let management = try #require(organization.accounts.first { $0.name == "management" })
        #expect(organization.managementAccountID == management.id)
        #expect(organization.accounts.count == 8)
    }

    @Test func accountIDsAndEnvironments() async throws {
        let accounts = try await DemoFixture().backend.organization().accounts
        #expect(Set(accounts.map(\.id)).count == accounts.count)
        #expect(accounts.allSatisfy { $0.id.count == 12 && $0.id.allSatisfy(\.isNumber) })
        #expect(accounts.contains { $0.id.hasPrefix("0") })
        let environments = Dictionary(uniqueKeysWithValues: accounts.map { ($0.name, $0.environment) })
        #expect(environments["production"] == .production)
        #expect(environments["development"] == .nonProduction)
        #expect(environments["management"] == .management)
        for name in ["audit", "log-archive", "admin", "cicd", "jenkins"] {
            #expect(environments[name] == .shared)
        }
        #expect(accounts.first { $0.name == "audit" }?.email == "aws+audit@example.com")
    }

    @Test func guardrailsAttachToOUs() async throws {
        let organization = try await DemoFixture().backend.organization()
        #expect(organization.root.policyIDs.contains("p-FullAWSAccess"))
        let production = try #require(organization.accounts.first { $0.name == "production" })
        let onProduction = organization.policies(onPathOf: production.id).map(\.name)
        #expect(onProduction.contains("workload-guardrails"))
        #expect(!onProduction.contains("core-guardrails"))
        let audit = try #require(organization.accounts.first { $0.name == "audit" })
        #expect(organization.policies(onPathOf: audit.id).map(\.name).contains("core-guardrails"))
        let workload = try #require(organization.policies.first { $0.name == "workload-guardrails" })
        #expect(workload.document.json.contains("aws:RequestedRegion"))
        #expect(workload.document.json.contains("StringNotEquals"))
        #expect(workload.document.json.contains("iam:CreateUser"))
    }

    @Test func scaleAddsTeamOUs() async throws {
        let organization = try await DemoFixture(scale: 3).backend.organization()
        #expect(organization.accounts.count == 8 + 16)
        let workload = try #require(organization.root.children.first { $0.name == "workload" })
        #expect(workload.children.map(\.name) == ["team-001"])
        let team = try #require(workload.children.first)
        #expect(team.accounts.prefix(2).map(\.name) == ["team-001-01-dev", "team-001-01-prod"])
        #expect(team.accounts.prefix(2).map(\.environment) == [.nonProduction, .production])
    }
}
