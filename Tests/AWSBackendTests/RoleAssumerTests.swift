import AWSBackend
import Foundation
import HTTPTransport
import SwitchboardCore
import Synchronization
import Testing

/// The chain walker against a scripted STS: hop order and signing keys, durations, retries, refusals, the
/// audit entries and what never appears in them.
@Suite struct RoleAssumerTests {
    static let config = """
        [profile ops]
        aws_access_key_id = AKIDOPERATOR
        aws_secret_access_key = operator-secret
        region = eu-central-1
        endpoint_url = http://127.0.0.1:5000

        [profile runner]
        role_arn = arn:aws:iam::401508014950:role/cicd-kube2iam-gitlab_runner_role
        source_profile = ops
        region = eu-central-1
        endpoint_url = http://127.0.0.1:5000

        [profile development]
        role_arn = arn:aws:iam::493553127952:role/cicd/delegated-role
        source_profile = runner
        role_session_name = gitlab-deploy
        duration_seconds = 43200
        region = eu-central-1
        endpoint_url = http://127.0.0.1:5000

        [profile mfa]
        role_arn = arn:aws:iam::493553127952:role/break-glass
        source_profile = ops
        mfa_serial = arn:aws:iam::123456789012:mfa/operator
        endpoint_url = http://127.0.0.1:5000
        """

    static func shared() throws -> SharedConfig {
        try SharedConfig.load(environment: ["HOME": "/home/op"]) { $0.hasSuffix("/config") ? config : nil }
    }

    /// A fake STS: AssumeRole hands out keys named after the role; the caller's key id is recorded per call.
    final class FakeSTS: Sendable {
        let calls = Mutex<[(action: String, keyID: String, body: String)]>([])
        let failures = Mutex<[String]>([])  // error bodies to answer first, in order

        func fail(with code: String, status: Int = 400, message: String = "no") {
            failures.withLock {
                $0.append(
                    "<ErrorResponse><Error><Code>\(code)</Code><Message>\(message)</Message></Error>"
                        + "<RequestId>r-1</RequestId></ErrorResponse>|\(status)"
                )
            }
        }

        var client: InMemoryHTTPClient {
            InMemoryHTTPClient { [self] request in
                let body = String(decoding: request.body, as: UTF8.self)
                let authorization = request.header("Authorization") ?? ""
                let keyID =
                    authorization.components(separatedBy: "Credential=").last?.components(separatedBy: "/")
                    .first ?? ""
                let action = body.contains("Action=AssumeRole") ? "AssumeRole" : "GetCallerIdentity"
                calls.withLock { $0.append((action, keyID, body)) }
                if let failure = failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                    let parts = failure.split(separator: "|")
                    return HTTPResponse(status: Int(parts[1]) ?? 400, text: String(parts[0]))
                }
                if action == "GetCallerIdentity" {
                    let account = keyID.contains("delegated") ? "493553127952" : "401508014950"
                    return HTTPResponse(
                        status: 200,
                        text: "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::\(account):"
                            + "assumed-role/x/y</Arn><UserId>AROAX:y</UserId><Account>\(account)</Account>"
                            + "</GetCallerIdentityResult></GetCallerIdentityResponse>"
                    )
                }
                let arn =
                    body.components(separatedBy: "RoleArn=").last?.components(separatedBy: "&").first?
                    .removingPercentEncoding ?? ""
                let role = arn.components(separatedBy: "/").last ?? "role"
                let account = arn.components(separatedBy: ":")[4]
                let session =
                    body.components(separatedBy: "RoleSessionName=").last?.components(separatedBy: "&")
                    .first ?? ""
                return HTTPResponse(
                    status: 200,
                    text: """
                        <AssumeRoleResponse><AssumeRoleResult><Credentials>
                        <AccessKeyId>ASIA\(role)</AccessKeyId><SecretAccessKey>secret-of-\(role)</SecretAccessKey>
                        <SessionToken>token-of-\(role)</SessionToken><Expiration>2026-11-23T13:00:00Z</Expiration>
                        </Credentials><AssumedRoleUser><Arn>arn:aws:sts::\(account):assumed-role/\(role)/\(session)</Arn>
                        <AssumedRoleId>AROA\(role):\(session)</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>
                        </AssumeRoleResponse>
                        """
                )
            }
        }
    }

    static let now = try! Date("2026-11-23T12:00:00Z", strategy: .iso8601)

    func assumer(
        _ sts: FakeSTS,
        allowed: [String] = [],
        audit: InMemoryAuditLog = InMemoryAuditLog()
    ) throws
        -> RoleAssumer
    {
        RoleAssumer(
            config: try Self.shared(),
            environment: ["HOME": "/home/op"],
            http: sts.client,
            operatorName: "alice",
            allowedAccountIDs: allowed,
            audit: audit,
            now: { Self.now },
            sleep: { _ in }
        )
    }

    @Test func walksTheChainSigningEachHopWithThePreviousKeys() async throws {
        let sts = FakeSTS()
        let steps = Mutex<[RoleAssumer.Step]>([])
        let session = try await assumer(sts).assume(.profile("development")) { step in
            steps.withLock { $0.append(step) }
        }
        let calls = sts.calls.withLock { $0 }
        #expect(calls.map(\.keyID) == ["AKIDOPERATOR", "ASIAcicd-kube2iam-gitlab_runner_role"])
        #expect(session.credentials.accessKeyID == "ASIAdelegated-role")
        #expect(session.arn == "arn:aws:sts::493553127952:assumed-role/delegated-role/gitlab-deploy")
        #expect(session.account == "493553127952" && session.region == "eu-central-1")
        #expect(session.hops.map(\.sessionName) == ["switchboard-alice", "gitlab-deploy"])
        // duration_seconds 43200 on a chained hop: clamped to an hour before asking, and said so.
        #expect(calls[1].body.contains("DurationSeconds=3600"))
        #expect(session.notes.contains { $0.contains("role chaining caps sessions at 1 hour") })
        let recorded = steps.withLock { $0 }
        #expect(recorded.first == .base("keys of profile ops"))
        #expect(recorded.count == 5)
    }

    @Test func throttlingIsRetriedThenSucceeds() async throws {
        let sts = FakeSTS()
        sts.fail(with: "Throttling", status: 400)
        sts.fail(with: "InternalFailure", status: 500)
        let session = try await assumer(sts).assume(.profile("runner"))
        #expect(session.account == "401508014950")
        #expect(sts.calls.withLock { $0.count } == 3)
    }

    @Test func accessDeniedNamesTheHopAndOffersExplain() async throws {
        let sts = FakeSTS()
        let audit = InMemoryAuditLog()
        sts.fail(with: "AccessDenied", status: 403, message: "not authorized to perform sts:AssumeRole")
        await #expect {
            try await assumer(sts, audit: audit).assume(.profile("development"))
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("hop 1 of 2 (arn:aws:iam::401508014950:role/cicd-kube2iam-gitlab_runner_role)")
                && text.contains("explain") && (error as? AssumeError)?.stsCode == "AccessDenied"
        }
        let entries = try audit.recent(limit: 10)
        #expect(entries.count == 1 && entries[0].outcome == .failed && entries[0].operator == "alice")
    }

    @Test func maxSessionDurationRefusalIsAskedAgainAtAnHour() async throws {
        let sts = FakeSTS()
        sts.fail(
            with: "ValidationError",
            message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."
        )
        let session = try await assumer(sts).assume(.profile("runner"), options: .init(durationSeconds: 43200))
        let calls = sts.calls.withLock { $0 }
        #expect(calls.count == 2 && calls[0].body.contains("DurationSeconds=43200"))
        #expect(calls[1].body.contains("DurationSeconds=3600"))
        #expect(session.notes.contains { $0.contains("MaxSessionDuration is lower") })
    }

    @Test func allowedAccountIDsRefuseAndDiscard() async throws {
        let sts = FakeSTS()
        let audit = InMemoryAuditLog()
        await #expect {
            try await assumer(sts, allowed: ["401508014950"], audit: audit).assume(.profile("development"))
        } throws: { "\($0)".contains("account 493553127952, which allowed_account_ids") }
        #expect(try audit.recent(limit: 5).map(\.outcome) == [.refused])
        #expect(try await assumer(sts, allowed: ["401508014950"]).assume(.profile("runner")).identity != nil)
    }

    @Test func mfaWithoutACodeAsksForOne() async throws {
        await #expect {
            try await assumer(FakeSTS()).assume(.profile("mfa"))
        } throws: { "\($0)".contains("needs an MFA code from arn:aws:iam::123456789012:mfa/operator") }
        let sts = FakeSTS()
        _ = try await assumer(sts).assume(.profile("mfa"), options: .init(mfaCode: "123456"))
        #expect(sts.calls.withLock { $0[0].body.contains("TokenCode=123456") })
    }

    @Test func roleARNViaAProfileAndSessionNameOverride() async throws {
        let sts = FakeSTS()
        let session = try await assumer(sts).assume(
            .role(arn: "arn:aws:iam::856472303433:role/deploy-role", via: "runner"),
            options: .init(sessionName: "incident 42!")
        )
        #expect(session.hops.count == 2)
        #expect(session.sessionName == "incident-42-")
        #expect(session.arn.hasPrefix("arn:aws:sts::856472303433:assumed-role/deploy-role/"))
    }

    @Test func auditEntriesCarryNoSecret() async throws {
        let audit = InMemoryAuditLog()
        let sts = FakeSTS()
        _ = try await assumer(sts, audit: audit).assume(.profile("development"))
        let lines = try audit.recent(limit: 10).map(\.jsonLine).joined(separator: "\n")
        #expect(lines.contains("gitlab-deploy") && lines.contains("\"operator\":\"alice\""))
        for secret in ["operator-secret", "secret-of-", "token-of-"] { #expect(!lines.contains(secret)) }
    }
}
