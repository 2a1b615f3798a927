import HTTPTransport
import SwitchboardCore

/// A GitLab failure as one sentence: what was asked, what GitLab said (from whichever of its error body shapes
/// it used), and what to do next. Never carries the token: requests are named by method and path only.
public struct GitLabError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int?
    public var message: String

    public init(status: Int?, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// The same failure for the console: a `BackendError` whose code says whether to retry, fix access or look
    /// elsewhere.
    public var backendError: BackendError {
        let code: BackendError.Code =
            switch status {
            case 401?, 403?: .notAllowed
            case 404?, 410?: .notFound
            case 400?, 405?, 409?, 422?: .invalidState
            default: .unavailable
            }
        return BackendError(code, message)
    }

    /// The sentence for an answer that is not a success.
    static func answer(_ response: HTTPResponse, request: String, host: String, route: String) -> GitLabError {
        let said = GitLabErrorBody.summary(response)
        let status = response.status
        // What to do first (the line is cut on a narrow screen), then who said what.
        let source = "GitLab at \(host), \(request): \(said)"
        let text: String
        switch status {
        case 401:
            text =
                "GitLab refused the token (missing, expired or revoked): check token_env or token_command (\(source))"
        case 403:
            var hint =
                route.contains("/runners")
                ? "runners need a token with the manage_runner or api scope and the group's Owner role"
                : "the token's user needs a role on the project that allows this (Developer or above)"
            if GitLabErrorBody.field("error", in: response) == "insufficient_scope" {
                let scope = GitLabErrorBody.field("scope", in: response).map { " (GitLab wants \($0))" } ?? ""
                hint = "the token lacks a scope\(scope): " + hint
            }
            text = "\(hint) (\(source))"
        case 404:
            text = "GitLab has no such resource; check the group and project names in the config (\(source))"
        case 429:
            text = "GitLab is rate-limiting these requests (\(source))"
        case 500...599:
            text = "GitLab or a proxy in front of it is failing (\(status)); retry later (\(source))"
        default:
            text = "GitLab answered \(status) (\(source))"
        }
        return GitLabError(status: status, message: text)
    }
}
