import Foundation
import SwitchboardCore

/// Reads one account's roles with IAM (query protocol): `GetAccountAuthorizationDetails` (roles with trust,
/// inline and attached policies, boundaries; managed policies with their default version's document), and
/// `ListRoles` for each role's MaxSessionDuration (which the former leaves out). Both paginate with `Marker`.
/// Fields a server leaves out are tolerated (moto 5 omits `PolicyName` in `Policies`).
public struct IAMReader: Sendable {
    let client: AWSServiceClient
    let credentials: AWSCredentials

    public init(client: AWSServiceClient, credentials: AWSCredentials) {
        self.client = client
        self.credentials = credentials
    }

    func pages(
        _ action: String,
        _ parameters: [(String, String)],
        counter: OrganizationsReader.Counter?
    )
        async throws(AWSServiceClient.Failure) -> [XMLNode]
    {
        var results: [XMLNode] = []
        var marker: String?
        repeat {
            var fields = [("Action", action), ("Version", "2010-05-08")] + parameters
            if let marker { fields.append(("Marker", marker)) }
            let body = fields.map { SigV4Signer.encodeComponent($0.0) + "=" + SigV4Signer.encodeComponent($0.1) }
                .joined(separator: "&")
            counter?.add()
            let xml = try await client.query(body, credentials: credentials)
            let document: XMLNode
            do {
                document = try XMLNode.parse(xml)
            } catch {
                throw .malformed("IAM \(action): \(error)")
            }
            guard let result = document.find("\(action)Result") else {
                throw .malformed("IAM answered \(action) without \(action)Result")
            }
            results.append(result)
            marker = result.value("IsTruncated") == "true" ? result.value("Marker") : nil
        } while marker != nil
        return results
    }

    /// A policy document as IAM returns it: URL-encoded JSON.
    static func document(_ text: String?) -> PolicyDocument {
        let raw = text ?? "{}"
        let decoded = raw.hasPrefix("%") ? (raw.removingPercentEncoding ?? raw) : raw
        return PolicyDocument(json: decoded)
    }

    public func roles(
        account: String,
        counter: OrganizationsReader.Counter? = nil
    ) async throws(AWSServiceClient.Failure) -> [Role] {
        let details = try await pages(
            "GetAccountAuthorizationDetails",
            [
                ("Filter.member.1", "Role"), ("Filter.member.2", "LocalManagedPolicy"),
                ("Filter.member.3", "AWSManagedPolicy"),
            ],
            counter: counter
        )
        var managed: [String: NamedPolicy] = [:]
        for page in details {
            for policy in page.members("Policies") {
                guard let arn = policy.value("Arn") else { continue }
                let version =
                    policy.members("PolicyVersionList").first { $0.value("IsDefaultVersion") == "true" }
                    ?? policy.members("PolicyVersionList").first
                managed[arn] = NamedPolicy(
                    name: policy.value("PolicyName") ?? String(arn.split(separator: "/").last ?? ""),
                    arn: arn,
                    document: Self.document(version?.value("Document"))
                )
            }
        }
        var maxDurations: [String: Int] = [:]
        for page in try await pages("ListRoles", [], counter: counter) {
            for role in page.members("Roles") {
                if let arn = role.value("Arn"), let seconds = role.value("MaxSessionDuration").flatMap(Int.init) {
                    maxDurations[arn] = seconds
                }
            }
        }
        var roles: [Role] = []
        for page in details {
            for member in page.members("RoleDetailList") {
                guard let name = member.value("RoleName") else { continue }
                let path = member.value("Path") ?? "/"
                let attached = member.members("AttachedManagedPolicies").compactMap { item -> NamedPolicy? in
                    guard let arn = item.value("PolicyArn") else { return nil }
                    return managed[arn]
                        ?? NamedPolicy(
                            name: item.value("PolicyName") ?? arn,
                            arn: arn,
                            document: PolicyDocument(json: "{}")
                        )
                }
                var boundary: NamedPolicy?
                if let arn = member.child("PermissionsBoundary")?.value("PermissionsBoundaryArn") {
                    boundary = managed[arn] ?? NamedPolicy(name: arn, arn: arn, document: PolicyDocument(json: "{}"))
                }
                var tags: [String: String] = [:]
                for tag in member.members("Tags") {
                    if let key = tag.value("Key") { tags[key] = tag.value("Value") ?? "" }
                }
                var role = Role(
                    accountID: account,
                    path: path,
                    name: name,
                    roleID: member.value("RoleId") ?? "",
                    trustPolicy: Self.document(member.value("AssumeRolePolicyDocument")),
                    inlinePolicies: member.members("RolePolicyList").map {
                        NamedPolicy(
                            name: $0.value("PolicyName") ?? "inline",
                            document: Self.document($0.value("PolicyDocument"))
                        )
                    },
                    attachedPolicies: attached,
                    permissionsBoundary: boundary,
                    tags: tags
                )
                role.maxSessionDuration = maxDurations[role.arn] ?? 3600
                roles.append(role)
            }
        }
        return roles.sorted { $0.arn < $1.arn }
    }
}
