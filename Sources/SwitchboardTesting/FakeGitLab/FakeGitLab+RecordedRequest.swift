import Foundation

extension FakeGitLab {
    /// How a request authenticated.
    public enum AuthKind: String, Sendable, Hashable {
        case privateToken = "PRIVATE-TOKEN"
        case bearer = "Authorization: Bearer"
        case none
    }

    /// One request the fake answered, for counting calls and asserting actions. Holds no token.
    public struct RecordedRequest: Sendable, Hashable, CustomStringConvertible {
        public var method: String
        /// As sent, with token query parameters (if any) filtered.
        public var target: String
        /// `GET /projects/:id/pipelines`; `GET (unknown)` when no route matched.
        public var route: String
        public var auth: AuthKind
        public var status: Int
        public var at: Date

        public var description: String { "\(method) \(target) → \(status) [\(auth.rawValue)]" }
    }
}
