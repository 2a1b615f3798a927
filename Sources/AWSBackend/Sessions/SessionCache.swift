import Foundation
import SwitchboardCore

#if canImport(Glibc)
import Glibc
#endif

/// Sessions by target, with their expiry. In memory by default; with a file (the config's
/// `session_cache: disk`) also on disk as JSON, mode 0600 in the XDG state directory, rewritten atomically.
/// A session is handed out only while it has more than `margin` left, so callers refresh before expiry.
public actor SessionCache {
    public nonisolated let file: String?
    public let margin: TimeInterval
    private var sessions: [String: AssumedSession] = [:]
    let now: @Sendable () -> Date

    public init(file: String? = nil, margin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.file = file
        self.margin = margin
        self.now = now
        if let file { sessions = Self.load(file) }
    }

    /// `$XDG_STATE_HOME/switchboard/sessions.json`.
    public static func defaultFile(environment: [String: String]) -> String? {
        StateDirectory.path(environment: environment).map { $0 + "/sessions.json" }
    }

    /// A session for the target that is good for more than the margin.
    public func session(for target: AssumeTarget) -> AssumedSession? {
        guard let session = sessions[target.description] else { return nil }
        guard let expiration = session.expiration else { return session }
        return expiration.timeIntervalSince(now()) > margin ? session : nil
    }

    /// Only assumed sessions with an expiry are kept: a profile's own long-term keys are never copied here.
    public func store(_ session: AssumedSession) {
        guard session.expiration != nil, !session.hops.isEmpty else { return }
        sessions[session.target.description] = session
        save()
    }

    public func remove(_ target: AssumeTarget) {
        sessions[target.description] = nil
        save()
    }

    /// Every session still valid, soonest expiry first.
    public func all() -> [AssumedSession] {
        let time = now()
        return sessions.values.filter { ($0.expiration ?? .distantFuture) > time }
            .sorted {
                ($0.expiration ?? .distantFuture, $0.target.description) < (
                    $1.expiration ?? .distantFuture, $1.target.description
                )
            }
    }

    /// Targets whose sessions are within the margin of expiring (but not yet expired): refresh these.
    public func due() -> [AssumeTarget] {
        let time = now()
        return sessions.values.filter {
            guard let expiration = $0.expiration else { return false }
            let left = expiration.timeIntervalSince(time)
            return left > 0 && left <= margin
        }.map(\.target)
    }

    // MARK: disk

    struct Record: Codable {
        var target: String
        var via: String?
        var isRole: Bool
        var accessKeyID: String
        var secretAccessKey: String
        var sessionToken: String?
        var expiration: Date?
        var hops: [HopRecord]
        var base: String
        var region: String
        var account: String
        var arn: String
        var sessionName: String
    }

    private static func load(_ file: String) -> [String: AssumedSession] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let records = try? decoder.decode([Record].self, from: data) else { return [:] }
        var out: [String: AssumedSession] = [:]
        for record in records {
            let target: AssumeTarget =
                record.isRole ? .role(arn: record.target, via: record.via) : .profile(record.target)
            out[target.description] = AssumedSession(
                target: target,
                credentials: AWSCredentials(
                    accessKeyID: record.accessKeyID,
                    secretAccessKey: record.secretAccessKey,
                    sessionToken: record.sessionToken,
                    expiration: record.expiration
                ),
                hops: record.hops,
                base: record.base,
                region: record.region,
                account: record.account,
                arn: record.arn,
                sessionName: record.sessionName,
                expiration: record.expiration,
                notes: []
            )
        }
        return out
    }

    private func save() {
        guard let file else { return }
        let time = now()
        let records = sessions.values.filter { ($0.expiration ?? .distantFuture) > time }.map { session -> Record in
            let (name, via, isRole): (String, String?, Bool) =
                switch session.target {
                case .profile(let name): (name, nil, false)
                case .role(let arn, let via): (arn, via, true)
                }
            return Record(
                target: name,
                via: via,
                isRole: isRole,
                accessKeyID: session.credentials.accessKeyID,
                secretAccessKey: session.credentials.secretAccessKey,
                sessionToken: session.credentials.sessionToken,
                expiration: session.expiration,
                hops: session.hops,
                base: session.base,
                region: session.region,
                account: session.account,
                arn: session.arn,
                sessionName: session.sessionName
            )
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(records.sorted { $0.target < $1.target }) else { return }
        try? StateDirectory.create(parentOf: file)
        let temporary = file + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = fchmod(fd, 0o600)
        let bytes = Array(data)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        _ = fsync(fd)
        close(fd)
        if written == bytes.count { _ = rename(temporary, file) } else { _ = unlink(temporary) }
    }
}
