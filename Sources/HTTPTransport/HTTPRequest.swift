import Foundation

/// One HTTP request: what a backend asks of a server. Printing it (description, debug description, dump)
/// shows the method and URL only, never a header or the body.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var method: String
    public var url: HTTPURL
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Seconds for the whole exchange (connect, send, answer).
    public var timeout: TimeInterval

    public init(
        method: String,
        url: HTTPURL,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        timeout: TimeInterval = 10
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var description: String { "\(method) \(url)" }

    public var debugDescription: String { description }

    /// `dump` and debuggers see the method and URL only: headers carry tokens.
    public var customMirror: Mirror { Mirror(self, children: ["request": description], displayStyle: .struct) }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body
            && a.headers.map { [$0.name, $0.value] } == b.headers.map { [$0.name, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
    }
}
