import Foundation
import HTTPTransport

/// STS over the query protocol: each call signed with SigV4 for service `sts`, throttling and transient
/// failures retried with exponential backoff and full jitter (botocore's standard mode: up to 3 attempts,
/// at most 20 s apart).
public struct STSClient: Sendable {
    public var endpoint: STSEndpoint
    public var maxAttempts: Int
    let http: any HTTPClient
    let now: @Sendable () -> Date
    let sleep: @Sendable (Double) async -> Void
    let random: @Sendable () -> Double

    public init(
        endpoint: STSEndpoint,
        http: any HTTPClient,
        maxAttempts: Int = 3,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.endpoint = endpoint
        self.http = http
        self.maxAttempts = maxAttempts
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    /// Why an STS call failed: STS's own answer, or the way there.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case sts(AWSServiceError)
        case transport(HTTPError)
        case malformed(STSResponse.Malformed)
        case invalid(STSRequest.InvalidParameter)

        public var description: String {
            switch self {
            case .sts(let error): error.operatorSentence
            case .transport(let error): "STS unreachable: \(error)"
            case .malformed(let error): error.description
            case .invalid(let error): "not sent: \(error)"
            }
        }

        public var stsCode: String? {
            if case .sts(let error) = self { return error.code }
            return nil
        }
    }

    public func assumeRole(
        _ call: STSRequest.AssumeRole,
        with credentials: AWSCredentials
    ) async throws(Failure)
        -> AssumedRole
    {
        let body: String
        do {
            body = try STSRequest.body(call)
        } catch {
            throw .invalid(error)
        }
        let xml = try await send(body, credentials: credentials)
        do {
            return try STSResponse.assumeRole(xml)
        } catch {
            throw .malformed(error)
        }
    }

    public func callerIdentity(with credentials: AWSCredentials) async throws(Failure) -> CallerIdentity {
        let xml = try await send(STSRequest.getCallerIdentityBody, credentials: credentials)
        do {
            return try STSResponse.callerIdentity(xml)
        } catch {
            throw .malformed(error)
        }
    }

    func send(_ body: String, credentials: AWSCredentials) async throws(Failure) -> String {
        let client = AWSServiceClient(
            service: "sts",
            url: endpoint.url,
            region: endpoint.region,
            kind: .query,
            http: http,
            maxAttempts: maxAttempts,
            now: now,
            sleep: sleep,
            random: random
        )
        do {
            return try await client.query(body, credentials: credentials)
        } catch {
            switch error {
            case .service(let service): throw .sts(service)
            case .transport(let transport): throw .transport(transport)
            case .malformed(let what), .invalid(let what):
                throw .transport(HTTPError(.malformed, target: endpoint.url.hostHeader, what))
            }
        }
    }
}
