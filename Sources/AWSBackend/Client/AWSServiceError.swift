import Foundation

/// An AWS service error, parsed from the query protocol's `<ErrorResponse>` (STS, IAM) or the JSON
/// protocol's `{"__type": …, "message": …}` (Organizations, ECS, EKS), with a sentence an operator can act
/// on. Messages from AWS never carry secrets; they may carry ARNs, which are kept.
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
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

    /// From a JSON-protocol body: `__type` (maybe `prefix#Code`) or the `x-amzn-ErrorType` header, and
    /// `message` / `Message`.
    public static func parseJSON(_ body: [UInt8], httpStatus: Int, errorType: String?) -> AWSServiceError {
        let text = String(decoding: body, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<") {
            // Some front ends (and moto's authentication) answer a JSON-protocol call with an XML error.
            return parse(text, httpStatus: httpStatus)
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        let raw = (object["__type"] as? String) ?? errorType ?? "HTTP\(httpStatus)"
        let code =
            String(raw.split(separator: "#").last ?? Substring(raw)).split(separator: ":").first.map(String.init) ?? raw
        let message =
            (object["message"] as? String) ?? (object["Message"] as? String)
            ?? String(String(decoding: body, as: UTF8.self).prefix(200))
        return AWSServiceError(code: code, message: message, httpStatus: httpStatus)
    }

    /// From a response body; a body that is not an AWS error becomes `HTTP <status>` with its first line.
    public static func parse(_ body: String, httpStatus: Int) -> AWSServiceError {
        guard let code = XMLText.value(of: "Code", in: body) else {
            let firstLine = body.split(separator: "\n").first.map(String.init) ?? ""
            return AWSServiceError(
                code: "HTTP\(httpStatus)",
                message: String(firstLine.prefix(200)),
                httpStatus: httpStatus
            )
        }
        return AWSServiceError(
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
            "ConcurrentModificationException",
        ]
        return throttled.contains(code) || [429, 500, 502, 503, 504].contains(httpStatus)
    }

    /// What went wrong and what to do next.
    public var operatorSentence: String {
        switch code {
        case "AccessDenied", "AccessDeniedException":
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
            if isRetryable {
                return "AWS is throttling or failing (\(code)\(message.isEmpty ? "" : ": " + message)), still after "
                    + "retries with backoff."
            }
            return "\(code): \(message)"
        }
    }

    public var description: String { operatorSentence }
}
