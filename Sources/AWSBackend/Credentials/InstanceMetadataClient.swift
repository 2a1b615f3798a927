import HTTPTransport

/// The EC2 instance metadata service, IMDSv2 only: a session token (PUT), then the instance role's name and
/// its credentials. `AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it (tests point it at a loopback stand-in),
/// `AWS_EC2_METADATA_DISABLED=true` turns it off, and botocore's timeout and attempt settings apply.
public struct InstanceMetadataClient: Sendable {
    public var endpoint: HTTPURL
    public var timeout: Double
    public var attempts: Int
    let http: any HTTPClient

    public static let defaultEndpoint = "http://169.254.169.254/"

    public init(environment: [String: String], http: any HTTPClient) throws(CredentialError) {
        let source = "instance metadata"
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw CredentialError(source: source, "disabled by AWS_EC2_METADATA_DISABLED=true")
        }
        let text = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? Self.defaultEndpoint
        do {
            endpoint = try HTTPURL(text)
        } catch {
            throw CredentialError(source: source, "AWS_EC2_METADATA_SERVICE_ENDPOINT: \(error)")
        }
        timeout = environment["AWS_METADATA_SERVICE_TIMEOUT"].flatMap(Double.init) ?? 1
        attempts = max(1, environment["AWS_METADATA_SERVICE_NUM_ATTEMPTS"].flatMap(Int.init) ?? 1)
        self.http = http
    }

    func url(_ path: String) -> HTTPURL {
        let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        return endpoint.with(target: base + path)
    }

    public func credentials() async throws(CredentialError) -> AWSCredentials {
        var lastError = CredentialError(source: "instance metadata at \(endpoint.hostHeader)", "no attempt made")
        for _ in 0..<attempts {
            do {
                return try await fetch()
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    private func fetch() async throws(CredentialError) -> AWSCredentials {
        let source = "instance metadata at \(endpoint.hostHeader)"
        func get(_ request: HTTPRequest) async throws(CredentialError) -> HTTPResponse {
            do {
                return try await http.send(request)
            } catch {
                throw CredentialError(source: source, "\(error); is this an EC2 instance or EKS node?")
            }
        }
        let token = try await get(
            HTTPRequest(
                method: "PUT",
                url: url("/latest/api/token"),
                headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                timeout: timeout
            )
        )
        guard token.status == 200, !token.body.isEmpty else {
            throw CredentialError(
                source: source,
                "refused an IMDSv2 token (HTTP \(token.status)); on EKS the hop limit may be 1: raise "
                    + "HttpPutResponseHopLimit to 2 for pods"
            )
        }
        let header = [("X-aws-ec2-metadata-token", token.text)]
        let listing = try await get(
            HTTPRequest(
                method: "GET",
                url: url("/latest/meta-data/iam/security-credentials/"),
                headers: header,
                timeout: timeout
            )
        )
        guard listing.status == 200,
            let role = listing.text.split(separator: "\n").first.map({ $0.trimmingCharacters(in: .whitespaces) }),
            !role.isEmpty
        else {
            throw CredentialError(
                source: source,
                "has no instance role (HTTP \(listing.status)); attach an instance profile to the instance"
            )
        }
        let answer = try await get(
            HTTPRequest(
                method: "GET",
                url: url("/latest/meta-data/iam/security-credentials/\(role)"),
                headers: header,
                timeout: timeout
            )
        )
        guard answer.status == 200 else {
            throw CredentialError(source: source, "HTTP \(answer.status) for the credentials of role \(role)")
        }
        return try CredentialsJSON.parse(answer.body, source: source)
    }
}
