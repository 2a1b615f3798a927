import Foundation
import SwitchboardCore

/// Reads one account's roles with IAM (query protocol): `GetAccountAuthorizationDetails` (roles with trust,
/// inline and attached policies, boundaries; managed policies with their default version's document), and
/// `ListRoles` for each role's MaxSessionDuration (which the former leaves out); where the first is refused,
/// the per-role calls instead. Everything paginates with `Marker`.
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
        var markers = PageTokens("IAM \(action)")
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
            marker = try markers.next(result.value("IsTruncated") == "true" ? result.value("Marker") : nil)
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
        do {
            return try await authorizationDetails(account: account, counter: counter)
        } catch {
            // A read role may be allowed the per-role calls but not GetAccountAuthorizationDetails.
            let refused: Set = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]
            guard let code = error.code, refused.contains(code) else { throw error }
            return try await perRole(account: account, counter: counter)
        }
    }

    /// The slower way, one role at a time: ListRoles, then each role's GetRole (boundary, tags),
    /// ListRolePolicies + GetRolePolicy, ListAttachedRolePolicies + GetPolicy + GetPolicyVersion (the default
    /// version, each managed policy read once).
    func perRole(
        account: String,
        counter: OrganizationsReader.Counter?
    ) async throws(AWSServiceClient.Failure)
        -> [Role]
    {
        var managed: [String: NamedPolicy] = [:]
        func managedPolicy(_ arn: String, name: String?) async throws(AWSServiceClient.Failure) -> NamedPolicy {
            if let known = managed[arn] { return known }
            let policy = try await pages("GetPolicy", [("PolicyArn", arn)], counter: counter).first?.child("Policy")
            let version = policy?.value("DefaultVersionId") ?? "v1"
            let document = try await pages(
                "GetPolicyVersion",
                [("PolicyArn", arn), ("VersionId", version)],
                counter: counter
            ).first?.child("PolicyVersion")?.value("Document")
            let named = NamedPolicy(
                name: name ?? policy?.value("PolicyName") ?? String(arn.split(separator: "/").last ?? ""),
                arn: arn,
                document: Self.document(document)
            )
            managed[arn] = named
            return named
        }
        var roles: [Role] = []
        for page in try await pages("ListRoles", [], counter: counter) {
            for listed in page.members("Roles") {
                guard let name = listed.value("RoleName") else { continue }
                let detail = try await pages("GetRole", [("RoleName", name)], counter: counter).first?.child("Role")
                var inline: [NamedPolicy] = []
                for names in try await pages("ListRolePolicies", [("RoleName", name)], counter: counter) {
                    for policyName in names.child("PolicyNames")?.children.map(\.text) ?? [] {
                        let document = try await pages(
                            "GetRolePolicy",
                            [("RoleName", name), ("PolicyName", policyName)],
                            counter: counter
                        ).first?.value("PolicyDocument")
                        inline.append(NamedPolicy(name: policyName, document: Self.document(document)))
                    }
                }
                var attached: [NamedPolicy] = []
                for list in try await pages("ListAttachedRolePolicies", [("RoleName", name)], counter: counter) {
                    for item in list.members("AttachedPolicies") {
                        guard let arn = item.value("PolicyArn") else { continue }
                        attached.append(try await managedPolicy(arn, name: item.value("PolicyName")))
                    }
                }
                var boundary: NamedPolicy?
                if let arn = detail?.child("PermissionsBoundary")?.value("PermissionsBoundaryArn") {
                    boundary = try await managedPolicy(arn, name: nil)
                }
                var tags: [String: String] = [:]
                for tag in detail?.members("Tags") ?? [] {
                    if let key = tag.value("Key") { tags[key] = tag.value("Value") ?? "" }
                }
                var role = Role(
                    accountID: account,
                    path: listed.value("Path") ?? "/",
                    name: name,
                    roleID: listed.value("RoleId") ?? "",
                    trustPolicy: Self.document(listed.value("AssumeRolePolicyDocument")),
                    inlinePolicies: inline,
                    attachedPolicies: attached,
                    permissionsBoundary: boundary,
                    tags: tags
                )
                role.maxSessionDuration = listed.value("MaxSessionDuration").flatMap(Int.init) ?? 3600
                roles.append(role)
            }
        }
        return roles.sorted { $0.arn < $1.arn }
    }

    func authorizationDetails(
        account: String,
        counter: OrganizationsReader.Counter?
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
