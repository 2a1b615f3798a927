extension FakeGitLab {
    /// One HTTP request as it reached the server. Printing it shows the method and target only, never a
    /// header (they carry the token).
    public struct Request: Sendable, CustomStringConvertible, CustomReflectable {
        public var method: String
        /// Path and query, percent-encoded as sent: `/api/v4/projects/platform%2Fapi/pipelines?per_page=50`.
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(
            method: String = "GET",
            target: String,
            headers: [(name: String, value: String)] = [],
            body: [UInt8] = []
        ) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        public func header(_ name: String) -> String? {
            let wanted = name.lowercased()
            return headers.first { $0.name.lowercased() == wanted }?.value
        }

        public var path: String { String(target.prefix { $0 != "?" }) }

        public var query: String {
            guard let mark = target.firstIndex(of: "?") else { return "" }
            return String(target[target.index(after: mark)...])
        }

        public var description: String { "\(method) \(FakeGitLab.redacted(target))" }

        public var customMirror: Mirror { Mirror(self, children: ["request": description], displayStyle: .struct) }
    }

    /// The target with the values of token parameters (`private_token=`, `access_token=`, `job_token=`) hidden.
    static func redacted(_ target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        let secret: Set<String> = ["private_token", "access_token", "job_token"]
        let query = target[target.index(after: mark)...].split(separator: "&").map { part in
            let name = part.prefix { $0 != "=" }
            return secret.contains(String(name)) ? "\(name)=[FILTERED]" : String(part)
        }
        return target[..<mark] + "?" + query.joined(separator: "&")
    }
}
