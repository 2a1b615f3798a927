/// An `http` or `https` URL split the way a request needs it. Only these two schemes exist here; anything
/// else is refused with the text that was given, so a typo in a config file is named.
public struct HTTPURL: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int
    /// Path and query as they go on the wire, starting with `/`.
    public var target: String

    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "\"\(text)\" is not a usable URL: \(reason)" }
    }

    public init(scheme: String, host: String, port: Int? = nil, target: String = "/") {
        self.scheme = scheme
        self.host = host
        self.port = port ?? (scheme == "https" ? 443 : 80)
        self.target = target.hasPrefix("/") ? target : "/" + target
    }

    public init(_ text: String) throws(Invalid) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw Invalid(text: text, reason: "it needs http:// or https://")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw Invalid(text: text, reason: "only http and https are supported")
        }
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            throw Invalid(
                text: String(trimmed[..<schemeEnd.upperBound]) + "…" + authority[authority.index(after: at)...],
                reason: "user information in URLs is not supported (it would be a credential in plain text)"
            )
        }
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Invalid(text: text, reason: "unclosed [") }
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()) else { throw Invalid(text: text, reason: "bad port") }
                port = number
            }
            authority = authority[authority.index(after: authority.startIndex)..<close]
        } else if let colon = authority.lastIndex(of: ":") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw Invalid(text: text, reason: "the port is not a number from 1 to 65535")
            }
            port = number
            authority = authority[..<colon]
        }
        guard !authority.isEmpty else { throw Invalid(text: text, reason: "there is no host") }
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        self.init(scheme: scheme, host: String(authority).lowercased(), port: port, target: target)
    }

    /// `host` or `host:port` when the port is not the scheme's default: the Host header and the signer's host.
    public var hostHeader: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port == (scheme == "https" ? 443 : 80) ? shownHost : "\(shownHost):\(port)"
    }

    public var path: String { String(target.prefix { $0 != "?" }) }

    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// The same server with another path and query.
    public func with(target: String) -> HTTPURL {
        HTTPURL(scheme: scheme, host: host, port: port, target: target)
    }

    /// True for 127.0.0.0/8, ::1 and `localhost`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                    && (Int(part) ?? 256) <= 255
            }
    }

    public var description: String { "\(scheme)://\(hostHeader)\(target)" }
}
