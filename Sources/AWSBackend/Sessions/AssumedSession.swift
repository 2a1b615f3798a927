import Foundation

/// One hop as it went: which role, as whom it came out, and any clamp of its duration.
public struct HopRecord: Sendable, Hashable, Codable {
    public var roleARN: String
    public var assumedRoleARN: String
    public var sessionName: String
    public var expiration: Date
    public var note: String?

    public init(roleARN: String, assumedRoleARN: String, sessionName: String, expiration: Date, note: String? = nil) {
        self.roleARN = roleARN
        self.assumedRoleARN = assumedRoleARN
        self.sessionName = sessionName
        self.expiration = expiration
        self.note = note
    }
}

/// Credentials at the end of a chain, with how they were reached. Printing it never shows a secret.
public struct AssumedSession: Sendable, Hashable, CustomStringConvertible {
    public var target: AssumeTarget
    public var credentials: AWSCredentials
    public var hops: [HopRecord]
    /// Where the chain started (`Ec2InstanceMetadata`, `profile ops`…).
    public var base: String
    public var region: String
    public var account: String
    public var arn: String
    public var sessionName: String
    public var expiration: Date?
    public var notes: [String]
    /// `GetCallerIdentity` of the result, when it was asked (`verify`, `allowed_account_ids`).
    public var identity: CallerIdentity? = nil

    public init(
        target: AssumeTarget,
        credentials: AWSCredentials,
        hops: [HopRecord],
        base: String,
        region: String,
        account: String,
        arn: String,
        sessionName: String,
        expiration: Date?,
        notes: [String],
        identity: CallerIdentity? = nil
    ) {
        self.target = target
        self.credentials = credentials
        self.hops = hops
        self.base = base
        self.region = region
        self.account = account
        self.arn = arn
        self.sessionName = sessionName
        self.expiration = expiration
        self.notes = notes
        self.identity = identity
    }

    public var description: String {
        "AssumedSession(\(arn), expires \(expiration.map { "\($0)" } ?? "never"), \(credentials))"
    }
}
