import AWSBackend
import Foundation

/// Requests for the SigV4 checks, generated from a seed: awkward paths (spaces, Unicode, dot segments, double
/// slashes, %-escapes), unsorted and repeated query keys, mixed-case and repeated headers, runs of spaces,
/// unsigned headers, session tokens.
struct SigV4Case: Codable {
    var method: String
    var url: String
    var headers: [[String]]
    var body: String
    var region: String
    var service: String
    var access_key: String
    var secret_key: String
    var token: String?
    var timestamp: String

    var host: String { String(url.dropFirst("https://".count).prefix { $0 != "/" }) }

    var request: SignableRequest {
        let afterHost = url.dropFirst("https://".count).drop { $0 != "/" }
        let parts = afterHost.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return SignableRequest(
            method: method,
            host: host,
            path: String(parts[0]),
            query: parts.count > 1 ? String(parts[1]) : "",
            headers: headers.map { ($0[0], $0[1]) },
            body: Array(body.utf8)
        )
    }

    var signer: SigV4Signer {
        SigV4Signer(
            credentials: AWSCredentials(accessKeyID: access_key, secretAccessKey: secret_key, sessionToken: token),
            region: region,
            service: service
        )
    }

    var date: Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.date(from: timestamp)!
    }

    static func generate(count: Int, seed: UInt64) -> [SigV4Case] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        let segments = ["a", "b c", "ünï", "..", ".", "", "x%20y", "~t", "key=v", "(1)", "a+b", "日本"]
        let words = ["alpha", "a b", "x=y", "ä", "", "1", "Z", "-_.~", "%2F", "a&b"]
        return (0..<count).map { _ in
            let path =
                "/" + (0..<Int(next() % 4)).map { _ in pick(segments) }.joined(separator: "/")
                + (next() % 3 == 0 ? "/" : "")
            let query = (0..<Int(next() % 4)).map { _ -> String in
                let key = SigV4Signer.encodeComponent(pick(["Action", "b", "a", "Version", "z z", "a"]))
                return next() % 5 == 0 ? key : key + "=" + SigV4Signer.encodeComponent(pick(words))
            }.joined(separator: "&")
            var headers: [[String]] = []
            for _ in 0..<Int(next() % 4) {
                headers.append([
                    pick([
                        "Content-Type", "X-Amz-Target", "x-custom", "X-CUSTOM", "User-Agent", "Expect", "Connection",
                        "TE", "Keep-Alive", "Transfer-Encoding",
                        "X-Amz-Content-SHA256", "x-amz-meta-a", "x-amz-meta-a-b",
                    ]),
                    pick([
                        "application/json", "  spaced   out  value ", "a,b", "UNSIGNED-PAYLOAD", "v", "a\u{1f}b",
                        "a \u{301}b", "tab\tand\u{a0}nbsp",
                    ]),
                ])
            }
            let host = pick([
                "sts.amazonaws.com", "sts.eu-west-1.amazonaws.com", "127.0.0.1:5000", "iam.amazonaws.com",
                "STS.AmazonAWS.com:443",
            ])
            return SigV4Case(
                method: pick(["GET", "POST", "PUT", "DELETE"]),
                url: "https://" + host + path + (query.isEmpty ? "" : "?" + query),
                headers: headers,
                body: pick(["", "Action=GetCallerIdentity&Version=2011-06-15", "{\"a\": 1}", "ünïcode body"]),
                region: pick(["us-east-1", "eu-west-1", "eu-central-1"]),
                service: pick(["sts", "iam", "organizations", "ecs"]),
                access_key: "AKIDEXAMPLE" + String(next() % 1000),
                secret_key: "test-secret-" + String(next() % 100_000),
                token: next() % 2 == 0 ? "test-session-token-" + String(next() % 1000) : nil,
                timestamp: String(
                    format: "2026%02d%02dT%02d%02d%02dZ",
                    1 + next() % 12,
                    1 + next() % 28,
                    next() % 24,
                    next() % 60,
                    next() % 60
                )
            )
        }
    }
}

/// What botocore says a case signs to.
struct SigV4Expectation: Codable {
    var authorization: String
    var canonical_request: String
    var amz_date: String?
    var security_token: String?
}

/// One committed vector: the case and botocore's answer, recorded by `scripts/sigv4-oracle.py`.
struct SigV4Vector: Codable {
    var input: SigV4Case
    var expected: SigV4Expectation
}
