extension FakeGitLab {
    /// An answer, and how the server should deliver it.
    public struct Response: Sendable, CustomStringConvertible {
        public enum Behaviour: Sendable, Hashable {
            case normal
            /// Answer after this many seconds.
            case delay(seconds: Double)
            /// Close the connection without answering.
            case dropConnection
        }

        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        public var behaviour: Behaviour

        public init(
            status: Int,
            headers: [(name: String, value: String)] = [],
            body: [UInt8] = [],
            behaviour: Behaviour = .normal
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.behaviour = behaviour
        }

        public func header(_ name: String) -> String? {
            let wanted = name.lowercased()
            return headers.first { $0.name.lowercased() == wanted }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }

        public var description: String { "\(status) (\(body.count) bytes)" }

        static func json(_ value: FakeJSON, status: Int = 200) -> Response {
            Response(status: status, headers: [("Content-Type", "application/json")], body: value.bytes)
        }

        static func plain(_ text: String, status: Int, type: String = "text/plain; charset=utf-8") -> Response {
            Response(status: status, headers: [("Content-Type", type)], body: Array(text.utf8))
        }

        /// `{"message": "…"}`, GitLab's usual error body.
        static func message(_ status: Int, _ message: String) -> Response {
            json(["message": message], status: status)
        }

        /// `{"error": "…"}`: unknown routes and Grape's parameter errors.
        static func error(_ status: Int, _ error: String) -> Response { json(["error": error], status: status) }

        static let unauthorized = message(401, "401 Unauthorized")
        static let forbidden = message(403, "403 Forbidden")
        static let unknownRoute = error(404, "404 Not Found")
        static let notFound = message(404, "404 Not Found")

        static func insufficientScope(_ scope: String) -> Response {
            json(
                [
                    "error": "insufficient_scope",
                    "error_description": "The request requires higher privileges than provided by the access token.",
                    "scope": scope,
                ],
                status: 403
            )
        }

        mutating func addHeaders(_ extra: [(name: String, value: String)]) { headers += extra }
    }
}
