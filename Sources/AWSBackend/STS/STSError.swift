/// An STS error, parsed from the query protocol's `<ErrorResponse>`, with a sentence an operator can act on.
/// Messages from STS never carry secrets; they may carry ARNs, which are kept.
public struct STSError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var httpStatus: Int
    public var requestID: String?

    public init(code: String, message: String, httpStatus: Int, requestID: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    /// From a response body; a body that is not an STS error becomes `HTTP <status>` with its first line.
    public static func parse(_ body: String, httpStatus: Int) -> STSError {
        guard let code = XMLText.value(of: "Code", in: body) else {
            let firstLine = body.split(separator: "\n").first.map(String.init) ?? ""
            return STSError(code: "HTTP\(httpStatus)", message: String(firstLine.prefix(200)), httpStatus: httpStatus)
        }
        return STSError(
            code: code,
            message: XMLText.value(of: "Message", in: body) ?? "",
            httpStatus: httpStatus,
            requestID: XMLText.value(of: "RequestId", in: body)
        )
    }

    /// Throttling and transient server errors are worth retrying with backoff (botocore's list).
    public var isRetryable: Bool {
        let throttled: Set = [
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
            "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "IDPCommunicationError",
        ]
        return throttled.contains(code) || [500, 502, 503, 504].contains(httpStatus)
    }

    /// What went wrong and what to do next.
    public var operatorSentence: String {
        switch code {
        case "AccessDenied":
            if message.localizedCaseInsensitiveContains("MultiFactorAuthentication") {
                return "Access denied: the role needs MFA; check mfa_serial and enter a fresh code. (\(message))"
            }
            return "Access denied: a trust policy, identity policy, SCP or permissions boundary refuses this; "
                + "the Trust screen's explain (e) shows which. (\(message))"
        case "ExpiredToken":
            return "The credentials of the hop before this one have expired: refresh that hop first."
        case "InvalidClientTokenId":
            return "The source access key is unknown or revoked, or its token is not valid in this region."
        case "SignatureDoesNotMatch":
            return "The signature does not match: the secret key is wrong, or this machine's clock is off."
        case "RequestExpired":
            return "The request expired on the way: this machine's clock is off; sync it (NTP) and retry."
        case "RegionDisabledException":
            return "STS is not active in this region for the account that owns the role; use another region or "
                + "activate it (IAM → Account settings → STS endpoints). (\(message))"
        case "MalformedPolicyDocument", "PackedPolicyTooLarge":
            return "The session policy or tags are rejected: \(message)"
        case "ValidationError":
            return "STS rejected a parameter: \(message)"
        default:
            if isRetryable { return "STS is throttling or failing (\(code)); retrying with backoff." }
            return "\(code): \(message)"
        }
    }

    public var description: String { operatorSentence }
}
