import Foundation
import HTTPTransport
import SwitchboardCore

/// Walks a credential plan: base credentials, then one `AssumeRole` per hop, each signed with the previous
/// hop's keys, reporting every step as it goes so a screen can show the chain advancing. Durations are
/// clamped before asking (role chaining's hour) and, when STS says the role's MaxSessionDuration is lower,
/// asked again at one hour with a note. With `allowed_account_ids`, the result's `GetCallerIdentity` account
/// must be listed, or the credentials are dropped.
public struct RoleAssumer: Sendable {
    public enum Step: Sendable, Hashable {
        case base(String)
        case hopStarted(index: Int, of: Int, roleARN: String)
        case hopDone(index: Int, of: Int, record: HopRecord)
        case verified(CallerIdentity)
    }

    public struct Options: Sendable, Hashable {
        public var durationSeconds: Int?
        public var sessionName: String?
        public var mfaCode: String?
        /// Ask `GetCallerIdentity` at the end even when no `allowed_account_ids` require it.
        public var verify: Bool

        public init(
            durationSeconds: Int? = nil,
            sessionName: String? = nil,
            mfaCode: String? = nil,
            verify: Bool = false
        ) {
            self.durationSeconds = durationSeconds
            self.sessionName = sessionName
            self.mfaCode = mfaCode
            self.verify = verify
        }
    }

    public let config: SharedConfig
    public let environment: [String: String]
    public let operatorName: String
    public var allowedAccountIDs: [String]
    /// Every call of `assume` leaves one entry here, whatever its outcome.
    public var audit: (any AuditLog)?
    let http: any HTTPClient
    let now: @Sendable () -> Date
    let sleep: @Sendable (Double) async -> Void

    public init(
        config: SharedConfig,
        environment: [String: String],
        http: any HTTPClient,
        operatorName: String,
        allowedAccountIDs: [String] = [],
        audit: (any AuditLog)? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) }
    ) {
        self.config = config
        self.environment = environment
        self.http = http
        self.operatorName = operatorName
        self.allowedAccountIDs = allowedAccountIDs
        self.audit = audit
        self.now = now
        self.sleep = sleep
    }

    /// The profile the default credentials come from: `AWS_PROFILE`, else `default` if it exists.
    public var defaultProfile: String? {
        if let named = environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"], !named.isEmpty {
            return named
        }
        return config.profiles["default"] == nil ? nil : "default"
    }

    /// The plan for a target, with botocore's default chain where no profile is named.
    public func plan(for target: AssumeTarget) throws(AssumeError) -> CredentialPlan {
        let resolver = ProfileResolver(config: config)
        func resolve(_ name: String) throws(AssumeError) -> CredentialPlan {
            do {
                return try resolver.plan(for: name)
            } catch {
                throw AssumeError(.profile(error))
            }
        }
        switch target {
        case .profile(let name):
            return try resolve(name)
        case .role(let arn, let via):
            var plan: CredentialPlan
            if let source = via ?? (environment["AWS_ACCESS_KEY_ID"] == nil ? defaultProfile : nil) {
                plan = try resolve(source)
            } else if environment["AWS_ACCESS_KEY_ID"] != nil {
                plan = CredentialPlan(profile: "environment", base: .environment, hops: [], warnings: [])
            } else if environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil
                || environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil
            {
                plan = CredentialPlan(profile: "container", base: .container, hops: [], warnings: [])
            } else {
                plan = CredentialPlan(profile: "instance", base: .instanceMetadata, hops: [], warnings: [])
            }
            plan.hops.append(
                AssumeRoleHop(profile: plan.profile, roleARN: arn, location: "the command line")
            )
            return plan
        }
    }

    /// The profile whose region and endpoint the calls use.
    func settingsProfile(_ target: AssumeTarget, plan: CredentialPlan) -> AWSProfile? {
        switch target {
        case .profile(let name): config.profiles[name]
        case .role(_, let via): config.profiles[via ?? defaultProfile ?? plan.profile]
        }
    }

    public func endpoint(for target: AssumeTarget) throws(AssumeError) -> STSEndpoint {
        let plan = try plan(for: target)
        do {
            return try STSEndpoint.resolve(environment: environment, profile: settingsProfile(target, plan: plan))
        } catch {
            throw AssumeError(.credentials(error))
        }
    }

    /// The chain's first credentials.
    public func baseCredentials(_ base: BaseCredentials) async throws(AssumeError) -> AWSCredentials {
        do {
            switch base {
            case .staticKeys(let name):
                let profile = config.profiles[name]
                guard let id = profile?["aws_access_key_id"], let secret = profile?["aws_secret_access_key"] else {
                    throw CredentialError(source: "profile \(name)", "has no aws_access_key_id/aws_secret_access_key")
                }
                return AWSCredentials(
                    accessKeyID: id,
                    secretAccessKey: secret,
                    sessionToken: profile?["aws_session_token"]
                )
            case .environment:
                guard let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"]
                else {
                    throw CredentialError(
                        source: "credential_source Environment",
                        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set"
                    )
                }
                let expiration = environment["AWS_CREDENTIAL_EXPIRATION"].flatMap { try? Date($0, strategy: .iso8601) }
                return AWSCredentials(
                    accessKeyID: id,
                    secretAccessKey: secret,
                    sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"],
                    expiration: expiration
                )
            case .instanceMetadata:
                return try await InstanceMetadataClient(environment: environment, http: http).credentials()
            case .container:
                return try await ContainerCredentialsClient(environment: environment, http: http).credentials()
            case .external(let name, let method):
                if method == "credential_process", let command = config.profiles[name]?["credential_process"] {
                    return try CredentialProcess.run(command, profile: name)
                }
                throw CredentialError(
                    source: "profile \(name)",
                    "gets its credentials by \(method), which switchboard does not run itself; "
                        + (method == "SSO"
                            ? "run `aws sso login --profile \(name)` and export them with `aws configure export-credentials`"
                            : "export them into the environment first")
                )
            }
        } catch let error as CredentialError {
            throw AssumeError(.credentials(error))
        } catch {
            throw AssumeError(.credentials(CredentialError(source: "credentials", "\(error)")))
        }
    }

    static func describe(_ base: BaseCredentials) -> String {
        switch base {
        case .staticKeys(let profile): "keys of profile \(profile)"
        case .environment: "Environment"
        case .instanceMetadata: "Ec2InstanceMetadata"
        case .container: "EcsContainer"
        case .external(let profile, let method): "\(method) of profile \(profile)"
        }
    }

    public func assume(
        _ target: AssumeTarget,
        options: Options = Options(),
        progress: @Sendable (Step) -> Void = { _ in }
    ) async throws(AssumeError) -> AssumedSession {
        do {
            let session = try await walk(target, options: options, progress: progress)
            if !session.hops.isEmpty {  // a profile's own keys are used, not assumed
                record(target, .ok, session: session.sessionName, detail: session.arn.isEmpty ? nil : session.arn)
            }
            return session
        } catch {
            let outcome: AuditEntry.Outcome = if case .notAllowed = error.cause { .refused } else { .failed }
            record(target, outcome, session: nil, detail: error.description)
            throw error
        }
    }

    /// Writes the audit entry; a log that cannot be written is reported on standard error, and the
    /// assumption's own result stands.
    public func record(_ target: AssumeTarget, _ outcome: AuditEntry.Outcome, session: String?, detail: String?) {
        guard let audit else { return }
        let entry = AuditEntry(
            time: now(),
            operator: operatorName,
            action: "assume",
            target: target.description,
            outcome: outcome,
            session: session,
            detail: detail
        )
        do {
            try audit.append(entry)
        } catch {
            FileHandle.standardError.write(Data("switchboard: warning: \(error)\n".utf8))
        }
    }

    private func walk(
        _ target: AssumeTarget,
        options: Options,
        progress: @Sendable (Step) -> Void
    ) async throws(AssumeError) -> AssumedSession {
        let plan = try plan(for: target)
        let endpoint = try endpoint(for: target)
        let sts = STSClient(endpoint: endpoint, http: http, now: now, sleep: sleep)
        let baseName = Self.describe(plan.base)
        progress(.base(baseName))
        var credentials = try await baseCredentials(plan.base)
        var records: [HopRecord] = []
        var notes = plan.warnings
        if endpoint.regionIsDefault && !endpoint.url.isLoopback {
            notes.append("no region configured: using the global STS endpoint (us-east-1)")
        }
        for (index, hop) in plan.hops.enumerated() {
            let last = index == plan.hops.count - 1
            progress(.hopStarted(index: index + 1, of: plan.hops.count, roleARN: hop.roleARN))
            let fail = { (cause: AssumeError.Cause) in
                AssumeError(cause, hop: index + 1, hops: plan.hops.count, roleARN: hop.roleARN)
            }
            var code: String?
            if let serial = hop.mfaSerial {
                guard let given = options.mfaCode else { throw fail(.needsMFA(serial: serial)) }
                code = given
            }
            let requested = last ? (options.durationSeconds ?? hop.durationSeconds) : hop.durationSeconds
            var duration = SessionDuration.plan(
                requested: requested,
                maxSessionDuration: nil,
                chained: plan.isChained(hop: index)
            )
            let sessionName = SessionNaming.sanitize(
                (last ? options.sessionName : nil) ?? hop.sessionName ?? SessionNaming.name(operator: operatorName)
            )
            var call = STSRequest.AssumeRole(
                roleARN: hop.roleARN,
                sessionName: sessionName,
                durationSeconds: duration.seconds == 3600 && requested == nil ? nil : duration.seconds,
                externalID: hop.externalID,
                mfaSerial: hop.mfaSerial,
                tokenCode: code
            )
            let assumed: AssumedRole
            do {
                assumed = try await sts.assumeRole(call, with: credentials)
            } catch let failure {
                guard case .sts(let error) = failure, error.code == "ValidationError",
                    error.message.contains("MaxSessionDuration"), (call.durationSeconds ?? 3600) > 3600
                else { throw fail(.sts(failure)) }
                duration = SessionDuration(
                    seconds: 3600,
                    note: "asked for \(call.durationSeconds ?? 0) s, got 3600 s: the role's MaxSessionDuration is lower"
                )
                call.durationSeconds = 3600
                do {
                    assumed = try await sts.assumeRole(call, with: credentials)
                } catch {
                    throw fail(.sts(error))
                }
            }
            credentials = assumed.credentials
            let record = HopRecord(
                roleARN: hop.roleARN,
                assumedRoleARN: assumed.assumedRoleARN,
                sessionName: sessionName,
                expiration: assumed.credentials.expiration ?? now(),
                note: duration.note
            )
            if let note = duration.note { notes.append("\(hop.roleARN): \(note)") }
            records.append(record)
            progress(.hopDone(index: index + 1, of: plan.hops.count, record: record))
        }
        var account = records.last.flatMap { ARNAccount.of($0.assumedRoleARN) } ?? ""
        var arn = records.last?.assumedRoleARN ?? ""
        var verified: CallerIdentity?
        if !allowedAccountIDs.isEmpty || options.verify {
            let identity: CallerIdentity
            do {
                identity = try await sts.callerIdentity(with: credentials)
            } catch {
                throw AssumeError(.sts(error), hop: plan.hops.count, hops: plan.hops.count)
            }
            progress(.verified(identity))
            verified = identity
            account = identity.account
            arn = identity.arn
            if !allowedAccountIDs.isEmpty && !allowedAccountIDs.contains(identity.account) {
                throw AssumeError(.notAllowed(account: identity.account, allowed: allowedAccountIDs))
            }
        }
        return AssumedSession(
            target: target,
            credentials: credentials,
            hops: records,
            base: baseName,
            region: endpoint.region,
            account: account,
            arn: arn,
            sessionName: records.last?.sessionName ?? "",
            expiration: credentials.expiration,
            notes: notes,
            identity: verified
        )
    }

}

/// The account of an ARN (`arn:aws:sts::123456789012:assumed-role/…` → `123456789012`).
enum ARNAccount {
    static func of(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 4 && !parts[4].isEmpty ? String(parts[4]) : nil
    }
}
