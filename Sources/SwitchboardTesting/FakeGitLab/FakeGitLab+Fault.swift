extension FakeGitLab {
    /// A failure to play on matching requests, armed with `FakeGitLab.inject(_:on:times:)`.
    public enum Fault: Sendable {
        /// 429 with `Retry-After: seconds` and one of the three bodies GitLab is seen to send.
        case tooManyRequests(retryAfter: Int, body: ThrottleBody = .plain)
        case error(status: Int, body: ErrorBody)
        /// Answers normally, after `seconds`.
        case slow(seconds: Double)
        /// Closes the connection without an answer.
        case dropConnection
    }

    public enum ThrottleBody: Sendable, Hashable, CaseIterable {
        /// `Retry later` (Rack::Attack's default).
        case plain
        /// `{"message":{"error":"This endpoint has been requested too many times. Try again later."}}`.
        case json
        /// An HTML page (from a proxy in front).
        case html
    }

    public enum ErrorBody: Sendable, Hashable {
        /// `{"message":"…"}`
        case message(String)
        /// `{"message":{"field":["is too long"]}}`
        case fieldErrors([String: [String]])
        /// `{"error":"…"}`
        case error(String)
        case text(String)
        case html(String)

        public static let badGateway = ErrorBody.html("<html><body><h1>502 Bad Gateway</h1></body></html>")
    }

    /// Which requests a fault applies to.
    public enum FaultMatch: Sendable {
        case any
        /// A path prefix, with or without `/api/v4` (`/projects/101/jobs`, `/api/v4/runners`).
        case prefix(String)
        /// A route name as counted: `GET /projects/:id/pipelines`.
        case route(String)
        case predicate(@Sendable (Request) -> Bool)

        func matches(_ request: Request, route: String) -> Bool {
            switch self {
            case .any: return true
            case .prefix(let prefix):
                let path = request.path
                if prefix.hasPrefix("/api/v4") { return path.hasPrefix(prefix) }
                return path.hasPrefix("/api/v4") && path.dropFirst("/api/v4".count).hasPrefix(prefix)
            case .route(let name): return name == route
            case .predicate(let test): return test(request)
            }
        }
    }

    struct ArmedFault: Sendable {
        var fault: Fault
        var match: FaultMatch
        var remaining: Int
    }

    static func response(for fault: Fault) -> Response {
        switch fault {
        case .tooManyRequests(let seconds, let body):
            var response: Response
            switch body {
            case .plain: response = .plain("Retry later\n", status: 429)
            case .json:
                response = .json(
                    [
                        "message": ["error": "This endpoint has been requested too many times. Try again later."]
                            as FakeJSON
                    ],
                    status: 429
                )
            case .html:
                response = .plain(
                    "<html><head><title>429 Too Many Requests</title></head><body><h1>429 Too Many Requests</h1>"
                        + "</body></html>\n",
                    status: 429,
                    type: "text/html"
                )
            }
            response.addHeaders([("Retry-After", String(seconds))])
            return response
        case .error(let status, let body):
            switch body {
            case .message(let text): return .message(status, text)
            case .fieldErrors(let fields):
                let object = FakeJSON.object(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value.fakeJSON) })
                return .json(["message": object], status: status)
            case .error(let text): return .error(status, text)
            case .text(let text): return .plain(text, status: status)
            case .html(let text): return .plain(text, status: status, type: "text/html")
            }
        case .slow(let seconds):
            return Response(status: 200, behaviour: .delay(seconds: seconds))
        case .dropConnection:
            return Response(status: 502, behaviour: .dropConnection)
        }
    }
}
