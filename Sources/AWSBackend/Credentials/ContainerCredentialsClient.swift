import Foundation
import HTTPTransport

/// The ECS / EKS Pod Identity container credentials endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on
/// 169.254.170.2) or `AWS_CONTAINER_CREDENTIALS_FULL_URI` (https, or a loopback or the ECS/EKS link-local
/// address, as botocore allows), with `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `…_TOKEN` as the
/// Authorization header.
public struct ContainerCredentialsClient: Sendable {
    public var url: HTTPURL
    let authorization: String?
    let http: any HTTPClient

    static let allowedHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    public init(
        environment: [String: String],
        http: any HTTPClient,
        readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
    ) throws(CredentialError) {
        let source = "container credentials"
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            url = HTTPURL(scheme: "http", host: "169.254.170.2", target: relative)
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            do {
                url = try HTTPURL(full)
            } catch {
                throw CredentialError(source: source, "AWS_CONTAINER_CREDENTIALS_FULL_URI: \(error)")
            }
            guard url.scheme == "https" || url.isLoopback || Self.allowedHosts.contains(url.host) else {
                throw CredentialError(
                    source: source,
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, a loopback address or the ECS/EKS "
                        + "link-local address; \(url.host) is none of those"
                )
            }
        } else {
            throw CredentialError(
                source: source,
                "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set; "
                    + "is this an ECS task or an EKS pod with Pod Identity?"
            )
        }
        if let file = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let token = readFile(file) else {
                throw CredentialError(source: source, "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file)")
            }
            authorization = token.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            authorization = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        }
        if let authorization, authorization.contains("\r") || authorization.contains("\n") {
            throw CredentialError(source: source, "the authorization token contains a line break")
        }
        self.http = http
    }

    public func credentials() async throws(CredentialError) -> AWSCredentials {
        let source = "container credentials at \(url.hostHeader)"
        var request = HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")], timeout: 2)
        if let authorization { request.headers.append(("Authorization", authorization)) }
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch {
            throw CredentialError(source: source, "\(error)")
        }
        guard response.status == 200 else {
            throw CredentialError(source: source, "HTTP \(response.status); check the task role or pod identity")
        }
        return try CredentialsJSON.parse(response.body, source: source)
    }
}
