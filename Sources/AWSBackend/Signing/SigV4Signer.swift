import Foundation
import HTTPTransport

/// AWS Signature Version 4, as botocore's `SigV4Auth` computes it: the same canonical request (path quoted
/// with `/~` safe, query pairs encoded and sorted, headers lower-cased, trimmed and sorted, `host` added, the
/// `expect`, `user-agent` and `x-amzn-trace-id` headers left unsigned), the same scope and key derivation.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Headers botocore never signs (hop-by-hop ones, and those proxies or clients change).
    static let unsigned: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The host as botocore signs it: lower-cased, without the scheme's default port.
    static func signedHost(_ host: String) -> String {
        let lower = host.lowercased()
        return lower.hasSuffix(":443") ? String(lower.dropLast(4)) : lower
    }

    /// Python's `str.split()` whitespace: runs of it become one space, ends trimmed; compared by scalar.
    static func collapseWhitespace(_ value: String) -> String {
        let space: Set<UInt32> = [
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002,
            0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
        ]
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if space.contains(scalar.value) {
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.joined(separator: " ")
    }

    /// The request with `X-Amz-Date`, `X-Amz-Security-Token` (when there is one) and `Authorization` added.
    public func sign(_ request: SignableRequest, at date: Date) -> SignableRequest {
        var request = request
        request.headers.removeAll {
            ["authorization", "x-amz-date", "x-amz-security-token"].contains($0.name.lowercased())
        }
        let timestamp = Self.timestamp(date)
        request.headers.append(("X-Amz-Date", timestamp))
        if let token = credentials.sessionToken { request.headers.append(("X-Amz-Security-Token", token)) }
        let parts = canonical(request)
        let scope = "\(timestamp.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign =
            "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope)\n" + Self.hex(SHA256Digest.hash(Array(parts.request.utf8)))
        var key = Array(("AWS4" + credentials.secretAccessKey).utf8)
        for part in [String(timestamp.prefix(8)), region, service, "aws4_request"] {
            key = SHA256Digest.hmac(key: key, Array(part.utf8))
        }
        let signature = Self.hex(SHA256Digest.hmac(key: key, Array(stringToSign.utf8)))
        request.headers.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(parts.signedHeaders), "
                    + "Signature=\(signature)"
            )
        )
        return request
    }

    /// The canonical request and its signed-header list, for tests. It holds the session token (it is a
    /// signed header): never log it.
    public func canonical(_ request: SignableRequest) -> (request: String, signedHeaders: String) {
        var headers: [String: [String]] = [:]
        for (name, value) in request.headers where !Self.unsigned.contains(name.lowercased()) {
            headers[name.lowercased(), default: []].append(Self.collapseWhitespace(value))
        }
        if headers["host"] == nil { headers["host"] = [Self.signedHost(request.host)] }
        let names = headers.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let canonicalHeaders = names.map { "\($0):\(headers[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let payload = request.header("x-amz-content-sha256") ?? Self.hex(SHA256Digest.hash(request.body))
        let lines = [
            request.method.uppercased(), Self.canonicalPath(request.path), Self.canonicalQuery(request.query),
            canonicalHeaders, signedHeaders, payload,
        ]
        return (lines.joined(separator: "\n"), signedHeaders)
    }

    /// The path with empty and dot segments removed (RFC 3986, as botocore does it), then every byte outside
    /// `A–Z a–z 0–9 - _ . ~ /` percent-encoded: an already-encoded path is encoded again, as SigV4 wants for
    /// every service but S3.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) where !segment.isEmpty {
            if segment == "." { continue }
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return percentEncode(first + output.joined(separator: "/") + last, safe: "/~")
    }

    /// The query's `key=value` pairs as they are on the wire, sorted by key, then value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return pairs.sorted {
            $0.0 == $1.0
                ? $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
        }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// A form or query component encoded for the wire (RFC 3986 unreserved characters stay).
    public static func encodeComponent(_ text: String) -> String { PercentEncoding.component(text) }

    /// Percent-encoding as Python's `quote`: letters, digits, `_.-~` and `safe` stay; every other byte is %XX.
    static func percentEncode(_ text: String, safe: String) -> String { PercentEncoding.encode(text, safe: safe) }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
