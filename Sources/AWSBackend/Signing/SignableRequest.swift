/// An HTTP request as the signer sees it: method, URL parts, headers in order, body bytes.
public struct SignableRequest: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    public var method: String
    public var host: String
    /// The path as it goes on the wire (already percent-encoded where needed), `/` when empty.
    public var path: String
    /// The query string as it goes on the wire, without `?`.
    public var query: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: String,
        host: String,
        path: String = "/",
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The request with the credential-bearing headers' values hidden, for logs and errors.
    public var description: String {
        let shown = headers.map { header -> String in
            let secret = ["authorization", "x-amz-security-token"].contains(header.name.lowercased())
            return "\(header.name): \(secret ? "••••" : header.value)"
        }
        return "\(method) \(host)\(path)\(query.isEmpty ? "" : "?" + query) [\(shown.joined(separator: ", "))]"
    }

    public var customMirror: Mirror { Mirror(self, children: ["request": description], displayStyle: .struct) }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func == (a: SignableRequest, b: SignableRequest) -> Bool {
        a.method == b.method && a.host == b.host && a.path == b.path && a.query == b.query && a.body == b.body
            && a.headers.map { [$0.name, $0.value] } == b.headers.map { [$0.name, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(host)
        hasher.combine(path)
        hasher.combine(query)
    }
}
