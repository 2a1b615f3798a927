import Foundation
import HTTPTransport
import SwitchboardCore

/// The `kind: aws` backend's credential side: the operator's shared config profiles, role assumption through
/// them, the sessions it holds and who the console is. The files are read again on every listing, so an
/// edit shows without a restart. In the console the effect runner audits its assumptions; commands that
/// use it alone pass an audit log.
public struct AWSBroker: CredentialBroker {
    public let name: String
    public var kind: String { "aws" }
    /// Organizations every 5 minutes, IAM every 10, ECS and EKS every minute.
    public var defaultIntervals: [FeedID: TimeInterval] { [.organization: 300, .identity: 600, .runners: 60] }
    public let settings: AWSSettings
    let environment: [String: String]
    let http: any HTTPClient
    let cache: SessionCache
    let operatorName: String
    let audit: (any AuditLog)?
    /// The console's clock: expirations are shown on its timeline (the demo's runs from its own epoch).
    let displayClock: (any WallClock)?
    let readFile: @Sendable (String) -> String?
    /// The last organisation read, so the identity poll right after the organisation poll does not read it again.
    let recentOrganization = RecentValue<Organization>()
    /// The last compute read, shared by the runners poll and the identity poll's bindings.
    let recentCompute = RecentValue<ComputeReader.Result>()
    /// The last identity inventory, to name the account each Jenkins agent template deploys to.
    let recentInventory = RecentValue<IdentityInventory>()
    /// Read-role sessions, shared by the IAM and compute polls.
    let readSessions = ReadSessions()

    public init(
        settings: AWSSettings,
        environment: [String: String],
        http: any HTTPClient,
        cache: SessionCache? = nil,
        audit: (any AuditLog)? = nil,
        displayClock: (any WallClock)? = nil,
        readFile: @escaping @Sendable (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
    ) {
        name = settings.name
        self.settings = settings
        self.environment = environment
        self.http = http
        let file = settings.sessionCache == .disk ? SessionCache.defaultFile(environment: environment) : nil
        self.cache = cache ?? SessionCache(file: file)
        operatorName = OperatorName.current(environment: environment)
        self.audit = audit
        self.displayClock = displayClock
        self.readFile = readFile
    }

    /// The registry entry for `kind: aws`.
    public static func registryEntry(environment: [String: String], clock: any WallClock) -> BackendRegistry.Entry {
        .init(kind: "aws", keys: AWSSettings.keys) { options in
            try make(options: options, environment: environment, clock: clock)
        }
    }

    /// The broker a `kind: aws` config entry describes.
    public static func make(
        options: BackendOptions,
        environment: [String: String],
        clock: any WallClock
    ) throws
        -> AWSBroker
    {
        AWSBroker(
            settings: try AWSSettings(options: options),
            environment: environment,
            http: SocketHTTPClient(caBundle: environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }),
            displayClock: clock
        )
    }

    func assumer() throws(AssumeFailure) -> RoleAssumer {
        do {
            let config = try SharedConfig.load(environment: environment, read: readFile)
            return RoleAssumer(
                config: config,
                environment: environment,
                http: http,
                operatorName: operatorName,
                allowedAccountIDs: settings.allowedAccountIDs,
                audit: audit
            )
        } catch {
            throw AssumeFailure(message: "\(error)")
        }
    }

    public func target(_ text: String) -> AssumeTarget {
        AssumeTarget(parsing: text, via: settings.assumeVia ?? settings.profile)
    }

    public func profiles() async throws -> [ProfileSummary] {
        let assumer = try assumer()
        let resolver = ProfileResolver(config: assumer.config)
        return assumer.config.profiles.keys.sorted().map { name in
            let profile = assumer.config.profiles[name]
            var summary = ProfileSummary(
                name: name,
                roleARN: profile?.roleARN,
                account: profile?.roleARN.flatMap(ARNAccount.of),
                region: profile?["region"],
                mfaSerial: profile?["mfa_serial"]
            )
            do {
                let plan = try resolver.plan(for: name)
                summary.chain = [RoleAssumer.describe(plan.base)] + plan.hops.map(\.profile)
            } catch {
                summary.problem = "\(error)"
            }
            return summary
        }
    }

    public func sessions() async -> [SessionSummary] {
        await cache.all().map(summary)
    }

    func summary(_ session: AssumedSession) -> SessionSummary {
        let expiration = session.expiration.map { date in
            displayClock.map { $0.now().addingTimeInterval(date.timeIntervalSinceNow) } ?? date
        }
        return SessionSummary(
            target: session.target.description,
            arn: session.arn,
            account: session.account,
            sessionName: session.sessionName,
            expiration: expiration,
            region: session.region,
            hops: session.hops.map(\.assumedRoleARN),
            notes: session.notes
        )
    }

    public func callerIdentity() async throws -> CallerSummary {
        let assumer = try assumer()
        let target: AssumeTarget
        if let profile = settings.profile ?? assumer.defaultProfile {
            target = .profile(profile)
        } else {
            // The default chain without a profile: environment, container or instance, no hop.
            let plan = try Self.lift { () throws(AssumeError) in try assumer.plan(for: .role(arn: "-", via: nil)) }
            let credentials = try await Self.liftAsync { () async throws(AssumeError) in
                try await assumer.baseCredentials(plan.base)
            }
            let endpoint = try Self.lift { () throws(AssumeError) in
                try assumer.endpoint(for: .role(arn: "-", via: nil))
            }
            do {
                let who = try await STSClient(endpoint: endpoint, http: http).callerIdentity(with: credentials)
                return CallerSummary(account: who.account, arn: who.arn, userID: who.userID)
            } catch {
                throw AssumeFailure(message: error.description, stsCode: error.stsCode)
            }
        }
        let session = try await Self.liftAsync { () async throws(AssumeError) in
            try await assumer.assume(target, options: .init(verify: true))
        }
        await cache.store(session)
        return CallerSummary(account: session.account, arn: session.arn, userID: session.identity?.userID ?? "")
    }

    public func assumeTarget(forAccount account: String) -> String? { settings.roleARN(account: account) }

    public func assume(
        _ text: String,
        mfaCode: String?,
        progress: @escaping @Sendable (AssumeProgress) -> Void
    ) async throws -> SessionSummary {
        let assumer = try assumer()
        let session = try await Self.liftAsync { () async throws(AssumeError) in
            try await assumer.assume(target(text), options: .init(mfaCode: mfaCode)) { step in
                progress(Self.progress(step))
            }
        }
        await cache.store(session)
        return summary(session)
    }

    public func refreshExpiring() async -> [SessionSummary] {
        guard let assumer = try? assumer() else { return [] }
        var refreshed: [SessionSummary] = []
        for target in await cache.due() {
            guard let plan = try? assumer.plan(for: target), plan.hops.allSatisfy({ $0.mfaSerial == nil }) else {
                continue
            }
            if let session = try? await assumer.assume(target) {
                await cache.store(session)
                refreshed.append(summary(session))
            }
        }
        return refreshed
    }

    static func progress(_ step: RoleAssumer.Step) -> AssumeProgress {
        switch step {
        case .base(let text): .base(text)
        case .hopStarted(let index, let total, let arn): .hopStarted(index: index, of: total, roleARN: arn)
        case .hopDone(let index, let total, let record):
            .hopDone(index: index, of: total, assumedARN: record.assumedRoleARN, note: record.note)
        case .verified(let identity): .verified(arn: identity.arn)
        }
    }

    static func failure(_ error: AssumeError) -> AssumeFailure {
        let refused = if case .notAllowed = error.cause { true } else { false }
        return AssumeFailure(
            message: error.description,
            stsCode: error.stsCode,
            roleARN: error.roleARN,
            refused: refused
        )
    }

    static func lift<T>(_ body: () throws(AssumeError) -> T) throws(AssumeFailure) -> T {
        do { return try body() } catch { throw failure(error) }
    }

    static func liftAsync<T>(_ body: () async throws(AssumeError) -> T) async throws(AssumeFailure) -> T {
        do { return try await body() } catch { throw failure(error) }
    }
}
