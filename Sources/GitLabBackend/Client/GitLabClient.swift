import Foundation
import HTTPTransport

/// Talks REST v4 to one GitLab: signs in with the token, follows moved-project redirects on the same host,
/// waits out 429s and the shared per-host rate budget, retries what is safe to retry, and follows pagination
/// the way GitLab hands it out (`Link: rel="next"`, else `x-next-page`), never by counting pages itself.
public struct GitLabClient: Sendable {
    /// The API root, e.g. `https://gitlab.com/api/v4`.
    public let api: HTTPURL
    let token: GitLabToken
    let http: any HTTPClient
    let budget: RateBudget
    public var timeout: TimeInterval = 10
    /// Tries per request (429s, 5xx on reads, dropped connections).
    public var attempts = 3
    /// A rate-limit wait longer than this fails the request at once (the feed keeps its data, marked stale).
    public var longestWait: TimeInterval = 20
    var sleep: @Sendable (TimeInterval) async throws -> Void = {
        try await Task.sleep(for: .milliseconds(Int($0 * 1000)))
    }
    public let calls: CallCounter

    public init(
        api: HTTPURL,
        token: GitLabToken,
        http: any HTTPClient,
        budget: RateBudget? = nil,
        calls: CallCounter = CallCounter()
    ) {
        self.api = api
        self.token = token
        self.http = http
        self.budget = budget ?? RateBudget.shared(for: api)
        self.calls = calls
    }

    /// `https://gitlab.example.com` (or one with a path, for GitLab behind a prefix) → its `/api/v4`.
    public static func apiURL(_ text: String) throws(HTTPURL.Invalid) -> HTTPURL {
        var url = try HTTPURL(text)
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        if !path.hasSuffix("/api/v4") { path += "/api/v4" }
        url.target = path
        return url
    }

    // MARK: Requests

    /// One JSON answer.
    func get<T: Decodable>(
        _ type: T.Type,
        _ path: String,
        _ query: [(String, String)] = [],
        route: String
    )
        async throws(GitLabError) -> T
    {
        let response = try await send("GET", target: target(path, query), route: route)
        return try decode(type, response, request: "GET \(path)")
    }

    /// Every item of a paginated listing (up to `limit` items), 100 a page.
    func all<T: Decodable>(
        _ type: T.Type,
        _ path: String,
        _ query: [(String, String)] = [],
        route: String,
        limit: Int = 10_000
    ) async throws(GitLabError) -> [T] {
        var items: [T] = []
        let pageSize = min(100, max(1, limit))
        var next: String? = target(path, query + [("per_page", "\(pageSize)")])
        var visited: Set<String> = []
        while let current = next, items.count < limit {
            guard visited.insert(current).inserted, visited.count <= 1_000 else {
                throw GitLabError(
                    status: nil,
                    message: "GitLab's pagination of GET \(path) went in a circle or past 1,000 pages; stopped there"
                )
            }
            let response = try await send("GET", target: current, route: route)
            items += try decode([T].self, response, request: "GET \(path)")
            next = try nextPage(after: response, current: current, path: path)
        }
        return Array(items.prefix(limit))
    }

    /// A POST (job and pipeline actions), answered with JSON.
    func post<T: Decodable>(_ type: T.Type, _ path: String, route: String) async throws(GitLabError) -> T {
        let response = try await send("POST", target: target(path, []), route: route)
        return try decode(type, response, request: "POST \(path)")
    }

    /// A plain-text answer (job logs), with a longer timeout.
    func text(_ path: String, route: String) async throws(GitLabError) -> [UInt8] {
        try await send("GET", target: target(path, []), route: route, timeout: max(timeout, 30)).body
    }

    func target(_ path: String, _ query: [(String, String)]) -> String {
        let base = api.path + path
        guard !query.isEmpty else { return base }
        return base + "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// The next page's target: `Link: rel="next"` (on this server only), else `x-next-page` on the same query.
    func nextPage(after response: HTTPResponse, current: String, path: String) throws(GitLabError) -> String? {
        if let link = LinkHeader.url(response.header("Link"), relation: "next") {
            guard let url = try? HTTPURL(link), url.scheme == api.scheme, url.host == api.host, url.port == api.port,
                url.path.hasPrefix(api.path)
            else {
                throw GitLabError(
                    status: nil,
                    message: "GitLab's next-page link for GET \(path) points to another server; not following it "
                        + "with the token (check the url in the config and GitLab's external_url)"
                )
            }
            return url.target
        }
        guard let page = response.header("x-next-page")?.trimmingCharacters(in: .whitespaces), !page.isEmpty else {
            return nil
        }
        let parts = current.split(separator: "?", maxSplits: 1)
        var pairs = parts.count > 1 ? parts[1].split(separator: "&").map(String.init) : []
        pairs.removeAll { $0.hasPrefix("page=") }
        pairs.append("page=" + Self.encode(page))
        return parts[0] + "?" + pairs.joined(separator: "&")
    }

    /// One request to the end: redirects on this server, the rate budget, retries. Whatever GitLab (or a proxy)
    /// said is shown with the token blanked out, should it echo it.
    func send(
        _ method: String,
        target: String,
        route: String,
        timeout: TimeInterval? = nil
    )
        async throws(GitLabError) -> HTTPResponse
    {
        do {
            return try await exchange(method, target: target, route: route, timeout: timeout)
        } catch {
            throw GitLabError(
                status: error.status,
                message: error.message.replacingOccurrences(of: token.value, with: "‹token›")
            )
        }
    }

    private func exchange(
        _ method: String,
        target: String,
        route: String,
        timeout: TimeInterval?
    )
        async throws(GitLabError) -> HTTPResponse
    {
        var target = target
        var tries = 0
        var redirects = 0
        let name = "\(method) \(target.prefix { $0 != "?" }.dropFirst(api.path.count))"
        while true {
            let wait = await budget.delayBeforeNextRequest()
            if wait > longestWait {
                throw GitLabError(
                    status: 429,
                    message: "GitLab at \(api.hostHeader) asked for \(Int(wait.rounded(.up))) s without requests "
                        + "(rate limit); showing the last data until then"
                )
            }
            if wait > 0 { try await pause(wait) }
            try checkCancellation()
            calls.count(route)
            var request = HTTPRequest(
                method: method,
                url: api.with(target: target),
                headers: [token.header, ("Accept", "application/json")],
                timeout: timeout ?? self.timeout
            )
            if method == "POST" { request.headers.append(("Content-Length", "0")) }
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch let error as HTTPError {
                tries += 1
                // A POST whose connection dropped may have been done: never send it twice.
                let resend = error.kind == .connect || error.kind == .resolve || (method == "GET" && error.isTransient)
                if resend && tries < attempts {
                    try await pause(backoff(tries))
                    continue
                }
                throw GitLabError(status: nil, message: "cannot reach GitLab for \(name): \(error)")
            } catch {
                try checkCancellation()
                throw GitLabError(status: nil, message: "cannot reach GitLab for \(name): \(type(of: error))")
            }
            await budget.record(response)
            switch response.status {
            case 200..<300:
                return response
            case 301, 302, 303, 307, 308:
                redirects += 1
                guard redirects <= 5, let location = response.header("Location"),
                    let moved = redirectTarget(location), method == "GET" || response.status >= 307
                else {
                    throw GitLabError(
                        status: response.status,
                        message: "GitLab at \(api.hostHeader) redirected \(name) somewhere Switchboard will not follow "
                            + "with the token; update the project path in the config"
                    )
                }
                target = moved
            case 429:
                tries += 1
                let wait = await budget.delayBeforeNextRequest()
                if tries < attempts && wait <= longestWait { continue }
                var error = GitLabError.answer(response, request: name, host: api.hostHeader, route: route)
                error.message += "; next try in \(Int(wait.rounded(.up))) s"
                throw error
            case let status where method == "GET" && [500, 502, 503, 504].contains(status):
                tries += 1
                if tries < attempts {
                    try await pause(backoff(tries))
                    continue
                }
                throw GitLabError.answer(response, request: name, host: api.hostHeader, route: route)
            default:
                throw GitLabError.answer(response, request: name, host: api.hostHeader, route: route)
            }
        }
    }

    /// A Location on this same server (absolute or a path), as a target; nil for anywhere else.
    func redirectTarget(_ location: String) -> String? {
        if location.hasPrefix("/") { return location }
        guard let url = try? HTTPURL(location), url.scheme == api.scheme, url.host == api.host, url.port == api.port
        else { return nil }
        return url.target
    }

    private func backoff(_ tries: Int) -> TimeInterval {
        Double.random(in: 0...(0.5 * Double(1 << min(tries, 5))))
    }

    private func pause(_ seconds: TimeInterval) async throws(GitLabError) {
        do { try await sleep(seconds) } catch { throw Self.cancelled }
    }

    private func checkCancellation() throws(GitLabError) {
        if Task.isCancelled { throw Self.cancelled }
    }

    static let cancelled = GitLabError(status: nil, message: "the GitLab request was cancelled")

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, request: String) throws(GitLabError) -> T {
        do {
            return try GitLabJSON.decoder().decode(type, from: Data(response.body))
        } catch {
            throw GitLabError(
                status: response.status,
                message: "GitLab's answer to \(request) is not what its API documents (\(GitLabJSON.describe(error)))"
            )
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters (so `group/project` becomes one path
    /// segment, `group%2Fproject`, as GitLab wants).
    public static func encode(_ text: String) -> String { PercentEncoding.component(text) }
}
