extension FakeGitLab {
    /// How the fake behaves: who may sign in, rate limits, pagination quirks.
    public struct Configuration: Sendable {
        public var tokens: [Token]
        /// Authenticated API requests a minute per token (`throttle_authenticated_api`), GitLab.com's ~2,000.
        public var rateLimitPerMinute: Int
        /// The application limit on `GET /projects/:id/jobs` (600 a minute since 16.5); nil for none.
        public var projectJobsLimitPerMinute: Int?
        /// False leaves out the `Link` header of offset pagination, so only `x-next-page` guides a client.
        public var sendsLinkHeader: Bool
        /// Above this many records `x-total`, `x-total-pages` and `rel="last"` are left out (GitLab: 10,000).
        public var countLimit: Int
        /// How many recent requests `FakeGitLab.requests` keeps (the counts by route are always complete).
        public var requestLogLimit: Int
        /// The scheme of the absolute URLs in answers (`Link`, `Location`, `web_url`); the host is the Host header.
        public var scheme: String

        public init(
            tokens: [Token] = [],
            rateLimitPerMinute: Int = 2_000,
            projectJobsLimitPerMinute: Int? = 600,
            sendsLinkHeader: Bool = true,
            countLimit: Int = 10_000,
            requestLogLimit: Int = 50_000,
            scheme: String = "http"
        ) {
            self.tokens = tokens
            self.rateLimitPerMinute = rateLimitPerMinute
            self.projectJobsLimitPerMinute = projectJobsLimitPerMinute
            self.sendsLinkHeader = sendsLinkHeader
            self.countLimit = countLimit
            self.requestLogLimit = requestLogLimit
            self.scheme = scheme
        }
    }

    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case api
        case readAPI = "read_api"
        case manageRunner = "manage_runner"
    }

    /// An access token the fake accepts. Printing one never shows its value.
    public struct Token: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
        public var value: String
        public var scopes: Set<Scope>
        public var isAdmin: Bool

        public init(_ value: String, scopes: Set<Scope> = [.api], isAdmin: Bool = false) {
            self.value = value
            self.scopes = scopes
            self.isAdmin = isAdmin
        }

        public var description: String {
            "token(" + scopes.map(\.rawValue).sorted().joined(separator: ",") + (isAdmin ? ", admin)" : ")")
        }

        public var customMirror: Mirror { Mirror(self, children: ["token": description], displayStyle: .struct) }
    }
}
