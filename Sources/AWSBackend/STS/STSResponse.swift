import Foundation

/// What AssumeRole returns: the credentials and who they are.
public struct AssumedRole: Sendable, Hashable {
    public var credentials: AWSCredentials
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (the role's path is not in it).
    public var assumedRoleARN: String
    /// `AROA…:SESSION`: the prefix is the role's unique id.
    public var assumedRoleID: String
}

/// What GetCallerIdentity returns.
public struct CallerIdentity: Sendable, Hashable, Codable {
    public var account: String
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

/// Parses the query protocol's XML answers.
public enum STSResponse {
    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var missing: String
        public var description: String { "STS answered without \(missing); is the endpoint really STS?" }
    }

    public static func assumeRole(_ xml: String) throws(Malformed) -> AssumedRole {
        func field(_ tag: String) throws(Malformed) -> String {
            guard let value = XMLText.value(of: tag, in: xml), !value.isEmpty else { throw Malformed(missing: tag) }
            return value
        }
        let expiration = try field("Expiration")
        guard let date = try? Date(expiration, strategy: .iso8601) else {
            throw Malformed(missing: "a valid Expiration")
        }
        return AssumedRole(
            credentials: AWSCredentials(
                accessKeyID: try field("AccessKeyId"),
                secretAccessKey: try field("SecretAccessKey"),
                sessionToken: try field("SessionToken"),
                expiration: date
            ),
            assumedRoleARN: try field("Arn"),
            assumedRoleID: try field("AssumedRoleId")
        )
    }

    public static func callerIdentity(_ xml: String) throws(Malformed) -> CallerIdentity {
        guard let account = XMLText.value(of: "Account", in: xml) else { throw Malformed(missing: "Account") }
        guard let arn = XMLText.value(of: "Arn", in: xml) else { throw Malformed(missing: "Arn") }
        guard let user = XMLText.value(of: "UserId", in: xml) else { throw Malformed(missing: "UserId") }
        return CallerIdentity(account: account, arn: arn, userID: user)
    }
}
