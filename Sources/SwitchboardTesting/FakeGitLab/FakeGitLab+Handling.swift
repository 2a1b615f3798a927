import Foundation

extension FakeGitLab.Storage {
    typealias Response = FakeGitLab.Response

    /// Admin routes, then faults, then the rate limit, the route, auth and the handler; every API request is
    /// recorded with the route it matched.
    mutating func handle(_ request: FakeGitLab.Request) -> Response {
        let now = clock()
        let path = request.path
        if path == "/__fake" || path.hasPrefix("/__fake/") { return admin(request, now: now) }
        let (kind, presented) = Self.credentials(request)
        let token = presented.flatMap { value in configuration.tokens.first { $0.value == value } }
        let match = FakeGitLab.Router.match(method: request.method, path: path)
        let routeName = match.route?.name ?? "\(request.method) (unknown)"
        var response: Response
        if let index = faults.firstIndex(where: { $0.remaining > 0 && $0.match.matches(request, route: routeName) }) {
            let fault = faults[index].fault
            faults[index].remaining -= 1
            if faults[index].remaining == 0 { faults.remove(at: index) }
            if case .slow(let seconds) = fault {
                response = process(request, match, token: token, now: now)
                response.behaviour = .delay(seconds: seconds)
            } else {
                response = FakeGitLab.response(for: fault)
                if response.status == 429 {
                    let reading = rate(token, now: now)
                    response.addHeaders(reading.headers(remaining: 0))
                }
            }
        } else {
            response = process(request, match, token: token, now: now)
        }
        serial += 1
        response.addHeaders([("X-Request-Id", "fake-\(serial)")])
        record(request, route: routeName, auth: kind, status: response.status, now: now)
        return response
    }

    /// The rate limit, then the route's own checks.
    private mutating func process(
        _ request: FakeGitLab.Request,
        _ match: FakeGitLab.Router.Match,
        token: FakeGitLab.Token?,
        now: Date
    ) -> Response {
        let reading = rate(token, now: now)
        if reading.exceeded {
            var response = Response.plain("Retry later\n", status: 429)
            response.addHeaders(reading.headers() + [("Retry-After", String(reading.retryAfter))])
            return response
        }
        var response = route(request, match, token: token, now: now)
        response.addHeaders(reading.headers())
        return response
    }

    private mutating func route(
        _ request: FakeGitLab.Request,
        _ match: FakeGitLab.Router.Match,
        token: FakeGitLab.Token?,
        now: Date
    ) -> Response {
        guard let route = match.route else {
            return match.pathExists ? .message(405, "405 Method Not Allowed") : .unknownRoute
        }
        guard let token else { return .unauthorized }
        let scopes = token.scopes
        switch route.access {
        case .read:
            guard !scopes.isDisjoint(with: [.api, .readAPI]) else { return .insufficientScope("api read_api") }
        case .write:
            guard scopes.contains(.api) else { return .insufficientScope("api") }
        case .runners, .admin:
            guard !scopes.isDisjoint(with: [.api, .manageRunner]) else { return .insufficientScope("api") }
            guard route.access == .runners || token.isAdmin else { return .forbidden }
        }
        if route.name == "GET /projects/:id/jobs", let limit = configuration.projectJobsLimitPerMinute {
            let reading = count("jobs_index:" + token.value, limit: limit, now: now)
            if reading.exceeded {
                return FakeGitLab.response(for: .tooManyRequests(retryAfter: reading.retryAfter, body: .json))
            }
        }
        let exchange = FakeGitLab.Exchange(
            request: request,
            params: match.params,
            now: now,
            configuration: configuration
        )
        do {
            return try route.handler(exchange, &state)
        } catch let answer as FakeGitLab.Answer {
            return answer.response
        } catch {
            return .message(500, "500 Internal Server Error")
        }
    }

    // MARK: Auth

    /// Which header carried a token, and its value (never printed or recorded).
    static func credentials(_ request: FakeGitLab.Request) -> (FakeGitLab.AuthKind, String?) {
        if let value = request.header("PRIVATE-TOKEN") { return (.privateToken, value) }
        if let value = request.header("Authorization") {
            let parts = value.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return (.bearer, String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
            return (.bearer, nil)
        }
        return (.none, nil)
    }

    // MARK: Rate limits

    struct RateReading {
        var name: String
        var limit: Int
        var observed: Int
        var resetAt: Int
        var now: Date

        var exceeded: Bool { observed > limit }

        var retryAfter: Int { max(1, resetAt - Int(now.timeIntervalSince1970.rounded(.down))) }

        func headers(remaining: Int? = nil) -> [(name: String, value: String)] {
            [
                ("RateLimit-Name", name),
                ("RateLimit-Limit", String(limit)),
                ("RateLimit-Observed", String(observed)),
                ("RateLimit-Remaining", String(remaining ?? max(0, limit - observed))),
                ("RateLimit-Reset", String(resetAt)),
                ("RateLimit-ResetTime", FakeGitLabTime.httpDate(Date(timeIntervalSince1970: Double(resetAt)))),
            ]
        }
    }

    /// Counts one request against the token's minute (or the anonymous one).
    mutating func rate(_ token: FakeGitLab.Token?, now: Date) -> RateReading {
        var reading = count(
            token.map { "api:" + $0.value } ?? "api:anonymous",
            limit: configuration.rateLimitPerMinute,
            now: now
        )
        reading.name = token == nil ? "throttle_unauthenticated_api" : "throttle_authenticated_api"
        return reading
    }

    mutating func count(_ key: String, limit: Int, now: Date) -> RateReading {
        let minute = Int((now.timeIntervalSince1970 / 60).rounded(.down))
        var window = windows[key] ?? FakeGitLab.RateWindow(minute: minute, count: 0)
        if window.minute != minute { window = FakeGitLab.RateWindow(minute: minute, count: 0) }
        window.count += 1
        windows[key] = window
        return RateReading(name: "", limit: limit, observed: window.count, resetAt: (minute + 1) * 60, now: now)
    }

    // MARK: Recording

    private mutating func record(
        _ request: FakeGitLab.Request,
        route: String,
        auth: FakeGitLab.AuthKind,
        status: Int,
        now: Date
    ) {
        total += 1
        countsByRoute[route, default: 0] += 1
        countsByStatus[status, default: 0] += 1
        log.append(
            FakeGitLab.RecordedRequest(
                method: request.method,
                target: FakeGitLab.redacted(request.target),
                route: route,
                auth: auth,
                status: status,
                at: now
            )
        )
        let limit = max(1, configuration.requestLogLimit)
        if log.count > limit + limit / 10 { log.removeFirst(log.count - limit) }
    }
}
