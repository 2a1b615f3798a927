import AWSBackend
import Foundation
import Synchronization
import Testing

/// Sessions in memory and, when asked, on disk: 0600, reloaded by the next process, handed out only while
/// they have more than the margin left, and listed for refresh inside it.
@Suite struct SessionCacheTests {
    final class Now: Sendable {
        let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { value.withLock { $0 += seconds } }
        var get: Date { value.withLock { $0 } }
    }

    static func session(_ target: AssumeTarget, expiring: Date) -> AssumedSession {
        AssumedSession(
            target: target,
            credentials: AWSCredentials(
                accessKeyID: "ASIAEXAMPLE",
                secretAccessKey: "cached-secret",
                sessionToken: "cached-token",
                expiration: expiring
            ),
            hops: [
                HopRecord(
                    roleARN: "arn:aws:iam::222222222222:role/cicd/delegated-role",
                    assumedRoleARN: "arn:aws:sts::222222222222:assumed-role/delegated-role/op",
                    sessionName: "op",
                    expiration: expiring
                )
            ],
            base: "Ec2InstanceMetadata",
            region: "eu-central-1",
            account: "222222222222",
            arn: "arn:aws:sts::222222222222:assumed-role/delegated-role/op",
            sessionName: "op",
            expiration: expiring,
            notes: []
        )
    }

    @Test func diskCacheIsPrivateAndSurvivesAProcess() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cache-\(UUID().uuidString)")
        let file = dir.appendingPathComponent("switchboard/sessions.json").path
        let now = Now()
        let cache = SessionCache(file: file, now: { now.get })
        let role = AssumeTarget.role(arn: "arn:aws:iam::222222222222:role/cicd/delegated-role", via: "runner")
        await cache.store(Self.session(.profile("development"), expiring: now.get.addingTimeInterval(3600)))
        await cache.store(Self.session(role, expiring: now.get.addingTimeInterval(600)))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let reloaded = SessionCache(file: file, now: { now.get })
        #expect(await reloaded.session(for: .profile("development"))?.credentials.secretAccessKey == "cached-secret")
        #expect(await reloaded.session(for: role)?.arn == "arn:aws:sts::222222222222:assumed-role/delegated-role/op")
        now.advance(400)  // the role session now has 200 s left: inside the 300 s margin
        #expect(await reloaded.session(for: role) == nil)
        #expect(await reloaded.due() == [role])
        now.advance(300)  // expired: neither handed out nor due, and gone from the listing
        #expect(await reloaded.due().isEmpty)
        #expect(await reloaded.all().map(\.target) == [.profile("development")])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func longTermKeysAreNeverCached() async throws {
        var keys = Self.session(.profile("ops"), expiring: Date().addingTimeInterval(3600))
        keys.hops = []
        keys.expiration = nil
        let cache = SessionCache()
        await cache.store(keys)
        #expect(await cache.all().isEmpty)
    }

    @Test func memoryCacheWritesNothing() async throws {
        let cache = SessionCache()
        #expect(cache.file == nil)
        await cache.store(Self.session(.profile("x"), expiring: Date().addingTimeInterval(3600)))
        #expect(await cache.all().count == 1)
        #expect(!"\(await cache.all()[0])".contains("cached-secret"))
    }
}
