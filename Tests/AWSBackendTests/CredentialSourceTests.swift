import AWSBackend
import Foundation
import HTTPTransport
import Testing

/// The metadata and container credential clients against the in-memory HTTP twin.
@Suite struct CredentialSourceTests {
    static let credentialsJSON = """
        {"Code": "Success", "AccessKeyId": "ASIATESTNODE", "SecretAccessKey": "node-secret",
         "Token": "node-token", "Expiration": "2026-11-23T20:00:00Z"}
        """

    static func imds(tokenStatus: Int = 200, role: String = "eks-node-instance-role") -> InMemoryHTTPClient {
        InMemoryHTTPClient { request in
            switch (request.method, request.url.path) {
            case ("PUT", "/latest/api/token"):
                guard request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600" else {
                    return HTTPResponse(status: 400, text: "")
                }
                return HTTPResponse(status: tokenStatus, text: tokenStatus == 200 ? "imds-token" : "")
            case ("GET", let path):
                guard request.header("X-aws-ec2-metadata-token") == "imds-token" else {
                    return HTTPResponse(status: 401, text: "")
                }
                if path == "/latest/meta-data/iam/security-credentials/" {
                    return HTTPResponse(status: role.isEmpty ? 404 : 200, text: role)
                }
                if path == "/latest/meta-data/iam/security-credentials/\(role)" {
                    return HTTPResponse(status: 200, text: credentialsJSON)
                }
                return HTTPResponse(status: 404, text: "")
            default:
                return HTTPResponse(status: 405, text: "")
            }
        }
    }

    @Test func imdsV2TokenThenRoleThenCredentials() async throws {
        let http = Self.imds()
        let client = try InstanceMetadataClient(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:8111/"],
            http: http
        )
        let credentials = try await client.credentials()
        #expect(credentials.accessKeyID == "ASIATESTNODE" && credentials.sessionToken == "node-token")
        #expect(credentials.expiration == (try Date("2026-11-23T20:00:00Z", strategy: .iso8601)))
        #expect(http.requests.map(\.url.host) == ["127.0.0.1", "127.0.0.1", "127.0.0.1"])
        #expect(http.requests.map(\.method) == ["PUT", "GET", "GET"])
    }

    @Test func imdsRefusalsSayWhatToDo() async throws {
        let environment = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:8111"]
        await #expect {
            try await InstanceMetadataClient(environment: environment, http: Self.imds(tokenStatus: 403)).credentials()
        } throws: { "\($0)".contains("HttpPutResponseHopLimit") }
        await #expect {
            try await InstanceMetadataClient(environment: environment, http: Self.imds(role: "")).credentials()
        } throws: { "\($0)".contains("attach an instance profile") }
        #expect {
            try InstanceMetadataClient(environment: ["AWS_EC2_METADATA_DISABLED": "true"], http: Self.imds())
        } throws: { "\($0)".contains("AWS_EC2_METADATA_DISABLED") }
        let unreachable = InMemoryHTTPClient { _ in throw HTTPError(.connect, target: "127.0.0.1:9", "refused") }
        await #expect {
            try await InstanceMetadataClient(environment: environment, http: unreachable).credentials()
        } throws: { "\($0)".contains("is this an EC2 instance") }
    }

    @Test func imdsDefaultsToTheLinkLocalAddressOnlyWhenNothingIsSet() throws {
        let client = try InstanceMetadataClient(environment: [:], http: Self.imds())
        #expect(client.endpoint.host == "169.254.169.254")
        #expect(client.timeout == 1 && client.attempts == 1)
    }

    @Test func containerEndpointWithTokenFile() async throws {
        let http = InMemoryHTTPClient { request in
            #expect(request.header("Authorization") == "task-token")
            return HTTPResponse(status: 200, text: Self.credentialsJSON)
        }
        let client = try ContainerCredentialsClient(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:51679/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "/var/run/token",
            ],
            http: http,
            readFile: { $0 == "/var/run/token" ? "task-token\n" : nil }
        )
        #expect(try await client.credentials().accessKeyID == "ASIATESTNODE")
        #expect(http.requests.first?.url.description == "http://127.0.0.1:51679/creds")
    }

    @Test func containerEndpointRefusesOtherHosts() throws {
        #expect {
            try ContainerCredentialsClient(
                environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.5/creds"],
                http: Self.imds()
            )
        } throws: { "\($0)".contains("10.0.0.5 is none of those") }
        let relative = try ContainerCredentialsClient(
            environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"],
            http: Self.imds()
        )
        #expect(relative.url.description == "http://169.254.170.2/v2/credentials/abc")
    }

    @Test func malformedCredentialAnswersAreNamedWithoutEchoingThem() async throws {
        let http = InMemoryHTTPClient { _ in HTTPResponse(status: 200, text: #"{"SecretAccessKey": "leak-me"}"#) }
        let client = try ContainerCredentialsClient(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1/creds"],
            http: http
        )
        await #expect {
            try await client.credentials()
        } throws: { "\($0)".contains("without AccessKeyId") && !"\($0)".contains("leak-me") }
    }
}
