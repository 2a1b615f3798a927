import AWSBackend
import Foundation
import HTTPTransport
import SwitchboardCore
import Synchronization
import Testing

/// `kind: aws` reading an estate from a scripted AWS: Organizations pages and throttles, one member's read role
/// refuses, IAM pages with `Marker`; the estate comes back whole but for that account, which says why.
@Suite struct EstateReadTests {
    static let config = """
        [profile management]
        aws_access_key_id = AKIDMANAGEMENT
        aws_secret_access_key = management-secret
        region = eu-central-1
        endpoint_url = http://127.0.0.1:5000
        """

    final class FakeAWS: Sendable {
        let calls = Mutex<[String]>([])
        let throttled = Mutex(false)

        func json(_ object: Any) -> HTTPResponse {
            HTTPResponse(status: 200, body: Array(try! JSONSerialization.data(withJSONObject: object)))
        }

        var client: InMemoryHTTPClient {
            InMemoryHTTPClient { [self] request in
                let body = String(decoding: request.body, as: UTF8.self)
                if let target = request.header("X-Amz-Target") {
                    let operation = String(target.split(separator: ".").last ?? "")
                    calls.withLock { $0.append(operation) }
                    let input = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
                    switch operation {
                    case "DescribeOrganization":
                        if !throttled.withLock({
                            let was = $0
                            $0 = true
                            return was
                        }) {
                            return HTTPResponse(
                                status: 400,
                                text: #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#
                            )
                        }
                        return json(["Organization": ["Id": "o-example", "MasterAccountId": "111111111111"]])
                    case "ListRoots": return json(["Roots": [["Id": "r-root", "Name": "Root"]]])
                    case "ListOrganizationalUnitsForParent":
                        return json([
                            "OrganizationalUnits": input["ParentId"] as? String == "r-root"
                                ? [["Id": "ou-work", "Name": "workload"]] : []
                        ])
                    case "ListAccountsForParent":
                        if input["ParentId"] as? String == "r-root" {
                            return json([
                                "Accounts": [
                                    ["Id": "111111111111", "Name": "management", "Email": "m@x", "Status": "ACTIVE"]
                                ]
                            ])
                        }
                        if input["NextToken"] == nil {
                            return json([
                                "Accounts": [
                                    ["Id": "222222222222", "Name": "development", "Email": "d@x", "Status": "ACTIVE"]
                                ], "NextToken": "page-2",
                            ])
                        }
                        return json([
                            "Accounts": [
                                ["Id": "333333333333", "Name": "production", "Email": "p@x", "Status": "ACTIVE"]
                            ]
                        ])
                    case "ListPoliciesForTarget":
                        return json([
                            "Policies": input["TargetId"] as? String == "ou-work"
                                ? [["Id": "p-guard", "Name": "guardrails"]] : []
                        ])
                    case "DescribePolicy":
                        return json([
                            "Policy": [
                                "PolicySummary": ["Id": "p-guard", "Name": "guardrails", "Description": "g"],
                                "Content": #"{"Version":"2012-10-17","Statement":[]}"#,
                            ]
                        ])
                    default:
                        return HTTPResponse(status: 400, text: #"{"__type":"UnknownOperationException"}"#)
                    }
                }
                let keyID =
                    (request.header("Authorization") ?? "").components(separatedBy: "Credential=").last?
                    .components(separatedBy: "/").first ?? ""
                if body.contains("Action=AssumeRole") {
                    calls.withLock { $0.append("AssumeRole") }
                    if body.contains("333333333333") {
                        return HTTPResponse(
                            status: 403,
                            text:
                                "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error></ErrorResponse>"
                        )
                    }
                    return HTTPResponse(
                        status: 200,
                        text:
                            "<AssumeRoleResult><Credentials><AccessKeyId>ASIADEV</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/switchboard-read</Arn><AssumedRoleId>AROA:x</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                    )
                }
                let account = keyID == "ASIADEV" ? "222222222222" : "111111111111"
                if body.contains("Action=ListRoles") {
                    calls.withLock { $0.append("ListRoles") }
                    return HTTPResponse(
                        status: 200,
                        text:
                            "<ListRolesResponse><ListRolesResult><IsTruncated>false</IsTruncated><Roles><member><Arn>arn:aws:iam::\(account):role/deploy-role</Arn><MaxSessionDuration>43200</MaxSessionDuration></member></Roles></ListRolesResult></ListRolesResponse>"
                    )
                }
                calls.withLock { $0.append("GetAccountAuthorizationDetails") }
                let trust =
                    "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A444444444444%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
                if !body.contains("Marker=") {
                    return HTTPResponse(
                        status: 200,
                        text:
                            "<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult><IsTruncated>true</IsTruncated><Marker>m2</Marker><RoleDetailList><member><Path>/</Path><RoleName>deploy-role</RoleName><RoleId>AROADEPLOY</RoleId><Arn>arn:aws:iam::\(account):role/deploy-role</Arn><AssumeRolePolicyDocument>\(trust)</AssumeRolePolicyDocument><RolePolicyList><member><PolicyName>all</PolicyName><PolicyDocument>%7B%22Statement%22%3A%5B%5D%7D</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies><member><PolicyName>Admin</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedManagedPolicies></member></RoleDetailList></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>"
                    )
                }
                // Page 2: the managed policy, without PolicyName (as moto 5 answers).
                return HTTPResponse(
                    status: 200,
                    text:
                        "<GetAccountAuthorizationDetailsResponse><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated><Policies><member><Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn><PolicyVersionList><member><Document>%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D</Document><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member></Policies></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>"
                )
            }
        }
    }

    @Test func theEstateStandsButForTheAccountThatRefuses() async throws {
        let fake = FakeAWS()
        let broker = AWSBroker(
            settings: AWSSettings(profile: "management", concurrency: 2),
            environment: ["HOME": "/home/op"],
            http: fake.client,
            readFile: { $0.hasSuffix("/config") ? Self.config : nil }
        )
        let organization = try await broker.organization()
        #expect(organization.accounts.map(\.name).sorted() == ["development", "management", "production"])
        #expect(organization.root.children.first?.policyIDs == ["p-guard"])
        #expect(organization.account(id: "333333333333")?.environment == .production)
        #expect(organization.account(id: "111111111111")?.environment == .management)

        let inventory = try await broker.identityInventory()
        let roles = inventory.roles.map(\.arn)
        #expect(roles == ["arn:aws:iam::111111111111:role/deploy-role", "arn:aws:iam::222222222222:role/deploy-role"])
        let role = try #require(inventory.roles.last)
        #expect(role.maxSessionDuration == 43200)
        #expect(role.trustPolicy.json.contains("arn:aws:iam::444444444444:root"))
        #expect(role.attachedPolicies.first?.name == "AdministratorAccess")
        #expect(role.attachedPolicies.first?.document.json.contains("\"Action\":\"*\"") == true)
        let reason = try #require(inventory.unreadable?["333333333333"])
        #expect(reason.contains("read role OrganizationAccountAccessRole") && reason.contains("Access denied"))
        let calls = fake.calls.withLock { $0 }
        #expect(calls.filter { $0 == "DescribeOrganization" }.count >= 2)  // throttled once, retried
        #expect(calls.filter { $0 == "ListAccountsForParent" }.count >= 3)  // the second page was followed
    }

    @Test func aRepeatedPaginationTokenStopsTheListing() async throws {
        let http = InMemoryHTTPClient { request in
            let operation = request.header("X-Amz-Target")?.split(separator: ".").last ?? ""
            let body: [String: Any] =
                operation == "DescribeOrganization"
                ? ["Organization": ["Id": "o-1", "MasterAccountId": "111111111111"]]
                : ["Roots": [], "NextToken": "same-token-again"]
            return HTTPResponse(status: 200, body: Array(try JSONSerialization.data(withJSONObject: body)))
        }
        let broker = AWSBroker(
            settings: AWSSettings(profile: "management"),
            environment: ["HOME": "/home/op"],
            http: http,
            readFile: { $0.hasSuffix("/config") ? Self.config : nil }
        )
        await #expect {
            try await broker.organization()
        } throws: { "\($0)".contains("repeated a pagination token") }
        #expect(http.requests.count < 10)
    }
}
