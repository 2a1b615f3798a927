import AWSBackend
import Foundation
import HTTPTransport
import SwitchboardCore
import Testing

/// The `kind: aws` entry: its settings from the switchboard config, and the broker the console talks to.
@Suite struct AWSBrokerTests {
    static func registry() -> BackendRegistry {
        var registry = BackendRegistry()
        registry.register(AWSBroker.registryEntry(environment: [:], clock: ManualClock(Date(timeIntervalSince1970: 0))))
        return registry
    }

    @Test func settingsFromTheConfigWithListsAndErrorsThatNameTheLine() throws {
        let loader = ConfigLoader(registry: Self.registry())
        let config = try loader.parse(
            """
            backends:
              - kind: aws
                profile: ops
                allowed_account_ids: ["012345678901", "222222222222"]
                session_cache: disk
            """,
            file: "sb.yaml"
        )
        let settings = try AWSSettings(options: config.backends[0])
        #expect(settings.allowedAccountIDs == ["012345678901", "222222222222"])
        #expect(settings.sessionCache == .disk && settings.profile == "ops")
        #expect(settings.roleARN(account: "222222222222") == "arn:aws:iam::222222222222:role/cicd/delegated-role")

        let bad = try loader.parse(
            "backends:\n  - kind: aws\n    allowed_account_ids: [12345]\n",
            file: "sb.yaml"
        )
        #expect {
            try AWSSettings(options: bad.backends[0])
        } throws: { "\($0)".contains("sb.yaml:3") && "\($0)".contains("12345") }
        #expect {
            try loader.parse("backends:\n  - kind: aws\n    allowed_acount_ids: []\n", file: "sb.yaml")
        } throws: { "\($0)".contains("sb.yaml:3") && "\($0)".contains("allowed_account_ids") }
    }

    static let files = """
        [profile ops]
        aws_access_key_id = AKIDOPERATOR
        aws_secret_access_key = operator-secret
        endpoint_url = http://127.0.0.1:5000

        [profile loop]
        role_arn = arn:aws:iam::111111111111:role/a
        source_profile = loop

        [profile dev]
        role_arn = arn:aws:iam::222222222222:role/cicd/delegated-role
        source_profile = ops
        endpoint_url = http://127.0.0.1:5000
        """

    static func sts() -> InMemoryHTTPClient {
        InMemoryHTTPClient { request in
            let body = String(decoding: request.body, as: UTF8.self)
            if body.contains("GetCallerIdentity") {
                return HTTPResponse(
                    status: 200,
                    text: "<R><Arn>arn:aws:iam::999999999999:user/op</Arn><UserId>AIDAOP</UserId>"
                        + "<Account>999999999999</Account></R>"
                )
            }
            return HTTPResponse(
                status: 200,
                text:
                    "<AssumeRoleResult><Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                    + "<SessionToken>t</SessionToken><Expiration>2099-01-01T01:00:00Z</Expiration></Credentials>"
                    + "<AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/delegated-role/switchboard-op</Arn>"
                    + "<AssumedRoleId>AROAX:switchboard-op</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
            )
        }
    }

    func broker(clock: (any WallClock)? = nil) -> AWSBroker {
        AWSBroker(
            settings: AWSSettings(profile: "ops"),
            environment: ["HOME": "/home/op", "USER": "op"],
            http: Self.sts(),
            displayClock: clock,
            readFile: { $0.hasSuffix("/config") ? Self.files : nil }
        )
    }

    @Test func profilesWithChainsAndProblems() async throws {
        let profiles = try await broker().profiles()
        #expect(profiles.map(\.name) == ["dev", "loop", "ops"])
        #expect(profiles[0].chain == ["keys of profile ops", "dev"] && profiles[0].account == "222222222222")
        #expect(profiles[1].problem?.contains("Infinite loop") == true)
        #expect(profiles[1].problem?.contains("/home/op/.aws/config:8") == true)
        #expect(profiles[2].roleARN == nil && profiles[2].problem == nil)
    }

    @Test func assumeHoldsTheSessionOnTheConsolesClock() async throws {
        let demoNow = Date(timeIntervalSince1970: 1_000_000)
        let broker = broker(clock: ManualClock(demoNow))
        let steps = LockedSteps()
        let session = try await broker.assume("dev", mfaCode: nil) { steps.add($0) }
        #expect(session.arn.hasSuffix("assumed-role/delegated-role/switchboard-op"))
        // 2099 is decades away on the wall clock; on the console's clock it is as far from its "now".
        let left = try #require(session.expiration).timeIntervalSince(demoNow)
        #expect(left > 2_000_000_000)
        #expect(await broker.sessions().map(\.target) == ["dev"])
        #expect(steps.count == 3)
        let who = try await broker.callerIdentity()
        #expect(who.account == "999999999999" && who.userID == "AIDAOP")
        #expect(broker.assumeTarget(forAccount: "333333333333") == "arn:aws:iam::333333333333:role/cicd/delegated-role")
    }
}

final class LockedSteps: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [AssumeProgress] = []
    func add(_ step: AssumeProgress) { lock.withLock { steps.append(step) } }
    var count: Int { lock.withLock { steps.count } }
}
