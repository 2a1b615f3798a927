import Foundation
import HTTPTransport

/// One AWS service at one endpoint: signs each call with SigV4 for the service, sends it, retries throttling,
/// 5xx and transient network failures with exponential backoff and full jitter (botocore's standard mode:
/// `maxAttempts` tries, at most 20 s apart), and turns failures into `AWSServiceClient.Failure`.
public struct AWSServiceClient: Sendable {
    public enum ProtocolKind: Sendable, Hashable {
        /// Form-encoded body, XML answer (STS, IAM).
        case query
        /// JSON body with `X-Amz-Target: prefix.Operation` (Organizations, ECS).
        case json(targetPrefix: String, version: String)
        /// REST with JSON answers: the operation is the method and path (EKS).
        case restJSON
    }

    /// Why a call failed: the service's answer, or the way there.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case service(AWSServiceError)
        case transport(HTTPError)
        case malformed(String)
        case invalid(String)

        public var description: String {
            switch self {
            case .service(let error): error.operatorSentence
            case .transport(let error): "AWS unreachable: \(error)"
            case .malformed(let what): what
            case .invalid(let what): "not sent: \(what)"
            }
        }

        public var code: String? {
            if case .service(let error) = self { return error.code }
            return nil
        }
    }

    public var service: String
    public var url: HTTPURL
    public var region: String
    public var kind: ProtocolKind
    public var maxAttempts: Int
    let http: any HTTPClient
    let now: @Sendable () -> Date
    let sleep: @Sendable (Double) async -> Void
    let random: @Sendable () -> Double

    public init(
        service: String,
        url: HTTPURL,
        region: String,
        kind: ProtocolKind,
        http: any HTTPClient,
        maxAttempts: Int = 3,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(for: .seconds($0)) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.service = service
        self.url = url
        self.region = region
        self.kind = kind
        self.http = http
        self.maxAttempts = maxAttempts
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    /// A query-protocol call: the form body, the XML answer.
    public func query(_ body: String, credentials: AWSCredentials) async throws(Failure) -> String {
        String(decoding: try await send(Array(body.utf8), operation: nil, credentials: credentials), as: UTF8.self)
    }

    /// A JSON-protocol call: `operation` with its input object, the decoded answer object.
    public func json(
        _ operation: String,
        _ input: [String: Any],
        credentials: AWSCredentials
    ) async throws(Failure)
        -> [String: Any]
    {
        guard let body = try? JSONSerialization.data(withJSONObject: input, options: [.sortedKeys]) else {
            throw .invalid("\(operation): the input is not JSON")
        }
        let answer = try await send(Array(body), operation: operation, credentials: credentials)
        if answer.isEmpty { return [:] }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(answer))) as? [String: Any] else {
            throw .malformed("\(service) \(operation) answered with something that is not a JSON object")
        }
        return object
    }

    /// A REST-JSON GET (`/clusters/NAME/node-groups?nextToken=…`): the decoded answer object.
    public func get(_ target: String, credentials: AWSCredentials) async throws(Failure) -> [String: Any] {
        let answer = try await send([], operation: nil, credentials: credentials, method: "GET", target: target)
        if answer.isEmpty { return [:] }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(answer))) as? [String: Any] else {
            throw .malformed("\(service) GET \(target) answered with something that is not a JSON object")
        }
        return object
    }

    func send(
        _ body: [UInt8],
        operation: String?,
        credentials: AWSCredentials,
        method: String = "POST",
        target: String? = nil
    ) async throws(Failure) -> [UInt8] {
        let signer = SigV4Signer(credentials: credentials, region: region, service: service)
        var headers: [(name: String, value: String)]
        switch kind {
        case .query:
            headers = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        case .json(let prefix, let version):
            headers = [
                ("Content-Type", "application/x-amz-json-\(version)"), ("X-Amz-Target", "\(prefix).\(operation ?? "")"),
            ]
        case .restJSON:
            headers = [("Accept", "application/json")]
        }
        let base = self.url
        let url = target.map { base.with(target: (base.path == "/" ? "" : base.path) + $0) } ?? base
        var attempt = 0
        while true {
            attempt += 1
            // A cancelled poll (the console quitting, a refresh replacing it) stops here, not after every retry.
            if Task.isCancelled { throw .transport(HTTPError(.closed, target: url.hostHeader, "cancelled")) }
            let unsigned = SignableRequest(
                method: method,
                host: url.hostHeader,
                path: url.path,
                query: url.query,
                headers: headers,
                body: body
            )
            let signed = signer.sign(unsigned, at: now())
            let request = HTTPRequest(
                method: method,
                url: url,
                headers: signed.headers.filter { $0.name.lowercased() != "host" },
                body: signed.body,
                timeout: 15
            )
            let failure: Failure
            switch await exchange(request) {
            case .success(let response):
                if response.isSuccess { return response.body }
                let error: AWSServiceError
                switch kind {
                case .query: error = AWSServiceError.parse(response.text, httpStatus: response.status)
                case .json, .restJSON:
                    error = AWSServiceError.parseJSON(
                        response.body,
                        httpStatus: response.status,
                        errorType: response.header("x-amzn-ErrorType")
                    )
                }
                guard error.isRetryable else { throw .service(error) }
                failure = .service(error)
            case .failure(let error):
                guard error.isTransient else { throw .transport(error) }
                failure = .transport(error)
            }
            guard attempt < maxAttempts else { throw failure }
            await sleep(min(20, random() * pow(2, Double(attempt - 1))))
        }
    }

    private func exchange(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPError> {
        do {
            return .success(try await http.send(request))
        } catch let error as HTTPError {
            return .failure(error)
        } catch {
            return .failure(HTTPError(.closed, target: url.hostHeader, "\(error)"))
        }
    }
}
