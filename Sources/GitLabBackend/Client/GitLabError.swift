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
        let text: String
        switch status {
        case 401:
            text =
                "GitLab at \(host) refused the token for \(request) (\(said)): it is missing, expired or revoked; "
                + "check token_env or token_command"
        case 403:
            let scope = GitLabErrorBody.field("scope", in: response)
            var hint =
                route.contains("/runners")
                ? "listing runners needs a token with the manage_runner or api scope and the Owner role on the group"
                : "the token's user needs a role on the project that allows this (Developer or above)"
            if GitLabErrorBody.field("error", in: response) == "insufficient_scope" {
                hint = "the token lacks a scope" + (scope.map { " (GitLab asks for \($0))" } ?? "") + "; " + hint
            }
            text = "GitLab at \(host) forbade \(request) (\(said)): \(hint)"
        case 404:
            text = "GitLab at \(host) has no \(request) (\(said)); check the group and project names in the config"
        case 429:
            text = "GitLab at \(host) is rate-limiting \(request) (\(said))"
        case 500...599:
            text =
                "GitLab at \(host) failed on \(request) (\(status): \(said)); GitLab or a proxy in front of it is "
                + "in trouble, retry later"
        default:
            text = "GitLab at \(host) answered \(status) to \(request): \(said)"
        }
        return GitLabError(status: status, message: text)
    }
}
