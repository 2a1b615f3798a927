/// How long to ask a session for: what was requested (or STS's default, one hour), within the role's
/// MaxSessionDuration, and within one hour when the caller already holds role credentials (role chaining) —
/// clamped before the call, with a note saying so, rather than refused by STS afterwards.
public struct SessionDuration: Sendable, Hashable {
    public var seconds: Int
    /// Why the request was shortened, when it was.
    public var note: String?

    public static func plan(requested: Int?, maxSessionDuration: Int?, chained: Bool) -> SessionDuration {
        var seconds = requested ?? 3600
        var reasons: [String] = []
        if let max = maxSessionDuration, seconds > max {
            seconds = max
            reasons.append("the role's MaxSessionDuration is \(max) s")
        }
        if chained && seconds > 3600 {
            seconds = 3600
            reasons.append("role chaining caps sessions at 1 hour")
        }
        if seconds < 900 {
            seconds = 900
            reasons.append("STS's minimum is 900 s")
        }
        guard !reasons.isEmpty, let requested else { return SessionDuration(seconds: seconds, note: nil) }
        return SessionDuration(
            seconds: seconds,
            note: "asked for \(requested) s, requesting \(seconds) s: " + reasons.joined(separator: "; ")
        )
    }
}
