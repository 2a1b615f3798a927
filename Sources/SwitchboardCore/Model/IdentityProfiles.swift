import Foundation

/// A profile as the Identity screen lists it: never its keys.
public struct ProfileSummary: Sendable, Hashable, Codable {
    public var name: String
    public var roleARN: String?
    public var account: String?
    /// Where credentials start, then each profile whose role is assumed: `Ec2InstanceMetadata → runner → deploy`.
    public var chain: [String]
    public var region: String?
    public var mfaSerial: String?
    /// Why it cannot be used as written (a cycle, an unknown source…), with its file and line.
    public var problem: String?

    public init(
        name: String,
        roleARN: String? = nil,
        account: String? = nil,
        chain: [String] = [],
        region: String? = nil,
        mfaSerial: String? = nil,
        problem: String? = nil
    ) {
        self.name = name
        self.roleARN = roleARN
        self.account = account
        self.chain = chain
        self.region = region
        self.mfaSerial = mfaSerial
        self.problem = problem
    }
}

/// A session the broker holds: who it is and until when. The credentials stay in the broker.
public struct SessionSummary: Sendable, Hashable, Codable {
    /// The profile name or role ARN it was assumed for.
    public var target: String
    public var arn: String
    public var account: String
    public var sessionName: String
    public var expiration: Date?
    public var region: String
    /// The assumed-role ARN of every hop, in order.
    public var hops: [String]
    /// Clamped durations and other things worth saying.
    public var notes: [String]

    public init(
        target: String,
        arn: String,
        account: String,
        sessionName: String,
        expiration: Date?,
        region: String,
        hops: [String] = [],
        notes: [String] = []
    ) {
        self.target = target
        self.arn = arn
        self.account = account
        self.sessionName = sessionName
        self.expiration = expiration
        self.region = region
        self.hops = hops
        self.notes = notes
    }
}

/// Who the console's own credentials are (`GetCallerIdentity`).
public struct CallerSummary: Sendable, Hashable, Codable {
    public var account: String
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

/// One step of an assumption as it happens, for the screen that walks the chain.
public enum AssumeProgress: Sendable, Hashable {
    case base(String)
    case hopStarted(index: Int, of: Int, roleARN: String)
    case hopDone(index: Int, of: Int, assumedARN: String, note: String?)
    case verified(arn: String)
}

/// Why an assumption failed, as the operator should read it, with STS's code when STS refused.
public struct AssumeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var stsCode: String?
    /// The role the failing hop asked for, for "explain" on the Trust screen.
    public var roleARN: String?
    /// A guardrail (allowed_account_ids) refused the session, rather than AWS failing it.
    public var refused: Bool

    public init(message: String, stsCode: String? = nil, roleARN: String? = nil, refused: Bool = false) {
        self.message = message
        self.stsCode = stsCode
        self.roleARN = roleARN
        self.refused = refused
    }

    public var description: String { message }
}
