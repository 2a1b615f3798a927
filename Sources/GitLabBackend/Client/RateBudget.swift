import Foundation
import HTTPTransport
import Synchronization

/// One host's request budget, as GitLab reports it in `RateLimit-*` headers and `Retry-After`. Every client of a
/// host shares it, so two backends on one GitLab (or the console and a refresh) never spend the budget twice.
public actor RateBudget {
    public private(set) var limit: Int?
    public private(set) var remaining: Int?
    /// When the current window ends (`RateLimit-Reset`).
    public private(set) var resetAt: Date?
    /// No request before this (after a 429).
    public private(set) var blockedUntil: Date?
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    /// How long to wait before the next request: until a 429's Retry-After has passed, and, once fewer than a
    /// tenth of the budget is left, the rest of the window spread over what remains.
    public func delayBeforeNextRequest() -> TimeInterval {
        let time = now()
        if let blockedUntil, blockedUntil > time { return blockedUntil.timeIntervalSince(time) }
        guard let limit, let remaining, let resetAt, resetAt > time, remaining < limit / 10 else { return 0 }
        return min(resetAt.timeIntervalSince(time) / Double(max(remaining, 1)), 5)
    }

    /// Takes in what an answer said about the budget. Waits or resets further off than an hour are taken as an
    /// hour: a broken or hostile header must not block a host for the life of the process.
    public func record(_ response: HTTPResponse) {
        let time = now()
        func number(_ name: String) -> Double? {
            response.header(name).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.flatMap {
                $0.isFinite && $0 >= 0 && $0 < 1e12 ? $0 : nil
            }
        }
        if let value = number("RateLimit-Limit"), value >= 1 { limit = Int(value) }
        if let value = number("RateLimit-Remaining") { remaining = Int(value) }
        if let value = number("RateLimit-Reset") {
            resetAt = min(Date(timeIntervalSince1970: value), time.addingTimeInterval(Self.longestBelieved))
        }
        if response.status == 429 {
            let wait = Self.retryAfter(response, now: time) ?? resetAt.map { $0.timeIntervalSince(time) } ?? 60
            blockedUntil = time.addingTimeInterval(min(max(1, wait), Self.longestBelieved))
            remaining = 0
        }
    }

    static let longestBelieved: TimeInterval = 3_600

    /// `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ response: HTTPResponse, now: Date) -> TimeInterval? {
        guard let text = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) { return seconds.isFinite ? min(max(0, seconds), longestBelieved) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text).map { min(max(0, $0.timeIntervalSince(now)), longestBelieved) }
    }

    private static let shared = Mutex<[String: RateBudget]>([:])

    /// The budget of `host` (scheme, host and port), shared by every client in this process.
    public static func shared(for url: HTTPURL) -> RateBudget {
        let key = "\(url.scheme)://\(url.hostHeader)"
        return shared.withLock { budgets in
            if let budget = budgets[key] { return budget }
            let budget = RateBudget()
            budgets[key] = budget
            return budget
        }
    }
}
